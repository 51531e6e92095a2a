"""`llmx extract`: documents in, a run folder (and optionally a JSONL file) out."""

from __future__ import annotations

import os
import shutil
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from pydantic import BaseModel, ValidationError

from llmx.atomic import atomic_writer, check_writable
from llmx.console import fail, failure_lines, note, one_line_errors, progress_bar, status_line
from llmx.errors import InputError, first_problem
from llmx.extraction import Extractor
from llmx.pipeline import JOB_FILE, resume_job, run_job
from llmx.readers import expand_paths
from llmx.record import RunStatus
from llmx.rules import RulesExtractor
from llmx.runs import FACTS_FILE, FAILURES_FILE, RUN_FILE, RUNS_DIR, read_failures


class ExtractorName(StrEnum):
    rules = "rules"
    llm = "llm"
    hybrid = "hybrid"


MODEL_ENV = "LLMX_MODEL"


def extract(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(help="Documents (.txt, .md, .html, .docx…) or folders (not with --resume)."),
    ] = None,
    out: Annotated[
        Path | None, typer.Option("--out", "-o", help="Also write the facts to this JSONL file.")
    ] = None,
    extractor: Annotated[
        ExtractorName | None,
        typer.Option(
            help="rules (offline), llm or hybrid. "
            "Default: llm when a model is configured, else rules."
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
    cache_dir: Annotated[Path, typer.Option(help="Where model responses are cached.")] = Path(
        "cache"
    ),
    workers: Annotated[
        int | None,
        typer.Option(min=1, help="Processes reading (and, for the rules, extracting) files."),
    ] = None,
    resume: Annotated[
        Path | None,
        typer.Option(help="Carry on a stopped job: its run folder or id; no PATHS with it."),
    ] = None,
) -> None:
    """Extract every stated quantity from PATHS, each grounded to its source span.

    Writes runs/<run-id>/facts.jsonl and run.json as it goes, one document at a time. With
    no model configured the offline rules extractor is used. A job that was stopped carries
    on with --resume RUN, without redoing the documents it finished.
    """
    with one_line_errors():
        if out is not None:
            check_writable(out, "--out")
        if resume is not None:
            given = {
                "--extractor": extractor,
                "--name": name,
                "--model": model,
                "--base-url": base_url,
                "--api-key-env": api_key_env,
                "--instructor-mode": instructor_mode,
                "--prompt": prompt,
                "--temperature": temperature,
                "--max-tokens": max_tokens,
                "--timeout": timeout,
                "--config": config,
                "--rpm": rpm,
                "--tpm": tpm,
            }
            extra = next((flag for flag, value in given.items() if value is not None), None)
            if extra or offline:
                dropped = extra or "--offline"
                raise InputError(
                    f"--resume carries the job on with its own settings; drop {dropped}"
                )
            folder = _resumable(resume, runs_dir)
            settings = _recorded_settings(folder, paths, workers, concurrency)
        else:
            if not paths:
                raise InputError("give the files or folders to extract from (or --resume RUN)")
            configured_model = model or os.environ.get(MODEL_ENV)
            settings = JobSettings(
                paths=[str(path) for path in paths],
                extractor=extractor
                or (ExtractorName.llm if configured_model or config else ExtractorName.rules),
                chosen=extractor is not None,
                model=configured_model,
                base_url=base_url,
                api_key_env=api_key_env,
                instructor_mode=instructor_mode,
                prompt=prompt,
                temperature=temperature,
                max_tokens=max_tokens,
                timeout=timeout,
                config=str(config) if config else None,
                offline=offline,
                concurrency=concurrency or DEFAULT_CONCURRENCY,
                rpm=rpm,
                tpm=tpm,
                cache_dir=str(cache_dir),
                workers=workers or 1,
            )
        inputs = [Path(path) for path in settings.paths]
        files = len(expand_paths(inputs))  # a bad path is named before anything is built
        built = _build(settings, quiet=resume is not None)
        with progress_bar(files, f"extract ({built.name})") as advance:
            if resume is not None:
                record = resume_job(
                    folder, inputs, built, workers=settings.workers, progress=advance
                )
            else:
                folder, record = run_job(
                    inputs,
                    built,
                    name=name,
                    runs_dir=runs_dir,
                    workers=settings.workers,
                    progress=advance,
                    settings=settings.model_dump_json(indent=2) + "\n",
                )
        if out is not None:
            _copy_atomic(folder / FACTS_FILE, out)
        stats = record.stats
        note(
            f"{stats.facts} facts from {stats.documents} documents → {folder}"
            + (f" and {out}" if out else "")
            + (
                f"; {stats.calls} calls, {stats.cache_hits} cache hits"
                if settings.extractor is not ExtractorName.rules
                else ""
            )
        )
        for item in record.unreadable:
            note(f"cannot read {item.path}: {item.reason}")
        record = record.model_copy(update={"failures": read_failures(folder / FAILURES_FILE)})
        for line in failure_lines(record, folder / FAILURES_FILE):
            note(line)
        if record.status is RunStatus.interrupted:
            raise fail(
                f"interrupted: the facts of the sections finished are in {folder}; "
                f"carry on with `llmx extract --resume {folder}` (answers already paid for "
                "are cached)",
                code=130,
            )
        if record.unreadable:
            raise fail(
                f"{len(record.unreadable)} files could not be read; the run keeps the others"
            )
        if record.status is not RunStatus.complete:
            raise fail(status_line(record))


DEFAULT_CONCURRENCY = 4


class JobSettings(BaseModel):
    """What `llmx extract` was asked to do, kept as the run folder's job.json so that
    --resume rebuilds the same extractor (credentials are named, never stored)."""

    paths: list[str]
    extractor: ExtractorName
    chosen: bool = False  # the extractor was named, not picked for want of a model
    model: str | None = None
    base_url: str | None = None
    api_key_env: str | None = None
    instructor_mode: str | None = None
    prompt: str | None = None
    temperature: float | None = None
    max_tokens: int | None = None
    timeout: float | None = None
    config: str | None = None
    offline: bool = False
    concurrency: int = DEFAULT_CONCURRENCY
    rpm: int | None = None
    tpm: int | None = None
    cache_dir: str = "cache"
    workers: int = 1


def _build(settings: JobSettings, *, quiet: bool) -> Extractor:
    if settings.extractor is ExtractorName.rules:
        if not settings.chosen and not quiet:
            note("no model configured; using the offline rules extractor")
        return RulesExtractor()
    from llmx.llm import build_extractor_from_options

    return build_extractor_from_options(
        mode=settings.extractor.value,
        model=settings.model,
        base_url=settings.base_url,
        api_key_env=settings.api_key_env,
        instructor_mode=settings.instructor_mode,
        prompt=settings.prompt,
        temperature=settings.temperature,
        max_tokens=settings.max_tokens,
        timeout=settings.timeout,
        config_file=Path(settings.config) if settings.config else None,
        offline=settings.offline,
        concurrency=settings.concurrency,
        rpm=settings.rpm,
        tpm=settings.tpm,
        cache_dir=Path(settings.cache_dir),
    )


def _resumable(run: Path, runs_dir: Path) -> Path:
    """The folder of the run to resume: as given, or its id under --runs-dir."""
    folder = run if run.is_dir() else runs_dir / str(run)
    if not (folder / RUN_FILE).is_file():
        raise InputError(f"{run}: no run folder to resume (looked for {folder / RUN_FILE})")
    if not (folder / JOB_FILE).is_file():
        raise InputError(f"{folder}: has no {JOB_FILE}; only jobs started by llmx extract resume")
    return folder


def _recorded_settings(
    folder: Path, paths: list[Path] | None, workers: int | None, concurrency: int | None
) -> JobSettings:
    """The job's own settings; only how hard to work may change on resume."""
    if paths:
        raise InputError("--resume takes its files from the run; give no PATHS with it")
    raw = (folder / JOB_FILE).read_text(encoding="utf-8")
    try:
        settings = JobSettings.model_validate_json(raw)
    except ValidationError as error:
        raise InputError(f"{folder / JOB_FILE}: {first_problem(error)}") from None
    changes = {"workers": workers, "concurrency": concurrency}
    return settings.model_copy(update={k: v for k, v in changes.items() if v is not None})


def _copy_atomic(source: Path, target: Path) -> None:
    with source.open(encoding="utf-8") as facts, atomic_writer(target) as handle:
        shutil.copyfileobj(facts, handle)


def register(app: typer.Typer) -> None:
    app.command("extract")(extract)
