"""Finding comma-separated tables in text: an open-data table a page shows as its CSV.

    稅目別,全年預算數,截至本月底止累計實徵數合計1,_id,增減百分比
    總 計,"38,589,196,000","1,250,179,188",1,-37.89
     1. 地 價 稅,"8,220,000,000","54,132,599",3,30

The header is a line opening with three or more names between commas; each record has as
many fields, on a line of its own or run together with the next after a space (a store that
joined the file's lines: `…,_id,增減百分比 總 計,"38,589,196,000",…`). A field may be quoted,
with commas inside (`"1,250,179,188"`) and quotes doubled; a field other than the last ends
at its comma and may hold spaces (`總 計`), the last ends at a space or the line's end, which
is what makes the header's width, and so every record's, unambiguous. At least three records
make a table. This module finds where the header's and the records' fields are, as spans of
the text (inside the quotes); `llmx.tables` turns them into a table. Pure functions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from llmx.lines import FIGURE_CELL, HAS_CJK, Span, stripped_span, text_lines

_RECORDS_MIN = 3
_WIDTH_MIN = 3
_WIDTH_MAX = 60


@dataclass(frozen=True)
class CommaGrid:
    start: int  # of the header
    end: int  # of the last record
    names: tuple[Span, ...]  # the header's fields
    rows: tuple[tuple[Span, ...], ...]  # each record's fields, as many as the header's


def find_comma_tables(text: str) -> list[CommaGrid]:
    """The comma-separated tables of `text`, in order."""
    grids: list[CommaGrid] = []
    for start, line in text_lines(text):
        if (grids and start < grids[-1].end) or line.count(",") < _WIDTH_MIN - 1:
            continue
        grid = _grid_at(text, start + len(line) - len(line.lstrip()))
        if grid is not None:
            grids.append(grid)
    return grids


def _grid_at(text: str, start: int) -> CommaGrid | None:
    """The table whose header opens at `start`: its width is the first count of fields whose
    last ends at a space or a line's end, provided every field is a name."""
    for width in range(_WIDTH_MIN, _WIDTH_MAX + 1):
        parsed = _fields(text, start, width)
        if parsed is None:
            continue
        names, after = parsed
        if not all(_is_name(text[a:b]) for a, b in names):
            return None
        rows: list[tuple[Span, ...]] = []
        end = names[-1][1]
        while (record := _fields(text, _skip_spaces(text, after), width)) and any(
            FIGURE_CELL.fullmatch(text[a:b].strip()) for a, b in record[0]
        ):
            rows.append(record[0])
            end, after = record[0][-1][1], record[1]
        return CommaGrid(start, end, names, tuple(rows)) if len(rows) >= _RECORDS_MIN else None
    return None


def _fields(text: str, position: int, width: int) -> tuple[tuple[Span, ...], int] | None:
    """`width` fields from `position`, and where the last one's quote or text ends; None
    where the text there is not so many fields, the last ending at a space or line end."""
    spans: list[Span] = []
    for index in range(width):
        last = index == width - 1
        if text.startswith('"', position):
            close = _closing_quote(text, position + 1)
            if close is None:
                return None
            spans.append((position + 1, close))
            position = close + 1
        else:
            ends = _LAST_FIELD if last else _FIELD
            found = ends.match(text, position)
            if found is None:
                return None
            spans.append(stripped_span(text, found.start(), found.end()))
            position = found.end()
        if last:
            if position < len(text) and not text[position].isspace():
                return None
        elif not text.startswith(",", position):
            return None
        else:
            position += 1
    return tuple(spans), position


_FIELD = re.compile(r'[^,"\n\r]*')
_LAST_FIELD = re.compile(r'[^,"\s]*')


def _skip_spaces(text: str, position: int) -> int:
    """Where the next record starts: past the spaces and line ends after the last one."""
    while position < len(text) and text[position].isspace():
        position += 1
    return position


def _closing_quote(text: str, position: int) -> int | None:
    """Where the quoted field opened before `position` closes (a doubled quote is a quote),
    on its own line: a quote left open is no field, and is not looked for to the text's end."""
    line_end = text.find("\n", position)
    line_end = len(text) if line_end == -1 else line_end
    while (found := text.find('"', position, line_end)) != -1:
        if not text.startswith('""', found):
            return found
        position = found + 2
    return None


def _is_name(field: str) -> bool:
    """A header's field: words (`稅目別`, `_id`, `合計1`), not a figure or nothing."""
    field = field.strip()
    return (
        bool(field)
        and not FIGURE_CELL.fullmatch(field)
        and (bool(HAS_CJK.search(field)) or field.replace("_", "").isalpha())
    )
