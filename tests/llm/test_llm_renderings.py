"""The model path reads every format: the gold echoed by the fake model through the HTML and
DOCX renderings of each seed comes back as that gold, moved onto the rendering's text."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from fakeserver import FakeServer
from goldmodel import FIELDS, ROOT, GoldModel, gold_of, gold_on
from support import model_config

from llmx.facts import Fact
from llmx.llm import build_model_extractor
from llmx.pipeline import locate_facts
from llmx.readers import read_document

SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
RENDERINGS = ROOT / "evals" / "renderings"


def _record(fact: Fact) -> tuple[Any, ...]:
    return (fact.doc, fact.start, fact.end, *(getattr(fact, name) for name in FIELDS))


@pytest.mark.parametrize("mode", ["llm", "hybrid"])
@pytest.mark.parametrize("suffix", ["html", "docx"])
@pytest.mark.parametrize("seed", SEEDS, ids=[seed.stem[:3] for seed in SEEDS])
def test_the_gold_comes_back_through_each_rendering(
    seed: Path, suffix: str, mode: str, tmp_path: Path
) -> None:
    gold = gold_of(seed.stem)
    if gold is None:
        pytest.skip(f"no gold yet for {seed.stem}")
    rendering = read_document(RENDERINGS / suffix / f"{seed.stem}.{suffix}")
    expected = gold_on(rendering, read_document(seed), gold)
    assert all(rendering.text[f.start : f.end] == f.text for f in expected)
    with FakeServer(GoldModel({rendering.id: (rendering, expected)})) as server:
        settings = model_config(
            server, extractor=mode, transport_retries=0, cache_dir=tmp_path / "cache"
        )
        extractor = build_model_extractor(settings, env={})
        extraction = extractor.extract([rendering])
    assert server.errors == [] and extraction.failures == []
    predicted = {_record(fact) for fact in extraction.facts}
    assert predicted == {_record(fact) for fact in expected}
    assert extraction.stats.dropped_ungrounded == 0
    located = locate_facts(extraction.facts, [rendering])
    in_tables = [f for f in located if f.source is not None and f.source.table is not None]
    assert all(f.source is not None and f.source.element for f in located)
    if "\t" in read_document(seed).text:  # seeds with one-cell-per-line tables
        assert in_tables, "table-cell facts are located by table, row and column"


@pytest.mark.parametrize("mode", ["llm", "hybrid"])
def test_the_model_path_reads_markdown(mode: str, tmp_path: Path) -> None:
    path = tmp_path / "bulletin.md"
    path.write_text(
        "# 2023年执行情况\n\n一、2023年执行情况\n\n全年地区生产总值达到983亿元、增长7.2%。\n",
        encoding="utf-8",
    )
    document = read_document(path)
    start = document.text.index("983亿元")
    gdp = Fact(
        doc=document.id, start=start, end=start + 5, text="983亿元", value=98300000000,
        unit="元", indicator="地区生产总值", period="2023", status="actual", kind="level",
    )  # fmt: skip
    with FakeServer(GoldModel({document.id: (document, [gdp])})) as server:
        settings = model_config(
            server, extractor=mode, transport_retries=0, cache_dir=tmp_path / "cache"
        )
        extractor = build_model_extractor(settings, env={})
        extraction = extractor.extract([document])
    assert [_record(fact) for fact in extraction.facts] == [_record(gdp)]
