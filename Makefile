# newsfacts: `make run` refreshes the warehouse, `make test` runs the suite, `make ui` opens Dagster.
SHELL := /bin/bash
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
UV := $(VENV)/bin/uv
STAMP_RUN := $(VENV)/.installed-run
STAMP_TEST := $(VENV)/.installed-test
STAMP_BENCH := $(VENV)/.installed-bench

export DAGSTER_HOME ?= $(CURDIR)
export SEEDS_DIR ?= seeds
export WAREHOUSE_PATH ?= warehouse/news.duckdb

.PHONY: run test ui bench fuzz lint evaluate clean

# A DAGSTER_HOME of its own (a new folder) gets the project's instance settings (dagster.yaml) on
# first use; an existing one keeps its own. See docs/operations.md.
INSTANCE_YAML := $(DAGSTER_HOME)/dagster.yaml

$(PY):
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "Python 3.11 is required ($(PYTHON) not found)"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check uv

$(STAMP_RUN): pyproject.toml | $(PY)
	$(UV) pip install --quiet --compile-bytecode --python $(PY) -e .
	@touch $@

$(STAMP_TEST): pyproject.toml | $(PY)
	$(UV) pip install --quiet --compile-bytecode --python $(PY) -e '.[test]'
	@touch $@ $(STAMP_RUN)

$(STAMP_BENCH): pyproject.toml | $(PY)
	$(UV) pip install --quiet --compile-bytecode --python $(PY) -e '.[test,bench]'
	@touch $@ $(STAMP_TEST) $(STAMP_RUN)

$(INSTANCE_YAML):
	@mkdir -p "$(DAGSTER_HOME)" && cp dagster.yaml "$@" && echo "created $@ from the project's dagster.yaml"

run: $(STAMP_RUN) | $(INSTANCE_YAML)
	$(PY) -m pipelines.run

test: $(STAMP_TEST)
	$(PY) -m pytest -q

ui: $(STAMP_RUN) | $(INSTANCE_YAML)
	$(VENV)/bin/dagster dev -h 127.0.0.1 -p 3000

lint: $(STAMP_TEST)
	$(VENV)/bin/ruff check . && $(VENV)/bin/ruff format --check .

evaluate: $(STAMP_RUN)
	$(PY) -m bench.evaluate --warehouse $(WAREHOUSE_PATH)

# Throughput of the text library (with quantulum3 as the baseline), validation time, and the
# 10,000-article scale run. The 100,000-article run takes ~15 min: `$(PY) -m bench.scale --sizes 100000`.
bench: $(STAMP_BENCH)
	$(PY) bench/figures_throughput.py
	$(PY) bench/claims_throughput.py
	$(PY) bench/validation_time.py
	$(PY) -m bench.scale --sizes 10000

fuzz: $(STAMP_TEST)
	$(PY) -m bench.fuzz

clean:
	rm -rf warehouse/*.duckdb warehouse/.staging warehouse/data_docs .dagster
