"""The prose's amounts a table's bare figure may round to (llmx.rules.amounts)."""

from __future__ import annotations

import random

from llmx.quantities import find_quantities
from llmx.rules.amounts import NO_AMOUNTS, ProseAmount, ProseAmounts, prose_amounts


def test_an_amount_is_found_for_every_figure_its_rounding_covers() -> None:
    amounts = prose_amounts(find_quantities("当月完成产值444.8亿元,从业人员36万人,增长5.2%。"))
    assert [a.unit for a in amounts.near(444.84e8)] == ["元"]
    assert [a.unit for a in amounts.near(444.76e8)] == ["元"]
    assert list(amounts.near(444.74e8)) == []  # 444.74亿 is written 444.7亿
    assert list(amounts.near(444.86e8)) == []
    assert [a.unit for a in amounts.near(361_234)] == ["人"]  # 36万 is anything from 35.5万
    assert list(amounts.near(5.2)) == []  # a rate is no amount a column is quoted in
    assert not NO_AMOUNTS and amounts


def test_amounts_near_a_figure_are_those_a_pass_over_all_of_them_finds() -> None:
    chooser = random.Random(4)
    amounts = [
        ProseAmount(chooser.uniform(0, 1e6), "元", chooser.choice([0.5, 5.0, 5e3, 5e4]))
        for _ in range(300)
    ]
    grouped: dict[float, list[ProseAmount]] = {}
    for amount in amounts:
        grouped.setdefault(amount.tolerance, []).append(amount)
    index = ProseAmounts(
        tuple(
            (tolerance, tuple(a.value for a in group), tuple(group))
            for tolerance, group in (
                (tolerance, sorted(group, key=lambda a: a.value))
                for tolerance, group in grouped.items()
            )
        )
    )
    for _ in range(500):
        value = chooser.uniform(0, 1e6)
        passed = {a for a in amounts if abs(value - a.value) <= a.tolerance}
        assert set(index.near(value)) == passed
