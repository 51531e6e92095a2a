"""What a report shows, as plain data built from evaluations: the templates only lay it out.

Every string here that came from a document (section headings, fact text, indicators,
contexts) is raw; the HTML template escapes it by autoescape and the Markdown template by
its finalize hook, so no template can forget to.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from llmx.bootstrap import Difference, Interval, paired_bootstrap
from llmx.coverage import total
from llmx.diagnosis import Cause, Error, unit_errors
from llmx.documents import title_of
from llmx.evaluation import Evaluation
from llmx.facts import Fact
from llmx.gold import GoldSet
from llmx.record import Coverage, Price, RunStats
from llmx.report.formatting import coverage_notes
from llmx.report.source import Context, Mark, Segment, context_of, segments
from llmx.scoring import SectionKey, Tally
from llmx.sections import Section

# How much of the long lists a report shows by default; the rest is counted, not dropped.
ERRORS_PER_GROUP = 200
SOURCE_SECTIONS = -1  # every section with an error: each error links to its place


@dataclass(frozen=True)
class RunRow:
    label: str
    configuration: str
    tally: Tally
    precision: Interval
    recall: Interval
    f1: Interval
    facts: int
    scored: int
    ignored: int
    stats: RunStats
    wall_seconds: float | None
    price: Price = field(default_factory=Price)
    failures: int = 0
    # What the score does not cover (a partial run, failed sections, documents not read).
    notes: tuple[str, ...] = ()
    status: str = "complete"
    # One line per document scored by content (another rendering than the gold's).
    by_content: tuple[str, ...] = ()
    # The figures of the run's documents and those no fact took (None: not counted).
    figures: Coverage | None = None

    @property
    def uses_model(self) -> bool:
        return bool(self.stats.calls or self.stats.cache_hits or self.stats.facts_proposed)


@dataclass(frozen=True)
class DifferenceRow:
    a: str
    b: str
    difference: Difference
    caveat: str = ""  # why the verdict must be read with care (a partial run)


@dataclass(frozen=True)
class ScoreRow:
    """One document or section: its gold count and each run's tally, worst first."""

    doc: str
    section: str
    heading: str
    tallies: tuple[Tally, ...]

    @property
    def gold(self) -> int:
        return self.tallies[0].gold if self.tallies else 0

    @property
    def anchor(self) -> str:
        """The id of this section in the source view."""
        return source_anchor(self.doc, self.section)

    @property
    def most_errors(self) -> int:
        """The most facts any run got wrong here (missed plus spurious): ties rank by it."""
        return max((errors_in(t) for t in self.tallies), default=0)

    @property
    def worst_f1(self) -> float:
        scores = [t.f1 for t in self.tallies if t.f1 is not None]
        return min(scores) if scores else 1.0


@dataclass(frozen=True)
class ErrorItem:
    fact: Fact
    section: str
    context: Context
    counterpart: Fact | None
    side: str = ""  # missed or spurious
    cause: str = ""

    @property
    def anchor(self) -> str:
        return source_anchor(self.fact.doc, self.section)


@dataclass(frozen=True)
class ErrorGroup:
    cause: str
    total: int
    items: tuple[ErrorItem, ...]


@dataclass(frozen=True)
class UnitError:
    gold: Fact
    predicted: Fact
    context: Context


@dataclass(frozen=True)
class RunErrors:
    label: str
    index: int
    missed: tuple[ErrorGroup, ...]
    spurious: tuple[ErrorGroup, ...]
    unit_errors: tuple[UnitError, ...]
    ignored: int

    @property
    def missed_total(self) -> int:
        return sum(group.total for group in self.missed)

    @property
    def spurious_total(self) -> int:
        return sum(group.total for group in self.spurious)

    @property
    def items(self) -> tuple[ErrorItem, ...]:
        """Every error shown, missed then spurious, each group's most frequent cause first."""
        return tuple(item for group in (*self.missed, *self.spurious) for item in group.items)

    @property
    def not_shown(self) -> int:
        return self.missed_total + self.spurious_total - len(self.items)


@dataclass(frozen=True)
class SourceSection:
    doc: str
    section: str
    heading: str
    segments: tuple[Segment, ...]
    tallies: tuple[Tally, ...]

    @property
    def anchor(self) -> str:
        return source_anchor(self.doc, self.section)

    @property
    def erring(self) -> tuple[int, ...]:
        """The runs (by index) that got some fact here wrong."""
        return tuple(index for index, tally in enumerate(self.tallies) if errors_in(tally))


@dataclass(frozen=True)
class Report:
    runs: tuple[RunRow, ...]
    differences: tuple[DifferenceRow, ...]
    documents: tuple[ScoreRow, ...]
    sections: tuple[ScoreRow, ...]
    errors: tuple[RunErrors, ...]
    sources: tuple[SourceSection, ...]
    sources_not_shown: int
    gold_facts: int
    labelled_sections: int
    documents_scored: tuple[str, ...]
    replicates: int
    # What a person calls each document, by id.
    titles: Mapping[str, str] = field(default_factory=dict)

    @property
    def causes(self) -> list[str]:
        return sorted({item.cause for run in self.errors for item in run.items})

    @property
    def units(self) -> list[str]:
        return sorted({item.fact.unit for run in self.errors for item in run.items})


def errors_in(tally: Tally) -> int:
    """Facts gone wrong: gold missed plus predictions not matched."""
    return tally.gold - tally.matched_gold + tally.predicted - tally.matched_predicted


def source_anchor(doc: str, section: str) -> str:
    return f"src-{doc}-{section}"


def build_view(
    evaluations: Sequence[Evaluation],
    gold: GoldSet,
    *,
    errors_per_group: int = ERRORS_PER_GROUP,
    source_sections: int = SOURCE_SECTIONS,
) -> Report:
    """Everything the report shows, runs in the order given (the first is the reference A)."""
    index = _SectionIndex(gold)
    keys = list(dict.fromkeys(key for e in evaluations for key in e.sections))
    section_rows = sorted(
        (
            ScoreRow(doc, sid, index.heading(doc, sid), _tallies(evaluations, (doc, sid)))
            for doc, sid in keys
        ),
        # Most facts wrong first: a long section with many errors before an empty heading
        # with one stray fact, whose F1 is lower.
        key=lambda row: (-row.most_errors, row.worst_f1, row.doc, row.section),
    )
    documents = list(dict.fromkeys(doc for doc, _ in keys))
    erring = [row for row in section_rows if row.worst_f1 < 1.0]
    shown = erring[:source_sections] if source_sections >= 0 else erring
    return Report(
        runs=tuple(_run_row(e) for e in evaluations),
        differences=tuple(_difference_rows(evaluations)),
        documents=tuple(
            sorted(
                (
                    ScoreRow(doc, "", "", tuple(e.documents.get(doc, Tally()) for e in evaluations))
                    for doc in documents
                ),
                key=lambda row: (row.worst_f1, row.doc),
            )
        ),
        sections=tuple(section_rows),
        errors=tuple(_run_errors(i, e, gold, errors_per_group) for i, e in enumerate(evaluations)),
        sources=tuple(_source(row, evaluations, gold, index) for row in shown),
        sources_not_shown=len(erring) - len(shown),
        gold_facts=max((e.total.gold for e in evaluations), default=0),
        labelled_sections=len(keys),
        documents_scored=tuple(documents),
        replicates=evaluations[0].replicates if evaluations else 0,
        titles={doc: title_of(document) for doc, document in gold.documents.items()},
    )


def _tallies(evaluations: Sequence[Evaluation], key: SectionKey) -> tuple[Tally, ...]:
    return tuple(e.sections.get(key, Tally()) for e in evaluations)


def _run_row(evaluation: Evaluation) -> RunRow:
    record = evaluation.record
    spec = record.spec if record is not None else None
    parts = [spec.extractor, spec.model or "", spec.prompt or ""] if spec else ["?"]
    if spec is not None:  # how requests were made, when not one section a live request
        parts += [
            f"packed {spec.pack_tokens}" if spec.pack_tokens else "",
            "compact schema" if spec.compact_schema else "",
            "batch" if spec.batch else "",
        ]
    return RunRow(
        label=evaluation.label,
        configuration=" · ".join(part for part in parts if part),
        tally=evaluation.total,
        precision=evaluation.intervals.precision,
        recall=evaluation.intervals.recall,
        f1=evaluation.intervals.f1,
        facts=record.stats.facts if record is not None else len(evaluation.outcome.predicted),
        scored=len(evaluation.outcome.predicted),
        ignored=len(evaluation.outcome.ignored),
        stats=record.stats if record is not None else RunStats(),
        wall_seconds=evaluation.wall_seconds,
        price=spec.price_per_million if spec is not None else Price(),
        failures=len(record.failures) if record is not None else 0,
        notes=tuple(coverage_notes(evaluation)),
        status=record.status.value if record is not None else "complete",
        by_content=tuple(match.describe() for match in evaluation.by_content),
        figures=total(record.coverage) if record is not None and record.coverage else None,
    )


def _difference_rows(evaluations: Sequence[Evaluation]) -> list[DifferenceRow]:
    """Each run against the first: is B really better than A, or is it noise?"""
    if not evaluations:
        return []
    reference = evaluations[0]
    rows: list[DifferenceRow] = []
    for other in evaluations[1:]:
        # Only sections both runs were scored on: a section one run failed says nothing
        # about which run extracts better.
        common = reference.sections.keys() & other.sections.keys()
        partial = [e.label for e in (reference, other) if e.partial]
        rows.append(
            DifferenceRow(
                reference.label,
                other.label,
                paired_bootstrap(
                    {k: t for k, t in reference.sections.items() if k in common},
                    {k: t for k, t in other.sections.items() if k in common},
                ),
                caveat=(
                    f"{' and '.join(partial)} partial: compared on the {len(common)} "
                    "sections both scored"
                    if partial
                    else ""
                ),
            )
        )
    return rows


class _SectionIndex:
    """Sections by (document, id), for headings and which section owns a fact."""

    def __init__(self, gold: GoldSet) -> None:
        self._sections: dict[SectionKey, Section] = {
            (doc, section.id): section
            for doc, sections in gold.sections.items()
            for section in sections
        }

    def heading(self, doc: str, section: str) -> str:
        found = self._sections.get((doc, section))
        return found.heading if found else ""

    def get(self, doc: str, section: str) -> Section | None:
        return self._sections.get((doc, section))


def _run_errors(index: int, evaluation: Evaluation, gold: GoldSet, limit: int) -> RunErrors:
    outcome = evaluation.outcome

    def item(error: Error) -> ErrorItem:
        return ErrorItem(
            error.fact,
            error.section[1] if error.section else "",
            context_of(error.fact, _text(gold, error.fact.doc)),
            error.counterpart,
            error.side,
            error.cause.value,
        )

    def groups(side: str) -> tuple[ErrorGroup, ...]:
        by_cause: dict[Cause, list[Error]] = defaultdict(list)
        for error in evaluation.errors:
            if error.side == side:
                by_cause[error.cause].append(error)
        ordered = sorted(by_cause.items(), key=lambda pair: (-len(pair[1]), pair[0].value))
        return tuple(
            ErrorGroup(cause.value, len(errors), tuple(item(e) for e in errors[:limit]))
            for cause, errors in ordered
        )

    return RunErrors(
        label=evaluation.label,
        index=index,
        missed=groups("missed"),
        spurious=groups("spurious"),
        unit_errors=tuple(
            UnitError(g, p, context_of(g, _text(gold, g.doc)))
            for g, p in unit_errors(outcome)[:limit]
        ),
        ignored=len(outcome.ignored),
    )


def _text(gold: GoldSet, doc: str) -> str:
    document = gold.documents.get(doc)
    return document.text if document else ""


def _source(
    row: ScoreRow, evaluations: Sequence[Evaluation], gold: GoldSet, sections: _SectionIndex
) -> SourceSection:
    """A section's text cut where gold or any run's spans begin or end."""
    section = sections.get(row.doc, row.section)
    key = (row.doc, row.section)
    # Gold is the same for every run; a gold fact counts as found when every run found it.
    missed_by: dict[tuple[str, int, int], list[int]] = defaultdict(list)
    for index, evaluation in enumerate(evaluations):
        for fact in evaluation.outcome.missed:
            missed_by[_span(fact)].append(index)
    gold_here = {
        _span(fact): fact
        for e in evaluations
        for fact, where in zip(e.outcome.gold, e.outcome.gold_sections, strict=True)
        if where == key
    }
    marks = [
        Mark(0, fact, span not in missed_by, tuple(missed_by.get(span, ())))
        for span, fact in gold_here.items()
    ]
    for layer, evaluation in enumerate(evaluations, 1):
        outcome = evaluation.outcome
        matched = {p for _, p in outcome.matches}
        marks += [
            Mark(layer, fact, index in matched)
            for index, fact in enumerate(outcome.predicted)
            if outcome.predicted_sections[index] == key
        ]
    pieces = segments(_text(gold, row.doc), section.start, section.end, marks) if section else []
    return SourceSection(row.doc, row.section, row.heading, tuple(pieces), row.tallies)


def _span(fact: Fact) -> tuple[str, int, int]:
    return (fact.doc, fact.start, fact.end)
