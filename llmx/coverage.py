"""Figures a document states that no fact took: where an extraction may have missed some.

A run's facts say what the extractor read; this says what it left. A *figure* is a number
written in digits that could be a stated quantity: not a year, a date, a clock time, a
month's range, an age band, a list's or a note's mark, a table's number, a code, or a number
inside a Latin name (G20, PM2.5, Q4). A figure no fact's span touches is *unread*.

Most documents leave a few figures unread that are no fact (a count in a heading, a unit's
denominator). A document where many are unread, and a good share of its figures, usually
holds a table, or a way of writing, that the extractor did not read: it is *worth a look*,
by a person or a model. How well that flag finds what was missed is measured against the
wide gold set's dev half by `evals/coverage.py` (docs/coverage.md).

Pure functions of a text and its facts' spans: a run counts each document as it is written
(llmx.pipeline), and `llmx runs unread` shows the figures again from the run's own texts.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from llmx.folding import fold
from llmx.lines import Span
from llmx.record import Coverage

# A number in digits: thousands separated by commas, a decimal part. Not the tail of a word
# or of another number (`G20`, `1.2.3`).
_NUMBER = re.compile(r"(?<![0-9A-Za-z.])[-+]?\d+(?:,\d{3})*(?:\.\d+)?")

# Where a number is no stated quantity: each alternative is a kind of place, matched on the
# folded text (simplified, half-width), and every number wholly inside a match is skipped.
_NOT_FIGURES = re.compile(
    "|".join(
        (
            r"\d{4}\s*[-./年]\s*\d{1,2}\s*[-./月]\s*\d{1,2}\s*日?",  # a date
            r"\d{1,2}:\d{2}(?::\d{2})?",  # a clock time
            r"\d+\s*°(?:\s*\d+\s*[′'])?",  # a longitude or latitude: 113°19′
            r"\d{1,2}\s*[-~至]\s*\d{1,2}\s*月份?",  # months: 1-5月
            r"\d+\s*[-~至]\s*\d+\s*[岁周]",  # an age band: 18-35岁, 30~34岁
            r"\d+\s*(?:年|月份?|日|号|时|届)",  # a year, month, day, hour, a congress's term
            r"(?:表|图|附录|附件)\s*\d+(?:[-.]\d+)*",  # a table's, chart's, appendix's number
            r"(?:^|\|)\s*\d+(?:-\d+)+(?=\s+\S)",  # a caption's number: 17-22 社会消费品零售总额
            r"[\[【〔]\s*\d+\s*[\]】〕]",  # a note's mark: [1], 【2】
            r"[(（]\s*\d{1,2}\s*[)）]",  # a list's or a note's mark: (3)
            r"(?:注|注释)\s*[:：]?\s*\d+",  # a note's number: 注1, 注:1.
            r"[“\"]\s*\d+(?:\s*[+.、]\s*\d+)*\s*[”\"]",  # a slogan or a day named: “631”, “5.17”
            r"\d+\s*\+\s*\d+(?:\s*\+\s*\d+)*",  # a slogan's sum: “2+4”产业集群
            r"/\s*\d+\s*(?:克|斤|公斤|千克|升)",  # a unit's denominator: 元/500克
            r"[(（][^()（）\n]*[A-Za-z][^()（）\n]*[)）]",  # English in brackets: (10 000 persons)
        )
    ),
    re.MULTILINE,
)
_YEAR = re.compile(r"(?:19|20)\d{2}")
_CODE = re.compile(r"0\d+")  # 01, 0502: a code or an account's number, no quantity
_LATIN_CAPITAL_ALONE = re.compile(r"[A-Z](?![A-Za-z])")  # 5G, 4K: a name, no quantity
_LIST_MARK_AFTER = re.compile(r"[.、)）﹒]")  # 1. 2、 3) at a line's start

# A document is worth a look where at least this many figures are unread and at least this
# share of its figures: below either, what is unread is mostly no fact (docs/coverage.md).
WORTH_A_LOOK_UNREAD = 5
WORTH_A_LOOK_SHARE = 0.1


def figure_spans(text: str) -> list[Span]:
    """Each figure of `text`, in order: numbers in digits that could state a quantity."""
    folded = fold(text)
    # Matches of one pattern never overlap and come in order, as the numbers do.
    skipped = [match.span() for match in _NOT_FIGURES.finditer(folded)]
    figures: list[Span] = []
    at = 0
    for match in _NUMBER.finditer(folded):
        start, end = match.span()
        while at < len(skipped) and skipped[at][1] < end:
            at += 1
        inside = at < len(skipped) and skipped[at][0] <= start
        if not inside and _is_figure(folded, match):
            figures.append((start, end))
    return figures


def _is_figure(folded: str, match: re.Match[str]) -> bool:
    digits = match.group().lstrip("+-")
    start, end = match.span()
    if _YEAR.fullmatch(digits) or _CODE.fullmatch(digits):
        return False
    before, after = folded[max(0, start - 1) : start], folded[end : end + 2]
    if before == "第" or (before.isascii() and before.isalpha()):
        return False  # an ordinal (第3位), a name (G20, PM2.5)
    if _LATIN_CAPITAL_ALONE.match(after):
        return False  # 5G, 4K
    line_start = folded.rfind("\n", 0, start) + 1
    return not (
        not folded[line_start:start].strip()
        and "." not in digits
        and _LIST_MARK_AFTER.match(after) is not None
    )


def unread_spans(figures: Iterable[Span], taken: Iterable[Span]) -> Iterator[Span]:
    """The figures no taken span overlaps, in order; both in text order or not."""
    spans = sorted(taken)
    at, reach = 0, -1  # spans[:at] start before the figure; `reach` is where they end
    for start, end in sorted(figures):
        while at < len(spans) and spans[at][0] < end:
            reach = max(reach, spans[at][1])
            at += 1
        if reach <= start:
            yield (start, end)


def coverage_of(text: str, taken: Iterable[Span]) -> Coverage:
    """How many figures `text` states, and how many of them no taken span touches."""
    figures = figure_spans(text)
    return Coverage(figures=len(figures), unread=sum(1 for _ in unread_spans(figures, taken)))


def worth_a_look(coverage: Coverage) -> bool:
    """Whether a document left enough figures unread that a person (or a model) should look."""
    return (
        coverage.unread >= WORTH_A_LOOK_UNREAD
        and coverage.unread >= WORTH_A_LOOK_SHARE * coverage.figures
    )


@dataclass(frozen=True)
class DocumentCoverage:
    """One document's coverage under its id, for lists ordered by what is left unread."""

    doc: str
    coverage: Coverage

    @property
    def worth_a_look(self) -> bool:
        return worth_a_look(self.coverage)


def most_unread(coverage: dict[str, Coverage]) -> list[DocumentCoverage]:
    """Documents with figures unread, most unread first (then by id)."""
    ranked = [DocumentCoverage(doc, counts) for doc, counts in coverage.items() if counts.unread]
    return sorted(ranked, key=lambda item: (-item.coverage.unread, item.doc))


def worth_a_look_line(coverage: dict[str, Coverage], shown: int = 3) -> str | None:
    """One line naming the documents worth a look, most unread first; None when none is."""
    looks = [item for item in most_unread(coverage) if item.worth_a_look]
    if not looks:
        return None
    named = ", ".join(
        f"{item.doc} ({item.coverage.unread} of {item.coverage.figures})" for item in looks[:shown]
    )
    more = f" and {len(looks) - shown} more" if len(looks) > shown else ""
    documents = "document leaves" if len(looks) == 1 else "documents leave"
    return f"{len(looks)} {documents} many figures unread by any fact: {named}{more}"


def marked_line(text: str, span: Span, width: int = 36) -> tuple[int, str]:
    """The line number (from 1) of a figure, and its line with the figure in [brackets],
    cut to `width` characters each side."""
    start, end = span
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    before = text[max(line_start, start - width) : start]
    after = text[end : min(line_end, end + width)]
    left = "…" if start - width > line_start else ""
    right = "…" if end + width < line_end else ""
    return text.count("\n", 0, start) + 1, f"{left}{before}[{text[start:end]}]{after}{right}"
