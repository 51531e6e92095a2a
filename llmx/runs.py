"""Run folders: `runs/<run-id>/facts.jsonl` plus a `run.json` manifest.

A run is everything needed to score, compare and replay an extraction job: the facts, and
how they were made (extractor, mode, model, prompt version and hash, counters, times).
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from llmx import __version__
from llmx.atomic import write_text_atomic
from llmx.errors import InputError
from llmx.extraction import Extraction
from llmx.facts import Fact, facts_to_jsonl, read_facts
from llmx.readers import Unreadable

RUNS_DIR = Path("runs")
DOCUMENTS_DIR = "documents"  # in a run folder: the canonical text of each document
_SAFE_NAME = re.compile(r"[^A-Za-z0-9._@-]+")


@dataclass(frozen=True)
class Run:
    path: Path
    manifest: dict[str, Any]
    facts: list[Fact]

    @property
    def id(self) -> str:
        return str(self.manifest.get("id", self.path.name))

    @property
    def label(self) -> str:
        return str(self.manifest.get("name") or self.id)


def now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds")


def new_run_id(name: str | None, started: datetime | None = None) -> str:
    """A sortable, filesystem-safe id: timestamp, then the run's name if it has one."""
    stamp = (started or datetime.now(UTC)).strftime("%Y%m%dT%H%M%S")
    return f"{stamp}-{_SAFE_NAME.sub('-', name)}" if name else stamp


def free_run_folder(runs_dir: Path, name: str | None) -> Path:
    """A run folder that does not exist yet (two runs in one second get -2, -3…)."""
    base = new_run_id(name)
    folder, count = runs_dir / base, 1
    while folder.exists():
        count += 1
        folder = runs_dir / f"{base}-{count}"
    return folder


def write_run(
    folder: Path,
    extraction: Extraction,
    *,
    description: dict[str, Any],
    documents: list[str],
    started: str,
    finished: str,
    name: str | None = None,
    wall_seconds: float | None = None,
    texts: Mapping[str, str] | None = None,
    unreadable: Sequence[Unreadable] = (),
) -> Run:
    """Write documents/<doc>.txt (each document's canonical text, which the facts' offsets
    index), facts.jsonl and run.json atomically, in that order, so a manifest implies its
    facts and a fact its text."""
    folder.mkdir(parents=True, exist_ok=True)
    for doc, text in (texts or {}).items():
        write_text_atomic(folder / DOCUMENTS_DIR / f"{doc}.txt", text)
    write_text_atomic(folder / "facts.jsonl", "".join(facts_to_jsonl(extraction.facts)))
    manifest: dict[str, Any] = {
        "id": folder.name,
        "name": name,
        "llmx_version": __version__,
        **description,
        "documents": documents,
        "unreadable": [{"path": item.path, "reason": item.reason} for item in unreadable],
        "started": started,
        "finished": finished,
        "wall_seconds": None if wall_seconds is None else round(wall_seconds, 3),
        "facts": len(extraction.facts),
        **extraction.stats.as_dict(),
    }
    write_text_atomic(
        folder / "run.json", json.dumps(manifest, ensure_ascii=False, indent=2) + "\n"
    )
    return Run(folder, manifest, list(extraction.facts))


def load_run(path: Path) -> Run:
    """A run from its folder (or from its `run.json` / `facts.jsonl`)."""
    folder = path.parent if path.is_file() else path
    if not folder.is_dir():
        candidate = RUNS_DIR / str(path)
        if candidate.is_dir():
            folder = candidate
        else:
            raise InputError(f"{path}: no such run folder")
    manifest_path, facts_path = folder / "run.json", folder / "facts.jsonl"
    if not manifest_path.exists() or not facts_path.exists():
        raise InputError(f"{folder}: not a run (needs run.json and facts.jsonl)")
    try:
        manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as error:
        raise InputError(f"{manifest_path}: not valid JSON ({error.msg})") from None
    return Run(folder, manifest, read_facts(facts_path))
