"""The translation catalogue: both languages, the same placeholders, each key once and in place."""

import ast
import string
from pathlib import Path

import pytest

from rfk_trips.i18n import catalogue as catalogue_module
from rfk_trips.i18n.catalogue import CATALOGUES, MESSAGES, catalogue, merge, set_language, t
from rfk_trips.i18n.labels import has_label, label, parse_code
from storage.codes import BenefitGroup, StaffRole


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


@pytest.mark.parametrize("key", sorted(MESSAGES))
def test_every_message_has_both_languages_with_the_same_placeholders(key: str) -> None:
    da, en = MESSAGES[key]
    assert da.strip() and en.strip()
    assert _fields(da) == _fields(en), key


_MESSAGES_DIR = Path(catalogue_module.__file__).parent / "messages"
# Not key -> (da, en) catalogues, so not merged: click's message ids and the CLI's English help.
_NOT_CATALOGUES = {"__init__", "click", "cli_help"}


def test_every_catalogue_module_is_merged_once() -> None:
    files = {path.stem for path in _MESSAGES_DIR.glob("*.py")} - _NOT_CATALOGUES
    assert sorted(CATALOGUES) == sorted(files)
    assert len(set(CATALOGUES)) == len(CATALOGUES)


@pytest.mark.parametrize("name", CATALOGUES)
def test_every_key_lives_in_the_module_of_its_prefix(name: str) -> None:
    """`x.y` is in messages/x.py (and a key without a dot, `never`, in never.py)."""
    misplaced = [key for key in catalogue(name) if key.split(".")[0] != name]
    assert not misplaced


@pytest.mark.parametrize("name", CATALOGUES)
def test_no_key_is_written_twice_in_a_module(name: str) -> None:
    """A dict literal keeps the last of two equal keys without a word; the merge cannot see it."""
    tree = ast.parse((_MESSAGES_DIR / f"{name}.py").read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Dict):
            keys = [
                key.value
                for key in node.keys
                if isinstance(key, ast.Constant) and isinstance(key.value, str)
            ]
            assert len(keys) == len(set(keys)), sorted({k for k in keys if keys.count(k) > 1})


def test_the_merge_refuses_a_key_defined_twice() -> None:
    first = {"trip.title": ("Titel", "Title")}
    again = {"trip.title": ("Navn", "Name"), "trip.other": ("Andet", "Other")}
    with pytest.raises(RuntimeError, match=r"trip\.title \(trip and trips\)"):
        merge([("trip", first), ("trips", again)])


def test_the_merged_catalogue_holds_every_module_whole() -> None:
    assert len(MESSAGES) == sum(len(catalogue(name)) for name in CATALOGUES)


def test_language_switch() -> None:
    assert t("app.quit") == "Afslut"
    set_language("en")
    assert t("app.quit") == "Quit"
    assert label(StaffRole.JOB_BROKER) == "Job broker"
    set_language("da")
    assert label(StaffRole.JOB_BROKER) == "Jobformidler"


def test_unknown_language_is_refused() -> None:
    with pytest.raises(ValueError):
        set_language("sv")


def test_every_code_has_a_label() -> None:
    from enum import StrEnum

    from storage import codes

    vocabularies = [
        value
        for value in vars(codes).values()
        if isinstance(value, type) and issubclass(value, StrEnum) and value is not StrEnum
    ]
    assert len(vocabularies) >= 9
    for vocabulary in vocabularies:
        for member in vocabulary:
            assert has_label(member), member


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("aktivitetsparat kontanthjælp", BenefitGroup.CASH_ASSISTANCE),
        ("Kontanthjælp", BenefitGroup.CASH_ASSISTANCE),
        ("RESSOURCEFORLØB", BenefitGroup.RESOURCE_PROGRAMME),
        ("ressourceforloeb", BenefitGroup.RESOURCE_PROGRAMME),
        ("uddannelseshjælp", BenefitGroup.EDUCATION_BENEFIT),
        ("resource_programme", BenefitGroup.RESOURCE_PROGRAMME),
    ],
)
def test_benefit_groups_are_read_in_any_common_form(text: str, code: BenefitGroup) -> None:
    assert parse_code(BenefitGroup, text) is code


def test_unknown_label_reads_as_none() -> None:
    assert parse_code(StaffRole, "astronaut") is None


def test_codes_with_the_same_text_in_two_vocabularies_keep_their_own_labels() -> None:
    """StrEnum members equal their text: "none" is both a benefit group and an outcome."""
    from storage.codes import BenefitGroup, OutcomeKind

    assert label(BenefitGroup.NONE) == "Ingen ydelse"
    assert label(OutcomeKind.NONE) == "Intet resultat"
    assert label(BenefitGroup.OTHER) == "Anden ydelse"
    assert parse_code(BenefitGroup, "ingen ydelse") is BenefitGroup.NONE
    assert parse_code(OutcomeKind, "intet resultat") is OutcomeKind.NONE
