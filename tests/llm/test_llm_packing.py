"""Fewer requests and tokens, same answers: packed sections, a compact schema, the static
prompt first so a provider's prefix cache serves it, and cached tokens priced as such."""

from __future__ import annotations

from pathlib import Path

import pytest
from fakeserver import FakeServer, Recorded
from goldmodel import ROOT, GoldModel, gold_of
from support import REPORT, MakeExtractor, fact, model_config, report_answer

from llmx.configurations import configurations_for, made_by
from llmx.documents import Document
from llmx.errors import ConfigError
from llmx.llm import Price, build_model_extractor
from llmx.llm.plan import Part, pack
from llmx.readers import read_document
from llmx.record import RunSpec
from llmx.sections import section_at, split_sections

SEEDS = [read_document(path) for path in sorted((ROOT / "seeds").glob("*.txt"))]
GOLD = {doc.id: (doc, gold_of(doc.id) or []) for doc in SEEDS}


def _parts(document: Document) -> list[Part]:
    return [Part(document, section) for section in split_sections(document.id, document.text)]


def test_sections_are_packed_in_order_within_a_document_up_to_the_budget() -> None:
    other = Document("other", "一、概况\n全年增长5%。\n")
    parts = _parts(REPORT) + _parts(other)
    packs = pack(parts, budget=60)
    assert [part for group in packs for part in group] == parts  # nothing lost or reordered
    assert all(len({part.document.id for part in group}) == 1 for group in packs)
    assert len(packs) < len(parts)
    assert pack(parts, budget=0) == [(part,) for part in parts]  # 0: one section a request


def test_a_section_over_the_budget_goes_alone() -> None:
    parts = _parts(REPORT)
    assert pack(parts, budget=1) == [(part,) for part in parts]


@pytest.mark.parametrize(
    ("prompt", "pack_tokens"), [("extract@v4", 0), ("extract@v4", 3000), ("extract@v5", 3000)]
)
def test_gold_answers_give_back_the_gold_packed_or_not(
    prompt: str, pack_tokens: int, tmp_path: Path
) -> None:
    with FakeServer(GoldModel(GOLD)) as server:
        settings = model_config(
            server,
            extractor="llm",
            prompt=prompt,
            pack_tokens=pack_tokens,
            transport_retries=0,
            concurrency=8,
            cache_dir=tmp_path,
        )
        extraction = build_model_extractor(settings, env={}).extract(SEEDS)
    assert server.errors == [] and extraction.failures == []
    predicted = {(f.doc, f.start, f.end, f.value, f.unit, f.indicator) for f in extraction.facts}
    gold = {
        (f.doc, f.start, f.end, f.value, f.unit, f.indicator)
        for _, facts in GOLD.values()
        for f in facts
    }
    assert 2 * len(predicted & gold) / (len(predicted) + len(gold)) == 1.0  # F1
    sections = {doc.id: split_sections(doc.id, doc.text) for doc in SEEDS}
    assert all(f.section == section_at(sections[f.doc], f.start).id for f in extraction.facts)
    if pack_tokens:
        assert extraction.stats.calls < extraction.stats.sections_asked / 3


def test_a_fact_given_under_a_section_the_request_did_not_quote_is_dropped(
    server: FakeServer, make_extractor: MakeExtractor
) -> None:
    def misfiled(request: Recorded) -> object:
        first = next(iter(request.section_texts))
        return {
            "sections": [
                {"section": first, "facts": []},
                {"section": "9.9", "facts": [fact("7.2%", 7.2, "增速")]},  # no such section
            ]
        }

    server.responder = misfiled
    extraction = make_extractor(prompt="extract@v4", pack_tokens=2000).extract([REPORT])
    assert extraction.facts == [] and len(server.requests) == 1
    assert extraction.stats.dropped == {"section not in the request": 1}


def test_a_compact_schema_leaves_the_descriptions_to_the_guideline(
    server: FakeServer, make_extractor: MakeExtractor
) -> None:
    server.responder = lambda request: {"sections": []}
    make_extractor(prompt="extract@v4").extract([REPORT])
    make_extractor(prompt="extract@v4", compact_schema=True).extract([REPORT])
    full, compact = server.requests[0].body, server.requests[-1].body
    assert "description" in str(full["tools"][0]["function"]["parameters"])
    assert "description" not in str(compact["tools"][0]["function"]["parameters"])
    assert len(server.requests) == 6  # a different body is a different cache key: asked again


def test_the_static_prompt_comes_first_and_cached_tokens_are_priced_as_cached(
    server: FakeServer, make_extractor: MakeExtractor
) -> None:
    server.responder = report_answer
    prices = {"fake-model": Price(input=2.0, cached_input=0.5, output=8.0)}
    extraction = make_extractor(concurrency=1, prices=prices).extract([REPORT])
    stats = extraction.stats
    # Every request after the first shares the tools and the guideline with the one before.
    assert stats.tokens_cached >= 1024 * (stats.calls - 1) > 0
    full_price = Price(input=2.0, output=8.0).cost(stats.tokens_in, stats.tokens_out)
    assert stats.cost == pytest.approx(full_price - stats.tokens_cached * (2.0 - 0.5) / 1_000_000)


def test_the_run_records_how_requests_were_made(make_extractor: MakeExtractor) -> None:
    spec = make_extractor(prompt="extract@v4", pack_tokens=1500, compact_schema=True).describe()
    assert (spec.pack_tokens, spec.compact_schema, spec.batch, spec.schema_name) == (
        1500,
        True,
        False,
        "PackedFacts",
    )


def test_packing_needs_a_prompt_that_quotes_several_sections(
    make_extractor: MakeExtractor,
) -> None:
    with pytest.raises(ConfigError, match="--pack-tokens needs a prompt that quotes several"):
        make_extractor(prompt="extract@v2", pack_tokens=1500)


def test_compare_runs_one_configuration_per_packing_budget() -> None:
    packed, unpacked = configurations_for(["llm"], ["extract@v4"], ["m"], packs=[3000, 0])
    assert packed.name == "llm extract@v4 m packed 3000"
    assert unpacked.name == "llm extract@v4 m packed 0"
    assert "--pack-tokens 3000" in packed.record_command()
    spec = RunSpec(extractor="llm", mode="llm", prompt="extract@v4", model="m", pack_tokens=0)
    assert made_by(spec, unpacked) == [] and made_by(spec, packed) == ["pack_tokens=0 (want 3000)"]
