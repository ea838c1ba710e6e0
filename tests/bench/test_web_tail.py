"""The long tail's runner: servers loaded kind by kind in turn, each slice asked once."""

import subprocess
import sys
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from bench import load, tail_report, web_tail
from bench.tail_kinds import Url
from bench.tail_urls import Kind
from bench.web_tail import Server, run_tail, wait_idle

ASKED: list[tuple[int, str]] = []  # (port, path) in the order the servers saw them


class Recorder(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_GET(self) -> None:
        ASKED.append((self.server.server_address[1], self.path))
        self.send_response(200)
        self.send_header("Content-Length", "4")
        self.end_headers()
        self.wfile.write(b"page")

    def log_message(self, *args) -> None:
        pass


@pytest.fixture
def servers(monkeypatch) -> Iterator[list[Server]]:
    monkeypatch.setattr(load, "tool", lambda: "httpx")  # wrk's order is not the list's
    ASKED.clear()
    httpds = [ThreadingHTTPServer(("127.0.0.1", 0), Recorder) for _ in range(2)]
    for httpd in httpds:
        threading.Thread(target=httpd.serve_forever, daemon=True).start()
    idle = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    yield [
        Server(name, f"http://127.0.0.1:{httpd.server_address[1]}", idle.pid)
        for name, httpd in zip(("diplomat", "datasette"), httpds, strict=True)
    ]
    idle.kill()
    idle.wait()
    for httpd in httpds:
        httpd.shutdown()
        httpd.server_close()


def kind(name: str, datasette: bool) -> Kind:
    def url(n: int) -> Url:
        return Url(f"/{name}/{n}", f"/ds/{name}/{n}" if datasette else None)

    runs = [[url(n) for n in range(run * 3, run * 3 + 3)] for run in range(2)]
    return Kind(name, "list", 9, runs, [url(8)], url(0))


def test_servers_take_turns_kind_by_kind(servers) -> None:
    kinds = [kind("a", True), kind("b", True), kind("compare", False), kind("c", True)]
    rows, first = run_tail(servers, kinds, connections=[1, 2], seconds=20)
    order = [(row.connections, row.kind, row.server) for row in rows]
    assert order == [
        (1, "a", "diplomat"), (1, "a", "datasette"),
        (1, "b", "datasette"), (1, "b", "diplomat"),
        (1, "compare", "diplomat"),  # Datasette has no equivalent: it is not asked
        (1, "c", "diplomat"), (1, "c", "datasette"),
        (2, "a", "datasette"), (2, "a", "diplomat"),
        (2, "b", "diplomat"), (2, "b", "datasette"),
        (2, "compare", "diplomat"),
        (2, "c", "datasette"), (2, "c", "diplomat"),
    ]  # fmt: skip
    assert all(row.requests == row.urls == 3 and row.exhausted for row in rows)
    diplomat_port = int(servers[0].base.rsplit(":", 1)[1])
    by_server = {
        server: [path for port, path in ASKED if (port == diplomat_port) == (server == "diplomat")]
        for server in ("diplomat", "datasette")
    }
    for paths in by_server.values():
        assert len(paths) == len(set(paths))  # every URL once: warm-up and slices are disjoint
    assert len(by_server["diplomat"]) == 4 * (1 + 6)
    assert all(path.startswith("/ds/") for path in by_server["datasette"])
    assert set(first) == {"diplomat", "datasette"} and len(first["datasette"]["a"]) == 1
    assert first["datasette"]["compare"] == []


def test_wait_idle_returns_once_the_servers_are_quiet_and_not_before() -> None:
    idle = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    busy = subprocess.Popen([sys.executable, "-c", "while True: pass"])
    try:
        assert wait_idle([idle.pid], interval=0.1, limit=5) < 1
        assert wait_idle([idle.pid, busy.pid], interval=0.1, limit=0.5) == 0.5
    finally:
        for process in (idle, busy):
            process.kill()
            process.wait()


def test_idle_threshold_is_a_small_share_of_a_core() -> None:
    assert 0 < web_tail.IDLE_CPU <= 0.1


@pytest.mark.parametrize("interleaved", [True, False])
def test_the_report_says_how_the_servers_were_loaded(interleaved) -> None:
    result = {
        "quotes": 10, "workers": 2, "backend": "sqlite", "tool": "wrk", "seconds": 60,
        "connections": [1, 8], "warm": 4, "tail": [{"server": "datasette"}],
    }  # fmt: skip
    if interleaved:
        result["interleaved"] = True  # results written before it have no such key
    text = " ".join(tail_report.method(result))
    assert ("loaded in turn, kind by kind" in text) == interleaved
    assert ("loaded alone" in text) != interleaved
