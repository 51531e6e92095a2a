"""The gold set on disk: hand-labelled facts per document and which sections they cover.

A manifest names its documents and where they are: `documents_dir`, relative to the manifest's
folder (the wide set keeps its excerpts beside its gold), or the older `seeds_dir`, relative to
the project root. A set drawn from public pages also gives each document's source URL; the URL
alone decides which half (dev or test) a document is in, by the rule in evals/wide/SPLIT.md.
"""

from __future__ import annotations

import hashlib
import itertools
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from pydantic import ValidationError

from llmx.documents import Document
from llmx.errors import InputError, problem_line
from llmx.facts import Fact, read_facts
from llmx.folding import fold
from llmx.quantities import quote_quantities
from llmx.readers import read_document
from llmx.sections import Section, section_at, split_sections
from llmx.textfiles import read_text_file
from llmx.vocabulary import CURRENCY_MAGNITUDES, MAGNITUDES

GOLD_DIR = Path("evals/gold")

Half = Literal["dev", "test"]
HALVES: tuple[Half, ...] = ("dev", "test")


def half_of(url: str) -> Half:
    """The half a document drawn from `url` belongs to: SHA-256 of the URL, first hex digit
    0–7 dev, 8–f test (evals/wide/SPLIT.md). Nothing about the document's content enters."""
    first = hashlib.sha256(url.encode("utf-8")).hexdigest()[0]
    return "dev" if first in "01234567" else "test"


@dataclass(frozen=True)
class GoldSet:
    """Gold facts with the documents they label and the labelled sections of each."""

    facts: list[Fact]
    documents: dict[str, Document]
    sections: dict[str, list[Section]]
    # Per document: the labelled section ids.
    labelled: dict[str, frozenset[str]]
    # Per document drawn from a public page: its source URL (empty for the seeds).
    sources: dict[str, str] = field(default_factory=dict)
    # Documents of the set left out of this view (the other half): a run's facts on them are
    # dropped unseen, never listed, not even as ignored predictions.
    withheld: frozenset[str] = frozenset()

    def half(self, name: Half) -> GoldSet:
        """Only the documents of one half; an InputError if this set is not split."""
        if not self.sources:
            raise InputError("this gold set has no source URLs, so it has no halves")
        keep = {doc for doc, url in self.sources.items() if half_of(url) == name}
        return GoldSet(
            facts=[fact for fact in self.facts if fact.doc in keep],
            documents={doc: d for doc, d in self.documents.items() if doc in keep},
            sections={doc: s for doc, s in self.sections.items() if doc in keep},
            labelled={doc: ids for doc, ids in self.labelled.items() if doc in keep},
            sources={doc: url for doc, url in self.sources.items() if doc in keep},
            withheld=frozenset(self.sources) - keep,
        )

    def is_labelled(self, doc: str, section_id: str) -> bool:
        return section_id in self.labelled.get(doc, frozenset())

    def facts_of(self, doc: str) -> list[Fact]:
        return [fact for fact in self.facts if fact.doc == doc]


def load_gold(
    gold_dir: Path = GOLD_DIR, root: Path | None = None, *, with_facts: bool = True
) -> GoldSet:
    """Load `manifest.json` and every `<doc>.jsonl` it names (or, `with_facts=False`, only
    the manifest and its documents: `gold validate` reads the facts line by line itself).

    Documents are looked up in `documents_dir` (relative to the manifest's folder), else in
    `seeds_dir` relative to `root` (default: the gold folder's project root).
    """
    if gold_dir.exists() and not gold_dir.is_dir():
        raise InputError(f"{gold_dir}: is a file, not a gold folder")
    manifest_path = gold_dir / "manifest.json"
    if not manifest_path.exists():
        raise InputError(f"{manifest_path}: no gold manifest")
    try:
        manifest = json.loads(read_text_file(manifest_path))
    except json.JSONDecodeError as error:
        raise InputError(
            f"{manifest_path}:{error.lineno}: not a JSON manifest ({error.msg})"
        ) from None
    if not isinstance(manifest, dict) or not isinstance(manifest.get("documents"), dict):
        raise InputError(f'{manifest_path}: needs a "documents" object')
    for doc_id, covered in manifest["documents"].items():
        if covered != "all" and not (
            isinstance(covered, list) and all(isinstance(s, str) for s in covered)
        ):
            raise InputError(
                f'{manifest_path}: documents.{doc_id}: give "all" or a list of section ids, '
                f"not {covered!r}"
            )
        if not doc_id or "/" in doc_id or "\\" in doc_id or doc_id.startswith("."):
            raise InputError(f"{manifest_path}: documents: {doc_id!r} is not a document id")
    if "documents_dir" in manifest:
        seeds_dir = gold_dir / str(manifest["documents_dir"])
    else:
        project_root = root if root is not None else gold_dir.resolve().parent.parent
        seeds_dir = project_root / manifest.get("seeds_dir", "seeds")
    sources = _sources(manifest_path, manifest)
    facts: list[Fact] = []
    documents: dict[str, Document] = {}
    sections: dict[str, list[Section]] = {}
    labelled: dict[str, frozenset[str]] = {}
    for doc_id, covered in manifest["documents"].items():
        document = read_document(seeds_dir / f"{doc_id}.txt")
        documents[doc_id] = document
        sections[doc_id] = split_sections(doc_id, document.text)
        all_ids = frozenset(section.id for section in sections[doc_id])
        labelled[doc_id] = all_ids if covered == "all" else frozenset(covered)
        gold_path = gold_dir / f"{doc_id}.jsonl"
        if with_facts and gold_path.exists():
            facts.extend(read_facts(gold_path))
    return GoldSet(facts, documents, sections, labelled, sources)


def _sources(manifest_path: Path, manifest: dict[str, Any]) -> dict[str, str]:
    """The page each document was drawn from, which decides its half: all or none of them."""
    sources = manifest.get("sources") or {}
    if not isinstance(sources, dict):
        raise InputError(f'{manifest_path}: "sources" must map document ids to URLs')
    for doc_id, url in sources.items():
        if doc_id not in manifest["documents"]:
            raise InputError(f"{manifest_path}: sources.{doc_id}: not a document of this set")
        if not isinstance(url, str) or not url.strip():
            raise InputError(f"{manifest_path}: sources.{doc_id}: give the page's URL")
    unsourced = [doc_id for doc_id in manifest["documents"] if sources and doc_id not in sources]
    if unsourced:
        raise InputError(f"{manifest_path}: sources: {', '.join(unsourced)} has no URL, so no half")
    return dict(sources)


REQUIRED_FIELDS = ("doc", "start", "end", "text", "value", "unit", "indicator", "status", "kind")


def validate_gold_lines(lines: list[str], source: str, gold: GoldSet) -> list[str]:
    """Every problem with one gold file's lines, one message each (empty when clean)."""
    problems: list[str] = []
    spans: dict[str, list[tuple[int, int, int]]] = {}
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        where = f"{source}:{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            problems.append(f"{where}: not JSON ({error.msg}, column {error.colno})")
            continue
        if not isinstance(record, dict):
            problems.append(f"{where}: not a fact (a JSON object), but a {type(record).__name__}")
            continue
        problems.extend(f"{where}: {problem}" for problem in check_gold_record(record, gold))
        if isinstance(record.get("start"), int) and isinstance(record.get("end"), int):
            spans.setdefault(str(record.get("doc")), []).append(
                (record["start"], record["end"], number)
            )
    for doc_spans in spans.values():
        doc_spans.sort()
        for (_, end, first), (start, _, second) in itertools.pairwise(doc_spans):
            if start < end:
                earlier, later = sorted((first, second))
                problems.append(f"{source}:{later}: span overlaps the span on line {earlier}")
    return problems


def check_gold_record(record: dict[str, object], gold: GoldSet) -> list[str]:
    """What is wrong with one gold record: fields, span, value, sets, labelled section."""
    missing = [name for name in REQUIRED_FIELDS if name not in record]
    if missing:
        return [f"{name}: missing" for name in missing]
    try:
        fact = Fact.model_validate(record)
    except ValidationError as error:
        # Every field that is wrong, each with its reason: not "1 validation error for Fact".
        return [problem_line(problem) for problem in error.errors()]
    document = gold.documents.get(fact.doc)
    if document is None:
        return [f"doc: {fact.doc!r} is not in the gold manifest"]
    problems: list[str] = []
    if fact.end > len(document.text):
        problems.append(
            f"end: span [{fact.start}:{fact.end}] is past the end of the document "
            f"({len(document.text)} characters)"
        )
    elif document.text[fact.start : fact.end] != fact.text:
        found = document.text[fact.start : fact.end]
        problems.append(
            f"text: {fact.text!r} is not the document's text {found!r} at [{fact.start}:{fact.end}]"
        )
    if fact.unit != fold(fact.unit):
        problems.append(f"unit: {fact.unit!r} is not folded (simplified, half-width)")
    value_problem = check_value(fact)
    if value_problem:
        problems.append(value_problem)
    section = section_at(gold.sections[fact.doc], fact.start)
    if not gold.is_labelled(fact.doc, section.id):
        problems.append(
            f"start: fact is in section {section.id}, which the manifest does not label"
        )
    return problems


def check_value(fact: Fact) -> str | None:
    """Is `value` the number written in `text` times its magnitude (or a header's magnitude)?"""
    quantities = quote_quantities(fact.text)
    if not quantities:
        return f"text: no number in {fact.text!r}"
    written = quantities[0]
    allowed = {written.value}
    if not written.magnitude:
        # A magnitude given in a table header or the prose multiplies the written number.
        factors = (*MAGNITUDES.values(), *CURRENCY_MAGNITUDES.values())
        allowed |= {written.value * factor for factor in factors}
    if any(abs(fact.value - value) <= 1e-6 * max(1.0, abs(value)) for value in allowed):
        return None
    return (
        f"value: {fact.value!r} does not match the number written in {fact.text!r} "
        f"({written.value!r})"
    )
