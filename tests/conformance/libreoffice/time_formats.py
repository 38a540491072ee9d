"""What LibreOffice shows for numbers through time-of-day codes and Excel's built-in
time and fraction formats: writes time_formats.tsv beside this file.

Needs XlsxWriter (PyPI) and LibreOffice (Debian's libreoffice-calc-nogui). Run from any
directory:

    python3 time_formats.py

It writes each case as one row of a workbook (the code or the built-in number in
column A, the number in B through that format), has LibreOffice show the sheet as CSV
(`soffice --headless --convert-to csv`, cell contents as shown), and joins what it shows
with the cases.
"""
import csv
import os
import subprocess
import tempfile

import xlsxwriter

# Excel's built-in formats by number (ECMA-376 Part 1, 18.8.30): 12 and 13 are
# fractions, 18 to 21 times of day, 45 to 47 minutes and seconds and elapsed hours.
BUILTIN = [12, 13, 18, 19, 20, 21, 45, 46, 47]
CODES = [
    "h:mm", "hh:mm", "h:mm:ss", "hh:mm:ss", "h:mm AM/PM", "hh:mm AM/PM",
    "h:mm:ss AM/PM", "h:mm:ss am/pm", "h:mm A/P", "h:mm a/p", "h AM/PM", "mm:ss",
    "m:ss", "mm:ss.0", "hh:mm:ss.00", "h:mm:ss.000", "hh\\hmm", 'h" h "mm',
    "[h]:mm", "[mm]:ss", "hh:mm;@",
]
# The values of SSF's implied.json (those dates have), and times of day near the
# roundings.
VALUES = [
    1234567.89, 123456.789, 12345.6789, 1234.56789, 123.456789, 12.3456789,
    1.23456789, 0.123456789, 0.0123456789, 0.00123456789, 0.000123456789,
    1.23456789e-05, 1.23456789e-06, 0, 0.5, 0.7, 0.70707, 0.99999, 0.999999,
    0.3784722222222222, 0.3791550925925926, 45352.75,
]


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    cases = [(b, v) for b in BUILTIN for v in VALUES] + [(c, v) for c in CODES for v in VALUES]
    with tempfile.TemporaryDirectory() as tmp:
        book = os.path.join(tmp, "formats.xlsx")
        wb = xlsxwriter.Workbook(book)
        ws = wb.add_worksheet()
        formats = {}
        for row, (fmt, value) in enumerate(cases):
            if fmt not in formats:
                formats[fmt] = wb.add_format({"num_format": fmt})
            ws.write_string(row, 0, str(fmt))
            ws.write_number(row, 1, value, formats[fmt])
        wb.close()
        subprocess.run(
            ["soffice", "--headless", "--convert-to",
             "csv:Text - txt - csv (StarCalc):44,34,76,1,,1033,false,true,true",
             "--outdir", tmp, book],
            check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        with open(os.path.join(tmp, "formats.csv"), encoding="utf-8", newline="") as f:
            shown = [row[1] if len(row) > 1 else "" for row in csv.reader(f)]
    version = subprocess.run(["soffice", "--version"], capture_output=True, text=True).stdout.strip()
    with open(os.path.join(here, "time_formats.tsv"), "w", encoding="utf-8", newline="\n") as out:
        out.write(f"# What {version} shows (soffice --headless --convert-to csv, as shown), made by time_formats.py\n")
        out.write("# format (a built-in number, or a code)\tvalue\tLibreOffice shows\n")
        for (fmt, value), text in zip(cases, shown):
            out.write(f"{fmt}\t{value!r}\t{text}\n")


if __name__ == "__main__":
    main()
