"""The model extractor: every section of every document asked of a model, concurrently,
each answer cached, grounded in the section's text and turned into facts.

A section whose call fails is reported in the stats' failures while every other section
keeps its facts; the CLI turns failures into a non-zero exit.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import logging
import os
from collections.abc import Callable, Coroutine, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from pydantic import BaseModel

from llmx.documents import Document
from llmx.errors import CacheMiss, ModelError, ServerError
from llmx.extraction import Extraction, ProgressCallback
from llmx.facts import Fact
from llmx.llm.cache import ResponseCache, cache_key, content_hash
from llmx.llm.client import Completion, ModelClient, Tally, parse_completion
from llmx.llm.config import ModelConfig
from llmx.llm.grounding import Grounded, Grounding, ground
from llmx.llm.modes import ExtractionMode
from llmx.llm.pacing import Pacer
from llmx.llm.prompts import PromptTemplate
from llmx.llm.schemas import NUMERAL, repairs_of
from llmx.llm.views import section_view
from llmx.record import Price, RunLimits, RunSpec, RunStats, SectionFailure
from llmx.rules import RulesExtractor
from llmx.sections import Section, split_sections

T = TypeVar("T")
log = logging.getLogger(__name__)


def _spend(stats: RunStats, tally: Tally, cost: float) -> None:
    """Add what one call spent, failed or not: failed calls cost money too."""
    stats.calls += 1
    stats.requests += tally.requests
    stats.transport_retries += tally.retries
    stats.validation_retries += max(tally.completions - 1, 0)
    stats.tokens_in += tally.tokens_in
    stats.tokens_out += tally.tokens_out
    stats.cost += cost


def _status_line(stats: RunStats, where: str) -> str:
    return (
        f"{where} · {stats.calls} calls · {stats.cache_hits} cached · "
        f"{stats.tokens_in}+{stats.tokens_out} tokens · ${stats.cost:.4f}"
    )


@dataclass(frozen=True)
class _Job:
    document: Document
    section: Section
    candidates: tuple[Fact, ...]
    messages: list[dict[str, str]]
    identity: dict[str, Any]
    key: str

    @property
    def where(self) -> str:
        return f"{self.document.id} §{self.section.id}"


class LLMExtractor:
    """Implements `Extractor` with a model behind an OpenAI-compatible API."""

    def __init__(
        self,
        *,
        config: ModelConfig,
        mode: ExtractionMode,
        prompt: PromptTemplate,
        cache: ResponseCache,
        offline: bool = False,
        concurrency: int = 4,
        rpm: int | None = None,
        tpm: int | None = None,
        env: Mapping[str, str] | None = None,
    ) -> None:
        self.name = mode.name
        self.config = config
        self.mode = mode
        self.prompt = prompt
        self.cache = cache
        self.offline = offline
        self.concurrency = max(1, concurrency)
        self.rpm = rpm
        self.tpm = tpm
        self._env = env if env is not None else os.environ
        self.params = config.params(prompt.params)
        self.schema_hash = content_hash(mode.schema.model_json_schema())[:16]
        self._rules = RulesExtractor() if mode.uses_candidates else None
        # A streamed job hands over this many documents at once, so that calls stay in
        # flight across documents rather than draining at the end of each (llmx.pipeline).
        self.documents_per_step = max(1, self.concurrency // 4)

    def describe(self) -> RunSpec:
        config = self.config
        return RunSpec(
            extractor=self.name,
            mode=self.mode.name,
            model=config.model,
            provider=config.provider,
            base_url=config.public_base_url,
            instructor_mode=config.instructor_mode.value,
            prompt=self.prompt.ref,
            prompt_hash=self.prompt.hash,
            schema_name=self.mode.schema.__name__,
            schema_hash=self.schema_hash,
            params=self.params,
            limits=RunLimits(
                concurrency=self.concurrency,
                rpm=self.rpm,
                tpm=self.tpm,
                timeout=config.timeout,
                transport_retries=config.transport_retries,
                validation_retries=config.validation_retries,
                max_tokens=self.params.get("max_tokens"),
            ),
            price_per_million=Price(input=config.price.input, output=config.price.output),
            offline=self.offline,
            cache_dir=str(self.cache.root),
        )

    def extract(
        self, documents: Sequence[Document], progress: ProgressCallback | None = None
    ) -> Extraction:
        return _run_blocking(self._extract(documents, progress))

    # --- building requests -------------------------------------------------------------

    def jobs(self, documents: Sequence[Document]) -> list[_Job]:
        """One request per section, with the identity its cache key is made from."""
        jobs: list[_Job] = []
        for document in documents:
            for section in split_sections(document.id, document.text):
                candidates = (
                    tuple(self._rules.extract_section(document, section)) if self._rules else ()
                )
                messages = self.prompt.render(section_view(document, section, candidates))
                identity = {
                    "model": self.config.model,
                    "provider": self.config.provider,
                    "mode": self.mode.name,
                    "instructor_mode": self.config.instructor_mode.value,
                    "prompt": self.prompt.ref,
                    "prompt_hash": self.prompt.hash,
                    "schema_hash": self.schema_hash,
                    "params": self.params,
                    "messages": messages,
                }
                jobs.append(
                    _Job(document, section, candidates, messages, identity, cache_key(identity))
                )
        return jobs

    # --- running ------------------------------------------------------------------------

    async def _extract(
        self, documents: Sequence[Document], progress: ProgressCallback | None
    ) -> Extraction:
        jobs = self.jobs(documents)
        stats = RunStats(sections=len(jobs))
        # A section that writes no numeral at all (an empty opening, say) has no fact to ask for.
        asked = [job for job in jobs if NUMERAL.search(job.section.text_of(job.document.text))]
        if progress is not None:
            for _ in range(len(jobs) - len(asked)):
                progress(_status_line(stats, "(sections with no number skipped)"))
        jobs = asked
        cached = {job.key: self.cache.get(job.key) for job in jobs}  # read once, used below
        misses = [job for job in jobs if cached[job.key] is None]
        if misses and self.offline:
            raise CacheMiss(
                f"--offline: {len(misses)} of {len(jobs)} sections have no cached answer in "
                f"{self.cache.root} (first: {misses[0].where}); run once without --offline"
            )
        clients: list[ModelClient] = []

        def client() -> ModelClient:
            # Made once, on first need; a missing API key is a ConfigError for the whole run.
            if not clients:
                pacer = Pacer(self.rpm, self.tpm)
                clients.append(ModelClient(self.config, self.config.api_key(self._env), pacer))
            return clients[0]

        if misses:
            client()  # fail fast on a missing key, before any section is read
        gate = asyncio.Semaphore(self.concurrency)
        # Two sections can make the very same request (the same text under the same heading);
        # the second waits for the first's answer instead of paying for it again.
        answers: dict[str, asyncio.Future[BaseModel]] = {}
        failures: list[SectionFailure] = []
        finished: dict[int, list[Fact]] = {}
        # Set by the first section whose server says the whole job cannot work: no further
        # section sends a request.
        halted: list[ServerError] = []

        async def run(index: int, job: _Job) -> None:
            async with gate:
                if halted:
                    return
                try:
                    if job.key in answers:
                        answer = await answers[job.key]
                        stats.cache_hits += 1  # answered without a call of its own
                    else:
                        answers[job.key] = asyncio.ensure_future(
                            self._answer(job, cached[job.key], client, stats)
                        )
                        answer = await answers[job.key]
                    finished[index] = self._facts(job, answer, stats)
                except ModelError as error:
                    failure = self._failure(job, error)
                    failures.append(failure)
                    finished[index] = list(job.candidates) if failure.fallback else []
                except ServerError as error:
                    halted.append(error)
                    raise
                finally:
                    if progress is not None:
                        progress(_status_line(stats, job.where))

        stats.sections_asked = len(jobs)
        interrupted = False
        try:
            await asyncio.gather(*(run(index, job) for index, job in enumerate(jobs)))
        except asyncio.CancelledError:
            # Ctrl-C: keep what finished; the cache holds every answer already paid for.
            interrupted = True
        finally:
            for made in clients:
                await made.aclose()
        facts = [fact for index in sorted(finished) for fact in finished[index]]
        return Extraction(facts, stats, failures, interrupted=interrupted)

    def _failure(self, job: _Job, error: ModelError) -> SectionFailure:
        """What a failed section records; in hybrid mode it keeps the rules' facts instead."""
        return SectionFailure(
            doc=job.document.id,
            section=job.section.id,
            error=error.kind,
            summary=str(error),
            message=error.detail,
            raw_answer=error.raw_answer,
            attempts=error.attempts,
            fallback="rules" if self.mode.uses_candidates else None,
        )

    async def _answer(
        self,
        job: _Job,
        entry: Mapping[str, Any] | None,
        client: Callable[[], ModelClient],
        stats: RunStats,
    ) -> BaseModel:
        """The validated answer for a section: replayed from the cache, else asked for."""
        answer = self._replayed(job, entry) if entry is not None else None
        if answer is not None:
            stats.cache_hits += 1
            return answer
        if self.offline:
            raise ModelError(
                "the cached answer no longer validates; run without --offline",
                kind="StaleCache",
            )
        # Another llmx sharing this cache may be asking the same question: wait for it
        # rather than pay twice, then use its answer.
        async with self.cache.claim(job.key):
            entry = await asyncio.to_thread(self.cache.get, job.key)
            answer = self._replayed(job, entry) if entry is not None else None
            if answer is not None:
                stats.cache_hits += 1
                return answer
            tally = Tally()
            try:
                completion = await client().complete(
                    job.messages, self.mode.schema, self.params, self._context(job), tally
                )
            finally:
                _spend(stats, tally, self.config.price.cost(tally.tokens_in, tally.tokens_out))
            await self._store(job, completion, tally, stats)
        return completion.answer

    async def _store(
        self, job: _Job, completion: Completion, tally: Tally, stats: RunStats
    ) -> None:
        """Cache a validated answer (never a failure). A cache that cannot be written costs
        a warning, once, not the answer: the job goes on with it."""
        try:
            # In a thread, so the write's fsync does not hold up the other sections.
            await asyncio.to_thread(
                self.cache.put,
                job.key,
                request=job.identity,
                response=completion.raw,
                usage={**tally.as_dict(), "first_seen": job.where},
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

    def _facts(self, job: _Job, answer: BaseModel, stats: RunStats) -> list[Fact]:
        """The answer's proposals grounded in the section's text, as facts of the document."""
        section = job.section
        text = section.text_of(job.document.text)
        grounding = ground(text, self.mode.proposals(answer, job.candidates, section.start))
        self._count(grounding, stats)
        for repair in repairs_of(answer):
            stats.facts_proposed += 1
            stats.count_drop(f"invalid in the answer: {repair.kind}")
        return [self._fact(job, fact) for fact in grounding.facts]

    def _replayed(self, job: _Job, entry: Mapping[str, Any]) -> BaseModel | None:
        """The cached answer parsed and validated as a live one would be, if it still is."""
        try:
            return parse_completion(
                entry["response"], self.mode.schema, self.config.instructor_mode, self._context(job)
            )
        except ValueError:
            return None  # validators changed since it was stored: ask again

    def _context(self, job: _Job) -> dict[str, Any]:
        return self.mode.validation_context(job.candidates)

    @staticmethod
    def _count(grounding: Grounding, stats: RunStats) -> None:
        stats.facts_proposed += len(grounding.facts) + len(grounding.dropped) + grounding.merged
        for dropped in grounding.dropped:
            stats.count_drop(dropped.kind.value)
        stats.merged += grounding.merged

    def _fact(self, job: _Job, fact: Grounded) -> Fact:
        offset = job.section.start
        return Fact.model_validate(
            {
                "doc": job.document.id,
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
                "section": job.section.id,
                "extractor": self.name,
            }
        )


def _run_blocking(coroutine: Coroutine[Any, Any, T]) -> T:
    """Run a coroutine to completion from sync code, even inside a running event loop."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return asyncio.run(coroutine)
    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, coroutine).result()
