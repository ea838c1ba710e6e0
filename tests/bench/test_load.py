"""The long tail's load: each path of the list asked once, by wrk's script and by httpx."""

import shutil
import threading
from collections import Counter
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from bench import load


class Recorder(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, as the servers under test
    seen: Counter = Counter()

    def do_GET(self) -> None:
        Recorder.seen[self.path] += 1
        body = b'placeholder part=counts"' if self.path.endswith("/7") else b"page"
        self.send_response(404 if self.path.endswith("/9") else 200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args) -> None:
        pass


@pytest.fixture
def server() -> Iterator[str]:
    Recorder.seen = Counter()
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Recorder)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


@pytest.mark.parametrize("tool", ["wrk", "httpx"])
def test_measure_paths_asks_each_path_once(server, tool, monkeypatch) -> None:
    if tool == "wrk" and not shutil.which("wrk"):
        pytest.skip("wrk is not installed")
    monkeypatch.setattr(load, "tool", lambda: tool)
    paths = [f"/page/{n}" for n in range(40)]
    result = load.measure_paths(server, paths, connections=4, seconds=20, marker='part=counts"')
    assert Recorder.seen == Counter(paths)
    assert (result.sent, result.requests) == (40, 40)
    assert (result.errors, result.marked) == (1, 1)  # /page/9 answered 404; /page/7 marked
    assert 0 < result.seconds < 20  # stopped when the list ran out, not at the time limit
