"""Fixtures: every test gets a fresh, migrated database of its own.

`--backend=postgres` (or DIPLOMAT_TEST_BACKEND=postgres) runs the suite on PostgreSQL: a
template database is migrated once per session and each test gets a copy of it; see
tests/pg.py. SQLite (the default) gets a fresh file per test.
"""

import os
from collections.abc import Iterator
from datetime import date

import pytest
from fastapi.testclient import TestClient
from sqlalchemy.engine import Engine
from sqlmodel import Session

from app.db import make_engine
from app.extract.article import ExtractedArticle, ExtractedQuote
from app.ingest.store import store_article
from app.schema import upgrade
from app.settings import Settings
from app.web.app import create_app
from tests.support import pg
from tests.support.engines import dispose_after_counts

TOPIC_NAMES = {"venezuela": "Venezuela", "iran": "Iran", "sanctions": "Sanctions"}


def pytest_addoption(parser) -> None:
    parser.addoption(
        "--backend",
        choices=("sqlite", "postgres"),
        default=os.environ.get("DIPLOMAT_TEST_BACKEND", "sqlite"),
        help="database the suite runs on (default: $DIPLOMAT_TEST_BACKEND or sqlite)",
    )


def pytest_report_header(config) -> str:
    backend = config.getoption("--backend")
    return f"database backend: {backend}" + (
        f" ({pg.server_url()})" if backend == "postgres" else ""
    )


def pytest_collection_modifyitems(config, items) -> None:
    """Skip, with their reason, tests that belong to the other backend's pass."""
    backend = config.getoption("--backend")
    for item in items:
        sqlite_only = item.get_closest_marker("sqlite_only")
        if backend == "postgres" and sqlite_only:
            reason = sqlite_only.kwargs.get("reason") or "tests SQLite machinery"
            item.add_marker(pytest.mark.skip(reason=f"SQLite only: {reason}"))
        if backend == "sqlite" and item.get_closest_marker("postgres"):
            reason = "PostgreSQL test: runs in the --backend=postgres pass"
            item.add_marker(pytest.mark.skip(reason=reason))


@pytest.fixture(scope="session")
def backend(pytestconfig) -> str:
    return pytestconfig.getoption("--backend")


@pytest.fixture(scope="session")
def pg_template(backend) -> Iterator[str | None]:
    """Name of a migrated template database (PostgreSQL pass only)."""
    if backend != "postgres":
        yield None
        return
    name = pg.unique_name("template")
    pg.create_database(name)
    upgrade(pg.database_url(name))
    yield name
    pg.drop_database(name)


@pytest.fixture
def pg_databases() -> Iterator[pg.Databases]:
    """Makes extra PostgreSQL databases for a test and drops them afterwards."""
    databases = pg.Databases()
    yield databases
    databases.drop_all()


@pytest.fixture
def app_settings(tmp_path, backend, pg_template, pg_databases) -> Settings:
    if backend == "postgres":
        return Settings(database_url=pg_databases.create(template=pg_template))
    settings = Settings(database_url=f"sqlite:///{tmp_path / 'test.db'}")
    upgrade(settings.database_url)
    return settings


@pytest.fixture
def engine(app_settings) -> Iterator[Engine]:
    engine = make_engine(app_settings.database_url, writer=True)
    yield engine
    dispose_after_counts(engine)


@pytest.fixture
def session(engine) -> Iterator[Session]:
    with Session(engine) as session:
        yield session


@pytest.fixture
def client(app_settings) -> Iterator[TestClient]:
    app = create_app(app_settings)
    with TestClient(app) as client:
        yield client
    dispose_after_counts(app.state.engine)


@pytest.fixture
def seeded_client(engine, client) -> TestClient:
    for source, article in sample_articles():
        store_article(engine, source, article, TOPIC_NAMES)
    return client


def quote_in(text: str, fragment: str, **fields) -> ExtractedQuote:
    """An ExtractedQuote for `fragment`, located in `text` (whose sentence is the whole text)."""
    start = text.index(fragment)
    defaults = dict(
        kind="direct",
        speaker=None,
        speaker_mention=None,
        speaker_country=None,
        speaker_role=None,
        cue="said",
        topics=(),
        confidence=0.9,
        sentence_start=0,
        sentence_end=len(text),
    )
    defaults.update(fields)
    return ExtractedQuote(text=fragment, start=start, end=start + len(fragment), **defaults)


def sample_articles() -> list[tuple[str, ExtractedArticle]]:
    """A small deterministic corpus: two named speakers, a respelling, an unknown speaker."""
    first = (
        "Talks in Sochi\n\n"
        '"We will not abandon Caracas," Foreign Minister Sergey Lavrov said on Tuesday.\n\n'
        "Secretary of State Mike Pompeo said that sanctions on Iran would stay in place."
    )
    second = (
        "Oil and pressure\n\n"
        '"Sanctions are not a policy," said Sergei Lavrov.\n\n'
        '"Nobody can be sure," a source close to the talks said.'
    )
    lavrov = dict(speaker_country="RU", speaker_role="Foreign Minister")
    return [
        (
            "samples/sochi.txt",
            ExtractedArticle(
                text=first,
                title="Talks in Sochi",
                outlet="Example Wire",
                date=date(2019, 5, 14),
                quotes=(
                    quote_in(
                        first,
                        '"We will not abandon Caracas,"',
                        speaker="Sergey Lavrov",
                        speaker_mention="Foreign Minister Sergey Lavrov",
                        topics=("venezuela",),
                        **lavrov,
                    ),
                    quote_in(
                        first,
                        "that sanctions on Iran would stay in place",
                        kind="indirect",
                        speaker="Mike Pompeo",
                        speaker_mention="Mike Pompeo",
                        speaker_country="US",
                        topics=("iran", "sanctions"),
                    ),
                ),
            ),
        ),
        (
            "samples/oil.txt",
            ExtractedArticle(
                text=second,
                title="Oil and pressure",
                outlet="Other Herald",
                date=date(2019, 6, 2),
                quotes=(
                    quote_in(
                        second,
                        '"Sanctions are not a policy,"',
                        speaker="Sergei Lavrov",
                        speaker_mention="Sergei Lavrov",
                        topics=("sanctions",),
                        **lavrov,
                    ),
                    quote_in(second, '"Nobody can be sure,"', confidence=0.3),
                ),
            ),
        ),
    ]
