"""Converts the XLSForm files `maturity export` wrote with pyxform, as KoboToolbox and ODK Central do.

Usage: check_xlsform.py FORM.xlsx FORM.csv
Exit status 0 when pyxform reads both (and, when Java is installed, ODK Validate accepts the
XForms), 1 when one is refused (the message on standard error), 77 when pyxform is not installed
(pip install pyxform) and nothing was checked.
"""

import shutil
import sys

try:
    from pyxform.xls2xform import convert
except ImportError:
    print("pyxform is not installed (pip install pyxform): the XLSForm was not checked", file=sys.stderr)
    sys.exit(77)

failed = False
for path in sys.argv[1:]:
    warnings = []
    try:
        result = convert(xlsform=path, warnings=warnings, validate=shutil.which("java") is not None)
    except Exception as error:  # pyxform raises several kinds of errors
        print(f"{path}: {error}", file=sys.stderr)
        failed = True
        continue
    for warning in warnings:
        print(f"{path}: warning: {warning}", file=sys.stderr)
    if "<h:html" not in result.xform:
        print(f"{path}: pyxform wrote no XForm", file=sys.stderr)
        failed = True
sys.exit(1 if failed else 0)
