"""The response cache: keyed by everything that changes the answer, readable, atomic, and
kept tidy by `llmx cache stats` and `llmx cache prune`."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from fakeserver import FakeServer
from support import REPORT, MakeExtractor
from typer.testing import CliRunner

from llmx.cli import app
from llmx.llm.cache import ResponseCache, cache_key

IDENTITY = {
    "model": "m",
    "provider": "api.example.com",
    "mode": "llm",
    "instructor_mode": "tools",
    "prompt": "extract@v1",
    "prompt_hash": "h1",
    "schema_hash": "s1",
    "params": {"temperature": 0, "max_tokens": 4096},
    "messages": [{"role": "user", "content": "增长7.2%"}],
}


@pytest.mark.parametrize(
    ("part", "other"),
    [
        ("model", "m2"),
        ("provider", "localhost:11434"),
        ("mode", "hybrid"),
        ("instructor_mode", "json"),
        ("prompt", "extract@v2"),
        ("prompt_hash", "h2"),
        ("schema_hash", "s2"),
        ("params", {"temperature": 0.7, "max_tokens": 4096}),
        ("messages", [{"role": "user", "content": "增长7.3%"}]),
    ],
)
def test_everything_that_changes_the_answer_changes_the_key(part: str, other: object) -> None:
    assert cache_key({**IDENTITY, part: other}) != cache_key(IDENTITY)


def test_the_key_does_not_depend_on_the_order_of_fields() -> None:
    assert cache_key(dict(reversed(IDENTITY.items()))) == cache_key(IDENTITY)


def _store(cache: ResponseCache, model: str = "m", content: str = "x") -> str:
    key = cache_key({**IDENTITY, "model": model, "messages": [content]})
    cache.put(
        key,
        request={**IDENTITY, "model": model},
        response={"choices": []},
        usage={"tokens_in": 10, "tokens_out": 2},
    )
    return key


def test_an_entry_is_a_readable_json_file_under_its_key(tmp_path: Path) -> None:
    cache = ResponseCache(tmp_path)
    key = _store(cache)
    path = tmp_path / key[:2] / f"{key}.json"
    entry = json.loads(path.read_text(encoding="utf-8"))
    assert entry["key"] == key and entry["request"]["messages"][0]["content"] == "增长7.2%"
    assert "增长7.2%" in path.read_text(encoding="utf-8")  # not \\u-escaped: readable
    assert cache.get(key) == entry and key in cache


def test_a_torn_or_foreign_file_is_a_miss_not_a_crash(tmp_path: Path) -> None:
    cache = ResponseCache(tmp_path)
    key = _store(cache)
    cache.path(key).write_text('{"format": 1, "key": "', encoding="utf-8")
    assert cache.get(key) is None
    assert cache.stats().invalid == 1


def test_an_interrupted_write_leaves_no_entry(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = ResponseCache(tmp_path)

    def crash(*_args: object) -> None:
        raise KeyboardInterrupt  # the job is killed between writing and renaming

    monkeypatch.setattr("llmx.atomic.os.replace", crash)
    with pytest.raises(KeyboardInterrupt):
        _store(cache)
    assert not list(tmp_path.rglob("*.json")) and not list(tmp_path.rglob("*.tmp"))


def test_prune_by_age_by_model_or_all(tmp_path: Path) -> None:
    cache = ResponseCache(tmp_path)
    old, new, other = (
        _store(cache, content="old"),
        _store(cache, content="new"),
        _store(cache, model="other"),
    )
    entry = json.loads(cache.path(old).read_text(encoding="utf-8"))
    entry["created"] = (datetime.now(UTC) - timedelta(days=40)).isoformat(timespec="seconds")
    cache.path(old).write_text(json.dumps(entry), encoding="utf-8")
    assert cache.prune(older_than=timedelta(days=30), dry_run=True).removed == 1
    assert old in cache  # a dry run removes nothing
    assert cache.prune(older_than=timedelta(days=30)).removed == 1
    assert cache.prune(model="other").removed == 1
    assert (old in cache, new in cache, other in cache) == (False, True, False)
    assert cache.prune(everything=True).removed == 1 and cache.stats().entries == 0


def test_cache_stats_and_prune_from_the_command_line(
    server: FakeServer, make_extractor: MakeExtractor, tmp_path: Path
) -> None:
    make_extractor().extract([REPORT])
    runner = CliRunner()
    cache_dir = str(tmp_path / "cache")
    shown = runner.invoke(app, ["cache", "stats", "--cache-dir", cache_dir])
    assert shown.exit_code == 0, shown.output
    assert "entries" in shown.output and "model fake-model" in shown.output
    pruned = runner.invoke(app, ["cache", "prune", "--cache-dir", cache_dir, "--all"])
    assert pruned.exit_code == 0 and "removed 3 files" in pruned.output
    bad = runner.invoke(app, ["cache", "prune", "--cache-dir", cache_dir, "--older-than", "soon"])
    assert bad.exit_code == 1 and "is not an age like 30d, 12h or 90m" in bad.output


@pytest.mark.parametrize("command", [["stats"], ["prune", "--all"]])
def test_a_cache_folder_that_is_not_there_is_said_to_be_missing_not_shown_empty(
    tmp_path: Path, command: list[str]
) -> None:
    # A mistyped --cache-dir: no table of zeros, no "removed 0 files", and no folder made.
    missing = tmp_path / "cahce"
    result = CliRunner().invoke(app, ["cache", *command, "--cache-dir", str(missing)])
    assert result.exit_code == 0, result.output
    assert f"no cache at {missing}" in result.output and "entries" not in result.output
    assert not missing.exists()


def test_a_cache_folder_whose_name_the_system_refuses_is_one_line_not_a_traceback(
    tmp_path: Path,
) -> None:
    too_long = tmp_path / ("c" * 300)
    result = CliRunner().invoke(app, ["cache", "stats", "--cache-dir", str(too_long)])
    assert result.exit_code == 1 and result.output.startswith("llmx: error:")
    assert result.exception is None or isinstance(result.exception, SystemExit)
