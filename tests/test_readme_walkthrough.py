"""The README's walkthrough, command by command, as a new user would copy it: each one must
work as shown, in a fresh copy of the project."""

from __future__ import annotations

import re
import shlex
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from llmx.cli import app

ROOT = Path(__file__).resolve().parent.parent


def walkthrough_commands() -> list[str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    start = readme.index("## A walkthrough")
    steps = readme[start : readme.index("With a model", start)]
    blocks = re.findall(r"```sh\n(.*?)```", steps, re.S)
    return [line.strip() for block in blocks for line in block.splitlines() if line.strip()]


def test_the_walkthrough_has_the_steps_it_promises() -> None:
    commands = walkthrough_commands()
    for verb in ("extract", "runs", "eval", "compare", "export"):
        assert any(command.split()[1] == verb for command in commands), verb


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh copy of what a clone holds for the walkthrough, and nothing it makes."""
    for folder in ("seeds", "evals/gold"):
        shutil.copytree(ROOT / folder, tmp_path / folder)
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("LLMX_HOME", raising=False)
    return tmp_path


def test_every_walkthrough_command_works_as_shown(project: Path) -> None:
    runner = CliRunner()
    for line in walkthrough_commands():
        words = shlex.split(line)
        assert words[0] == "llmx", line
        target = None
        if ">" in words:
            words, target = words[: words.index(">")], words[words.index(">") + 1]
        result = runner.invoke(app, words[1:], env={"COLUMNS": "100"})
        assert result.exit_code == 0, f"{line}\n{result.output}"
        assert "llmx: error" not in result.output, line
        if target is not None:
            (project / target).write_text(result.stdout, encoding="utf-8")
    assert (project / "reports" / "report.html").is_file()
    assert (project / "rules.csv").read_text(encoding="utf-8").startswith("doc,title,")
    assert (project / "gold.parquet").read_bytes()[:4] == b"PAR1"
    assert '"run": "rules"' in (project / "scores.json").read_text(encoding="utf-8")
