"""Runs in, report files out: the one path both `llmx report` and `llmx compare` take."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from llmx.evaluation import evaluate_run, scoring_gold, unique_labels
from llmx.gold import GOLD_DIR
from llmx.report.render import check_report_paths, write_report
from llmx.report.view import SOURCE_SECTIONS, build_view
from llmx.runs import Run


def report_runs(
    runs: Sequence[Run],
    out: Path,
    *,
    gold_dir: Path = GOLD_DIR,
    source_sections: int = SOURCE_SECTIONS,
    title: str = "llmx extraction report",
    force: bool = False,
) -> Path:
    """Score every run against gold and write `out` and its Markdown twin (returned)."""
    check_report_paths(out, force=force)  # before any scoring: fail in a second, not a minute
    gold = scoring_gold(gold_dir)
    evaluations = unique_labels([evaluate_run(run, gold) for run in runs])
    view = build_view(evaluations, gold, source_sections=source_sections)
    return write_report(view, out, title=title, force=force)
