"""Answers through the provider's Batch API: half the price, within a day.

The requests the cache could not answer go into one JSONL input file (custom_id = the cache
key, body = the very body a live call posts), uploaded to /v1/files; a batch is created on
/v1/batches and polled until it ends; its output and error files are downloaded, and every
answer is validated, cached and grounded as a live one is. Lines that failed or did not
validate are asked again live, or in one follow-up batch (`batch_retry`).

A batch is written down in the cache folder (`batches/<input file id>.json`) before it is
created, and forgotten only once its answers are cached: a process that exits while a batch
runs leaves it there, and the same command run again picks it up instead of paying again —
also when the process died between creating the batch and noting its id (the batch is then
found among the server's by its input file).
"""

from __future__ import annotations

import asyncio
import contextlib
import json
from collections.abc import Callable, Mapping, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal

import httpx2
import openai
from openai.types import Batch
from openai.types.chat import ChatCompletion
from pydantic import BaseModel, ValidationError

from llmx.atomic import write_text_atomic
from llmx.errors import ModelError, ServerError
from llmx.llm.cache import ResponseCache
from llmx.llm.client import CONNECT_TIMEOUT, Completion, Tally
from llmx.llm.plan import Job
from llmx.llm.sources import Answered, Deliver, LiveSource, Validator, spend
from llmx.record import RunStats
from llmx.settings import ExtractorSettings

ENDPOINT: Literal["/v1/chat/completions"] = "/v1/chat/completions"
PENDING_DIR = "batches"  # under the cache folder
_ENDED = frozenset({"completed", "expired", "cancelled"})
LIST_LIMIT = 100  # batches looked through for one whose record was not finished


class PendingBatch(BaseModel):
    """A batch created (or about to be) and not yet collected: enough to pick it up from
    another process. Written down before the batch is created, so a process that dies in
    between leaves the input file's id, by which the batch is found again (or made)."""

    id: str | None = None
    input_file_id: str
    base_url: str
    model: str
    keys: list[str]
    created: str


class BatchSource:
    """Answers for many requests at once, through /v1/files and /v1/batches."""

    def __init__(
        self,
        settings: ExtractorSettings,
        schema: type[BaseModel],
        cache: ResponseCache,
        stats: RunStats,
        env: Mapping[str, str],
        live: LiveSource,
        notify: Callable[[str], None],
    ) -> None:
        self.settings = settings
        self.cache = cache
        self.stats = stats
        self._env = env
        self._live = live
        self._notify = notify
        self._validate = Validator(settings, schema)
        self.folder = cache.root / PENDING_DIR

    async def answer(self, jobs: Sequence[Job], deliver: Deliver) -> None:
        if not jobs:
            return
        settings = self.settings
        client = openai.AsyncOpenAI(
            api_key=settings.api_key(self._env),
            base_url=settings.base_url,
            timeout=httpx2.Timeout(settings.timeout, connect=CONNECT_TIMEOUT),
            max_retries=settings.transport_retries,
        )
        try:
            todo = {job.key: job for job in jobs}
            failed: list[Job] = []
            for pending in self.pending():
                mine = [todo.pop(key) for key in pending.keys if key in todo]
                if mine:
                    if pending.id is None:
                        pending = await self._create(client, pending)
                    self._notify(f"picking up batch {pending.id} ({len(mine)} requests)")
                    failed += await self._collect(client, pending, mine, deliver)
            if todo:
                pending = await self._start(client, list(todo.values()))
                failed += await self._collect(client, pending, list(todo.values()), deliver)
            if failed and settings.batch_retry == "batch":
                self._notify(f"{len(failed)} batch answers failed; asking them in a new batch")
                pending = await self._start(client, failed)
                failed = await self._collect(client, pending, failed, deliver)
                for job in failed:
                    await deliver(job, _line_failure(f"no answer in batch {pending.id}"))
            elif failed:
                self._notify(f"{len(failed)} batch answers failed; asking them live")
                await self._live.answer(failed, deliver)
        finally:
            await client.close()

    # --- the batch's life ----------------------------------------------------------------

    async def _start(self, client: openai.AsyncOpenAI, jobs: Sequence[Job]) -> PendingBatch:
        """Upload the input file and create the batch; written down before anything else."""
        lines = "".join(
            json.dumps(
                {"custom_id": job.key, "method": "POST", "url": ENDPOINT, "body": job.body},
                ensure_ascii=False,
            )
            + "\n"
            for job in jobs
        )
        upload = await self._call(
            "upload the batch input file",
            client.files.create(file=("llmx-batch.jsonl", lines.encode("utf-8")), purpose="batch"),
        )
        pending = PendingBatch(
            input_file_id=upload.id,
            base_url=self.settings.public_base_url,
            model=self.settings.model_name,
            keys=[job.key for job in jobs],
            created=datetime.now(UTC).isoformat(timespec="seconds"),
        )
        self._write(pending)
        return await self._create(client, pending, fresh=True)

    async def _create(
        self, client: openai.AsyncOpenAI, pending: PendingBatch, *, fresh: bool = False
    ) -> PendingBatch:
        """The batch of a written-down input file: found among the server's batches when a
        process died just after creating it, else created now (a `fresh` upload has none)."""
        for batch_id in [] if fresh else await self._batches_of(client, pending.input_file_id):
            self._notify(f"found batch {batch_id} of {pending.input_file_id}")
            return self._write(pending.model_copy(update={"id": batch_id}))
        batch: Batch = await self._call(
            "create a batch",
            client.batches.create(
                input_file_id=pending.input_file_id,
                endpoint=ENDPOINT,
                completion_window="24h",
                metadata={"made_by": "llmx extract"},
            ),
        )
        self._notify(f"batch {batch.id} created: {len(pending.keys)} requests")
        return self._write(pending.model_copy(update={"id": batch.id}))

    async def _batches_of(self, client: openai.AsyncOpenAI, input_file_id: str) -> list[str]:
        """The ids of the server's batches made from an input file, among its newest
        (the one sought was made minutes after the file)."""
        found: list[str] = []
        try:
            page = await client.batches.list(limit=LIST_LIMIT)
            for batch in page.data:
                if batch.input_file_id == input_file_id and batch.status not in (
                    "failed",
                    "expired",
                    "cancelled",
                ):
                    found.append(batch.id)
        except openai.APIError:
            return []  # a server that cannot list its batches: make one
        return found

    def _write(self, pending: PendingBatch) -> PendingBatch:
        write_text_atomic(self._path(pending), pending.model_dump_json(indent=2) + "\n")
        return pending

    async def _collect(
        self,
        client: openai.AsyncOpenAI,
        pending: PendingBatch,
        jobs: Sequence[Job],
        deliver: Deliver,
    ) -> list[Job]:
        """Wait for the batch to end, deliver every answer that validates, and return the
        jobs that got none."""
        assert pending.id is not None, "a batch is created before it is collected"
        batch = await self._until_ended(client, pending.id)
        by_key = {job.key: job for job in jobs}
        answered: set[str] = set()
        for line in await self._lines(client, batch.output_file_id):
            job = by_key.get(str(line.get("custom_id")))
            if job is None or job.key in answered:
                continue
            completion = self._completion(job, line)
            if completion is not None:
                answered.add(job.key)
                await deliver(job, Answered(completion.answer, completion))
        errors = await self._lines(client, batch.error_file_id)
        if errors:
            self._notify(f"batch {pending.id}: {len(errors)} lines failed ({_said(errors[0])})")
        if pending.id not in self.stats.batches:
            self.stats.batches.append(pending.id)
        self._forget(pending)  # every answer it had is cached now
        return [job for job in jobs if job.key not in answered]

    async def _until_ended(self, client: openai.AsyncOpenAI, batch_id: str) -> Batch:
        shown = ""
        while True:
            batch: Batch = await self._call(
                f"look at batch {batch_id}", client.batches.retrieve(batch_id)
            )
            counts = batch.request_counts
            line = f"batch {batch_id}: {batch.status}" + (
                f", {counts.completed + counts.failed}/{counts.total} answered"
                if counts and counts.total
                else ""
            )
            if line != shown:
                self._notify(line)
                shown = line
            if batch.status in _ENDED:
                return batch
            if batch.status == "failed":
                for pending in self.pending():
                    if pending.id == batch_id:
                        self._forget(pending)
                problems = [
                    f"line {error.line}: {error.message}" if error.line else str(error.message)
                    for error in (batch.errors.data or [] if batch.errors else [])
                ]
                raise ServerError(
                    f"batch {batch_id} failed: "
                    + ("; ".join(problems[:3]) or "the server gave no reason")
                )
            await asyncio.sleep(self.settings.batch_poll)

    def _completion(self, job: Job, line: Mapping[str, Any]) -> Completion | None:
        """A batch line's answer, validated as a live one, and what it cost; None when the
        line failed or its answer does not validate."""
        response = line.get("response") or {}
        if line.get("error") or response.get("status_code") != 200:
            return None
        raw = response.get("body")
        try:
            completion = ChatCompletion.model_validate(raw)
        except ValidationError:
            return None
        tally = Tally(completions=1)
        tally.count(completion.usage)
        price = self.settings.price
        cost = price.cost(tally.tokens_in, tally.tokens_out, cached=tally.tokens_cached, batch=True)
        spend(self.stats, tally, cost)
        self.stats.batch_answers += 1
        stored = completion.model_dump(mode="json", exclude_unset=True)
        answer = self._validate(job, stored)
        return None if answer is None else Completion(answer, stored, tally)

    async def _lines(self, client: openai.AsyncOpenAI, file_id: str | None) -> list[dict[str, Any]]:
        if not file_id:
            return []
        content = await self._call("download the batch output", client.files.content(file_id))
        lines: list[dict[str, Any]] = []
        for text in content.text.splitlines():
            with contextlib.suppress(ValueError):
                line = json.loads(text)
                if isinstance(line, dict):
                    lines.append(line)
        return lines

    async def _call(self, what: str, request: Any) -> Any:
        """A files or batches call; the server refusing it stops the job, on one line."""
        try:
            return await request
        except openai.APIStatusError as error:
            raise ServerError(
                f"{self.settings.public_base_url} would not {what} (HTTP {error.status_code}): "
                "does it offer the Batch API? run without --batch"
            ) from None
        except openai.APIConnectionError:
            raise ServerError(
                f"cannot reach {self.settings.public_base_url} to {what}; run the same "
                "command again later: a batch already created is picked up, not paid again"
            ) from None

    # --- batches written down ------------------------------------------------------------

    def pending(self) -> list[PendingBatch]:
        """Batches this model and server were given and not yet collected, oldest first."""
        found: list[PendingBatch] = []
        for path in sorted(self.folder.glob("*.json")) if self.folder.is_dir() else []:
            try:
                pending = PendingBatch.model_validate_json(path.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                continue
            if (pending.base_url, pending.model) == (
                self.settings.public_base_url,
                self.settings.model_name,
            ):
                found.append(pending)
        return sorted(found, key=lambda pending: pending.created)

    def _path(self, pending: PendingBatch) -> Path:
        """Named by the input file: it exists before the batch does."""
        name = pending.input_file_id
        safe = "".join(char if char.isalnum() or char in "-_" else "_" for char in name)
        return self.folder / f"{safe}.json"

    def _forget(self, pending: PendingBatch) -> None:
        with contextlib.suppress(FileNotFoundError):
            self._path(pending).unlink()


def _said(line: Mapping[str, Any]) -> str:
    """What an error-file line says went wrong, briefly."""
    response = line.get("response") or {}
    body = response.get("body") if isinstance(response, dict) else None
    error = line.get("error") or (body.get("error") if isinstance(body, dict) else None)
    message = error.get("message") if isinstance(error, dict) else None
    status = response.get("status_code") if isinstance(response, dict) else None
    parts = (f"HTTP {status}" if status else "", str(message or ""))
    return " ".join(part for part in parts if part) or "no reason given"


def _line_failure(message: str) -> ModelError:
    return ModelError(message, kind="BatchLineFailed", detail=message, attempts=1)
