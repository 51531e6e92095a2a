"""Source text for the report: error contexts and sections cut into highlighted segments.

Pure functions returning plain text pieces; escaping is the templates' job (autoescape),
so nothing here builds markup.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

from llmx.facts import Fact
from llmx.scoring import has_span

CONTEXT_CHARS = 40
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class Context:
    """A fact's span with a little text either side, whitespace collapsed."""

    before: str
    span: str
    after: str


def context_of(fact: Fact, text: str, width: int = CONTEXT_CHARS) -> Context:
    if not has_span(fact) or fact.start >= len(text):
        return Context("", fact.text, "")
    end = min(fact.end, len(text))
    return Context(
        _collapse(text[max(0, fact.start - width) : fact.start]),
        _collapse(text[fact.start : end]),
        _collapse(text[end : end + width]),
    )


def _collapse(piece: str) -> str:
    return _SPACE.sub(" ", piece)


@dataclass(frozen=True)
class Mark:
    """A fact on one layer of the source view: gold, or one run's predictions."""

    layer: int  # 0 is gold; run i is layer i + 1
    fact: Fact
    matched: bool
    # For a gold fact: the runs (by index) that missed it.
    missed_by: tuple[int, ...] = ()


@dataclass(frozen=True)
class Segment:
    """A stretch of section text covered by the same set of marks."""

    text: str
    marks: tuple[Mark, ...]
    # Where the piece is in the document's text, so an error can point at it.
    start: int = 0
    end: int = 0

    @property
    def layers(self) -> frozenset[int]:
        return frozenset(mark.layer for mark in self.marks)


def segments(text: str, start: int, end: int, marks: Sequence[Mark]) -> list[Segment]:
    """Cut `text[start:end]` at every mark boundary; each piece lists the marks covering it."""
    inside = [m for m in marks if has_span(m.fact) and m.fact.start < end and m.fact.end > start]
    cuts = sorted(
        {start, end}
        | {min(max(m.fact.start, start), end) for m in inside}
        | {min(max(m.fact.end, start), end) for m in inside}
    )
    pieces: list[Segment] = []
    for left, right in pairwise(cuts):
        covering = tuple(m for m in inside if m.fact.start < right and m.fact.end > left)
        pieces.append(Segment(text[left:right], covering, left, right))
    return pieces
