"""Walking a text's lines upwards from a position (llmx.lines.lines_up)."""

from __future__ import annotations

from llmx.lines import lines_up


def test_lines_are_walked_up_from_the_one_a_position_ends_whole_with_where_they_start() -> None:
    text = "主要目标\n\n(一)\n促进就业增收2.5万人次"
    end = len(text)
    last, item = text.index("促进"), text.index("(一)")
    assert list(lines_up(text, end)) == [
        (last, "促进就业增收2.5万人次"), (item, "(一)"), (item - 1, ""), (0, "主要目标"),
    ]  # fmt: skip


def test_a_line_that_starts_before_the_floor_is_given_whole_and_is_the_last() -> None:
    # The floor falls inside the second line: it is the last line given, from its own start,
    # not from the text's start (a long report's first line does not stand in for it).
    text = "第一行\n第二行很长很长很长\n第三行"
    floor = text.index("很长")
    second, third = text.index("第二行"), text.index("第三行")
    assert list(lines_up(text, len(text), floor)) == [
        (third, "第三行"), (second, "第二行很长很长很长"),
    ]  # fmt: skip


def test_lines_up_agree_with_the_lines_a_text_splits_into() -> None:
    text = "\n".join(f"第{n}行" + "字" * (n % 7) for n in range(200))
    starts = [0] + [at + 1 for at, char in enumerate(text) if char == "\n"]
    expected = [(start, text[start:].split("\n")[0]) for start in reversed(starts)]
    assert list(lines_up(text, len(text))) == expected
