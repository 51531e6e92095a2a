"""An extraction job from paths to a run folder: load → extract → locate → write, nothing else."""

from __future__ import annotations

import contextlib
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from llmx.documents import Document, title_of
from llmx.errors import OutputError
from llmx.extraction import Extractor, ProgressCallback
from llmx.facts import Fact
from llmx.readers import read_documents
from llmx.record import DocumentSource, Unreadable
from llmx.runs import RUNS_DIR, Run, free_run_folder, now_iso, record_of, write_run
from llmx.sections import split_sections


@dataclass(frozen=True)
class Loaded:
    """The documents of a job, and the files that could not be read (the job goes on)."""

    documents: list[Document]
    unreadable: list[Unreadable]


def load_documents(paths: Sequence[Path]) -> Loaded:
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


def progress_units(extractor: str, documents: Sequence[Document]) -> int:
    """How many times an extractor reports progress: per document for the offline ones,
    per section for a model (each section is one request)."""
    if extractor in ("rules", "numerals"):
        return len(documents)
    return sum(len(split_sections(document.id, document.text)) for document in documents)


def run_extraction(
    paths: Sequence[Path],
    extractor: Extractor,
    *,
    name: str | None = None,
    runs_dir: Path = RUNS_DIR,
    progress: ProgressCallback | None = None,
    documents: Sequence[Document] | None = None,
    unreadable: Sequence[Unreadable] = (),
) -> Run:
    """Extract facts from every document and write them as a run folder."""
    if documents is None:
        job = load_documents(paths)
        documents, unreadable = job.documents, [*job.unreadable, *unreadable]
    loaded = list(documents)
    folder = free_run_folder(runs_dir, name)
    _claim(folder)  # an unwritable --runs-dir fails before any work is paid for
    started, clock = now_iso(), time.perf_counter()
    try:
        extraction = extractor.extract(loaded, progress)
    except BaseException:
        with contextlib.suppress(OSError):
            folder.rmdir()  # still empty: no half-written run stays behind
        raise
    wall_seconds = time.perf_counter() - clock
    spec = extractor.describe().model_copy(
        update={
            "documents": [document.id for document in loaded],
            "formats": {document.id: document.format for document in loaded},
            "sources": {document.id: source_of(document) for document in loaded},
        }
    )
    extraction.stats.documents = len(loaded)
    record = record_of(
        folder,
        extraction,
        spec=spec,
        started=started,
        finished=now_iso(),
        name=name,
        wall_seconds=wall_seconds,
        unreadable=unreadable,
    )
    facts = locate_facts(extraction.facts, loaded)
    return write_run(folder, record, facts, {document.id: document.text for document in loaded})


def source_of(document: Document) -> DocumentSource:
    return DocumentSource(
        title=title_of(document),
        path=None if document.path is None else str(document.path),
    )


def _claim(folder: Path) -> None:
    try:
        folder.mkdir(parents=True)
    except OSError as error:
        raise OutputError(
            f"{error.filename or folder}: cannot make the run folder ({error.strerror})"
        ) from None
