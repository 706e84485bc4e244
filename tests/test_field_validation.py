"""Field checks (CVR, phone, postcode, e-mail, yes/no) and Danish dates."""

from collections.abc import Iterator
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from rfk_trips.i18n.catalogue import get_language, set_language
from rfk_trips.rules.danish_dates import format_date, format_date_long, holiday_name, parse_date
from rfk_trips.rules.errors import UserError
from rfk_trips.rules.fields import (
    FALSE_WORDS,
    TRUE_WORDS,
    cvr_checksum_ok,
    normalise_cvr,
    normalise_email,
    normalise_phone,
    normalise_postcode,
    parse_bool,
)

TODAY = date(2026, 11, 23)
CVR_WEIGHTS = (2, 7, 6, 5, 4, 3, 2, 1)


@pytest.fixture(autouse=True)
def _danish() -> Iterator[None]:
    """The messages asserted below are the Danish ones, whatever another test left behind."""
    previous = get_language()
    set_language("da")
    yield
    set_language(previous)


def _with_check_digit(first_seven: str) -> str | None:
    """The valid CVR that starts with `first_seven`, or None when no check digit fits."""
    total = sum(int(d) * w for d, w in zip(first_seven, CVR_WEIGHTS, strict=False))
    last = (-total) % 11
    return None if last == 10 else first_seven + str(last)


valid_cvrs = (
    st.text(alphabet="0123456789", min_size=7, max_size=7)
    .filter(lambda s: s[0] != "0")
    .map(_with_check_digit)
    .filter(lambda cvr: cvr is not None)
    .map(lambda cvr: str(cvr))
)


def _spread(digits: str, separators: list[str]) -> str:
    """`digits` with one separator (maybe empty) after each character."""
    return "".join(d + sep for d, sep in zip(digits, separators, strict=False))


# --- CVR -------------------------------------------------------------------------------


def test_cvr_known_valid_number_is_kept() -> None:
    # 2*1 + 7*0 + 6*1 + 5*5 + 4*0 + 3*8 + 2*1 + 1*7 = 66, a multiple of 11.
    assert cvr_checksum_ok("10150817")
    assert normalise_cvr("10150817") == "10150817"


@pytest.mark.parametrize(
    "typed",
    ["10 15 08 17", "DK10150817", "dk 1015 0817", " DK-10-15-08-17 ", "1015-0817"],
)
def test_cvr_accepts_dk_prefix_spaces_and_dashes(typed: str) -> None:
    assert normalise_cvr(typed) == "10150817"


@pytest.mark.parametrize("typed", ["", "   ", "DK", " dk "])
def test_cvr_empty_is_none(typed: str) -> None:
    assert normalise_cvr(typed) is None


@pytest.mark.parametrize(
    "typed", ["1234567", "123456789", "1015081A", "CVR10150817", "10.15.08.17"]
)
def test_cvr_wrong_shape_is_refused(typed: str) -> None:
    with pytest.raises(UserError) as caught:
        normalise_cvr(typed)
    assert "8 cifre" in caught.value.message


def test_cvr_bad_check_digit_is_refused_with_the_number() -> None:
    with pytest.raises(UserError) as caught:
        normalise_cvr("10150818")
    assert "10150818" in caught.value.message
    assert "kontrolcifferet" in caught.value.message


@given(valid_cvrs, st.lists(st.sampled_from(["", " ", "-", "  "]), min_size=8, max_size=8))
def test_cvr_property_valid_numbers_survive_any_spacing(cvr: str, seps: list[str]) -> None:
    typed = "DK " + _spread(cvr, seps)
    assert normalise_cvr(typed) == cvr


@given(valid_cvrs, st.integers(0, 7), st.integers(1, 9))
def test_cvr_property_any_single_digit_error_is_caught(cvr: str, pos: int, delta: int) -> None:
    wrong_digit = (int(cvr[pos]) + delta) % 10
    wrong = cvr[:pos] + str(wrong_digit) + cvr[pos + 1 :]
    with pytest.raises(UserError) as caught:
        normalise_cvr(wrong)
    assert "kontrolcifferet" in caught.value.message


# --- phone -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "typed",
    ["54671234", "54 67 12 34", "+45 54 67 12 34", "004554671234", "5467-1234", "(+45) 5467 1234"],
)
def test_phone_normalised_to_pairs(typed: str) -> None:
    assert normalise_phone(typed) == "54 67 12 34"


def test_phone_empty_stays_empty() -> None:
    assert normalise_phone("  ") == ""


@pytest.mark.parametrize("typed", ["5467123", "546712345", "+46 54 67 12 34", "5467 12ab", "+45"])
def test_phone_wrong_numbers_refused(typed: str) -> None:
    with pytest.raises(UserError) as caught:
        normalise_phone(typed)
    assert "8 cifre" in caught.value.message


@given(
    st.text(alphabet="0123456789", min_size=8, max_size=8),
    st.lists(st.sampled_from(["", " ", "  ", "-"]), min_size=8, max_size=8),
    st.sampled_from(["", "+45", "+45 ", "0045", "0045 ", " +45  "]),
)
def test_phone_property_any_eight_digits_normalise_the_same(
    digits: str, seps: list[str], prefix: str
) -> None:
    expected = f"{digits[0:2]} {digits[2:4]} {digits[4:6]} {digits[6:8]}"
    typed = prefix + _spread(digits, seps)
    assert normalise_phone(typed) == expected
    # Normalising is idempotent: a stored number reads back unchanged.
    assert normalise_phone(expected) == expected


@given(st.text(alphabet="0123456789", min_size=1, max_size=12).filter(lambda s: len(s) != 8))
def test_phone_property_other_lengths_refused(digits: str) -> None:
    if len(digits) == 12 and digits.startswith("0045"):
        return  # 0045 + 8 digits is a valid number
    with pytest.raises(UserError):
        normalise_phone(digits)


# --- postcode --------------------------------------------------------------------------


@given(st.integers(1000, 9990))
def test_postcode_property_valid_range(code: int) -> None:
    assert normalise_postcode(f" {code} ") == str(code)
    # Excel hands numbers back as floats.
    assert normalise_postcode(f"{code}.0") == str(code)


@pytest.mark.parametrize("typed", ["0999", "999", "9991", "10000", "49a0", "DK-4900", "4900.5"])
def test_postcode_outside_range_or_shape_refused(typed: str) -> None:
    with pytest.raises(UserError) as caught:
        normalise_postcode(typed)
    assert "1000 og 9990" in caught.value.message


def test_postcode_empty_stays_empty() -> None:
    assert normalise_postcode("") == ""


# --- e-mail ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("Kontakt@Firma.DK", "kontakt@firma.dk"),
        ("  anne.hansen@lolland.dk ", "anne.hansen@lolland.dk"),
        ("a+b@sub.example.dk", "a+b@sub.example.dk"),
        ("", ""),
    ],
)
def test_email_normalised(typed: str, expected: str) -> None:
    assert normalise_email(typed) == expected


@pytest.mark.parametrize(
    "typed", ["navn@", "navn.dk", "@firma.dk", "a b@firma.dk", "a@b@firma.dk", "navn@firma"]
)
def test_email_bad_refused(typed: str) -> None:
    with pytest.raises(UserError) as caught:
        normalise_email(typed)
    assert "E-mailadressen" in caught.value.message


_LOCAL = st.text(
    alphabet="abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._+", min_size=1
)
_LABEL = st.text(alphabet="abcdefghijklmnopqrstuvwxyz0123456789-", min_size=1, max_size=20)


@given(_LOCAL, _LABEL, st.sampled_from(["dk", "com", "nu"]))
def test_email_property_plain_addresses_accepted_lowercased(
    local: str, domain: str, tld: str
) -> None:
    typed = f"{local}@{domain}.{tld}"
    assert normalise_email(typed) == typed.lower()


# --- yes/no ----------------------------------------------------------------------------


@given(
    st.sampled_from(sorted(TRUE_WORDS)),
    st.booleans(),
    st.sampled_from(["", " ", "\t"]),
)
def test_parse_bool_property_true_words(word: str, upper: bool, pad: str) -> None:
    assert parse_bool(pad + (word.upper() if upper else word) + pad, "Ambassadør") is True


@given(
    st.sampled_from(sorted(FALSE_WORDS)),
    st.booleans(),
    st.sampled_from(["", " ", "\t"]),
)
def test_parse_bool_property_false_words(word: str, upper: bool, pad: str) -> None:
    assert parse_bool(pad + (word.upper() if upper else word) + pad, "Ambassadør") is False


@pytest.mark.parametrize(("typed", "expected"), [("ja", True), ("Nej", False), ("X", True)])
def test_parse_bool_danish_words(typed: str, expected: bool) -> None:
    assert parse_bool(typed, "Mødepligt") is expected


@pytest.mark.parametrize("typed", ["måske", "2", "jaja", "-"])
def test_parse_bool_unknown_word_refused_naming_field_and_value(typed: str) -> None:
    with pytest.raises(UserError) as caught:
        parse_bool(typed, "Mødepligt")
    assert "Mødepligt" in caught.value.message
    assert f"»{typed}«" in caught.value.message
    assert "ja eller nej" in caught.value.message


# --- Danish dates ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("2026-12-03", date(2026, 12, 3)),
        ("03-12-2026", date(2026, 12, 3)),
        ("3/12", date(2026, 12, 3)),
        ("3.12.26", date(2026, 12, 3)),
        ("3.12.", date(2026, 12, 3)),
        ("03/12/2026", date(2026, 12, 3)),
        ("i morgen", date(2026, 11, 24)),
        ("I MORGEN", date(2026, 11, 24)),
        ("imorgen", date(2026, 11, 24)),
        ("i dag", TODAY),
        (" 2027-1-5 ", date(2027, 1, 5)),
    ],
)
def test_parse_date_danish_forms(typed: str, expected: date) -> None:
    assert parse_date(typed, TODAY) == expected


def test_parse_date_tomorrow_crosses_the_year() -> None:
    assert parse_date("i morgen", date(2026, 12, 31)) == date(2027, 1, 1)


def test_parse_date_without_year_uses_the_year_of_today() -> None:
    assert parse_date("3/2", date(2027, 6, 1)) == date(2027, 2, 3)


@pytest.mark.parametrize(
    "typed",
    ["31-02-2026", "32/1", "2026-13-01", "29.2.2026", "hej", "", "12-2026", "2026/12/03", "3 12"],
)
def test_parse_date_invalid_raises_user_error_quoting_the_text(typed: str) -> None:
    with pytest.raises(UserError) as caught:
        parse_date(typed, TODAY)
    assert f"»{typed}« er ikke en dato" in caught.value.message


def test_parse_date_accepts_leap_day_in_leap_year() -> None:
    assert parse_date("29.2.2028", TODAY) == date(2028, 2, 29)


@given(st.dates(min_value=date(2000, 1, 1), max_value=date(2099, 12, 31)))
def test_parse_date_property_every_written_form_reads_back(day: date) -> None:
    assert parse_date(day.isoformat(), TODAY) == day
    assert parse_date(format_date(day), TODAY) == day
    assert parse_date(day.strftime("%d.%m.%y"), TODAY) == day
    assert parse_date(f"{day.day}/{day.month}", date(day.year, 6, 15)) == day


def test_format_date_long_danish() -> None:
    assert format_date_long(date(2026, 3, 3)) == "tirsdag 3. marts 2026"
    assert format_date_long(date(2026, 11, 29)) == "søndag 29. november 2026"


def test_format_date_short() -> None:
    assert format_date(date(2026, 3, 3)) == "03-03-2026"


@pytest.mark.parametrize(
    ("day", "name"),
    [
        (date(2026, 12, 25), "juledag"),
        (date(2026, 12, 26), "anden juledag"),
        (date(2026, 4, 3), "langfredag"),
        (date(2026, 4, 2), "skærtorsdag"),
        (date(2026, 4, 6), "anden påskedag"),
        (date(2026, 5, 14), "kristi himmelfartsdag"),
        (date(2027, 1, 1), "nytårsdag"),
    ],
)
def test_holiday_name_danish_holidays(day: date, name: str) -> None:
    found = holiday_name(day)
    assert found is not None
    assert found.casefold() == name


@pytest.mark.parametrize(
    "day",
    [
        date(2026, 11, 23),  # an ordinary Monday
        date(2026, 5, 1),  # store bededag, abolished from 2024
    ],
)
def test_holiday_name_none_on_working_days(day: date) -> None:
    assert holiday_name(day) is None
