"""Web archives (`.mht`, `.mhtml`: a page saved "as a single file", and what many sites serve
as a `.doc`): the archive's page, read by the HTML reader.

An archive is a MIME message (RFC 2557). Its page is the root part its header names
(`start=`), else the first `text/html` part; where that page reads as no article (a "Loading…"
stub), the next one is tried. The part's quoted-printable or base64 is undone by the standard
library, and the charset its header names is used where the page's `<meta>` names none. The
images and style sheets beside it are not text; nor are the frames of a page built of frames.
"""

from __future__ import annotations

import email
import email.policy
import re
from email.message import EmailMessage, Message
from pathlib import Path

from llmx.documents import Document, read_file
from llmx.errors import InputError
from llmx.readers import html

FORMAT = "mht"
_HEADER_LINE = re.compile(rb"^[A-Za-z][A-Za-z0-9-]*:")
_BOMS = (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")


def is_web_archive(raw: bytes) -> bool:
    """A MIME message holding a web page: a header block (any header first: `From:` for
    Chromium, `MIME-Version:` for Word, `Date:` for JavaMail) naming multipart/related or
    text/html."""
    head = raw[:8192].lstrip(b"\xef\xbb\xbf \t\r\n")
    if not _HEADER_LINE.match(head):
        return False
    lowered = head.lower()
    return b"multipart/related" in lowered or b"text/html" in lowered


def read(path: Path) -> Document:
    raw = read_file(path)
    if not raw.strip():
        raise InputError(f"{path}: file is empty")
    if not is_web_archive(raw):
        raise InputError(f"{path}: not a web archive (no MIME header naming a web page)")
    try:
        message = email.message_from_bytes(raw, policy=email.policy.default)
        pages = _pages(message)
    except (RecursionError, ValueError, LookupError, AttributeError) as error:
        raise InputError(f"{path}: a damaged web archive ({type(error).__name__})") from None
    if not pages:
        raise InputError(f"{path}: the web archive holds no web page (text/html part)")
    refusal: InputError | None = None
    for page in pages:
        try:
            return html.read_page(page, path, format=FORMAT)
        except InputError as error:
            refusal = refusal or error  # a stub page: the next one may hold the article
    assert refusal is not None
    raise refusal


def _pages(message: Message) -> list[bytes]:
    """The archive's web pages as bytes, the root part first, each under its declared
    charset where its own `<meta>` names none."""
    assert isinstance(message, EmailMessage)
    root = message.get_param("start", header="content-type")
    parts = [part for part in message.walk() if _is_page(part, message)]
    if isinstance(root, str):
        parts.sort(key=lambda part: part.get("content-id", "").strip() != root.strip())
    pages: list[bytes] = []
    for part in parts:
        page = part.get_payload(decode=True)
        if not isinstance(page, bytes) or not page.strip():
            continue
        charset = part.get_content_charset()
        if charset and not html.declares_charset(page) and not page.startswith(_BOMS):
            # The part header names the charset; the page's own meta does not.
            page = f'<meta charset="{charset}">'.encode("ascii", "replace") + page
        pages.append(page)
    return pages


def _is_page(part: Message, message: Message) -> bool:
    if part.is_multipart():
        return False
    if part.get_content_type() == "text/html":
        return True
    # A part with no type of its own, named as a page, under a root that says text/html.
    location = str(part.get("content-location", "")).lower()
    return (
        part.get("content-type") is None
        and location.endswith((".htm", ".html"))
        and message.get_param("type", header="content-type") == "text/html"
    )
