# Writes formats.xlsx: one number per row in column B, shown through the format in
# column A. tests/data/libreoffice_number_formats_shown.csv is what LibreOffice 7.4
# shows for each, from:
#   soffice --headless --convert-to \
#     'csv:Text - txt - csv (StarCalc):44,34,76,1,,1033,false,true,true' formats.xlsx
# (the last "true": save cell contents as shown), joined with the values below by
# running this script again with `--join formats.csv`.
import csv
import sys
cases = [
 (42,"000"),(123,"0000"),(98765,"#,##0"),(1234567.891,"#,##0.00"),(0.5,"#,##0"),(2.5,"0"),(1.005,"0.00"),
 (0,"#"),(0.25,"0.0%"),(0.5,"0%"),(3,'"Office "0'),(7,'"Site "0'),(1234.5,"0.00E+00"),(0.000123,"0.0E+0"),
 (12345,"##0.0E+0"),(1500000,'#,##0,,"M"'),(5,"0_);(0)"),(-5,"0_);(0)"),(-5,"0"),(0,'0;-0;"zero"'),
 (12.5,"[$€-407] #,##0.00"),(12.5,"[Red]0.0"),(12,"\\#0"),(1.5,"0.##"),(1.5,"0.0?"),(5,"??0"),
 (123456789,"000-00-0000"),(42,'"ID "General'),(12.5,".00"),(0.5,".00"),(-0.0001,"0.00"),(999.999,"0.00"),
 (1e20,"0"),(0.125,"0.00"),(-1234.5,"#,##0.00;(#,##0.00)"),(1234,"#,##0 ;(#,##0)"),(0.0005,"0.000%"),
 (101,"0.0"),(7,"00"),(1234.5678,"#,##0.000"),(-0.5,"0"),(100,"#,##0.00 \"kr\""),(65,"0\" %\""),
 # Sections for negative numbers and zero in date, time and elapsed codes.
 (0,'dd/mm/yyyy;dd/mm/yyyy;_-* ""??_-;_-@_-'),(0,"yyyy-mm-dd;;"),(-2,'yyyy-mm-dd;"before";"none"'),
 (0,'yyyy-mm-dd;"before";"none"'),(0,'h:mm AM/PM;;"none"'),(0.75,'h:mm AM/PM;;"none"'),
 (-1,'[h]:mm;"negative"'),(0,"[h]:mm;[h]:mm;"),(-1.5,"[h]:mm;[h]:mm"),
]
if sys.argv[1:2] == ["--join"]:
    shown = list(csv.reader(open(sys.argv[2], encoding="utf-8", newline="")))
    assert [row[0] for row in shown] == [f for _, f in cases]
    out = csv.writer(open("libreoffice_number_formats_shown.csv", "w", encoding="utf-8", newline=""), lineterminator="\n")
    out.writerow(["format", "value", "shown"])
    for (v, f), row in zip(cases, shown):
        out.writerow([f, repr(float(v)), row[1]])
    sys.exit()
import xlsxwriter
wb = xlsxwriter.Workbook("formats.xlsx")
ws = wb.add_worksheet()
for i,(v,f) in enumerate(cases):
    ws.write_string(i,0,f)
    ws.write_number(i,1,v,wb.add_format({"num_format":f}))
wb.close()
