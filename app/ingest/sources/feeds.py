"""RSS and Atom feeds: the feeds file (feeds.toml) and a feed's items, read by feedparser.

[[feed]]
url = "https://news.example.org/world/rss.xml"
outlet = "Example News"     # optional: the outlet its articles are stored under
language = "en"             # optional: else each article's language is detected
"""

import calendar
import datetime
import hashlib
import json
import time
import tomllib
from dataclasses import dataclass
from pathlib import Path

import feedparser  # type: ignore[import-untyped]

from app.ingest.discovery import Failure
from app.ingest.sources.document import Metadata
from app.ingest.sources.values import BadValue, text_value, url_value

FEED_TYPES = ("rss", "atom", "rdf", "xml")


class BadFeedsFile(ValueError):
    """A feeds file that cannot be used; the message says where and why."""


class NotAFeed(ValueError):
    """A response that is not an RSS or Atom feed."""


@dataclass(frozen=True)
class Feed:
    url: str
    outlet: str | None = None
    language: str | None = None


@dataclass(frozen=True)
class Entry:
    """A feed item: its link, what the feed says of it, and a fingerprint of the item as the
    feed shows it (a changed item gets a new one)."""

    link: str
    meta: Metadata
    fingerprint: str


@dataclass(frozen=True)
class ParsedFeed:
    title: str | None
    entries: list[Entry]
    broken: list[Failure]


def load_feeds(path: Path) -> list[Feed]:
    """The [[feed]] tables of a feeds file."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise BadFeedsFile(f"{path.name}: {error.strerror or error}") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise BadFeedsFile(f"{path.name}: not TOML ({error})") from None
    tables = data.get("feed")
    if not isinstance(tables, list) or not tables:
        raise BadFeedsFile(f'{path.name}: no [[feed]] tables (each with url = "https://…")')
    feeds = []
    for number, table in enumerate(tables, 1):
        try:
            url = url_value(table.get("url"), "url") if isinstance(table, dict) else None
            if url is None:
                raise BadValue("no url")
            outlet = text_value(table.get("outlet"), "outlet")
            language = text_value(table.get("language"), "language")
        except BadValue as error:
            raise BadFeedsFile(f"{path.name}: feed {number}: {error}") from None
        feeds.append(Feed(url, outlet, language))
    return feeds


def looks_like_feed(body: bytes, media_type: str) -> bool:
    """True for a response that should be read as a feed rather than as a web page."""
    if "html" in media_type:
        return False
    if any(kind in media_type for kind in FEED_TYPES):
        return True
    start = body[:512].lstrip().lower()
    return start.startswith(b"<?xml") or start.startswith(b"<rss") or start.startswith(b"<feed")


def parse_feed(body: bytes, feed: Feed, url: str) -> ParsedFeed:
    """The feed's items; an item without a usable link is a failure of its own."""
    parsed = feedparser.parse(body, response_headers={"content-location": url})
    if not parsed.get("version") and not parsed.entries:
        reason = parsed.get("bozo_exception") or "no RSS or Atom in it"
        raise NotAFeed(f"not a feed ({str(reason)[:120]})")
    entries, broken = [], []
    for number, item in enumerate(parsed.entries, 1):
        try:
            link = url_value(item.get("link"), "link")
        except BadValue as error:
            broken.append(Failure(f"{url} item {number}", str(error)))
            continue
        if link is None:
            broken.append(Failure(f"{url} item {number}", "no link"))
            continue
        link = link.partition("#")[0]
        entries.append(Entry(link, _metadata(item, feed, link), _fingerprint(item)))
    title = text_value(parsed.feed.get("title"), "title")
    return ParsedFeed(title, entries, broken)


def _metadata(item: dict, feed: Feed, link: str) -> Metadata:
    """What the feed says of an item; its values are given metadata."""
    when = _raw(item, "published_parsed") or _raw(item, "updated_parsed")
    published = None
    if isinstance(when, time.struct_time):
        published = datetime.datetime.fromtimestamp(calendar.timegm(when), datetime.UTC).date()
    return Metadata(
        title=_text(item.get("title")),
        url=link,
        outlet=feed.outlet,
        published=published,
        author=_text(item.get("author")),
        language=feed.language,
    )


def _raw(item: dict, key: str) -> object:
    """An item's own value: feedparser's dict maps some keys to others (with a warning)."""
    return dict.get(item, key)


def _text(value: object) -> str | None:
    try:
        return text_value(value, "item")
    except BadValue:
        return None


def _fingerprint(item: dict) -> str:
    """A digest of what the feed shows of the item: title, summary, content, dates and id, but
    not its link, so the same item under a new link (tracking parameters, a moved site) is
    recognised."""
    keys = ("title", "summary", "published", "updated", "id")
    shown = [value for key in keys if isinstance(value := _raw(item, key), str)]
    content = _raw(item, "content")
    if isinstance(content, list):
        shown += [str(part.get("value")) for part in content if isinstance(part, dict)]
    data = json.dumps(shown, ensure_ascii=False).encode("utf-8")
    return hashlib.sha256(data).hexdigest()
