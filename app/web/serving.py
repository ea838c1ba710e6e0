"""Running the site under uvicorn: each worker process listens on its own socket.

Two fixes to how `uvicorn --workers N` listens. It binds one socket that every worker accepts
from, and each worker's event loop takes every connection waiting at once, so a burst of
keep-alive connections lands on one worker while the other core idles; here every worker binds
its own socket with SO_REUSEPORT and the kernel spreads connections across them. And uvicorn
creates that socket with protocol number 0, for which asyncio leaves Nagle's algorithm on:
pages written in two sends (headers, then body) then waited 40 ms for the client's delayed ACK
on every keep-alive request. These sockets are TCP sockets with TCP_NODELAY.

`diplomat serve` checks the schema and then replaces itself with `python -m app.web.serving`, so
the supervising process holds uvicorn only, not the CLI, Alembic and the app (≈ 60 MB less).
"""

import argparse
import ctypes
import ctypes.util
import multiprocessing
import signal
import socket
import sys
import time

import uvicorn
from uvicorn.server import STARTUP_FAILURE

from app.web.protocol import BoundedHttpToolsProtocol

APP = "app.web.app:create_app"
STOP_GRACE_S = 30  # a worker finishing its requests after SIGTERM, before it is killed


class ServerConfig(uvicorn.Config):
    """uvicorn's settings, binding a TCP socket with TCP_NODELAY (and SO_REUSEPORT if asked),
    and speaking HTTP with bounds on the request head (see app.web.protocol)."""

    def __init__(self, *args, reuse_port: bool = False, **kwargs):
        kwargs.setdefault("http", BoundedHttpToolsProtocol)
        super().__init__(*args, **kwargs)
        self.reuse_port = reuse_port

    def bind_socket(self) -> socket.socket:
        if self.uds is not None or self.fd is not None:
            return super().bind_socket()
        family = socket.AF_INET6 if self.host and ":" in self.host else socket.AF_INET
        sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        if self.reuse_port:
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
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


def worker(host: str, port: int) -> None:
    """One server process with its own listening socket in the SO_REUSEPORT group."""
    # The supervisor's stop handlers came along with the fork; uvicorn installs its own when
    # it starts, and until then a signal should end this process.
    signal.signal(signal.SIGINT, signal.default_int_handler)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    tune_malloc()
    apply_limits()
    config = ServerConfig(APP, factory=True, host=host, port=port, reuse_port=True)
    sock = config.bind_socket()
    uvicorn.Server(config).run(sockets=[sock])


def supervise(host: str, port: int, workers: int) -> None:
    """Start the workers, restart one that dies, stop them all on SIGINT or SIGTERM."""
    # Bound but never listening: reserves the port and fails fast if it is taken; connections
    # only go to sockets that listen, the workers'.
    try:
        guard = ServerConfig(APP, host=host, port=port, reuse_port=True).bind_socket()
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

    def start():
        process = context.Process(target=worker, args=(host, port), daemon=False)
        process.start()
        return process

    processes = [start() for _ in range(workers)]
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
            processes[i] = start()  # died under load (killed, crashed): replace it
    for process in processes:
        if process.exitcode is None:
            process.terminate()
    deadline = time.monotonic() + STOP_GRACE_S
    for process in processes:
        process.join(max(0.0, deadline - time.monotonic()))
        if process.exitcode is None:
            process.kill()
    guard.close()
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
