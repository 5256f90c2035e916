# Two commands set up a fresh machine: `make run` and `make test`. Both keep the virtualenv at .venv.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: install run ingest serve test lint bench eval eval-dev screenshots clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

ingest: install
	$(BIN)/waqai db upgrade
	$(BIN)/waqai ingest seeds

run: ingest
	$(BIN)/waqai serve --host $(HOST) --port $(PORT)

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy app

test: lint
	$(BIN)/pytest

bench: install
	$(BIN)/python -m bench

eval: install
	bash eval/score_all.sh

# the development sets only, with the event-by-event differences (the blind sets stay blind)
eval-dev: install
	DIAGNOSE=1 bash eval/score_all.sh seeds heldout heldout3 heldout5 heldout6

screenshots: install
	$(BIN)/python -m docs.screenshots

clean:
	rm -rf $(VENV) data .pytest_cache .ruff_cache
