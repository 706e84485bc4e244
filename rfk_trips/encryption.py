"""Encryption at rest, opt-in: where the passphrase comes from, and Danish refusals.

The passphrase comes from a key file (`--key-file` or RFK_TRIPS_KEY_FILE; its content,
stripped, readable by its owner only) or is asked for on the terminal. It is never logged,
never part of a printed URL and never written anywhere by rfk-trips.
"""

import os
import stat
from collections.abc import Callable
from pathlib import Path

from rfk_trips.errors import UserError
from rfk_trips.i18n import t
from storage import cipher
from storage.backup import backup_candidates, looks_damaged
from storage.engine import sqlite_path

ENV_KEY_FILE = "RFK_TRIPS_KEY_FILE"

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
    chosen = key_file or os.environ.get(ENV_KEY_FILE)
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
    from rfk_trips.database import latest_backup

    latest = latest_backup(path)
    if latest is not None:
        message += " " + t("error.database_latest_backup", path=path, backup=latest)
    return UserError(message)


def check_file_for_key(path: Path, key: str | None) -> None:
    """Refuse, before SQLite writes anything, a file the key (or its absence) cannot open.

    A new or empty file passes: it becomes a database, encrypted when a key is given.
    """
    from rfk_trips.database import damaged_database_error

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


def _file_of(url: str) -> Path:
    path = sqlite_path(url)
    if path is None:
        raise UserError(t("encryption.not_a_file", url=url))
    return path


def encrypt_database(url: str, key_file: str | Path | None, ask: Ask | None) -> list[str]:
    """`rfk-trips db encrypt`: the plaintext file replaced by an encrypted one (or a new
    encrypted database where there is none yet). Returns the sentences to show."""
    from rfk_trips.database import damaged_database_error, open_database

    path = _file_of(url)
    if not path.is_file() or path.stat().st_size == 0:
        opened = open_database(url, key=new_key(path, key_file, ask))
        opened.engine.dispose()
        return [t("encryption.created", path=path)]
    if not cipher.is_plaintext_sqlite(path):
        if cipher.looks_encrypted(path):
            raise UserError(t("encryption.already_encrypted", path=path))
        raise damaged_database_error(path)
    if looks_damaged(path):
        raise damaged_database_error(path)
    key = new_key(path, key_file, ask)
    done = _convert(path, lambda: cipher.encrypt_file(path, key))
    lines = [t("encryption.encrypted", path=path, tables=done.tables, rows=done.rows)]
    plain = plaintext_copies(path)
    if plain:
        lines.append(
            t(
                "encryption.plain_copies_left",
                count=len(plain),
                example=plain[0],
            )
        )
    return lines


def _open_encrypted(
    url: str, key_file: str | Path | None, ask: Ask | None, when_plain: str
) -> tuple[Path, str]:
    """The encrypted database file of `url` and a key that opens it, or the Danish refusal
    (`when_plain` the message key for a file that is not encrypted)."""
    from rfk_trips.database import damaged_database_error

    path = _file_of(url)
    if not path.is_file() or path.stat().st_size == 0:
        raise UserError(t("encryption.no_database", path=path))
    if cipher.is_plaintext_sqlite(path):
        raise UserError(t(when_plain, path=path))
    if not cipher.looks_encrypted(path):
        raise damaged_database_error(path)
    key = key_for([path], key_file, ask)
    if key is None:  # not reached: the file looks encrypted, so a key was given or asked for
        raise needs_key_error(path)
    try:
        cipher.check_key(path, key)
    except cipher.WrongKey as exc:
        raise wrong_key_error(path) from exc
    return path, key


def decrypt_database(url: str, key_file: str | Path | None, ask: Ask | None) -> list[str]:
    """`rfk-trips db decrypt`: the encrypted file replaced by a plaintext one."""
    path, key = _open_encrypted(url, key_file, ask, "encryption.already_plain")
    done = _convert(path, lambda: cipher.decrypt_file(path, key))
    return [t("encryption.decrypted", path=path, tables=done.tables, rows=done.rows)]


def rekey_database(
    url: str, key_file: str | Path | None, new_key_file: str | Path | None, ask: Ask | None
) -> list[str]:
    """`rfk-trips db rekey`: the database encrypted with a new passphrase, checked as a
    conversion is, in one swap: it is never unencrypted on the disk in between."""
    # The old passphrase is checked before the new one is asked for.
    path, key = _open_encrypted(url, key_file, ask, "encryption.rekey_plain")
    new = new_key(path, new_key_file, ask)
    if new == key:
        raise UserError(t("encryption.rekey_same"))
    done = _convert(path, lambda: cipher.rekey_file(path, key, new))
    lines = [t("encryption.rekeyed", path=path, tables=done.tables, rows=done.rows)]
    old_copies = [p for p in _copies(path) if cipher.looks_encrypted(p)]
    if old_copies:
        lines.append(t("encryption.old_key_copies", count=len(old_copies), example=old_copies[0]))
    return lines


def _convert(path: Path, run: Callable[[], cipher.Conversion]) -> cipher.Conversion:
    try:
        return run()
    except cipher.DatabaseInUse as exc:
        raise UserError(t("encryption.in_use", path=path)) from exc
    except cipher.ConversionFailed as exc:
        raise UserError(t("encryption.failed", path=path)) from exc


def _copies(path: Path) -> list[Path]:
    """The database's backups: upgrade and restore copies beside it, daily copies in its
    backup folder."""
    return sorted(backup_candidates(path))


def plaintext_copies(path: Path) -> list[Path]:
    """Backups beside the database still in plaintext."""
    return [p for p in _copies(path) if cipher.is_plaintext_sqlite(p)]
