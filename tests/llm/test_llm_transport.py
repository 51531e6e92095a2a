"""Transport retries: 429 (honouring Retry-After), 5xx, timeouts, dropped connections and
garbled bodies are retried with backoff and recovered; retries are capped; a bad request is
not retried; pacing holds requests back."""

from __future__ import annotations

import asyncio
import time

import pytest
from fakeserver import FakeServer, Reply
from support import REPORT, MakeExtractor, closed_port, failure_lines, report_answer

from llmx.errors import ServerError
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


@pytest.mark.parametrize(
    ("trouble", "said"),
    [
        (Reply(status=401), "refused the API key (HTTP 401: fake status 401): check $OPENAI_API"),
        (Reply(status=403), "refused the request (HTTP 403"),
        (Reply(status=404), "answered HTTP 404 (fake status 404): check --base-url"),
        (Reply(status=501), "answered HTTP 501 (fake status 501): check --base-url"),
        (
            Reply(status=400, body=b'{"error": {"message": "The model `x` does not exist"}}'),
            "has no model 'fake-model' (HTTP 400: The model `x` does not exist): check --model",
        ),
    ],
    ids=["401", "403", "404", "501-a-web-server-not-taking-post", "400-unknown-model"],
)
def test_an_answer_every_section_would_get_stops_the_job_at_once(
    server: FakeServer, make_extractor: MakeExtractor, trouble: Reply, said: str
) -> None:
    server.script(*[trouble] * 10)
    with pytest.raises(ServerError) as stopped:
        make_extractor(concurrency=1).extract([REPORT])
    assert len(server.requests) == 1  # not retried, and no other section asked
    assert str(stopped.value).startswith(server.url) and said in str(stopped.value)


def test_a_bad_request_for_one_section_fails_that_section_alone(
    server: FakeServer, make_extractor: MakeExtractor
) -> None:
    server.script(Reply(status=400))
    extraction = make_extractor(concurrency=1).extract([REPORT])
    assert failure_lines(extraction) == ["report §0: HTTP 400 from the model server (not retried)"]
    assert extraction.failures[0].error == "HTTP 400" and extraction.stats.transport_retries == 0


def test_a_server_that_is_down_stops_the_job_in_seconds_naming_the_url(
    make_extractor: MakeExtractor,
) -> None:
    url = f"http://127.0.0.1:{closed_port()}/v1"
    began = time.monotonic()
    with pytest.raises(ServerError) as stopped:
        make_extractor(base_url=url, backoff_initial=1.0, backoff_max=60).extract([REPORT])
    assert time.monotonic() - began < 5
    assert str(stopped.value) == (
        f"cannot connect to {url} (connection refused): "
        "is the server running, and is --base-url right?"
    )


def test_a_server_that_goes_down_mid_job_fails_sections_not_the_job(
    server: FakeServer, make_extractor: MakeExtractor
) -> None:
    server.responder = lambda request: (
        report_answer(request) if len(server.requests) == 1 else Reply(drop=True)
    )
    extraction = make_extractor(concurrency=1, transport_retries=1).extract([REPORT])
    assert [failure.error for failure in extraction.failures] == ["ConnectionFailed"] * 2


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
