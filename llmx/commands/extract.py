"""`llmx extract`: documents in, a run folder (and optionally a JSONL file) out."""

from __future__ import annotations

import os
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from llmx.atomic import check_writable, write_text_atomic
from llmx.commands.options import CacheDir, RunsDir, cache_dir_of, runs_dir_of
from llmx.console import (
    command,
    fail,
    failure_lines,
    next_step,
    note,
    one_line_errors,
    progress_bar,
    shown_path,
    status_line,
)
from llmx.extraction import Extractor
from llmx.facts import facts_to_jsonl
from llmx.numerals import NumeralsExtractor
from llmx.pipeline import load_documents, progress_units, run_extraction
from llmx.record import RunStatus
from llmx.rules import RulesExtractor
from llmx.runs import FAILURES_FILE


class ExtractorName(StrEnum):
    rules = "rules"
    numerals = "numerals"
    llm = "llm"
    hybrid = "hybrid"


OFFLINE = (ExtractorName.rules, ExtractorName.numerals)
MODEL_ENV = "LLMX_MODEL"


def extract(
    paths: Annotated[
        list[Path],
        typer.Argument(help="Documents (.txt, .md, .html, .docx…) or folders.", metavar="PATHS"),
    ],
    out: Annotated[
        Path | None, typer.Option("--out", "-o", help="Also write the facts to this JSONL file.")
    ] = None,
    extractor: Annotated[
        ExtractorName | None,
        typer.Option(
            help="rules (offline), numerals (offline: every number, a baseline), llm or "
            "hybrid. Default: llm when a model is configured, else rules."
        ),
    ] = None,
    name: Annotated[str | None, typer.Option(help="Name the run (shown in reports).")] = None,
    runs_dir: RunsDir = None,
    model: Annotated[str | None, typer.Option(help=f"Model name; also ${MODEL_ENV}.")] = None,
    base_url: Annotated[
        str | None, typer.Option(help="OpenAI-compatible base URL (Ollama, vLLM, DeepSeek…).")
    ] = None,
    api_key_env: Annotated[
        str | None, typer.Option(help="Name of the environment variable holding the API key.")
    ] = None,
    instructor_mode: Annotated[
        str | None, typer.Option(help="tools, json_schema, json or md_json.")
    ] = None,
    prompt: Annotated[
        str | None, typer.Option(help="Prompt template and version, e.g. extract@v1.")
    ] = None,
    temperature: Annotated[float | None, typer.Option(help="Sampling temperature.")] = None,
    max_tokens: Annotated[int | None, typer.Option(help="Completion token limit per call.")] = None,
    timeout: Annotated[
        float | None, typer.Option(help="Seconds per call before it is retried.")
    ] = None,
    config: Annotated[Path | None, typer.Option(help="Model config file (TOML).")] = None,
    offline: Annotated[
        bool, typer.Option(help="Never call a model: use cached responses, fail on a miss.")
    ] = False,
    concurrency: Annotated[int, typer.Option(min=1, help="Model calls in flight at once.")] = 4,
    rpm: Annotated[int | None, typer.Option(min=1, help="Requests per minute limit.")] = None,
    tpm: Annotated[int | None, typer.Option(min=1, help="Tokens per minute limit.")] = None,
    cache_dir: CacheDir = None,
) -> None:
    """Extract every stated quantity from PATHS, each grounded to its source span.

    Writes `runs/<run-id>/facts.jsonl` and `run.json`. With no model configured the offline
    rules extractor is used.
    """
    with one_line_errors():
        runs_dir = runs_dir_of(runs_dir)
        if out is not None:
            check_writable(out, "--out")
        loaded = load_documents(paths)
        documents, unreadable = loaded.documents, loaded.unreadable
        if not documents and len(unreadable) == 1:
            raise fail(f"{unreadable[0].path}: {unreadable[0].reason}")
        for item in unreadable:
            note(f"cannot read {item.path}: {item.reason}")
        if not documents:
            raise fail(f"none of the {len(unreadable)} files could be read; nothing written")
        configured_model = model or os.environ.get(MODEL_ENV)
        chosen = extractor or (
            ExtractorName.llm if configured_model or config else ExtractorName.rules
        )
        if chosen is ExtractorName.rules:
            if extractor is None:
                note("no model configured; using the offline rules extractor")
            built: Extractor = RulesExtractor()
        elif chosen is ExtractorName.numerals:
            built = NumeralsExtractor()
        else:
            from llmx.llm import build_extractor_from_options

            built = build_extractor_from_options(
                mode=chosen.value,
                model=configured_model,
                base_url=base_url,
                api_key_env=api_key_env,
                instructor_mode=instructor_mode,
                prompt=prompt,
                temperature=temperature,
                max_tokens=max_tokens,
                timeout=timeout,
                config_file=config,
                offline=offline,
                concurrency=concurrency,
                rpm=rpm,
                tpm=tpm,
                cache_dir=cache_dir_of(cache_dir),
            )
        total = progress_units(chosen.value, documents)
        with progress_bar(total, built.name) as advance:
            try:
                run = run_extraction(
                    paths,
                    built,
                    name=name,
                    runs_dir=runs_dir,
                    progress=advance,
                    documents=documents,
                    unreadable=unreadable,
                )
            except KeyboardInterrupt:
                raise fail(
                    f"interrupted after {advance.done} of {total} "
                    f"{'documents' if chosen in OFFLINE else 'sections'}; "
                    "run the same command again to resume: answers already paid for are "
                    "in the cache",
                    code=130,
                ) from None
        if out is not None:
            write_text_atomic(out, "".join(facts_to_jsonl(run.facts)))
        stats = run.record.stats
        note(
            f"{stats.facts} facts from {len(documents)} documents → {run.path}"
            + (f" and {out}" if out else "")
            + (
                f"; {stats.calls} calls, {stats.cache_hits} cache hits"
                if chosen not in OFFLINE
                else ""
            )
        )
        for line in failure_lines(run.record, run.path / FAILURES_FILE):
            note(line)
        status = run.record.status
        if status is RunStatus.interrupted:
            raise fail(
                f"interrupted after {advance.done} of {total} sections: the facts of those "
                f"finished are in {run.path}; run the same command again to resume (answers "
                "already paid for are cached)",
                code=130,
            )
        problems = [
            *([status_line(run.record)] if status is not RunStatus.complete else []),
            *([f"{len(unreadable)} files could not be read"] if unreadable else []),
        ]
        if problems:
            raise fail("; ".join(problems) + "; the run keeps the others")
        next_step(command("llmx", "eval", shown_path(run.path)))


def register(app: typer.Typer) -> None:
    app.command("extract")(extract)
