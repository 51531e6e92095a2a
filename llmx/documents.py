"""Reading documents from disk: the one place that turns a path into text.

A document's offsets are indices into exactly the text read here (the standard's rule), so
decoding never normalises: no stripping, and line ends are kept as they are in the file.
"""

from __future__ import annotations

import codecs
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from charset_normalizer import from_bytes

from llmx.errors import InputError

# Legacy Chinese encodings we will decode when detection is certain enough.
_CHINESE_LEGACY = ("gb18030", "gbk", "gb2312", "big5", "big5hkscs")
# Detection is "certain" when decoding produces no mess and mostly Chinese text.
_MAX_CHAOS = 0.05
_MIN_CJK_SHARE = 0.3


@dataclass(frozen=True)
class Document:
    """A text and its id (the file name without `.txt`)."""

    id: str
    text: str
    path: Path | None = None
    encoding: str = "utf-8"


def decode_text(raw: bytes, name: str) -> tuple[str, str]:
    """Decode bytes as UTF-8, or as a Chinese legacy encoding when detection is certain.

    Returns (text, encoding). Raises InputError naming the problem otherwise.
    """
    if not raw.strip():
        raise InputError(f"{name}: file is empty")
    if b"\x00" in raw[:8192]:
        raise InputError(f"{name}: looks binary (contains NUL bytes), not a text document")
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
        if _cjk_share(text) >= _MIN_CJK_SHARE:
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


def load_document(path: Path) -> Document:
    """Read one `.txt` file as a Document."""
    if not path.exists():
        raise InputError(f"{path}: no such file")
    if not path.is_file():
        raise InputError(f"{path}: not a file")
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise InputError(f"{path}: cannot read ({error.strerror})") from None
    text, encoding = decode_text(raw, str(path))
    return Document(id=path.stem, text=text, path=path, encoding=encoding)


def expand_paths(paths: Iterable[Path]) -> list[Path]:
    """Files as given, folders as their `.txt` files (sorted); errors name the bad path."""
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            found = sorted(p for p in path.glob("*.txt") if p.is_file())
            if not found:
                raise InputError(f"{path}: folder has no .txt files")
            files.extend(found)
        elif path.exists():
            files.append(path)
        else:
            raise InputError(f"{path}: no such file or folder")
    ids = [p.stem for p in files]
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    if duplicates:
        raise InputError(f"two documents share the id {duplicates[0]!r}; ids are file names")
    return files
