"""The extractors llmx has, each named once: what a name means (`llmx.build` builds one).

The CLI's choices, a configuration's `needs_model`, the model modes and the run record all
take their names from here; adding an extractor is one entry here and one branch there.
"""

from __future__ import annotations

from dataclasses import dataclass

from llmx.errors import ConfigError

RULES = "rules"
NUMERALS = "numerals"
LLM = "llm"
HYBRID = "hybrid"
RULES_FIRST = "rules-first"


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
        ExtractorKind(
            RULES_FIRST,
            "the rules read every section, a model only those where they leave figures unread",
            needs_model=True,
        ),
    )
}


def extractor_kind(name: str) -> ExtractorKind:
    try:
        return EXTRACTORS[name]
    except KeyError:
        raise ConfigError(f"extractor {name!r} is not one of {', '.join(EXTRACTORS)}") from None
