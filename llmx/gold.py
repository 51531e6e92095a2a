"""The gold set on disk: hand-labelled facts per document and which sections they cover."""

from __future__ import annotations

import itertools
import json
from dataclasses import dataclass
from pathlib import Path

from llmx.documents import Document, load_document
from llmx.errors import InputError
from llmx.facts import Fact, read_facts
from llmx.folding import fold
from llmx.quantities import quote_quantities
from llmx.sections import Section, section_at, split_sections
from llmx.vocabulary import MAGNITUDES

GOLD_DIR = Path("evals/gold")


@dataclass(frozen=True)
class GoldSet:
    """Gold facts with the documents they label and the labelled sections of each."""

    facts: list[Fact]
    documents: dict[str, Document]
    sections: dict[str, list[Section]]
    # Per document: the labelled section ids.
    labelled: dict[str, frozenset[str]]

    def is_labelled(self, doc: str, section_id: str) -> bool:
        return section_id in self.labelled.get(doc, frozenset())

    def facts_of(self, doc: str) -> list[Fact]:
        return [fact for fact in self.facts if fact.doc == doc]


def load_gold(gold_dir: Path = GOLD_DIR, root: Path | None = None) -> GoldSet:
    """Load `manifest.json` and every `<doc>.jsonl` it names.

    Seeds are looked up relative to `root` (default: the gold folder's project root).
    """
    manifest_path = gold_dir / "manifest.json"
    if not manifest_path.exists():
        raise InputError(f"{manifest_path}: no gold manifest")
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    project_root = root if root is not None else gold_dir.resolve().parent.parent
    seeds_dir = project_root / manifest.get("seeds_dir", "seeds")
    facts: list[Fact] = []
    documents: dict[str, Document] = {}
    sections: dict[str, list[Section]] = {}
    labelled: dict[str, frozenset[str]] = {}
    for doc_id, covered in manifest["documents"].items():
        document = load_document(seeds_dir / f"{doc_id}.txt")
        documents[doc_id] = document
        sections[doc_id] = split_sections(doc_id, document.text)
        all_ids = frozenset(section.id for section in sections[doc_id])
        labelled[doc_id] = all_ids if covered == "all" else frozenset(covered)
        gold_path = gold_dir / f"{doc_id}.jsonl"
        if gold_path.exists():
            facts.extend(read_facts(gold_path))
    return GoldSet(facts, documents, sections, labelled)


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
            problems.append(f"{where}: not JSON ({error.msg})")
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
        return [f"missing field(s): {', '.join(missing)}"]
    try:
        fact = Fact.model_validate(record)
    except ValueError as error:
        lines = str(error).splitlines()
        return [f"bad field: {' '.join(lines[1:3]) if len(lines) > 1 else error}"]
    document = gold.documents.get(fact.doc)
    if document is None:
        return [f"document {fact.doc!r} is not in the gold manifest"]
    problems: list[str] = []
    if fact.end > len(document.text):
        problems.append(f"span [{fact.start}:{fact.end}] is past the end of the document")
    elif document.text[fact.start : fact.end] != fact.text:
        found = document.text[fact.start : fact.end]
        problems.append(
            f"text {fact.text!r} is not the document's text {found!r} at [{fact.start}:{fact.end}]"
        )
    if fact.unit != fold(fact.unit):
        problems.append(f"unit {fact.unit!r} is not folded (simplified, half-width)")
    value_problem = check_value(fact)
    if value_problem:
        problems.append(value_problem)
    section = section_at(gold.sections[fact.doc], fact.start)
    if not gold.is_labelled(fact.doc, section.id):
        problems.append(f"fact is in section {section.id}, which the manifest does not label")
    return problems


def check_value(fact: Fact) -> str | None:
    """Is `value` the number written in `text` times its magnitude (or a header's magnitude)?"""
    quantities = quote_quantities(fact.text)
    if not quantities:
        return f"no number in text {fact.text!r}"
    written = quantities[0]
    allowed = {written.value}
    if not written.magnitude:
        # A magnitude given in a table header or the prose multiplies the written number.
        allowed |= {written.value * factor for factor in MAGNITUDES.values()}
    if any(abs(fact.value - value) <= 1e-6 * max(1.0, abs(value)) for value in allowed):
        return None
    return (
        f"value {fact.value!r} does not match the number written in {fact.text!r} "
        f"({written.value!r})"
    )
