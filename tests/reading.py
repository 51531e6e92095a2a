"""What the rules extractor reads in one text: the step the table readers' tests share."""

from __future__ import annotations

from llmx.documents import Document
from llmx.facts import Fact
from llmx.rules import RulesExtractor


def rules_facts(text: str) -> list[Fact]:
    """The facts the rules extractor finds in `text`, read as one document."""
    return RulesExtractor().extract([Document("d", text)]).facts
