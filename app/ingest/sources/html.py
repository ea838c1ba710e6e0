"""An HTML page to article text and metadata, through trafilatura.

trafilatura finds the article among the page furniture (menus, share buttons, comment widgets,
related links, newsletter boxes) and reads the metadata pages carry: title, publication date
(htmldate), site name, author and canonical URL (meta tags, JSON-LD). On the pages under
tests/fixtures/ingest/pages it keeps every article paragraph the old hand-written reduction
kept, and more, with far less clutter (`python -m bench.html_extraction`). A page too small
for trafilatura to judge falls back to that reduction (app/ingest/files.py:html_to_text).
"""

import datetime
import html as entities
import logging
import re
from urllib.parse import urlsplit

import trafilatura

from app.ingest.files import clean_text, decode_bytes, html_to_text
from app.ingest.sources.document import Metadata

# trafilatura reports pages it cannot parse through logging; the pipeline reports them itself.
logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
logging.getLogger("htmldate").setLevel(logging.CRITICAL)

# Dates from the page's markup (meta tags, <time>, JSON-LD, the URL), not guessed from its
# prose: the extractor reads "Published 7 May 2025" lines itself, and a date merely mentioned
# in the story is not when it was published.
DATE_PARAMS = {"extensive_search": False, "original_date": True}
TITLE_TAG = re.compile(r"<title[^>]*>(.*?)</title>", re.IGNORECASE | re.DOTALL)
TITLE_SEPARATORS = re.compile(r" (?:[|–—-]|::) ")  # in a title whose spaces are squashed
SITE_NAME_WORDS = 6
CHARSET_META = re.compile(r"""<meta[^>]+charset\s*=\s*["']?([\w.:-]+)""", re.IGNORECASE)


def read_html(html: str, url: str | None = None) -> tuple[str, Metadata]:
    """The article's text (title, then paragraphs, blank-line separated) and its metadata."""
    found = trafilatura.bare_extraction(
        html,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        favor_precision=True,
        date_extraction_params=DATE_PARAMS,
    )
    if not isinstance(found, trafilatura.settings.Document) or not (found.text or "").strip():
        return html_to_text(html), _site_metadata(html, url)
    title = _squash(found.title or "")
    paragraphs = [_squash(line) for line in (found.text or "").splitlines()]
    paragraphs = [p for p in paragraphs if p]
    if title and (not paragraphs or paragraphs[0] != title):
        paragraphs.insert(0, title)
    meta = Metadata(
        title=title or None,
        url=found.url or url,
        outlet=_site_name(found.sitename, found.url or url, html, title),
        published=_date(found.date),
        author=found.author,
    )
    return clean_text("\n\n".join(paragraphs) + "\n"), meta


def decode_html(body: bytes, declared: str | None = None) -> str:
    """A page's text: in the charset its server declared, else the one its <meta> declares,
    else as article files are decoded (UTF-8, then cp1252 and friends)."""
    # Latin-1 maps every byte to a character: the ASCII <meta> is found whatever the charset.
    sniffed = CHARSET_META.search(body[:4096].decode("latin-1"))
    for charset in (declared, sniffed[1] if sniffed else None):
        if not charset:
            continue
        try:
            text = body.decode(_python_charset(charset), errors="replace")
        except LookupError:  # a charset Python does not know
            continue
        return clean_text(text.removeprefix("\ufeff"))
    return decode_bytes(body)


def _python_charset(name: str) -> str:
    # WHATWG: pages labelled Latin-1 are decoded as windows-1252, its superset.
    name = name.strip().lower()
    return "cp1252" if name in ("iso-8859-1", "latin1", "latin-1", "us-ascii", "ascii") else name


def _site_metadata(html: str, url: str | None) -> Metadata:
    """What trafilatura reads of a page whose article it could not find."""
    found = trafilatura.extract_metadata(html, default_url=url, date_config=DATE_PARAMS)
    title = _squash(found.title or "")
    return Metadata(
        title=title or None,
        url=found.url or url,
        outlet=_site_name(found.sitename, found.url or url, html, title),
        published=_date(found.date),
        author=found.author,
    )


def _site_name(found: str | None, url: str | None, html: str, title: str) -> str | None:
    """The site's name as the page gives it; trafilatura falls back on the URL's host name,
    which the name in the <title> beats."""
    from_host = found and url and found.lower() in urlsplit(url).netloc.lower()
    if found and not from_host:
        return found
    return _site_from_title(html, title) or found


def _site_from_title(html: str, title: str) -> str | None:
    """The site's name from a <title> such as "Headline | Danube Ledger": the short part
    beside the headline (trafilatura only takes parts that look like domain names)."""
    match = TITLE_TAG.search(html[:65536])
    if not match or not title:
        return None
    parts = [p for p in TITLE_SEPARATORS.split(_squash(entities.unescape(match[1]))) if p]
    if len(parts) < 2:
        return None
    key = title.casefold()
    if parts[0].casefold() == key:
        site = parts[-1]
    elif parts[-1].casefold() == key:
        site = parts[0]
    else:
        return None
    return site if len(site.split()) <= SITE_NAME_WORDS else None


def _date(value: str | None) -> datetime.date | None:
    if not value:
        return None
    try:
        return datetime.date.fromisoformat(value[:10])
    except ValueError:
        return None


def _squash(text: str) -> str:
    return " ".join(text.split())
