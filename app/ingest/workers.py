"""What runs inside an ingest worker process besides the work: the per-article time budget,
ignoring Ctrl-C (the parent decides), and dying with the parent; and how the parent hands out
work: in order, a bounded window at a time."""

import ctypes
import os
import signal
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Executor, Future
from contextlib import contextmanager
from itertools import islice
from typing import TypeVar

from app.extract.article import load_resources
from app.ingest.language import warm_up as load_language_model

T = TypeVar("T")
R = TypeVar("R")

PR_SET_PDEATHSIG = 1  # prctl(2) option: a signal for this process when its parent dies


class OverBudget(BaseException):
    """Raised by the alarm in the middle of extraction; a BaseException so that no broad
    `except Exception` inside the extractor can swallow it."""


@contextmanager
def time_budget(seconds: float | None) -> Iterator[None]:
    """Raise OverBudget in this thread after `seconds` (SIGALRM; main thread only).

    The alarm interrupts Python code; a single long call into C is only interrupted when it
    returns, which is why the parser is never given overlong sentences (see nlp.parseable).
    """
    if not seconds or threading.current_thread() is not threading.main_thread():
        yield
        return

    over = False

    def expire(_signum, _frame):
        if not over:
            raise OverBudget()

    previous = signal.signal(signal.SIGALRM, expire)
    # The alarm repeats every 0.1 s after the budget: an exception raised while Python runs a
    # finalizer is reported as "unraisable" and dropped, and the next alarm tries again.
    signal.setitimer(signal.ITIMER_REAL, seconds, 0.1)
    try:
        yield
    finally:
        over = True
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def warm_up() -> None:
    # Ctrl-C reaches the whole process group; the parent alone decides how to stop.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _die_with_parent()
    load_resources()
    load_language_model()


def ordered_map(
    pool: Executor,
    work: Callable[[list[T]], list[R]],
    items: Iterable[T],
    batch: int = 4,
    window: int = 8,
) -> Iterator[R]:
    """`work` applied to batches of `items` in `pool`, results in input order. At most `window`
    batches are out at a time, so items are read only as fast as they are done: a dump of any
    size streams through (Executor.map would read all of it first)."""
    source = iter(items)
    pending: deque[Future[list[R]]] = deque()
    while chunk := list(islice(source, batch)):
        pending.append(pool.submit(work, chunk))
        if len(pending) >= window:
            yield from pending.popleft().result()
    while pending:
        yield from pending.popleft().result()


def _die_with_parent() -> None:
    """End this worker when the ingest that started it dies, even by `kill -9`: orphaned
    workers would otherwise wait for work for ever, holding the database and the output pipe
    (`diplomat ingest … | tee log` never ended). Linux delivers SIGKILL on the parent's death;
    elsewhere a thread watches for it."""
    parent = os.getppid()
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        if libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL) != 0:
            raise OSError(ctypes.get_errno(), "prctl failed")
    except (OSError, AttributeError):
        threading.Thread(target=_watch_parent, args=(parent,), daemon=True).start()
    if os.getppid() != parent:  # died before the signal was armed
        os._exit(1)


def _watch_parent(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(1.0)
    os._exit(1)
