"""Finding numeric mentions in text and normalising their value and unit.

Pure functions. Matching runs on folded text (see `llmx.folding`), which has the same length
as the source, so every span is a span of the source text. Value and unit follow the
labelling standard: the number times its magnitude word, percent kept in percent, the unit
as written with magnitude words taken off and traditional and full-width forms folded.

This module says what a number *is*; whether it is a fact is the rules extractor's call.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

import cn2an

from llmx.folding import fold
from llmx.glosses import Unglossed, unglossed
from llmx.lines import LINE_BREAKS
from llmx.vocabulary import (
    ALTERNATIVE_UNITS,
    CHINESE_DIGITS,
    CURRENCY_MAGNITUDES,
    DIGIT_MAGNITUDES,
    DIGITS_THOUSAND,
    MAGNITUDES,
    PER_UNITS,
    PREFIX_QUALIFIERS,
    SUFFIX_QUALIFIERS,
    TENS_CHARACTERS,
    TRILLION_MAGNITUDE,
    UNRECORDED_QUALIFIERS,
    WRITTEN_MAGNITUDES,
    WRITTEN_UNIT,
    Family,
    alternation,
    family_of,
)
from llmx.vocabulary import unit as declared

_UNIT_ALTERNATION = WRITTEN_UNIT
_THOUSAND = "千"
_PER_ALTERNATION = alternation(PER_UNITS).pattern
_MAG_ALTERNATION = alternation(WRITTEN_MAGNITUDES).pattern
_DIGIT_MAG_ALTERNATION = alternation(DIGIT_MAGNITUDES).pattern
_CURRENCY_MAGNITUDE = alternation(CURRENCY_MAGNITUDES)
_ALT_ALTERNATION = alternation(ALTERNATIVE_UNITS).pattern
_CN_DIGITS = CHINESE_DIGITS

# `62万8千` writes one number in two places; it is rare but official prose uses it.
# 增长1·8%: a middle dot as the decimal point, as older typesetting writes it; before a percent
# sign only, since 5·12 elsewhere names a day. 增长11. 9%: a space a page put after the decimal
# point, before a percent sign only, since 1. 2 elsewhere may be a list's numbers.
# 118萬2,626元, 84億7,000 萬元, 302 億 1,292萬9,000元, 6億4,533萬3千元, 1兆7302亿元, 1亿2千万元:
# one amount written in two or three places, as Taiwan's and Hong Kong's releases and the
# press write them. Read whole only before a unit (31萬3000多人: maybe after its qualifier), so
# a table's 12万 3400 (two cells) stays two numbers.
_PART = r"(?:\d{1,4}|\d,\d{3})"
_BEFORE_UNIT = rf"(?=[余多]?\s?(?:{_UNIT_ALTERNATION}))"
_TWO_PART = (
    rf"\d+兆{_PART}亿(?:{_PART}万)?{_BEFORE_UNIT}"
    rf"|\d+ ?亿 ?(?:{_PART}|\d千) ?万(?:\d千|{_PART})?{_BEFORE_UNIT}"
    rf"|(?:\d{{1,3}}(?:,\d{{3}})+|\d+)万{_PART}(?![\d,.]){_BEFORE_UNIT}"
)
# 6千4百54萬元 (64,540,000元): digits with the characters of thousands and hundreds between
# them, as Matsu's and Kinmen's releases write a sum; the tens and units after 百 as two digits.
_PLACED = r"[1-9]千\d百(?:\d{2})?(?!\d)"
# 1千348億798萬2千1百元, 195億8千938萬5百元: Macau's budget law writes every place it has,
# thousands and hundreds in characters between digits, around 億 and 萬.
_PLACED_AROUND_YI = (
    r"(?=[\d千百万]*亿[\d千百万]*[千百])(?:\d千)?\d{1,4}亿(?:\d千)?(?:\d百)?(?:\d{1,3}万)?"
    rf"(?:\d千)?(?:\d百)?(?:\d{{1,2}})?{_BEFORE_UNIT}"
)
_ARABIC = (
    _PLACED_AROUND_YI
    + rf"|{_TWO_PART}"
    + rf"|{_PLACED}"
    + r"|(?:\d{1,3}(?:,\d{3})+|\d+)万\d千"
    + r"|\d+(?:,\d{3})+(?:\.\d+)?|\d+·\d+(?=\s?%)|\d+\. \d{1,2}(?=%)|\d+(?:\.\d+)?"
)
# A 万 inside a Chinese numeral (一万三千五百, 三万零六百) belongs to it when a digit follows;
# a bare 千 or 百 after it starts a unit instead (百万千瓦).
# 四十九点五亿美元: a decimal point in words, with its digits after it.
# 三億九千六百萬元: the same in words; the 万 closing it is the number's own, not a magnitude;
# 十億八千兩百九十一萬六千元: and the thousands after it are the number's too.
# 一○四.六八億元, 三四五．五億元: digit by digit, as Taiwan's press writes amounts, with a
# circle for zero inside the numeral and a point for 点, before a magnitude only.
_CHINESE = (
    rf"[{_CN_DIGITS}]+亿[零〇一二两三四五六七八九][{_CN_DIGITS}]*万"
    rf"(?:[零〇一二两三四五六七八九][{_CN_DIGITS}]*)?(?!亿)|"
    rf"[{_CN_DIGITS}][{_CN_DIGITS}○]*(?:万[零〇一二两三四五六七八九][{_CN_DIGITS}]*)?"
    rf"(?:点[零〇一二两三四五六七八九]+|\.[零〇○一二两三四五六七八九]+(?=\s?[万亿]))?"
)

QUANTITY_PATTERN = re.compile(
    rf"(?P<num>{_ARABIC}|{_CHINESE}|万(?=亿))"
    r"(?P<inner>余|多)?"
    rf"(?:\s?(?P<mag>{_MAG_ALTERNATION}|(?<=\d)(?:{_DIGIT_MAG_ALTERNATION}|{DIGITS_THOUSAND})|{TRILLION_MAGNITUDE}))?"
    r"(?P<inner2>余|多)?"
    rf"(?:(?P<space>\s?)(?P<unit>(?:{_UNIT_ALTERNATION})(?:/(?:[1-9]\d{{0,2}})?(?:{_PER_ALTERNATION}))?)"
    rf"(?:[(（](?P<alt>{_ALT_ALTERNATION})[)）])?"
    rf"|[(（](?P<punit>{_UNIT_ALTERNATION})[)）])?"
)
_SMALL = r"\d{1,3}(?:\.\d+)?"
RATIO_PATTERN = re.compile(
    rf"(?<![\d.])(?P<a>{_SMALL})\s?:\s?(?P<b>{_SMALL})(?:\s?:\s?(?P<c>{_SMALL}))?(?![\d.])"
)
# 19.4922.2658.25: the terms of a three-part split (19.49:22.26:58.25) whose colons a reprint
# lost. Read only where the reading is unambiguous: as many decimals on every term, and the
# terms summing to 100.
GLUED_TERMS_PATTERN = re.compile(
    r"(?<![\d.])(?:(?P<two>(?:\d{1,2}\.\d{2}){3})|(?P<one>(?:\d{1,2}\.\d){3}))(?![\d.])"
)
_GLUED_TERM = {"two": re.compile(r"\d{1,2}\.\d{2}"), "one": re.compile(r"\d{1,2}\.\d")}
_SPLIT_TOTAL = 100.0
_SPLIT_TOLERANCE = 0.1
# 百分之十四点五, 千分之四点五: a percentage or per-mille rate written out in words, as formal
# prose and speeches do; Taiwan's releases put digits after the words (千分之4.66).
PERCENT_WORDS_PATTERN = re.compile(
    rf"(?P<per>百|千)分之(?P<num>[{_CN_DIGITS}]+(?:点[{_CN_DIGITS}]+)?|\d+(?:\.\d+)?(?!\d))"
)
_PER_WORD_UNITS = {"百": "%", "千": "‰"}
# A denominator in words is short (三分之一, 十分之一): bounded, so a long run of numerals is
# read in linear time, not tried again from each of its characters. 7/10万 is a rate per
# 100,000, no fraction.
FRACTION_PATTERN = re.compile(
    rf"(?P<den>[{_CN_DIGITS}]{{1,8}})分之(?P<num>[{_CN_DIGITS}]+)|(?P<half>一半|过半)"
    rf"|(?<![\d./A-Za-z-])(?P<dnum>\d{{1,2}})/(?P<dden>\d{{1,3}})(?![\d/万])"
)

_COMPOUND_WITH_YUE = re.compile(r"[签制节预集公合特履违婚相]约$")


@dataclass(frozen=True)
class ParsedNumber:
    value: float
    chinese: bool


@dataclass(frozen=True)
class Quantity:
    """A numeric mention: its span in the text and what it says, before any judgement."""

    start: int
    end: int
    text: str
    value: float
    unit: str
    qualifier: str | None
    number: str  # the numeral as written
    magnitude: str | None
    chinese: bool
    shape: str  # "number", "ratio", "ratio_term", "fraction"
    has_unit: bool  # a unit or magnitude is written in the token itself

    def with_unit(self, unit: str, factor: float = 1.0) -> Quantity:
        """The same mention taking a unit (and magnitude factor) from a header or a neighbour."""
        return replace(self, value=_clean(self.value * factor), unit=unit)


def _clean(value: float) -> float:
    """Round away float noise from multiplying decimals by powers of ten."""
    return float(f"{value:.10g}")


# An amount written in parts (1兆7302亿, 6亿4533万3千, 118万2626, 62万8千, 1亿2千万): at least
# two of its trillions, hundreds of millions, tens of thousands and units, the last maybe in
# thousands, and its tens of thousands maybe too.
_IN_PARTS = re.compile(
    r"(?:(?P<trillions>\d+)兆)?(?:(?P<hundred_millions>\d+)亿)?"
    r"(?:(?P<ten_thousands>\d+)(?P<thousands_of>千)?万)?(?P<units>\d+)?(?P<thousands>千)?"
)
_PLACED_PARTS = re.compile(r"(\d)千(\d)百(\d{2})?")
_PARTS = ("trillions", "hundred_millions", "ten_thousands", "units")
_PARTS_MIN = 2
# The longest numeral in words read as one number (九千九百九十九万…): a run of digits longer
# is no amount a report writes, and cn2an's time grows faster than its length.
_CHINESE_NUMERAL_MAX = 32
# Two digits in words with no place between (一一, 三五): a word (唯一一个) or a guess (三五个),
# not a number read digit by digit (一五三億, 一九九八年).
_SPOKEN_DIGITS = re.compile(r"[一二两三四五六七八九]{2}")


# Digits a figure may hold: no quantity a report states needs more (a national budget in yuan
# with its fen is 17), and a run of hundreds of digits would be no finite float at all.
_DIGITS_MAX = 24


@lru_cache(maxsize=2048)
def parse_number(numeral: str) -> ParsedNumber | None:
    """Arabic digits (with thousands separators) or a Chinese numeral, as written."""
    folded = fold(numeral).replace(",", "")
    if sum(character.isdigit() for character in folded) > _DIGITS_MAX:
        return None  # a code, an identifier or garbage; as a float it may not even be finite
    if re.fullmatch(r"\d+(?:·|\. )\d+", folded):
        folded = folded.replace("·", ".").replace(". ", ".")
    if re.fullmatch(r"\d+(?:\.\d+)?", folded):
        return ParsedNumber(float(folded), chinese=False)
    if "亿" in folded and re.fullmatch(r"(?:\d+[千百万亿])+\d*", folded):
        return ParsedNumber(_placed_value(folded), chinese=False)
    if placed := _PLACED_PARTS.fullmatch(folded):
        thousands, hundreds, rest = placed.groups()
        return ParsedNumber(int(thousands) * 1000 + int(hundreds) * 100 + int(rest or 0), False)
    in_parts = _IN_PARTS.fullmatch(folded.replace(" ", ""))
    if in_parts and sum(in_parts[part] is not None for part in _PARTS) >= _PARTS_MIN:
        scales = {
            "trillions": 1e12,
            "hundred_millions": 1e8,
            "ten_thousands": 1e7 if in_parts["thousands_of"] else 1e4,
            "units": 1e3 if in_parts["thousands"] else 1,
        }
        value = sum(float(in_parts[part] or 0) * scale for part, scale in scales.items())
        return ParsedNumber(value, chinese=False)
    if len(folded) <= _CHINESE_NUMERAL_MAX and re.fullmatch(
        rf"[{_CN_DIGITS}○万亿]+(?:[点.][{_CN_DIGITS}○]+)?", folded
    ):
        if _SPOKEN_DIGITS.fullmatch(folded):
            return None  # 唯一一个, 三五个: no number read digit by digit, but a year's
        text = folded.replace("〇", "零").replace("○", "零").replace(".", "点")
        for tens, written in TENS_CHARACTERS.items():
            text = text.replace(tens, written)
        if text[0] in "十百千万亿":
            text = "一" + text
        try:
            return ParsedNumber(float(cn2an.cn2an(text, "normal")), chinese=True)
        except (ValueError, KeyError, IndexError):
            return None
    return None


def _placed_value(folded: str) -> float:
    """The value of digits with their places written between them (1千348亿798万2千1百):
    thousands and hundreds add up within a section, 万 and 亿 close theirs."""
    total = ten_thousands = units = 0.0
    for digits, place in re.findall(r"(\d+)([千百万亿]?)", folded):
        number = float(digits)
        if place == "亿":
            total += (ten_thousands + units + number) * 1e8
            ten_thousands = units = 0.0
        elif place == "万":
            ten_thousands += (units + number) * 1e4
            units = 0.0
        else:
            units += number * {"千": 1000, "百": 100, "": 1}[place]
    return total + ten_thousands + units


def _prefix_qualifier(folded: str, start: int) -> tuple[str | None, int]:
    window = folded[max(0, start - 3) : start]
    spaced = window.rstrip(" ")  # a sign may stand apart from its figure: ≥ 15
    for word in PREFIX_QUALIFIERS:
        written = spaced if word in _SIGNS else window
        if written.endswith(word):
            if word == "约" and _COMPOUND_WITH_YUE.search(window):
                return None, start  # 签约, 节约…: a verb, not "about"
            at = start - (len(window) - len(written)) - len(word)
            return (None if word in UNRECORDED_QUALIFIERS else word), at
    return None, start


_SIGNS = frozenset(word for word in PREFIX_QUALIFIERS if not word.isalpha())


def _suffix_qualifier(folded: str, end: int) -> str | None:
    for word in SUFFIX_QUALIFIERS:
        if folded.startswith(word, end):
            return word
    return None


def _number_quantity(folded: str, source: str, match: re.Match[str]) -> Quantity | None:
    parsed = parse_number(match.group("num"))
    if parsed is None:
        return None
    magnitude = match.group("mag")
    unit = match.group("unit") or match.group("punit") or ""
    if match.group("alt"):
        unit = f"{unit}({match.group('alt')})"  # 万台(套): a bracketed alternative measure word
    inner = match.group("inner") or match.group("inner2")
    end = match.end()
    if not unit and not magnitude and inner:
        end = match.start("inner") if match.group("inner") else match.start("inner2")
        inner = None
    if not unit and match.group("space"):
        end -= 1
    elif unit and magnitude and match.group("space") in LINE_BREAKS:
        # 9.2亿⏎元: the amount ends with its line; the unit on the next line completes it
        # (a bare 12⏎% is one span, as the gold has it).
        end = match.start("space")
    start = match.start()
    factor = (MAGNITUDES.get(magnitude) or CURRENCY_MAGNITUDES[magnitude]) if magnitude else 1
    prefix, _ = _prefix_qualifier(folded, start)
    qualifier = inner or prefix or _suffix_qualifier(folded, end)
    return Quantity(
        start=start,
        end=end,
        text=source[start:end],
        value=_clean(parsed.value * factor),
        unit=unit,
        qualifier=qualifier,
        number=match.group("num"),
        magnitude=magnitude,
        chinese=parsed.chinese,
        shape="number",
        has_unit=bool(unit or magnitude),
    )


def _ratio_quantities(folded: str, source: str, match: re.Match[str]) -> list[Quantity]:
    terms = [name for name in ("a", "b", "c") if match.group(name)]
    # 油与非油经济比例由65:35调整为64.6:35.4: two parts of a hundred, which no clock time is.
    split = len(terms) == 2 and abs(sum(float(match.group(name)) for name in terms) - 100) <= 0.5
    # 男女性别比为105.23:100: a ratio against 100 is one fact, as a:1 is (GUIDELINES).
    against = len(terms) == 2 and float(match.group("b")) in (1.0, 100.0)
    if len(terms) == 2 and not against and not split:
        return []  # "a:b" with b other than 1 is a time or a label, not a ratio the reports state
    if len(terms) == 2 and re.match(r"0\d", match.group("b")):
        return []  # 09:01 is a clock time (a printed page's header), not 9:1
    if len(terms) == 2 and not split:
        # a:1 is one fact: the span may include the ":1".
        start, end = match.start(), match.end()
        return [
            Quantity(
                start,
                end,
                source[start:end],
                float(match.group("a")),
                "ratio",
                _prefix_qualifier(folded, start)[0],
                match.group("a"),
                None,
                False,
                "ratio",
                True,
            )
        ]
    quantities = []
    for name in terms:
        start, end = match.span(name)
        quantities.append(
            Quantity(
                start,
                end,
                source[start:end],
                float(match.group(name)),
                "ratio",
                None,
                match.group(name),
                None,
                False,
                "ratio_term",
                True,
            )
        )
    return quantities


def _glued_terms(source: str, match: re.Match[str]) -> list[Quantity]:
    width = "two" if match.group("two") else "one"
    terms = list(_GLUED_TERM[width].finditer(match.group(width)))
    if abs(sum(float(term.group()) for term in terms) - _SPLIT_TOTAL) > _SPLIT_TOLERANCE:
        return []
    quantities = []
    for term in terms:
        start, end = match.start() + term.start(), match.start() + term.end()
        value = float(term.group())
        quantities.append(
            Quantity(
                start,
                end,
                source[start:end],
                value,
                "ratio",
                None,
                term.group(),
                None,
                False,
                "ratio_term",
                True,
            )
        )
    return quantities


def _percent_words_quantity(folded: str, source: str, match: re.Match[str]) -> Quantity | None:
    parsed = parse_number(match.group("num"))
    if parsed is None:
        return None
    start, end = match.span()
    qualifier = _prefix_qualifier(folded, start)[0] or _suffix_qualifier(folded, end)
    return Quantity(
        start,
        end,
        source[start:end],
        parsed.value,
        _PER_WORD_UNITS[match.group("per")],
        qualifier,
        match.group("num"),
        None,
        parsed.chinese,
        "number",
        True,
    )


def _fraction_quantity(folded: str, source: str, match: re.Match[str]) -> Quantity | None:
    start, end = match.span()
    if match.group("half"):
        qualifier = "过" if match.group("half") == "过半" else None
        if qualifier:
            start += 1
        return Quantity(
            start,
            end,
            source[start:end],
            0.5,
            "ratio",
            qualifier,
            "半",
            None,
            True,
            "fraction",
            True,
        )
    if match.group("den"):
        denominator = parse_number(match.group("den"))
        numerator = parse_number(match.group("num"))
    else:
        denominator = parse_number(match.group("dden"))
        numerator = parse_number(match.group("dnum"))
    if not denominator or not numerator or not 0 < numerator.value < denominator.value:
        return None
    qualifier = _prefix_qualifier(folded, start)[0] or _suffix_qualifier(folded, end)
    return Quantity(
        start,
        end,
        source[start:end],
        numerator.value / denominator.value,
        "ratio",
        qualifier,
        source[start:end],
        None,
        denominator.chinese,
        "fraction",
        True,
    )


_DOUBLED_POINT = re.compile(r"(?<![\d.])\d+\.\.\d+")  # from a run's first digit: linear


def find_quantities(text: str) -> list[Quantity]:
    """Every numeric mention in `text`, in order, spans relative to `text`, never overlapping."""
    folded = fold(text)
    found: list[Quantity] = []
    taken = bytearray(len(text))
    for misprint in _DOUBLED_POINT.finditer(folded):
        # 2..06: a decimal misprinted, which no reading can tell (2.06? 20.6?); no number.
        taken[misprint.start() : misprint.end()] = b"\x01" * (misprint.end() - misprint.start())

    def claim(quantity: Quantity | None) -> None:
        if quantity is None or any(taken[quantity.start : quantity.end]):
            return
        taken[quantity.start : quantity.end] = b"\x01" * (quantity.end - quantity.start)
        found.append(quantity)

    for match in RATIO_PATTERN.finditer(folded):
        for quantity in _ratio_quantities(folded, text, match):
            claim(quantity)
    for match in GLUED_TERMS_PATTERN.finditer(folded):
        for quantity in _glued_terms(text, match):
            claim(quantity)
    for match in PERCENT_WORDS_PATTERN.finditer(folded):
        claim(_percent_words_quantity(folded, text, match))
    for match in FRACTION_PATTERN.finditer(folded):
        claim(_fraction_quantity(folded, text, match))
    for match in QUANTITY_PATTERN.finditer(folded):
        if any(taken[match.start() : match.end()]):
            continue
        claim(_number_quantity(folded, text, match))
    found.sort(key=lambda quantity: quantity.start)
    return found


def parse_quantity(text: str) -> Quantity | None:
    """The one quantity a quote such as "983亿元" or "21.9个百分点" states, if it states one."""
    quantities = quote_quantities(text)
    return quantities[0] if len(quantities) == 1 else None


def quote_quantities(text: str) -> list[Quantity]:
    """The mentions in a quote; a quote of 过半's span, a lone "半", is one half. A quote
    that keeps a reprint's pinyin glosses (2.62萬(wàn)億元) is read without them, each
    mention then spanning the quote from its first character to its last."""
    if text == "半":
        return [Quantity(0, 1, text, 0.5, "ratio", None, text, None, True, "fraction", True)]
    clean = Unglossed.of(text)
    if clean.text == text:
        return find_quantities(text)
    return [_on_glossed(quantity, text, clean) for quantity in find_quantities(clean.text)]


def _on_glossed(quantity: Quantity, text: str, clean: Unglossed) -> Quantity:
    """A mention read on a quote's unglossed text, put back on the quote as written."""
    start, end = clean.original(quantity.start), clean.original(quantity.end)
    return replace(quantity, start=start, end=end, text=text[start:end])


def _thousands_of(unit: str) -> bool:
    rest = unit[len(_THOUSAND) :]
    return unit.startswith(_THOUSAND) and not declared(unit) and declared(rest) is not None


def split_header_unit(header: str) -> tuple[str, float] | None:
    """The unit and magnitude factor a table header gives, e.g. "（万元/人）" → ("元/人", 1e4).
    A reprint's pinyin glosses (絕對(duì)數(shù)(萬(wàn)元)) are no part of it."""
    folded = fold(unglossed(header))
    match = re.search(r"[(（]([^()（）]*)[)）]\s*\*?\s*$", folded) or re.search(
        r"单位\s*[:：]\s*(\S+)", folded
    )
    if not match:
        # A rate column headed without brackets: 比上年增长%, 占比‰ (but 增值税50% names a
        # share of a tax, a number's own percent sign).
        rate = re.search(r"(?<![\d.])(%|‰)\s*$", folded)
        return (rate.group(1), 1.0) if rate else None
    inside = match.group(1).strip().lstrip("±+-")  # (±%): a rise or fall in percent
    magnitude = re.match(_MAG_ALTERNATION, inside)
    factor = float(MAGNITUDES[magnitude.group()]) if magnitude else 1.0
    unit = inside[magnitude.end() :] if magnitude else inside
    currency = None if magnitude else _CURRENCY_MAGNITUDE.match(inside)
    if currency and family_of(inside[currency.end() :]) is Family.MONEY:
        factor, unit = float(CURRENCY_MAGNITUDES[currency.group()]), inside[currency.end() :]
    elif not magnitude and _thousands_of(unit):
        # (千吨), (千册): thousands of a unit 千 makes no unit with, as 953.74千吨 reads in
        # prose; 千瓦, 千克 and 千公顷 are units of their own.
        factor, unit = 1000.0, unit[len(_THOUSAND) :]
    if unit.startswith("/") or not unit:
        return None
    return unit, factor
