"""Writes the legacy code-page CSVs of tests/integration/csv_files.rs with Python's csv
module, as Excel's "CSV (MS-DOS)" and "CSV (Macintosh)" would save the same lists.

    python3 tests/data/code_pages.py tests/data
"""

import csv
import os
import sys

out = sys.argv[1]
HEADER = ["User name*", "Email*", "User type", "Site"]


def write(name, rows, encoding, line_end):
    with open(os.path.join(out, name), "w", encoding=encoding, newline="") as f:
        writer = csv.writer(f, lineterminator=line_end)
        writer.writerow(HEADER)
        writer.writerows(rows)


# Excel's "CSV (MS-DOS)" in Western Europe: code page 850, CR LF.
write(
    "python_cp850_dos.csv",
    [
        ["Hélène Lefèvre", "helene@example.fr", "", "Orléans"],
        ["Jürgen Groß", "jurgen@example.de", "Privileged", "Düsseldorf"],
    ],
    "cp850",
    "\r\n",
)
# Excel for Mac's "CSV (Macintosh)": Mac Roman, CR alone.
write(
    "python_mac_roman.csv",
    [
        ["José Müller", "jose@example.ch", "", "Zürich"],
        ["Françoise Brûlé", "francoise@example.fr", "", "Besançon"],
    ],
    "mac_roman",
    "\r",
)
# Short lists whose email domains say where they come from.
write(
    "python_cp1250_hu.csv",
    [["Szőke Anna", "anna@example.hu", "", "Győr"]],
    "cp1250",
    "\r\n",
)
write(
    "python_cp1257_ee.csv",
    [["Žanna Šmidt", "zanna@example.ee", "", "Tartu"]],
    "cp1257",
    "\r\n",
)
