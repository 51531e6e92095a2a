"""Plain text (`.txt`): the file's decoded text is the document, offsets are the place."""

from __future__ import annotations

from pathlib import Path

from llmx.documents import Document, decode_text
from llmx.errors import InputError


def read(path: Path) -> Document:
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise InputError(f"{path}: cannot read ({error.strerror})") from None
    text, encoding = decode_text(raw, str(path))
    return Document(id=path.stem, text=text, path=path, encoding=encoding, format="txt")
