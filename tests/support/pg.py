"""PostgreSQL for the test suite: the server's URL, and databases made and dropped per test."""

import itertools
import os

import psycopg
import pytest
from sqlalchemy.engine import make_url

DEFAULT_SERVER = "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
_counter = itertools.count(1)


def server_url() -> str:
    """Maintenance database URL of the test server (DIPLOMAT_TEST_POSTGRES_URL overrides it)."""
    return os.environ.get("DIPLOMAT_TEST_POSTGRES_URL", DEFAULT_SERVER)


def database_url(name: str) -> str:
    return make_url(server_url()).set(database=name).render_as_string(hide_password=False)


def unique_name(label: str) -> str:
    # The pid keeps two concurrent test runs (two worktrees, CI and a developer) apart.
    return f"diplomat_test_{os.getpid()}_{label}"


def _admin() -> psycopg.Connection:
    url = make_url(server_url())
    try:
        return psycopg.connect(
            host=url.host,
            port=url.port or 5432,
            user=url.username,
            password=url.password,
            dbname=url.database or "postgres",
            autocommit=True,
            connect_timeout=5,
        )
    except psycopg.OperationalError as error:
        pytest.exit(f"--backend=postgres but no server at {server_url()}: {error}", returncode=3)


def create_database(name: str, template: str | None = None) -> None:
    with _admin() as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"' + (f' TEMPLATE "{template}"' if template else ""))


def drop_database(name: str) -> None:
    # FORCE ends connections a test left in a pool, so nothing lingers on the server.
    with _admin() as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


class Databases:
    """Databases created for one test; `drop_all` removes them."""

    def __init__(self) -> None:
        self.names: list[str] = []

    def create(self, template: str | None = None) -> str:
        """A new database (a copy of `template`, else empty); returns its SQLAlchemy URL."""
        name = unique_name(str(next(_counter)))
        create_database(name, template)
        self.names.append(name)
        return database_url(name)

    def drop_all(self) -> None:
        for name in self.names:
            drop_database(name)
