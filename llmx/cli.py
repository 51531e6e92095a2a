"""The `llmx` command line: each command lives in `llmx/commands/<name>.py`."""

from __future__ import annotations

import re
import sys
from collections.abc import Sequence
from typing import Annotated, Any

import typer
import typer.core

# typer carries its own click; its command-line errors are these.
from typer._click.exceptions import ClickException, NoArgsIsHelpError

from llmx import __version__
from llmx.commands import cache, compare, evaluate, export, extract, gold, report, runs
from llmx.console import show_warnings

# Help shows what to type, not Python's types: PATH and INTEGER, not <Path> and <int range>,
# nothing for flags and arguments (whose names say it). This typer prints the annotation
# and has no setting to turn it off, so its one method that chooses the text is replaced.
_HELP_NAMES = {
    "str": "TEXT",
    "int": "INTEGER",
    "int range": "INTEGER",
    "float": "NUMBER",
    "float range": "NUMBER",
    "path": "PATH",
    "Path": "PATH",
    "file": "FILE",
}
_LIST = re.compile(r"^list\[(.*)\]$")
_annotated_type = typer.core.TyperOption.display_type


def _help_type(parameter: Any, ctx: Any) -> str | None:
    if parameter.param_type_name == "argument":
        return None
    if parameter.metavar is not None:
        return str(parameter.metavar)
    shown = _LIST.sub(r"\1", str(_annotated_type(parameter, ctx))[1:-1])
    if shown == "bool":
        return None
    return f"[{shown}]" if "|" in shown else _HELP_NAMES.get(shown, shown.upper())


typer.core.TyperOption.display_type_rich = _help_type  # type: ignore[method-assign,assignment]
typer.core.TyperArgument.display_type_rich = _help_type  # type: ignore[method-assign,assignment]

app = typer.Typer(
    name="llmx",
    # Help text is Markdown: docstrings wrap to the terminal, `commands` show as code.
    rich_markup_mode="markdown",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)


def _show_version(value: bool) -> None:
    if value:
        typer.echo(f"llmx {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_show_version, is_eager=True, help="Show llmx's version."
        ),
    ] = False,
) -> None:
    """Extract every stated quantity from documents, grounded to its source span, and
    measure how good the extraction is.

    Start with `llmx extract seeds/`, then `llmx eval`, `llmx report`, `llmx export`;
    `llmx runs` lists what you have.
    """


for command_module in (extract, runs, evaluate, report, compare, export, gold, cache):
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
