"""Yearbook tables whose rows ran onto one line, read as tables of years."""

from __future__ import annotations

from reading import rules_facts

_TRANSPORT = (
    "8-02 城市公共交通情况 Public Transport 指 标 Item 2019 2020 2021 2022 "
    "一、公共汽车 Bus 年末运营线路条数 (条) NumberofRoutes (unit) 301 315 322 340 "
    "年末运营车辆 (辆) Vehicles (unit) 2105 2210 2260 2301 "
    "#新能源车辆 (辆)NewEnergy (unit) 88 140 "
    "客运总量 (万人次)PassengerTraffic (10,000person-times) 45210 38870 40125 43360 — 88—\n"
)


def test_each_row_of_a_run_on_yearbook_table_gives_a_figure_a_year() -> None:
    facts = rules_facts(_TRANSPORT)
    by_text = {(f.text, f.period): (f.unit, f.indicator) for f in facts}
    assert by_text[("301", "2019")] == ("条", "年末运营线路条数")
    assert by_text[("2301", "2022")] == ("辆", "年末运营车辆")
    assert by_text[("43360", "2022")] == ("人次", "客运总量")
    assert len(facts) == 4 + 4 + 2 + 4  # the page number after the last row is no fact


def test_a_row_with_its_first_years_empty_fills_the_last_years() -> None:
    facts = rules_facts(_TRANSPORT)
    assert [(f.text, f.period) for f in facts if f.indicator.endswith("新能源车辆")] == [
        ("88", "2021"),
        ("140", "2022"),
    ]


def test_fiscal_years_and_the_unit_before_the_header_date_and_measure_the_figures() -> None:
    text = (
        "某署年报 開支(百萬元) Expenditures ($million) 財政年度 Financial Year "
        "2019/20 2020/21 2021/22 員工開支 Staff costs 1,729.6 1,917.1 2,077.9 "
        "折舊 Depreciation 1,815.7 1,917.1 2,013.6 總額 Total 3,545.3 3,834.2 4,091.5 "
        "本署致力以符合成本效益的方式提供服務。\n"
    )
    facts = rules_facts(text)
    assert [(f.text, f.value, f.unit, f.period) for f in facts[:3]] == [
        ("1,729.6", 1729.6e6, "元", "2019"),
        ("1,917.1", 1917.1e6, "元", "2020"),
        ("2,077.9", 2077.9e6, "元", "2021"),
    ]
    assert len(facts) == 9


def test_a_long_sentence_naming_years_then_figures_stays_prose() -> None:
    text = (
        "据统计，全市经济运行总体平稳，主要指标好于预期，各项指标稳步提升，发展质量不断提高，"
        "人民生活持续改善，社会事业全面进步。"
        " 2019 2020 2021 年全市地区生产总值分别为 3000 3200 3400 亿元，"
        "财政收入分别为 200 210 220 亿元，城镇居民人均可支配收入分别为 41000 43000 45000 元，"
        "农村居民人均可支配收入分别为 18000 19200 20500 元，均创历史新高。\n"
    )
    units = {f.text: f.unit for f in rules_facts(text)}
    assert units["3400 亿元"] == units["220 亿元"] == "元"
