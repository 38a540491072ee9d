#!/bin/sh
# Makes gnumeric_formulas.ods: libreoffice_formulas.xlsx (formulas with the results
# LibreOffice saved) saved as OpenDocument by Gnumeric 1.12.55's ssconvert. Gnumeric
# names the data style `General` in its cell styles without defining it, and writes a
# cell's text as its narrow column shows it (`1E+02` for 101); LibreOffice shows the
# values as its Standard format: OSLO and 101.
#   sh tests/data/gnumeric_files.sh   # needs ssconvert (Debian: gnumeric)
set -e
cd "$(dirname "$0")"
ssconvert -T Gnumeric_OpenCalc:odf libreoffice_formulas.xlsx gnumeric_formulas.ods
