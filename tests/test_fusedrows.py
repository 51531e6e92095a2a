"""Rows whose figures ran together under a line of periods (llmx.tables.fusedrows): each run
split only where its figures are written alike. The table is invented."""

from __future__ import annotations

import pytest
from reading import rules_facts

from llmx.tables.fusedrows import find_fused_rows, split_run

_LABOUR_FORCE = (
    "勞動力狀況\n"
    " 連結歷史資料 112年上半年 112年下半年 113年上半年\n"
    "十五歲以上民間人口 1,0841,0811,078\n"
    "勞動力 645650642\n"
    "勞動力/失業者 232221\n"
    "勞動力參與率 59.5060.1059.60\n"
)


@pytest.mark.parametrize(
    ("run", "figures"),
    [
        ("1,0841,0811,078", ["1,084", "1,081", "1,078"]),  # thousands commas
        ("59.5060.1059.60", ["59.50", "60.10", "59.60"]),  # two decimals each
        ("645650642", ["645", "650", "642"]),  # whole numbers of one length
    ],
)
def test_a_run_splits_into_figures_written_alike(run: str, figures: list[str]) -> None:
    spans = split_run(run, 3)
    assert spans is not None
    assert [run[a:b] for a, b in spans] == figures


@pytest.mark.parametrize(
    "run",
    [
        "99100101",  # whole numbers of different lengths: no one way to cut them
        "905010",  # 90 50 10: too far apart to be one row's figures cut by length
        "9981,0021,010",  # a figure without its comma among figures with one
    ],
)
def test_a_run_that_splits_by_guess_only_is_left_out(run: str) -> None:
    assert split_run(run, 3) is None


def test_each_column_takes_the_year_of_its_period_in_the_common_era() -> None:
    (grid,) = find_fused_rows(_LABOUR_FORCE)
    assert grid.years == ("2023", "2023", "2024")
    facts = {(fact.text, fact.period): fact for fact in rules_facts(_LABOUR_FORCE)}
    assert len(facts) == 12
    # Two halves of one year: the column's period tells the two facts apart.
    assert facts["650", "2023"].indicator == "勞動力112年下半年"
    assert (facts["1,078", "2024"].value, facts["1,078", "2024"].unit) == (1078, "")


def test_a_rate_in_a_table_that_writes_no_unit_is_a_share() -> None:
    facts = rules_facts(_LABOUR_FORCE)
    rates = [fact for fact in facts if fact.indicator.startswith("勞動力參與率")]
    assert [(fact.text, fact.unit, fact.kind) for fact in rates] == [
        ("59.50", "", "share"),
        ("60.10", "", "share"),
        ("59.60", "", "share"),
    ]
