"""Markdown (`.md`, `.markdown`), parsed with markdown-it-py (CommonMark plus GFM tables).

Headings, paragraphs and list items become lines of the canonical layout (markup removed,
a soft line break inside a paragraph joined, with no space between Chinese characters);
tables become pipe rows with their header separated; code blocks keep their lines. Each line
is located by its source line (`line 12`), each table cell by table, row and column too.
"""

from __future__ import annotations

from pathlib import Path

from markdown_it import MarkdownIt
from markdown_it.token import Token

from llmx.documents import Document, read_text_file
from llmx.locations import Locator
from llmx.readers.canonical import GridCell, TextBuilder, clean_line

_PARSER = MarkdownIt("commonmark").enable("table")


def _inline_text(token: Token) -> list[str]:
    """The plain text of an inline token as lines: a hard break starts a new line, a soft
    break (a line end inside the paragraph) joins (llmx.readers.canonical.clean_line)."""
    lines = [""]
    for child in token.children or []:
        if child.type == "hardbreak":
            lines.append("")
        elif child.type == "softbreak":
            lines[-1] += "\n"
        elif child.type in ("text", "code_inline", "image"):
            lines[-1] += child.content
    return [clean_line(line) for line in lines if clean_line(line)]


def _where(token: Token) -> Locator:
    return Locator(element=f"line {token.map[0] + 1}" if token.map else None)


def _table(tokens: list[Token], start: int) -> tuple[list[list[GridCell]], int, int]:
    """Rows and header row count of the table opening at `start`; and the index after it."""
    rows: list[list[GridCell]] = []
    header_rows = 0
    in_head = False
    index = start + 1
    row_line: str | None = None
    while tokens[index].type != "table_close":
        token = tokens[index]
        if token.type == "thead_open":
            in_head = True
        elif token.type == "thead_close":
            in_head = False
        elif token.type == "tr_open":
            rows.append([])
            row_line = _where(token).element
            header_rows += 1 if in_head else 0
        elif token.type == "inline" and rows:
            rows[-1].append(GridCell(" ".join(_inline_text(token)), element=row_line))
        index += 1
    return rows, header_rows, index + 1


def read(path: Path) -> Document:
    source, encoding = read_text_file(path)
    tokens = _PARSER.parse(source)
    builder = TextBuilder()
    title: str | None = None
    index = 0
    while index < len(tokens):
        token = tokens[index]
        if token.type == "table_open":
            rows, header_rows, index = _table(tokens, index)
            builder.table(rows, header_rows=header_rows, locator=_where(token))
            continue
        if token.type == "inline":
            opener = tokens[index - 1] if index else token
            lines = _inline_text(token)
            if opener.type == "heading_open" and title is None and lines:
                title = clean_line(lines[0])
            for line in lines:
                builder.line(line, _where(token))
        elif token.type in ("fence", "code_block"):
            for offset, line in enumerate(token.content.splitlines()):
                first = token.map[0] + 1 + (token.type == "fence") if token.map else None
                where = Locator(element=f"line {first + offset}" if first else None)
                builder.line(line, where)
        index += 1
    return builder.document(
        path, encoding=encoding, format="md", title=title, empty="the Markdown file has no text"
    )
