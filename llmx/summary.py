"""An evaluation's numbers as one typed, JSON-ready record: `llmx eval --json` prints it, and
`llmx eval` keeps it beside the run as `scores.json`, so `llmx runs` can show F1 without
scoring again.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from llmx.atomic import write_text_atomic
from llmx.bootstrap import Interval
from llmx.evaluation import Evaluation
from llmx.scoring import Tally

SCORES_FILE = "scores.json"


class _Summary(BaseModel):
    model_config = ConfigDict(extra="ignore")


class Score(_Summary):
    value: float | None
    low: float | None = None
    high: float | None = None


class Scores(_Summary):
    """Counts and ratios of one tally (every run, or one document)."""

    gold: int
    predicted: int
    matched: int
    precision: float | None
    recall: float | None
    f1: float | None
    value_precision: float | None
    value_recall: float | None
    unit_accuracy: float | None
    status_accuracy: float | None
    kind_accuracy: float | None
    period_accuracy: float | None
    indicator_similarity: float | None


class CauseCount(_Summary):
    side: str
    cause: str
    count: int


class EvaluationSummary(_Summary):
    run: str  # the run's label: its name, else its id
    run_id: str | None = None
    gold_dir: str
    gold_fingerprint: str
    half: str | None = None
    scored: str  # when
    replicates: int
    total: Scores
    # 95% bootstrap intervals over sections.
    precision: Score
    recall: Score
    f1: Score
    ignored: int
    # Held-out halves keep only the headline: these stay empty.
    documents: dict[str, Scores] = Field(default_factory=dict)
    errors: list[CauseCount] = Field(default_factory=list)


def scores_of(tally: Tally) -> Scores:
    return Scores(
        gold=tally.gold,
        predicted=tally.predicted,
        matched=tally.matched_gold,
        precision=tally.precision,
        recall=tally.recall,
        f1=tally.f1,
        value_precision=tally.value_precision,
        value_recall=tally.value_recall,
        unit_accuracy=tally.unit_accuracy,
        status_accuracy=tally.status_accuracy,
        kind_accuracy=tally.kind_accuracy,
        period_accuracy=tally.period_accuracy,
        indicator_similarity=tally.indicator_similarity,
    )


def _score(value: float | None, bounds: Interval) -> Score:
    return Score(value=value, low=bounds.low, high=bounds.high)


def summarise(
    evaluation: Evaluation,
    *,
    gold_dir: Path,
    gold_fingerprint: str,
    scored: str,
    half: str | None = None,
    headline_only: bool = False,
) -> EvaluationSummary:
    total, intervals = evaluation.total, evaluation.intervals
    causes = Counter(
        (error.side, error.cause.value) for error in evaluation.errors if error.side != "ignored"
    )
    return EvaluationSummary(
        run=evaluation.label,
        run_id=evaluation.record.id if evaluation.record else None,
        gold_dir=str(gold_dir),
        gold_fingerprint=gold_fingerprint,
        half=half,
        scored=scored,
        replicates=evaluation.replicates,
        total=scores_of(total),
        precision=_score(total.precision, intervals.precision),
        recall=_score(total.recall, intervals.recall),
        f1=_score(total.f1, intervals.f1),
        ignored=len(evaluation.outcome.ignored),
        documents={}
        if headline_only
        else {doc: scores_of(tally) for doc, tally in evaluation.documents.items()},
        errors=[]
        if headline_only
        else [
            CauseCount(side=side, cause=cause, count=count)
            for (side, cause), count in causes.most_common()
        ],
    )


def write_scores(folder: Path, summary: EvaluationSummary) -> Path:
    path = folder / SCORES_FILE
    write_text_atomic(path, summary.model_dump_json(indent=2) + "\n")
    return path


def read_scores(folder: Path) -> EvaluationSummary | None:
    """The last scores `llmx eval` kept for a run; None when never scored or unreadable."""
    path = folder / SCORES_FILE
    try:
        return EvaluationSummary.model_validate_json(path.read_bytes())
    except (OSError, ValidationError):
        return None
