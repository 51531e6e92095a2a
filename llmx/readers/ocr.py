"""Scanned pages: a PDF page with no text layer (or a stamp's line only), read by OCR into
the glyphs llmx.readers.layout lays out, so a scan's prose and tables come out as a printed
page's do.

The OCR is RapidOCR (PaddleOCR's PP-OCRv4 Chinese and English models on ONNX Runtime), whose
wheel carries its models: nothing is downloaded, and it runs offline on a CPU. It is optional
(`pip install 'llmx[ocr]'`); without it a scan is refused in one line that says so.

A page is rendered at `RENDER_DPI`; OCR finds words (a line of prose, a table's cell) with
their boxes, and where in each box it read each character. A page lying on its side or upside
down is turned the right way up first. Words are put on lines by their vertical overlap, left
to right; each character is placed where it was read (a Chinese character twice as wide as a
digit), a space glyph spans the gap between two words, and two figures OCR ran together
(`56.758.9`) are parted where their digits lie a space apart, so the layout finds a table's
columns by the gutters between them as it does on a printed page with no rules. Boxes are
converted to PDF points, so a fact's locator names the page as it does for a text layer.

Every figure read from a scan is OCR's reading: the document's format says `pdf+ocr`.
"""

from __future__ import annotations

import ctypes
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
# A page is blank where fewer than `_INK_MIN` pixels are darker than its paper (its 90th
# percentile of grey, so a faded or tinted scan is judged against itself) by `_INK_CONTRAST`.
_INK_MIN = 100
_INK_CONTRAST = 40
_PAPER_PERCENTILE = 90
_NARROW_WIDTH = 0.55  # a digit or Latin letter, against a Chinese character's 1
# A space inside a word OCR found stands for a gap at least a Chinese character wide.
_SPACE_WIDTH = 1.0
# Two digits side by side in one figure are set half the type size apart, middle to middle;
# the recogniser places them up to a whole size apart. The last digit of one figure and the
# first of the next, a space between them, it places 1.4 sizes apart or more (measured on the
# dev tables scanned: docs/readers.md, "Scanned pages").
_FIGURES_APART = 1.2
# Where more than this share of a page's lines run down it, or were read upside down, the
# page lies turned.
_TURNED_MOST = 0.5


class Word(NamedTuple):
    """A run of text OCR found, with its box in pixels of the rendered page (y down), and
    where across the page the recogniser put each of its characters other than spaces (the
    middle of each; empty where it did not say)."""

    text: str
    left: float
    top: float
    right: float
    bottom: float
    centres: tuple[float, ...] = ()


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

    _keep_freed_memory()
    engine = RapidOCR()
    # The engine turns each line it finds upside down (its classifier: `0` or `180`) but does
    # not say which it turned; a page scanned upside down is told by most of its lines, so
    # what the classifier said of the last page is kept.
    classify = engine.text_cls

    def classify_and_keep(crops: Any) -> Any:
        crops, said, elapsed = classify(crops)
        engine.llmx_turned = [label == "180" for label, _score in said]
        return crops, said, elapsed

    engine.text_cls = classify_and_keep
    return engine


def _keep_freed_memory() -> None:
    """Have the C allocator keep the memory the engine frees, for it to take again.

    RapidOCR runs ONNX Runtime without its memory arena, so the engine allocates and frees
    large buffers for every line it reads, and glibc maps each from the system and unmaps it
    again: reading a scanned seed of four pages spent more time in the kernel than in the
    models. Kept, the same file reads in half the time, at a third more memory
    (bench/README.md, "Scanned PDFs"). Only a process that runs OCR does this; on a C library
    other than glibc nothing changes."""
    try:
        libc = ctypes.CDLL("libc.so.6")
        libc.mallopt(_M_MMAP_THRESHOLD, _MAPPED_FROM)
        libc.mallopt(_M_TRIM_THRESHOLD, _RETURNED_FROM)
    except (OSError, AttributeError):
        pass


# mallopt(3)'s parameters: allocations up to `_MAPPED_FROM` come from the heap, not a mapping
# of their own, and the heap is given back to the system only once `_RETURNED_FROM` of it is
# free. 64 MB was as fast as 256 MB and held 200 MB less; 32 MB was half as fast again.
_M_TRIM_THRESHOLD, _M_MMAP_THRESHOLD = -1, -3
_MAPPED_FROM = 64 * 1024 * 1024
_RETURNED_FROM = 256 * 1024 * 1024


def recognise(image: Any) -> tuple[list[Word], float]:
    """The words OCR finds on a page image (a BGR array of pixels), each character where the
    recogniser read it, and the share of the lines the engine read upside down."""
    engine = _engine()
    engine.llmx_turned = []
    found, _ = engine(image, return_word_box=True)
    turned: list[bool] = engine.llmx_turned
    words = []
    for points, text, _confidence, *located in found or ():
        xs = [float(point[0]) for point in points]
        ys = [float(point[1]) for point in points]
        text = str(text).strip()
        if text:
            centres = _centres(text, located[0], located[1]) if len(located) >= 2 else ()
            words.append(Word(text, min(xs), min(ys), max(xs), max(ys), centres))
    return words, (sum(turned) / len(turned) if turned else 0.0)


def _centres(text: str, boxes: Sequence[Any], chars: Sequence[Any]) -> tuple[float, ...]:
    """The middle across of each of `text`'s characters other than spaces, from the boxes the
    recogniser gives its characters (`chars`, in reading order; boxes left to right); empty
    where the two do not tell the same characters."""
    if "".join(map(str, chars)) != "".join(text.split()) or len(boxes) != len(chars):
        return ()
    middles = [sum(float(point[0]) for point in box) / len(box) for box in boxes]
    return tuple(sorted(middles))


def parted_figures(word: Word, size: float) -> list[Word]:
    """A word cut where OCR ran two figures together (`56.758.9`, `100100`, two cells close
    together read as one): between two digits whose middles lie farther apart than any two
    digits of one figure are set (`_FIGURES_APART` of the type size `size`), a space goes in,
    as the page shows one."""
    if len(word.centres) != len(word.text) or size <= 0:
        return [word]
    cuts = [
        index
        for index in range(1, len(word.text))
        if word.text[index - 1].isdigit()
        and word.text[index].isdigit()
        and word.centres[index] - word.centres[index - 1] > _FIGURES_APART * size
    ]
    if not cuts:
        return [word]
    pieces = []
    for start, end in itertools.pairwise([0, *cuts, len(word.text)]):
        centres = word.centres[start:end]
        left = word.left if start == 0 else (word.centres[start - 1] + centres[0]) / 2
        right = word.right if end == len(word.text) else (centres[-1] + word.centres[end]) / 2
        pieces.append(Word(word.text[start:end], left, word.top, right, word.bottom, centres))
    return pieces


def read_page(image: Any, scale: float) -> tuple[list[Glyph], list[Box], float]:
    """A page image's glyphs and the rules drawn on it, in PDF points (the page rendered at
    `scale` pixels a point), and the page's height: what llmx.readers.layout builds a printed
    page from. A page scanned on its side or upside down is read the right way up."""
    image, found = _upright(image)
    page_height = image.shape[0] / scale
    rules = rulings(image, scale)
    body = _body_size(found)
    words = split_at_rules(
        [piece for word in found for piece in parted_figures(word, _own_size(word, body))],
        [rule for rule in rules if _is_vertical(rule)],
    )
    shapes = [_in_points(rule, page_height, scale) for rule in rules]
    return glyphs_of(words, page_height, scale), shapes, page_height


def _own_size(word: Word, body: float) -> float:
    """A word's type size in pixels: its width's where it holds Chinese characters, its
    height's where that is larger (a heading's `2023年` set twice the body's size), the
    body's otherwise."""
    return max(_type_size(word, body), (word.bottom - word.top) * _SIZE_OF_HEIGHT)


def _upright(image: Any) -> tuple[Any, list[Word]]:
    """The page image the right way up, and its words: read again turned a quarter where most
    of its lines run down the page, and turned half round where the engine read most of them
    upside down (a page is read once where it lies right, twice or three times otherwise; a
    blank page, not at all)."""
    import numpy

    grey = image.min(axis=-1) if image.ndim == 3 else image
    paper = int(numpy.percentile(grey[::4, ::4], _PAPER_PERCENTILE))  # every 16th pixel will do
    if numpy.count_nonzero(grey < paper - _INK_CONTRAST) < _INK_MIN:
        return image, []  # a blank page: nothing for the engine to read, and no time spent
    words, turned = recognise(image)
    if sideways(words):
        # The engine reads a line turned a quarter one way as upside down, the other way not.
        quarter = numpy.ascontiguousarray(numpy.rot90(image, -1 if turned > _TURNED_MOST else 1))
        again, turned_again = recognise(quarter)
        if not sideways(again):
            image, words, turned = quarter, again, turned_again
    if turned > _TURNED_MOST:
        half = numpy.ascontiguousarray(numpy.rot90(image, 2))
        again, turned_again = recognise(half)
        if turned_again < turned:  # kept only where the turned page reads more the right way
            image, words = half, again
    return image, words


def sideways(words: Sequence[Word]) -> bool:
    """Whether most of the lines OCR found on a page run down it: the page lies on its side
    (a line of two characters or more is wider than tall on a page the right way up)."""
    lines = [word for word in words if len(word.text) >= 2]
    down = sum(1 for word in lines if word.bottom - word.top > word.right - word.left)
    return down > len(lines) * _TURNED_MOST


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
        placed = iter(word.centres)
        cut += [
            Word(
                piece,
                left,
                word.top,
                right,
                word.bottom,
                tuple(itertools.islice(placed, len(piece))) if word.centres else (),
            )
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
            for char, (start, end) in zip(word.text, _places(word, size, points), strict=True):
                glyphs.append(Glyph(char, Box(start, bottom, end, top), size))
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


def _places(word: Word, size: float, points: float) -> list[tuple[float, float]]:
    """Where across the page each of a word's characters lies, left and right in points:
    centred where the recogniser read it, as wide as a character of type `size`, so the
    gutter between two columns OCR read as one word (`单位1990年1995年`) shows as a gap; a
    space fills the gap it stands for. Where the recogniser did not say, the characters are
    spread over the word's box."""
    left, right = word.left * points, word.right * points
    inked = [index for index, char in enumerate(word.text) if not char.isspace()]
    if len(word.centres) != len(inked):
        return _spread(word.text, size, left, right)
    places = [(left, left)] * len(word.text)
    for index, centre in zip(inked, word.centres, strict=True):
        half = size * _width(word.text[index]) / 2
        places[index] = (centre * points - half, centre * points + half)
    for index, char in enumerate(word.text):
        if char.isspace():
            start = places[index - 1][1] if index else left
            ahead = next((places[later][0] for later in inked if later > index), right)
            places[index] = (start, max(start, ahead))
    return places


def _spread(text: str, size: float, left: float, right: float) -> list[tuple[float, float]]:
    places, at = [], left
    for width in _widths(text, size, right - left):
        places.append((at, at + width))
        at += width
    return places


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
