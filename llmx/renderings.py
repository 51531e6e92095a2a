"""Scoring across renderings: gold labelled on one rendering of a report scores another.

The same report published as a web page, a PDF and a Word file reads as different canonical
texts: page furniture around the article, tables one row per line instead of one cell per
line, lines joined where a PDF wrapped them. Offsets of one text mean nothing in another, so
before the standard's rules (llmx.scoring) can apply, each predicted fact is placed on the
gold document's text:

1. Which gold document a run's document is: the gold document of the same id, when its text
   is close enough; otherwise the gold document whose text is most alike.
2. An offset map between the two texts, from the runs of characters they share once
   whitespace and table rules are set aside (difflib's matching blocks).
3. Facts aligned one to one: a prediction pairs with a gold fact of equal value and unit
   (then, for the rest, equal value alone, so a unit error stays a unit error) that lies
   where the map puts the prediction, the most alike context first. A paired prediction
   takes its gold fact's span; the others keep the span the map gives them, so they still
   count, as spurious, in the section they fall in.

Pure functions: texts and facts in, facts on the gold text out.
"""

from __future__ import annotations

import difflib
from bisect import bisect_right
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

from llmx.facts import Fact
from llmx.folding import fold
from llmx.matching import maximum_matching
from llmx.scoring import values_agree
from llmx.sections import Section, split_sections

# Shared runs are anchored on k-grams found once in each text; gaps between anchors up to
# this size are matched character by character.
_ANCHOR = 12
_GAP_MATCHED = 4000
# Below this likeness a run's document is not taken for a gold document.
MIN_SIMILARITY = 0.5
# How far (in gold characters) a gold span may lie from where the map puts a prediction.
ALIGN_WINDOW = 24
# Characters of context compared on each side of a span.
CONTEXT = 16
_SHINGLE = 4
_SET_ASIDE = frozenset("|｜")


@dataclass(frozen=True)
class DocumentMatch:
    """Which gold document a run's document was scored against, and how."""

    run_doc: str
    gold_doc: str
    by_content: bool  # the texts differ: facts were placed on the gold text by content
    similarity: float
    run_format: str = "txt"
    gold_format: str = "txt"
    aligned: int = 0  # predictions paired with a gold fact by value and context
    placed: int = 0  # predictions placed by the offset map alone

    def describe(self) -> str:
        if not self.by_content:
            return f"{self.run_doc}: scored by offsets against gold {self.gold_doc}"
        return (
            f"scored by content: {self.run_doc} ({self.run_format}) against gold "
            f"{self.gold_doc} ({self.gold_format}), text likeness {self.similarity:.2f}"
        )


@dataclass(frozen=True)
class _Normalised:
    """A text with whitespace and table rules taken out, folded; `origin[i]` is where the
    i-th kept character is in the original text."""

    text: str
    origin: tuple[int, ...]


@lru_cache(maxsize=256)
def _normalised(text: str) -> _Normalised:
    folded = fold(text)
    origin = tuple(
        i for i, char in enumerate(folded) if not char.isspace() and char not in _SET_ASIDE
    )
    return _Normalised("".join(folded[i] for i in origin), origin)


def text_similarity(a: str, b: str) -> float:
    """Dice coefficient of the two texts' character 4-gram sets, layout set aside: 1.0 for the
    same report however laid out, near 0 for different reports."""
    left, right = _shingles(a), _shingles(b)
    if not left and not right:
        return 1.0
    return 2 * len(left & right) / (len(left) + len(right))


@lru_cache(maxsize=256)
def _shingles(text: str) -> frozenset[str]:
    bare = _normalised(text).text
    return frozenset(bare[i : i + _SHINGLE] for i in range(len(bare) - _SHINGLE + 1))


def identify(
    run_texts: Mapping[str, str], gold_texts: Mapping[str, str]
) -> dict[str, tuple[str, float]]:
    """For each run document, the gold document it is and how alike their texts are.

    The same id with the same text is that document; the same id is kept when its text is
    alike enough; otherwise the most alike gold document, if any is alike enough. A gold
    document is scored once: when two run documents are the same report (its .txt and its
    web page in one run), the more alike one is scored against it and the other is not.
    """
    found: dict[str, tuple[str, float]] = {}
    for doc, text in run_texts.items():
        if gold_texts.get(doc) == text:
            found[doc] = (doc, 1.0)
            continue
        if doc in gold_texts:
            same_id = text_similarity(text, gold_texts[doc])
            if same_id >= MIN_SIMILARITY:
                found[doc] = (doc, same_id)
                continue
        scored = [(text_similarity(text, gold), gold_doc) for gold_doc, gold in gold_texts.items()]
        if scored:
            similarity, gold_doc = max(scored)
            if similarity >= MIN_SIMILARITY:
                found[doc] = (gold_doc, similarity)
    best: dict[str, tuple[float, str]] = {}
    for doc, (gold_doc, similarity) in found.items():
        best[gold_doc] = max(best.get(gold_doc, (-1.0, "")), (similarity, doc))
    return {doc: match for doc, match in found.items() if best[match[0]][1] == doc}


@dataclass(frozen=True)
class OffsetMap:
    """Offsets of one text carried to another through the characters they share."""

    source_norm: _Normalised
    target_norm: _Normalised
    # The shared runs, in order: (index in the source's normalised text, index in the
    # target's, length).
    blocks: tuple[tuple[int, int, int], ...]

    @classmethod
    def between(cls, source: str, target: str) -> OffsetMap:
        a, b = _normalised(source), _normalised(target)
        return cls(a, b, tuple(shared_runs(a.text, b.text)))

    def __call__(self, offset: int) -> int:
        """Where `offset` of the source falls in the target: exactly inside a shared run, at
        the end of the run before it otherwise."""
        a = self.source_norm
        index = bisect_right(a.origin, offset) - 1  # the last kept character at or before
        if index < 0 or not self.blocks:
            return self.target_norm.origin[0] if self.target_norm.origin else 0
        block = bisect_right(self.blocks, index, key=lambda run: run[0]) - 1
        if block < 0:
            return self.target_norm.origin[self.blocks[0][1]]
        source_index, target_index, size = self.blocks[block]
        step = min(index - source_index, size - 1)
        target = self.target_norm.origin[target_index + step]
        # Inside a run, keep the offset's distance from its kept character (a space or
        # a cell rule before a number is not kept).
        return target + (offset - a.origin[index] if index - source_index < size else 1)


Run = tuple[int, int, int]  # (index in a, index in b, length) of a stretch a and b share


def shared_runs(a: str, b: str) -> list[Run]:
    """The stretches two texts share, in order in both, none overlapping.

    Like difflib's matching blocks, but near linear: k-grams that occur once in each text
    anchor the alignment (the longest chain of anchors in order in both, as patience diff
    does), runs grow from the anchors while the characters agree, and only the gaps left
    between runs are matched character by character.
    """
    if a == b:
        return [(0, 0, len(a))] if a else []
    runs = _grown(_anchored_runs(a, b), a, b)
    filled: list[Run] = []
    previous_a = previous_b = 0
    for run in [*runs, (len(a), len(b), 0)]:
        gap_a, gap_b = a[previous_a : run[0]], b[previous_b : run[1]]
        if gap_a and gap_b and len(gap_a) <= _GAP_MATCHED and len(gap_b) <= _GAP_MATCHED:
            matcher = difflib.SequenceMatcher(None, gap_a, gap_b, autojunk=False)
            filled.extend(
                (previous_a + block.a, previous_b + block.b, block.size)
                for block in matcher.get_matching_blocks()
                if block.size
            )
        if run[2]:
            filled.append(run)
        previous_a, previous_b = run[0] + run[2], run[1] + run[2]
    return filled


def _anchored_runs(a: str, b: str) -> list[Run]:
    """Runs of length _ANCHOR at the k-grams unique to each text, the longest chain of them
    in order in both texts, merged where they continue one another."""
    k = _ANCHOR
    in_a = _unique_grams(a, k)
    in_b = _unique_grams(b, k)
    pairs = sorted((i, in_b[gram]) for gram, i in in_a.items() if gram in in_b)
    chain = _longest_increasing(pairs)
    runs: list[list[int]] = []
    for i, j in chain:
        last = runs[-1] if runs else None
        if last and i - last[0] == j - last[1] and i <= last[0] + last[2]:
            last[2] = i + k - last[0]
        else:
            runs.append([i, j, k])
    # Neighbouring runs may overlap by up to k-1 characters: trim the later one.
    trimmed: list[Run] = []
    end_a = end_b = 0
    for i, j, size in runs:
        cut = max(end_a - i, end_b - j, 0)
        if size > cut:
            trimmed.append((i + cut, j + cut, size - cut))
            end_a, end_b = i + size, j + size
    return trimmed


def _unique_grams(text: str, k: int) -> dict[str, int]:
    """Each k-gram that occurs once in `text`, with where it starts."""
    first: dict[str, int] = {}
    repeated: set[str] = set()
    for index in range(len(text) - k + 1):
        gram = text[index : index + k]
        if gram in first:
            repeated.add(gram)
        else:
            first[gram] = index
    return {gram: index for gram, index in first.items() if gram not in repeated}


def _longest_increasing(pairs: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """The longest subsequence of (i, j) pairs (sorted by i) whose j increase too."""
    tails: list[int] = []  # index into pairs of the smallest tail of each length
    tail_values: list[int] = []
    before: list[int] = [-1] * len(pairs)
    for index, (_, j) in enumerate(pairs):
        length = bisect_right(tail_values, j - 1)  # strictly increasing j
        before[index] = tails[length - 1] if length else -1
        if length == len(tails):
            tails.append(index)
            tail_values.append(j)
        else:
            tails[length], tail_values[length] = index, j
    chain: list[tuple[int, int]] = []
    index = tails[-1] if tails else -1
    while index >= 0:
        chain.append(pairs[index])
        index = before[index]
    return chain[::-1]


def _grown(runs: list[Run], a: str, b: str) -> list[Run]:
    """Each run extended both ways while the two texts agree, up to its neighbours."""
    grown: list[Run] = []
    for index, (i, j, size) in enumerate(runs):
        floor_a, floor_b = (
            (grown[-1][0] + grown[-1][2], grown[-1][1] + grown[-1][2]) if grown else (0, 0)
        )
        while i > floor_a and j > floor_b and a[i - 1] == b[j - 1]:
            i, j, size = i - 1, j - 1, size + 1
        ceiling_a, ceiling_b = (
            (runs[index + 1][0], runs[index + 1][1]) if index + 1 < len(runs) else (len(a), len(b))
        )
        while i + size < ceiling_a and j + size < ceiling_b and a[i + size] == b[j + size]:
            size += 1
        grown.append((i, j, size))
    return grown


@lru_cache(maxsize=8)
def _offset_map(source: str, target: str) -> OffsetMap:
    return OffsetMap.between(source, target)


def carried_sections(
    run_doc: str, run_text: str, section_id: str, gold_text: str, gold_sections: Sequence[Section]
) -> list[str]:
    """The gold sections that a section of another rendering covers, by where the offset
    map carries its span (a section the run failed to extract, not to be scored)."""
    section = next((s for s in split_sections(run_doc, run_text) if s.id == section_id), None)
    words = section.text_of(run_text).rstrip() if section is not None else ""
    if section is None or not words:
        return []
    offsets = _offset_map(run_text, gold_text)
    # The last written character, so trailing line ends do not reach the next section.
    start, end = offsets(section.start), offsets(section.start + len(words) - 1) + 1
    return [gold.id for gold in gold_sections if gold.start < end and start < gold.end]


def _context(text: str, start: int, end: int) -> str:
    before = _normalised(text[max(0, start - 4 * CONTEXT) : start]).text[-CONTEXT:]
    after = _normalised(text[end : end + 4 * CONTEXT]).text[:CONTEXT]
    return before + "\u0000" + after


def _context_likeness(a: str, b: str) -> float:
    return difflib.SequenceMatcher(None, a, b, autojunk=False).ratio()


def place_on_gold(
    predicted: Sequence[Fact],
    run_text: str,
    gold: Sequence[Fact],
    gold_text: str,
    gold_doc: str,
) -> tuple[list[Fact], int]:
    """The predictions of one document placed on the gold document's text, and how many of
    them were paired with a gold fact (the rest placed by the offset map alone)."""
    offsets = _offset_map(run_text, gold_text)
    mapped = [_mapped_span(fact, offsets, len(gold_text)) for fact in predicted]
    contexts = [_context(run_text, fact.start, fact.end) for fact in predicted]
    gold_contexts = [_context(gold_text, fact.start, fact.end) for fact in gold]
    pairs: dict[int, int] = {}
    for units_must_agree in (True, False):
        taken = set(pairs.values())
        open_predictions = [p for p in range(len(predicted)) if p not in pairs]
        candidates = [
            _ranked_candidates(
                predicted[p], mapped[p], contexts[p], gold, gold_contexts, taken, units_must_agree
            )
            for p in open_predictions
        ]
        for served, g in maximum_matching(candidates).items():
            pairs[open_predictions[served]] = g
    placed: list[Fact] = []
    for index, fact in enumerate(predicted):
        start, end = (gold[pairs[index]].span) if index in pairs else mapped[index]
        placed.append(
            fact.model_copy(
                update={"doc": gold_doc, "start": start, "end": end, "text": gold_text[start:end]}
            )
        )
    return placed, len(pairs)


def _mapped_span(fact: Fact, offsets: OffsetMap, length: int) -> tuple[int, int]:
    start = min(offsets(fact.start), max(length - 1, 0))
    end = min(max(offsets(fact.end - 1) + 1, start + 1), max(length, start + 1))
    return start, end


def _ranked_candidates(
    fact: Fact,
    span: tuple[int, int],
    context: str,
    gold: Sequence[Fact],
    gold_contexts: Sequence[str],
    taken: set[int],
    units_must_agree: bool,
) -> list[int]:
    """Gold facts this prediction may be: equal value (and unit), near where the map puts
    it; the most alike context first, then the nearest."""
    near: list[tuple[float, int, int]] = []
    for g, candidate in enumerate(gold):
        if g in taken or not values_agree(fact.value, candidate.value):
            continue
        if units_must_agree and fact.unit != candidate.unit:
            continue
        distance = max(0, candidate.start - span[1], span[0] - candidate.end)
        if distance > ALIGN_WINDOW:
            continue
        likeness = _context_likeness(context, gold_contexts[g])
        near.append((-likeness, distance, g))
    return [g for _, _, g in sorted(near)]


@dataclass(frozen=True)
class RunDocument:
    """A document as a run read it: its canonical text and the reader's format."""

    text: str
    format: str = "txt"


def place_run_on_gold(
    facts: Sequence[Fact],
    documents: Mapping[str, RunDocument],
    gold_documents: Mapping[str, RunDocument],
    gold_facts: Sequence[Fact],
) -> tuple[list[Fact], list[DocumentMatch]]:
    """A run's facts expressed on the gold texts, and how each run document was matched.

    Facts of a document whose text is the gold text are kept as they are; facts of another
    rendering are placed by content; facts of a document no gold document resembles are
    kept under their own id (scoring ignores them).
    """
    identified = identify(
        {doc: d.text for doc, d in documents.items()},
        {doc: d.text for doc, d in gold_documents.items()},
    )
    by_doc: dict[str, list[Fact]] = {}
    for fact in facts:
        by_doc.setdefault(fact.doc, []).append(fact)
    placed: list[Fact] = [fact for fact in facts if fact.doc not in identified]
    matches: list[DocumentMatch] = []
    for doc, (gold_doc, similarity) in identified.items():
        run_document, gold_document = documents[doc], gold_documents[gold_doc]
        own = by_doc.get(doc, [])
        if run_document.text == gold_document.text and doc == gold_doc:
            placed.extend(own)
            matches.append(
                DocumentMatch(doc, gold_doc, False, 1.0, run_document.format, gold_document.format)
            )
            continue
        moved, aligned = place_on_gold(
            own,
            run_document.text,
            [fact for fact in gold_facts if fact.doc == gold_doc],
            gold_document.text,
            gold_doc,
        )
        placed.extend(moved)
        matches.append(
            DocumentMatch(
                doc,
                gold_doc,
                True,
                similarity,
                run_document.format,
                gold_document.format,
                aligned=aligned,
                placed=len(own) - aligned,
            )
        )
    return placed, matches
