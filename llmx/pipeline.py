"""An extraction job from paths to a run folder: load → extract → locate → write, nothing else."""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from llmx.documents import Document
from llmx.extraction import Extraction, Extractor, ProgressCallback
from llmx.facts import Fact
from llmx.readers import Unreadable, read_documents
from llmx.runs import RUNS_DIR, Run, free_run_folder, now_iso, write_run


@dataclass(frozen=True)
class Loaded:
    """The documents of a job, and the files that could not be read."""

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


def run_extraction(
    paths: Sequence[Path],
    extractor: Extractor,
    *,
    name: str | None = None,
    runs_dir: Path = RUNS_DIR,
    progress: ProgressCallback | None = None,
    loaded: Loaded | None = None,
) -> Run:
    """Extract facts from every readable document and write them as a run folder."""
    job = loaded if loaded is not None else load_documents(paths)
    started, clock = now_iso(), time.perf_counter()
    extraction = extractor.extract(job.documents, progress)
    wall_seconds = time.perf_counter() - clock
    located = Extraction(locate_facts(extraction.facts, job.documents), extraction.stats)
    return write_run(
        free_run_folder(runs_dir, name),
        located,
        description=extractor.describe(),
        documents=[document.id for document in job.documents],
        texts={document.id: document.text for document in job.documents},
        unreadable=job.unreadable,
        started=started,
        finished=now_iso(),
        name=name,
        wall_seconds=wall_seconds,
    )
