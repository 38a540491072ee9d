"""Writes xlwt_text_formats.xls with xlwt 1.3.0 (pip install xlwt): three users whose
Site is the text Oslo, through the formats "Site "@, ;;; and @. LibreOffice 7.4.7 shows
Site Oslo, an empty cell and Oslo, as Excel does (a format's text section shows text).

    python3 xlwt_text_formats.py
"""
import xlwt

book = xlwt.Workbook()
sheet = book.add_sheet("Users")
for column, header in enumerate(["User name*", "Email*", "User type", "Site"]):
    sheet.write(0, column, header)
rows = [
    ("Ada Lovelace", "ada@example.com", '"Site "@'),
    ("Alan Turing", "alan@example.com", ";;;"),
    ("Grace Hopper", "grace@example.com", "@"),
]
for row, (name, email, code) in enumerate(rows, start=1):
    sheet.write(row, 0, name)
    sheet.write(row, 1, email)
    sheet.write(row, 3, "Oslo", xlwt.easyxf(num_format_str=code))
book.save("xlwt_text_formats.xls")
