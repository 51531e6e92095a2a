"""The extractors llmx has, each named once: what a name means and how it is built.

The CLI's choices, a configuration's `needs_model`, the model modes and the run record all
take their names from here; adding an extractor is one entry.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from llmx.errors import ConfigError

if TYPE_CHECKING:
    from llmx.extraction import Extractor
    from llmx.settings import ExtractorSettings

RULES = "rules"
NUMERALS = "numerals"
LLM = "llm"
HYBRID = "hybrid"


@dataclass(frozen=True)
class ExtractorKind:
    name: str
    help: str
    needs_model: bool


EXTRACTORS: dict[str, ExtractorKind] = {
    kind.name: kind
    for kind in (
        ExtractorKind(RULES, "offline rules: no model, no cost", needs_model=False),
        ExtractorKind(
            NUMERALS, "every number is a fact: the naive offline baseline", needs_model=False
        ),
        ExtractorKind(LLM, "a model reads each section and states its facts", needs_model=True),
        ExtractorKind(
            HYBRID, "a model keeps, fixes or drops the rules' candidates", needs_model=True
        ),
    )
}


def extractor_kind(name: str) -> ExtractorKind:
    try:
        return EXTRACTORS[name]
    except KeyError:
        raise ConfigError(f"extractor {name!r} is not one of {', '.join(EXTRACTORS)}") from None


def build_extractor(
    settings: ExtractorSettings,
    env: Mapping[str, str] | None = None,
    notify: Callable[[str], None] | None = None,
) -> Extractor:
    """The extractor the settings choose; a model extractor's heavy imports only then.
    `notify` shows what a long wait is waiting for (a batch's progress)."""
    kind = extractor_kind(settings.chosen_extractor)
    if kind.name == NUMERALS:
        from llmx.numerals import NumeralsExtractor

        return NumeralsExtractor()
    if not kind.needs_model:
        from llmx.rules import RulesExtractor

        return RulesExtractor()
    from llmx.llm.factory import build_model_extractor

    return build_model_extractor(settings, env=env, notify=notify)
