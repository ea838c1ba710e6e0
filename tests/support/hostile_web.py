"""Hostile web input: XSS, SQL-injection and FTS-syntax strings, an article carrying them, and
every route of the app with its path parameters filled from the seeded data."""

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path

from fastapi.routing import APIRoute

from app.db import make_engine
from app.extract.article import ExtractedArticle
from app.ingest.store import store_article
from app.schema import upgrade
from app.web.routes import ROUTERS
from tests.conftest import TOPIC_NAMES, quote_in, sample_articles
from tests.support import pg

XSS = '<script>alert("xss-probe")</script><img src=x onerror="alert(1)" data-xss-probe="1">'
ATTRIBUTE_XSS = '" autofocus onfocus="alert(\'xss-probe\')" x="'
# What any of the payloads would leave in a page if it were not escaped.
UNESCAPED = ("<script>alert", "<img src=x", 'data-xss-probe="1"', 'onfocus="alert')
SQL_INJECTION = [
    "' OR '1'='1",
    "1; DROP TABLE quote; --",
    '" OR 1=1 --',
    "1 UNION SELECT sql FROM sqlite_master",
    "'; ATTACH DATABASE '/tmp/x.db' AS x; --",
    "%' AND 1=1 --",
    "\\",
    "0x7fffffffffffffff",
]
FTS_SYNTAX = [
    "AND",
    "OR",
    "NOT",
    '"',
    '""',
    "*",
    "NEAR(",
    "NEAR(a b",
    "NEAR(a, -1)",
    "text:",
    "foo:bar",
    "^",
    "^minister",
    "(",
    ")",
    "((",
    "a OR",
    "OR b",
    "- a",
    "+",
    "{a b}:c",
    "a*b",
    "**",
    "'",
    "minister",
    "Lavrov",
    "caf\u00e9",
    "\u0000",
    "\U0001f600",
    "x" * 2000,
]
HOSTILE_STRINGS = [
    XSS,
    ATTRIBUTE_XSS,
    *SQL_INJECTION,
    *FTS_SYNTAX,
    "",
    " ",
    "-1",
    "99999999999",
    str(2**63),
    str(-(2**63) - 1),
    "2019-13-45",
    "../../etc/passwd",
    "%00",
    "\r\nSet-Cookie: x=1",
]
QUERY_NAMES = [
    "speaker",
    "country",
    "topic",
    "q",
    "from",
    "to",
    "outlet",
    "kind",
    "sort",
    "after",
    "next",
    "limit",
    "page",
    "format",
    "zzz",
]
PATH_VALUES = {
    "/speakers/": "sergey-lavrov",
    "/topics/": "sanctions",
    "/countries/": "RU",
    "/quotes/": "1",
    "/articles/": "1",
    "/api/articles/": "1",
}


def hostile_article() -> tuple[str, ExtractedArticle]:
    """An article whose title, text, speaker and quote all carry script payloads."""
    speaker = 'Anna <script>alert("xss-probe")</script> Berg'
    text = f'Title {XSS}\n\n"We agree {XSS}{ATTRIBUTE_XSS}" said {speaker} on Monday.\n'
    quote = quote_in(
        text,
        f'"We agree {XSS}{ATTRIBUTE_XSS}"',
        speaker=speaker,
        speaker_mention=speaker,
        speaker_country="SE",
        speaker_role=f"Envoy {XSS}",
        topics=("sanctions",),
    )
    article = ExtractedArticle(
        text=text,
        title=f"Title {XSS}",
        outlet=f"Wire {ATTRIBUTE_XSS}",
        date=date(2020, 1, 2),
        quotes=(quote,),
    )
    return f"hostile/{XSS}.txt", article


def seed(engine) -> None:
    for source, article in [*sample_articles(), hostile_article()]:
        store_article(engine, source, article, TOPIC_NAMES)


@contextmanager
def seeded_database(backend: str, pg_template: str | None, folder: Path) -> Iterator[str]:
    """A database on the suite's backend holding the sample and hostile articles; its URL."""
    databases = pg.Databases()
    if backend == "postgres":
        url = databases.create(template=pg_template)
    else:
        url = f"sqlite:///{folder / 'hostile.db'}"
        upgrade(url)
    engine = make_engine(url, writer=True)
    seed(engine)
    engine.dispose()
    try:
        yield url
    finally:
        databases.drop_all()


def routes() -> list[APIRoute]:
    """Every route of every router (FastAPI includes routers lazily, so ask them, not the app)."""
    return [r for module in ROUTERS for r in module.router.routes if isinstance(r, APIRoute)]


def fill(path: str, value: str | None = None) -> str:
    """A route path with its one parameter filled (by `value`, or a known good one)."""
    if "{" not in path:
        return path
    head = path[: path.index("{")]
    return head + (value if value is not None else PATH_VALUES[head]) + path[path.index("}") + 1 :]


def assert_inert(body: str) -> None:
    for marker in UNESCAPED:
        assert marker not in body, marker
    assert "Traceback" not in body
