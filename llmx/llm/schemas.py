"""What a model returns, as pydantic models instructor validates.

Field names are the labelling standard's (ANNOTATION.md, section 2). Validation is lax where
that is harmless ("5.2" is 5.2, "2023年" is "2023", "Target" is "target", a signed value loses
its sign) so that a small slip never costs a paid re-ask; what cannot be repaired raises
with a message written for the model, because instructor sends that message back on a
retry. Whether a quote is really in the section is *not* checked here: that is grounding's
job, so hallucinations are dropped and counted rather than hidden by re-asks.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from contextvars import ContextVar
from typing import Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    ValidationInfo,
    field_validator,
    model_validator,
)
from pydantic.json_schema import SkipJsonSchema

from llmx.errors import first_problem
from llmx.folding import fold
from llmx.vocabulary import NUMERAL_CHARACTERS, STATUS_CUES, Scope

# What validators may check an answer against during a live call (hybrid: the number of
# candidates). Not instructor's `context=`: instructor also renders every message through
# Jinja with that context, which dedents the section and would choke on "{{" in a report.
VALIDATION_CONTEXT: ContextVar[Mapping[str, Any] | None] = ContextVar(
    "VALIDATION_CONTEXT", default=None
)

# Any character that writes a number: digits (either width) and Chinese numerals.
NUMERAL = re.compile(f"[{NUMERAL_CHARACTERS}]")
_YEAR = re.compile(r"^((?:19|20)\d{2})(?:年(?:度)?)?$")
_STATUS_WORDS = {
    "actual": "actual",
    "result": "actual",
    "target": "target",
    "goal": "target",
    "plan": "target",
    **{cue.word: cue.means for cue in STATUS_CUES if cue.scope & Scope.ANSWER},
}
_KIND_WORDS = {"level": "level", "change": "change", "share": "share"}


def _word(value: Any, words: dict[str, str], allowed: str) -> Any:
    if isinstance(value, str):
        word = value.strip().lower()
        if word in words:
            return words[word]
        raise ValueError(f"must be one of {allowed}, not {value!r}")
    return value


def _status(value: Any) -> Any:
    return None if value is None else _word(value, _STATUS_WORDS, "actual or target")


def _kind(value: Any) -> Any:
    return None if value is None else _word(value, _KIND_WORDS, "level, change or share")


def _optional_text(value: Any) -> Any:
    if value is None:
        return None
    text = fold(str(value)).strip()
    return text or None


def _year(value: Any) -> Any:
    if value is None or value == "":
        return None
    match = _YEAR.match(fold(str(value)).strip())
    if not match:
        raise ValueError(f'period {value!r} must be one year like "2023", or null')
    return match.group(1)


class ModelFact(BaseModel):
    """One stated quantity in the section, quoted verbatim."""

    model_config = ConfigDict(extra="ignore", str_strip_whitespace=True)

    text: str = Field(
        description="The number with its magnitude word and unit, copied character for "
        "character from the section (e.g. 983亿元, 21.9个百分点, 20余次, 6.5%). "
        "Qualifiers such as 约, 近, 以上 stay outside."
    )
    value: float = Field(
        description="The number times its magnitude word (983亿元 → 98300000000); "
        "percent stays in percent (7.2% → 7.2); never negative."
    )
    unit: str = Field(
        default="",
        description="The unit as written without magnitude words (亿元 → 元, ％ → %); "
        "ratio for a:b ratios; a table header's unit when the cell has none.",
    )
    qualifier: str | None = Field(
        default=None, description="以上, 左右, 约, 近, 超, 余, 多, 以内, 不低于, 不超过… or null."
    )
    indicator: str = Field(description="What is measured, short, in the document's words.")
    period: str | None = Field(
        default=None, description='The year the value is for, e.g. "2023", or null.'
    )
    status: Literal["actual", "target"] = Field(
        description="actual for a reported result or estimate; target for a plan or goal."
    )
    kind: Literal["level", "change", "share"] = Field(
        description="level (amount, count), change (growth, decline, points, multiple), "
        "share (proportion of a whole, rate, ratio)."
    )

    @field_validator("text")
    @classmethod
    def _quotes_a_number(cls, value: str) -> str:
        if not NUMERAL.search(value):
            raise ValueError(
                f"text {value!r} has no number; quote the number as written in the section"
            )
        if len(value) > 40:
            raise ValueError(
                f"text {value[:20]!r}… is a phrase; quote only the number with its unit"
            )
        return value

    @field_validator("value", mode="before")
    @classmethod
    def _plain_number(cls, value: Any) -> Any:
        if isinstance(value, str):
            cleaned = fold(value).replace(",", "").strip()
            try:
                return float(cleaned)
            except ValueError:
                raise ValueError(
                    f"value {value!r} is not a plain number; write the number times its "
                    "magnitude word (983亿元 → 98300000000, 7.2% → 7.2)"
                ) from None
        return value

    @field_validator("value")
    @classmethod
    def _finite_and_unsigned(cls, value: float) -> float:
        if not math.isfinite(value):
            raise ValueError("value must be a finite number")
        return abs(value)  # the standard never signs a value: 下降3% is 3

    @field_validator("unit", mode="before")
    @classmethod
    def _folded_unit(cls, value: Any) -> Any:
        return "" if value is None else fold(str(value)).strip()

    @field_validator("indicator")
    @classmethod
    def _names_something(cls, value: str) -> str:
        if not value:
            raise ValueError("indicator is empty; name what is measured in the document's words")
        return value

    _qualifier = field_validator("qualifier", mode="before")(_optional_text)
    _period = field_validator("period", mode="before")(_year)
    _status = field_validator("status", mode="before")(_status)
    _kind = field_validator("kind", mode="before")(_kind)


class ExtractedFacts(BaseModel):
    """Every fact stated in the section, in the order they appear in the text."""

    model_config = ConfigDict(extra="ignore")

    facts: list[ModelFact] = Field(default_factory=list)


class SectionFacts(BaseModel):
    """The facts of one section of a request that quotes several."""

    model_config = ConfigDict(extra="ignore")

    section: str
    facts: list[ModelFact] = Field(default_factory=list)

    @field_validator("section", mode="before")
    @classmethod
    def _id_as_text(cls, value: Any) -> Any:
        return str(value) if isinstance(value, int | float) else value


class PackedFacts(BaseModel):
    """Every fact stated in each section, by section id, in the order of the text."""

    model_config = ConfigDict(extra="ignore")

    sections: list[SectionFacts] = Field(default_factory=list)


class CandidateDecision(BaseModel):
    """Keep or drop one numbered candidate. A null indicator, status, kind, unit or value
    keeps the candidate's guess; period and qualifier are yours to give (null: none)."""

    model_config = ConfigDict(extra="ignore", str_strip_whitespace=True)

    id: int = Field(description="The candidate's number in the list.")
    keep: bool = Field(description="true if the candidate is a fact under the standard.")
    indicator: str | None = None
    period: str | None = Field(default=None, description='The year, e.g. "2023", or null.')
    status: Literal["actual", "target"] | None = None
    kind: Literal["level", "change", "share"] | None = None
    qualifier: str | None = Field(default=None, description="以上, 左右, 约… or null.")
    unit: str | None = Field(
        default=None, description="Only to correct the candidate's unit; else null."
    )
    value: float | None = Field(
        default=None, description="Only to correct the candidate's value; else null."
    )

    _period = field_validator("period", mode="before")(_year)
    _status = field_validator("status", mode="before")(_status)
    _kind = field_validator("kind", mode="before")(_kind)
    _texts = field_validator("qualifier", "unit", mode="before")(_optional_text)


class Repair(BaseModel):
    """A part of an answer left out so that the rest could be used."""

    kind: str  # "unknown candidate", "second decision", "invalid added fact"
    detail: str


class HybridAnswer(BaseModel):
    """A decision for each numbered candidate, and any fact the candidates missed."""

    model_config = ConfigDict(extra="ignore")

    decisions: list[CandidateDecision] = Field(default_factory=list)
    added: list[ModelFact] = Field(
        default_factory=list,
        description="Facts of the section that no candidate covers, quoted verbatim.",
    )
    # Filled by validation, never by the model (and not in the schema it is shown).
    repaired: SkipJsonSchema[list[Repair]] = Field(default_factory=list)

    @model_validator(mode="before")
    @classmethod
    def _repair(cls, data: Any, info: ValidationInfo) -> Any:
        """Leave out what cannot be used and keep the rest, rather than lose the section:
        decisions on candidates that do not exist, second decisions on one candidate, and
        added facts that do not validate."""
        if not isinstance(data, dict):
            return data
        repaired: list[Repair] = []
        count = (info.context or VALIDATION_CONTEXT.get() or {}).get("candidates")
        decisions = data.get("decisions")
        if isinstance(decisions, list):
            kept, seen = [], set()
            for decision in decisions:
                number = decision.get("id") if isinstance(decision, dict) else None
                if not isinstance(number, int) or isinstance(number, bool):
                    kept.append(decision)  # validation says what is wrong with it
                elif isinstance(count, int) and not 1 <= number <= count:
                    repaired.append(
                        Repair(kind="unknown candidate", detail=f"candidate {number} of {count}")
                    )
                elif number in seen:
                    repaired.append(Repair(kind="second decision", detail=f"candidate {number}"))
                else:
                    seen.add(number)
                    kept.append(decision)
            data = {**data, "decisions": kept}
        added = data.get("added")
        if isinstance(added, list):
            valid = []
            for fact in added:
                try:
                    ModelFact.model_validate(fact)
                except ValidationError as error:
                    detail = first_problem(error)
                    repaired.append(Repair(kind="invalid added fact", detail=detail))
                else:
                    valid.append(fact)
            data = {**data, "added": valid}
        return {**data, "repaired": repaired}


def repairs_of(answer: BaseModel) -> list[Repair]:
    """What validation left out of an answer to use the rest (hybrid answers only)."""
    return list(answer.repaired) if isinstance(answer, HybridAnswer) else []
