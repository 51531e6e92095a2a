"""`llmx compare`: run several configurations (prompt versions, models, extractors) over the
same documents, through the cache, and write one report comparing them."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from llmx.commands.report import REPORT, Force, GoldDir, Out, SourceSections
from llmx.configurations import check_configuration, configurations_for, run_configuration
from llmx.console import fail, note, one_line_errors
from llmx.gold import GOLD_DIR
from llmx.runs import RUNS_DIR


def compare(
    documents: Annotated[
        list[Path] | None,
        typer.Argument(help="Text files or folders of .txt files (default: seeds/)."),
    ] = None,
    prompt: Annotated[
        list[str] | None, typer.Option(help="Prompt version, e.g. extract@v1; repeat to compare.")
    ] = None,
    model: Annotated[list[str] | None, typer.Option(help="Model; repeat to compare.")] = None,
    extractor: Annotated[
        list[str] | None,
        typer.Option(
            help="rules, llm or hybrid; repeat to compare. Default: llm if a prompt "
            "or model is given, else rules."
        ),
    ] = None,
    pack_tokens: Annotated[
        list[int] | None,
        typer.Option(help="Pack sections per request up to N tokens; repeat to compare."),
    ] = None,
    base_url: Annotated[
        str | None, typer.Option(help="OpenAI-compatible base URL for the model configurations.")
    ] = None,
    out: Out = REPORT,
    offline: Annotated[
        bool, typer.Option(help="Never call a model: every answer must be in the cache.")
    ] = False,
    runs_dir: Annotated[Path, typer.Option(help="Where run folders go.")] = RUNS_DIR,
    gold_dir: GoldDir = GOLD_DIR,
    source_sections: SourceSections = 12,
    force: Force = False,
) -> None:
    """Run several configurations over the same documents and report them side by side.

    Every combination of --extractor, --prompt and --model is run (model answers come from
    the cache when they are there); the first is the reference A the others are compared with.
    """
    from llmx.report.make import report_runs
    from llmx.report.render import check_report_paths

    paths = documents or [Path("seeds")]
    configurations = configurations_for(
        extractor or [], prompt or [], model or [], base_url, pack_tokens or []
    )
    if len(configurations) < 2:
        raise fail(
            "compare needs two or more configurations (repeat --prompt, --model or --extractor)"
        )
    with one_line_errors():
        check_report_paths(out, force=force)  # before any run is made
        for configuration in configurations:
            check_configuration(configuration, offline=offline)
        runs = []
        for configuration in configurations:
            note(f"running {configuration.name}")
            run = run_configuration(configuration, paths, offline=offline, runs_dir=runs_dir)
            stats = run.record.stats
            note(
                f"{configuration.name}: {stats.facts} facts, {stats.calls} calls, "
                f"{stats.cache_hits} cache hits → {run.path}"
            )
            runs.append(run)
        markdown = report_runs(
            runs, out, gold_dir=gold_dir, source_sections=source_sections, force=force
        )
    note(f"report of {len(runs)} configurations → {out} and {markdown}")


def register(app: typer.Typer) -> None:
    app.command("compare")(compare)
