"""Finding tables published as records: one `key:value` line per cell, one record after
another, each opening with the same key.

    年度:2031
    收入(万元):1,250
    增长:6.1%
    年度:2030
    收入(万元):1,178
    增长:4.8%

A web page's table turned into text field by field comes out this way: each record is a
row, its keys the header it repeats. A run of `标签:值` lines whose keys do not repeat
(an address block, one item's particulars) is not a table. This module finds where the
records are, as spans of the text; `llmx.tables` turns them into tables. Pure functions.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from llmx.folding import fold
from llmx.lines import Span, text_lines

_RECORDS_MIN = 2
_KEYS_MIN = 2
_KEYS_MAX = 12  # keys a record may have: bounds the look-ahead for its first key
_KEY_MAX = 16
_VALUE_MAX = 30
# A field line: a short key (words, maybe a unit in brackets), a colon, a short value. A key
# holds no sentence mark and no colon of its own; a value holds no sentence mark.
_FIELD = re.compile(
    rf"^[ \t\u3000]*(?P<key>[^\s:：，。；,;\d][^:：，。；,;]{{0,{_KEY_MAX - 1}}}?)"
    rf"[ \t\u3000]*[:：][ \t\u3000]*(?P<value>[^，。；;:：]{{0,{_VALUE_MAX}}}?)[ \t\u3000]*$"
)


@dataclass(frozen=True)
class Field:
    key: Span
    value: Span  # empty (start == end) where the record leaves the field blank


@dataclass(frozen=True)
class RecordRun:
    """Records that give the same keys in the same order, one after another."""

    start: int
    end: int
    keys: tuple[str, ...]  # folded, without spaces
    records: tuple[tuple[Field, ...], ...]  # one field per key, in the keys' order


def find_records(text: str) -> list[RecordRun]:
    """Every run of two or more records of two or more keys each in `text`."""
    runs: list[RecordRun] = []
    fields: list[tuple[str, Field]] = []
    for start, line in text_lines(text):
        found = _FIELD.match(line)
        if found:
            key = (start + found.start("key"), start + found.end("key"))
            value = (start + found.start("value"), start + found.end("value"))
            fields.append((_key_name(text, key), Field(key, value)))
        elif line.strip():  # a blank line may part two records; any other line ends them
            runs += _runs_of(fields)
            fields = []
    return runs + _runs_of(fields)


def _key_name(text: str, key: Span) -> str:
    return re.sub(r"\s+", "", fold(text[key[0] : key[1]]))


def _runs_of(fields: Sequence[tuple[str, Field]]) -> list[RecordRun]:
    """The record runs in a run of consecutive field lines: a record opens with a key that
    comes back within a record's length, and records run for as long as each gives the same
    keys as the first. Fields before the first record or after the last (a note, a source)
    are no part of them."""
    names = [name for name, _ in fields]
    runs: list[RecordRun] = []
    position = 0
    while position < len(names):
        keys = _keys_at(names, position)
        records: list[tuple[Field, ...]] = []
        end = position
        while keys and tuple(names[end : end + len(keys)]) == keys:
            records.append(tuple(field for _, field in fields[end : end + len(keys)]))
            end += len(keys)
        if len(records) < _RECORDS_MIN:
            position += 1
            continue
        runs.append(RecordRun(records[0][0].key[0], records[-1][-1].value[1], keys, tuple(records)))
        position = end
    return runs


def _keys_at(names: Sequence[str], position: int) -> tuple[str, ...]:
    """The keys of a record opening at `position`: up to where its first key comes back,
    each key once; none where it does not come back within `_KEYS_MAX` fields."""
    window = names[position + 1 : position + 1 + _KEYS_MAX]
    if names[position] not in window:
        return ()
    keys = tuple(names[position : position + 1 + window.index(names[position])])
    return keys if len(keys) >= _KEYS_MIN and len(set(keys)) == len(keys) else ()
