"""Scoring as ANNOTATION.md section 3 says, on hand-made cases."""

from __future__ import annotations

import pytest
from scoring_cases import (
    DOC,
    GDP,
    GOLD,
    GROWTH_1,
    GROWTH_2,
    INVEST,
    TARGET,
    fact,
    layout,
    span_of,
    unspanned,
)

from llmx.facts import Fact
from llmx.scoring import (
    NO_SPAN_SECTION,
    Tally,
    f1_score,
    indicator_similarity,
    score,
    tally_documents,
    tally_sections,
    total,
    values_agree,
)


def scores(
    gold: list[Fact], predicted: list[Fact], labelled: frozenset[str] | None = None
) -> Tally:
    return total(tally_sections(score(gold, predicted, layout(labelled))).values())


def test_perfect_predictions_score_one_everywhere() -> None:
    tally = scores(GOLD, GOLD)
    assert (tally.precision, tally.recall, tally.f1) == (1.0, 1.0, 1.0)
    assert tally.unit_accuracy == tally.status_accuracy == tally.indicator_similarity == 1.0


def test_overlapping_candidates_match_one_to_one() -> None:
    # Two predictions overlap the same gold fact; only one may match it.
    wide = fact(
        "983亿元", 98300000000, "元", span=(span_of("983亿元")[0] - 4, span_of("983亿元")[1])
    )
    outcome = score([GDP], [wide, GDP], layout())
    assert len(outcome.matches) == 1
    # The exact span is preferred over the wider one, whatever the input order.
    assert outcome.pairs[0].predicted == GDP
    assert score([GDP], [GDP, wide], layout()).pairs[0].predicted == GDP
    tally = scores([GDP], [wide, GDP])
    assert tally.precision == 0.5 and tally.recall == 1.0


def test_a_span_covering_two_gold_facts_matches_one_and_the_other_is_still_found() -> None:
    # A prediction spanning both 7.2% tokens could take either; a greedy pairing that gave
    # it the first would strand the exact prediction of the first. Maximum matching does not.
    both = fact("", 7.2, "%", span=(span_of("7.2%")[0], span_of("7.2%", 2)[1]))
    exact_first = GROWTH_1
    outcome = score([GROWTH_1, GROWTH_2], [both, exact_first], layout())
    assert len(outcome.matches) == 2


def test_two_facts_with_the_same_value_in_one_section_are_told_apart_by_span() -> None:
    predicted = [GROWTH_2, GROWTH_1]  # order must not matter
    outcome = score([GROWTH_1, GROWTH_2], predicted, layout())
    assert {(p.gold.span, p.predicted.span) for p in outcome.pairs} == {
        (GROWTH_1.span, GROWTH_1.span),
        (GROWTH_2.span, GROWTH_2.span),
    }
    # One prediction of that value finds one gold fact, not both.
    tally = scores([GROWTH_1, GROWTH_2], [GROWTH_1])
    assert tally.recall == 0.5 and tally.precision == 1.0


def test_a_unit_mismatch_is_a_value_match_but_not_a_match() -> None:
    wrong_unit = fact("983亿元", 98300000000, "亿元")
    tally = scores([GDP], [wrong_unit])
    assert (tally.precision, tally.recall, tally.f1) == (0.0, 0.0, 0.0)
    assert (tally.value_precision, tally.value_recall) == (1.0, 1.0)
    assert tally.unit_accuracy == 0.0


def test_value_only_matching_prefers_the_partner_with_the_right_unit() -> None:
    wrong_unit = fact("983亿元", 98300000000, "亿元")
    tally = scores([GDP], [wrong_unit, GDP])
    assert tally.unit_accuracy == 1.0
    assert tally.value_precision == 0.5


def test_values_agree_to_a_relative_one_in_a_million() -> None:
    assert values_agree(98300000000, 98300000000 * (1 + 0.9e-6))
    assert not values_agree(98300000000, 98300000000 * (1 + 1.1e-6))
    assert values_agree(0.0, 0.0) and not values_agree(0.0, 1e-12)
    off = fact("983亿元", 98300000000 * 1.01, "元")
    assert scores([GDP], [off]).value_recall == 0.0


def test_spans_must_overlap() -> None:
    elsewhere = fact("7.2%", 7.2, "%", occurrence=2)
    assert scores([GROWTH_1], [elsewhere]).f1 == 0.0


@pytest.mark.parametrize(("start", "end"), [(None, None), (5, 5), (9, 3)])
def test_a_prediction_with_no_span_or_an_empty_span_matches_nothing(
    start: int | None, end: int | None
) -> None:
    # Even with the right value and unit on top of a gold fact: there is nothing to ground.
    broken = unspanned(98300000000, "元", start, end)
    outcome = score([GDP], [broken], layout())
    assert outcome.matches == () and outcome.value_matches == ()
    tally = total(tally_sections(outcome).values())
    assert tally.predicted == 1 and tally.precision == 0.0
    if start is None:
        assert (DOC, NO_SPAN_SECTION) in tally_sections(outcome)


def test_empty_gold() -> None:
    tally = scores([], [GDP])
    assert tally.precision == 0.0
    assert tally.recall is None  # nothing to recall: undefined, not 0 or 1
    assert tally.f1 == 0.0  # a prediction with no gold is an error


def test_empty_predictions() -> None:
    tally = scores(GOLD, [])
    assert tally.precision is None
    assert tally.recall == 0.0
    assert tally.f1 == 0.0
    assert tally.unit_accuracy is None and tally.status_accuracy is None


def test_nothing_at_all_is_undefined() -> None:
    tally = scores([], [])
    assert (tally.precision, tally.recall, tally.f1) == (None, None, None)


def test_predictions_outside_labelled_sections_are_ignored() -> None:
    # Only section 1 is labelled: the target-year predictions in section 2 do not count.
    outcome = score(GOLD, [GDP, TARGET, INVEST], layout(frozenset({"1"})))
    assert outcome.ignored == (TARGET, INVEST)
    tally = total(tally_sections(outcome).values())
    assert tally.gold == 3 and tally.predicted == 1
    assert tally.precision == 1.0 and tally.recall == pytest.approx(1 / 3)


def test_predictions_in_other_documents_are_ignored() -> None:
    stranger = GDP.model_copy(update={"doc": "not-in-gold"})
    outcome = score(GOLD, [stranger], layout())
    assert outcome.ignored == (stranger,)


def test_scores_per_section_and_per_document_sum_to_the_micro_scores() -> None:
    predicted = [GDP, GROWTH_1, TARGET, fact("5%", 5, "%", occurrence=2)]
    sections = tally_sections(score(GOLD, predicted, layout()))
    assert sections[(DOC, "1")].recall == pytest.approx(2 / 3)
    assert sections[(DOC, "2")].recall == 1.0
    assert sections[(DOC, "0")] == Tally()  # the empty opening is a labelled section too
    documents = tally_documents(sections)
    assert documents[DOC] == total(sections.values())
    assert documents[DOC].recall == pytest.approx(4 / 5)


def test_attribute_accuracy_on_matched_pairs() -> None:
    wrong = [
        GDP.model_copy(update={"status": "target"}),
        GROWTH_1.model_copy(update={"kind": "share", "period": None}),
        GROWTH_2,
        TARGET.model_copy(update={"indicator": "完全不同"}),
    ]
    tally = scores(GOLD, wrong)
    assert tally.matched_gold == 4
    assert tally.status_accuracy == pytest.approx(3 / 4)
    assert tally.kind_accuracy == pytest.approx(3 / 4)
    assert tally.period_accuracy == pytest.approx(3 / 4)
    assert tally.indicator_similarity == pytest.approx(3 / 4)


def test_indicator_similarity_is_bigram_dice_over_folded_names() -> None:
    assert indicator_similarity("地区生产总值", "地区生产总值") == 1.0
    assert indicator_similarity("地區生產總值", "地区生产总值") == 1.0  # script does not count
    assert indicator_similarity("地区生产总值", "完全不同") == 0.0
    # 地区 区生 生产 产总 总值 vs 地区 区生 生产 产总 总值 值增 增速: 2*5 / (5+7)
    assert indicator_similarity("地区生产总值", "地区生产总值增速") == pytest.approx(10 / 12)
    assert indicator_similarity("", "") == 1.0
    assert indicator_similarity("值", "值") == 1.0


def test_f1_conventions() -> None:
    assert f1_score(1.0, 0.5) == pytest.approx(2 / 3)
    assert f1_score(0.0, 0.0) == 0.0
    assert f1_score(None, 0.0) == 0.0
    assert f1_score(None, None) is None


def test_scoring_does_not_depend_on_input_order() -> None:
    predicted = [GROWTH_2, fact("983亿元", 98300000000, "亿元"), GDP, GROWTH_1, INVEST]
    forward = total(tally_sections(score(GOLD, predicted, layout())).values())
    backward = total(tally_sections(score(GOLD[::-1], predicted[::-1], layout())).values())
    assert forward == backward
