"""The model extractor: every section of every document asked of a model, concurrently,
each answer cached, grounded in the section's text and turned into facts.

A section whose call fails is reported in the stats' failures while every other section
keeps its facts; the CLI turns failures into a non-zero exit.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import contextlib
import logging
import os
import signal
import sys
from collections.abc import Callable, Coroutine, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar

from pydantic import BaseModel

from llmx.coverage import coverage_of, total, unread_spans, worth_a_look
from llmx.documents import Document
from llmx.errors import CacheMiss, ModelError
from llmx.extraction import Extraction, ProgressCallback
from llmx.facts import Fact
from llmx.llm.batch import BatchSource
from llmx.llm.cache import ResponseCache, cache_key, content_hash
from llmx.llm.client import Completion, request_body
from llmx.llm.grounding import Grounded, Grounding, ground
from llmx.llm.modes import ExtractionMode
from llmx.llm.plan import Job, Part, pack
from llmx.llm.prices import spent_line
from llmx.llm.prompts import PromptTemplate
from llmx.llm.schemas import NUMERAL, repairs_of
from llmx.llm.sources import AnswerSource, LiveSource, Outcome, Validator
from llmx.llm.views import section_view
from llmx.record import Coverage, Price, RunLimits, RunSpec, RunStats, SectionFailure
from llmx.rules import RulesExtractor
from llmx.sections import Section, split_sections
from llmx.settings import ExtractorSettings

T = TypeVar("T")
log = logging.getLogger(__name__)


def _usage_count(usage: Mapping[str, Any], name: str) -> int:
    value = usage.get(name)
    return value if isinstance(value, int) and value >= 0 else 0


class LLMExtractor:
    """Implements `Extractor` with a model behind an OpenAI-compatible API.

    The model path is plan (sections → requests, llmx.llm.plan) → answers (the cache, then
    a source: live or batch, llmx.llm.sources) → grounding (each section's facts)."""

    def __init__(
        self,
        *,
        settings: ExtractorSettings,
        mode: ExtractionMode,
        prompt: PromptTemplate,
        cache: ResponseCache,
        env: Mapping[str, str] | None = None,
        notify: Callable[[str], None] | None = None,
    ) -> None:
        self.name = mode.name
        self.settings = settings
        self.model = settings.model_name
        self.mode = mode
        self.prompt = prompt
        self.cache = cache
        self.offline = settings.offline
        self._env = env if env is not None else os.environ
        self._notify = notify or log.info
        self.params = settings.params(prompt.params)
        # A prompt that quotes several sections is answered by section id.
        packed = mode.packed_schema if prompt.packing else None
        self.schema: type[BaseModel] = packed or mode.schema
        self.schema_hash = content_hash(self.schema.model_json_schema())[:16]
        self._rules = RulesExtractor() if mode.uses_candidates or mode.routed else None
        # A streamed job hands over this many documents at once, so that calls stay in
        # flight across documents rather than draining at the end of each (llmx.pipeline);
        # a batch takes every document, or each step would be a batch of its own.
        self.documents_per_step = (
            sys.maxsize if settings.batch else max(1, settings.concurrency // 4)
        )

    def describe(self) -> RunSpec:
        config = self.settings
        price = config.price
        return RunSpec(
            extractor=self.name,
            mode=self.mode.name,
            model=self.model,
            provider=config.provider,
            base_url=config.public_base_url,
            instructor_mode=config.instructor_mode.value,
            prompt=self.prompt.ref,
            prompt_hash=self.prompt.hash,
            schema_name=self.schema.__name__,
            schema_hash=self.schema_hash,
            params=self.params,
            limits=RunLimits(
                concurrency=config.concurrency,
                rpm=config.rpm,
                tpm=config.tpm,
                timeout=config.timeout,
                transport_retries=config.transport_retries,
                validation_retries=config.validation_retries,
                max_tokens=self.params.get("max_tokens"),
            ),
            price_per_million=Price(
                input=price.input,
                output=price.output,
                cached_input=price.cached_input,
                batch_discount=price.batch_discount if config.batch else None,
            ),
            offline=self.offline,
            cache_dir=str(self.cache.root),
            pack_tokens=config.pack_tokens if self.prompt.packing else 0,
            compact_schema=config.compact_schema,
            batch=config.batch,
        )

    def extract(
        self, documents: Sequence[Document], progress: ProgressCallback | None = None
    ) -> Extraction:
        return _run_blocking(self._extract(documents, progress))

    # --- building requests -------------------------------------------------------------

    def parts(self, documents: Sequence[Document]) -> tuple[list[Part], int]:
        """The sections to ask about (those that write a numeral; in rules-first mode, those
        the rules leave figures unread in), and how many there are in all."""
        plan = self.plan(documents)
        return plan.asked, plan.sections

    def plan(self, documents: Sequence[Document]) -> SectionPlan:
        """The sections asked, how many there are in all, and the facts the rules keep for
        the sections not asked (rules-first mode)."""
        plan = SectionPlan()
        for document in documents:
            read: list[tuple[Section, tuple[Fact, ...]]] = []
            for section in split_sections(document.id, document.text):
                plan.sections += 1
                # A section that writes no numeral at all has no fact to ask for.
                if not NUMERAL.search(section.text_of(document.text)):
                    continue
                rules = tuple(self._rules.extract_section(document, section)) if self._rules else ()
                read.append((section, rules))
            routed = _routed(document, read) if self.mode.routed else None
            for index, (section, rules) in enumerate(read):
                if routed is not None and index not in routed:
                    plan.kept.extend(rules)
                    continue
                candidates = rules if self.mode.uses_candidates else ()
                plan.asked.append(Part(document, section, candidates, fallback=rules))
        return plan

    def jobs(self, documents: Sequence[Document]) -> list[Job]:
        """The requests for the documents: one per section, or packed sections."""
        parts, _ = self.parts(documents)
        return [self.job(pack) for pack in self._packs(parts)]

    def _packs(self, parts: Sequence[Part]) -> list[tuple[Part, ...]]:
        budget = self.settings.pack_tokens if self.prompt.packing else 0
        return pack(parts, budget)

    def job(self, parts: tuple[Part, ...]) -> Job:
        """One request, built in full: its body and the identity its cache key is made of."""
        messages = self.prompt.render(
            *(section_view(part.document, part.section, part.candidates) for part in parts)
        )
        settings = self.settings
        body = request_body(
            messages,
            self.schema,
            settings.instructor_mode,
            self.model,
            self.params,
            compact_schema=settings.compact_schema,
        )
        identity: dict[str, Any] = {
            "model": self.model,
            "provider": settings.provider,
            # The prompt's mode: rules-first asks as llm does, and shares its answers.
            "mode": self.mode.prompt_mode,
            "instructor_mode": settings.instructor_mode.value,
            "prompt": self.prompt.ref,
            "prompt_hash": self.prompt.hash,
            "schema_hash": self.schema_hash,
            "params": self.params,
            "messages": messages,
        }
        if settings.compact_schema:
            identity["compact_schema"] = True  # the rest of the body follows from the above
        context = self.mode.validation_context(parts[0].candidates) if len(parts) == 1 else {}
        return Job(parts, body, identity, cache_key(identity), context)

    # --- running ------------------------------------------------------------------------

    async def _extract(
        self, documents: Sequence[Document], progress: ProgressCallback | None
    ) -> Extraction:
        plan = self.plan(documents)
        parts, total = plan.asked, plan.sections
        jobs = [self.job(pack) for pack in self._packs(parts)]
        stats = RunStats(sections=total, sections_asked=len(parts))
        price = self.describe().price_per_million
        if progress is not None:
            for _ in range(total - len(parts)):
                progress(spent_line(stats, price))
        validate = Validator(self.settings, self.schema)
        answers: dict[str, BaseModel] = {}
        for job in jobs:  # the cache, read once
            if job.key in answers:
                continue
            entry = self.cache.get(job.key)
            answer = validate(job, entry["response"]) if entry is not None else None
            if answer is not None and entry is not None:
                answers[job.key] = answer
                self._count_replayed(entry.get("usage"), stats)
        cached = set(answers)
        misses = list({job.key: job for job in jobs if job.key not in answers}.values())
        errors: dict[str, ModelError] = {}
        if misses and self.offline:
            absent = [job for job in misses if job.key not in self.cache]
            if absent:
                asked = sum(len(job.parts) for job in jobs)
                raise CacheMiss(
                    f"--offline: {sum(len(job.parts) for job in absent)} of {asked} sections "
                    f"have no cached answer in {self.cache.root} (first: {absent[0].where}); "
                    "run once without --offline"
                )
            for job in misses:  # cached, but the answer no longer validates
                errors[job.key] = ModelError(
                    "the cached answer no longer validates; run without --offline",
                    kind="StaleCache",
                )
            misses = []

        async def deliver(job: Job, outcome: Outcome) -> None:
            if isinstance(outcome, ModelError):
                errors[job.key] = outcome
            else:
                answers[job.key] = outcome.answer
                if outcome.completion is None:
                    stats.cache_hits += 1  # another process paid for it meanwhile
                else:
                    await self._store(job, outcome.completion, stats)
            if progress is not None:
                for _ in job.parts:
                    progress(spent_line(stats, price))

        if progress is not None:
            for job in jobs:
                if job.key in answers:
                    for _ in job.parts:
                        progress(spent_line(stats, price))
        live = LiveSource(self.settings, self.schema, self.cache, stats, self._env)
        source: AnswerSource = live
        if self.settings.batch:
            source = BatchSource(
                self.settings, self.schema, self.cache, stats, self._env, live, self._notify
            )
        interrupted = False
        try:
            with _stopped_by_sigterm():
                await source.answer(misses, deliver)
        except asyncio.CancelledError:
            # Ctrl-C or kill: keep what finished; the cache holds every answer paid for.
            interrupted = True
        finally:
            await live.aclose()
        # Requests answered without a call of their own: the cache's, and repeats of one
        # request by two sections (the same text under the same heading).
        seen: set[str] = set()
        facts: list[Fact] = list(plan.kept)
        failures: list[SectionFailure] = []
        for job in jobs:
            if job.key in seen or job.key in cached:
                stats.cache_hits += 1
            seen.add(job.key)
            if job.key in answers:
                answered = self._facts(job, answers[job.key], stats)
                facts.extend(answered)
                if self.mode.routed:  # the model did not see them: not having them is no verdict
                    facts.extend(
                        _untaken([fact for part in job.parts for fact in part.fallback], answered)
                    )
            elif job.key in errors:
                for part in job.parts:
                    failure = self._failure(part, errors[job.key])
                    failures.append(failure)
                    facts.extend(part.fallback if failure.fallback else ())
        if self.mode.routed:  # the rules' facts and the model's, in the documents' order
            order = {document.id: number for number, document in enumerate(documents)}
            facts.sort(key=lambda fact: (order[fact.doc], fact.start, fact.end))
        return Extraction(facts, stats, failures, interrupted=interrupted)

    def _count_replayed(self, usage: object, stats: RunStats) -> None:
        """Add what a cached answer cost when it was first asked (its entry's usage): with
        what this run paid, what the configuration costs afresh."""
        if not isinstance(usage, Mapping):
            return
        tokens_in, tokens_out = _usage_count(usage, "tokens_in"), _usage_count(usage, "tokens_out")
        stats.replayed_tokens_in += tokens_in
        stats.replayed_tokens_out += tokens_out
        stats.replayed_cost += self.settings.price.cost(tokens_in, tokens_out)
        seconds = usage.get("seconds")
        if isinstance(seconds, int | float):
            stats.replayed_seconds += float(seconds)

    def _failure(self, part: Part, error: ModelError) -> SectionFailure:
        """What a failed section records; in hybrid mode it keeps the rules' facts instead."""
        return SectionFailure(
            doc=part.document.id,
            section=part.section.id,
            error=error.kind,
            summary=str(error),
            message=error.detail,
            raw_answer=error.raw_answer,
            attempts=error.attempts,
            fallback="rules" if self.mode.uses_candidates or self.mode.routed else None,
        )

    async def _store(self, job: Job, completion: Completion, stats: RunStats) -> None:
        """Cache a validated answer (never a failure). A cache that cannot be written costs
        a warning, once, not the answer: the job goes on with it."""
        try:
            # In a thread, so the write's fsync does not hold up the other requests.
            await asyncio.to_thread(
                self.cache.put,
                job.key,
                request=job.identity,
                response=completion.raw,
                usage={**completion.tally.as_dict(), "first_seen": job.where},
            )
        except OSError as error:
            if not stats.cache_write_failures:
                log.warning(
                    "cannot write to the cache %s (%s); answers are used but not kept, "
                    "so a re-run pays for them again",
                    self.cache.root,
                    error.strerror or error,
                )
            stats.cache_write_failures += 1

    def _facts(self, job: Job, answer: BaseModel, stats: RunStats) -> list[Fact]:
        """The answer's proposals for each section, grounded in that section's text."""
        for repair in repairs_of(answer):
            stats.facts_proposed += 1
            stats.count_drop(f"invalid in the answer: {repair.kind}")
        if self.mode.unpack is None or self.schema is self.mode.schema:
            return self._section_facts(job.parts[0], answer, stats)
        by_section = self.mode.unpack(answer)
        facts: list[Fact] = []
        for part in job.parts:
            own = by_section.pop(part.section.id, None)
            if own is not None:
                facts.extend(self._section_facts(part, own, stats))
        for stray in by_section.values():  # facts for a section the request did not quote
            for _ in self.mode.proposals(stray, (), 0):
                stats.facts_proposed += 1
                stats.count_drop("section not in the request")
        return facts

    def _section_facts(self, part: Part, answer: BaseModel, stats: RunStats) -> list[Fact]:
        section = part.section
        grounding = ground(part.text, self.mode.proposals(answer, part.candidates, section.start))
        self._count(grounding, stats)
        return [self._fact(part, fact) for fact in grounding.facts]

    @staticmethod
    def _count(grounding: Grounding, stats: RunStats) -> None:
        stats.facts_proposed += len(grounding.facts) + len(grounding.dropped) + grounding.merged
        for dropped in grounding.dropped:
            stats.count_drop(dropped.kind.value)
        stats.merged += grounding.merged

    def _fact(self, part: Part, fact: Grounded) -> Fact:
        offset = part.section.start
        return Fact.model_validate(
            {
                "doc": part.document.id,
                "start": offset + fact.start,
                "end": offset + fact.end,
                "text": fact.text,
                "value": fact.value,
                "unit": fact.unit,
                "qualifier": fact.qualifier,
                "indicator": fact.indicator,
                "period": fact.period,
                "status": fact.status,
                "kind": fact.kind,
                "section": part.section.id,
                "extractor": self.name,
            }
        )


@dataclass
class SectionPlan:
    """What a model run does with the documents' sections."""

    asked: list[Part] = field(default_factory=list)
    sections: int = 0  # in all, asked or not
    kept: list[Fact] = field(default_factory=list)  # the rules' facts of sections not asked


def _routed(document: Document, read: Sequence[tuple[Section, Sequence[Fact]]]) -> set[int]:
    """Which of a document's sections (by index in `read`) rules-first asks: those the rules
    leave worth a look (llmx.coverage); or, where the document is worth a look but no section
    alone is (its unread figures spread thin), every section with a figure unread."""
    counts = [_section_coverage(document, section, facts) for section, facts in read]
    worth = {index for index, count in enumerate(counts) if worth_a_look(count)}
    if worth or not worth_a_look(total({str(index): count for index, count in enumerate(counts)})):
        return worth
    return {index for index, count in enumerate(counts) if count.unread}


def _section_coverage(document: Document, section: Section, facts: Sequence[Fact]) -> Coverage:
    text = section.text_of(document.text)
    spans = [(fact.start - section.start, fact.end - section.start) for fact in facts]
    return coverage_of(text, spans)


def _untaken(rules: Sequence[Fact], answered: Sequence[Fact]) -> list[Fact]:
    """The rules' facts on spans no fact of the model's answer touches."""
    free = set(unread_spans([fact.span for fact in rules], [fact.span for fact in answered]))
    return [fact for fact in rules if fact.span in free]


@contextlib.contextmanager
def _stopped_by_sigterm() -> Iterator[None]:
    """A `kill` (SIGTERM) stops the job as Ctrl-C does: the running task is cancelled, and
    the sections finished are kept. Only where signals can be handled (the main thread)."""
    loop, task = asyncio.get_running_loop(), asyncio.current_task()
    try:
        loop.add_signal_handler(signal.SIGTERM, task.cancel if task else lambda: None)
    except (NotImplementedError, RuntimeError, ValueError):
        yield
        return
    try:
        yield
    finally:
        loop.remove_signal_handler(signal.SIGTERM)


def _run_blocking(coroutine: Coroutine[Any, Any, T]) -> T:
    """Run a coroutine to completion from sync code, even inside a running event loop."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return asyncio.run(coroutine)
    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, coroutine).result()
