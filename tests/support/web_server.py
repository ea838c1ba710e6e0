"""A local HTTP server for the fetching tests: routes set per test (status, headers, body, a
delay, ETag support), every request recorded. It listens on 127.0.0.1 only; no test reaches
outside the machine."""

import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Route:
    body: bytes = b""
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    delay_s: float = 0.0  # before the response starts (a slow host)
    etag: str | None = None  # answer 304 to If-None-Match with this tag
    failures: list[int] = field(default_factory=list)  # statuses answered first, one a request
    chunks: Iterator[bytes] | None = None  # a body streamed without Content-Length


@dataclass(frozen=True)
class Request:
    path: str
    headers: dict[str, str]
    at: float  # time.monotonic() when it arrived


class LocalServer:
    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.requests: list[Request] = []
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 (the name http.server calls)
                server._answer(self)

            def log_message(self, *_args) -> None:
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.httpd.block_on_close = False
        self.port = self.httpd.server_address[1]
        self.thread = threading.Thread(
            target=self.httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )

    def __enter__(self) -> "LocalServer":
        self.thread.start()
        return self

    def __exit__(self, *_exc) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()

    def url(self, path: str, host: str = "127.0.0.1") -> str:
        return f"http://{host}:{self.port}{path}"

    def hits(self, path: str) -> int:
        return sum(1 for r in self.requests if r.path == path)

    def _answer(self, handler: BaseHTTPRequestHandler) -> None:
        self.requests.append(Request(handler.path, dict(handler.headers), time.monotonic()))
        route = self.routes.get(handler.path)
        if route is None:
            return self._send(handler, 404, {"Content-Type": "text/plain"}, b"not found")
        if route.delay_s:
            time.sleep(route.delay_s)
        if route.failures:
            return self._send(handler, route.failures.pop(0), {}, b"try again")
        if route.etag and handler.headers.get("If-None-Match") == route.etag:
            return self._send(handler, 304, {"ETag": route.etag}, b"")
        headers = dict(route.headers)
        if route.etag:
            headers["ETag"] = route.etag
        if route.chunks is not None:
            handler.send_response(route.status)
            for name, value in headers.items():
                handler.send_header(name, value)
            handler.send_header("Connection", "close")
            handler.end_headers()
            try:
                for chunk in route.chunks:
                    handler.wfile.write(chunk)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client gave up, as it should
            return None
        return self._send(handler, route.status, headers, route.body)

    @staticmethod
    def _send(handler, status: int, headers: dict[str, str], body: bytes) -> None:
        handler.send_response(status)
        for name, value in headers.items():
            handler.send_header(name, value)
        handler.send_header("Content-Length", str(len(body)))
        handler.end_headers()
        try:
            handler.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass


def html_page(title: str, paragraphs: list[str], head: str = "") -> str:
    """A small news page with site furniture around the article."""
    body = "\n".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{title} | Test Gazette"
        f"</title>{head}</head><body><nav><a href='/'>Home</a> <a href='/world'>World</a></nav>"
        f"<article><h1>{title}</h1>{body}</article>"
        "<div class='share'>Share on Facebook Tweet Email</div>"
        "<footer><p>&copy; Test Gazette. All rights reserved.</p></footer></body></html>"
    )


def rss(items: list[dict[str, str]], title: str = "Test Gazette: World") -> bytes:
    """An RSS 2.0 feed of `items` (keys: link, title, description, pubDate, guid)."""
    entries = "".join(
        "<item>" + "".join(f"<{k}>{v}</{k}>" for k, v in item.items()) + "</item>" for item in items
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        f"<title>{title}</title><link>http://example.invalid/</link>"
        f"<description>World news</description>{entries}</channel></rss>"
    ).encode()
