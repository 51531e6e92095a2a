"""Section trees of the five seeds: counts, headings, and that sections partition the text."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from llmx.sections import Section, section_at, split_sections

SEEDS = Path(__file__).resolve().parent.parent / "seeds"

# Per seed: number of sections (preamble "0" included), and some (id, heading start) pairs
# read off the report's own headings.
EXPECTED = {
    "000_1157aa73679e19d8": (
        28,
        [
            ("1", "一、2023年国民经济和社会发展计划执行情况"),
            ("1.10", "（十）全力防范化解各类风险"),
            ("2.4", "（四）重大项目安排。"),
            ("3.10", "（十）坚持底线思维、红线意识"),
        ],
    ),
    "001_a474a81f4018e1f8": (
        31,
        [
            ("1.8", "（八）坚持盯关键除隐患"),
            ("2.2", "（二）主要发展目标"),
            ("3.2", "（二）聚焦实体经济"),
            ("3.10", "（十）聚焦社会稳定"),
            ("A1", "附件1"),
            ("A1.3", "三、关于3项特殊指标说明"),
            ("A2.2", "二、目标值设置情况及主要考虑"),
        ],
    ),
    "002_b58f78ac1f665e0d": (
        24,
        [
            ("1.8", "（八）狠抓服务保障"),
            ("2.3", "（三）2024年主要预期目标。"),
            ("3.8", "（八）聚焦高品质生活示范区打造"),
        ],
    ),
    "003_9bf9900164892d57": (
        61,
        [
            ("1.8", "(八)防范化解重点领域风险"),
            ("2.1.1", "1.聚焦产业引领"),
            ("2.2.5", "5.加快建设新能源汽车城。"),
            ("2.12.38", "38.着力防范化解重点领域风险。"),
        ],
    ),
    "004_6da318eeea9b20a6": (
        21,
        [
            ("1", "一、2022年國民經濟和社會發展計劃執行情況"),
            ("2.2", "(二)重大項目安排"),
            ("3.7", "(七)聚焦保障和改善民生持續用力"),
        ],
    ),
}


def _sections(doc_id: str) -> tuple[str, list[Section]]:
    text = (SEEDS / f"{doc_id}.txt").read_text(encoding="utf-8")
    return text, split_sections(doc_id, text)


@pytest.mark.parametrize("doc_id", sorted(EXPECTED))
def test_seed_has_its_sections_and_headings(doc_id: str) -> None:
    count, headings = EXPECTED[doc_id]
    _, sections = _sections(doc_id)
    by_id = {section.id: section for section in sections}
    assert len(sections) == count
    for section_id, heading in headings:
        assert by_id[section_id].heading.startswith(heading)


@pytest.mark.parametrize("doc_id", sorted(EXPECTED))
def test_sections_partition_the_document(doc_id: str) -> None:
    text, sections = _sections(doc_id)
    assert sections[0].start == 0 and sections[-1].end == len(text)
    for left, right in itertools.pairwise(sections):
        assert left.end == right.start
    assert len({section.id for section in sections}) == len(sections)


def test_a_box_that_restarts_its_numbering_does_not_break_the_tree() -> None:
    # Seed 001's 专栏3 lists 一、二、三、四、 projects inside part 三; they must stay inside 3.2.
    text, sections = _sections("001_a474a81f4018e1f8")
    inside_box = text.index("四、产业配套保障项目")
    assert section_at(sections, inside_box).id == "3.2"
    assert [s.id for s in sections if s.level == 1 and not s.id.startswith("A")] == ["1", "2", "3"]


def test_every_offset_maps_to_exactly_one_section() -> None:
    text, sections = _sections("003_9bf9900164892d57")
    for offset in range(0, len(text), 97):
        owner = section_at(sections, offset)
        assert owner.start <= offset < owner.end


def test_a_document_without_headings_is_one_section() -> None:
    [section] = split_sections("plain", "没有标题的一段文字，增长5%。")
    assert (section.id, section.start, section.end) == ("0", 0, 15)
