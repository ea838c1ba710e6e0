"""Rendered pages remembered per process until the data changes, with ETags.

The site is read-only to visitors and the data changes only when articles are imported, so a
page asked for again (a popular speaker, the home page, a shared search link) can be sent from
memory. Entries are keyed on the request (path, query, the htmx headers the page depends on,
the cookies) and on the database generation from `app.queries.cache`, so an import makes every
older entry unreachable. Every cacheable answer also carries an ETag; a browser that sends it
back gets a 304 without the page being rebuilt.

Pages are kept gzipped (a 45 KB page is 9 KB; level 1 takes 0.1-0.3 ms): a process holds its
256 pages in about 2 MB instead of 10, and browsers, which all accept gzip, are sent the
compressed bytes as they are. Other clients get them unzipped (0.05 ms); the pages asked most
recently are also kept unzipped for them, so a popular page is not unzipped at every request.
Compressing pages that echo the reader's search words is safe here because no page holds a
secret (no session or CSRF token), which is what BREACH-style attacks read out.
"""

import asyncio
import contextlib
import hashlib
import sqlite3
import threading
import zlib
from collections import OrderedDict
from pathlib import Path
from time import monotonic
from typing import TYPE_CHECKING

from anyio import to_thread
from sqlmodel import Session
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.db import postgres_conninfo
from app.queries.cache import generation, generation_sql

if TYPE_CHECKING:
    import psycopg  # imported when a PostgreSQL database is served: SQLite sites do without

# Headers a page's content depends on besides the URL (see app.web.templating.wants_fragment).
# The host is one of them: pages hold absolute URLs built from it (see app.web.hosts).
KEY_HEADERS = (b"host", b"hx-request", b"hx-history-restore-request", b"hx-boosted", b"cookie")
# Set by app.web.templating.render on pages to keep only briefly; never sent to the client.
TTL_HEADER = b"x-page-cache-ttl"
SKIP_PREFIXES = ("/static/", "/docs", "/redoc", "/openapi.json")
GZIP_LEVEL = 1  # the fastest: level 6 makes pages 12 % smaller at three times the cost
_GZIP_WBITS = 31  # zlib's gzip framing (header and CRC), as Content-Encoding: gzip wants
UNZIPPED_KEPT = 16  # pages also kept unzipped, for clients without gzip: at most 1 MB or so
RECONNECT_S = 5.0  # after the page cache's PostgreSQL connection failed
# The generation read for a request, left in its scope state for its session (web/deps.py).
GENERATION = "data_generation"


class PageCache:
    """ASGI middleware: GET answers of up to `max_bytes`, the `max_entries` most recent, at
    most `max_total_bytes` in all."""

    def __init__(
        self,
        app: ASGIApp,
        max_entries: int = 256,
        max_bytes: int = 512_000,
        max_total_bytes: int = 32_000_000,
    ):
        self.app = app
        self.max_entries = max_entries
        self.max_bytes = max_bytes
        self.max_total_bytes = max_total_bytes  # keeps each server process's memory bounded
        self._total = 0
        self._entries: OrderedDict[tuple, tuple[int, list, bytes, float]] = OrderedDict()
        self._unzipped: OrderedDict[tuple, bytes] = OrderedDict()  # the last few sent plain
        self._lock = threading.Lock()
        # Pages being built right now, per key (this process's event loop only).
        self._pending: dict[tuple, asyncio.Event] = {}
        self._watcher = _DataVersion()
        self._postgres = _PostgresGeneration()
        self._known: tuple[int, tuple] | None = None  # (data_version, generation) last read

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "lifespan":
            await self.app(scope, self._closing(receive), send)
            return
        if not self._cacheable(scope):
            await self.app(scope, receive, send)
            return
        gen = await self._current_generation(scope["app"].state.engine)
        scope.setdefault("state", {})[GENERATION] = gen  # for the request's session (deps.py)
        key = self._key(scope, gen)
        digest = hashlib.blake2b(repr(key).encode(), digest_size=12).hexdigest()
        etag = f'W/"{digest}"'.encode()
        hit = self._lookup(key)
        pending = self._pending.get(key) if hit is None else None
        if pending is not None:
            # The same page is being built for another request: wait for it, not beside it.
            await pending.wait()
            hit = self._lookup(key)
        if hit is not None:
            if not hit[3] and _header(scope, b"if-none-match") == etag:
                await _send(send, 304, [(b"etag", etag), VARY_ENCODING], b"")
            elif _accepts_gzip(scope):
                await _send(send, hit[0], [*hit[1], GZIP_ENCODING], hit[2])
            else:
                await _send(send, hit[0], hit[1], self._unzip(key, hit[2]))
            return
        event = self._pending.setdefault(key, asyncio.Event())
        try:
            await self._fill(scope, receive, send, key, etag)
        finally:
            if self._pending.get(key) is event:
                del self._pending[key]
            event.set()

    def _closing(self, receive: Receive) -> Receive:
        """`receive`, closing this cache's own connection when the server shuts down."""

        async def wrapped() -> Message:
            message = await receive()
            if message["type"] == "lifespan.shutdown":
                await self._postgres.close()
            return message

        return wrapped

    async def _current_generation(self, engine) -> tuple:
        """The data generation; on SQLite re-read (in a thread) only when `PRAGMA data_version`
        on a watching connection says another connection has committed since, so a cached page
        is sent without leaving the event loop."""
        version = self._watcher.version(engine)
        if version is not None and self._known is not None and self._known[0] == version:
            return self._known[1]
        if version is None:
            gen = await self._postgres.read(engine)
            if gen is not None:
                return gen
        gen = await to_thread.run_sync(_generation, engine)
        self._known = (version, gen) if version is not None else None
        return gen

    def _lookup(self, key: tuple) -> tuple[int, list, bytes, float] | None:
        now = monotonic()
        with self._lock:
            hit = self._entries.get(key)
            if hit is not None and hit[3] and hit[3] <= now:
                self._total -= len(self._entries.pop(key)[2])  # kept a while only: expired
                self._unzipped.pop(key, None)
                hit = None
            if hit is not None:
                self._entries.move_to_end(key)
        return hit

    def _unzip(self, key: tuple, zipped: bytes) -> bytes:
        """The page unzipped, from the few kept so when it is one of them."""
        with self._lock:
            body = self._unzipped.get(key)
            if body is not None:
                self._unzipped.move_to_end(key)
                return body
        body = zlib.decompress(zipped, _GZIP_WBITS)
        self._keep_unzipped(key, body)
        return body

    def _keep_unzipped(self, key: tuple, body: bytes) -> None:
        with self._lock:
            self._unzipped[key] = body
            self._unzipped.move_to_end(key)
            while len(self._unzipped) > UNZIPPED_KEPT:
                self._unzipped.popitem(last=False)

    def _cacheable(self, scope: Scope) -> bool:
        path = scope.get("path", "")
        return (
            self.max_entries > 0
            and scope["type"] == "http"
            and scope["method"] == "GET"
            and not path.startswith(SKIP_PREFIXES)
            and not path.endswith(".csv")
        )

    @staticmethod
    def _key(scope: Scope, gen: tuple) -> tuple:
        headers = tuple(_header(scope, name) for name in KEY_HEADERS)
        scheme = scope.get("scheme", "http")
        return (scheme, scope["path"], scope.get("query_string", b""), headers, gen)

    async def _fill(
        self, scope: Scope, receive: Receive, send: Send, key: tuple, etag: bytes
    ) -> None:
        """Pass the request on, keeping a gzipped copy of a complete, small 200 that sets no
        cookie; a page marked with a TTL header (counts skipped) is kept only that long,
        without ETag. A page sent in one piece goes out gzipped too when the client takes it."""
        start: Message | None = None
        body: list[bytes] = []
        size, keep, expires, streamed = 0, True, 0.0, False
        gzip_ok = _accepts_gzip(scope)

        async def capture(message: Message) -> None:
            nonlocal start, size, keep, expires, streamed
            if message["type"] == "http.response.start":
                headers = [(k, v) for k, v in message.get("headers", []) if k.lower() != TTL_HEADER]
                ttl = _ttl(message.get("headers", []))
                keep = message["status"] == 200 and not any(
                    name.lower() in (b"set-cookie", b"content-encoding") for name, _ in headers
                )
                if keep and ttl:
                    expires = monotonic() + ttl
                elif keep:
                    headers.append((b"etag", etag))
                if keep:
                    headers = _with_vary_encoding(headers)
                start = {**message, "headers": headers}
                return  # sent with the first piece of the body, once its encoding is known
            if message["type"] != "http.response.body" or start is None:
                await send(message)
                return
            piece, more = message.get("body", b""), message.get("more_body", False)
            if keep and not more and not streamed:
                await self._send_whole(send, key, start, piece, expires, gzip_ok)
                return
            if not streamed:  # a body in pieces: sent as it comes, never gzipped
                streamed = True
                await send(start)
            size += len(piece)
            keep = keep and size <= self.max_bytes
            if keep:
                body.append(piece)
                if not more:
                    self._store(key, start, _gzip(b"".join(body)), expires)
            await send(message)

        await self.app(scope, receive, capture)

    async def _send_whole(
        self, send: Send, key: tuple, start: Message, body: bytes, expires: float, gzip_ok: bool
    ) -> None:
        """A page in one piece: kept gzipped if small enough, and sent as the client takes it."""
        zipped = _gzip(body) if len(body) <= self.max_bytes or gzip_ok else b""
        if len(body) <= self.max_bytes:
            self._store(key, start, zipped, expires)
        if gzip_ok:
            await _send(send, start["status"], [*start["headers"], GZIP_ENCODING], zipped)
            return
        if len(body) <= self.max_bytes:
            self._keep_unzipped(key, body)
        await _send(send, start["status"], start["headers"], body)

    def _store(self, key: tuple, start: Message | None, body: bytes, expires: float) -> None:
        if start is None:
            return
        with self._lock:
            self._unzipped.pop(key, None)  # a page stored again replaces its unzipped copy
            if key in self._entries:
                self._total -= len(self._entries.pop(key)[2])
            self._entries[key] = (start["status"], start["headers"], body, expires)
            self._total += len(body)
            while self._entries and (
                len(self._entries) > self.max_entries or self._total > self.max_total_bytes
            ):
                self._total -= len(self._entries.popitem(last=False)[1][2])


GZIP_ENCODING = (b"content-encoding", b"gzip")
VARY_ENCODING = (b"vary", b"Accept-Encoding")


def _gzip(body: bytes) -> bytes:
    packer = zlib.compressobj(GZIP_LEVEL, zlib.DEFLATED, _GZIP_WBITS)
    return packer.compress(body) + packer.flush()


def _accepts_gzip(scope: Scope) -> bool:
    """The client named gzip in Accept-Encoding and did not refuse it with q=0."""
    accepted = (_header(scope, b"accept-encoding") or b"").decode("latin-1").lower()
    for part in accepted.split(","):
        coding, _, params = part.partition(";")
        if coding.strip() in ("gzip", "*"):
            q = params.strip().removeprefix("q=").strip()
            return not q or _positive(q)
    return False


def _positive(q: str) -> bool:
    try:
        return float(q) > 0
    except ValueError:
        return True


def _with_vary_encoding(headers: list) -> list:
    """The answer's Vary with Accept-Encoding added: a cached copy may go out gzipped."""
    vary = [value for name, value in headers if name.lower() == b"vary"]
    rest = [(name, value) for name, value in headers if name.lower() != b"vary"]
    names = b", ".join([*vary, b"Accept-Encoding"]) if vary else b"Accept-Encoding"
    return [*rest, (b"vary", names)]


def _ttl(headers: list) -> float | None:
    for name, value in headers:
        if name.lower() == TTL_HEADER:
            return float(value)
    return None


class _DataVersion:
    """SQLite's change counter, read on a connection of its own in the event loop's thread.

    `PRAGMA data_version` changes whenever another connection commits; it reads shared memory,
    no table. None for PostgreSQL and in-memory databases: the generation is read each time.
    """

    def __init__(self) -> None:
        self._connection: sqlite3.Connection | None = None
        self._engine = None

    def version(self, engine) -> int | None:
        if engine.dialect.name != "sqlite" or engine.url.database in (None, "", ":memory:"):
            return None
        try:
            if self._connection is None or self._engine is not engine:
                path = Path(engine.url.database).resolve()
                self._connection = sqlite3.connect(
                    f"{path.as_uri()}?mode=ro", uri=True, check_same_thread=False
                )
                self._engine = engine
            return self._connection.execute("PRAGMA data_version").fetchone()[0]
        except sqlite3.Error:
            self._connection = None  # e.g. the file is not there yet: read the generation
            return None


class _PostgresGeneration:
    """The generation read on PostgreSQL on a connection of its own, asynchronously in the
    event loop: a cache hit costs one round trip, not a thread hop, a pooled session and a
    transaction (cache hits went at 175-580 pages/s, a tenth of SQLite's). None elsewhere,
    and while the connection cannot be had: the caller then reads through a session."""

    def __init__(self) -> None:
        self._connection: psycopg.AsyncConnection | None = None
        self._engine = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._lock = asyncio.Lock()
        self._statement = ("", "")
        self._retry_at = 0.0

    async def read(self, engine) -> tuple | None:
        if engine.dialect.name != "postgresql" or engine.dialect.driver != "psycopg":
            return None
        import psycopg

        try:
            connection = await self._connect(engine)
            if connection is None:
                return None
            cursor = await connection.execute(self._statement[0])
            row = await cursor.fetchone()
        except psycopg.Error:
            await self.close()
            self._retry_at = monotonic() + RECONNECT_S
            return None
        return (self._statement[1], *row) if row is not None else None

    async def _connect(self, engine) -> "psycopg.AsyncConnection | None":
        loop = asyncio.get_running_loop()
        if self._loop is not loop:  # tests run several event loops, a server one
            if self._connection is not None:
                self._connection.pgconn.finish()
                self._connection = None
            self._loop, self._lock = loop, asyncio.Lock()
        async with self._lock:  # requests arriving together make one connection
            connection = self._connection
            if connection is not None and self._engine is engine and not connection.closed:
                return connection
            await self.close()
            if monotonic() < self._retry_at:
                return None
            import psycopg

            self._connection = await psycopg.AsyncConnection.connect(
                postgres_conninfo(engine), autocommit=True, connect_timeout=10,
                application_name="diplomat page cache",
            )  # fmt: skip
            self._engine = engine
            self._statement = generation_sql(engine)
            return self._connection

    async def close(self) -> None:
        import psycopg

        if self._connection is not None:
            connection, self._connection = self._connection, None
            with contextlib.suppress(psycopg.Error):
                await connection.close()


def _generation(engine) -> tuple:
    with Session(engine) as session:
        return generation(session)


def _header(scope: Scope, name: bytes) -> bytes | None:
    for key, value in scope.get("headers", []):
        if key.lower() == name:
            return value
    return None


async def _send(send: Send, status: int, headers: list, body: bytes) -> None:
    headers = [(k, v) for k, v in headers if k.lower() != b"content-length"]
    headers.append((b"content-length", str(len(body)).encode()))
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})
