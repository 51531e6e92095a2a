"""The Document every reader returns, and decoding plain text files.

A document's offsets are indices into exactly its `text` (the standard's rule). For a `.txt`
file that is the file's text as decoded here, never normalised: no stripping, and line ends
are kept as they are in the file. Other formats (llmx.readers) build a canonical text of
their own and a source map back to the file.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from charset_normalizer import from_bytes

from llmx.errors import InputError
from llmx.locations import SourceMap

# Legacy Chinese encodings we will decode when detection is certain enough.
_CHINESE_LEGACY = ("gb18030", "gbk", "gb2312", "big5", "big5hkscs")
# Detection is "certain" when decoding produces no mess and mostly Chinese text.
_MAX_CHAOS = 0.05
_MIN_CJK_SHARE = 0.3


@dataclass(frozen=True)
class Document:
    """A text and its id (the file name without its suffix).

    `format` names the reader that made it; `source_map` takes spans of `text` back to the
    source file (empty for plain text, where the offset is the place). `warnings` says, a line
    each, what of the file the reader saw but could not read (a PDF's scanned pages without
    the OCR), so that nothing is lost without the user being told.
    """

    id: str
    text: str
    path: Path | None = None
    encoding: str = "utf-8"
    format: str = "txt"
    title: str | None = None
    source_map: SourceMap = field(default_factory=SourceMap)
    warnings: tuple[str, ...] = ()


# How far into a text its title may be, and how long a line a title may be.
_TITLE_LINES = 8
_TITLE_MAX = 80
# A metadata row of a government page naming the document: "名称: | 关于…的报告 |".
_NAME_ROW = re.compile(
    r"^\|?\s*\[?\s*(?:名称|名稱|标题|標題|title)\s*\]?\s*[:：]?\s*\|\s*([^|]+)", re.I
)
_ENDS_TITLE = re.compile(r"(?:报告|報告|规划|規劃|计划|計劃|方案|纲要|綱要|公报|公報)$")
_LEADING_ABOUT = re.compile(r"^(?:关于|關于|關於)")


def title_of(document: Document) -> str:
    """What a person calls a document: the title its reader found, else its text's first
    heading line, else its file name, else its id."""
    if document.title:
        return document.title
    found = heading_title(document.text)
    if found:
        return found
    return document.path.stem if document.path is not None else document.id


def heading_title(text: str) -> str | None:
    """The first line of a text that reads as its title: metadata rows are skipped (but a
    row naming the document gives it), a title broken over two lines is joined, and a
    leading "关于" (on) is dropped."""
    lines = [line.strip() for line in text.splitlines() if line.strip()][:_TITLE_LINES]
    for index, line in enumerate(lines):
        named = _NAME_ROW.match(line)
        if named:
            return _LEADING_ABOUT.sub("", named.group(1).strip()) or None
        if "|" in line or line.endswith((":", "：")) or len(line) > _TITLE_MAX:
            continue
        title = line
        following = lines[index + 1] if index + 1 < len(lines) else ""
        if not _ENDS_TITLE.search(title) and _ENDS_TITLE.search(following):
            title += following
        return _LEADING_ABOUT.sub("", title) or None
    return None


def short_title(title: str, width: int = 16) -> str:
    """A title cut to `width` characters for a narrow terminal column."""
    return title if len(title) <= width else title[: width - 1] + "…"


def read_file(path: Path) -> bytes:
    """A file's bytes; an InputError naming the file where it cannot be read."""
    try:
        return path.read_bytes()
    except OSError as error:
        raise InputError(f"{path}: cannot read ({error.strerror})") from None


def read_text_file(path: Path) -> tuple[str, str]:
    """A text file's decoded text and the encoding it was in (see `decode_text`)."""
    return decode_text(read_file(path), str(path))


def _without_bom(raw: bytes) -> bytes:
    """The bytes after a byte-order mark: a file of a mark alone is an empty file."""
    for bom in (codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE):
        if raw.startswith(bom):
            return raw[len(bom) :]
    return raw


def decode_text(
    raw: bytes, name: str, *, visible: Callable[[str], str] | None = None
) -> tuple[str, str]:
    """Decode bytes as UTF-8, or as a Chinese legacy encoding when detection is certain.

    `visible` gives the part of a decoded candidate that a reader sees (an HTML page's text
    without its markup), on which the share of Chinese characters is judged.
    Returns (text, encoding). Raises InputError naming the problem otherwise.
    """
    if not _without_bom(raw).strip():
        raise InputError(f"{name}: file is empty")
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        # Saved as UTF-16 (Windows editors do), and saying so with its byte-order mark.
        try:
            return raw.decode("utf-16"), "utf-16"
        except UnicodeDecodeError as error:
            raise InputError(
                f"{name}: starts as UTF-16 but is not (byte {error.start}); save it as UTF-8"
            ) from None
    if b"\x00" in raw[:8192]:
        raise InputError(
            f"{name}: looks binary (contains NUL bytes; UTF-16 without a byte-order mark?), "
            "not a text document"
        )
    if raw.startswith(codecs.BOM_UTF8):
        raw = raw[len(codecs.BOM_UTF8) :]
    try:
        return raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as error:
        utf8_error = error
    best = from_bytes(raw, cp_isolation=list(_CHINESE_LEGACY)).best()
    if best is not None and best.encoding in _CHINESE_LEGACY and best.chaos <= _MAX_CHAOS:
        try:
            text = raw.decode(best.encoding)
        except UnicodeDecodeError:
            text = ""
        if _cjk_share(visible(text) if visible else text) >= _MIN_CJK_SHARE:
            return text, best.encoding
    raise InputError(
        f"{name}: not valid UTF-8 (byte {utf8_error.start}) and its encoding "
        "could not be detected with certainty; convert it to UTF-8"
    )


def _cjk_share(text: str) -> float:
    visible = [char for char in text if not char.isspace()]
    if not visible:
        return 0.0
    return sum(1 for char in visible if "\u4e00" <= char <= "\u9fff") / len(visible)
