"""The lines of a text, each with the offset it starts at, so that a finder reading line by
line can give spans on the text itself."""

from __future__ import annotations

from collections.abc import Iterator


def text_lines(text: str) -> Iterator[tuple[int, str]]:
    """(start, line) for every line of `text`, the line without its line end."""
    offset = 0
    for line in text.splitlines(keepends=True):
        yield offset, line.rstrip("\r\n")
        offset += len(line)
