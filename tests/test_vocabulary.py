"""The vocabulary: each unit declared once, and every derived set agreeing with the table."""

from __future__ import annotations

from llmx import vocabulary
from llmx.quantities import find_quantities
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
