"""The translation catalogue: both languages present and with the same placeholders."""

import string

import pytest

from rfk_trips.i18n.catalogue import MESSAGES, set_language, t
from rfk_trips.i18n.labels import has_label, label, parse_code
from storage.codes import BenefitGroup, StaffRole


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


@pytest.mark.parametrize("key", sorted(MESSAGES))
def test_every_message_has_both_languages_with_the_same_placeholders(key: str) -> None:
    da, en = MESSAGES[key]
    assert da.strip() and en.strip()
    assert _fields(da) == _fields(en), key


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
