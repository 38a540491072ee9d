#!/usr/bin/env python3
"""Writes the TSV tables of this folder from Apache POI's format test workbooks:

    python3 tests/conformance/poi/extract.py /path/to/poi/test-data/spreadsheet

The "Tests" sheet of each workbook in BOOKS holds, per row, Excel's own
TEXT(value, format) result (the formula's value as Excel saved it), the format code and
the value. A date value is written as the serial number the cell holds, in the
workbook's own date system (the table's first line names it). FormatKM.xlsx holds a
value in column A and, under each format code of row 1, the text its author typed
beside it as what Excel shows.

Only rows whose value is a number or a date are kept. Needs openpyxl.
"""
import datetime
import os
import sys

import openpyxl
from openpyxl.utils.datetime import CALENDAR_MAC_1904, to_excel

BOOKS = {
    "NumberFormatTests.xlsx": "number.tsv",
    "GeneralFormatTests.xlsx": "general.tsv",
    "FormatChoiceTests.xlsx": "choice.tsv",
    "FormatConditionTests.xlsx": "condition.tsv",
    "ElapsedFormatTests.xlsx": "elapsed.tsv",
    "DateFormatTests.xlsx": "date.tsv",
    "DateFormatNumberTests.xlsx": "date_number.tsv",
}


def date_system(book):
    return "1904" if book.epoch == CALENDAR_MAC_1904 else "1900"


def serial(value, book):
    if isinstance(value, datetime.datetime):
        return float(to_excel(value, book.epoch))
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return float(value)
    return None


def write(path, source, book, rows):
    with open(path, "w", encoding="utf-8") as out:
        out.write(f"# Apache POI test-data/spreadsheet/{source} ({date_system(book)} date system)\n")
        out.write("# format\tvalue\tExcel shows\n")
        for code, value, shown in rows:
            if any(c in str(code) + str(shown) for c in "\t\n"):
                continue
            out.write(f"{code}\t{value!r}\t{shown}\n")


def main(folder):
    here = os.path.dirname(os.path.abspath(__file__))
    for source, table in BOOKS.items():
        book = openpyxl.load_workbook(os.path.join(folder, source), data_only=True)
        rows = []
        for row in book["Tests"].iter_rows(min_row=2, values_only=True):
            shown, code, value = row[0], row[1], serial(row[2], book)
            if value is not None and code is not None and shown is not None:
                rows.append((code, value, shown))
        write(os.path.join(here, table), source, book, rows)
    book = openpyxl.load_workbook(os.path.join(folder, "FormatKM.xlsx"))
    sheet = book["Sheet1"]
    codes = [(1, sheet.cell(1, 2).value), (3, sheet.cell(1, 4).value)]
    rows = []
    for row in sheet.iter_rows(min_row=2, values_only=True):
        for column, code in codes:
            if serial(row[0], book) is not None and row[column + 1] is not None:
                rows.append((code, serial(row[0], book), row[column + 1]))
    write(os.path.join(here, "km.tsv"), "FormatKM.xlsx", book, rows)


if __name__ == "__main__":
    main(sys.argv[1])
