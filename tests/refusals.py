"""What a refusal must look like to a user: a Danish sentence, no Python (not a test module)."""

import re

# Words a Python failure would show: a traceback, or an exception's class name.
PYTHON_LEAK = re.compile(
    r"Traceback|\b\w*(Error|Exception)\b|BadZipFile|KeyError|Errno|File \"|line \d+, in"
)
DANISH_WORDS = {"ikke", "er", "og", "har", "mangler", "Filen", "Linje", "Intet", "kan"}


def assert_danish_refusal(output: str) -> None:
    assert output.strip(), "no message at all"
    assert not PYTHON_LEAK.search(output), output
    first = output.strip().splitlines()[0]
    assert first[0].isupper() and first.rstrip().endswith("."), first
    assert DANISH_WORDS & set(re.findall(r"\w+", output)), output
