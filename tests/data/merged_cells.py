# Writes openpyxl_merged_cells.xlsx: a Users sheet where a Site typed once is merged
# down over several rows and a User type over two rows, as people do to avoid typing a
# value again. openpyxl 3.1.5 keeps the value only in each range's top-left cell and
# lists the ranges (<mergeCells>) after the rows, as Excel does. Then:
#   soffice --headless --convert-to xlsx --outdir lo openpyxl_merged_cells.xlsx
#   soffice --headless --convert-to ods  --outdir lo openpyxl_merged_cells.xlsx
#   soffice --headless --convert-to xls  --outdir lo openpyxl_merged_cells.xlsx
# give libreoffice_merged_cells.xlsx, .ods and .xls (LibreOffice 7.4).
import openpyxl

wb = openpyxl.Workbook()
ws = wb.active
ws.title = "Users"
ws.append(["User name*", "Email*", "User type", "Site"])
ws.append(["Ada Lovelace", "ada@example.com", None, "London"])
ws.append(["Grace Hopper", "grace@example.com", None, None])
ws.append(["Alan Turing", "alan@example.com", "Privileged", None])
ws.append(["Edsger Dijkstra", "edsger@example.com", None, None])
ws.append(["Barbara Liskov", "barbara@example.com", None, "Oslo"])
ws.append(["Donald Knuth", "donald@example.com", None, None])
ws.merge_cells("D2:D5")
ws.merge_cells("C4:C5")
ws.merge_cells("D6:D7")
wb.save("openpyxl_merged_cells.xlsx")
