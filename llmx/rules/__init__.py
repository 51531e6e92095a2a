"""The offline rules extractor: candidate quantities judged into facts by rules."""

from llmx.rules.extractor import RulesExtractor

__all__ = ["RulesExtractor"]
