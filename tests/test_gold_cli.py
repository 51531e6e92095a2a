"""`llmx gold stats` and `llmx gold export` on the real gold set."""

from __future__ import annotations

from pathlib import Path

from datasets import Dataset
from typer.testing import CliRunner

from llmx.cli import app
from llmx.datasets_io import facts_dataset, jsonl_dataset
from llmx.gold import load_gold

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "evals" / "gold"


def test_stats_counts_facts_per_document_unit_status_and_kind(runner: CliRunner) -> None:
    gold = load_gold(GOLD)
    result = runner.invoke(app, ["gold", "stats", "--gold-dir", str(GOLD)])
    assert result.exit_code == 0, result.output
    assert f"Gold: {len(gold.facts)} facts" in result.output
    for heading in ("by unit", "by status", "by kind"):
        assert heading in result.output
    for doc_id in gold.documents:
        assert doc_id in result.output


def test_export_writes_parquet_that_datasets_reads_back(runner: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "gold.parquet"
    result = runner.invoke(app, ["gold", "export", "--out", str(out), "--gold-dir", str(GOLD)])
    assert result.exit_code == 0, result.output
    table = Dataset.from_parquet(str(out))
    assert isinstance(table, Dataset)
    assert table.num_rows == len(load_gold(GOLD).facts)
    assert {"doc", "start", "end", "value", "unit", "status", "kind"} <= set(table.column_names)


def test_gold_can_be_filtered_and_joined_as_datasets() -> None:
    gold = facts_dataset(load_gold(GOLD).facts)
    targets = gold.filter(lambda row: row["status"] == "target")
    assert 0 < targets.num_rows < gold.num_rows
    from_file = jsonl_dataset(GOLD / "004_6da318eeea9b20a6.jsonl")
    assert from_file.num_rows == gold.filter(lambda row: row["doc"].startswith("004")).num_rows


def test_a_malformed_gold_line_is_a_one_line_error(runner: CliRunner, tmp_path: Path) -> None:
    gold_dir = tmp_path / "evals" / "gold"
    gold_dir.mkdir(parents=True)
    (tmp_path / "seeds").symlink_to(ROOT / "seeds")
    (gold_dir / "manifest.json").write_text((GOLD / "manifest.json").read_text(encoding="utf-8"))
    (gold_dir / "004_6da318eeea9b20a6.jsonl").write_text('{"doc": 1}\n', encoding="utf-8")
    result = runner.invoke(app, ["gold", "stats", "--gold-dir", str(gold_dir)])
    assert result.exit_code == 1
    assert result.output.strip().splitlines() == [
        f"llmx: error: {gold_dir / '004_6da318eeea9b20a6.jsonl'}:1: not a fact: "
        "doc: Input should be a valid string (and 8 more)"
    ]
