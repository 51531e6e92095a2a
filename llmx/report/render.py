"""Rendering a report view to HTML and Markdown with Jinja2, and writing both files.

Escaping is never left to the template author: the HTML environment autoescapes every
expression, and the Markdown environment runs every expression through `markdown_text`
(its finalize hook). Document text can therefore hold `<script>` or `|` and stay inert.
"""

from __future__ import annotations

import base64
import hashlib
import html
import re
from collections.abc import Sequence
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup

from llmx.atomic import write_text_atomic
from llmx.errors import OutputError
from llmx.llm.prices import cost_text
from llmx.record import Price
from llmx.report.charts import GOLD_COLOUR, Bar, colour, differences, grouped_bars
from llmx.report.formatting import (
    fact_summary,
    interval,
    money,
    number,
    percent,
    seconds,
    signed_points,
)
from llmx.report.source import Segment
from llmx.report.view import ERRORS_PER_GROUP, Report
from llmx.runs import check_output

LANE_PX = 3
# A pull-request comment stays short: the worst sections and a few examples per cause.
MARKDOWN_SECTIONS = 15
MARKDOWN_EXAMPLES = 5
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]|~#])")
_LINE_BREAK = re.compile(r"\s*[\r\n]+\s*")


def markdown_text(value: Any) -> str:
    """Any value as inert Markdown text: HTML-escaped, Markdown specials backslashed, and
    on one line (a newline would end a table row)."""
    text = "" if value is None else str(value)
    return _MARKDOWN_SPECIAL.sub(r"\\\1", html.escape(_LINE_BREAK.sub(" ", text)))


def lane_style(segment: Segment) -> str:
    """Inline CSS for a highlighted piece: gold as background, each run an underline lane.

    Built only from numbers and palette constants, never from document text.
    """
    rules: list[str] = []
    gold = [mark for mark in segment.marks if mark.layer == 0]
    if gold:
        found = all(mark.matched for mark in gold)
        rules.append(f"background:{GOLD_COLOUR}{'66' if found else ''}")
    lanes = sorted(segment.layers - {0})
    if lanes:
        shadows = ", ".join(
            f"inset 0 -{LANE_PX * (n + 1)}px 0 {colour(layer - 1)}" for n, layer in enumerate(lanes)
        )
        rules.append(f"box-shadow:{shadows}")
    return ";".join(rules)


def lane_title(segment: Segment, labels: Sequence[str]) -> str:
    """The hover text of a highlighted piece: what gold and each run say about it."""
    lines: list[str] = []
    for mark in segment.marks:
        if mark.layer == 0:
            missed = [labels[index] for index in mark.missed_by if index < len(labels)]
            state = "found by every run" if mark.matched else "missed by " + ", ".join(missed)
            lines.append(f"gold ({state}): {fact_summary(mark.fact)}")
        else:
            state = "matched" if mark.matched else "spurious"
            lines.append(f"{labels[mark.layer - 1]} ({state}): {fact_summary(mark.fact)}")
    return "\n".join(lines)


def cost(value: float, price: Price, calls: int) -> str:
    return cost_text(value, price, calls=calls)


def script() -> tuple[str, str]:
    """The report's script and its CSP source expression: only this script may run."""
    text = resources.files("llmx.report").joinpath("templates/report.js").read_text("utf-8")
    digest = base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")
    return text, f"sha256-{digest}"


def _environment(*, markdown: bool) -> jinja2.Environment:
    environment = jinja2.Environment(
        loader=jinja2.PackageLoader("llmx.report", "templates"),
        autoescape=not markdown,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        finalize=markdown_text if markdown else None,
    )
    environment.filters.update(
        percent=percent,
        interval=interval,
        signed_points=signed_points,
        number=number,
        money=money,
        seconds=seconds,
        fact_summary=fact_summary,
        lane_style=lane_style,
        lane_title=lane_title,
        cost=cost,
    )
    environment.globals.update(
        colour=colour, gold_colour=GOLD_COLOUR, errors_per_group=ERRORS_PER_GROUP
    )
    return environment


def charts(report: Report) -> dict[str, str]:
    """The report's charts as inline SVG, by name."""
    labels = [run.label for run in report.runs]
    found = {
        "headline": grouped_bars(
            "Precision, recall and F1 (95% bootstrap interval over sections)",
            ["precision", "recall", "F1"],
            [
                (
                    run.label,
                    [
                        Bar(run.tally.precision, run.precision.low, run.precision.high),
                        Bar(run.tally.recall, run.recall.low, run.recall.high),
                        Bar(run.tally.f1, run.f1.low, run.f1.high),
                    ],
                )
                for run in report.runs
            ],
            salt="headline",
        ),
        "documents": grouped_bars(
            "F1 per document",
            [row.doc for row in report.documents],
            [
                (label, [Bar(row.tallies[index].f1) for row in report.documents])
                for index, label in enumerate(labels)
            ],
            salt="documents",
        ),
    }
    if report.differences:
        found["differences"] = differences(
            "Is B better than A?",
            [
                (
                    f"{row.b} − {row.a}",
                    row.difference.observed,
                    row.difference.interval.low,
                    row.difference.interval.high,
                )
                for row in report.differences
            ],
            salt="differences",
        )
    return found


def render_html(report: Report, *, title: str, generated: str | None = None) -> str:
    template = _environment(markdown=False).get_template("report.html.j2")
    code, code_hash = script()
    return template.render(
        report=report,
        # Our own script, inlined as is; the CSP lets only text with this hash run.
        script=Markup(code),
        script_hash=code_hash,
        title=title,
        generated=generated or _now(),
        labels=[run.label for run in report.runs],
        # Charts are SVG we drew ourselves (matplotlib escapes the labels in them).
        charts={name: Markup(svg) for name, svg in charts(report).items()},
    )


def render_markdown(
    report: Report, *, title: str, html_name: str, generated: str | None = None
) -> str:
    template = _environment(markdown=True).get_template("report.md.j2")
    return template.render(
        report=report,
        title=title,
        generated=generated or _now(),
        html_name=html_name,
        labels=[run.label for run in report.runs],
        markdown_sections=MARKDOWN_SECTIONS,
        markdown_examples=MARKDOWN_EXAMPLES,
    )


def twin_of(out: Path) -> Path:
    """The Markdown twin of an HTML report: its name with .md for .html."""
    return out.with_suffix(".md")


def twin_marker(out: Path) -> str:
    """The first line of a twin: how llmx knows a Markdown file is one it wrote for `out`."""
    return f"<!-- llmx report: the Markdown twin of {out.name} -->"


def check_report_paths(out: Path, *, force: bool = False) -> Path:
    """The twin's path, once both files are known writable and nothing is overwritten that
    llmx was not asked to write: the twin may replace only an earlier twin of this report."""
    if out.suffix.lower() not in (".html", ".htm"):
        raise OutputError(
            f"--out {out}: the report is HTML; name an .html file (its Markdown twin "
            f"{twin_of(out.with_suffix('.html')).name} is written beside it)"
        )
    twin = twin_of(out)
    check_output(out, "--out")
    check_output(twin, "the Markdown twin")
    if twin.exists() and not force and not _is_twin(twin, out):
        raise OutputError(
            f"{twin} exists and is not a report llmx wrote for {out.name}; "
            "pass --force to replace it, or choose another --out"
        )
    return twin


def _is_twin(path: Path, out: Path) -> bool:
    try:
        with path.open(encoding="utf-8") as handle:
            return handle.readline().strip() == twin_marker(out)
    except (OSError, UnicodeDecodeError):
        return False


def write_report(
    report: Report, out: Path, *, title: str = "llmx extraction report", force: bool = False
) -> Path:
    """Write `out` (HTML) and its Markdown twin beside it; returns the Markdown path."""
    markdown_path = check_report_paths(out, force=force)
    generated = _now()
    html_text = render_html(report, title=title, generated=generated)
    markdown = render_markdown(report, title=title, html_name=out.name, generated=generated)
    try:
        write_text_atomic(out, html_text)
        write_text_atomic(markdown_path, f"{twin_marker(out)}\n{markdown}")
    except OSError as error:
        raise OutputError(
            f"{error.filename or out}: cannot write the report ({error.strerror})"
        ) from None
    return markdown_path


def _now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
