"""The outline of indented rows (llmx.tables.outline)."""

from __future__ import annotations

from llmx.tables.outline import lineages, parents


def test_a_row_sits_under_the_nearest_row_above_indented_less() -> None:
    # 人口(万人) / 总人口 / 男 / 女 / 就业(万人) / 就业人员
    depths = [0, 1, 2, 2, 0, 1]
    assert parents(depths) == (None, 0, 1, 1, None, 4)
    assert lineages(depths) == ((), (0,), (0, 1), (0, 1), (), (4,))


def test_a_row_indented_less_than_the_first_sits_under_none() -> None:
    assert parents([2, 3, 0, 1]) == (None, 0, None, 2)
