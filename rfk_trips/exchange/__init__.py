"""Files in and out: imports from Excel/CSV, exports, and the demo data.

An import checks every row before it writes any (all or nothing, with Danish line-numbered
refusals); an export writes what staff open in Excel, with formulas neutralised.
"""
