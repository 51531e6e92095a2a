"""Building the extractor a configuration chooses, by its name in `llmx.extractors`.

Apart from the names so that the model path's modules, which read the names, never import
what builds them: the heavy imports of a model extractor happen only when one is built.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING

from llmx.extractors import NUMERALS, extractor_kind

if TYPE_CHECKING:
    from llmx.extraction import Extractor
    from llmx.settings import ExtractorSettings


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
