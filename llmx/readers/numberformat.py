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

import datetime as dt
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
    # Digit placeholders with text set between them and no decimal point (`0!.0,"万"`, Excel's
    # way to show 123456 as 12.3万): the whole number's digits are laid into them from the right,
    # the text between kept. Each item a placeholder (`0`, `#`, `?`) or the text between.
    laid: tuple[str, ...] = ()
    blanks_zero: bool = False  # every placeholder a `?`, which shows a zero as a blank
    # No `0` before the decimal point (`#,###`, `#.00`): a whole part of zero shows no digit,
    # so a zero shows as blank (or `.00`), never as the figure 0 the sheet does not show.
    optional_whole: bool = False
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
    if not re.search(r"[0#?]|general|@", literal, re.I):
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
    blanks_zero = not re.search(r"[0#]", literal)
    laid = _laid_out(tokens)
    if laid is not None:
        first, last, thousands = laid
        return _Section(
            _with_literals(tokens[:first], ""),
            _with_literals([t for t in tokens[last + 1 :] if t != ","], ""),
            decimals=0,
            percent="%" in literal,
            thousands=thousands,
            condition=condition,
            blanks_zero=blanks_zero,
            laid=tuple(
                token if token in _EMPTY_PLACE else _with_literals([token], "")
                for token in tokens[first : last + 1]
                if token != ","
            ),
        )
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
        blanks_zero=blanks_zero,
        optional_whole="0" not in whole,
    )


def _laid_out(tokens: list[str]) -> tuple[int, int, int] | None:
    """Where a section's first and last digit placeholders are, and how many commas follow
    the last, where text is set between placeholders (`0!.0,"万"`, `0000-00-00`) and there is
    no decimal point among them; None otherwise."""
    marks = [index for index, token in enumerate(tokens) if token in _EMPTY_PLACE]
    if not marks:
        return None
    between = tokens[marks[0] : marks[-1] + 1]
    if "." in between or all(token in _EMPTY_PLACE or token == "," for token in between):
        return None
    commas = 0
    for token in tokens[marks[-1] + 1 :]:
        if token != ",":
            break
        commas += 1
    return marks[0], marks[-1], commas


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
        number = _laid(value, section) if section.laid else _fixed(value, section)
        if not number.strip("0.,"):
            sign = ""  # no "-0.0"
            if section.blanks_zero:
                number = ""
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
    if section.optional_whole and (number == "0" or number.startswith("0.")):
        number = number[1:]  # `#,###` shows a zero as nothing, `#.00` shows 0.5 as .50
    return number


def _laid(value: float, section: _Section) -> str:
    """A positive value rounded whole (after its scaling), its digits laid into the section's
    placeholders from the right, the leftmost placeholder taking all that remain."""
    digits = _fixed(value, section)
    places = [index for index, item in enumerate(section.laid) if item in _EMPTY_PLACE]
    shown = list(section.laid)
    for index in reversed(places):
        if index == places[0]:
            taken, digits = digits, ""
        else:
            taken, digits = digits[-1:], digits[:-1]
        shown[index] = taken or _EMPTY_PLACE[section.laid[index]]
    return "".join(shown)


# What a digit placeholder shows where no digit is left for it.
_EMPTY_PLACE = {"0": "0", "#": "", "?": " "}


def _literal(token: str) -> str:
    """What a format's token of more than one character shows: quoted text, an escaped
    character, a currency tag's symbol; nothing for a colour, locale or condition, padding
    (`_x`) or fill (`*x`): how it looks, not what it says."""
    if token.startswith('"'):
        return token.strip('"')
    if token[0] in "\\!":
        return token[1:]
    if token.startswith("[$"):
        return token[2:-1].split("-")[0]
    return ""


def _with_literals(tokens: list[str], number: str, *, general_only: bool = False) -> str:
    """The section's tokens with its run of placeholders replaced by `number`: quoted text
    and escaped characters kept; tags, padding, fill and the text placeholder dropped. With
    `general_only` every unquoted character is the number's (`General`, `# ?/?`, `0.0E+00`)."""
    out: list[str] = []
    placed = False
    for token in tokens:
        if len(token) > 1 or token == '"':
            out.append(_literal(token))
            continue
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


# The formats a Chinese (PRC) Excel shows for the ids its locale gives them, which a workbook
# names by id alone (openpyxl and xlrd know only the ids every locale shares). A workbook does
# not say which locale wrote it; these are the mainland's (Taiwan's show 27, 36 and 50 in the
# Republic's years, `e/m/d`; llmx writes the year as these do, in the common era).
CJK_BUILTIN_FORMATS: dict[int, str] = {
    27: 'yyyy"年"m"月"',
    28: 'm"月"d"日"',
    29: 'm"月"d"日"',
    30: "m-d-yy",
    31: 'yyyy"年"m"月"d"日"',
    32: 'h"时"mm"分"',
    33: 'h"时"mm"分"ss"秒"',
    34: '上午/下午h"时"mm"分"',
    35: '上午/下午h"时"mm"分"ss"秒"',
    36: 'yyyy"年"m"月"',
    50: 'yyyy"年"m"月"',
    51: 'm"月"d"日"',
    52: 'yyyy"年"m"月"',
    53: 'm"月"d"日"',
    54: 'm"月"d"日"',
    55: '上午/下午h"时"mm"分"',
    56: '上午/下午h"时"mm"分"ss"秒"',
    57: 'yyyy"年"m"月"',
    58: 'm"月"d"日"',
}

# One token of a date format: quoted text, an escaped character, a bracketed tag, padding or
# fill, a morning/afternoon marker, a run of one date letter, or any one character.
_DATE_TOKEN = re.compile(
    r'"[^"]*"|[\\!].|\[[^\]]*\]|_.|\*.|AM/PM|A/P|上午/下午|y+|m+|d+|h+|s+|a{3,4}|e+|g+|.',
    re.S | re.I,
)
# Built-in 14 and 22, as openpyxl and xlrd name them: the short date of the computer that
# shows the sheet (2023/12/31 on a Chinese one, 12/31/2023 on an American one), so no one
# writing of it is the sheet's; the reader writes it as ISO does.
_SHORT_DATES = frozenset({"mm-dd-yy", "m/d/yy", "m/d/yy h:mm"})
_FRACTION_OF_SECOND = re.compile(r"s\.0", re.I)  # `ss.0`, which llmx does not render
_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_CHINESE_DAYS = "一二三四五六日"


def shown_date(moment: dt.datetime | dt.date | dt.time, number_format: str) -> str | None:
    """A date or time as a sheet shows it under `number_format` (`yyyy"年"m"月"` shows
    2024年1月): year, month, day, weekday, hour, minute and second, twelve-hour clocks, quoted
    and escaped text; None for what llmx does not render (era years, elapsed time, fractions
    of a second, the computer's short date), which the reader writes as ISO does."""
    section = _sections(number_format)[0]
    if number_format in _SHORT_DATES or _FRACTION_OF_SECOND.search(section):
        return None
    tokens = _DATE_TOKEN.findall(section)
    letters = [index for index, token in enumerate(tokens) if _date_letter(token)]
    twelve = any(_date_letter(token) == "p" for token in tokens)
    if isinstance(moment, dt.time):
        date, time = None, moment
    elif isinstance(moment, dt.datetime):
        date, time = moment.date(), moment.time()
    else:
        date, time = moment, dt.time()
    shown: list[str] = []
    for index, token in enumerate(tokens):
        letter = _date_letter(token)
        if not letter:
            shown.append(_date_literal(token))
            continue
        if letter == "m" and _is_minute(tokens, letters, index):
            letter = "n"
        part = _date_part(letter, len(token), token, date, time, twelve)
        if part is None:
            return None
        shown.append(part)
    return "".join(shown) if letters else None


def shows_time(number_format: str) -> bool:
    """Whether a date format shows a time of day (hours or seconds outside quotes)."""
    return any(_date_letter(token) in ("h", "s") for token in _DATE_TOKEN.findall(number_format))


def _date_letter(token: str) -> str:
    """What a date token stands for: y, m (month or minute), d, a (Chinese weekday), h, s,
    p (a morning/afternoon marker), x (what llmx does not render); empty for a literal."""
    lower = token.lower()
    if lower in ("am/pm", "a/p", "上午/下午"):
        return "p"
    if lower[:1] in ("y", "m", "d", "h", "s") and set(lower) == {lower[0]}:
        return lower[0]
    if lower in ("aaa", "aaaa"):
        return "a"
    if lower[:1] in ("e", "g") and set(lower) == {lower[0]}:
        return "x"
    if lower.startswith("[") and lower.strip("[]") in ("h", "hh", "m", "mm", "s", "ss"):
        return "x"  # elapsed time
    if lower.startswith("[") and lower[1:2] in "<>=":
        return "x"  # a condition
    return ""


def _is_minute(tokens: list[str], letters: list[int], index: int) -> bool:
    """Whether an `m` run stands for minutes: right after an hour, or right before seconds."""
    at = letters.index(index)
    before = _date_letter(tokens[letters[at - 1]]) if at > 0 else ""
    after = _date_letter(tokens[letters[at + 1]]) if at + 1 < len(letters) else ""
    return before == "h" or after == "s"


def _date_part(
    letter: str, width: int, token: str, date: dt.date | None, time: dt.time, twelve: bool
) -> str | None:
    if letter == "x" or (letter in ("y", "m", "d", "a") and date is None):
        return None
    if letter == "p":
        morning = time.hour < 12
        if token == "上午/下午":
            return "上午" if morning else "下午"
        marks = token.split("/")
        return marks[0] if morning else marks[1]
    if letter in ("h", "n", "s"):
        hour = time.hour % 12 or 12 if twelve else time.hour
        number = {"h": hour, "n": time.minute, "s": time.second}[letter]
        return f"{number:02d}" if width >= 2 else str(number)
    if date is None:
        return None
    if letter == "y":
        return f"{date.year % 100:02d}" if width <= 2 else f"{date.year:04d}"
    if letter == "m":
        names = {3: _MONTHS[date.month - 1][:3], 4: _MONTHS[date.month - 1]}
        if width >= 5:
            return _MONTHS[date.month - 1][0]
        return names.get(width, f"{date.month:02d}" if width == 2 else str(date.month))
    if letter == "a":
        day = _CHINESE_DAYS[date.weekday()]
        return day if width == 3 else f"星期{day}"
    if width >= 4:
        return _DAYS[date.weekday()]
    if width == 3:
        return _DAYS[date.weekday()][:3]
    return f"{date.day:02d}" if width == 2 else str(date.day)


def _date_literal(token: str) -> str:
    """What a date format's literal token shows: as a number format's does (`_literal`),
    but padding a space, any tag nothing, and a plain character itself."""
    if token.startswith("_"):
        return " "
    if token.startswith("["):
        return ""
    return _literal(token) if len(token) > 1 or token in ('"', "\\", "!", "*") else token


_ELAPSED = re.compile(r"\[(h+|m+|s+)\]", re.I)


def is_elapsed_format(number_format: str) -> bool:
    """A format that shows a length of time (`[h]:mm`), not a time of day."""
    return _ELAPSED.search(_sections(number_format)[0]) is not None


def shown_elapsed(seconds: float, number_format: str) -> str | None:
    """A length of time as an elapsed format shows it (`[h]:mm` shows 26 hours as `26:00`):
    the bracketed unit counts the whole, the units after it what is left; to the second.
    None where the format shows more than hours, minutes and seconds."""
    tokens = _DATE_TOKEN.findall(_sections(number_format)[0])
    whole = next(filter(None, map(_ELAPSED.fullmatch, tokens)), None)
    if whole is None:
        return None
    unit = whole.group(1)[0].lower()
    total = round(abs(seconds))
    counts = {"h": total // 3600, "m": total // 60, "s": total}
    if unit == "h":
        counts["m"] = total % 3600 // 60
    if unit in ("h", "m"):
        counts["s"] = total % 60
    shown = ["-" if seconds < 0 and total else ""]
    for token in tokens:
        found = _ELAPSED.fullmatch(token)
        letter = found.group(1)[0].lower() if found else _date_letter(token)
        width = len(found.group(1)) if found else len(token)
        if letter in ("h", "m", "s"):
            shown.append(f"{counts[letter]:0{min(width, 2)}d}")
        elif letter:
            return None
        else:
            shown.append(_date_literal(token))
    return "".join(shown)
