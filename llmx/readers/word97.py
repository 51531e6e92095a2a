"""Old binary Word files (`.doc`, Word 97–2003; WPS Writer's `.wps`), in the canonical layout.

Many Chinese offices still publish reports as `.doc`. The file is an OLE compound file
(opened with olefile); inside it, the `WordDocument` stream holds the text as pieces that the
piece table (`Clx`, in the `0Table` or `1Table` stream) strings together in reading order, and
paragraph properties (PAPX, in 512-byte pages the `PlcBtePapx` indexes) say which paragraphs
are table cells and which end a table row. Only the main story is read: not headers, footers,
footnotes, comments or text boxes.

- A paragraph is a line; a manual line break starts a new line.
- Fields (`HYPERLINK`, `PAGE`, a table of contents) show their result, never their code.
- A table is pipe rows (llmx.readers.canonical). A cell ends with mark 7 and a row with mark 7
  on a paragraph the properties flag as the row's end (TTP), whose table definition
  (`sprmTDefTable`) gives the cells' edges: a cell spanning columns is laid out on the grid of
  every edge in the table, and a cell flagged as continuing a vertical merge extends the cell
  above. Header rows are those Word marks to repeat; without marks, as `.docx` decides.
  An empty cell is told from a row's end by the flag, not by the text, where a reading of the
  characters alone would end the row early.
- A table inside a cell is read as that cell's text.

The same bytes named otherwise go to their own reader: a `.docx` (a zip) to the Word reader,
a web page saved as `.doc` (as Word's "Save as Web Page" and many sites write it) to the HTML
reader, RTF to the RTF reader, a web archive (`.mht`) to its reader. Word 6/95, encrypted
files and other OLE files are refused in one line.

The paragraphs and rows read here are laid out by llmx.readers.wordtext, which the RTF reader
shares. Locators: `p12` is the main story's 12th paragraph; a table cell is `t3` with row and
column.
Layout of the structures: Microsoft's [MS-DOC] specification (FIB, Clx, PlcBtePapx, PapxFkp,
Sprm, TDefTableOperand, TC80).
"""

from __future__ import annotations

import bisect
import dataclasses
import io
import struct
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from llmx.documents import Document, read_file
from llmx.errors import InputError
from llmx.readers.content import HEAD, read_as_what_it_is
from llmx.readers.wordtext import (
    CELL_END,
    PARAGRAPH_END,
    VERTICAL_MERGE,
    VERTICAL_RESTART,
    Paragraph,
    Row,
    first_heading,
    lay_out,
    text_box_warnings,
)

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_WORD_IDENT = 0xA5EC
_WORD97_NFIB = 0x00C1  # Word 6 and 95 write a lower version
_FKP_PAGE = 512
_SMALLEST_OLE_FILE = 1536  # a header and two sectors; olefile takes shorter bytes for a path

# FIB field offsets (FibBase, then the fixed-length parts of a Word 97 FIB).
_FLAGS_AT = 0x0A
_ENCRYPTED, _WHICH_TABLE, _OBFUSCATED = 0x0100, 0x0200, 0x8000
_CCP_TEXT_AT = 0x4C  # fibRgLw97.ccpText; the other stories' lengths follow it
# Stories before the text boxes' (footnotes, headers, a reserved count, comments, endnotes).
_CCP_BEFORE_TEXT_BOXES_AT = (0x50, 0x54, 0x5C, 0x60)
_CCP_TEXT_BOXES_AT = 0x64
_FC_PLCF_BTE_CHPX_AT = 0x00FA
_FC_PLCF_BTE_PAPX_AT = 0x0102
_FC_CLX_AT = 0x01A2

# Paragraph and table properties read (sprm opcodes).
_IN_TABLE, _ROW_END, _TABLE_DEPTH = 0x2416, 0x2417, 0x6649
_INNER_ROW_END, _OUTLINE_LEVEL = 0x244C, 0x2640
_TABLE_DEFINITION, _TABLE_DEFINITION_10 = 0xD608, 0xD606
_HEADER_ROW, _VERTICAL_MERGE = 0x3404, 0xD62B
_CHANGE_TABS = 0xC615
_DELETED, _HIDDEN = 0x0800, 0x083C  # a tracked change's deletion; hidden text
_HUGE_PROPERTIES = 0x6646  # properties too long for their page, kept in the Data stream
_OPERAND_SIZE = {0: 1, 1: 1, 2: 2, 3: 4, 4: 2, 5: 2, 7: 3}  # by spra; 6 is variable

_TC80_SIZE = 20  # a table cell descriptor's bytes

# Characters of the text stream.
_FIELD_BEGIN, _FIELD_SEPARATE, _FIELD_END = "\x13", "\x14", "\x15"
_SHOWN_AS = {
    "\x0b": "\n",  # manual line break
    "\x0c": "\n",  # page or section break
    "\x0e": "\n",  # column break
    "\x1e": "-",  # non-breaking hyphen
    "\t": "\t",
}
_DROPPED = frozenset("\x00\x01\x02\x03\x04\x05\x06\x08\x1f")  # anchors, objects, soft hyphen


class _Damaged(Exception):
    """A structure points outside its stream: the file is cut short or corrupt."""


@dataclass(frozen=True)
class _Piece:
    start: int  # first character position (CP)
    end: int
    offset: int  # byte offset in the WordDocument stream
    compressed: bool  # 8-bit (cp1252) text, else UTF-16

    def byte_at(self, cp: int) -> int:
        return self.offset + (cp - self.start) * (1 if self.compressed else 2)


def read(path: Path) -> Document:
    raw = read_file(path)
    if not raw:
        raise InputError(f"{path}: file is empty")
    # A .docx, RTF, web page or web archive saved as .doc, as many sites' "download as Word" is.
    other = read_as_what_it_is(path, raw[:HEAD], reader=__name__)
    if other is not None:
        return other
    if not raw.startswith(_OLE_MAGIC):
        raise InputError(f"{path}: not a Word document (neither Word 97–2003 nor .docx)")
    streams = _streams(path, raw)
    try:
        stories = _paragraphs(streams, path)
    except (_Damaged, struct.error, IndexError, ValueError):
        raise InputError(f"{path}: a damaged Word file (its structures do not fit it)") from None
    document = lay_out(stories.main).document(
        path,
        encoding="utf-16-le",
        format="doc",
        # Not the title the summary properties declare: olefile's reader of them can loop
        # for ever on a damaged stream, and the text's own title is the one a person sees.
        title=first_heading(stories.main),
        empty="the Word document has no text",
    )
    return dataclasses.replace(document, warnings=text_box_warnings(stories.text_boxes))


@dataclass(frozen=True)
class _Streams:
    word: bytes  # WordDocument: the text and the property pages
    table: bytes  # 0Table or 1Table: the piece table and the indexes
    data: bytes  # Data: properties too long for a page (empty when the file has none)


def _streams(path: Path, raw: bytes) -> _Streams:
    """The streams a Word file keeps its text and properties in."""
    import olefile

    if len(raw) < _SMALLEST_OLE_FILE:
        raise InputError(f"{path}: a damaged or cut-short OLE file ({len(raw)} bytes)")
    try:
        ole = olefile.OleFileIO(io.BytesIO(raw))
    except (OSError, ValueError, struct.error, IndexError) as error:
        raise InputError(f"{path}: a damaged OLE file ({error})") from None
    with ole:
        if not ole.exists("WordDocument"):
            what = (
                "an Excel workbook"
                if ole.exists("Workbook") or ole.exists("Book")
                else "an OLE file with no Word text stream (another program's, or a Word file"
                " cut short)"
            )
            raise InputError(f"{path}: {what}, not a Word document")
        try:
            word_stream = ole.openstream("WordDocument").read()
            fib_flags = _u16(word_stream, _FLAGS_AT)
            if _u16(word_stream, 0) != _WORD_IDENT:
                raise InputError(f"{path}: not a Word document (its text stream is not Word's)")
            if fib_flags & (_ENCRYPTED | _OBFUSCATED):
                raise InputError(
                    f"{path}: is encrypted (password protected); save an unprotected copy first"
                )
            if _u16(word_stream, 2) < _WORD97_NFIB:
                raise InputError(
                    f"{path}: a Word 6 or Word 95 file, older than llmx reads; save it as .docx"
                )
            table_name = "1Table" if fib_flags & _WHICH_TABLE else "0Table"
            if not ole.exists(table_name):
                raise InputError(f"{path}: a damaged Word file (no {table_name} stream)")
            table_stream = ole.openstream(table_name).read()
            data_stream = ole.openstream("Data").read() if ole.exists("Data") else b""
        except (_Damaged, OSError, struct.error, IndexError) as error:
            raise InputError(f"{path}: a damaged Word file ({error})") from None
    return _Streams(word_stream, table_stream, data_stream)


def _u16(data: bytes, at: int) -> int:
    if at + 2 > len(data):
        raise _Damaged
    value: int = struct.unpack_from("<H", data, at)[0]
    return value


def _u32(data: bytes, at: int) -> int:
    if at + 4 > len(data):
        raise _Damaged
    value: int = struct.unpack_from("<I", data, at)[0]
    return value


def _slice(data: bytes, start: int, length: int) -> bytes:
    if start < 0 or length < 0 or start + length > len(data):
        raise _Damaged
    return data[start : start + length]


@dataclass(frozen=True)
class _Stories:
    main: list[Paragraph]
    text_boxes: list[Paragraph]  # not laid out: where each box sits is not read


def _paragraphs(streams: _Streams, path: Path) -> _Stories:
    word_stream, table_stream = streams.word, streams.table
    text_length = _u32(word_stream, _CCP_TEXT_AT)
    if text_length > len(word_stream):
        # Every character takes a byte of the stream at least; more is pieces laid over the
        # same bytes again and again, which would read the text many times over.
        raise _Damaged
    clx = _slice(table_stream, _u32(word_stream, _FC_CLX_AT), _u32(word_stream, _FC_CLX_AT + 4))
    pieces = _pieces(clx)
    if not pieces:
        raise InputError(f"{path}: a damaged Word file (no piece table)")
    properties = _PropertyPages(
        word_stream,
        streams.data,
        _slice(
            table_stream,
            _u32(word_stream, _FC_PLCF_BTE_PAPX_AT),
            _u32(word_stream, _FC_PLCF_BTE_PAPX_AT + 4),
        ),
    )
    boxes_start = text_length + sum(_u32(word_stream, at) for at in _CCP_BEFORE_TEXT_BOXES_AT)
    boxes_end = boxes_start + _u32(word_stream, _CCP_TEXT_BOXES_AT)
    if boxes_end - boxes_start > len(word_stream):
        raise _Damaged
    unshown = _unshown_bytes(
        word_stream,
        _slice(
            table_stream,
            _u32(word_stream, _FC_PLCF_BTE_CHPX_AT),
            _u32(word_stream, _FC_PLCF_BTE_CHPX_AT + 4),
        ),
    )
    stories = [
        list(_split_paragraphs(word_stream, pieces, start, end, properties, unshown))
        for start, end in ((0, text_length), (boxes_start, boxes_end))
    ]
    return _Stories(main=stories[0], text_boxes=stories[1])


def _pieces(clx: bytes) -> list[_Piece]:
    """The piece table: after any property lists (Prc, clxt 1) comes the Pcdt (clxt 2)."""
    at = 0
    while at < len(clx) and clx[at] == 0x01:
        at += 3 + _u16(clx, at + 1)
    if at >= len(clx) or clx[at] != 0x02:
        return []
    plc = _slice(clx, at + 5, _u32(clx, at + 1))
    count = (len(plc) - 4) // 12
    positions = struct.unpack_from(f"<{count + 1}I", plc, 0)
    pieces: list[_Piece] = []
    for index in range(count):
        raw_offset = _u32(plc, 4 * (count + 1) + 8 * index + 2)
        compressed = bool(raw_offset & 0x40000000)
        offset = raw_offset & 0x3FFFFFFF
        start, end = positions[index], positions[index + 1]
        if end > start:
            pieces.append(_Piece(start, end, offset // 2 if compressed else offset, compressed))
    return pieces


def _property_pages(word_stream: bytes, plc: bytes) -> Iterator[bytes]:
    """The 512-byte pages of property runs (FKP) a bin table (PlcBte) lists, each once."""
    count = (len(plc) - 4) // 8 if len(plc) >= 4 else 0
    seen: set[int] = set()
    for index in range(count):
        number = _u32(plc, 4 * (count + 1) + 4 * index) & 0x3FFFFF
        if number not in seen:
            seen.add(number)
            yield _slice(word_stream, number * _FKP_PAGE, _FKP_PAGE)


def _unshown_bytes(word_stream: bytes, plc: bytes) -> list[tuple[int, int]]:
    """Byte ranges of the WordDocument stream whose characters Word does not show: text a
    tracked change deleted, or text formatted hidden (character property pages, CHPX),
    sorted and merged."""
    ranges: list[tuple[int, int]] = []
    for page in _property_pages(word_stream, plc):
        runs = page[_FKP_PAGE - 1]
        offsets = struct.unpack_from(f"<{runs + 1}I", page, 0)
        for index in range(runs):
            place = page[4 * (runs + 1) + index] * 2
            if not place:
                continue
            grpprl = page[place + 1 : place + 1 + page[place]]
            if any(
                opcode in (_DELETED, _HIDDEN) and operand[:1] in (b"\x01", b"\x81")
                for opcode, operand in _sprms(grpprl)
            ):
                ranges.append((offsets[index], offsets[index + 1]))
    merged: list[tuple[int, int]] = []
    for start, end in sorted(ranges):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        elif end > start:
            merged.append((start, end))
    return merged


class _PropertyPages:
    """Paragraph property runs (PAPX pages), found by the byte offset of a paragraph's mark."""

    def __init__(self, word_stream: bytes, data_stream: bytes, plc: bytes) -> None:
        self._data = data_stream
        self._starts: list[int] = []
        self._runs: list[tuple[int, bytes]] = []  # (end, grpprl), by start
        for page in _property_pages(word_stream, plc):
            self._read_page(page)
        order = sorted(range(len(self._starts)), key=self._starts.__getitem__)
        self._starts = [self._starts[i] for i in order]
        self._runs = [self._runs[i] for i in order]

    def _read_page(self, page: bytes) -> None:
        runs = page[_FKP_PAGE - 1]
        offsets = struct.unpack_from(f"<{runs + 1}I", page, 0)
        for index in range(runs):
            place = page[4 * (runs + 1) + 13 * index] * 2
            grpprl = b""
            if place:
                size = page[place]
                if size == 0:
                    grpprl = page[place + 2 : place + 2 + 2 * page[place + 1]]
                else:
                    grpprl = page[place + 1 : place + 2 * size]
            # The style index (istd) comes first; the properties follow it.
            self._starts.append(offsets[index])
            self._runs.append((offsets[index + 1], grpprl[2:]))

    def at(self, offset: int) -> bytes:
        index = bisect.bisect_right(self._starts, offset) - 1
        if index < 0:
            return b""
        end, grpprl = self._runs[index]
        if offset >= end:
            return b""
        if grpprl[:2] == struct.pack("<H", _HUGE_PROPERTIES) and len(grpprl) >= 6:
            at = _u32(grpprl, 2)
            return _slice(self._data, at + 2, _u16(self._data, at))
        return grpprl


def _sprms(grpprl: bytes) -> Iterator[tuple[int, bytes]]:
    """Each property modifier (sprm) of a list as (opcode, operand)."""
    at = 0
    while at + 2 <= len(grpprl):
        opcode = struct.unpack_from("<H", grpprl, at)[0]
        at += 2
        spra = opcode >> 13
        if spra != 6:
            size = _OPERAND_SIZE[spra]
        elif opcode in (_TABLE_DEFINITION, _TABLE_DEFINITION_10):
            if at + 2 > len(grpprl):
                return
            size = 2 + struct.unpack_from("<H", grpprl, at)[0] - 1
        elif opcode == _CHANGE_TABS and at < len(grpprl) and grpprl[at] == 255:
            deleted = grpprl[at + 1] if at + 1 < len(grpprl) else 0
            added_at = at + 2 + 4 * deleted
            added = grpprl[added_at] if added_at < len(grpprl) else 0
            size = 2 + 4 * deleted + 1 + 3 * added
        else:
            if at >= len(grpprl):
                return
            size = 1 + grpprl[at]
        yield opcode, grpprl[at : at + size]
        at += size


def _properties(grpprl: bytes, mark: str, text: str) -> Paragraph:
    in_table = row_end = heading = header = False
    edges: tuple[int, ...] = ()
    flags: list[int] = []
    for opcode, operand in _sprms(grpprl):
        if opcode == _IN_TABLE:
            in_table = in_table or operand[:1] == b"\x01"
        elif opcode == _TABLE_DEPTH and len(operand) == 4:
            in_table = in_table or struct.unpack("<i", operand)[0] > 0
        elif opcode == _ROW_END:
            row_end = operand[:1] == b"\x01"
        elif opcode == _OUTLINE_LEVEL:
            heading = operand[:1] != b"" and operand[0] < 9
        elif opcode == _HEADER_ROW:
            header = operand[:1] == b"\x01"
        elif opcode in (_TABLE_DEFINITION, _TABLE_DEFINITION_10) and len(operand) >= 3:
            columns = operand[2]
            edge_bytes = operand[3 : 3 + 2 * (columns + 1)]
            if len(edge_bytes) == 2 * (columns + 1):
                edges = struct.unpack(f"<{columns + 1}h", edge_bytes)
                descriptors = operand[3 + 2 * (columns + 1) :]
                flags = [
                    struct.unpack_from("<H", descriptors, _TC80_SIZE * cell)[0]
                    if _TC80_SIZE * cell + 2 <= len(descriptors)
                    else 0
                    for cell in range(columns)
                ]
        elif opcode == _VERTICAL_MERGE and len(operand) >= 3 and operand[1] < len(flags):
            merge = operand[2]
            cell = flags[operand[1]] & ~(VERTICAL_MERGE | VERTICAL_RESTART)
            if merge:
                cell |= VERTICAL_MERGE | (VERTICAL_RESTART if merge == 3 else 0)
            flags[operand[1]] = cell
    if mark == CELL_END and not in_table:
        # Mark 7 is only ever written in a table: one whose properties do not say so, as a
        # row's end whose long definition was not found, ends the row rather than the table.
        in_table = row_end = True
    return Paragraph(
        text=text,
        mark=mark,
        in_table=in_table,
        row_end=row_end and mark == CELL_END,
        row=Row(edges, tuple(flags), header),
        heading=heading,
    )


def _split_paragraphs(
    word_stream: bytes,
    pieces: Sequence[_Piece],
    start: int,
    end: int,
    properties: _PropertyPages,
    unshown: Sequence[tuple[int, int]],
) -> Iterator[Paragraph]:
    """The paragraphs of the story between two character positions, fields shown by their
    results, text Word does not show left out (paragraph and cell marks are kept)."""
    unshown_ends = [stop for _, stop in unshown]
    shown: list[str] = []
    # One entry per open field: True while its code is being read (before its separator).
    fields: list[bool] = []
    for piece in pieces:
        first, last = max(piece.start, start), min(piece.end, end)
        if first >= last:
            continue
        count = last - first
        if piece.compressed:
            raw = _slice(word_stream, piece.byte_at(first), count)
            text = raw.decode("cp1252", errors="replace")
        else:
            raw = _slice(word_stream, piece.byte_at(first), 2 * count)
            text = raw.decode("utf-16-le", errors="replace")
        hidden = _hidden_positions(piece, first, last, unshown, unshown_ends)
        for index, char in enumerate(text, start=first):
            if hidden and char not in (PARAGRAPH_END, CELL_END) and hidden.holds(index):
                continue
            if char == _FIELD_BEGIN:
                fields.append(True)
            elif char == _FIELD_SEPARATE:
                if fields:
                    fields[-1] = False
            elif char == _FIELD_END:
                if fields:
                    fields.pop()
            elif char in (PARAGRAPH_END, CELL_END):
                grpprl = properties.at(piece.byte_at(index))
                yield _properties(grpprl, char, "".join(shown))
                shown.clear()
            elif any(fields):
                continue  # a field's code
            elif char in _SHOWN_AS:
                shown.append(_SHOWN_AS[char])
            elif char not in _DROPPED:
                shown.append(char)
    if "".join(shown).strip():
        yield Paragraph(text="".join(shown), mark=PARAGRAPH_END)


@dataclass
class _Positions:
    """Character positions in ascending intervals, asked about in ascending order."""

    intervals: list[tuple[int, int]]
    _next: int = 0

    def __bool__(self) -> bool:
        return bool(self.intervals)

    def holds(self, position: int) -> bool:
        while self._next < len(self.intervals) and self.intervals[self._next][1] <= position:
            self._next += 1
        return self._next < len(self.intervals) and self.intervals[self._next][0] <= position


def _hidden_positions(
    piece: _Piece,
    first: int,
    last: int,
    unshown: Sequence[tuple[int, int]],
    unshown_ends: Sequence[int],
) -> _Positions:
    """The character positions of a piece, from `first` to `last`, that lie in unshown bytes."""
    width = 1 if piece.compressed else 2
    low, high = piece.byte_at(first), piece.byte_at(last)
    intervals: list[tuple[int, int]] = []
    index = bisect.bisect_right(unshown_ends, low)
    while index < len(unshown) and unshown[index][0] < high:
        start, stop = max(unshown[index][0], low), min(unshown[index][1], high)
        intervals.append((first + -(-(start - low) // width), first + -(-(stop - low) // width)))
        index += 1
    return _Positions(intervals)
