"""How to reach a model: one frozen record built from flags, environment and a config file.

Precedence is flags, then environment, then the config file, then defaults. The record holds
the *name* of the environment variable with the API key, never the key: it is read only when
a client is built, so it cannot leak into cache files, runs or reports through this object.
"""

from __future__ import annotations

import math
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field, fields, replace
from enum import StrEnum
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from llmx.errors import ConfigError

DEFAULT_BASE_URL = "https://api.openai.com/v1"
DEFAULT_API_KEY_ENV = "OPENAI_API_KEY"
# Local servers (Ollama, vLLM, llama.cpp) accept any key; the SDK insists on having one.
LOCAL_PLACEHOLDER_KEY = "not-needed"
_LOCAL_HOSTS = frozenset({"localhost", "127.0.0.1", "0.0.0.0", "::1", "host.docker.internal"})

# Environment variables, one per setting a flag can also give.
ENV_PREFIX = "LLMX_"


class InstructorMode(StrEnum):
    """How the response schema travels: servers differ in what they support."""

    tools = "tools"  # function calling: OpenAI, DeepSeek, Qwen, vLLM with a tool parser
    json_schema = "json_schema"  # response_format json_schema: OpenAI, vLLM, llama.cpp
    json = "json"  # response_format json_object plus the schema in the prompt: Ollama
    md_json = "md_json"  # schema in the prompt, JSON in a ```json block: anything that chats


@dataclass(frozen=True)
class Price:
    """US dollars per million tokens."""

    input: float = 0.0
    output: float = 0.0

    def cost(self, tokens_in: int, tokens_out: int) -> float:
        return (tokens_in * self.input + tokens_out * self.output) / 1_000_000


@dataclass(frozen=True)
class ModelConfig:
    """Everything that says which model is asked, how, and what it costs."""

    model: str
    base_url: str = DEFAULT_BASE_URL
    api_key_env: str = DEFAULT_API_KEY_ENV
    instructor_mode: InstructorMode = InstructorMode.tools
    # None: take the prompt template's own setting (its front matter), else the default.
    temperature: float | None = None
    max_tokens: int | None = None
    timeout: float = 120.0
    # Transport retries (429, 5xx, timeouts, dropped connections) and their backoff.
    transport_retries: int = 6
    backoff_initial: float = 1.0
    backoff_max: float = 60.0
    # Re-asks after a response fails validation; instructor makes this many extra attempts.
    validation_retries: int = 2
    prices: Mapping[str, Price] = field(default_factory=dict)

    def __post_init__(self) -> None:
        # Accept the mode's name too ("json"), as callers building a config by hand write it.
        mode = _coerce("instructor_mode", self.instructor_mode)
        object.__setattr__(self, "instructor_mode", mode)
        if not self.model.strip():
            raise ConfigError("model name is empty")
        if self.temperature is not None and not 0.0 <= self.temperature <= 2.0:
            raise ConfigError(f"temperature {self.temperature} is outside 0..2")
        for name in ("max_tokens", "timeout", "backoff_initial", "backoff_max"):
            value = getattr(self, name)
            if value is None:
                continue
            if not (isinstance(value, int | float) and math.isfinite(value) and value > 0):
                raise ConfigError(f"{name} must be a positive number, not {value!r}")
        for name in ("transport_retries", "validation_retries"):
            if getattr(self, name) < 0:
                raise ConfigError(f"{name} cannot be negative")
        _check_base_url(self.base_url)

    @property
    def provider(self) -> str:
        """Who serves the model, from the base URL alone: its host and port."""
        split = urlsplit(self.base_url)
        host = split.hostname or ""
        return f"{host}:{split.port}" if split.port else host

    @property
    def public_base_url(self) -> str:
        """The base URL without credentials or query, safe to write into runs and logs."""
        split = urlsplit(self.base_url)
        netloc = split.hostname or ""
        if split.port:
            netloc = f"{netloc}:{split.port}"
        return urlunsplit((split.scheme, netloc, split.path, "", ""))

    @property
    def is_local(self) -> bool:
        host = urlsplit(self.base_url).hostname or ""
        return host in _LOCAL_HOSTS or host.endswith(".local")

    @property
    def price(self) -> Price:
        return self.prices.get(self.model, Price())

    def params(self, prompt_params: Mapping[str, Any]) -> dict[str, Any]:
        """Sampling parameters sent with each request: the prompt's, overridden by ours."""
        params = {"temperature": 0.0, "max_tokens": 4096, **prompt_params}
        if self.temperature is not None:
            params["temperature"] = self.temperature
        if self.max_tokens is not None:
            params["max_tokens"] = self.max_tokens
        return params

    def api_key(self, env: Mapping[str, str]) -> str:
        """The key from the configured environment variable; local servers need none."""
        key = env.get(self.api_key_env, "").strip()
        if key:
            return key
        if self.is_local:
            return LOCAL_PLACEHOLDER_KEY
        raise ConfigError(
            f"no API key: set ${self.api_key_env} (or name another variable with "
            "--api-key-env) for " + self.public_base_url
        )

    def describe(self) -> dict[str, Any]:
        """What a run records about the model: no key, no credentials in the URL."""
        return {
            "model": self.model,
            "provider": self.provider,
            "base_url": self.public_base_url,
            "instructor_mode": self.instructor_mode.value,
            "timeout": self.timeout,
            "transport_retries": self.transport_retries,
            "validation_retries": self.validation_retries,
            "price_per_million": {"input": self.price.input, "output": self.price.output},
        }

    @classmethod
    def from_sources(
        cls,
        flags: Mapping[str, Any],
        env: Mapping[str, str],
        config_file: Path | None = None,
    ) -> ModelConfig:
        """Flags (None means not given) over `LLMX_*` variables over the file over defaults."""
        settings: dict[str, Any] = {}
        prices: dict[str, Price] = {}
        if config_file is not None:
            file_settings, prices = _read_config_file(config_file)
            settings.update(file_settings)
        settings.update(_from_env(env))
        settings.update({name: value for name, value in flags.items() if value is not None})
        unknown = sorted(set(settings) - _SETTING_NAMES)
        if unknown:
            raise ConfigError(f"unknown model setting(s): {', '.join(unknown)}")
        if not settings.get("model"):
            raise ConfigError(
                "no model configured: pass --model, set LLMX_MODEL, or give model in --config"
            )
        try:
            config = cls(**{name: _coerce(name, value) for name, value in settings.items()})
        except (TypeError, ValueError) as error:
            raise ConfigError(f"bad model setting: {error}") from None
        return replace(config, prices=prices) if prices else config


def _check_base_url(url: str) -> None:
    """Refuse a base URL that cannot be right before any request is made with it."""
    shown = _without_credentials(url)
    if url != url.strip() or any(char.isspace() for char in url):
        raise ConfigError(f"base URL {shown!r} contains spaces")
    split = urlsplit(url)
    try:
        split.port  # noqa: B018 — raises on a port that is not a number or out of range
    except ValueError:
        raise ConfigError(f"base URL {shown!r} has an invalid port") from None
    if split.scheme not in ("http", "https") or not split.hostname:
        raise ConfigError(
            f"base URL {shown!r} is not an http(s) URL like https://api.openai.com/v1"
        )
    if split.query or split.fragment:
        raise ConfigError(
            f"base URL {shown!r} has a query or fragment (?… or #…), which every request "
            "would lose: give only scheme://host[:port]/path, e.g. http://localhost:11434/v1"
        )
    if split.path.rstrip("/").endswith(("/chat/completions", "/completions")):
        raise ConfigError(
            f"base URL {shown!r} names the endpoint; give its base, without /chat/completions"
        )


def _without_credentials(url: str) -> str:
    """The URL as an error may show it: no user, password, query or fragment (they may hold
    a key), only marks where a query or fragment was."""
    split = urlsplit(url)
    netloc = split.netloc.rsplit("@", 1)[-1]
    marks = ("?…" if split.query else "") + ("#…" if split.fragment else "")
    return urlunsplit((split.scheme, netloc, split.path, "", "")) + marks


_SETTING_NAMES = frozenset(f.name for f in fields(ModelConfig)) - {"prices"}
_NUMBERS: dict[str, type[int] | type[float]] = {
    "temperature": float,
    "max_tokens": int,
    "timeout": float,
    "transport_retries": int,
    "backoff_initial": float,
    "backoff_max": float,
    "validation_retries": int,
}


def _coerce(name: str, value: Any) -> Any:
    """Environment values are strings; the file and flags may give either."""
    if name == "instructor_mode":
        if isinstance(value, InstructorMode):
            return value
        try:
            return InstructorMode(str(value).lower().replace("-", "_"))
        except ValueError:
            choices = ", ".join(mode.value for mode in InstructorMode)
            raise ConfigError(f"instructor mode {value!r} is not one of {choices}") from None
    if name in _NUMBERS:
        try:
            return _NUMBERS[name](value)
        except (TypeError, ValueError):
            raise ValueError(f"{name} must be a number, not {value!r}") from None
    return str(value)


def _from_env(env: Mapping[str, str]) -> dict[str, str]:
    return {
        name: env[ENV_PREFIX + name.upper()]
        for name in _SETTING_NAMES
        if env.get(ENV_PREFIX + name.upper(), "").strip()
    }


def _read_config_file(path: Path) -> tuple[dict[str, Any], dict[str, Price]]:
    """A TOML file: settings at the top level or under [model], prices under [prices.<model>]."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(f"{path}: no such config file") from None
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise ConfigError(f"{path}: not a readable TOML file ({error})") from None
    if "api_key" in data or "api_key" in data.get("model", {}):
        raise ConfigError(f"{path}: do not put API keys in files; name a variable in api_key_env")
    settings = {k: v for k, v in data.items() if k not in ("model", "prices")}
    model = data.get("model")
    if isinstance(model, dict):
        # Under [model] the model's own name reads better as `name`.
        settings.update({("model" if k == "name" else k): v for k, v in model.items()})
    elif isinstance(model, str):
        settings["model"] = model
    prices: dict[str, Price] = {}
    for name, entry in data.get("prices", {}).items():
        try:
            prices[name] = Price(float(entry.get("input", 0)), float(entry.get("output", 0)))
        except (AttributeError, TypeError, ValueError):
            raise ConfigError(
                f"{path}: price of {name!r} needs numbers input and output per million tokens"
            ) from None
    return settings, prices
