#!/usr/bin/perl
# Writes writeexcel_formulas.xls with Spreadsheet::WriteExcel 2.40 (Debian's
# libspreadsheet-writeexcel-perl), the Perl writer behind many older systems' Excel
# exports. It does not calculate: each formula is saved with the result 0 and marked
# to be calculated when the file is opened, unless the program gives its value.
# Excel and LibreOffice 7.4.7 calculate them when they open the file and show London
# and 7 for Ada's and Grace's Sites. Alan's Site is given with its value, OSLO;
# Edsger's is a plain number 7 shown through 000.
#   perl writeexcel_formulas.pl
use strict;
use warnings;
use Spreadsheet::WriteExcel;

my $book = Spreadsheet::WriteExcel->new('writeexcel_formulas.xls');
my $sheet = $book->add_worksheet('Users');
$sheet->write_row(0, 0, ['User name*', 'Email*', 'User type', 'Site']);
$sheet->write_row(1, 0, ['Ada Lovelace', 'ada@example.com', 'Privileged']);
$sheet->write_formula(1, 3, '="Lon"&"don"');
$sheet->write_row(2, 0, ['Grace Hopper', 'grace@example.com', '']);
$sheet->write_formula(2, 3, '=3+4');
$sheet->write_row(3, 0, ['Alan Turing', 'alan@example.com', '']);
$sheet->write_formula(3, 3, '=UPPER("oslo")', undef, 'OSLO');
$sheet->write_row(4, 0, ['Edsger Dijkstra', 'edsger@example.com', '']);
$sheet->write_number(4, 3, 7, $book->add_format(num_format => '000'));
$book->close();
