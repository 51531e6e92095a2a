"""One evaluation as rich tables for the terminal (`llmx eval RUN`)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping

from rich.console import Console
from rich.markup import escape
from rich.table import Table
from rich.text import Text

from llmx.bootstrap import Interval
from llmx.diagnosis import Disagreement, Error, disagreements
from llmx.documents import short_title
from llmx.evaluation import Evaluation
from llmx.report.formatting import coverage_notes, fact_summary, interval, percent
from llmx.report.view import errors_in
from llmx.scoring import Tally


def print_evaluation(
    evaluation: Evaluation,
    console: Console,
    *,
    titles: Mapping[str, str] | None = None,
    sections: int = 10,
    examples: int = 3,
) -> None:
    """Every table of `llmx eval`; `titles` name the documents beside their ids."""
    named = titles or {}
    for line in coverage_notes(evaluation):
        # Before any number, so a partial score is never read as a whole one.
        console.print(Text(f"⚠ {line}", style="bold yellow"))
    console.print(headline_table(evaluation))
    console.print(attributes_table(evaluation.total))
    console.print(
        scores_table(
            "Per document",
            [(_document(doc, named), t) for doc, t in evaluation.documents.items()],
        )
    )
    # Ranked by how many facts went wrong there, so a long section with many errors comes
    # before a short one with one stray fact (whose F1 is lower).
    erring = sorted(
        ((key, t) for key, t in evaluation.sections.items() if errors_in(t)),
        key=lambda item: (-errors_in(item[1]), _sort_f1(item[1]), item[0]),
    )
    console.print(
        scores_table(
            f"Worst {min(sections, len(erring))} of {len(erring)} sections with errors",
            [(f"{doc} §{sid}", t) for (doc, sid), t in erring[:sections]],
            errors=True,
        )
    )
    console.print(errors_table(evaluation.errors, examples))
    console.print(disagreements_table(disagreements(evaluation.outcome), examples))


def _document(doc: str, titles: Mapping[str, str]) -> str:
    title = titles.get(doc)
    return f"{doc}\n{short_title(title, 20)}" if title else doc


def headline_table(evaluation: Evaluation) -> Table:
    total, intervals = evaluation.total, evaluation.intervals
    table = Table(
        title=f"{escape(evaluation.label)}: scores in percent, 95% interval over sections"
    )
    for column in ("", "precision", "recall", "F1", "value P", "value R", "unit acc."):
        table.add_column(column, justify="right" if column else "left")
    table.add_row(
        "micro",
        _with_interval(total.precision, intervals.precision),
        _with_interval(total.recall, intervals.recall),
        _with_interval(total.f1, intervals.f1),
        percent(total.value_precision),
        percent(total.value_recall),
        percent(total.unit_accuracy),
    )
    table.caption = "\n".join(
        [
            f"{total.gold} gold facts, {total.predicted} predictions scored, "
            f"{len(evaluation.outcome.ignored)} outside labelled sections (ignored)",
            *(escape(match.describe()) for match in evaluation.by_content),
        ]
    )
    return table


def attributes_table(total: Tally) -> Table:
    table = Table(title=f"On {total.matched_gold} matched pairs")
    for column in ("status", "kind", "period", "indicator similarity (bigram Dice)"):
        table.add_column(column, justify="right")
    table.add_row(
        percent(total.status_accuracy),
        percent(total.kind_accuracy),
        percent(total.period_accuracy),
        percent(total.indicator_similarity),
    )
    return table


def scores_table(title: str, rows: list[tuple[str, Tally]], *, errors: bool = False) -> Table:
    table = Table(title=title)
    table.add_column("where")
    for column in ("gold", "predicted", *(("errors",) if errors else ()), "P", "R", "F1"):
        table.add_column(column, justify="right")
    for name, tally in rows:
        table.add_row(
            Text(name),
            str(tally.gold),
            str(tally.predicted),
            *((str(errors_in(tally)),) if errors else ()),
            percent(tally.precision),
            percent(tally.recall),
            percent(tally.f1),
        )
    return table


def errors_table(errors: list[Error], examples: int) -> Table:
    table = Table(title="Errors by cause")
    for column in ("side", "cause", "count", "examples"):
        table.add_column(column, justify="right" if column == "count" else "left")
    counts = Counter((error.side, error.cause.value) for error in errors)
    for (side, cause), count in sorted(counts.items(), key=lambda item: -item[1]):
        shown = [e for e in errors if e.side == side and e.cause.value == cause][:examples]
        table.add_row(
            side,
            cause,
            str(count),
            # Text, not markup: a document's "[b]" must print as written.
            Text(
                "\n".join(
                    f"{e.fact.doc} [{e.fact.start}:{e.fact.end}] {fact_summary(e.fact)}"
                    for e in shown
                )
            ),
        )
    return table


def disagreements_table(found: list[Disagreement], examples: int) -> Table:
    """Matched pairs whose attributes differ from the gold, grouped by what became what."""
    table = Table(title="Attributes that differ on matched pairs")
    for column in ("attribute", "gold → predicted", "count", "examples"):
        table.add_column(column, justify="right" if column == "count" else "left")
    counts = Counter((d.attribute, d.pattern) for d in found)
    for (attribute, pattern), count in sorted(counts.items(), key=lambda item: -item[1]):
        shown = [d for d in found if d.attribute == attribute and d.pattern == pattern]
        table.add_row(
            attribute,
            pattern,
            str(count),
            Text("\n".join(_disagreement_line(d) for d in shown[:examples])),
        )
    return table


def _disagreement_line(found: Disagreement) -> str:
    gold = found.gold
    line = f"{gold.doc} [{gold.start}:{gold.end}] {gold.text}"
    if found.attribute == "indicator":
        return f"{line} · {gold.indicator} → {found.predicted.indicator}"
    return f"{line} · {gold.indicator}"


def _with_interval(value: float | None, bounds: Interval) -> str:
    shown = interval(bounds)
    return f"{percent(value)}\n{shown}" if shown else percent(value)


def _sort_f1(tally: Tally) -> float:
    return 1.0 if tally.f1 is None else tally.f1
