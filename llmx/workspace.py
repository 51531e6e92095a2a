"""The project a command works in: where its runs, cache, gold, baselines and prompts live.

llmx looks for its project root the way git looks for `.git`: `$LLMX_HOME` when set, else
the nearest folder, from the working directory up, holding an `llmx.toml` or a
`pyproject.toml` with a `[tool.llmx]` section; else the working directory itself. Each
folder may be moved by a key of the same name in that file (`runs = "out/runs"`), relative
to the root. A command run from `docs/` thus still finds `runs/` and `evals/gold/`, and
when something is missing its message says which root was used and why.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from llmx.errors import ConfigError

HOME_ENV = "LLMX_HOME"
PROJECT_FILE = "llmx.toml"
PYPROJECT = "pyproject.toml"

# Folder defaults, relative to the root; a project file may move any of them.
DEFAULTS = {
    "runs": "runs",
    "cache": "cache",
    "gold": "evals/gold",
    "baselines": "evals/baselines.json",
    "prompts": "prompts",
    "reports": "reports",
}


@dataclass(frozen=True)
class Workspace:
    root: Path
    # How the root was found, for messages: "$LLMX_HOME", "llmx.toml", "pyproject.toml
    # [tool.llmx]" or "the working directory (no llmx.toml or [tool.llmx] above it)".
    found_by: str
    settings: Mapping[str, str] = field(default_factory=dict)

    def path(self, name: str) -> Path:
        return self.root / self.settings.get(name, DEFAULTS[name])

    @property
    def runs(self) -> Path:
        return self.path("runs")

    @property
    def cache(self) -> Path:
        return self.path("cache")

    @property
    def gold(self) -> Path:
        return self.path("gold")

    @property
    def baselines(self) -> Path:
        return self.path("baselines")

    @property
    def prompts(self) -> Path:
        return self.path("prompts")

    @property
    def reports(self) -> Path:
        return self.path("reports")

    def where(self) -> str:
        """Where llmx looked, for a message about something missing."""
        return f"project root {self.root} (from {self.found_by})"


def find_workspace(start: Path | None = None, env: Mapping[str, str] | None = None) -> Workspace:
    environment = os.environ if env is None else env
    home = environment.get(HOME_ENV, "").strip()
    if home:
        root = Path(home).expanduser()
        if not root.is_dir():
            raise ConfigError(f"${HOME_ENV}={home}: no such folder")
        return Workspace(root, f"${HOME_ENV}", _settings_in(root))
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        project = folder / PROJECT_FILE
        if project.is_file():
            return Workspace(_shown(folder), PROJECT_FILE, _read(project, top_level=True) or {})
        pyproject = folder / PYPROJECT
        if pyproject.is_file():
            settings = _read(pyproject, top_level=False)
            if settings is not None:
                return Workspace(_shown(folder), f"{PYPROJECT} [tool.llmx]", settings)
    return Workspace(
        Path("."), f"the working directory: no {PROJECT_FILE} or [tool.llmx] in {here} or above"
    )


def _shown(folder: Path) -> Path:
    """The root as a person reads it: relative when it is the working directory or above."""
    cwd = Path.cwd().resolve()
    if folder == cwd:
        return Path(".")
    try:
        return Path(os.path.relpath(folder, cwd))
    except ValueError:  # another drive on Windows
        return folder


def _settings_in(root: Path) -> dict[str, str]:
    project, pyproject = root / PROJECT_FILE, root / PYPROJECT
    if project.is_file():
        return _read(project, top_level=True) or {}
    if pyproject.is_file():
        return _read(pyproject, top_level=False) or {}
    return {}


def _read(path: Path, *, top_level: bool) -> dict[str, str] | None:
    """The folder settings of a project file; None for a pyproject.toml without [tool.llmx]."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        if not top_level:
            return None  # someone else's broken pyproject.toml is not ours to judge
        raise ConfigError(f"{path}: not a readable TOML file ({error})") from None
    section = data if top_level else data.get("tool", {}).get("llmx")
    if not isinstance(section, dict):
        return None
    settings = {key: value for key, value in section.items() if key in DEFAULTS}
    for key, value in settings.items():
        if not isinstance(value, str):
            raise ConfigError(f"{path}: {key} must be a folder path (a string), not {value!r}")
    return settings
