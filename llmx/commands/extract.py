"""`llmx extract`: documents in, a run folder (and optionally a JSONL file) out."""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Annotated, Any

import typer
from pydantic import BaseModel, ValidationError
from typer._click.exceptions import MissingParameter

from llmx.atomic import atomic_writer
from llmx.build import build_extractor
from llmx.commands.options import RunsDir, runs_dir_of
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
    unreadable_lines,
)
from llmx.coverage import worth_a_look_line
from llmx.errors import ConfigError, InputError, OutputError, first_problem
from llmx.extractors import EXTRACTORS, extractor_kind
from llmx.pipeline import JOB_FILE, JobInterrupted, resume_job, run_job
from llmx.readers import expand_paths
from llmx.record import RunStatus
from llmx.runs import (
    FACTS_FILE,
    FAILURES_FILE,
    RUN_FILE,
    check_output,
    find_run,
    read_failures,
    read_record,
)
from llmx.settings import SETTING_NAMES, ExtractorSettings

MODEL_ENV = "LLMX_MODEL"


def _registered(name: str | None) -> str | None:
    if name is not None and name not in EXTRACTORS:
        raise typer.BadParameter(f"{name!r} is not one of {', '.join(EXTRACTORS)}")
    return name


# Each worker is a process with its own copy of the readers: past this, a machine spends its
# memory on processes, not on reading.
WORKERS_MAX = 64


def extract(
    ctx: typer.Context,
    paths: Annotated[
        list[Path] | None,
        typer.Argument(
            help="Documents (.txt, .md, .html, .docx…) or folders (not with --resume).",
            metavar="PATHS",
        ),
    ] = None,
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
    workers: Annotated[
        int | None,
        typer.Option(
            min=1,
            max=WORKERS_MAX,
            help="Processes reading (and, for the rules, extracting) files.",
        ),
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
        runs_dir = runs_dir_of(runs_dir)
        if out is not None:
            check_output(out, "--out")
        # Every option named as a setting is one: a new setting is a field and its option.
        flags = {name: value for name, value in ctx.params.items() if name in SETTING_NAMES}
        flags["offline"] = offline or None  # not given: the environment or file may say
        if resume is not None:
            folder = _resumable(resume, runs_dir)
            job = _recorded_job(folder, paths, {**flags, "name": name, "config": config})
            job = job.with_limits(workers=workers, concurrency=concurrency)
            _check_started_here(job)
            if out is None and job.out is not None:
                out = Path(job.out)
                check_output(out, "the job's --out")
        else:
            if not paths:  # a usage error, as when any other required argument is missing
                raise MissingParameter(
                    "give the files or folders to extract from (or --resume RUN)",
                    ctx=ctx,
                    param_type="argument",
                    param_hint="'PATHS...'",
                )
            settings = ExtractorSettings.from_sources(flags, os.environ, config)
            job = JobSettings(
                paths=[str(path) for path in paths],
                settings=settings,
                named_extractor=extractor is not None,
                workers=workers or 1,
                directory=str(Path.cwd()),
                out=str(out) if out is not None else None,
            )
        settings = job.settings
        inputs = [Path(path) for path in job.paths]
        input_files = expand_paths(inputs)  # a bad path is named before anything is built
        files = len(input_files)
        if out is not None and any(_same_file(out, path) for path in input_files):
            raise OutputError(f"--out {out}: is one of the input files; choose another path")
        uses_model = extractor_kind(settings.chosen_extractor).needs_model
        # --temperature 0 is given; --no-batch (False) says only what is not done.
        asked = [
            name
            for name in _ASKING_A_MODEL
            if flags.get(name) is not None and flags.get(name) is not False
        ]
        if not uses_model and asked and resume is None:
            # --prompt extract@v2 with no model: a rules job would be what was not asked for.
            remedy = (
                "choose a model's extractor (--extractor llm, hybrid or rules-first)"
                if settings.model
                else "pass --model (or set LLMX_MODEL)"
            )
            raise ConfigError(
                f"--{asked[0].replace('_', '-')} is for a model, and the "
                f"{settings.chosen_extractor} extractor uses none: {remedy}, or leave it out"
            )
        if not uses_model and not job.named_extractor and resume is None:
            note("no model configured; using the offline rules extractor")
        built = build_extractor(settings, notify=note)
        try:
            with progress_bar(files, built.name) as advance:
                if resume is not None:
                    record = resume_job(
                        folder, inputs, built, workers=job.workers, progress=advance
                    )
                else:
                    folder, record = run_job(
                        inputs,
                        built,
                        name=name,
                        runs_dir=runs_dir,
                        workers=job.workers,
                        progress=advance,
                        settings=job.model_dump_json(indent=2) + "\n",
                    )
        except JobInterrupted as stopped:  # Ctrl-C: said as any interrupted run is, below
            folder, record = stopped.folder, read_record(stopped.folder / RUN_FILE)
        # An interrupted job's facts are a part: --out is written once the job completes.
        written = out if record.status is not RunStatus.interrupted else None
        if written is not None:
            _copy_atomic(folder / FACTS_FILE, written)
        stats = record.stats
        note(
            f"{stats.facts} facts from {stats.documents} documents → {folder}"
            + (f" and {written}" if written else "")
            + (f"; {stats.calls} calls, {stats.cache_hits} cache hits" if uses_model else "")
        )
        look = worth_a_look_line(record.coverage)
        if look is not None:
            note(f"{look}; `{command('llmx', 'runs', 'unread', shown_path(folder))}` lists them")
        for line in unreadable_lines(record):
            note(line)
        for part in record.partly_read:
            note(f"read in part {part.path}: {part.warning}")
        record = record.model_copy(update={"failures": read_failures(folder / FAILURES_FILE)})
        for line in failure_lines(record, folder / FAILURES_FILE):
            note(line)
        if record.status is RunStatus.interrupted:
            raise fail(
                f"interrupted after {advance.done} of {files} documents: the facts of the "
                f"sections finished are in {folder}; "
                f"carry on with `llmx extract --resume {folder}` (answers already paid for "
                "are cached" + (f"; {out} is written when the job completes)" if out else ")"),
                code=130,
            )
        problems = [
            *([status_line(record)] if record.status is not RunStatus.complete else []),
            *([f"{len(record.unreadable)} files could not be read"] if record.unreadable else []),
        ]
        if problems:
            raise fail("; ".join(problems) + "; the run keeps the others")
        next_step(command("llmx", "eval", shown_path(folder)))


# The options that say what a model is asked, or how: meaningless to an extractor with none.
_ASKING_A_MODEL = (
    "prompt",
    "base_url",
    "api_key_env",
    "instructor_mode",
    "temperature",
    "max_tokens",
    "pack_tokens",
    "compact_schema",
    "batch",
)


class JobSettings(BaseModel):
    """What `llmx extract` was asked to do, kept as the run folder's job.json so that
    --resume rebuilds the same extractor (the API key is named, never stored)."""

    paths: list[str]
    settings: ExtractorSettings
    named_extractor: bool = False  # --extractor was given, not picked for want of a model
    workers: int = 1  # how the job runs, not what it extracts: may change on resume
    # Where the job was started (its relative paths name files from there), and its --out,
    # written when the job completes, whether on the first go or on a resume.
    directory: str | None = None
    out: str | None = None

    def with_limits(self, *, workers: int | None, concurrency: int | None) -> JobSettings:
        """The same job, working harder or softer: only these may change on resume."""
        settings = self.settings
        if concurrency is not None:
            settings = settings.model_copy(update={"concurrency": concurrency})
        return self.model_copy(update={"workers": workers or self.workers, "settings": settings})


def _resumable(run: Path, runs_dir: Path) -> Path:
    """The folder of the run to resume, named as any command names a run: its folder, its
    id or name under --runs-dir, or `latest`."""
    folder = find_run(run, runs_dir)
    if not (folder / RUN_FILE).is_file():
        raise InputError(f"{run}: no run folder to resume (looked for {folder / RUN_FILE})")
    if not (folder / JOB_FILE).is_file():
        raise InputError(f"{folder}: has no {JOB_FILE}; only jobs started by llmx extract resume")
    return folder


def _recorded_job(folder: Path, paths: list[Path] | None, given: dict[str, Any]) -> JobSettings:
    """The job's own settings: --resume carries the job on as it was set up."""
    if paths:
        raise InputError("--resume takes its files from the run; give no PATHS with it")
    changed = next(
        (name for name, value in given.items() if value is not None and name != "concurrency"),
        None,
    )
    if changed:
        flag = "--" + changed.replace("_", "-")
        raise InputError(f"--resume carries the job on with its own settings; drop {flag}")
    raw = (folder / JOB_FILE).read_text(encoding="utf-8")
    try:
        return JobSettings.model_validate_json(raw)
    except ValidationError as error:
        raise InputError(f"{folder / JOB_FILE}: {first_problem(error)}") from None


def _check_started_here(job: JobSettings) -> None:
    """A job names its files as they were given: relative ones lead nowhere from another
    folder, unless the project moved with them (then they lead to the same files here)."""
    started = job.directory
    if started is None or Path(started) == Path.cwd():
        return
    lost = [path for path in job.paths if not Path(path).is_absolute() and not Path(path).exists()]
    if lost and (Path(started) / lost[0]).exists():
        raise InputError(
            f"the job was started in {started} and names its files from there ({lost[0]}); "
            f"resume it from that folder (cd {started})"
        )


def _same_file(one: Path, other: Path) -> bool:
    # realpath, not resolve: a link that loops is a path, not an error, here.
    return os.path.realpath(one) == os.path.realpath(other)


def _copy_atomic(source: Path, target: Path) -> None:
    with source.open(encoding="utf-8") as facts, atomic_writer(target) as handle:
        shutil.copyfileobj(facts, handle)


def register(app: typer.Typer) -> None:
    app.command("extract")(extract)
