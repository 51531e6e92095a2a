"""How numbers and facts read in reports and terminal tables: one place, so they agree."""

from __future__ import annotations

from typing import Any

from llmx.bootstrap import Interval
from llmx.evaluation import Evaluation
from llmx.facts import Fact


def percent(value: float | None, digits: int = 1) -> str:
    return "—" if value is None else f"{100 * value:.{digits}f}"


def interval(value: Interval) -> str:
    if value.low is None or value.high is None:
        return ""
    return f"{100 * value.low:.1f}–{100 * value.high:.1f}"


def signed_points(value: float | None) -> str:
    return "—" if value is None else f"{100 * value:+.1f}"


def number(value: Any) -> str:
    if value is None or value == "":
        return "—"
    if isinstance(value, float):
        return f"{value:,.4g}" if abs(value) < 1000 else f"{value:,.0f}"
    return f"{value:,}" if isinstance(value, int) else str(value)


def money(value: Any) -> str:
    return f"${value:.4f}" if isinstance(value, int | float) else "—"


def seconds(value: float | None) -> str:
    return "—" if value is None else f"{value:.1f} s"


def fact_summary(fact: Fact | None) -> str:
    if fact is None:
        return ""
    return f"{fact.text} = {fact.value:g} {fact.unit or '∅'} · {fact.indicator}"


def coverage_notes(evaluation: Evaluation) -> list[str]:
    """What a score does not cover, in words: a run that is not complete, labelled sections
    it failed (not scored, so never counted as misses), labelled documents it never read."""
    notes: list[str] = []
    record = evaluation.record
    if record is not None and not record.usable:
        stats = record.stats
        asked = stats.sections_asked or stats.sections
        parts = [f"run is {record.status.value}"]
        if stats.sections_failed:
            parts.append(f"{stats.sections_failed} of {asked} sections failed")
        if stats.sections_fallback:
            parts.append(f"{stats.sections_fallback} of {asked} fell back to the rules' facts")
        notes.append(", ".join(parts))
    if evaluation.failed_sections:
        notes.append(
            f"{len(evaluation.failed_sections)} labelled sections failed and are not scored: "
            f"their {evaluation.gold_in_failed} gold facts are not counted as misses"
        )
    if evaluation.uncovered:
        labelled = len(evaluation.documents) + len(evaluation.uncovered)
        notes.append(
            f"the run covers {labelled - len(evaluation.uncovered)} of {labelled} labelled "
            f"documents; the other {len(evaluation.uncovered)} are not scored"
        )
    return notes
