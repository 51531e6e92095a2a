"""Reading llmx's own text files — JSONL facts, JSON manifests and records, TOML configs.

They are UTF-8; a file saved as UTF-16 (Windows editors do) is read too when it says so
with a byte-order mark, and anything else is an InputError naming the file and the byte,
never a UnicodeDecodeError traceback. Documents have their own, more forgiving decoding
(llmx.documents.decode_text).
"""

from __future__ import annotations

import codecs
from pathlib import Path

from llmx.errors import InputError

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def decode_file_text(raw: bytes, name: str) -> str:
    """UTF-8, or UTF-8/UTF-16 with a byte-order mark; an InputError naming `name` else."""
    encoding = next((codec for bom, codec in _BOMS if raw.startswith(bom)), "utf-8")
    try:
        return raw.decode(encoding)
    except UnicodeDecodeError as error:
        hint = " (UTF-16 without a byte-order mark?)" if b"\x00" in raw[:64] else ""
        raise InputError(
            f"{name}: not {encoding.upper().replace('-SIG', '')} text (byte {error.start})"
            f"{hint}; save it as UTF-8"
        ) from None


def read_text_file(path: Path) -> str:
    """A text file's content, however it was saved (see decode_file_text)."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a folder, not a file") from None
    except OSError as error:
        raise InputError(f"{path}: cannot read ({error.strerror})") from None
    return decode_file_text(raw, str(path))
