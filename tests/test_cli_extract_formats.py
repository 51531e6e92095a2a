"""`llmx extract` on a folder of mixed formats: one job, bad files named, the rest extracted."""

from __future__ import annotations

import json
import os
from pathlib import Path

import docx
import pytest
from typer.testing import CliRunner

from llmx.cli import app
from llmx.facts import read_facts
from llmx.runs import load_run

BULLETIN = "一、2023年执行情况\n全年地区生产总值达到983亿元、增长7.2%。\n"
TABLE_PAGE = """<html><head><meta charset="utf-8"><title>统计公报</title></head><body>
<div class="nav"><a href="/">首页</a></div><div class="content">
<p>一、2023年执行情况</p><p>全年粮食产量30.2万吨，增长1.5%。</p>
<table><tr><th>指标</th><th>2023年完成</th></tr><tr><td>地区生产总值</td><td>增长6.3%</td></tr>
</table></div><div class="footer">网站标识码：5001200001 渝ICP备12003457号-1</div></body></html>"""


def _mixed_folder(folder: Path) -> Path:
    folder.mkdir()
    (folder / "a_bulletin.md").write_text(f"# 公报\n\n{BULLETIN}", encoding="utf-8")
    (folder / "b_page.html").write_text(TABLE_PAGE, encoding="utf-8")
    word = docx.Document()
    word.add_paragraph("一、2023年执行情况")
    word.add_paragraph("规上工业增加值增长8.6%，新增企业300家。")
    word.save(str(folder / "c_report.docx"))
    (folder / "d_old.doc").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 64)
    (folder / "e_fake.docx").write_text("not a zip", encoding="utf-8")
    (folder / "f_empty.html").write_bytes(b"")
    (folder / "g_chart.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    return folder


def test_a_mixed_folder_is_one_job_that_names_each_unreadable_file(tmp_path: Path) -> None:
    folder = _mixed_folder(tmp_path / "reports")
    runs = tmp_path / "runs"
    result = CliRunner().invoke(app, ["extract", str(folder), "--runs-dir", str(runs)])
    assert result.exit_code == 1
    lines = result.output.splitlines()
    for name, reason in [
        ("d_old.doc", "a damaged or cut-short OLE file"),
        ("e_fake.docx", "not a Word document"),
        ("f_empty.html", "file is empty"),
    ]:
        [line] = [line for line in lines if name in line]
        assert line == f"llmx: cannot read {folder / name}: " + line.split(": ", 2)[2]
        assert reason in line
    assert "g_chart.png" not in result.output  # unknown suffixes are skipped, not errors
    assert lines[-1] == "llmx: error: 3 files could not be read; the run keeps the others"
    [run] = runs.iterdir()
    record = load_run(run).record
    assert record.spec.documents == ["a_bulletin", "b_page", "c_report"]
    assert [Path(item.path).name for item in record.unreadable] == [
        "d_old.doc",
        "e_fake.docx",
        "f_empty.html",
    ]
    assert all(item.reason for item in record.unreadable)


def test_each_run_keeps_the_text_its_offsets_index(tmp_path: Path) -> None:
    folder = _mixed_folder(tmp_path / "reports")
    runs = tmp_path / "runs"
    CliRunner().invoke(app, ["extract", str(folder), "--runs-dir", str(runs)])
    [run] = runs.iterdir()
    facts = read_facts(run / "facts.jsonl")
    assert {fact.doc for fact in facts} == {"a_bulletin", "b_page", "c_report"}
    for fact in facts:
        text = (run / "documents" / f"{fact.doc}.txt").read_text(encoding="utf-8")
        assert text[fact.start : fact.end] == fact.text
    [cell] = [fact for fact in facts if fact.doc == "b_page" and fact.value == 6.3]
    assert cell.source is not None
    assert (cell.source.table, cell.source.row, cell.source.column) == (1, 2, 2)
    prose = [fact for fact in facts if fact.doc == "c_report"]
    assert prose and all(f.source is not None and f.source.table is None for f in prose)


def test_a_job_where_no_file_can_be_read_writes_nothing(tmp_path: Path) -> None:
    folder = tmp_path / "bad"
    folder.mkdir()
    (folder / "old.doc").write_bytes(b"\xd0\xcf\x11\xe0")
    (folder / "fake.docx").write_text("not a zip", encoding="utf-8")
    runs = tmp_path / "runs"
    result = CliRunner().invoke(app, ["extract", str(folder), "--runs-dir", str(runs)])
    assert result.exit_code == 1
    assert result.output.splitlines()[-1] == (
        "llmx: error: none of the 2 files could be read; nothing written"
    )
    assert not runs.exists()


def test_facts_of_plain_text_carry_no_source_field(tmp_path: Path) -> None:
    path = tmp_path / "report.txt"
    path.write_text(BULLETIN, encoding="utf-8")
    out = tmp_path / "facts.jsonl"
    runs = tmp_path / "runs"
    result = CliRunner().invoke(
        app, ["extract", str(path), "-o", str(out), "--runs-dir", str(runs)]
    )
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert records and all("source" not in record for record in records)


def test_a_workbook_s_facts_name_the_cell_they_came_from(tmp_path: Path) -> None:
    import openpyxl

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "表1"
    sheet.append(["2023年主要指标"])
    sheet.append(["指标", "2023年", "比上年增长(%)"])
    sheet.append(["地区生产总值(亿元)", 983.4, 7.2])
    sheet["B3"].number_format = "#,##0.0"
    workbook.save(tmp_path / "indicators.xlsx")
    runs = tmp_path / "runs"
    result = CliRunner().invoke(
        app, ["extract", str(tmp_path / "indicators.xlsx"), "--runs-dir", str(runs)]
    )
    assert result.exit_code == 0, result.output
    [run] = runs.iterdir()
    facts = read_facts(run / "facts.jsonl")
    assert [(fact.value, fact.unit, fact.text) for fact in facts] == [
        (98_340_000_000, "元", "983.4"),
        (7.2, "%", "7.2"),
    ]
    assert [fact.source.element if fact.source else None for fact in facts] == [
        "'表1'!B3",
        "'表1'!C3",
    ]


def test_an_old_word_file_s_facts_name_the_table_cell_they_came_from(tmp_path: Path) -> None:
    plan = Path(__file__).parent / "fixtures" / "worddoc" / "plan.doc"
    runs = tmp_path / "runs"
    result = CliRunner().invoke(app, ["extract", str(plan), "--runs-dir", str(runs)])
    assert result.exit_code == 0, result.output
    [run] = runs.iterdir()
    assert load_run(run).record.spec.formats == {"plan": "doc"}
    facts = read_facts(run / "facts.jsonl")
    [investment] = [f for f in facts if f.value == 45_500_000_000]
    assert (investment.unit, investment.period, investment.status) == ("元", "2023", "target")
    assert investment.source is not None
    assert (investment.source.table, investment.source.row, investment.source.column) == (1, 4, 4)
    [revenue] = [f for f in facts if f.text == "88.6亿元"]
    assert revenue.source is not None and revenue.source.table is None


def test_a_reader_failing_in_a_way_it_does_not_foresee_costs_that_file_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from llmx.readers import markdown

    def broken(path: Path) -> None:
        raise RecursionError("maximum recursion depth exceeded")

    monkeypatch.setattr(markdown, "read", broken)
    folder = _mixed_folder(tmp_path / "reports")
    runs = tmp_path / "runs"
    result = CliRunner().invoke(app, ["extract", str(folder), "--runs-dir", str(runs)])
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert (
        f"llmx: cannot read {folder / 'a_bulletin.md'}: llmx could not read it"
        " (RecursionError: maximum recursion depth exceeded)"
    ) in result.output
    [run] = runs.iterdir()
    assert load_run(run).record.spec.documents == ["b_page", "c_report"]


def _badly_named(folder: Path) -> Path:
    """A report whose file name is not UTF-8 (made on a system writing names in GBK)."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "good.txt").write_text("全年地区生产总值增长6.5%。\n", encoding="utf-8")
    bad = folder / os.fsdecode("报告".encode("gbk") + b".txt")
    bad.write_text("全年增长7.5%。\n", encoding="utf-8")
    return bad


def test_a_file_named_in_no_utf8_is_named_unreadable_and_the_run_keeps_the_others(
    tmp_path: Path,
) -> None:
    bad = _badly_named(tmp_path / "reports")
    runs = tmp_path / "runs"
    result = CliRunner().invoke(app, ["extract", str(bad.parent), "--runs-dir", str(runs)])
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    shown = str(bad).encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    assert f"cannot read {shown}: its name is not valid UTF-8; rename the file" in result.output
    [run] = runs.iterdir()
    record = load_run(run).record
    assert record.spec.documents == ["good"]
    assert [item.path for item in record.unreadable] == [shown]


def test_a_file_named_in_no_utf8_given_alone_is_one_line_and_no_run(tmp_path: Path) -> None:
    bad = _badly_named(tmp_path / "reports")
    runs = tmp_path / "runs"
    result = CliRunner().invoke(app, ["extract", str(bad), "--runs-dir", str(runs)])
    assert result.exit_code == 1
    assert result.output.splitlines()[-1].endswith("its name is not valid UTF-8; rename it")
    assert not runs.exists() or not any(runs.iterdir())


def test_compare_names_the_files_it_could_not_read_and_fails(tmp_path: Path) -> None:
    bad = _badly_named(tmp_path / "reports")
    out = tmp_path / "compare.html"
    arguments = ["compare", str(bad.parent), "--extractor", "rules", "--extractor", "numerals"]
    arguments += ["--out", str(out), "--runs-dir", str(tmp_path / "runs")]
    # The seeds' gold: its documents are not these, so the report scores none of them.
    arguments += ["--gold-dir", str(Path(__file__).parents[1] / "evals" / "gold")]
    result = CliRunner().invoke(app, arguments)
    assert result.exit_code == 1, result.output
    lines = result.output.splitlines()
    assert any("its name is not valid UTF-8" in line for line in lines)
    assert lines[-1].startswith("llmx: error: 1 files could not be read; the report")


def test_links_to_nothing_in_a_folder_are_named_not_passed_over(tmp_path: Path) -> None:
    folder = tmp_path / "reports"
    folder.mkdir()
    (folder / "good.txt").write_text("全年地区生产总值增长6.5%。\n", encoding="utf-8")
    (folder / "gone.txt").symlink_to(folder / "moved-away.txt")
    (folder / "loop.txt").symlink_to(folder / "loop.txt")
    result = CliRunner().invoke(app, ["extract", str(folder), "--runs-dir", str(tmp_path / "r")])
    assert result.exit_code == 1
    why = "a link to nothing (its target is gone, or it loops)"
    for name in ("gone.txt", "loop.txt"):
        assert f"llmx: cannot read {folder / name}: {why}" in result.output
    assert result.output.splitlines()[-1].endswith(
        "2 files could not be read; the run keeps the others"
    )


def test_a_link_to_nothing_given_alone_is_named_as_one(tmp_path: Path) -> None:
    loop = tmp_path / "loop.txt"
    loop.symlink_to(loop)
    result = CliRunner().invoke(app, ["extract", str(loop), "--runs-dir", str(tmp_path / "r")])
    assert result.exit_code == 1
    assert result.output.splitlines()[-1] == (
        f"llmx: error: {loop}: a link to nothing (its target is gone, or it loops)"
    )
