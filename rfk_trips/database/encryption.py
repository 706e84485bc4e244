"""Encryption at rest, opt-in: `db encrypt`, `db decrypt`, `db rekey`, with Danish refusals.

The passphrase itself and the refusals about it live in `keys`.
"""

from collections.abc import Callable
from pathlib import Path

from rfk_trips.database.keys import (
    Ask,
    key_for,
    needs_key_error,
    new_key,
    wrong_key_error,
)
from rfk_trips.i18n.catalogue import t
from rfk_trips.rules.errors import UserError
from storage import cipher
from storage.backup import backup_candidates, looks_damaged
from storage.engine import shown_url, sqlite_path


def _file_of(url: str) -> Path:
    path = sqlite_path(url)
    if path is None:
        raise UserError(t("encryption.not_a_file", url=shown_url(url)))
    return path


def encrypt_database(url: str, key_file: str | Path | None, ask: Ask | None) -> list[str]:
    """`rfk-trips db encrypt`: the plaintext file replaced by an encrypted one (or a new
    encrypted database where there is none yet). Returns the sentences to show."""
    from rfk_trips.database.damage import damaged_database_error
    from rfk_trips.database.opening import open_database

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
    from rfk_trips.database.damage import damaged_database_error

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
