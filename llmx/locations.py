"""Where a span of a document's text came from in its source file.

A reader's canonical text is the one thing offsets index; a `SourceMap` takes a span of that
text back to the source: the PDF page, the HTML element, the DOCX paragraph, the table cell.
LangExtract gives offsets a type of their own for the same reason: a span means nothing
without the text it indexes, and a fact means little to a reader who cannot find it.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property

from pydantic import BaseModel, ConfigDict


class Locator(BaseModel):
    """A place in a source file; each field is set only where the format knows it."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    page: int | None = None  # 1-based page of a PDF
    element: str | None = None  # e.g. an HTML element path, or a DOCX paragraph "p12"
    table: int | None = None  # 1-based table of the document
    row: int | None = None  # 1-based row within that table
    column: int | None = None  # 1-based column within that row

    def merged(self, inner: Locator) -> Locator:
        """This locator refined by a narrower one (a cell inside a page)."""
        fields = {name: getattr(inner, name) for name in Locator.model_fields}
        return Locator(
            **{
                name: fields[name] if fields[name] is not None else getattr(self, name)
                for name in Locator.model_fields
            }
        )


@dataclass(frozen=True)
class Region:
    """A span of the canonical text and where it came from."""

    start: int
    end: int
    locator: Locator


@dataclass(frozen=True)
class SourceMap:
    """Regions of a document's text, each with its locator; regions may nest (a cell on a page).

    A span is located by every region that contains its start, widest first, so a table cell
    on page 3 reads as page 3, table 2, row 4, column 3.
    """

    regions: tuple[Region, ...] = ()

    @cached_property
    def _starts(self) -> list[int]:
        # Computed once per map, not once per fact located.
        return [region.start for region in self.regions]

    @classmethod
    def of(cls, regions: Iterable[Region]) -> SourceMap:
        return cls(tuple(sorted(regions, key=lambda r: (r.start, -r.end))))

    def locate(self, start: int) -> Locator | None:
        """The locator of the text at offset `start`, or None where the source says nothing."""
        if not self.regions:
            return None
        found: Locator | None = None
        for region in self.regions[: bisect_right(self._starts, start)]:
            if region.start <= start < region.end:
                found = region.locator if found is None else found.merged(region.locator)
        return found
