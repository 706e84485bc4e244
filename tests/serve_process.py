"""`rfk-trips serve` started for a test on a free local port (not a test module).

The server runs as the user runs it, in a process of its own, and is stopped again (SIGTERM,
which textual-serve handles as Ctrl+C) when the test is done.
"""

import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

START_WITHIN_S = 30.0


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def serving(database: list[str], cwd: Path) -> Iterator[str]:
    """The URL of `rfk-trips <database> serve` on a free port, once it answers."""
    port = free_port()
    command = [sys.executable, "-m", "rfk_trips", *database, "serve", "--port", str(port)]
    log = (cwd / "serve.log").open("wb")
    process = subprocess.Popen(command, cwd=cwd, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + START_WITHIN_S
        while True:
            assert process.poll() is None, (cwd / "serve.log").read_text(errors="replace")
            try:
                with urllib.request.urlopen(url + "/", timeout=2):
                    break
            except OSError:
                assert time.monotonic() < deadline, "serve did not answer"
                time.sleep(0.1)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        log.close()


def fetch(url: str) -> tuple[int, bytes]:
    with urllib.request.urlopen(url, timeout=10) as answer:
        return answer.status, answer.read()
