"""A module's constants and functions are named once: a second `_NAME = …` (or a second
`def name`) further down a module silently replaces the first for every function that reads
it, as `_LIST_CLAUSE_MAX` once did (64 meant for one reading, 60 used by both) and as a test
helper `_closed_cells` once did in `tests/test_tables.py`."""

from __future__ import annotations

import ast
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import llmx

_PACKAGE = Path(llmx.__file__).parent
_PROJECT = _PACKAGE.parent
_CHECKED = (_PACKAGE, _PROJECT / "tests", _PROJECT / "evals", _PROJECT / "bench")


def _bound_names(statement: ast.stmt) -> Iterator[str]:
    """The constants and functions a module-level statement binds."""
    if isinstance(statement, ast.FunctionDef | ast.AsyncFunctionDef):
        if not any(_is_overload(decorator) for decorator in statement.decorator_list):
            yield statement.name
    elif isinstance(statement, ast.ClassDef):
        yield statement.name
    elif isinstance(statement, ast.Assign | ast.AnnAssign):
        targets = statement.targets if isinstance(statement, ast.Assign) else [statement.target]
        yield from (
            target.id
            for target in targets
            if isinstance(target, ast.Name) and target.id.lstrip("_").isupper()
        )


def _is_overload(decorator: ast.expr) -> bool:
    # `@overload` signatures name one function several times on purpose.
    name = decorator.attr if isinstance(decorator, ast.Attribute) else getattr(decorator, "id", "")
    return name == "overload"


def _named_twice(source: str) -> list[str]:
    body = ast.parse(source).body
    names = Counter(name for statement in body for name in _bound_names(statement))
    return sorted(name for name, count in names.items() if count > 1)


def test_a_constant_assigned_twice_in_a_module_is_found() -> None:
    assert _named_twice("_REACH = 64\nA = 1\n_REACH = 60\n") == ["_REACH"]


def test_a_function_defined_twice_in_a_module_is_found() -> None:
    source = "def _cells(*c):\n    return c\n\nX = _cells(1)\n\ndef _cells(*c):\n    return c\n"
    assert _named_twice(source) == ["_cells"]


def test_overloaded_signatures_are_one_function() -> None:
    source = (
        "from typing import overload\n@overload\ndef f(x: int) -> int: ...\n"
        "@overload\ndef f(x: str) -> str: ...\ndef f(x): return x\n"
    )
    assert _named_twice(source) == []


def test_a_lower_case_variable_bound_twice_is_no_constant() -> None:
    assert _named_twice("total = 0\ntotal = 1\n") == []


def test_no_module_of_the_project_names_a_constant_or_function_twice() -> None:
    twice = {
        str(path.relative_to(_PROJECT)): names
        for folder in _CHECKED
        if folder.is_dir()
        for path in sorted(folder.rglob("*.py"))
        if (names := _named_twice(path.read_text(encoding="utf-8")))
    }
    assert twice == {}
