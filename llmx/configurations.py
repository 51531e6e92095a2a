"""A configuration: which extractor, mode, prompt version and model make a run.

`llmx compare` runs several configurations; `pytest evals/` and `llmx eval --update-baseline`
run the ones in evals/baselines.json offline. Both go through `run_configuration`, so a
configuration means the same thing everywhere.
"""

from __future__ import annotations

import itertools
import os
import shlex
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from llmx.build import build_extractor
from llmx.errors import CacheMiss, ConfigError, LlmxError
from llmx.extraction import Extractor
from llmx.extractors import LLM, RULES, extractor_kind
from llmx.gold import HALVES, Half
from llmx.pipeline import run_extraction
from llmx.record import RunSpec
from llmx.runs import RUNS_DIR, Run
from llmx.settings import ExtractorSettings

T = TypeVar("T")
DEFAULT_DOCUMENTS = ("seeds",)
DEFAULT_GOLD = "evals/gold"


class Unavailable(LlmxError):
    """A configuration that cannot be produced here (offline, and a response is not cached)."""


@dataclass(frozen=True)
class Configuration:
    name: str
    extractor: str = RULES
    mode: str = RULES
    prompt: str | None = None
    model: str | None = None
    # Where the model is served; part of every cache key, so a replay must name it too.
    base_url: str | None = None
    documents: tuple[str, ...] = DEFAULT_DOCUMENTS
    # The gold folder it is scored against, and the half of it (a split set's dev or test).
    gold: str = DEFAULT_GOLD
    half: Half | None = None
    # A folder of recorded answers (a cache committed with the project): the configuration
    # replays only these, and one that no longer matches its request is a failure, not a
    # skip — a change to rendering, schemas or prompts must show.
    recorded: str | None = None
    # Sections packed per request up to this many tokens (None: as the settings say).
    pack_tokens: int | None = None

    @property
    def needs_model(self) -> bool:
        return extractor_kind(self.extractor).needs_model

    @property
    def blind(self) -> bool:
        """Scored on a held-out half: only aggregate scores may be kept, never which facts
        it got wrong (evals/wide/SPLIT.md)."""
        return self.half == "test"

    def record_command(self) -> str:
        """The `llmx extract` command that makes (and caches) this configuration's answers."""
        words = ["llmx", "extract", *self.documents, "--extractor", self.extractor]
        if self.prompt:
            words += ["--prompt", self.prompt]
        if self.model:
            words += ["--model", self.model]
        if self.base_url:
            words += ["--base-url", self.base_url]
        if self.pack_tokens is not None:
            words += ["--pack-tokens", str(self.pack_tokens)]
        words += ["--name", self.name]
        return shlex.join(words)

    def as_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "extractor": self.extractor,
            "mode": self.mode,
            "prompt": self.prompt,
            "model": self.model,
            "base_url": self.base_url,
            "documents": list(self.documents),
            "gold": self.gold,
            "half": self.half,
            "recorded": self.recorded,
            "pack_tokens": self.pack_tokens,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Configuration:
        try:
            extractor = str(data.get("extractor", RULES))
            return cls(
                name=str(data["name"]),
                extractor=extractor,
                mode=str(data.get("mode") or extractor),
                prompt=data.get("prompt"),
                model=data.get("model"),
                base_url=data.get("base_url"),
                documents=tuple(data.get("documents") or DEFAULT_DOCUMENTS),
                gold=str(data.get("gold") or DEFAULT_GOLD),
                half=_half(data.get("half")),
                recorded=data.get("recorded"),
                pack_tokens=data.get("pack_tokens"),
            )
        except KeyError:
            raise ConfigError(f"configuration {dict(data)!r} has no name") from None


def _half(value: object) -> Half | None:
    if value is None:
        return None
    for half in HALVES:
        if value == half:
            return half
    raise ConfigError(f"half {value!r} is not one of {', '.join(HALVES)}")


def made_by(spec: RunSpec, configuration: Configuration) -> list[str]:
    """How a run's spec differs from a configuration (empty: the run is one of its runs).

    A configuration that leaves prompt or model open accepts whichever the run used.
    """
    recorded = {
        "extractor": spec.extractor,
        "mode": spec.mode,
        "prompt": spec.prompt,
        "model": spec.model,
        "base_url": spec.base_url,
        "pack_tokens": spec.pack_tokens,
    }
    wanted = configuration.as_dict()
    return [
        f"{key}={value!r} (want {wanted[key]!r})"
        for key, value in recorded.items()
        if wanted[key] is not None and value != wanted[key]
    ]


def configurations_for(
    extractors: Sequence[str],
    prompts: Sequence[str],
    models: Sequence[str],
    base_url: str | None = None,
    packs: Sequence[int] = (),
) -> list[Configuration]:
    """Every combination a compare asks for; the rules extractor takes no prompt, model or
    packing, so it appears once however many are given."""
    chosen = list(extractors) or ([LLM] if prompts or models else [RULES])
    found: dict[str, Configuration] = {}
    for extractor in chosen:
        if not extractor_kind(extractor).needs_model:  # takes no prompt, model or packing
            found.setdefault(extractor, Configuration(extractor, extractor, extractor))
            continue
        for prompt, model, pack in itertools.product(
            _or_none(prompts), _or_none(models), _or_none(packs)
        ):
            packed = f"packed {pack}" if pack is not None else None
            name = " ".join(part for part in (extractor, prompt, model, packed) if part)
            found.setdefault(
                name,
                Configuration(
                    name, extractor, extractor, prompt, model, base_url, pack_tokens=pack
                ),
            )
    return list(found.values())


def _or_none(values: Sequence[T]) -> list[T | None]:
    return list(values) or [None]


def build(configuration: Configuration, *, offline: bool) -> Extractor:
    """The extractor a configuration names, over the settings in the environment;
    offline, a model extractor never calls out. A configuration with recorded answers
    replays them from its own cache folder, offline."""
    flags = {
        "extractor": configuration.mode,
        "model": configuration.model,
        "base_url": configuration.base_url,
        "prompt": configuration.prompt,
        "pack_tokens": configuration.pack_tokens,
        "offline": offline or configuration.recorded is not None or None,
        "cache_dir": Path(configuration.recorded) if configuration.recorded else None,
    }
    return build_extractor(ExtractorSettings.from_sources(flags, os.environ))


def check_configuration(configuration: Configuration, *, offline: bool) -> None:
    """Build a configuration's extractor, calling nothing: a configuration that cannot work
    (an unknown mode, a bad URL or prompt) fails before any other configuration has run."""
    try:
        build(configuration, offline=offline)
    except ConfigError as error:
        raise ConfigError(f"{configuration.name}: {error}") from None


def run_configuration(
    configuration: Configuration,
    paths: Sequence[Path],
    *,
    offline: bool,
    runs_dir: Path = RUNS_DIR,
    progress: Callable[[str], None] | None = None,
) -> Run:
    """Extract with one configuration and write its run folder.

    Offline, a model configuration that would need a model call raises Unavailable with
    the command that records its answers.
    """
    try:
        extractor = build(configuration, offline=offline)
        run = run_extraction(
            paths, extractor, name=configuration.name, runs_dir=runs_dir, progress=progress
        )
    except CacheMiss as error:
        raise Unavailable(_how_to_record(configuration, str(error))) from None
    except ConfigError as error:
        if offline and configuration.needs_model:
            raise Unavailable(_how_to_record(configuration, str(error))) from None
        raise
    failures = run.record.failures
    if offline and failures:
        raise Unavailable(_how_to_record(configuration, f"{len(failures)} sections failed"))
    return run


def _how_to_record(configuration: Configuration, problem: str) -> str:
    if configuration.recorded:
        return (
            f"{configuration.name}: its recorded answers in {configuration.recorded} no longer "
            f"match its requests ({problem}): rendering, a schema or a prompt changed; if on "
            "purpose, re-record them with `python evals/recorded/record.py`"
        )
    return (
        f"{configuration.name}: needs model answers that are not cached ({problem}); "
        f"record them with `{configuration.record_command()}`"
    )
