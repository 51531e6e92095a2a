"""Failures a user can see and survive, from the command line: a server that is down or
refuses, a cache that cannot be written or is shared, a job stopped half way."""

from __future__ import annotations

import errno
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from fakeserver import FakeServer
from support import REPORT, MakeExtractor, closed_port, report_answer
from typer.testing import CliRunner

from llmx.cli import app
from llmx.llm.cache import ResponseCache
from llmx.record import RunStatus
from llmx.runs import load_run

LLMX = [sys.executable, "-c", "from llmx.cli import app; app()"]
# llmx as started at a terminal, where Ctrl-C reaches it. A shell that runs the suite in the
# background (CI, `&`, nohup) starts it with SIGINT ignored, and every process it starts
# inherits that: Python then installs no KeyboardInterrupt handler, asyncio none of its own,
# and a job so started rightly ignores SIGINT.
LLMX_AT_A_TERMINAL = [
    sys.executable,
    "-c",
    "import signal; signal.signal(signal.SIGINT, signal.default_int_handler); "
    "from llmx.cli import app; app()",
]
FACTS = ["983亿元", "7.2%", "5.2%", "6.5%", "5.2%"]


def _report(folder: Path) -> Path:
    path = folder / "report.txt"
    path.write_text(REPORT.text, encoding="utf-8")
    return path


def _extract(tmp_path: Path, base_url: str, *more: str) -> list[str]:
    return [
        "extract",
        str(_report(tmp_path)),
        "--model",
        "fake-model",
        "--base-url",
        base_url,
        "--cache-dir",
        str(tmp_path / "cache"),
        "--runs-dir",
        str(tmp_path / "runs"),
        *more,
    ]


def _lines(output: str) -> list[str]:
    return [line for line in output.splitlines() if line.strip()]


def test_a_server_that_is_down_ends_the_job_in_seconds_with_the_url_named(tmp_path: Path) -> None:
    url = f"http://127.0.0.1:{closed_port()}/v1"
    began = time.monotonic()
    result = CliRunner().invoke(app, _extract(tmp_path, url))
    assert time.monotonic() - began < 15
    assert result.exit_code == 1
    assert _lines(result.output) == [
        f"llmx: error: cannot connect to {url} (connection refused): "
        "is the server running, and is --base-url right?"
    ]
    assert not (tmp_path / "runs").exists() or not any((tmp_path / "runs").iterdir())


def test_a_wrong_key_ends_the_job_after_one_request(server: FakeServer, tmp_path: Path) -> None:
    from fakeserver import Reply

    server.responder = lambda _request: Reply(status=401)
    result = CliRunner().invoke(app, _extract(tmp_path, server.url))
    assert result.exit_code == 1 and len(server.requests) <= 4  # only those already in flight
    lines = _lines(result.output)
    assert len(lines) == 1, lines
    [line] = lines
    assert line.startswith(f"llmx: error: {server.url} refused the API key (HTTP 401")


def test_a_base_url_with_a_query_is_refused_before_any_request(
    server: FakeServer, tmp_path: Path
) -> None:
    result = CliRunner().invoke(app, _extract(tmp_path, server.url + "?api-version=1"))
    assert result.exit_code == 1 and server.requests == []
    [line] = _lines(result.output)
    assert "has a query or fragment" in line and "api-version" not in line


@pytest.mark.parametrize(
    "refusal",
    [errno.EROFS, errno.ENOSPC, errno.EACCES],
    ids=["read-only", "disk-full", "permission-denied"],
)
def test_a_cache_that_cannot_be_written_warns_once_and_the_job_goes_on(
    server: FakeServer, make_extractor: MakeExtractor, monkeypatch: pytest.MonkeyPatch, refusal: int
) -> None:
    def refuse(*_args: object, **_kwargs: object) -> None:
        raise OSError(refusal, os.strerror(refusal))

    monkeypatch.setattr("llmx.llm.cache.write_text_atomic", refuse)
    warnings: list[str] = []
    monkeypatch.setattr(
        "llmx.llm.extractor.log.warning", lambda message, *args: warnings.append(message % args)
    )
    extraction = make_extractor().extract([REPORT])
    assert [fact.text for fact in extraction.facts] == FACTS  # no fact lost
    assert extraction.stats.cache_write_failures == 3 and extraction.failures == []
    [warning] = warnings
    assert os.strerror(refusal) in warning and "a re-run pays for them again" in warning


def test_a_cache_folder_that_is_a_file_warns_on_the_command_line_and_keeps_every_fact(
    server: FakeServer, tmp_path: Path
) -> None:
    (tmp_path / "cache").write_text("not a folder")
    result = CliRunner().invoke(app, _extract(tmp_path, server.url))
    assert result.exit_code == 0, result.output
    warnings = [line for line in _lines(result.output) if "warning" in line]
    assert len(warnings) == 1 and "cannot write to the cache" in warnings[0]
    [run] = (tmp_path / "runs").iterdir()
    assert [fact.text for fact in load_run(run).facts] == FACTS
    assert load_run(run).record.stats.cache_write_failures == 3


def test_a_run_folder_that_cannot_be_written_fails_before_any_call(
    server: FakeServer, tmp_path: Path
) -> None:
    (tmp_path / "runs").write_text("a file where the runs go")
    result = CliRunner().invoke(app, _extract(tmp_path, server.url))
    assert result.exit_code == 1 and server.requests == []
    [line] = _lines(result.output)
    runs = tmp_path / "runs"
    assert line == f"llmx: error: {runs}: is a file, not a folder for runs (--runs-dir)"


def test_a_full_disk_when_the_run_is_written_loses_no_answer(
    server: FakeServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def full(path: Path, _text: str) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(path))

    monkeypatch.setattr("llmx.runs.write_text_atomic", full)
    result = CliRunner().invoke(app, _extract(tmp_path, server.url))
    assert result.exit_code == 1
    [line] = _lines(result.output)
    assert "cannot write the run (No space left on device)" in line
    assert not list((tmp_path / "runs").rglob("*.json*"))  # nothing half-written
    monkeypatch.undo()
    again = CliRunner().invoke(app, _extract(tmp_path, server.url))
    assert again.exit_code == 0 and len(server.requests) == 3  # every answer was kept


def test_two_processes_sharing_a_cache_pay_once_for_each_call(tmp_path: Path) -> None:
    with FakeServer(report_answer, latency=0.6) as server:
        command = [*LLMX, *_extract(tmp_path, server.url, "--concurrency", "1")]
        environment = {**os.environ, "OPENAI_API_KEY": "sk-unused"}
        jobs = [
            subprocess.Popen(command, env=environment, cwd=tmp_path, stderr=subprocess.PIPE)
            for _ in range(2)
        ]
        for job in jobs:
            assert job.wait(timeout=60) == 0, job.stderr.read() if job.stderr else ""
    assert len(server.requests) == 3  # three sections, each asked by one of the two
    runs = [load_run(run) for run in (tmp_path / "runs").iterdir()]
    assert [[f.text for f in run.facts] for run in runs] == [FACTS, FACTS]
    assert sum(run.record.stats.cache_hits for run in runs) == 3


@pytest.mark.parametrize("stop", [signal.SIGINT, signal.SIGTERM], ids=["ctrl-c", "kill"])
def test_a_stopped_job_writes_an_interrupted_run_with_the_sections_finished(
    server: FakeServer, tmp_path: Path, stop: signal.Signals
) -> None:
    command = [*LLMX_AT_A_TERMINAL, *_extract(tmp_path, server.url, "--concurrency", "1")]
    server.hold_from(3)  # two sections answered, the third hangs
    job = subprocess.Popen(
        command,
        # A job that fails to stop dumps where each thread stands (faulthandler, on SIGABRT).
        env={**os.environ, "OPENAI_API_KEY": "sk-unused", "PYTHONFAULTHANDLER": "1"},
        cwd=tmp_path,
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = time.monotonic() + 60
    while len(server.requests) < 3 and time.monotonic() < deadline:
        time.sleep(0.05)
    job.send_signal(stop)
    try:
        _, errors = job.communicate(timeout=30)
    except subprocess.TimeoutExpired:
        job.send_signal(signal.SIGABRT)
        _, stacks = job.communicate(timeout=30)
        pytest.fail(f"the job did not stop within 30 s of {stop.name}; where it stood:\n{stacks}")
    finally:
        server.release()
    assert job.returncode == 130, errors
    # How much is done, and that the same command resumes.
    assert re.search(r"interrupted after \d+ of \d+ documents: the facts of the sections", errors)
    assert "carry on with `llmx extract --resume" in errors
    assert "Traceback" not in errors
    [run] = (tmp_path / "runs").iterdir()
    record = load_run(run).record
    assert record.status is RunStatus.interrupted
    assert [fact.text for fact in load_run(run).facts] == FACTS[:3]


def test_prune_touches_only_files_that_are_provably_cache_entries(
    server: FakeServer, make_extractor: MakeExtractor, tmp_path: Path
) -> None:
    make_extractor().extract([REPORT])
    cache_dir = tmp_path / "cache"
    folder = next(path for path in cache_dir.iterdir() if path.is_dir())
    mine = [
        folder / "notes.json",  # a user's file in a cache subfolder
        folder / f"{'0' * 64}.json",  # named like an entry, but not one
        cache_dir / "ab" / "data.json",
        cache_dir / "keep.txt",
    ]
    mine[2].parent.mkdir(exist_ok=True)
    for path in mine:
        path.write_text('{"mine": true}')
    result = CliRunner().invoke(app, ["cache", "prune", "--cache-dir", str(cache_dir), "--all"])
    assert result.exit_code == 0 and "removed 3 files" in result.output
    assert all(path.exists() for path in mine)
    assert ResponseCache(cache_dir).stats().entries == 0


def test_prune_removes_only_claims_old_enough_to_be_left_over(tmp_path: Path) -> None:
    cache = ResponseCache(tmp_path)
    old, fresh = cache.lock_path("a" * 64), cache.lock_path("b" * 64)
    for lock in (old, fresh):
        lock.parent.mkdir(parents=True, exist_ok=True)
        lock.write_text("")
    hours_ago = time.time() - 2 * 3600
    os.utime(old, (hours_ago, hours_ago))
    assert cache.prune().paths == (old,)
    assert fresh.exists() and not old.exists()
