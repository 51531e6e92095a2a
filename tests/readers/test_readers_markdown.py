"""Markdown: headings and paragraphs as lines, GFM tables as pipe rows, markup removed."""

from __future__ import annotations

from pathlib import Path

import pytest

from llmx.errors import InputError
from llmx.readers import read_document

BULLETIN = """# 2024年某市统计公报

全年地区生产总值**1867.07亿元**，
比上年增长6.5%。

## 一、农业

| 指 标 | 绝对量(亿元) | 比上年增长(%) |
| --- | ---: | ---: |
| 第一产业 | 120.5 | 4.2 |
| 第二产业 | | -0.2 |

- 粮食产量300万吨
"""


def test_a_markdown_report_in_the_canonical_layout(tmp_path: Path) -> None:
    path = tmp_path / "bulletin.md"
    path.write_text(BULLETIN, encoding="utf-8")
    document = read_document(path)
    assert (document.format, document.title) == ("md", "2024年某市统计公报")
    assert document.text == (
        "2024年某市统计公报\n"
        "全年地区生产总值1867.07亿元，比上年增长6.5%。\n"
        "一、农业\n\n"
        "| 指 标 | 绝对量(亿元) | 比上年增长(%) |\n"
        "| --- | --- | --- |\n"
        "| 第一产业 | 120.5 | 4.2 |\n"
        "| 第二产业 |  | -0.2 |\n\n\n"
        "粮食产量300万吨\n"
    )
    cell = document.source_map.locate(document.text.index("-0.2"))
    assert cell is not None and (cell.element, cell.table, cell.row, cell.column) == (
        "line 11",
        1,
        3,
        3,
    )


def test_an_empty_markdown_file_is_a_one_line_error(tmp_path: Path) -> None:
    path = tmp_path / "empty.md"
    path.write_text("\n\n", encoding="utf-8")
    with pytest.raises(InputError, match="empty"):
        read_document(path)
