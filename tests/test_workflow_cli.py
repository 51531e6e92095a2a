"""Moving through the work from the command line: each command names the next, runs are
listed and named, scores and facts are taken away, and the output fits 80 and 120 columns."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from rich.cells import cell_len
from typer.testing import CliRunner

from llmx import __version__
from llmx.cli import app
from llmx.gold import load_gold
from llmx.pipeline import run_extraction
from llmx.rules import RulesExtractor

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "evals" / "gold"
SEED = ROOT / "seeds" / "004_6da318eeea9b20a6.txt"
OTHER_SEED = ROOT / "seeds" / "003_9bf9900164892d57.txt"


def invoke(*args: str, columns: int = 100) -> tuple[int, str]:
    result = CliRunner().invoke(app, list(args), env={"COLUMNS": str(columns)})
    return result.exit_code, result.output


@pytest.fixture
def runs_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "runs"
    run_extraction([OTHER_SEED], RulesExtractor(), name="older", runs_dir=folder)
    run_extraction([SEED], RulesExtractor(), name="rules", runs_dir=folder)
    return folder


def newest(runs_dir: Path) -> Path:
    return sorted(runs_dir.iterdir())[-1]


def test_version_is_printed() -> None:
    assert invoke("--version") == (0, f"llmx {__version__}\n")


@pytest.mark.parametrize(
    "command",
    [[], ["extract"], ["eval"], ["report"], ["compare"], ["export"], ["runs"], ["gold", "export"]],
)
def test_help_shows_what_to_type_not_python_types(command: list[str]) -> None:
    code, output = invoke(*command, "--help")
    assert code == 0, output
    assert not re.search(r"<(list|bool|int|float|str|Path|path)\b", output), output


def test_extract_names_the_next_command_with_the_real_run(tmp_path: Path) -> None:
    code, output = invoke("extract", str(SEED), "--runs-dir", str(tmp_path / "runs"))
    assert code == 0, output
    run = newest(tmp_path / "runs")
    assert f"llmx: next: llmx eval {run}" in output


def test_runs_lists_every_run_newest_last_with_its_f1_once_scored(runs_dir: Path) -> None:
    code, output = invoke("runs", "--runs-dir", str(runs_dir))
    assert code == 0, output
    assert output.index("older") < output.index("rules")
    assert "complete" in output and "—" in output  # not scored yet
    code, _ = invoke("eval", "--runs-dir", str(runs_dir), "--gold-dir", str(GOLD))
    assert code == 0
    code, output = invoke("runs", "--runs-dir", str(runs_dir))
    assert re.search(r"rules.*│\s+\d+\.\d\s+│ complete", output), output


def test_a_run_is_named_by_its_name_its_id_or_latest(runs_dir: Path) -> None:
    latest = newest(runs_dir)
    for ref in ("rules", latest.name, "latest"):
        code, output = invoke("runs", "show", ref, "--runs-dir", str(runs_dir), columns=120)
        assert code == 0, output
        assert f"Run {latest.name}" in output
    code, output = invoke("runs", "show", "older", "--runs-dir", str(runs_dir), columns=120)
    assert "003_9bf9900164892d57 重庆市沙坪坝区2024年国民经济和社会发" in output
    code, output = invoke("runs", "show", "nope", "--runs-dir", str(runs_dir))
    assert code == 1
    assert output.startswith("llmx: error: nope: no run folder, run id or run name in ")


def test_a_run_name_that_is_also_a_folder_here_still_names_the_run(
    runs_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "rules").mkdir()  # e.g. a run named "seeds" beside the seeds folder
    monkeypatch.chdir(tmp_path)
    code, output = invoke("runs", "show", "rules", "--runs-dir", str(runs_dir), columns=120)
    assert code == 0, output
    assert f"Run {newest(runs_dir).name}" in output


def test_eval_scores_the_latest_run_keeps_its_scores_and_points_to_the_report(
    runs_dir: Path,
) -> None:
    code, output = invoke("eval", "--runs-dir", str(runs_dir), "--gold-dir", str(GOLD))
    assert code == 0, output
    latest = newest(runs_dir)
    assert "rules: scores in percent" in output
    assert (latest / "scores.json").is_file()
    older = sorted(runs_dir.iterdir())[0]
    assert f"llmx: next: llmx report {older} {latest}" in output


def test_eval_json_is_one_object_with_the_headline_and_every_document(runs_dir: Path) -> None:
    result = CliRunner().invoke(
        app, ["eval", "rules", "--json", "--runs-dir", str(runs_dir), "--gold-dir", str(GOLD)]
    )
    assert result.exit_code == 0, result.output
    scores = json.loads(result.stdout)
    assert scores["run"] == "rules"
    assert 0.9 < scores["f1"]["value"] <= 1.0
    assert scores["f1"]["low"] <= scores["f1"]["value"] <= scores["f1"]["high"]
    assert list(scores["documents"]) == [SEED.stem]


def _gold_copy(gold: Path, *, without_file: str = "", no_sections: str = "") -> Path:
    """The seeds' gold copied to `gold`, one document's gold file left out, or one
    document's labelled sections emptied."""
    gold.mkdir()
    manifest = json.loads((GOLD / "manifest.json").read_text(encoding="utf-8"))
    manifest.pop("seeds_dir", None)
    manifest["documents_dir"] = str(ROOT / "seeds")
    if no_sections:
        manifest["documents"][no_sections] = []
    (gold / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    for doc in manifest["documents"]:
        if doc != without_file:
            (gold / f"{doc}.jsonl").write_bytes((GOLD / f"{doc}.jsonl").read_bytes())
    return gold


def test_eval_says_which_documents_of_the_run_have_no_gold_file_yet(
    runs_dir: Path, tmp_path: Path
) -> None:
    # A manifest may list a document before its gold is written: its facts are not scored,
    # and eval says so, where a score alone would look complete.
    gold = _gold_copy(tmp_path / "gold", without_file=SEED.stem)
    code, output = invoke("eval", "rules", "--runs-dir", str(runs_dir), "--gold-dir", str(gold))
    assert code == 0, output
    assert (
        f"llmx: 1 documents of the run have no gold file yet (first: {SEED.stem}.jsonl in" in output
    )
    assert "their facts are not scored" in output


def test_eval_says_nothing_of_a_document_labelled_in_no_section_whose_gold_file_exists(
    runs_dir: Path, tmp_path: Path
) -> None:
    # Its sections not labelled yet, its file there.
    gold = _gold_copy(tmp_path / "gold", no_sections=SEED.stem)
    code, output = invoke("eval", "rules", "--runs-dir", str(runs_dir), "--gold-dir", str(gold))
    assert code == 0, output
    assert "no gold file yet" not in output


def test_eval_says_where_it_looked_for_gold_and_runs(
    runs_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    monkeypatch.delenv("LLMX_HOME", raising=False)
    code, output = invoke("eval", "--runs-dir", str(runs_dir))
    assert code == 1
    assert "no gold set at evals/gold/manifest.json (project root . (from the working " in output
    assert "pass --gold-dir" in output
    code, output = invoke("export")
    assert code == 1
    assert output.startswith("llmx: error: no runs yet in runs (project root . (from the working")


@pytest.mark.parametrize("suffix", ["csv", "parquet", "jsonl"])
def test_export_writes_facts_with_titles_and_source_lines(
    runs_dir: Path, tmp_path: Path, suffix: str
) -> None:
    out = tmp_path / f"facts.{suffix}"
    code, output = invoke("export", "rules", "--out", str(out), "--runs-dir", str(runs_dir))
    assert code == 0, output
    from datasets import Dataset

    reader = {"csv": Dataset.from_csv, "parquet": Dataset.from_parquet, "jsonl": Dataset.from_json}
    table = reader[suffix](str(out))
    assert isinstance(table, Dataset)
    first = table[0]
    assert first["title"].startswith("重慶市長壽區")
    text = SEED.read_text(encoding="utf-8")
    line = text.count("\n", 0, first["start"]) + 1
    assert first["line"] == line and first["text"] in text.splitlines()[line - 1]


def test_an_export_whose_name_and_format_disagree_is_refused(
    runs_dir: Path, tmp_path: Path
) -> None:
    out = tmp_path / "facts.csv"
    code, output = invoke(
        "export", "--out", str(out), "--format", "parquet", "--runs-dir", str(runs_dir)
    )
    assert code == 1
    assert "the name says csv but --format is parquet" in output
    assert not out.exists()


def test_a_parquet_export_prints_one_line_and_no_progress_bar_of_datasets(
    tmp_path: Path,
) -> None:
    out = tmp_path / "gold.parquet"
    code, output = invoke("gold", "export", "--out", str(out), "--gold-dir", str(GOLD))
    assert code == 0
    facts = len(load_gold(GOLD).facts)
    assert output.splitlines() == [f"llmx: {facts} gold facts → {out} (parquet)"]


def test_gold_export_to_csv_writes_csv_not_parquet(tmp_path: Path) -> None:
    out = tmp_path / "gold.csv"
    code, output = invoke("gold", "export", "--out", str(out), "--gold-dir", str(GOLD))
    assert code == 0, output
    header = out.read_text(encoding="utf-8").splitlines()[0]
    assert header.startswith("doc,title,start,end,text,value,unit")


@pytest.mark.parametrize("columns", [80, 120])
@pytest.mark.parametrize("command", [["eval"], ["runs"], ["runs", "show"]])
def test_terminal_output_fits_the_terminal(
    runs_dir: Path, columns: int, command: list[str]
) -> None:
    extra = ["--gold-dir", str(GOLD)] if command == ["eval"] else []
    code, output = invoke(*command, "--runs-dir", str(runs_dir), *extra, columns=columns)
    assert code == 0, output
    tables = [line for line in output.splitlines() if not line.startswith("llmx: ")]
    assert tables
    assert max(cell_len(line) for line in tables) <= columns


@pytest.mark.parametrize("columns", [80, 120])
def test_the_progress_line_fits_with_counts_eta_and_cost(columns: int) -> None:
    import io

    from rich.console import Console
    from rich.progress import Progress

    from llmx.console import progress_columns

    console = Console(width=columns, file=io.StringIO(), force_terminal=True, color_system=None)
    progress = Progress(*progress_columns(columns), console=console, expand=True)
    task = progress.add_task(
        "hybrid", total=165, status="12 calls · 3 cached · 45.2k tok · cost unknown"
    )
    progress.update(task, advance=15)
    line = _rendered(console, progress)
    assert cell_len(line) <= columns
    assert "15/165" in line and "ETA" in line
    assert "12 calls · 3 cached" in line


def _rendered(console: object, progress: object) -> str:
    from rich.console import Console

    assert isinstance(console, Console)
    with console.capture() as captured:
        console.print(progress.get_renderable())  # type: ignore[attr-defined]
    return captured.get().rstrip("\n")


def test_an_f1_scored_against_other_gold_is_marked(runs_dir: Path) -> None:
    code, _ = invoke("eval", "--runs-dir", str(runs_dir), "--gold-dir", str(GOLD))
    assert code == 0
    scores = newest(runs_dir) / "scores.json"
    kept = json.loads(scores.read_text(encoding="utf-8"))
    scores.write_text(json.dumps({**kept, "gold_fingerprint": "0" * 16}), encoding="utf-8")
    code, output = invoke("runs", "--runs-dir", str(runs_dir))
    assert code == 0
    assert re.search(r"\d+\.\d\*", output), output
    assert "* scored against another gold set than" in output
