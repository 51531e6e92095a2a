"""Hand-made documents and facts for the scoring tests: spans found by the token they cover."""

from __future__ import annotations

from typing import Any

from llmx.facts import Fact
from llmx.scoring import Layout
from llmx.sections import split_sections

DOC = "d"
# Section 1 reports results, section 2 sets targets; 7.2% occurs twice in section 1.
TEXT = (
    "一、执行情况\n"
    "全年地区生产总值983亿元，增长7.2%，规上工业增长7.2%。\n"
    "二、主要目标\n"
    "增长6.5%左右，投资增长5%。\n"
)
SECTIONS = {DOC: split_sections(DOC, TEXT)}


def span_of(token: str, occurrence: int = 1, text: str = TEXT) -> tuple[int, int]:
    start = -1
    for _ in range(occurrence):
        start = text.index(token, start + 1)
    return start, start + len(token)


def fact(
    token: str,
    value: float,
    unit: str,
    *,
    occurrence: int = 1,
    span: tuple[int, int] | None = None,
    **fields: Any,
) -> Fact:
    """A fact on the `occurrence`-th `token` of TEXT (or on an explicit span)."""
    start, end = span or span_of(token, occurrence)
    record: dict[str, Any] = {
        "doc": DOC,
        "start": start,
        "end": end,
        "text": TEXT[start:end],
        "value": value,
        "unit": unit,
        "indicator": "地区生产总值",
        "period": "2023",
        "status": "actual",
        "kind": "level",
    }
    record.update(fields)
    return Fact(**record)


def unspanned(value: float, unit: str, start: Any, end: Any) -> Fact:
    """A prediction whose span is empty or missing: model output that skipped validation."""
    return Fact.model_construct(
        doc=DOC,
        start=start,
        end=end,
        text="",
        value=value,
        unit=unit,
        qualifier=None,
        indicator="",
        period=None,
        status="actual",
        kind="level",
        section=None,
        extractor=None,
    )


def layout(labelled: frozenset[str] | None = None) -> Layout:
    ids = frozenset(s.id for s in SECTIONS[DOC]) if labelled is None else labelled
    return Layout(SECTIONS, {DOC: ids})


GDP = fact("983亿元", 98300000000, "元")
GROWTH_1 = fact("7.2%", 7.2, "%", kind="change", indicator="地区生产总值增速")
GROWTH_2 = fact("7.2%", 7.2, "%", occurrence=2, kind="change", indicator="规上工业增加值增速")
TARGET = fact("6.5%", 6.5, "%", status="target", kind="change", period="2024")
INVEST = fact(
    "5%", 5, "%", occurrence=2, status="target", kind="change", period="2024", indicator="投资"
)
GOLD = [GDP, GROWTH_1, GROWTH_2, TARGET, INVEST]
