"""Grounding ties each proposed fact to its span, checks its value against the text, and drops
what the text does not say. Pure: every example here is a string and a list of proposals."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from llmx.llm.grounding import DropReason, Proposal, ground, split_unit_magnitude


def proposal(
    text: str, value: float, unit: str = "%", indicator: str = "", **more: Any
) -> Proposal:
    return Proposal(text, value, unit, indicator, more.pop("status", "actual"), "level", **more)


def spans(section: str, *proposals: Proposal) -> list[tuple[str, int]]:
    return [(fact.text, fact.start) for fact in ground(section, proposals).facts]


def test_an_exact_quote_is_its_own_span() -> None:
    section = "全年地区生产总值达到983亿元、增长7.2%。"
    [fact] = ground(section, [proposal("983亿元", 983e8, "元")]).facts
    assert (fact.start, fact.end, fact.how) == (10, 15, "exact")


def test_a_quote_in_simplified_or_half_width_finds_traditional_full_width_text() -> None:
    section = "地區生產總值918.6億元，增長２.６％。"
    facts = ground(section, [proposal("918.6亿元", 918.6e8, "元"), proposal("2.6%", 2.6)]).facts
    assert [(f.text, f.how, f.unit) for f in facts] == [
        ("918.6億元", "folded", "元"),
        ("２.６％", "folded", "%"),
    ]


def test_a_quote_not_written_that_way_falls_back_to_the_same_number_nearby() -> None:
    section = "新增市场主体7 万户，增长12%。"
    [fact] = ground(section, [proposal("7万户", 7e4, "户", "新增市场主体")]).facts
    assert (fact.text, fact.how, fact.value) == ("7 万户", "number", 7e4)


@pytest.mark.parametrize(
    ("section", "misplaced"),
    [
        ("二、主要目标\n工业投资增长8%。", proposal("二项", 2, "项", "主要目标")),
        ("（三）重点项目\n完成投资5亿元。", proposal("三个", 3, "个", "重点项目")),
        ("全区唯一的示范区，常住人口12万人。", proposal("一万人", 1e4, "人", "唯一的示范区")),
        ("零售额增长5%。", proposal("零%", 0, "%", "零售额")),
        ("完成6.6万亩改造，增长7%。", proposal("6万亩", 6e4, "亩", "改造")),
        ("地块XA08号出让，收入3亿元。", proposal("08号", 8, "号", "地块XA")),
        ("序号\t项目\t投资\n1\t道路\t5亿元\n2\t桥梁\t3亿元", proposal("2个", 2, "个", "序号")),
        ("新增就业8000人，增长8%。", proposal("8千元", 8000, "元", "新增就业")),
        ("新增就业8000人，培训8000人次。", proposal("八千人", 8000, "人", "居民收入")),
        ("增长7.2%。", proposal("9.9%", 9.9, "%", "增长")),
    ],
    ids=[
        "outline-numeral",
        "bracketed-outline-numeral",
        "character-inside-a-word",
        "numeral-starting-a-word",
        "digit-inside-a-longer-number",
        "digits-inside-a-code",
        "serial-number-column",
        "same-number-other-unit",
        "same-number-and-unit-other-context",
        "number-nowhere",
    ],
)
def test_a_quote_not_in_the_text_is_never_placed_where_the_text_does_not_say_it(
    section: str, misplaced: Proposal
) -> None:
    grounding = ground(section, [misplaced])
    assert grounding.facts == ()
    [dropped] = grounding.dropped
    assert dropped.kind is DropReason.quote_not_found


def test_a_number_inside_a_code_is_not_a_quote_of_it() -> None:
    assert ground("推进5G基站建设，PM2.5浓度下降。", [proposal("5", 5, "")]).facts == ()
    assert ground("PM2.5浓度下降。", [proposal("2.5", 2.5, "")]).facts == ()


def test_a_number_is_never_found_inside_a_longer_number() -> None:
    grounding = ground("增长15%，占比2.5%。", [proposal("5%", 5)])
    assert grounding.facts == () and len(grounding.dropped) == 1


def test_a_hallucinated_quote_is_dropped_with_the_reason() -> None:
    grounding = ground("增长7.2%。", [proposal("7.2%", 7.2), proposal("9.9%", 9.9)])
    assert [fact.text for fact in grounding.facts] == ["7.2%"]
    [dropped] = grounding.dropped
    assert dropped.reason == (
        "quote '9.9%' is not in the section, nor its number and unit where the text speaks "
        "of its indicator"
    )


def test_a_value_the_text_does_not_state_is_dropped() -> None:
    grounding = ground("增长7.2%。", [proposal("7.2%", 8.1)])
    assert grounding.dropped[0].reason == "value 8.1 is not what '7.2%' states"


def test_the_text_fixes_a_value_whose_magnitude_the_model_forgot() -> None:
    [fact] = ground("投资983亿元。", [proposal("983亿元", 983, "亿元")]).facts
    assert (fact.value, fact.unit) == (983e8, "元")


def test_a_bare_table_cell_keeps_the_magnitude_its_header_gave() -> None:
    section = "\t地区生产总值（亿元）\n\t6.27\n"
    [fact] = ground(section, [proposal("6.27", 6.27e8, "元")]).facts
    assert (fact.value, fact.unit) == (6.27e8, "元")
    [same] = ground(section, [proposal("6.27", 6.27, "亿元")]).facts  # the magnitude on the unit
    assert (same.value, same.unit) == (6.27e8, "元")


def test_repeated_quotes_align_in_order_not_to_the_first_occurrence() -> None:
    section = "工业增长5.2%，投资增长6.0%，消费增长5.2%。"
    facts = ground(
        section,
        [
            proposal("5.2%", 5.2, indicator="工业增速"),
            proposal("6.0%", 6.0, indicator="投资增速"),
            proposal("5.2%", 5.2, indicator="消费增速"),
        ],
    ).facts
    assert [(f.indicator, f.start) for f in facts] == [
        ("工业增速", section.index("5.2%")),
        ("投资增速", section.index("6.0%")),
        ("消费增速", section.rindex("5.2%")),
    ]


def test_a_repeated_quote_mentioned_once_is_placed_by_its_context() -> None:
    section = "工业增长5.2%，消费品零售总额增长5.2%。"
    [fact] = ground(section, [proposal("5.2%", 5.2, indicator="社会消费品零售总额增速")]).facts
    assert fact.start == section.rindex("5.2%")


def test_anchors_on_either_side_decide_which_repeat_is_meant() -> None:
    section = "增长5%；固定资产投资增长8%，增长5%；进出口增长3%。"
    facts = ground(section, [proposal("8%", 8), proposal("5%", 5), proposal("3%", 3)]).facts
    assert [f.start for f in facts] == [
        section.index("8%"),
        section.rindex("5%"),
        section.index("3%"),
    ]


def test_two_facts_on_one_span_are_merged() -> None:
    grounding = ground(
        "增长7.2%左右。",
        [proposal("7.2%", 7.2, indicator="增速"), proposal("7.2%", 7.2, qualifier="左右")],
    )
    [fact] = grounding.facts
    assert (grounding.merged, fact.indicator, fact.qualifier) == (1, "增速", "左右")


def test_words_quoted_around_a_number_are_cut_back_to_the_standard_span() -> None:
    section = "常住人口约5万人，增速8%以上。"
    facts = ground(section, [proposal("约5万人", 5e4, "人"), proposal("8%以上", 8)]).facts
    assert [(f.text, f.qualifier) for f in facts] == [("5万人", "约"), ("8%", "以上")]


def test_a_known_span_is_kept_when_its_text_matches() -> None:
    section = "增长5.2%，又增长5.2%。"
    [fact] = ground(section, [proposal("5.2%", 5.2, span=(10, 14))]).facts
    assert (fact.start, fact.how) == (10, "candidate")
    [moved] = ground(section, [proposal("5.2%", 5.2, span=(9, 13))]).facts  # a stale span
    assert moved.how == "exact"


def test_a_number_after_a_list_number_is_its_own_number() -> None:
    section = "备注：1.5项带“*”号指标为约束性指标。"
    [fact] = ground(section, [proposal("5项", 5, "项")]).facts
    assert (fact.text, fact.start) == ("5项", 5)


def test_units_lose_their_magnitude_word_but_not_their_own_prefix() -> None:
    assert split_unit_magnitude("亿元") == ("元", 1e8)
    assert split_unit_magnitude("万吨标准煤") == ("吨标准煤", 1e4)
    assert split_unit_magnitude("億元") == ("元", 1e8)
    assert split_unit_magnitude("千瓦时") == ("千瓦时", 1.0)
    assert split_unit_magnitude("个百分点") == ("个百分点", 1.0)


@given(st.lists(st.sampled_from(["5.2%", "6.0%", "983亿元", "12个", "9.9%"]), max_size=8))
def test_every_grounded_fact_quotes_the_section_and_nothing_is_lost(quotes: list[str]) -> None:
    section = "增长5.2%、6.0%，总量983亿元，新增12个，又增长5.2%。"
    values = {"5.2%": 5.2, "6.0%": 6.0, "983亿元": 983e8, "12个": 12, "9.9%": 9.9}
    proposals = [proposal(quote, values[quote]) for quote in quotes]
    grounding = ground(section, proposals)
    assert all(section[f.start : f.end] == f.text for f in grounding.facts)
    assert len(grounding.facts) + len(grounding.dropped) + grounding.merged == len(proposals)
    assert len({(f.start, f.end) for f in grounding.facts}) == len(grounding.facts)


def test_a_unit_written_in_the_token_wins_over_the_models() -> None:
    [fact] = ground("高于全市2个百分点。", [proposal("2个百分点", 2, "%")]).facts
    assert fact.unit == "个百分点"
    [cell] = ground("\t城镇新增就业（万人）\n\t0.8\n", [proposal("0.8", 8000, "人")]).facts
    assert (cell.unit, cell.value) == ("人", 8000)  # no unit in the cell: the model's reading
