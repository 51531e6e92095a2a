"""The comparison report: one self-contained HTML page and its Markdown twin.

- `llmx.report.view.build_view`: evaluations → what the report shows (plain data);
- `llmx.report.render.write_report`: renders and writes the HTML and the Markdown twin;
- `llmx.report.charts`: matplotlib charts as inline SVG;
- `llmx.report.source`: error contexts and section text cut at span edges;
- `llmx.report.terminal`: the same scores as rich tables, for `llmx eval`;
- `llmx.report.formatting`: how numbers read, shared by all of them.

Nothing is re-exported here, so `llmx eval` does not import matplotlib and Jinja2.
"""
