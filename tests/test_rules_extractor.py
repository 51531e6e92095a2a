"""The rules extractor on sentences from the seeds: what it keeps, what it leaves out, and why."""

from __future__ import annotations

import pytest
from reading import rules_facts

from llmx.documents import Document
from llmx.facts import Fact
from llmx.rules import RulesExtractor

HEAD = "重庆市璧山区2023年国民经济和社会发展计划执行情况及2024年计划草案的报告\n"
RESULTS = "一、2023年国民经济和社会发展计划执行情况\n"
PLAN = "二、2024年国民经济和社会发展计划总体考虑\n"


def _facts(body: str, part: str = RESULTS) -> list[Fact]:
    # A plan part follows the results part, as in every report; numbering must continue.
    opening = RESULTS + "执行情况的正文。\n" if part == PLAN else ""
    document = Document(id="doc", text=HEAD + opening + part + body + "\n")
    return RulesExtractor().extract([document]).facts


def _texts(body: str, part: str = RESULTS) -> list[str]:
    return [fact.text for fact in _facts(body, part)]


def test_keeps_amounts_and_growth_rates_with_their_units() -> None:
    facts = _facts("全年地区生产总值达到983亿元、增长7.2%，主要经济指标符合预期。")
    assert [(f.text, f.value, f.unit, f.kind) for f in facts] == [
        ("983亿元", 983e8, "元", "level"),
        ("7.2%", 7.2, "%", "change"),
    ]
    assert all(f.status == "actual" and f.period == "2023" for f in facts)


def test_a_growth_rate_whose_percent_sign_was_dropped_is_still_a_percent() -> None:
    facts = _facts("地方财政收入2026.8亿元,增长10.3。农民人均纯收入11986元,实际增长9.7和13.4。")
    assert [(f.text, f.unit, f.kind) for f in facts if f.unit == "%"] == [
        ("10.3", "%", "change"),
        ("9.7", "%", "change"),
        ("13.4", "%", "change"),
    ]


def test_a_bare_figure_after_growth_that_names_its_unit_later_is_not_a_percent() -> None:
    text = "分别拉动经济增长2.4、-7.1和4.8个百分点。卫生机构增加17273,其中医院增加12。"
    assert "%" not in [f.unit for f in _facts(text)]


def test_people_counted_in_wan_with_no_unit_word_are_persons() -> None:
    text = "贫困人口减少25万,城镇新增就业66.13万人,有12.8万下岗人员实现了再就业。"
    assert [(f.text, f.value, f.unit) for f in _facts(text)] == [
        ("25万", 250000, "人"),
        ("66.13万人", 661300, "人"),
        ("12.8万", 128000, "人"),
    ]


def test_a_plan_section_states_targets_for_the_plan_year() -> None:
    [fact] = _facts("地区生产总值增长6.5%左右。", part=PLAN)
    assert (fact.status, fact.period, fact.qualifier) == ("target", "2024", "左右")


def test_leaves_out_years_dates_and_time_windows() -> None:
    assert _texts("2023年1月16日召开会议，空气质量优良天数创近5年最佳位次。") == []


def test_leaves_out_ordinals_and_ranks() -> None:
    assert _texts("圆满承办第七次会议，经济报表总积分稳居全市前四位。") == []
    assert _texts("收入规模位居全省第15位，同比提升1个位次，支出增幅回落6个位次。") == []
    assert _texts("设立了我县第 2 家国家级企业技术中心。") == []
    # the last places of a ranking, as its first
    assert _texts("排名第二为新竹县,最末5名为:基隆市、雲林縣,倒数3名为台东县。") == []


def test_first_days_of_a_window_and_pack_sizes_are_no_facts() -> None:
    body = (
        "假期前4天接待游客8.2万人次,与前四周比上涨8.60%。"
        "5公斤装面粉均价为32.5元,1.8升装食用油均价为45元。"
    )
    assert _texts(body) == ["8.2万人次", "8.60%", "32.5元", "45元"]
    # a measured spell, a time cut from before, goods loaded: facts
    kept = "出现连续12天的高温天气,办结时间由之前7天压缩至2天,查获冻肉5000千克装车运走。"
    assert _texts(kept) == ["12天", "7天", "2天", "5000千克"]


def test_counts_of_aspects_are_no_cubic_metres() -> None:
    assert _texts("討論土地供應和經濟發展這4方面工作,完成土石方120万方。") == ["120万方"]


def test_leaves_out_places_in_a_ranking_moved_through() -> None:
    body = "综合实力在全国百强城市中由39位提升到31位，三县在全省位次分别前移14位、3位和8位。"
    assert _texts(body) == []


def test_leaves_out_the_pool_a_ranking_is_among_but_keeps_a_count_of_the_top() -> None:
    assert _texts("PM2.5浓度为42μg/m3,全市 20 个区县排名第 6。") == ["42μg/m3"]
    assert _texts("全市有5个县区排名前十。") == ["5个"]


def test_leaves_out_clock_times_and_the_base_of_an_exchange_rate() -> None:
    assert _texts("发布时间 2021-01-12 09:15:31\n年末1美元兑8.2789元人民币。") == ["8.2789元"]
    assert _texts("stats.gov.cn 2007-4-5 8:16:33作者: 统计局") == []
    assert _texts("公开日期: 2022-05-08 10:48 成文日期: 2022-05-08") == []
    assert _texts("其次是教育支出348.7億、環保支出69.2億。") == ["348.7億", "69.2億"]
    assert _texts("三次产业比例由10∶44∶46调整为6.2∶44.8∶49。")[:3] == ["10", "44", "46"]


def test_leaves_out_a_table_of_contents_page_numbers_after_leader_dots() -> None:
    contents = "目录\n工业生产……………………10\n商业………………………………11\n对外经济………………12\n"
    assert _texts(contents + "社会消费品零售总额480.40亿元。") == ["480.40亿元"]
    assert _texts("图书目录...........5\n册数达12万册。") == ["12万册"]
    # An indicator list set with leader dots states its figures after them.
    assert _texts("地区生产总值……1234.5亿元,增长5.6%") == ["1234.5亿元", "5.6%"]


def test_a_figure_restated_in_brackets_in_another_unit_is_of_the_same_kind() -> None:
    body = "粮食播种面积比上年增加7.19千公顷(10.78万亩),单产比上年增加8.96公斤/公顷(0.60公斤/亩)。"
    assert [(f.text, f.kind) for f in _facts(body)] == [
        ("7.19千公顷", "change"),
        ("10.78万亩", "change"),
        ("8.96公斤/公顷", "change"),
        ("0.60公斤/亩", "change"),
    ]
    assert [f.kind for f in _facts("粮食播种面积8540千公顷(12810万亩)。")] == ["level", "level"]


def test_a_year_to_date_total_is_the_years_when_the_months_open_the_sentence() -> None:
    [fact] = _facts("上半年，全区一般公共预算收入累计完成43.7亿元。")
    assert fact.period == "2023"
    [fact] = _facts("五年来，全区一般公共预算收入累计完成243.7亿元。")
    assert fact.period is None


def test_a_paragraph_that_opens_on_five_years_gives_its_figures_no_year() -> None:
    body = "五年来，我们持续加强农业农村工作。狠抓农业产业提质增效，建成现代农业示范园区7个。"
    [fact] = _facts(body)
    assert (fact.text, fact.period) == ("7个", None)
    [fact] = _facts("五年来，我们持续加强农业农村工作。2023年建成现代农业示范园区7个。")
    assert fact.period == "2023"


def test_basis_points_are_a_change_in_points() -> None:
    [fact] = _facts("新发放企业贷款加权平均利率下降43个基点。")
    assert (fact.text, fact.value, fact.unit, fact.kind) == ("43个基点", 43, "个基点", "change")


def test_leaves_out_a_pages_counter_slogans_in_straight_quotes_and_rank_moves() -> None:
    assert _texts("来源:统计局 作者:admin 点击:558次\n全年生产总值增长7%。") == ["7%"]
    assert _texts("全文约10270字, 阅读需要26分钟\n一般债务收入104.2亿元。") == ["104.2亿元"]
    assert _texts('堅持以"三個代表"重要思想為指導,全年財政收入9.2億元。') == ["9.2億元"]
    assert _texts("發展在全區的排位比2006年度前進了10位以上。") == []
    assert _texts("知責有為的七臺河市人民政府,連續19個季度保持13%以上的增幅。") == ["13%"]


def test_leaves_out_the_months_a_figure_is_for() -> None:
    body = (
        "與去年同期比較,今年首8個月零售業總銷貨價值上升8.9%。"
        "截至今年8月底的3個月,與先前3個月比較,銷貨價值上升1.6%。"
    )
    assert _texts(body) == ["8.9%", "1.6%"]
    assert _texts("审批时限由6个月压缩至3个月，提前6个月完成。") == ["6个月", "3个月", "6个月"]
    assert _texts("预计前6个月全社会固定资产投资完成17.6亿元。") == ["17.6亿元"]
    # A run's length dates the statement (GUIDELINES, durations): 連續2個月, 67個月以來.
    runs = "出口連續2個月正成長,為67個月以來最高,增長3.5%。"
    assert _texts(runs) == ["3.5%"]
    # The months just named (五至七月, 11月至2018年1月), counted: the window, no fact.
    window = (
        "綜合消費物價指數在二零一七年五至七月的三個月期間的平均每月升幅為0.1%,"
        "而在2017年10至12月的3個月期間的相應升幅則為0.3%。"
    )
    assert _texts(window) == ["0.1%", "0.3%"]
    # A count of months after a single month is measured: a stock's months to sell.
    months = "去化周期由2022年末的20个月缩短至2023年6月的15个月,降至12月的14.5个月。"
    assert _texts(months) == ["20个月", "15个月", "14.5个月"]


def test_leaves_out_names_that_count_their_parts_and_a_taxs_kept_share() -> None:
    breeds = "二元杂交母猪4425头、繁殖三元杂交猪85万头,三元复合肥每千克2.05元。"
    assert _texts(breeds) == ["4425头", "85万头", "2.05元"]
    assert _texts("增值税25%部分13318万元,完成年度预算的96.2%。") == ["13318万元", "96.2%"]
    assert _texts("1、增值税收入(50%部分)6523万元。") == ["6523万元"]
    shares = "国内增值税地方分享50%部分3000万元,增值税 25% 部分1200万元。"
    assert _texts(shares) == ["3000万元", "1200万元"]
    assert _texts("人均增收三元,税率为25%。") == ["三元", "25%"]


def test_leaves_out_the_bounds_of_a_size_class_before_its_noun_or_its_count() -> None:
    text = "50万元以上固定资产累计投资16.1亿元;规模以上企业4家,5千万元以上1家。"
    assert _texts(text) == ["16.1亿元", "4家", "1家"]
    assert _texts("全年完成投资5000万元以上,其中3家企业。") == ["5000万元", "3家"]
    assert _texts("全年完成投资50亿元以上3个月提前完成任务。") == ["50亿元", "3个月"]


def test_an_age_in_tenths_is_measured_where_a_whole_age_is_a_threshold() -> None:
    text = "男性平均壽命從76.4歲增加到76.6歲,同期間女性從82.8歲增加到83.3歲;65歲以上人口占18.3%。"
    assert _texts(text) == ["76.4歲", "76.6歲", "82.8歲", "83.3歲", "18.3%"]
    limits = "18.5岁以下人口,不满1.5岁的婴儿3人,3.5岁至6岁儿童120人。"
    assert _texts(limits) == ["3人", "120人"]


def test_leaves_out_a_sheets_page_of_pages_closing_its_title_line() -> None:
    assert _texts("花蓮縣畜禽統計調查結果比較(18/24)\n肉牛場數83場。") == ["83場"]
    # Not at the line's end, a figure over a figure is read as it was.
    assert _texts("比較(18/24)顯示,肉牛83場。") == ["18/24", "83場"]


def test_leaves_out_the_pieces_of_numbers_a_line_cut() -> None:
    body = "全年实现国内生产总值7662.3亿元，比上年增长10.1%。粮食总产426\n9万吨，比上年增长0.1%。"
    assert _texts(body) == ["7662.3亿元", "10.1%", "0.1%"]


def test_reads_an_amount_written_in_two_parts_whole() -> None:
    [borrowing, spending] = _facts("债务之举借编列84亿7,000 万元，歲出编列302亿元。")
    assert (borrowing.text, borrowing.value, borrowing.unit) == ("84亿7,000 万元", 8.47e9, "元")
    assert (spending.text, spending.value) == ("302亿元", 3.02e10)
    assert _texts("主因为2027台湾灯会经费增加24.85亿元。") == ["24.85亿元"]


def test_leaves_out_names_slogans_and_codes() -> None:
    body = "落实“十项行动”，发展“33618”现代制造业集群，建成5G基站，PM2.5年均浓度下降。"
    assert _texts(body) == []


def test_leaves_out_a_yearbook_tables_number_with_a_double_dash() -> None:
    assert _texts("1--2 户数、人口与自然资源\n年末总户数37.05万户。") == ["37.05万户"]


def test_leaves_out_the_unit_a_table_is_counted_in() -> None:
    assert _texts("單位:新台幣百萬元\n收入合计12亿元。") == ["12亿元"]


def test_leaves_out_a_currencys_unit_over_a_column_of_figures() -> None:
    table = "二零一零年三月  二零零九至一零年度\n 港币百万元  港币百万元\n收入 21,473.1 318,421.7"
    assert "百万元" not in _texts(table)


def test_items_counted_in_words_are_a_list_or_a_name_but_indicators_are_facts() -> None:
    text = "比较三项细分指数,甲类、乙类及丙类均上升。贯彻中央八项规定。三项指标增速居全国首位。"
    assert _texts(text) == ["三项"]
    assert _facts(text)[0].start == text.index("三项指标") + len(HEAD + RESULTS)


def test_leaves_out_thresholds_that_define_a_class() -> None:
    assert _texts("总投资10亿元以上项目加快建设，为0-6岁残疾儿童提供康复。") == []
    # A statistical definition's threshold: 2000万元 names the class, it measures nothing.
    definition = "规模以上工业企业即年主营业务收入2000万元及以上的法人工业企业。"
    assert _texts(definition) == []


def test_the_reports_own_outline_is_no_fact() -> None:
    assert _texts("县长代表县人民政府作政府工作报告。报告分四个部分:一是回顾。") == []


def test_a_voltage_class_is_a_name_but_a_capacity_is_a_fact() -> None:
    assert _texts("建成110千伏输变电工程，新增变电容量10万千伏安。") == ["10万千伏安"]


def test_numbers_sharing_a_unit_each_take_it() -> None:
    facts = _facts("固定资产投资、社会消费品零售总额分别增长5.1、4.3和6.2%。")
    assert [(f.text, f.unit) for f in facts] == [("5.1", "%"), ("4.3", "%"), ("6.2%", "%")]


def test_a_minus_sign_after_a_space_in_a_row_of_figures_makes_no_range_sharing_a_unit() -> None:
    # A table with no unit: its levels do not take the growth column's %.
    facts = _facts("排名 城市 2018 2017 增量 名义增速\n1 唐山 4837.7 5108.2 -270.5 -5.30%\n")
    assert [(f.text, f.unit) for f in facts] == [("5.30%", "%")]
    assert [(f.text, f.unit) for f in _facts("增长2 - 3%。")] == [("2", "%"), ("3%", "%")]


def test_a_ratio_to_one_is_one_share_fact() -> None:
    [fact] = _facts("城乡居民收入比缩小至1.91:1。")
    assert (fact.text, fact.value, fact.unit, fact.kind) == ("1.91:1", 1.91, "ratio", "share")


def test_percentage_points_are_a_change() -> None:
    [fact] = _facts("重大项目超全年投资计划目标21.9个百分点。")
    assert (fact.unit, fact.kind) == ("个百分点", "change")


def test_a_milestone_without_a_unit_word_is_money_in_a_money_sentence() -> None:
    [fact] = _facts("规上工业总产值突破千亿大关。")
    assert (fact.text, fact.value, fact.unit, fact.qualifier) == ("千亿", 1e11, "元", "突破")


def test_every_fact_is_grounded_in_its_section() -> None:
    facts = _facts("新增市场主体13213户、增长5%；城镇新增就业1.8万人。")
    text = HEAD + RESULTS
    for fact in facts:
        assert fact.section == "1"
        assert fact.start >= len(text) - len(RESULTS)


def test_a_sentence_of_thousands_of_clauses_is_read_in_linear_time(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # A file on one line with no full stop is one "sentence": looking back through every
    # clause for a year that opens it made each number cost the whole line (5 MB: hours).
    from llmx.rules import attributes

    tries = 0
    pattern = attributes._CLAUSE_OPENING_YEAR

    class Counting:
        def match(self, *arguments: object) -> object:
            nonlocal tries
            tries += 1
            return pattern.match(*arguments)  # type: ignore[call-overload]

    monkeypatch.setattr(attributes, "_CLAUSE_OPENING_YEAR", Counting())
    clauses = 2000
    facts = _facts("2023年，" + "增长7.2%，" * clauses)
    assert len(facts) == clauses
    assert facts[0].period == "2023"  # a year opening the sentence still dates what follows
    assert tries < clauses * 300  # a bounded look-back per number, not the whole line


def test_a_goal_announced_earlier_in_a_long_sentence_is_looked_for_a_bounded_way_back(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Searching the whole sentence so far for 今年将… made each number of a one-line file
    # cost the line: 20,000 numbers took 39 s instead of 3 s.
    from llmx.rules import attributes

    searched = 0
    pattern = attributes._GOALS_ANNOUNCED

    class Counting:
        def search(self, text: str) -> object:
            nonlocal searched
            searched += len(text)
            return pattern.search(text)

    monkeypatch.setattr(attributes, "_GOALS_ANNOUNCED", Counting())
    clauses = 2000
    facts = _facts("今年将推动，" + "增长7.2%，" * clauses)
    assert len(facts) == clauses
    assert facts[0].status == "target"  # the announcement still reaches the numbers after it
    assert searched <= clauses * attributes._GOAL_REACH


def test_a_unit_written_in_part_on_each_term_is_the_last_terms_unit() -> None:
    facts = _facts("三次产业分别拉动经济增长0.8个、2.5个和3.1个百分点，新建厂房5个、仓库2座。")
    assert [(f.text, f.unit, f.kind) for f in facts] == [
        ("0.8个", "个百分点", "change"),
        ("2.5个", "个百分点", "change"),
        ("3.1个百分点", "个百分点", "change"),
        ("5个", "个", "level"),
        ("2座", "座", "level"),
    ]


def test_numbers_are_read_through_pinyin_glosses_and_spans_keep_them() -> None:
    body = (
        "三次产(chǎn)业(yè)分别拉动(dòng)增长(zhǎng)0.9、1.1和2.4个(gè)百分点(diǎn)，"
        "新增企业(yè)12家(jiā)。"
    )
    facts = _facts(body)
    assert [(f.text, f.value, f.unit) for f in facts] == [
        ("0.9", 0.9, "个百分点"),
        ("1.1", 1.1, "个百分点"),
        ("2.4个(gè)百分点(diǎn)", 2.4, "个百分点"),
        ("12家(jiā)", 12, "家"),
    ]


def test_a_magnitude_without_a_unit_is_money_after_a_tax_or_a_headline_milestone() -> None:
    facts = _facts("县级获配之分成税款计12.6亿；全县文旅产业规模有望破千亿。")
    assert [(f.text, f.value, f.unit) for f in facts] == [
        ("12.6亿", 1.26e9, "元"),
        ("千亿", 1e11, "元"),
    ]


def test_a_magnitude_without_a_unit_in_budget_news_is_money_but_a_sums_first_part_is_not() -> None:
    facts = _facts("明年總預算歲出編列1712億;財政短絀13億。歲出編列302億1,292萬9,000元。")
    assert [(f.text, f.value, f.unit) for f in facts[:2]] == [
        ("1712億", 1.712e11, "元"),
        ("13億", 1.3e9, "元"),
    ]
    assert "302億" not in [f.text for f in facts]


def test_a_bare_last_term_of_a_list_of_rates_takes_their_unit() -> None:
    facts = _facts("三年间自给率分别为71.35%、69.02%及66.48（见附表），新建厂房3座。")
    assert [(f.text, f.unit) for f in facts] == [
        ("71.35%", "%"),
        ("69.02%", "%"),
        ("66.48", "%"),
        ("3座", "座"),
    ]


def test_a_table_cell_names_its_row_and_the_measure_the_title_names() -> None:
    body = (
        "附表：上半年各县地区生产总值及增速\n县名 | 绝对数(亿元) | 比上年增长(%)\n"
        "甲县 | 120.5 | 6.1\n\n农业生产稳定。\n"
        "表2 主要农产品产量\n品种 | 绝对数(万吨) | 比上年增长(%)\n小麦 | 30.2 | 1.5\n\n经济平稳。\n"
        "表3 生产总值及其增长速度\n指标 | 绝对值(亿元) | 比上年增长(%)\n"
        "农业 | 55.0 | 3.2\n"
    )
    named = {fact.text: fact.indicator for fact in _facts(body)}
    assert named["120.5"] == "甲县地区生产总值"
    assert named["6.1"] == "甲县地区生产总值增长"
    assert named["30.2"] == "小麦产量"
    assert named["55.0"] == "农业增加值"  # a sector of output: its value added


def test_tenths_written_cheng_are_shares() -> None:
    facts = _facts("经常开支占经营开支超过八成，执行率仅逾7成，一成不变的做法要改。")
    assert [(f.text, f.value, f.unit, f.kind) for f in facts] == [
        ("八成", 8, "成", "share"),
        ("7成", 7, "成", "share"),
    ]


def test_a_column_of_year_end_figures_beside_a_unit_column_is_read() -> None:
    body = (
        "| 表1 2019年年末人口数及构成 | |||\n"
        "| 指 标 | 单位 | 年末数 | 比重(%) |\n"
        "| 总户数 | 户 | 64933 | |\n"
        "| 户籍总人口 | 人 | 146041 | 100.0 |\n"
        "| 其中: 城镇 | 人 | 90730 | 62.1 |\n"
    )
    assert _texts(body) == ["64933", "146041", "100.0", "90730", "62.1"]


def test_leaves_out_a_surveys_sample_rate_digits_top_groups_and_class_bounds() -> None:
    body = (
        "据2022年全省5‰人口变动抽样调查推算,人口自然增长率比上年下降3.18个千分点。"
        "财政总收入连续14年保持两位数增长。纳税企业前100家累计纳税额为31584万元。"
        "全县500万元以上固定资产投资增长18.6%,守住发展和生态两条底线。"
    )
    assert _texts(body) == ["3.18个千分点", "31584万元", "18.6%"]
    body = "报告分为三部分。全区单项投资在1000万元以上的重点工业项目37项。"
    assert _texts(body) == ["37项"]


def test_dollar_amounts_are_money_and_a_sum_restated_in_words_is_one_fact() -> None:
    facts = _facts(
        "二零零八財政年度之第二補充預算,金額為$8,600,000.00(澳門幣八百六十萬元)。出口US$12.5億。"
    )
    assert [(fact.text, fact.value, fact.unit) for fact in facts] == [
        ("8,600,000.00", 8_600_000, "元"),
        ("12.5億", 1_250_000_000, "美元"),
    ]


def test_a_figure_that_closes_the_text_is_kept() -> None:
    # A stored page often stops right after a figure; the text's end is no mark after it.
    document = Document(id="doc", text="种业产值规模突破10亿元")
    assert [f.text for f in RulesExtractor().extract([document]).facts] == ["10亿元"]
    document = Document(id="doc", text="全年新增农机5台")
    assert [f.text for f in RulesExtractor().extract([document]).facts] == ["5台"]


def test_a_signed_change_in_brackets_is_kept_and_a_name_with_a_plus_is_not() -> None:
    facts = _facts(
        "上升最明顯的大類有雜項商品及服務(+9.06%)、交通(+8.75%)。打造“3+8+2”產業鏈體系。"
    )
    assert [(f.text, f.kind) for f in facts] == [("9.06%", "change"), ("8.75%", "change")]


def test_indices_in_brackets_or_listed_are_levels_with_no_unit() -> None:
    facts = _facts(
        "12月綜合消費物價指數(113.40)按年上升6.81%。"
        "甲類消費物價指數及乙類消費物價指數分別為107.69及106.52。"
    )
    assert [(f.text, f.unit, f.kind) for f in facts] == [
        ("113.40", "", "level"),
        ("6.81%", "%", "change"),
        ("107.69", "", "level"),
        ("106.52", "", "level"),
    ]


def test_the_sum_of_a_budget_a_gazette_publishes_is_planned() -> None:
    facts = _facts(
        "教育發展基金二零零八年財政年度之本身預算於二零零八年一月一日起開始執行,"
        "預計收入及開支之金額均為$420,500,000.00。"
    )
    assert [(f.text, f.unit, f.status) for f in facts] == [("420,500,000.00", "元", "target")]


def test_a_figure_before_a_sharp_move_is_no_name_like_a_count_before_da() -> None:
    facts = _facts("將今年經濟成長率從8月預測的4.45%大幅上修至7.37%。實施三大工程。")
    assert [f.text for f in facts] == ["4.45%", "7.37%"]


def test_a_paragraph_that_opens_on_the_next_steps_states_goals() -> None:
    text = (
        "福州市人大常委会听取了市政府关于2022年1—6月计划执行情况的报告。上半年GDP完成5442.7亿元。\n"
        "下一阶段,福州将实施倍增计划;提速城际铁路建设;新改扩建公办幼儿园33所、义务教育学校15所。\n"
    )
    facts = RulesExtractor().extract([Document(id="doc", text=text)]).facts
    assert [(f.text, f.status) for f in facts] == [
        ("5442.7亿元", "actual"),
        ("33所", "target"),
        ("15所", "target"),
    ]


def test_the_bounds_of_a_class_whose_members_are_counted_are_no_facts() -> None:
    body = (
        "9个旗区中,常住人口超过50万人的旗区有1个,在30万人至50万人之间的旗区有2个,"
        "少于10万人的旗区有1个。全区常住人口215.4万人。"
    )
    assert _texts(body) == ["9个", "1个", "2个", "1个", "215.4万人"]


def test_a_trillion_written_zhao_is_money_and_a_megawatt_is_a_unit() -> None:
    facts = _facts("明年中央政府總預算案歲出首次突破2兆元，新增光伏装机5兆瓦。")
    assert [(f.text, f.value, f.unit) for f in facts] == [
        ("2兆元", 2e12, "元"),
        ("5兆瓦", 5, "兆瓦"),
    ]


def test_a_stay_in_days_and_a_rate_per_minutes_are_measures_and_a_date_is_not() -> None:
    body = "3月15日统计，旅客平均逗留0.9日，平均約每2.1分鐘出生一個嬰兒，建设15分钟生活圈。"
    assert _texts(body) == ["0.9日", "2.1分鐘"]


def test_an_amount_whose_unit_went_to_the_next_line_ends_with_its_line() -> None:
    facts = _facts("完成一般公共预算收入9.2亿\n元，增长10.2%。")
    assert [(f.text, f.value, f.unit) for f in facts] == [
        ("9.2亿", 9.2e8, "元"),
        ("10.2%", 10.2, "%"),
    ]


def test_a_list_shares_its_unit_across_a_minus_sign_and_after_fenbie() -> None:
    facts = _facts(
        "三次产业分别拉动经济增长0.9、-0.6和1.4个百分点；出口和进口分别增长13.5%和11.1。"
    )
    assert [(f.text, f.unit) for f in facts] == [
        ("0.9", "个百分点"),
        ("0.6", "个百分点"),
        ("1.4个百分点", "个百分点"),
        ("13.5%", "%"),
        ("11.1", "%"),
    ]


def test_leaves_out_bounds_passed_ordinal_lists_and_a_slogans_articles() -> None:
    body = (
        "收入过30亿元的52个，总投资35亿元的80项工程开工。"
        "第一、二、三次产业协调发展，集中做好四篇文章。"
    )
    assert _texts(body) == ["52个", "35亿元", "80项"]


def test_a_sex_ratio_is_a_level_with_no_unit() -> None:
    facts = _facts("全国性比例為100.26。")
    assert [(f.text, f.unit, f.kind) for f in facts] == [("100.26", "", "level")]


def test_counts_in_words_of_abstract_things_named_sets_and_ranks_are_no_facts() -> None:
    body = (
        "交通、生态、产业三个重点领域加快突破，坚持区四套班子拉练机制，深入实施三个“一号工程”，"
        "落实二十条优化措施，财政收入实现三个全市第一，六个街道支出2.1亿元。"
    )
    assert _texts(body) == ["六个", "2.1亿元"]


def test_a_count_in_words_of_the_names_just_before_it_is_no_fact() -> None:
    body = (
        "香洲、金湾和斗门三个行政区分别实现地区生产总值10亿元。"
        "预算包括办公厅机关和研究室两个部门的所有收入。建成东湖和西湖两个公园。"
    )
    assert _texts(body) == ["10亿元", "两个"]


def test_figures_joined_by_a_slash_or_a_dash_each_with_its_unit_are_both_facts() -> None:
    facts = _facts(
        "全市商品房共成交930套/76458.66㎡，均价53060元/㎡；鸡蛋零售价在每500克4.65元-4.80元之间，"
        "统计表3-2。"
    )
    assert [(f.text, f.unit) for f in facts] == [
        ("930套", "套"),
        ("76458.66㎡", "㎡"),
        ("53060元/㎡", "元/㎡"),
        ("4.65元", "元"),
        ("4.80元", "元"),
    ]


def test_paragraphs_each_opening_on_a_tab_are_read_as_prose_not_as_cells() -> None:
    body = (
        "■新宅量跌价升，均价5.5万元/㎡\n"
        "\t2018年第04周，全市商品房共成交930套，均价53060元/㎡，总金额40.56亿元；\n"
        "\t其中新房住宅成交535套，占全市的57.53%，总金额29.60亿元；\n"
        "\t商业成交206套，占全市的22.15%，总金额5.48亿元。\n"
        "\t全市商品房分类成交数据\n"
    )
    assert len(_facts(body)) == 10


def test_tallies_of_prices_that_moved_and_the_bound_they_passed_are_no_facts() -> None:
    body = (
        "我市监测的30种零售蔬菜均价为7.68元/公斤。16种蔬菜价格上涨，8种蔬菜价格下降；"
        "豆角、茄子等7个品种涨幅超过10%；生菜、土豆6个品种价格环比持平。"
        "重点监测的8种水果整体均价环比下跌0.5%。涉及不动产数目(3,681个)按季下跌8.8%。"
    )
    assert _texts(body) == ["30种", "7.68元/公斤", "8种", "0.5%", "3,681个", "8.8%"]


def test_ages_are_facts_where_their_clause_measures_a_life_not_a_threshold() -> None:
    # 60岁以上 bounds a group of people; a life expectancy risen from one age to another is
    # measured at both ends, however far the second stands from 寿命.
    body = "人均期望寿命从78.3岁提高到80.3岁，60岁以上老人1000人。"
    assert _texts(body) == ["78.3岁", "80.3岁", "1000人"]
    # Each sex's life after 其中 is measured too, the clause no longer naming 寿命.
    body = "户籍人口期望寿命84.1岁，其中:男性81.6岁，女性86.7岁；65岁及以上老人2万人。"
    assert _texts(body) == ["84.1岁", "81.6岁", "86.7岁", "2万人"]


def test_a_count_before_a_size_class_is_a_fact_and_a_count_before_big_a_slogan() -> None:
    # 五大工程 names a programme; 193座大中型水库 and 3家大型企业 count reservoirs and firms.
    body = "全省193座大中型水库年末蓄水，3家大型企业落户，五大工程全面推进。"
    assert _texts(body) == ["193座", "3家"]
    # The industries a share is of are counted (GUIDELINES: 41個大類行業中有26個).
    assert _texts("41个大类行业中有29个行业增加值增长。") == ["41个", "29个"]


def test_a_reprint_that_glosses_characters_with_pinyin_without_tones_is_read_without_them() -> None:
    # 萬(wan)人(ren): the glosses dropped their tone marks; an item's (a) and a word in
    # brackets are no glosses.
    text = "年末全區常住(zhu)人口(kou)725.0萬(wan)人(ren),比上年末增加4.0萬(wan)人。"
    facts = [(f.text, f.value, f.unit) for f in rules_facts(text)]
    assert facts == [("725.0萬(wan)人(ren)", 7_250_000, "人"), ("4.0萬(wan)人", 40_000, "人")]


def test_a_percentage_in_words_and_the_upper_end_of_its_range_are_both_rates() -> None:
    # A speech writes 百分之 once, before the range's first number; 百分之一 is a rate, not an
    # indefinite 一.
    facts = rules_facts("预计明年经济实质增长百分之一至二,通胀率为百分之三点五至四点五。")
    assert [(f.text, f.value, f.unit) for f in facts] == [
        ("百分之一", 1.0, "%"),
        ("二", 2.0, "%"),
        ("百分之三点五", 3.5, "%"),
        ("四点五", 4.5, "%"),
    ]
    assert rules_facts("增长百分之六点九至八千四百亿元。")[1].unit == "元"  # an amount, no range
    # A 百 left alone by a broken 百分之, and a number on the next line, end no range.
    assert [f.text for f in rules_facts("增长百分之一至\n百分之\n二。")] == ["百分之一"]
    # 百分之百 is a rate of 100, not the 百 of a word.
    assert [(f.text, f.value) for f in rules_facts("贷款由政府全数担保,即百分之百。")] == [
        ("百分之百", 100.0)
    ]


def test_the_base_a_tables_unit_is_per_is_no_figure() -> None:
    text = "表3 每10万人口中拥有的大学文化程度人数\n单位:人/10万人\n"
    text += "地区 大学\n全市 15467\n城区 20011\n郊区 9876\n"
    assert [(f.text, f.unit) for f in rules_facts(text)] == [
        ("15467", "人/10万人"),
        ("20011", "人/10万人"),
        ("9876", "人/10万人"),
    ]


def test_letters_that_name_a_measure_do_not_make_its_figure_a_code() -> None:
    # G318 and PM2.5 are names; GDP before an amount says what the amount is.
    facts = rules_facts("全年实现GDP412.6亿元,人均GDP31250元。G318国道改建完成,PM2.5浓度下降。")
    assert [(f.text, f.unit) for f in facts] == [("412.6亿元", "元"), ("31250元", "元")]


def test_units_of_prices_stays_and_flocks_are_read_whole() -> None:
    facts = rules_facts(
        "当月电价0.31元/度。住客平均留宿时间减少0.2晚至1.5晚。口岸出入境交通工具12.4万列辆架次。"
        "家禽存栏4210百羽。早稻、二晚均获丰收。"
    )
    assert [(f.text, f.value, f.unit) for f in facts] == [
        ("0.31元/度", 0.31, "元/度"),
        ("0.2晚", 0.2, "晚"),
        ("1.5晚", 1.5, "晚"),
        ("12.4万列辆架次", 124_000, "列辆架次"),
        ("4210百羽", 4210, "百羽"),  # the unit as the bulletin counts it, as the gold keeps it
    ]


def test_years_and_a_month_as_spans_of_time_are_facts_not_dates() -> None:
    # GUIDELINES: durations are facts. No calendar year has decimals; 时间 after a count of
    # years or a month makes it a span; a month paid out is an amount.
    facts = rules_facts(
        "平均受教育年限由9.46年上升至10.12年。收入从10亿元到20亿元,用了六年时间。"
        "不到一个月时间完成检测。向长者额外发放一个月津贴。"
    )
    assert [(f.text, f.unit) for f in facts if f.unit in ("年", "个月")] == [
        ("9.46年", "年"),
        ("10.12年", "年"),
        ("六年", "年"),
        ("一个月", "个月"),
        ("一个月", "个月"),
    ]
    # An item's number before a year, a name before 年均, and "a month" stay out.
    rest = rules_facts("1.2016年末债务余额下降。PM2.5\n年均浓度下降。一个月内办结。")
    assert [f.unit for f in rest if f.unit in ("年", "个月")] == []


def test_years_that_open_a_span_or_name_a_date_are_no_durations() -> None:
    # An item's number before 十年来, a year before 时间节点, and ages of retirement after a
    # life expectancy are none of them spans or lives.
    facts = rules_facts(
        "3.10年来全市累计投资1200亿元。到2025年时间节点前完成。预期寿命81.2岁,男60岁、女55岁退休。"
    )
    assert [(f.text, f.unit) for f in facts] == [("1200亿元", "元"), ("81.2岁", "岁")]
