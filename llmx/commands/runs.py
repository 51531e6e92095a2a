"""`llmx runs`: the runs in the project, newest last, and one run in detail."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table
from rich.text import Text

from llmx.commands.options import RUN_HELP, RunsDir, run_of, runs_dir_of, workspace
from llmx.console import command, next_step, note, one_line_errors, shown_path
from llmx.coverage import figure_spans, marked_lines, most_unread, total, unread_spans
from llmx.documents import short_title
from llmx.errors import InputError
from llmx.evaluation import gold_fingerprint
from llmx.llm.prices import cost_text
from llmx.record import RunRecord, RunStatus
from llmx.report.formatting import percent
from llmx.runs import RUN_FILE, Run, read_document_text, read_record, run_folders
from llmx.summary import read_scores

runs_app = typer.Typer(
    help="List the runs in the project, or show one.", invoke_without_command=True
)


@runs_app.callback()
def list_runs(
    context: typer.Context,
    runs_dir: RunsDir = None,
    last: Annotated[int, typer.Option(min=0, help="Show only the newest N runs (0: all).")] = 20,
) -> None:
    """Every run: name, extractor, model, prompt, documents, facts, F1 when scored, status."""
    if context.invoked_subcommand is not None:
        return
    with one_line_errors():
        folder = runs_dir_of(runs_dir)
        folders = run_folders(folder)
    if not folders:
        note(f"no runs yet in {folder}")
        next_step(command("llmx", "extract", "seeds/", "--name", "rules"))
        return
    shown = folders[-last:] if last else folders
    gold = workspace().gold
    current = gold_fingerprint(gold) if (gold / "manifest.json").is_file() else None
    table, stale = runs_table(shown, title=f"Runs in {folder} ({len(folders)})", gold=current)
    Console().print(table)
    if stale:
        note(f"* scored against another gold set than {gold}: `llmx eval RUN` scores it again")
    if len(shown) < len(folders):
        note(f"{len(folders) - len(shown)} older runs not shown (--last 0 shows every one)")
    readable = [path for path in reversed(shown) if _readable(path)]
    if readable:
        newest = shown_path(readable[0])
        next_step(command("llmx", "runs", "show", newest.name), command("llmx", "eval", newest))


def _readable(folder: Path) -> bool:
    try:
        read_record(folder / RUN_FILE)
    except InputError:
        return False
    return True


def runs_table(folders: list[Path], *, title: str, gold: str | None = None) -> tuple[Table, bool]:
    """The runs as a table, and whether some F1 shown was scored against other gold than
    the fingerprint `gold` (marked with *)."""
    stale = False
    table = Table(title=title)
    table.add_column("run", overflow="fold")
    table.add_column("made by", overflow="fold")
    table.add_column("docs", justify="right")
    table.add_column("facts", justify="right")
    table.add_column("F1", justify="right")
    table.add_column("status")
    table.add_column("when", no_wrap=True)
    for folder in folders:
        try:
            record = read_record(folder / RUN_FILE)
        except InputError as error:
            table.add_row(Text(folder.name), Text(str(error)), "", "", "", "unreadable", "")
            continue
        scores = read_scores(folder)
        other_gold = scores is not None and gold is not None and scores.gold_fingerprint != gold
        stale = stale or other_gold
        name = Text(record.name or record.id, style="bold")
        if record.name:
            name.append(f"\n{record.id}", style="dim")
        table.add_row(
            name,
            Text(made_by(record)),
            str(record.stats.documents or len(record.spec.documents)),
            str(record.stats.facts),
            (percent(scores.total.f1) + ("*" if other_gold else "")) if scores else "—",
            Text(record.status.value, style=_STATUS_STYLE.get(record.status, "")),
            _when(record.started),
        )
    return table, stale


_STATUS_STYLE = {
    RunStatus.complete: "green",
    RunStatus.partial: "yellow",
    RunStatus.failed: "red",
    RunStatus.interrupted: "yellow",
}


def made_by(record: RunRecord) -> str:
    spec = record.spec
    return " · ".join(part for part in (spec.extractor, spec.model, spec.prompt) if part)


def _documents(record: RunRecord) -> str:
    """One line per document: its id and its title."""
    sources = record.spec.sources
    return "\n".join(
        f"{doc} {short_title(sources[doc].title, 24)}" if doc in sources else doc
        for doc in record.spec.documents
    )


def _when(started: str | None) -> str:
    return started[:16].replace("T", " ") if started else "—"


@runs_app.command()
def show(
    run: Annotated[str, typer.Argument(help=RUN_HELP, metavar="RUN")] = "latest",
    runs_dir: RunsDir = None,
) -> None:
    """One run: what made it, how it went, what it cost and its last scores."""
    with one_line_errors():
        loaded = run_of(run, runs_dir)
    record, stats = loaded.record, loaded.record.stats
    table = Table(title=f"Run {record.id}", show_header=False)
    table.add_column("what")
    table.add_column("value", overflow="fold")
    rows: list[tuple[str, str]] = [
        ("name", record.name or "—"),
        ("folder", str(shown_path(loaded.path))),
        ("made by", made_by(record)),
        ("status", record.status.value),
        ("started", record.started or "—"),
        ("wall time", f"{record.wall_seconds:.1f} s" if record.wall_seconds else "—"),
        ("documents", _documents(record) or "—"),
        ("sections", f"{stats.sections} ({stats.sections_asked} asked of a model)"),
        ("facts", str(stats.facts)),
        ("figures unread", _unread_summary(record)),
    ]
    if record.spec.model:
        price = record.spec.price_per_million
        fresh = stats.fresh
        rows += [
            (
                "this run paid",
                f"{stats.calls} calls, {stats.tokens_in:,} + {stats.tokens_out:,} tokens, "
                f"{cost_text(stats.cost, price, calls=stats.calls)}",
            ),
            (
                "cost run afresh",
                f"{fresh.calls} calls, {fresh.tokens_in:,} + {fresh.tokens_out:,} tokens, "
                f"{cost_text(fresh.cost, price, calls=fresh.calls)}, "
                f"{fresh.call_seconds:.1f} s of model time",
            ),
            ("cache hits", str(stats.cache_hits)),
            (
                "retries",
                f"{stats.transport_retries} transport, {stats.validation_retries} validation",
            ),
            (
                "proposals dropped",
                f"{stats.dropped_ungrounded} of {stats.facts_proposed}"
                + "".join(f"\n  {reason}: {count}" for reason, count in stats.dropped.items()),
            ),
            ("sections failed", f"{stats.sections_failed} (fell back: {stats.sections_fallback})"),
        ]
    scores = read_scores(loaded.path)
    if scores is not None:
        total = scores.total
        rows.append(
            (
                "last scores",
                f"P {percent(total.precision)}  R {percent(total.recall)}  "
                f"F1 {percent(total.f1)} on {total.gold} gold facts ({scores.scored})",
            )
        )
    for what, value in rows:
        table.add_row(what, Text(value))
    Console().print(table)
    for failure in record.failures[:5]:
        note(f"failed: {failure.line}")
    follow = [command("llmx", "eval", shown_path(loaded.path))]
    if most_unread(record.coverage, worth_a_look_only=True):
        follow.append(command("llmx", "runs", "unread", shown_path(loaded.path)))
    next_step(*follow, command("llmx", "export", shown_path(loaded.path), "--out", "facts.csv"))


def _unread_summary(record: RunRecord) -> str:
    coverage = record.coverage
    if not coverage:
        return "not counted (the run is older than the count)"
    counts = total(coverage)
    looks = most_unread(coverage, worth_a_look_only=True)
    documents = "document" if len(looks) == 1 else "documents"
    line = (
        f"{counts.unread:,} of {counts.figures:,} figures no fact took; "
        f"{len(looks)} {documents} worth a look"
    )
    line += _uncounted(record)
    return line + "".join(
        f"\n  {item.doc}: {item.coverage.unread} of {item.coverage.figures}" for item in looks[:5]
    )


def _uncounted(record: RunRecord) -> str:
    """What a count misses: documents a job journaled before llmx counted (resumed since)."""
    missing = sum(1 for doc in record.spec.documents if doc not in record.coverage)
    if not missing:
        return ""
    counted = len(record.spec.documents) - missing
    return f" (counted for {counted} of {len(record.spec.documents)} documents)"


@runs_app.command()
def unread(
    run: Annotated[str, typer.Argument(help=RUN_HELP, metavar="RUN")] = "latest",
    doc: Annotated[
        str | None, typer.Option(help="Show this document's unread figures, each in its line.")
    ] = None,
    every: Annotated[
        bool,
        typer.Option(
            "--all", help="List every document with a figure unread, not only those worth a look."
        ),
    ] = False,
    limit: Annotated[
        int,
        typer.Option(min=0, help="Documents listed, or with --doc figures shown (0: all)."),
    ] = 50,
    as_json: Annotated[
        bool, typer.Option("--json", help="Print the list as one JSON object, no table.")
    ] = False,
    runs_dir: RunsDir = None,
) -> None:
    """Figures in RUN's documents that no fact took: the documents worth a look (many
    figures unread, and a good share of them), or with --doc one document's figures."""
    with one_line_errors():
        if doc is not None and every:
            raise InputError("--all lists documents; give it without --doc")
        loaded = run_of(run, runs_dir)
        if doc is not None:
            _show_document(loaded, doc, limit, as_json=as_json)
            return
        if not loaded.record.coverage:
            raise InputError(
                f"{loaded.label}: the run is older than llmx's count of unread figures; "
                "extract again to count them (--doc DOC shows one document's)"
            )
    coverage = loaded.record.coverage
    ranked = most_unread(coverage, worth_a_look_only=not every)
    listed = ranked[:limit] if limit else ranked
    sources = loaded.record.spec.sources
    if as_json:
        documents = [
            {
                "doc": item.doc,
                "title": sources[item.doc].title if item.doc in sources else None,
                "figures": item.coverage.figures,
                "unread": item.coverage.unread,
                "worth_a_look": item.worth_a_look,
            }
            for item in listed
        ]
        typer.echo(json.dumps({"run": loaded.label, "documents": documents}, ensure_ascii=False))
        return
    if not ranked:
        note(
            f"no document of {loaded.label} is worth a look"
            + ("" if every else " (--all lists every document with a figure left)")
        )
        return
    table = Table(title=f"Figures no fact took in {loaded.label}{_uncounted(loaded.record)}")
    table.add_column("document", overflow="fold")
    table.add_column("unread", justify="right")
    table.add_column("figures", justify="right")
    table.add_column("% unread", justify="right")
    for item in listed:
        counts = item.coverage
        title = sources[item.doc].title if item.doc in sources else ""
        name = Text(item.doc, style="bold" if item.worth_a_look else "")
        if title and title != item.doc:
            name.append(f"\n{short_title(title, 40)}", style="dim")
        table.add_row(
            name,
            str(counts.unread),
            str(counts.figures),
            percent(counts.unread / counts.figures),  # a document with one unread has figures
        )
    Console().print(table)
    if len(listed) < len(ranked):
        note(f"{len(ranked) - len(listed)} more not listed (--limit 0 lists all)")
    next_step(command("llmx", "runs", "unread", shown_path(loaded.path), "--doc", ranked[0].doc))


def _show_document(loaded: Run, doc: str, limit: int, *, as_json: bool = False) -> None:
    """Each unread figure of one document of the run, in its line."""
    if doc not in loaded.record.spec.documents:
        raise InputError(f"{doc}: no document of {loaded.label} has this id")
    text = read_document_text(loaded.path, doc)
    taken = [fact.span for fact in loaded.facts if fact.doc == doc]
    spans = list(unread_spans(figure_spans(text), taken))
    shown = spans[:limit] if limit else spans
    if as_json:
        figures = [
            {"start": start, "end": end, "text": text[start:end], "line": number}
            for (start, end), (number, _) in zip(shown, marked_lines(text, shown), strict=True)
        ]
        typer.echo(
            json.dumps({"run": loaded.label, "doc": doc, "unread": figures}, ensure_ascii=False)
        )
        return
    for number, line in marked_lines(text, shown):
        print(f"{number:>5}  {line}")
    if len(shown) < len(spans):
        note(f"{len(spans) - len(shown)} more not shown (--limit 0 shows all)")
    note(f"{len(spans)} figures of {doc} no fact took")


def register(app: typer.Typer) -> None:
    app.add_typer(runs_app, name="runs")
