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
from llmx.renderings import DocumentMatch, RunDocument, carried_sections, place_run_on_gold
from llmx.runs import DOCUMENTS_DIR, FACTS_FILE, Run, read_document_text
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
from llmx.sections import section_at


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
    # Labelled sections the run failed to extract: not scored, so never counted as misses.
    failed_sections: tuple[SectionKey, ...] = ()
    gold_in_failed: int = 0
    # Labelled documents the run did not cover at all.
    uncovered: tuple[str, ...] = ()
    # How each run document was matched to a gold document (empty for runs that kept no
    # texts, which are scored by offsets under their own ids).
    matched_documents: tuple[DocumentMatch, ...] = ()

    @property
    def by_content(self) -> list[DocumentMatch]:
        """The documents scored by content: another rendering than the gold's."""
        return [match for match in self.matched_documents if match.by_content]

    @property
    def partial(self) -> bool:
        """Is this a score of less than the run was asked to extract?"""
        return bool(self.failed_sections) or (self.record is not None and not self.record.usable)

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
    if gold.withheld:
        facts = [fact for fact in facts if fact.doc not in gold.withheld]
        if run_texts:
            run_texts = {doc: t for doc, t in run_texts.items() if doc not in gold.withheld}
    layout = Layout(gold.sections, gold.labelled)
    uncovered: tuple[str, ...] = ()
    failed: tuple[SectionKey, ...] = ()
    matched: list[DocumentMatch] = []
    if run_texts:
        gold_documents = {
            doc: RunDocument(document.text, document.format)
            for doc, document in gold.documents.items()
        }
        facts, matched = place_run_on_gold(facts, run_texts, gold_documents, gold.facts)
    if record is not None:
        renamed = {match.run_doc: match.gold_doc for match in matched}
        covered = {renamed.get(doc, doc) for doc in record.spec.documents}
        uncovered = tuple(doc for doc, ids in gold.labelled.items() if ids and doc not in covered)
        layout = layout.restricted_to(covered)
        failed = tuple(
            key
            for key in dict.fromkeys(_failed_on_gold(record, matched, run_texts or {}, gold))
            if key[1] in layout.labelled.get(key[0], frozenset())
        )
        layout = layout.without(failed)
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
        failed_sections=failed,
        gold_in_failed=sum(1 for fact in gold.facts if _in(fact, failed, gold)),
        uncovered=uncovered,
        matched_documents=tuple(matched),
    )


def _failed_on_gold(
    record: RunRecord,
    matched: Sequence[DocumentMatch],
    run_texts: Mapping[str, RunDocument],
    gold: GoldSet,
) -> list[SectionKey]:
    """The gold sections a run's failed sections cover: the same section where the run read
    the gold's text, the sections its span maps onto where it read another rendering."""
    by_run_doc = {match.run_doc: match for match in matched}
    keys: list[SectionKey] = []
    for failure in record.failures:
        if failure.fallback is not None:
            continue
        match = by_run_doc.get(failure.doc)
        if match is None or not match.by_content:
            keys.append((match.gold_doc if match else failure.doc, failure.section))
            continue
        keys.extend(
            (match.gold_doc, section_id)
            for section_id in carried_sections(
                failure.doc,
                run_texts[failure.doc].text,
                failure.section,
                gold.documents[match.gold_doc].text,
                gold.sections[match.gold_doc],
            )
        )
    return keys


def _in(fact: Fact, sections: Sequence[SectionKey], gold: GoldSet) -> bool:
    if not sections or fact.doc not in gold.sections:
        return False
    return (fact.doc, section_at(gold.sections[fact.doc], fact.start).id) in sections


def evaluate_run(run: Run, gold: GoldSet, *, replicates: int = REPLICATES) -> Evaluation:
    run_texts = run_documents(run)
    check_facts(run, gold, run_texts)
    return evaluate(
        run.facts,
        gold,
        label=run.label,
        record=run.record,
        replicates=replicates,
        run_texts=run_texts,
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
        text = read_document_text(run.path, doc)
        found[doc] = RunDocument(text, run.record.spec.formats.get(doc, "txt"))
    return found


def check_facts(
    run: Run, gold: GoldSet, run_texts: Mapping[str, RunDocument] | None = None
) -> None:
    """A run's facts must quote the documents they name (the run's own text of a document
    where it kept one, else the gold's of that id): a span past the end or a text that is
    not the document's is an InputError naming the line, not a silent miss."""
    texts = {doc: document.text for doc, document in gold.documents.items()}
    texts.update({doc: document.text for doc, document in (run_texts or {}).items()})
    for index, fact in enumerate(run.facts):
        text = texts.get(fact.doc)
        if text is None:
            continue
        found = text[fact.start : fact.end]
        if fact.end <= len(text) and found == fact.text:
            continue
        # Only now find the line: reading facts.jsonl for every fact made this quadratic.
        where = f"{run.path / FACTS_FILE}:{_line_of(run.path / FACTS_FILE, index)}"
        if fact.end > len(text):
            raise InputError(
                f"{where}: end: span [{fact.start}:{fact.end}] is past the end of {fact.doc} "
                f"({len(text)} characters)"
            )
        raise InputError(
            f"{where}: text: {fact.text!r} is not the document's text {found!r} "
            f"at [{fact.start}:{fact.end}]"
        )


def _line_of(path: Path, index: int) -> int:
    """The file line of the index-th fact (read_facts skips blank lines)."""
    seen = -1
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if line.strip():
                seen += 1
                if seen == index:
                    return number
    return index + 1


def unique_labels(evaluations: Sequence[Evaluation]) -> list[Evaluation]:
    """Runs with the same name get their id appended, so tables and charts tell them apart."""
    labels = [evaluation.label for evaluation in evaluations]
    return [
        replace(e, label=f"{e.label} ({e.record.id if e.record else index + 1})")
        if labels.count(e.label) > 1
        else e
        for index, e in enumerate(evaluations)
    ]
