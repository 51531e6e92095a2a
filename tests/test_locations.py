"""A source map takes a span of the canonical text back to its place in the source file."""

from llmx.locations import Locator, Region, SourceMap


def test_a_cell_on_a_page_is_located_by_both() -> None:
    pages = [Region(0, 100, Locator(page=1)), Region(100, 200, Locator(page=2))]
    cell = Region(120, 130, Locator(table=1, row=2, column=3))
    source = SourceMap.of([*pages, cell])
    assert source.locate(125) == Locator(page=2, table=1, row=2, column=3)
    assert source.locate(150) == Locator(page=2)
    assert source.locate(5) == Locator(page=1)


def test_text_outside_every_region_has_no_locator() -> None:
    assert SourceMap.of([Region(10, 20, Locator(element="p1"))]).locate(25) is None
    assert SourceMap().locate(0) is None
