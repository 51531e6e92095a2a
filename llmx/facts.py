"""The fact record of the labelling standard (ANNOTATION.md, section 2).

Gold, extractor output and scoring all speak this one type.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from llmx.errors import InputError, first_problem
from llmx.locations import Locator
from llmx.textfiles import read_text_file

Status = Literal["actual", "target"]
Kind = Literal["level", "change", "share"]


class Fact(BaseModel):
    """One stated quantity, grounded to the span of the document it came from."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    doc: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str
    value: float
    unit: str
    qualifier: str | None = None
    indicator: str
    period: str | None = None
    status: Status
    kind: Kind
    # Not part of the standard's record: where the fact came from, for runs and reports.
    section: str | None = None
    extractor: str | None = None
    # Where the span sits in the source file (PDF page, table cell…); never in gold.
    source: Locator | None = None

    @field_validator("value")
    @classmethod
    def _finite(cls, value: float) -> float:
        if not math.isfinite(value):
            raise ValueError(f"value {value} is not a finite number")
        return value

    @model_validator(mode="after")
    def _span_is_ordered(self) -> Fact:
        if self.end <= self.start:
            raise ValueError(f"span [{self.start}:{self.end}] is empty or reversed")
        return self

    @property
    def span(self) -> tuple[int, int]:
        return (self.start, self.end)


def read_facts(path: Path) -> list[Fact]:
    """Read a JSONL file of facts; a missing file or a bad line is an InputError naming it,
    the line, the field and the reason."""
    if not path.is_file():
        raise InputError(f"{path}: no such file")
    facts: list[Fact] = []
    for number, line in enumerate(read_text_file(path).splitlines(), 1):
        if not line.strip():
            continue
        try:
            facts.append(Fact.model_validate_json(line))
        except ValidationError as error:
            raise InputError(f"{path}:{number}: not a fact: {first_problem(error)}") from None
    return facts


def facts_to_jsonl(facts: Iterable[Fact]) -> Iterator[str]:
    """One JSON line per fact, non-ASCII kept readable; `source` only where it is known, and
    then only the locator fields the format knows."""
    for fact in facts:
        record = fact.model_dump(exclude_none=False, exclude={"source"})
        if fact.source is not None:
            record["source"] = fact.source.model_dump(exclude_none=True)
        yield json.dumps(record, ensure_ascii=False) + "\n"
