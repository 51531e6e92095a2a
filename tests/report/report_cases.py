"""Material for the report tests: a hostile document and a naive offline extractor."""

from __future__ import annotations

from typing import Any

from llmx.documents import Document
from llmx.evaluation import Evaluation, evaluate
from llmx.facts import Fact
from llmx.gold import GoldSet
from llmx.numerals import NumeralsExtractor
from llmx.record import RunRecord, RunSpec
from llmx.sections import split_sections

DOC = "hostile"
# Everything a document could carry into a page: tags, an event handler, a style that
# hides the page, Markdown table and link syntax, and a remote script URL.
SCRIPT = '<script>document.title="pwned";console.error("ran")</script>'
TEXT = (
    "一、执行情况\n"
    f"{SCRIPT}地区生产总值983亿元，增长7.2%。"
    '<img src="https://evil.example/x.png" onerror="console.error(1)"> | a | b | `c` '
    "[click](https://evil.example/x.js)\n"
    "二、主要目标\n"
    "增长6.5%，<style>body{display:none}</style>投资增长5%。\n"
)


def at(token: str, value: float, unit: str, occurrence: int = 1, **fields: Any) -> Fact:
    start = -1
    for _ in range(occurrence):
        start = TEXT.index(token, start + 1)
    record: dict[str, Any] = {
        "doc": DOC,
        "start": start,
        "end": start + len(token),
        "text": token,
        "value": value,
        "unit": unit,
        "indicator": "<b>地区生产总值</b>",
        "period": "2023",
        "status": "actual",
        "kind": "level",
    }
    record.update(fields)
    return Fact(**record)


GOLD_FACTS = [
    at("983亿元", 98300000000, "元"),
    at("7.2%", 7.2, "%", kind="change"),
    at("6.5%", 6.5, "%", status="target", kind="change", period="2024"),
    at("5%", 5, "%", occurrence=2, status="target", kind="change", period="2024"),
]
# Run B: one fact missed, one unit error, and a "fact" invented on the script tag.
RUN_B = [
    GOLD_FACTS[0],
    at("7.2%", 7.2, "个百分点", kind="change"),
    GOLD_FACTS[2],
    at(SCRIPT, 1, "<i>unit</i>", indicator="<script>alert(2)</script>"),
]


# A run's name is user text too: markup, a table separator and a link.
RUN_B_LABEL = 'B "<i>" | [x](https://evil.example/)'


def hostile_gold() -> GoldSet:
    sections = split_sections(DOC, TEXT)
    return GoldSet(
        facts=list(GOLD_FACTS),
        documents={DOC: Document(DOC, TEXT)},
        sections={DOC: sections},
        labelled={DOC: frozenset(section.id for section in sections)},
    )


def hostile_evaluations() -> list[Evaluation]:
    gold = hostile_gold()
    record = RunRecord(id="hostile", spec=RunSpec(extractor="rules", mode="rules", documents=[DOC]))
    return [
        evaluate(GOLD_FACTS, gold, label="A <script>", record=record, replicates=200),
        evaluate(RUN_B, gold, label=RUN_B_LABEL, record=record, replicates=200),
    ]


# The naive baseline, under the name the report tests have always used for it.
QuantitiesOnly = NumeralsExtractor
