"""An extraction job from input files to a run folder, streamed and resumable.

Files are read and extracted a step at a time (one document; a few for the model path, so its
calls stay in flight across documents), never all at once, so memory does not grow with the
job. After each step its facts and failures are appended to `facts.jsonl` and
`failures.jsonl`, a line to the journal (`llmx.journal`), and `run.json` is rewritten (at most
a few times a second) with status `interrupted` until the last step: a job killed at any
point leaves a true partial record, and `resume_job` carries it on from the first file the
journal does not cover, with the same final facts, byte for byte, as a job never stopped.

With `workers` above 1, files are read in that many processes; an extractor that says it
can (`runs_in_worker_processes`, the rules) is run there too. Results are written in input
order whatever order the processes finish in. A file that cannot be read is recorded in the
run's `unreadable` list and the job goes on.
"""

from __future__ import annotations

import contextlib
import shutil
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import TypeVar

from filelock import FileLock, Timeout

from llmx import __version__
from llmx.atomic import write_text_atomic
from llmx.coverage import coverage_of
from llmx.documents import Document, title_of
from llmx.errors import InputError, OutputError
from llmx.extraction import Extraction, Extractor
from llmx.facts import Fact, facts_to_jsonl
from llmx.journal import JOURNAL_FILE, Step, append_step, read_steps
from llmx.llm.prices import spent_line
from llmx.readers import expand_paths, read_documents, read_or_why, shown
from llmx.record import (
    Coverage,
    DocumentSource,
    PartlyRead,
    RunRecord,
    RunSpec,
    RunStats,
    RunStatus,
    Unreadable,
    status_of,
)
from llmx.runs import (
    DOCUMENTS_DIR,
    FACTS_FILE,
    FAILURES_FILE,
    RUN_FILE,
    RUNS_DIR,
    Run,
    failures_to_jsonl,
    free_run_folder,
    load_run,
    now_iso,
    read_document_text,
    read_record,
    write_record,
)

# Called once per input file done, with the document's id (or the file's name).
DocumentProgress = Callable[[str], None]

# run.json is rewritten after a step at most this often; the journal has every step.
_RECORD_EVERY = 0.5
# Files handed to worker processes ahead of the one being written, per process.
_READ_AHEAD = 4

T = TypeVar("T")
R = TypeVar("R")


class JobInterrupted(KeyboardInterrupt):
    """Ctrl-C during a job that has a run folder to resume: still a KeyboardInterrupt, which
    names the folder (its record is written, status interrupted) for the message."""

    def __init__(self, folder: Path) -> None:
        super().__init__(str(folder))
        self.folder = folder


@dataclass(frozen=True)
class Loaded:
    """The documents of a job, and the files that could not be read (the job goes on)."""

    documents: list[Document]
    unreadable: list[Unreadable]


def load_documents(paths: Sequence[Path]) -> Loaded:
    """Every document in memory at once: for small jobs and tests, not for `llmx extract`."""
    documents, unreadable = read_documents(paths)
    return Loaded(documents, unreadable)


def locate_facts(facts: Sequence[Fact], documents: Sequence[Document]) -> list[Fact]:
    """Each fact with the source locator of its span's start, where its format knows one."""
    maps = {document.id: document.source_map for document in documents}
    located: list[Fact] = []
    for fact in facts:
        source_map = maps.get(fact.doc)
        locator = source_map.locate(fact.start) if source_map is not None else None
        located.append(fact if locator is None else fact.model_copy(update={"source": locator}))
    return located


def source_of(document: Document) -> DocumentSource:
    """A document as a person knows it: its title, and the file it was read from."""
    return DocumentSource(
        title=title_of(document),
        path=None if document.path is None else str(document.path),
    )


def run_extraction(
    paths: Sequence[Path],
    extractor: Extractor,
    *,
    name: str | None = None,
    runs_dir: Path = RUNS_DIR,
    workers: int = 1,
    progress: DocumentProgress | None = None,
) -> Run:
    """Extract facts from every document into a run folder, and read the run back."""
    folder, _ = run_job(
        paths, extractor, name=name, runs_dir=runs_dir, workers=workers, progress=progress
    )
    return load_run(folder)


def run_job(
    paths: Sequence[Path],
    extractor: Extractor,
    *,
    name: str | None = None,
    runs_dir: Path = RUNS_DIR,
    workers: int = 1,
    progress: DocumentProgress | None = None,
    settings: str | None = None,
) -> tuple[Path, RunRecord]:
    """Start a job: a new run folder, every file of `paths` streamed into it.

    `settings` is what the caller needs to rebuild the extractor on resume, kept verbatim
    as the folder's `job.json`.
    """
    files = expand_paths(paths)
    made_runs_dir = not runs_dir.exists()
    folder = _claim(runs_dir, name)  # an unwritable --runs-dir fails before any work is paid for
    job = _Job(folder, extractor.describe(), name=name, started=now_iso())
    job.made_folder, job.made_runs_dir = True, made_runs_dir
    try:
        job.write_record(force=True)  # a full disk fails here, before any work is paid for
        if settings is not None:
            write_text_atomic(folder / JOB_FILE, settings)
        for made in (FACTS_FILE, FAILURES_FILE, JOURNAL_FILE):
            (folder / made).touch()
    except BaseException:
        job.discard()
        raise
    with _exclusive(folder):
        return folder, job.run(files, extractor, workers, progress)


def resume_job(
    folder: Path,
    paths: Sequence[Path],
    extractor: Extractor,
    *,
    workers: int = 1,
    progress: DocumentProgress | None = None,
) -> RunRecord:
    """Carry on a stopped job from the first file its journal does not cover."""
    record = read_record(folder / RUN_FILE)
    if record.status is not RunStatus.interrupted:
        raise InputError(f"{folder}: the job finished ({record.status.value}); nothing to resume")
    spec = extractor.describe()
    changed = _spec_difference(record.spec, spec)
    if changed:
        raise InputError(
            f"{folder}: the job's settings no longer make the same extractor ({changed} "
            "changed); start a new job instead"
        )
    files = expand_paths(paths)
    job = _Job(folder, spec, name=record.name, started=record.started or now_iso())
    with _exclusive(folder):
        done = job.replay(read_steps(folder / JOURNAL_FILE), files)
        return job.run(files[done:], extractor, workers, progress)


JOB_FILE = "job.json"
_LOCK_FILE = ".job.lock"


@contextlib.contextmanager
def _exclusive(folder: Path) -> Iterator[None]:
    """One process at a time writes a run folder: a second resume of a job still running
    would append the same documents twice."""
    lock = FileLock(folder / _LOCK_FILE, timeout=0)
    try:
        lock.acquire()
    except Timeout:
        raise InputError(
            f"{folder}: another llmx is running this job; wait for it or stop it first"
        ) from None
    try:
        yield
    finally:
        lock.release()


def _spec_difference(recorded: RunSpec, now: RunSpec) -> str | None:
    """The first field that says two specs would extract differently, if any."""
    same_whatever = {"documents", "formats", "sources", "limits", "offline", "cache_dir"}
    before = recorded.model_dump(exclude=same_whatever)
    after = now.model_dump(exclude=same_whatever)
    return next((key for key in before if before[key] != after.get(key)), None)


def _claim(runs_dir: Path, name: str | None) -> Path:
    """A new run folder, made. Two jobs started in the same second may both find one name
    free; the one that makes it second takes the next free name (-2, -3…)."""
    while True:
        folder = free_run_folder(runs_dir, name)
        try:
            folder.mkdir(parents=True)
            return folder
        except FileExistsError:
            continue  # another job made it between our look and our make
        except OSError as error:
            raise OutputError(
                f"{error.filename or folder}: cannot make the run folder ({error.strerror})"
            ) from None


# --- one job -----------------------------------------------------------------------------


@dataclass
class _Job:
    """A job's run folder and the running totals its record is written from."""

    folder: Path
    spec: RunSpec
    name: str | None
    started: str
    stats: RunStats = field(default_factory=RunStats)
    documents: list[str] = field(default_factory=list)
    formats: dict[str, str] = field(default_factory=dict)  # the format each was read as
    sources: dict[str, DocumentSource] = field(default_factory=dict)  # titles and files
    unreadable: list[Unreadable] = field(default_factory=list)
    partly_read: list[PartlyRead] = field(default_factory=list)
    coverage: dict[str, Coverage] = field(default_factory=dict)  # figures no fact took
    seconds: float = 0.0  # spent by earlier sessions of a resumed job
    facts_bytes: int = 0
    failures_bytes: int = 0
    made_folder: bool = False  # this session made the run folder (not a resume)
    made_runs_dir: bool = False  # and the folder it is in
    _written: float = 0.0

    def replay(self, steps: Iterable[Step], files: Sequence[Path]) -> int:
        """Take over the totals of the journal's steps; how many input files they covered.

        The files must be the same, in the same order, as when the job started; the facts and
        failures files are cut back to what the last whole step vouches for.
        """
        covered = 0
        uncounted: list[tuple[Step, int]] = []  # journaled before llmx counted figures
        for step in steps:
            for recorded in step.paths:
                given = shown(files[covered]) if covered < len(files) else "nothing"
                if given != recorded:
                    raise InputError(
                        f"{self.folder}: the input files changed since the job started "
                        f"(file {covered + 1} was {recorded}, now {given}); start a new job"
                    )
                covered += 1
            if step.documents and not step.coverage:
                uncounted.append((step, self.facts_bytes))
            self._add(step)
            self.seconds += step.seconds
        for name, length in ((FACTS_FILE, self.facts_bytes), (FAILURES_FILE, self.failures_bytes)):
            _cut_back(self.folder / name, length)
        for step, facts_from in uncounted:
            self.coverage.update(self._counted(step, facts_from))
        return covered

    def _counted(self, step: Step, facts_from: int) -> dict[str, Coverage]:
        """The figure counts of a step journaled by an llmx that did not count them, from the
        run's own texts and the step's facts; a document whose text is not there stays
        uncounted (and `llmx runs show` says how many are)."""
        with (self.folder / FACTS_FILE).open("rb") as handle:
            handle.seek(facts_from)
            lines = handle.read(step.facts_bytes - facts_from).decode("utf-8", "replace")
        try:
            facts = [Fact.model_validate_json(line) for line in lines.splitlines()]
        except ValueError:
            return {}
        texts: dict[str, str] = {}
        for doc in step.documents:
            with contextlib.suppress(InputError):
                texts[doc] = read_document_text(self.folder, doc)
        return _counts(texts, facts)

    def run(
        self,
        files: Sequence[Path],
        extractor: Extractor,
        workers: int,
        progress: DocumentProgress | None,
    ) -> RunRecord:
        clock = last = time.perf_counter()
        status = RunStatus.interrupted
        try:
            for outcome in _outcomes(files, extractor, workers):
                if outcome.interrupted:
                    # Stopped inside a step (Ctrl-C in the model path): the facts of the
                    # sections finished are written for anyone reading the run, but not
                    # journaled, so a resume cuts them back and does the step again (its
                    # answers from the cache).
                    self._append(outcome, time.perf_counter() - last, journal=False)
                    break
                now = time.perf_counter()
                self._append(outcome, now - last)
                last = now
                if progress is not None:
                    for label in outcome.step.documents or outcome.step.paths:
                        # A model job says what it has spent; the rules, which document.
                        progress(
                            spent_line(self.stats, self.spec.price_per_million)
                            if self.spec.model
                            else label
                        )
            else:
                status = status_of(self.stats)
                if not self.documents and self.unreadable:
                    self.discard()
                    raise InputError(_nothing_read(self.unreadable))
        except BaseException as error:
            if self.made_folder and not self.documents and not self.unreadable:
                self.discard()  # stopped before anything was done: no run to resume
            elif isinstance(error, KeyboardInterrupt) and not isinstance(error, JobInterrupted):
                raise JobInterrupted(self.folder) from error  # the run to resume is named
            raise
        finally:
            finished = status is not RunStatus.interrupted
            self.seconds += time.perf_counter() - clock
            if self.folder.exists():
                self.write_record(force=True, status=status, finished=finished)
        return self.record(status, finished=finished)

    def _append(self, outcome: _Outcome, seconds: float, *, journal: bool = True) -> None:
        step = outcome.step
        # Each document's canonical text, which its facts' offsets index, before the facts.
        for doc, text in outcome.texts.items():
            write_text_atomic(self.folder / DOCUMENTS_DIR / f"{doc}.txt", text)
        with (self.folder / FACTS_FILE).open("a", encoding="utf-8") as handle:
            handle.write(outcome.facts_jsonl)
        with (self.folder / FAILURES_FILE).open("a", encoding="utf-8") as handle:
            handle.write(outcome.failures_jsonl)
        step.facts_bytes = self.facts_bytes + len(outcome.facts_jsonl.encode("utf-8"))
        step.failures_bytes = self.failures_bytes + len(outcome.failures_jsonl.encode("utf-8"))
        step.seconds = round(seconds, 3)
        if not journal:
            self.stats.add(step.stats)  # what the stopped step spent, for the record
            return
        append_step(self.folder / JOURNAL_FILE, step)
        self._add(step)
        self.write_record()

    def _add(self, step: Step) -> None:
        self.stats.add(step.stats)
        self.documents.extend(step.documents)
        self.formats.update(step.formats)
        self.sources.update(step.sources)
        self.unreadable.extend(step.unreadable)
        self.partly_read.extend(step.partly_read)
        self.coverage.update(step.coverage)
        self.facts_bytes, self.failures_bytes = step.facts_bytes, step.failures_bytes

    def record(self, status: RunStatus, *, finished: bool) -> RunRecord:
        stats = self.stats.model_copy(deep=True)
        stats.documents = len(self.documents)
        return RunRecord(
            id=self.folder.name,
            name=self.name,
            llmx_version=__version__,
            status=status,
            spec=self.spec.model_copy(
                update={
                    "documents": list(self.documents),
                    "formats": dict(self.formats),
                    "sources": dict(self.sources),
                }
            ),
            stats=stats,
            started=self.started,
            finished=now_iso() if finished else None,
            wall_seconds=round(self.seconds, 3),
            unreadable=list(self.unreadable),
            partly_read=list(self.partly_read),
            coverage=dict(self.coverage),
        )

    def write_record(
        self,
        *,
        force: bool = False,
        status: RunStatus = RunStatus.interrupted,
        finished: bool = False,
    ) -> None:
        now = time.monotonic()
        if not force and now - self._written < _RECORD_EVERY:
            return
        write_record(self.folder, self.record(status, finished=finished))
        self._written = now

    def discard(self) -> None:
        """Nothing could be read: leave no run behind."""
        shutil.rmtree(self.folder, ignore_errors=True)
        if self.made_runs_dir:
            with contextlib.suppress(OSError):
                self.folder.parent.rmdir()


def _nothing_read(unreadable: Sequence[Unreadable]) -> str:
    if len(unreadable) == 1:
        return f"{unreadable[0].path}: {unreadable[0].reason}"
    return f"none of the {len(unreadable)} files could be read; nothing written"


def _cut_back(path: Path, length: int) -> None:
    size = path.stat().st_size if path.exists() else 0
    if size < length:
        raise InputError(
            f"{path}: shorter ({size} bytes) than the journal says ({length}); cannot resume"
        )
    if size > length:
        with path.open("r+b") as handle:
            handle.truncate(length)


# --- steps -------------------------------------------------------------------------------


@dataclass
class _Outcome:
    """One step's results, ready to append."""

    step: Step
    texts: dict[str, str] = field(default_factory=dict)  # each document's text, by id
    facts_jsonl: str = ""
    failures_jsonl: str = ""
    interrupted: bool = False


def _outcome(
    paths: Sequence[Path], read: Sequence[Document | Unreadable], extraction: Extraction | None
) -> _Outcome:
    documents = [item for item in read if isinstance(item, Document)]
    stats = extraction.stats.model_copy(deep=True) if extraction else RunStats()
    failures = list(extraction.failures) if extraction else []
    stats.documents = len(documents)
    stats.facts = len(extraction.facts) if extraction else 0
    stats.sections_failed = sum(1 for failure in failures if failure.fallback is None)
    stats.sections_fallback = sum(1 for failure in failures if failure.fallback is not None)
    step = Step(
        paths=[shown(path) for path in paths],
        documents=[document.id for document in documents],
        formats={document.id: document.format for document in documents},
        sources={document.id: source_of(document) for document in documents},
        unreadable=[item for item in read if isinstance(item, Unreadable)],
        partly_read=[
            PartlyRead(path=str(document.path or document.id), warning=warning)
            for document in documents
            for warning in document.warnings
        ],
        coverage=_counts(
            {document.id: document.text for document in documents},
            extraction.facts if extraction else [],
        ),
        stats=stats,
        facts_bytes=0,
        failures_bytes=0,
    )
    facts = locate_facts(extraction.facts, documents) if extraction else []
    return _Outcome(
        step,
        {document.id: document.text for document in documents},
        "".join(facts_to_jsonl(facts)),
        failures_to_jsonl(failures),
        interrupted=bool(extraction and extraction.interrupted),
    )


def _counts(texts: Mapping[str, str], facts: Iterable[Fact]) -> dict[str, Coverage]:
    """Each document's figures (its text by id) and how many of them no fact took."""
    spans: dict[str, list[tuple[int, int]]] = {doc: [] for doc in texts}
    for fact in facts:
        if fact.doc in spans:
            spans[fact.doc].append(fact.span)
    return {doc: coverage_of(text, spans[doc]) for doc, text in texts.items()}


def _read_and_extract(path: Path, extractor: Extractor) -> _Outcome:
    """One file, start to finish: what a worker process does for an extractor that can."""
    read = read_or_why(path)
    extraction = extractor.extract([read]) if isinstance(read, Document) else None
    return _outcome([path], [read], extraction)


def _outcomes(files: Sequence[Path], extractor: Extractor, workers: int) -> Iterator[_Outcome]:
    workers = min(workers, len(files))  # a process more than the files would read nothing
    ahead = _READ_AHEAD * max(1, workers)
    with contextlib.ExitStack() as stack:
        pool = (
            stack.enter_context(ProcessPoolExecutor(max_workers=workers)) if workers > 1 else None
        )
        if getattr(extractor, "runs_in_worker_processes", False):
            whole = partial(_read_and_extract, extractor=extractor)
            yield from _in_order(pool, whole, files, ahead)
            return
        per_step = max(1, int(getattr(extractor, "documents_per_step", 1)))
        group: list[tuple[Path, Document | Unreadable]] = []
        reads = zip(files, _in_order(pool, read_or_why, files, ahead), strict=True)
        for path, read in reads:
            group.append((path, read))
            if sum(isinstance(item, Document) for _, item in group) >= per_step:
                yield _extract_step(extractor, group)
                group = []
        if group:
            yield _extract_step(extractor, group)


def _extract_step(
    extractor: Extractor, group: Sequence[tuple[Path, Document | Unreadable]]
) -> _Outcome:
    paths = [path for path, _ in group]
    read = [item for _, item in group]
    documents = [item for item in read if isinstance(item, Document)]
    return _outcome(paths, read, extractor.extract(documents) if documents else None)


def _in_order(
    pool: ProcessPoolExecutor | None, function: Callable[[T], R], items: Sequence[T], ahead: int
) -> Iterator[R]:
    """`map(function, items)`, in worker processes when there is a pool, at most `ahead`
    items ahead of the result being used (a plain `pool.map` would submit every file at once)."""
    if pool is None:
        yield from map(function, items)
        return
    pending: deque[Future[R]] = deque()
    remaining = iter(items)
    try:
        for item in remaining:
            pending.append(pool.submit(function, item))
            if len(pending) >= ahead:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()
    finally:
        for future in pending:
            future.cancel()
