"""The report in a real headless browser: tables and charts render, nothing errs or loads,
and a person can filter it, sort it, follow an error to its source and read it at 1024 px.

Needs Chromium at /usr/bin/chromium (`.ci/run` installs it; `make browser` does too) and
the Python playwright package; never downloads a browser. Saves the screenshot the README
shows, docs/report-screenshot.png, from a report over the seeds: llmx's rules extractor
against a naive baseline that keeps every numeral its quantity finder sees.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from report_cases import QuantitiesOnly, hostile_evaluations, hostile_gold

from llmx.pipeline import run_extraction
from llmx.report.make import report_runs
from llmx.report.render import write_report
from llmx.report.view import build_view
from llmx.rules import RulesExtractor

CHROMIUM = Path("/usr/bin/chromium")
ROOT = Path(__file__).resolve().parents[2]
SCREENSHOT = ROOT / "docs" / "report-screenshot.png"
SCREENSHOT_1024 = ROOT / "docs" / "report-1024.png"
SCREENSHOT_EXPLORE = ROOT / "docs" / "report-explore.png"
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]

if not CHROMIUM.exists():
    pytest.skip(
        f"no browser: {CHROMIUM} is missing (install it with `apt-get install chromium` "
        "or `make browser`; CI's .ci/run does)",
        allow_module_level=True,
    )
sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")


class Page:
    """A page opened from a file, with everything it logged, threw or tried to fetch."""

    def __init__(self, browser: Any, path: Path, width: int = 1400) -> None:
        self.errors: list[str] = []
        self.requests: list[str] = []
        self.page = browser.new_page(viewport={"width": width, "height": 1000})
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))
        self.page.on("request", lambda request: self.requests.append(request.url))
        self.page.goto(path.as_uri(), wait_until="load")

    def remote_requests(self) -> list[str]:
        return [url for url in self.requests if not url.startswith(("file:", "data:", "about:"))]


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield launched
        launched.close()


@pytest.fixture(scope="module")
def seeds_report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    gold_dir = ROOT / "evals" / "gold"
    if not any(gold_dir.glob("*.jsonl")):
        pytest.skip("no gold facts yet in evals/gold")
    folder = tmp_path_factory.mktemp("seeds-report")
    seeds = [ROOT / "seeds"]
    # A long name, as people give runs: the charts and tables must stay legible with it.
    runs = [
        run_extraction(
            seeds, QuantitiesOnly(), name="every numeral (naive baseline)", runs_dir=folder
        ),
        run_extraction(seeds, RulesExtractor(), name="rules", runs_dir=folder),
    ]
    out = folder / "report.html"
    report_runs(runs, out, gold_dir=gold_dir)
    return out


def test_report_renders_tables_and_charts_without_errors(
    browser: Any, seeds_report: Path, tmp_path: Path
) -> None:
    page = Page(browser, seeds_report)
    content = page.page
    assert content.locator("table").count() >= 4
    headline_rows = content.locator("#scores tbody tr")
    assert headline_rows.count() == 2
    assert "rules" in headline_rows.nth(1).inner_text()
    charts = content.locator("figure.chart svg")
    assert charts.count() == 3
    for index in range(charts.count()):
        box = charts.nth(index).bounding_box()
        assert box is not None and box["width"] > 200 and box["height"] > 100
    # Bars are drawn: matplotlib's patches are paths inside the SVG.
    assert content.locator("figure.chart svg path").count() > 20
    assert content.locator("#differences td.verdict").first.inner_text()
    assert content.locator(".src span.m").count() > 0
    assert page.errors == []
    assert page.remote_requests() == []
    # The README's screenshot is refreshed on request, so a test run leaves the tree clean.
    target = SCREENSHOT if os.environ.get("LLMX_UPDATE_SCREENSHOT") else tmp_path / "report.png"
    target.parent.mkdir(parents=True, exist_ok=True)
    content.screenshot(path=str(target))
    assert target.stat().st_size > 10_000


def test_script_from_a_document_does_not_run(browser: Any, tmp_path: Path) -> None:
    out = tmp_path / "hostile.html"
    write_report(build_view(hostile_evaluations(), hostile_gold()), out, title="hostile")
    page = Page(browser, out)
    assert page.page.title() == "hostile"  # the document's script would retitle the page
    assert page.errors == []  # and would log to the console
    assert page.remote_requests() == []  # its <img> would fetch
    assert page.page.locator("body").is_visible()  # its <style> would hide the page
    # The one script is the report's own: its filters work.
    assert page.page.locator("script").count() == 1
    assert "rows shown" in page.page.locator("#filter-count").inner_text()


def visible_error_rows(content: Any) -> list[dict[str, str]]:
    rows: list[dict[str, str]] = content.eval_on_selector_all(
        "#errors tr.filterable",
        "rows => rows.filter(r => !r.hidden).map(r => ({...r.dataset}))",
    )
    return rows


def test_filters_narrow_errors_and_sections_to_a_document_and_a_cause(
    browser: Any, seeds_report: Path
) -> None:
    content = Page(browser, seeds_report).page
    everything = visible_error_rows(content)
    doc = "003_9bf9900164892d57"
    content.select_option("select[data-filter=doc]", doc)
    of_document = visible_error_rows(content)
    assert 0 < len(of_document) < len(everything)
    assert {row["doc"] for row in of_document} == {doc}
    sections = content.locator("#sections tr.filterable:not([hidden])")
    assert sections.count() > 0
    assert all(doc in text for text in sections.all_inner_texts())
    cause = of_document[-1]["cause"]
    content.select_option("select[data-filter=cause]", cause)
    narrowed = visible_error_rows(content)
    assert narrowed and {(row["doc"], row["cause"]) for row in narrowed} == {(doc, cause)}
    assert "of" in content.locator("#filter-count").inner_text()
    content.click("#filter-reset")
    content.select_option("select[data-filter=run]", "rules")
    sources = content.eval_on_selector_all(
        "details.source", "ds => ds.filter(d => !d.hidden).map(d => d.dataset.runs)"
    )
    total = content.locator("details.source").count()
    assert 0 < len(sources) < total and all("rules" in runs.split("\n") for runs in sources)
    content.click("#filter-reset")
    content.fill("#filter-text", "地区生产总值")
    searched = content.locator("#errors tr.filterable:not([hidden])")
    assert 0 < searched.count() < len(everything)
    assert all("地区生产总值" in text for text in searched.all_inner_texts())


def test_an_error_leads_to_its_span_in_the_source_view(
    browser: Any, seeds_report: Path, tmp_path: Path
) -> None:
    content = Page(browser, seeds_report, width=1024).page
    content.select_option("select[data-filter=run]", "rules")
    link = content.locator("#errors tr:not([hidden]) a.to-source").nth(3)
    start, end = int(link.get_attribute("data-start")), int(link.get_attribute("data-end"))
    anchor = link.get_attribute("href")
    link.click()
    source = content.locator(f"details[id='{anchor[1:]}']")
    assert source.get_attribute("open") is not None
    target = source.locator(".m.target").first
    assert target.is_visible()
    piece_start = int(target.get_attribute("data-start"))
    piece_end = int(target.get_attribute("data-end"))
    assert piece_start < end and piece_end > start
    # Focused, so its details show without hovering: what gold and each run say there.
    assert target.evaluate("span => span === document.activeElement")
    detail = target.evaluate("span => getComputedStyle(span, '::after').content")
    assert "gold" in detail or "every numeral" in detail or "rules" in detail
    target = SCREENSHOT_EXPLORE if os.environ.get("LLMX_UPDATE_SCREENSHOT") else tmp_path / "e.png"
    content.screenshot(path=str(target))


def test_a_column_heading_sorts_its_table(browser: Any, seeds_report: Path) -> None:
    content = Page(browser, seeds_report).page
    table = content.locator("#sections table")
    gold = table.locator("th[data-col='1']")
    gold.click()
    values = [
        int(text.replace(",", ""))
        for text in table.locator("tbody tr td:nth-child(2)").all_inner_texts()
    ]
    assert values == sorted(values)
    gold.click()
    values = [
        int(text.replace(",", ""))
        for text in table.locator("tbody tr td:nth-child(2)").all_inner_texts()
    ]
    assert values == sorted(values, reverse=True)
    assert gold.get_attribute("aria-sort") == "descending"


def test_every_erring_section_is_in_the_source_view_most_errors_first(
    browser: Any, seeds_report: Path
) -> None:
    content = Page(browser, seeds_report).page
    linked = set(
        content.eval_on_selector_all(
            "#errors a.to-source", "links => links.map(a => a.getAttribute('href').slice(1))"
        )
    )
    shown = set(content.eval_on_selector_all("details.source", "ds => ds.map(d => d.id)"))
    assert linked <= shown
    errors = [
        int(text)
        for text in content.locator("#sections tbody tr td:nth-child(3)").all_inner_texts()
    ]
    assert errors == sorted(errors, reverse=True) and errors[0] > 0


def test_the_report_reads_at_1024_pixels(browser: Any, seeds_report: Path, tmp_path: Path) -> None:
    page = Page(browser, seeds_report, width=1024)
    content = page.page
    assert content.evaluate("document.documentElement.scrollWidth") <= 1024
    # The headline tables fit whole: nothing to scroll sideways, no column cut.
    for table in ("#scores", "#costs"):
        box = content.locator(table).bounding_box()
        assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= 1024, table
        scroller = content.locator(table).locator("xpath=..")
        assert scroller.evaluate("div => div.scrollWidth <= div.clientWidth"), table
    for chart in content.locator("figure.chart svg").all():
        box = chart.bounding_box()
        assert box is not None and box["x"] + box["width"] <= 1024
    assert page.errors == []
    target = SCREENSHOT_1024 if os.environ.get("LLMX_UPDATE_SCREENSHOT") else tmp_path / "1024.png"
    content.screenshot(path=str(target))
