#!/usr/bin/env python3
"""Makes the .xls fixtures below: libreoffice_*.xls, workbooks written with openpyxl 3.1,
then saved as Excel 97-2003 by LibreOffice 7.4.7; gnumeric_excel95.xls,
the same kind of workbook saved as Excel 5.0/95 (BIFF5) by Gnumeric 1.12.55's ssconvert,
since LibreOffice no longer writes that version:

    python3 tests/data/xls_files.py   # needs openpyxl, xlwt, soffice and ssconvert

libreoffice_1904.xls counts dates from 1904 (DATEMODE 1): Ada's Site is the date
2021-01-01, Bob's 1907-01-16 10:10:10. libreoffice_number_formats.xls holds numbers
shown through 0%, 0.0%, #,##0, $#,##0.00 and 000: 65.2%, 16,623, $1,337.00, 007.
libreoffice_far_cells.xls has a value in its last cell, IV65536.
libreoffice_formulas.xls has formulas with their saved results: Ada's User type and
Site are Privileged and LONDON, Bob's Site 7 through 000 (007).
libreoffice_hidden_rows.xls has three users, Bob's row (3) hidden and Cy's (4) filtered
out by an autofilter.
libreoffice_no_dates.xls has the Sites -1 and 2958466 through yyyy-mm-dd, and -0.25 and
0.25 through h:mm: Excel shows #####, #####, ##### and 6:00.
xlwt_formulas.xls is written by xlwt 1.3.0, which does not calculate: its Sites are the
formulas ="Lon"&"don" and =3+4, each saved with an empty result, and no RECALCID record;
LibreOffice and Excel calculate them on opening and show London and 7.
gnumeric_excel95.xls has a sheet "Notes" before "Users", whose Sites are numbers shown
through 0.0%, #,##0, #,##0.00 "€" (the euro sign is byte 0x80 of code page 1252), 000
and "Site "0: LibreOffice shows 65.2%, 16,623, 1,337.00 €, 007, Site 12.
"""
import datetime, os, shutil, subprocess, tempfile
import openpyxl
import xlwt

HERE = os.path.dirname(os.path.abspath(__file__))


def users(sheet):
    sheet.append(["User name", "Email", "User type", "Site"])


def main():
    with tempfile.TemporaryDirectory() as tmp:
        book = openpyxl.Workbook()
        book.epoch = openpyxl.utils.datetime.CALENDAR_MAC_1904
        sheet = book.active
        sheet.title = "Users"
        users(sheet)
        sheet.append(["Ada", "ada@example.com", "", datetime.date(2021, 1, 1)])
        sheet.append(["Bob", "bob@example.com", "", datetime.datetime(1907, 1, 16, 10, 10, 10)])
        sheet["D2"].number_format = "yyyy-mm-dd"
        sheet["D3"].number_format = "yyyy-mm-dd hh:mm:ss"
        book.save(os.path.join(tmp, "libreoffice_1904.xlsx"))

        book = openpyxl.Workbook()
        sheet = book.active
        sheet.title = "Users"
        users(sheet)
        for i, (value, code) in enumerate([(0.652027207027097, "0.0%"), (16623, "#,##0"),
                                           (1337, "$#,##0.00"), (7, "000"), (0.5, "0%")]):
            sheet.append([f"User {i}", f"user{i}@example.com", "", value])
            sheet.cell(row=i + 2, column=4).number_format = code
        book.save(os.path.join(tmp, "libreoffice_number_formats.xlsx"))

        # A header, one user, and a value in the sheet's last cell (as in Apache POI's
        # bug 51535 file): 16 million cells from first to last.
        book = openpyxl.Workbook()
        sheet = book.active
        sheet.title = "Users"
        users(sheet)
        sheet.append(["Ada", "ada@example.com", "", "HQ"])
        sheet["IV65536"] = "far"
        book.save(os.path.join(tmp, "libreoffice_far_cells.xlsx"))

        book = openpyxl.Workbook()
        book.active.title = "Notes"
        book.active.append(["Users are on the next sheet."])
        sheet = book.create_sheet("Users")
        users(sheet)
        for i, (value, code) in enumerate([(0.652027207027097, "0.0%"), (16623, "#,##0"),
                                           (1337, '#,##0.00 "€"'), (7, "000"),
                                           (12, '"Site "0')]):
            sheet.append([f"User {i}", f"user{i}@example.com", "", value])
            sheet.cell(row=i + 2, column=4).number_format = code
        book.save(os.path.join(tmp, "gnumeric_excel95.xlsx"))
        subprocess.run(["ssconvert", "-T", "Gnumeric_Excel:excel_biff7",
                        os.path.join(tmp, "gnumeric_excel95.xlsx"),
                        os.path.join(HERE, "gnumeric_excel95.xls")],
                       check=True, capture_output=True)

        # Formulas, which LibreOffice calculates and saves with their results.
        book = openpyxl.Workbook()
        sheet = book.active
        sheet.title = "Users"
        users(sheet)
        sheet.append(["Ada", "ada@example.com", '=IF(1=1,"Privileged","")', '=UPPER("london")'])
        sheet.append(["Bob", "bob@example.com", "Standard", "=3+4"])
        sheet["D3"].number_format = "000"
        book.save(os.path.join(tmp, "libreoffice_formulas.xlsx"))

        # Formulas saved by a writer that does not calculate.
        book = xlwt.Workbook()
        sheet = book.add_sheet("Users")
        for column, title in enumerate(["User name", "Email", "User type", "Site"]):
            sheet.write(0, column, title)
        sheet.write(1, 0, "Ada")
        sheet.write(1, 1, "ada@example.com")
        sheet.write(1, 3, xlwt.Formula('"Lon"&"don"'))
        sheet.write(2, 0, "Bob")
        sheet.write(2, 1, "bob@example.com")
        sheet.write(2, 3, xlwt.Formula("3+4"))
        book.save(os.path.join(HERE, "xlwt_formulas.xls"))

        # Hidden rows: Bob's row hidden, Cy's filtered out by an autofilter.
        book = openpyxl.Workbook()
        sheet = book.active
        sheet.title = "Users"
        sheet.append(["User name", "Email"])
        for name in ("Ada", "Bob", "Cy"):
            sheet.append([name, name.lower() + "@example.com"])
        sheet.row_dimensions[3].hidden = True
        sheet.auto_filter.ref = "A1:B4"
        sheet.auto_filter.add_filter_column(0, ["Ada", "Bob"])
        sheet.row_dimensions[4].hidden = True
        book.save(os.path.join(tmp, "libreoffice_hidden_rows.xlsx"))

        # Numbers no date or time has, through date and time formats: Excel shows #####.
        book = openpyxl.Workbook()
        sheet = book.active
        sheet.title = "Users"
        users(sheet)
        for i, (value, code) in enumerate([(-1, "yyyy-mm-dd"), (2958466, "yyyy-mm-dd"),
                                           (-0.25, "h:mm"), (0.25, "h:mm")]):
            sheet.append([f"User {i}", f"user{i}@example.com", "", value])
            sheet.cell(row=i + 2, column=4).number_format = code
        book.save(os.path.join(tmp, "libreoffice_no_dates.xlsx"))

        for name in ("libreoffice_1904", "libreoffice_number_formats", "libreoffice_far_cells",
                     "libreoffice_formulas", "libreoffice_hidden_rows", "libreoffice_no_dates"):
            subprocess.run(["soffice", "--headless", "--convert-to", "xls:MS Excel 97",
                            "--outdir", tmp, os.path.join(tmp, name + ".xlsx")],
                           check=True, capture_output=True)
            shutil.copy(os.path.join(tmp, name + ".xls"), os.path.join(HERE, name + ".xls"))


if __name__ == "__main__":
    main()
