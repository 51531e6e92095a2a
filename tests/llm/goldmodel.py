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


def gold_on(rendering: Document, original: Document, gold: list[Fact]) -> list[Fact]:
    """The gold of `original` moved onto another rendering of the same report, by content.

    Renderings keep the text of every line and of every table cell, in order, but not the
    offsets. Each gold fact's line (a paragraph, or a cell of a one-cell-per-line table) is
    found whole in the rendering, after the previous line found: as a cell (`| 6 |`) first,
    so a `6` lands in its own cell and not in `6.3`; else as a line; else, for a line the
    rendering changed, by the fact's text and the words before it. Raises when not found.
    """
    moved: list[Fact] = []
    cursor = 0
    lines: dict[int, int] = {}  # line start in the original → its start in the rendering
    for fact in sorted(gold, key=lambda f: f.start):
        line_start = original.text.rfind("\n", 0, fact.start) + 1
        line_end = original.text.find("\n", fact.end)
        raw = original.text[line_start : line_end if line_end >= 0 else len(original.text)]
        line = raw.strip("\t \r")
        at = fact.start - line_start - (len(raw) - len(raw.lstrip("\t \r")))
        if line_start not in lines:
            for needle, skip in ((f"| {line} |", 2), (line, 0)):
                found = rendering.text.find(needle, cursor)
                if found >= 0:
                    lines[line_start] = found + skip
                    break
        start = lines[line_start] + at if line_start in lines else -1
        if rendering.text[start : start + len(fact.text)] != fact.text or start < 0:
            before = raw[: fact.start - line_start].lstrip("\t ")
            for context in (before[-12:], before[-4:], ""):
                start = rendering.text.find(context + fact.text, cursor)
                if start >= 0:
                    start += len(context)
                    break
            else:
                raise AssertionError(f"{fact.doc}: gold {fact.text!r} at {fact.start} is lost")
        moved.append(
            fact.model_copy(
                update={"doc": rendering.id, "start": start, "end": start + len(fact.text)}
            )
        )
        cursor = lines.get(line_start, start)
    return moved
