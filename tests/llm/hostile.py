"""A hostile "model" for the fake server: the gold, plus misplaced and invented quotes, plus
invalid answers — deterministic, so a test and a recording say the same thing every time.

Every injected fact quotes something the section does not say: a number and unit put on
another indicator, an outline numeral, a numeral inside a word, a digit inside a longer
number, a number that is nowhere. Grounding must drop each one, and count it.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator
from typing import Any

from fakeserver import Recorded, Reply
from goldmodel import GoldModel, as_answer

from llmx.facts import Fact

RATE = 0.3
_OUTLINE = re.compile(r"(?:^|\n)\s*[（(]?([一二三四五六七八九十]{1,3})[、)）]\s*([^\n，。]{2,12})")
_INSIDE_WORD = re.compile(
    r"([^\d零〇一二两三四五六七八九十百千万亿\s])([一零])([^\d零〇一二两三四五六七八九十百千万亿个项\s])"
)
_DECIMAL = re.compile(r"(\d+)\.\d+(万|亿)?(元|亩|人|吨|个|%)")
_CN = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}


def share(*parts: object) -> float:
    """A stable pseudo-random number in [0, 1) from its parts."""
    digest = hashlib.sha256("\0".join(map(str, parts)).encode("utf-8")).hexdigest()
    return int(digest[:8], 16) / 16**8


def _fact(
    text: str, value: float, unit: str, indicator: str, kind: str = "level"
) -> dict[str, Any]:
    return {
        "text": text,
        "value": value,
        "unit": unit,
        "indicator": indicator,
        "period": "2023",
        "status": "actual",
        "kind": kind,
    }


def misplaced_and_invented(text: str, gold: list[Fact], elsewhere: str) -> Iterator[dict[str, Any]]:
    """Quotes the section does not say, each of a kind grounding used to let through."""
    for fact in gold:
        # The gold's number and unit, re-worded so the quote is not in the text, said of an
        # indicator from elsewhere in the document.
        yield _fact(f"约{fact.text}余", fact.value, fact.unit, elsewhere, fact.kind)
    for match in _OUTLINE.finditer(text):
        yield _fact(f"{match.group(1)}项", _CN.get(match.group(1)[-1], 1), "项", match.group(2))
    for match in _INSIDE_WORD.finditer(text):
        number = 0 if match.group(2) == "零" else 1
        around = text[max(0, match.start() - 8) : match.end() + 4]
        yield _fact(f"{match.group(2)}万人", number * 10_000, "人", around)
    for match in _DECIMAL.finditer(text):
        unit = match.group(3)
        magnitude = {"万": 1e4, "亿": 1e8}.get(match.group(2) or "", 1)
        around = text[max(0, match.start() - 10) : match.start()]
        yield _fact(
            f"{match.group(1)}{match.group(2) or ''}{unit}",
            int(match.group(1)) * magnitude,
            "元" if unit == "元" else unit,
            around,
        )
    yield _fact("98765.4亿元", 98765.4e8, "元", elsewhere)  # a number that is nowhere


class HostileGoldModel(GoldModel):
    """The gold of each section plus, for about RATE of the gold, quotes it does not say."""

    def __init__(self, documents: dict[str, Any], rate: float = RATE) -> None:
        super().__init__(documents)
        self.rate = rate
        self.injected = 0

    def fakes(self, request: Recorded) -> list[dict[str, Any]]:
        document, section, facts = self.sections[request.section_text]
        text = section.text_of(document.text)
        others = [f.indicator for f in self.gold_of(document.id) if f not in facts] or ["其他"]
        elsewhere = others[int(share(section.id, "elsewhere") * len(others))]
        pool = [
            fake
            for fake in misplaced_and_invented(text, facts, elsewhere)
            if fake["text"] not in text  # only quotes the section does not say
        ]
        wanted = round(self.rate * len(facts)) or (
            1 if share(document.id, section.id) < self.rate else 0
        )
        chosen = sorted(pool, key=lambda fake: share(section.id, fake["text"]))[:wanted]
        return chosen

    def gold_of(self, doc: str) -> list[Fact]:
        return [f for d, _s, facts in self.sections.values() if d.id == doc for f in facts]

    def __call__(self, request: Recorded) -> dict[str, Any]:
        answer = super().__call__(request)
        fakes = self.fakes(request)
        self.injected += len(fakes)
        key = "added" if "decisions" in answer else "facts"
        answer[key] = [*answer[key], *fakes]
        return answer


class InvalidHybridModel(GoldModel):
    """Hybrid answers of which about RATE cannot be used as sent: some repairable (unknown
    candidate ids, an added fact with no number), some never valid (prose, a wrong type)."""

    def __call__(self, request: Recorded) -> Reply | dict[str, Any]:
        answer = super().__call__(request)
        document, section, _facts = self.sections[request.section_text]
        draw = share(document.id, section.id, "invalid")
        if draw >= RATE:
            return answer
        if draw < RATE / 3:
            return Reply(raw_content="I could not decide on these candidates.")
        if draw < 2 * RATE / 3:
            return {"decisions": [{"id": "first", "keep": "maybe"}], "added": []}
        decisions = [*answer["decisions"], {"id": 999, "keep": True}]
        added = [*answer["added"], _fact("many", 1, "个", "不详")]
        return {"decisions": decisions, "added": added}


def answers_of(facts: list[Fact]) -> list[dict[str, Any]]:
    return [as_answer(fact) for fact in facts]
