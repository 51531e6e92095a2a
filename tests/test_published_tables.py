"""The published-tables measure (`evals/renderings/tables.py`) publishes an excerpt's pipe rows
as a real table, and a web page of it reads back to the rows the excerpt holds."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

from llmx.readers import read_document

_TABLES = Path(__file__).resolve().parent.parent / "evals" / "renderings" / "tables.py"
_EXCERPT = "\n".join(
    [
        "全年粮食稳产。",
        "| 表1 主要农产品产量 | ||",
        "| 指标 | 2023年 | 2024年 |",
        "| --- | --- | --- |",
        "| 粮食(万吨) | 35.7 | 36.1 |",
        "| 生猪(万头) | 55 |",
        "以上为初步统计。",
    ]
)


def _tables() -> ModuleType:
    spec = importlib.util.spec_from_file_location("published_tables", _TABLES)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclass looks its module up there
    spec.loader.exec_module(module)
    return module


def test_pipe_rows_are_published_as_one_table_between_paragraphs() -> None:
    blocks = _tables().published(_EXCERPT).paragraphs_and_tables
    assert blocks == (
        "全年粮食稳产。",
        (
            ("表1 主要农产品产量", "", ""),
            ("指标", "2023年", "2024年"),
            ("粮食(万吨)", "35.7", "36.1"),
            ("生猪(万头)", "55", ""),
        ),
        "以上为初步统计。",
    )


def test_a_web_page_of_it_reads_back_to_its_rows_with_the_title_across_the_table(
    tmp_path: Path,
) -> None:
    tables = _tables()
    page = tmp_path / "excerpt.html"
    page.write_text(tables.page_html(tables.published(_EXCERPT), "excerpt", "grid"), "utf-8")
    text = read_document(page).text
    assert (
        "| 表1 主要农产品产量 |  |  |\n| 指标 | 2023年 | 2024年 |\n| 粮食(万吨) | 35.7 | 36.1 |"
        in text
    )
