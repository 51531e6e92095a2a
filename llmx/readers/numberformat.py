"""A spreadsheet cell's number as the sheet shows it, from its stored value and its number
format (`#,##0.00`, `0.0%`, `0.00"万元"`).

A workbook stores `0.062` and shows `6.2%`; stores `1234.5` and shows `1,234.50`; stores
`12.3` under `0.0"亿元"` and shows `12.3亿元`. A reader that wrote the stored value would
state a figure the report never printed (a share as a fraction, a float's noise such as
`0.30000000000000004`), so the reader writes what the sheet shows, as Excel renders it:
rounding half away from zero, a percent sign multiplying by a hundred, trailing commas
dividing by a thousand, quoted and escaped text kept, a currency tag's symbol shown
(`[$¥-804]`), colours, locales and padding dropped; sections for negatives and zero (a zero
shown as `-`), conditions (`[>=10000]`), and sections that show nothing (`;;;`).

Pure functions; the spreadsheet reader (llmx.readers.spreadsheet) is the only caller.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, localcontext
from functools import lru_cache

# Excel's General shows what fits in eleven characters; fifteen significant digits keeps every
# figure a report states and drops a float's noise.
_GENERAL_DIGITS = 15
# One token of a format section: quoted text, an escaped character, a bracketed tag (colour,
# locale, condition), padding (`_x`) or fill (`*x`), or any one character.
_TOKEN = re.compile(r'"[^"]*"|[\\!].|\[[^\]]*\]|_.|\*.|.', re.S)
# The placeholders of a number: digits, grouping commas and the decimal point.
_PLACEHOLDERS = re.compile(r"[0#?,.]+")
_DATE_LETTERS = re.compile(r"[ymdhsYMDHS]")
_CONDITION = re.compile(r"\[(<=|>=|<>|<|>|=)\s*(-?\d+(?:\.\d+)?)\]")
# Digits enough for any double written out with thirty decimals (1.8e308 has 309).
_PRECISION = 400


def _sections(number_format: str) -> list[str]:
    """A format's `;`-separated sections (positive; negative; zero; text), quotes respected."""
    sections: list[str] = []
    current: list[str] = []
    for token in _TOKEN.findall(number_format):
        if token == ";":
            sections.append("".join(current))
            current = []
        else:
            current.append(token)
    sections.append("".join(current))
    return sections


@lru_cache(maxsize=512)
def is_date_format(number_format: str) -> bool:
    """A format that shows a date or a time: date letters outside quotes and brackets, and no
    digit placeholder."""
    section = _sections(number_format)[0]
    plain = "".join(t for t in _TOKEN.findall(section) if len(t) == 1)
    return bool(_DATE_LETTERS.search(plain)) and not re.search(r"[0#?]", plain)


def general(value: float) -> str:
    """A number in General format: an integer without a point, else up to fifteen significant
    digits (what a double holds exactly, so a float's noise goes), never an exponent."""
    if not math.isfinite(value):
        return str(value)
    if value == int(value) and abs(value) < 1e15:
        return str(int(value))
    return format(Decimal(format(value, f".{_GENERAL_DIGITS}g")).normalize(), "f")


@dataclass(frozen=True)
class _Section:
    """One section of a format, parsed once: the text around the number and how to write it
    (`decimals` None for General)."""

    before: str
    after: str
    decimals: int | None = None
    percent: bool = False
    grouped: bool = False
    thousands: int = 0  # trailing commas: each divides by a thousand
    trims_zeros: bool = False  # `0.##`
    condition: tuple[str, float] | None = None  # `[>=10000]`
    number: bool = True  # False: the section shows its text alone (`"-"`, or nothing)

    def holds(self, value: float) -> bool:
        if self.condition is None:
            return True
        operator, bound = self.condition
        return {
            "<": value < bound,
            "<=": value <= bound,
            ">": value > bound,
            ">=": value >= bound,
            "=": value == bound,
            "<>": value != bound,
        }[operator]


def _section(section: str) -> _Section:
    tokens = _TOKEN.findall(section)
    found = next((c for t in tokens if (c := _CONDITION.fullmatch(t))), None)
    condition = (found.group(1), float(found.group(2))) if found else None
    literal = "".join(t for t in tokens if len(t) == 1)
    if not re.search(r"[0#]|general|@", literal, re.I):
        # No number at all: the section's own text is what shows (`"-"` for a zero, and
        # `"-"??` too, whose `?` show a zero as blanks; nothing for `;;;`).
        shown = _with_literals(tokens, "", general_only=False)
        return _Section(shown, "", condition=condition, number=False)
    placeholders = _PLACEHOLDERS.search(literal)
    general_only = (
        placeholders is None
        or not re.search(r"[0#?]", placeholders.group())
        or "/" in literal  # a fraction
        or "E" in literal.upper().replace("GENERAL", "")  # an exponent
    )
    before, _, after = _with_literals(tokens, "\0", general_only=general_only).partition("\0")
    if general_only or placeholders is None:
        return _Section(before, after, condition=condition)
    pattern = placeholders.group()
    whole, _, fraction = pattern.rstrip(",").partition(".")
    return _Section(
        before,
        after,
        decimals=len(re.findall(r"[0#?]", fraction)),
        percent="%" in literal,
        grouped="," in whole,
        thousands=len(pattern) - len(pattern.rstrip(",")),
        trims_zeros=bool(fraction) and set(fraction) <= {"#"},
        condition=condition,
    )


@lru_cache(maxsize=512)
def _compiled(number_format: str) -> tuple[_Section, ...]:
    """A format's sections, parsed once: a sheet holds a few formats over many cells."""
    return tuple(_section(section) for section in _sections(number_format or "General"))


def _chosen(sections: tuple[_Section, ...], value: float) -> tuple[_Section, bool]:
    """The section that shows `value`, and whether it writes the value's sign itself (a
    negative section does, with the value made positive)."""
    if any(section.condition for section in sections):
        for section in sections:
            if section.holds(value):
                return section, False
        return sections[-1], False
    if value < 0 and len(sections) > 1:
        return sections[1], True
    if value == 0 and len(sections) > 2:
        return sections[2], False
    return sections[0], False


def shown_number(value: float, number_format: str) -> str:
    """The text a sheet shows for `value` under `number_format` (`General` when empty)."""
    section, signed = _chosen(_compiled(number_format), value)
    if not section.number:
        return section.before.strip()
    sign = "-" if value < 0 and not signed else ""
    value = abs(value)
    if section.decimals is None or not math.isfinite(value):
        number = general(value)
    else:
        number = _fixed(value, section)
        if sign and not number.strip("0.,"):
            sign = ""  # no "-0.0"
    return (sign + section.before + number + section.after).strip()


def _fixed(value: float, section: _Section) -> str:
    """A positive value written with the section's decimals, grouping and scaling."""
    decimals = section.decimals or 0
    with localcontext() as context:
        context.prec = _PRECISION
        scaled = Decimal(repr(value))
        if section.percent:
            scaled *= 100
        if section.thousands:
            scaled /= Decimal(1000) ** section.thousands
        rounded = scaled.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
    number = f"{rounded:,.{decimals}f}" if section.grouped else f"{rounded:.{decimals}f}"
    if section.trims_zeros and "." in number:
        number = number.rstrip("0").rstrip(".")  # `0.##` shows 12.5 and 12, not 12.50
    return number


def _with_literals(tokens: list[str], number: str, *, general_only: bool = False) -> str:
    """The section's tokens with its run of placeholders replaced by `number`: quoted text
    and escaped characters kept; tags, padding, fill and the text placeholder dropped. With
    `general_only` every unquoted character is the number's (`General`, `# ?/?`, `0.0E+00`)."""
    out: list[str] = []
    placed = False
    for token in tokens:
        if len(token) > 1 or token == '"':
            if token.startswith('"'):
                out.append(token.strip('"'))
            elif token[0] in "\\!":
                out.append(token[1:])
            elif token.startswith("[$"):
                out.append(token[2:-1].split("-")[0])  # a currency tag: its symbol shows
            continue  # [Red], [$-804], _x, *x: how it looks, not what it says
        if general_only or token in "0#?,.":
            if not placed:
                out.append(number)
                placed = True
            continue
        if token != "@":
            out.append(token)
    if not placed:
        out.insert(0, number)
    return "".join(out)
