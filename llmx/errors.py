"""Errors llmx raises on purpose. Each message is one line that names the problem."""


class LlmxError(Exception):
    """Base class: the CLI prints these as a one-line error and exits non-zero."""


class InputError(LlmxError):
    """A document path that cannot be read as text: missing, empty, binary, undecodable."""


class ConfigError(LlmxError):
    """A model, prompt or run configuration that cannot work."""


class ModelError(LlmxError):
    """A model call that failed after its retries, or answered with something unusable."""


class CacheMiss(LlmxError):
    """An offline run needed a response that is not in the cache."""
