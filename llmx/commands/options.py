"""Options several commands share, and where their defaults come from: the project
(llmx.workspace), looked up when a command runs, not when llmx is imported."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from llmx.errors import InputError
from llmx.runs import LATEST, Run, load_run
from llmx.workspace import Workspace, find_workspace

RunsDir = Annotated[
    Path | None,
    typer.Option(help="Where run folders are. Default: runs/ in the project.", metavar="DIR"),
]
GoldDir = Annotated[
    Path | None,
    typer.Option(
        help="Gold folder (`manifest.json`, `<doc>.jsonl`). Default: `evals/gold/` in the project.",
        metavar="DIR",
    ),
]
CacheDir = Annotated[
    Path | None,
    typer.Option(help="The model-response cache. Default: cache/ in the project.", metavar="DIR"),
]
RUN_HELP = "A run: its folder, id or name, or latest."


def workspace() -> Workspace:
    return find_workspace()


def runs_dir_of(given: Path | None) -> Path:
    return given if given is not None else workspace().runs


def cache_dir_of(given: Path | None) -> Path:
    return given if given is not None else workspace().cache


def gold_dir_of(given: Path | None) -> Path:
    """The gold folder given, else the project's; says where it looked when there is none."""
    if given is not None:
        return given
    found = workspace()
    if not (found.gold / "manifest.json").is_file():
        raise InputError(
            f"no gold set at {found.gold}/manifest.json ({found.where()}); "
            "pass --gold-dir, or run from inside the project or set $LLMX_HOME"
        )
    return found.gold


def run_of(ref: str | None, runs_dir: Path | None) -> Run:
    """The run a person named (default: the latest one in the project); with no runs folder
    where the project keeps them, says where it looked."""
    if runs_dir is None:
        found = workspace()
        if not found.runs.is_dir() and ref in (None, LATEST):
            raise InputError(
                f"no runs yet in {found.runs} ({found.where()}); make one with "
                "`llmx extract`, or pass --runs-dir"
            )
        runs_dir = found.runs
    return load_run(ref or LATEST, runs_dir)
