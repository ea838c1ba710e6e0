"""Spreading connections evenly over the worker processes.

Workers share one listening socket, and each accepts a connection only while it holds no more
open connections than the least loaded worker; the counts live in memory the workers share.
The kernel's own spreading (SO_REUSEPORT) hashes each connection's ports: a client or proxy
holding eight keep-alive connections got a 5/3 or 6/2 split in five runs out of six, and the
pages queued behind the busier worker waited up to twice as long while the other core idled.

A worker that is ahead steps back for a millisecond and lets the others take the connection;
after MAX_DEFER_S it takes it anyway, so a worker that has stopped answering delays new
connections by that much at most, never drops them.
"""

import asyncio
import logging
import select
import socket
from collections.abc import Callable
from ctypes import c_int
from time import monotonic
from typing import Any, ClassVar

from app.web.protocol import BoundedHttpToolsProtocol

logger = logging.getLogger("uvicorn.error")

PAUSE_S = 0.001  # a worker ahead looks again after this long
MAX_DEFER_S = 0.02  # ... and accepts anyway once a connection has waited this long
STALE_S = 0.01  # steps back further apart than this: not the same wait
RETRY_S = 1.0  # after an accept error such as "too many open files"
ABSENT = 2**30  # the count of a worker not (yet) running: never the least loaded


class ConnectionShare:
    """The open connections of each worker (`counts`, shared), this worker's at `index`."""

    def __init__(self, counts: Any, index: int) -> None:
        self.counts = counts  # a multiprocessing RawArray of c_int, one per worker
        self.index = index

    def join(self) -> None:
        """Start counting: this worker takes connections from now on."""
        self.counts[self.index] = 0

    def opened(self) -> None:
        self.counts[self.index] += 1  # only this worker's event loop writes its own slot

    def closed(self) -> None:
        self.counts[self.index] -= 1

    def ahead(self) -> bool:
        """Some other worker holds fewer open connections than this one."""
        mine = self.counts[self.index]
        return any(n < mine for i, n in enumerate(self.counts) if i != self.index)


def new_counts(context: Any, workers: int) -> Any:
    """Shared counts for `workers` workers, none running yet."""
    return context.RawArray(c_int, [ABSENT] * workers)


class CountedProtocol(BoundedHttpToolsProtocol):
    """The server's protocol, telling the share when its connection ends."""

    share: ClassVar[ConnectionShare | None] = None  # set in the worker before it serves

    def connection_lost(self, exc: Exception | None) -> None:
        super().connection_lost(exc)
        if self.share is not None:
            self.share.closed()


class Acceptor:
    """Accepts connections from the shared `listener` in this worker's event loop, one at a
    time and only while the worker is not ahead, and hands each to `protocol_factory`."""

    def __init__(
        self,
        listener: socket.socket,
        share: ConnectionShare,
        protocol_factory: Callable[[], asyncio.Protocol],
    ) -> None:
        self.loop = asyncio.get_running_loop()
        self.listener = listener
        self.share = share
        self.protocol_factory = protocol_factory
        self._fd = listener.fileno()
        self._waiting = select.poll()  # poll, not select: descriptors past 1,024 are common
        self._waiting.register(self._fd, select.POLLIN)
        self._watching = False
        self._timer: asyncio.TimerHandle | None = None
        self._deferred_since: float | None = None
        self._last_deferred = 0.0
        self._connecting: set[asyncio.Task] = set()
        listener.setblocking(False)
        share.join()
        self._watch()

    def close(self) -> None:
        """Stop accepting (the server is shutting down)."""
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None
        self._unwatch()

    def _watch(self) -> None:
        self._timer = None
        if not self._watching:
            self.loop.add_reader(self._fd, self._ready)
            self._watching = True

    def _unwatch(self) -> None:
        if self._watching:
            self.loop.remove_reader(self._fd)
            self._watching = False

    def _pause(self, seconds: float) -> None:
        self._unwatch()
        self._timer = self.loop.call_later(seconds, self._resume)

    def _resume(self) -> None:
        if not self._waiting.poll(0):
            self._deferred_since = None  # another worker took what was waiting
        self._watch()

    def _ready(self) -> None:
        if self.share.ahead():
            now = monotonic()
            # A wait goes on while this worker keeps finding a connection waiting, a pause
            # apart; a longer gap means another worker took what waited, even when it was
            # still there as the pause ended (and another wait starts).
            if self._deferred_since is None or now - self._last_deferred > STALE_S:
                self._deferred_since = now
            self._last_deferred = now
            if now - self._deferred_since < MAX_DEFER_S:
                self._pause(PAUSE_S)
                return
        try:
            connection, _ = self.listener.accept()
        except (BlockingIOError, InterruptedError):
            self._deferred_since = None  # another worker took it
            return
        except OSError as error:  # e.g. out of file descriptors: wait, as asyncio does
            logger.error("cannot accept a connection: %s", error.strerror or error)
            self._pause(RETRY_S)
            return
        self._deferred_since = None
        self.share.opened()
        connection.setblocking(False)
        task = self.loop.create_task(self._connect(connection))
        self._connecting.add(task)
        task.add_done_callback(self._connecting.discard)

    async def _connect(self, connection: socket.socket) -> None:
        started = False

        def protocol() -> asyncio.Protocol:
            nonlocal started
            started = True  # from here on the protocol counts the connection's end
            return self.protocol_factory()

        try:
            await self.loop.connect_accepted_socket(protocol, connection)
        except Exception as error:
            if not started:
                self.share.closed()
            connection.close()
            logger.error("cannot start a connection: %s", error)
