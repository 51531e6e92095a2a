"""Years written other than as common-era years, written whole for reading: Taiwan's two-digit
years of the Republic of China calendar, and the end of a five-year plan."""

from __future__ import annotations

from reading import rules_facts

from llmx.folding import fold
from llmx.rules.context import arabic_years
from llmx.rules.eras import widened


def _periods(text: str) -> dict[str, str | None]:
    return {fact.text: fact.period for fact in rules_facts(text)}


def _widened_text(text: str) -> str | None:
    wide = widened(arabic_years(fold(text)))
    return wide.text if wide else None


def test_a_taiwan_text_has_its_two_digit_years_written_whole() -> None:
    text = "依行政院主计处99年普查结果,99年底台北市常住人口为265万人,较89年底增加3万人。"
    assert _widened_text(text) == (
        "依行政院主计处2010年普查结果,2010年底台北市常住人口为265万人,较2000年底增加3万人。"
    )


def test_positions_move_two_characters_past_each_year_written_whole() -> None:
    text = "依行政院主计处99年普查,台北市人口为265万人。"
    wide = widened(arabic_years(fold(text)))
    assert wide is not None
    figure = text.index("265")
    assert wide.text[wide.position(figure) : wide.position(figure + 3)] == "265"
    assert wide.position(0) == 0


def test_decades_spans_grades_and_mainland_shorthand_stay_as_written() -> None:
    # 80年代 is a decade, 80年来 a span, 9年级 a grade
    assert _widened_text("民国以来,台湾80年代经济起飞,80年来人口倍增,9年级学生。") is None
    # a mainland report writing 98年 for 1998 names Taiwan once at most: no era of its own
    assert _widened_text("98年抗洪以来,我市对台湾地区出口增长5%。") is None
    # nor one naming Taiwan and 平台中, 金门 or 新北区
    assert _widened_text("98年抗洪期间,台湾同胞捐款,在各类平台中宣传,金门航线,新北区。") is None
    # nor a mainland text naming Taiwan's places, dated by the common era
    assert _widened_text("2009年,我市对台湾、台北的出口增长5%,2009年比98年翻一番。") is None


def test_a_taiwan_story_dates_its_figures_by_its_own_years() -> None:
    facts = _periods(
        "新北市人口概况\n"
        "108年底新北市有401萬8,696人,較98年底387萬3,653人增加14萬5,043人,增幅3.74%。"
        "另108年新北市粗出生率為7.08‰,與98年相較減少1.25個千分點。\n"
        "90年一期作稻穀總產量為1,105,893公噸,較最近5年平均減少102,495公噸(-8.48%)。\n"
    )
    assert facts["401萬8,696人"] == "2019"
    assert facts["387萬3,653人"] == "2009"  # the base's own year
    # a change against a year ten years back, and against a five-year average, spans them
    assert facts["1.25個千分點"] is None
    assert facts["8.48%"] is None
    assert facts["1,105,893公噸"] == "2001"


def test_a_change_between_two_censuses_ten_years_apart_has_no_one_year() -> None:
    facts = _periods(
        "臺北市政府主計處 市政統計週報\n"
        "與前次普查(89年底)比較,99年底常住人口增加3萬1,313人(1.19%)。"
        "99年底臺北市常住人口為265萬5,570人。\n"
    )
    assert facts["3萬1,313人"] is None
    assert facts["1.19%"] is None
    assert facts["265萬5,570人"] == "2010"


def test_a_fiscal_year_before_2000_is_the_year_it_began() -> None:
    facts = _periods(
        "臺北市政府主計處\n87年度臺北市歲入決算數為1,523億元,較86年度增加45億元。\n"
        "108年底新北市人口401萬人。\n"
    )
    assert facts["1,523億元"] == "1997"
    assert facts["401萬人"] == "2019"


def test_the_end_of_a_five_year_plan_is_written_as_the_year_it_ends() -> None:
    text = "“十一五”末,全市生产总值达到1900亿元;到十二五期末,人均达到5000美元;九五末期。"
    assert _widened_text(text) == (
        "2010年末,全市生产总值达到1900亿元;到2015年末,人均达到5000美元;2000年末。"
    )
    # a number is no plan (二十五, 后十五末位), and a plan's span names no one year
    assert _widened_text("二十五末位淘汰;排名后十五末位;“十一五”期间年均增长12%。") is None
    # the older plans were 计划, and traditional texts quote in corner brackets
    assert _widened_text("“九五”计划末期;「十一五」末。") == "2000年末;2010年末。"


def test_a_plans_end_dates_the_levels_stated_at_it_and_those_moved_from_it() -> None:
    facts = _periods(
        "“十一五”规划描绘蓝图\n"
        "2006年09月08日 江淮晨报\n"
        "“十一五”末,合肥市人均生产总值达到5000美元。"
        "三次产业结构由“九五”末的43.6:21.6:34.8调整为“十五”末的38.1:22.0:39.9。\n"
    )
    assert facts["5000美元"] == "2010"
    assert (facts["43.6"], facts["39.9"]) == ("2000", "2005")
