"""Feeds files and feed items."""

import re
from datetime import date

import pytest

from app.ingest.sources.feeds import (
    BadFeedsFile,
    Feed,
    NotAFeed,
    load_feeds,
    looks_like_feed,
    parse_feed,
)
from tests.support.web_server import rss

ATOM = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Harbour Times</title>
<entry><title>Port talks</title><link href="/2025/port-talks"/><id>t1</id>
<updated>2025-06-01T10:00:00Z</updated><author><name>Mia Holt</name></author>
<summary>Ministers met.</summary></entry></feed>"""


def test_feeds_file_read(tmp_path):
    path = tmp_path / "feeds.toml"
    path.write_text(
        '[[feed]]\nurl = "https://a.example/rss.xml"\noutlet = "A Post"\nlanguage = "en"\n\n'
        '[[feed]]\nurl = "https://b.example/atom"\n'
    )
    assert load_feeds(path) == [
        Feed("https://a.example/rss.xml", "A Post", "en"),
        Feed("https://b.example/atom"),
    ]


@pytest.mark.parametrize(
    "content, message",
    [
        ("url = 'https://a.example'", "no [[feed]] tables"),
        ("[[feed]]\noutlet = 'A'", "feed 1: no url"),
        ("[[feed]]\nurl = 'file:///etc/passwd'", "feed 1: url 'file:///etc/passwd' is not"),
        ("[[feed]\n", "not TOML"),
    ],
)
def test_feeds_file_problems_said_plainly(tmp_path, content, message):
    path = tmp_path / "feeds.toml"
    path.write_text(content)
    with pytest.raises(BadFeedsFile, match=re.escape(message)):
        load_feeds(path)


def test_feeds_atom_entry_with_relative_link():
    parsed = parse_feed(ATOM, Feed("https://ht.example/atom"), "https://ht.example/atom")
    (entry,) = parsed.entries
    assert parsed.title == "Harbour Times"
    assert entry.link == "https://ht.example/2025/port-talks"
    assert (entry.meta.title, entry.meta.author) == ("Port talks", "Mia Holt")
    assert entry.meta.published == date(2025, 6, 1)


def test_feeds_fingerprint_follows_the_item():
    item = {"link": "https://a.example/1", "title": "Talks", "description": "One"}
    feed = Feed("https://a.example/rss")
    first = parse_feed(rss([item]), feed, feed.url).entries[0]
    again = parse_feed(rss([item]), feed, feed.url).entries[0]
    changed = parse_feed(rss([{**item, "title": "Talks end"}]), feed, feed.url).entries[0]
    assert first.fingerprint == again.fingerprint != changed.fingerprint


def test_feeds_outlet_and_language_given_by_the_feeds_file():
    feed = Feed("https://a.example/rss", outlet="A Post", language="en")
    entry = parse_feed(rss([{"link": "https://a.example/1"}]), feed, feed.url).entries[0]
    assert (entry.meta.outlet, entry.meta.language) == ("A Post", "en")


def test_feeds_html_is_not_a_feed():
    assert not looks_like_feed(b"<!doctype html><html>", "text/html")
    assert looks_like_feed(b"<?xml version='1.0'?><rss>", "")
    with pytest.raises(NotAFeed):
        parse_feed(b"just words", Feed("https://a.example/x"), "https://a.example/x")
