"""Transport retries: 429 (honouring Retry-After), 5xx, timeouts, dropped connections and
garbled bodies are retried with backoff and recovered; retries are capped; a bad request is
not retried; pacing holds requests back."""

from __future__ import annotations

import asyncio

import pytest
from fakeserver import FakeServer, Reply
from support import REPORT, MakeExtractor, failure_lines

from llmx.extraction import Extraction
from llmx.llm.pacing import Pacer


def _one_section_run(make_extractor: MakeExtractor, **settings: object) -> Extraction:
    extraction = make_extractor(concurrency=1, **settings).extract([REPORT])
    assert [f.text for f in extraction.facts] == ["983亿元", "7.2%", "5.2%", "6.5%", "5.2%"]
    return extraction


@pytest.mark.parametrize(
    "trouble",
    [
        Reply(status=429),
        Reply(status=500),
        Reply(status=503),
        Reply(drop=True),
        Reply(body=b'{"id": "chatcmpl-1", "choices": [{"mess'),
        Reply(body=b"<html>bad gateway</html>", status=200),
    ],
    ids=["429", "500", "503", "dropped-connection", "truncated-body", "not-json"],
)
def test_a_transient_failure_is_retried_and_recovered(
    server: FakeServer, make_extractor: MakeExtractor, trouble: Reply
) -> None:
    server.script(trouble, trouble)
    extraction = _one_section_run(make_extractor)
    stats = extraction.stats
    assert (stats.transport_retries, stats.validation_retries) == (2, 0)
    assert stats.calls == 3 and stats.requests == 5 and extraction.failures == []


def test_a_timeout_is_retried_and_recovered(
    server: FakeServer, make_extractor: MakeExtractor
) -> None:
    server.script(Reply(delay=1.0))
    extraction = _one_section_run(make_extractor, timeout=0.3)
    assert extraction.stats.transport_retries == 1


def test_retry_after_is_honoured(server: FakeServer, make_extractor: MakeExtractor) -> None:
    server.script(Reply(status=429, headers={"Retry-After": "0.4"}))
    _one_section_run(make_extractor, backoff_initial=0.001)
    first, second = server.requests[0], server.requests[1]
    assert second.received - first.received >= 0.4


def test_retry_after_is_capped(server: FakeServer, make_extractor: MakeExtractor) -> None:
    server.script(Reply(status=429, headers={"Retry-After": "3600"}))
    _one_section_run(make_extractor, backoff_max=0.2)
    assert server.requests[1].received - server.requests[0].received < 2


def test_transport_retries_are_capped_and_the_section_fails_alone(
    server: FakeServer, make_extractor: MakeExtractor
) -> None:
    server.script(*[Reply(status=502)] * 3)
    extraction = make_extractor(concurrency=1, transport_retries=2).extract([REPORT])
    assert failure_lines(extraction) == [
        "report §0: HTTP 502 from the model server after 3 requests (transport retries spent)"
    ]
    assert [f.section for f in extraction.facts] == ["1", "1", "1", "2", "2"]


def test_an_authentication_error_is_not_retried(
    server: FakeServer, make_extractor: MakeExtractor
) -> None:
    server.script(Reply(status=401))
    extraction = make_extractor(concurrency=1).extract([REPORT])
    assert failure_lines(extraction) == ["report §0: HTTP 401 from the model server (not retried)"]
    assert extraction.stats.transport_retries == 0


def test_the_request_limit_holds_requests_back() -> None:
    async def second_request_waits() -> bool:
        pacer = Pacer(rpm=1)
        await pacer.before_request({"messages": []})
        try:
            await asyncio.wait_for(pacer.before_request({"messages": []}), timeout=0.2)
        except TimeoutError:
            return True
        return False

    assert asyncio.run(second_request_waits())


def test_the_token_limit_counts_prompt_and_completion_tokens() -> None:
    async def third_request_waits() -> bool:
        pacer = Pacer(tpm=1000)
        await pacer.before_request({"messages": [{"role": "user", "content": "字" * 400}]})
        await pacer.after_response(500)
        try:
            await asyncio.wait_for(
                pacer.before_request({"messages": [{"role": "user", "content": "字" * 400}]}),
                timeout=0.2,
            )
        except TimeoutError:
            return True
        return False

    assert asyncio.run(third_request_waits())
