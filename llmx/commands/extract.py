"""`llmx extract`: documents in, a run folder (and optionally a JSONL file) out."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated

import typer

from llmx.atomic import check_writable, write_text_atomic
from llmx.console import fail, failure_lines, note, one_line_errors, progress_bar, status_line
from llmx.documents import Document
from llmx.extractors import EXTRACTORS, build_extractor, extractor_kind
from llmx.facts import facts_to_jsonl
from llmx.pipeline import load_documents, run_extraction
from llmx.record import RunStatus
from llmx.runs import FAILURES_FILE, RUNS_DIR
from llmx.sections import split_sections
from llmx.settings import SETTING_NAMES, ExtractorSettings

MODEL_ENV = "LLMX_MODEL"


def _registered(name: str | None) -> str | None:
    if name is not None and name not in EXTRACTORS:
        raise typer.BadParameter(f"{name!r} is not one of {', '.join(EXTRACTORS)}")
    return name


def extract(
    ctx: typer.Context,
    paths: Annotated[
        list[Path], typer.Argument(help="Documents (.txt, .md, .html, .docx…) or folders.")
    ],
    out: Annotated[
        Path | None, typer.Option("--out", "-o", help="Also write the facts to this JSONL file.")
    ] = None,
    extractor: Annotated[
        str | None,
        typer.Option(
            callback=_registered,
            help="; ".join(f"{kind.name}: {kind.help}" for kind in EXTRACTORS.values())
            + ". Default: llm when a model is configured, else rules.",
        ),
    ] = None,
    name: Annotated[str | None, typer.Option(help="Name the run (shown in reports).")] = None,
    runs_dir: Annotated[Path, typer.Option(help="Where run folders go.")] = RUNS_DIR,
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
    concurrency: Annotated[
        int | None, typer.Option(min=1, help="Model calls in flight at once (default 4).")
    ] = None,
    rpm: Annotated[int | None, typer.Option(min=1, help="Requests per minute limit.")] = None,
    tpm: Annotated[int | None, typer.Option(min=1, help="Tokens per minute limit.")] = None,
    cache_dir: Annotated[
        Path | None, typer.Option(help="Where model responses are cached (default: cache).")
    ] = None,
    pack_tokens: Annotated[
        int | None,
        typer.Option(
            min=0,
            help="Pack consecutive short sections into one request up to this many tokens "
            "of section text (0: one request per section).",
        ),
    ] = None,
    compact_schema: Annotated[
        bool | None,
        typer.Option(
            "--compact-schema/--full-schema",
            help="Send the response schema without the descriptions the guideline gives.",
        ),
    ] = None,
    batch: Annotated[
        bool | None,
        typer.Option(
            "--batch/--no-batch",
            help="Send uncached requests through the provider's Batch API (half price, "
            "answers within 24 h); a re-run picks up a pending batch.",
        ),
    ] = None,
    batch_retry: Annotated[
        str | None,
        typer.Option(
            help="Batch lines that failed are asked again: live (default) or batch (in a "
            "follow-up batch).",
        ),
    ] = None,
) -> None:
    """Extract every stated quantity from PATHS, each grounded to its source span.

    Writes runs/<run-id>/facts.jsonl and run.json. With no model configured the offline
    rules extractor is used.
    """
    with one_line_errors():
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
        # Every option named as a setting is one: a new setting is a field and its option.
        flags = {name: value for name, value in ctx.params.items() if name in SETTING_NAMES}
        flags["offline"] = offline or None  # not given: the environment or file may say
        settings = ExtractorSettings.from_sources(flags, os.environ, config)
        uses_model = extractor_kind(settings.chosen_extractor).needs_model
        if not uses_model and extractor is None:
            note("no model configured; using the offline rules extractor")
        built = build_extractor(settings, notify=note)
        total = _section_count(documents) if uses_model else len(documents)
        with progress_bar(total, f"extract ({built.name})") as advance:
            run = run_extraction(
                paths,
                built,
                name=name,
                runs_dir=runs_dir,
                progress=advance,
                documents=documents,
                unreadable=unreadable,
            )
        if out is not None:
            write_text_atomic(out, "".join(facts_to_jsonl(run.facts)))
        stats = run.record.stats
        note(
            f"{stats.facts} facts from {len(documents)} documents → {run.path}"
            + (f" and {out}" if out else "")
            + (f"; {stats.calls} calls, {stats.cache_hits} cache hits" if uses_model else "")
        )
        for line in failure_lines(run.record, run.path / FAILURES_FILE):
            note(line)
        status = run.record.status
        if status is RunStatus.interrupted:
            raise fail(
                f"interrupted: the facts of the sections finished are in {run.path}; "
                "run again to resume (answers already paid for are cached)",
                code=130,
            )
        problems = [
            *([status_line(run.record)] if status is not RunStatus.complete else []),
            *([f"{len(unreadable)} files could not be read"] if unreadable else []),
        ]
        if problems:
            raise fail("; ".join(problems) + "; the run keeps the others")


def _section_count(documents: list[Document]) -> int:
    return sum(len(split_sections(document.id, document.text)) for document in documents)


def register(app: typer.Typer) -> None:
    app.command("extract")(extract)
