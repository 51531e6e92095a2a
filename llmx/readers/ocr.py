"""Scanned pages: a PDF page with no text layer, read by OCR into the glyphs
llmx.readers.layout lays out, so a scan's prose and tables come out as a printed page's do.

The OCR is RapidOCR (PaddleOCR's PP-OCRv4 Chinese and English models on ONNX Runtime), whose
wheel carries its models: nothing is downloaded, and it runs offline on a CPU. It is optional
(`pip install 'llmx[ocr]'`); without it a scan is refused in one line that says so.

A page is rendered at `RENDER_DPI`; OCR finds words (a line of prose, a table's cell) with
their boxes. Words are put on lines by their vertical overlap, left to right; each word's
characters are spread over its box (a Chinese character twice as wide as a digit), and a
space glyph spans the gap between two words, so the layout finds a table's columns by the
gutters between them as it does on a printed page with no rules. Boxes are converted to PDF
points, so a fact's locator names the page as it does for a text layer.

Every figure read from a scan is OCR's reading: the document's format says `pdf+ocr`.
"""

from __future__ import annotations

import importlib.util
import itertools
import statistics
import unicodedata
from collections.abc import Sequence
from functools import lru_cache
from typing import Any, NamedTuple

from llmx.readers.layout import LINE_END, Box, Glyph

RENDER_DPI = 200
# The most pixels a page is rendered at (an A4 page at 200 dpi is 3.9 million): a poster-sized
# page is rendered coarser rather than taking gigabytes.
MAX_PIXELS = 40_000_000
# How much of an OCR box's height is the type size: the box holds ascenders and a margin.
_SIZE_OF_HEIGHT = 0.8
_INK = 0.8  # of the type size: how tall a glyph's ink is
# A word's size is told from its width when it has this many Chinese characters; sizes
# within this share of the body's are the body's.
_WIDE_FOR_SIZE = 4
_SAME_SIZE = 0.15
# A word joins a line when their vertical extents overlap by this share of the shorter.
_SAME_LINE = 0.5
# A rule across is a dark run at least this share of the page wide; a column's rule may be
# one row high, so a rule down is one at least this many points long, longer than a stroke
# of body text. Darker than `_DARK` (of 255) is ink.
_RULE_SHARE = 40
_COLUMN_RULE = 14
_DARK = 160
_NARROW_WIDTH = 0.55  # a digit or Latin letter, against a Chinese character's 1
# A space inside a word OCR found stands for a gap at least a Chinese character wide.
_SPACE_WIDTH = 1.0


class Word(NamedTuple):
    """A run of text OCR found, with its box in pixels of the rendered page (y down)."""

    text: str
    left: float
    top: float
    right: float
    bottom: float


def render_scale(width: float, height: float) -> float:
    """Pixels per PDF point to render a page of `width` by `height` points at."""
    scale = RENDER_DPI / 72
    pixels = width * height * scale * scale
    return scale if pixels <= MAX_PIXELS else scale * (MAX_PIXELS / pixels) ** 0.5


def available() -> bool:
    """Whether the OCR engine is installed (`llmx[ocr]`)."""
    return importlib.util.find_spec("rapidocr_onnxruntime") is not None


@lru_cache(maxsize=1)
def _engine() -> Any:
    from rapidocr_onnxruntime import RapidOCR

    return RapidOCR()


def recognise(image: Any) -> list[Word]:
    """The words OCR finds on a page image (a BGR array of pixels)."""
    found, _ = _engine()(image)
    words = []
    for points, text, _confidence in found or ():
        xs = [float(point[0]) for point in points]
        ys = [float(point[1]) for point in points]
        if str(text).strip():
            words.append(Word(str(text).strip(), min(xs), min(ys), max(xs), max(ys)))
    return words


def read_page(image: Any, page_height: float, scale: float) -> tuple[list[Glyph], list[Box]]:
    """A page image's glyphs and the rules drawn on it, in PDF points (the page rendered at
    `scale` pixels a point): what llmx.readers.layout builds a printed page from."""
    rules = rulings(image, scale)
    words = split_at_rules(recognise(image), [rule for rule in rules if _is_vertical(rule)])
    shapes = [_in_points(rule, page_height, scale) for rule in rules]
    return glyphs_of(words, page_height, scale), shapes


def rulings(image: Any, scale: float) -> list[Word]:
    """The rules drawn on a page image (a table's grid lines) as boxes in pixels: runs of dark
    pixels far longer than any stroke of a character, found by opening the image with a long
    thin kernel across and down (OpenCV, which the OCR engine brings)."""
    import cv2

    grey = image if image.ndim == 2 else cv2.cvtColor(image, cv2.COLOR_BGR2GRAY)
    _, dark = cv2.threshold(grey, _DARK, 255, cv2.THRESH_BINARY_INV)
    width = dark.shape[1]
    found = []
    for kernel in (
        cv2.getStructuringElement(cv2.MORPH_RECT, (max(width // _RULE_SHARE, 2), 1)),
        cv2.getStructuringElement(cv2.MORPH_RECT, (1, max(round(_COLUMN_RULE * scale), 2))),
    ):
        opened = cv2.morphologyEx(dark, cv2.MORPH_OPEN, kernel)
        contours, _ = cv2.findContours(opened, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_SIMPLE)
        for contour in contours:
            x, y, w, h = cv2.boundingRect(contour)
            found.append(Word("", float(x), float(y), float(x + w), float(y + h)))
    return found


def _is_vertical(rule: Word) -> bool:
    return rule.bottom - rule.top > rule.right - rule.left


def _in_points(rule: Word, page_height: float, scale: float) -> Box:
    return Box(
        rule.left / scale,
        page_height - rule.bottom / scale,
        rule.right / scale,
        page_height - rule.top / scale,
    )


def split_at_rules(words: Sequence[Word], verticals: Sequence[Word]) -> list[Word]:
    """Words OCR read across a table's column rules (`指标 单位 1990年 1995年`, a header read
    as one line) cut at those rules, where the word's spaces part it into as many pieces as
    the rules make cells; other words as found."""
    cut: list[Word] = []
    for word in words:
        middle = (word.top + word.bottom) / 2
        edges = sorted(
            (rule.left + rule.right) / 2
            for rule in verticals
            if rule.top <= middle <= rule.bottom
            and word.left < (rule.left + rule.right) / 2 < word.right
        )
        pieces = word.text.split()
        if not edges or len(pieces) != len(edges) + 1:
            cut.append(word)
            continue
        bounds = [word.left, *edges, word.right]
        cut += [
            Word(piece, left, word.top, right, word.bottom)
            for piece, (left, right) in zip(pieces, itertools.pairwise(bounds), strict=True)
        ]
    return cut


def lines_of(words: Sequence[Word]) -> list[list[Word]]:
    """Words put on printed lines, top to bottom, each line left to right: a word joins the
    line whose vertical extent it overlaps most, if by half its height or more."""
    lines: list[list[Word]] = []
    extents: list[tuple[float, float]] = []
    for word in sorted(words, key=lambda w: ((w.top + w.bottom) / 2, w.left)):
        best, best_overlap = -1, 0.0
        for index, (top, bottom) in enumerate(extents):
            shorter = min(bottom - top, word.bottom - word.top) or 1.0
            overlap = (min(bottom, word.bottom) - max(top, word.top)) / shorter
            if overlap >= _SAME_LINE and overlap > best_overlap:
                best, best_overlap = index, overlap
        if best < 0:
            lines.append([word])
            extents.append((word.top, word.bottom))
        else:
            lines[best].append(word)
            top, bottom = extents[best]
            extents[best] = (min(top, word.top), max(bottom, word.bottom))
    order = sorted(range(len(lines)), key=lambda index: sum(extents[index]))
    return [sorted(lines[index], key=lambda word: word.left) for index in order]


def glyphs_of(words: Sequence[Word], page_height: float, scale: float) -> list[Glyph]:
    """The page's glyphs in reading order (LINE_END after each line), in PDF points, from
    words found on the page rendered at `scale` pixels a point."""
    points = 1 / scale
    glyphs: list[Glyph] = []
    body = _body_size(words)
    for line in lines_of(words):
        previous: Box | None = None
        for word in line:
            left, right = word.left * points, word.right * points
            size = _type_size(word, body) * points
            # The box OCR draws has a margin round the ink; a glyph's box is its ink, as a
            # text layer gives it (the layout measures gutters in glyph heights).
            middle = page_height - (word.top + word.bottom) / 2 * points
            bottom, top = middle - _INK * size / 2, middle + _INK * size / 2
            if previous is not None:
                glyphs.append(
                    Glyph(" ", Box(previous.right, bottom, max(left, previous.right), top), size)
                )
            at = left
            for char, width in zip(word.text, _widths(word.text, size, right - left), strict=True):
                glyphs.append(Glyph(char, Box(at, bottom, at + width, top), size))
                at += width
            previous = Box(left, bottom, right, top)
        glyphs.append(LINE_END)
    return glyphs


def _em(word: Word) -> float | None:
    """A word's type size in pixels, from its width where it holds Chinese characters (a box's
    height varies with what the line holds, its width does not), else None."""
    wide = sum(1 for char in word.text if _width(char) == 1.0 and not char.isspace())
    if wide < _WIDE_FOR_SIZE or any(char.isspace() for char in word.text):
        return None
    return (word.right - word.left) / sum(_width(char) for char in word.text)


def _body_size(words: Sequence[Word]) -> float:
    """The page's body type size in pixels: the median of its words' sizes."""
    ems = [em for em in map(_em, words) if em is not None]
    if ems:
        return statistics.median(ems)
    heights = [word.bottom - word.top for word in words]
    return statistics.median(heights) * _SIZE_OF_HEIGHT if heights else 0.0


def _type_size(word: Word, body: float) -> float:
    """A word's type size: the body's, unless its width says it is set larger or smaller
    (a heading), so the layout sees one size through a paragraph whatever its boxes."""
    em = _em(word)
    if em is None or abs(em - body) <= _SAME_SIZE * body:
        return body
    return em


def _widths(text: str, size: float, width: float) -> list[float]:
    """Each character's width in a word `width` wide: its natural width at the type size,
    and what is left over given to the spaces inside the word (OCR reads two cells close
    together as one word: `106.4 105.4`, each figure at its own edge), or all of them
    narrowed alike where the word is narrower than its characters."""
    natural = [size * _width(char) for char in text]
    spaces = [index for index, char in enumerate(text) if char.isspace()]
    extra = width - sum(natural)
    if extra > 0 and spaces:
        for index in spaces:
            natural[index] += extra / len(spaces)
        return natural
    scale = width / (sum(natural) or 1.0)
    return [each * scale for each in natural]


def _width(char: str) -> float:
    if char.isspace():
        return _SPACE_WIDTH
    return 1.0 if unicodedata.east_asian_width(char) in ("W", "F") else _NARROW_WIDTH
