"""The model modes, each a prompt family plus a schema — not a fork of the pipeline.

`llm`: the model reads the section and returns facts. `hybrid`: the rules' candidates, numbered,
go into the prompt; the model keeps or drops each, fills what rules cannot judge, and may add
a missed fact by quoting it. Either way the answer becomes `Proposal`s for grounding.
`rules-first`: the rules read every section, and only a section where they leave figures
unread (llmx.coverage) is asked, as `llm` asks it; the others keep the rules' facts, and an
asked section keeps those of the rules' facts on spans the model's answer leaves alone.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import Any

from pydantic import BaseModel

from llmx.extractors import HYBRID, LLM, RULES_FIRST
from llmx.facts import Fact
from llmx.llm.grounding import Proposal
from llmx.llm.schemas import ExtractedFacts, HybridAnswer, ModelFact, PackedFacts


@dataclass(frozen=True)
class ExtractionMode:
    name: str
    prompt_family: str  # prompts/<family>/v<N>.j2
    schema: type[BaseModel]
    uses_candidates: bool
    # (answer, candidates, section start) → proposals, spans relative to the section
    proposals: Callable[[BaseModel, Sequence[Fact], int], list[Proposal]]
    # The answer to a request quoting several sections, and how it splits into one answer
    # per section id; None: the mode asks one section per request.
    packed_schema: type[BaseModel] | None = None
    unpack: Callable[[BaseModel], dict[str, BaseModel]] | None = None
    # The prompt used when none is chosen; None: the family's newest.
    default_prompt: str | None = None
    # Only the sections the rules leave figures unread in are asked; the rest keep the
    # rules' facts.
    routed: bool = False
    # The mode whose prompts it sends and whose answers it shares in the cache, when it is
    # another's (rules-first asks as llm does); None: its own.
    asks_as: str | None = None

    @property
    def prompt_mode(self) -> str:
        return self.asks_as or self.name

    def validation_context(self, candidates: Sequence[Fact]) -> dict[str, Any]:
        """What validators may check an answer against (hybrid: how many candidates exist)."""
        return {"candidates": len(candidates)} if self.uses_candidates else {}


def _quoted(fact: ModelFact) -> Proposal:
    return Proposal(
        text=fact.text,
        value=fact.value,
        unit=fact.unit,
        indicator=fact.indicator,
        status=fact.status,
        kind=fact.kind,
        qualifier=fact.qualifier,
        period=fact.period,
    )


def _llm_proposals(answer: BaseModel, _candidates: Sequence[Fact], _start: int) -> list[Proposal]:
    assert isinstance(answer, ExtractedFacts)
    return [_quoted(fact) for fact in answer.facts]


def _hybrid_proposals(
    answer: BaseModel, candidates: Sequence[Fact], section_start: int
) -> list[Proposal]:
    """Kept candidates keep their span, and the rules' value, unit, indicator, status and
    kind where the model leaves them null; undecided candidates are dropped, as the model
    did not vouch for them."""
    assert isinstance(answer, HybridAnswer)
    decisions = {decision.id: decision for decision in answer.decisions}
    proposals: list[Proposal] = []
    for number, candidate in enumerate(candidates, 1):
        decision = decisions.get(number)
        if decision is None or not decision.keep:
            continue
        proposals.append(
            Proposal(
                text=candidate.text,
                value=candidate.value if decision.value is None else decision.value,
                unit=candidate.unit if decision.unit is None else decision.unit,
                indicator=decision.indicator or candidate.indicator,
                status=decision.status or candidate.status,
                kind=decision.kind or candidate.kind,
                # Period and qualifier are judgements the model makes; null means none.
                qualifier=decision.qualifier,
                period=decision.period,
                span=(candidate.start - section_start, candidate.end - section_start),
            )
        )
    return proposals + [_quoted(fact) for fact in answer.added]


def _unpack_facts(answer: BaseModel) -> dict[str, BaseModel]:
    """A packed answer as one ExtractedFacts per section id (an id given twice: both lists)."""
    assert isinstance(answer, PackedFacts)
    by_section: dict[str, list[ModelFact]] = {}
    for entry in answer.sections:
        by_section.setdefault(entry.section.strip().lstrip("§"), []).extend(entry.facts)
    return {section: ExtractedFacts(facts=facts) for section, facts in by_section.items()}


MODES: dict[str, ExtractionMode] = {
    # extract@v4 packs sections (--pack-tokens); v3, one section a request, stays the
    # default until a real model has been compared on both.
    LLM: ExtractionMode(
        LLM,
        "extract",
        ExtractedFacts,
        False,
        _llm_proposals,
        PackedFacts,
        _unpack_facts,
        default_prompt="extract@v3",
    ),
    HYBRID: ExtractionMode(HYBRID, "hybrid", HybridAnswer, True, _hybrid_proposals),
}
MODES[RULES_FIRST] = replace(MODES[LLM], name=RULES_FIRST, routed=True, asks_as=LLM)
