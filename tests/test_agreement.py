"""Agreement between two readings counts only facts inside the sampled ranges."""

from __future__ import annotations

from llmx.agreement import Range, agreement
from llmx.facts import Fact


def _fact(start: int, end: int, value: float, unit: str = "元", doc: str = "d") -> Fact:
    return Fact(
        doc=doc,
        start=start,
        end=end,
        text="x" * (end - start),
        value=value,
        unit=unit,
        indicator="i",
        status="actual",
        kind="level",
    )


def test_readings_that_agree_inside_the_sample_score_one() -> None:
    sample = [Range("d", 0, 100)]
    first = [_fact(10, 15, 5), _fact(20, 25, 7)]
    result = agreement(first, list(first), sample)
    assert (result.precision, result.recall, result.f1) == (1.0, 1.0, 1.0)


def test_facts_outside_the_sample_do_not_count() -> None:
    sample = [Range("d", 0, 50)]
    first = [_fact(10, 15, 5), _fact(60, 65, 9)]
    second = [_fact(10, 15, 5), _fact(70, 75, 3, doc="d")]
    result = agreement(first, second, sample)
    assert (len(result.first), len(result.second), len(result.matches)) == (1, 1, 1)


def test_a_unit_disagreement_is_a_disagreement() -> None:
    sample = [Range("d", 0, 50)]
    result = agreement([_fact(10, 15, 5, "元")], [_fact(10, 15, 5, "%")], sample)
    assert result.f1 == 0.0
    assert [f.unit for f in result.only_first] == ["元"]
    assert [f.unit for f in result.only_second] == ["%"]
