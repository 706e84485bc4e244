"""Click's own sentences (usage, help headings, refused options and values) in Danish.

Key: click's English message id, exactly as click passes it to gettext, so the placeholders
are click's. Value: the Danish, or for a message with a plural (ngettext) the Danish
singular and plural. English is click's own text. A test checks that every key is still a
message id in the installed click, so an upgrade that rewords one is noticed.

Left out on purpose: the type names "file", "directory" and "path", which click
translates once, when a command is defined, so they would stay Danish under --lang en;
and the messages only a programmer sees (a command defined wrongly, shell completion).
"""

CLICK_DA: dict[str, str | tuple[str, str]] = {
    # Help pages.
    "Usage:": "Brug:",
    "Options": "Tilvalg",
    "Commands": "Kommandoer",
    "Positional arguments": "Argumenter",
    "Show this message and exit.": "Vis denne hjælp, og afslut.",
    "Show the version and exit.": "Vis versionsnummeret, og afslut.",
    "env var: {var}": "miljøvariabel: {var}",
    "default: {default}": "standard: {default}",
    "required": "skal angives",
    "(dynamic)": "(beregnes)",
    "deprecated": "udgået",
    # Refused input: click prints "Fejl: …" and exits with 2.
    "Error: {message}": "Fejl: {message}",
    "Try '{command} {option}' for help.": "Skriv »{command} {option}« for at få hjælp.",
    "No such command {name!r}.": "Kommandoen »{name}« findes ikke.",
    "No such option {name!r}.": "Tilvalget »{name}« findes ikke.",
    "Did you mean {possibility}?": (
        "Mente du {possibility}?",
        "(Mente du en af: {possibilities}?)",
    ),
    "Missing command.": "Der mangler en kommando.",
    "Missing argument": "Der mangler argumentet",
    "Missing option": "Der mangler tilvalget",
    "Missing parameter": "Der mangler en værdi",
    "Missing parameter: {param_name}": "Der mangler en værdi: {param_name}",
    "Missing {param_type}": "Der mangler {param_type}",
    "Invalid value for {param_hint}: {message}": "Ugyldig værdi for {param_hint}: {message}",
    "Invalid value: {message}": "Ugyldig værdi: {message}",
    "unknown error": "ukendt fejl",
    "Got unexpected extra argument ({args})": (
        "Et argument for meget ({args})",
        "Argumenter for meget ({args})",
    ),
    "Option {name!r} does not take a value.": "Tilvalget »{name}« tager ingen værdi.",
    "Option {name!r} requires an argument.": (
        "Tilvalget »{name}« skal have en værdi.",
        "Tilvalget »{name}« skal have {nargs} værdier.",
    ),
    "Argument {name!r} takes {nargs} values.": "Argumentet »{name}« skal have {nargs} værdier.",
    "Takes {nargs} values but 1 was given.": (
        "Skal have {nargs} værdier, men fik 1.",
        "Skal have {nargs} værdier, men fik {len}.",
    ),
    "{len_type} values are required, but {len_value} was given.": (
        "Der skal {len_type} værdier til, men der kom {len_value}.",
        "Der skal {len_type} værdier til, men der kom {len_value}.",
    ),
    "{value!r} is not {choice}.": (
        "»{value}« er ikke {choice}.",
        "»{value}« er ikke en af {choices}.",
    ),
    "Choose from:\n\t{choices}": "Vælg mellem:\n\t{choices}",
    "{value!r} is not a valid {number_type}.": "»{value}« er ikke et gyldigt tal.",
    "{value} is not in the range {range}.": "{value} ligger ikke i intervallet {range}.",
    "{value!r} is not a valid boolean. Recognized values: {states}": (
        "»{value}« er hverken ja eller nej. Brug en af: {states}"
    ),
    "{value!r} does not match the format {format}.": (
        "»{value}« passer ikke til formatet {format}.",
        "»{value}« passer ikke til formaterne {formats}.",
    ),
    "{value!r} is not a valid UUID.": "»{value}« er ikke et gyldigt UUID.",
    "{name} {filename!r} does not exist.": "»{filename}« findes ikke.",
    "{name} {filename!r} is a file.": "»{filename}« er en fil, ikke en mappe.",
    "{name} {filename!r} is a directory.": "»{filename}« er en mappe, ikke en fil.",
    "{name} {filename!r} is not readable.": "»{filename}« kan ikke læses.",
    "{name} {filename!r} is not writable.": "Der kan ikke skrives til »{filename}«.",
    "{name} {filename!r} is not executable.": "»{filename}« kan ikke køres.",
    "Could not open file {filename!r}: {message}": ("Filen »{filename}« kan ikke åbnes: {message}"),
    # Prompts.
    "Aborted!": "Afbrudt.",
    "Do you want to continue?": "Vil du fortsætte?",
    "Confirm the action without prompting.": "Bekræft uden at spørge.",
    "Repeat for confirmation": "Gentag for at bekræfte",
    "Error: The two entered values do not match.": "Fejl: De to indtastninger er ikke ens.",
    "Error: invalid input": "Fejl: ugyldig indtastning",
    "Press any key to continue...": "Tryk på en tast for at fortsætte …",
}
