"""A streamed job on the model path: documents handed over a few at a time, and resumed
without asking again about a finished document."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

from support import REPORT, MakeExtractor

from llmx.documents import Document
from llmx.extraction import Extraction, ProgressCallback
from llmx.facts import facts_to_jsonl
from llmx.journal import JOURNAL_FILE, read_steps
from llmx.llm import LLMExtractor
from llmx.pipeline import load_documents, resume_job, run_job
from llmx.record import RunSpec, RunStatus
from llmx.runs import FACTS_FILE, RUN_FILE, read_record

NAMES = ("a", "b", "c", "d")


def _reports(folder: Path) -> Path:
    folder.mkdir()
    for name in NAMES:
        (folder / f"{name}.txt").write_text(REPORT.text, encoding="utf-8")
    return folder


class _Watched:
    """A model extractor that notes which documents it is asked about."""

    def __init__(self, inner: LLMExtractor) -> None:
        self.inner = inner
        self.name = inner.name
        self.documents_per_step = inner.documents_per_step
        self.seen: list[str] = []

    def describe(self) -> RunSpec:
        return self.inner.describe()

    def extract(
        self, documents: Sequence[Document], progress: ProgressCallback | None = None
    ) -> Extraction:
        self.seen.extend(document.id for document in documents)
        return self.inner.extract(documents, progress)


def test_documents_go_to_the_model_a_few_at_a_time_with_the_same_facts(
    make_extractor: MakeExtractor, tmp_path: Path
) -> None:
    source = _reports(tmp_path / "reports")
    extractor = make_extractor(concurrency=8)
    assert extractor.documents_per_step == 2
    folder, record = run_job([source], extractor, runs_dir=tmp_path / "runs")
    steps = [step.documents for step in read_steps(folder / JOURNAL_FILE)]
    assert steps == [["a", "b"], ["c", "d"]]
    all_at_once = make_extractor().extract(load_documents([source]).documents).facts
    assert (folder / FACTS_FILE).read_text("utf-8") == "".join(facts_to_jsonl(all_at_once))
    assert record.status is RunStatus.complete and record.stats.facts == len(all_at_once)


def test_a_resumed_model_job_asks_nothing_about_a_finished_document(
    make_extractor: MakeExtractor, tmp_path: Path
) -> None:
    source = _reports(tmp_path / "reports")
    folder, _ = run_job([source], make_extractor(concurrency=8), runs_dir=tmp_path / "runs")
    expected = (folder / FACTS_FILE).read_bytes()
    journal = folder / JOURNAL_FILE
    journal.write_bytes(journal.read_bytes().splitlines(keepends=True)[0])  # killed after a, b
    stopped = json.loads((folder / RUN_FILE).read_text("utf-8"))
    (folder / RUN_FILE).write_text(json.dumps({**stopped, "status": "interrupted"}), "utf-8")

    watched = _Watched(make_extractor(concurrency=8))
    record = resume_job(folder, [source], watched)
    assert watched.seen == ["c", "d"]
    assert record.status is RunStatus.complete
    assert read_record(folder / RUN_FILE).spec.documents == list(NAMES)
    assert (folder / FACTS_FILE).read_bytes() == expected
