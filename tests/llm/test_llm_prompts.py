"""Prompt templates: one file per version, front matter, rendering from a section, a hash
of the source in every run and cache key."""

from __future__ import annotations

from pathlib import Path

import pytest

from llmx.documents import Document
from llmx.errors import ConfigError
from llmx.llm import ExtractorSettings, build_model_extractor
from llmx.llm.prompts import PROMPTS_DIR, load_prompt, versions
from llmx.llm.views import section_view
from llmx.rules import RulesExtractor
from llmx.sections import split_sections

TABLE_REPORT = Document(
    "t",
    "一、主要指标\n表1 主要指标\n\t指标\n\t2023年完成\n\t2024年目标\n\n"
    "\t地区生产总值增速（%）\n\t6.3\n\t6左右\n\n",
)


def test_the_llm_prompt_has_five_versions_and_the_newest_packs_sections() -> None:
    assert versions("extract") == [1, 2, 3, 4, 5]
    assert load_prompt("extract").ref == "extract@v5"
    first, second = load_prompt("extract@v1"), load_prompt("extract@2")
    assert (first.mode, second.mode, load_prompt("extract@v3").mode) == ("llm", "llm", "llm")
    assert first.hash != second.hash and first.params != second.params
    assert load_prompt("extract@v4").packing and not load_prompt("extract@v3").packing


def test_the_llm_extractor_asks_one_section_a_request_by_default(tmp_path: Path) -> None:
    settings = ExtractorSettings(extractor="llm", model="m", cache_dir=tmp_path)
    assert build_model_extractor(settings, env={}).prompt.ref == "extract@v3"


def test_a_packing_prompt_quotes_each_section_apart_static_text_first() -> None:
    sections = split_sections(TABLE_REPORT.id, TABLE_REPORT.text)
    system, user = load_prompt("extract@v4").render(
        *(section_view(TABLE_REPORT, section) for section in sections)
    )
    assert "Answer every section by its id" in system["content"]
    for section in sections:
        text = section.text_of(TABLE_REPORT.text)
        assert f'<section id="{section.id}">' in user["content"]
        assert f"<text>\n{text}\n</text>" in user["content"]


BULLETIN = Document(
    "b",
    "某省2022年国民经济和社会发展统计公报\n一、综合\n初步核算，全年全省生产总值77715亿元，比上年增长3.1%。\n",
)


@pytest.mark.parametrize("ref", ["extract@v3", "extract@v5", "hybrid@v2"])
def test_the_newest_prompts_assume_no_genre_and_give_the_documents_years(ref: str) -> None:
    [_, section] = split_sections(BULLETIN.id, BULLETIN.text)
    candidates = RulesExtractor().extract_section(BULLETIN, section)
    system, _ = load_prompt(ref).render(section_view(BULLETIN, section, candidates))
    content = system["content"]
    assert "development plan" not in content and "statistical bulletin" in content
    assert "results are for 2022 and plans for 2023" in content
    assert "万亿 10^12" in content and "个百分点, 百分点, 倍" in content  # from the vocabulary
    assert "年初预算" in content  # a budget column is a target


@pytest.mark.parametrize("ref", ["extract@v1", "extract@v2", "hybrid@v1"])
def test_older_prompt_versions_still_name_their_genre(ref: str) -> None:
    [_, section] = split_sections(BULLETIN.id, BULLETIN.text)
    system, _ = load_prompt(ref).render(section_view(BULLETIN, section))
    assert "development plan" in system["content"]


def test_a_prompt_renders_a_sections_place_text_and_tables() -> None:
    [_, section] = split_sections(TABLE_REPORT.id, TABLE_REPORT.text)
    system, user = load_prompt("extract@v2").render(section_view(TABLE_REPORT, section))
    assert system["role"] == "system" and "labelling standard" in system["content"]
    assert user["role"] == "user"
    assert "Place in the document: 一、主要指标" in user["content"]
    assert f"<text>\n{section.text_of(TABLE_REPORT.text)}\n</text>" in user["content"]
    assert "| 地区生产总值增速（%） | 6.3 | 6左右 |" in user["content"]


def test_the_hybrid_prompt_numbers_the_rules_candidates() -> None:
    document = Document("h", "一、2023年执行情况\n全年地区生产总值达到983亿元、增长7.2%。\n")
    [_, section] = split_sections(document.id, document.text)
    candidates = RulesExtractor().extract_section(document, section)
    _, user = load_prompt("hybrid").render(section_view(document, section, candidates))
    assert "[1] 983亿元 — …" in user["content"] and "value 98300000000" in user["content"]
    assert "[2] 7.2% — …" in user["content"] and "【7.2%】" in user["content"]


def test_a_template_edited_without_a_new_version_gets_a_new_hash(tmp_path: Path) -> None:
    folder = tmp_path / "extract"
    folder.mkdir()
    source = (PROMPTS_DIR / "extract" / "v1.j2").read_text(encoding="utf-8")
    (folder / "v1.j2").write_text(source, encoding="utf-8")
    before = load_prompt("extract@v1", tmp_path).hash
    (folder / "v1.j2").write_text(source + "\n", encoding="utf-8")
    assert load_prompt("extract@v1", tmp_path).hash != before


@pytest.mark.parametrize(
    ("ref", "message"),
    [
        ("extract@v9", "no prompt extract@v9; there is extract@v1, extract@v2"),
        ("nothing", "no prompt named 'nothing'"),
        ("Bad Ref!", "is not of the form name@vN"),
    ],
)
def test_a_bad_prompt_reference_is_named(ref: str, message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        load_prompt(ref)


def test_front_matter_must_agree_with_the_file_name(tmp_path: Path) -> None:
    (tmp_path / "extract").mkdir()
    (tmp_path / "extract" / "v3.j2").write_text(
        "---\nname: extract\nversion: 2\n---\n{% block system %}{% endblock %}", encoding="utf-8"
    )
    with pytest.raises(ConfigError, match="front matter says extract@v2, the file is extract@v3"):
        load_prompt("extract@v3", tmp_path)


def test_a_prompt_written_for_the_other_mode_is_refused() -> None:
    settings = ExtractorSettings(
        extractor="llm", prompt="hybrid@v1", model="m", base_url="http://localhost:8000/v1"
    )
    with pytest.raises(ConfigError, match="prompt hybrid@v1 is written for hybrid mode, not llm"):
        build_model_extractor(settings, env={})
