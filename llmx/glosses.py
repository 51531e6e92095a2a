"""Pinyin glosses some reprints write after characters (產(chǎn)業(yè), 萬(wàn)億): taken out before
numbers and words are read, with the way back from the unglossed text's offsets to the text's."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

# Some reprints gloss characters with their pinyin: 產(chǎn)業(yè). A gloss has a tone mark.
_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
_GLOSS = re.compile(rf"\((?=[a-zü]*[{_TONED}])[a-zü{_TONED}]{{1,8}}\)")


@dataclass(frozen=True)
class Unglossed:
    """A text with its pinyin glosses taken out, and the way from its offsets to the text's."""

    text: str
    starts: tuple[int, ...]  # where each gloss started in the original
    removed: tuple[int, ...]  # characters removed up to and including each gloss
    at: tuple[int, ...] = ()  # where each gloss was, as offsets in the unglossed text

    @classmethod
    def of(cls, text: str) -> Unglossed:
        glosses = list(_GLOSS.finditer(text))
        if not glosses:
            return cls(text, (), ())
        removed, total = [], 0
        for gloss in glosses:
            total += gloss.end() - gloss.start()
            removed.append(total)
        before = (0, *removed)[: len(glosses)]
        at = tuple(g.start() - b for g, b in zip(glosses, before, strict=True))
        return cls(_GLOSS.sub("", text), tuple(g.start() for g in glosses), tuple(removed), at)

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
