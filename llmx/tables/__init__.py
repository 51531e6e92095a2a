"""Tables in any text layout, found as spans of the text and read into one `Table` type.

Each layout has a finder module of its own that says where its grids are (`piped`, `yearbook`,
`columnwise`, `flattened`, …; the list is in `find`'s docstring); `find` turns every grid into
a `Table` whose columns know their role, unit, period and status, and `find_tables` runs the
finders in order. Pure functions: text in, tables with source offsets out.
"""

from llmx.tables.find import find_tables
from llmx.tables.headers import names_a_measure, outside_brackets
from llmx.tables.streamtables import undated
from llmx.tables.table import (
    Cell,
    Column,
    ProseCell,
    Row,
    Table,
    figure_value,
    note_cells,
    prose_cells,
)

__all__ = [
    "Cell",
    "Column",
    "ProseCell",
    "Row",
    "Table",
    "figure_value",
    "find_tables",
    "names_a_measure",
    "note_cells",
    "outside_brackets",
    "prose_cells",
    "undated",
]
