"""Score the rules extractor on each rendering of the seeds against the seed gold.

Run from the repository root: `.venv/bin/python evals/renderings/score.py`

The gold is labelled on the `.txt`. Each format's renderings are extracted into a run (which
keeps their canonical texts) and `llmx eval`'s own scoring matches them to the gold by content
(llmx.renderings). Prints P/R/F1 per format, and per document its F1 and the difference from
the same seed's `.txt` F1 (the targets: within 0.01 for HTML, DOCX, DOC and RTF, 0.02 for PDF).

`scan` is the printed PDFs as a scanner gives them (each page a grey image at 150 dpi, no text
layer), made here and read by OCR (llmx.readers.ocr; needs `llmx[ocr]`, about two minutes).
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT), str(Path(__file__).resolve().parent)]

from render import scanned  # noqa: E402

from llmx.evaluation import evaluate_run, scoring_gold  # noqa: E402
from llmx.pipeline import run_extraction  # noqa: E402
from llmx.rules import RulesExtractor  # noqa: E402

FORMATS = ("txt", "html", "docx", "doc", "rtf", "pdf", "scan")


def main() -> None:
    gold = scoring_gold(ROOT / "evals" / "gold")
    txt_f1: dict[str, float] = {}
    print("format  precision  recall      F1   per document: F1 (difference from .txt)")
    with tempfile.TemporaryDirectory(prefix="llmx-renderings-") as runs:
        for suffix in FORMATS:
            folder = ROOT / ("seeds" if suffix == "txt" else f"evals/renderings/{suffix}")
            if suffix == "scan":
                folder = Path(runs) / "scans"
                folder.mkdir()
                for printed in sorted((ROOT / "evals" / "renderings" / "pdf").glob("*.pdf")):
                    scanned(printed, folder / printed.name)
            run = run_extraction([folder], RulesExtractor(), runs_dir=Path(runs))
            scored = evaluate_run(run, gold, replicates=10)
            tally = scored.total
            cells = []
            for doc, document in scored.documents.items():
                f1 = document.f1 or 0.0
                if suffix == "txt":
                    txt_f1[doc] = f1
                cells.append(f"{doc[:3]}:{f1:.4f} ({f1 - txt_f1.get(doc, f1):+.4f})")
            print(
                f"{suffix:6} {tally.precision or 0:10.4f} {tally.recall or 0:7.4f} "
                f"{tally.f1 or 0:7.4f}   {' '.join(cells)}"
            )


if __name__ == "__main__":
    main()
