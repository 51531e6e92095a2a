"""Performance self-evaluation forms (llmx.tables.scorecards) whose cells ran together with spaces
between them: funds budgeted and spent, then indicators with their targets, achieved values
and points. The forms here are invented."""

from __future__ import annotations

from reading import rules_facts

from llmx.facts import Fact
from llmx.tables import find_tables
from llmx.tables.scorecards import find_scorecards

FORM = (
    "附件3: 项目支出绩效自评表 (2031年度) 项目名称 农技培训项目 主管部门 某县农业农村局 "
    "项目资金 (万元) 年初预算数 全年预算数 全年执行数 分值 执行率 得分 "
    "年度资金总额: 40 40 38.5 10 96.3 9.6 其中:本年财政拨款 40 40 38.5 上年结转资金 其他资金 "
    "年度总体目标 预期目标 实际完成情况 开展农技培训。 完成农技培训。 "
    "绩效指标 一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分 偏差原因分析及改进措施 "
    "产出指标(50分) 数量指标 培训人次 ≥300人次 320 20 20 "
    "质量指标 培训合格率 ≥95% 97 15 15 "
    "成本指标 培训成本 ≤40万元 38.5 15 15 "
    "效益指标(30分) 社会效益指标 农民增收带动作用 明显 达成预期指标 30 28 个别乡镇覆盖不足"
)


def _of(facts: list[Fact], indicator: str) -> list[tuple[str, float, str, str, str | None]]:
    return [
        (f.text, f.value, f.unit, f.status, f.qualifier) for f in facts if f.indicator == indicator
    ]


def test_the_funds_are_in_the_forms_money_unit_budgeted_then_spent() -> None:
    facts = rules_facts(FORM)
    assert {table.layout for table in find_tables(FORM)} == {"scorecard"}
    assert _of(facts, "年度资金总额年初预算数") == [("40", 400_000, "元", "target", None)]
    assert _of(facts, "年度资金总额全年执行数") == [("38.5", 385_000, "元", "actual", None)]
    assert _of(facts, "年度资金总额分值") == [("10", 10, "分", "target", None)]
    assert _of(facts, "年度资金总额执行率") == [("96.3", 96.3, "%", "actual", None)]
    assert _of(facts, "本年财政拨款全年执行数") == [("38.5", 385_000, "元", "actual", None)]
    assert {f.period for f in facts} == {"2031"}


def test_an_achieved_figure_takes_the_unit_its_target_writes() -> None:
    facts = rules_facts(FORM)
    assert _of(facts, "培训人次") == [
        ("300", 300, "人次", "target", "≥"),
        ("320", 320, "人次", "actual", None),
    ]
    assert _of(facts, "培训成本") == [
        ("40", 400_000, "元", "target", "≤"),
        ("38.5", 385_000, "元", "actual", None),
    ]


def test_each_indicator_and_each_group_is_worth_points_and_scores_them() -> None:
    facts = rules_facts(FORM)
    assert _of(facts, "培训合格率分值") == [("15", 15, "分", "target", None)]
    assert _of(facts, "农民增收带动作用分值") == [("30", 30, "分", "target", None)]
    assert _of(facts, "农民增收带动作用得分") == [("28", 28, "分", "actual", None)]
    assert _of(facts, "产出指标分值") == [("50", 50, "分", "target", None)]
    assert _of(facts, "效益指标分值") == [("30", 30, "分", "target", None)]
    # A target in words (明显) and an achievement in words are no figures.
    assert _of(facts, "农民增收带动作用") == []


def test_the_same_form_one_cell_per_line_reads_alike() -> None:
    (card,) = find_scorecards(FORM.replace(" ", "\n"))
    assert len(card.indicators) == 4
    assert len(card.funds) == 2


def test_prose_naming_the_indicator_levels_is_no_form() -> None:
    prose = (
        "绩效指标分为一级指标、二级指标和三级指标，年度指标值和实际完成值按分值计算得分，"
        "共设置12个三级指标，全年得分95分。"
    )
    assert find_scorecards(prose) == []
    assert [t for t in find_tables(prose) if t.layout == "scorecard"] == []


def test_a_header_followed_by_a_row_of_many_figures_is_no_indicator_row() -> None:
    text = "一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分 2031 2032 2033 2034 2035"
    assert find_scorecards(text) == []


def test_the_forms_total_ends_its_indicators() -> None:
    (card,) = find_scorecards(FORM + " 总分 100 92.6")
    assert len(card.indicators) == 4
