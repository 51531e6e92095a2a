"""What a file named as a Word document really holds, by its first bytes.

Sites serve a report under a Word suffix whatever it is: an old binary file as `.docx`, a
`.docx` as `.doc`, RTF, a web page or a single-file web page (`.mht`) as either. Each Word
reader asks here first and hands such a file to the reader its bytes call for.
"""

from __future__ import annotations

import importlib
import zipfile
from pathlib import Path

from llmx.documents import Document

HEAD = 8192  # the bytes looked at: a web archive's header names its page within them
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP_MAGIC = b"PK\x03\x04"


def reader_of(head: bytes) -> str | None:
    """The reader module a file's first bytes call for, among the forms Word files take;
    None for bytes that are none of them."""
    from llmx.readers import rtf, webarchive

    if head.startswith(_OLE_MAGIC):
        return "llmx.readers.word97"
    if head.startswith(_ZIP_MAGIC):
        return "llmx.readers.docx"
    if rtf.is_rtf(head):
        return "llmx.readers.rtf"
    if head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<"):
        return "llmx.readers.html"
    if webarchive.is_web_archive(head):
        return "llmx.readers.webarchive"
    return None


def read_as_what_it_is(path: Path, head: bytes, *, reader: str) -> Document | None:
    """The file read by the reader its bytes call for, where that is another than `reader`
    (the module asking); None where `reader` is the one to read it, or none is."""
    module = reader_of(head)
    if module is None or module == reader:
        return None
    if module == "llmx.readers.docx" and not zipfile.is_zipfile(path):
        return None  # a zip's first bytes on something cut short: the asking reader says so
    read = importlib.import_module(module).read
    document: Document = read(path)
    return document
