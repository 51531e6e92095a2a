"""Hybrid mode: the rules' candidates, numbered, go to the model, which keeps or drops each,
fills what rules cannot judge, and adds what they missed by quoting it."""

from __future__ import annotations

from fakeserver import FakeServer, Recorded, Reply
from support import REPORT, MakeExtractor, fact, failure_lines

from llmx.documents import Document


def _numbered(request: Recorded) -> list[str]:
    block = request.user_message.split("<candidates>")[1]
    return [line.split(" — ")[0] for line in block.splitlines() if line.startswith("[")]


def test_the_model_keeps_drops_fills_and_adds(
    server: FakeServer, make_extractor: MakeExtractor
) -> None:
    def judge(request: Recorded) -> object:
        if "983亿元" not in request.section_text:
            return {"decisions": [], "added": []}
        assert _numbered(request) == ["[1] 983亿元", "[2] 7.2%", "[3] 5.2%"]
        return {
            "decisions": [
                {"id": 1, "keep": True, "indicator": "GDP", "period": "2023"},
                {"id": 2, "keep": False},
                {"id": 3, "keep": True, "kind": "change", "period": None},
            ],
            "added": [fact("7.2%", 7.2, "地区生产总值增速(重报)")],
        }

    server.responder = judge
    facts = make_extractor("hybrid").extract([REPORT]).facts
    assert [(f.text, f.indicator, f.period, f.extractor) for f in facts] == [
        ("983亿元", "GDP", "2023", "hybrid"),
        ("7.2%", "地区生产总值增速(重报)", "2023", "hybrid"),
        ("5.2%", "规上工业增加值增长", None, "hybrid"),  # the rules' indicator, the model's period
    ]


def test_a_decision_on_a_candidate_that_does_not_exist_is_left_out_not_re_asked(
    server: FakeServer, make_extractor: MakeExtractor
) -> None:
    server.responder = lambda request: (
        {"decisions": [{"id": 1, "keep": True}, {"id": 9, "keep": True}]}
        if "983亿元" in request.section_text
        else {"decisions": []}
    )
    extraction = make_extractor("hybrid", concurrency=1).extract([REPORT])
    assert failure_lines(extraction) == [] and len(server.requests) == 3
    assert [f.text for f in extraction.facts] == ["983亿元"]  # candidate 1 of 3, kept
    assert extraction.stats.dropped == {"invalid in the answer: unknown candidate": 1}
    assert extraction.stats.validation_retries == 0


def test_a_section_whose_answer_cannot_be_used_keeps_its_rules_facts_marked_as_such(
    server: FakeServer, make_extractor: MakeExtractor
) -> None:
    server.responder = lambda request: (
        Reply(raw_content="no idea")
        if "983亿元" in request.section_text
        else {"decisions": [], "added": []}
    )
    extraction = make_extractor("hybrid", validation_retries=1).extract([REPORT])
    [failure] = extraction.failures
    assert (failure.section, failure.fallback, failure.attempts) == ("1", "rules", 2)
    assert failure.raw_answer == "no idea"
    assert [(f.text, f.extractor) for f in extraction.facts] == [
        ("983亿元", "rules"),
        ("7.2%", "rules"),
        ("5.2%", "rules"),
    ]


def test_prompts_reach_the_server_verbatim_whatever_the_text_holds(
    server: FakeServer, make_extractor: MakeExtractor
) -> None:
    odd = Document("odd", "一、说明\n\t\n  缩进  \n模板{{ x }}与{% raw %}增长5%。\n")
    for mode in ("llm", "hybrid"):
        server.requests.clear()
        server.responder = lambda _r: {"facts": [], "decisions": [], "added": []}
        make_extractor(mode).extract([odd])
        assert {r.section_text for r in server.requests} >= {odd.text}, mode
