"""Response schemas: the standard's field names, lax where harmless, and messages written for
the model where an answer cannot be repaired (instructor sends them back on a re-ask)."""

from __future__ import annotations

from typing import Any

import pytest
from pydantic import ValidationError
from support import GDP

from llmx.llm.schemas import CandidateDecision, ExtractedFacts, HybridAnswer, ModelFact

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


def test_a_hybrid_decision_must_name_an_existing_candidate() -> None:
    context = {"candidates": 3}
    assert CandidateDecision.model_validate({"id": 2, "keep": True}, context=context).id == 2
    with pytest.raises(ValidationError, match="candidate 4 does not exist; ids run from 1 to 3"):
        CandidateDecision.model_validate({"id": 4, "keep": True}, context=context)


def test_a_hybrid_answer_decides_each_candidate_once() -> None:
    with pytest.raises(ValidationError, match="candidate 1 has two decisions"):
        HybridAnswer.model_validate(
            {"decisions": [{"id": 1, "keep": True}, {"id": 1, "keep": False}]}
        )
