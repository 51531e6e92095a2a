"""The seed renderings read back as the report: every fact quotes the canonical text, and a
report without tables gives the rules extractor exactly the facts of its plain text."""

from __future__ import annotations

from collections import Counter
from functools import cache
from pathlib import Path

import pytest

from llmx.facts import Fact
from llmx.readers import read_document
from llmx.rules import RulesExtractor

ROOT = Path(__file__).resolve().parents[2]
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
RENDERINGS = [
    (seed, ROOT / "evals" / "renderings" / suffix / f"{seed.stem}.{suffix}")
    for suffix in ("html", "docx")
    for seed in SEEDS
]


@cache
def _facts(path: Path) -> list[Fact]:
    return RulesExtractor().extract([read_document(path)]).facts


def _kinds(facts: list[Fact]) -> Counter[tuple[object, ...]]:
    return Counter((f.value, f.unit, f.status, f.kind, f.period, f.indicator) for f in facts)


@pytest.mark.parametrize(
    ("seed", "rendering"), RENDERINGS, ids=[path.name for _, path in RENDERINGS]
)
def test_every_fact_quotes_the_canonical_text(seed: Path, rendering: Path) -> None:
    document = read_document(rendering)
    facts = _facts(rendering)
    assert facts
    assert all(document.text[f.start : f.end] == f.text for f in facts)


@pytest.mark.parametrize(
    ("seed", "rendering"),
    [(seed, path) for seed, path in RENDERINGS if "\t" not in seed.read_text(encoding="utf-8")],
    ids=lambda value: value.name,
)
def test_a_report_without_tables_gives_the_facts_of_its_plain_text(
    seed: Path, rendering: Path
) -> None:
    assert _kinds(_facts(rendering)) == _kinds(_facts(seed))
