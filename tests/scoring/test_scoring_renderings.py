"""Scoring across renderings: gold labelled on a report's .txt scores facts read from its
web page, whose text has furniture around it and its table one row per line."""

from __future__ import annotations

from pathlib import Path

from llmx.documents import Document
from llmx.evaluation import evaluate, evaluate_run
from llmx.facts import Fact
from llmx.gold import GoldSet
from llmx.pipeline import run_extraction
from llmx.record import RunRecord, RunSpec, SectionFailure
from llmx.renderings import (
    OffsetMap,
    RunDocument,
    identify,
    place_on_gold,
    shared_runs,
    text_similarity,
)
from llmx.rules import RulesExtractor
from llmx.runs import Run
from llmx.sections import split_sections

GOLD_DOC = "report"
# The report as labelled: a results part, a plan part, and a table one cell per line.
TXT = (
    "一、2023年执行情况\n"
    "全年地区生产总值983亿元，增长5%，\n规上工业增加值增长5%。\n"
    "\t指标\n\t2023年完成\n\n\t投资增速（%）\n\t7.1\n\n"
    "二、2024年主要目标\n"
    "地区生产总值增长5%左右，投资增长6%。\n"
)
# The same report as its web page reads: navigation, a wrapped line joined, the table as
# pipe rows, a footer.
HTML = (
    "首页 | 政务公开 | 计划总结\n发布时间：2024-01-05 浏览次数：321\n"
    "一、2023年执行情况\n"
    "全年地区生产总值983亿元，增长5%，规上工业增加值增长5%。\n"
    "指标 | 2023年完成\n投资增速（%） | 7.1\n"
    "二、2024年主要目标\n"
    "地区生产总值增长5%左右，投资增长6%。\n"
    "网站标识码5001510001 电话：023-61234567\n"
)
OTHER_REPORT = "一、工作回顾\n全年新建学校12所，新增学位8000个。\n"


def _fact(doc: str, text: str, token: str, occurrence: int, value: float, unit: str) -> Fact:
    start = -1
    for _ in range(occurrence):
        start = text.index(token, start + 1)
    return Fact(
        doc=doc,
        start=start,
        end=start + len(token),
        text=token,
        value=value,
        unit=unit,
        indicator="地区生产总值",
        period="2023",
        status="actual",
        kind="change",
    )


GOLD_FACTS = [
    _fact(GOLD_DOC, TXT, "983亿元", 1, 983e8, "元"),
    _fact(GOLD_DOC, TXT, "5%", 1, 5, "%"),
    _fact(GOLD_DOC, TXT, "5%", 2, 5, "%"),
    _fact(GOLD_DOC, TXT, "7.1", 1, 7.1, "%"),
    _fact(GOLD_DOC, TXT, "5%", 3, 5, "%"),
    _fact(GOLD_DOC, TXT, "6%", 1, 6, "%"),
]


def _normalised_text(text: str) -> str:
    """The text as alignment sees it: no whitespace, no table rules."""
    return "".join(char for char in text if not char.isspace() and char not in "|｜")


def _gold() -> GoldSet:
    sections = split_sections(GOLD_DOC, TXT)
    return GoldSet(
        list(GOLD_FACTS),
        {GOLD_DOC: Document(GOLD_DOC, TXT)},
        {GOLD_DOC: sections},
        {GOLD_DOC: frozenset(section.id for section in sections)},
    )


def _on_html(token: str, occurrence: int, value: float, unit: str, doc: str = "page") -> Fact:
    return _fact(doc, HTML, token, occurrence, value, unit)


def test_two_renderings_of_one_report_are_alike_and_other_reports_are_not() -> None:
    assert text_similarity(TXT, HTML) > 0.7
    assert text_similarity(TXT, OTHER_REPORT) < 0.2
    assert identify({"page": HTML, "other": OTHER_REPORT}, {GOLD_DOC: TXT}) == {
        "page": (GOLD_DOC, text_similarity(HTML, TXT))
    }


def test_a_gold_document_is_scored_once_against_its_most_alike_rendering() -> None:
    found = identify({"page": HTML, GOLD_DOC: TXT}, {GOLD_DOC: TXT})
    assert found == {GOLD_DOC: (GOLD_DOC, 1.0)}


def test_each_prediction_takes_the_span_of_the_gold_fact_at_the_same_place() -> None:
    # The second and third 5% of the page: equal value and unit, told apart by place.
    predicted = [_on_html("5%", 3, 5, "%"), _on_html("5%", 2, 5, "%"), _on_html("7.1", 1, 7.1, "%")]
    placed, aligned = place_on_gold(predicted, HTML, GOLD_FACTS, TXT, GOLD_DOC)
    assert aligned == 3
    assert [fact.span for fact in placed] == [
        GOLD_FACTS[4].span,
        GOLD_FACTS[2].span,
        GOLD_FACTS[3].span,
    ]
    assert all(fact.doc == GOLD_DOC and TXT[fact.start : fact.end] == fact.text for fact in placed)


def test_a_run_on_the_web_page_scores_as_the_same_facts_on_the_txt_would() -> None:
    predicted = [
        _on_html("983亿元", 1, 983e8, "元"),
        _on_html("5%", 1, 5, "%"),
        _on_html("5%", 2, 5, "%"),
        _on_html("7.1", 1, 7.1, "%"),
        _on_html("5%", 3, 5, "%"),
        _on_html("6%", 1, 6, "%"),
        _on_html("321", 1, 321, "次"),  # page furniture: placed before the first heading, spurious
    ]
    evaluation = evaluate(
        predicted,
        _gold(),
        label="html",
        record=RunRecord(
            id="run", spec=RunSpec(extractor="rules", mode="rules", documents=["page"])
        ),
        run_texts={"page": RunDocument(HTML, "html")},
    )
    assert evaluation.total.matched_gold == 6
    assert evaluation.total.recall == 1.0
    assert evaluation.total.predicted == 7  # the furniture number is placed, and spurious
    [match] = evaluation.by_content
    assert match.describe().startswith("scored by content: page (html) against gold report (txt)")
    assert (match.aligned, match.placed) == (6, 1)


def test_a_unit_error_on_another_rendering_stays_a_unit_error() -> None:
    evaluation = evaluate(
        [_on_html("6%", 1, 6, "个百分点")],
        _gold(),
        label="html",
        run_texts={"page": RunDocument(HTML, "html")},
    )
    assert (evaluation.total.matched_gold, evaluation.total.value_matched_gold) == (0, 1)
    assert evaluation.total.unit_accuracy == 0.0


def test_a_number_where_the_gold_has_none_is_not_paired_with_a_far_gold_fact() -> None:
    # 5% in the plan part of the page is a real gold fact; placed from the results part it
    # would pair with the wrong one, so a prediction only pairs near where the map puts it.
    predicted = [_fact("page", HTML, "增长5%左右", 1, 5, "%")]
    placed, aligned = place_on_gold(predicted, HTML, GOLD_FACTS[:3], TXT, GOLD_DOC)
    assert aligned == 0
    assert placed[0].start > GOLD_FACTS[2].end


def test_a_run_with_its_documents_text_is_scored_by_content(tmp_path: Path) -> None:
    folder = tmp_path / "run"
    (folder / "documents").mkdir(parents=True)
    (folder / "documents" / "page.txt").write_bytes(HTML.encode("utf-8"))
    spec = RunSpec(extractor="rules", mode="rules", documents=["page"], formats={"page": "html"})
    run = Run(folder, RunRecord(id="run", spec=spec), [_on_html("983亿元", 1, 983e8, "元")])
    evaluation = evaluate_run(run, _gold())
    assert evaluation.total.matched_gold == 1
    assert [m.run_format for m in evaluation.by_content] == ["html"]


def test_a_run_that_kept_no_texts_is_scored_by_offsets_as_before(tmp_path: Path) -> None:
    gold_fact = GOLD_FACTS[0]
    spec = RunSpec(extractor="rules", mode="rules", documents=[GOLD_DOC])
    run = Run(tmp_path, RunRecord(id="run", spec=spec), [gold_fact])
    evaluation = evaluate_run(run, _gold())
    assert evaluation.total.matched_gold == 1
    assert evaluation.matched_documents == ()


def test_a_run_records_the_format_each_document_was_read_as(tmp_path: Path) -> None:
    page = tmp_path / "page.txt"
    page.write_text(HTML, encoding="utf-8")
    run = run_extraction([page], RulesExtractor(), runs_dir=tmp_path / "runs")
    assert run.record.spec.formats == {"page": "txt"}


def test_the_offset_map_carries_each_shared_character_to_its_place() -> None:
    source = "导航\n一、执行情况\n投资增速（%） | 7.1\n"
    target = "一、执行情况\n\t投资增速（%）\n\t7.1\n"
    offsets = OffsetMap.between(source, target)
    for token in ("一、执行情况", "投资增速", "7.1"):
        assert offsets(source.index(token)) == target.index(token)
    # Furniture the target lacks lands at the start of what follows it.
    assert offsets(0) == 0


def test_a_section_the_run_failed_on_another_rendering_is_not_scored() -> None:
    # The page's plan part failed: the gold's plan part is left out, the results still count.
    plan = next(s for s in split_sections("page", HTML) if s.heading.startswith("二、"))
    failure = SectionFailure(
        doc="page", section=plan.id, error="HTTP 500", summary="HTTP 500", message="HTTP 500"
    )
    spec = RunSpec(extractor="llm", mode="llm", documents=["page"], formats={"page": "html"})
    evaluation = evaluate(
        [_on_html("983亿元", 1, 983e8, "元")],
        _gold(),
        label="html",
        record=RunRecord(id="run", spec=spec, failures=[failure]),
        run_texts={"page": RunDocument(HTML, "html")},
    )
    gold_plan = next(s for s in _gold().sections[GOLD_DOC] if s.heading.startswith("二、"))
    assert evaluation.failed_sections == ((GOLD_DOC, gold_plan.id),)
    assert evaluation.total.gold == 4  # the two plan facts are not counted as misses


def test_a_rendering_under_the_gold_documents_own_id_quotes_its_own_text(tmp_path: Path) -> None:
    # report.html read as "report": its facts quote the page's text, not the .txt's.
    folder = tmp_path / "run"
    (folder / "documents").mkdir(parents=True)
    (folder / "documents" / f"{GOLD_DOC}.txt").write_bytes(HTML.encode("utf-8"))
    spec = RunSpec(
        extractor="rules", mode="rules", documents=[GOLD_DOC], formats={GOLD_DOC: "html"}
    )
    facts = [
        _on_html("983亿元", 1, 983e8, "元", doc=GOLD_DOC),
        _on_html("7.1", 1, 7.1, "%", doc=GOLD_DOC),
    ]
    run = Run(folder, RunRecord(id="run", spec=spec), facts)
    evaluation = evaluate_run(run, _gold())
    assert evaluation.total.matched_gold == 2
    assert (
        evaluation.by_content[0]
        .describe()
        .startswith(f"scored by content: {GOLD_DOC} (html) against gold {GOLD_DOC} (txt)")
    )


def test_shared_runs_are_equal_stretches_in_order_in_both_texts() -> None:
    txt = _normalised_text(TXT * 3)
    html = _normalised_text(HTML * 3)
    runs = shared_runs(html, txt)
    ends = (0, 0)
    for i, j, size in runs:
        assert html[i : i + size] == txt[j : j + size]
        assert i >= ends[0] and j >= ends[1]
        ends = (i + size, j + size)
    shared = sum(size for _, _, size in runs)
    assert shared == len(txt)  # the page holds every character of the .txt, in order
    assert shared_runs(txt, txt) == [(0, 0, len(txt))]
