"""The extractor settings: one frozen pydantic model built once from flags, environment and a
config file, and handed whole to whatever needs a setting.

Precedence is flags, then `LLMX_<FIELD>` environment variables, then the config file, then
the defaults here. A setting is one field: its flag, its variable, its config-file key, its
validation and its place in the run record all follow from the field. The record holds the
*name* of the environment variable with the API key, never the key: it is read only when a
client is built, so it cannot leak into cache files, runs or reports through this object.
"""

from __future__ import annotations

import math
import tomllib
from collections.abc import Mapping
from enum import StrEnum
from pathlib import Path
from typing import Any, Literal
from urllib.parse import urlsplit, urlunsplit

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    ValidationInfo,
    field_validator,
    model_validator,
)

from llmx.errors import ConfigError, first_problem
from llmx.extractors import LLM, RULES, extractor_kind
from llmx.llm.cache import CACHE_DIR
from llmx.llm.prices import list_price

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


class Price(BaseModel):
    """US dollars per million tokens: prompt tokens, those of them a provider's prefix cache
    served (None: no discount), completion tokens; and what the Batch API charges as a share
    of the live price (OpenAI: half)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    input: float = Field(default=0.0, ge=0)
    output: float = Field(default=0.0, ge=0)
    cached_input: float | None = Field(default=None, ge=0)
    batch_discount: float = Field(default=0.5, gt=0, le=1)

    def cost(
        self, tokens_in: int, tokens_out: int, *, cached: int = 0, batch: bool = False
    ) -> float:
        """Dollars for one call's tokens; `cached` of the prompt tokens at the cached rate."""
        cached_rate = self.input if self.cached_input is None else self.cached_input
        dollars = (
            (tokens_in - cached) * self.input + cached * cached_rate + tokens_out * self.output
        ) / 1_000_000
        return dollars * (self.batch_discount if batch else 1.0)


class ExtractorSettings(BaseModel):
    """Everything that says which extractor runs, which model it asks, how, and at what cost."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    # None: llm when a model is configured, else the offline rules.
    extractor: str | None = None
    prompt: str | None = None  # name@vN; None: the mode's default
    model: str | None = None
    base_url: str = DEFAULT_BASE_URL
    api_key_env: str = DEFAULT_API_KEY_ENV
    instructor_mode: InstructorMode = InstructorMode.tools
    # None: take the prompt template's own setting (its front matter), else the default.
    temperature: float | None = None  # 0..2
    max_tokens: int | None = None
    timeout: float = 120.0
    # Transport retries (429, 5xx, timeouts, dropped connections) and their backoff.
    transport_retries: int = 6
    backoff_initial: float = 1.0
    backoff_max: float = 60.0
    # Re-asks after a response fails validation; this many extra attempts.
    validation_retries: int = 2
    prices: dict[str, Price] = Field(default_factory=dict)
    # How the job runs.
    offline: bool = False  # never call a model: cached answers only
    concurrency: int = Field(default=4, ge=1)  # model calls in flight
    rpm: int | None = Field(default=None, ge=1)
    tpm: int | None = Field(default=None, ge=1)
    cache_dir: Path = CACHE_DIR
    # Consecutive sections packed into one request up to this many prompt tokens of section
    # text (estimated); 0 asks one request per section.
    pack_tokens: int = Field(default=0, ge=0)
    # Send the response schema without its descriptions (the guideline gives them).
    compact_schema: bool = False
    # Send the uncached requests through the provider's Batch API (half price, within 24 h).
    batch: bool = False
    # What happens to batch lines that failed or did not validate: asked live, or in a
    # follow-up batch.
    batch_retry: Literal["live", "batch"] = "live"
    batch_poll: float = 10.0  # seconds between looks at a running batch

    @field_validator("instructor_mode", mode="before")
    @classmethod
    def _mode_by_any_spelling(cls, value: Any) -> Any:
        if isinstance(value, InstructorMode):
            return value
        try:
            return InstructorMode(str(value).lower().replace("-", "_"))
        except ValueError:
            choices = ", ".join(mode.value for mode in InstructorMode)
            raise ConfigError(f"instructor mode {value!r} is not one of {choices}") from None

    @field_validator("temperature")
    @classmethod
    def _temperature(cls, value: float | None) -> float | None:
        if value is not None and not 0.0 <= value <= 2.0:
            raise ConfigError(f"temperature {value} is outside 0..2")
        return value

    @field_validator("max_tokens", "timeout", "backoff_initial", "backoff_max", "batch_poll")
    @classmethod
    def _positive(cls, value: float | None, info: ValidationInfo) -> float | None:
        if value is not None and not (math.isfinite(value) and value > 0):
            raise ConfigError(f"{info.field_name} must be a positive number, not {value!r}")
        return value

    @field_validator("transport_retries", "validation_retries")
    @classmethod
    def _not_negative(cls, value: int, info: ValidationInfo) -> int:
        if value < 0:
            raise ConfigError(f"{info.field_name} cannot be negative")
        return value

    @model_validator(mode="after")
    def _consistent(self) -> ExtractorSettings:
        if self.model is not None and not self.model.strip():
            raise ConfigError("model name is empty")
        if self.extractor is not None:
            extractor_kind(self.extractor)  # names the choices when unknown
        _check_base_url(self.base_url)
        return self

    # --- what the settings imply -----------------------------------------------------

    @property
    def chosen_extractor(self) -> str:
        """The extractor asked for, else llm when a model is configured, else rules."""
        if self.extractor is not None:
            return self.extractor
        return LLM if self.model else RULES

    @property
    def model_name(self) -> str:
        """The model, which a model extractor cannot do without."""
        if not self.model:
            raise ConfigError(
                "no model configured: pass --model, set LLMX_MODEL, or give model in --config"
            )
        return self.model

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
        """The config file's price for the model, else the dated list price, else none (0)."""
        if self.model in self.prices:
            return self.prices[self.model]
        listed = list_price(self.model or "")
        return Price(input=listed.input, output=listed.output) if listed else Price()

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

    # --- building -----------------------------------------------------------------------

    @classmethod
    def from_sources(
        cls,
        flags: Mapping[str, Any],
        env: Mapping[str, str],
        config_file: Path | None = None,
    ) -> ExtractorSettings:
        """Flags (None means not given) over `LLMX_*` variables over the file over defaults."""
        settings: dict[str, Any] = {}
        if config_file is not None:
            settings.update(_read_config_file(config_file))
        settings.update(_from_env(env))
        settings.update({name: value for name, value in flags.items() if value is not None})
        unknown = sorted(set(settings) - set(SETTING_NAMES) - {"prices"})
        if unknown:
            raise ConfigError(f"unknown setting(s): {', '.join(unknown)}")
        try:
            return cls.model_validate(settings)
        except ValidationError as error:
            raise ConfigError(_problem(error)) from None


def _problem(error: ValidationError) -> str:
    """A setting of the wrong type, as one line: `timeout must be a number, not 'soon'`."""
    problem = error.errors()[0]
    where = ".".join(str(part) for part in problem.get("loc", ()))
    if problem.get("type", "").endswith(("_parsing", "_type")) and "number" in str(
        problem.get("msg", "")
    ):
        return f"{where} must be a number, not {problem.get('input')!r}"
    return f"bad setting: {first_problem(error)}"


SETTING_NAMES = tuple(name for name in ExtractorSettings.model_fields if name != "prices")


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


def _from_env(env: Mapping[str, str]) -> dict[str, str]:
    return {
        name: env[ENV_PREFIX + name.upper()]
        for name in SETTING_NAMES
        if env.get(ENV_PREFIX + name.upper(), "").strip()
    }


def _read_config_file(path: Path) -> dict[str, Any]:
    """A TOML file: settings at the top level or under [model], prices under [prices.<model>]."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(f"{path}: no such config file") from None
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise ConfigError(f"{path}: not a readable TOML file ({error})") from None
    model = data.get("model")
    if "api_key" in data or (isinstance(model, dict) and "api_key" in model):
        raise ConfigError(f"{path}: do not put API keys in files; name a variable in api_key_env")
    if model is not None and not isinstance(model, dict | str):
        raise ConfigError(f"{path}: model must be a name or a [model] table, not {model!r}")
    prices = data.get("prices", {})
    if not isinstance(prices, dict):
        raise ConfigError(f"{path}: prices must be tables [prices.<model>], not {prices!r}")
    settings = {k: v for k, v in data.items() if k not in ("model", "prices")}
    if isinstance(model, dict):
        # Under [model] the model's own name reads better as `name`.
        settings.update({("model" if k == "name" else k): v for k, v in model.items()})
    elif isinstance(model, str):
        settings["model"] = model
    settings["prices"] = {}
    for name, entry in prices.items():
        try:
            settings["prices"][name] = Price.model_validate(entry)
        except ValidationError:
            raise ConfigError(
                f"{path}: price of {name!r} needs numbers input and output (and may give "
                "cached_input and batch_discount) per million tokens"
            ) from None
    return settings
