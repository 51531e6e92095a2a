"""What every extractor gives back, and the one interface they share.

An extractor turns documents into facts. The rules extractor, the model (`llm`) and the
hybrid mode all implement `Extractor`, so a run, a score or a report never asks which one
produced the facts.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from llmx.documents import Document
from llmx.facts import Fact

# Called once per finished section with a short status line, for progress bars.
ProgressCallback = Callable[[str], None]


@dataclass
class ExtractionStats:
    """Counters a run reports in its manifest (run.json)."""

    sections: int = 0
    calls: int = 0
    cache_hits: int = 0
    tokens_in: int = 0
    tokens_out: int = 0
    cost: float = 0.0
    # Facts a model returned that could not be grounded in the source (hallucinations).
    dropped_ungrounded: int = 0
    facts_proposed: int = 0
    failures: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {
            "sections": self.sections,
            "calls": self.calls,
            "cache_hits": self.cache_hits,
            "tokens_in": self.tokens_in,
            "tokens_out": self.tokens_out,
            "cost": round(self.cost, 6),
            "facts_proposed": self.facts_proposed,
            "dropped_ungrounded": self.dropped_ungrounded,
            "hallucination_rate": (
                self.dropped_ungrounded / self.facts_proposed if self.facts_proposed else 0.0
            ),
            "failures": list(self.failures),
        }


@dataclass
class Extraction:
    facts: list[Fact]
    stats: ExtractionStats


class Extractor(Protocol):
    """Anything that extracts facts from documents."""

    name: str

    def describe(self) -> dict[str, Any]:
        """What goes into run.json to say how the facts were made (mode, model, prompt…)."""
        ...

    def extract(
        self, documents: Sequence[Document], progress: ProgressCallback | None = None
    ) -> Extraction: ...
