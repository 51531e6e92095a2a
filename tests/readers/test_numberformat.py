"""A cell's number as the sheet shows it: what a report printed, not what the file stores."""

from __future__ import annotations

import datetime as dt

import pytest

from llmx.readers.numberformat import (
    CJK_BUILTIN_FORMATS,
    general,
    is_date_format,
    shown_date,
    shown_elapsed,
    shown_number,
)


@pytest.mark.parametrize(
    ("stored", "number_format", "shown"),
    [
        (0.062, "0.0%", "6.2%"),  # a share stored as a fraction
        (0.5, "0%", "50%"),
        (1234.5, "#,##0.00", "1,234.50"),
        (1_234_567, "#,##0,", "1,235"),  # a trailing comma shows thousands
        (12.3, '0.0"亿元"', "12.3亿元"),  # quoted text is part of what is shown
        (100, "\\¥#,##0", "¥100"),
        (5, "[Red]#,##0", "5"),  # colours and locales say how, not what
        (-3.456, "0.00", "-3.46"),
        (-12.5, "0.00_);(0.00)", "(12.50)"),  # the negative section writes its own sign
        (2.5, "0", "3"),  # half away from zero, as Excel rounds
        (-2.5, "0", "-3"),
        (12.0, "0.##", "12"),
        (12.5, "0.##", "12.5"),
        (-0.01, "0.0", "0.0"),
        (0.30000000000000004, "General", "0.3"),  # a float's noise is not a figure
        (123456789012, "General", "123456789012"),
        (12, 'General"元"', "12元"),
        (1.5, "# ?/?", "1.5"),  # fractions and exponents: the number as General shows it
        (12345.678, "0.00E+00", "12345.678"),
        (7, "@", "7"),
        (1e-7, "", "0.0000001"),
        # A zero shown as a dash: the sheet states no figure there.
        (0, '_ * #,##0.00_ ;_ * -#,##0.00_ ;_ * "-"??_ ;_ @_ ', "-"),
        (-1234.5, '_ * #,##0.00_ ;_ * -#,##0.00_ ;_ * "-"??_ ;_ @_ ', "-1,234.50"),
        (0, '#,##0;-#,##0;"-"', "-"),
        # No `0` before the point: a zero's whole part shows no digit, so no figure 0.
        (0, "#,###", ""),
        (0, "#", ""),
        (0.5, "#.00", ".50"),
        (0, "#.##", ""),
        (1234, "#,###", "1,234"),
        (0, "#,##0", "0"),
        (0, "0.0%;-0.0%;-", "-"),
        (5, ";;;", ""),  # hidden
        (-5, "0.00;", ""),  # an empty negative section shows nothing
        (500, '[>=1000]#,##0,"K";0', "500"),  # conditions choose the section
        (1500, '[>=1000]#,##0,"K";0', "2K"),
        (-3, '[>=10000]0.0,"万";0', "-3"),
        (1234.5, "[$¥-804]#,##0.00", "¥1,234.50"),  # a currency tag's symbol shows
        (-12.5, '"¥"#,##0.00', "-¥12.50"),  # the sign before the text
        (1e30, "0.00", "1000000000000000000000000000000.00"),  # no overflow
        # Text set between digit placeholders, no decimal point: the whole number's digits
        # laid in from the right (Excel's way to show yuan as 万, or 202401 as a month).
        (123456, '0!.0,"万"', "12.3万"),
        (5000, '0\\.0,"万"', "0.5万"),
        (123456, '0!.0000"万元"', "12.3456万元"),
        (-98765, '0!.0,"万"', "-9.9万"),
        (202401, '0"年"00"月"', "2024年01月"),
        (20240115, "0000-00-00", "2024-01-15"),  # unquoted text between them too
        (1234567, '0 "万" 0', "123456 万 7"),
        (5, "???", "5"),  # `?` is a digit placeholder, and shows a zero as a blank
        (0, "???", ""),
    ],
)
def test_a_number_is_shown_as_its_format_shows_it(
    stored: float, number_format: str, shown: str
) -> None:
    assert shown_number(stored, number_format) == shown


def test_general_never_writes_an_exponent_or_a_point_for_a_whole_number() -> None:
    assert [general(v) for v in (3.0, 1e-7, 2.5e14, float("inf"))] == [
        "3",
        "0.0000001",
        "250000000000000",
        "inf",
    ]


@pytest.mark.parametrize(
    ("number_format", "is_date"),
    [
        ("yyyy-mm-dd", True),
        ('[$-804]yyyy"年"m"月"', True),
        ("h:mm:ss", True),
        ("0.0%", False),
        ('0.00"m"', False),  # a quoted letter is text, not a month
        ("General", False),
    ],
)
def test_a_date_format_is_told_by_its_letters_outside_quotes(
    number_format: str, is_date: bool
) -> None:
    assert is_date_format(number_format) is is_date


AFTERNOON = dt.datetime(2024, 1, 5, 14, 7, 9)  # a Friday


@pytest.mark.parametrize(
    ("number_format", "shown"),
    [
        ('yyyy"年"m"月"', "2024年1月"),
        (CJK_BUILTIN_FORMATS[31], "2024年1月5日"),
        (CJK_BUILTIN_FORMATS[28], "1月5日"),
        (CJK_BUILTIN_FORMATS[35], "下午2时07分09秒"),
        ("yyyy-mm-dd", "2024-01-05"),
        ("yy.m.d", "24.1.5"),
        ("h:mm", "14:07"),  # m after an hour is minutes
        ("mm:ss", "07:09"),  # m before seconds too
        ("yyyy/m/d h:mm AM/PM", "2024/1/5 2:07 PM"),
        ("mmm-yy", "Jan-24"),
        ("dddd", "Friday"),
        ("[$-804]aaaa", "星期五"),
        ('[$-804]yyyy"年"m"月"d"日"\\ aaa', "2024年1月5日 五"),
        ("[Red]yyyy", "2024"),
    ],
)
def test_a_date_is_shown_as_its_format_writes_it(number_format: str, shown: str) -> None:
    assert shown_date(AFTERNOON, number_format) == shown


@pytest.mark.parametrize(
    "number_format",
    [
        "[h]:mm",  # elapsed hours
        '"民国"e"年"',  # an era's years
        "mm-dd-yy",  # built-in 14: the short date of whichever computer shows it
        "m/d/yy",
        "hh:mm:ss.0",  # fractions of a second
    ],
)
def test_a_date_format_llmx_does_not_render_is_left_to_iso(number_format: str) -> None:
    assert shown_date(AFTERNOON, number_format) is None


def test_a_time_of_day_alone_has_no_date_to_show() -> None:
    assert shown_date(dt.time(9, 5), "h:mm") == "9:05"
    assert shown_date(dt.time(9, 5), "yyyy-mm-dd") is None
    assert shown_date(dt.date(2023, 12, 31), 'yyyy"年末"') == "2023年末"


@pytest.mark.parametrize(
    ("seconds", "number_format", "shown"),
    [
        (26 * 3600, "[h]:mm", "26:00"),  # the bracketed unit counts the whole
        (93_784, "[h]:mm:ss", "26:03:04"),
        (1560 * 60, "[mm]:ss", "1560:00"),
        (-3600, "[h]:mm", "-1:00"),
    ],
)
def test_a_length_of_time_is_shown_as_its_elapsed_format_writes_it(
    seconds: float, number_format: str, shown: str
) -> None:
    assert shown_elapsed(seconds, number_format) == shown
