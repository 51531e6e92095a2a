"""Figures no fact took: what counts as a figure, which are unread, which documents are worth
a look, and how a run records and shows them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from llmx.cli import app
from llmx.coverage import (
    coverage_of,
    figure_spans,
    marked_line,
    unread_spans,
    worth_a_look,
    worth_a_look_line,
)
from llmx.journal import read_steps
from llmx.pipeline import run_extraction
from llmx.record import Coverage
from llmx.rules import RulesExtractor
from llmx.runs import RUN_FILE


def figures(text: str) -> list[str]:
    return [text[start:end] for start, end in figure_spans(text)]


@pytest.mark.parametrize(
    "text",
    [
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
    ],
)
def test_numbers_that_state_no_quantity_are_no_figures(text: str) -> None:
    assert figures(text) == []


def test_amounts_shares_and_bare_cells_are_figures() -> None:
    text = "生产总值125.6亿元,增长-3.5%,共12个\n| 东山 | 1,345 | 0.8 |"
    assert figures(text) == ["125.6", "-3.5", "12", "1,345", "0.8"]


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


def test_a_figure_is_shown_in_its_line_with_the_line_number() -> None:
    text = "标题\n东山 13 27 45\n"
    assert marked_line(text, (6, 8)) == (2, "东山 [13] 27 45")


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
    towns: Path, tmp_path: Path
) -> None:
    runs = tmp_path / "runs"
    run_extraction([towns], RulesExtractor(), name="towns", runs_dir=runs)
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


def test_runs_show_counts_the_figures_unread_and_points_to_the_list(
    towns: Path, tmp_path: Path
) -> None:
    runs = tmp_path / "runs"
    run_extraction([towns], RulesExtractor(), name="towns", runs_dir=runs)
    code, output = invoke("runs", "show", "towns", "--runs-dir", str(runs))
    assert code == 0
    assert "9 of 12 figures no fact took; 1 documents worth a look" in output
    assert "llmx runs unread" in output


def test_unread_of_an_unknown_document_or_an_older_run_is_one_line(
    towns: Path, tmp_path: Path
) -> None:
    runs = tmp_path / "runs"
    run = run_extraction([towns], RulesExtractor(), name="towns", runs_dir=runs)
    code, output = invoke("runs", "unread", "towns", "--runs-dir", str(runs), "--doc", "nope")
    assert (code, output) == (1, "llmx: error: nope: no document of towns has this id\n")
    record = json.loads((run.path / RUN_FILE).read_text(encoding="utf-8"))
    del record["coverage"]  # as llmx wrote it before it counted
    (run.path / RUN_FILE).write_text(json.dumps(record), encoding="utf-8")
    code, output = invoke("runs", "unread", "towns", "--runs-dir", str(runs))
    assert code == 1
    assert output.count("\n") == 1 and "older than llmx's count" in output
    code, output = invoke("runs", "show", "towns", "--runs-dir", str(runs))
    assert code == 0 and "not counted" in output
