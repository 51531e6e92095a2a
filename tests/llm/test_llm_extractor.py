"""The model extractor end to end against the fake server: calls, cache, offline, failures,
hallucinations, accounting and concurrency."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest
from fakeserver import FakeServer, Recorded, Reply
from support import GDP, KEY, REPORT, MakeExtractor, fact, failure_lines, report_answer

from llmx.documents import Document
from llmx.errors import CacheMiss, ConfigError
from llmx.llm import Price
from llmx.runs import record_of, write_run
from llmx.sections import split_sections

SECTIONS = len(split_sections(REPORT.id, REPORT.text))


def test_every_section_is_one_call_on_a_cold_cache_and_none_on_a_warm_one(
    server: FakeServer, make_extractor: MakeExtractor
) -> None:
    cold = make_extractor().extract([REPORT])
    assert (cold.stats.sections, cold.stats.calls, cold.stats.cache_hits) == (SECTIONS, 3, 0)
    assert len(server.requests) == SECTIONS
    warm = make_extractor().extract([REPORT])
    assert (warm.stats.calls, warm.stats.cache_hits) == (0, SECTIONS)
    assert len(server.requests) == SECTIONS  # nothing new reached the server
    assert warm.facts == cold.facts


def test_a_warm_run_pays_nothing_but_says_what_it_costs_afresh(
    make_extractor: MakeExtractor,
) -> None:
    price = {"fake-model": Price(input=2.0, output=8.0)}
    cold = make_extractor(prices=price).extract([REPORT]).stats
    warm = make_extractor(prices=price).extract([REPORT]).stats
    assert (warm.calls, warm.tokens_in, warm.cost) == (0, 0, 0.0)
    # The cache kept each answer's usage and latency: a fair comparison uses them.
    fresh = warm.fresh
    assert (fresh.calls, fresh.tokens_in, fresh.tokens_out) == (
        cold.calls + cold.cache_hits,
        cold.tokens_in,
        cold.tokens_out,
    )
    assert fresh.cost == pytest.approx(cold.cost) and cold.cost > 0
    assert fresh.call_seconds > 0 and cold.call_seconds > 0


def test_facts_are_grounded_to_their_spans_in_the_document(make_extractor: MakeExtractor) -> None:
    facts = make_extractor().extract([REPORT]).facts
    assert [(f.text, f.section, f.extractor) for f in facts] == [
        ("983亿元", "1", "llm"),
        ("7.2%", "1", "llm"),
        ("5.2%", "1", "llm"),
        ("6.5%", "2", "llm"),
        ("5.2%", "2", "llm"),
    ]
    assert all(REPORT.text[f.start : f.end] == f.text for f in facts)
    assert facts[3].qualifier == "左右" and facts[3].status == "target"


def test_a_hallucinated_number_is_dropped_and_counted(
    server: FakeServer, make_extractor: MakeExtractor
) -> None:
    def inventive(request: Recorded) -> object:
        answer = report_answer(request)
        if "983亿元" in request.section_text:
            answer["facts"].append(fact("9.9%", 9.9, "居民收入增速"))  # not in the text
            answer["facts"].append({**GDP, "value": 12345.0})  # in the text, wrong value
        return answer

    server.responder = inventive
    extraction = make_extractor().extract([REPORT])
    assert [f.text for f in extraction.facts] == ["983亿元", "7.2%", "5.2%", "6.5%", "5.2%"]
    stats = extraction.stats
    assert (stats.facts_proposed, stats.dropped_ungrounded) == (7, 2)
    assert stats.dropped == {"quote not in the section": 1, "value not stated by the text": 1}
    assert stats.hallucination_rate == pytest.approx(2 / 7)


def test_offline_replays_the_cache_without_a_key_or_a_server(
    server: FakeServer, make_extractor: MakeExtractor
) -> None:
    online = make_extractor().extract([REPORT])
    server.stop()
    # No API key anywhere, and no server: offline needs neither.
    replayed = make_extractor(offline=True, env={}).extract([REPORT])
    assert replayed.facts == online.facts and replayed.stats.calls == 0


def test_offline_fails_clearly_on_a_miss_and_calls_nothing(
    server: FakeServer, make_extractor: MakeExtractor
) -> None:
    with pytest.raises(CacheMiss, match=r"--offline: 3 of 3 sections have no cached answer"):
        make_extractor(offline=True).extract([REPORT])
    assert server.requests == []


def test_a_missing_api_key_is_a_config_error_for_a_remote_server(
    make_extractor: MakeExtractor,
) -> None:
    extractor = make_extractor(base_url="https://api.example.com/v1", env={})
    with pytest.raises(ConfigError, match=r"no API key: set \$OPENAI_API_KEY"):
        extractor.extract([REPORT])


def test_a_failed_section_is_reported_the_others_kept_and_nothing_cached_for_it(
    server: FakeServer, make_extractor: MakeExtractor, tmp_path: Path
) -> None:
    def broken_plan(request: Recorded) -> object:
        if "6.5%" in request.section_text:
            return Reply(status=400)  # not retried: a bad request stays bad
        return report_answer(request)

    server.responder = broken_plan
    extraction = make_extractor().extract([REPORT])
    assert [f.section for f in extraction.facts] == ["1", "1", "1"]
    [failure] = failure_lines(extraction)
    assert failure == "report §2: HTTP 400 from the model server (not retried)"
    assert len(list((tmp_path / "cache").glob("*/*.json"))) == 2
    server.responder = report_answer
    again = make_extractor().extract([REPORT])
    assert (again.stats.calls, again.stats.cache_hits, failure_lines(again)) == (1, 2, [])


def test_invalid_answers_are_never_cached(
    server: FakeServer, make_extractor: MakeExtractor, tmp_path: Path
) -> None:
    server.responder = lambda _request: Reply(raw_content="I cannot find any facts.")
    extraction = make_extractor(validation_retries=1).extract([REPORT])
    assert len(failure_lines(extraction)) == SECTIONS
    assert all("failed validation after 2 attempts" in f for f in failure_lines(extraction))
    assert not list((tmp_path / "cache").glob("*/*.json"))


def test_api_keys_never_reach_cache_files_or_runs(
    server: FakeServer, make_extractor: MakeExtractor, tmp_path: Path
) -> None:
    extractor = make_extractor()
    extraction = extractor.extract([REPORT])
    assert server.requests[0].headers["authorization"] == f"Bearer {KEY}"  # it was used
    record = record_of(
        tmp_path / "run", extraction, spec=extractor.describe(), started="", finished=""
    )
    run = write_run(tmp_path / "run", record, extraction.facts)
    written = [*(tmp_path / "cache").rglob("*.json"), *run.path.iterdir()]
    assert len(written) == SECTIONS + 3
    for path in written:
        assert KEY not in path.read_text(encoding="utf-8"), path


def test_tokens_and_cost_come_from_the_api_usage_and_the_price_table(
    server: FakeServer, make_extractor: MakeExtractor
) -> None:
    extractor = make_extractor(prices={"fake-model": Price(input=2.0, output=8.0)})
    stats = extractor.extract([REPORT]).stats
    assert stats.calls == len(server.requests) == SECTIONS
    assert stats.tokens_in > 0 and stats.tokens_out > 0
    assert stats.cost == pytest.approx((stats.tokens_in * 2.0 + stats.tokens_out * 8.0) / 1e6)


def test_sections_are_asked_concurrently_up_to_the_limit(
    server: FakeServer, make_extractor: MakeExtractor
) -> None:
    in_flight, peak, lock = 0, 0, threading.Lock()

    def slow(request: Recorded) -> object:
        nonlocal in_flight, peak
        with lock:
            in_flight += 1
            peak = max(peak, in_flight)
        time.sleep(0.15)
        with lock:
            in_flight -= 1
        return report_answer(request)

    server.responder = slow
    make_extractor(concurrency=2).extract([REPORT])
    assert peak == 2  # never more than asked for, and really in parallel


def test_progress_is_reported_once_per_section(make_extractor: MakeExtractor) -> None:
    lines: list[str] = []
    make_extractor().extract([REPORT], lines.append)
    assert len(lines) == SECTIONS
    assert lines[-1].startswith("3 calls · 0 cached · ")
    # The fake model has no price: its cost is unknown, never shown as $0.
    assert all(" tok · " in line and "$" not in line for line in lines)
    assert lines[-1].endswith("cost unknown")


def test_a_run_records_model_prompt_and_schema_but_no_secret(
    make_extractor: MakeExtractor,
) -> None:
    described = make_extractor(base_url="http://user:pw@127.0.0.1:9/v1").describe()
    assert described.extractor == "llm" and described.model == "fake-model"
    assert described.prompt == "extract@v3" and len(described.prompt_hash or "") == 16
    assert described.base_url == "http://127.0.0.1:9/v1"  # credentials taken out
    assert described.params == {"temperature": 0, "max_tokens": 6144}
    assert "pw" not in described.model_dump_json()


def test_the_same_request_from_two_sections_is_one_call(
    server: FakeServer, make_extractor: MakeExtractor
) -> None:
    twin = Document("twin", REPORT.text)  # extract@v1 does not name the document
    extraction = make_extractor(prompt="extract@v1").extract([REPORT, twin])
    assert len(server.requests) == extraction.stats.calls == SECTIONS
    assert extraction.stats.cache_hits == SECTIONS
    assert [f.doc for f in extraction.facts].count("twin") == 5
