"""Baselines: the regression rule, the failure message and re-recording a baseline."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from llmx.baselines import (
    Baseline,
    Baselines,
    explain_regression,
    load_baselines,
    regressions,
    write_baselines,
)
from llmx.cli import app
from llmx.configurations import Configuration, configurations_for

ROOT = Path(__file__).resolve().parents[2]


def baseline(f1: float, missed: tuple[str, ...] = (), spurious: tuple[str, ...] = ()) -> Baseline:
    return Baseline({"f1": f1, "recall": 0.9}, "gold-1", "then", "0.1.0", missed, spurious)


def test_a_drop_within_the_tolerance_passes_and_beyond_it_fails() -> None:
    rules = Baselines(tolerance=0.01, metrics=("f1", "recall"))
    assert regressions(rules, baseline(0.90), baseline(0.895)) == []
    assert regressions(rules, baseline(0.90), baseline(0.95)) == []
    found = regressions(rules, baseline(0.90), baseline(0.88))
    assert [(r.metric, r.stored, r.now) for r in found] == [("f1", 0.90, 0.88)]


def test_a_metric_that_became_undefined_is_a_regression() -> None:
    rules = Baselines(tolerance=0.01, metrics=("f1",))
    now = Baseline({"f1": None}, "gold-1", "now", "0.1.0")
    assert [r.metric for r in regressions(rules, baseline(0.9), now)] == ["f1"]


def test_the_failure_message_names_the_facts_that_changed() -> None:
    before = baseline(0.90, missed=("d:1-3 5% = 5 %",), spurious=("d:9-12 3个 = 3 个",))
    after = Baseline(
        {"f1": 0.80, "recall": 0.9},
        "gold-2",
        "now",
        "0.1.0",
        ("d:20-25 983亿元 = 9.83e+10 元",),
        ("d:9-12 3个 = 3 个",),
    )
    found = regressions(Baselines(metrics=("f1",)), before, after)
    message = explain_regression("rules", found, before, after)
    assert "f1: 0.9000 → 0.8000" in message
    assert "gold facts newly missed (1):\n    d:20-25 983亿元" in message
    assert "gold facts now found (1):\n    d:1-3 5%" in message
    assert "3个" not in message  # unchanged facts are not listed
    assert "gold changed since the baseline was recorded" in message
    assert "llmx eval --update-baseline rules" in message


def test_baselines_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "baselines.json"
    original = Baselines(
        tolerance=0.02,
        entries=(),
        extra={"description": "kept"},
    )
    write_baselines(original, path)
    assert load_baselines(path) == original
    assert json.loads(path.read_text())["description"] == "kept"


def test_the_project_baselines_file_is_valid() -> None:
    stored = load_baselines(ROOT / "evals" / "baselines.json")
    assert stored.tolerance > 0
    names = [entry.configuration.name for entry in stored.entries]
    assert len(names) == len(set(names))
    assert "rules" in names


def test_a_model_configuration_says_how_to_record_its_answers() -> None:
    configuration = Configuration(
        "llm v1", "llm", "llm", "extract@v1", "deepseek-chat", "https://api.deepseek.com/v1"
    )
    assert configuration.record_command() == (
        "llmx extract seeds --extractor llm --prompt extract@v1 --model deepseek-chat "
        "--base-url https://api.deepseek.com/v1 --name 'llm v1'"
    )


def test_compare_configurations_cross_prompts_and_models_and_keep_rules_once() -> None:
    found = configurations_for(["rules", "llm"], ["extract@v1", "extract@v2"], ["m"])
    assert [c.name for c in found] == ["rules", "llm extract@v1 m", "llm extract@v2 m"]
    assert [c.name for c in configurations_for([], ["extract@v1"], [])] == ["llm extract@v1"]
    assert [c.name for c in configurations_for([], [], [])] == ["rules"]


def test_update_baseline_rewrites_only_that_configuration(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(ROOT)
    path = tmp_path / "baselines.json"
    shutil.copy(ROOT / "evals" / "baselines.json", path)
    before = load_baselines(path)
    result = CliRunner().invoke(
        app, ["eval", "--update-baseline", "rules", "--baselines", str(path)]
    )
    assert result.exit_code == 0, result.output
    after = load_baselines(path)
    rules = after.entry("rules").baseline
    assert rules is not None and rules.scores["f1"] is not None
    others = [e for e in after.entries if e.configuration.name != "rules"]
    assert others == [e for e in before.entries if e.configuration.name != "rules"]


def test_update_baseline_of_an_unknown_configuration_is_a_one_line_error(tmp_path: Path) -> None:
    path = tmp_path / "baselines.json"
    write_baselines(Baselines(), path)
    result = CliRunner().invoke(
        app, ["eval", "--update-baseline", "nope", "--baselines", str(path)]
    )
    assert result.exit_code == 1
    assert "no configuration 'nope'" in result.output
