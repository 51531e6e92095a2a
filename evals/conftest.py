"""Fixtures for the regression suite: gold and baselines, loaded once per session.

Paths are resolved from this file, so `pytest evals/` works from any directory.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from llmx.baselines import Baselines, load_baselines
from llmx.configurations import Configuration
from llmx.errors import InputError
from llmx.evaluation import scoring_gold
from llmx.gold import GoldSet

ROOT = Path(__file__).resolve().parent.parent
GOLD_DIR = ROOT / "evals" / "gold"
BASELINES_FILE = ROOT / "evals" / "baselines.json"


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """One regression test per configuration in the baselines file."""
    if "configuration_name" in metafunc.fixturenames:
        names = [entry.configuration.name for entry in load_baselines(BASELINES_FILE).entries]
        metafunc.parametrize("configuration_name", names, ids=names)


@pytest.fixture(scope="session")
def project_root() -> Path:
    return ROOT


@pytest.fixture(scope="session")
def gold_dir() -> Path:
    return GOLD_DIR


GoldLoader = Callable[[Configuration], GoldSet]


@pytest.fixture(scope="session")
def regression_gold() -> GoldLoader:
    """The gold a configuration is scored against (its folder and half), loaded once each."""
    loaded: dict[tuple[str, str | None], GoldSet] = {}

    def gold_of(configuration: Configuration) -> GoldSet:
        key = (configuration.gold, configuration.half)
        if key not in loaded:
            try:
                loaded[key] = scoring_gold(ROOT / configuration.gold, configuration.half)
            except InputError as error:
                pytest.skip(f"no gold to score against yet: {error}")
        return loaded[key]

    return gold_of


@pytest.fixture(scope="session")
def baselines() -> Baselines:
    return load_baselines(BASELINES_FILE)
