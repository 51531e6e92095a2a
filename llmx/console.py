"""The terminal edge: one-line errors, notes and progress bars."""

from __future__ import annotations

import logging
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from llmx.errors import LlmxError
from llmx.extraction import ProgressCallback
from llmx.record import RunRecord

err_console = Console(stderr=True, highlight=False)


def fail(message: str, code: int = 1) -> typer.Exit:
    """Print `llmx: error: …` on one line; the caller raises what this returns."""
    err_console.print(f"llmx: error: {message}", markup=False, soft_wrap=True)
    return typer.Exit(code)


def note(message: str) -> None:
    err_console.print(f"llmx: {message}", markup=False, soft_wrap=True)


class _WarningLine(logging.Handler):
    """llmx's own warnings (a cache that cannot be written…) as `llmx: warning: …` lines."""

    def emit(self, record: logging.LogRecord) -> None:
        message = " ".join(self.format(record).split())
        err_console.print(f"llmx: warning: {message}", markup=False, soft_wrap=True)


def show_warnings() -> None:
    """Route warnings logged under `llmx` to the terminal, once per process."""
    logger = logging.getLogger("llmx")
    if not any(isinstance(handler, _WarningLine) for handler in logger.handlers):
        handler = _WarningLine(logging.WARNING)
        logger.addHandler(handler)
        logger.propagate = False


@contextmanager
def one_line_errors() -> Iterator[None]:
    """Turn llmx's own errors into a one-line message and exit status 1.

    A file the system refuses (no space left, permission denied, a folder where a file
    should be) is named on one line too, whichever code path met it.
    """
    try:
        yield
    except LlmxError as error:
        raise fail(str(error).splitlines()[0] if str(error) else type(error).__name__) from None
    except OSError as error:
        where = error.filename or "a file"
        raise fail(f"{where}: {error.strerror or error}") from None


def status_line(record: RunRecord) -> str:
    """How a run went, on one line, when it is not simply complete."""
    stats = record.stats
    asked = stats.sections_asked or stats.sections
    parts = []
    if stats.sections_failed:
        parts.append(f"{stats.sections_failed} of {asked} sections failed")
    if stats.sections_fallback:
        parts.append(f"{stats.sections_fallback} of {asked} fell back to the rules' facts")
    said = "; ".join(parts) or "no section finished"
    return f"run is {record.status.value}: {said}"


def failure_lines(record: RunRecord, listed_in: Path) -> list[str]:
    """Failures grouped: one line per kind with its count and first example, and where
    the whole list is."""
    groups = record.failure_kinds()
    lines = [
        f"{count} section{'s' if count > 1 else ''} {kind}: first {first.line}"
        for kind, count, first in groups
    ]
    if groups:
        lines.append(f"every failure, in full, with the raw answers: {listed_in}")
    return lines


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
