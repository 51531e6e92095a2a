"""How much of the rules' reading of a table depends on the layout the page happened to use.

Every dev-half excerpt of the wide gold set with a pipe table (four or more `| … |` rows) is
laid out again three ways, the cells and their order untouched: a tab between cells; two
spaces between cells, a `-` for an empty one inside a row and nothing after its last, as PDF
text gives them; and a cell a line with a blank line after each row. The rules read each
version, and their facts are scored against the excerpt's gold by value and unit alone
(offsets move when the layout does), as multisets. Only the dev half is read: the test half
stays held out.

    python evals/relayout.py

prints, per layout, the excerpts, gold facts, facts found, and precision and recall.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path

from llmx.documents import Document
from llmx.facts import Fact
from llmx.gold import load_gold
from llmx.rules import RulesExtractor

WIDE_GOLD = Path(__file__).resolve().parent / "wide" / "gold"
LAYOUTS = ("pipe", "tab", "spaces", "cells")
_PIPE_ROWS_MIN = 4
_SEPARATOR_CELL = re.compile(r":?-{2,}:?")


def _is_pipe_row(line: str) -> bool:
    stripped = line.strip()
    return stripped.startswith("|") and stripped.endswith("|") and stripped.count("|") >= 3


def has_pipe_table(text: str) -> bool:
    """Whether `text` holds a table of pipe rows to lay out again."""
    return sum(map(_is_pipe_row, text.split("\n"))) >= _PIPE_ROWS_MIN


def relayout(text: str, layout: str) -> str:
    """`text` with each pipe row written in `layout` (tab, spaces or cells); a Markdown
    separator row is dropped, every other line kept as it is."""
    if layout == "pipe":
        return text
    lines: list[str] = []
    for line in text.split("\n"):
        if not _is_pipe_row(line):
            lines.append(line)
            continue
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if all(_SEPARATOR_CELL.fullmatch(cell) for cell in cells if cell):
            continue
        if layout == "tab":
            lines.append("\t".join(cells))
        elif layout == "spaces":
            while cells and not cells[-1]:
                cells.pop()  # a PDF's text leaves nothing after a row's last cell
            lines.append("  ".join(cell or "-" for cell in cells))
        elif layout == "cells":
            lines.extend([*cells, ""])
        else:
            raise ValueError(f"unknown layout {layout!r}: pipe, tab, spaces or cells")
    return "\n".join(lines)


def _values(facts: Iterable[Fact]) -> Counter[tuple[float, str]]:
    return Counter((round(fact.value, 6), fact.unit) for fact in facts)


def scores(gold: Sequence[Fact], found: Sequence[Fact]) -> tuple[int, int, int]:
    """Gold facts, facts found, and how many agree on value and unit, as multisets."""
    matched = sum((_values(gold) & _values(found)).values())
    return len(gold), len(found), matched


def main() -> None:
    gold = load_gold(WIDE_GOLD).half("dev")
    by_doc: dict[str, list[Fact]] = {}
    for fact in gold.facts:
        by_doc.setdefault(fact.doc, []).append(fact)
    tabled = [doc for doc in gold.documents.values() if has_pipe_table(doc.text)]
    print(f"{len(tabled)} dev excerpts with a pipe table")
    print("layout   gold  found  matched  precision  recall")
    for layout in LAYOUTS:
        documents = [Document(doc.id, relayout(doc.text, layout)) for doc in tabled]
        found = RulesExtractor().extract(documents).facts
        totals = [0, 0, 0]
        for doc in tabled:
            counts = scores(by_doc.get(doc.id, []), [f for f in found if f.doc == doc.id])
            totals = [total + count for total, count in zip(totals, counts, strict=True)]
        labelled, predicted, matched = totals
        print(
            f"{layout:7} {labelled:5} {predicted:6} {matched:8}"
            f"  {matched / max(predicted, 1):9.3f}  {matched / max(labelled, 1):6.3f}"
        )


if __name__ == "__main__":
    main()
