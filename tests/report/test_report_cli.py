"""`llmx eval`, `llmx report` and `llmx compare` from the command line."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pytest
from report_cases import QuantitiesOnly
from typer.testing import CliRunner

from llmx import configurations
from llmx.cli import app
from llmx.configurations import Configuration
from llmx.documents import Document
from llmx.errors import CacheMiss
from llmx.evaluation import evaluate_run, scoring_gold
from llmx.extraction import Extraction, Extractor, ProgressCallback
from llmx.facts import Fact
from llmx.pipeline import run_extraction
from llmx.record import RunRecord, RunSpec, RunStats, SectionFailure
from llmx.rules import RulesExtractor
from llmx.runs import Run, record_of, write_run

ROOT = Path(__file__).resolve().parents[2]
GOLD_DIR = ROOT / "evals" / "gold"
# The shortest seed keeps these tests quick; scoring covers only the documents a run covers.
SEED = ROOT / "seeds" / "004_6da318eeea9b20a6.txt"

pytestmark = pytest.mark.skipif(
    not (GOLD_DIR / f"{SEED.stem}.jsonl").exists(), reason=f"no gold for {SEED.stem} yet"
)


def invoke(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, [*args])
    return result.exit_code, result.output


def run_of(extractor: Extractor, folder: Path, name: str) -> Run:
    return run_extraction([SEED], extractor, name=name, runs_dir=folder)


def test_eval_prints_scores_per_document_and_errors(tmp_path: Path) -> None:
    run = run_of(RulesExtractor(), tmp_path, "rules")
    code, output = invoke("eval", str(run.path), "--gold-dir", str(GOLD_DIR))
    assert code == 0, output
    for expected in ("precision", "recall", "F1", "Per document", SEED.stem, "matched pairs"):
        assert expected in output
    assert "001_a474a81f4018e1f8" not in output  # not covered by the run, so not scored
    assert "the run covers 1 of 5 labelled documents; the other 4 are not scored" in output


def _run_with(tmp_path: Path, invented: Fact) -> Run:
    record = record_of(
        tmp_path / "run",
        Extraction([invented], RunStats()),
        spec=RunSpec(extractor="test", mode="test", documents=[SEED.stem]),
        started="2024-01-01T00:00:00+00:00",
        finished="2024-01-01T00:00:01+00:00",
    )
    return write_run(tmp_path / "run", record, [invented])


def _invented(**fields: object) -> Fact:
    first = SEED.read_text(encoding="utf-8")[:1]
    values = {"doc": SEED.stem, "start": 0, "end": 1, "text": first, "value": 123456}
    return Fact.model_validate(
        {**values, "unit": "个", "indicator": "x", "status": "actual", "kind": "level", **fields}
    )


def test_eval_prints_document_text_literally_not_as_markup(tmp_path: Path) -> None:
    run = _run_with(tmp_path, _invented(indicator="[bold]ind[/bold]", unit="[red]x[/red]"))
    code, output = invoke("eval", str(run.path), "--gold-dir", str(GOLD_DIR))
    assert code == 0, output
    assert "[red]x[/red]" in output and "[bold]ind[/bold]" in output


@pytest.mark.parametrize(
    ("fields", "problem"),
    [
        ({"text": "[red]x[/red]"}, "facts.jsonl:1: text: '[red]x[/red]' is not the document's"),
        ({"start": 10**7, "end": 10**7 + 1}, "facts.jsonl:1: end: span [10000000:10000001]"),
    ],
    ids=["quote-not-the-document", "span-past-the-end"],
)
def test_eval_rejects_a_fact_that_does_not_quote_its_document(
    tmp_path: Path, fields: dict[str, object], problem: str
) -> None:
    code, output = invoke("eval", str(_run_with(tmp_path, _invented(**fields)).path))
    assert code == 1
    [line] = output.strip().splitlines()
    assert problem in line


def test_eval_with_no_runs_yet_says_how_to_make_one(tmp_path: Path) -> None:
    code, output = invoke("eval", "--runs-dir", str(tmp_path / "runs"))
    assert code == 1
    assert output == (
        f"llmx: error: no runs yet in {tmp_path / 'runs'}; make one with `llmx extract`\n"
    )


def test_report_writes_html_and_markdown(tmp_path: Path) -> None:
    runs = [run_of(QuantitiesOnly(), tmp_path, "naive"), run_of(RulesExtractor(), tmp_path, "r")]
    out = tmp_path / "out" / "report.html"
    code, output = invoke(
        "report", *(str(r.path) for r in runs), "--out", str(out), "--gold-dir", str(GOLD_DIR)
    )
    assert code == 0, output
    html, markdown = out.read_text(), out.with_suffix(".md").read_text()
    assert html.count("<svg") == 3
    assert "| naive |" in markdown and "| r |" in markdown
    assert "B better" in markdown  # the rules beat the naive baseline beyond noise
    # Each run's figures no fact took, counted as it ran: the naive baseline takes them all.
    naive, rules = (run.record.coverage[SEED.stem] for run in runs)
    assert naive.unread == 0 < rules.unread < rules.figures == naive.figures
    assert f"{rules.unread} of {rules.figures} figures unread" in html
    assert f"| {rules.unread} of {rules.figures} |" in markdown


def test_report_of_a_missing_run_is_a_one_line_error(tmp_path: Path) -> None:
    code, output = invoke("report", str(tmp_path / "nope"), "--out", str(tmp_path / "r.html"))
    assert code == 1
    assert "no run folder, run id or run name" in output


def fake_build(configuration: Configuration, *, offline: bool) -> Extractor:
    """Model configurations answered by the naive extractor: the pipeline, without a model."""
    if configuration.needs_model:
        return QuantitiesOnly()
    return RulesExtractor()


def test_compare_runs_each_configuration_and_reports_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(configurations, "build", fake_build)
    out = tmp_path / "compare.html"
    code, output = invoke(
        "compare",
        str(SEED),
        "--extractor", "rules",
        "--extractor", "llm",
        "--prompt", "extract@v1",
        "--prompt", "extract@v2",
        "--model", "m",
        "--out", str(out),
        "--runs-dir", str(tmp_path / "runs"),
        "--gold-dir", str(GOLD_DIR),
    )  # fmt: skip
    assert code == 0, output
    assert len(list((tmp_path / "runs").iterdir())) == 3
    markdown = out.with_suffix(".md").read_text()
    for name in ("| rules |", "| llm extract@v1 m |", "| llm extract@v2 m |"):
        assert name in markdown


def test_compare_offline_says_how_to_record_missing_answers(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    class Uncached(QuantitiesOnly):
        def extract(
            self, documents: Sequence[Document], progress: ProgressCallback | None = None
        ) -> Extraction:
            raise CacheMiss("--offline: 1 of 1 sections have no cached answer")

    def build(configuration: Configuration, *, offline: bool) -> Extractor:
        return Uncached() if configuration.needs_model else RulesExtractor()

    monkeypatch.setattr(configurations, "build", build)
    code, output = invoke(
        "compare", str(SEED), "--extractor", "rules", "--extractor", "llm", "--prompt",
        "extract@v1", "--offline", "--runs-dir", str(tmp_path), "--out", str(tmp_path / "r.html"),
    )  # fmt: skip
    assert code == 1
    assert "record them with `llmx extract" in output
    assert "--extractor llm --prompt extract@v1" in output


def test_compare_needs_two_configurations() -> None:
    code, output = invoke("compare", "--extractor", "rules")
    assert code == 1
    assert "two or more configurations" in output


def _run_on_another_rendering(folder: Path) -> Run:
    """A run over the seed as a web page would read: furniture around it, under another id."""
    page_id = "page_of_004"
    text = (
        "首页 | 新闻 | 政务公开\n发布时间：2024-02-01 浏览次数：88\n"
        + SEED.read_text()
        + "\n网站标识码5001150001\n"
    )
    facts = RulesExtractor().extract([Document(page_id, text)]).facts
    spec = RunSpec(extractor="rules", mode="rules", documents=[page_id], formats={page_id: "html"})
    record = RunRecord(id="page-run", name="page-run", spec=spec)
    run = write_run(folder / "page-run", record, facts)
    (run.path / "documents").mkdir()
    (run.path / "documents" / f"{page_id}.txt").write_bytes(text.encode("utf-8"))
    return run


def test_eval_and_report_say_a_document_was_scored_by_content(tmp_path: Path) -> None:
    run = _run_on_another_rendering(tmp_path)
    code, output = invoke("eval", str(run.path), "--gold-dir", str(GOLD_DIR))
    assert code == 0, output
    assert f"scored by content: page_of_004 (html) against gold {SEED.stem} (txt)" in output
    assert "recall" in output and SEED.stem in output  # scored under the gold document's id
    out = tmp_path / "report.html"
    code, output = invoke("report", str(run.path), "--out", str(out), "--gold-dir", str(GOLD_DIR))
    assert code == 0, output
    markdown = out.with_suffix(".md").read_text()  # escapes the ids' underscores
    assert "scored by content: page\\_of\\_004 (html) against gold" in markdown
    assert "scored by content: page_of_004 (html) against gold" in out.read_text()


def test_failed_sections_are_shown_apart_never_scored_as_misses(tmp_path: Path) -> None:
    full = run_of(RulesExtractor(), tmp_path / "full", "rules")
    sections = [fact.section or "" for fact in full.facts]
    lost = max(set(sections), key=sections.count)  # the section with the most facts
    failure = SectionFailure(
        doc=SEED.stem, section=lost, error="HTTP 500", summary="HTTP 500", message="HTTP 500"
    )
    kept = [fact for fact in full.facts if fact.section != lost]
    extraction = Extraction(kept, RunStats(sections=40, sections_asked=40), [failure])
    spec = RunSpec(extractor="llm", mode="llm", documents=[SEED.stem])
    partial = write_run(
        tmp_path / "partial",
        record_of(tmp_path / "partial", extraction, spec=spec, started="", finished=""),
        kept,
    )
    code, output = invoke("eval", str(partial.path), "--gold-dir", str(GOLD_DIR))
    assert code == 0, output
    assert "run is partial, 1 of 40 sections failed" in output
    assert "1 labelled sections failed and are not scored: their " in output
    gold = scoring_gold(GOLD_DIR)
    whole, part = evaluate_run(full, gold), evaluate_run(partial, gold)
    assert part.total.gold < whole.total.gold  # the failed section's gold left out…
    assert part.total.recall == pytest.approx(whole.total.recall, abs=0.01)  # …not missed

    out = tmp_path / "report.html"
    code, output = invoke(
        "report", str(full.path), str(partial.path), "--out", str(out), "--gold-dir", str(GOLD_DIR)
    )
    assert code == 0, output
    markdown = out.with_suffix(".md").read_text(encoding="utf-8")
    assert "**Warning — partial:** run is partial" in markdown
    assert "partial partial: compared on the" in markdown
