"""The command line in the run's language: click's own sentences and the commands' help.

Click asks gettext for every sentence it prints (»Usage:«, »Error: …«, »No such command«)
and gets its English back, as no catalogue is installed. Each click module imports
`gettext as _` (and `ngettext`) for itself, so those names are pointed at a lookup in
`messages_click.CLICK_DA` instead: Danish when the language is Danish, click's own English
otherwise. Exit codes and everything else click does stay as they are.

The commands' help is written in Danish where the commands are defined; in English it is
taken from `messages_cli_help.HELP_EN` by command path, swapped in before click formats
any help: the group's `main()` calls `apply_help_language` before click parses.
"""

import importlib
from collections.abc import Sequence

import click

from rfk_trips.i18n.catalogue import LANGUAGES, get_language
from rfk_trips.i18n.messages.cli_help import HELP_EN
from rfk_trips.i18n.messages.click import CLICK_DA

ROOT_PATH = "rfk-trips"
CLICK_MODULES = (
    "click.core",
    "click.decorators",
    "click.exceptions",
    "click.formatting",
    "click.parser",
    "click.termui",
    "click.types",
    "click.utils",
    "click._termui_impl",
)
# Click's placeholders in a usage line (English, Danish).
_OPTIONS_METAVARS = (("[OPTIONS]", "[TILVALG]"),)
# What click writes for a value of one of its own types (the type's name in capitals).
_TYPE_METAVARS = {
    "TEXT": "TEKST",
    "INTEGER": "HELTAL",
    "FLOAT": "TAL",
    "FILE": "FIL",
    "PATH": "STI",
    "DIRECTORY": "MAPPE",
    "FILENAME": "FILNAVN",
}
_CLICK_TYPES = (
    click.types.StringParamType,
    click.types.IntParamType,
    click.types.FloatParamType,
    click.Path,
    click.File,
)
# The commands' arguments by name, as the Danish usage lines call them.
_ARGUMENT_METAVARS = {
    "citizen_id": "BORGER_ID",
    "citizen_ids": "BORGER_ID",
    "file": "FIL",
    "follow_up_id": "OPFØLGNING_ID",
    "half": "HALVÅR",
    "municipality": "KOMMUNE",
    "name": "NAVN",
    "outcome_id": "RESULTAT_ID",
    "staff_ids": "MEDARBEJDER_ID",
    "trip_id": "TUR_ID",
}
# The parameters given a Danish placeholder here, so that English can have click's back.
_DANISH_METAVAR: set[click.Parameter] = set()
_SUBCOMMAND_METAVARS = (
    ("COMMAND [ARGS]...", "KOMMANDO [ARGUMENTER]..."),
    ("[COMMAND] [ARGS]...", "[KOMMANDO] [ARGUMENTER]..."),
)


_HELP_OPTION = {True: "Show this message and exit.", False: "Vis denne hjælp, og afslut."}


def click_gettext(message: str) -> str:
    if get_language() == "da":
        found = CLICK_DA.get(message)
        if found is not None:
            return found if isinstance(found, str) else found[0]
    return message


def click_ngettext(singular: str, plural: str, n: int) -> str:
    if get_language() == "da":
        found = CLICK_DA.get(singular)
        if found is not None:
            one, many = (found, found) if isinstance(found, str) else found
            return one if n == 1 else many
    return singular if n == 1 else plural


def install_click_catalogue() -> None:
    """Point click's gettext calls at `click_gettext` (see the module docstring)."""
    for name in CLICK_MODULES:
        module = importlib.import_module(name)
        if hasattr(module, "_"):
            setattr(module, "_", click_gettext)  # noqa: B010 (a module global named `_`)
        if hasattr(module, "ngettext"):
            setattr(module, "ngettext", click_ngettext)  # noqa: B010


def given_language(args: Sequence[str]) -> str | None:
    """The value of a valid `--lang` among the program's own options in `args`, if any.

    Read before click parses, so that `rfk-trips --help --lang en` is English too although
    `--help` comes first; an invalid value is left to click to refuse.
    """
    for index, arg in enumerate(args):
        if arg == "--":
            break
        value = None
        if arg == "--lang" and index + 1 < len(args):
            value = args[index + 1]
        elif arg.startswith("--lang="):
            value = arg.removeprefix("--lang=")
        if value is not None:
            return value if value in LANGUAGES else None
    return None


# The help each command and option was defined with (Danish), kept for switching back.
_DANISH_HELP: dict[object, str | None] = {}


def option_help_key(command_path: str, option: click.Option) -> str:
    long_names = [name for name in option.opts if name.startswith("--")]
    return f"{command_path} {(long_names or option.opts)[0]}"


def command_tree(root: click.Command, path: str = ROOT_PATH) -> list[tuple[str, click.Command]]:
    """Every command under `root` (itself first) with its path, as HELP_EN keys them."""
    found = [(path, root)]
    if isinstance(root, click.Group):
        for name, command in root.commands.items():
            found.extend(command_tree(command, f"{path} {name}"))
    return found


def apply_help_language(root: click.Command, language: str) -> None:
    """Give every command and option under `root` its help in `language`."""
    english = language == "en"
    for path, command in command_tree(root):
        _swap_help(command, path, english)
        for param in command.params:
            if isinstance(param, click.Option):
                _swap_help(param, option_help_key(path, param), english)
            _swap_metavar(param, english)
        # Click makes a command's --help option once (8.1.8+) and keeps it: its help was
        # translated for the language of the run that made it.
        help_option = getattr(command, "_help_option", None)
        if isinstance(help_option, click.Option):
            help_option.help = _HELP_OPTION[english]
        if command.options_metavar is not None:
            command.options_metavar = _placeholder(
                command.options_metavar, _OPTIONS_METAVARS, english
            )
        if isinstance(command, click.Group):
            command.subcommand_metavar = _placeholder(
                command.subcommand_metavar, _SUBCOMMAND_METAVARS, english
            )


def _swap_metavar(param: click.Parameter, english: bool) -> None:
    """`--title TEKST` and `backup FIL`: click names values and arguments in English."""
    if param in _DANISH_METAVAR:
        if english:
            param.metavar = None
            _DANISH_METAVAR.discard(param)
        return
    if english or param.metavar is not None:
        return
    danish: str | None = None
    if isinstance(param, click.Argument) and not isinstance(param.type, click.Choice):
        if (name := _ARGUMENT_METAVARS.get(param.name or "")) is not None:
            # A metavar of one's own replaces click's, with its brackets and dots.
            danish = name if param.required else f"[{name}]"
            danish += "..." if param.nargs != 1 else ""
    elif (
        isinstance(param, click.Option)
        and not param.is_flag
        # Only click's own types: ours (a date, a time) name their values themselves.
        and isinstance(param.type, _CLICK_TYPES)
    ):
        danish = _TYPE_METAVARS.get(param.type.name.upper())
    if danish is not None:
        param.metavar = danish
        _DANISH_METAVAR.add(param)


def _placeholder(current: str, pairs: tuple[tuple[str, str], ...], english: bool) -> str:
    for pair in pairs:
        if current in pair:
            return pair[0] if english else pair[1]
    return current  # a command's own placeholder


def _swap_help(item: click.Command | click.Option, key: str, english: bool) -> None:
    if item not in _DANISH_HELP:
        _DANISH_HELP[item] = item.help
    danish = _DANISH_HELP[item]
    item.help = HELP_EN.get(key, danish) if english and danish else danish
