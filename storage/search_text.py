"""How text is folded for search and keyed for Danish order, shared by the tables that store
it and the queries."""

import unicodedata


def search_key(*parts: object) -> str:
    """Text folded for search: SQLite's LIKE folds only ASCII, so `Ø` must be `ø` already."""
    return " ".join(" ".join(str(part) for part in parts if part).casefold().split())


# Danish alphabetical order, as Danish dictionaries and phone books order names.
_ALPHABET = "abcdefghijklmnopqrstuvwxyzæøå"
# Ranked: a space first (word by word: "Anne Hansen" before "Annette"), digits, letters.
_RANKS = {character: rank for rank, character in enumerate(" 0123456789" + _ALPHABET)}
# Letters Danish dictionaries sort as Danish ones, and letters without a decomposition.
_SORTED_AS = {
    "ä": "æ", "ö": "ø", "ő": "ø", "ü": "y", "ű": "y", "œ": "ø",
    "ł": "l", "đ": "d", "ð": "d", "þ": "th", "ı": "i",
}  # fmt: skip
_SEPARATORS = str.maketrans({"-": " ", "/": " ", "_": " ", ".": " "})


def sort_key(text: str) -> str:
    """`text` as a key whose plain order is the Danish order of names.

    Case and accents aside (é as e); æ, ø and å after z; "aa" as å, as Danish names are
    sorted (Aabenraa under Å); ä, ö and ü as æ, ø and y; hyphens and slashes as spaces,
    other marks ignored. Each character becomes two digits: digits order alike under
    SQLite's binary comparison and every PostgreSQL collation, where letters do not (a Danish
    collation reads "aa" as "å").
    """
    folded = unicodedata.normalize("NFC", text).casefold().translate(_SEPARATORS)
    kept: list[str] = []
    for character in folded:
        character = " " if character.isspace() else _SORTED_AS.get(character, character)
        if character not in _RANKS:
            # é → e + accent → e; a mark or a symbol has no letter left and is dropped.
            decomposed = unicodedata.normalize("NFKD", character)
            character = "".join(c for c in decomposed if not unicodedata.combining(c))
        kept.extend(part for part in character if part in _RANKS)
    words = " ".join("".join(kept).split()).replace("aa", "å")
    return "".join(_CODES[_RANKS[character]] for character in words)


_CODES = [f"{rank:02d}" for rank in range(len(_RANKS))]
