"""The naive baseline: every numeral the quantity finder sees is a fact, with no judgement.

It answers the first question a comparison should ask of any extractor: is it better than
taking every number? It runs offline, so a comparison report can be made without a model
(`llmx compare --extractor numerals --extractor rules`).
"""

from __future__ import annotations

from collections.abc import Sequence

from llmx.documents import Document
from llmx.extraction import Extraction, ProgressCallback
from llmx.facts import Fact
from llmx.quantities import find_quantities
from llmx.record import RunSpec, RunStats

NAME = "numerals"


class NumeralsExtractor:
    """Implements `Extractor`: one fact per numeric mention, attributes left at defaults."""

    name = NAME

    def describe(self) -> RunSpec:
        return RunSpec(extractor=NAME, mode=NAME)

    def extract(
        self, documents: Sequence[Document], progress: ProgressCallback | None = None
    ) -> Extraction:
        facts: list[Fact] = []
        for document in documents:
            facts += [
                Fact(
                    doc=document.id,
                    start=quantity.start,
                    end=quantity.end,
                    text=quantity.text,
                    value=quantity.value,
                    unit=quantity.unit,
                    qualifier=quantity.qualifier,
                    indicator="",
                    status="actual",
                    kind="level",
                    extractor=NAME,
                )
                for quantity in find_quantities(document.text)
            ]
            if progress:
                progress(document.id)
        return Extraction(facts, RunStats(sections=len(documents)))
