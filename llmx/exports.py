"""Facts to take away: one flat row per fact, with its document's title and where in the
source file it is, written as CSV, Parquet or JSONL.

The format comes from `--format` or from the file name; when both are given they must
agree, so a `.csv` file never holds Parquet bytes. Every file is written atomically.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Mapping, Sequence
from enum import StrEnum
from pathlib import Path

from pydantic import BaseModel, ConfigDict

from llmx.atomic import write_text_atomic
from llmx.errors import InputError, OutputError
from llmx.facts import Fact
from llmx.record import DocumentSource


class ExportFormat(StrEnum):
    csv = "csv"
    parquet = "parquet"
    jsonl = "jsonl"


SUFFIXES = {
    ".csv": ExportFormat.csv,
    ".parquet": ExportFormat.parquet,
    ".pq": ExportFormat.parquet,
    ".jsonl": ExportFormat.jsonl,
    ".ndjson": ExportFormat.jsonl,
}


class FactRow(BaseModel):
    """A fact as a row of a table: the standard's fields, then what a reader needs to find it."""

    model_config = ConfigDict(frozen=True)

    doc: str
    title: str
    start: int
    end: int
    text: str
    value: float
    unit: str
    qualifier: str | None
    indicator: str
    period: str | None
    status: str
    kind: str
    section: str | None
    extractor: str | None
    source_file: str | None
    line: int | None  # 1-based line of the span's start in a plain-text source
    page: int | None
    element: str | None
    table: int | None
    row: int | None
    column: int | None


COLUMNS = tuple(FactRow.model_fields)


def choose_format(out: Path, given: ExportFormat | None) -> ExportFormat:
    """The format to write `out` in: as given, else from its suffix; a mismatch is refused."""
    implied = SUFFIXES.get(out.suffix.lower())
    if given is None:
        if implied is None:
            known = ", ".join(SUFFIXES)
            raise InputError(f"{out}: cannot tell the format from its name ({known}); add --format")
        return implied
    if implied is not None and implied is not given:
        raise InputError(
            f"{out}: the name says {implied.value} but --format is {given.value}; "
            f"name it {out.with_suffix('.' + given.value).name} or drop --format"
        )
    return given


def fact_rows(
    facts: Iterable[Fact],
    sources: Mapping[str, DocumentSource],
    texts: Mapping[str, str],
) -> list[FactRow]:
    """Rows for `facts`: titles and files from `sources`, and the line of each span counted
    in `texts`, the texts of the plain-text documents (where a line is a line of the file)."""
    rows: list[FactRow] = []
    for fact in facts:
        source = sources.get(fact.doc)
        text = texts.get(fact.doc)
        locator = fact.source
        rows.append(
            FactRow(
                **fact.model_dump(exclude={"source"}),
                title=source.title if source is not None else fact.doc,
                source_file=source.path if source is not None else None,
                line=text.count("\n", 0, fact.start) + 1 if text is not None else None,
                page=locator.page if locator else None,
                element=locator.element if locator else None,
                table=locator.table if locator else None,
                row=locator.row if locator else None,
                column=locator.column if locator else None,
            )
        )
    return rows


def write_rows(rows: Sequence[FactRow], out: Path, form: ExportFormat) -> None:
    if form is ExportFormat.parquet:
        _write_parquet(rows, out)
    elif form is ExportFormat.csv:
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(row.model_dump() for row in rows)
        write_text_atomic(out, buffer.getvalue())
    else:
        write_text_atomic(
            out, "".join(json.dumps(row.model_dump(), ensure_ascii=False) + "\n" for row in rows)
        )


def _write_parquet(rows: Sequence[FactRow], out: Path) -> None:
    # datasets is heavy to import; only Parquet needs it.
    from llmx.datasets_io import export_parquet, rows_dataset

    try:
        export_parquet(rows_dataset([row.model_dump() for row in rows], COLUMNS), out)
    except OSError as error:
        raise OutputError(f"{out}: cannot write ({error.strerror or error})") from None
