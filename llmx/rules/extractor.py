"""The rules extractor: document → sections → candidate quantities → facts, offline."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from llmx.documents import Document
from llmx.extraction import Extraction, ProgressCallback
from llmx.facts import Fact
from llmx.folding import fold
from llmx.quantities import Quantity, find_quantities, split_header_unit
from llmx.record import RunSpec, RunStats
from llmx.rules import attributes, filters
from llmx.rules.context import Boundaries, DocumentContext, section_status
from llmx.sections import Section, section_at, split_sections
from llmx.tables import Row, Table, find_tables
from llmx.vocabulary import Scope, cue_pattern, implied_kind

NAME = "rules"
_EMPTY_CELL = re.compile(r"^[\s—\-–/、]*$")


@dataclass(frozen=True)
class _Document:
    """A document with everything the rules need, computed once."""

    document: Document
    folded: str
    context: DocumentContext
    bounds: Boundaries
    sections: list[Section]
    tables: list[Table]


class RulesExtractor:
    """Finds every quantity with `llmx.quantities` and judges it with the standard's rules."""

    name = NAME
    # Pure and cheap to copy: a job may run it in worker processes (llmx.pipeline).
    runs_in_worker_processes = True

    def describe(self) -> RunSpec:
        return RunSpec(extractor=NAME, mode="rules")

    def extract(
        self, documents: Sequence[Document], progress: ProgressCallback | None = None
    ) -> Extraction:
        stats = RunStats()
        facts: list[Fact] = []
        for document in documents:
            stats.sections += len(_prepare(document).sections)
            facts.extend(_facts_of(document))
            if progress:
                progress(document.id)
        return Extraction(facts, stats)

    def extract_section(self, document: Document, section: Section) -> list[Fact]:
        """The facts of one section: the candidates the hybrid mode shows a model."""
        return [fact for fact in _facts_of(document) if fact.section == section.id]


@lru_cache(maxsize=4)
def _prepare(document: Document) -> _Document:
    text = document.text
    folded = fold(text)
    return _Document(
        document,
        folded,
        DocumentContext.of(text),
        Boundaries.of(folded),
        split_sections(document.id, text),
        find_tables(text),
    )


@lru_cache(maxsize=16)
def _facts_of(document: Document) -> tuple[Fact, ...]:
    """All facts of a document, in order; cached because hybrid mode asks once per section."""
    prepared = _prepare(document)
    facts = list(_table_facts(prepared)) + list(_prose_facts(prepared))
    facts.sort(key=lambda fact: fact.start)
    return tuple(facts)


def _inside(tables: Sequence[Table], position: int) -> bool:
    index = bisect_right(tables, position, key=lambda table: table.start) - 1
    return index >= 0 and position < tables[index].end


def _prose_facts(prepared: _Document) -> Iterator[Fact]:
    text, folded = prepared.document.text, prepared.folded
    quantities = [q for q in find_quantities(text) if not _inside(prepared.tables, q.start)]
    previous: tuple[int, str] | None = None
    for quantity in filters.share_units(folded, quantities):
        if filters.exclusion_reason(folded, quantity):
            continue
        if filters.is_zero_outcome(folded, quantity):
            quantity = replace(quantity, has_unit=True)
        quantity = filters.unit_from_context(
            folded, quantity, prepared.bounds.sentence_start(quantity.start)
        )
        if not quantity.has_unit or (quantity.magnitude and not quantity.unit):
            continue  # a bare number, or a magnitude with no unit anywhere (50亿企业)
        section = section_at(prepared.sections, quantity.start)
        default = section_status(section)
        status = attributes.status_of(
            folded, prepared.bounds, quantity, default, prepared.context
        )
        indicator = attributes.indicator_of(text, folded, quantity, previous)
        previous = (quantity.end, indicator)
        yield _fact(
            prepared,
            section,
            quantity,
            indicator,
            status,
            attributes.kind_of(folded, quantity),
            attributes.period_of(
                folded, prepared.bounds, quantity, status, section, prepared.context
            ),
        )


def _table_facts(prepared: _Document) -> Iterator[Fact]:
    prose_units = _units_in_prose(prepared)
    for table in prepared.tables:
        title_year = re.search(r"((?:19|20)\d{2})年", fold(table.title))
        for row in table.rows:
            if len(row.cells) != len(table.columns):
                continue
            year = title_year.group(1) if title_year else None
            yield from _row_facts(prepared, table, row, year, prose_units)


def _row_facts(
    prepared: _Document,
    table: Table,
    row: Row,
    title_year: str | None,
    prose_units: dict[str, str],
) -> Iterator[Fact]:
    text, _folded = prepared.document.text, prepared.folded
    header = table.indicator_of(row)
    header_unit = split_header_unit(header)
    indicator = re.sub(r"[(（][^()（）]*[)）]\s*\*?$", "", header)
    indicator = re.sub(r"^其中[:：]", "", indicator)
    for column, cell in zip(table.columns, row.cells, strict=True):
        if column.role != "value" or _EMPTY_CELL.match(cell.text):
            continue
        section = section_at(prepared.sections, cell.start)
        for found in find_quantities(cell.text):
            quantity = _shift(found, cell.start, text)
            if quantity.shape == "number" and not quantity.unit:
                in_prose = prose_units.get(_stem(header), "")
                unit, factor = header_unit or column.unit or (in_prose, 1.0)
                quantity = quantity.with_unit(unit, factor)
            negative = text[quantity.start - 1 : quantity.start] in ("-", "－", "—")
            status = column.status or section_status(section)
            kind = _table_kind(fold(header), quantity, negative)
            period = (
                column.period
                or title_year
                or (
                    prepared.context.report_year
                    if status == "actual"
                    else prepared.context.plan_year
                )
            )
            yield _fact(prepared, section, quantity, indicator, status, kind, period)


_CHANGE_HEADER = cue_pattern("change", Scope.HEADER)
_SHARE_HEADER = cue_pattern("share", Scope.HEADER)
_COUNT_SUFFIX = re.compile(r"(?:数量|个数|数)$")
_PROSE_WINDOW = 12


def _stem(header: str) -> str:
    """The words a table header's indicator goes by in prose (科技型企业数 → 科技型企业)."""
    return _COUNT_SUFFIX.sub("", fold(header).strip())


def _units_in_prose(prepared: _Document) -> dict[str, str]:
    """For every table indicator, the unit the report writes after it in its prose
    (科技型企业数 → 家); an indicator the prose never counts maps to "" (a bare count).

    Every indicator is looked for in one pass over the document, not one pass each, so the
    cost grows with the document, not with the document times its tables. Each indicator's
    mentions are the ones `re.finditer` would give it alone (leftmost, not overlapping).
    """
    stems = {
        stem
        for table in prepared.tables
        for row in table.rows
        if len(stem := _stem(table.indicator_of(row))) >= 2
    }
    if not stems:
        return {}
    by_prefix: dict[str, list[str]] = {}
    for stem in sorted(stems):
        by_prefix.setdefault(stem[:2], []).append(stem)
    prefixes = "|".join(re.escape(prefix) for prefix in sorted(by_prefix))
    folded, text = prepared.folded, prepared.document.text
    units: dict[str, Counter[str]] = {stem: Counter() for stem in stems}
    free_from: dict[str, int] = dict.fromkeys(stems, 0)  # where each stem's next mention may start
    for match in re.finditer(f"(?=(?:{prefixes}))", folded):
        start = match.start()
        for stem in by_prefix[folded[start : start + 2]]:
            if start < free_from[stem] or not folded.startswith(stem, start):
                continue
            end = start + len(stem)
            free_from[stem] = end
            if _inside(prepared.tables, start):
                continue
            window = text[end : end + _PROSE_WINDOW]
            units[stem].update(q.unit for q in find_quantities(window)[:1] if q.unit)
    return {stem: counts.most_common(1)[0][0] if counts else "" for stem, counts in units.items()}


def _table_kind(header: str, quantity: Quantity, negative: bool) -> str:
    implied = implied_kind(quantity.unit)
    if implied == "change" or negative or _CHANGE_HEADER.search(header):
        return "change"
    if implied == "share" or (quantity.unit == "%" and _SHARE_HEADER.search(header)):
        return "share"
    return "level"


def _shift(quantity: Quantity, offset: int, text: str) -> Quantity:
    """A mention found in a cell's text, moved to document offsets."""
    start, end = quantity.start + offset, quantity.end + offset
    return replace(quantity, start=start, end=end, text=text[start:end])


def _fact(
    prepared: _Document,
    section: Section,
    quantity: Quantity,
    indicator: str,
    status: str,
    kind: str,
    period: str | None,
) -> Fact:
    return Fact.model_validate(
        {
            "doc": prepared.document.id,
            "start": quantity.start,
            "end": quantity.end,
            "text": quantity.text,
            "value": quantity.value,
            "unit": quantity.unit,
            "qualifier": quantity.qualifier,
            "indicator": indicator,
            "period": period,
            "status": status,
            "kind": kind,
            "section": section.id,
            "extractor": NAME,
        }
    )
