"""The gold set itself is checked on every run: `llmx gold validate` must be clean."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from llmx.cli import app
from llmx.gold import load_gold

GOLD = Path(__file__).resolve().parent / "gold"


def test_gold_validates_clean() -> None:
    result = CliRunner().invoke(app, ["gold", "validate", "--gold-dir", str(GOLD)])
    assert result.exit_code == 0, result.output
    assert "gold is valid" in result.output


def test_every_seed_is_labelled_in_every_section() -> None:
    gold = load_gold(GOLD)
    assert len(gold.documents) == 5
    for doc_id, sections in gold.sections.items():
        assert gold.labelled[doc_id] == frozenset(section.id for section in sections)
        assert gold.facts_of(doc_id), f"{doc_id} has no gold facts"
    assert len(gold.facts) >= 1500


def test_an_independent_second_reading_agrees_with_the_gold() -> None:
    # The bar: F1 >= 0.97 on numbers and units over the sampled passages. A gold edit
    # that drifts from the independent reading shows up here.
    result = CliRunner().invoke(app, [
        "gold", "agreement", "--gold-dir", str(GOLD),
        "--second", str(GOLD.parent / "agreement" / "second_reading.jsonl"),
        "--sample", str(GOLD.parent / "agreement" / "sample.json"),
    ])
    assert result.exit_code == 0, result.output
    f1 = float(result.output.split("F1 ")[1].split()[0])
    assert f1 >= 0.97, result.output
