"""The model path: prompts, schemas, client, cache, grounding and the `llm`/`hybrid` extractor.

Build an extractor with `build_model_extractor(ExtractorSettings(extractor="llm", model=...))`,
or, for any extractor, `llmx.build.build_extractor(settings)`.

Names are imported on first use: openai and instructor take a second or more to import,
and commands that only read the cache (`llmx cache stats`) or never call a model should
not pay for them.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from llmx.llm.extractor import LLMExtractor
    from llmx.llm.factory import build_model_extractor
    from llmx.settings import ExtractorSettings, InstructorMode, Price

_HOMES = {
    "InstructorMode": "llmx.settings",
    "ExtractorSettings": "llmx.settings",
    "Price": "llmx.settings",
    "LLMExtractor": "llmx.llm.extractor",
    "build_model_extractor": "llmx.llm.factory",
}
__all__ = [
    "ExtractorSettings",
    "InstructorMode",
    "LLMExtractor",
    "Price",
    "build_model_extractor",
]


def __getattr__(name: str) -> Any:
    if name not in _HOMES:
        raise AttributeError(f"module 'llmx.llm' has no attribute {name!r}")
    return getattr(importlib.import_module(_HOMES[name]), name)
