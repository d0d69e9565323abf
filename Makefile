# Two commands set this project up on a fresh machine: `make run` and `make test`.
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
DEV_STAMP := $(VENV)/.installed-dev

.PHONY: run test lint typecheck pytest bench eval clean

$(PY):
	python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(PY)
	$(PY) -m pip install --quiet -e .
	touch $@

$(DEV_STAMP): pyproject.toml | $(PY)
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $@ $(STAMP)

run: $(STAMP)
	$(VENV)/bin/redaction-proxy serve

test: $(DEV_STAMP) lint typecheck pytest

# bench/ may not exist yet on a branch: lint only the folders that do.
LINT_DIRS := $(wildcard proxy tests bench)

lint: $(DEV_STAMP)
	$(VENV)/bin/ruff check $(LINT_DIRS)
	$(VENV)/bin/ruff format --check $(LINT_DIRS)

typecheck: $(DEV_STAMP)
	$(VENV)/bin/mypy

pytest: $(DEV_STAMP)
	$(VENV)/bin/pytest -q

bench: $(DEV_STAMP)
	$(PY) bench/run.py

eval: $(DEV_STAMP)
	$(PY) bench/make_corpus.py
	$(PY) bench/detect_eval.py

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
