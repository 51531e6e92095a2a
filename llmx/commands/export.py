"""`llmx export`: a run's facts as CSV, Parquet or JSONL, to open in a spreadsheet or pandas."""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import Annotated

import typer

from llmx.commands.options import RUN_HELP, RunsDir, run_of
from llmx.console import command, next_step, note, one_line_errors, shown_path
from llmx.exports import ExportFormat, choose_format, fact_rows, write_rows
from llmx.runs import DOCUMENTS_DIR, Run, check_output

FormatOption = Annotated[
    ExportFormat | None,
    typer.Option(
        "--format",
        "-f",
        help="csv, parquet or jsonl. Default: from the --out file's name, else csv.",
    ),
]


def export(
    run: Annotated[str, typer.Argument(help=RUN_HELP, metavar="RUN")] = "latest",
    out: Annotated[
        Path | None,
        typer.Option(
            "--out",
            "-o",
            help="File to write. Default: `<run name>.<format>` here.",
            metavar="FILE",
        ),
    ] = None,
    form: FormatOption = None,
    runs_dir: RunsDir = None,
) -> None:
    """Write RUN's facts as a table: one row per fact, with its document's title and where
    in the source file it is (line, or page, table, row and column)."""
    with one_line_errors():
        loaded = run_of(run, runs_dir)
        target = out if out is not None else Path(f"{loaded.label}.{(form or 'csv')}")
        check_output(target, "--out")
        chosen = choose_format(target, form)
        rows = fact_rows(loaded.facts, loaded.record.spec.sources, _texts(loaded))
        write_rows(rows, target, chosen)
    note(f"{len(rows)} facts of {loaded.label} → {target} ({chosen.value})")
    if chosen is not ExportFormat.csv:
        return
    next_step(command("llmx", "report", shown_path(loaded.path)))


def _texts(run: Run) -> dict[str, str]:
    """The texts of the run's plain-text documents, as it kept them beside its facts (older
    runs kept none): a line of those is a line of the file."""
    texts: dict[str, str] = {}
    formats = run.record.spec.formats
    for doc in run.record.spec.documents:
        if formats.get(doc, "txt") != "txt":
            continue
        with contextlib.suppress(OSError, UnicodeDecodeError):
            texts[doc] = (run.path / DOCUMENTS_DIR / f"{doc}.txt").read_text(encoding="utf-8")
    return texts


def register(app: typer.Typer) -> None:
    app.command("export")(export)
