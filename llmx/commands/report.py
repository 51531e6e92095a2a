"""`llmx report`: score runs against gold and write an HTML report and its Markdown twin."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from llmx.commands.options import GoldDir, RunsDir, gold_dir_of, run_of, workspace
from llmx.console import command, next_step, note, one_line_errors, shown_path
from llmx.runs import Run

Out = Annotated[
    Path | None,
    typer.Option(
        "--out",
        "-o",
        help="HTML file; the Markdown twin goes beside it (.md). "
        "Default: reports/report.html in the project.",
        metavar="FILE",
    ),
]
Force = Annotated[
    bool,
    typer.Option(help="Replace a Markdown file beside --out that llmx did not write."),
]
SourceSections = Annotated[
    int,
    typer.Option(
        min=-1,
        help="Sections in the source view, most errors first (-1: every section with an error).",
    ),
]


def report(
    runs: Annotated[
        list[str] | None,
        typer.Argument(
            help="Runs (folders, ids or names, or latest); the first is A. Default: latest.",
            metavar="RUNS",
        ),
    ] = None,
    out: Out = None,
    gold_dir: GoldDir = None,
    source_sections: SourceSections = -1,
    force: Force = False,
    runs_dir: RunsDir = None,
) -> None:
    """Compare RUNS against gold in one self-contained HTML page (and a Markdown twin).

    Headline scores with bootstrap intervals, each run against the first with a paired
    bootstrap over sections, per-document and per-section tables, errors by cause and a
    source view with gold and predicted spans highlighted; filter, search and sort in it.
    """
    with one_line_errors():
        target = report_path(out, force=force)
        loaded = [run_of(ref, runs_dir) for ref in runs or ["latest"]]
        write(loaded, target, gold_dir=gold_dir, source_sections=source_sections, force=force)
    finish(loaded, target)


def report_path(out: Path | None, *, force: bool) -> Path:
    """Where the report goes, checked before any work: writable, and no foreign twin replaced."""
    from llmx.report.render import check_report_paths

    target = out if out is not None else workspace().reports / "report.html"
    check_report_paths(target, force=force)
    return target


def write(
    runs: list[Run], out: Path, *, gold_dir: Path | None, source_sections: int, force: bool
) -> Path:
    """Score `runs` and write the report; returns the Markdown twin's path."""
    # Imported here: matplotlib and Jinja2 load only when a report is made.
    from llmx.report.make import report_runs

    return report_runs(
        runs, out, gold_dir=gold_dir_of(gold_dir), source_sections=source_sections, force=force
    )


def finish(runs: list[Run], html: Path) -> None:
    from llmx.report.render import twin_of

    note(f"report of {len(runs)} run(s) → {shown_path(html)} and {shown_path(twin_of(html))}")
    next_step(
        f"open {shown_path(html)}",
        command("llmx", "export", shown_path(runs[-1].path), "--out", "facts.csv"),
    )


def register(app: typer.Typer) -> None:
    app.command("report")(report)
