"""The model path: prompts, schemas, client, cache, grounding and the `llm`/`hybrid` extractor.

Build an extractor with `build_extractor(ModelConfig.from_sources(...), "llm")`, or from the
CLI's options with `build_extractor_from_options(mode="llm", model=..., ...)`.

Names are imported on first use: openai and instructor take a second or more to import,
and commands that only read the cache (`llmx cache stats`) or never call a model should
not pay for them.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from llmx.llm.config import InstructorMode, ModelConfig, Price
    from llmx.llm.extractor import LLMExtractor
    from llmx.llm.factory import build_extractor, build_extractor_from_options

_HOMES = {
    "InstructorMode": "llmx.llm.config",
    "ModelConfig": "llmx.llm.config",
    "Price": "llmx.llm.config",
    "LLMExtractor": "llmx.llm.extractor",
    "build_extractor": "llmx.llm.factory",
    "build_extractor_from_options": "llmx.llm.factory",
}
__all__ = [
    "InstructorMode",
    "LLMExtractor",
    "ModelConfig",
    "Price",
    "build_extractor",
    "build_extractor_from_options",
]


def __getattr__(name: str) -> Any:
    if name not in _HOMES:
        raise AttributeError(f"module 'llmx.llm' has no attribute {name!r}")
    return getattr(importlib.import_module(_HOMES[name]), name)
