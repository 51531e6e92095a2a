"""A document's title as a person calls it, and what a model's answers cost."""

from __future__ import annotations

from pathlib import Path

import pytest

from llmx.documents import Document, heading_title, title_of
from llmx.llm.prices import cost_text, list_price
from llmx.record import Price as RecordPrice
from llmx.settings import ExtractorSettings, Price


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("\n\n重庆市璧山区2023年国民经济和社会发展\n计划执行情况及2024年计划草案的报告\n正文",
         "重庆市璧山区2023年国民经济和社会发展计划执行情况及2024年计划草案的报告"),
        ("关于重庆市铜梁区2023年计划执行情况的报告\n——2024年1月16日\n",
         "重庆市铜梁区2023年计划执行情况的报告"),
        ("索引号: | 115 | 分类: | 计划 |\n名称: | 关于沙坪坝区2024年计划的报告 | ||\n各位代表:\n",
         "沙坪坝区2024年计划的报告"),
        ("| [ 索引號 ] | 1150 |\n各位代表:\n長壽區2022年計劃執行情況\n",
         "長壽區2022年計劃執行情況"),
    ],
)  # fmt: skip
def test_the_title_is_the_first_heading_line(text: str, title: str) -> None:
    assert heading_title(text) == title


def test_a_reader_title_comes_first_and_the_file_name_last() -> None:
    assert title_of(Document("d", "正文", title="年度报告")) == "年度报告"
    assert title_of(Document("d", "| a | b |\n", path=Path("x/district-plan.txt"))) == (
        "district-plan"
    )


def test_a_listed_model_has_a_price_that_a_config_file_overrides() -> None:
    listed = ExtractorSettings(extractor="llm", model="deepseek-chat").price
    assert (listed.input, listed.output) == (0.27, 1.10)
    custom = ExtractorSettings(
        extractor="llm", model="deepseek-chat", prices={"deepseek-chat": Price(input=1, output=2)}
    )
    assert (custom.price.input, custom.price.output) == (1.0, 2.0)
    assert list_price("openai/gpt-4o-mini") == RecordPrice(input=0.15, output=0.60)


def test_a_model_without_a_price_costs_unknown_not_zero() -> None:
    assert ExtractorSettings(extractor="llm", model="my-local-model").price == Price()
    assert cost_text(0.0, RecordPrice(), calls=12) == "cost unknown"
    assert cost_text(0.0123, RecordPrice(input=1.0), calls=12) == "$0.0123"
