"""bench.profile_pages --counts: each long-tail URL's facet counts, counted in the foreground."""

from pathlib import Path

import pytest
from sqlalchemy.engine import make_url

from app.ingest.store import store_article
from bench import profile_pages
from tests.conftest import TOPIC_NAMES, sample_articles


@pytest.mark.sqlite_only(reason="the URLs are read from the SQLite file")
def test_counts_of_a_list_kind_are_timed(engine, app_settings, capsys) -> None:
    for source, article in sample_articles():
        store_article(engine, source, article, TOPIC_NAMES)
    db = Path(str(make_url(app_settings.database_url).database))
    profile_pages._time_counts(engine, db, "speaker filter", 5, slowest=2)
    first, *slowest = capsys.readouterr().out.splitlines()
    assert first.startswith("speaker filter counts: ") and "ms a page's counts" in first
    assert len(slowest) == 2 and all(" ms  /?speaker=" in line for line in slowest)


@pytest.mark.sqlite_only(reason="the URLs are read from the SQLite file")
def test_counts_refuse_pages_that_are_not_lists(engine, app_settings) -> None:
    for source, article in sample_articles():
        store_article(engine, source, article, TOPIC_NAMES)
    db = Path(str(make_url(app_settings.database_url).database))
    with pytest.raises(SystemExit, match="--counts takes list and search kinds, not /speakers/"):
        profile_pages._time_counts(engine, db, "speaker page", 5)
