"""RTF files (`.rtf`, and RTF saved as `.doc`, as many sites' "download as Word" gives it).

RTF is Word's text model written out as text: paragraphs ended by `\\par` or, in a table, by
`\\cell`; rows closed by `\\row` after a definition (`\\trowd`, each cell's right edge `\\cellx`,
merges `\\clmrg`, `\\clvmgf`/`\\clvmrg`, header rows `\\trhdr`). So the reader parses the
file into the paragraph stream of llmx.readers.wordtext, which lays it out as the `.doc`
reader's is.

- Text is `\\uN` (Unicode, its `\\ucN` fallback bytes skipped) or bytes (`\\'hh`, or literal)
  in the code page of the current font's charset (`\\fcharset134` is GBK, 136 Big5), else the
  document's (`\\ansicpgN`).
- Fields show their result (`\\fldrslt`), never their code; pictures, objects' data, headers,
  footers, footnotes, comments, text boxes (`\\shpinst`), style and font tables, and every
  group marked ignorable (`{\\*…}`) are not text.
- Hidden text (`\\v`) and a tracked change's deletion (`\\deleted`) are left out, as Word
  leaves them out on the page.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field, replace
from pathlib import Path

from llmx.documents import Document, read_file
from llmx.errors import InputError
from llmx.readers.wordtext import (
    CELL_END,
    MERGED_INTO_PREVIOUS,
    PARAGRAPH_END,
    VERTICAL_MERGE,
    VERTICAL_RESTART,
    Paragraph,
    Row,
    first_heading,
    lay_out,
    text_box_warnings,
)

_TOKEN = re.compile(
    rb"\\([a-zA-Z]+)(-?\d+)? ?"  # a control word and its parameter
    rb"|\\'([0-9a-fA-F]{2})"  # a byte in the code page
    rb"|\\([^a-zA-Z])"  # a control symbol (a bad `\'zz` too: read as nothing)
    rb"|([{}])"
    rb"|[\r\n]+"  # line ends in the file are not text
    rb"|([^\\{}\r\n]+)",
    re.S,
)
# Groups whose content is not the document's text.
_NOT_TEXT = frozenset(
    {
        "fonttbl", "colortbl", "stylesheet", "info", "pict", "header", "headerl", "headerr",
        "headerf", "footer", "footerl", "footerr", "footerf", "footnote", "annotation", "atnid",
        "atnauthor", "fldinst", "xe", "tc", "listtable", "listoverridetable", "rsidtbl",
        "generator", "objdata", "objclass", "objname", "shpinst", "nonshppict", "txe",
        "filetbl", "revtbl", "pgdsctbl", "template", "bkmkstart", "bkmkend",
    }
)  # fmt: skip
_SHOWN = {
    "line": "\n", "page": "\n", "sect": "\n", "column": "\n", "tab": "\t", "nestcell": " ",
    "emdash": "\u2014", "endash": "\u2013", "bullet": "\u2022", "lquote": "\u2018",
    "rquote": "\u2019", "ldblquote": "\u201c", "rdblquote": "\u201d", "emspace": "\u2003",
    "enspace": "\u2002", "qmspace": "\u2005",
}  # fmt: skip
# The control words the reader acts on; every other one is formatting.
_READ_WORDS = frozenset(
    {
        "ansicpg", "f", "fcharset", "uc", "u", "v", "deleted", "plain", "pard", "intbl", "itap",
        "outlinelevel", "par", "cell", "row", "nestrow", "trowd", "trleft", "cellx", "clmrg",
        "clvmgf", "clvmrg", "trhdr", "deff", "mac", "pc", "pca", "cpg",
    }
) | frozenset(_SHOWN)  # fmt: skip
_ESCAPED_BYTES = frozenset({b"\\", b"{", b"}"})
_MAX_DEPTH = 10_000  # groups deeper than this share their state: no writer nests so deep
_SYMBOL_CHARSET, _SYMBOL_FONT = 2, "symbol"
# The Symbol font's glyphs that stand between figures (`≥5%`, `2×3`); any other of its glyphs
# is a space, never a letter or digit that would read as part of a figure.
_SYMBOL_GLYPHS = {
    0xA3: "≤", 0xB3: "≥", 0xB4: "×", 0xB8: "÷", 0xB1: "±", 0xB0: "°", 0xB9: "≠", 0xBB: "≈",
    0xA5: "∞", 0x2D: "−", 0x2B: "+", 0x3D: "=", 0x3C: "<", 0x3E: ">", 0x25: "%", 0xD7: "·",
    0xAE: "→", 0xAC: "←",
}  # fmt: skip
_CHARACTER_SETS = {"mac": 10000, "pc": 437, "pca": 850}  # the document's, besides \\ansicpg
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
_LONE_SURROGATES = re.compile(r"[\ud800-\udfff]")
_SYMBOLS = {"~": "\xa0", "_": "-", "-": "", "\\": "\\", "{": "{", "}": "}"}
# Font charsets (`\fcharsetN`) and the code pages their bytes are in.
_CHARSET_CODE_PAGES = {
    0: 1252, 77: 10000, 128: 932, 129: 949, 130: 1361, 134: 936, 136: 950, 161: 1253,
    162: 1254, 163: 1258, 177: 1255, 178: 1256, 186: 1257, 204: 1251, 222: 874, 238: 1250,
    254: 437, 255: 850,
}  # fmt: skip


@dataclass
class _Group:
    """What a group sets, restored when it closes."""

    text: bool = True  # False inside a group that is not the document's text
    font_table: bool = False  # inside `{\fonttbl…}`, where `\fN` defines a font
    unicode_skip: int = 1  # fallback characters after each `\uN` (`\ucN`)
    font: int | None = None
    deleted: bool = False  # a tracked change's deletion (`\\deleted`)
    hidden: bool = False  # `\\v`
    in_table: bool = False
    heading: bool = False

    @property
    def shown(self) -> bool:
        """Whether Word shows the group's text: not hidden, not deleted."""
        return not (self.hidden or self.deleted)


@dataclass
class _Parser:
    code_page: str = "cp1252"
    default_font: int | None = None  # `\\deffN`: the font of text that names none
    font_code_pages: dict[int, str] = field(default_factory=dict)
    paragraphs: list[Paragraph] = field(default_factory=list)
    text_boxes: list[Paragraph] = field(default_factory=list)  # not laid out: see wordtext
    _text: list[str] = field(default_factory=list)
    _bytes: bytearray = field(default_factory=bytearray)
    _to_skip: int = 0  # fallback characters still to skip after a `\uN`
    _edges: list[int] = field(default_factory=lambda: [0])
    _flags: list[int] = field(default_factory=list)
    _cell_flag: int = 0
    _header_row: bool = False
    _font_defined: int | None = None  # the font the font table is defining

    def parse(self, raw: bytes) -> None:
        stack: list[_Group] = []
        deeper = 0  # groups opened past _MAX_DEPTH, which share the state of the deepest
        group = _Group()
        starts_group = False
        at = 0
        while at < len(raw):
            match = _TOKEN.match(raw, at)
            if match is None:  # a lone backslash at the end
                break
            at = match.end()
            if match.lastindex is None:
                continue  # a line end in the file, which is not text
            word, parameter, byte, symbol, brace, literal = match.groups()
            if symbol in _ESCAPED_BYTES:
                # `\\`, `\{`, `\}` are bytes too: the second byte of a GBK, Big5 or Shift-JIS
                # character may be one of them, and must join the first.
                byte, literal = None, symbol
            if byte is not None or literal is not None:
                if group.text and group.shown:
                    self._add_bytes(bytes.fromhex(byte.decode()) if byte else literal)
                elif self._to_skip:
                    self._to_skip = max(self._to_skip - (1 if byte else len(literal)), 0)
                starts_group = False
                continue
            self._flush(group)
            if brace is None and self._to_skip and (symbol or word.decode() in _SHOWN):
                self._to_skip -= 1  # a `\uN` character's fallback written as a control word
                starts_group = False
                continue
            self._to_skip = 0
            if brace == b"{":
                if len(stack) < _MAX_DEPTH:
                    stack.append(group)
                    group = replace(group)
                else:
                    deeper += 1
                starts_group = True
                continue
            if brace == b"}":
                group, deeper = _closed(stack, group, deeper)
                starts_group = False
                continue
            if symbol is not None:
                if symbol == b"*" and starts_group:
                    # An ignorable destination llmx may not know: not text, passed over whole,
                    # but for the text of a shape's text boxes, which is counted.
                    end = _group_end(raw, at)
                    if raw.startswith(b"\\shpinst", at):
                        self.text_boxes.extend(self._text_boxes(raw[at:end]))
                    at = end
                    group, deeper = _closed(stack, group, deeper)
                elif symbol in (b"\n", b"\r"):
                    self._end(PARAGRAPH_END, group)
                elif group.text and group.shown:
                    self._text.append(_SYMBOLS.get(symbol.decode("latin-1"), ""))
                starts_group = False
                continue
            name = word.decode("ascii")
            value = _clamped(parameter)
            if name == "bin" and value:
                at += max(value, 0)  # raw bytes of a picture or object
            elif starts_group and name == "fonttbl":
                group.text, group.font_table = False, True
            elif starts_group and name in _NOT_TEXT:
                at = _group_end(raw, at)  # passed over whole: style sheets and pictures are long
                group, deeper = _closed(stack, group, deeper)
            else:
                self._control(name, value, group)
            starts_group = False
        self._flush(group)
        if "".join(self._text).strip():
            self._end(CELL_END if group.in_table else PARAGRAPH_END, group)

    def _text_boxes(self, shape: bytes) -> list[Paragraph]:
        """The paragraphs of a shape's text boxes (`{\\shptxt …}`), read as the body is."""
        found: list[Paragraph] = []
        at = shape.find(b"\\shptxt")
        while at >= 0:
            end = _group_end(shape, at + len(b"\\shptxt"))
            box = _Parser(self.code_page, self.default_font, self.font_code_pages)
            box.parse(b"{" + shape[at + len(b"\\shptxt") : end])
            found.extend(box.paragraphs)
            at = shape.find(b"\\shptxt", end)
        return found

    def _add_bytes(self, data: bytes) -> None:
        if self._to_skip:
            dropped = min(self._to_skip, len(data))
            data, self._to_skip = data[dropped:], self._to_skip - dropped
        self._bytes.extend(data)

    def _flush(self, group: _Group) -> None:
        if self._bytes:
            font = group.font if group.font is not None else self.default_font
            code_page = (
                self.font_code_pages.get(font, self.code_page)
                if font is not None
                else (self.code_page)
            )
            if code_page == _SYMBOL_FONT:  # a symbol font's bytes are glyphs, not characters
                self._text.append("".join(_SYMBOL_GLYPHS.get(b, " ") for b in self._bytes))
            else:
                text = bytes(self._bytes).decode(code_page, errors="replace")
                self._text.append(_CONTROLS.sub("", text))
            self._bytes.clear()

    def _control(self, name: str, value: int | None, group: _Group) -> None:
        if name not in _READ_WORDS:
            return  # formatting: fonts' sizes, colours, spacing, languages…
        if name == "ansicpg" and value:
            self.code_page = _code_page(value) or self.code_page
        elif name in _CHARACTER_SETS:
            self.code_page = _code_page(_CHARACTER_SETS[name]) or self.code_page
        elif name == "deff" and value is not None:
            self.default_font = value
        elif group.font_table:
            self._font_table(name, value)
        elif name == "f" and value is not None:
            group.font = value
        elif name == "uc" and value is not None:
            group.unicode_skip = max(value, 0)
        elif name == "u" and value is not None:
            if group.text and group.shown:
                self._unicode(value % 0x10000)
            self._to_skip = group.unicode_skip
        elif name == "v":
            group.hidden = value != 0
        elif name == "deleted":
            group.deleted = value != 0
        elif name == "plain":
            group.hidden = group.deleted = False
            group.font = None  # the document's default font again
        elif name == "pard":
            group.in_table = group.heading = False
        elif name == "intbl" or (name == "itap" and value):
            group.in_table = True
        elif name == "outlinelevel":
            group.heading = value is not None and 0 <= value < 9
        elif not group.text:
            return
        elif name == "par":
            self._end(PARAGRAPH_END, group)
        elif name == "cell":
            self._end(CELL_END, group, in_table=True)
        elif name == "row":
            row = Row(tuple(self._edges), tuple(self._flags), self._header_row)
            self.paragraphs.append(
                Paragraph(text="", mark=CELL_END, in_table=True, row_end=True, row=row)
            )
        elif name == "nestrow":
            self._text.append(" ")
        else:
            self._row_definition(name, value)
            if group.shown and name in _SHOWN:
                self._text.append(_SHOWN[name])

    def _row_definition(self, name: str, value: int | None) -> None:
        if name == "trowd":
            self._edges, self._flags, self._cell_flag, self._header_row = [0], [], 0, False
        elif name == "trleft" and value is not None and not self._flags:
            self._edges[0] = value
        elif name == "cellx" and value is not None:
            self._edges.append(value)
            self._flags.append(self._cell_flag)
            self._cell_flag = 0
        elif name == "clmrg":
            self._cell_flag |= MERGED_INTO_PREVIOUS
        elif name == "clvmgf":
            self._cell_flag |= VERTICAL_MERGE | VERTICAL_RESTART
        elif name == "clvmrg":
            self._cell_flag |= VERTICAL_MERGE
        elif name == "trhdr":
            self._header_row = True

    def _font_table(self, name: str, value: int | None) -> None:
        if name == "f" and value is not None:
            self._font_defined = value
        elif self._font_defined is None or value is None:
            return
        elif name == "fcharset" and value == _SYMBOL_CHARSET:
            self.font_code_pages[self._font_defined] = _SYMBOL_FONT
        elif name == "fcharset" and value in _CHARSET_CODE_PAGES:
            code_page = _code_page(_CHARSET_CODE_PAGES[value])
            if code_page:
                self.font_code_pages[self._font_defined] = code_page
        elif name == "cpg":
            code_page = _code_page(value)
            if code_page:
                self.font_code_pages[self._font_defined] = code_page

    def _unicode(self, point: int) -> None:
        """A `\\uN` character; a surrogate pair's halves (as LibreOffice writes characters
        beyond U+FFFF: emoji, CJK Extension B) joined into one."""
        if 0xDC00 <= point <= 0xDFFF and self._text and len(self._text[-1]) == 1:
            high = ord(self._text[-1])
            if 0xD800 <= high <= 0xDBFF:
                self._text[-1] = chr(0x10000 + ((high - 0xD800) << 10) + (point - 0xDC00))
                return
        if 0xD800 <= point <= 0xDFFF:
            self._text.append(chr(point))  # a lone half: dropped when the paragraph ends
        elif (point >= 0x20 or point in (0x09, 0x0A)) and not 0xE000 <= point <= 0xF8FF:
            self._text.append(chr(point))  # not a control, nor a symbol font's private glyph

    def _end(self, mark: str, group: _Group, *, in_table: bool = False) -> None:
        self.paragraphs.append(
            Paragraph(
                text=_LONE_SURROGATES.sub("", "".join(self._text)),
                mark=mark,
                in_table=in_table or group.in_table,
                heading=group.heading,
            )
        )
        self._text.clear()


def _closed(stack: list[_Group], group: _Group, deeper: int) -> tuple[_Group, int]:
    """The state after a group closes, and how many groups past the deepest are still open."""
    if deeper:
        return group, deeper - 1
    return (stack.pop() if stack else _Group()), 0


_BRACE_OR_BINARY = re.compile(rb"\\[\\{}]|\\bin(-?\d{1,10}) ?|[{}]")


def _group_end(raw: bytes, at: int) -> int:
    """Where the group open at `at` closes (just past its `}`), its content passed over:
    escaped braces are not braces, and `\\binN` data is skipped whatever bytes it holds."""
    depth = 1
    while depth:
        found = _BRACE_OR_BINARY.search(raw, at)
        if found is None:
            return len(raw)
        at = found.end()
        if found.group(1) is not None:
            at += max(int(found.group(1)), 0)
        elif found.group() == b"{":
            depth += 1
        elif found.group() == b"}":
            depth -= 1
    return at


def _code_page(number: int) -> str | None:
    """The codec of a Windows code page, where it writes ASCII as ASCII (not EBCDIC's)."""
    name = "utf-8" if number == 65001 else "mac_roman" if number == 10000 else f"cp{number}"
    try:
        codec = codecs.lookup(name).name
        ascii_kept = b"0123456789.%abcABC".decode(codec) == "0123456789.%abcABC"
    except (LookupError, UnicodeDecodeError):
        return None
    return codec if ascii_kept else None


def _clamped(parameter: bytes | None) -> int | None:
    """A control word's parameter, held to what a 32-bit field can say."""
    if parameter is None:
        return None
    if len(parameter) > 11:
        return -(2**31) if parameter.startswith(b"-") else 2**31 - 1
    return max(min(int(parameter), 2**31 - 1), -(2**31))


def is_rtf(raw: bytes) -> bool:
    return raw.lstrip(b"\xef\xbb\xbf \t\r\n")[:5].lower() == b"{\\rtf"


def read(path: Path) -> Document:
    raw = read_file(path)
    if not raw:
        raise InputError(f"{path}: file is empty")
    if not is_rtf(raw):
        raise InputError(f"{path}: not an RTF file (it does not start with {{\\rtf)")
    parser = _Parser()
    parser.parse(raw.lstrip(b"\xef\xbb\xbf \t\r\n"))
    document = lay_out(parser.paragraphs).document(
        path,
        encoding=parser.code_page,
        format="rtf",
        title=first_heading(parser.paragraphs),
        empty="the RTF file has no text",
    )
    return replace(document, warnings=text_box_warnings(parser.text_boxes))
