#!/usr/bin/env python3
"""Makes ods_styles.tsv: what LibreOffice shows for a value in an .ods cell with a data style.

Each case is one cell: its value type and value, the text a writer put beside it
(text:p; "=" means the text LibreOffice shows, as LibreOffice itself writes it), the
data style its cell style names (empty: none), and whether its column is declared
(table:table-column): LibreOffice, odfpy and ezodf declare every column, pandas none.
A cell without a data style in a declared column takes the document's Default cell
style, and LibreOffice then shows a value typed as a percentage, a time, a date or a
boolean through its type's standard format; in an undeclared column, as a number. This script writes each as an .ods and
has LibreOffice convert it to CSV "as shown", and records what LibreOffice showed.

    python3 tests/conformance/libreoffice/ods_styles.py   # needs soffice on the PATH

It also makes ods_limited_standard.tsv: what LibreOffice shows for a number without a
data style in a document whose default cell style limits the decimals of its Standard
format (style:decimal-places, which Gnumeric writes as 13, and LibreOffice's option
"Limit decimals for general number format" sets).

The crate's test (tests/integration/conformance.rs) builds the same cells and compares.
"""
import csv, os, subprocess, sys, tempfile, zipfile

HERE = os.path.dirname(os.path.abspath(__file__))

NUMBER = 'number:number number:min-integer-digits="1"'
CASES = [
    # name, value type, value, text:p, data style (its name is always N)
    ("pandas float, no style", "float", "101", "101.0", ""),
    ("grouping, 2 decimals", "float", "1234.5", "=", f'<number:number-style style:name="N"><{NUMBER} number:decimal-places="2" number:grouping="true"/></number:number-style>'),
    ("3 integer digits", "float", "7", "=", '<number:number-style style:name="N"><number:number number:decimal-places="0" number:min-integer-digits="3"/></number:number-style>'),
    ("percentage", "percentage", "0.652027207027097", "=", f'<number:percentage-style style:name="N"><{NUMBER} number:decimal-places="1"/><number:text>%</number:text></number:percentage-style>'),
    ("currency", "currency", "1337", "=", f'<number:currency-style style:name="N"><number:currency-symbol>$</number:currency-symbol><{NUMBER} number:decimal-places="2" number:grouping="true"/></number:currency-style>'),
    ("time of day, AM/PM, long duration (SheetJS)", "time", "PT296296H17M36S", "=", '<number:time-style style:name="N"><number:hours/><number:text>:</number:text><number:minutes number:style="long"/><number:text> </number:text><number:am-pm/></number:time-style>'),
    ("elapsed hours", "time", "PT36H00M00S", "=", '<number:time-style style:name="N" number:truncate-on-overflow="false"><number:hours/><number:text>:</number:text><number:minutes number:style="long"/><number:text>:</number:text><number:seconds number:style="long"/></number:time-style>'),
    ("time of day, 24 h", "time", "PT09H05M00S", "=", '<number:time-style style:name="N"><number:hours number:style="long"/><number:text>:</number:text><number:minutes number:style="long"/></number:time-style>'),
    ("time, no style", "time", "PT10H30M00S", "10:30:00", ""),
    ("time written short, no style", "time", "PT36H", "36:00:00", ""),
    ("time in days and hours, elapsed hours", "time", "P1DT12H30M", "=", '<number:time-style style:name="N" number:truncate-on-overflow="false"><number:hours/><number:text>:</number:text><number:minutes number:style="long"/></number:time-style>'),
    ("time in minutes alone, 24 h", "time", "PT90M", "=", '<number:time-style style:name="N"><number:hours number:style="long"/><number:text>:</number:text><number:minutes number:style="long"/></number:time-style>'),
    ("fraction", "float", "0.5", "=", '<number:number-style style:name="N"><number:fraction number:min-integer-digits="0" number:min-numerator-digits="1" number:min-denominator-digits="1"/></number:number-style>'),
    ("scientific", "float", "12345", "=", '<number:number-style style:name="N"><number:scientific-number number:decimal-places="2" number:min-integer-digits="1" number:min-exponent-digits="2"/></number:number-style>'),
    ("literal text before", "float", "5", "=", f'<number:number-style style:name="N"><number:text>Site </number:text><{NUMBER} number:decimal-places="0"/></number:number-style>'),
    ("display factor, millions", "float", "1234567", "=", f'<number:number-style style:name="N"><{NUMBER} number:decimal-places="1" number:display-factor="1000000"/><number:text>M</number:text></number:number-style>'),
    ("rounded to a whole number", "float", "1234.6", "=", f'<number:number-style style:name="N"><{NUMBER} number:decimal-places="0"/></number:number-style>'),
    ("optional decimals", "float", "3.5", "=", f'<number:number-style style:name="N"><{NUMBER} number:decimal-places="3" number:min-decimal-places="1"/></number:number-style>'),
    ("General, large", "float", "1E+20", "=", ""),
    ("General, 12 digits", "float", "123456789012", "=", ""),
    ("General, 16 digits", "float", "1E+15", "=", ""),
    ("General, small", "float", "0.000012345", "=", ""),
    ("General, a third", "float", "0.333333333333333333", "=", ""),
    ("General, tiny", "float", "1E-10", "=", ""),
    ("General, 20 digits", "float", "12345678901234567890", "=", ""),
    ("General, 10^-7", "float", "1E-07", "=", ""),
    ("General, negative 10^-7", "float", "-1E-07", "=", ""),
    ("General, 10^-9", "float", "1E-09", "=", ""),
    ("General, 1.5 x 10^-6", "float", "1.5E-06", "=", ""),
    ("General, 16 decimals below 10^-4", "float", "1.2345678E-09", "=", ""),
    ("General, 17 decimals below 10^-4", "float", "1.23456789E-09", "=", ""),
    ("General, 12 digits at 10^-5", "float", "1.23456789012E-05", "=", ""),
    ("General, 13 digits at 10^-5", "float", "1.234567890123E-05", "=", ""),
    ("General, 18 decimals at 10^-4", "float", "0.000123456789012345", "=", ""),
    ("General, rounds up to 10^-4", "float", "9.999999999999999E-05", "=", ""),
    ("General, 16-digit whole number", "float", "1234567890123457", "=", ""),
    ("General, whole number below 2^53", "float", "9007199254740991", "=", ""),
    ("General, whole number at 2^53", "float", "9007199254740992", "=", ""),
    ("General, 9.1 x 10^15", "float", "9.1E+15", "=", ""),
    ("General, past 10^15 with a fraction", "float", "1000000000000000.2", "=", ""),
    ("General, below 10^15 rounding up to it", "float", "999999999999999.8", "=", ""),
    ("Standard data style", "float", "2.5", "2.50", '<number:number-style style:name="N"><number:number number:min-integer-digits="1"/></number:number-style>'),
    ("German separators", "float", "1234.5", "=", f'<number:number-style style:name="N" number:language="de" number:country="DE"><{NUMBER} number:decimal-places="2" number:grouping="true"/></number:number-style>'),
    ("separators of fr-FR", "float", "1234567.891", "=", f'<number:number-style style:name="N" number:language="fr" number:country="FR"><{NUMBER} number:decimal-places="2" number:grouping="true"/></number:number-style>'),
    ("separators of es-ES", "float", "1234567.891", "=", f'<number:number-style style:name="N" number:language="es" number:country="ES"><{NUMBER} number:decimal-places="2" number:grouping="true"/></number:number-style>'),
    ("separators of it-IT", "float", "1234567.891", "=", f'<number:number-style style:name="N" number:language="it" number:country="IT"><{NUMBER} number:decimal-places="2" number:grouping="true"/></number:number-style>'),
    ("separators of nl-NL", "float", "1234567.891", "=", f'<number:number-style style:name="N" number:language="nl" number:country="NL"><{NUMBER} number:decimal-places="2" number:grouping="true"/></number:number-style>'),
    ("separators of pt-BR", "float", "1234567.891", "=", f'<number:number-style style:name="N" number:language="pt" number:country="BR"><{NUMBER} number:decimal-places="2" number:grouping="true"/></number:number-style>'),
    ("separators of pt-PT", "float", "1234567.891", "=", f'<number:number-style style:name="N" number:language="pt" number:country="PT"><{NUMBER} number:decimal-places="2" number:grouping="true"/></number:number-style>'),
    ("separators of sv-SE", "float", "1234567.891", "=", f'<number:number-style style:name="N" number:language="sv" number:country="SE"><{NUMBER} number:decimal-places="2" number:grouping="true"/></number:number-style>'),
    ("separators of fi-FI", "float", "1234567.891", "=", f'<number:number-style style:name="N" number:language="fi" number:country="FI"><{NUMBER} number:decimal-places="2" number:grouping="true"/></number:number-style>'),
    ("separators of nb-NO", "float", "1234567.891", "=", f'<number:number-style style:name="N" number:language="nb" number:country="NO"><{NUMBER} number:decimal-places="2" number:grouping="true"/></number:number-style>'),
    ("separators of da-DK", "float", "1234567.891", "=", f'<number:number-style style:name="N" number:language="da" number:country="DK"><{NUMBER} number:decimal-places="2" number:grouping="true"/></number:number-style>'),
    ("separators of pl-PL", "float", "1234567.891", "=", f'<number:number-style style:name="N" number:language="pl" number:country="PL"><{NUMBER} number:decimal-places="2" number:grouping="true"/></number:number-style>'),
    ("separators of cs-CZ", "float", "1234567.891", "=", f'<number:number-style style:name="N" number:language="cs" number:country="CZ"><{NUMBER} number:decimal-places="2" number:grouping="true"/></number:number-style>'),
    ("separators of ru-RU", "float", "1234567.891", "=", f'<number:number-style style:name="N" number:language="ru" number:country="RU"><{NUMBER} number:decimal-places="2" number:grouping="true"/></number:number-style>'),
    ("separators of tr-TR", "float", "1234567.891", "=", f'<number:number-style style:name="N" number:language="tr" number:country="TR"><{NUMBER} number:decimal-places="2" number:grouping="true"/></number:number-style>'),
    ("separators of de-CH", "float", "1234567.891", "=", f'<number:number-style style:name="N" number:language="de" number:country="CH"><{NUMBER} number:decimal-places="2" number:grouping="true"/></number:number-style>'),
    ("separators of de-AT", "float", "1234567.891", "=", f'<number:number-style style:name="N" number:language="de" number:country="AT"><{NUMBER} number:decimal-places="2" number:grouping="true"/></number:number-style>'),
    ("separators of en-US", "float", "1234567.891", "=", f'<number:number-style style:name="N" number:language="en" number:country="US"><{NUMBER} number:decimal-places="2" number:grouping="true"/></number:number-style>'),
    ("separators of en-GB", "float", "1234567.891", "=", f'<number:number-style style:name="N" number:language="en" number:country="GB"><{NUMBER} number:decimal-places="2" number:grouping="true"/></number:number-style>'),
    ("separators of en-IN", "float", "1234567.891", "=", f'<number:number-style style:name="N" number:language="en" number:country="IN"><{NUMBER} number:decimal-places="2" number:grouping="true"/></number:number-style>'),
    ("separators of ja-JP", "float", "1234567.891", "=", f'<number:number-style style:name="N" number:language="ja" number:country="JP"><{NUMBER} number:decimal-places="2" number:grouping="true"/></number:number-style>'),
    ("separators of hu-HU", "float", "1234567.891", "=", f'<number:number-style style:name="N" number:language="hu" number:country="HU"><{NUMBER} number:decimal-places="2" number:grouping="true"/></number:number-style>'),
    ("separators of uk-UA", "float", "1234567.891", "=", f'<number:number-style style:name="N" number:language="uk" number:country="UA"><{NUMBER} number:decimal-places="2" number:grouping="true"/></number:number-style>'),
    ("separators of el-GR", "float", "1234567.891", "=", f'<number:number-style style:name="N" number:language="el" number:country="GR"><{NUMBER} number:decimal-places="2" number:grouping="true"/></number:number-style>'),
    ("separators of ro-RO", "float", "1234567.891", "=", f'<number:number-style style:name="N" number:language="ro" number:country="RO"><{NUMBER} number:decimal-places="2" number:grouping="true"/></number:number-style>'),
    ("separators of zh-CN", "float", "1234567.891", "=", f'<number:number-style style:name="N" number:language="zh" number:country="CN"><{NUMBER} number:decimal-places="2" number:grouping="true"/></number:number-style>'),
    ("separators of ko-KR", "float", "1234567.891", "=", f'<number:number-style style:name="N" number:language="ko" number:country="KR"><{NUMBER} number:decimal-places="2" number:grouping="true"/></number:number-style>'),
    ("separators of ar-EG", "float", "1234567.891", "=", f'<number:number-style style:name="N" number:language="ar" number:country="EG"><{NUMBER} number:decimal-places="2" number:grouping="true"/></number:number-style>'),
    ("separators of he-IL", "float", "1234567.891", "=", f'<number:number-style style:name="N" number:language="he" number:country="IL"><{NUMBER} number:decimal-places="2" number:grouping="true"/></number:number-style>'),
    ("separators of de-DE, no grouping", "float", "-0.5", "=", f'<number:number-style style:name="N" number:language="de" number:country="DE"><{NUMBER} number:decimal-places="2"/></number:number-style>'),
    ("separators of a language alone (de)", "float", "1234.5", "=", f'<number:number-style style:name="N" number:language="de"><{NUMBER} number:decimal-places="2" number:grouping="true"/></number:number-style>'),
    ("separators of fr-FR, percentage", "percentage", "0.125", "=", f'<number:percentage-style style:name="N" number:language="fr" number:country="FR"><{NUMBER} number:decimal-places="1"/><number:text>%</number:text></number:percentage-style>'),
    ("time, short minutes and seconds", "time", "PT09H05M07S", "=", '<number:time-style style:name="N"><number:hours/><number:text>:</number:text><number:minutes/><number:text>:</number:text><number:seconds/></number:time-style>'),
    ("time, AM/PM in ja-JP", "time", "PT16H17M00S", "=", '<number:time-style style:name="N" number:language="ja" number:country="JP"><number:hours/><number:text>:</number:text><number:minutes number:style="long"/><number:text> </number:text><number:am-pm/></number:time-style>'),
    ("time, AM/PM in de-DE", "time", "PT16H17M00S", "=", '<number:time-style style:name="N" number:language="de" number:country="DE"><number:hours/><number:text>:</number:text><number:minutes number:style="long"/><number:text> </number:text><number:am-pm/></number:time-style>'),
    ("time, 24 h in en-IN", "time", "PT16H17M00S", "=", '<number:time-style style:name="N" number:language="en" number:country="IN"><number:hours number:style="long"/><number:text>:</number:text><number:minutes number:style="long"/></number:time-style>'),
    ("negative in brackets", "float", "-3", "=", f'<number:number-style style:name="P"><{NUMBER} number:decimal-places="2"/></number:number-style><number:number-style style:name="N"><number:text>(</number:text><{NUMBER} number:decimal-places="2"/><number:text>)</number:text><style:map style:condition="value()&gt;=0" style:apply-style-name="P"/></number:number-style>'),
    ("positive beside a bracket style", "float", "3", "=", f'<number:number-style style:name="P"><{NUMBER} number:decimal-places="2"/></number:number-style><number:number-style style:name="N"><number:text>(</number:text><{NUMBER} number:decimal-places="2"/><number:text>)</number:text><style:map style:condition="value()&gt;=0" style:apply-style-name="P"/></number:number-style>'),
    ("decimal replacement", "float", "42", "=", f'<number:number-style style:name="N"><{NUMBER} number:decimal-places="2" number:decimal-replacement="-"/></number:number-style>'),
    ("boolean, no style", "boolean", "true", "TRUE", ""),
    ("date, ISO style", "date", "2021-01-01", "=", '<number:date-style style:name="N"><number:year number:style="long"/><number:text>-</number:text><number:month number:style="long"/><number:text>-</number:text><number:day number:style="long"/></number:date-style>'),
    ("date and time through a time style", "date", "2024-03-01T13:30:00", "=", '<number:time-style style:name="N"><number:hours number:style="long"/><number:text>:</number:text><number:minutes number:style="long"/></number:time-style>'),
    ("a time alone as a date (SheetJS), AM/PM", "date", "1899-12-30T16:17:00", "=", '<number:time-style style:name="N"><number:hours/><number:text>:</number:text><number:minutes number:style="long"/><number:text> </number:text><number:am-pm/></number:time-style>'),
    ("date through a number style", "date", "2024-03-01T12:00:00", "=", f'<number:number-style style:name="N"><{NUMBER} number:decimal-places="1"/></number:number-style>'),
    ("date and time, no style", "date", "2024-03-01T13:30:00", "=", ""),
    ("percentage, no style", "percentage", "0.5", "0.5", ""),
    ("percentage through a number style", "percentage", "0.5", "=", f'<number:number-style style:name="N"><{NUMBER} number:decimal-places="2"/></number:number-style>'),
    ("currency, no style", "currency", "12.5", "12.5", ""),
    ("text through a text style", "string", "", "Oslo", '<number:text-style style:name="N"><number:text>Site </number:text><number:text-content/></number:text-style>'),
    ("number through a text style", "float", "7", "=", '<number:text-style style:name="N"><number:text>Site </number:text><number:text-content/></number:text-style>'),
    ("number through a text style in de-DE", "float", "1.5", "=", '<number:text-style style:name="N" number:language="de" number:country="DE"><number:text-content/></number:text-style>'),
]

# The same kind of case, in a table that declares no column (as pandas writes it).
BARE_CASES = [
    ("time, no style, no column declared", "time", "PT10H30M00S", "10:30:00", ""),
    ("percentage, no style, no column declared", "percentage", "0.5", "0.5", ""),
    ("boolean, no style, no column declared", "boolean", "true", "TRUE", ""),
    ("date and time, no style, no column declared", "date", "2024-03-01T13:30:00", "=", ""),
]

# name, value, the document's limit on the Standard format's decimals
LIMITED_CASES = [
    ("whole number", "101", "13"),
    ("two thirds, 13 decimals", "0.6666666666666666", "13"),
    ("two thirds, 2 decimals", "0.6666666666666666", "2"),
    ("rounded half up, 2 decimals", "0.005", "2"),
    ("rounded down to 0, 2 decimals", "0.0049", "2"),
    ("10^-7, 2 decimals", "1E-07", "2"),
    ("negative, rounded to 0", "-0.0001", "2"),
    ("10^-10, 13 decimals", "1E-10", "13"),
    ("13 digits at 10^-5, 13 decimals", "1.234567890123E-05", "13"),
    ("18 decimals at 10^-4, 13 decimals", "0.000123456789012345", "13"),
    ("12 digits, 2 decimals", "123456789012.345", "2"),
    ("15 digits, 13 decimals", "123456789012345", "13"),
    ("10^15, 13 decimals", "1E+15", "13"),
    ("16-digit whole number, 13 decimals", "1234567890123457", "13"),
    ("16-digit whole number, 2 decimals", "1234567890123457", "2"),
    ("10^16, 13 decimals", "1E+16", "13"),
    ("10^20, 0 decimals", "1E+20", "0"),
    ("1234.5678, 0 decimals", "1234.5678", "0"),
    ("past 10^15 with a fraction, 13 decimals", "1000000000000000.2", "13"),
]

NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
      'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
      'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
      'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
      'xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0"')
ATTRIBUTE = {"string": None, "float": "office:value", "percentage": "office:value", "currency": "office:value",
             "time": "office:time-value", "date": "office:date-value", "boolean": "office:boolean-value"}


def content(value_type, value, text, style, declared=True):
    cell_style = '<style:style style:name="ce1" style:family="table-cell" style:data-style-name="N"/>' if style else ""
    style_name = ' table:style-name="ce1"' if style else ""
    currency = ' office:currency="USD"' if value_type == "currency" else ""
    column = "<table:table-column/>" if declared else ""
    value_attribute = f' {ATTRIBUTE[value_type]}="{value}"' if ATTRIBUTE[value_type] else ""
    return (f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {NS} office:version="1.2">'
            f'<office:automatic-styles>{style}{cell_style}</office:automatic-styles><office:body><office:spreadsheet>'
            f'<table:table table:name="Users">{column}<table:table-row><table:table-cell{style_name} office:value-type="{value_type}"{currency}'
            f'{value_attribute}><text:p>{text}</text:p></table:table-cell></table:table-row></table:table>'
            '</office:spreadsheet></office:body></office:document-content>')


def limited_styles(decimals):
    return (f'<?xml version="1.0" encoding="UTF-8"?><office:document-styles {NS} office:version="1.2"><office:styles>'
            f'<style:default-style style:family="table-cell"><style:table-cell-properties style:decimal-places="{decimals}"/></style:default-style>'
            '</office:styles></office:document-styles>')


def write_ods(path, xml, styles=None):
    styles_entry = '<manifest:file-entry manifest:full-path="styles.xml" manifest:media-type="text/xml"/>' if styles else ""
    with zipfile.ZipFile(path, "w") as z:
        z.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet")
        z.writestr("META-INF/manifest.xml", '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>' + styles_entry + '</manifest:manifest>')
        z.writestr("content.xml", xml)
        if styles:
            z.writestr("styles.xml", styles)


def main():
    version = subprocess.run(["soffice", "--version"], capture_output=True, text=True).stdout.strip()
    with tempfile.TemporaryDirectory() as tmp:
        cases = [case + (True,) for case in CASES] + [case + (False,) for case in BARE_CASES]
        for i, (_, value_type, value, text, style, declared) in enumerate(cases):
            write_ods(os.path.join(tmp, f"c{i:02}.ods"), content(value_type, value, "placeholder" if text == "=" else text, style, declared))
        for i, (_, value, decimals) in enumerate(LIMITED_CASES):
            write_ods(os.path.join(tmp, f"l{i:02}.ods"), content("float", value, "placeholder", ""), limited_styles(decimals))
        names = [f"c{i:02}" for i in range(len(cases))] + [f"l{i:02}" for i in range(len(LIMITED_CASES))]
        # Token 9 of the CSV filter: save cell contents as shown.
        subprocess.run(["soffice", "--headless", "--convert-to",
                        "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false",
                        "--outdir", tmp] + [os.path.join(tmp, f"{name}.ods") for name in names],
                       check=True, capture_output=True)
        shown = {}
        for name in names:
            with open(os.path.join(tmp, f"{name}.csv"), newline="", encoding="utf-8") as f:
                shown[name] = next(csv.reader(f))[0]
    with open(os.path.join(HERE, "ods_styles.tsv"), "w", encoding="utf-8") as out:
        out.write(f"# What {version} shows (soffice --headless --convert-to csv, as shown), made by ods_styles.py\n")
        out.write("# case\tvalue type\tvalue\ttext:p\tdata style\tcolumn declared\tLibreOffice shows\n")
        for i, (name, value_type, value, text, style, declared) in enumerate(cases):
            seen = shown[f"c{i:02}"]
            column = "yes" if declared else "no"
            out.write("\t".join([name, value_type, value, seen if text == "=" else text, style, column, seen]) + "\n")
    with open(os.path.join(HERE, "ods_limited_standard.tsv"), "w", encoding="utf-8") as out:
        out.write(f"# What {version} shows (soffice --headless --convert-to csv, as shown), made by ods_styles.py\n")
        out.write("# case\tvalue\tthe default cell style's style:decimal-places\tLibreOffice shows\n")
        for i, (name, value, decimals) in enumerate(LIMITED_CASES):
            out.write("\t".join([name, value, decimals, shown[f"l{i:02}"]]) + "\n")


if __name__ == "__main__":
    sys.exit(main())
