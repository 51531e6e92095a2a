"""Prompt templates: one Jinja2 file per prompt version, with YAML front matter.

`prompts/<name>/v<N>.j2` is the prompt `<name>@v<N>`. Its front matter gives name, version,
description, the extraction mode it is written for, whether it quotes several sections in
one request (`packing: true`, answered by section id), and model parameters; its body
defines two blocks, `system` and `user`, rendered from the `SectionView`s of the request
(`sections`; `section` is the first). The hash of the file's
source goes into every run and cache key, so editing a template without bumping its version
still never replays a stale answer.
"""

from __future__ import annotations

import hashlib
import os
import re
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cached_property
from pathlib import Path
from typing import Any

import frontmatter
import jinja2

from llmx.errors import ConfigError
from llmx.vocabulary import prompt_terms

# The project's prompts/ folder (llmx installs editable from its checkout); LLMX_PROMPTS_DIR
# points elsewhere, for prompt versions kept outside the checkout.
PROMPTS_DIR = Path(
    os.environ.get("LLMX_PROMPTS_DIR") or Path(__file__).resolve().parents[2] / "prompts"
)
_REF = re.compile(r"^(?P<name>[a-z][a-z0-9_-]*)(?:@v?(?P<version>\d+))?$")
_ENV = jinja2.Environment(
    undefined=jinja2.StrictUndefined,  # a misspelt variable fails loudly, not as ""
    trim_blocks=True,
    lstrip_blocks=True,
    autoescape=False,  # prompts are plain text; escaping would corrupt the quoted section
    keep_trailing_newline=False,
)
_BLOCKS = ("system", "user")
_TERMS = prompt_terms()  # the vocabulary's words, for templates that list them


@dataclass(frozen=True)
class TableView:
    """A table of the section re-laid out as rows of cells."""

    title: str
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class CandidateView:
    """One rules candidate as the hybrid prompt numbers it."""

    id: int
    text: str
    context: str
    value: float
    unit: str
    qualifier: str | None
    indicator: str
    period: str | None
    status: str
    kind: str

    @property
    def shown_value(self) -> str:
        """The value as a plain decimal (102000000, not 1.02e+08): what a reader expects."""
        return format(Decimal(repr(self.value)).normalize(), "f")


@dataclass(frozen=True)
class SectionView:
    """What a template renders: a section's place in the document, its text and tables."""

    doc: str
    id: str
    heading: str
    path: tuple[str, ...]
    text: str
    tables: tuple[TableView, ...] = ()
    candidates: tuple[CandidateView, ...] = field(default=())
    # What the document says about itself: its results year and plan year, where known.
    report_year: str | None = None
    plan_year: str | None = None


@dataclass(frozen=True)
class PromptTemplate:
    name: str
    version: int
    description: str
    mode: str
    params: dict[str, Any]
    source: str
    body: str
    path: Path
    packing: bool = False

    @property
    def ref(self) -> str:
        return f"{self.name}@v{self.version}"

    @cached_property
    def hash(self) -> str:
        return hashlib.sha256(self.source.encode("utf-8")).hexdigest()[:16]

    @cached_property
    def _template(self) -> jinja2.Template:
        try:
            template = _ENV.from_string(self.body)
        except jinja2.TemplateSyntaxError as error:
            raise ConfigError(f"{self.path}:{error.lineno}: {error.message}") from None
        missing = [name for name in _BLOCKS if name not in template.blocks]
        if missing:
            raise ConfigError(f"{self.path}: template lacks block(s) {', '.join(missing)}")
        return template

    def render(self, *sections: SectionView) -> list[dict[str, str]]:
        """The chat messages for a request: a system and a user message. A template without
        packing quotes one section."""
        if not sections or (len(sections) > 1 and not self.packing):
            raise ConfigError(f"{self.ref} quotes one section per request, not {len(sections)}")
        template = self._template
        context = template.new_context(
            {"section": sections[0], "sections": sections, "terms": _TERMS}
        )
        try:
            return [
                {"role": role, "content": "".join(template.blocks[role](context)).strip()}
                for role in _BLOCKS
            ]
        except jinja2.UndefinedError as error:
            raise ConfigError(f"{self.path}: {error.message}") from None

    def describe(self) -> dict[str, Any]:
        return {"prompt": self.ref, "prompt_hash": self.hash, "prompt_mode": self.mode}


def parse_ref(ref: str) -> tuple[str, int | None]:
    """`extract@v2` → ("extract", 2); `extract` → ("extract", None) for the newest."""
    match = _REF.match(ref.strip())
    if not match:
        raise ConfigError(f"prompt {ref!r} is not of the form name@vN, e.g. extract@v1")
    version = match.group("version")
    return match.group("name"), int(version) if version else None


def versions(name: str, prompts_dir: Path = PROMPTS_DIR) -> list[int]:
    folder = prompts_dir / name
    found = (re.fullmatch(r"v(\d+)\.j2", path.name) for path in folder.glob("v*.j2"))
    return sorted(int(match.group(1)) for match in found if match)


def load_prompt(ref: str, prompts_dir: Path = PROMPTS_DIR) -> PromptTemplate:
    """The template a reference names; without a version, the newest one."""
    name, version = parse_ref(ref)
    available = versions(name, prompts_dir)
    if not available:
        raise ConfigError(f"no prompt named {name!r} in {prompts_dir}")
    chosen = version if version is not None else available[-1]
    if chosen not in available:
        listed = ", ".join(f"{name}@v{v}" for v in available)
        raise ConfigError(f"no prompt {name}@v{chosen}; there is {listed}")
    path = prompts_dir / name / f"v{chosen}.j2"
    source = path.read_text(encoding="utf-8")
    try:
        post = frontmatter.loads(source)
    except Exception as error:  # the YAML parser raises many types; any is a bad header
        raise ConfigError(f"{path}: bad front matter ({error})") from None
    meta = post.metadata
    if meta.get("name") != name or meta.get("version") != chosen:
        raise ConfigError(
            f"{path}: front matter says {meta.get('name')}@v{meta.get('version')}, "
            f"the file is {name}@v{chosen}"
        )
    params = meta.get("params") or {}
    if not isinstance(params, dict):
        raise ConfigError(f"{path}: params must be a mapping")
    return PromptTemplate(
        name=name,
        version=chosen,
        description=str(meta.get("description", "")),
        mode=str(meta.get("mode", "")),
        params=dict(params),
        source=source,
        body=post.content,
        path=path,
        packing=bool(meta.get("packing", False)),
    )
