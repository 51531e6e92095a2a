"""Plain text (`.txt`): the file's decoded text is the document, offsets are the place."""

from __future__ import annotations

from pathlib import Path

from llmx.documents import Document, read_text_file


def read(path: Path) -> Document:
    text, encoding = read_text_file(path)
    return Document(id=path.stem, text=text, path=path, encoding=encoding, format="txt")
