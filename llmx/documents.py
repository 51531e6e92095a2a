"""The Document every reader returns, and decoding plain text files.

A document's offsets are indices into exactly its `text` (the standard's rule). For a `.txt`
file that is the file's text as decoded here, never normalised: no stripping, and line ends
are kept as they are in the file. Other formats (llmx.readers) build a canonical text of
their own and a source map back to the file.
"""

from __future__ import annotations

import codecs
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
    source file (empty for plain text, where the offset is the place).
    """

    id: str
    text: str
    path: Path | None = None
    encoding: str = "utf-8"
    format: str = "txt"
    title: str | None = None
    source_map: SourceMap = field(default_factory=SourceMap)


def decode_text(
    raw: bytes, name: str, *, visible: Callable[[str], str] | None = None
) -> tuple[str, str]:
    """Decode bytes as UTF-8, or as a Chinese legacy encoding when detection is certain.

    `visible` gives the part of a decoded candidate that a reader sees (an HTML page's text
    without its markup), on which the share of Chinese characters is judged.
    Returns (text, encoding). Raises InputError naming the problem otherwise.
    """
    if not raw.strip():
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
