# Two commands do all set-up on a fresh machine:
#   make site   create the virtual environment, install everything, build the site into site/
#   make test   install what the tests need (Python packages, Debian packages, npm packages), run them
# (make test-fast runs the tests not marked slow, in under a minute)
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export NO_MKDOCS_2_WARNING := 1
export DISABLE_MKDOCS_2_WARNING := true

# Debian packages the tests use: a real browser, Word-to-PDF conversion, PDF-to-PNG.
DEBIAN_PACKAGES := chromium libreoffice-writer-nogui poppler-utils fonts-dejavu-core

.PHONY: site serve test test-fast check pages export bench bench-large bench-serve bench-review bench-draft golden clean system-deps node-deps

site: $(STAMP)
	$(BIN)/mkdocs build --strict

serve: $(STAMP)
	$(BIN)/mkdocs serve --strict -a 127.0.0.1:8000

test: $(STAMP) system-deps node-deps
	$(BIN)/python -m pytest

# Everything but the tests marked slow (MkDocs builds, the browser, LibreOffice): under a minute.
test-fast: $(STAMP)
	$(BIN)/python -m pytest -m "not slow"

check: $(STAMP)
	$(BIN)/ruff check generator tests hooks.py
	$(BIN)/ruff format --check generator tests hooks.py
	$(BIN)/mypy generator
	$(BIN)/lint-imports
	$(BIN)/python -m generator check --strict

export: $(STAMP)
	$(BIN)/python -m generator export build/data

pages: $(STAMP)
	$(BIN)/python -m generator pages build/pages

bench: $(STAMP)
	$(BIN)/python -m bench.scale $(BENCH_ARGS)

bench-large: $(STAMP)
	$(BIN)/python -m bench.scale --large

bench-serve: $(STAMP)
	$(BIN)/python -m bench.serve_reload

# Review accuracy: each protocol held out in turn (add BENCH_ARGS=--sweep to compare methods).
bench-review: $(STAMP)
	$(BIN)/python -m bench.bench_review $(BENCH_ARGS)

# The draft page: page and kit size compressed, and how fast the Word file is ready (Chromium).
bench-draft: $(STAMP) node-deps
	$(BIN)/python -m bench.draft_page

golden: $(STAMP)
	UPDATE_GOLDEN=1 $(BIN)/python -m pytest tests -k golden -q

$(STAMP): pyproject.toml requirements.lock
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps -e .
	touch $@

system-deps:
	@missing=""; for p in $(DEBIAN_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
		echo "installing Debian packages:$$missing"; \
		SUDO=""; [ "$$(id -u)" = 0 ] || SUDO=sudo; \
		$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends $$missing >/dev/null; \
	fi

node-deps: node_modules/.installed

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --silent
	touch $@

clean:
	rm -rf site build .pytest_cache .mypy_cache .ruff_cache
