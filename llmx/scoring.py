"""Scoring predictions against gold, exactly as ANNOTATION.md section 3 says. Pure functions.

- A prediction matches a gold fact when both are in the same document, their spans overlap,
  their values agree to a relative 1e-6 and their units are equal; each gold fact matches at
  most one prediction and each prediction at most one gold fact. The pairing is a maximum
  matching (llmx.matching), not a greedy one; predictions are served best fit first (the
  exact span before a wider one) and ties broken by content, so neither the number of
  matches nor which pairs are made depends on the order facts come in.
- Value-only matching is the same with units ignored; unit accuracy is the share of
  value-only pairs whose units are equal, which tells a unit error apart from a missed number.
- On matched pairs: agreement of status, kind and period, and the similarity of indicator
  (`indicator_similarity`, a character-bigram Dice coefficient).
- Only labelled sections count. A fact belongs to the section that owns its start offset;
  a prediction outside every labelled section is ignored (not counted, not an error).

Everything is counted per section in a `Tally`; a document's or the whole set's scores are
the sums of its sections' tallies (micro averages), and the bootstrap (llmx.bootstrap)
resamples the same tallies.
"""

from __future__ import annotations

import math
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, fields
from functools import partial
from typing import Any

from llmx.facts import Fact
from llmx.folding import fold
from llmx.matching import maximum_matching
from llmx.sections import Section, section_at

# (document id, section id): the unit every score is counted in and resampled over.
SectionKey = tuple[str, str]
# A prediction with no usable start offset cannot be placed in a section; it is still a
# prediction (a spurious one), so it is counted in this pseudo-section of its document.
NO_SPAN_SECTION = "(no span)"
RELATIVE_TOLERANCE = 1e-6


def has_span(fact: Fact) -> bool:
    """A non-empty span of integer offsets (model output can bypass Fact's validation)."""
    start, end = fact.start, fact.end
    return isinstance(start, int) and isinstance(end, int) and 0 <= start < end


def spans_overlap(a: Fact, b: Fact) -> bool:
    return has_span(a) and has_span(b) and max(a.start, b.start) < min(a.end, b.end)


def values_agree(a: float, b: float) -> bool:
    """Equal to a relative 1e-6 of the larger; zero agrees only with zero."""
    return math.isclose(a, b, rel_tol=RELATIVE_TOLERANCE, abs_tol=0.0)


def indicator_similarity(a: str, b: str) -> float:
    """Sørensen–Dice coefficient of the character bigrams of two indicator names, 0..1.

    Names are folded (traditional to simplified, full-width to half-width) and stripped of
    whitespace first, so script and spacing do not count as disagreement. Bigrams suit
    Chinese names, where a word is one or two characters and word order rarely changes;
    a one-character name is compared as its single character.
    """
    left, right = _bigrams(a), _bigrams(b)
    if not left and not right:
        return 1.0
    shared = sum((left & right).values())
    return 2 * shared / (sum(left.values()) + sum(right.values()))


def _bigrams(name: str) -> Counter[str]:
    bare = "".join(fold(name).split())
    if len(bare) < 2:
        return Counter([bare] if bare else [])
    return Counter(bare[i : i + 2] for i in range(len(bare) - 1))


@dataclass(frozen=True)
class Layout:
    """Where scoring looks: each document's sections and which of them gold labels."""

    sections: Mapping[str, Sequence[Section]]
    labelled: Mapping[str, frozenset[str]]

    def section_of(self, fact: Fact) -> SectionKey | None:
        """The labelled section owning the fact's start, or None when it is not scored."""
        labelled = self.labelled.get(fact.doc)
        if not labelled or fact.doc not in self.sections:
            return None
        if not isinstance(fact.start, int):
            return (fact.doc, NO_SPAN_SECTION)
        section = section_at(self.sections[fact.doc], fact.start)
        return (fact.doc, section.id) if section.id in labelled else None

    def units(self) -> list[SectionKey]:
        """Every labelled section, in document order: the bootstrap's resampling units."""
        return [
            (doc, section.id)
            for doc, sections in self.sections.items()
            for section in sections
            if section.id in self.labelled.get(doc, frozenset())
        ]

    def without(self, sections: Iterable[SectionKey]) -> Layout:
        """The same layout with these sections not scored (a run's failed sections)."""
        dropped: dict[str, set[str]] = {}
        for doc, section_id in sections:
            dropped.setdefault(doc, set()).add(section_id)
        return Layout(
            self.sections,
            {doc: ids - dropped.get(doc, set()) for doc, ids in self.labelled.items()},
        )

    def restricted_to(self, documents: Iterable[str]) -> Layout:
        """The same layout over only these documents (a run that covered fewer)."""
        keep = set(documents)
        return Layout(
            {doc: s for doc, s in self.sections.items() if doc in keep},
            {doc: ids for doc, ids in self.labelled.items() if doc in keep},
        )


@dataclass(frozen=True)
class Pair:
    gold: Fact
    predicted: Fact


@dataclass(frozen=True)
class Outcome:
    """The matching of one set of predictions against gold, over one layout."""

    gold: tuple[Fact, ...]
    predicted: tuple[Fact, ...]
    gold_sections: tuple[SectionKey, ...]
    predicted_sections: tuple[SectionKey, ...]
    # Indices (gold, predicted) of matched pairs: full matches, then value-only matches.
    matches: tuple[tuple[int, int], ...]
    value_matches: tuple[tuple[int, int], ...]
    # Predictions outside labelled sections: not scored, kept so a report can say so.
    ignored: tuple[Fact, ...]
    units: tuple[SectionKey, ...]

    @property
    def pairs(self) -> list[Pair]:
        return [Pair(self.gold[g], self.predicted[p]) for g, p in self.matches]

    @property
    def value_pairs(self) -> list[Pair]:
        return [Pair(self.gold[g], self.predicted[p]) for g, p in self.value_matches]

    @property
    def missed(self) -> list[Fact]:
        return unmatched(self.gold, {g for g, _ in self.matches})

    @property
    def spurious(self) -> list[Fact]:
        return unmatched(self.predicted, {p for _, p in self.matches})


def unmatched(facts: Sequence[Fact], matched: set[int]) -> list[Fact]:
    """The facts whose index is not among the matched ones, in order."""
    return [fact for index, fact in enumerate(facts) if index not in matched]


def score(gold: Sequence[Fact], predicted: Sequence[Fact], layout: Layout) -> Outcome:
    """Match predictions to gold over the labelled sections of `layout`."""
    kept_gold = [(fact, key) for fact in gold if (key := layout.section_of(fact))]
    kept_predicted: list[tuple[Fact, SectionKey]] = []
    ignored: list[Fact] = []
    for fact in predicted:
        key = layout.section_of(fact)
        if key is None:
            ignored.append(fact)
        else:
            kept_predicted.append((fact, key))
    gold_facts = tuple(fact for fact, _ in kept_gold)
    predicted_facts = tuple(fact for fact, _ in kept_predicted)
    return Outcome(
        gold=gold_facts,
        predicted=predicted_facts,
        gold_sections=tuple(key for _, key in kept_gold),
        predicted_sections=tuple(key for _, key in kept_predicted),
        matches=match_facts(gold_facts, predicted_facts, units_must_agree=True),
        value_matches=match_facts(gold_facts, predicted_facts, units_must_agree=False),
        ignored=tuple(ignored),
        units=tuple(layout.units()),
    )


def match_facts(
    gold: Sequence[Fact], predicted: Sequence[Fact], *, units_must_agree: bool
) -> tuple[tuple[int, int], ...]:
    """A maximum one-to-one matching, as sorted (gold index, predicted index) pairs.

    Predictions are served best claim first (an exact span before a wider one), then in a
    canonical order, so that neither the matching's size nor which pairs it makes depends
    on the order facts come in.
    """
    candidates = _candidates(gold, predicted, units_must_agree=units_must_agree)
    order = sorted(
        range(len(predicted)),
        key=lambda p: (
            _fit(predicted[p], gold[candidates[p][0]]) if candidates[p] else _NO_FIT,
            _canonical(predicted[p]),
        ),
    )
    matching = maximum_matching([candidates[p] for p in order])
    return tuple(sorted((g, order[served]) for served, g in matching.items()))


class SpanIndex:
    """Finds the facts whose spans overlap a given span, without comparing every pair."""

    def __init__(self, facts: Sequence[Fact]) -> None:
        self._facts = facts
        self._by_doc: dict[str, list[int]] = {}
        spanned = [i for i, fact in enumerate(facts) if has_span(fact)]
        for index in sorted(spanned, key=lambda i: (facts[i].start, facts[i].end)):
            self._by_doc.setdefault(facts[index].doc, []).append(index)
        self._starts = {
            doc: [facts[i].start for i in indices] for doc, indices in self._by_doc.items()
        }
        self._longest = {
            doc: max(facts[i].end - facts[i].start for i in indices)
            for doc, indices in self._by_doc.items()
        }

    def overlapping(self, fact: Fact) -> list[int]:
        """Indices of the indexed facts overlapping `fact`, in span order."""
        indices = self._by_doc.get(fact.doc)
        if not indices or not has_span(fact):
            return []
        starts = self._starts[fact.doc]
        # Facts starting before `fact` ends, back to where even the longest span ends first.
        high = bisect_left(starts, fact.end)
        low = bisect_left(starts, fact.start - self._longest[fact.doc])
        return [i for i in indices[low:high] if spans_overlap(fact, self._facts[i])]


def _candidates(
    gold: Sequence[Fact], predicted: Sequence[Fact], *, units_must_agree: bool
) -> list[list[int]]:
    """For each prediction, the gold facts it may match, best fit first."""
    index = SpanIndex(gold)
    candidates: list[list[int]] = []
    for fact in predicted:
        found = [
            g
            for g in index.overlapping(fact)
            if values_agree(fact.value, gold[g].value)
            and (not units_must_agree or fact.unit == gold[g].unit)
        ]
        candidates.append(sorted(found, key=partial(_ranked, fact, gold)))
    return candidates


# How well a prediction fits a gold fact, smaller is better: equal unit first (it matters
# only to value-only matching, so a unit error is not reported where a right-unit partner
# exists), then the exact span, then the largest overlap, then the nearest start.
Fit = tuple[bool, bool, int, int]
_NO_FIT: Fit = (True, True, 0, 2**62)


def _fit(predicted: Fact, gold: Fact) -> Fit:
    overlap = min(predicted.end, gold.end) - max(predicted.start, gold.start)
    return (
        predicted.unit != gold.unit,
        predicted.span != gold.span,
        -overlap,
        abs(predicted.start - gold.start),
    )


def _ranked(predicted: Fact, gold: Sequence[Fact], index: int) -> tuple[Fit, tuple[Any, ...]]:
    return (_fit(predicted, gold[index]), _canonical(gold[index]))


def _canonical(fact: Fact) -> tuple[Any, ...]:
    """A total order on facts by content (not list position); spanless facts sort first."""
    start = fact.start if isinstance(fact.start, int) else -1
    end = fact.end if isinstance(fact.end, int) else -1
    return (
        fact.doc,
        start,
        end,
        fact.value,
        fact.unit,
        fact.indicator,
        fact.status,
        fact.kind,
        fact.period or "",
        fact.text,
    )


@dataclass(frozen=True)
class Tally:
    """Counts of one section (or the sum of several); every score is a ratio of these."""

    gold: int = 0
    predicted: int = 0
    matched_gold: int = 0
    matched_predicted: int = 0
    value_matched_gold: int = 0
    value_matched_predicted: int = 0
    # Over value-only pairs: how many have equal units.
    unit_agreements: int = 0
    # Over matched pairs: agreements of each attribute, and the sum of indicator similarity.
    status_agreements: int = 0
    kind_agreements: int = 0
    period_agreements: int = 0
    indicator_similarity_sum: float = field(default=0.0)

    def __add__(self, other: Tally) -> Tally:
        return Tally(
            **{f.name: getattr(self, f.name) + getattr(other, f.name) for f in fields(self)}
        )

    @property
    def precision(self) -> float | None:
        return ratio(self.matched_predicted, self.predicted)

    @property
    def recall(self) -> float | None:
        return ratio(self.matched_gold, self.gold)

    @property
    def f1(self) -> float | None:
        return f1_score(self.precision, self.recall)

    @property
    def value_precision(self) -> float | None:
        return ratio(self.value_matched_predicted, self.predicted)

    @property
    def value_recall(self) -> float | None:
        return ratio(self.value_matched_gold, self.gold)

    @property
    def unit_accuracy(self) -> float | None:
        return ratio(self.unit_agreements, self.value_matched_gold)

    @property
    def status_accuracy(self) -> float | None:
        return ratio(self.status_agreements, self.matched_gold)

    @property
    def kind_accuracy(self) -> float | None:
        return ratio(self.kind_agreements, self.matched_gold)

    @property
    def period_accuracy(self) -> float | None:
        return ratio(self.period_agreements, self.matched_gold)

    @property
    def indicator_similarity(self) -> float | None:
        if not self.matched_gold:
            return None
        return self.indicator_similarity_sum / self.matched_gold

    def metrics(self) -> dict[str, float | None]:
        """Every score by name, as baselines and reports store them."""
        return {name: getattr(self, name) for name in METRICS}


# The scores a Tally gives, in the order reports show them.
METRICS: tuple[str, ...] = (
    "precision",
    "recall",
    "f1",
    "value_precision",
    "value_recall",
    "unit_accuracy",
    "status_accuracy",
    "kind_accuracy",
    "period_accuracy",
    "indicator_similarity",
)


def ratio(numerator: int, denominator: int) -> float | None:
    """None when undefined (nothing to divide by), never a made-up 0 or 1."""
    return numerator / denominator if denominator else None


def f1_score(precision: float | None, recall: float | None) -> float | None:
    """Harmonic mean; 0 when only one side is defined (gold but no predictions, or the
    reverse: something was missed or invented), undefined when neither is."""
    if precision is None and recall is None:
        return None
    if precision is None or recall is None or precision + recall == 0:
        return 0.0
    return 2 * precision * recall / (precision + recall)


def tally_sections(outcome: Outcome) -> dict[SectionKey, Tally]:
    """One tally per labelled section (zero tallies included), in document order.

    Predictions count where they start; pairs and their attributes count in the gold
    fact's section, which is where recall counts them.
    """
    counts: dict[SectionKey, Counter[str]] = {key: Counter() for key in outcome.units}
    similarity: dict[SectionKey, float] = dict.fromkeys(outcome.units, 0.0)
    for key in outcome.gold_sections:
        counts.setdefault(key, Counter())["gold"] += 1
    for key in outcome.predicted_sections:
        counts.setdefault(key, Counter())["predicted"] += 1
    for g, p in outcome.matches:
        gold, predicted = outcome.gold[g], outcome.predicted[p]
        gold_key = outcome.gold_sections[g]
        counts[gold_key]["matched_gold"] += 1
        counts[outcome.predicted_sections[p]]["matched_predicted"] += 1
        counts[gold_key]["status_agreements"] += gold.status == predicted.status
        counts[gold_key]["kind_agreements"] += gold.kind == predicted.kind
        counts[gold_key]["period_agreements"] += gold.period == predicted.period
        similarity[gold_key] = similarity.get(gold_key, 0.0) + indicator_similarity(
            gold.indicator, predicted.indicator
        )
    for g, p in outcome.value_matches:
        gold_key = outcome.gold_sections[g]
        counts[gold_key]["value_matched_gold"] += 1
        counts[outcome.predicted_sections[p]]["value_matched_predicted"] += 1
        counts[gold_key]["unit_agreements"] += outcome.gold[g].unit == outcome.predicted[p].unit
    return {
        key: Tally(**counter, indicator_similarity_sum=similarity.get(key, 0.0))
        for key, counter in counts.items()
    }


def total(tallies: Iterable[Tally]) -> Tally:
    """The micro sum of tallies."""
    summed = Tally()
    for tally in tallies:
        summed = summed + tally
    return summed


def tally_documents(sections: Mapping[SectionKey, Tally]) -> dict[str, Tally]:
    """Per document: the sum of its sections, in the order documents first appear."""
    documents: dict[str, Tally] = {}
    for (doc, _), tally in sections.items():
        documents[doc] = documents.get(doc, Tally()) + tally
    return documents
