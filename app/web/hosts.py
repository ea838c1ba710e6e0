"""Which host the site answers as, whatever a request's Host header says.

Pages hold absolute URLs (canonical links, feeds, the CSV's links, `url_for`) built from the
request's scheme and host. With BASE_URL set, every request is rewritten to that scheme and
host before anything reads them, so a forged Host header cannot change a single link. With
ALLOWED_HOSTS set, a request naming any other host is refused. The page cache also keys on the
host (app.web.pagecache), so a page built for one host is never sent to another.
"""

from urllib.parse import urlsplit

from starlette.types import ASGIApp, Receive, Scope, Send

from app.web.security import send_refusal


class BaseUrlError(ValueError):
    """BASE_URL is not an absolute http(s) address of a site root."""


def parse_base_url(base_url: str) -> tuple[str, str, int]:
    """(scheme, host, port) of BASE_URL; refuses anything but http(s)://host[:port][/]."""
    parts = urlsplit(base_url.strip())
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise BaseUrlError(f"BASE_URL {base_url!r}: expected e.g. https://quotes.example.org")
    if parts.path not in ("", "/") or parts.query or parts.fragment:
        raise BaseUrlError(f"BASE_URL {base_url!r}: the site must be served at the root")
    port = parts.port or (443 if parts.scheme == "https" else 80)
    return parts.scheme, parts.hostname, port


class HostMiddleware:
    def __init__(self, app: ASGIApp, base_url: str | None, allowed_hosts: str = "*"):
        self.app = app
        self.base = parse_base_url(base_url) if base_url else None
        self.allowed = [h.strip().lower() for h in allowed_hosts.split(",") if h.strip()]

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        if not self.allows(_host_name(scope)):
            await send_refusal(scope, send, 400, [])
            return
        if self.base is not None:
            scope = self._as_base(scope)
        await self.app(scope, receive, send)

    def allows(self, host: str) -> bool:
        for pattern in self.allowed:
            if pattern == "*" or host == pattern:
                return True
            if pattern.startswith("*.") and host.endswith(pattern[1:]):
                return True
        return False

    def _as_base(self, scope: Scope) -> Scope:
        assert self.base is not None
        scheme, host, port = self.base
        default = port == (443 if scheme == "https" else 80)
        name = f"[{host}]" if ":" in host else host
        netloc = name if default else f"{name}:{port}"
        headers = [(k, v) for k, v in scope["headers"] if k != b"host"]
        headers.append((b"host", netloc.encode("ascii")))
        return {**scope, "scheme": scheme, "server": (host, port), "headers": headers}


def _host_name(scope: Scope) -> str:
    """The host a request names, lowercase, without port ("" when it names none)."""
    for key, value in scope["headers"]:
        if key == b"host":
            host = value.decode("latin-1").strip().lower()
            if host.startswith("["):  # [::1]:8000
                return host[: host.find("]") + 1]
            return host.rsplit(":", 1)[0] if host.count(":") == 1 else host
    return ""
