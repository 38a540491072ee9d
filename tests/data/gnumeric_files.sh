#!/bin/sh
# Makes gnumeric_formulas.ods: libreoffice_formulas.xlsx (formulas with the results
# LibreOffice saved) saved as OpenDocument by Gnumeric 1.12.55's ssconvert. Gnumeric
# names the data style `General` in its cell styles without defining it, and writes a
# cell's text as its narrow column shows it (`1E+02` for 101); LibreOffice shows the
# values as its Standard format: OSLO and 101.
#
# Makes gnumeric_numbers.ods: four users whose Sites are numbers, read by ssconvert from
# CSV text and saved as OpenDocument. Gnumeric's default cell style limits the Standard
# format to 13 decimals (style:decimal-places="13"); LibreOffice 7.4.7 shows
# 0.6666666666667, 1.2345678901235E+15, 0.0000000001 and 101.
#   sh tests/data/gnumeric_files.sh   # needs ssconvert (Debian: gnumeric)
set -e
cd "$(dirname "$0")"
ssconvert -T Gnumeric_OpenCalc:odf libreoffice_formulas.xlsx gnumeric_formulas.ods
numbers=$(mktemp --suffix=.csv)
printf 'User name*,Email*,User type,Site\nAda Lovelace,ada@example.com,,0.6666666666666666\nGrace Hopper,grace@example.com,,1234567890123457\nAlan Turing,alan@example.com,,0.0000000001\nEdsger Dijkstra,edsger@example.com,,101\n' > "$numbers"
ssconvert -T Gnumeric_OpenCalc:odf "$numbers" gnumeric_numbers.ods
rm "$numbers"
