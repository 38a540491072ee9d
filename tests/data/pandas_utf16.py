"""Writes pandas_utf16le.csv as pandas 3.1 writes a DataFrame with
`to_csv(encoding="utf-16-le", index=False)`: UTF-16 little-endian without a byte
order mark, LF line ends.

    python3 tests/data/pandas_utf16.py tests/data
"""

import os
import sys

import pandas

frame = pandas.DataFrame(
    {
        "User name*": ["Zoë Ångström", "Ōta Hiroshi"],
        "Email*": ["zoe@example.se", "ota@example.jp"],
        "User type": ["Privileged", ""],
        "Site": ["Malmö", "東京"],
    }
)
frame.to_csv(os.path.join(sys.argv[1], "pandas_utf16le.csv"), encoding="utf-16-le", index=False)
