"""Ranking tables (llmx.tables.ranked): a row per region, its label in Chinese, English or both,
then its figures one space apart, some columns of them the rows' ranks. The tables here
are invented."""

from __future__ import annotations

from reading import rules_facts

from llmx.tables.ranked import find_ranked

_RANKED = (
    "5-3  各地区水果产量、人均产量及位次(2020年)\n"
    "单位:万吨、千克 (10 000 tons, kg)\n"
    "地区 Region 苹果产量 柑橘产量\n"
    "总产量 人均产量   总产量 人均产量\n"
    "Output Per Capita Rank Output Per Capita Rank\n"
    "   \n"
    "  Total 1520.4 210.35 880.2 121.77\n"
    "东州 Dongzhou 310.6 402.11 2 95.0 123.00 3\n"
    "  Nanling 88.1 95.40 4 140.7 152.36 1\n"
    "西  Xiqiao 512.3 630.02 1 12.4 15.26 4\n"
    "  Beihe 245.9 301.45 3 118.8 145.64 2\n"
)


def test_ranks_are_left_out_and_a_total_without_them_still_reads() -> None:
    [grid] = find_ranked(_RANKED)
    assert len(grid.rows) == 5
    cells = [[_RANKED[s[0] : s[1]] for s in row.cells] for row in grid.rows]
    assert cells[0] == ["1520.4", "210.35", "880.2", "121.77"]
    assert cells[1] == ["310.6", "402.11", "95.0", "123.00"]
    facts = rules_facts(_RANKED)
    assert len(facts) == 5 * 4
    assert not {"1", "2", "3", "4"} & {f.text for f in facts}


def test_each_measure_takes_its_own_unit_from_the_unit_line_and_its_group() -> None:
    [grid] = find_ranked(_RANKED)
    assert grid.names == (
        "苹果产量总产量",
        "苹果产量人均产量",
        "柑橘产量总产量",
        "柑橘产量人均产量",
    )
    by_text = {f.text: f for f in rules_facts(_RANKED)}
    assert (by_text["310.6"].value, by_text["310.6"].unit) == (3_106_000, "吨")
    assert (by_text["402.11"].value, by_text["402.11"].unit) == (402.11, "千克")
    assert by_text["140.7"].indicator.startswith("Nanling")
    assert {f.period for f in by_text.values()} == {"2020"}


def test_tables_without_ranks_and_prose_are_left_alone() -> None:
    unranked = (
        "地区 Region 苹果产量 柑橘产量\n"
        "  Dongzhou 310.6 402.11 95.0 123.00\n"
        "  Nanling 88.1 95.40 140.7 152.36\n"
        "  Xiqiao 512.3 630.02 12.4 15.26\n"
    )
    assert find_ranked(unranked) == []
    prose = (
        "全省各市产量排名情况如下\n"
        "东州市产量 310.6 万吨，位居第 2。\n"
        "南岭市产量 88.1 万吨，位居第 4。\n"
        "西桥市产量 512.3 万吨，位居第 1。\n"
    )
    assert find_ranked(prose) == []
