"""Run folders: `runs/<run-id>/` with `facts.jsonl`, `run.json` and `failures.jsonl`.

A run is everything needed to score, compare and replay an extraction job: the facts, and
the typed record of how they were made and how it went (`llmx.record.RunRecord`). A job of
`llmx extract` also keeps its journal (`documents.jsonl`, llmx.journal) and its settings
(`job.json`), from which `--resume` carries a stopped job on (llmx.pipeline).
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from pydantic import ValidationError

from llmx import __version__
from llmx.atomic import check_writable, write_text_atomic
from llmx.errors import InputError, OutputError, first_problem
from llmx.extraction import Extraction
from llmx.facts import Fact, facts_to_jsonl, read_facts
from llmx.record import RunRecord, RunSpec, RunStatus, SectionFailure, Unreadable, status_of
from llmx.textfiles import decode_file_text

RUNS_DIR = Path("runs")
RUN_FILE, FACTS_FILE, FAILURES_FILE = "run.json", "facts.jsonl", "failures.jsonl"
DOCUMENTS_DIR = "documents"  # the canonical text of each document, as documents/<doc>.txt
_SAFE_NAME = re.compile(r"[^A-Za-z0-9._@-]+")
# A run id is a folder name: most filesystems stop at 255 bytes.
_MAX_NAME = 80


def is_run_folder(folder: Path) -> bool:
    """Whether `folder` holds a run: its record and its facts."""
    return (folder / RUN_FILE).is_file() and (folder / FACTS_FILE).is_file()


def check_output(path: Path, what: str) -> None:
    """Fail before any work where a command's output cannot be written (`check_writable`),
    or would land in a run folder or its documents/: a run is kept as it was written, and
    a file put in one (an export over its facts.jsonl) leaves it unreadable. The path is
    followed through `..` and links to where it really goes."""
    check_writable(path, what)
    target = Path(os.path.realpath(path))
    for folder in (target.parent, target.parent.parent):
        if is_run_folder(folder):
            raise OutputError(
                f"{what} {path}: inside the run folder {folder}; runs are kept as written, "
                "choose a path outside it"
            )


@dataclass(frozen=True)
class Run:
    path: Path
    record: RunRecord
    facts: list[Fact]

    @property
    def id(self) -> str:
        return self.record.id or self.path.name

    @property
    def label(self) -> str:
        return self.record.name or self.id


def now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds")


def new_run_id(name: str | None, started: datetime | None = None) -> str:
    """A sortable, filesystem-safe id: timestamp, then the run's name if it has one."""
    stamp = (started or datetime.now(UTC)).strftime("%Y%m%dT%H%M%S")
    safe = _SAFE_NAME.sub("-", name)[:_MAX_NAME].strip("-.") if name else ""
    return f"{stamp}-{safe}" if safe else stamp


def free_run_folder(runs_dir: Path, name: str | None) -> Path:
    """A run folder that does not exist yet (two runs in one second get -2, -3…)."""
    if runs_dir.exists() and not runs_dir.is_dir():
        raise OutputError(f"{runs_dir}: is a file, not a folder for runs (--runs-dir)")
    base = new_run_id(name)
    folder, count = runs_dir / base, 1
    while folder.exists() or folder.is_symlink():  # a dangling link's name is taken too
        count += 1
        folder = runs_dir / f"{base}-{count}"
    return folder


def record_of(
    folder: Path,
    extraction: Extraction,
    *,
    spec: RunSpec,
    started: str,
    finished: str,
    name: str | None = None,
    wall_seconds: float | None = None,
    unreadable: Sequence[Unreadable] = (),
) -> RunRecord:
    """The record of a finished (or stopped) extraction."""
    stats = extraction.stats.model_copy(deep=True)
    stats.facts = len(extraction.facts)
    stats.sections_failed = sum(1 for f in extraction.failures if f.fallback is None)
    stats.sections_fallback = sum(1 for f in extraction.failures if f.fallback is not None)
    status = (
        RunStatus.interrupted
        if extraction.interrupted
        else status_of(stats, list(extraction.failures))
    )
    return RunRecord(
        id=folder.name,
        name=name,
        llmx_version=__version__,
        status=status,
        spec=spec,
        stats=stats,
        started=started,
        finished=finished,
        wall_seconds=None if wall_seconds is None else round(wall_seconds, 3),
        failures=list(extraction.failures),
        unreadable=list(unreadable),
    )


def write_run(
    folder: Path,
    record: RunRecord,
    facts: Sequence[Fact],
    texts: Mapping[str, str] | None = None,
) -> Run:
    """Write the run folder atomically, run.json last: a record implies its facts and failures.

    `texts` are the documents' canonical texts, which the facts' offsets index; each goes to
    documents/<doc>.txt, before the facts, so anyone can check a span against its text.
    """
    try:
        folder.mkdir(parents=True, exist_ok=True)
        for doc, text in (texts or {}).items():
            write_text_atomic(folder / DOCUMENTS_DIR / f"{doc}.txt", text)
        write_text_atomic(folder / FACTS_FILE, "".join(facts_to_jsonl(facts)))
        write_text_atomic(folder / FAILURES_FILE, "".join(failures_to_jsonl(record.failures)))
        write_text_atomic(folder / RUN_FILE, record.model_dump_json(indent=2) + "\n")
    except OSError as error:
        raise OutputError(
            f"{error.filename or folder}: cannot write the run ({error.strerror})"
        ) from None
    return Run(folder, record, list(facts))


def write_record(folder: Path, record: RunRecord) -> None:
    """(Re)write a run's run.json atomically: a reader sees the old record or the new one."""
    try:
        write_text_atomic(folder / RUN_FILE, record.model_dump_json(indent=2) + "\n")
    except OSError as error:
        raise OutputError(
            f"{error.filename or folder}: cannot write the run ({error.strerror})"
        ) from None


def failures_to_jsonl(failures: Sequence[SectionFailure]) -> str:
    return "".join(failure.model_dump_json() + "\n" for failure in failures)


LATEST = "latest"


def run_folders(runs_dir: Path = RUNS_DIR) -> list[Path]:
    """Every run folder under `runs_dir`, oldest first (ids begin with their start time)."""
    if runs_dir.exists() and not runs_dir.is_dir():
        raise InputError(f"{runs_dir}: is a file, not a folder for runs")
    if not runs_dir.is_dir():
        return []
    return sorted(
        (folder for folder in runs_dir.iterdir() if (folder / RUN_FILE).is_file()),
        key=lambda folder: folder.name,
    )


def find_run(ref: str | Path, runs_dir: Path = RUNS_DIR) -> Path:
    """The folder a person means by `ref`: a path, `latest`, a run id, or a run's name
    (the newest run of that name)."""
    path = Path(ref)
    if path.is_file() and path.name in (RUN_FILE, FACTS_FILE):
        return path.parent
    if path.is_dir() and (path / RUN_FILE).is_file():
        return path
    text = str(ref)
    folders = run_folders(runs_dir)
    if text == LATEST:
        if not folders:
            raise InputError(f"no runs yet in {runs_dir}; make one with `llmx extract`")
        return folders[-1]
    if (runs_dir / text).is_dir():
        return runs_dir / text
    named = [folder for folder in folders if _name_of(folder) == text]
    if named:
        return named[-1]
    if path.is_dir():
        return path  # a folder that is no run and names none: load_run says what it lacks
    raise InputError(f"{text}: no run folder, run id or run name in {runs_dir} (see `llmx runs`)")


def _name_of(folder: Path) -> str | None:
    try:
        name = json.loads((folder / RUN_FILE).read_text(encoding="utf-8")).get("name")
    except (OSError, ValueError, AttributeError):
        return None
    return name if isinstance(name, str) else None


def load_run(path: str | Path, runs_dir: Path = RUNS_DIR) -> Run:
    """A run from its folder (or its `run.json` / `facts.jsonl`), or its id or name under
    `runs_dir`, or `latest`."""
    folder = find_run(path, runs_dir)
    record_path, facts_path = folder / RUN_FILE, folder / FACTS_FILE
    if not is_run_folder(folder):
        raise InputError(f"{folder}: not a run (needs {RUN_FILE} and {FACTS_FILE})")
    record = read_record(record_path)
    failures = read_failures(folder / FAILURES_FILE)
    record = record.model_copy(
        update={
            "id": record.id or folder.name,
            "failures": failures if (folder / FAILURES_FILE).exists() else record.failures,
        }
    )
    return Run(folder, record, read_facts(facts_path))


def read_document_text(folder: Path, doc: str) -> str:
    """The text a run kept of document `doc`, exactly as the reader made it: no newline
    translation, so its facts' offsets hold."""
    path = folder / DOCUMENTS_DIR / f"{doc}.txt"
    try:
        return path.read_bytes().decode("utf-8")
    except OSError as error:
        raise InputError(
            f"{path}: cannot read the run's document text ({error.strerror})"
        ) from None
    except UnicodeDecodeError:
        raise InputError(f"{path}: the run's document text is not UTF-8") from None


def read_record(path: Path) -> RunRecord:
    data = _json_of(path, path.read_bytes())
    if not isinstance(data, dict):
        raise InputError(f"{path}: not a run record (a JSON object), but a {type(data).__name__}")
    try:
        return RunRecord.model_validate(data)
    except ValidationError as error:
        raise InputError(f"{path}: not a run record: {first_problem(error)}") from None


def read_failures(path: Path) -> list[SectionFailure]:
    if not path.is_file():
        return []
    failures: list[SectionFailure] = []
    for number, line in enumerate(path.read_bytes().splitlines(), 1):
        if not line.strip():
            continue
        try:
            failures.append(SectionFailure.model_validate(_json_of(path, line, number)))
        except ValidationError as error:
            raise InputError(f"{path}:{number}: not a failure: {first_problem(error)}") from None
    return failures


def _json_of(path: Path, raw: bytes, line: int | None = None) -> object:
    where = f"{path}:{line}" if line is not None else str(path)
    try:
        return json.loads(decode_file_text(raw, where))
    except json.JSONDecodeError as error:
        raise InputError(f"{where}: not valid JSON ({error.msg})") from None
