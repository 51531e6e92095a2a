"""Gold and runs as Hugging Face `datasets`, for filtering, joining and Parquet export."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

import datasets
from datasets import Dataset

from llmx.facts import Fact

# datasets draws progress bars of its own, in its own style, for every conversion; llmx
# reports what it wrote in one line instead.
datasets.disable_progress_bars()

_COLUMNS = (
    "doc",
    "start",
    "end",
    "text",
    "value",
    "unit",
    "qualifier",
    "indicator",
    "period",
    "status",
    "kind",
    "section",
    "extractor",
)


def facts_dataset(facts: Iterable[Fact]) -> Dataset:
    """A Dataset with one row per fact and the standard's columns, in a fixed order."""
    rows = [fact.model_dump() for fact in facts]
    return Dataset.from_dict({column: [row[column] for row in rows] for column in _COLUMNS})


def rows_dataset(rows: Sequence[Mapping[str, Any]], columns: Sequence[str]) -> Dataset:
    """A Dataset of plain rows, with `columns` in that order."""
    return Dataset.from_dict({column: [row[column] for row in rows] for column in columns})


def jsonl_dataset(path: Path) -> Dataset:
    """A Dataset read straight from a JSONL file of facts."""
    return Dataset.from_json(str(path))


def export_parquet(dataset: Dataset, path: Path) -> None:
    """Write Parquet through a temporary file, so a failed export leaves nothing behind."""
    temporary = path.with_name(f".{path.name}.tmp")
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        dataset.to_parquet(str(temporary))
        temporary.replace(path)
    finally:
        temporary.unlink(missing_ok=True)
