"""Errors grouped by the cause the evidence shows."""

from __future__ import annotations

from scoring_cases import GDP, GROWTH_1, GROWTH_2, TARGET, fact, layout, unspanned

from llmx.diagnosis import Cause, diagnose, disagreements, unit_errors
from llmx.facts import Fact
from llmx.scoring import score


def causes(
    gold: list[Fact], predicted: list[Fact], labelled: frozenset[str] | None = None
) -> set[tuple[str, Cause, str]]:
    outcome = score(gold, predicted, layout(labelled))
    return {(e.side, e.cause, e.fact.text) for e in diagnose(outcome)}


def test_unit_mismatch_on_both_sides() -> None:
    wrong = fact("983亿元", 98300000000, "亿元")
    assert causes([GDP], [wrong]) == {
        ("missed", Cause.UNIT_MISMATCH, "983亿元"),
        ("spurious", Cause.UNIT_MISMATCH, "983亿元"),
    }
    assert unit_errors(score([GDP], [wrong], layout())) == [(GDP, wrong)]


def test_value_mismatch() -> None:
    wrong = fact("983亿元", 983, "元")
    assert causes([GDP], [wrong]) == {
        ("missed", Cause.VALUE_MISMATCH, "983亿元"),
        ("spurious", Cause.VALUE_MISMATCH, "983亿元"),
    }


def test_nothing_overlapping() -> None:
    assert causes([GROWTH_1], [TARGET]) == {
        ("missed", Cause.NO_OVERLAP, "7.2%"),
        ("spurious", Cause.NO_OVERLAP, "6.5%"),
    }


def test_a_duplicate_prediction_is_spurious_because_its_gold_is_taken() -> None:
    wide = fact("", 98300000000, "元", span=(GDP.start - 2, GDP.end))
    found = causes([GDP], [GDP, wide])
    assert found == {("spurious", Cause.ALREADY_MATCHED, wide.text)}


def test_no_span() -> None:
    assert ("spurious", Cause.NO_SPAN, "") in causes([GDP], [GDP, unspanned(1, "元", None, None)])


def test_outside_labelled_sections_is_reported_as_not_scored() -> None:
    found = causes([GROWTH_1, GROWTH_2], [GROWTH_1, TARGET], frozenset({"1"}))
    assert found == {
        ("missed", Cause.NO_OVERLAP, "7.2%"),
        ("ignored", Cause.OUTSIDE_LABELLED, "6.5%"),
    }


def test_a_matched_pair_with_another_status_and_year_is_listed_as_what_became_what() -> None:
    read_as_result = TARGET.model_copy(update={"status": "actual", "period": "2023"})
    found = disagreements(score([TARGET], [read_as_result], layout()))
    assert [(d.attribute, d.pattern) for d in found] == [
        ("status", "target → actual"),
        ("period", "2024 → 2023"),
    ]


def test_an_indicator_naming_another_thing_disagrees_but_a_rewording_does_not() -> None:
    reworded = GROWTH_1.model_copy(update={"indicator": "地区生产总值增长"})
    other = GROWTH_1.model_copy(update={"indicator": "居民收入"})
    assert disagreements(score([GROWTH_1], [reworded], layout())) == []
    found = disagreements(score([GROWTH_1], [other], layout()))
    assert [(d.attribute, d.pattern, d.predicted.indicator) for d in found] == [
        ("indicator", "another name", "居民收入")
    ]
