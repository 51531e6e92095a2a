"""How numbers and facts read in reports and terminal tables: one place, so they agree."""

from __future__ import annotations

from typing import Any

from llmx.bootstrap import Interval
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
