"""Asking a model for a validated answer: openai for transport, instructor for structure.

instructor shapes the request for the chosen mode (tools, JSON schema, JSON, markdown JSON),
parses and validates the answer, and re-asks with the validation error when it fails. The
transport underneath it is ours: each HTTP request goes through the pacer and tenacity's
transport retries, and is tallied (requests, tokens from the API's usage). The raw chat
completion that validated is returned with the answer so the cache can store it as sent.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, cast

import instructor
import openai
from instructor.core.exceptions import (
    IncompleteOutputException,
    InstructorError,
    InstructorRetryException,
)
from openai.types.chat import ChatCompletion
from pydantic import BaseModel, ValidationError
from tenacity import AsyncRetrying, retry_if_exception, stop_after_attempt

from llmx.errors import ModelError, first_problem
from llmx.llm.config import InstructorMode, ModelConfig
from llmx.llm.pacing import Pacer
from llmx.llm.retrying import BackoffOrRetryAfter, MalformedResponse, is_transient
from llmx.llm.schemas import VALIDATION_CONTEXT

# instructor logs each failed attempt at ERROR; we report failures ourselves, once, per
# section. A NullHandler keeps Python's last-resort handler from printing them to stderr.
logging.getLogger("instructor").addHandler(logging.NullHandler())

INSTRUCTOR_MODES: dict[InstructorMode, instructor.Mode] = {
    InstructorMode.tools: instructor.Mode.TOOLS,
    InstructorMode.json_schema: instructor.Mode.JSON_SCHEMA,
    InstructorMode.json: instructor.Mode.JSON,
    InstructorMode.md_json: instructor.Mode.MD_JSON,
}

Messages = Sequence[Mapping[str, str]]


@dataclass
class Tally:
    """What one section's call cost: HTTP requests, retries, completions received, tokens."""

    requests: int = 0
    retries: int = 0  # transport retries: requests repeated after a transient failure
    completions: int = 0
    tokens_in: int = 0
    tokens_out: int = 0

    def as_dict(self) -> dict[str, int]:
        return {
            "requests": self.requests,
            "retries": self.retries,
            "completions": self.completions,
            "tokens_in": self.tokens_in,
            "tokens_out": self.tokens_out,
        }


@dataclass(frozen=True)
class Completion:
    answer: BaseModel
    raw: dict[str, Any]
    tally: Tally


@lru_cache(maxsize=16)
def _prepared(schema: type[BaseModel]) -> type[Any]:
    return instructor.response_schema(schema)


def parse_completion(
    raw: Mapping[str, Any],
    schema: type[BaseModel],
    mode: InstructorMode,
    context: Mapping[str, Any] | None = None,
) -> BaseModel:
    """Parse and validate a stored raw completion exactly as a live one is parsed.

    Raises pydantic's ValidationError (or ValueError) when it no longer validates.
    """
    completion = ChatCompletion.model_validate(dict(raw))
    try:
        answer: BaseModel = _prepared(schema).from_response(
            completion,
            validation_context=dict(context or {}),
            strict=False,
            mode=INSTRUCTOR_MODES[mode],
        )
    except InstructorError as error:  # e.g. a stored answer cut off at max_tokens
        raise ValueError(str(error)) from error
    return answer


class ModelClient:
    """One OpenAI-compatible endpoint, used by every section of a run."""

    def __init__(self, config: ModelConfig, api_key: str, pacer: Pacer | None = None) -> None:
        self._config = config
        self._secret = api_key
        self._pacer = pacer or Pacer()
        # The SDK's own retries are off: ours are the only ones, so they can be counted.
        self._openai = openai.AsyncOpenAI(
            api_key=api_key, base_url=config.base_url, timeout=config.timeout, max_retries=0
        )

    async def aclose(self) -> None:
        await self._openai.close()

    async def complete(
        self,
        messages: Messages,
        schema: type[BaseModel],
        params: Mapping[str, Any],
        context: Mapping[str, Any] | None = None,
        tally: Tally | None = None,
    ) -> Completion:
        """A validated answer, or ModelError saying why there is none.

        `tally` counts what the call spent, also when it fails: failed calls cost money too.
        """
        tally = tally if tally is not None else Tally()
        create = cast(
            Callable[..., Awaitable[Any]],
            instructor.patch(
                create=self._transport(tally), mode=INSTRUCTOR_MODES[self._config.instructor_mode]
            ),
        )
        # Set for this task only: concurrent sections each see their own.
        token = VALIDATION_CONTEXT.set(dict(context or {}))
        try:
            answer = await create(
                # Prepared once per schema: instructor would otherwise build a new pydantic
                # class and its JSON schema on every call (milliseconds each, per section).
                response_model=_prepared(schema),
                messages=[dict(message) for message in messages],
                model=self._config.model,
                max_retries=self._config.validation_retries,
                strict=False,  # lax: "5.2" is 5.2, not a paid re-ask
                **params,
            )
        except Exception as error:
            raise self._failure(error, tally, params.get("max_tokens")) from None
        finally:
            VALIDATION_CONTEXT.reset(token)
        raw = cast(ChatCompletion, answer._raw_response)
        return Completion(answer, raw.model_dump(mode="json", exclude_unset=True), tally)

    def _transport(self, tally: Tally) -> Callable[..., Awaitable[ChatCompletion]]:
        config = self._config

        async def send(**request: Any) -> ChatCompletion:
            retrying = AsyncRetrying(
                stop=stop_after_attempt(config.transport_retries + 1),
                wait=BackoffOrRetryAfter(config.backoff_initial, config.backoff_max),
                retry=retry_if_exception(is_transient),
                reraise=True,
            )
            async for attempt in retrying:
                with attempt:
                    await self._pacer.before_request(request)
                    tally.requests += 1
                    if attempt.retry_state.attempt_number > 1:
                        tally.retries += 1
                    # The SDK's documented raw `post`: the body instructor prepared goes out as
                    # is. `chat.completions.create` would first walk every message and schema
                    # against its typed parameters, milliseconds of CPU per call that, at high
                    # concurrency, hold up every other section's request.
                    response = await self._openai.post(
                        "/chat/completions", cast_to=ChatCompletion, body=request
                    )
                    if not isinstance(response, ChatCompletion) or not response.choices:
                        raise MalformedResponse("the server's answer is not a chat completion")
                    tally.completions += 1
                    usage = response.usage
                    tally.tokens_in += usage.prompt_tokens if usage else 0
                    tally.tokens_out += usage.completion_tokens if usage else 0
                    await self._pacer.after_response(usage.completion_tokens if usage else 0)
                    return response
            raise AssertionError("tenacity either returns or re-raises")

        return send

    def _failure(self, error: Exception, tally: Tally, max_tokens: object) -> ModelError:
        """Why there is no answer: one line, its kind, the full detail and the raw answer."""
        cause: BaseException = error
        if isinstance(error, InstructorRetryException) and error.__cause__ is not None:
            cause = error.__cause__
        raw = _raw_answer(getattr(error, "last_completion", None))
        if isinstance(cause, IncompleteOutputException):
            return self._error(
                f"the answer was cut off at max_tokens={max_tokens}; "
                "raise --max-tokens or split the section",
                "IncompleteOutput",
                raw_answer=raw or _raw_answer(cause.last_completion),
                attempts=tally.completions,
            )
        if is_transient(cause):
            return self._error(
                f"{_describe(cause)} after {tally.requests} requests (transport retries spent)",
                _kind(cause),
                attempts=tally.requests,
            )
        if isinstance(cause, openai.APIStatusError):
            return self._error(
                f"{_describe(cause)} (not retried)", _kind(cause), attempts=tally.requests
            )
        if tally.completions:
            full = str(cause).strip()
            if isinstance(cause, ValidationError):
                first = first_problem(cause)
            else:
                first = full.splitlines()[0] if full else ""
            return self._error(
                f"answer failed validation after {tally.completions} attempts: "
                f"{type(cause).__name__}: {first}",
                type(cause).__name__,
                detail=full,
                raw_answer=raw,
                attempts=tally.completions,
            )
        return self._error(_describe(cause), _kind(cause), attempts=tally.requests)

    def _error(
        self,
        message: str,
        kind: str,
        *,
        detail: str | None = None,
        raw_answer: str | None = None,
        attempts: int = 0,
    ) -> ModelError:
        return ModelError(
            self._redacted(message),
            kind=kind,
            detail=self._redacted(detail if detail is not None else message),
            raw_answer=None if raw_answer is None else self._redacted(raw_answer),
            attempts=attempts,
        )

    def _redacted(self, message: str) -> str:
        """Belt and braces: a server that echoes the key must not get it into a report."""
        if len(self._secret) >= 6:
            message = message.replace(self._secret, "***")
        return message


def _raw_answer(completion: object) -> str | None:
    """What the model wrote in a chat completion: its tool call's arguments, or its text."""
    if not isinstance(completion, ChatCompletion) or not completion.choices:
        return None
    message = completion.choices[0].message
    calls = message.tool_calls or []
    for call in calls:
        arguments = getattr(getattr(call, "function", None), "arguments", None)
        if isinstance(arguments, str):
            return arguments
    return message.content


def _kind(error: BaseException) -> str:
    if isinstance(error, openai.APIStatusError):
        return f"HTTP {error.status_code}"
    if isinstance(error, openai.APITimeoutError):
        return "Timeout"
    if isinstance(error, openai.APIConnectionError):
        return "ConnectionFailed"
    return type(error).__name__


def _describe(error: BaseException) -> str:
    if isinstance(error, openai.APIStatusError):
        return f"HTTP {error.status_code} from the model server"
    if isinstance(error, openai.APITimeoutError):
        return "request timed out"
    if isinstance(error, openai.APIConnectionError):
        return "connection failed"
    text = str(error).strip().splitlines()
    return f"{type(error).__name__}: {text[0]}" if text else type(error).__name__
