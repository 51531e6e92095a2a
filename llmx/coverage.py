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
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass

from llmx.folding import fold
from llmx.lines import Span
from llmx.record import Coverage

# A number in digits: thousands separated by commas, a decimal part. Not the tail of another
# number (`1.2.3`); a sign only where no word or number stands right before it (`5%-8%` is a
# range, `COVID-19` a name).
_NUMBER = re.compile(r"(?<![0-9.])[-+]?\d+(?:,\d{3})*(?:\.\d+)?")
_DASHES = "-~至—―‐〜～"  # folded: the en dash and full-width forms are `-` and `~` already
_RANGE = f"[ \\t]*+[{_DASHES}][ \\t]*+"
_CLOCK = r"(?:[01]?\d|2[0-3]):[0-5]\d(?::[0-5]\d)?+(?![\d.:])"

# Where a number is no stated quantity: each alternative is a kind of place, matched on the
# folded text (simplified, half-width), and every number wholly inside a match is skipped.
# Spaces are matched within a line only (`[ \t]`), so that a pattern never joins a table's
# cells across rows; runs of digits and spaces are taken whole (`\d++`, `[ \t]*+`) and from
# their start (`(?<!\d)`), so that a long run is not tried every way.
# Every alternative starts at one of the characters of `_STARTS` (or a line's start): the
# engine skips the other places without trying each alternative there (twice as fast).
_STARTS = r"(?=[\d \t表图专附注\[【〔(（“\"/|]|^)"
_NOT_FIGURES = re.compile(
    _STARTS
    + "(?:"
    + "|".join(
        (
            # a date, and its clock time: 2023-05-03 14:30, 2023.5.3, 2023年5月3日 (not the
            # table cells 1927 -11.2)
            rf"(?<![\d.])(?:19|20)\d{{2}}([-./])\d{{1,2}}\1\d{{1,2}}(?![\d.])(?:[ \t]++{_CLOCK})?",
            r"(?<![\d.])(?:19|20)\d{2}[ \t]*+年[ \t]*+\d{1,2}[ \t]*+月[ \t]*+\d{1,2}[ \t]*+日",
            # a clock time after a day, a morning or in brackets (比重为14:43 is a ratio)
            rf"(?<=[日午晚早(（])[ \t]*+{_CLOCK}",
            r"\d{1,2}[ \t]*+[时点][ \t]*+\d{1,2}[ \t]*+分(?!钟)",  # 10时30分
            r"(?<!\d)\d++[ \t]*+°(?:[ \t]*+\d++[ \t]*+[′'])?",  # a longitude or latitude: 113°19′
            # months (1-5月, 1—11月, 3月-5月), an age band (18-35岁, 18—35周岁)
            f"\\d{{1,2}}(?:[ \\t]*+月)?{_RANGE}\\d{{1,2}}[ \\t]*+月份?",
            f"(?<!\\d)\\d++{_RANGE}\\d++[ \\t]*+[岁周]",
            # a year, a month, a day, an hour, a congress's term
            r"(?<!\d)\d++[ \t]*+(?:年|月份?|日|号|时|届)",
            # a table's, chart's, box's or appendix's number (not 代表, 发表, 地图)
            r"(?:(?<![代发列])表|(?<![地])图|专栏|附录|附件)[ \t]*+\d++(?:[-.]\d++)*+",
            # a caption's number (17-22 社会消费品零售总额), a range alone on its line (a
            # header's 1-7), a heading's number of three levels (2.1.3 地区生产总值)
            r"(?:^|\|)[ \t]*+\d++(?:-\d++)++(?=[ \t]+\S)",
            r"^[ \t]*+\d++(?:-\d++)++[ \t]*+$",
            r"^[ \t]*+\d++(?:\.\d++){2,}+[ \t]++(?=[\u4e00-\u9fff])",
            r"[\[【〔][ \t]*+\d++[ \t]*+[\]】〕]",  # a note's mark: [1], 【2】
            r"[(（][ \t]*+\d{1,2}[ \t]*+[)）]",  # a list's or a note's mark: (3)
            r"(?:注|注释)[ \t]*+[:：]?[ \t]*+\d++",  # a note's number: 注1, 注:1.
            # a slogan or a day named (“631”, “5.17”), a slogan's sum (“2+4”产业集群; not a
            # change after a figure: 3,360 +25)
            r"[“\"][ \t]*+\d++(?:[ \t]*+[+.、][ \t]*+\d++)*+[ \t]*+[”\"]",
            r"(?<![\d,.])\d++\+\d++(?:\+\d++)*+(?![\d.])",
            r"/[ \t]*+\d++[ \t]*+(?:克|斤|公斤|千克|升)",  # a unit's denominator: 元/500克
            # English alone in brackets: (10 000 persons), (unit); not （全年GDP增长6.5%）
            r"[(（](?=[^()（）\n\u4e00-\u9fff]*?[A-Za-z]{2})[^()（）\n\u4e00-\u9fff]*+[)）]",
        )
    )
    + ")",
    re.MULTILINE,
)
# A year alone (a header's `2019`, `到2035，`): not one followed by a word or a sign (`2035家`,
# `2000万元`, `2015%`), which is a count.
_YEAR = re.compile(r"(?:19|20)\d{2}(?![ \t]*[\u4e00-\u9fff%])")
_CODE = re.compile(r"0\d+")  # 01, 0502: a code or an account's number, no quantity
_LATIN_CAPITAL_ALONE = re.compile(r"[A-Z](?![A-Za-z])")  # 5G, 4K: a name, no quantity
_LETTERS_BEFORE = re.compile(r"[A-Za-z]+\Z")
# Letters right before a number name it (G20, PM2.5, H7N9, iPhone8), unless they are three
# capitals or more, an abbreviation of what the number measures (GDP1234亿元, CPI102.5).
_MEASURE = re.compile(r"[A-Z]{3,}")
_LIST_MARK_AFTER = re.compile(r"[.、)）﹒]")  # 1. 2、 3) at a line's start
_LIST_MARK_INDENT = 16  # spaces at most before a list's mark

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
    line_start, scanned = 0, 0  # the line of the number reached, found a stretch at a time
    for match in _NUMBER.finditer(folded):
        start, end = match.span()
        if folded[start] in "+-" and start and _joins(folded[start - 1]):
            if folded[start - 1].isascii() and folded[start - 1].isalpha():
                continue  # a hyphen in a name: COVID-19
            start += 1  # a range's dash: 5%-8%
        while at < len(skipped) and skipped[at][1] < end:
            at += 1
        digits_start = start + 1 if folded[start] in "+-" else start
        if at < len(skipped) and skipped[at][0] <= digits_start:
            continue  # a year's sign is a dash: 报告－2017年12月6日
        newline = folded.rfind("\n", scanned, start)
        line_start, scanned = (newline + 1 if newline >= 0 else line_start), start
        if _is_figure(folded, start, end, line_start):
            figures.append((start, end))
    return figures


def _joins(char: str) -> bool:
    """Whether a sign after `char` is a dash joining two things, not a number's sign."""
    return (char.isascii() and char.isalnum()) or char in "%)）"


def _is_figure(folded: str, start: int, end: int, line_start: int) -> bool:
    digits = folded[start:end].lstrip("+-")
    signed = len(digits) < end - start  # -1910: a change, never a year
    year = len(digits) == 4 and not signed and _YEAR.match(folded, end - 4)
    if year or _CODE.fullmatch(digits):
        return False
    if folded[start - 1 : start] == "第":
        return False  # an ordinal: 第3位
    letters = _LETTERS_BEFORE.search(folded, max(0, start - 8), start)
    if letters is not None and not _MEASURE.fullmatch(letters.group()):
        return False  # a name: G20, PM2.5
    after = folded[end : end + 2]
    if _LATIN_CAPITAL_ALONE.match(after):
        return False  # 5G, 4K
    return not (
        "." not in digits
        and _LIST_MARK_AFTER.match(after) is not None
        and start - line_start <= _LIST_MARK_INDENT
        and not folded[line_start:start].strip()
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


def most_unread(
    coverage: Mapping[str, Coverage], *, worth_a_look_only: bool = False
) -> list[DocumentCoverage]:
    """Documents with figures unread (or only those worth a look), most unread first (then
    by id)."""
    ranked = [
        DocumentCoverage(doc, counts)
        for doc, counts in coverage.items()
        if counts.unread and (worth_a_look(counts) or not worth_a_look_only)
    ]
    return sorted(ranked, key=lambda item: (-item.coverage.unread, item.doc))


def total(coverage: Mapping[str, Coverage]) -> Coverage:
    """The figures of all the documents, and all those no fact took."""
    return Coverage(
        figures=sum(counts.figures for counts in coverage.values()),
        unread=sum(counts.unread for counts in coverage.values()),
    )


def worth_a_look_line(coverage: Mapping[str, Coverage], shown: int = 3) -> str | None:
    """One line naming the documents worth a look, most unread first; None when none is."""
    looks = most_unread(coverage, worth_a_look_only=True)
    if not looks:
        return None
    named = ", ".join(
        f"{item.doc} ({item.coverage.unread} of {item.coverage.figures})" for item in looks[:shown]
    )
    more = f" and {len(looks) - shown} more" if len(looks) > shown else ""
    documents = "document leaves" if len(looks) == 1 else "documents leave"
    return f"{len(looks)} {documents} many figures unread by any fact: {named}{more}"


def marked_lines(text: str, spans: Iterable[Span], width: int = 36) -> Iterator[tuple[int, str]]:
    """For each figure (in text order): its line number (from 1) and its line with the figure
    in [brackets], cut to `width` characters each side. Lines are counted a stretch at a
    time and looked at no further than `width`, so a long text costs no more than a short."""
    number, counted = 1, 0
    for start, end in sorted(spans):
        number += text.count("\n", counted, start)
        counted = start
        line_start = text.rfind("\n", max(0, start - width - 1), start) + 1
        line_end = text.find("\n", end, end + width + 1)
        line_end = min(len(text), end + width + 1) if line_end < 0 else line_end
        left = "…" if start - width > line_start else ""
        right = "…" if end + width < line_end else ""
        before = text[max(line_start, start - width) : start]
        after = text[end : min(line_end, end + width)]
        yield number, f"{left}{before}[{text[start:end]}]{after}{right}"
