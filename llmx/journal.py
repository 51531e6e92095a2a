"""A run's journal: `documents.jsonl`, one line per step of finished documents.

A job appends the facts and failures of its documents to `facts.jsonl` and `failures.jsonl`
as each step finishes (one document, or a few the model path asks about together), then one
line here: which input files the step covered, which documents they gave, which could not be
read, what it counted, and how long the two files were after it. A line is written only
after what it vouches for, so whatever kills the job, every whole line is true; a resumed
job cuts both files back to the last line's lengths (dropping a half-written tail) and
carries on with the first file no line covers.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from pydantic import BaseModel, ValidationError

from llmx.errors import InputError, first_problem
from llmx.record import Coverage, DocumentSource, PartlyRead, RunStats, Unreadable

JOURNAL_FILE = "documents.jsonl"


class Step(BaseModel):
    """One step of a job: some input files, read and extracted, their results on disk."""

    paths: list[str]  # every input file the step covered, in input order
    documents: list[str]  # ids of the documents read from them
    formats: dict[str, str] = {}  # the format each was read as (txt, html, pdf…), by id
    sources: dict[str, DocumentSource] = {}  # each one's title and file, by id
    unreadable: list[Unreadable] = []
    partly_read: list[PartlyRead] = []
    coverage: dict[str, Coverage] = {}  # each document's figures and those no fact took, by id
    stats: RunStats
    facts_bytes: int  # length of facts.jsonl once this step's facts were appended
    failures_bytes: int  # length of failures.jsonl likewise
    seconds: float = 0.0  # from the step before this one being written to this one


def append_step(path: Path, step: Step) -> None:
    """Add a step's line; flushed to the operating system, so a killed process keeps it."""
    derived = {"stats": {"dropped_ungrounded", "hallucination_rate"}}  # computed on load
    line = step.model_dump_json(exclude_defaults=True, exclude=derived) + "\n"
    with path.open("a", encoding="utf-8") as handle:
        handle.write(line)


def read_steps(path: Path) -> Iterator[Step]:
    """The journal's whole lines, in order; a last line cut off mid-write is not a step."""
    if not path.is_file():
        return
    with path.open("rb") as handle:
        for number, raw in enumerate(handle, 1):
            if not raw.endswith(b"\n"):
                return  # torn by a kill: its step never finished
            try:
                yield Step.model_validate(json.loads(raw))
            except (ValueError, ValidationError) as error:
                problem = first_problem(error) if isinstance(error, ValidationError) else error
                raise InputError(f"{path}:{number}: not a journal line: {problem}") from None
