"""Finding the project: llmx.toml, pyproject.toml [tool.llmx], $LLMX_HOME, else here."""

from __future__ import annotations

from pathlib import Path

import pytest

from llmx.errors import ConfigError
from llmx.workspace import find_workspace

ROOT = Path(__file__).resolve().parent.parent


def test_the_checkout_is_found_from_a_folder_inside_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT / "docs")
    found = find_workspace(env={})
    assert found.root.resolve() == ROOT
    assert found.found_by == "pyproject.toml [tool.llmx]"
    assert found.gold.resolve() == ROOT / "evals" / "gold"


def test_an_llmx_toml_marks_a_root_and_may_move_its_folders(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "llmx.toml").write_text('runs = "out/runs"\n', encoding="utf-8")
    (tmp_path / "deep" / "er").mkdir(parents=True)
    monkeypatch.chdir(tmp_path / "deep" / "er")
    found = find_workspace(env={})
    assert found.found_by == "llmx.toml"
    assert found.runs.resolve() == tmp_path / "out" / "runs"
    assert found.cache.resolve() == tmp_path / "cache"


def test_a_pyproject_without_an_llmx_section_is_not_a_root(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "pyproject.toml").write_text("[project]\nname = 'x'\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    found = find_workspace(start=tmp_path, env={})
    assert found.root == Path(".")
    assert found.found_by.startswith("the working directory: no llmx.toml or [tool.llmx]")


def test_llmx_home_wins_and_must_exist(tmp_path: Path) -> None:
    assert find_workspace(start=ROOT, env={"LLMX_HOME": str(tmp_path)}).root == tmp_path
    with pytest.raises(ConfigError, match=r"LLMX_HOME=.*: no such folder"):
        find_workspace(env={"LLMX_HOME": str(tmp_path / "missing")})


def test_a_folder_setting_must_be_a_path(tmp_path: Path) -> None:
    (tmp_path / "llmx.toml").write_text("runs = 3\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="runs must be a folder path"):
        find_workspace(start=tmp_path, env={})
