"""The report in a real headless browser: tables and charts render, nothing errs or loads.

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

    def __init__(self, browser: Any, path: Path) -> None:
        self.errors: list[str] = []
        self.requests: list[str] = []
        self.page = browser.new_page(viewport={"width": 1400, "height": 1000})
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
    runs = [
        run_extraction(seeds, QuantitiesOnly(), name="every numeral", runs_dir=folder),
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
    headline_rows = content.locator("#headline tbody tr")
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
    assert page.page.locator("script").count() == 0
