"""What the database knows of the web: which URLs it holds articles for, and each feed's and
page's fetch state (HTTP validators, the fingerprint of a feed item as last fetched)."""

from collections.abc import Iterable
from dataclasses import asdict, dataclass
from datetime import UTC, datetime

from sqlalchemy import bindparam, or_, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Engine
from sqlmodel import col

from app.db import writer_turn
from app.models import Article, FetchState, table

_STATE = table(FetchState)
_STORED = select(col(Article.source), col(Article.url)).where(
    or_(
        col(Article.source).in_(bindparam("urls", expanding=True)),
        col(Article.url).in_(bindparam("urls", expanding=True)),
    )
)
_STATES = select(_STATE).where(_STATE.c.url.in_(bindparam("urls", expanding=True)))
_FINGERPRINTS = select(_STATE.c.fingerprint).where(
    _STATE.c.fingerprint.in_(bindparam("prints", expanding=True))
)
BATCH = 500  # URLs per query: well under every database's limit on bound parameters


@dataclass(frozen=True)
class State:
    url: str
    etag: str | None = None
    last_modified: str | None = None
    fingerprint: str | None = None


def stored_urls(engine: Engine, urls: Iterable[str]) -> set[str]:
    """Those of `urls` that an article is stored under (as its source or its URL)."""
    wanted = set(urls)
    found: set[str] = set()
    with engine.connect() as conn:
        for part in _batches(wanted):
            for source, url in conn.execute(_STORED, {"urls": part}):
                found.update(value for value in (source, url) if value in wanted)
    return found


def fetch_states(engine: Engine, urls: Iterable[str]) -> dict[str, State]:
    states = {}
    with engine.connect() as conn:
        for part in _batches(set(urls)):
            for row in conn.execute(_STATES, {"urls": part}).mappings():
                states[row["url"]] = State(
                    row["url"], row["etag"], row["last_modified"], row["fingerprint"]
                )
    return states


def known_fingerprints(engine: Engine, prints: Iterable[str]) -> set[str]:
    """Those of `prints` (feed items' fingerprints) already fetched under some URL."""
    found: set[str] = set()
    with engine.connect() as conn:
        for part in _batches(set(prints)):
            found.update(conn.execute(_FINGERPRINTS, {"prints": part}).scalars())
    return found


def save_states(engine: Engine, states: Iterable[State]) -> None:
    """Remember feeds' and pages' validators (insert or replace)."""
    rows = [{**asdict(state), "fetched_at": datetime.now(UTC)} for state in states]
    if not rows:
        return
    dialect = postgresql if engine.dialect.name == "postgresql" else sqlite
    insert = dialect.insert(_STATE)
    upsert = insert.on_conflict_do_update(
        index_elements=["url"],
        set_={name: insert.excluded[name] for name in rows[0] if name != "url"},
    )
    with writer_turn(engine), engine.begin() as conn:
        conn.execute(upsert, rows)


def _batches(values: set[str]) -> list[list[str]]:
    ordered = sorted(values)
    return [ordered[i : i + BATCH] for i in range(0, len(ordered), BATCH)]
