"""Every configuration in evals/baselines.json keeps its scores against gold.

A configuration is produced offline: the rules extractor always can be; a model
configuration only when every answer it needs is in cache/, otherwise the test is skipped
with the command that records them. A failure lists the metrics that fell and the facts
that changed since the baseline was recorded.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from llmx.baselines import (
    Baselines,
    baseline_of,
    explain_regression,
    fact_changes,
    regressions,
)
from llmx.configurations import RULES, Configuration, Unavailable, run_configuration
from llmx.evaluation import evaluate_run, gold_fingerprint
from llmx.gold import GoldSet
from llmx.runs import Run


def test_configuration_keeps_its_baseline(
    configuration_name: str,
    regression_gold: Callable[[Configuration], GoldSet],
    baselines: Baselines,
    project_root: Path,
    configuration_run: Callable[[Configuration], Run],
) -> None:
    entry = baselines.entry(configuration_name)
    configuration = entry.configuration
    try:
        run = configuration_run(configuration)
    except Unavailable as reason:
        if configuration.recorded:  # recorded answers are in the repository: never a skip
            pytest.fail(str(reason))
        pytest.skip(str(reason))
    if entry.baseline is None:
        pytest.skip(
            f"{configuration_name}: its answers are cached but no baseline is stored; "
            f"record one with `llmx eval --update-baseline '{configuration_name}'`"
        )
    gold = regression_gold(configuration)
    now = baseline_of(
        evaluate_run(run, gold),
        gold_fingerprint(project_root / configuration.gold),
        blind=configuration.blind,
    )
    found = regressions(baselines, entry.baseline, now)
    assert not found, explain_regression(configuration_name, found, entry.baseline, now)
    if configuration.recorded:
        # Replayed answers are deterministic: one fact lost or invented is a regression,
        # however small its share of the scores.
        changes = fact_changes(entry.baseline, now)
        assert not (changes.newly_missed or changes.newly_spurious), explain_regression(
            configuration_name, found, entry.baseline, now
        )


def test_rules_configuration_is_regression_tested(baselines: Baselines) -> None:
    """The one configuration that always runs offline must be there, with a baseline."""
    rules = [e for e in baselines.entries if e.configuration.extractor == RULES]
    assert rules, "evals/baselines.json has no rules configuration"
    assert all(e.baseline is not None for e in rules), "record it: llmx eval --update-baseline"


def test_baseline_metrics_are_all_stored(baselines: Baselines) -> None:
    for entry in baselines.entries:
        if entry.baseline is not None:
            missing = set(baselines.metrics) - set(entry.baseline.scores)
            assert not missing, f"{entry.configuration.name}: no stored {sorted(missing)}"


def _recorded(baselines: Baselines, model: str, mode: str) -> Configuration:
    return next(
        e.configuration
        for e in baselines.entries
        if e.configuration.recorded
        and e.configuration.model == model
        and e.configuration.mode == mode
    )


def test_recorded_answers_cover_the_model_path(baselines: Baselines) -> None:
    """Clean gold echoes and hostile answers, in both model modes, replay offline."""
    recorded = {
        (e.configuration.model, e.configuration.mode)
        for e in baselines.entries
        if e.configuration.recorded and e.baseline is not None
    }
    assert {("gold-echo", "llm"), ("gold-hostile", "llm"), ("gold-hostile", "hybrid")} <= recorded


def test_a_grounding_that_keeps_invented_facts_fails_the_recorded_regression(
    baselines: Baselines,
    regression_gold: Callable[[Configuration], GoldSet],
    project_root: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The regression can fail: place quotes by number alone, as grounding once did."""
    from llmx.llm import grounding

    def by_number_alone(folded, quantities, proposal):  # type: ignore[no-untyped-def]
        wanted = proposal.value
        return tuple((q.start, q.end) for q in quantities if grounding._close(q.value, wanted))

    monkeypatch.chdir(project_root)
    monkeypatch.setattr(grounding, "_same_number", by_number_alone)
    configuration = _recorded(baselines, "gold-hostile", "llm")
    run = run_configuration(
        configuration, [project_root / "seeds"], offline=True, runs_dir=tmp_path
    )
    evaluation = evaluate_run(run, regression_gold(configuration))
    assert evaluation.outcome.spurious  # invented facts kept: the stored baseline has none
    entry = baselines.entry(configuration.name)
    assert entry.baseline is not None and entry.baseline.spurious == ()


def test_a_change_to_the_requests_fails_rather_than_skips(
    baselines: Baselines, project_root: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from llmx.settings import ExtractorSettings

    original = ExtractorSettings.params
    monkeypatch.chdir(project_root)
    monkeypatch.setattr(
        ExtractorSettings, "params", lambda self, p: {**original(self, p), "top_p": 0.9}
    )
    configuration = _recorded(baselines, "gold-echo", "llm")
    with pytest.raises(Unavailable, match="no longer match its requests"):
        run_configuration(configuration, [project_root / "seeds"], offline=True, runs_dir=tmp_path)
