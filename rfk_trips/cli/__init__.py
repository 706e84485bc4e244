"""The command line (`rfk-trips`): the click group and one module per command group.

A composition root: commands call the capabilities and print their answers; bare `rfk-trips`
opens the terminal UI through `rfk_trips.app`. Refusals end as a Danish sentence and exit 1.
"""
