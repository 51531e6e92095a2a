"""Charts drawn with matplotlib and returned as SVG text to inline in the report.

Inline SVG keeps the report one self-contained file: nothing to fetch, nothing to host.
Text stays text (svg.fonttype "none") so Chinese run names need no embedded font, and ids
are salted per chart so several charts in one page never share an id.
"""

from __future__ import annotations

import io
import math
import re
import textwrap
from collections.abc import Sequence
from dataclasses import dataclass

import matplotlib

matplotlib.use("Agg")  # no display, no GUI toolkit: a report is made on servers and in CI

import matplotlib.pyplot as plt
from matplotlib.figure import Figure

# One colour per run, shared by charts, tables and the source view.
PALETTE = ("#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2")
GOLD_COLOUR = "#f2c744"

# What the SVG writer adds for standalone files and a page does not need: the XML prolog,
# the doctype (which names an external DTD), metadata, and namespace declarations.
_STANDALONE = re.compile(
    r"<\?xml[^>]*\?>|<!DOCTYPE[^>]*>|<metadata>.*?</metadata>|\s+xmlns(?::\w+)?=\"[^\"]*\"",
    re.DOTALL,
)


def plain(label: str) -> str:
    """A label as literal text: matplotlib would read `$…$` in a run's name as math."""
    return label.replace("$", r"\$")


def wrapped(label: str, width: int = 28) -> str:
    """A long run name on several lines, so a chart keeps its room for the data."""
    return "\n".join(textwrap.wrap(plain(label), width, break_long_words=True)) or plain(label)


def value_range(values: Sequence[float | None], *, step: float = 0.05) -> tuple[float, float]:
    """An axis that starts just below the lowest value shown, not at 0: scores of 0.96 and
    0.99 must look different. The range stays within 0..1 and is rounded to `step`."""
    shown = [value for value in values if value is not None]
    if not shown:
        return 0.0, 1.0
    low = max(0.0, math.floor((min(shown) - step / 2) / step) * step)
    return round(low, 4), 1.0


def colour(index: int) -> str:
    return PALETTE[index % len(PALETTE)]


@dataclass(frozen=True)
class Bar:
    """One bar: a value in 0..1 with an optional interval; None draws nothing."""

    value: float | None
    low: float | None = None
    high: float | None = None


def grouped_bars(
    title: str,
    groups: Sequence[str],
    series: Sequence[tuple[str, Sequence[Bar]]],
    *,
    salt: str,
) -> str:
    """Bars grouped by `groups`, one series per run, with interval whiskers where known."""
    figure, axes = plt.subplots(figsize=(max(6.0, 1.1 * len(groups) * max(1, len(series))), 3.8))
    width = 0.8 / max(1, len(series))
    for index, (name, bars) in enumerate(series):
        xs = [g + (index - (len(series) - 1) / 2) * width for g in range(len(groups))]
        values = [bar.value if bar.value is not None else 0.0 for bar in bars]
        axes.bar(xs, values, width * 0.95, label=wrapped(name, 40), color=colour(index))
        whiskers = [
            (x, bar.value, bar.low, bar.high)
            for x, bar in zip(xs, bars, strict=True)
            if bar.value is not None and bar.low is not None and bar.high is not None
        ]
        if whiskers:
            axes.errorbar(
                [x for x, *_ in whiskers],
                [value for _, value, _, _ in whiskers],
                yerr=[
                    [max(0.0, value - low) for _, value, low, _ in whiskers],
                    [max(0.0, high - value) for _, value, _, high in whiskers],
                ],
                fmt="none",
                ecolor="#333333",
                capsize=3,
                linewidth=1,
            )
    # Ids like 001_a474a81f4018e1f8 break at their underscore; wider bars for many groups.
    axes.set_xticks(range(len(groups)), [wrapped(group.replace("_", " "), 12) for group in groups])
    bottom, top = value_range(
        [value for _, bars in series for bar in bars for value in (bar.value, bar.low)]
    )
    axes.set_ylim(bottom, top + (top - bottom) * 0.03)
    if bottom > 0:
        axes.set_ylabel(f"axis starts at {bottom:g}", fontsize="small", color="#666666")
    axes.set_title(title)
    axes.grid(axis="y", alpha=0.3)
    # Beside the plot, not over the bars: names may be long.
    axes.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize="small", frameon=False)
    return to_svg(figure, salt)


def differences(
    title: str, rows: Sequence[tuple[str, float | None, float | None, float | None]], *, salt: str
) -> str:
    """One horizontal line per comparison: observed ΔF1 and its interval, 0 marked."""
    labels = [wrapped(name, 30) for name, *_ in rows]
    lines = sum(label.count("\n") + 1 for label in labels)
    figure, axes = plt.subplots(figsize=(8.0, 1.2 + 0.3 * max(2, lines)))
    for y, (_name, observed, low, high) in enumerate(rows):
        if observed is None:
            continue
        if low is not None and high is not None:
            axes.plot([low, high], [y, y], color="#333333", linewidth=2)
        axes.plot([observed], [y], "o", color=colour(y + 1))
    axes.axvline(0, color="#999999", linestyle="--", linewidth=1)
    axes.set_yticks(range(len(rows)), labels)
    axes.set_ylim(len(rows) - 0.5, -0.5)
    axes.set_xlabel("F1 of B − F1 of A (95% paired bootstrap interval)")
    axes.set_title(title)
    return to_svg(figure, salt)


def to_svg(figure: Figure, salt: str) -> str:
    """The figure as an `<svg>` element ready to inline, deterministic for a given salt."""
    buffer = io.StringIO()
    with plt.rc_context({"svg.fonttype": "none", "svg.hashsalt": salt}):
        figure.tight_layout()
        # "tight": the saved picture grows to hold a legend placed beside the plot.
        figure.savefig(buffer, format="svg", metadata={"Date": None}, bbox_inches="tight")
    plt.close(figure)
    return _STANDALONE.sub("", buffer.getvalue()).strip()
