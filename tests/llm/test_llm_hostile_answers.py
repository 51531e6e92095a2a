"""Against a server that answers with the gold plus misplaced and invented quotes, every
gold fact is kept, nothing the text does not say is, and every drop is counted with its
reason; a hybrid run whose answers are often invalid still scores at least what the rules do.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from fakeserver import FakeServer
from goldmodel import ROOT, gold_of
from hostile import RATE, HostileGoldModel, InvalidHybridModel
from support import model_config

from llmx.documents import Document
from llmx.evaluation import evaluate, scoring_gold
from llmx.llm import build_model_extractor
from llmx.readers import read_document
from llmx.record import RunRecord, RunSpec
from llmx.rules import RulesExtractor

SEEDS = [seed for seed in sorted((ROOT / "seeds").glob("*.txt")) if gold_of(seed.stem)]
pytestmark = pytest.mark.skipif(not SEEDS, reason="no gold yet")


@pytest.fixture(scope="module")
def documents() -> list[Document]:
    return [read_document(seed) for seed in SEEDS]


def _model(documents: list[Document]) -> dict[str, tuple[Document, list]]:  # type: ignore[type-arg]
    return {d.id: (d, gold_of(d.id) or []) for d in documents}


def _score(facts: list, documents: list[Document]) -> float:  # type: ignore[type-arg]
    gold = scoring_gold(ROOT / "evals" / "gold")
    spec = RunSpec(extractor="x", mode="x", documents=[d.id for d in documents])
    evaluation = evaluate(facts, gold, label="x", record=RunRecord(id="x", spec=spec), replicates=1)
    return evaluation


def test_misplaced_and_invented_quotes_are_all_dropped_and_counted(
    documents: list[Document], tmp_path: Path
) -> None:
    model = HostileGoldModel(_model(documents))
    with FakeServer(model) as server:
        extractor = build_model_extractor(
            model_config(server, extractor="llm", transport_retries=0, cache_dir=tmp_path),
            env={},
        )
        extraction = extractor.extract(documents)
    assert server.errors == [] and extraction.failures == []
    gold = [fact for d in documents for fact in gold_of(d.id) or []]
    assert model.injected >= RATE * len(gold) * 0.9  # the server really was hostile
    kept = {(f.doc, f.start, f.end) for f in extraction.facts}
    assert kept == {(f.doc, f.start, f.end) for f in gold}  # no gold lost, nothing invented
    stats = extraction.stats
    # Each injected quote was dropped with its reason, or landed on its gold span and merged.
    assert stats.dropped_ungrounded + stats.merged == model.injected
    assert set(stats.dropped) == {"quote not in the section"}
    evaluation = _score(extraction.facts, documents)
    assert evaluation.total.precision is not None and evaluation.total.precision >= 0.99


def test_a_hybrid_run_with_invalid_answers_scores_at_least_the_rules(
    documents: list[Document], tmp_path: Path
) -> None:
    with FakeServer(InvalidHybridModel(_model(documents))) as server:
        extractor = build_model_extractor(
            model_config(
                server,
                extractor="hybrid",
                transport_retries=0,
                validation_retries=1,
                cache_dir=tmp_path,
            ),
            env={},
        )
        extraction = extractor.extract(documents)
    fallbacks = [f for f in extraction.failures if f.fallback == "rules"]
    assert fallbacks and len(fallbacks) == len(extraction.failures)  # none left empty
    assert any(reason.startswith("invalid in the answer") for reason in extraction.stats.dropped)
    hybrid = _score(extraction.facts, documents).total.f1
    rules = _score(RulesExtractor().extract(documents).facts, documents).total.f1
    assert hybrid is not None and rules is not None and hybrid >= rules
