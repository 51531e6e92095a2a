"""Fixtures for the regression suite: gold and baselines, loaded once per session.

Paths are resolved from this file, so `pytest evals/` works from any directory.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from llmx.baselines import Baselines, load_baselines
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


@pytest.fixture(scope="session")
def regression_gold() -> GoldSet:
    try:
        return scoring_gold(GOLD_DIR)
    except InputError as error:
        pytest.skip(f"no gold to score against yet: {error}")


@pytest.fixture(scope="session")
def baselines() -> Baselines:
    return load_baselines(BASELINES_FILE)
