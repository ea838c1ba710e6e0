"""Fixtures: every test gets a fresh, migrated SQLite file of its own."""

from collections.abc import Iterator
from datetime import date

import pytest
from fastapi.testclient import TestClient
from sqlalchemy.engine import Engine
from sqlmodel import Session

from app.db import make_engine
from app.ingest.extract import ExtractedArticle, ExtractedQuote
from app.ingest.store import store_article
from app.main import create_app
from app.schema import upgrade
from app.settings import Settings

TOPIC_NAMES = {"venezuela": "Venezuela", "iran": "Iran", "sanctions": "Sanctions"}


@pytest.fixture
def app_settings(tmp_path) -> Settings:
    settings = Settings(database_url=f"sqlite:///{tmp_path / 'test.db'}")
    upgrade(settings.database_url)
    return settings


@pytest.fixture
def engine(app_settings) -> Iterator[Engine]:
    engine = make_engine(app_settings.database_url, writer=True)
    yield engine
    engine.dispose()


@pytest.fixture
def session(engine) -> Iterator[Session]:
    with Session(engine) as session:
        yield session


@pytest.fixture
def client(app_settings) -> Iterator[TestClient]:
    app = create_app(app_settings)
    with TestClient(app) as client:
        yield client
    app.state.engine.dispose()


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
