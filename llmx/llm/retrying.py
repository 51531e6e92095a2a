"""Transport retries: which failures are worth another request, and how long to wait.

Separate from instructor's validation retries (re-asks with the validation error): a 429, a
5xx, a timeout, a dropped connection or a garbled body says nothing about the answer, so it
is retried with the same request after exponential backoff with jitter, or after the
server's Retry-After when it gives one, capped either way.
"""

from __future__ import annotations

import email.utils
import json
import random
import time

import openai
from tenacity import RetryCallState

_RETRY_STATUSES = frozenset({408, 409, 425, 429, 500, 502, 503, 504})
# Server errors that say the server cannot do this at all, not that it failed this once.
_NEVER_RETRIED = frozenset({501, 505})


class MalformedResponse(Exception):
    """The server answered 2xx with something that is not a chat completion."""


def is_transient(error: BaseException) -> bool:
    if isinstance(error, openai.APIConnectionError):  # includes timeouts
        return True
    if isinstance(error, openai.APIStatusError):
        status = error.status_code
        return status in _RETRY_STATUSES or (status >= 500 and status not in _NEVER_RETRIED)
    # A body cut short or garbled in transit fails to decode before any validation runs.
    return isinstance(
        error, json.JSONDecodeError | MalformedResponse | openai.APIResponseValidationError
    )


def retry_after(error: BaseException | None) -> float | None:
    """Seconds the server asked us to wait (retry-after-ms, or Retry-After seconds or date)."""
    response = getattr(error, "response", None)
    headers = getattr(response, "headers", None)
    if headers is None:
        return None
    milliseconds = headers.get("retry-after-ms")
    if milliseconds:
        try:
            return max(float(milliseconds) / 1000, 0.0)
        except ValueError:
            pass
    value = headers.get("retry-after")
    if not value:
        return None
    try:
        return max(float(value), 0.0)
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(when.timestamp() - time.time(), 0.0)


class BackoffOrRetryAfter:
    """tenacity wait: the server's Retry-After if given, else exponential backoff with
    full jitter; never more than `cap` seconds."""

    def __init__(self, initial: float, cap: float) -> None:
        self.initial = initial
        self.cap = cap

    def __call__(self, state: RetryCallState) -> float:
        outcome = state.outcome
        error = outcome.exception() if outcome is not None and outcome.failed else None
        asked = retry_after(error)
        if asked is not None:
            return min(asked, self.cap)
        ceiling = min(self.initial * 2.0 ** (state.attempt_number - 1), self.cap)
        # Half fixed, half random: spreads concurrent workers without ever waiting ~0.
        return ceiling / 2 + random.uniform(0, ceiling / 2)
