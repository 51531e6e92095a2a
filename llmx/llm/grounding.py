"""Grounding: tie every fact a model proposes to a span of the section, or drop it.

Pure: section text and proposals in, grounded facts and dropped proposals out. A proposal is
aligned by its quote — verbatim, then after folding width and traditional characters, then
by the nearest quantity in the text with the same number. A quote that occurs more than once
is never resolved as "the first occurrence": the proposals sharing it are matched to its
occurrences in order (a model lists facts in reading order) and by context (how much of the
indicator is written just before each occurrence), anchored by the proposals that are
unambiguous. The value is then re-derived from the text at the span; a value the text does
not state is dropped, as is a quote found nowhere. Two proposals on one span become one fact.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from enum import StrEnum

from llmx.folding import fold
from llmx.quantities import Quantity, find_quantities, parse_quantity
from llmx.vocabulary import (
    CHINESE_NUMERALS,
    MAGNITUDE_FACTORS,
    MAGNITUDES,
    PREFIX_QUALIFIERS,
    SUFFIX_QUALIFIERS,
    UNRECORDED_QUALIFIERS,
    magnitude_prefix,
)

_DIGITS = "0123456789"
_CN_NUMERALS = CHINESE_NUMERALS
# Factors a table header or the prose may apply to a bare written number.
_HEADER_FACTORS = (1.0, *MAGNITUDE_FACTORS)
_CONTEXT_NEAR, _CONTEXT_FAR = 12, 40
# Share of the indicator's character pairs that must be written around a token for a quote
# not found in the text to be placed on it.
_SAME_CONTEXT = 0.5
_PREFIX_QUALIFIERS = tuple(q for q in PREFIX_QUALIFIERS if q not in UNRECORDED_QUALIFIERS)
_SUFFIX_QUALIFIERS = frozenset(SUFFIX_QUALIFIERS)
_REL_TOLERANCE = 1e-6


@dataclass(frozen=True)
class Proposal:
    """A fact as a model (or the rules, in hybrid mode) proposes it, before grounding."""

    text: str
    value: float
    unit: str
    indicator: str
    status: str
    kind: str
    qualifier: str | None = None
    period: str | None = None
    # A span already known (a hybrid candidate's), relative to the section text.
    span: tuple[int, int] | None = None


@dataclass(frozen=True)
class Grounded:
    """A proposal tied to `text[start:end]` of the section, its value checked against it."""

    start: int
    end: int
    text: str
    value: float
    unit: str
    indicator: str
    status: str
    kind: str
    qualifier: str | None
    period: str | None
    how: str  # "candidate", "exact", "folded" or "number"


class DropReason(StrEnum):
    """Why grounding dropped a proposal: the kinds a run counts."""

    quote_not_found = "quote not in the section"  # nor its number and unit in its context
    no_number = "no number at the quote"
    value_not_stated = "value not stated by the text"


@dataclass(frozen=True)
class Dropped:
    proposal: Proposal
    kind: DropReason
    reason: str  # the kind, with the quote and what the text says


@dataclass(frozen=True)
class Grounding:
    facts: tuple[Grounded, ...]
    dropped: tuple[Dropped, ...]
    merged: int


@dataclass(frozen=True)
class _Located:
    method: str
    spans: tuple[tuple[int, int], ...]


def ground(text: str, proposals: Sequence[Proposal]) -> Grounding:
    """Align, check and merge `proposals` against the section `text`."""
    folded = fold(text)
    quantities = find_quantities(text)
    located = [_locate(text, folded, quantities, proposal) for proposal in proposals]
    spans = _assign(folded, proposals, located)
    grounded: dict[tuple[int, int], Grounded] = {}
    dropped: list[Dropped] = []
    merged = 0
    for proposal, where, span in zip(proposals, located, spans, strict=True):
        if span is None:
            dropped.append(
                Dropped(
                    proposal,
                    DropReason.quote_not_found,
                    f"quote {proposal.text!r} is not in the section, nor its number and "
                    "unit where the text speaks of its indicator",
                )
            )
            continue
        fact = _checked(text, folded, quantities, proposal, span, where.method)
        if isinstance(fact, Dropped):
            dropped.append(fact)
        elif (fact.start, fact.end) in grounded:
            grounded[fact.start, fact.end] = _merge(grounded[fact.start, fact.end], fact)
            merged += 1
        else:
            grounded[fact.start, fact.end] = fact
    facts = tuple(sorted(grounded.values(), key=lambda fact: (fact.start, fact.end)))
    return Grounding(facts, tuple(dropped), merged)


# --- where can a quote be? -------------------------------------------------------------


def _locate(text: str, folded: str, quantities: Sequence[Quantity], proposal: Proposal) -> _Located:
    if proposal.span is not None:
        start, end = proposal.span
        if 0 <= start < end <= len(text) and fold(text[start:end]) == fold(proposal.text):
            return _Located("candidate", (proposal.span,))
    quote = proposal.text
    if not quote:
        return _Located("none", ())
    exact = _occurrences(text, folded, quote)
    if exact:
        return _Located("exact", exact)
    loose = _occurrences(folded, folded, fold(quote))
    if loose:
        return _Located("folded", loose)
    by_number = _same_number(folded, quantities, proposal)
    return _Located("number", by_number) if by_number else _Located("none", ())


def _occurrences(haystack: str, folded: str, quote: str) -> tuple[tuple[int, int], ...]:
    """Where `quote` occurs as a whole number: not the "5%" inside "15%" or "2.5%"."""
    found: list[tuple[int, int]] = []
    start = haystack.find(quote)
    while start >= 0:
        end = start + len(quote)
        if _whole(folded, start, end):
            found.append((start, end))
        start = haystack.find(quote, start + 1)
    return tuple(found)


def _whole(folded: str, start: int, end: int) -> bool:
    """Does `folded[start:end]` stand alone as a number, not as part of a longer one?"""

    def at(index: int) -> str:
        return folded[index] if 0 <= index < len(folded) else ""

    first, last = folded[start], folded[end - 1]
    # A digit next to a Latin letter is part of a code or a name: XA08, 5G, PM2.5.
    if (first in _DIGITS and at(start - 1).isascii() and at(start - 1).isalpha()) or (
        last in _DIGITS and at(end).isascii() and at(end).isalpha()
    ):
        return False
    if first in _DIGITS and (
        _is_digit(at(start - 1))
        or (at(start - 1) in ".," and _is_digit(at(start - 2)) and not _enumerated(folded, start))
    ):
        return False
    if first in _CN_NUMERALS and at(start - 1) and at(start - 1) in _CN_NUMERALS:
        return False
    if last in _DIGITS and (
        _is_digit(at(end))
        or at(end) in ("万", "亿")
        or (at(end) in ".," and _is_digit(at(end + 1)))
    ):
        return False
    return not (last in _CN_NUMERALS and at(end) and at(end) in _CN_NUMERALS)


def _is_digit(char: str) -> bool:
    return bool(char) and char in _DIGITS


def _enumerated(folded: str, start: int) -> bool:
    """Is the number at `start` written right after a list number, as in "备注：1.5项…"?

    "1." opening a line or following a colon is furniture; the "5项" after it is the number.
    """
    return (
        start >= 2
        and folded[start - 1] == "."
        and folded[start - 2] in _DIGITS
        and (start == 2 or folded[start - 3] in "\n\t :;")
    )


def _same_number(
    folded: str, quantities: Sequence[Quantity], proposal: Proposal
) -> tuple[tuple[int, int], ...]:
    """The one token of the section that states the quote's number *and unit* where the text
    speaks of the proposal's indicator — or nothing.

    A quote that is not in the text is placed only on such a token: never on a bare number
    (an outline numeral, a serial-number column, a character inside a word), never on a digit
    inside a longer number or code, never on the same number said of something else.
    """
    quoted = find_quantities(proposal.text)
    unit = (
        next((fold(q.unit) for q in quoted if q.unit), "") or split_unit_magnitude(proposal.unit)[0]
    )
    if not unit:
        return ()
    numerals = {_numeral(q.number) for q in quoted}
    values = {q.value for q in quoted} | {proposal.value}
    scored = [
        (_context(folded, proposal.indicator, q), q)
        for q in quantities
        if fold(q.unit) == unit
        and _whole(folded, q.start, q.end)
        and (_numeral(q.number) in numerals or any(_close(q.value, v) for v in values))
    ]
    placed = [(score, q) for score, q in scored if score >= _SAME_CONTEXT]
    if not placed:
        return ()
    best = max(score for score, _ in placed)
    winners = [q for score, q in placed if score == best]
    return ((winners[0].start, winners[0].end),) if len(winners) == 1 else ()


def _context(folded: str, indicator: str, quantity: Quantity) -> float:
    """How much of the indicator is written around the token (mostly before it)."""
    window = (
        folded[max(0, quantity.start - _CONTEXT_FAR) : quantity.start]
        + " "
        + folded[quantity.end : quantity.end + _CONTEXT_NEAR]
    )
    return _overlap(indicator, window)


def _numeral(number: str) -> str:
    return fold(number).replace(",", "")


# --- which occurrence is each proposal's? ------------------------------------------------


def _assign(
    folded: str, proposals: Sequence[Proposal], located: Sequence[_Located]
) -> list[tuple[int, int] | None]:
    """One span per proposal: unique quotes anchor, shared quotes align in order and context."""
    spans: list[tuple[int, int] | None] = [
        where.spans[0] if len(where.spans) == 1 else None for where in located
    ]
    groups: dict[tuple[str, tuple[tuple[int, int], ...]], list[int]] = {}
    for index, where in enumerate(located):
        if len(where.spans) > 1:
            groups.setdefault((where.method, where.spans), []).append(index)
    taken = {span for span in spans if span is not None}
    for (_, occurrences), members in groups.items():
        free = [span for span in occurrences if span not in taken]
        choices = free if len(free) >= len(members) else list(occurrences)
        # Reading order is the model's listing of its quotes; spans known beforehand (hybrid
        # candidates) are listed in another order and say nothing about it.
        quoted = [
            span if p.span is None else None for p, span in zip(proposals, spans, strict=True)
        ]
        scores = [
            [
                _score(folded, proposals[i].indicator, span, _bounds(quoted, i, len(folded)))
                for span in choices
            ]
            for i in members
        ]
        for member, choice in zip(members, _align(scores), strict=True):
            spans[member] = choices[choice]
            taken.add(choices[choice])
    return spans


def _bounds(spans: Sequence[tuple[int, int] | None], index: int, limit: int) -> tuple[int, int]:
    """Where proposal `index` should be, judging by placed proposals listed before and after."""
    low = next((span[0] for span in reversed(spans[:index]) if span is not None), 0)
    high = next((span[0] for span in spans[index + 1 :] if span is not None), limit)
    return low, high


def _score(folded: str, indicator: str, span: tuple[int, int], bounds: tuple[int, int]) -> float:
    in_order = 1.0 if bounds[0] <= span[0] <= bounds[1] else 0.0
    near = _overlap(indicator, folded[max(0, span[0] - _CONTEXT_NEAR) : span[0]])
    far = _overlap(indicator, folded[max(0, span[0] - _CONTEXT_FAR) : span[0]])
    return in_order + (near + far) / 2


def _overlap(indicator: str, window: str) -> float:
    """Share of the indicator's character pairs written in the window before a number."""
    words = re.sub(r"[\s()（）:：、，,。%]", "", fold(indicator))
    pairs = {words[i : i + 2] for i in range(len(words) - 1)} or set(words)
    if not pairs:
        return 0.0
    return sum(1 for pair in pairs if pair in window) / len(pairs)


def _align(scores: Sequence[Sequence[float]]) -> list[int]:
    """Best order-preserving assignment of rows (proposals) to columns (occurrences).

    With more proposals than occurrences no order-preserving one-to-one assignment exists;
    each proposal then takes its best occurrence, and those sharing one are merged later.
    """
    rows, columns = len(scores), len(scores[0]) if scores else 0
    if rows > columns:
        return [max(range(columns), key=row.__getitem__) for row in scores]
    best = [[0.0] * (columns + 1) for _ in range(rows + 1)]
    for i in range(1, rows + 1):
        best[i][i - 1] = -math.inf
        for j in range(i, columns + 1):
            best[i][j] = max(best[i][j - 1], best[i - 1][j - 1] + scores[i - 1][j - 1])
    chosen: list[int] = []
    i, j = rows, columns
    while i > 0:
        if j > i and best[i][j] == best[i][j - 1]:
            j -= 1
        else:
            chosen.append(j - 1)
            i, j = i - 1, j - 1
    return chosen[::-1]


# --- is the value the text's? -------------------------------------------------------------


def _checked(
    text: str,
    folded: str,
    quantities: Sequence[Quantity],
    proposal: Proposal,
    span: tuple[int, int],
    method: str,
) -> Grounded | Dropped:
    """The grounded fact, or why it is dropped."""
    written = _quantity_at(text, folded, quantities, *span)
    if written is None:
        return Dropped(proposal, DropReason.no_number, f"no number at {text[span[0] : span[1]]!r}")
    start, end, qualifier = _tightened(folded, written, span, proposal.qualifier)
    unit, factor = split_unit_magnitude(proposal.unit)
    value = _explained_value(proposal.value, factor, written)
    if value is None:
        return Dropped(
            proposal,
            DropReason.value_not_stated,
            f"value {proposal.value:g} is not what {text[start:end]!r} states",
        )
    return Grounded(
        start=start,
        end=end,
        text=text[start:end],
        value=value,
        # A unit the token writes is read from the text, like the value; the model's unit
        # counts where the token has none (a table header's, a shared one, from context).
        unit=written.unit or unit,
        indicator=proposal.indicator,
        status=proposal.status,
        kind=proposal.kind,
        qualifier=qualifier,
        period=proposal.period,
        how=method,
    )


def _tightened(
    folded: str, written: Quantity, span: tuple[int, int], qualifier: str | None
) -> tuple[int, int, str | None]:
    """A quote that took in words around its number ("约5万人", "增长7.2%", "8以上") is cut
    back to the number's token, as the standard spans it; a cut-off qualifier is kept."""
    start, end = span
    if not (start <= written.start and written.end <= end):
        return start, end, qualifier
    before, after = folded[start : written.start], folded[written.end : end]
    if before and not any(char in _DIGITS + _CN_NUMERALS for char in before):
        qualifier = qualifier or _ending_qualifier(before)
        start = written.start
    if after in _SUFFIX_QUALIFIERS:
        qualifier = qualifier or after
        end = written.end
    return start, end, qualifier


def _ending_qualifier(words: str) -> str | None:
    return next((word for word in _PREFIX_QUALIFIERS if words.endswith(word)), None)


def _quantity_at(
    text: str, folded: str, quantities: Sequence[Quantity], start: int, end: int
) -> Quantity | None:
    """The quantity the text writes at the span: the section's own reading, else the quote's."""
    overlapping = [q for q in quantities if q.start < end and start < q.end]
    if _enumerated(folded, start):
        # The section reads "1.5项" as one number; the list number is not part of it.
        overlapping = [q for q in overlapping if q.start >= start]
    if overlapping:
        return max(overlapping, key=lambda q: (min(q.end, end) - max(q.start, start), -q.start))
    return parse_quantity(text[start:end])


def split_unit_magnitude(unit: str) -> tuple[str, float]:
    """ "亿元" → ("元", 1e8): the standard's unit and the magnitude a model left on it."""
    return magnitude_prefix(fold(unit).strip())


def _explained_value(proposed: float, unit_factor: float, written: Quantity) -> float | None:
    """The value to keep if the text explains the proposed one, else None.

    A token that writes its own magnitude or unit fixes the value (a model that forgot the
    magnitude, or gave a percent as a fraction, is corrected). A bare number may take a
    magnitude from a table header or the prose, which only the model saw: any magnitude is
    accepted, and the model's reading kept.
    """
    offered = (proposed * unit_factor, proposed)
    if written.magnitude or written.unit:
        token_factor = float(MAGNITUDES.get(written.magnitude or "", 1))
        readings = {written.value, written.value / token_factor, written.value / 100}
        if any(_close(offer, reading) for offer in offered for reading in readings):
            return written.value
        return None
    for offer in offered:
        for factor in _HEADER_FACTORS:
            if _close(offer, written.value * factor):
                return float(f"{written.value * factor:.12g}")
    return None


def _close(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=_REL_TOLERANCE, abs_tol=1e-12)


def _merge(first: Grounded, second: Grounded) -> Grounded:
    """Two facts on one span are one: the first's reading, gaps filled from the second."""
    return replace(
        first,
        qualifier=first.qualifier or second.qualifier,
        period=first.period or second.period,
    )
