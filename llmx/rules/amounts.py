"""The amounts a report's prose writes with a unit (4251.2亿元, 36万人), each with how far its
rounding may be off, indexed so that a table's bare figure finds the ones it rounds to: a column
that names no unit takes the unit the prose quotes its figures in. Pure functions."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from llmx.quantities import Quantity, parse_number
from llmx.vocabulary import PERCENT_UNITS, implied_kind


@dataclass(frozen=True)
class ProseAmount:
    """An amount the prose writes with its unit, and how far its rounding may be off."""

    value: float
    unit: str
    tolerance: float


@dataclass(frozen=True)
class ProseAmounts:
    """The prose's amounts grouped by how far their rounding may be off, each group sorted by
    value: the amounts a figure rounds to are found by bisection in each group, so a long
    report's many amounts against its many tables cost a logarithm a group, not a pass (one
    amount rounded to 亿 would otherwise widen every search to all amounts within 5000万)."""

    groups: tuple[tuple[float, tuple[float, ...], tuple[ProseAmount, ...]], ...] = ()

    def __bool__(self) -> bool:
        return bool(self.groups)

    def near(self, value: float) -> Iterator[ProseAmount]:
        """The amounts that `value` rounds to."""
        for tolerance, values, amounts in self.groups:
            # A hair wider than the tolerance, so a bound that float arithmetic moves by an
            # ulp is still looked at; the test below is the exact one.
            reach = tolerance * (1 + 1e-9)
            start, end = bisect_left(values, value - reach), bisect_right(values, value + reach)
            yield from (
                amount for amount in amounts[start:end] if abs(value - amount.value) <= tolerance
            )


NO_AMOUNTS = ProseAmounts()


def prose_amounts(quantities: Sequence[Quantity]) -> ProseAmounts:
    """The prose's amounts written with a unit of measure (亿元, 人), not rates."""
    grouped: dict[float, list[ProseAmount]] = {}
    for quantity in quantities:
        if not quantity.unit:
            continue
        if quantity.unit in PERCENT_UNITS or implied_kind(quantity.unit) is not None:
            continue
        numeral = parse_number(quantity.number)
        if numeral is None or not numeral.value:
            continue
        # 4251.2亿元 may stand for any amount from 4251.15亿 to 4251.25亿.
        decimals = 0 if numeral.chinese else len(quantity.number.partition(".")[2])
        scale = quantity.value / numeral.value
        tolerance = 0.5 * 10**-decimals * scale
        grouped.setdefault(tolerance, []).append(
            ProseAmount(quantity.value, quantity.unit, tolerance)
        )
    groups = []
    for tolerance, amounts in grouped.items():
        amounts.sort(key=lambda amount: amount.value)
        groups.append((tolerance, tuple(a.value for a in amounts), tuple(amounts)))
    return ProseAmounts(tuple(groups))
