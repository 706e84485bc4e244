"""The sentences, one module per key prefix: the key `x.y` is in `x.py`.

Each such module has one dictionary, `MESSAGES: dict[str, tuple[str, str]]`, key -> (Danish,
English), and is named in `rfk_trips.i18n.catalogue.CATALOGUES`, which merges them and refuses a
key defined twice.

Two modules are not such catalogues and are not merged: `click.py` (click's own English message
ids -> Danish) and `cli_help.py` (the English help of the command line, whose Danish is in the
commands' docstrings); `rfk_trips.cli.language` reads them.
"""
