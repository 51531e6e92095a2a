"""Fixtures for the model path: a fake server and extractors wired to it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fakeserver import FakeServer
from support import KEY, MakeExtractor, model_config, report_answer

from llmx.llm import LLMExtractor, build_model_extractor


@pytest.fixture
def server() -> Iterator[FakeServer]:
    with FakeServer(report_answer) as fake:
        yield fake


@pytest.fixture
def make_extractor(server: FakeServer, tmp_path: Path) -> MakeExtractor:
    """`make_extractor(mode="llm", prompt=None, env=..., **settings)`."""

    def make(
        mode: str = "llm",
        prompt: str | None = None,
        *,
        env: dict[str, str] | None = None,
        **settings: Any,
    ) -> LLMExtractor:
        settings.setdefault("cache_dir", tmp_path / "cache")
        return build_model_extractor(
            model_config(server, extractor=mode, prompt=prompt, **settings),
            env={"OPENAI_API_KEY": KEY} if env is None else env,
        )

    return make
