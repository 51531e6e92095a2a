"""A report never runs what a document says and never loads anything from elsewhere."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from report_cases import SCRIPT, hostile_evaluations, hostile_gold

from llmx.errors import OutputError
from llmx.report.render import (
    markdown_text,
    render_html,
    render_markdown,
    script,
    write_report,
)
from llmx.report.view import build_view

# Every element the report itself writes; a document can add none.
OWN_TAGS = {
    "html",
    "head",
    "meta",
    "title",
    "style",
    "body",
    "header",
    "h1",
    "h2",
    "h3",
    "h4",
    "p",
    "nav",
    "a",
    "span",
    "section",
    "div",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "b",
    "i",
    "figure",
    "details",
    "summary",
    "mark",
    "code",
    "br",
    # the filter bar, and the report's own script (the one the CSP lets run, by its hash)
    "label",
    "input",
    "select",
    "option",
    "button",
    "script",
    # matplotlib's inline SVG
    "svg",
    "defs",
    "g",
    "path",
    "text",
    "clippath",
    "rect",
    "use",
    "tspan",
    "polyline",
}


class Elements(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.attributes: list[tuple[str, str]] = []
        self.styles: list[str] = []
        self._in_style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attributes += [(name, value or "") for name, value in attrs]
        self._in_style = tag == "style"

    def handle_data(self, data: str) -> None:
        if self._in_style:
            self.styles.append(data)
            self._in_style = False


def rendered() -> str:
    view = build_view(hostile_evaluations(), hostile_gold())
    return render_html(view, title="<script>t</script>", generated="now")


def test_document_text_cannot_add_elements_or_handlers() -> None:
    page = rendered()
    parsed = Elements()
    parsed.feed(page)
    assert set(parsed.tags) <= OWN_TAGS, set(parsed.tags) - OWN_TAGS
    assert parsed.tags.count("script") == 1 and "img" not in parsed.tags
    code, code_hash = script()
    assert f"<script>{code}</script>" in page and f"script-src '{code_hash}'" in page
    assert not [name for name, _ in parsed.attributes if name.startswith("on")]
    # The only <style> elements are ours (the page's and matplotlib's), not the document's.
    assert not any("display:none" in style for style in parsed.styles)


def test_document_text_is_shown_escaped() -> None:
    page = rendered()
    assert "&lt;script&gt;document.title=" in page
    assert "&lt;style&gt;body{display:none}&lt;/style&gt;" in page
    assert "&lt;b&gt;地区生产总值&lt;/b&gt;" in page  # an indicator
    assert "A &lt;script&gt;" in page  # a run label
    assert SCRIPT not in page


def test_nothing_is_loaded_from_the_network() -> None:
    page = rendered()
    parsed = Elements()
    parsed.feed(page)
    loading = [
        value
        for name, value in parsed.attributes
        if name in {"src", "href", "xlink:href", "data", "action", "poster", "srcset"}
    ]
    assert all(value.startswith("#") for value in loading), loading
    assert not re.search(r"url\(\s*['\"]?\s*(https?:)?//", page)
    assert "@import" not in page
    # The document's URLs are text: no attribute holds one, but those that only carry text
    # for the page to show or filter by (hover titles, data-*, a filter option's value).
    assert not [
        v
        for name, v in parsed.attributes
        if "//" in v and name not in ("title", "value") and not name.startswith("data-")
    ]
    # A content security policy forbids loading or running anything anyway.
    assert "default-src 'none'" in page


def test_markdown_twin_is_inert() -> None:
    markdown = render_markdown(
        build_view(hostile_evaluations(), hostile_gold()), title="t", html_name="r.html"
    )
    assert "<script" not in markdown and "<i>" not in markdown and "<b>" not in markdown
    assert "&lt;script&gt;" in markdown
    # A name's | cannot break a table row, nor its [..](..) make a link.
    assert "| B &quot;&lt;i&gt;&quot; \\| \\[x\\](https://evil.example/) |" in markdown
    assert "[x](" not in markdown


def test_markdown_text_escapes_what_markdown_would_interpret() -> None:
    assert markdown_text("a|b") == "a\\|b"
    assert markdown_text("[x](y)") == "\\[x\\](y)"
    assert markdown_text("<b>*x*</b>") == "&lt;b&gt;\\*x\\*&lt;/b&gt;"
    assert markdown_text("two\nlines") == "two lines"
    assert markdown_text(None) == ""


def test_report_shows_errors_by_cause_and_a_source_view() -> None:
    page = rendered()
    assert "unit mismatch" in page
    assert "nothing on an overlapping span" in page
    assert 'class="src"' in page and 'class="m"' in page
    assert page.count("<svg") >= 3  # headline, documents and differences charts


def test_the_same_report_renders_identically() -> None:
    assert rendered() == rendered()


def test_write_report_writes_html_and_markdown_beside_it(tmp_path: Path) -> None:
    out = tmp_path / "nested" / "report.html"
    markdown = write_report(build_view(hostile_evaluations(), hostile_gold()), out)
    assert markdown == out.with_suffix(".md")
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    first, title = markdown.read_text(encoding="utf-8").splitlines()[:2]
    assert first == "<!-- llmx report: the Markdown twin of report.html -->"
    assert title.startswith("# ")


def test_a_report_never_overwrites_a_markdown_file_it_did_not_write(tmp_path: Path) -> None:
    view = build_view(hostile_evaluations(), hostile_gold())
    readme = tmp_path / "README.md"
    readme.write_text("# My project\n", encoding="utf-8")
    with pytest.raises(OutputError, match=r"README\.md exists and is not a report llmx wrote"):
        write_report(view, tmp_path / "README.html")
    assert readme.read_text(encoding="utf-8") == "# My project\n"
    assert not (tmp_path / "README.html").exists()  # nothing half-written
    write_report(view, tmp_path / "README.html", force=True)
    assert readme.read_text(encoding="utf-8").startswith("<!-- llmx report")


def test_a_report_may_replace_its_own_earlier_twin(tmp_path: Path) -> None:
    view = build_view(hostile_evaluations(), hostile_gold())
    write_report(view, tmp_path / "report.html")
    write_report(view, tmp_path / "report.html")  # a second run of the same report
    assert len(list(tmp_path.iterdir())) == 2


def test_a_report_out_that_is_not_html_is_refused(tmp_path: Path) -> None:
    with pytest.raises(OutputError, match=r"the report is HTML; name an \.html file"):
        write_report(build_view(hostile_evaluations(), hostile_gold()), tmp_path / "x.md")
    assert list(tmp_path.iterdir()) == []
