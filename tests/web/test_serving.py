"""`diplomat serve`: workers on their own sockets with Nagle's algorithm off (app/serving.py)."""

import os
import platform
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from app.web.serving import APP, ServerConfig, tune_malloc
from tests.support.browser import free_port


def _listening(config: ServerConfig) -> socket.socket:
    sock = config.bind_socket()
    sock.listen()
    return sock


def test_accepted_connections_have_nodelay():
    listener = _listening(ServerConfig(APP, host="127.0.0.1", port=0))
    with listener, socket.create_connection(listener.getsockname()):
        accepted, _ = listener.accept()
        with accepted:
            assert accepted.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY) != 0


def test_workers_sockets_share_the_port_and_each_gets_connections():
    first = _listening(ServerConfig(APP, host="127.0.0.1", port=0, reuse_port=True))
    port = first.getsockname()[1]
    second = _listening(ServerConfig(APP, host="127.0.0.1", port=port, reuse_port=True))
    with first, second:
        clients = [socket.create_connection(("127.0.0.1", port)) for _ in range(32)]
        time.sleep(0.1)
        counts = []
        for listener in (first, second):
            listener.setblocking(False)
            n = 0
            while True:
                try:
                    listener.accept()[0].close()
                    n += 1
                except BlockingIOError:
                    break
            counts.append(n)
        for client in clients:
            client.close()
    assert sum(counts) == 32 and min(counts) > 0  # the kernel spread them over both


@pytest.mark.sqlite_only(reason="starts the server on a SQLite file")
def test_serve_with_two_workers_answers_and_stops_on_sigterm(tmp_path: Path):
    port = free_port()
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{tmp_path / 'site.db'}"}
    diplomat = Path(sys.executable).parent / "diplomat"
    server = subprocess.Popen(
        [str(diplomat), "serve", "--port", str(port), "--workers", "2"],
        env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )  # fmt: skip
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                answer = httpx.get(f"http://127.0.0.1:{port}/", timeout=5)
                break
            except httpx.TransportError:
                assert server.poll() is None and time.monotonic() < deadline, "no server"
                time.sleep(0.3)
        assert answer.status_code == 200
        server.send_signal(signal.SIGTERM)
        assert server.wait(timeout=40) == 0
    finally:
        if server.poll() is None:
            server.kill()
    output, _ = server.communicate(timeout=10)
    assert "Traceback" not in output, output


@pytest.mark.sqlite_only(reason="no database needed")
def test_serve_on_a_taken_port_says_so_in_one_line():
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        done = subprocess.run(
            [sys.executable, "-m", "app.web.serving", "--port", str(port), "--workers", "2"],
            capture_output=True, text=True, timeout=60,
        )  # fmt: skip
    assert done.returncode != 0
    assert "cannot listen" in done.stderr and "Traceback" not in done.stderr


@pytest.mark.sqlite_only(reason="starts the server on a SQLite file")
def test_serve_bounds_the_request_head_in_size_and_time(tmp_path: Path):
    """40 MB of headers used to be read and kept; a client trickling its headers held the
    connection for ever. Now: 431 past MAX_HEADER_BYTES, closed after HEADER_TIMEOUT_S."""
    port = free_port()
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{tmp_path / 'site.db'}",
        "HEADER_TIMEOUT_S": "1",
        "MAX_HEADER_BYTES": "8192",
    }
    diplomat = Path(sys.executable).parent / "diplomat"
    server = subprocess.Popen(
        [str(diplomat), "serve", "--port", str(port)],
        env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )  # fmt: skip
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                assert httpx.get(f"http://127.0.0.1:{port}/", timeout=5).status_code == 200
                break
            except httpx.TransportError:
                assert server.poll() is None and time.monotonic() < deadline, "no server"
                time.sleep(0.3)
        with socket.create_connection(("127.0.0.1", port), timeout=10) as big:
            padding = b"".join(b"X-Pad-%d: %s\r\n" % (n, b"a" * 1000) for n in range(40))
            big.sendall(b"GET / HTTP/1.1\r\nHost: localhost\r\n" + padding + b"\r\n")
            assert big.recv(100).startswith(b"HTTP/1.1 431")
        with socket.create_connection(("127.0.0.1", port), timeout=10) as slow:
            slow.sendall(b"GET / HTTP/1.1\r\nHost: localhost\r\n")
            started = time.monotonic()
            assert slow.recv(100) == b""  # closed by the server, no answer
            assert time.monotonic() - started < 5
    finally:
        server.send_signal(signal.SIGTERM)
        try:
            server.wait(timeout=40)
        finally:
            if server.poll() is None:
                server.kill()
            output, _ = server.communicate(timeout=10)
    assert "Traceback" not in output, output


def test_workers_tune_malloc_where_the_c_library_is_glibc():
    assert tune_malloc() is (platform.libc_ver()[0] == "glibc")
