"""Requests- and tokens-per-minute limits, shared by every call of a run."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from aiolimiter import AsyncLimiter

_MINUTE = 60.0


def estimate_tokens(text: str) -> int:
    """A deliberately rough, conservative count before the API tells us the real one:
    CJK characters are about one token each; other text about four characters per token."""
    wide = sum(1 for char in text if ord(char) > 0x2E80)
    return wide + (len(text) - wide) // 4 + 1


def estimate_prompt_tokens(request: Mapping[str, Any]) -> int:
    """The estimate for a whole request: messages and tool or response-format schemas."""
    parts = [request.get("messages", []), request.get("tools"), request.get("response_format")]
    return estimate_tokens(json.dumps(parts, ensure_ascii=False))


class Pacer:
    """Waits before a request so the run stays under its rpm and tpm limits."""

    def __init__(self, rpm: int | None = None, tpm: int | None = None) -> None:
        self.rpm = rpm
        self.tpm = tpm
        self._requests = AsyncLimiter(rpm, _MINUTE) if rpm else None
        self._tokens = AsyncLimiter(tpm, _MINUTE) if tpm else None

    async def before_request(self, request: Mapping[str, Any]) -> None:
        if self._requests is not None:
            await self._requests.acquire()
        if self._tokens is not None and self.tpm:
            await self._tokens.acquire(min(estimate_prompt_tokens(request), self.tpm))

    async def after_response(self, completion_tokens: int) -> None:
        """Completion tokens are only known afterwards; they still count against tpm."""
        if self._tokens is not None and self.tpm and completion_tokens > 0:
            await self._tokens.acquire(min(completion_tokens, self.tpm))
