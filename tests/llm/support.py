"""Helpers for the model-path tests: a small report, a model that answers it well, and a
config for the fake server. Fixtures using them live in conftest.py."""

from __future__ import annotations

import socket
from collections.abc import Callable
from typing import Any

from fakeserver import FakeServer, Recorded

from llmx.documents import Document
from llmx.extraction import Extraction
from llmx.llm import ExtractorSettings, LLMExtractor

# A small report: an opening line and two sections, every one stating numbers.
REPORT = Document(
    "report",
    "璧山区2023年计划执行情况报告\n"
    "一、2023年执行情况\n"
    "全年地区生产总值达到983亿元、增长7.2%，规上工业增加值增长5.2%。\n"
    "二、2024年主要目标\n"
    "地区生产总值增长6.5%左右，固定资产投资增长5.2%。\n",
)
GDP = {
    "text": "983亿元",
    "value": 98300000000,
    "unit": "元",
    "indicator": "地区生产总值",
    "period": "2023",
    "status": "actual",
    "kind": "level",
}
KEY = "sk-test-THIS-KEY-MUST-NOT-LEAK-42"


def fact(text: str, value: float, indicator: str, **fields: Any) -> dict[str, Any]:
    """A fact as a model would return it; defaults fit a growth rate reported for 2023."""
    return {
        "text": text,
        "value": value,
        "unit": "%",
        "indicator": indicator,
        "period": "2023",
        "status": "actual",
        "kind": "change",
        **fields,
    }


def report_answer(request: Recorded) -> dict[str, Any]:
    """A well-behaved model for REPORT: the true facts of whichever section it is shown."""
    text = request.section_text
    if "983亿元" in text:
        return {
            "facts": [
                dict(GDP),  # a copy: tests may doctor an answer
                fact("7.2%", 7.2, "地区生产总值增速"),
                fact("5.2%", 5.2, "规上工业增加值增速"),
            ]
        }
    if "6.5%" in text:
        target = {"period": "2024", "status": "target"}
        return {
            "facts": [
                fact("6.5%", 6.5, "地区生产总值增速", qualifier="左右", **target),
                fact("5.2%", 5.2, "固定资产投资增速", **target),
            ]
        }
    return {"facts": []}


def model_config(server: FakeServer, **settings: Any) -> ExtractorSettings:
    """A config for the fake server with test-sized backoff and timeouts."""
    defaults: dict[str, Any] = {
        "model": "fake-model",
        "base_url": server.url,
        "backoff_initial": 0.01,
        "backoff_max": 0.5,
        "timeout": 5.0,
    }
    return ExtractorSettings(**{**defaults, **settings})


MakeExtractor = Callable[..., LLMExtractor]


def failure_lines(extraction: Extraction) -> list[str]:
    """Each failed section on one line, as the terminal shows it."""
    return [failure.line for failure in extraction.failures]


def closed_port() -> int:
    """A port on 127.0.0.1 nothing listens on: a server that is down."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
    return port
