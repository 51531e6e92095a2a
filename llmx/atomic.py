"""Writing files so that a reader never sees half of one: temporary file, then rename."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import TextIO

from llmx.errors import OutputError


@contextlib.contextmanager
def atomic_writer(path: Path) -> Iterator[TextIO]:
    """Open a temporary file beside `path`; on success it replaces `path`, on error it vanishes."""
    path.parent.mkdir(parents=True, exist_ok=True)
    descriptor, temporary = _temporary_beside(path)
    try:
        with os.fdopen(descriptor, "w", encoding="utf-8", newline="\n") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        # mkstemp makes the file private (0600); give it the mode a plain open() would.
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(temporary, 0o666 & ~umask)
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)
        raise


def write_text_atomic(path: Path, text: str) -> None:
    with atomic_writer(path) as handle:
        handle.write(text)


def check_writable(path: Path, what: str) -> None:
    """Fail before any work when `path` cannot be written: it is a folder, or its folder is a
    file or refuses writes. Nothing is created."""
    if len(path.name.encode()) > 255:
        raise OutputError(f"{what}: file name longer than 255 bytes")
    if path.is_dir():
        raise OutputError(f"{what} {path}: is a folder, not a file")
    folder = path.parent
    while not folder.exists() and folder != folder.parent:
        folder = folder.parent
    if not folder.is_dir():
        raise OutputError(f"{what} {path}: {folder} is a file, not a folder")
    if not os.access(folder, os.W_OK | os.X_OK) or (path.exists() and not os.access(path, os.W_OK)):
        raise OutputError(f"{what} {path}: cannot write there (permission denied)")
    if folder == path.parent:
        _probe(path, what)


def _probe(path: Path, what: str) -> None:
    """Make and remove a file where `path` goes: some folders pass every check above and
    take no file (`/proc`, a read-only mount seen by root), which would be found only after
    the whole job."""
    try:
        descriptor, probe = _temporary_beside(path)
    except OSError as error:
        raise OutputError(f"{what} {path}: cannot write there ({error.strerror})") from None
    os.close(descriptor)
    os.unlink(probe)


def _temporary_beside(path: Path) -> tuple[int, str]:
    """A new private file in `path`'s folder, named after it (`.facts.jsonl.x1y2.tmp`)."""
    return tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
