# Two entry points for a fresh machine (see README):
#   make extract   set up, then run the main job on seeds/ offline
#   make test      set up, then run every check CI runs
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: setup extract test lint typecheck pytest browser bench clean

setup: $(STAMP)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

extract: setup
	$(BIN)/llmx extract seeds/ --name seeds --out out/facts.jsonl

# The report's browser test needs Chromium and a font with Chinese glyphs; install them
# where we are root and they are missing.
browser:
	@{ command -v chromium >/dev/null 2>&1 && fc-list 2>/dev/null | grep -qi wqy; } || \
		{ [ "$$(id -u)" = 0 ] && \
		(apt-get update -qq && apt-get install -y -qq chromium fonts-wqy-microhei >/dev/null) || \
		echo "chromium not installed: the browser test will be skipped"; }

lint: setup
	$(BIN)/ruff check llmx tests evals bench

typecheck: setup
	$(BIN)/mypy llmx

pytest: setup browser
	$(BIN)/pytest -q

test: lint typecheck pytest

bench: setup
	$(BIN)/python bench/bench_rules.py

clean:
	rm -rf $(VENV) out runs
