"""`llmx compare`: run several configurations (prompt versions, models, extractors) over the
same documents, through the cache, and write one report comparing them."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from llmx.commands.options import GoldDir, RunsDir, runs_dir_of, workspace
from llmx.commands.report import Force, Out, SourceSections, finish, report_path, write
from llmx.configurations import (
    Configuration,
    check_configuration,
    configurations_for,
    run_configuration,
)
from llmx.console import fail, note, one_line_errors, progress_bar, shown_path, unreadable_lines
from llmx.extractors import EXTRACTORS
from llmx.llm.prices import cost_text
from llmx.readers import expand_paths
from llmx.runs import Run


def compare(
    documents: Annotated[
        list[Path] | None,
        typer.Argument(
            help="Files or folders of them. Default: seeds/ in the project.", metavar="PATHS"
        ),
    ] = None,
    prompt: Annotated[
        list[str] | None, typer.Option(help="Prompt version, e.g. extract@v1; repeat to compare.")
    ] = None,
    model: Annotated[list[str] | None, typer.Option(help="Model; repeat to compare.")] = None,
    extractor: Annotated[
        list[str] | None,
        typer.Option(
            help=f"{', '.join(EXTRACTORS)}; repeat to compare. Default: llm if a prompt "
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
    out: Out = None,
    offline: Annotated[
        bool, typer.Option(help="Never call a model: every answer must be in the cache.")
    ] = False,
    runs_dir: RunsDir = None,
    gold_dir: GoldDir = None,
    source_sections: SourceSections = -1,
    force: Force = False,
) -> None:
    """Run several configurations over the same documents and report them side by side.

    Every combination of --extractor, --prompt and --model is run (model answers come from
    the cache when they are there); the first is the reference A the others are compared with.
    """
    with one_line_errors():
        paths = documents or [workspace().root / "seeds"]
        configurations = configurations_for(
            extractor or [], prompt or [], model or [], base_url, pack_tokens or []
        )
        if len(configurations) < 2:
            raise fail(
                "compare needs two or more configurations (repeat --prompt, --model or --extractor)"
            )
        target = report_path(out, force=force)  # before any run is made
        for configuration in configurations:
            check_configuration(configuration, offline=offline)
        folder = runs_dir_of(runs_dir)
        files = len(expand_paths(paths))  # a bad path is named before any run
        runs: list[Run] = []
        for configuration in configurations:
            total = files  # a job reports progress once per input file
            with progress_bar(total, configuration.name) as advance:
                try:
                    run = run_configuration(
                        configuration,
                        paths,
                        offline=offline,
                        runs_dir=folder,
                        progress=advance,
                    )
                except KeyboardInterrupt:
                    raise fail(
                        f"interrupted in {configuration.name} after {advance.done} of {total}; "
                        f"{len(runs)} of {len(configurations)} configurations done. Run the same "
                        "command again to resume: answers already paid for are in the cache",
                        code=130,
                    ) from None
            for line in cost_lines(configuration, run):
                note(line)
            runs.append(run)
        write(runs, target, gold_dir=gold_dir, source_sections=source_sections, force=force)
        # Every configuration reads the same files: the first run says which it could not.
        unreadable = unreadable_lines(runs[0].record)
        for line in unreadable:
            note(line)
        if unreadable:
            raise fail(
                f"{len(unreadable)} files could not be read; the report ({shown_path(target)}) "
                "compares the others"
            )
        finish(runs, target)


def cost_lines(configuration: Configuration, run: Run) -> list[str]:
    """What a configuration paid in this run, and what it costs run afresh (the fair figure
    to compare: a warm cache makes any configuration look free)."""
    stats, price = run.record.stats, run.record.spec.price_per_million
    lines = [f"{configuration.name}: {stats.facts} facts → {run.path}"]
    if not configuration.needs_model:
        return lines
    fresh = stats.fresh
    lines += [
        f"  paid now: {stats.calls} calls, {stats.cache_hits} from the cache, "
        f"{stats.tokens_in + stats.tokens_out:,} tokens, "
        f"{cost_text(stats.cost, price, calls=stats.calls)}, {run.record.wall_seconds or 0:.1f} s",
        f"  afresh:   {fresh.calls} calls, {fresh.tokens_in + fresh.tokens_out:,} tokens, "
        f"{cost_text(fresh.cost, price, calls=fresh.calls)}, "
        f"{fresh.call_seconds:.1f} s of model time",
    ]
    return lines


def register(app: typer.Typer) -> None:
    app.command("compare")(compare)
