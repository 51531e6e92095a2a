"""What a document says about itself that every fact needs: its report and plan years."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from llmx.folding import fold
from llmx.sections import Section
from llmx.vocabulary import STATUS_CUES, Scope, cue_words

_REPORT_YEAR = re.compile(r"((?:19|20)\d{2})年国民经济和社会发展计划执行情况")
_PLAN_YEAR = re.compile(r"((?:19|20)\d{2})年(?:国民经济和社会发展)?计划(?:草案)?")
_ACTUAL_HEADINGS = cue_words(STATUS_CUES, "actual", Scope.HEADING)
_TARGET_HEADINGS = cue_words(STATUS_CUES, "target", Scope.HEADING)


@dataclass(frozen=True)
class DocumentContext:
    report_year: str | None
    plan_year: str | None

    @classmethod
    def of(cls, text: str) -> DocumentContext:
        head = fold(text[:2000])
        report = _REPORT_YEAR.search(head)
        report_year = report.group(1) if report else None
        plan_year = None
        for match in _PLAN_YEAR.finditer(head):
            if match.group(1) != report_year:
                plan_year = match.group(1)
                break
        if plan_year is None and report_year:
            plan_year = str(int(report_year) + 1)
        return cls(report_year, plan_year)


@lru_cache(maxsize=1024)
def section_status(section: Section) -> str:
    """The status a section's facts have unless their sentence says otherwise."""
    # The outermost heading that says decides: a part's title, then its subsections'.
    for heading in section.path:
        folded = fold(heading)
        if any(word in folded for word in _ACTUAL_HEADINGS):
            return "actual"
        if any(word in folded for word in _TARGET_HEADINGS):
            return "target"
    return "actual"
