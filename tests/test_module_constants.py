"""A module's constants are named once: a second `_NAME = …` further down a module silently
replaces the first for every function that reads it, as `_LIST_CLAUSE_MAX` once did (64 meant
for one reading, 60 used by both)."""

from __future__ import annotations

import ast
from collections import Counter
from pathlib import Path

import llmx

_PACKAGE = Path(llmx.__file__).parent


def _constants_named_twice(source: str) -> list[str]:
    names = Counter(
        target.id
        for statement in ast.parse(source).body
        if isinstance(statement, ast.Assign | ast.AnnAssign)
        for target in (
            statement.targets if isinstance(statement, ast.Assign) else [statement.target]
        )
        if isinstance(target, ast.Name) and target.id.lstrip("_").isupper()
    )
    return sorted(name for name, count in names.items() if count > 1)


def test_a_constant_assigned_twice_in_a_module_is_found() -> None:
    assert _constants_named_twice("_REACH = 64\nA = 1\n_REACH = 60\n") == ["_REACH"]


def test_no_module_of_the_package_names_a_constant_twice() -> None:
    twice = {
        str(path.relative_to(_PACKAGE)): names
        for path in sorted(_PACKAGE.rglob("*.py"))
        if (names := _constants_named_twice(path.read_text(encoding="utf-8")))
    }
    assert twice == {}
