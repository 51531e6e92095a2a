"""An extraction job from paths to a run folder: load → extract → write, nothing else."""

from __future__ import annotations

import time
from collections.abc import Sequence
from pathlib import Path

from llmx.documents import Document
from llmx.extraction import Extractor, ProgressCallback
from llmx.readers import expand_paths, read_document
from llmx.runs import RUNS_DIR, Run, free_run_folder, now_iso, write_run


def load_documents(paths: Sequence[Path]) -> list[Document]:
    return [read_document(path) for path in expand_paths(paths)]


def run_extraction(
    paths: Sequence[Path],
    extractor: Extractor,
    *,
    name: str | None = None,
    runs_dir: Path = RUNS_DIR,
    progress: ProgressCallback | None = None,
    documents: Sequence[Document] | None = None,
) -> Run:
    """Extract facts from every document and write them as a run folder."""
    loaded = list(documents) if documents is not None else load_documents(paths)
    started, clock = now_iso(), time.perf_counter()
    extraction = extractor.extract(loaded, progress)
    wall_seconds = time.perf_counter() - clock
    return write_run(
        free_run_folder(runs_dir, name),
        extraction,
        description=extractor.describe(),
        documents=[document.id for document in loaded],
        started=started,
        finished=now_iso(),
        name=name,
        wall_seconds=wall_seconds,
    )
