"""Serial-number columns, left out of the cells a table reader reads."""

from __future__ import annotations

from llmx.tables.serials import without_serials


def _is_label(words: str) -> bool:
    return not words.replace(".", "").lstrip("-").isdigit()


def test_a_serial_header_and_the_count_before_each_label_are_left_out() -> None:
    cells = ["序号", "品种", "价格", "1", "油菜", "1.85", "2", "芹菜", "2", "3", "生菜", "3"]
    assert without_serials(cells, str, _is_label) == [
        "品种", "价格", "油菜", "1.85", "芹菜", "2", "生菜", "3",
    ]  # fmt: skip


def test_a_second_tables_header_starts_a_new_count() -> None:
    cells = ["序号", "名称", "1", "甲", "5", "2", "乙", "6", "序号", "名称", "1", "丙", "7"]
    assert without_serials(cells, str, _is_label) == [
        "名称", "甲", "5", "乙", "6", "名称", "丙", "7",
    ]  # fmt: skip


def test_cells_without_a_count_come_back_as_they_were() -> None:
    cells = ["序号", "名称", "1", "甲", "5"]  # a count that stopped at its first number
    assert without_serials(cells, str, _is_label) == cells
    assert without_serials(["名称", "1", "甲"], str, _is_label) == ["名称", "1", "甲"]


def test_a_rank_heading_the_first_column_is_left_out_as_a_serial_column_is() -> None:
    cells = ["GDP排行", "區域", "GDP", "1", "潞州區", "565.7", "2", "襄垣縣", "320.7"]
    assert without_serials(cells, str, _is_label) == [
        "區域", "GDP", "潞州區", "565.7", "襄垣縣", "320.7",
    ]  # fmt: skip


def test_a_rank_after_the_figures_is_no_serial_column() -> None:
    cells = ["區域", "GDP", "排名", "潞州區", "565.7", "1", "襄垣縣", "320.7", "2"]
    assert without_serials(cells, str, _is_label) == cells
