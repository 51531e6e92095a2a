"""The terminal edge: one-line errors, notes and progress bars."""

from __future__ import annotations

import logging
import shlex
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import typer
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    TextColumn,
    TimeRemainingColumn,
)
from rich.table import Column

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


def unreadable_lines(record: RunRecord) -> list[str]:
    """Each file the run could not read, and why."""
    return [f"cannot read {item.path}: {item.reason}" for item in record.unreadable]


def next_step(*commands: str) -> None:
    """Name what a person would naturally run next, with its real arguments."""
    err_console.print(f"llmx: next: {'  or  '.join(commands)}", markup=False, soft_wrap=True)


def command(*words: str | Path) -> str:
    """A command line a person can paste: each word quoted for the shell where it must be."""
    return shlex.join(str(word) for word in words)


def shown_path(path: Path) -> Path:
    """A path relative to the working directory when it lies inside it, else as given:
    `../x` climbs are harder to read and to copy than the absolute path."""
    try:
        return path.absolute().relative_to(Path.cwd())
    except ValueError:
        return path


def progress_columns(width: int) -> tuple[ProgressColumn, ...]:
    """Columns that fit `width` characters: the bar shrinks, then goes, before the counts do.

    Done/total and the time left come first; the status (calls, cache hits, tokens, cost)
    takes what is left and is cut with an ellipsis rather than wrapped onto a second line.
    """
    bar = 20 if width >= 110 else 10 if width >= 90 else 6 if width >= 76 else None
    columns: list[ProgressColumn] = [
        TextColumn("{task.description}", table_column=Column(no_wrap=True, max_width=16)),
    ]
    if bar:
        columns.append(BarColumn(bar_width=bar))
    columns += [
        MofNCompleteColumn(table_column=Column(no_wrap=True)),
        TextColumn("ETA", table_column=Column(no_wrap=True)),
        TimeRemainingColumn(compact=True, table_column=Column(no_wrap=True)),
        TextColumn(
            "{task.fields[status]}",
            table_column=Column(no_wrap=True, overflow="ellipsis", ratio=1),
        ),
    ]
    return tuple(columns)


class ProgressLine:
    """The callback an extractor calls once per unit done; counts what is done."""

    def __init__(self, total: int, update: ProgressCallback | None = None) -> None:
        self.total = total
        self.done = 0
        self._update = update

    def __call__(self, status: str) -> None:
        self.done += 1
        if self._update is not None:
            self._update(status)


@contextmanager
def progress_bar(total: int, label: str) -> Iterator[ProgressLine]:
    """A progress line on stderr when it is a terminal; a silent counter otherwise.

    Each call marks one unit (a document, a section) done and shows its status text.
    """
    if not err_console.is_terminal or total <= 1:
        yield ProgressLine(total)
        return
    with Progress(
        *progress_columns(err_console.width),
        console=err_console,
        transient=True,
        expand=True,
    ) as progress:
        task = progress.add_task(label, total=total, status="")
        yield ProgressLine(total, lambda status: progress.update(task, advance=1, status=status))
