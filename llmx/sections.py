"""Splitting a document into a tree of sections from its own headings.

The sections partition the text: every character belongs to exactly one section, so any
span maps back to one section. Headings are recognised by form (`一、`, `（一）`/`(一)`,
`1.`/`1、`, `附件1`) *and* by sequence: a heading is accepted only where its ordinal continues
the numbering of its level. That is what keeps lists inside boxes and annexes (which restart
`一、` or `（一）`) from breaking the tree.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

import cn2an

_ORDINAL = "一二三四五六七八九十百零〇"
_LEVEL1 = re.compile(rf"([{_ORDINAL}]+)、")
_LEVEL2 = re.compile(rf"[（(]([{_ORDINAL}]+)[)）]")
_LEVEL3 = re.compile(r"(\d{1,3})[.、．](?![\d.．])")
_ANNEX = re.compile(r"(?:附件|附件)\s*(\d{1,2})\s*$")
_BOX = re.compile(r"\s*(?:专栏|專欄|表)\s*\d+")
_HEADING_MAX = 60


@dataclass(frozen=True)
class Section:
    """One node of a document's section tree and the text it owns."""

    doc: str
    id: str
    heading: str
    path: tuple[str, ...]
    level: int
    start: int
    end: int

    def text_of(self, document_text: str) -> str:
        return document_text[self.start : self.end]


def _ordinal(numeral: str) -> int | None:
    try:
        return int(cn2an.cn2an(numeral, "normal"))
    except (ValueError, KeyError):
        return None


def _heading_text(line: str) -> str:
    """The heading of a line that may run on into body text: up to the first full stop."""
    head = line.strip()
    for stop in ("。", "．"):
        cut = head.find(stop)
        if cut > 0:
            head = head[: cut + 1] if cut + 1 < len(head) else head
            break
    return head if len(head) <= _HEADING_MAX else head[:_HEADING_MAX] + "…"


@dataclass
class _Counters:
    annex: int = 0
    level1: int = 0
    level2: int = 0
    level3: int = 0
    level3_in_level2: int = 0


def _classify(line: str, counters: _Counters) -> tuple[int, int] | None:
    """(level, ordinal) when the line is an accepted heading; 0 is the annex level."""
    if not line or line[0] in "\t ":
        return None  # indented lines are table cells and box contents
    if line.rstrip().endswith((";", "；")):
        return None  # 一、2019年工作回顾; 二、…;: the items of an outline a paragraph lists
    annex = _ANNEX.match(line)
    if annex and int(annex.group(1)) == counters.annex + 1:
        return (0, int(annex.group(1)))
    match = _LEVEL1.match(line)
    if match:
        number = _ordinal(match.group(1))
        if number is not None and number == counters.level1 + 1:
            return (1, number)
        return None
    match = _LEVEL2.match(line)
    if match:
        number = _ordinal(match.group(1))
        if number is not None and number == counters.level2 + 1:
            return (2, number)
        return None
    match = _LEVEL3.match(line)
    if match:
        number = int(match.group(1))
        continues = number == counters.level3 + 1
        restarts = number == 1 and counters.level3_in_level2 == 0
        if continues or restarts:
            return (3, number)
    return None


_ANNEX_TITLE_LINES = 4


def _annex_heading(line: str, following: list[str]) -> str:
    """An annex's heading is its number and the title lines under it (附件1 2023年…完成情况)."""
    title = [part.strip() for part in following if part.strip()][:2]
    return " ".join([line.strip(), *title])[: _HEADING_MAX * 2]


def split_sections(doc_id: str, text: str) -> list[Section]:
    """The sections of a document, in order, partitioning `text`."""
    counters = _Counters()
    # Stack of (level, id part, heading) for the open headings.
    stack: list[tuple[int, str, str]] = []
    starts: list[tuple[int, str, tuple[str, ...], int, str]] = [(0, "0", (), 0, "")]
    offset = 0
    in_box = False
    blank_run = 0
    lines = text.splitlines(keepends=True)
    for index, line in enumerate(lines):
        bare = line.rstrip("\r\n")
        # A box (专栏, 表) numbers its own lists; it ends at the first double blank line.
        blank_run = blank_run + 1 if not bare.strip() else 0
        if in_box and blank_run >= 2:
            in_box = False
        if _BOX.match(bare):
            in_box = True
        found = None if in_box else _classify(bare, counters)
        if found is not None:
            level, number = found
            if level == 0:
                counters = _Counters(annex=number)
                title_lines = lines[index + 1 : index + 1 + _ANNEX_TITLE_LINES]
                stack = [(0, f"A{number}", _annex_heading(bare, title_lines))]
            else:
                if level == 1:
                    counters.level1, counters.level2, counters.level3 = number, 0, 0
                    counters.level3_in_level2 = 0
                elif level == 2:
                    counters.level2, counters.level3_in_level2 = number, 0
                else:
                    counters.level3 = number
                    counters.level3_in_level2 += 1
                while stack and stack[-1][0] >= level:
                    stack.pop()
                stack.append((level, str(number), _heading_text(bare)))
            section_id = ".".join(part for _, part, _ in stack)
            path = tuple(heading for _, _, heading in stack)
            starts.append((offset, section_id, path, level, path[-1]))
        offset += len(line)
    sections: list[Section] = []
    for index, (start, section_id, path, level, heading) in enumerate(starts):
        end = starts[index + 1][0] if index + 1 < len(starts) else len(text)
        if end > start or not sections:
            sections.append(Section(doc_id, section_id, heading, path, level, start, end))
    return _unique_ids(sections)


def _unique_ids(sections: list[Section]) -> list[Section]:
    """Ids are unique within a document even if a heading number repeats in one parent."""
    seen: dict[str, int] = {}
    unique: list[Section] = []
    for section in sections:
        count = seen.get(section.id, 0)
        seen[section.id] = count + 1
        if count:
            section = Section(
                section.doc,
                f"{section.id}~{count}",
                section.heading,
                section.path,
                section.level,
                section.start,
                section.end,
            )
        unique.append(section)
    return unique


def section_at(sections: Sequence[Section], offset: int) -> Section:
    """The one section that owns character `offset` (sections in order, as split)."""
    index = bisect_right(sections, offset, key=lambda section: section.start) - 1
    return sections[max(index, 0)]
