"""Budget ledgers (llmx.tables.ledger): a gazette's budget item by item, a classification code, a
name and an amount between pipes. The ledgers here are invented in the shape of Macau's."""

from __future__ import annotations

from reading import rules_facts

from llmx.tables.ledger import find_ledgers

_APPROVAL = "通過二零零九財政年度之補充預算,該預算以附件公佈。\n"
LEVELS = _APPROVAL + (
    "章 | 節 | 條 | 款 | 項 | 名稱 | 金額 (澳門幣) |\n"
    "經常收入 |\n"
    "||||||\n"
    "05 | 01 | 03 | 00 | 00 | 預算轉移 | |\n"
    "05 | 01 | 03 | 01 | 00 | 特區預算轉移 | 7,500,000.00 | |\n"
    "總收入 | 7,500,000.00 | |||||\n"
    "經常開支 |\n"
    "01 | 00 | 00 | 00 | 00 | 人員 | |\n"
    "01 | 01 | 02 | 00 | 00 | 編制以外人員 | |\n"
    "01 | 01 | 02 | 01 | 00 | 報酬 | 1,200,000.00 |\n"
    "01 | 01 | 06 | 00 | 00 | 重疊薪俸 | 300,000.00 |\n"
    "1,500,000.00 | ||||||\n"
)
CODES = _APPROVAL + (
    "經濟分類 | 收入項目 |\n"
    "金額 |\n"
    "經常收入 |\n"
    "96,000 | |\n"
    "04-00-00-00 | 財產之收 | 6,000 |\n"
    "04-03-01-00 | 銀行存款 | 6,000 |\n"
    "3-02-2 | 05-01-03-01 | 特區預算轉移 | $ 90,000 |\n"
)


def test_a_ledger_written_a_cell_per_level_gives_each_item_its_amount() -> None:
    (ledger,) = find_ledgers(LEVELS)
    rows = [
        (LEVELS[slice(*row.label)], row.value and LEVELS[slice(*row.value)], row.depth)
        for row in ledger.rows
    ]
    assert rows == [
        ("經常收入", None, 0),
        ("預算轉移", None, 3),
        ("特區預算轉移", "7,500,000.00", 4),
        ("總收入", "7,500,000.00", 0),
        ("經常開支", None, 0),
        ("人員", None, 1),
        ("編制以外人員", None, 3),
        ("報酬", "1,200,000.00", 4),
        ("重疊薪俸", "300,000.00", 3),
        ("人員", "1,500,000.00", 1),  # an amount alone closes the top group above it
    ]


def test_ledger_amounts_are_planned_money_named_by_their_items() -> None:
    facts = [(f.text, f.value, f.unit, f.status, f.indicator) for f in rules_facts(LEVELS)]
    assert facts[:4] == [
        ("7,500,000.00", 7_500_000, "元", "target", "特區預算轉移"),
        ("7,500,000.00", 7_500_000, "元", "target", "總收入"),
        # A generic item's name is its parent's: 編制以外人員 over 報酬.
        ("1,200,000.00", 1_200_000, "元", "target", "編制以外人員報酬"),
        ("300,000.00", 300_000, "元", "target", "重疊薪俸"),
    ]


def test_a_heading_takes_the_amount_on_the_line_below_and_dollars_are_yuan() -> None:
    facts = [(f.text, f.unit, f.indicator) for f in rules_facts(CODES)]
    assert facts == [
        ("96,000", "元", "經常收入"),
        ("6,000", "元", "財產之收"),
        ("6,000", "元", "銀行存款"),
        ("90,000", "元", "特區預算轉移"),
    ]


def test_serial_numbers_and_a_two_column_table_are_no_ledger() -> None:
    serials = "序號 | 項目 | 金額 |\n01 | 稅收 | 100 |\n02 | 規費 | 200 |\n03 | 罰款 | 300 |\n"
    items = "項目 | 金額 |\n稅收 | 100 |\n規費 | 200 |\n罰款 | 300 |\n"
    assert find_ledgers(serials) == []
    assert find_ledgers(items) == []


def test_each_run_of_ledger_lines_is_read_once_as_a_whole() -> None:
    headings = "".join(f"項目{number} |\n" for number in range(50))
    assert find_ledgers(headings) == []  # headings alone: no coded items, no ledger
    (ledger,) = find_ledgers(headings + CODES.split("\n", 1)[1])
    assert ledger.start == 0  # the headings above belong to the run the ledger is read from
    assert [row.depth for row in ledger.rows][-3:] == [1, 3, 4]
    (first, second) = find_ledgers(CODES + "以上為附件一。\n" + CODES)
    assert first.end < second.start
