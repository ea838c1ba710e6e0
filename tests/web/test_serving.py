"""`diplomat serve`: workers taking turns at one socket, Nagle off (app/web/serving.py)."""

import asyncio
import fcntl
import multiprocessing
import os
import platform
import resource
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx
import pytest

from app.web.balance import MAX_DEFER_S, Acceptor, ConnectionShare, new_counts
from app.web.serving import APP, ServerConfig, tune_malloc
from tests.support.browser import free_port
from tests.support.engines import dispose_after_counts


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


def _counts(workers: int):
    return new_counts(multiprocessing.get_context("fork"), workers)


def test_a_worker_is_ahead_when_another_holds_fewer_connections():
    counts = _counts(3)
    first, second, third = (ConnectionShare(counts, i) for i in range(3))
    assert not first.ahead()  # nobody running yet: the others count as absent
    first.join()
    first.opened()
    assert not first.ahead()
    second.join()
    assert first.ahead() and not second.ahead()
    second.opened()
    third.join()
    assert first.ahead() and second.ahead() and not third.ahead()
    third.opened()
    first.closed()
    assert not first.ahead() and second.ahead() and list(counts) == [0, 1, 1]


class _Counting(asyncio.Protocol):
    def __init__(self, made: list[int], worker: int):
        self.made, self.worker = made, worker

    def connection_made(self, transport):
        self.made[self.worker] += 1


async def _accept_burst(
    listener: socket.socket,
    shares: list,
    clients: int,
    holding: tuple[int, ...] = (),
    dup=lambda listener: listener.dup(),
    spacing: float = 0.0,
) -> list[int]:
    """Acceptors for `shares` on one event loop (each on its own descriptor of `listener`,
    as each worker has), each holding some connections already, then a burst of `clients`
    connections (`spacing` seconds apart); how many each worker took."""
    made = [0] * len(shares)
    acceptors = [
        Acceptor(dup(listener), share, lambda i=i: _Counting(made, i))
        for i, share in enumerate(shares)
    ]
    for share, held in zip(shares, holding, strict=False):
        for _ in range(held):
            share.opened()
    opened = []
    for _ in range(clients):
        opened.append(socket.create_connection(listener.getsockname()))
        if spacing:
            await asyncio.sleep(spacing)
    deadline = time.monotonic() + 5
    while sum(made) < clients and time.monotonic() < deadline:
        await asyncio.sleep(0.005)
    for acceptor in acceptors:
        acceptor.close()
        acceptor.listener.close()
    for client in opened:
        client.close()
    return made


def test_workers_take_turns_so_a_burst_of_connections_is_split_evenly():
    """SO_REUSEPORT hashed eight keep-alive connections 5/3 or 6/2 in five runs out of six."""
    listener = _listening(ServerConfig(APP, host="127.0.0.1", port=0))
    counts = _counts(2)
    shares = [ConnectionShare(counts, i) for i in (0, 1)]
    with listener:
        assert asyncio.run(_accept_burst(listener, shares, 8)) == [4, 4]
        # The first worker still holds four connections: the next four go to the second.
        assert asyncio.run(_accept_burst(listener, shares, 6, holding=(4, 0))) == [1, 5]
    assert list(counts) == [5, 5]  # the test's protocols do not count closes


def test_a_worker_ahead_steps_back_for_each_connection_however_far_apart():
    listener = _listening(ServerConfig(APP, host="127.0.0.1", port=0))
    counts = _counts(2)
    shares = [ConnectionShare(counts, i) for i in (0, 1)]
    with listener:
        # The first worker is ahead throughout; connections come further apart than one
        # ever waits for its turn.
        made = asyncio.run(
            _accept_burst(listener, shares, 3, holding=(4, 0), spacing=3 * MAX_DEFER_S)
        )
    assert made == [0, 3]


def test_a_listener_past_descriptor_1024_is_served_too():
    """select() cannot watch such a descriptor; a busy server holds thousands."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (max(soft, min(hard, 4096)), hard))

    def high(listener: socket.socket) -> socket.socket:
        return socket.socket(fileno=fcntl.fcntl(listener.fileno(), fcntl.F_DUPFD, 2000))

    listener = _listening(ServerConfig(APP, host="127.0.0.1", port=0))
    counts = _counts(2)
    shares = [ConnectionShare(counts, i) for i in (0, 1)]
    try:
        with listener:
            made = asyncio.run(_accept_burst(listener, shares, 6, holding=(4, 0), dup=high))
    finally:
        resource.setrlimit(resource.RLIMIT_NOFILE, (soft, hard))
    assert made == [1, 5]


def test_a_worker_ahead_of_one_that_stopped_accepting_still_accepts_after_a_while():
    listener = _listening(ServerConfig(APP, host="127.0.0.1", port=0))
    counts = _counts(2)
    silent = ConnectionShare(counts, 1)
    silent.join()  # joined and then never accepts: its event loop is stuck, say
    started = time.monotonic()
    with listener:
        made = asyncio.run(_accept_burst(listener, [ConnectionShare(counts, 0)], 3))
    assert made == [3]
    assert time.monotonic() - started >= 2 * MAX_DEFER_S  # it waited for its turn each time
    assert list(counts) == [3, 0]


def _clients_of(pid: int, port: int) -> set[int]:
    """The client ports of the connections to `port` that process `pid` holds (Linux /proc)."""
    inodes = set()
    for fd in Path(f"/proc/{pid}/fd").iterdir():
        try:
            target = os.readlink(fd)
        except OSError:  # closed meanwhile
            continue
        if target.startswith("socket:["):
            inodes.add(target[8:-1])
    ports = set()
    for line in Path("/proc/net/tcp").read_text().splitlines()[1:]:
        fields = line.split()  # sl, local, remote, state, ..., inode (the tenth)
        if int(fields[1].split(":")[1], 16) == port and fields[3] == "01" and fields[9] in inodes:
            ports.add(int(fields[2].split(":")[1], 16))
    return ports


def _keep_alive(port: int, clients: int) -> list[socket.socket]:
    """`clients` connections, each answered once and left open."""
    opened = [socket.create_connection(("127.0.0.1", port), timeout=30) for _ in range(clients)]
    for client in opened:
        client.sendall(b"GET /favicon.ico HTTP/1.1\r\nHost: localhost\r\n\r\n")
    for client in opened:
        assert client.recv(100).startswith(b"HTTP/1.1 ")
    return opened


def _check_connections_are_spread(server_pid: int, port: int) -> None:
    """Eight keep-alive connections split 4/4 over the two workers; when one worker's four
    close, the next four all go to it (its count went down as they closed)."""
    children = Path(f"/proc/{server_pid}/task/{server_pid}/children").read_text().split()
    workers = [int(pid) for pid in children]
    assert len(workers) == 2
    opened = _keep_alive(port, 8)
    try:
        held = [_clients_of(pid, port) for pid in workers]
        assert [len(ports) for ports in held] == [4, 4]
        for client in opened:
            if client.getsockname()[1] in held[0]:
                client.close()
        time.sleep(0.5)  # the worker sees the closes
        opened += _keep_alive(port, 4)
        assert {client.getsockname()[1] for client in opened[8:]} == _clients_of(workers[0], port)
        assert len(_clients_of(workers[1], port)) == 4
    finally:
        for client in opened:
            client.close()


@pytest.mark.sqlite_only(reason="starts the server on a SQLite file")
def test_serve_with_two_workers_answers_and_stops_on_sigterm(tmp_path: Path):
    port = free_port()
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{tmp_path / 'site.db'}"}
    diplomat = Path(sys.executable).parent / "diplomat"
    server = subprocess.Popen(
        [str(diplomat), "serve", "--port", str(port), "--workers", "2"],
        env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
        start_new_session=True,  # its workers too can be killed, as a group
    )  # fmt: skip
    lines: list[str] = []
    reader = threading.Thread(target=lambda: lines.extend(server.stdout), daemon=True)
    reader.start()
    try:
        deadline = time.monotonic() + 60
        while sum("Application startup complete" in line for line in lines) < 2:
            assert server.poll() is None and time.monotonic() < deadline, "no server"
            time.sleep(0.1)  # both workers serve: each takes its turn at the socket
        assert httpx.get(f"http://127.0.0.1:{port}/", timeout=5).status_code == 200
        _check_connections_are_spread(server.pid, port)
        server.send_signal(signal.SIGTERM)
        assert server.wait(timeout=40) == 0
    finally:
        if server.poll() is None:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait(timeout=10)
        reader.join(timeout=10)  # ends when the last worker has gone
        server.stdout.close()
    output = "".join(lines)
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


def test_a_server_process_builds_page_threads_pages_at_once(app_settings):
    """The rest wait their turn (app/settings.py: page_threads)."""
    from anyio import to_thread
    from fastapi.testclient import TestClient

    from app.web.app import create_app

    app = create_app(app_settings.model_copy(update={"page_threads": 3}))
    with TestClient(app) as client:
        assert client.get("/favicon.ico").status_code in (200, 204)
        limit = client.portal.call(lambda: to_thread.current_default_thread_limiter().total_tokens)
    dispose_after_counts(app.state.engine)
    assert limit == 3


def test_background_counts_rest_only_while_the_page_threads_are_busy(app_settings):
    """The app tells the counts thread how busy its pages are: idle, it does not rest; with a
    page thread taken, it does."""
    import threading

    from anyio import to_thread
    from fastapi.testclient import TestClient

    from app.queries import facets
    from app.web.app import create_app

    app = create_app(app_settings)
    with TestClient(app) as client:
        idle = facets._pages_busy()
        started, release = threading.Event(), threading.Event()

        def page() -> None:
            started.set()
            release.wait(10)

        async def build_a_page() -> None:
            await to_thread.run_sync(page)

        building = client.portal.start_task_soon(build_a_page)
        busy = started.wait(10) and facets._pages_busy()
        release.set()
        building.result(10)
    dispose_after_counts(app.state.engine)
    assert idle is False and busy is True
