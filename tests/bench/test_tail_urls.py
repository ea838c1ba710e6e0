"""The long tail's URLs: made from the database, answered by the app, sliced without overlap."""

from pathlib import Path

import pytest
from sqlalchemy.engine import make_url

from app.ingest.store import store_article
from bench.tail_kinds import Family, Url, periods
from bench.tail_urls import _slice, build
from tests.conftest import TOPIC_NAMES, sample_articles


def family(name: str, size: int) -> Family:
    return Family(name, range(size), lambda n: Url(f"/{name}/{n}"))


def test_slice_disjoint_and_balanced() -> None:
    slices, warm = _slice([family("small", 4), family("big", 40)], runs=2, per_run=10, warm=2)
    paths = [url.path for part in (*slices, warm) for url in part]
    assert len(paths) == len(set(paths)) == 22
    assert [len(part) for part in slices] == [10, 10]
    small = [sum(url.path.startswith("/small/") for url in part) for part in slices]
    assert abs(small[0] - small[1]) <= 1  # each slice holds the small family in the same share


def test_slice_skips_urls_made_twice() -> None:
    twice = Family("twice", range(6), lambda n: Url(f"/same/{n % 3}"))
    slices, warm = _slice([twice], runs=2, per_run=5, warm=0)
    assert sorted(url.path for part in slices for url in part) == ["/same/0", "/same/1", "/same/2"]


def test_periods_cover_years_quarters_and_months() -> None:
    months = {"2020-02", "2020-11"}
    assert periods(months, "year") == [("2020-01-01", "2020-12-31")]
    assert periods(months, "quarter") == [
        ("2020-01-01", "2020-03-31"),
        ("2020-10-01", "2020-12-31"),
    ]
    assert periods(months, "month")[0] == ("2020-02-01", "2020-02-29")


@pytest.mark.sqlite_only(reason="the URLs are read from the SQLite file")
def test_build_urls_answered_by_the_app(engine, client, app_settings) -> None:
    for source, article in sample_articles():
        store_article(engine, source, article, TOPIC_NAMES)
    db = Path(str(make_url(app_settings.database_url).database))
    kinds = build(db, per_run=50, runs=2, warm=1)
    assert {kind.name for kind in kinds if kind.runs[0]} >= {
        "speaker filter", "speaker + topic", "topic page", "speaker page", "CSV export",
    }  # fmt: skip
    for kind in kinds:
        first, second = ({url.path for url in part} for part in kind.runs)
        assert not first & second, kind.name
        for url in kind.runs[0] + kind.runs[1] + kind.warm:
            assert client.get(url.path).status_code == 200, url.path
