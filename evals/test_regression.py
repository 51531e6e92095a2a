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
    regressions,
)
from llmx.configurations import RULES, Configuration, Unavailable
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
