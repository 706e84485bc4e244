"""Checking and normalising the fields staff type: CVR, phone, postcode, e-mail, yes/no.

Each function returns the normalised value or raises UserError with the Danish sentence
that a form shows under the field and an import shows beside the line number.
"""

import re

from rfk_trips.i18n.catalogue import t
from rfk_trips.rules.errors import UserError

_CVR_WEIGHTS = (2, 7, 6, 5, 4, 3, 2, 1)
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")

TRUE_WORDS = frozenset({"ja", "j", "x", "1", "yes", "y", "true", "sand", "✓"})
FALSE_WORDS = frozenset({"nej", "n", "0", "no", "false", "falsk", ""})


def cvr_checksum_ok(digits: str) -> bool:
    """The modulus-11 check that every CVR number satisfies."""
    return sum(int(d) * w for d, w in zip(digits, _CVR_WEIGHTS, strict=True)) % 11 == 0


def normalise_cvr(text: str) -> str | None:
    """`12 34 56 78` → `12345678`; empty → None (CVR is optional)."""
    digits = re.sub(r"[\s-]", "", text.strip())
    if digits.upper().startswith("DK"):
        digits = digits[2:]
    if not digits:
        return None
    if not re.fullmatch(r"\d{8}", digits):
        raise UserError(t("field.cvr"))
    if not cvr_checksum_ok(digits):
        raise UserError(t("field.cvr_checksum", cvr=digits))
    return digits


def normalise_phone(text: str) -> str:
    """A Danish number as `54 67 12 34`; empty stays empty; +45/0045 is dropped."""
    digits = re.sub(r"[\s\-()./]", "", text.strip())
    if not digits:
        return ""
    if digits.startswith("+45"):
        digits = digits[3:]
    elif digits.startswith("0045"):
        digits = digits[4:]
    if not re.fullmatch(r"\d{8}", digits):
        raise UserError(t("field.phone"))
    return " ".join(digits[i : i + 2] for i in range(0, 8, 2))


def normalise_postcode(text: str) -> str:
    code = text.strip()
    if not code:
        return ""
    if code.endswith(".0"):  # Excel hands numbers back as floats
        code = code[:-2]
    if not re.fullmatch(r"\d{4}", code) or not 1000 <= int(code) <= 9990:
        raise UserError(t("field.postcode"))
    return code


def normalise_email(text: str) -> str:
    address = text.strip()
    if not address:
        return ""
    if not _EMAIL.fullmatch(address):
        raise UserError(t("field.email"))
    return address.lower()


_LOGIN = re.compile(r"[a-z_][a-z0-9_.-]{0,62}")


def normalise_login(text: str) -> str | None:
    """A PostgreSQL login's name as staff write it (lower-cased); empty is none."""
    value = text.strip().lower()
    if not value:
        return None
    if not _LOGIN.fullmatch(value):
        raise UserError(t("field.login_invalid", value=text.strip()))
    return value


def parse_bool(text: str, field: str) -> bool:
    word = text.strip().casefold()
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS:
        return False
    raise UserError(t("field.boolean", field=field, value=text))


def parse_optional_int(text: str, field: str, *, positive: bool = False) -> int | None:
    cleaned = text.strip().replace(" ", "")
    if cleaned.endswith((".0", ",0")):  # Excel hands whole numbers back as floats
        cleaned = cleaned[:-2]
    if not cleaned:
        return None
    if not re.fullmatch(r"-?\d+", cleaned):
        raise UserError(t("field.integer", field=field))
    value = int(cleaned)
    if positive and value <= 0:
        raise UserError(t("field.positive", field=field))
    return value


def require(text: str, field: str) -> str:
    value = " ".join(text.split())
    if not value:
        raise UserError(t("field.required", field=field))
    return value


def split_list(text: str) -> list[str]:
    """`lager; pakning, rengøring` → `["lager", "pakning", "rengøring"]`."""
    parts = re.split(r"[;,\n]", text)
    return [part.strip() for part in parts if part.strip()]
