"""Rules first: the rules read every section, and a model only those where they leave
figures unread — a table in a layout they do not know — so a job pays for the gaps alone."""

from __future__ import annotations

from pathlib import Path

from fakeserver import FakeServer, Recorded, Reply
from support import MakeExtractor, fact

from llmx.documents import Document

# A prose section the rules read whole, and a table of towns whose unit the rules cannot
# tell (no header says it), which leaves nine figures unread.
TOWNS = Document(
    "towns",
    "某县2024年经济运行情况\n"
    "一、总体情况\n"
    "全县地区生产总值125.6亿元,增长6.2%。\n"
    "二、各乡镇户数\n"
    "乡镇 甲 乙 丙\n"
    "东山 13 27 45\n"
    "西山 18 22 61\n"
    "南山 19 33 70\n",
)


def town_answer(request: Recorded) -> object:
    if "东山" not in request.section_text:
        return {"facts": []}
    return {
        "facts": [
            fact(figure, float(figure), f"{town}户数", unit="户", kind="level", period="2024")
            for town, figures in (("东山", "13 27 45"), ("西山", "18 22 61"), ("南山", "19 33 70"))
            for figure in figures.split()
        ]
    }


def test_only_the_section_the_rules_leave_unread_is_asked(
    server: FakeServer, make_extractor: MakeExtractor
) -> None:
    server.responder = town_answer
    extraction = make_extractor("rules-first").extract([TOWNS])
    assert len(server.requests) == 1 and "东山 13 27 45" in server.requests[0].section_text
    assert (extraction.stats.sections_asked, extraction.stats.sections) == (1, 3)
    assert [(f.text, f.unit, f.extractor) for f in extraction.facts][:3] == [
        ("125.6亿元", "元", "rules"),
        ("6.2%", "%", "rules"),
        ("13", "户", "rules-first"),
    ]
    assert len(extraction.facts) == 11  # the rules' two, the model's nine, in text order


def test_a_section_whose_answer_fails_keeps_the_rules_facts_and_is_reported(
    server: FakeServer, make_extractor: MakeExtractor
) -> None:
    server.responder = lambda request: Reply(raw_content="no idea")
    extraction = make_extractor("rules-first", validation_retries=0).extract([TOWNS])
    [failure] = extraction.failures
    assert (failure.section, failure.fallback) == ("2", "rules")
    assert [f.text for f in extraction.facts] == ["125.6亿元", "6.2%"]


def test_rules_first_shares_the_llm_runs_answers_and_pays_nothing_again(
    server: FakeServer, make_extractor: MakeExtractor
) -> None:
    server.responder = town_answer
    make_extractor("llm").extract([TOWNS])
    asked = len(server.requests)
    again = make_extractor("rules-first").extract([TOWNS])
    assert len(server.requests) == asked  # the table's answer came from the cache
    assert again.stats.calls == 0 and again.stats.cache_hits == 1


def test_an_asked_section_keeps_the_rules_facts_the_answer_leaves_alone(
    server: FakeServer, make_extractor: MakeExtractor, tmp_path: Path
) -> None:
    towns = Document(
        "one-section",
        TOWNS.text.replace("二、各乡镇户数\n", "二、各乡镇户数\n全县共有户数5.2万户。\n"),
    )

    def table_and_a_second_reading(request: Recorded) -> object:
        answer = town_answer(request)
        assert isinstance(answer, dict)
        if "东山" in request.section_text:  # the model reads the households its own way
            answer["facts"].append(
                fact("5.2万户", 52000, "全县户数(模型)", unit="户", kind="level")
            )
        return answer

    server.responder = table_and_a_second_reading
    facts = make_extractor("rules-first").extract([towns]).facts
    households = [(f.text, f.indicator, f.extractor) for f in facts if f.text == "5.2万户"]
    assert households == [("5.2万户", "全县户数(模型)", "rules-first")]  # the model's, once

    server.responder = town_answer  # an answer without it: the rules' reading stays
    facts = make_extractor("rules-first", cache_dir=tmp_path / "another").extract([towns]).facts
    assert [(f.text, f.extractor) for f in facts if f.text == "5.2万户"] == [("5.2万户", "rules")]


def test_a_document_whose_unread_figures_are_spread_thin_has_each_such_section_asked(
    server: FakeServer, make_extractor: MakeExtractor
) -> None:
    # Four unread figures a section is too few to ask about one section alone, but twelve
    # of the document's fourteen figures are worth a look: `llmx extract` names it, so
    # rules-first asks each section holding one.
    spread = Document(
        "spread",
        "某县2024年经济运行情况\n"
        "一、总体情况\n"
        "全县地区生产总值125.6亿元,增长6.2%。\n"
        + "".join(
            f"{number}、{side}部乡镇户数\n乡镇 甲 乙\n{side}山 13 27\n{side}岭 18 22\n"
            for number, side in (("二", "东"), ("三", "西"), ("四", "南"))
        ),
    )
    server.responder = lambda request: {"facts": []}
    extraction = make_extractor("rules-first").extract([spread])
    assert (extraction.stats.sections_asked, extraction.stats.sections) == (3, 5)
    assert all("山 13 27" in request.section_text for request in server.requests)
    assert [f.text for f in extraction.facts] == ["125.6亿元", "6.2%"]
