"""The plan of a model run: sections in, requests out, each built in full without being sent.

A request (`Job`) quotes one section, or several consecutive short sections of one document
packed up to a token budget; its body is exactly what a live call posts and a batch file
holds, and its cache key is made from the same identity. Pure: nothing here calls out.
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from llmx.documents import Document
from llmx.facts import Fact
from llmx.llm.pacing import estimate_tokens
from llmx.sections import Section


@dataclass(frozen=True)
class Part:
    """One section of a request, with the rules' candidates a hybrid prompt shows, and the
    rules' facts the section keeps if its answer cannot be had (hybrid, rules-first)."""

    document: Document
    section: Section
    candidates: tuple[Fact, ...] = ()
    fallback: tuple[Fact, ...] = ()

    @property
    def text(self) -> str:
        return self.section.text_of(self.document.text)

    @property
    def where(self) -> str:
        return f"{self.document.id} §{self.section.id}"


@dataclass(frozen=True)
class Job:
    """One request: the sections it quotes, its body, and the key its answer is cached by."""

    parts: tuple[Part, ...]
    body: dict[str, Any]
    identity: dict[str, Any]
    key: str
    # What validators may check the answer against (hybrid: how many candidates exist).
    context: dict[str, Any] = field(default_factory=dict)

    @property
    def where(self) -> str:
        first, last = self.parts[0], self.parts[-1]
        return first.where if len(self.parts) == 1 else f"{first.where}–§{last.section.id}"

    @property
    def messages(self) -> list[dict[str, str]]:
        messages: list[dict[str, str]] = self.body["messages"]
        return messages


def pack(parts: Iterable[Part], budget: int) -> list[tuple[Part, ...]]:
    """Consecutive sections of one document grouped while their text stays within `budget`
    estimated tokens; a section over the budget goes alone. Budget 0: one section each."""
    packs: list[tuple[Part, ...]] = []
    current: list[Part] = []
    size = 0
    for part in parts:
        tokens = estimate_tokens(part.text)
        fits = current and current[0].document.id == part.document.id and size + tokens <= budget
        if current and not fits:
            packs.append(tuple(current))
            current, size = [], 0
        current.append(part)
        size += tokens
    if current:
        packs.append(tuple(current))
    return packs


def share_of_prefix(bodies: Sequence[dict[str, Any]]) -> float:
    """The share of all prompt characters that repeat the start of the request before: what
    a provider's prefix cache can serve (schema, guideline, anything static placed first)."""
    texts = [_prompt_text(body) for body in bodies]
    total = sum(len(text) for text in texts)
    if not total:
        return 0.0
    shared = sum(_common_prefix(before, after) for before, after in itertools.pairwise(texts))
    return shared / total


def _prompt_text(body: dict[str, Any]) -> str:
    """The order a provider reads a request in: tools and response format, then messages."""
    head = json.dumps([body.get("tools"), body.get("response_format")], ensure_ascii=False)
    return head + "".join(message["content"] for message in body.get("messages", []))


def _common_prefix(a: str, b: str) -> int:
    length = min(len(a), len(b))
    for index in range(length):
        if a[index] != b[index]:
            return index
    return length
