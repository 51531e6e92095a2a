"""The vocabulary: each unit declared once, and every derived set agreeing with the table."""

from __future__ import annotations

from reading import rules_facts

from llmx import vocabulary
from llmx.documents import Document
from llmx.quantities import find_quantities
from llmx.rules import RulesExtractor
from llmx.vocabulary import Family, Scope, cue_pattern, implied_kind, magnitude_prefix


def test_each_unit_is_declared_once() -> None:
    names = [unit.name for unit in vocabulary.UNITS]
    assert len(names) == len(set(names))


def test_every_written_unit_is_found_after_a_number() -> None:
    for unit in vocabulary.UNITS:
        if unit.written:
            found = find_quantities(f"共7{unit.name}。")
            assert [q.unit for q in found] == [unit.name], unit.name


def test_units_that_mark_dates_and_classes_are_never_facts() -> None:
    assert {"年", "月", "周年", "级", "千伏"} <= vocabulary.NON_FACT_UNITS
    assert not {"元", "%", "个", "天"} & vocabulary.NON_FACT_UNITS


def test_points_multiples_and_ratios_fix_the_kind_percent_does_not() -> None:
    assert implied_kind("个百分点") == implied_kind("倍") == "change"
    assert implied_kind("ratio") == "share"
    assert implied_kind("%") is None
    assert implied_kind("元") is None  # 比上年增加5亿元 is a change: the words decide


def test_measure_words_are_counts_whose_noun_follows() -> None:
    assert {"个", "家", "项"} <= vocabulary.NOUN_FOLLOWS_UNITS
    assert "人" not in vocabulary.NOUN_FOLLOWS_UNITS
    assert vocabulary.family_of("人") is Family.TALLY


def test_a_magnitude_left_on_a_unit_is_split_off() -> None:
    assert magnitude_prefix("亿元") == ("元", 1e8)
    assert magnitude_prefix("万亿元") == ("元", 1e12)
    assert magnitude_prefix("百分点") == ("百分点", 1.0)


def test_cues_are_read_where_they_are_declared() -> None:
    assert cue_pattern("target", Scope.HEADER).search("2024年预计目标")
    assert cue_pattern("actual", Scope.HEADING).search("2023年计划执行情况")
    assert not cue_pattern("actual", Scope.HEADING).search("2024年计划草案")
    assert cue_pattern("share", Scope.HEADER).search("城镇化率（%）")


def test_an_energy_family_is_found_valued_and_kinded_from_its_rows() -> None:
    text = (
        "全社会用电量达到85.6亿千瓦时，比上年增长6.2%；光伏发电量3200万千瓦时，"
        "单位地区生产总值能耗0.42吨标准煤，全年减少二氧化碳排放12.5万吨二氧化碳当量。"
    )
    found = [(q.text, q.value, q.unit) for q in find_quantities(text) if q.unit]
    assert found == [
        ("85.6亿千瓦时", 85.6e8, "千瓦时"),
        ("6.2%", 6.2, "%"),
        ("3200万千瓦时", 3200e4, "千瓦时"),  # 万千瓦时 is 10^4 千瓦时
        ("0.42吨标准煤", 0.42, "吨标准煤"),
        ("12.5万吨二氧化碳当量", 12.5e4, "吨二氧化碳当量"),
    ]
    assert {vocabulary.family_of(unit) for _, _, unit in found} >= {Family.ENERGY}
    facts = RulesExtractor().extract([Document(id="energy", text=text)]).facts
    kinds = {fact.text: fact.kind for fact in facts}
    assert kinds["3200万千瓦时"] == kinds["12.5万吨二氧化碳当量"] == "level"
    assert kinds["6.2%"] == "change"


def test_thousand_hectares_keep_the_thousand_in_the_unit() -> None:
    text = "全年油料种植面积12.5千公頃，比上年减少0.3千公顷。"
    found = [(q.text, q.value, q.unit) for q in find_quantities(text)]
    assert found == [("12.5千公頃", 12.5, "千公顷"), ("0.3千公顷", 0.3, "千公顷")]


def test_concentrations_and_yields_are_a_mass_per_volume_or_area() -> None:
    text = "PM2.5平均浓度为37微克/立方米，化学需氧量0.5毫克/升；粮食单产5979公斤/公顷。"
    found = [(q.text, q.value, q.unit) for q in find_quantities(text) if q.unit]
    assert found == [
        ("37微克/立方米", 37, "微克/立方米"),
        ("0.5毫克/升", 0.5, "毫克/升"),
        ("5979公斤/公顷", 5979, "公斤/公顷"),
    ]


def test_pairs_are_a_unit_in_a_header_and_after_a_number_in_prose() -> None:
    table = "指标 | 2022年\n结婚率(对/千人) | 6.4\n离婚率(对/千人) | 2.9\n"
    facts = RulesExtractor().extract([Document("d", table)]).facts
    assert [(f.text, f.unit) for f in facts] == [("6.4", "对/千人"), ("2.9", "对/千人")]
    # Round 10 (w761): marriages are counted in pairs; so are 结对帮扶's pairs.
    assert [q.unit for q in find_quantities("全年新增12对结对帮扶")] == ["对"]
    assert [q.unit for q in find_quantities("增长5%对全市经济")] == ["%"]


def test_an_english_unit_reads_as_the_chinese_it_translates() -> None:
    assert vocabulary.from_english("10000 persons") == "万人"
    assert vocabulary.from_english("100 Million Yuan") == "亿元"
    assert vocabulary.from_english("10 000 tons") == "万吨"
    assert vocabulary.from_english("person/household") is None


def test_potted_plants_are_counted_in_pots_but_a_basin_is_no_unit() -> None:
    text = "盆栽观赏植物31.96万盆，增长1.2%；境内有3盆地。"
    found = [(q.text, q.value, q.unit) for q in find_quantities(text)]
    assert found == [("31.96万盆", 319600, "盆"), ("1.2%", 1.2, "%"), ("3", 3, "")]


def test_persons_are_counted_in_wei_but_a_rank_it_opens_is_no_unit() -> None:
    text = "全市有院士3位;哈尔滨以50.93亿位列全省第一,绥化以20亿位居第二。"
    found = [(q.text, q.unit) for q in find_quantities(text)]
    assert ("3位", "位") in found
    assert all(unit != "位" for text, unit in found if text != "3位")


def test_temperatures_are_a_physical_level_in_degrees_celsius() -> None:
    text = "本年平均气温14.0℃,比历年平均值12.7℃偏高1.3℃;最低气温零下5摄氏度。"
    found = [(q.text, q.value, q.unit) for q in find_quantities(text) if q.unit]
    assert found == [
        ("14.0℃", 14.0, "℃"),
        ("12.7℃", 12.7, "℃"),
        ("1.3℃", 1.3, "℃"),
        ("5摄氏度", 5, "摄氏度"),
    ]
    assert vocabulary.family_of("℃") is Family.PHYSICAL


def test_weather_against_its_normal_is_a_change() -> None:
    text = "本年平均气温14.0℃,比历年平均值12.7℃偏高1.3℃。降水量542.0mm,偏多73.6mm。"
    facts = RulesExtractor().extract([Document("d", text)]).facts
    assert [(f.text, f.kind) for f in facts] == [
        ("14.0℃", "level"),
        ("12.7℃", "level"),
        ("1.3℃", "change"),
        ("542.0mm", "level"),
        ("73.6mm", "change"),
    ]


def test_a_count_in_words_in_brackets_is_a_fact_but_a_bare_unit_is_not() -> None:
    facts = [(f.text, f.unit) for f in rules_facts("新建学校(五所),支出(百万元)。")]
    assert facts == [("五所", "所")]


def test_a_score_is_in_points_where_its_clause_scores() -> None:
    text = (
        "全区十一项经济考核得分达493.36分。全省以96.54分成绩位居第三。"
        "电价降低2.5分钱,测评用时11分30秒,考核时间2小时10分,东经116度20分。"
    )
    assert [(f.text, f.unit) for f in rules_facts(text) if f.unit == "分"] == [
        ("493.36分", "分"),
        ("96.54分", "分"),
    ]


def test_rates_of_a_population_are_declared_on_their_rows() -> None:
    assert {"‰", "/10万"} == vocabulary.POPULATION_RATE_UNITS
    assert "%" not in vocabulary.POPULATION_RATE_UNITS
