"""`llmx eval`: score a run against gold, or re-record a configuration's baseline."""

from __future__ import annotations

import contextlib
import tempfile
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from llmx.baselines import (
    Baseline,
    baseline_of,
    fact_changes,
    load_baselines,
    write_baselines,
)
from llmx.commands.options import GoldDir, RunsDir, gold_dir_of, run_of, runs_dir_of
from llmx.configurations import Configuration, made_by, run_configuration
from llmx.console import command, next_step, note, one_line_errors, shown_path
from llmx.documents import title_of
from llmx.errors import ConfigError
from llmx.evaluation import evaluate_run, gold_fingerprint, scoring_gold
from llmx.gold import GoldSet, Half
from llmx.report.formatting import percent
from llmx.report.terminal import attributes_table, headline_table, print_evaluation
from llmx.runs import Run, load_run, now_iso, run_folders
from llmx.summary import summarise, write_scores
from llmx.workspace import find_workspace as workspace


def evaluate(
    run: Annotated[
        str | None,
        typer.Argument(
            help="The run to score: its folder, id or name. Default: latest.", metavar="RUN"
        ),
    ] = None,
    update_baseline: Annotated[
        str | None,
        typer.Option(
            "--update-baseline",
            metavar="CONFIG",
            help="Re-record this configuration's baseline in the baselines file: produce its "
            "facts offline (or use RUN), score them, store the scores. Only after a "
            "deliberate change.",
        ),
    ] = None,
    gold_dir: GoldDir = None,
    half: Annotated[
        Half | None,
        typer.Option(
            help="Score one half of a split gold set (dev or test). The test half is held "
            "out: only its headline scores are shown, never its errors."
        ),
    ] = None,
    baselines: Annotated[
        Path | None,
        typer.Option(help="Baselines file. Default: evals/baselines.json in the project."),
    ] = None,
    runs_dir: RunsDir = None,
    as_json: Annotated[
        bool, typer.Option("--json", help="Print the scores as one JSON object, no tables.")
    ] = False,
    sections: Annotated[int, typer.Option(min=0, help="Worst sections to list.")] = 10,
    examples: Annotated[int, typer.Option(min=0, help="Examples per error cause.")] = 3,
) -> None:
    """Score RUN against the gold set and print the scores as tables.

    P/R/F1 with bootstrap intervals over sections, value-only scores, unit and attribute
    accuracy, per document, the worst sections and the errors by cause.
    """
    with one_line_errors():
        if update_baseline is not None:
            _update_baseline(
                update_baseline,
                None if run is None else load_run(run, runs_dir_of(runs_dir)).path,
                baselines or workspace().baselines,
            )
            return
        scored = run_of(run, runs_dir)  # a wrong RUN is named before any gold is read
        folder = gold_dir_of(gold_dir)
        gold = scoring_gold(folder, half)
        evaluation = evaluate_run(scored, gold)
        summary = summarise(
            evaluation,
            gold_dir=folder,
            gold_fingerprint=gold_fingerprint(folder),
            scored=now_iso(),
            half=half,
            headline_only=half == "test",
        )
        if half is None:
            # Kept beside the run for `llmx runs`; a half's scores are not the run's.
            with contextlib.suppress(OSError):
                write_scores(scored.path, summary)
        unwritten = _unwritten_gold(scored, gold, folder)
        if unwritten:
            note(
                f"{len(unwritten)} documents of the run have no gold file yet (first: "
                f"{unwritten[0]}.jsonl in {shown_path(folder)}); their facts are not scored"
            )
    if as_json:
        typer.echo(summary.model_dump_json(indent=2))
        return
    if half == "test":
        console = Console()
        console.print(headline_table(evaluation))
        console.print(attributes_table(evaluation.total))
        note("held-out half: only the headline is shown (evals/wide/SPLIT.md)")
        return
    titles = {doc: title_of(document) for doc, document in gold.documents.items()}
    print_evaluation(evaluation, Console(), titles=titles, sections=sections, examples=examples)
    where = shown_path(scored.path)
    others = [path for path in run_folders(runs_dir_of(runs_dir)) if path != scored.path]
    next_step(
        command("llmx", "report", *([shown_path(others[-1])] if others else []), where),
        command("llmx", "export", where, "--out", "facts.csv"),
    )


def _update_baseline(name: str, run_path: Path | None, path: Path) -> None:
    stored = load_baselines(path)
    entry = stored.entry(name)
    configuration = entry.configuration
    gold_dir = Path(configuration.gold)
    gold = scoring_gold(gold_dir, configuration.half)
    with tempfile.TemporaryDirectory(prefix="llmx-baseline-") as scratch:
        run = (
            _matching_run(load_run(run_path), entry.configuration)
            if run_path is not None
            else run_configuration(
                entry.configuration,
                [Path(p) for p in entry.configuration.documents],
                offline=True,
                runs_dir=Path(scratch),
            )
        )
        new = baseline_of(
            evaluate_run(run, gold), gold_fingerprint(gold_dir), blind=configuration.blind
        )
    write_baselines(stored.with_baseline(name, new), path)
    _report_change(name, entry.baseline, new, blind=configuration.blind)
    note(f"baseline of {name!r} written to {path}")


def _matching_run(run: Run, configuration: Configuration) -> Run:
    """A run given for a baseline must have been made by that configuration."""
    differing = made_by(run.record.spec, configuration)
    if differing:
        raise ConfigError(
            f"{run.path} was not made by {configuration.name!r}: {', '.join(differing)}"
        )
    return run


def _report_change(name: str, old: Baseline | None, new: Baseline, *, blind: bool) -> None:
    for metric, value in new.scores.items():
        before = old.scores.get(metric) if old else None
        note(f"{name}: {metric} {percent(before)} → {percent(value)}")
    if old is not None and not blind:
        changes = fact_changes(old, new)
        note(
            f"{name}: {len(changes.newly_missed)} gold facts newly missed, "
            f"{len(changes.now_found)} now found, {len(changes.newly_spurious)} newly spurious, "
            f"{len(changes.no_longer_spurious)} no longer spurious"
        )


def _unwritten_gold(run: Run, gold: GoldSet, gold_dir: Path) -> list[str]:
    """The run's documents the manifest lists but no gold file labels yet: scoring leaves
    them out, which a score alone would not show."""
    documents = set(run.record.spec.documents) | {fact.doc for fact in run.facts}
    return sorted(
        doc
        for doc in documents
        if doc in gold.labelled and not (gold_dir / f"{doc}.jsonl").exists()
    )


def register(app: typer.Typer) -> None:
    app.command("eval")(evaluate)
