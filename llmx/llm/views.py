"""What a prompt sees of a section: its place in the document, its text, its tables and,
in hybrid mode, the rules' candidates. Pure: document and section in, a SectionView out."""

from __future__ import annotations

from collections.abc import Sequence

from llmx.documents import Document
from llmx.facts import Fact
from llmx.llm.prompts import CandidateView, SectionView, TableView
from llmx.rules.context import DocumentContext
from llmx.sections import Section
from llmx.tables import find_tables

_CONTEXT = 16  # characters each side of a candidate, enough to read its sentence


def section_view(
    document: Document, section: Section, candidates: Sequence[Fact] = ()
) -> SectionView:
    text = section.text_of(document.text)
    years = DocumentContext.of(document.text)
    return SectionView(
        doc=document.id,
        id=section.id,
        heading=section.heading,
        path=section.path,
        text=text,
        tables=tuple(
            TableView(
                title=table.title,
                header=tuple(column.header.strip() for column in table.columns),
                rows=tuple(tuple(cell.clean for cell in row.cells) for row in table.rows),
            )
            for table in find_tables(text)
        ),
        candidates=tuple(
            _candidate(document.text, number, fact) for number, fact in enumerate(candidates, 1)
        ),
        report_year=years.report_year,
        plan_year=years.plan_year,
    )


def _candidate(text: str, number: int, fact: Fact) -> CandidateView:
    before = text[max(0, fact.start - _CONTEXT) : fact.start]
    after = text[fact.end : fact.end + _CONTEXT]
    context = f"{before}【{fact.text}】{after}".replace("\n", " ").replace("\t", " ")
    return CandidateView(
        id=number,
        text=fact.text,
        context=context.strip(),
        value=fact.value,
        unit=fact.unit,
        qualifier=fact.qualifier,
        indicator=fact.indicator,
        period=fact.period,
        status=fact.status,
        kind=fact.kind,
    )
