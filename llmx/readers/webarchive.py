"""Web archives (`.mht`, `.mhtml`: a page saved "as a single file", and what many sites serve
as a `.doc`): the archive's HTML part, read by the HTML reader.

An archive is a MIME message (RFC 2557): the page is its first `text/html` part, in quoted-
printable or base64, in the charset its part header names (used where the page declares
none). The images and style sheets beside it are not text.
"""

from __future__ import annotations

import email
import email.policy
from email.message import EmailMessage
from pathlib import Path

from llmx.documents import Document, read_file
from llmx.errors import InputError
from llmx.readers import html

FORMAT = "mht"


def is_web_archive(raw: bytes) -> bool:
    head = raw[:8192].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return head.startswith((b"mime-version:", b"from:", b"content-type:", b"subject:")) and (
        b"multipart/related" in head or b"text/html" in head
    )


def read(path: Path) -> Document:
    raw = read_file(path)
    if not raw.strip():
        raise InputError(f"{path}: file is empty")
    if not is_web_archive(raw):
        raise InputError(f"{path}: not a web archive (no MIME header naming a web page)")
    message = email.message_from_bytes(raw, policy=email.policy.default)
    assert isinstance(message, EmailMessage)
    for part in message.walk():
        if part.get_content_type() != "text/html":
            continue
        page = part.get_payload(decode=True)
        if not isinstance(page, bytes) or not page.strip():
            continue
        charset = part.get_content_charset()
        if charset and b"charset" not in page[:4096].lower():
            # The part header names the charset; the page's own meta may not.
            page = f'<meta charset="{charset}">'.encode("ascii") + page
        return html.read_page(page, path, format=FORMAT)
    raise InputError(f"{path}: the web archive holds no web page (text/html part)")
