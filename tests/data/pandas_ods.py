"""Writes pandas_odf.ods as pandas 3.1 writes a DataFrame with `to_excel(engine="odf")`
(odfpy 1.4): each text in one paragraph as it stands, runs of spaces included, a line
break as `text:line-break`. LibreOffice 7.4.7 and Gnumeric 1.12.55 show the spaces as
they are: `Ada   Lovelace` at New  York (two spaces), ` Alan  Turing ` at HQ; Grace's
name on two lines.

    python3 tests/data/pandas_ods.py tests/data
"""

import os
import sys

import pandas

frame = pandas.DataFrame(
    {
        "User name*": ["Ada   Lovelace", "Grace\nHopper", " Alan  Turing "],
        "Email*": ["ada@example.com", "grace@example.com", "alan@example.com"],
        "User type": ["", "", "Privileged"],
        "Site": ["New  York", "Oslo", "HQ"],
    }
)
frame.to_excel(os.path.join(sys.argv[1], "pandas_odf.ods"), engine="odf", index=False)
