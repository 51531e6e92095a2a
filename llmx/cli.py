"""The `llmx` command line: each command lives in `llmx/commands/<name>.py`."""

from __future__ import annotations

import sys
from collections.abc import Sequence

import typer

# typer carries its own click; its command-line errors are these.
from typer._click.exceptions import ClickException, NoArgsIsHelpError

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


def main(argv: Sequence[str] | None = None) -> None:
    """The `llmx` command: like `app()`, but a mistyped command line is one line too."""
    try:
        code = app(
            args=list(argv) if argv is not None else None, standalone_mode=False, prog_name="llmx"
        )
    except NoArgsIsHelpError as asked:
        typer.echo(asked.ctx.get_help() if asked.ctx else "")
        sys.exit(2)
    except ClickException as error:
        command = error.ctx.command_path if getattr(error, "ctx", None) else "llmx"  # type: ignore[attr-defined]
        message = " ".join(error.format_message().split())
        print(f"llmx: error: {message} (see {command} --help)", file=sys.stderr)
        sys.exit(error.exit_code)
    except (typer.Abort, KeyboardInterrupt):
        print("llmx: error: interrupted; nothing was written for this job", file=sys.stderr)
        sys.exit(130)
    sys.exit(code if isinstance(code, int) else 0)
