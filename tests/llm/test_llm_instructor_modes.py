"""Each instructor mode talks to the server in its own shape, and validation re-asks are
instructor's (separate from transport retries, and never cached)."""

from __future__ import annotations

import json

import pytest
from fakeserver import FakeServer, Recorded, Reply
from support import REPORT, MakeExtractor, failure_lines, report_answer

from llmx.llm import InstructorMode


@pytest.mark.parametrize("mode", list(InstructorMode))
def test_each_instructor_mode_round_trips_the_same_facts(
    server: FakeServer, make_extractor: MakeExtractor, mode: InstructorMode
) -> None:
    extraction = make_extractor(instructor_mode=mode).extract([REPORT])
    assert [f.text for f in extraction.facts] == ["983亿元", "7.2%", "5.2%", "6.5%", "5.2%"]
    request = server.requests[0].body
    shape = {
        InstructorMode.tools: "tools" in request and request["tool_choice"]["type"] == "function",
        InstructorMode.json_schema: request.get("response_format", {}).get("type") == "json_schema",
        InstructorMode.json: request.get("response_format") == {"type": "json_object"},
        InstructorMode.md_json: "tools" not in request and "response_format" not in request,
    }
    assert shape[mode], request.keys()
    # A warm re-run parses the stored raw completion the same way.
    assert make_extractor(instructor_mode=mode).extract([REPORT]).facts == extraction.facts


def test_the_cache_keeps_each_mode_apart(server: FakeServer, make_extractor: MakeExtractor) -> None:
    make_extractor(instructor_mode="tools").extract([REPORT])
    second = make_extractor(instructor_mode="json").extract([REPORT])
    assert second.stats.calls == 3 and second.stats.cache_hits == 0


@pytest.mark.parametrize("mode", list(InstructorMode))
def test_malformed_json_from_the_model_is_re_asked_and_recovered(
    server: FakeServer, make_extractor: MakeExtractor, mode: InstructorMode
) -> None:
    server.script(Reply(raw_content='{"facts": [{"text": "983亿元", "value": '))
    extraction = make_extractor(instructor_mode=mode, concurrency=1).extract([REPORT])
    assert failure_lines(extraction) == []
    assert extraction.stats.validation_retries == 1
    assert len(server.requests) == 4  # three sections, one re-ask
    first, reask = (json.dumps(r.body["messages"], ensure_ascii=False) for r in server.requests[:2])
    assert "Your previous answer could not be used: " in reask  # the error went back…
    assert len(first) < len(reask) <= len(first) + 1000  # …but not the answer: same size


def test_re_asks_stay_the_size_of_the_first_prompt(
    server: FakeServer, make_extractor: MakeExtractor
) -> None:
    huge = {"facts": [{"text": f"{n}亿元", "value": "lots", "indicator": "x"} for n in range(300)]}
    server.responder = lambda _request: Reply(payload=huge)
    extraction = make_extractor(validation_retries=3, concurrency=1).extract([REPORT])
    assert len(extraction.failures) == 3 and len(server.requests) == 3 * 4
    sizes = [len(json.dumps(r.body, ensure_ascii=False)) for r in server.requests[:4]]
    assert max(sizes) <= sizes[0] + 1000, sizes
    assert extraction.failures[0].raw_answer == json.dumps(huge, ensure_ascii=False)
    assert extraction.failures[0].summary.startswith(
        "answer failed validation after 4 attempts: ValidationError: facts.0.value: "
    )


def test_lax_validation_takes_strings_and_years_without_a_paid_re_ask(
    server: FakeServer, make_extractor: MakeExtractor
) -> None:
    def sloppy(request: Recorded) -> object:
        answer = report_answer(request)
        for item in answer["facts"]:
            item.update(value=str(item["value"]), period=f"{item['period']}年", status="Actual")
        return answer

    server.responder = sloppy
    extraction = make_extractor().extract([REPORT])
    assert extraction.stats.validation_retries == 0
    assert extraction.facts[0].value == 98300000000 and extraction.facts[0].period == "2023"


def test_an_impossible_value_is_re_asked_with_the_validator_message(
    server: FakeServer, make_extractor: MakeExtractor
) -> None:
    first = report_answer(_request_for("983亿元"))
    first["facts"][0]["value"] = "983亿"  # not a number: the validator explains what is wanted
    server.script(Reply(payload=first))
    extraction = make_extractor(concurrency=1).extract([REPORT])
    assert failure_lines(extraction) == []
    reask = json.dumps(server.requests[1].body["messages"], ensure_ascii=False)
    assert "is not a plain number; write the number times its magnitude word" in reask


def test_validation_retries_are_capped_n_retries_meaning_n_plus_one_attempts(
    server: FakeServer, make_extractor: MakeExtractor
) -> None:
    server.responder = lambda _request: Reply(raw_content="not json")
    extraction = make_extractor(validation_retries=2, concurrency=1).extract([REPORT])
    assert len(server.requests) == 3 * 3
    assert extraction.stats.validation_retries == 3 * 2
    assert extraction.stats.transport_retries == 0


def test_an_answer_cut_off_at_max_tokens_fails_with_advice(
    server: FakeServer, make_extractor: MakeExtractor
) -> None:
    server.responder = lambda request: Reply(payload=report_answer(request), finish_reason="length")
    extraction = make_extractor(max_tokens=64).extract([REPORT])
    assert failure_lines(extraction)[0].endswith(
        "the answer was cut off at max_tokens=64; raise --max-tokens or split the section"
    )


def _request_for(text: str) -> Recorded:
    prompt = f"<text>\n{text}\n</text>"
    return Recorded("/", {}, {"messages": [{"role": "user", "content": prompt}]}, 0.0)
