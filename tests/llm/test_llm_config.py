"""Model configuration: flags over environment over file over defaults, any OpenAI-compatible
server by base URL alone, and never a key in the record."""

from __future__ import annotations

from pathlib import Path

import pytest

from llmx.errors import ConfigError
from llmx.llm import ExtractorSettings, InstructorMode, Price, build_model_extractor

NONE: dict[str, object] = {}


def _file(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "model.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_flags_win_over_environment_over_the_file(tmp_path: Path) -> None:
    config_file = _file(
        tmp_path,
        '[model]\nname = "from-file"\nbase_url = "http://file:1/v1"\ntemperature = 0.5\n'
        "timeout = 30\n",
    )
    env = {"LLMX_MODEL": "from-env", "LLMX_BASE_URL": "http://env:2/v1"}
    config = ExtractorSettings.from_sources(
        {"model": "from-flag", "base_url": None}, env, config_file
    )
    assert (config.model, config.base_url, config.temperature, config.timeout) == (
        "from-flag",
        "http://env:2/v1",
        0.5,
        30.0,
    )


@pytest.mark.parametrize(
    ("base_url", "provider", "local"),
    [
        ("https://api.openai.com/v1", "api.openai.com", False),
        ("https://api.deepseek.com/v1", "api.deepseek.com", False),
        ("https://dashscope.aliyuncs.com/compatible-mode/v1", "dashscope.aliyuncs.com", False),
        ("http://localhost:11434/v1", "localhost:11434", True),  # Ollama
        ("http://127.0.0.1:8000/v1", "127.0.0.1:8000", True),  # vLLM
        ("http://localhost:8080/v1", "localhost:8080", True),  # llama.cpp server
    ],
)
def test_any_server_is_reached_by_base_url_alone(base_url: str, provider: str, local: bool) -> None:
    config = ExtractorSettings.from_sources({"model": "m", "base_url": base_url}, {})
    assert (config.provider, config.is_local) == (provider, local)


def test_a_local_server_needs_no_key_but_a_remote_one_does() -> None:
    local = ExtractorSettings(model="qwen2.5", base_url="http://localhost:11434/v1")
    assert local.api_key({}) == "not-needed"
    remote = ExtractorSettings(
        model="deepseek-chat",
        base_url="https://api.deepseek.com/v1",
        api_key_env="DEEPSEEK_API_KEY",
    )
    assert remote.api_key({"DEEPSEEK_API_KEY": "sk-1"}) == "sk-1"
    with pytest.raises(ConfigError, match=r"set \$DEEPSEEK_API_KEY"):
        remote.api_key({})


def test_the_record_never_holds_a_key_or_url_credentials(tmp_path: Path) -> None:
    config = ExtractorSettings(
        model="m", base_url="https://user:secret@api.example.com/v1", cache_dir=tmp_path
    )
    described = build_model_extractor(config, env={}).describe().model_dump_json()
    assert "secret" not in described and "user" not in described
    assert config.public_base_url == "https://api.example.com/v1"


@pytest.mark.parametrize(
    ("url", "problem"),
    [
        ("https://user:secret@api.example.com/v1?key=x", "has a query or fragment"),
        ("http://localhost:11434/v1#models", "has a query or fragment"),
        ("http://localhost:11434/v1/chat/completions", "names the endpoint"),
        ("api.openai.com/v1", "is not an http"),
        ("ftp://api.openai.com/v1", "is not an http"),
        ("http://localhost:99999/v1", "has an invalid port"),
        ("http://localhost:11434/v1 ", "contains spaces"),
        ("http:///v1", "is not an http"),
    ],
)
def test_a_base_url_that_cannot_be_right_is_refused_up_front(url: str, problem: str) -> None:
    with pytest.raises(ConfigError, match=problem) as refused:
        ExtractorSettings(model="m", base_url=url)
    assert "secret" not in str(refused.value) and "key=x" not in str(refused.value)


def test_a_key_in_the_config_file_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="do not put API keys in files"):
        ExtractorSettings.from_sources({}, {}, _file(tmp_path, 'model = "m"\napi_key = "sk-1"\n'))


def test_prices_come_from_the_config_file(tmp_path: Path) -> None:
    config_file = _file(
        tmp_path, 'model = "deepseek-chat"\n[prices.deepseek-chat]\ninput = 0.27\noutput = 1.1\n'
    )
    config = ExtractorSettings.from_sources({}, {}, config_file)
    assert config.price == Price(input=0.27, output=1.1)
    assert config.price.cost(1_000_000, 1_000_000) == pytest.approx(1.37)


def test_the_instructor_mode_is_named_as_on_the_command_line() -> None:
    config = ExtractorSettings.from_sources({"model": "m", "instructor_mode": "md-json"}, {})
    assert config.instructor_mode is InstructorMode.md_json
    with pytest.raises(ConfigError, match="is not one of tools, json_schema, json, md_json"):
        ExtractorSettings.from_sources({"model": "m", "instructor_mode": "xml"}, {})


def test_environment_numbers_are_read_and_bad_ones_named() -> None:
    config = ExtractorSettings.from_sources({"model": "m"}, {"LLMX_MAX_TOKENS": "2048"})
    assert config.max_tokens == 2048
    with pytest.raises(ConfigError, match="timeout must be a number, not 'soon'"):
        ExtractorSettings.from_sources({"model": "m"}, {"LLMX_TIMEOUT": "soon"})


def test_no_model_anywhere_is_a_clear_error_for_a_model_extractor() -> None:
    settings = ExtractorSettings.from_sources({"model": None, "extractor": "hybrid"}, {})
    with pytest.raises(ConfigError, match="no model configured: pass --model, set LLMX_MODEL"):
        build_model_extractor(settings, env={})


def test_without_a_model_the_rules_run_and_with_one_the_model() -> None:
    assert ExtractorSettings.from_sources({}, {}).chosen_extractor == "rules"
    assert ExtractorSettings.from_sources({}, {"LLMX_MODEL": "m"}).chosen_extractor == "llm"


def test_an_unknown_extractor_names_the_registered_ones() -> None:
    names = "rules, numerals, llm, hybrid"
    with pytest.raises(ConfigError, match=f"extractor 'regex' is not one of {names}"):
        ExtractorSettings.from_sources({"extractor": "regex"}, {})


def test_every_setting_comes_from_a_flag_the_environment_or_the_file(tmp_path: Path) -> None:
    config_file = _file(tmp_path, 'model = "m"\npack_tokens = 1500\nbatch_retry = "batch"\n')
    env = {"LLMX_BATCH": "true", "LLMX_CONCURRENCY": "8"}
    settings = ExtractorSettings.from_sources({"concurrency": 2}, env, config_file)
    assert (settings.pack_tokens, settings.batch, settings.batch_retry, settings.concurrency) == (
        1500,
        True,
        "batch",
        2,
    )
    with pytest.raises(ConfigError, match="unknown setting"):
        ExtractorSettings.from_sources({}, {}, _file(tmp_path, "pack_tokenz = 1\n"))


def test_sampling_parameters_come_from_the_prompt_unless_configured() -> None:
    prompt_params = {"temperature": 0.2, "max_tokens": 6144}
    assert ExtractorSettings(model="m").params(prompt_params) == prompt_params
    assert ExtractorSettings(model="m", temperature=0.0).params(prompt_params) == {
        "temperature": 0.0,
        "max_tokens": 6144,
    }
