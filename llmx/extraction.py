"""What every extractor gives back, and the one interface they share.

An extractor turns documents into facts. The rules extractor, the model (`llm`) and the
hybrid mode all implement `Extractor`, so a run, a score or a report never asks which one
produced the facts.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Protocol

from llmx.documents import Document
from llmx.facts import Fact
from llmx.record import RunSpec, RunStats, SectionFailure

# Called once per finished section with a short status line, for progress bars.
ProgressCallback = Callable[[str], None]


@dataclass
class Extraction:
    facts: list[Fact]
    stats: RunStats
    # Sections that did not get their facts as configured (failed, or fell back to rules).
    failures: list[SectionFailure] = field(default_factory=list)
    # The job was stopped (Ctrl-C) before every section was done; `facts` are those finished.
    interrupted: bool = False


class Extractor(Protocol):
    """Anything that extracts facts from documents.

    A streamed job (llmx.pipeline) also reads two optional attributes: `documents_per_step`
    (how many documents to hand over at once; 1 if absent) and `runs_in_worker_processes`
    (True if the extractor can be copied into worker processes and run there).
    """

    name: str

    def describe(self) -> RunSpec:
        """What goes into run.json to say how the facts were made (mode, model, prompt…)."""
        ...

    def extract(
        self, documents: Sequence[Document], progress: ProgressCallback | None = None
    ) -> Extraction: ...
