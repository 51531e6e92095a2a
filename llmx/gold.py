"""The gold set on disk: hand-labelled facts per document and which sections they cover."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from llmx.documents import Document, load_document
from llmx.errors import InputError
from llmx.facts import Fact, read_facts
from llmx.sections import Section, split_sections

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
