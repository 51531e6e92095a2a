"""Pinyin glosses some reprints write after characters (產(chǎn)業(yè), 萬(wàn)億): taken out before
numbers and words are read, with the way back from the unglossed text's offsets to the text's."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

# Some reprints gloss characters with their pinyin: 產(chǎn)業(yè). A gloss has a tone mark, or
# drops it (萬(wan)人(ren)): then it is one syllable of two letters or more, right after a
# character, so an item's `(a)` or an English word in brackets is none.
_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
_SYLLABLE = (
    r"(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?"
    r"(?:iang|iong|uang|ang|eng|ing|ong|ian|iao|uai|uan|üan|ai|ei|ao|ou|an|en|in|un|ün"
    r"|ia|ie|iu|ua|uo|ui|üe|er|a|o|e|i|u|ü)"
)
_GLOSS = re.compile(
    rf"\((?=[a-zü]*[{_TONED}])[a-zü{_TONED}]{{1,8}}\)"
    rf"|(?<=[\u3400-\u4dbf\u4e00-\u9fff])\((?=[a-zü]{{2}})(?:{_SYLLABLE})\)"
)


@dataclass(frozen=True)
class Unglossed:
    """A text with its pinyin glosses taken out, and the way from its offsets to the text's.

    Other spans may be cut out with them: the rules and columns between the lines of a note
    that wrapped inside a table's notes column, so the note reads as one paragraph."""

    text: str
    starts: tuple[int, ...]  # where each gloss (or cut) started in the original
    removed: tuple[int, ...]  # characters removed up to and including each gloss
    at: tuple[int, ...] = ()  # where each gloss was, as offsets in the unglossed text
    cut_at: tuple[int, ...] = ()  # where each cut was, as offsets in the unglossed text

    @classmethod
    def of(cls, text: str, cuts: Sequence[tuple[int, int]] = ()) -> Unglossed:
        glosses = [
            (gloss.start(), gloss.end())
            for gloss in _GLOSS.finditer(text)
            if not any(start < gloss.end() and gloss.start() < end for start, end in cuts)
        ]
        spans = sorted([*glosses, *((start, end) for start, end in cuts if start < end)])
        if not spans:
            return cls(text, (), ())
        removed, total, pieces, kept = [], 0, [], 0
        for start, end in spans:
            pieces.append(text[kept:start])
            kept = end
            total += end - start
            removed.append(total)
        pieces.append(text[kept:])
        before = (0, *removed)[: len(spans)]
        at = tuple(start - b for (start, _), b in zip(spans, before, strict=True))
        cut = set(cuts)
        cut_at = tuple(a for a, span in zip(at, spans, strict=True) if span in cut)
        return cls("".join(pieces), tuple(s for s, _ in spans), tuple(removed), at, cut_at)

    def span_of(self, start: int, end: int) -> tuple[int, int]:
        """The span `start`-`end` of the unglossed text, placed on the original text."""
        return self.original(start), self.end_of(start, end)

    def end_of(self, start: int, end: int) -> int:
        """The offset in the original text of the end of the span `start`-`end` of the
        unglossed text; a span that runs over a cut ends where the cut starts."""
        index = bisect_right(self.cut_at, start)
        if index < len(self.cut_at) and self.cut_at[index] < end:
            return self.original(self.cut_at[index] - 1) + 1
        return self.original(end)

    def original(self, position: int) -> int:
        """The offset in the original text of the unglossed text's offset `position`: past
        every gloss before it, and past a gloss right at it (which glosses the character
        before, so a span ending there keeps its last character's gloss and a span starting
        there leaves it out)."""
        index = bisect_right(self.at, position) - 1
        return position + (self.removed[index] if index >= 0 else 0)

    def position(self, original: int) -> int:
        """The offset in the unglossed text of the original text's offset `original`."""
        index = bisect_right(self.starts, original - 1) - 1
        return original - (self.removed[index] if index >= 0 else 0)


def unglossed(text: str) -> str:
    return _GLOSS.sub("", text)
