"""One round over feeds and web pages: what is new is fetched and handed on as Documents;
what the database already holds is not fetched again.

A feed item is skipped when its URL is stored and the item is unchanged, or when the same item
(by fingerprint) was fetched under another URL. A changed item is fetched again conditionally
(ETag / Last-Modified); so is a feed. Validators are remembered only once what they cover is
stored: a page's after its article, a feed's after all of its new items, so a failure or an
interrupted round is tried again next time rather than hidden behind a 304.
"""

from collections.abc import Iterator
from dataclasses import dataclass, field, replace

from sqlalchemy.engine import Engine

from app.ingest.discovery import Failure
from app.ingest.sources.document import Document, Metadata, Skipped
from app.ingest.sources.feeds import Entry, Feed, NotAFeed, looks_like_feed, parse_feed
from app.ingest.sources.fetch import Fetcher, FetchError, Response
from app.ingest.sources.html import decode_html, read_html
from app.ingest.web_state import (
    State,
    fetch_states,
    known_fingerprints,
    save_states,
    stored_urls,
)

FEED_MAX_BYTES = 20_000_000  # a feed lists many articles: a larger cap than one article's


@dataclass
class WebRound:
    """The items of one round, and the bookkeeping that decides which validators to keep."""

    engine: Engine
    fetcher: Fetcher
    pending: dict[str, State] = field(default_factory=dict)  # page states awaiting storage
    feeds: dict[str, tuple[State, list[str]]] = field(default_factory=dict)
    settled: dict[str, str] = field(default_factory=dict)  # source -> status

    def items(self, targets: list[Feed]) -> Iterator[Document | Failure | Skipped]:
        """Documents to extract, in order, from feeds and page URLs."""
        for target in targets:
            yield from self._target(target)

    def settle(self, source: str, status: str) -> None:
        """Called with each item's outcome: a stored page's validators are kept."""
        self.settled[source] = status
        state = self.pending.pop(source, None)
        if state is not None and status != "failed":
            save_states(self.engine, [state])

    def finish(self) -> None:
        """Keep the validators of every feed whose new items were all stored."""
        done = [
            state
            for state, sources in self.feeds.values()
            if all(self.settled.get(s, "failed") != "failed" for s in sources)
        ]
        save_states(self.engine, done)

    def _target(self, target: Feed) -> Iterator[Document | Failure | Skipped]:
        known = fetch_states(self.engine, [target.url]).get(target.url)
        try:
            response = self.fetcher.get(
                target.url,
                known.etag if known else None,
                known.last_modified if known else None,
                max_bytes=FEED_MAX_BYTES,
            )
        except FetchError as error:
            yield Failure(target.url, str(error))
            return
        if response.status == 304:  # an unchanged feed, or a page stored before
            if stored_urls(self.engine, [target.url]):
                yield Skipped(target.url)
            return
        if not looks_like_feed(response.body, response.media_type):
            limit = self.fetcher.policy.max_bytes  # fetched under the feeds' larger cap
            if len(response.body) > limit:
                yield Failure(target.url, f"too large (the limit is {limit / 1e6:.1f} MB)")
                return
            self.pending[target.url] = State(target.url, response.etag, response.last_modified)
            given = Metadata(outlet=target.outlet, language=target.language)
            yield from self._page(target.url, response, given, Metadata())
            return
        try:
            parsed = parse_feed(response.body, target, response.url)
        except NotAFeed as error:
            yield Failure(target.url, str(error))
            return
        yield from parsed.broken
        state = State(target.url, response.etag, response.last_modified)
        sources = [entry.link for entry in parsed.entries]
        self.feeds[target.url] = (state, sources)
        fallback = Metadata(outlet=parsed.title)
        yield from self._entries(parsed.entries, fallback)

    def _entries(
        self, entries: list[Entry], fallback: Metadata
    ) -> Iterator[Document | Failure | Skipped]:
        links = [entry.link for entry in entries]
        stored = stored_urls(self.engine, links)
        states = fetch_states(self.engine, links)
        fetched = known_fingerprints(self.engine, [entry.fingerprint for entry in entries])
        for entry in entries:
            state = states.get(entry.link)
            if entry.link in stored:
                if state is None or state.fingerprint in (None, entry.fingerprint):
                    yield Skipped(entry.link)
                    continue
            elif entry.fingerprint in fetched:
                yield Skipped(entry.link)
                continue
            validators = state if entry.link in stored else None
            yield from self._fetch_entry(entry, validators, fallback)

    def _fetch_entry(
        self, entry: Entry, known: State | None, fallback: Metadata
    ) -> Iterator[Document | Failure | Skipped]:
        try:
            response = self.fetcher.get(
                entry.link, known.etag if known else None, known.last_modified if known else None
            )
        except FetchError as error:
            yield Failure(entry.link, str(error))
            return
        state = State(entry.link, response.etag, response.last_modified, entry.fingerprint)
        if response.status == 304:
            save_states(self.engine, [state])
            yield Skipped(entry.link)
            return
        self.pending[entry.link] = state
        yield from self._page(entry.link, response, entry.meta, fallback)

    def _page(
        self, source: str, response: Response, given: Metadata, fallback: Metadata
    ) -> Iterator[Document | Failure]:
        """A fetched page as a Document: the metadata given beats the page's own, which beats
        the `fallback` (the feed's title as the outlet)."""
        if "html" not in response.media_type and response.media_type not in ("", "text/plain"):
            yield Failure(source, f"not a web page ({response.media_type})")
            return
        text = decode_html(response.body, response.charset)
        if "html" in response.media_type or "<html" in text[:2048].lower():
            text, found = read_html(text, response.url)
        else:
            found = Metadata()
        if not text.strip():
            yield Failure(source, "no article text on the page")
            return
        # The page's canonical URL is the one to link to; the item's link may be a redirect.
        url = found.url or given.url or response.url
        yield Document(source, text, replace(given.over(found).over(fallback), url=url))
