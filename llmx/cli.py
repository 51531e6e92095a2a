"""The `llmx` command line: each command lives in `llmx/commands/<name>.py`."""

from __future__ import annotations

import typer

from llmx.commands import cache, compare, evaluate, extract, gold, report
from llmx.console import show_warnings

app = typer.Typer(
    name="llmx",
    help="Extract every stated quantity from documents, grounded to its source span, "
    "and measure how good the extraction is.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

for command_module in (extract, gold, cache, evaluate, report, compare):
    command_module.register(app)

show_warnings()
