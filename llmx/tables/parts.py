"""A table cut into parts under the rows that head others (`人口(万人)` over ` 城镇`, ` 乡村`): a
part takes its parent's unit and measure, by indent, by a `#` mark, or by a label-then-value
grid's outline.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from typing import Protocol

from llmx.lines import Span
from llmx.tables.headers import Unit, header_unit, parent_name, unit_of_words
from llmx.tables.ledger import LedgerGrid
from llmx.tables.outline import lineages
from llmx.tables.pairs import PairGrid
from llmx.tables.table import Cell, Row, Table, span_cell


class _LabelledRow(Protocol):
    """A row of a two-column grid: a label, its value (None for a row that heads others),
    and how deep it sits."""

    @property
    def label(self) -> Span: ...
    @property
    def value(self) -> Span | None: ...
    @property
    def depth(self) -> int: ...


def labelled_parts(
    text: str,
    table: Table,
    grid: PairGrid | LedgerGrid,
    units: Sequence[Span | None] | None = None,
) -> list[Table]:
    """A two-column grid's rows as `table`'s parts under their parents (`outline_parts`);
    with `units`, each row's unit cell between its label and its value."""
    labelled: Sequence[_LabelledRow] = grid.rows
    rows = [
        [
            span_cell(text, row.label, grid.end),
            *([span_cell(text, units[index], grid.end)] if units is not None else []),
            span_cell(text, row.value, grid.end),
        ]
        for index, row in enumerate(labelled)
    ]
    return outline_parts(table, [row[0] for row in rows], [row.depth for row in labelled], rows)


def outline_parts(
    table: Table,
    labels: Sequence[Cell],
    depths: Sequence[int],
    rows: Sequence[Sequence[Cell]],
    periods: Sequence[tuple[str, ...]] = (),
) -> list[Table]:
    """A table whose rows are indented, cut into parts under their parents: the rows under
    one chain of parents (a group, a head that writes the unit, the row its sub-items sit
    under) are titled by the table's title and those parents' labels, whose measure a label
    that names none takes (粮食 under 主要农产品产量 → 粮食产量), and are in the unit of the
    nearest parent that writes one (`人口(万人)`). Rows without a figure only head others; a
    row keeps the periods a row of periods above it gave (`periods`, one per row, if any)."""
    chains = lineages(depths)
    parts: list[tuple[tuple[int, ...], list[int]]] = []
    for index, row in enumerate(rows):
        values = (
            cell for cell, column in zip(row, table.columns, strict=False) if column.role == "value"
        )
        if not any(re.search(r"\d", cell.text) for cell in values):
            continue
        if not parts or parts[-1][0] != chains[index]:
            parts.append((chains[index], []))
        parts[-1][1].append(index)
    tables: list[Table] = []
    for number, (chain, members) in enumerate(parts):
        start = table.start if number == 0 else tables[-1].end
        end = table.end if number == len(parts) - 1 else rows[parts[number + 1][1][0]][0].start
        heads = [labels[index].text for index in chain]
        units = [unit for index in chain if (unit := _head_unit(table, labels[index], rows[index]))]
        nearest = labels[chain[-1]].clean if chain else ""
        tables.append(
            replace(
                table,
                parent=parent_name(nearest),
                start=start,
                end=max(end, start),
                title=" ".join([table.title, *heads]).strip(),
                rows=tuple(
                    Row(tuple(rows[index]), periods[index] if periods else ()) for index in members
                ),
                unit=units[-1] if units else table.unit,
            )
        )
    return tables


def _head_unit(table: Table, label: Cell, row: Sequence[Cell]) -> Unit | None:
    """The unit a head row writes: in its label (`人口(万人)`), or in its unit cell
    (`全年自来水供水总量 | (万立方米)`)."""
    cells = (
        cell for cell, column in zip(row, table.columns, strict=False) if column.role == "unit"
    )
    return header_unit(label.text) or next(
        (unit for cell in cells if (unit := unit_of_words(cell.clean))), None
    )


def siblings_of_marked(
    labels: Sequence[Cell], depths: Sequence[int], unit_cells: Sequence[bool] = ()
) -> list[int]:
    """On a page that lost its indents, `#` marks only the first sub-item (`卫生机构数(个)`,
    `# 医院`, `社区卫生服务中心`, …): the unmarked rows after it are its siblings, until a
    row that writes its own unit, in its label or in its unit cell (`unit_cells`, one per
    row, if the table has them), heads the next group."""
    found: list[int] = []
    for index, (label, depth) in enumerate(zip(labels, depths, strict=True)):
        writes_unit = header_unit(label.text) is not None or (
            index < len(unit_cells) and unit_cells[index]
        )
        inherits = found and found[-1] > depth and not writes_unit
        found.append(found[-1] if inherits else depth)
    return found
