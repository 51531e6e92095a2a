"""Errors llmx raises on purpose. Each message is one line that names the problem."""

from __future__ import annotations

from pydantic import ValidationError
from pydantic_core import ErrorDetails


class LlmxError(Exception):
    """Base class: the CLI prints these as a one-line error and exits non-zero."""


class InputError(LlmxError):
    """A document path that cannot be read as text: missing, empty, binary, undecodable."""


class ConfigError(LlmxError):
    """A model, prompt or run configuration that cannot work."""


class ModelError(LlmxError):
    """A model call that failed after its retries, or answered with something unusable.

    `str()` is one line; `kind` groups failures (the error's class, or `HTTP 401`),
    `detail` is the full message (every validation error, not the first line),
    `raw_answer` the last answer that failed validation, as sent, and `attempts` the answers
    received (or requests made, when none came).
    """

    def __init__(
        self,
        message: str,
        *,
        kind: str = "ModelError",
        detail: str | None = None,
        raw_answer: str | None = None,
        attempts: int = 0,
    ) -> None:
        super().__init__(message)
        self.kind = kind
        self.detail = detail if detail is not None else message
        self.raw_answer = raw_answer
        self.attempts = attempts


class ServerError(LlmxError):
    """The model server cannot serve this job at all — unreachable, refusing the key, or
    without the model — so the job stops rather than failing every section in turn."""


class CacheMiss(LlmxError):
    """An offline run needed a response that is not in the cache."""


class OutputError(LlmxError):
    """A file or folder llmx was asked to write that cannot be written."""


def first_problem(error: ValidationError) -> str:
    """A pydantic error as one line: the first field it names and why, and how many more."""
    problems = error.errors()
    if not problems:
        return str(error).splitlines()[0]
    return problem_line(problems[0]) + (
        f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
    )


def problem_line(problem: ErrorDetails) -> str:
    """`field: reason` for one pydantic error detail (`value: Input should be…`)."""
    field = ".".join(str(part) for part in problem.get("loc", ())) or "record"
    # A validator's own words come prefixed by pydantic with the kind of error it raised.
    reason = str(problem.get("msg", "invalid")).removeprefix("Value error, ")
    return f"{field}: {reason}"
