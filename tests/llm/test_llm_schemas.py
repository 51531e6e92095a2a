"""Response schemas: the standard's field names, lax where harmless, and messages written for
the model where an answer cannot be repaired (instructor sends them back on a re-ask)."""

from __future__ import annotations

import json
from typing import Any

import pytest
from pydantic import ValidationError
from support import GDP

from llmx.llm.schemas import ExtractedFacts, HybridAnswer, ModelFact, repairs_of

GOOD = GDP  # a fact exactly as a model should return it


def _fact(**changes: Any) -> ModelFact:
    return ModelFact.model_validate({**GOOD, **changes})


def test_a_fact_uses_the_standards_field_names() -> None:
    fields = set(ModelFact.model_json_schema()["properties"])
    assert fields == {"text", "value", "unit", "qualifier", "indicator", "period", "status", "kind"}


def test_harmless_slips_are_repaired_rather_than_re_asked() -> None:
    fact = _fact(value="-98,300,000,000", unit="億元", period=2023, status=" Target ", qualifier="")
    assert (fact.value, fact.unit, fact.period, fact.status, fact.qualifier) == (
        98300000000.0,
        "亿元",  # the magnitude word comes off in grounding, where the value is checked
        "2023",
        "target",
        None,
    )
    assert _fact(period="2024年").period == "2024" and _fact(unit="％").unit == "%"


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"text": "地区生产总值"}, "has no number; quote the number as written"),
        ({"value": "983亿"}, "is not a plain number; write the number times its magnitude"),
        ({"value": float("nan")}, "value must be a finite number"),
        ({"period": "近年"}, 'must be one year like "2023", or null'),
        ({"status": "done"}, "must be one of actual or target"),
        ({"kind": "rate"}, "must be one of level, change or share"),
        ({"indicator": " "}, "indicator is empty"),
    ],
)
def test_what_cannot_be_repaired_is_explained_to_the_model(
    changes: dict[str, Any], message: str
) -> None:
    with pytest.raises(ValidationError, match=message):
        _fact(**changes)


def test_an_empty_section_is_an_empty_list() -> None:
    assert ExtractedFacts.model_validate({}).facts == []


def test_a_decision_on_a_candidate_that_does_not_exist_is_left_out_and_the_rest_kept() -> None:
    answer = HybridAnswer.model_validate(
        {"decisions": [{"id": 2, "keep": True}, {"id": 4, "keep": True}, {"id": 0, "keep": True}]},
        context={"candidates": 3},
    )
    assert [decision.id for decision in answer.decisions] == [2]
    assert [repair.kind for repair in repairs_of(answer)] == ["unknown candidate"] * 2


def test_a_second_decision_on_one_candidate_is_left_out() -> None:
    answer = HybridAnswer.model_validate(
        {"decisions": [{"id": 1, "keep": True}, {"id": 1, "keep": False}]}
    )
    assert [(d.id, d.keep) for d in answer.decisions] == [(1, True)]
    assert [repair.detail for repair in repairs_of(answer)] == ["candidate 1"]


def test_an_added_fact_that_does_not_validate_is_left_out_with_its_reason() -> None:
    good = {**GDP}
    bad = {**GDP, "text": "many", "value": "lots"}
    answer = HybridAnswer.model_validate({"decisions": [], "added": [bad, good]})
    assert [fact.text for fact in answer.added] == ["983亿元"]
    [repair] = repairs_of(answer)
    assert repair.kind == "invalid added fact"
    assert repair.detail.startswith("text: text 'many' has no number")


def test_the_model_cannot_fill_in_the_repairs_itself() -> None:
    answer = HybridAnswer.model_validate({"repaired": [{"kind": "x", "detail": "y"}]})
    assert repairs_of(answer) == []
    assert "repaired" not in json.dumps(HybridAnswer.model_json_schema())
