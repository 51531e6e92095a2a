"""Score the rules extractor on each rendering of the seeds against the seed gold.

Run from the repository root: `.venv/bin/python evals/renderings/score.py`

The gold is labelled on the `.txt`; until `llmx eval` matches renderings by content, the gold
is moved onto each rendering's canonical text with `gold_on` (tests/llm/goldmodel.py: each
gold fact's line, or table cell, found whole in the rendering, in order) and scored with the
usual match rule (llmx.evaluation). Prints P/R/F1 per format and F1 per document.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT), str(ROOT / "tests" / "llm")]

from goldmodel import gold_of, gold_on  # noqa: E402

from llmx.evaluation import evaluate  # noqa: E402
from llmx.facts import Fact  # noqa: E402
from llmx.gold import GoldSet  # noqa: E402
from llmx.readers import read_document  # noqa: E402
from llmx.rules import RulesExtractor  # noqa: E402
from llmx.sections import split_sections  # noqa: E402


def main() -> None:
    seeds = sorted((ROOT / "seeds").glob("*.txt"))
    print("format  precision  recall     F1   per document F1")
    for suffix in ("txt", "html", "docx"):
        gold: list[Fact] = []
        predicted: list[Fact] = []
        gold_set = GoldSet([], {}, {}, {})
        for seed in seeds:
            original = read_document(seed)
            rendering = (
                original
                if suffix == "txt"
                else read_document(ROOT / "evals" / "renderings" / suffix / f"{seed.stem}.{suffix}")
            )
            seed_gold = gold_of(seed.stem) or []
            gold += seed_gold if suffix == "txt" else gold_on(rendering, original, seed_gold)
            sections = split_sections(rendering.id, rendering.text)
            gold_set.documents[rendering.id] = rendering
            gold_set.sections[rendering.id] = sections
            gold_set.labelled[rendering.id] = frozenset(section.id for section in sections)
            predicted += RulesExtractor().extract([rendering]).facts
        gold_set.facts.extend(gold)
        scored = evaluate(predicted, gold_set, label=suffix, replicates=10)
        tally = scored.total
        precision = tally.matched_predicted / tally.predicted
        recall = tally.matched_gold / tally.gold
        f1 = 2 * precision * recall / (precision + recall)
        per_document = " ".join(f"{doc[:3]}:{t.f1:.3f}" for doc, t in scored.documents.items())
        print(f"{suffix:6} {precision:10.3f} {recall:7.3f} {f1:6.3f}   {per_document}")


if __name__ == "__main__":
    main()
