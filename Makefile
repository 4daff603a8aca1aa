# Cluster Workbench — the two commands of the README, and helpers.
#   make reports   render every step notebook for the five pilot provinces (Turkish) into reports/
#   make test      run all tests (unit, doctests, notebooks with nbval, browser)
# Both create or reuse the virtual environment .venv and install what they need.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
export PATH := $(CURDIR)/$(BIN):$(PATH)
STAMP  := $(VENV)/.installed
RUN_SPEC ?= runs/pilots.yml
PROVINCES ?=
REPORT_LANG ?=
JOBS  ?=

.DEFAULT_GOAL := help
.PHONY: help reports test lint lab notebooks sample bench browser clean

help:  ## list the targets
	@grep -E '^[a-z-]+:.*##' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-9s %s\n", $$1, $$2}'

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $(STAMP)

reports: $(STAMP)  ## render the reports of the run spec runs/pilots.yml (RUN_SPEC=, PROVINCES=, REPORT_LANG=, JOBS=)
	$(BIN)/clusterlib run --spec $(RUN_SPEC) $(if $(PROVINCES),--province $(PROVINCES)) \
	  $(if $(REPORT_LANG),--lang $(REPORT_LANG)) $(if $(JOBS),--jobs $(JOBS))

browser:  ## install Debian's chromium + chromium-driver for the browser test (once)
	@command -v chromium >/dev/null && command -v chromedriver >/dev/null || { \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq chromium chromium-driver >/dev/null; }

test: $(STAMP) browser  ## run all tests: unit + doctests + notebooks (nbval) + browser
	$(BIN)/ruff check clusterlib tests benchmarks scripts
	$(BIN)/python -m pytest

lint: $(STAMP)  ## ruff
	$(BIN)/ruff check clusterlib tests benchmarks scripts

lab: $(STAMP)  ## open JupyterLab on the notebooks (explore/workbench.ipynb); saves them without outputs
	JUPYTER_CONFIG_PATH=$(CURDIR)/clusterlib/resources/lab$${JUPYTER_CONFIG_PATH:+:$$JUPYTER_CONFIG_PATH} \
	  $(BIN)/jupyter lab notebooks $$( [ "$$(id -u)" = 0 ] && echo --allow-root )

notebooks: $(STAMP)  ## store notebooks without outputs, re-recording the cells nbval checks
	$(BIN)/python scripts/clean_notebooks.py --refresh

sample: $(STAMP)  ## regenerate the synthetic sample data (seeded, byte for byte)
	$(BIN)/python -m clusterlib.data.sample

bench: $(STAMP)  ## run the benchmarks and print the figures
	$(BIN)/python benchmarks/bench_indicators.py
	$(BIN)/python benchmarks/bench_reports.py
	$(BIN)/python benchmarks/bench_explore.py

clean:  ## remove derived tables and rendered reports (never data/raw)
	rm -rf data/processed/* reports/*
	touch data/processed/.gitkeep reports/.gitkeep
