"""`llmx gold validate` finds every kind of problem a gold line can have."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from llmx.cli import app
from llmx.gold import load_gold, validate_gold_lines

TEXT = "一、2023年执行情况\n全年地区生产总值达到983亿元、增长7.2%。\n（一）表\n\t8以上\n"
GOOD = {
    "doc": "d",
    "start": 22,
    "end": 27,
    "text": "983亿元",
    "value": 98300000000,
    "unit": "元",
    "qualifier": None,
    "indicator": "地区生产总值",
    "period": "2023",
    "status": "actual",
    "kind": "level",
}


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "d.txt").write_text(TEXT, encoding="utf-8")
    gold = tmp_path / "evals" / "gold"
    gold.mkdir(parents=True)
    (gold / "manifest.json").write_text(json.dumps({"documents": {"d": "all"}}), encoding="utf-8")
    return tmp_path


def _problems(project: Path, *records: dict[str, object]) -> list[str]:
    gold = load_gold(project / "evals" / "gold")
    lines = [json.dumps(record, ensure_ascii=False) for record in records]
    return validate_gold_lines(lines, "d.jsonl", gold)


def test_a_correct_line_has_no_problems(project: Path) -> None:
    assert _problems(project, GOOD) == []


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        ({"text": "983亿"}, "text: '983亿' is not the document's text"),
        ({"start": 21}, "text: '983亿元' is not the document's text"),
        ({"end": 10_000}, "end: span [22:10000] is past the end"),
        ({"value": 983}, "value: 983.0 does not match the number written"),
        ({"status": "planned"}, "status: Input should be 'actual' or 'target'"),
        ({"kind": "rate"}, "kind: Input should be 'level', 'change' or 'share'"),
        ({"unit": "億元"}, "unit: '億元' is not folded"),
        ({"doc": "other"}, "doc: 'other' is not in the gold manifest"),
        ({"start": 30, "end": 28}, "span [30:28] is empty or reversed"),
        ({"value": float("nan")}, "value: value nan is not a finite number"),
        ({"value": float("inf")}, "value: value inf is not a finite number"),
        ({"value": "983亿"}, "value: Input should be a valid number"),
        ({"start": -1}, "start: Input should be greater than or equal to 0"),
    ],
)
def test_a_bad_line_is_reported(project: Path, change: dict[str, object], problem: str) -> None:
    [message] = _problems(project, {**GOOD, **change})
    assert message.startswith("d.jsonl:1: ")
    assert problem in message


def test_a_missing_field_is_named(project: Path) -> None:
    record = {key: value for key, value in GOOD.items() if key != "indicator"}
    assert _problems(project, record) == ["d.jsonl:1: indicator: missing"]


def test_every_wrong_field_of_a_line_is_named_with_its_reason(project: Path) -> None:
    assert _problems(project, {**GOOD, "status": "planned", "kind": "rate", "value": "x"}) == [
        "d.jsonl:1: value: Input should be a valid number, unable to parse string as a number",
        "d.jsonl:1: status: Input should be 'actual' or 'target'",
        "d.jsonl:1: kind: Input should be 'level', 'change' or 'share'",
    ]


def test_overlapping_spans_are_reported(project: Path) -> None:
    shorter = {**GOOD, "end": 25, "text": "983", "value": 983e8}
    assert _problems(project, GOOD, shorter) == ["d.jsonl:2: span overlaps the span on line 1"]


def test_a_table_cell_may_take_its_magnitude_from_the_header(project: Path) -> None:
    start = TEXT.index("8以上")
    cell = {
        **GOOD,
        "start": start,
        "end": start + 1,
        "text": "8",
        "value": 80000,
        "unit": "元",
        "qualifier": "以上",
    }
    assert _problems(project, cell) == []


def test_facts_outside_labelled_sections_are_reported(project: Path) -> None:
    manifest = project / "evals" / "gold" / "manifest.json"
    manifest.write_text(json.dumps({"documents": {"d": ["1.1"]}}), encoding="utf-8")
    [message] = _problems(project, GOOD)
    assert "does not label" in message


def test_the_command_exits_non_zero_with_one_line_per_problem(project: Path) -> None:
    gold = project / "evals" / "gold"
    start = TEXT.index("7.2%")
    growth = {
        **GOOD,
        "start": start,
        "end": start + 4,
        "text": "7.2%",
        "value": 72,
        "unit": "%",
        "kind": "change",
    }
    lines = [json.dumps(GOOD, ensure_ascii=False), json.dumps(growth, ensure_ascii=False)]
    (gold / "d.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["gold", "validate", "--gold-dir", str(gold)])
    assert result.exit_code == 1
    assert result.output.splitlines() == [
        f"{gold / 'd.jsonl'}:2: value: 72.0 does not match the number written in '7.2%' (7.2)",
        "llmx: error: 1 problems in 1 gold files",
    ]
