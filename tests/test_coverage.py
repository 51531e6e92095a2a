"""Figures no fact took: what counts as a figure, which are unread, which documents are worth
a look, and how a run records and shows them."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from llmx import coverage
from llmx.cli import app
from llmx.coverage import (
    coverage_of,
    figure_spans,
    marked_lines,
    unread_spans,
    worth_a_look,
    worth_a_look_line,
)
from llmx.folding import fold
from llmx.journal import read_steps
from llmx.pipeline import run_extraction
from llmx.record import Coverage
from llmx.rules import RulesExtractor
from llmx.runs import RUN_FILE


def figures(text: str) -> list[str]:
    return [text[start:end] for start, end in figure_spans(text)]


NO_FIGURES = [
    "2023年5月3日发布",  # a date
    "2023-05-03 10:30",  # a date and a clock time
    "1-5月累计",  # months
    "18-35岁人口",  # an age band
    "居全省第3位",  # an ordinal
    "常住人口[1]中",  # a note's mark
    "(2)其中",  # a list's mark
    "1. 工业",  # a list's mark at a line's start
    "详见表3-1",  # a table's number
    "17-22 社会消费品零售总额",  # a caption's number
    "G20峰会、PM2.5浓度、5G基站",  # numbers in names
    "科目代码0502",  # a code
    "东经113°19′",  # a longitude
    "元/500克",  # a unit's denominator
    "(10 000 persons)",  # English in brackets
    "2015",  # a year
    "1—11月累计、18—35岁、3月-5月",  # ranges with other dashes
    "10时30分、2017-10-23 14:30",  # times
    "COVID-19疫情、H7N9",  # hyphens and letters in names
    "专栏2：主要指标",  # a box's number
    "2.1.3 地区生产总值",  # a heading's number
    "报告－2017年12月6日、2019年-2023年",  # a dash before a year is no sign
    "1-7\n\n比去年同期增长",  # a header's range alone on its line
    "(17:12)、上午9:30",  # clock times
]


@pytest.mark.parametrize("text", NO_FIGURES)
def test_numbers_that_state_no_quantity_are_no_figures(text: str) -> None:
    assert figures(text) == []


def test_amounts_shares_and_bare_cells_are_figures() -> None:
    text = "生产总值125.6亿元,增长-3.5%,共12个\n| 东山 | 1,345 | 0.8 |"
    assert figures(text) == ["125.6", "-3.5", "12", "1,345", "0.8"]


STILL_FIGURES = [
    ("工业 1279 -3.5 12.1", ["1279", "-3.5", "12.1"]),  # a row, not a date
    ("全市企业2035家，投资2000万元", ["2035", "2000"]),  # counts, not years
    ("全市共有人大代表452名", ["452"]),  # 代表 is no table
    ("（全年GDP增长6.5%，CPI上涨2%）", ["6.5", "2"]),  # Chinese in the brackets
    ("实现GDP1234亿元", ["1234"]),  # what is measured, not a name
    ("三次产业结构5:67:28", ["5", "67", "28"]),  # a ratio, not a time
    ("增长5%-8%", ["5", "8"]),  # a range's dash is no sign
    ("单位:km\n125.6", ["125.6"]),  # the letters of the line above name nothing
    ("完成\n270.06 亿元", ["270.06"]),  # a value opening its line, no heading
    ("1927 -11.2、3,360 +25", ["-11.2", "3,360", "+25"]),  # no date, no slogan
    ("三次产业结构为9.2:51:39.8", ["9.2", "51", "39.8"]),  # a ratio, not a clock
    ("-1910 |", ["-1910"]),  # a change, not a year
]


@pytest.mark.parametrize(("text", "expected"), STILL_FIGURES)
def test_numbers_like_the_excluded_ones_are_still_figures(text: str, expected: list[str]) -> None:
    assert figures(text) == expected


def test_the_fast_start_guard_skips_no_place_a_pattern_starts_at() -> None:
    unguarded = re.compile(coverage._NOT_FIGURES.pattern[len(coverage._STARTS) :], re.MULTILINE)
    text = fold("\n".join([*NO_FIGURES, *(text for text, _ in STILL_FIGURES), TOWNS]))
    assert [m.span() for m in coverage._NOT_FIGURES.finditer(text)] == [
        m.span() for m in unguarded.finditer(text)
    ]


def test_a_figure_a_fact_touches_is_read_and_the_others_are_unread_in_order() -> None:
    figures_at = [(0, 2), (5, 8), (10, 12), (20, 23)]
    facts_at = [(19, 25), (4, 9)]  # in any order, a fact's span wider than its figure
    assert list(unread_spans(figures_at, facts_at)) == [(0, 2), (10, 12)]


def test_coverage_counts_figures_and_those_no_fact_took() -> None:
    text = "产值125.6亿元。\n东山 13 27"
    assert coverage_of(text, [(2, 10)]) == Coverage(figures=3, unread=2)


@pytest.mark.parametrize(
    ("figures_count", "unread", "worth"),
    [(40, 5, True), (40, 4, False), (60, 5, False), (5, 5, True), (0, 0, False)],
)
def test_a_document_is_worth_a_look_with_five_unread_and_a_tenth_of_its_figures(
    figures_count: int, unread: int, worth: bool
) -> None:
    assert worth_a_look(Coverage(figures=figures_count, unread=unread)) is worth


def test_the_line_names_the_documents_most_unread_first() -> None:
    coverage = {
        "a": Coverage(figures=10, unread=6),
        "b": Coverage(figures=30, unread=30),
        "c": Coverage(figures=100, unread=2),  # a few left: no look needed
    }
    assert worth_a_look_line(coverage) == (
        "2 documents leave many figures unread by any fact: b (30 of 30), a (6 of 10)"
    )
    assert worth_a_look_line({"c": coverage["c"]}) is None


def test_each_figure_is_shown_in_its_line_with_the_line_number_cut_to_a_width() -> None:
    text = "标题\n东山 13 27 45\n" + "很长的一行" * 20 + "共99个" + "很长的一行" * 20
    assert list(marked_lines(text, [(116, 118), (6, 8)], width=4)) == [
        (2, "东山 [13] 27 …"),
        (3, "…的一行共[99]个很长的…"),
    ]


# A report whose town table gives no unit: the rules read the prose and leave the table.
TOWNS = (
    "2024年全县经济运行情况\n"
    "全县地区生产总值125.6亿元,增长6.2%。\n"
    "各乡镇情况\n"
    "乡镇 甲 乙 丙\n"
    "东山 13 27 45\n"
    "西山 18 22 61\n"
    "南山 19 33 70\n"
)


@pytest.fixture
def towns(tmp_path: Path) -> Path:
    path = tmp_path / "docs" / "towns.txt"
    path.parent.mkdir()
    path.write_text(TOWNS, encoding="utf-8")
    (tmp_path / "docs" / "prose.txt").write_text("全县地区生产总值125.6亿元。\n", encoding="utf-8")
    return path.parent


def test_a_run_records_each_documents_figures_in_its_record_and_journal(
    towns: Path, tmp_path: Path
) -> None:
    run = run_extraction([towns], RulesExtractor(), runs_dir=tmp_path / "runs")
    assert run.record.coverage == {
        "prose": Coverage(figures=1, unread=0),
        "towns": Coverage(figures=11, unread=9),
    }
    stored = json.loads((run.path / RUN_FILE).read_text(encoding="utf-8"))
    assert stored["coverage"]["towns"] == {"figures": 11, "unread": 9}
    steps = list(read_steps(run.path / "documents.jsonl"))
    assert {doc: counts for step in steps for doc, counts in step.coverage.items()} == (
        run.record.coverage
    )


@pytest.fixture
def runs(towns: Path, tmp_path: Path) -> Path:
    """A runs folder holding one rules run over the towns and the prose, named `towns`."""
    folder = tmp_path / "runs"
    run_extraction([towns], RulesExtractor(), name="towns", runs_dir=folder)
    return folder


def invoke(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, list(args), env={"COLUMNS": "100"})
    return result.exit_code, result.output


def test_extract_names_the_documents_worth_a_look_and_the_command_that_lists_them(
    towns: Path, tmp_path: Path
) -> None:
    code, output = invoke("extract", str(towns), "--runs-dir", str(tmp_path / "runs"))
    assert code == 0
    assert "1 document leaves many figures unread by any fact: towns (9 of 11)" in output
    assert "llmx runs unread" in output


def test_runs_unread_lists_the_documents_then_one_documents_figures_in_their_lines(
    runs: Path,
) -> None:
    code, output = invoke("runs", "unread", "towns", "--runs-dir", str(runs))
    assert code == 0
    assert "towns" in output and "prose" not in output  # prose left nothing unread
    assert "--doc towns" in output
    code, output = invoke("runs", "unread", "towns", "--runs-dir", str(runs), "--doc", "towns")
    assert code == 0
    lines = [line for line in output.splitlines() if not line.startswith("llmx:")]
    assert len(lines) == 9
    assert lines[0].split() == ["5", "东山", "[13]", "27", "45"]
    assert lines[8].split() == ["7", "南山", "19", "33", "[70]"]
    assert "9 figures of towns no fact took" in output
    code, output = invoke(
        "runs", "unread", "towns", "--runs-dir", str(runs), "--doc", "towns", "--limit", "2"
    )
    assert "7 more not shown" in output


def test_a_long_list_of_documents_is_cut_to_the_limit(towns: Path, tmp_path: Path) -> None:
    (towns / "towns-again.txt").write_text(TOWNS.replace("东山 13", "东山 14"), encoding="utf-8")
    runs = tmp_path / "runs"
    run_extraction([towns], RulesExtractor(), name="towns", runs_dir=runs)
    code, output = invoke("runs", "unread", "towns", "--runs-dir", str(runs), "--limit", "1")
    assert code == 0 and "1 more not listed (--limit 0 lists all)" in output


def test_runs_unread_prints_json_for_scripts(runs: Path) -> None:
    code, output = invoke("runs", "unread", "towns", "--runs-dir", str(runs), "--json")
    assert code == 0
    assert json.loads(output) == {
        "run": "towns",
        "documents": [
            {"doc": "towns", "title": "2024年全县经济运行情况", "figures": 11, "unread": 9}
            | {"worth_a_look": True}
        ],
    }
    code, output = invoke(
        "runs", "unread", "towns", "--runs-dir", str(runs), "--doc", "towns", "--json"
    )
    figures = json.loads(output)["unread"]
    assert len(figures) == 9
    assert figures[0] == {
        "start": TOWNS.index("13"),
        "end": TOWNS.index("13") + 2,
        "text": "13",
        "line": 5,
    }


def test_runs_show_counts_the_figures_unread_and_points_to_the_list(runs: Path) -> None:
    code, output = invoke("runs", "show", "towns", "--runs-dir", str(runs))
    assert code == 0
    assert "9 of 12 figures no fact took; 1 document worth a look" in output
    assert "llmx runs unread" in output


def test_a_run_counted_for_some_documents_only_says_so(runs: Path) -> None:
    [folder] = runs.iterdir()
    record = json.loads((folder / RUN_FILE).read_text(encoding="utf-8"))
    del record["coverage"]["prose"]  # journaled before llmx counted, its text since lost
    (folder / RUN_FILE).write_text(json.dumps(record), encoding="utf-8")
    code, output = invoke("runs", "show", "towns", "--runs-dir", str(runs))
    words = " ".join(output.replace("│", " ").split())  # the table wraps its cells
    assert code == 0 and "(counted for 1 of 2 documents)" in words


def test_flags_that_do_not_go_together_are_one_line_errors(runs: Path) -> None:
    base = ("runs", "unread", "towns", "--runs-dir", str(runs))
    code, output = invoke(*base, "--doc", "towns", "--all")
    assert (code, output.count("\n")) == (1, 1) and "--all" in output


def test_unread_of_an_unknown_document_or_an_older_run_is_one_line(runs: Path) -> None:
    code, output = invoke("runs", "unread", "towns", "--runs-dir", str(runs), "--doc", "nope")
    assert (code, output) == (1, "llmx: error: nope: no document of towns has this id\n")
    [folder] = runs.iterdir()
    record = json.loads((folder / RUN_FILE).read_text(encoding="utf-8"))
    del record["coverage"]  # as llmx wrote it before it counted
    (folder / RUN_FILE).write_text(json.dumps(record), encoding="utf-8")
    code, output = invoke("runs", "unread", "towns", "--runs-dir", str(runs))
    assert code == 1
    assert output.count("\n") == 1 and "older than llmx's count" in output
    code, output = invoke("runs", "show", "towns", "--runs-dir", str(runs))
    assert code == 0 and "not counted" in output
    code, output = invoke("runs", "unread", "towns", "--runs-dir", str(runs), "--doc", "towns")
    assert code == 0 and "9 figures of towns no fact took" in output  # counted from its text
