"""The rules extractor on each seed's PDF rendering, scored against the seed's `.txt` gold.

Run:  .venv/bin/python bench/score_pdf_renderings.py [FOLDER]   (default evals/renderings/pdf)
Writes bench/results/pdf-renderings.json and prints a table.

Interim, until `llmx eval` matches renderings by content: the PDF's canonical text and the
seed's text hold the same characters in the same order, apart from whitespace, line ends and
the table layout (" | " rows against one cell per line). A character alignment of the two
(difflib over the non-space characters) carries each PDF fact's span back to the seed's
offsets, where the ordinary scorer compares it with the gold. A fact whose span does not
map back to the same characters is counted as unmapped (and so as spurious).
"""

from __future__ import annotations

import difflib
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from llmx.evaluation import evaluate, scoring_gold  # noqa: E402
from llmx.facts import Fact  # noqa: E402
from llmx.readers import read_document  # noqa: E402
from llmx.rules import RulesExtractor  # noqa: E402


def offset_map(source: str, target: str) -> dict[int, int]:
    """source offset -> target offset, for every non-space character the two share in order."""
    source_at = [i for i, char in enumerate(source) if not char.isspace()]
    target_at = [i for i, char in enumerate(target) if not char.isspace()]
    source_ink = "".join(source[i] for i in source_at)
    target_ink = "".join(target[i] for i in target_at)
    matcher = difflib.SequenceMatcher(None, source_ink, target_ink, autojunk=False)
    mapping: dict[int, int] = {}
    for block in matcher.get_matching_blocks():
        for k in range(block.size):
            mapping[source_at[block.a + k]] = target_at[block.b + k]
    return mapping


def carried(fact: Fact, pdf_text: str, seed_text: str, mapping: dict[int, int]) -> Fact | None:
    """The fact with its span on the seed's text, or None where it does not map back."""
    inked = [i for i in range(fact.start, fact.end) if not pdf_text[i].isspace()]
    if not inked or inked[0] not in mapping or inked[-1] not in mapping:
        return None
    start, end = mapping[inked[0]], mapping[inked[-1]] + 1
    if "".join(seed_text[start:end].split()) != "".join(fact.text.split()):
        return None
    return fact.model_copy(update={"start": start, "end": end, "text": seed_text[start:end]})


def main() -> None:
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "evals" / "renderings" / "pdf"
    gold = scoring_gold()
    rows = []
    txt_facts: list[Fact] = []
    pdf_facts: list[Fact] = []
    for seed in sorted((ROOT / "seeds").glob("*.txt")):
        txt = read_document(seed)
        pdf = read_document(folder / f"{seed.stem}.pdf")
        from_txt = RulesExtractor().extract([txt]).facts
        from_pdf = RulesExtractor().extract([pdf]).facts
        mapping = offset_map(pdf.text, txt.text)
        mapped = [carried(fact, pdf.text, txt.text, mapping) for fact in from_pdf]
        kept = [fact for fact in mapped if fact is not None]
        # An unmapped fact still counts against precision: keep it, outside every span.
        lost = [
            fact.model_copy(update={"start": 0, "end": 0, "text": ""})
            for fact, back in zip(from_pdf, mapped, strict=True)
            if back is None
        ]
        txt_facts += from_txt
        pdf_facts += kept + lost
        txt_score = evaluate(from_txt, gold, label="txt", replicates=1).documents[seed.stem]
        pdf_score = evaluate(kept + lost, gold, label="pdf", replicates=1).documents[seed.stem]
        rows.append(
            {
                "doc": seed.stem,
                "pages": pdf.source_map.regions[-1].locator.page if pdf.source_map.regions else 0,
                "facts_txt": len(from_txt),
                "facts_pdf": len(from_pdf),
                "unmapped": len(lost),
                "f1_txt": txt_score.f1,
                "f1_pdf": pdf_score.f1,
            }
        )
    overall_txt = evaluate(txt_facts, gold, label="txt", replicates=1).total.f1
    overall_pdf = evaluate(pdf_facts, gold, label="pdf", replicates=1).total.f1
    rows.append({"doc": "all", "f1_txt": overall_txt, "f1_pdf": overall_pdf})
    out = ROOT / "bench" / "results" / "pdf-renderings.json"
    out.write_text(json.dumps(rows, indent=2) + "\n", encoding="utf-8")
    print("| seed | facts .txt | facts .pdf | unmapped | F1 .txt | F1 .pdf | difference |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    for row in rows:
        f1_txt, f1_pdf = float(row["f1_txt"] or 0.0), float(row["f1_pdf"] or 0.0)
        print(
            f"| {row['doc']} | {row.get('facts_txt', '')} | {row.get('facts_pdf', '')}"
            f" | {row.get('unmapped', '')} | {f1_txt:.4f} | {f1_pdf:.4f}"
            f" | {f1_pdf - f1_txt:+.4f} |"
        )


if __name__ == "__main__":
    main()
