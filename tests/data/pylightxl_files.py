"""Writes pylightxl_users.xlsx with pylightxl 1.61 (pip install pylightxl), a
pure-Python .xlsx writer: it writes whatever Python value it is given as the cell's
number, so a date and a boolean land as the text `2024-03-01 00:00:00` and `True` in
cells marked as numbers, and formulas without a result. LibreOffice 7.4.7 shows
London, 7, 7, 2024, 0.5 and 0 for the Sites.

    python3 pylightxl_files.py
"""
import datetime

import pylightxl

rows = [
    ["User name*", "Email*", "User type", "Site"],
    ["Ada Lovelace", "ada@example.com", "Privileged", '="Lon"&"don"'],
    ["Grace Hopper", "grace@example.com", "", "=3+4"],
    ["Alan Turing", "alan@example.com", "", 7],
    ["Edsger Dijkstra", "edsger@example.com", "", datetime.datetime(2024, 3, 1)],
    ["Donald Knuth", "donald@example.com", "", 0.5],
    ["Frances Allen", "frances@example.com", "", True],
]
db = pylightxl.Database()
db.add_ws("Users")
for r, row in enumerate(rows, start=1):
    for c, value in enumerate(row, start=1):
        db.ws("Users").update_index(row=r, col=c, val=value)
pylightxl.writexl(db, "pylightxl_users.xlsx")
