"""Writes ezodf_users.ods with ezodf 0.3.2 (pip install ezodf lxml), which declares every
column and gives a value the type it is asked for, without a data style. LibreOffice
7.4.7 shows such a percentage and time through their types' standard formats (its cells
take the Default cell style of their declared column): the Sites 50.00%, 12:30:00 PM,
09:30:00 AM, TRUE and 0.3.

    python3 ezodf_files.py
"""
import ezodf

rows = [
    ("Ada Lovelace", "ada@example.com", 0.5, "percentage"),
    ("Alan Turing", "alan@example.com", "PT36H30M", "time"),
    ("Grace Hopper", "grace@example.com", "PT09H30M00S", "time"),
    ("Edsger Dijkstra", "edsger@example.com", True, "boolean"),
    ("Donald Knuth", "donald@example.com", 0.1 + 0.2, "float"),
]
doc = ezodf.newdoc(doctype="ods", filename="ezodf_users.ods")
sheet = ezodf.Sheet("Users", size=(len(rows) + 1, 4))
doc.sheets += sheet
for c, header in enumerate(["User name*", "Email*", "User type", "Site"]):
    sheet[0, c].set_value(header)
for r, (name, email, site, value_type) in enumerate(rows, start=1):
    sheet[r, 0].set_value(name)
    sheet[r, 1].set_value(email)
    sheet[r, 3].set_value(site, value_type=value_type)
doc.save()
