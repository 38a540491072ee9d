#!/usr/bin/env python3
"""Writes the TSV tables of this folder from Apache POI's format test workbooks, whose
"Tests" sheet holds, per row, Excel's own TEXT(value, format) result (the formula's value
as Excel saved it), the format code and the value:

    python3 tests/conformance/poi/extract.py /path/to/poi/test-data/spreadsheet

Only rows whose value is a number are kept. Needs openpyxl.
"""
import os, sys
import openpyxl

BOOKS = {
    "NumberFormatTests.xlsx": "number.tsv",
    "GeneralFormatTests.xlsx": "general.tsv",
    "FormatChoiceTests.xlsx": "choice.tsv",
    "FormatConditionTests.xlsx": "condition.tsv",
    "ElapsedFormatTests.xlsx": "elapsed.tsv",
}


def main(folder):
    here = os.path.dirname(os.path.abspath(__file__))
    for book, table in BOOKS.items():
        sheet = openpyxl.load_workbook(os.path.join(folder, book), data_only=True)["Tests"]
        with open(os.path.join(here, table), "w", encoding="utf-8") as out:
            out.write(f"# Apache POI test-data/spreadsheet/{book}: Excel's TEXT(value, format)\n")
            out.write("# format\tvalue\tExcel shows\n")
            for row in sheet.iter_rows(min_row=2, values_only=True):
                shown, code, value = row[0], row[1], row[2]
                if not isinstance(value, (int, float)) or isinstance(value, bool) or code is None or shown is None:
                    continue
                if any(c in str(code) + str(shown) for c in "\t\n"):
                    continue
                out.write(f"{code}\t{float(value)!r}\t{shown}\n")


if __name__ == "__main__":
    main(sys.argv[1])
