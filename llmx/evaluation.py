"""Runs and gold in, scores out: the I/O edge around the pure llmx.scoring.

A run that kept its documents' canonical text (`runs/<id>/documents/<doc>.txt`) is scored by
content wherever that text is not the gold text (another rendering of the same report: HTML,
DOCX, PDF): llmx.renderings places its facts on the gold text first, and the evaluation
records which documents were scored so.

Gold is being labelled a document at a time, so a document the manifest names but whose
`<doc>.jsonl` does not exist yet is treated as unlabelled: predictions there are ignored
rather than counted as spurious against an empty gold file that is merely unwritten.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path

from llmx.bootstrap import REPLICATES, SEED, Intervals, bootstrap_intervals
from llmx.diagnosis import Error, diagnose
from llmx.errors import InputError
from llmx.facts import Fact
from llmx.gold import GOLD_DIR, GoldSet, Half, load_gold
from llmx.record import RunRecord
from llmx.renderings import DocumentMatch, RunDocument, place_run_on_gold
from llmx.runs import DOCUMENTS_DIR, Run
from llmx.scoring import (
    Layout,
    Outcome,
    SectionKey,
    Tally,
    score,
    tally_documents,
    tally_sections,
    total,
)


@dataclass(frozen=True)
class Evaluation:
    """One run scored against gold: the matching, tallies, intervals and errors."""

    label: str
    record: RunRecord | None
    outcome: Outcome
    sections: dict[SectionKey, Tally]
    documents: dict[str, Tally]
    total: Tally
    intervals: Intervals
    document_intervals: dict[str, Intervals]
    errors: list[Error]
    replicates: int = REPLICATES
    # How each run document was matched to a gold document (empty for runs that kept no
    # texts, which are scored by offsets under their own ids).
    matched_documents: tuple[DocumentMatch, ...] = ()

    @property
    def by_content(self) -> list[DocumentMatch]:
        """The documents scored by content: another rendering than the gold's."""
        return [match for match in self.matched_documents if match.by_content]

    @property
    def wall_seconds(self) -> float | None:
        """Seconds from the run's start to its finish, from run.json."""
        record = self.record
        if record is None:
            return None
        if record.wall_seconds is not None:
            return record.wall_seconds
        try:
            started = datetime.fromisoformat(str(record.started))
            finished = datetime.fromisoformat(str(record.finished))
        except ValueError:
            return None
        return (finished - started).total_seconds()


def scoring_gold(gold_dir: Path = GOLD_DIR, half: Half | None = None) -> GoldSet:
    """The gold set (or one half of it), with only documents that have a gold file counted
    as labelled."""
    gold = load_gold(gold_dir)
    if half is not None:
        gold = gold.half(half)
    labelled = {
        doc: (ids if (gold_dir / f"{doc}.jsonl").exists() else frozenset())
        for doc, ids in gold.labelled.items()
    }
    if not any(labelled.values()):
        raise InputError(f"{gold_dir}: no gold facts yet (no <doc>.jsonl next to the manifest)")
    return replace(gold, labelled=labelled)


def labelled_documents(gold: GoldSet) -> list[str]:
    return [doc for doc, ids in gold.labelled.items() if ids]


def gold_fingerprint(gold_dir: Path = GOLD_DIR) -> str:
    """A short hash of the manifest and every gold file: changes whenever gold does."""
    digest = hashlib.sha256()
    for path in sorted([gold_dir / "manifest.json", *gold_dir.glob("*.jsonl")]):
        if path.exists():
            digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:16]


def evaluate(
    facts: Sequence[Fact],
    gold: GoldSet,
    *,
    label: str,
    record: RunRecord | None = None,
    replicates: int = REPLICATES,
    seed: int = SEED,
    run_texts: Mapping[str, RunDocument] | None = None,
) -> Evaluation:
    """Score predictions over the labelled sections of the documents the run covered.

    With `run_texts` (the canonical texts the run read), each is matched to its gold document
    by content, and facts of another rendering are placed on the gold text before scoring.
    """
    layout = Layout(gold.sections, gold.labelled)
    matched: list[DocumentMatch] = []
    if run_texts:
        gold_documents = {
            doc: RunDocument(document.text, document.format)
            for doc, document in gold.documents.items()
        }
        facts, matched = place_run_on_gold(facts, run_texts, gold_documents, gold.facts)
    if record is not None:
        renamed = {match.run_doc: match.gold_doc for match in matched}
        layout = layout.restricted_to(renamed.get(doc, doc) for doc in record.spec.documents)
    outcome = score(gold.facts, facts, layout)
    sections = tally_sections(outcome)
    documents = tally_documents(sections)
    return Evaluation(
        label=label,
        record=record,
        outcome=outcome,
        sections=sections,
        documents=documents,
        total=total(sections.values()),
        intervals=bootstrap_intervals(list(sections.values()), replicates=replicates, seed=seed),
        document_intervals={
            doc: bootstrap_intervals(
                [t for (d, _), t in sections.items() if d == doc], replicates=replicates, seed=seed
            )
            for doc in documents
        },
        errors=diagnose(outcome),
        replicates=replicates,
        matched_documents=tuple(matched),
    )


def evaluate_run(run: Run, gold: GoldSet, *, replicates: int = REPLICATES) -> Evaluation:
    return evaluate(
        run.facts,
        gold,
        label=run.label,
        record=run.record,
        replicates=replicates,
        run_texts=run_documents(run),
    )


def run_documents(run: Run) -> dict[str, RunDocument]:
    """The canonical text of each document the run read, as it kept them in
    `documents/<doc>.txt`, with the format its record names (`spec.formats`).

    Empty for a run that kept no texts: it is scored by offsets under its own ids.
    """
    folder = run.path / DOCUMENTS_DIR
    if not folder.is_dir():
        return {}
    found: dict[str, RunDocument] = {}
    for doc in run.record.spec.documents:
        path = folder / f"{doc}.txt"
        if not path.is_file():
            continue
        try:
            # Kept exactly as the reader made it: no newline translation, offsets hold.
            text = path.read_bytes().decode("utf-8")
        except (OSError, UnicodeDecodeError) as error:
            raise InputError(f"{path}: cannot read the run's document text ({error})") from None
        found[doc] = RunDocument(text, run.record.spec.formats.get(doc, "txt"))
    return found


def unique_labels(evaluations: Sequence[Evaluation]) -> list[Evaluation]:
    """Runs with the same name get their id appended, so tables and charts tell them apart."""
    labels = [evaluation.label for evaluation in evaluations]
    return [
        replace(e, label=f"{e.label} ({e.record.id if e.record else index + 1})")
        if labels.count(e.label) > 1
        else e
        for index, e in enumerate(evaluations)
    ]
