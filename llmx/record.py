"""The run record: what ran, how it went, what failed — one versioned, typed model.

Shaped after inspect_ai's `EvalLog`: `spec` says what ran (extractor, mode, model, prompt and
its hash, sampling parameters, the configured limits, the documents), `stats` counts how it
went (sections, calls, cache hits, tokens, cost, facts proposed, dropped and why), `status`
says whether every section was extracted (`complete`), some were not (`partial`), none were
(`failed`) or the job was stopped (`interrupted`); `failures` holds one record per section
that did not get its facts the normal way, and `unreadable` the input files that could not
be read. A run folder stores it as `run.json` (everything but the failures) and
`failures.jsonl` (one failure a line); `llmx eval`, `report`, `compare`, the baselines and
the templates read it back as this same type, never as a dict.

`RECORD_VERSION` changes whenever a field changes meaning; `RunRecord.model_validate`
accepts every older run.json, written before the record was typed (version 0), by
translating it once, here.
"""

from __future__ import annotations

from collections import Counter
from enum import StrEnum
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, computed_field, field_validator, model_validator

RECORD_VERSION = 1


class RunStatus(StrEnum):
    complete = "complete"  # every section extracted as configured
    partial = "partial"  # some sections failed or fell back; the rest are in facts.jsonl
    failed = "failed"  # no section could be extracted as configured
    interrupted = "interrupted"  # the job was stopped before it finished


class _Record(BaseModel):
    # Unknown keys are kept rather than refused: a newer llmx's run.json still loads.
    model_config = ConfigDict(extra="ignore")


class RunLimits(_Record):
    """The limits a run was configured with, apart from what it counted."""

    concurrency: int | None = None
    rpm: int | None = None
    tpm: int | None = None
    timeout: float | None = None
    transport_retries: int | None = None
    validation_retries: int | None = None
    max_tokens: int | None = None


class Price(_Record):
    """US dollars per million tokens; cached prompt tokens at their own rate (None: the
    input rate); batch answers at `batch_discount` of the live price."""

    input: float = 0.0
    output: float = 0.0
    cached_input: float | None = None
    batch_discount: float | None = None


class DocumentSource(_Record):
    """A document of a run as a person knows it: its title and the file it was read from."""

    title: str
    path: str | None = None


class Coverage(_Record):
    """A document's figures (numbers in digits that could state a quantity) and how many of
    them no fact took (llmx.coverage)."""

    figures: int = Field(default=0, ge=0)
    unread: int = Field(default=0, ge=0)

    @model_validator(mode="after")
    def _unread_are_figures(self) -> Coverage:
        if self.unread > self.figures:
            raise ValueError(f"{self.unread} figures unread of {self.figures}")
        return self


class RunSpec(_Record):
    """What ran: enough to tell two runs apart and to replay one."""

    extractor: str
    mode: str
    model: str | None = None
    provider: str | None = None
    base_url: str | None = None  # without credentials or query
    instructor_mode: str | None = None
    prompt: str | None = None  # name@vN
    prompt_hash: str | None = None
    schema_name: str | None = None
    schema_hash: str | None = None
    params: dict[str, float | int | str | bool | None] = Field(default_factory=dict)
    limits: RunLimits = Field(default_factory=RunLimits)
    price_per_million: Price = Field(default_factory=Price)
    offline: bool = False
    cache_dir: str | None = None
    # How requests were made: sections packed up to this many tokens (0: one each), the
    # schema sent without descriptions, answers through the Batch API.
    pack_tokens: int = 0
    compact_schema: bool = False
    batch: bool = False
    documents: list[str] = Field(default_factory=list)
    # The format each document was read as (txt, md, html, docx, pdf), by id: what
    # `llmx eval` names when it scores another rendering than the gold's.
    formats: dict[str, str] = Field(default_factory=dict)
    # Per document id: its title and file, for tables, reports and exports.
    sources: dict[str, DocumentSource] = Field(default_factory=dict)


class FreshCost(_Record):
    """A configuration's cost as if no answer had been cached."""

    calls: int
    tokens_in: int
    tokens_out: int
    cost: float
    call_seconds: float


class RunStats(_Record):
    """What a run counted. Mutable: an extractor fills it in as it goes."""

    documents: int = 0
    sections: int = 0
    sections_asked: int = 0  # sections with a number in them, asked of a model
    sections_failed: int = 0  # no facts for them
    sections_fallback: int = 0  # facts from the rules instead of the model's answer
    facts: int = 0
    calls: int = 0
    cache_hits: int = 0
    requests: int = 0  # HTTP requests, transport retries included
    transport_retries: int = 0  # requests repeated after a 429, 5xx, timeout or drop
    validation_retries: int = 0  # re-asks after an answer failed validation
    tokens_in: int = 0
    tokens_out: int = 0
    tokens_cached: int = 0  # prompt tokens the provider's prefix cache served (usage)
    cost: float = 0.0
    batch_answers: int = 0  # requests answered through the Batch API
    batches: list[str] = Field(default_factory=list)  # the Batch API's ids of this run
    cache_write_failures: int = 0  # answers used but not stored (read-only or full disk)
    call_seconds: float = 0.0  # the calls' latencies added up (they overlap in time)
    # What the answers replayed from the cache cost when they were first asked, from the
    # usage each cache entry keeps: added to the counts above, what this configuration costs
    # run afresh, so two configurations compare fairly however warm the cache was for each.
    replayed_tokens_in: int = 0
    replayed_tokens_out: int = 0
    replayed_cost: float = 0.0
    replayed_seconds: float = 0.0
    facts_proposed: int = 0
    merged: int = 0  # proposals that landed on a span another proposal already had
    # Proposals dropped, by reason ("quote not in the section", "value not stated", …).
    dropped: dict[str, int] = Field(default_factory=dict)

    @computed_field  # type: ignore[prop-decorator]
    @property
    def dropped_ungrounded(self) -> int:
        return sum(self.dropped.values())

    @computed_field  # type: ignore[prop-decorator]
    @property
    def hallucination_rate(self) -> float:
        return self.dropped_ungrounded / self.facts_proposed if self.facts_proposed else 0.0

    @property
    def fresh(self) -> FreshCost:
        """What the run would have spent with an empty cache."""
        return FreshCost(
            calls=self.calls + self.cache_hits,
            tokens_in=self.tokens_in + self.replayed_tokens_in,
            tokens_out=self.tokens_out + self.replayed_tokens_out,
            cost=self.cost + self.replayed_cost,
            call_seconds=self.call_seconds + self.replayed_seconds,
        )

    def count_drop(self, reason: str) -> None:
        self.dropped[reason] = self.dropped.get(reason, 0) + 1

    def add(self, other: RunStats) -> None:
        """Count `other`'s figures in too (a job's total over its steps)."""
        for name in type(self).model_fields:
            mine, theirs = getattr(self, name), getattr(other, name)
            if isinstance(mine, dict):
                for reason, count in theirs.items():
                    mine[reason] = mine.get(reason, 0) + count
            else:
                setattr(self, name, mine + theirs)


class SectionFailure(_Record):
    """One section that did not get its facts as configured, and everything about why."""

    doc: str
    section: str
    error: str  # the error's class: ConnectionFailed, ValidationError, HTTP 401, …
    summary: str  # one line: what went wrong, naming the field and reason where there is one
    message: str  # in full, every line of it
    raw_answer: str | None = None  # the last answer that failed validation, as the model sent it
    attempts: int = 0  # answers received (validation attempts) or requests made
    fallback: Literal["rules"] | None = None  # what the section got instead, if anything

    @property
    def where(self) -> str:
        return f"{self.doc} §{self.section}"

    @property
    def line(self) -> str:
        """The failure on one line: where, and what went wrong."""
        return f"{self.where}: {self.summary}"

    @property
    def kind(self) -> str:
        """What groups failures in a summary: the class, plus the fallback when there is one."""
        return f"{self.error} (fell back to rules)" if self.fallback else self.error


class Unreadable(_Record):
    """An input file that could not be read, and why."""

    path: str
    reason: str


class PartlyRead(_Record):
    """An input file that was read, with something in it the reader could not read."""

    path: str
    warning: str


class RunRecord(_Record):
    """A run: `run.json` plus `failures.jsonl` of a run folder."""

    version: int = RECORD_VERSION
    id: str
    name: str | None = None
    llmx_version: str = ""
    status: RunStatus = RunStatus.complete
    spec: RunSpec
    stats: RunStats = Field(default_factory=RunStats)
    started: str | None = None
    finished: str | None = None
    wall_seconds: float | None = None
    # Stored in failures.jsonl, not run.json: a failure holds a full message and raw answer.
    failures: list[SectionFailure] = Field(default_factory=list, exclude=True)
    unreadable: list[Unreadable] = Field(default_factory=list)
    partly_read: list[PartlyRead] = Field(default_factory=list)
    # Per document id: its figures and how many no fact took (llmx.coverage); empty in runs
    # made before llmx counted them.
    coverage: dict[str, Coverage] = Field(default_factory=dict)

    @property
    def label(self) -> str:
        return self.name or self.id

    @property
    def usable(self) -> bool:
        """Does facts.jsonl hold what the configuration would extract (no gap, no stand-in)?"""
        return self.status is RunStatus.complete

    def failure_kinds(self) -> list[tuple[str, int, SectionFailure]]:
        """Failures grouped by kind: (kind, count, first example), most frequent first."""
        counts = Counter(failure.kind for failure in self.failures)
        first: dict[str, SectionFailure] = {}
        for failure in self.failures:
            first.setdefault(failure.kind, failure)
        return [(kind, count, first[kind]) for kind, count in counts.most_common()]

    @model_validator(mode="before")
    @classmethod
    def _upgrade(cls, data: Any) -> Any:
        if isinstance(data, dict) and "spec" not in data and "version" not in data:
            return _from_version_0(data)
        return data

    @field_validator("version")
    @classmethod
    def _known(cls, version: int) -> int:
        # A newer llmx's record may mean what this one cannot read: say so, not misread it.
        if version > RECORD_VERSION:
            raise ValueError(
                f"written by a newer llmx (record version {version}; this one reads up to "
                f"{RECORD_VERSION}); upgrade llmx"
            )
        return version


def status_of(stats: RunStats, failures: list[SectionFailure] | None = None) -> RunStatus:
    """complete, partial or failed, from what the sections got: from the failures, or when
    they are not at hand (a streamed job keeps them on disk), from their counts in `stats`."""
    if failures is None:
        lost, fell_back = stats.sections_failed, stats.sections_fallback
    else:
        lost = sum(1 for failure in failures if failure.fallback is None)
        fell_back = len(failures) - lost
    if not lost and not fell_back:
        return RunStatus.complete
    asked = stats.sections_asked or stats.sections
    if lost and lost >= asked:
        return RunStatus.failed
    return RunStatus.partial


# --- run.json before the record was typed ------------------------------------------------


def _from_version_0(data: dict[str, Any]) -> dict[str, Any]:
    """A run.json of llmx before RECORD_VERSION 1: one flat dict of description and counts."""
    prompt = data.get("prompt")
    if isinstance(prompt, dict):
        prompt = prompt.get("ref") or prompt.get("name")
    spec = {
        "extractor": str(data.get("extractor") or "?"),
        "mode": str(data.get("mode") or data.get("extractor") or "?"),
        "model": data.get("model"),
        "provider": data.get("provider"),
        "base_url": data.get("base_url"),
        "instructor_mode": data.get("instructor_mode"),
        "prompt": prompt,
        "prompt_hash": data.get("prompt_hash"),
        "schema_name": data.get("schema"),
        "schema_hash": data.get("schema_hash"),
        "params": data.get("params") or {},
        "limits": {
            key: data.get(key)
            for key in RunLimits.model_fields
            if isinstance(data.get(key), int | float)
        },
        "offline": bool(data.get("offline", False)),
        "cache_dir": data.get("cache_dir"),
        "documents": [str(doc) for doc in data.get("documents") or []],
    }
    counts = {
        key: data[key]
        for key in RunStats.model_fields
        if key != "dropped" and isinstance(data.get(key), int | float)
    }
    if isinstance(data.get("dropped_ungrounded"), int) and data["dropped_ungrounded"]:
        counts["dropped"] = {"not grounded (reason not recorded)": data["dropped_ungrounded"]}
    old_failures = [str(failure) for failure in data.get("failures") or []]
    failures = [_old_failure(line) for line in old_failures]
    counts["sections_failed"] = len(failures)
    if isinstance(data.get("facts"), int):
        counts["facts"] = data["facts"]
    stats = RunStats.model_validate(counts)
    return {
        "version": 0,
        "id": str(data.get("id") or ""),
        "name": data.get("name"),
        "llmx_version": str(data.get("llmx_version") or ""),
        "status": status_of(stats, failures),
        "spec": spec,
        "stats": stats,
        "started": data.get("started"),
        "finished": data.get("finished"),
        "wall_seconds": data.get("wall_seconds"),
        "failures": failures,
    }


def _old_failure(line: str) -> SectionFailure:
    """ "doc §id: message", as version 0 wrote a failure."""
    where, _, message = line.partition(": ")
    doc, _, section = where.partition(" §")
    return SectionFailure(
        doc=doc, section=section, error="unknown", summary=message or line, message=message or line
    )
