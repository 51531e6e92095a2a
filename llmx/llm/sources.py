"""Where answers come from: the cache, a live call, or a batch (llmx.llm.batch).

A source is handed the requests the cache could not answer and delivers, for each, a
validated answer or the ModelError saying why there is none. What happens to an answer next
(the cache, grounding, facts) is the extractor's and the same whatever the source.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from pydantic import BaseModel

from llmx.errors import ModelError, ServerError
from llmx.llm.cache import ResponseCache
from llmx.llm.client import Completion, ModelClient, Tally, parse_completion
from llmx.llm.pacing import Pacer
from llmx.llm.plan import Job
from llmx.record import RunStats
from llmx.settings import ExtractorSettings

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Answered:
    """A validated answer; `completion` is None when it came from the cache."""

    answer: BaseModel
    completion: Completion | None = None


Outcome = Answered | ModelError
Deliver = Callable[[Job, Outcome], Awaitable[None]]


class AnswerSource(Protocol):
    async def answer(self, jobs: Sequence[Job], deliver: Deliver) -> None:
        """Deliver an outcome for every job (a ServerError stops them all)."""


def spend(stats: RunStats, tally: Tally, cost: float) -> None:
    """Add what one request spent, failed or not: failed calls cost money too."""
    stats.calls += 1
    stats.requests += tally.requests
    stats.transport_retries += tally.retries
    stats.validation_retries += max(tally.completions - 1, 0)
    stats.tokens_in += tally.tokens_in
    stats.tokens_out += tally.tokens_out
    stats.tokens_cached += tally.tokens_cached
    stats.cost += cost
    stats.call_seconds += tally.seconds


class Validator:
    """Parses a stored or batch answer exactly as a live one is parsed and validated."""

    def __init__(self, settings: ExtractorSettings, schema: type[BaseModel]) -> None:
        self.settings = settings
        self.schema = schema

    def __call__(self, job: Job, response: Mapping[str, Any]) -> BaseModel | None:
        try:
            return parse_completion(
                response, self.schema, self.settings.instructor_mode, job.context
            )
        except ValueError:
            return None  # validators changed since it was stored, or it never validated


class LiveSource:
    """Each request asked of the model now, up to the configured concurrency."""

    def __init__(
        self,
        settings: ExtractorSettings,
        schema: type[BaseModel],
        cache: ResponseCache,
        stats: RunStats,
        env: Mapping[str, str],
    ) -> None:
        self.settings = settings
        self.schema = schema
        self.cache = cache
        self.stats = stats
        self._env = env
        self._validate = Validator(settings, schema)
        self._client: ModelClient | None = None

    def client(self) -> ModelClient:
        """Made once, on first need; a missing API key is a ConfigError for the whole run."""
        if self._client is None:
            pacer = Pacer(self.settings.rpm, self.settings.tpm)
            self._client = ModelClient(self.settings, self.settings.api_key(self._env), pacer)
        return self._client

    async def aclose(self) -> None:
        if self._client is not None:
            await self._client.aclose()

    async def answer(self, jobs: Sequence[Job], deliver: Deliver) -> None:
        if not jobs:
            return
        self.client()  # fail fast on a missing key, before any request is sent
        gate = asyncio.Semaphore(self.settings.concurrency)
        # Set by the first request whose server says the whole job cannot work: no further
        # request is sent.
        halted: list[ServerError] = []

        async def one(job: Job) -> None:
            async with gate:
                if halted:
                    return
                # Another llmx sharing this cache may be asking the same question: wait for
                # it rather than pay twice. The claim is held until the answer is delivered
                # (and so cached), or the waiting process would find the cache still empty.
                async with self.cache.claim(job.key):
                    try:
                        outcome: Outcome = await self._ask(job)
                    except ModelError as error:
                        outcome = error
                    except ServerError as error:
                        halted.append(error)
                        raise
                    await deliver(job, outcome)

        await asyncio.gather(*(one(job) for job in jobs))

    async def _ask(self, job: Job) -> Answered:
        """The answer another process cached while this one waited for the claim, else a
        live call."""
        entry = await asyncio.to_thread(self.cache.get, job.key)
        answer = self._validate(job, entry["response"]) if entry is not None else None
        if answer is not None:
            return Answered(answer)
        tally = Tally()
        clock = time.perf_counter()
        try:
            completion = await self.client().complete(job.body, self.schema, job.context, tally)
        finally:
            tally.seconds = time.perf_counter() - clock
            price = self.settings.price
            cost = price.cost(tally.tokens_in, tally.tokens_out, cached=tally.tokens_cached)
            spend(self.stats, tally, cost)
        return Answered(completion.answer, completion)
