"""A gold set drawn from public pages is split by source URL into a dev and a held-out half."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from llmx.baselines import baseline_of
from llmx.cli import app
from llmx.evaluation import evaluate, scoring_gold
from llmx.facts import Fact
from llmx.gold import half_of, load_gold

TEXT = "一、综合\n全年地区生产总值983亿元，比上年增长7.2%。\n"
DEV_URL = next(
    f"http://example.gov.cn/{n}"
    for n in range(99)
    if half_of(f"http://example.gov.cn/{n}") == "dev"
)
TEST_URL = next(
    f"http://example.gov.cn/{n}"
    for n in range(99)
    if half_of(f"http://example.gov.cn/{n}") == "test"
)


def _fact(doc: str, text: str, value: float, unit: str) -> Fact:
    start = TEXT.index(text)
    return Fact(
        doc=doc,
        start=start,
        end=start + len(text),
        text=text,
        value=value,
        unit=unit,
        indicator="地区生产总值",
        period="2023",
        status="actual",
        kind="level",
    )


@pytest.fixture
def wide(tmp_path: Path) -> Path:
    """A split set laid out as evals/wide is: excerpts in docs/, gold beside them."""
    (tmp_path / "docs").mkdir()
    gold = tmp_path / "gold"
    gold.mkdir()
    for doc in ("a", "b"):
        (tmp_path / "docs" / f"{doc}.txt").write_text(TEXT, encoding="utf-8")
        facts = [_fact(doc, "983亿元", 98300000000, "元"), _fact(doc, "7.2%", 7.2, "%")]
        (gold / f"{doc}.jsonl").write_text(
            "".join(f.model_dump_json() + "\n" for f in facts), encoding="utf-8"
        )
    manifest = {
        "documents_dir": "../docs",
        "documents": {"a": "all", "b": "all"},
        "sources": {"a": DEV_URL, "b": TEST_URL},
    }
    (gold / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    return gold


def test_the_half_is_the_first_hex_digit_of_the_urls_sha256() -> None:
    for url in (DEV_URL, TEST_URL, "https://www.stats.gov.cn/x.html"):
        first = hashlib.sha256(url.encode()).hexdigest()[0]
        assert half_of(url) == ("dev" if int(first, 16) < 8 else "test")


def test_documents_dir_is_relative_to_the_manifest(wide: Path) -> None:
    gold = load_gold(wide)
    assert set(gold.documents) == {"a", "b"}
    assert gold.documents["a"].text == TEXT


def test_a_half_keeps_only_its_documents_and_their_facts(wide: Path) -> None:
    dev = scoring_gold(wide, "dev")
    assert set(dev.documents) == {"a"}
    assert {fact.doc for fact in dev.facts} == {"a"}
    assert set(scoring_gold(wide, "test").documents) == {"b"}


def test_predictions_on_the_other_half_are_not_scored_nor_listed(wide: Path) -> None:
    everywhere = [_fact(doc, "983亿元", 98300000000, "元") for doc in ("a", "b")]
    scored = evaluate(everywhere, scoring_gold(wide, "dev"), label="x")
    assert (scored.total.gold, scored.total.predicted) == (2, 1)
    # not even as predictions outside labelled sections: the held-out text stays unseen
    assert all(fact.doc == "a" for fact in scored.outcome.ignored)


def test_a_blind_baseline_keeps_scores_but_no_fact_keys(wide: Path) -> None:
    only_gdp = [_fact("b", "983亿元", 98300000000, "元")]
    scored = evaluate(only_gdp, scoring_gold(wide, "test"), label="x")
    blind = baseline_of(scored, "fp", blind=True)
    assert blind.scores["recall"] == 0.5
    assert blind.missed == () and blind.spurious == ()
    assert baseline_of(scored, "fp").missed != ()


def test_eval_of_the_test_half_shows_the_headline_and_no_errors(wide: Path, tmp_path: Path) -> None:
    run = tmp_path / "run"
    run.mkdir()
    (run / "facts.jsonl").write_text(
        _fact("b", "983亿元", 98300000000, "元").model_dump_json() + "\n", encoding="utf-8"
    )
    (run / "run.json").write_text(
        json.dumps({"id": "run", "documents": ["a", "b"]}), encoding="utf-8"
    )
    result = CliRunner().invoke(app, ["eval", str(run), "--gold-dir", str(wide), "--half", "test"])
    assert result.exit_code == 0, result.output
    assert "held-out half" in result.output
    assert "7.2%" not in result.output  # the missed gold fact is never shown


def test_a_set_without_sources_has_no_halves(tmp_path: Path) -> None:
    gold = tmp_path / "gold"
    gold.mkdir()
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "a.txt").write_text(TEXT, encoding="utf-8")
    (gold / "manifest.json").write_text(
        json.dumps({"documents_dir": "../docs", "documents": {"a": "all"}}), encoding="utf-8"
    )
    (gold / "a.jsonl").write_text("", encoding="utf-8")
    runs = tmp_path / "runs"
    made = CliRunner().invoke(app, ["extract", str(tmp_path / "docs"), "--runs-dir", str(runs)])
    assert made.exit_code == 0, made.output
    [run] = runs.iterdir()
    result = CliRunner().invoke(app, ["eval", str(run), "--gold-dir", str(gold), "--half", "dev"])
    assert result.exit_code != 0
    assert "no halves" in result.output
