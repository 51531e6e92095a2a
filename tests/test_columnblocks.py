"""Tables set a column to a cell (llmx.tables.columnblocks): the header's cells one a line, then a
block of lines per column, parted by lines of a lone pipe. The figures are invented."""

from __future__ import annotations

from reading import rules_facts

from llmx.tables.columnblocks import find_column_blocks

_BLOCKS = ["產品名稱", "單位", "產 量", "比上年增長%"]
_COLUMNS = [
    ["紗", "原 煤", "發電量"],
    ["萬 噸", "萬 噸", "億千瓦小時"],
    ["126.11", "83.92", "1743.20"],
]
_GROWTH = ["6.6", "-1.9", "13.4"]


def _table(growth: list[str]) -> str:
    cells = [*_BLOCKS, *("\n".join(block) for block in (*_COLUMNS, growth))]
    return (
        "2008年主要工業產品產量\n表2\n"
        + "".join(f"{cell}\n|\n" for cell in cells)
        + "全省工業運行平穩。\n"
    )


def test_each_row_takes_its_label_and_unit_from_the_blocks_before_its_figures() -> None:
    facts = rules_facts(_table(_GROWTH))
    by_text = {fact.text: fact for fact in facts}
    coal, growth = by_text["83.92"], by_text["1.9"]
    assert (coal.value, coal.unit, coal.period, coal.indicator) == (
        839_200,
        "吨",
        "2008",
        "原煤產量",
    )
    assert (growth.unit, growth.kind, growth.indicator) == ("%", "change", "原煤產量增長")
    assert len(facts) == 6


def test_blocks_of_unequal_length_are_no_table() -> None:
    assert find_column_blocks(_table(_GROWTH[:2])) == []
