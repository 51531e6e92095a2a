"""The rules extractor reads each seed as published (HTML, DOCX, DOC, RTF, PDF) as well as the .txt.

Each rendering folder in evals/renderings/ is a rules configuration of evals/baselines.json;
its run (shared with the regression test) is scored by content against the gold labelled on
the .txt (llmx.renderings), and each seed's F1 must stay within a tolerance of the .txt F1
of the same seed: 0.01 for HTML, DOCX and DOC, whose text is the article's, 0.02 for PDF, whose
lines wrap wherever the printed page put them.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from llmx.baselines import Baselines
from llmx.configurations import RULES, Configuration
from llmx.evaluation import evaluate_run
from llmx.gold import GoldSet
from llmx.runs import Run

TOLERANCE = {"html": 0.01, "docx": 0.01, "doc": 0.01, "rtf": 0.01, "pdf": 0.02}


def _rules_on(baselines: Baselines, documents: str) -> Configuration:
    for entry in baselines.entries:
        configuration = entry.configuration
        if configuration.extractor == RULES and configuration.documents == (documents,):
            return configuration
    raise AssertionError(f"evals/baselines.json has no rules configuration on {documents}")


@pytest.mark.parametrize("rendering", sorted(TOLERANCE))
def test_each_rendering_scores_as_its_txt_does(
    rendering: str,
    baselines: Baselines,
    regression_gold: Callable[[Configuration], GoldSet],
    configuration_run: Callable[[Configuration], Run],
) -> None:
    seeds = _rules_on(baselines, "seeds")
    gold = regression_gold(seeds)
    txt = evaluate_run(configuration_run(seeds), gold, replicates=1)
    run = configuration_run(_rules_on(baselines, f"evals/renderings/{rendering}"))
    evaluation = evaluate_run(run, gold, replicates=1)
    assert sorted(m.run_doc for m in evaluation.by_content) == sorted(run.record.spec.documents)
    assert sorted(evaluation.documents) == sorted(txt.documents)
    for doc, tally in txt.documents.items():
        f1, txt_f1 = evaluation.documents[doc].f1, tally.f1
        assert f1 is not None and txt_f1 is not None
        assert abs(f1 - txt_f1) <= TOLERANCE[rendering], (
            f"{doc} as {rendering}: F1 {f1:.4f}, as .txt {txt_f1:.4f}"
        )
