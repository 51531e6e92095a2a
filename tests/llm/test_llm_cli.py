"""`llmx extract --extractor llm|hybrid` from the command line against the fake server, and a
job killed half way that resumes without repeating a call."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

from fakeserver import FakeServer, Recorded, Reply
from support import REPORT, report_answer
from typer.testing import CliRunner

from llmx.cli import app
from llmx.facts import read_facts
from llmx.runs import load_run

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "seeds" / "004_6da318eeea9b20a6.txt"


def _arguments(
    server: FakeServer, tmp_path: Path, *more: str, source: Path | None = None
) -> list[str]:
    return [
        "extract",
        str(source or tmp_path / "report.txt"),
        "--model",
        "fake-model",
        "--base-url",
        server.url,
        "--cache-dir",
        str(tmp_path / "cache"),
        "--runs-dir",
        str(tmp_path / "runs"),
        *more,
    ]


def _report(tmp_path: Path) -> None:
    (tmp_path / "report.txt").write_text(REPORT.text, encoding="utf-8")


def test_extract_with_a_model_writes_a_run_with_its_accounting(
    server: FakeServer, tmp_path: Path
) -> None:
    _report(tmp_path)
    out = tmp_path / "facts.jsonl"
    result = CliRunner().invoke(app, _arguments(server, tmp_path, "--out", str(out)))
    assert result.exit_code == 0, result.output
    assert [fact.text for fact in read_facts(out)] == ["983亿元", "7.2%", "5.2%", "6.5%", "5.2%"]
    [run] = (tmp_path / "runs").iterdir()
    record = load_run(run).record
    assert record.spec.extractor == "llm" and record.spec.prompt == "extract@v3"
    assert (record.stats.calls, record.stats.cache_hits) == (3, 0)
    assert record.stats.tokens_in > 0 and record.status == "complete"


def test_a_failed_section_makes_the_run_exit_non_zero_but_keeps_the_rest(
    server: FakeServer, tmp_path: Path
) -> None:
    _report(tmp_path)

    def broken_plan(request: Recorded) -> object:
        return Reply(status=400) if "6.5%" in request.section_text else report_answer(request)

    server.responder = broken_plan
    out = tmp_path / "facts.jsonl"
    result = CliRunner().invoke(app, _arguments(server, tmp_path, "--out", str(out)))
    assert result.exit_code == 1
    assert "1 section HTTP 400: first report §2: HTTP 400 from the model server" in result.output
    assert "every failure, in full, with the raw answers: " in result.output
    assert "run is partial: 1 of 3 sections failed; the run keeps the others" in result.output
    assert [fact.section for fact in read_facts(out)] == ["1", "1", "1"]
    [run] = (tmp_path / "runs").iterdir()
    assert load_run(run).record.failures[0].error == "HTTP 400"


def test_offline_with_an_empty_cache_is_a_one_line_error(
    server: FakeServer, tmp_path: Path
) -> None:
    _report(tmp_path)
    result = CliRunner().invoke(app, _arguments(server, tmp_path, "--offline"))
    assert result.exit_code == 1 and server.requests == []
    assert result.output.strip().startswith("llmx: error: --offline: 3 of 3 sections have no")


def test_hybrid_mode_runs_from_the_command_line(server: FakeServer, tmp_path: Path) -> None:
    _report(tmp_path)
    server.responder = lambda request: {"decisions": [], "added": []}
    result = CliRunner().invoke(app, _arguments(server, tmp_path, "--extractor", "hybrid"))
    assert result.exit_code == 0, result.output
    assert "<candidates>" in server.requests[0].user_message


def test_rules_first_asks_no_section_the_rules_read_whole(
    server: FakeServer, tmp_path: Path
) -> None:
    _report(tmp_path)  # every figure of it the rules take
    result = CliRunner().invoke(app, _arguments(server, tmp_path, "--extractor", "rules-first"))
    assert result.exit_code == 0, result.output
    assert server.requests == []
    [run] = (tmp_path / "runs").iterdir()
    record = load_run(run).record
    assert (record.spec.extractor, record.stats.sections_asked, record.stats.calls) == (
        "rules-first",
        0,
        0,
    )
    assert [fact.extractor for fact in load_run(run).facts] == ["rules"] * 5


def test_a_killed_job_resumes_without_repeating_a_call(server: FakeServer, tmp_path: Path) -> None:
    """Kill a real `llmx extract` while a request is in flight, then run it again."""
    llmx = [sys.executable, "-c", "from llmx.cli import app; app()"]
    command = [*llmx, *_arguments(server, tmp_path, "--concurrency", "1", source=SEED)]
    environment = {**os.environ, "OPENAI_API_KEY": "sk-unused"}
    server.hold_from(8)  # seven sections answered, the eighth hangs until we kill the job
    job = subprocess.Popen(command, env=environment, cwd=tmp_path, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 60
        while len(server.requests) < 8 and time.monotonic() < deadline and job.poll() is None:
            time.sleep(0.05)
        assert len(server.requests) == 8, job.stderr.read() if job.stderr else ""
    finally:
        job.kill()
        job.wait()
    server.release()
    answered = [json.dumps(r.body, sort_keys=True) for r in server.requests[:7]]
    assert len(list((tmp_path / "cache").rglob("*.json"))) == 7
    assert not list((tmp_path / "cache").rglob("*.tmp"))

    resumed = subprocess.run(command, env=environment, cwd=tmp_path, capture_output=True)
    assert resumed.returncode == 0, resumed.stderr.decode()
    again = [json.dumps(r.body, sort_keys=True) for r in server.requests[8:]]
    sections = len(list((tmp_path / "cache").rglob("*.json")))
    assert len(again) == sections - 7  # only what was never answered
    assert not set(again) & set(answered)  # and no answered call repeated
