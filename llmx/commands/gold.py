"""`llmx gold`: validate, count and export the hand-labelled gold set."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

from llmx.commands.export import FormatOption
from llmx.commands.options import GoldDir, gold_dir_of, workspace
from llmx.console import fail, note, one_line_errors
from llmx.documents import short_title, title_of
from llmx.errors import InputError
from llmx.exports import choose_format, fact_rows, write_rows
from llmx.facts import read_facts
from llmx.gold import load_gold, validate_gold_lines
from llmx.pipeline import source_of
from llmx.runs import check_output
from llmx.sections import section_at
from llmx.textfiles import read_text_file

gold_app = typer.Typer(help="Validate, count and export the gold set.", no_args_is_help=True)


@gold_app.command()
def validate(gold_dir: GoldDir = None) -> None:
    """Check every gold line: fields, span text, value, sets, labelled section, overlaps."""
    with one_line_errors():
        gold_dir = gold_dir_of(gold_dir)
        gold = load_gold(gold_dir, with_facts=False)
        problems: list[str] = []
        files = 0
        for doc_id in gold.documents:
            path = gold_dir / f"{doc_id}.jsonl"
            if not path.exists():
                problems.append(f"{path}: missing (the manifest labels {doc_id})")
                continue
            files += 1
            try:
                lines = read_text_file(path).splitlines()
            except InputError as error:
                problems.append(str(error))
                continue
            problems.extend(validate_gold_lines(lines, str(path), gold))
        for problem in problems:
            typer.echo(problem)
        if problems:
            raise fail(f"{len(problems)} problems in {files} gold files")
        facts = sum(1 for doc in gold.documents for _ in _lines(gold_dir / f"{doc}.jsonl"))
        note(f"gold is valid: {facts} facts in {files} documents")


@gold_app.command()
def stats(gold_dir: GoldDir = None) -> None:
    """Facts per document, section, unit, status and kind."""
    with one_line_errors():
        gold = load_gold(gold_dir_of(gold_dir))
    console = Console()
    sections = Counter(
        (fact.doc, section_at(gold.sections[fact.doc], fact.start).id) for fact in gold.facts
    )
    per_doc = Counter(fact.doc for fact in gold.facts)
    table = Table(title=f"Gold: {len(gold.facts)} facts")
    for column in ("document", "facts", "sections with facts", "sections"):
        table.add_column(column, justify="right" if column != "document" else "left")
    for doc_id, document in gold.documents.items():
        with_facts = sum(1 for (doc, _), _count in sections.items() if doc == doc_id)
        table.add_row(
            f"{doc_id}\n{short_title(title_of(document), 24)}",
            str(per_doc[doc_id]),
            str(with_facts),
            str(len(gold.sections[doc_id])),
        )
    console.print(table)
    for field in ("unit", "status", "kind"):
        counts = Counter(str(getattr(fact, field)) for fact in gold.facts)
        breakdown = Table(title=f"by {field}")
        breakdown.add_column(field)
        breakdown.add_column("facts", justify="right")
        for value, count in counts.most_common():
            breakdown.add_row(value or '""', str(count))
        console.print(breakdown)


@gold_app.command()
def export(
    out: Annotated[
        Path, typer.Option("--out", "-o", help="File to write (.csv, .parquet or .jsonl).")
    ],
    form: FormatOption = None,
    gold_dir: GoldDir = None,
) -> None:
    """Write the gold set as a table: CSV, Parquet or JSONL, chosen by the file's name."""
    with one_line_errors():
        check_output(out, "--out")
        chosen = choose_format(out, form)
        folder = gold_dir_of(gold_dir)
        gold = load_gold(folder)
        sources = {doc: source_of(document) for doc, document in gold.documents.items()}
        texts = {d: doc.text for d, doc in gold.documents.items() if doc.format == "txt"}
        write_rows(fact_rows(gold.facts, sources, texts), out, chosen)
    note(f"{len(gold.facts)} gold facts → {out} ({chosen.value})")


AGREEMENT_DIR = Path("evals/agreement")


@gold_app.command()
def agreement(
    second: Annotated[
        Path | None,
        typer.Option(
            help="The second reading (JSONL of facts). "
            "Default: evals/agreement/second_reading.jsonl in the project."
        ),
    ] = None,
    sample: Annotated[
        Path | None,
        typer.Option(
            help="The sampled ranges (JSON). Default: evals/agreement/sample.json in the project."
        ),
    ] = None,
    gold_dir: GoldDir = None,
) -> None:
    """How far an independent second reading of sampled passages agrees with the gold."""
    from llmx.agreement import Range
    from llmx.agreement import agreement as measure

    with one_line_errors():
        folder = workspace().root / AGREEMENT_DIR
        second = second or folder / "second_reading.jsonl"
        sample = sample or folder / "sample.json"
        gold = load_gold(gold_dir_of(gold_dir))
        try:
            ranges = [Range(**entry) for entry in _read_json(sample)["ranges"]]
        except (KeyError, TypeError) as error:
            raise InputError(
                f"{sample}: ranges: needs a list of {{doc, start, end}} objects ({error})"
            ) from None
        result = measure(gold.facts, read_facts(second), ranges)
    characters = sum(r.end - r.start for r in ranges)
    typer.echo(
        f"sample: {len(ranges)} ranges, {characters} characters; "
        f"gold {len(result.first)} facts, second reading {len(result.second)}, "
        f"agreeing {len(result.matches)}"
    )
    typer.echo(
        f"precision {_percent(result.precision)}  recall {_percent(result.recall)}  "
        f"F1 {_percent(result.f1)}"
    )
    differences = (("only in gold", result.only_first), ("only in second", result.only_second))
    for label, facts in differences:
        for fact in facts:
            typer.echo(
                f"{label}: {fact.doc} [{fact.start}:{fact.end}] {fact.text} = "
                f"{fact.value:g} {fact.unit}"
            )


def _lines(path: Path) -> list[str]:
    if not path.exists():
        return []
    return [line for line in read_text_file(path).splitlines() if line.strip()]


def _percent(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.3f}"


def _read_json(path: Path) -> dict[str, Any]:
    try:
        loaded = json.loads(read_text_file(path))
    except json.JSONDecodeError as error:
        raise InputError(f"{path}:{error.lineno}: not valid JSON ({error.msg})") from None
    if not isinstance(loaded, dict):
        raise InputError(f"{path}: not a JSON object, but a {type(loaded).__name__}")
    return loaded


def register(app: typer.Typer) -> None:
    app.add_typer(gold_app, name="gold")
