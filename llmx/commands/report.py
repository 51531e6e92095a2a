"""`llmx report`: score runs against gold and write an HTML report and its Markdown twin."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from llmx.console import note, one_line_errors
from llmx.gold import GOLD_DIR
from llmx.runs import load_run

REPORT = Path("reports/report.html")
GoldDir = Annotated[Path, typer.Option(help="Gold folder (manifest.json, <doc>.jsonl).")]
Out = Annotated[
    Path, typer.Option("--out", "-o", help="HTML file; the Markdown twin goes beside it (.md).")
]
Force = Annotated[
    bool,
    typer.Option(help="Replace a Markdown file beside --out that llmx did not write."),
]
SourceSections = Annotated[
    int, typer.Option(help="Sections shown in the source view, worst first (-1: every one).")
]


def report(
    runs: Annotated[
        list[Path], typer.Argument(help="Run folders (or ids under runs/); the first is A.")
    ],
    out: Out = REPORT,
    gold_dir: GoldDir = GOLD_DIR,
    source_sections: SourceSections = 12,
    force: Force = False,
) -> None:
    """Compare RUNS against gold in one self-contained HTML page (and a Markdown twin).

    Headline scores with bootstrap intervals, each run against the first with a paired
    bootstrap over sections, per-document and per-section tables, errors by cause and a
    source view with gold and predicted spans highlighted.
    """
    # Imported here: matplotlib and Jinja2 load only when a report is made.
    from llmx.report.make import report_runs

    with one_line_errors():
        loaded = [load_run(path) for path in runs]
        markdown = report_runs(
            loaded, out, gold_dir=gold_dir, source_sections=source_sections, force=force
        )
    note(f"report of {len(loaded)} run(s) → {out} and {markdown}")


def register(app: typer.Typer) -> None:
    app.command("report")(report)
