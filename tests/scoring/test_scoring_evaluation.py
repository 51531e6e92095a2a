"""Loading gold for scoring and scoring runs over the documents they cover."""

from __future__ import annotations

import json
import shutil
from dataclasses import replace
from pathlib import Path

import pytest

from llmx.errors import InputError
from llmx.evaluation import (
    evaluate,
    gold_fingerprint,
    labelled_documents,
    scoring_gold,
    unique_labels,
)
from llmx.facts import read_facts
from llmx.record import RunRecord, RunSpec

ROOT = Path(__file__).resolve().parents[2]
LABELLED, UNWRITTEN = "004_6da318eeea9b20a6", "003_9bf9900164892d57"
GOLD_FILE = ROOT / "evals" / "gold" / f"{LABELLED}.jsonl"

pytestmark = pytest.mark.skipif(not GOLD_FILE.exists(), reason=f"no gold for {LABELLED} yet")


@pytest.fixture
def gold_dir(tmp_path: Path) -> Path:
    """A gold folder whose manifest names two documents but has facts for only one."""
    folder = tmp_path / "evals" / "gold"
    folder.mkdir(parents=True)
    manifest = {"seeds_dir": str(ROOT / "seeds"), "documents": {LABELLED: "all", UNWRITTEN: "all"}}
    (folder / "manifest.json").write_text(json.dumps(manifest))
    shutil.copy(GOLD_FILE, folder / GOLD_FILE.name)
    return folder


def test_a_document_without_a_gold_file_yet_is_not_labelled(gold_dir: Path) -> None:
    gold = scoring_gold(gold_dir)
    assert labelled_documents(gold) == [LABELLED]
    facts = read_facts(GOLD_FILE)
    elsewhere = [f.model_copy(update={"doc": UNWRITTEN}) for f in facts[:5]]
    evaluation = evaluate([*facts, *elsewhere], gold, label="x", replicates=50)
    assert evaluation.total.f1 == 1.0
    assert len(evaluation.outcome.ignored) == 5  # not spurious: that gold is unwritten


def test_no_gold_file_at_all_is_an_input_error(gold_dir: Path) -> None:
    (gold_dir / GOLD_FILE.name).unlink()
    with pytest.raises(InputError, match="no gold facts yet"):
        scoring_gold(gold_dir)


def test_a_run_is_scored_only_on_the_documents_it_covered(gold_dir: Path) -> None:
    gold = scoring_gold(gold_dir)
    record = RunRecord(id="x", spec=RunSpec(extractor="rules", mode="rules", documents=[]))
    evaluation = evaluate([], gold, label="x", record=record, replicates=50)
    assert evaluation.total.gold == 0 and evaluation.total.f1 is None


def test_the_gold_fingerprint_changes_with_gold(gold_dir: Path) -> None:
    before = gold_fingerprint(gold_dir)
    assert gold_fingerprint(gold_dir) == before
    path = gold_dir / GOLD_FILE.name
    path.write_text(path.read_text().splitlines(keepends=True)[0])
    assert gold_fingerprint(gold_dir) != before


def test_wall_time_and_unique_labels(gold_dir: Path) -> None:
    gold = scoring_gold(gold_dir)
    spec = RunSpec(extractor="rules", mode="rules", documents=[LABELLED])
    timed = RunRecord(
        id="r1",
        spec=spec,
        started="2024-01-01T00:00:00+00:00",
        finished="2024-01-01T00:01:30+00:00",
    )
    first = evaluate([], gold, label="same", record=timed, replicates=10)
    assert first.wall_seconds == 90.0
    second = replace(first, record=RunRecord(id="r2", spec=spec))
    assert second.wall_seconds is None
    assert [e.label for e in unique_labels([first, second])] == ["same (r1)", "same (r2)"]
