"""Asking a model for a validated answer: openai for transport, instructor for structure.

instructor shapes the request for the chosen mode (tools, JSON schema, JSON, markdown JSON),
parses and validates the answer, and re-asks with the validation error when it fails. The
transport underneath it is ours: each HTTP request goes through the pacer and tenacity's
transport retries, and is tallied (requests, tokens from the API's usage). The raw chat
completion that validated is returned with the answer so the cache can store it as sent.
"""

from __future__ import annotations

import logging
import re
import socket
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import httpx2
import instructor
import openai
from instructor.core.exceptions import (
    IncompleteOutputException,
    InstructorError,
    InstructorRetryException,
)
from instructor.v2.core.response import handle_response_model
from openai.types import CompletionUsage
from openai.types.chat import ChatCompletion
from pydantic import BaseModel, ValidationError
from tenacity import AsyncRetrying, retry_if_exception, stop_after_attempt

from llmx.errors import ModelError, ServerError, first_problem, problem_line
from llmx.llm.pacing import Pacer
from llmx.llm.retrying import BackoffOrRetryAfter, MalformedResponse, is_transient
from llmx.llm.schemas import VALIDATION_CONTEXT
from llmx.settings import ExtractorSettings, InstructorMode

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
# Seconds to wait for a connection; and how many failed first contacts stop a job.
CONNECT_TIMEOUT = 5.0
FIRST_CONTACT_TRIES = 2


@dataclass
class Tally:
    """What one request's answer cost: HTTP requests, retries, completions received, tokens
    (and how many of the prompt tokens the provider's prefix cache served)."""

    requests: int = 0
    retries: int = 0  # transport retries: requests repeated after a transient failure
    completions: int = 0
    tokens_in: int = 0
    tokens_out: int = 0
    tokens_cached: int = 0
    seconds: float = 0.0  # from the first request to the answer: what a replay saves

    def count(self, usage: CompletionUsage | None) -> None:
        """Add a completion's `usage`: prompt, completion and cached prompt tokens."""
        if usage is None:
            return
        self.tokens_in += usage.prompt_tokens
        self.tokens_out += usage.completion_tokens
        details = usage.prompt_tokens_details
        self.tokens_cached += (details.cached_tokens or 0) if details else 0

    def as_dict(self) -> dict[str, int | float]:
        return {
            "requests": self.requests,
            "retries": self.retries,
            "completions": self.completions,
            "tokens_in": self.tokens_in,
            "tokens_out": self.tokens_out,
            "tokens_cached": self.tokens_cached,
            "seconds": round(self.seconds, 3),
        }


@dataclass(frozen=True)
class Completion:
    answer: BaseModel
    raw: dict[str, Any]
    tally: Tally


@lru_cache(maxsize=16)
def _prepared(schema: type[BaseModel]) -> type[Any]:
    return instructor.response_schema(schema)


def request_body(
    messages: Messages,
    schema: type[BaseModel],
    mode: InstructorMode,
    model: str,
    params: Mapping[str, Any],
    *,
    compact_schema: bool = False,
) -> dict[str, Any]:
    """The chat-completions request for `messages`, built without being sent: the live call,
    a batch file's line and the cache key all use this one body.

    instructor shapes it for the mode (the schema as a tool, a response format, or in the
    prompt). `compact_schema` drops the schema's descriptions, which the guideline already
    gives, from every request (tools and json_schema modes, where the schema travels apart).
    """
    _, body = handle_response_model(
        _prepared(schema),
        INSTRUCTOR_MODES[mode],
        messages=[dict(message) for message in messages],
        model=model,
        **params,
    )
    if compact_schema:
        for tool in body.get("tools", []):
            tool["function"]["parameters"] = _without_descriptions(tool["function"]["parameters"])
        response_format = body.get("response_format") or {}
        if isinstance(response_format.get("json_schema"), dict):
            inner = response_format["json_schema"]
            inner["schema"] = _without_descriptions(inner.get("schema", {}))
    return body


def _without_descriptions(schema: Any) -> Any:
    if isinstance(schema, dict):
        return {
            key: _without_descriptions(value)
            for key, value in schema.items()
            if key not in ("description", "title") or not isinstance(value, str)
        }
    if isinstance(schema, list):
        return [_without_descriptions(value) for value in schema]
    return schema


def parse_chat_completion(
    completion: ChatCompletion,
    schema: type[BaseModel],
    mode: InstructorMode,
    context: Mapping[str, Any] | None = None,
) -> BaseModel:
    """Parse and validate a chat completion into the schema, as instructor does.

    Raises pydantic's ValidationError, or instructor's errors (IncompleteOutputException
    for an answer cut off at max_tokens)."""
    # Validators that cannot see pydantic's context read it from here (concurrent
    # sections each set their own, in their own task).
    token = VALIDATION_CONTEXT.set(dict(context or {}))
    try:
        answer: BaseModel = _prepared(schema).from_response(
            completion,
            validation_context=dict(context or {}),
            strict=False,  # lax: "5.2" is 5.2, not a paid re-ask
            mode=INSTRUCTOR_MODES[mode],
        )
    finally:
        VALIDATION_CONTEXT.reset(token)
    return answer


def parse_completion(
    raw: Mapping[str, Any],
    schema: type[BaseModel],
    mode: InstructorMode,
    context: Mapping[str, Any] | None = None,
) -> BaseModel:
    """Parse and validate a stored raw completion exactly as a live one is parsed.

    Raises pydantic's ValidationError (or ValueError) when it does not validate.
    """
    try:
        completion = ChatCompletion.model_validate(dict(raw))
        return parse_chat_completion(completion, schema, mode, context)
    except InstructorError as error:  # e.g. a stored answer cut off at max_tokens
        raise ValueError(str(error)) from error


class ModelClient:
    """One OpenAI-compatible endpoint, used by every section of a run."""

    def __init__(self, config: ExtractorSettings, api_key: str, pacer: Pacer | None = None) -> None:
        self._config = config
        self._secret = api_key
        self._pacer = pacer or Pacer()
        # The SDK's own retries are off: ours are the only ones, so they can be counted.
        # Connecting gets a short timeout of its own: a server that is down must show in
        # seconds, whatever the (long) time allowed for an answer.
        self._openai = openai.AsyncOpenAI(
            api_key=api_key,
            base_url=config.base_url,
            timeout=httpx2.Timeout(config.timeout, connect=min(config.timeout, CONNECT_TIMEOUT)),
            max_retries=0,
        )
        # Until the server has answered once, failing to connect is the job's problem (a
        # wrong URL, a server that is down), not a section's: it stops the job.
        self._reached = False
        self._failed_contacts = 0

    async def aclose(self) -> None:
        await self._openai.close()

    async def complete(
        self,
        body: Mapping[str, Any],
        schema: type[BaseModel],
        context: Mapping[str, Any] | None = None,
        tally: Tally | None = None,
    ) -> Completion:
        """A validated answer to the request `body`, or ModelError saying why there is none.

        An answer that fails validation is asked again: the first messages plus a short note
        of what was wrong, so each prompt stays the size of the first. `tally` counts what
        the call spent, also when it fails: failed calls cost money too.
        """
        tally = tally if tally is not None else Tally()
        max_tokens = body.get("max_tokens")
        sent = dict(body)
        for attempt in range(1, self._config.validation_retries + 2):
            try:
                response = await self._send(sent, tally)
            except ServerError:
                raise
            except Exception as error:
                raise self._failure(error, tally, max_tokens) from None
            try:
                answer = parse_chat_completion(
                    response, schema, self._config.instructor_mode, context
                )
            except Exception as error:
                if (
                    isinstance(error, IncompleteOutputException)
                    or attempt > self._config.validation_retries
                ):
                    raise self._failure(error, tally, max_tokens, _raw_answer(response)) from None
                sent = {**body, "messages": [*body["messages"], _reask(error)]}
                continue
            return Completion(answer, response.model_dump(mode="json", exclude_unset=True), tally)
        raise AssertionError("the loop either returns or raises")

    async def _send(self, request: Mapping[str, Any], tally: Tally) -> ChatCompletion:
        """One chat completion for `request`, through the pacer and the transport retries."""
        config = self._config
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
                # The SDK's documented raw `post`: the body goes out as built.
                # `chat.completions.create` would first walk every message and schema
                # against its typed parameters, milliseconds of CPU per call that, at high
                # concurrency, hold up every other section's request.
                try:
                    response = await self._openai.post(
                        "/chat/completions", cast_to=ChatCompletion, body=dict(request)
                    )
                except openai.APIStatusError as error:
                    self._reached = True
                    stopper = self._job_stopper(error)
                    if stopper is None:
                        raise
                    raise stopper from None
                except openai.APIConnectionError as error:
                    stopper = self._first_contact(error)
                    if stopper is None:
                        raise
                    raise stopper from None
                self._reached = True
                if not isinstance(response, ChatCompletion) or not response.choices:
                    raise MalformedResponse("the server's answer is not a chat completion")
                tally.completions += 1
                tally.count(response.usage)
                await self._pacer.after_response(
                    response.usage.completion_tokens if response.usage else 0
                )
                return response
        raise AssertionError("tenacity either returns or re-raises")

    def _first_contact(self, error: openai.APIConnectionError) -> ServerError | None:
        """A ServerError when the job's first attempts cannot even connect."""
        if self._reached or not _cannot_connect(error):
            return None
        self._failed_contacts += 1
        if self._failed_contacts < FIRST_CONTACT_TRIES:
            return None
        return ServerError(
            f"cannot connect to {self._config.public_base_url} ({_connect_reason(error)}): "
            "is the server running, and is --base-url right?"
        )

    def _job_stopper(self, error: openai.APIStatusError) -> ServerError | None:
        """A ServerError for answers that every other section would get too: a refused key,
        a missing endpoint or model."""
        url, model, status = (
            self._config.public_base_url,
            self._config.model_name,
            error.status_code,
        )
        said = self._redacted(_server_message(error))
        if status == 401:
            return ServerError(
                f"{url} refused the API key (HTTP 401: {said}): check "
                f"${self._config.api_key_env} holds a key for this server"
            )
        if status == 403:
            return ServerError(
                f"{url} refused the request (HTTP 403: {said}): check the key may use {model!r}"
            )
        if status in (404, 405, 501):
            # No such endpoint, or a server that does not do what is asked at all (a plain web
            # server answers a POST 501; so may one without tool calls): no section would get
            # another answer.
            also = " and --instructor-mode (json if it takes no tools)" if status == 501 else ""
            return ServerError(
                f"{url}/chat/completions answered HTTP {status} ({said}): check --base-url "
                f"(OpenAI-compatible servers usually end in /v1), --model {model!r}{also}"
            )
        if status in (400, 422) and _names_missing_model(said):
            return ServerError(
                f"{url} has no model {model!r} (HTTP {status}: {said}): check --model"
            )
        return None

    def _failure(
        self, error: Exception, tally: Tally, max_tokens: object, raw: str | None = None
    ) -> ModelError:
        """Why there is no answer: one line, its kind, the full detail and the raw answer."""
        cause = _cause(error)
        raw = raw or _raw_answer(getattr(error, "last_completion", None))
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


def _cause(error: BaseException) -> BaseException:
    """What instructor's wrapper is about."""
    if isinstance(error, InstructorRetryException) and error.__cause__ is not None:
        return error.__cause__
    return error


# The most of a validation error a re-ask quotes: enough to fix the answer, never the
# answer itself, so a re-ask is the first prompt plus a few lines.
REASK_PROBLEMS, REASK_CHARS = 5, 800


def _reask(cause: BaseException) -> dict[str, str]:
    """The message a re-ask adds to the first prompt: what was wrong, briefly."""
    if isinstance(cause, ValidationError):
        problems = [problem_line(problem) for problem in cause.errors()[:REASK_PROBLEMS]]
        more = len(cause.errors()) - len(problems)
        said = "; ".join(problems) + (f"; and {more} more" if more > 0 else "")
    else:
        said = " ".join(str(cause).split()) or type(cause).__name__
    return {
        "role": "user",
        "content": "Your previous answer could not be used: "
        + said[:REASK_CHARS]
        + "\nAnswer again, in full, in the required format.",
    }


def _cannot_connect(error: BaseException) -> bool:
    """Did the request fail before reaching a server (refused, no such host, connect timeout)?

    A dropped connection or a read timeout reached one; those are retried as usual."""
    cause = error.__cause__
    return isinstance(cause, httpx2.ConnectError | httpx2.ConnectTimeout)


def _connect_reason(error: BaseException) -> str:
    chain: BaseException | None = error
    while chain is not None:
        if isinstance(chain, ConnectionRefusedError):
            return "connection refused"
        if isinstance(chain, httpx2.ConnectTimeout):
            return f"no answer to connect within {CONNECT_TIMEOUT:g} s"
        if isinstance(chain, socket.gaierror):
            return "no such host"
        chain = chain.__cause__ or chain.__context__
    cause = error.__cause__
    return str(cause) if cause is not None and str(cause) else "connection failed"


def _server_message(error: openai.APIStatusError) -> str:
    """The server's own words about an error, on one line and short."""
    body = error.body
    if isinstance(body, dict) and isinstance(body.get("error"), dict):
        body = body["error"]
    message = body.get("message") if isinstance(body, dict) else None
    text = " ".join(str(message or error.message or "").split())
    return text[:160] or "no message"


_MISSING_MODEL = re.compile(
    r"model.{0,60}(not (be )?found|does not exist|not exist|unknown|invalid|not supported)|"
    r"(unknown|invalid|no such) model",
    re.IGNORECASE,
)


def _names_missing_model(message: str) -> bool:
    return bool(_MISSING_MODEL.search(message))


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
