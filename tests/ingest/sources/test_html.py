"""HTML pages: the article kept, the site furniture dropped, the page's metadata read."""

from datetime import date
from pathlib import Path

import pytest

from app.ingest.sources.html import decode_html, read_html

PAGES = Path(__file__).resolve().parents[2] / "fixtures" / "ingest" / "pages"
EXAMPLES = Path(__file__).resolve().parents[3] / "examples"
CLUTTER = [
    "Notify of",
    "Inline Feedbacks",
    "View all comments",
    "Share this",
    "Facebook",
    "Related",
    "Recent Posts",
    "Newsletter",
    "Sign up",
    "Advertisement",
    "Most read",
    "cookies",
    "Leave a Reply",
    "Powered by",
    "Subscribe",
    "Listen to this article",
    "said...",
    "All rights reserved",
    "Previous:",
    "Tagged",
    "Labels:",
]


def paragraphs(text: str) -> list[str]:
    return [" ".join(p.split()) for p in text.split("\n\n") if p.strip()]


def html_of(name: str) -> str:
    path = PAGES / f"{name}.html"
    return (path if path.exists() else EXAMPLES / f"{name}.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("name", sorted(p.name.split(".")[0] for p in PAGES.glob("*.article.txt")))
def test_html_keeps_the_article_and_drops_the_furniture(name):
    expected = paragraphs((PAGES / f"{name}.article.txt").read_text(encoding="utf-8"))
    text, _ = read_html(html_of(name))
    got = paragraphs(text)
    assert got[0] == expected[0]  # the headline first
    assert all(p in got for p in expected), [p for p in expected if p not in got]
    for clutter in CLUTTER:
        assert clutter not in text, clutter


@pytest.mark.parametrize(
    "name, outlet, published, author, url",
    [
        (
            "wordpress_comments",
            "The Meridian Observer",
            date(2025, 2, 11),
            "Ilze Kalnina",
            "https://meridian-observer.example/2025/02/11/baltic-coast-guard/",
        ),
        (
            "jsonld_newsroom",
            "Continental Courier",
            date(2025, 3, 26),
            "Priya Raman",
            "https://www.continental-courier.example/world/asia/mekong-water-deal-2025",
        ),
        ("agency_wire", "Levant Wire", date(2025, 3, 4), None, None),  # "Headline - Site"
        ("05_iran_vienna_round", "Danube Ledger", date(2025, 5, 7), "Tomas Eder", None),
    ],
)
def test_html_metadata_read_from_the_page(name, outlet, published, author, url):
    _, meta = read_html(html_of(name))
    assert (meta.outlet, meta.published, meta.author, meta.url) == (outlet, published, author, url)


def test_html_site_name_from_the_host_only_when_the_page_gives_none():
    _, named = read_html(html_of("agency_wire"), url="http://wire.example/a/1")
    assert named.outlet == "Levant Wire"
    bare = "<html><body><article><h1>Talks</h1><p>" + "Words said here. " * 40 + "</p></article>"
    _, unnamed = read_html(bare + "</body></html>", url="http://wire.example/a/1")
    assert (unnamed.outlet, unnamed.url) == ("wire.example", "http://wire.example/a/1")


def test_html_tiny_page_falls_back_to_the_plain_reduction():
    html = "<html><head><title>Talks</title></head><body><p>“We will talk,” Berg said.</p>"
    text, meta = read_html(html + "<script>var x</script></body></html>")
    assert text == "Talks\n\n“We will talk,” Berg said.\n"
    assert meta.title == "Talks"


def test_decode_html_follows_the_declared_charset():
    page = "<p>“Café”, she said.</p>"
    assert decode_html(page.encode("cp1252"), "windows-1252") == page
    assert decode_html(page.encode("cp1252"), "ISO-8859-1") == page  # read as its superset
    meta = f"<meta charset='koi8-r'><p>{'Москва'}</p>"
    assert "Москва" in decode_html(meta.encode("koi8-r"))
    assert decode_html(page.encode("cp1252"), "no-such-charset") == page  # sniffed instead
    assert decode_html("\ufeffplain".encode()) == "plain"
