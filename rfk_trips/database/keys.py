"""The passphrase of an encrypted database: where it comes from, and the refusals around it.

The passphrase comes from a key file (`--key-file` or RFK_TRIPS_KEY_FILE; its content,
stripped, readable by its owner only) or is asked for on the terminal. It is never logged,
never part of a printed URL and never written anywhere by rfk-trips.
"""

import os
import stat
from collections.abc import Callable
from pathlib import Path

from rfk_trips.config.environment import KEY_FILE, key_file_given
from rfk_trips.database.damage import damaged_database_error, latest_backup
from rfk_trips.i18n.catalogue import t
from rfk_trips.rules.errors import UserError
from storage import cipher
from storage.backup import looks_damaged
from storage.engine import sqlite_path

ENV_KEY_FILE = KEY_FILE.name  # the old name, which tests still name the variable by

# Asks for a passphrase: the prompt text -> what was typed. None where no one can answer.
Ask = Callable[[str], str]


def read_key_file(path: Path) -> str:
    """The passphrase in `path`: its content with surrounding whitespace (the newline) cut."""
    path = path.expanduser()
    try:
        mode = path.stat().st_mode
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise UserError(t("encryption.key_file_missing", path=path)) from exc
    if os.name == "posix" and mode & (stat.S_IRWXG | stat.S_IRWXO):
        raise UserError(t("encryption.key_file_open", path=path))
    key = text.strip()
    if not key:
        raise UserError(t("encryption.key_file_empty", path=path))
    return key


def given_key(key_file: str | Path | None) -> str | None:
    """The passphrase from `--key-file`, else from RFK_TRIPS_KEY_FILE; None when neither."""
    chosen = key_file_given(key_file)
    return read_key_file(Path(chosen)) if chosen else None


def checked_passphrase(typed: str) -> str:
    key = typed.strip()
    if not key:
        raise UserError(t("encryption.empty_key"))
    return key


def key_for(paths: list[Path], key_file: str | Path | None, ask: Ask | None) -> str | None:
    """The key for opening `paths`: the given key file, else asked for when one of them is
    encrypted; None for plaintext files. Without a terminal the refusal says how to give it."""
    key = given_key(key_file)
    if key is not None:
        return key
    encrypted = next((path for path in paths if cipher.looks_encrypted(path)), None)
    if encrypted is None:
        return None
    if ask is None:
        raise needs_key_error(encrypted)
    return checked_passphrase(ask(t("encryption.prompt", path=encrypted)))


def new_key(path: Path, key_file: str | Path | None, ask: Ask | None) -> str:
    """The key to encrypt `path` with: the key file, or typed twice on the terminal."""
    key = given_key(key_file)
    if key is not None:
        return key
    if ask is None:
        raise needs_key_error(path)
    first = checked_passphrase(ask(t("encryption.prompt_new", path=path)))
    if checked_passphrase(ask(t("encryption.prompt_repeat"))) != first:
        raise UserError(t("encryption.mismatch"))
    return first


def needs_key_error(path: Path) -> UserError:
    return _with_latest_backup(t("encryption.needs_key", path=path), path)


def wrong_key_error(path: Path) -> UserError:
    return _with_latest_backup(t("encryption.wrong_key", path=path), path)


def _with_latest_backup(message: str, path: Path) -> UserError:
    latest = latest_backup(path)
    if latest is not None:
        message += " " + t("error.database_latest_backup", path=path, backup=latest)
    return UserError(message)


def check_file_for_key(path: Path, key: str | None) -> None:
    """Refuse, before SQLite writes anything, a file the key (or its absence) cannot open.

    A new or empty file passes: it becomes a database, encrypted when a key is given.
    """
    if not path.is_file() or path.stat().st_size == 0:
        return
    if key is None:
        if cipher.looks_encrypted(path):
            raise needs_key_error(path)
        if looks_damaged(path):
            raise damaged_database_error(path)
        return
    if cipher.is_plaintext_sqlite(path):
        if looks_damaged(path):
            raise damaged_database_error(path)
        raise UserError(t("encryption.not_encrypted", path=path))
    if not cipher.looks_encrypted(path):
        raise damaged_database_error(path)
    try:
        cipher.check_key(path, key)
    except cipher.WrongKey as exc:
        raise wrong_key_error(path) from exc


def refuse_unfitting_key(url: str, key: str | None) -> None:
    """A typed passphrase tried before the app starts, so a typo is a sentence on the
    terminal rather than an error inside the app."""
    path = sqlite_path(url)
    if path is not None and key is not None:
        check_file_for_key(path, key)
