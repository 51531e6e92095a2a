"""evals/baselines.json: the configurations regression-tested, and the scores each must keep.

A baseline stores every headline score of a configuration, the gold it was scored against
(a fingerprint) and the keys of the facts it missed and invented, so that a regression can
say exactly which facts changed, not only that a number fell.
"""

from __future__ import annotations

import json
import shlex
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from llmx import __version__
from llmx.atomic import write_text_atomic
from llmx.configurations import Configuration
from llmx.errors import ConfigError, InputError
from llmx.evaluation import Evaluation
from llmx.facts import Fact
from llmx.runs import now_iso
from llmx.scoring import METRICS
from llmx.textfiles import read_text_file

BASELINES = Path("evals/baselines.json")
DEFAULT_TOLERANCE = 0.01


@dataclass(frozen=True)
class Baseline:
    scores: dict[str, float | None]
    gold: str
    recorded: str
    llmx_version: str
    missed: tuple[str, ...] = ()
    spurious: tuple[str, ...] = ()

    def as_dict(self) -> dict[str, Any]:
        return {
            "scores": {name: _rounded(value) for name, value in self.scores.items()},
            "gold": self.gold,
            "recorded": self.recorded,
            "llmx_version": self.llmx_version,
            "missed": list(self.missed),
            "spurious": list(self.spurious),
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Baseline:
        return cls(
            scores=dict(data.get("scores", {})),
            gold=str(data.get("gold", "")),
            recorded=str(data.get("recorded", "")),
            llmx_version=str(data.get("llmx_version", "")),
            missed=tuple(data.get("missed", ())),
            spurious=tuple(data.get("spurious", ())),
        )


@dataclass(frozen=True)
class Entry:
    """One configuration and its stored baseline (None until first recorded)."""

    configuration: Configuration
    baseline: Baseline | None = None


@dataclass(frozen=True)
class Baselines:
    tolerance: float = DEFAULT_TOLERANCE
    metrics: tuple[str, ...] = METRICS
    entries: tuple[Entry, ...] = ()
    # Keys of the file this code does not interpret (a description), kept on rewrite.
    extra: dict[str, Any] = field(default_factory=dict)

    def entry(self, name: str) -> Entry:
        for entry in self.entries:
            if entry.configuration.name == name:
                return entry
        names = ", ".join(e.configuration.name for e in self.entries) or "none"
        raise ConfigError(f"no configuration {name!r} in the baselines (there is: {names})")

    def with_baseline(self, name: str, baseline: Baseline) -> Baselines:
        self.entry(name)  # fail early on an unknown name
        entries = tuple(
            replace(e, baseline=baseline) if e.configuration.name == name else e
            for e in self.entries
        )
        return replace(self, entries=entries)


def load_baselines(path: Path = BASELINES) -> Baselines:
    try:
        data = json.loads(read_text_file(path))
    except InputError as error:
        raise ConfigError(f"{error} (the baselines file)") from None
    except json.JSONDecodeError as error:
        raise ConfigError(f"{path}: not valid JSON ({error.msg})") from None
    if not isinstance(data, dict):
        raise ConfigError(f"{path}: not a baselines file (a JSON object)")
    try:
        unknown = [name for name in data.get("metrics", METRICS) if name not in METRICS]
        if unknown:
            raise ConfigError(f"{path}: unknown metric(s) {', '.join(unknown)}")
        entries = tuple(
            Entry(
                Configuration.from_dict(item),
                Baseline.from_dict(item["baseline"]) if item.get("baseline") else None,
            )
            for item in data.get("configurations", [])
        )
        return Baselines(
            tolerance=float(data.get("tolerance", DEFAULT_TOLERANCE)),
            metrics=tuple(data.get("metrics", METRICS)),
            entries=entries,
            extra={k: v for k, v in data.items() if k not in _KNOWN_KEYS},
        )
    except (AttributeError, TypeError, ValueError) as error:
        raise ConfigError(f"{path}: not a baselines file ({error})") from None


_KNOWN_KEYS = ("tolerance", "metrics", "configurations")


def write_baselines(baselines: Baselines, path: Path = BASELINES) -> None:
    data: dict[str, Any] = {
        **baselines.extra,
        "tolerance": baselines.tolerance,
        "metrics": list(baselines.metrics),
        "configurations": [
            {
                **entry.configuration.as_dict(),
                "baseline": entry.baseline.as_dict() if entry.baseline else None,
            }
            for entry in baselines.entries
        ],
    }
    write_text_atomic(path, json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def baseline_of(evaluation: Evaluation, gold: str, *, blind: bool = False) -> Baseline:
    """The scores to keep; a blind baseline (a held-out half) keeps no fact keys, so nobody
    reads which held-out facts were wrong."""
    outcome = evaluation.outcome
    return Baseline(
        scores=evaluation.total.metrics(),
        gold=gold,
        recorded=now_iso(),
        llmx_version=__version__,
        missed=() if blind else tuple(sorted(fact_key(f) for f in outcome.missed)),
        spurious=() if blind else tuple(sorted(fact_key(f) for f in outcome.spurious)),
    )


def fact_key(fact: Fact) -> str:
    """A fact as one readable, stable line: where it is, what it says, what it was read as."""
    return f"{fact.doc}:{fact.start}-{fact.end} {fact.text} = {fact.value:g} {fact.unit or '∅'}"


@dataclass(frozen=True)
class Regression:
    metric: str
    stored: float | None
    now: float | None


def regressions(baselines: Baselines, baseline: Baseline, now: Baseline) -> list[Regression]:
    """Metrics that fell below the stored value by more than the tolerance (or vanished)."""
    found: list[Regression] = []
    for metric in baselines.metrics:
        stored, current = baseline.scores.get(metric), now.scores.get(metric)
        if stored is None:
            continue
        if current is None or current < stored - baselines.tolerance:
            found.append(Regression(metric, stored, current))
    return found


@dataclass(frozen=True)
class FactChanges:
    newly_missed: list[str]
    newly_spurious: list[str]
    now_found: list[str]
    no_longer_spurious: list[str]


def fact_changes(baseline: Baseline, now: Baseline) -> FactChanges:
    return FactChanges(
        newly_missed=sorted(set(now.missed) - set(baseline.missed)),
        newly_spurious=sorted(set(now.spurious) - set(baseline.spurious)),
        now_found=sorted(set(baseline.missed) - set(now.missed)),
        no_longer_spurious=sorted(set(baseline.spurious) - set(now.spurious)),
    )


def explain_regression(
    name: str, found: list[Regression], baseline: Baseline, now: Baseline, *, limit: int = 40
) -> str:
    """A failure message: which metrics fell, which facts changed, how to accept it."""
    lines = [f"{name}: below its baseline by more than the tolerance:"]
    lines += [f"  {r.metric}: {_shown(r.stored)} → {_shown(r.now)}" for r in found]
    if baseline.gold != now.gold:
        lines.append(
            f"  note: gold changed since the baseline was recorded ({baseline.gold} → "
            f"{now.gold}); a drop may come from new gold rather than from the extractor"
        )
    changes = fact_changes(baseline, now)
    for title, keys in (
        ("gold facts newly missed", changes.newly_missed),
        ("predictions newly spurious", changes.newly_spurious),
        ("gold facts now found", changes.now_found),
        ("predictions no longer spurious", changes.no_longer_spurious),
    ):
        if keys:
            lines.append(f"  {title} ({len(keys)}):")
            lines += [f"    {key}" for key in keys[:limit]]
            if len(keys) > limit:
                lines.append(f"    … and {len(keys) - limit} more")
    lines.append(f"  if the change is deliberate: llmx eval --update-baseline {shlex.quote(name)}")
    return "\n".join(lines)


def _shown(value: float | None) -> str:
    return "undefined" if value is None else f"{value:.4f}"


def _rounded(value: float | None) -> float | None:
    # Six places: stable in diffs, far finer than any tolerance.
    return None if value is None else round(value, 6)
