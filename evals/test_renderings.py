"""The rules extractor reads each seed as published (HTML, DOCX, PDF) as well as the .txt.

Each rendering in evals/renderings/ is extracted offline and scored by content against the
gold labelled on the .txt (llmx.renderings); its F1 must stay within a tolerance of the .txt
F1 of the same seed: 0.01 for HTML and DOCX, whose text is the article's, 0.02 for PDF, whose
lines wrap wherever the printed page put them.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from llmx.configurations import RULES, Configuration
from llmx.evaluation import Evaluation, evaluate_run
from llmx.gold import GoldSet
from llmx.pipeline import run_extraction
from llmx.readers import READERS
from llmx.rules import RulesExtractor

ROOT = Path(__file__).resolve().parent.parent
RENDERINGS = ROOT / "evals" / "renderings"
TOLERANCE = {"html": 0.01, "docx": 0.01, "pdf": 0.02}


def _evaluation(paths: list[Path], gold: GoldSet, runs: Path) -> Evaluation:
    return evaluate_run(run_extraction(paths, RulesExtractor(), runs_dir=runs), gold, replicates=1)


@pytest.fixture(scope="module")
def seed_gold(regression_gold: Callable[[Configuration], GoldSet]) -> GoldSet:
    return regression_gold(Configuration(RULES))


@pytest.fixture(scope="module")
def seeds_f1(seed_gold: GoldSet, tmp_path_factory: pytest.TempPathFactory) -> dict[str, float]:
    paths = [ROOT / "seeds" / f"{doc}.txt" for doc in seed_gold.documents]
    evaluation = _evaluation(paths, seed_gold, tmp_path_factory.mktemp("txt"))
    return {doc: tally.f1 for doc, tally in evaluation.documents.items() if tally.f1 is not None}


@pytest.mark.parametrize("rendering", sorted(TOLERANCE))
def test_each_rendering_scores_as_its_txt_does(
    rendering: str,
    seed_gold: GoldSet,
    seeds_f1: dict[str, float],
    tmp_path: Path,
) -> None:
    if f".{rendering}" not in READERS:
        pytest.skip(f"no reader for .{rendering} yet")
    paths = sorted((RENDERINGS / rendering).glob(f"*.{rendering}"))
    evaluation = _evaluation(paths, seed_gold, tmp_path)
    scored = {match.run_doc: match for match in evaluation.by_content}
    assert sorted(scored) == sorted(path.stem for path in paths), "each scored by content"
    for doc, txt_f1 in seeds_f1.items():
        f1 = evaluation.documents[doc].f1
        assert f1 is not None and abs(f1 - txt_f1) <= TOLERANCE[rendering], (
            f"{doc} as {rendering}: F1 {f1}, .txt {txt_f1:.4f}"
        )
