"""Fills in and fixes the workbooks the crate writes, as a person's spreadsheet program
would save them: openpyxl for the filled templates and the fixed errors workbook,
LibreOffice for the errors workbook saved unfixed.

Made by (from the repository root, with openpyxl 3.1.5 and LibreOffice installed):

    cargo run -q -p bulk-users-cli -- --lang fr --template /tmp/fill/template_fr.xlsx
    cargo run -q -p bulk-users-cli -- --lang ja --template /tmp/fill/template_ja.xlsx
    cargo run -q -p bulk-users-cli -- cli/data/sample.csv --errors-file /tmp/fill/errors.xlsx
    python3 tests/data/filled_workbooks.py /tmp/fill tests/data
"""

import os
import shutil
import subprocess
import sys

import openpyxl

source, out = sys.argv[1], sys.argv[2]


def fill(template, rows, name):
    book = openpyxl.load_workbook(os.path.join(source, template))
    sheet = book["Users"]
    for r, row in enumerate(rows, start=2):
        for c, value in enumerate(row, start=1):
            if value is not None:
                sheet.cell(row=r, column=c, value=value)
    book.save(os.path.join(out, name))


fill(
    "template_fr.xlsx",
    [
        ("Élodie Martin", "elodie.martin@exemple.fr", "Privilégié", "Lyon"),
        ("Jean Dupont", "jean.dupont@exemple.fr", None, None),
        ("Zoë Lefèvre", "zoe@exemple.fr", "Standard", "Paris"),
    ],
    "openpyxl_filled_template_fr.xlsx",
)
fill(
    "template_ja.xlsx",
    [
        ("山田 太郎", "taro.yamada@example.jp", "特権", "東京本社"),
        ("佐藤 花子", "hanako.sato@example.jp", "標準", None),
        ("鈴木 一郎", "ichiro@example.jp", None, "大阪支店"),
    ],
    "openpyxl_filled_template_ja.xlsx",
)

# The errors workbook of cli/data/sample.csv: its four marked cells fixed.
book = openpyxl.load_workbook(os.path.join(source, "errors.xlsx"))
sheet = book["Users"]
sheet["B4"] = "alan.turing@example.com"
sheet["C6"] = "Standard"
sheet["A7"] = "Mallory"
sheet["B8"] = "edsger@example.com"
book.save(os.path.join(out, "openpyxl_fixed_errors_workbook.xlsx"))

# The same errors workbook, unfixed, saved again by LibreOffice.
work = os.path.join(source, "libreoffice")
os.makedirs(work, exist_ok=True)
shutil.copy(os.path.join(source, "errors.xlsx"), os.path.join(work, "libreoffice_resaved_errors_workbook.xlsx"))
subprocess.run(
    ["soffice", "--headless", "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", out,
     os.path.join(work, "libreoffice_resaved_errors_workbook.xlsx")],
    check=True,
)
