"""Delimited text (`.csv`, `.tsv`), as open-data portals publish a table: read with the
standard library's csv module (quoted fields, doubled quotes, commas inside figures such as
"1,250,179,188"), its first row the header. The document is that one table in the canonical
layout (pipe rows, the header separated), each cell located by its row and column, so the
table readers read it as they read an HTML or Word table.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from llmx.documents import Document, read_text_file
from llmx.errors import InputError
from llmx.locations import Locator
from llmx.readers.canonical import GridCell, TextBuilder

# A comma-separated file, unless its suffix says tabs.
_DELIMITERS = {".csv": ",", ".tsv": "\t"}


def read(path: Path) -> Document:
    source, encoding = read_text_file(path)
    delimiter = _DELIMITERS.get(path.suffix.lower(), ",")
    try:
        records = list(csv.reader(io.StringIO(source, newline=""), delimiter=delimiter))
    except csv.Error as error:
        raise InputError(f"{path}: not a well-formed delimited file ({error})") from None
    numbered = [
        (number, record)
        for number, record in enumerate(records, start=1)
        if any(field.strip() for field in record)
    ]
    if not numbered:
        raise InputError(f"{path}: the file has no rows")
    builder = TextBuilder()
    rows = [
        [GridCell(field.strip(), element=f"record {number}") for field in record]
        for number, record in numbered
    ]
    builder.table(rows, header_rows=1, locator=Locator())
    return builder.document(
        path,
        encoding=encoding,
        format=path.suffix.lower().lstrip("."),
        title=path.stem,
        empty="the file has no text in its fields",
    )
