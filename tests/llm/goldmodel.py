"""A "model" that answers each section with its gold facts, for the fake server.

Used by the gold round-trip test and the benchmark: it recognises a section by the text the
prompt quotes and answers in the shape the prompt asks for — a fact list in `llm` mode (by
section id when the prompt packs several), keep/drop decisions plus added quotes in
`hybrid` mode.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from fakeserver import Recorded

from llmx.documents import Document
from llmx.facts import Fact, read_facts
from llmx.rules import RulesExtractor
from llmx.sections import Section, section_at, split_sections

ROOT = Path(__file__).resolve().parents[2]
GOLD_DIR = ROOT / "evals" / "gold"
FIELDS = ("text", "value", "unit", "qualifier", "indicator", "period", "status", "kind")


def gold_of(doc_id: str) -> list[Fact] | None:
    path = GOLD_DIR / f"{doc_id}.jsonl"
    return read_facts(path) if path.exists() else None


def by_section(document: Document, gold: list[Fact]) -> Iterator[tuple[Section, list[Fact]]]:
    sections = split_sections(document.id, document.text)
    for section in sections:
        yield section, [f for f in gold if section_at(sections, f.start).id == section.id]


def as_answer(fact: Fact) -> dict[str, Any]:
    return {name: getattr(fact, name) for name in FIELDS}


class GoldModel:
    """Answers a section of the given documents, recognised by its text, with its gold."""

    def __init__(self, documents: dict[str, tuple[Document, list[Fact]]]) -> None:
        self.sections: dict[str, tuple[Document, Section, list[Fact]]] = {}
        for document, gold in documents.values():
            for section, facts in by_section(document, gold):
                self.sections[section.text_of(document.text)] = (document, section, facts)
        self.rules = RulesExtractor()

    def __call__(self, request: Recorded) -> dict[str, Any]:
        packed = request.section_texts
        if packed:  # several sections in one request, answered by section id
            return {
                "sections": [
                    {"section": id, "facts": [as_answer(f) for f in self.sections[text][2]]}
                    for id, text in packed.items()
                ]
            }
        document, section, facts = self.sections[request.section_text]
        if "<candidates>" not in request.user_message:
            return {"facts": [as_answer(fact) for fact in facts]}
        candidates = self.rules.extract_section(document, section)
        gold_at = {fact.span: fact for fact in facts}
        decisions = [
            {"id": number, "keep": c.span in gold_at, **_decision(gold_at.get(c.span))}
            for number, c in enumerate(candidates, 1)
        ]
        covered = {c.span for c in candidates}
        added = [as_answer(fact) for fact in facts if fact.span not in covered]
        return {"decisions": decisions, "added": added}


def _decision(fact: Fact | None) -> dict[str, Any]:
    return {} if fact is None else {k: v for k, v in as_answer(fact).items() if k != "text"}
