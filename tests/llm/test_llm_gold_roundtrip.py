"""When the model answers each section with exactly its gold facts, the whole pipeline —
prompt, request, parse, validation, grounding, normalisation — gives back the gold set:
every span, value, unit and field, on every seed that has gold (F1 = 1.0).

In hybrid mode the "model" keeps the rules candidates that are gold facts, drops the rest,
and quotes the gold facts no candidate covers."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from fakeserver import FakeServer
from goldmodel import FIELDS, ROOT, GoldModel, gold_of
from support import model_config

from llmx.facts import Fact
from llmx.llm import build_model_extractor
from llmx.readers import read_document

SEEDS = sorted((ROOT / "seeds").glob("*.txt"))


def _record(fact: Fact) -> tuple[Any, ...]:
    return (fact.doc, fact.start, fact.end, *(getattr(fact, name) for name in FIELDS))


@pytest.mark.parametrize("mode", ["llm", "hybrid"])
@pytest.mark.parametrize("seed", SEEDS, ids=[seed.stem for seed in SEEDS])
def test_gold_answers_come_back_as_the_gold_set(seed: Path, mode: str, tmp_path: Path) -> None:
    gold = gold_of(seed.stem)
    if gold is None:
        pytest.skip(f"no gold yet for {seed.stem} (evals/gold/{seed.stem}.jsonl)")
    document = read_document(seed)
    with FakeServer(GoldModel({document.id: (document, gold)})) as server:
        settings = model_config(
            server, extractor=mode, transport_retries=0, cache_dir=tmp_path / "cache"
        )
        extractor = build_model_extractor(settings, env={})
        extraction = extractor.extract([document])
    assert server.errors == [] and extraction.failures == []
    predicted = {_record(fact) for fact in extraction.facts}
    expected = {_record(fact) for fact in gold}
    assert sorted(expected - predicted) == [] and sorted(predicted - expected) == []
    assert extraction.stats.dropped_ungrounded == 0
    matched = len(predicted & expected)
    assert 2 * matched / (len(predicted) + len(expected)) == 1.0  # F1
