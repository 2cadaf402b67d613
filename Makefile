# The two commands a newcomer needs: `make serve` and `make test`. Both set up .venv first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build test validate preview translation-report clean bench

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

test: $(STAMP)  ## the whole test suite (browser tests need Debian's chromium)
	$(BIN)/python -m pytest

clean:
	rm -rf site .lpl-cache docs/*/case-studies docs/*/frameworks docs/*/plan-templates
