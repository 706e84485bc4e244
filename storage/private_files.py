"""Files holding citizens' data: owner only (0600), in folders only the owner opens (0700).

One place for it, so the database, its backups, exports, programmes and calendar files all
get the same modes whatever the user's umask (a laptop's default 022 would give 0644/0755).

On Windows a mode is only the read-only flag: `os.chmod` there sets or clears it and nothing
more, and `os.fchmod` is missing before Python 3.13. What keeps others out there is the
folder: the user's own profile (`%LOCALAPPDATA%`), which Windows opens to that user, the
administrators and the system only (README, "Windows"). The calls here still run, and do
what Windows lets them.
"""

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

PRIVATE_FILE_MODE = 0o600
PRIVATE_FOLDER_MODE = 0o700


def private_folder(folder: Path) -> Path:
    """`folder` with any missing parents; every folder created here is 0700.

    Folders that were already there keep their mode: a user's Documents folder is theirs.
    """
    missing: list[Path] = []
    current = folder
    while not current.exists() and current != current.parent:
        missing.append(current)
        current = current.parent
    folder.mkdir(mode=PRIVATE_FOLDER_MODE, parents=True, exist_ok=True)
    for created in missing:
        # mkdir's mode is cut by the umask, and parents get the default mode: set it plainly.
        os.chmod(created, PRIVATE_FOLDER_MODE)
    return folder


def make_folder_private(folder: Path) -> None:
    """Close a folder rfk-trips owns (its data folder) that an older version left open."""
    with suppress(OSError):  # not ours to change (another owner, read-only medium): leave it
        if folder.is_dir() and (folder.stat().st_mode & 0o077):
            os.chmod(folder, PRIVATE_FOLDER_MODE)


def make_private(path: Path) -> None:
    """Close an existing file of ours (0600) that was created open to others."""
    with suppress(OSError):
        if path.is_file() and (path.stat().st_mode & 0o077):
            os.chmod(path, PRIVATE_FILE_MODE)


def create_private_file(path: Path) -> None:
    """Create an empty file readable by its owner only (0600), with its folder (0700)."""
    private_folder(path.parent)
    fd = os.open(path, os.O_CREAT | os.O_WRONLY | os.O_EXCL, PRIVATE_FILE_MODE)
    try:
        # os.open's mode is cut by the umask; set it on the open file, where the system can.
        if hasattr(os, "fchmod"):
            os.fchmod(fd, PRIVATE_FILE_MODE)
        else:  # Windows before Python 3.13: the read-only flag is all a mode sets there
            os.chmod(path, PRIVATE_FILE_MODE)
    finally:
        os.close(fd)


@contextmanager
def private_replacement(
    target: Path, *, folder_must_exist: bool = False, mode: int = PRIVATE_FILE_MODE
) -> Iterator[Path]:
    """A private temporary file beside `target`, moved over it when the block succeeds.

    A reader never sees half a file and a failed write never replaces a good one. The
    temporary file is 0600 from its creation (mkstemp), so no one else can open it meanwhile;
    only a document known to hold nothing personal is given a wider `mode` as it lands.
    """
    if not folder_must_exist:
        private_folder(target.parent)
    fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    os.close(fd)
    temporary = Path(name)
    try:
        yield temporary
        os.chmod(temporary, mode)
        with open(temporary, "rb+") as handle:
            os.fsync(handle.fileno())
        os.replace(temporary, target)
    finally:
        temporary.unlink(missing_ok=True)


def write_private_file(
    target: Path, data: bytes, *, folder_must_exist: bool = False, mode: int = PRIVATE_FILE_MODE
) -> None:
    """`data` at `target`, atomically and readable by its owner only (unless `mode` says)."""
    with private_replacement(target, folder_must_exist=folder_must_exist, mode=mode) as temporary:
        temporary.write_bytes(data)
