"""The layout measure (`evals/relayout.py`) counts a fact found in a re-laid table as the gold's
when value and unit agree as the scorer's tolerance sees them."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest

from llmx.facts import Fact

_RELAYOUT = Path(__file__).resolve().parent.parent / "evals" / "relayout.py"


def _relayout() -> ModuleType:
    spec = importlib.util.spec_from_file_location("relayout", _RELAYOUT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _fact(value: float, unit: str) -> Fact:
    return Fact(
        doc="d",
        start=0,
        end=1,
        text="x",
        value=value,
        unit=unit,
        indicator="",
        status="actual",
        kind="level",
    )


def test_an_amount_in_yi_written_two_ways_in_floating_point_is_one_value() -> None:
    gold = [_fact(565.7 * 1e8, "元"), _fact(11.0, "%")]
    found = [_fact(56570000000.0, "元"), _fact(11.0, "%")]
    assert _relayout().scores(gold, found) == (2, 2, 2)


def test_values_or_units_that_differ_are_not_matched() -> None:
    gold = [_fact(8.0, "μg/m3"), _fact(2.15, "")]
    found = [_fact(8.0, "mg/m3"), _fact(2.16, "")]
    assert _relayout().scores(gold, found) == (2, 2, 0)


def test_a_block_with_a_row_broken_over_lines_stays_in_pipes() -> None:
    text = "甲 | 1 | 2 |\n| -4.1 |\n\n地区 | 2019 | 2020 |\n东城 | 12 | 30 |"
    laid = _relayout().relayout(text, "tab")
    assert laid == "甲 | 1 | 2 |\n| -4.1 |\n\n地区\t2019\t2020\n东城\t12\t30"


# A header row whose last pipes pad a span's cells, over a row of figures with an empty cell.
_PADDED_HEADER = "| 地区 | 2008 | 2009 | |\n| 全国 | 114830.1 | | 15.5 |"


@pytest.mark.parametrize(
    ("layout", "laid"),
    [
        # A cell a line: the header's row ends at its last filled cell, the empty cell of the
        # row of figures an empty line.
        ("cells", "地区\n2008\n2009\n全国\n114830.1\n\n15.5"),
        # Each row a paragraph of its filled cells: the empty cell leaves no line.
        ("paragraphs", "地区\n2008\n2009\n\n全国\n114830.1\n15.5\n"),
        # Each cell closed by a pipe, the empty cell a lone pipe.
        ("piped", "地区 |\n2008 |\n2009 |\n全国 |\n114830.1 |\n|\n15.5 |"),
        # A lone pipe between every two cells, the empty cell two pipes in a row.
        ("between", "|\n地区\n|\n2008\n|\n2009\n|\n全国\n|\n114830.1\n|\n|\n15.5\n|"),
    ],
)
def test_a_table_copied_a_cell_a_line_keeps_its_cells_in_order_in_each_layout(
    layout: str, laid: str
) -> None:
    assert _relayout().relayout(_PADDED_HEADER, layout) == laid
