"""Building the model extractor from the settings: the one way it is made."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path

from llmx.errors import ConfigError
from llmx.extractors import extractor_kind
from llmx.llm.cache import ResponseCache
from llmx.llm.extractor import LLMExtractor
from llmx.llm.modes import MODES
from llmx.llm.prompts import PROMPTS_DIR, load_prompt
from llmx.settings import ExtractorSettings


def build_model_extractor(
    settings: ExtractorSettings,
    *,
    env: Mapping[str, str] | None = None,
    prompts_dir: Path = PROMPTS_DIR,
    notify: Callable[[str], None] | None = None,
) -> LLMExtractor:
    """The `llm`, `hybrid` or `rules-first` extractor the settings choose; the prompt
    defaults to the mode's default (extract@v3 for llm and rules-first)."""
    name = settings.chosen_extractor
    if not extractor_kind(name).needs_model:
        raise ConfigError(f"extractor {name!r} asks no model")
    settings.model_name  # noqa: B018 — raises ConfigError when no model is configured
    chosen = MODES[name]
    prompt = load_prompt(
        settings.prompt or chosen.default_prompt or chosen.prompt_family, prompts_dir
    )
    if prompt.mode != chosen.prompt_mode:
        asks = (
            chosen.name
            if chosen.asks_as is None
            else f"{chosen.name} (which asks as {chosen.asks_as})"
        )
        raise ConfigError(
            f"prompt {prompt.ref} is written for {prompt.mode or 'no'} mode, not {asks}; "
            f"use e.g. {chosen.prompt_family}@v1"
        )
    if settings.pack_tokens and not prompt.packing:
        raise ConfigError(
            f"--pack-tokens needs a prompt that quotes several sections; {prompt.ref} quotes "
            "one (use e.g. --prompt extract@v4)"
        )
    return LLMExtractor(
        settings=settings,
        mode=chosen,
        prompt=prompt,
        cache=ResponseCache(settings.cache_dir),
        env=env,
        notify=notify,
    )
