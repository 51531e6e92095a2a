"""llmx: pull every stated quantity out of long documents, grounded to its source span."""

__version__ = "0.1.0"
