"""What the report shows of a model run: its cost paid and afresh, and the model path's
numbers; and how sections are ranked."""

from __future__ import annotations

from dataclasses import replace

from report_cases import hostile_evaluations, hostile_gold

from llmx.record import Price, RunSpec, RunStats
from llmx.report.render import render_html, render_markdown
from llmx.report.view import build_view


def model_evaluations(price: Price) -> list:  # type: ignore[type-arg]
    plain, other = hostile_evaluations()
    assert other.record is not None
    stats = RunStats(
        calls=3,
        cache_hits=5,
        tokens_in=3000,
        tokens_out=600,
        cost=0.0012,
        replayed_tokens_in=5000,
        replayed_tokens_out=1000,
        replayed_cost=0.002,
        replayed_seconds=7.5,
        call_seconds=4.0,
        facts_proposed=12,
        dropped={"quote not in the section": 3, "value not stated": 1},
        transport_retries=2,
        validation_retries=1,
        sections_failed=1,
    )
    spec = RunSpec(extractor="llm", mode="llm", model="m", price_per_million=price)
    record = other.record.model_copy(update={"stats": stats, "spec": spec})
    return [plain, replace(other, record=record)]


def test_a_model_run_shows_what_it_paid_what_it_costs_afresh_and_what_it_dropped() -> None:
    page = render_html(
        build_view(model_evaluations(Price(input=0.27, output=1.10)), hostile_gold()), title="t"
    )
    assert "The model path" in page
    assert "quote not in the section: 3" in page and "value not stated: 1" in page
    assert "$0.0012" in page  # paid now
    assert "$0.0032" in page  # afresh: paid plus what the cached answers cost when asked
    assert "8 calls, 9,600 tokens, 11.5 s model time" in page
    assert "the model path: 4 of\n12 proposals dropped, 3\nretries, 1 sections failed" in page
    markdown = render_markdown(
        build_view(model_evaluations(Price(input=0.27, output=1.10)), hostile_gold()),
        title="t",
        html_name="r.html",
    )
    assert "| $0.0012 | $0.0032 | 4 of 12 | 3 | 1 |" in markdown


def test_a_model_without_a_price_reads_cost_unknown_not_zero() -> None:
    page = render_html(build_view(model_evaluations(Price()), hostile_gold()), title="t")
    assert "cost unknown" in page
    assert "$0.0000" not in page


def test_sections_rank_by_errors_and_every_erring_one_is_in_the_source_view() -> None:
    view = build_view(hostile_evaluations(), hostile_gold())
    errors = [row.most_errors for row in view.sections]
    assert errors == sorted(errors, reverse=True)
    erring = {row.anchor for row in view.sections if row.most_errors}
    assert erring == {source.anchor for source in view.sources}
    assert view.sources_not_shown == 0


def test_documents_are_named_by_their_titles_in_both_reports() -> None:
    view = build_view(hostile_evaluations(), hostile_gold())
    assert view.titles == {"hostile": "一、执行情况"}
    markdown = render_markdown(view, title="t", html_name="r.html")
    assert "| hostile | 一、执行情况 |" in markdown


def test_a_gold_span_says_which_runs_missed_it() -> None:
    from llmx.report.render import lane_title

    view = build_view(hostile_evaluations(), hostile_gold())
    labels = [run.label for run in view.runs]
    missed = [
        segment
        for source in view.sources
        for segment in source.segments
        if any(mark.layer == 0 and not mark.matched for mark in segment.marks)
    ]
    assert missed
    assert all(f"missed by {labels[1]}" in lane_title(segment, labels) for segment in missed)
