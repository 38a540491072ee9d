"""Writes openpyxl_array_formula.xlsx (openpyxl 3.1.5) and xlsxwriter_array_formula.xlsx
(XlsxWriter 3.3.1): three users whose Sites are one array formula over D2:D4,
{=UPPER(Data!A1:A3)}, saved without its result. openpyxl saves an empty result in D2
and nothing in D3:D4; XlsxWriter saves 0 in each. Both mark the workbook to be
recalculated when opened, and LibreOffice 7.4.7 shows OSLO, BERGEN and TROMSO.

    python3 tests/data/array_formulas.py tests/data
"""

import os
import sys

import openpyxl
import xlsxwriter
from openpyxl.worksheet.formula import ArrayFormula

ROWS = [
    ["User name*", "Email*", "User type", "Site"],
    ["Ada", "ada@example.com", "", None],
    ["Bob", "bob@example.com", "", None],
    ["Cy", "cy@example.com", "", None],
]
CITIES = ["oslo", "bergen", "tromso"]
folder = sys.argv[1]

book = openpyxl.Workbook()
users = book.active
users.title = "Users"
for row in ROWS:
    users.append(row)
users["D2"] = ArrayFormula("D2:D4", "=UPPER(Data!A1:A3)")
data = book.create_sheet("Data")
for city in CITIES:
    data.append([city])
book.save(os.path.join(folder, "openpyxl_array_formula.xlsx"))

book = xlsxwriter.Workbook(os.path.join(folder, "xlsxwriter_array_formula.xlsx"))
users = book.add_worksheet("Users")
data = book.add_worksheet("Data")
for r, row in enumerate(ROWS):
    for c, value in enumerate(row):
        if value is not None:
            users.write(r, c, value)
for r, city in enumerate(CITIES):
    data.write(r, 0, city)
users.write_array_formula("D2:D4", "{=UPPER(Data!A1:A3)}")
book.close()
