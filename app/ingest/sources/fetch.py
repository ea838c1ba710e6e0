"""Fetching feeds and pages politely: a descriptive User-Agent, robots.txt respected, one
request at a time per host with a delay between them, timeouts, a size cap, retries with
back-off on temporary failures, conditional requests (ETag / Last-Modified), and redirects
followed by hand so each hop is checked against robots.txt and loops are caught."""

import time
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

import httpx

from app.ingest.sources.robots import Robots, parse_robots

USER_AGENT = "diplomat/0.1 (news quote indexer; robots.txt respected)"
REDIRECTS = (301, 302, 303, 307, 308)
RETRY_STATUSES = (429, 500, 502, 503, 504)
ROBOTS_MAX_BYTES = 512_000  # RFC 9309: crawlers may ignore rules past 500 KiB


class FetchError(Exception):
    """A fetch that failed for good; the message is the one-line reason."""


@dataclass(frozen=True)
class Policy:
    user_agent: str = USER_AGENT
    timeout_s: float = 20.0  # for connecting, for each read, and for a whole response
    max_bytes: int = 5_000_000
    retries: int = 2  # further attempts after a timeout, a dropped connection, a 429 or 5xx
    backoff_s: float = 1.0  # wait before retry n: backoff_s * 2**n (or the server's Retry-After)
    delay_s: float = 1.0  # between requests to one host (robots.txt Crawl-delay if longer)
    max_redirects: int = 5
    max_wait_s: float = 60.0  # longest Retry-After or Crawl-delay honoured
    proxies_from_env: bool = True  # HTTP(S)_PROXY, NO_PROXY


@dataclass(frozen=True)
class Response:
    url: str  # after redirects
    status: int  # 2xx, or 304 when a conditional request found nothing new
    body: bytes
    media_type: str  # "text/html", "application/rss+xml" …
    charset: str | None
    etag: str | None
    last_modified: str | None


class Fetcher:
    """One HTTP client for a round of fetching; remembers robots.txt and when it last asked
    each host."""

    def __init__(
        self,
        policy: Policy = Policy(),
        transport: httpx.BaseTransport | None = None,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ):
        self.policy = policy
        self.clock, self.sleep = clock, sleep
        self.client = httpx.Client(
            headers={"User-Agent": policy.user_agent},
            timeout=httpx.Timeout(policy.timeout_s),
            follow_redirects=False,
            trust_env=policy.proxies_from_env,
            transport=transport,
        )
        self.robots: dict[str, Robots] = {}
        self.last_request: dict[str, float] = {}

    def __enter__(self) -> "Fetcher":
        return self

    def __exit__(self, *exc: object) -> None:
        self.client.close()

    def get(
        self,
        url: str,
        etag: str | None = None,
        last_modified: str | None = None,
        max_bytes: int | None = None,
    ) -> Response:
        """The page at `url`; a conditional request when validators are given (304: nothing
        new). Raises FetchError with the reason when it cannot be had."""
        headers = {"Accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        seen = {url}
        for _hop in range(self.policy.max_redirects + 1):
            self._check_robots(url)
            status, head, body = self._request(url, headers, max_bytes or self.policy.max_bytes)
            if status not in REDIRECTS:
                return self._response(url, status, head, body)
            url = self._redirect_target(url, head)
            if url in seen:
                raise FetchError(f"redirect loop (back to {url})")
            seen.add(url)
        raise FetchError(f"more than {self.policy.max_redirects} redirects")

    def _response(self, url: str, status: int, head: httpx.Headers, body: bytes) -> Response:
        if status != 304 and not 200 <= status < 300:
            raise FetchError(f"HTTP {status} {httpx.codes.get_reason_phrase(status)}".strip())
        media_type, _, params = head.get("content-type", "").partition(";")
        charset = None
        for param in params.split(";"):
            name, _, value = param.partition("=")
            if name.strip().lower() == "charset":
                charset = value.strip().strip("\"'") or None
        return Response(
            url,
            status,
            body,
            media_type.strip().lower(),
            charset,
            head.get("etag"),
            head.get("last-modified"),
        )

    @staticmethod
    def _redirect_target(url: str, head: httpx.Headers) -> str:
        location = head.get("location")
        if not location:
            raise FetchError("redirect without a Location")
        target = urljoin(url, location).partition("#")[0]
        if urlsplit(target).scheme not in ("http", "https"):
            raise FetchError(f"redirect to a non-web address ({target[:80]})")
        return target

    def _check_robots(self, url: str) -> None:
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}"
        if origin not in self.robots:
            self.robots[origin] = self._load_robots(origin)
        robots = self.robots[origin]
        if not robots.allows(url):
            raise FetchError(f"not fetched: {robots.why_not}")

    def _load_robots(self, origin: str) -> Robots:
        """An origin's robots.txt (RFC 9309): missing (4xx) allows everything; unreachable
        (5xx, network) allows nothing until the next round."""
        url = f"{origin}/robots.txt"
        try:
            for _hop in range(self.policy.max_redirects + 1):
                status, head, body = self._request(url, {}, ROBOTS_MAX_BYTES, truncate=True)
                if status not in REDIRECTS:
                    break
                url = self._redirect_target(url, head)
        except FetchError as error:
            return Robots.nothing(f"robots.txt could not be read ({error})")
        if 200 <= status < 300:
            return parse_robots(body.decode("utf-8", errors="replace"))
        if 400 <= status < 500:
            return Robots.everything()
        return Robots.nothing(f"robots.txt could not be read (HTTP {status})")

    def _request(
        self, url: str, headers: dict[str, str], max_bytes: int, truncate: bool = False
    ) -> tuple[int, httpx.Headers, bytes]:
        """One GET, retried with back-off on timeouts, dropped connections, 429 and 5xx."""
        policy = self.policy
        for attempt in range(policy.retries + 1):
            self._wait_turn(url)
            try:
                status, head, body = self._once(url, headers, max_bytes, truncate)
            except httpx.TimeoutException:
                reason = f"timed out after {policy.timeout_s:g} s"
            except httpx.TransportError as error:
                reason = f"connection failed ({type(error).__name__}: {error})"
            else:
                if status not in RETRY_STATUSES or attempt == policy.retries:
                    return status, head, body
                reason = f"HTTP {status}"
                wait = _retry_after(head)
                if wait is not None and wait > policy.max_wait_s:
                    raise FetchError(f"HTTP {status}, retry after {wait:g} s: too long to wait")
                if wait is not None:
                    self.sleep(wait)
                    continue
            if attempt < policy.retries:
                self.sleep(policy.backoff_s * 2**attempt)
        raise FetchError(f"{reason} ({policy.retries + 1} attempts)")

    def _once(
        self, url: str, headers: dict[str, str], max_bytes: int, truncate: bool
    ) -> tuple[int, httpx.Headers, bytes]:
        deadline = self.clock() + self.policy.timeout_s
        host = urlsplit(url).netloc
        try:
            with self.client.stream("GET", url, headers=headers) as response:
                if not 200 <= response.status_code < 300:
                    return response.status_code, response.headers, b""
                declared = response.headers.get("content-length", "")
                if declared.isdigit() and int(declared) > max_bytes and not truncate:
                    raise FetchError(_too_large(int(declared), max_bytes))
                body = bytearray()
                for chunk in response.iter_bytes():
                    body += chunk
                    if len(body) > max_bytes:
                        if truncate:
                            break
                        # All we know is that it passes the limit: how far past depends on
                        # how the network cut the chunks, so the message says the limit.
                        raise FetchError(_too_large(max_bytes, max_bytes, at_least=True))
                    if self.clock() > deadline:
                        raise FetchError(f"too slow: not received in {self.policy.timeout_s:g} s")
                return response.status_code, response.headers, bytes(body[:max_bytes])
        finally:
            self.last_request[host] = self.clock()

    def _wait_turn(self, url: str) -> None:
        """Sleep until this host may be asked again."""
        parts = urlsplit(url)
        host = parts.netloc
        if host not in self.last_request:
            return
        delay = self.policy.delay_s
        robots = self.robots.get(f"{parts.scheme}://{host}")
        if robots is not None and robots.crawl_delay is not None:
            delay = max(delay, min(robots.crawl_delay, self.policy.max_wait_s))
        wait = self.last_request[host] + delay - self.clock()
        if wait > 0:
            self.sleep(wait)


def _retry_after(head: httpx.Headers) -> float | None:
    value = head.get("retry-after", "").strip()
    return float(value) if value.isdigit() else None


def _too_large(size: int, limit: int, at_least: bool = False) -> str:
    more = "over " if at_least else ""
    return f"too large ({more}{size / 1e6:.1f} MB; the limit is {limit / 1e6:.1f} MB)"
