# Two commands a fresh machine needs: `make run` and `make test` (only python3 and make).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP_RUN := $(VENV)/.installed-run
STAMP_TEST := $(VENV)/.installed-test

.PHONY: run test lint typecheck imports pytest bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP_RUN): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(STAMP_TEST): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@ $(STAMP_RUN)

run: $(STAMP_RUN)
	$(BIN)/rfk-trips $(ARGS)

lint: $(STAMP_TEST)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: $(STAMP_TEST)
	$(BIN)/mypy

imports: $(STAMP_TEST)
	$(BIN)/lint-imports

# The database tests run on SQLite and on a real PostgreSQL server: the one named by
# RFK_TRIPS_TEST_POSTGRES, else the throwaway cluster .ci/postgres installs and starts (it
# prints its URL). Without one the PostgreSQL runs are skipped, saying why; under CI they fail.
# One worker per core (pytest-xdist), at most four: each has its own databases, and CI's
# 30 minutes hold only with both cores of the CI machine at work.
pytest: $(STAMP_TEST)
	RFK_TRIPS_TEST_POSTGRES="$${RFK_TRIPS_TEST_POSTGRES:-$$(bash .ci/postgres || true)}" \
		$(BIN)/python -m pytest -q -n auto --maxprocesses=4

test: lint typecheck imports pytest

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
