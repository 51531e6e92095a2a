"""The terminal edge: one-line errors, notes and progress bars."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from llmx.errors import LlmxError
from llmx.extraction import ProgressCallback

err_console = Console(stderr=True, highlight=False)


def fail(message: str, code: int = 1) -> typer.Exit:
    """Print `llmx: error: …` on one line; the caller raises what this returns."""
    err_console.print(f"llmx: error: {message}", markup=False, soft_wrap=True)
    return typer.Exit(code)


def note(message: str) -> None:
    err_console.print(f"llmx: {message}", markup=False, soft_wrap=True)


@contextmanager
def one_line_errors() -> Iterator[None]:
    """Turn llmx's own errors into a one-line message and exit status 1."""
    try:
        yield
    except LlmxError as error:
        raise fail(str(error).splitlines()[0] if str(error) else type(error).__name__) from None


@contextmanager
def progress_bar(total: int, label: str) -> Iterator[ProgressCallback]:
    """A progress bar on stderr when it is a terminal; a silent callback otherwise."""
    if not sys.stderr.isatty() or total <= 1:
        yield lambda _status: None
        return
    columns = (
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TextColumn("{task.fields[status]}"),
    )
    with Progress(*columns, console=err_console, transient=True) as progress:
        task = progress.add_task(label, total=total, status="")

        def advance(status: str) -> None:
            progress.update(task, advance=1, status=status)

        yield advance
