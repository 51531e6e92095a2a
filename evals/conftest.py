"""Fixtures for the regression suite: gold and baselines, loaded once per session.

Paths are resolved from this file, so `pytest evals/` works from any directory.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from pathlib import Path

import pytest

from llmx.baselines import Baselines, load_baselines
from llmx.configurations import Configuration, Unavailable, run_configuration
from llmx.errors import InputError
from llmx.evaluation import scoring_gold
from llmx.gold import GoldSet
from llmx.runs import Run

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


RunOf = Callable[[Configuration], Run]


@pytest.fixture(scope="session")
def configuration_run(tmp_path_factory: pytest.TempPathFactory) -> RunOf:
    """A configuration's run, made offline once per session and shared by every test that
    scores it; a configuration that cannot run offline raises Unavailable each time."""
    made: dict[str, Run | Unavailable] = {}

    def run_of(configuration: Configuration) -> Run:
        if configuration.name not in made:
            # Documents, prompts and cache/ are named relative to the project.
            with contextlib.chdir(ROOT):
                try:
                    made[configuration.name] = run_configuration(
                        configuration,
                        [ROOT / document for document in configuration.documents],
                        offline=True,
                        runs_dir=tmp_path_factory.mktemp("runs"),
                    )
                except Unavailable as reason:
                    made[configuration.name] = reason
        found = made[configuration.name]
        if isinstance(found, Unavailable):
            raise found
        return found

    return run_of
