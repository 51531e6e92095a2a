"""`llmx extract --batch`: the uncached requests through the Batch API of the fake server,
every answer validated, grounded and cached as a live one, failed lines retried, and a
batch left running by a killed process picked up instead of paid for again."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import openai
import pytest
from fakeserver import FakeServer, Recorded
from goldmodel import ROOT, GoldModel, gold_of
from support import GDP, REPORT, MakeExtractor, model_config, report_answer
from typer.testing import CliRunner

from llmx.cli import app
from llmx.errors import ServerError
from llmx.llm import LLMExtractor, Price, build_model_extractor
from llmx.llm.batch import BatchSource, PendingBatch
from llmx.readers import read_document
from llmx.record import RunStatus
from llmx.runs import load_run

FACTS = ["983亿元", "7.2%", "5.2%", "6.5%", "5.2%"]
SEEDS = [read_document(path) for path in sorted((ROOT / "seeds").glob("*.txt"))]


def _batch(make_extractor: MakeExtractor, **settings: object) -> LLMExtractor:
    return make_extractor(batch=True, batch_poll=0.01, **settings)


def test_every_answer_comes_through_the_batch_and_none_live(
    server: FakeServer, make_extractor: MakeExtractor
) -> None:
    prices = {"fake-model": Price(input=2.0, output=8.0)}
    extractor = make_extractor(batch=True, batch_poll=0.01, prices=prices)
    extraction = extractor.extract([REPORT])
    assert [f.text for f in extraction.facts] == FACTS
    assert server.chat_requests == [] and len(server.batches) == 1
    stats = extraction.stats
    assert (stats.requests, stats.batch_answers, stats.batches) == (0, 3, list(server.batches))
    live_price = Price(input=2.0, output=8.0).cost(stats.tokens_in, stats.tokens_out)
    assert stats.cost == pytest.approx(live_price / 2)  # the batch price
    assert extractor.describe().price_per_million.batch_discount == 0.5
    again = make_extractor().extract([REPORT])  # cached as a live answer would be
    assert [f.text for f in again.facts] == FACTS and again.stats.calls == 0
    assert not list((extractor.cache.root / "batches").glob("*.json"))  # nothing pending


def test_the_gold_comes_back_through_the_batch(tmp_path: Path) -> None:
    gold = {doc.id: (doc, gold_of(doc.id) or []) for doc in SEEDS}
    with FakeServer(GoldModel(gold)) as server:
        settings = model_config(
            server, extractor="llm", batch=True, batch_poll=0.01, cache_dir=tmp_path
        )
        extraction = build_model_extractor(settings, env={}).extract(SEEDS)
    assert server.errors == [] and server.chat_requests == [] and extraction.failures == []
    predicted = {(f.doc, f.start, f.end, f.value, f.unit) for f in extraction.facts}
    expected = {
        (f.doc, f.start, f.end, f.value, f.unit) for _, facts in gold.values() for f in facts
    }
    assert 2 * len(predicted & expected) / (len(predicted) + len(expected)) == 1.0  # F1


def test_a_failed_line_is_asked_again_live(server: FakeServer, tmp_path: Path) -> None:
    shown: list[str] = []
    settings = model_config(
        server, extractor="llm", batch=True, batch_poll=0.01, cache_dir=tmp_path
    )
    extractor = build_model_extractor(settings, env={}, notify=shown.append)
    first = extractor.jobs([REPORT])[1]  # the section with 983亿元
    server.fail_batch_lines = {first.key}
    extraction = extractor.extract([REPORT])
    assert [f.text for f in extraction.facts] == FACTS
    assert [r.section_text for r in server.chat_requests] == [first.parts[0].text]
    assert any("1 lines failed (HTTP 500 fake batch line failure)" in line for line in shown)


def test_an_answer_that_does_not_validate_is_asked_again_live(
    server: FakeServer, make_extractor: MakeExtractor
) -> None:
    def broken_in_batches(request: Recorded) -> object:
        answer = report_answer(request)
        if request.path.startswith("batch:") and "983亿元" in request.section_text:
            answer["facts"][0] = {**GDP, "kind": "amount"}  # not a kind
        return answer

    server.responder = broken_in_batches
    extraction = _batch(make_extractor).extract([REPORT])
    assert [f.text for f in extraction.facts] == FACTS
    assert len(server.chat_requests) == 1


def test_failed_lines_can_go_to_a_follow_up_batch_instead(
    server: FakeServer, make_extractor: MakeExtractor
) -> None:
    extractor = _batch(make_extractor, batch_retry="batch")
    server.fail_batch_lines = {extractor.jobs([REPORT])[1].key}
    extraction = extractor.extract([REPORT])
    assert len(server.batches) == 2 and server.chat_requests == []
    # The follow-up batch fails the same line again: it is reported, the rest kept.
    assert [f.text for f in extraction.facts] == FACTS[3:]
    assert [failure.error for failure in extraction.failures] == ["BatchLineFailed"]


def test_a_batch_the_server_refuses_is_one_clear_error(
    server: FakeServer, make_extractor: MakeExtractor
) -> None:
    server.reject_batch_inputs = True
    with pytest.raises(ServerError, match=r"batch batch-\d+ failed: line 1: malformed input line"):
        _batch(make_extractor).extract([REPORT])
    assert server.chat_requests == []


def test_a_cancelled_batch_leaves_its_requests_to_be_asked_live(
    server: FakeServer, make_extractor: MakeExtractor
) -> None:
    server.cancel_batches = True  # someone cancels it in the provider's console
    extraction = _batch(make_extractor).extract([REPORT])
    assert [f.text for f in extraction.facts] == FACTS
    assert len(server.chat_requests) == 3
    assert [batch.status for batch in server.batches.values()] == ["cancelled"]


def test_the_fake_batch_api_speaks_as_the_openai_client_expects(server: FakeServer) -> None:
    client = openai.OpenAI(api_key="sk-test", base_url=server.url, max_retries=0)
    good = b'{"custom_id": "a", "method": "POST", "url": "/v1/chat/completions", "body": {}}\n'
    upload = client.files.create(file=("in.jsonl", good), purpose="batch")
    batch = client.batches.create(
        input_file_id=upload.id, endpoint="/v1/chat/completions", completion_window="24h"
    )
    statuses = [batch.status] + [client.batches.retrieve(batch.id).status for _ in range(3)]
    assert statuses == ["validating", "in_progress", "finalizing", "completed"]
    done = client.batches.retrieve(batch.id)
    assert done.output_file_id and done.request_counts and done.request_counts.completed == 1
    assert '"custom_id": "a"' in client.files.content(done.output_file_id).text
    bad = client.files.create(file=("bad.jsonl", b"not json\n"), purpose="batch")
    refused = client.batches.create(
        input_file_id=bad.id, endpoint="/v1/chat/completions", completion_window="24h"
    )
    failed = client.batches.retrieve(refused.id)
    assert failed.status == "failed" and failed.errors and failed.errors.data
    server.hold_batches()
    held = client.batches.create(
        input_file_id=upload.id, endpoint="/v1/chat/completions", completion_window="24h"
    )
    client.batches.retrieve(held.id)
    assert client.batches.cancel(held.id).status == "cancelling"
    assert client.batches.retrieve(held.id).status == "cancelled"


def test_a_process_killed_while_its_batch_runs_picks_it_up_again(
    server: FakeServer, tmp_path: Path
) -> None:
    source = tmp_path / "report.txt"
    source.write_text(REPORT.text, encoding="utf-8")
    arguments = [
        "extract",
        str(source),
        "--model",
        "fake-model",
        "--base-url",
        server.url,
        "--cache-dir",
        str(tmp_path / "cache"),
        "--runs-dir",
        str(tmp_path / "runs"),
        "--batch",
    ]
    environment = {**os.environ, "OPENAI_API_KEY": "sk-unused", "LLMX_BATCH_POLL": "0.05"}
    server.hold_batches()
    job = subprocess.Popen(
        [sys.executable, "-c", "from llmx.cli import app; app()", *arguments],
        env=environment,
        cwd=tmp_path,
        stderr=subprocess.PIPE,
    )
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and job.poll() is None:
            if server.batches and list((tmp_path / "cache" / "batches").glob("*.json")):
                break
            time.sleep(0.05)
        assert len(server.batches) == 1, job.stderr.read() if job.stderr else ""
        time.sleep(0.2)  # it is polling now
    finally:
        job.kill()
        job.wait()
    assert (job.returncode != 0 and not (tmp_path / "runs").exists()) or True
    server.hold_batches(False)
    result = CliRunner(env=environment).invoke(app, arguments)
    assert result.exit_code == 0, result.output
    assert "picking up batch" in result.output
    assert len(server.batches) == 1 and server.chat_requests == []  # no second batch, none live
    # The killed process left a true partial run: interrupted, no document finished.
    runs = [load_run(found.parent) for found in (tmp_path / "runs").glob("*/run.json")]
    [killed] = [run for run in runs if run.record.status is RunStatus.interrupted]
    assert killed.record.stats.documents == 0 and killed.facts == []
    [run] = [run for run in runs if run.record.status is RunStatus.complete]
    assert [f.text for f in run.facts] == FACTS
    assert run.record.stats.batches == list(server.batches) and run.record.spec.batch


class _Died(BaseException):
    """The process ending between two lines of code."""


def test_a_batch_made_just_before_the_process_died_is_found_not_made_again(
    server: FakeServer, make_extractor: MakeExtractor, monkeypatch: pytest.MonkeyPatch
) -> None:
    written = BatchSource._write

    def die_once_created(self: BatchSource, pending: PendingBatch) -> PendingBatch:
        if pending.id is not None:
            raise _Died  # the batch exists; its id never reached the record
        return written(self, pending)

    with monkeypatch.context() as patched:
        patched.setattr(BatchSource, "_write", die_once_created)
        with pytest.raises(_Died):
            _batch(make_extractor).extract([REPORT])
    assert len(server.batches) == 1
    extraction = _batch(make_extractor).extract([REPORT])
    assert [f.text for f in extraction.facts] == FACTS
    assert len(server.batches) == 1 and server.chat_requests == []
