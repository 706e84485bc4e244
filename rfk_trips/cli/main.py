"""The command line: bare `rfk-trips` opens the terminal UI; subcommands stay headless.

Exit codes: 0 ok, 1 the input was refused (a Danish sentence on stderr, no traceback),
2 usage, 3 the trip check found errors.

The group and its options are in `group`; each command group lives in a module of its own
that lists its commands in `COMMANDS`, and they are attached here, in one place.
"""

import sys

from rfk_trips.cli import (
    audit,
    calendar,
    checkin,
    database,
    exchange,
    follow_up,
    learning_cases,
    privacy,
    programme,
    registers,
    results,
    serve,
    targets,
    trips,
)
from rfk_trips.cli.group import cli

for _module in (
    exchange,
    trips,
    checkin,
    database,
    registers,
    audit,
    calendar,
    follow_up,
    learning_cases,
    privacy,
    programme,
    results,
    serve,
    targets,
):
    for _command in _module.COMMANDS:
        cli.add_command(_command)


def main(argv: list[str] | None = None) -> None:
    cli.main(args=sys.argv[1:] if argv is None else argv, prog_name="rfk-trips")
