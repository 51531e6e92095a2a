"""Finding tables whose labels are spaced out letter by letter, as Hong Kong government pages
and some PDFs give them: a header line of years, then a row per line, its label's letters one
space apart and its figures after it, separated by runs of spaces.

      2010   2014 #   2015 #
    出 口 总 值 ( 十 亿 港 元 )
      以 当 年 价 格 计 算 310.4   355.2   362.9
              (+1.2)   (+3.6)   (+2.2)
      以 固 定 (2012 年 ) 价 格 计 算 298.7   341.0   344.3
              (-0.4)   (+2.9)   (+1.0)
    进 出 口 组 成
      ( 以 当 年 价 格 计 算 ) ( 十 亿 港 元 )
      货 物 出 口 121.0   133.4   140.8
      减 : 货 物 进 口 118.6   129.9   137.2

The header holds nothing but years, each maybe followed by a mark for a note (`#`, `@`, `*`)
or a spaced-out 年, and maybe the words heading the labels before them. A line of words
without figures heads the rows under it (a group heading, its unit in brackets at its end; a
line that is only brackets goes on with the heading above it); a row that writes its own unit
(`人 口 ( 万 人 ) 741.3 …`) heads the rows indented deeper under it. A row's figures are the
last tokens of its line, one per year (a dash for none). A line of bracketed signed figures
right under a row (`(+1.2)   (+3.6)   (+2.2)`) gives that row's change rate in percent for
each year: facts of their own; where it gives fewer rates than years, which year each is for
cannot be told and none is read. A row under a heading that only says how the heading's
figure is reckoned (`以当年价格计算`) is that figure so reckoned: its name is the heading's, the
row's words in brackets after it (`出口总值(以当年价格计算)`); any other row is named by its
own words.

Most labels must be spaced out letter by letter, and two rows must give a figure for every
year (or one row, with its line of rates): prose, and tables in other layouts (a yearbook's
bilingual rows, labels written whole and cut from their figures by a wide gap), are not read
as such a grid. A blank line, or any line that is neither a row, a change line nor a heading,
ends the grid. This module finds where a grid is, as spans of the text; `llmx.tables` turns
each group into a `Table`. Pure functions.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from llmx.lines import CJK, HAS_CJK, Span, grids_in
from llmx.quantities import split_header_unit
from llmx.vocabulary import is_fact_unit

_TWO_LETTERS = re.compile(f"[{CJK}]{{2}}")
_TOKEN = re.compile(r"\S+")
# A mark after a year in the header, calling a note (`2004 @`, `2015#`, `2016(a)`).
_YEAR_MARK = re.compile(r"[@#*^+†‡＃＊]{1,3}|[(（][a-z#*@]{1,2}[)）]")
_MARKED_YEAR = re.compile(rf"((?:19|20)\d{{2}})年?(?:{_YEAR_MARK.pattern})?")
# A figure, or a dash for none, maybe with a mark calling a note (`1,024.5#`).
_CELL = re.compile(r"(?:[-−－+]?\d[\d,]*(?:\.\d+)?%?|[—–…\-－]+)[*#@†‡＊＃]{0,2}")
# A change rate in brackets (`(-2.6)`, `(+5.1%)`), or a dash in brackets for none.
_CHANGE = re.compile(
    r"[(（]\s*(?P<rate>[-−－+]?\s*\d[\d,]*(?:\.\d+)?|[—–\-－]+)\s*%?\s*[)）][*#@†‡＊＃]{0,2}"
)
_ONLY_BRACKETS = re.compile(r"^(?:[(（][^()（）]*[)）]\s*)+$")
_SENTENCE = re.compile(r"[。，；！？!?;]")
# A row that says how its group's figure is reckoned: 以当时市价计算, 按可比价格计算, 以固定
# (2000年)价格计算.
_RECKONING = re.compile(r"^[以按](?:[^()（）]|[(（][^()（）]*[)）]){1,16}?(?:计算|計算|计|計)$")

_LABEL_MAX = 40  # letters of a label, spaces left out
_YEARS_MIN = 2
_ROWS_MIN = 2


@dataclass(frozen=True)
class SpacedRow:
    label: Span  # the row's words as written, spaced out
    name: str  # what the row measures: its words joined, under its group's where they reckon it
    cells: tuple[Span | None, ...]  # one per year; None for a dash
    changes: tuple[Span | None, ...]  # each year's change rate (its signed figure), or ()


@dataclass(frozen=True)
class SpacedPart:
    """The rows under one group heading, and the span of the grid they take (parts tile the
    grid)."""

    start: int
    end: int
    heading: str  # the heading's words joined (with its unit in brackets), "" before any
    rows: tuple[SpacedRow, ...]


@dataclass(frozen=True)
class SpacedGrid:
    start: int
    end: int
    years: tuple[str, ...]
    parts: tuple[SpacedPart, ...]


_UNIT_HEADING = re.compile(r"单\s*位(?!\s*[:：])")


def find_spaced(text: str) -> list[SpacedGrid]:
    """Every letter-spaced grid of `text`, in order."""
    return grids_in(text, _grid_at)


def joined(words: str) -> str:
    """Words spaced out letter by letter, written whole: `以 固 定 (2000 年 )` → 以固定(2000年)."""
    return re.sub(r"\s+", "", words)


def _header_years(line: str) -> tuple[str, ...] | None:
    """The years of a header line: years, each maybe marked, after any words heading the
    labels; None if the line holds anything else."""
    if _UNIT_HEADING.search(line):
        return None  # a column of units (`单 位`) after the labels: a yearbook's, not this layout
    tokens = _TOKEN.findall(line)
    years: list[str] = []
    for token in tokens:
        year = _MARKED_YEAR.fullmatch(token)
        if year:
            years.append(year.group(1))
        elif years and (_YEAR_MARK.fullmatch(token) or token == "年"):
            continue  # a mark, or 年 spaced out from its year
        elif years or not HAS_CJK.search(token) or _SENTENCE.search(token):
            return None
    if len(years) < _YEARS_MIN or years != sorted(set(years)):
        return None
    return tuple(years)


@dataclass(frozen=True)
class _Line:
    """A body line: its label (None for a change line), its figures, its indent."""

    start: int
    end: int
    indent: int
    label: Span | None
    values: tuple[Span, ...]


def _body_line(start: int, line: str, width: int) -> _Line | None:
    """A row (a label, then `width` figures), a heading (a label alone), or a change line
    (bracketed figures alone); None for anything else."""
    bare = line.rstrip()
    indent = len(bare) - len(bare.lstrip())
    changes = list(_CHANGE.finditer(bare))
    if changes and not _CHANGE.sub("", bare).strip():
        values = tuple((start + c.start("rate"), start + c.end("rate")) for c in changes)
        return _Line(start, start + len(bare), indent, None, values)
    tokens = list(_TOKEN.finditer(bare))
    count = 0
    while count < min(width, len(tokens)) and _CELL.fullmatch(tokens[-1 - count].group()):
        count += 1
    if count not in (0, width) or count == len(tokens):
        return None
    if count and _CELL.fullmatch(tokens[len(tokens) - count - 1].group()):
        return None  # more figures than years: a row of another grid, its figures no label's
    cells = tokens[len(tokens) - count :]
    words = bare[indent : tokens[len(tokens) - count - 1].end()]
    if (
        not HAS_CJK.search(words)
        or _SENTENCE.search(words)
        or len(joined(words)) > _LABEL_MAX
        or re.search(r"[A-Za-z]{2}", words)
    ):
        return None
    label = (start + indent, start + indent + len(words))
    values = tuple((start + cell.start(), start + cell.end()) for cell in cells)
    return _Line(start, start + len(bare), indent, label, values)


def _spaced_out(words: str) -> bool:
    """Letters one space apart: no two Chinese letters side by side, and two letters at least."""
    return len(HAS_CJK.findall(words)) >= 2 and not _TWO_LETTERS.search(words)


def _grid_at(
    text: str, lines: Sequence[tuple[int, str]], index: int
) -> tuple[SpacedGrid, int] | None:
    """The grid whose header of years is line `index`, and the line after it."""
    if "\t" in lines[index][1]:
        return None  # cells a tab apart are a tab table's (llmx.tables.rowtables)
    years = _header_years(lines[index][1])
    if years is None:
        return None
    width = len(years)
    body: list[_Line] = []
    for position in range(index + 1, len(lines)):
        line = _body_line(lines[position][0], lines[position][1], width)
        if line is None or (line.label is None and not _follows_row(body)):
            break
        if line.label is None and len(line.values) != width:
            line = replace(line, values=())  # rates that cannot be told apart: none read
        body.append(line)
    while body and not body[-1].values:  # a heading with no rows under it ends no grid
        body.pop()
    rows = [line for line in body if line.label and line.values]
    labels = [text[line.label[0] : line.label[1]] for line in body if line.label]
    rated = any(line.label is None and line.values for line in body)
    if (len(rows) < _ROWS_MIN and not rated) or 2 * sum(map(_spaced_out, labels)) <= len(labels):
        return None
    start, end = lines[index][0], body[-1].end
    return SpacedGrid(start, end, years, _parts(text, body, start, end)), index + 1 + len(body)


def _follows_row(body: Sequence[_Line]) -> bool:
    """Whether a change line sits right under a row of figures."""
    return bool(body) and body[-1].label is not None and bool(body[-1].values)


@dataclass(frozen=True)
class _Heading:
    words: str  # joined, with a line of brackets that goes on with it
    indent: int
    start: int | None  # of its line, where its part begins; None for a row heading


def _parts(text: str, body: Sequence[_Line], start: int, end: int) -> tuple[SpacedPart, ...]:
    """The grid's rows, grouped under their headings; each part's span runs to the next's,
    the first's from the grid's header. A row that writes its own unit (`出口(十亿港元)`)
    heads the rows indented deeper under it, as a heading line would."""
    groups: list[tuple[_Heading, int, list[SpacedRow]]] = []  # heading, start, rows
    heading = _Heading("", -1, start)
    parent: _Heading | None = None
    previous: _Line | None = None
    for line in body:
        label = line.label
        if label is None:  # a change line: the rates of the row above
            if line.values:
                rows = groups[-1][2]
                rows[-1] = replace(rows[-1], changes=_figures(text, line.values))
            continue
        words = joined(text[label[0] : label[1]])
        if not line.values:
            heading_above = previous is not None and previous.label and not previous.values
            if heading_above and _ONLY_BRACKETS.match(words):
                heading = replace(heading, words=heading.words + words)  # (以当时市价计算)
            else:
                heading, parent = _Heading(words, line.indent, line.start), None
            previous = line
            continue
        if parent is not None and line.indent <= parent.indent:
            parent = None
        group = parent or heading
        if not groups or groups[-1][0] is not group:
            fresh = group.start is not None and all(g is not group for g, _, _ in groups)
            groups.append(
                (group, group.start if fresh and group.start is not None else line.start, [])
            )
        groups[-1][2].append(
            SpacedRow(label, _name(words, group, line), _figures(text, line.values), ())
        )
        if parent is None and measure_of(words) != words:
            parent = _Heading(words, line.indent, None)
        previous = line
    starts = [start, *(part_start for _, part_start, _ in groups[1:]), end]
    return tuple(
        SpacedPart(starts[number], starts[number + 1], group.words, tuple(rows))
        for number, (group, _, rows) in enumerate(groups)
    )


def _figures(text: str, spans: Sequence[Span]) -> tuple[Span | None, ...]:
    """Each cell's span, None for a dash."""
    return tuple(span if re.search(r"\d", text[span[0] : span[1]]) else None for span in spans)


def _name(words: str, heading: _Heading, line: _Line) -> str:
    """A row's name: a sub-item that only says how its group is reckoned is the group's
    measure so reckoned (`本地生产总值(以当时市价计算)`); any other row is its own words."""
    measure = measure_of(heading.words)
    if measure and line.indent > heading.indent and _RECKONING.match(words):
        return f"{measure}({words})"
    return words


def measure_of(heading: str) -> str:
    """A heading less the unit in brackets at its end: 本地生产总值(十亿港元) → 本地生产总值,
    (十亿港元) → ""."""
    found = split_header_unit(heading)
    if found is None or not is_fact_unit(found[0]):
        return heading
    return re.sub(r"[(（][^()（）]*[)）]\s*$", "", heading)
