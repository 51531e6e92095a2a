"""`llmx cache`: what the model-response cache holds, and clearing it out."""

from __future__ import annotations

import re
from datetime import timedelta
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from llmx.commands.options import CacheDir, cache_dir_of
from llmx.console import fail, note, one_line_errors
from llmx.errors import ConfigError
from llmx.llm.cache import ResponseCache

cache_app = typer.Typer(help="Inspect and prune cached model responses.", no_args_is_help=True)
# A folder that is not there holds no answers: said so, not shown as an empty cache, since a
# mistyped --cache-dir would otherwise look like a cache with nothing in it.
_NONE_AT = "no cache at {}: no model answer has been cached there"
_AGE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([dhm]?)\s*$")


@cache_app.command()
def stats(cache_dir: CacheDir = None) -> None:
    """Entries, size, models, age and the tokens the cached answers cost."""
    cache_dir = cache_dir_of(cache_dir)
    with one_line_errors():
        if not cache_dir.exists():
            note(_NONE_AT.format(cache_dir))
            return
        summary = _cache(cache_dir).stats()
    table = Table(title=f"Cache {cache_dir}", show_header=False)
    table.add_column("what")
    table.add_column("value", justify="right")
    table.add_row("entries", str(summary.entries))
    table.add_row("size", f"{summary.bytes / 1024:.1f} KiB")
    table.add_row("tokens in / out", f"{summary.tokens_in} / {summary.tokens_out}")
    table.add_row("oldest", summary.oldest or "—")
    table.add_row("newest", summary.newest or "—")
    for model, count in summary.by_model.items():
        table.add_row(f"model {model}", str(count))
    if summary.invalid or summary.temporary:
        table.add_row("unreadable entries (left alone)", str(summary.invalid))
        table.add_row("leftover temporary files", str(summary.temporary))
    Console().print(table)


@cache_app.command()
def prune(
    cache_dir: CacheDir = None,
    older_than: Annotated[
        str | None, typer.Option(help="Remove entries older than this: 30d, 12h or 90m.")
    ] = None,
    model: Annotated[str | None, typer.Option(help="Remove entries of this model.")] = None,
    everything: Annotated[bool, typer.Option("--all", help="Remove every entry.")] = False,
    dry_run: Annotated[bool, typer.Option(help="Only say what would be removed.")] = False,
) -> None:
    """Remove the entries chosen, and llmx's own leftover temporary files.

    Only files that are provably llmx cache entries are touched; anything else in the
    folder, including entries llmx cannot read, is left alone.
    """
    cache_dir = cache_dir_of(cache_dir)
    with one_line_errors():
        age = _age(older_than) if older_than is not None else None
        if everything and (age is not None or model is not None):
            raise fail("--all removes everything; leave out --older-than and --model")
        if not cache_dir.exists():
            note(_NONE_AT.format(cache_dir) + "; nothing to remove")
            return
        result = _cache(cache_dir).prune(
            older_than=age, model=model, everything=everything, dry_run=dry_run
        )
    verb = "would remove" if dry_run else "removed"
    note(f"{verb} {result.removed} files ({result.bytes / 1024:.1f} KiB) from {cache_dir}")


def _cache(folder: Path) -> ResponseCache:
    if folder.exists() and not folder.is_dir():
        raise ConfigError(f"{folder}: is a file, not a cache folder (--cache-dir)")
    return ResponseCache(folder)


def _age(text: str) -> timedelta:
    match = _AGE.match(text)
    if not match:
        raise ConfigError(f"--older-than {text!r} is not an age like 30d, 12h or 90m")
    amount, unit = float(match.group(1)), match.group(2) or "d"
    return {"d": timedelta(days=amount), "h": timedelta(hours=amount)}.get(
        unit, timedelta(minutes=amount)
    )


def register(app: typer.Typer) -> None:
    app.add_typer(cache_app, name="cache")
