"""Building the model extractor from what a user configured: the CLI's one entry point."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

from llmx.errors import ConfigError
from llmx.llm.cache import CACHE_DIR, ResponseCache
from llmx.llm.config import ModelConfig
from llmx.llm.extractor import LLMExtractor
from llmx.llm.modes import MODES
from llmx.llm.prompts import PROMPTS_DIR, load_prompt


def build_extractor(
    config: ModelConfig,
    mode: str,
    prompt_ref: str | None = None,
    *,
    offline: bool = False,
    concurrency: int = 4,
    rpm: int | None = None,
    tpm: int | None = None,
    cache_dir: Path = CACHE_DIR,
    prompts_dir: Path = PROMPTS_DIR,
    env: Mapping[str, str] | None = None,
) -> LLMExtractor:
    """An extractor for mode "llm" or "hybrid"; the prompt defaults to the mode's newest."""
    if mode not in MODES:
        raise ConfigError(f"mode {mode!r} is not one of {', '.join(MODES)}")
    chosen = MODES[mode]
    prompt = load_prompt(prompt_ref or chosen.prompt_family, prompts_dir)
    if prompt.mode != chosen.name:
        raise ConfigError(
            f"prompt {prompt.ref} is written for {prompt.mode or 'no'} mode, not {chosen.name}; "
            f"use e.g. {chosen.prompt_family}@v1"
        )
    if concurrency < 1:
        raise ConfigError("concurrency must be at least 1")
    return LLMExtractor(
        config=config,
        mode=chosen,
        prompt=prompt,
        cache=ResponseCache(cache_dir),
        offline=offline,
        concurrency=concurrency,
        rpm=rpm,
        tpm=tpm,
        env=env,
    )


def build_extractor_from_options(
    *,
    mode: str,
    model: str | None = None,
    base_url: str | None = None,
    api_key_env: str | None = None,
    instructor_mode: str | None = None,
    prompt: str | None = None,
    temperature: float | None = None,
    max_tokens: int | None = None,
    timeout: float | None = None,
    config_file: Path | None = None,
    offline: bool = False,
    concurrency: int = 4,
    rpm: int | None = None,
    tpm: int | None = None,
    cache_dir: Path = CACHE_DIR,
    env: Mapping[str, str] | None = None,
) -> LLMExtractor:
    """`llmx extract`'s options as they come from the command line (None: not given)."""
    environment = env if env is not None else os.environ
    flags = {
        "model": model,
        "base_url": base_url,
        "api_key_env": api_key_env,
        "instructor_mode": instructor_mode,
        "temperature": temperature,
        "max_tokens": max_tokens,
        "timeout": timeout,
    }
    config = ModelConfig.from_sources(flags, environment, config_file)
    return build_extractor(
        config,
        mode,
        prompt,
        offline=offline,
        concurrency=concurrency,
        rpm=rpm,
        tpm=tpm,
        cache_dir=cache_dir,
        env=environment,
    )
