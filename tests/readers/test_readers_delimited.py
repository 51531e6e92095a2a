"""Delimited files (`.csv`, `.tsv`): an open-data table read as one table of the canonical
layout, its first record the header, each cell located by its record and column."""

from __future__ import annotations

from pathlib import Path

import pytest

from llmx.errors import InputError
from llmx.readers import read_document
from llmx.rules import RulesExtractor

TAXES = (
    "稅目別,全年預算數,累計實徵淨額,累計實徵淨額與上年同期比較/增減百分比\n"
    '總 計,"38,500,000,000","1,250,000,000",-37.19\n'
    '"地價稅, 含田賦","8,200,000,000","54,100,000",33.91\n'
)


def test_a_csv_file_is_one_table_with_its_header_separated(tmp_path: Path) -> None:
    path = tmp_path / "taxes.csv"
    path.write_text(TAXES, encoding="utf-8")
    document = read_document(path)
    assert (document.format, document.title) == ("csv", "taxes")
    assert document.text.splitlines()[:3] == [
        "| 稅目別 | 全年預算數 | 累計實徵淨額 | 累計實徵淨額與上年同期比較/增減百分比 |",
        "| --- | --- | --- | --- |",
        "| 總 計 | 38,500,000,000 | 1,250,000,000 | -37.19 |",
    ]
    cell = document.source_map.locate(document.text.index("54,100,000"))
    assert cell is not None and (cell.element, cell.row, cell.column) == ("record 3", 3, 3)


def test_a_csv_file_s_figures_are_read_as_a_table_s(tmp_path: Path) -> None:
    path = tmp_path / "taxes.csv"
    path.write_text(TAXES, encoding="utf-8")
    facts = RulesExtractor().extract([read_document(path)]).facts
    assert [(fact.value, fact.unit, fact.kind) for fact in facts][2:4] == [
        (37.19, "%", "change"),
        (8_200_000_000, "", "level"),
    ]
    assert facts[3].indicator == "地價稅,含田賦"  # a quoted comma stays in its cell


def test_a_tsv_file_is_parted_by_tabs(tmp_path: Path) -> None:
    path = tmp_path / "output.tsv"
    path.write_text("产品\t产量(万吨)\n钢材\t1,991.5\n水泥\t6,211.9\n", encoding="utf-8")
    assert read_document(path).text.splitlines()[2] == "| 钢材 | 1,991.5 |"


def test_a_delimited_file_with_no_rows_is_a_one_line_error(tmp_path: Path) -> None:
    path = tmp_path / "blank.csv"
    path.write_text(",,\n\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"blank\.csv: the file has no rows"):
        read_document(path)
