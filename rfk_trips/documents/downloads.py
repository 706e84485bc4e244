"""A file made for a browser to download: written on the server only for as long as it is read.

In a browser session (`rfk-trips serve`) a programme, calendar file or reminder list is for
the person at the browser, not for the server's disk: it is written into a private temporary
folder (readable by its owner only), read back, and the folder removed at once. What the
writing logs (`privacy.read_outs`: who took which citizens' data out) is logged as for a saved
file; the screens hand the bytes to the browser (`screens.widgets.file_delivery`).
"""

import mimetypes
import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Download:
    """A finished file: its name for the browser, its bytes and its type."""

    name: str
    data: bytes
    mime_type: str


def download_of(write: Callable[[Path], Path]) -> Download:
    """Run `write` (folder in, the path of the file it wrote out) in a private temporary
    folder, and take the file's name and bytes; nothing of it is left on the disk."""
    folder = Path(tempfile.mkdtemp(prefix="rfk-trips-"))  # readable by its owner only
    try:
        path = write(folder)
        mime_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        return Download(path.name, path.read_bytes(), mime_type)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
