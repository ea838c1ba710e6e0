"""Running the site under uvicorn: worker processes sharing one socket, taking turns.

Two fixes to how `uvicorn --workers N` listens. Each worker's event loop takes every connection
waiting at once, so a burst of keep-alive connections lands on one worker while the other core
idles; here the workers accept one connection at a time and only while no other worker holds
fewer (app/web/balance.py). And uvicorn creates its socket with protocol number 0, for which
asyncio leaves Nagle's algorithm on: pages written in two sends (headers, then body) then waited
40 ms for the client's delayed ACK on every keep-alive request. This socket is a TCP socket with
TCP_NODELAY.

`diplomat serve` checks the schema and then replaces itself with `python -m app.web.serving`, so
the supervising process holds uvicorn only, not the CLI, Alembic and the app (≈ 60 MB less).
"""

import argparse
import asyncio
import ctypes
import ctypes.util
import multiprocessing
import signal
import socket
import sys
import time

import uvicorn
from uvicorn.server import STARTUP_FAILURE

from app.web.balance import ABSENT, Acceptor, ConnectionShare, CountedProtocol, new_counts
from app.web.protocol import BoundedHttpToolsProtocol

APP = "app.web.app:create_app"
BACKLOG = 2048  # connections the kernel queues before the workers accept them
STOP_GRACE_S = 30  # a worker finishing its requests after SIGTERM, before it is killed


class ServerConfig(uvicorn.Config):
    """uvicorn's settings, binding a TCP socket with TCP_NODELAY and speaking HTTP with bounds
    on the request head (see app.web.protocol)."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("http", BoundedHttpToolsProtocol)
        super().__init__(*args, **kwargs)

    def bind_socket(self) -> socket.socket:
        if self.uds is not None or self.fd is not None:
            return super().bind_socket()
        family = socket.AF_INET6 if self.host and ":" in self.host else socket.AF_INET
        sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        # Accepted connections inherit it (Linux), whatever asyncio decides.
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        sock.bind((self.host, self.port))
        sock.set_inheritable(True)
        return sock


# How glibc's malloc keeps memory, tuned for a server's worker. Each thread that allocates gets
# its own heap ("arena"), up to eight per core, and a page freed in one arena is not reused by
# the others: the threads of a worker's pool take turns at the same work, so their arenas all
# grew to a page's peak and stayed there. And after a large buffer (a common word's list of
# matches) is freed, glibc raises the size it hands to mmap, so the next ones come from the
# heap and stay there too. Two arenas, and buffers over 256 KB always mapped and unmapped.
_MALLOPT = ((-8, 2), (-3, 256 * 1024))  # (M_ARENA_MAX, M_MMAP_THRESHOLD) from <malloc.h>


def tune_malloc() -> bool:
    """Apply _MALLOPT to this process (before its threads start); False where the C library
    is not glibc, whose allocator these settings are for."""
    name = ctypes.util.find_library("c")
    try:
        mallopt = ctypes.CDLL(name).mallopt
    except (OSError, AttributeError, TypeError):  # no C library found, or not glibc's
        return False
    return all(mallopt(option, value) == 1 for option, value in _MALLOPT)


def apply_limits() -> None:
    """The request-head limits of the settings (MAX_HEADER_BYTES, HEADER_TIMEOUT_S)."""
    from app.settings import get_settings

    settings = get_settings()
    BoundedHttpToolsProtocol.max_head_bytes = settings.max_header_bytes
    BoundedHttpToolsProtocol.head_timeout_s = settings.header_timeout_s


def serve(host: str, port: int, workers: int) -> None:
    """Serve the app in `workers` processes (this one when 1)."""
    if workers <= 1:
        tune_malloc()
        apply_limits()
        server = uvicorn.Server(ServerConfig(APP, factory=True, host=host, port=port))
        try:
            server.run()
        except KeyboardInterrupt:
            pass
        if not server.started:
            sys.exit(STARTUP_FAILURE)  # e.g. the port is taken; uvicorn has said why
        return
    supervise(host, port, workers)


class WorkerServer(uvicorn.Server):
    """uvicorn's server accepting from the shared socket through an Acceptor, which takes a
    connection only when this worker's turn comes."""

    def __init__(self, config: ServerConfig, listener: socket.socket, share: ConnectionShare):
        super().__init__(config)
        self.listener = listener
        self.share = share
        self.acceptor: Acceptor | None = None

    async def startup(self, sockets: list[socket.socket] | None = None) -> None:
        await super().startup(sockets=[])  # the app's startup; listens on nothing itself
        config = self.config

        def protocol() -> asyncio.Protocol:
            return config.http_protocol_class(  # type: ignore[call-arg]
                config=config, server_state=self.server_state, app_state=self.lifespan.state
            )

        self.acceptor = Acceptor(self.listener, self.share, protocol)

    async def shutdown(self, sockets: list[socket.socket] | None = None) -> None:
        if self.acceptor is not None:
            self.acceptor.close()
        await super().shutdown(sockets)


def worker(host: str, port: int, listener: socket.socket, counts, index: int) -> None:
    """One server process, the `index`th, taking its turns at the shared `listener`."""
    # The supervisor's stop handlers came along with the fork; uvicorn installs its own when
    # it starts, and until then a signal should end this process.
    signal.signal(signal.SIGINT, signal.default_int_handler)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    tune_malloc()
    apply_limits()
    share = ConnectionShare(counts, index)
    CountedProtocol.share = share
    config = ServerConfig(APP, factory=True, host=host, port=port, http=CountedProtocol)
    WorkerServer(config, listener, share).run()


def supervise(host: str, port: int, workers: int) -> None:
    """Start the workers, restart one that dies, stop them all on SIGINT or SIGTERM."""
    # Bound here, so a taken port fails fast; the workers inherit it and accept from it.
    try:
        listener = ServerConfig(APP, host=host, port=port).bind_socket()
        listener.listen(BACKLOG)
    except OSError as error:
        print(f"error: cannot listen on {host}:{port}: {error.strerror}", file=sys.stderr)
        sys.exit(STARTUP_FAILURE)
    # Forked, not spawned: this process holds uvicorn only and no thread, and a spawned worker
    # would bring multiprocessing's resource tracker along, one more process (13 MB) for
    # nothing the workers use.
    context = multiprocessing.get_context("fork")
    stopping = False

    def stop(_signum, _frame):
        nonlocal stopping
        stopping = True

    signal.signal(signal.SIGINT, stop)
    signal.signal(signal.SIGTERM, stop)

    counts = new_counts(context, workers)

    def start(index: int):
        counts[index] = ABSENT  # until it serves: a dead worker's count would hold the others
        process = context.Process(
            target=worker, args=(host, port, listener, counts, index), daemon=False
        )
        process.start()
        return process

    processes = [start(index) for index in range(workers)]
    print(f"diplomat serving on http://{host}:{port} with {workers} workers", flush=True)
    failed = False
    while not stopping:
        time.sleep(0.2)
        for i, process in enumerate(processes):
            if process.exitcode is None or stopping:
                continue
            if process.exitcode == STARTUP_FAILURE:
                failed = stopping = True  # a worker that cannot start will not start on retry
                break
            processes[i] = start(i)  # died under load (killed, crashed): replace it
    for process in processes:
        if process.exitcode is None:
            process.terminate()
    deadline = time.monotonic() + STOP_GRACE_S
    for process in processes:
        process.join(max(0.0, deadline - time.monotonic()))
        if process.exitcode is None:
            process.kill()
    listener.close()
    if failed:
        sys.exit(STARTUP_FAILURE)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m app.web.serving", description=__doc__)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--workers", type=int, default=1)
    args = parser.parse_args(argv)
    from app.web import serving  # not __main__'s copy: worker processes import app.web.serving

    serving.serve(args.host, args.port, args.workers)


if __name__ == "__main__":
    main()
