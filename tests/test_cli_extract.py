"""`llmx extract` from the command line: the happy path and every kind of bad input."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from llmx.cli import app
from llmx.facts import read_facts
from llmx.runs import load_run

SAMPLE = "一、2023年执行情况\n全年地区生产总值达到983亿元、增长7.2%。\n"


def _extract(runner: CliRunner, *args: str) -> tuple[int, str]:
    result = runner.invoke(app, ["extract", *args])
    return result.exit_code, result.output


def test_extracts_seeds_offline_into_a_run_folder_and_a_jsonl(
    runner: CliRunner, seeds_dir: Path, tmp_path: Path
) -> None:
    out = tmp_path / "facts.jsonl"
    code, output = _extract(
        runner,
        str(seeds_dir),
        "--out",
        str(out),
        "--runs-dir",
        str(tmp_path / "runs"),
        "--name",
        "seeds",
    )
    assert code == 0, output
    assert "no model configured; using the offline rules extractor" in output
    facts = read_facts(out)
    assert {fact.doc for fact in facts} == {path.stem for path in seeds_dir.glob("*.txt")}
    [run_dir] = (tmp_path / "runs").iterdir()
    record = load_run(run_dir).record
    assert record.spec.extractor == "rules" and record.name == "seeds"
    assert record.stats.facts == len(facts) and record.status == "complete"
    assert all(fact.extractor == "rules" and fact.section for fact in facts)


def test_every_fact_quotes_its_source_span(
    runner: CliRunner, seeds_dir: Path, tmp_path: Path
) -> None:
    out = tmp_path / "facts.jsonl"
    code, _ = _extract(runner, str(seeds_dir), "-o", str(out), "--runs-dir", str(tmp_path / "r"))
    assert code == 0
    texts = {path.stem: path.read_text(encoding="utf-8") for path in seeds_dir.glob("*.txt")}
    for fact in read_facts(out):
        assert texts[fact.doc][fact.start : fact.end] == fact.text


def _file(folder: Path, name: str, content: bytes | None) -> Path:
    path = folder / name
    if content is None:
        path.mkdir()
    else:
        path.write_bytes(content)
    return path


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("empty", None, "folder has no files llmx can read"),
        ("e.txt", b"", "file is empty"),
        ("blank.txt", b"  \n\n", "file is empty"),
        ("bin.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00", "looks binary"),
        ("latin.txt", b"caf\xe9 \xff\xfe\xfa" * 3, "not valid UTF-8"),
    ],
)
def test_bad_input_gets_a_one_line_error_and_writes_nothing(
    runner: CliRunner, tmp_path: Path, name: str, content: bytes | None, message: str
) -> None:
    path = _file(tmp_path, name, content)
    out = tmp_path / "out.jsonl"
    code, output = _extract(
        runner, str(path), "--out", str(out), "--runs-dir", str(tmp_path / "runs")
    )
    assert code == 1
    [line] = [line for line in output.splitlines() if line.startswith("llmx: error:")]
    assert message in line
    assert not out.exists()
    assert not (tmp_path / "runs").exists()


def test_a_missing_path_is_named_in_the_error(runner: CliRunner, tmp_path: Path) -> None:
    code, output = _extract(runner, str(tmp_path / "missing.txt"))
    assert code == 1
    assert output.strip() == f"llmx: error: {tmp_path / 'missing.txt'}: no such file or folder"


def test_a_gb18030_report_is_decoded(runner: CliRunner, tmp_path: Path, seeds_dir: Path) -> None:
    text = (seeds_dir / "003_9bf9900164892d57.txt").read_text(encoding="utf-8")[:3000]
    (tmp_path / "gbk.txt").write_bytes(text.encode("gb18030"))
    out = tmp_path / "out.jsonl"
    code, output = _extract(
        runner, str(tmp_path / "gbk.txt"), "-o", str(out), "--runs-dir", str(tmp_path / "runs")
    )
    assert code == 0, output
    facts = read_facts(out)
    assert facts and all(text[f.start : f.end] == f.text for f in facts)


def test_crlf_line_ends_keep_offsets_into_the_text_as_read(
    runner: CliRunner, tmp_path: Path
) -> None:
    path = tmp_path / "crlf.txt"
    path.write_bytes(SAMPLE.replace("\n", "\r\n").encode("utf-8"))
    out = tmp_path / "out.jsonl"
    code, _ = _extract(runner, str(path), "-o", str(out), "--runs-dir", str(tmp_path / "runs"))
    assert code == 0
    raw = path.read_bytes().decode("utf-8")
    assert [(f.text, raw[f.start : f.end]) for f in read_facts(out)] == [
        ("983亿元", "983亿元"),
        ("7.2%", "7.2%"),
    ]


def test_a_bad_flag_is_a_usage_error(runner: CliRunner, seeds_dir: Path) -> None:
    code, output = _extract(runner, str(seeds_dir), "--extractor", "magic")
    assert code == 2
    assert "magic" in output


def test_a_failed_run_leaves_the_previous_output_untouched(
    runner: CliRunner, tmp_path: Path
) -> None:
    out = tmp_path / "out.jsonl"
    out.write_text("previous\n", encoding="utf-8")
    code, _ = _extract(runner, str(tmp_path / "nope.txt"), "-o", str(out))
    assert code == 1
    assert out.read_text(encoding="utf-8") == "previous\n"


def _report(folder: Path) -> str:
    doc = folder / "report.txt"
    doc.write_text(SAMPLE, encoding="utf-8")
    return str(doc)


@pytest.mark.parametrize(
    ("flags", "named"),
    [
        (["--prompt", "extract@v2"], "--prompt"),
        (["--extractor", "rules", "--temperature", "0.3"], "--temperature"),
        (["--extractor", "numerals", "--api-key-env", "DEEPSEEK_API_KEY"], "--api-key-env"),
        (["--compact-schema"], "--compact-schema"),
        (["--temperature", "0"], "--temperature"),
    ],
)
def test_an_option_for_a_model_with_no_model_stops_before_a_rules_run(
    runner: CliRunner,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    flags: list[str],
    named: str,
) -> None:
    # The prompt asked for would not be the one used: nothing is extracted, no run is left.
    monkeypatch.delenv("LLMX_MODEL", raising=False)
    code, output = _extract(runner, _report(tmp_path), "--runs-dir", str(tmp_path / "runs"), *flags)
    assert code != 0
    [line] = [line for line in output.splitlines() if line.startswith("llmx: error:")]
    assert named in line and "--model" in line
    assert not (tmp_path / "runs").exists()


def test_options_that_only_say_how_to_run_go_with_the_rules(
    runner: CliRunner, tmp_path: Path
) -> None:
    code, output = _extract(
        runner, _report(tmp_path), "--runs-dir", str(tmp_path / "runs"), "--offline", "--no-batch"
    )
    assert code == 0, output


def test_an_option_for_a_model_beside_a_model_and_the_rules_says_to_choose_its_extractor(
    runner: CliRunner, tmp_path: Path
) -> None:
    code, output = _extract(
        runner, _report(tmp_path), "--extractor", "rules", "--model", "gpt-4o", "--prompt", "v2"
    )
    assert code != 0 and "--extractor llm" in output and "pass --model" not in output
