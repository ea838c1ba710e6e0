"""Start diplomat and Datasette on loopback in subprocesses, and watch their memory and CPU.

diplomat runs as the README's production section says: `diplomat serve --workers N` with
DATABASE_URL pointing at the file. Datasette serves the same file immutable (`-i`), the mode
its documentation recommends for data that does not change, with facet suggestions off (else
every table page also tries a facet count per column: work diplomat's pages do not ask for).
"""

import os
import signal
import socket
import subprocess
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import psutil

from app.settings import ROOT

BIN = ROOT / ".venv" / "bin"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def diplomat_command(port: int, workers: int) -> list[str]:
    return [str(BIN / "diplomat"), "serve", "--port", str(port), "--workers", str(workers)]


def datasette_command(db: Path, port: int) -> list[str]:
    return [
        str(BIN / "datasette"), "serve", "-i", str(db), "--port", str(port),
        "--setting", "suggest_facets", "off",
    ]  # fmt: skip


@contextmanager
def running(
    command: list[str], port: int, env: dict[str, str] | None = None
) -> Iterator[tuple[str, int]]:
    """Run `command` until the block ends; yields (base URL, pid) once it answers."""
    process = subprocess.Popen(
        command,
        env={**os.environ, **(env or {})},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,  # its own process group, so the workers stop with it
    )
    base = f"http://127.0.0.1:{port}"
    try:
        _wait_ready(process, base)
        yield base, process.pid
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(20)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


def _wait_ready(process: subprocess.Popen, base: str, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            error = process.stderr.read().decode(errors="replace") if process.stderr else ""
            raise RuntimeError(f"server exited ({process.returncode}): {error[-2000:]}")
        try:
            httpx.get(base, timeout=2)
            return
        except httpx.HTTPError:
            time.sleep(0.3)
    raise RuntimeError(f"{base} did not answer within {timeout:.0f} s")


def tree_rss(pid: int) -> int:
    """Resident memory of a process and all its children, in bytes."""
    return tree_memory(pid)[0]


def tree_processes(pid: int) -> list[psutil.Process]:
    """A process and all its children (none if it has gone)."""
    try:
        root = psutil.Process(pid)
        return [root, *root.children(recursive=True)]
    except psutil.NoSuchProcess:
        return []


def tree_memory(pid: int) -> tuple[int, int]:
    """(RSS, PSS) of a process and all its children, in bytes. The RSS sum counts pages the
    processes share once per process; PSS splits each shared page between its sharers."""
    rss = pss = 0
    for proc in tree_processes(pid):
        try:
            info = proc.memory_full_info()
        except (psutil.NoSuchProcess, psutil.AccessDenied):
            continue
        rss += info.rss
        pss += getattr(info, "pss", info.rss)
    return rss, pss


def tree_cpu_seconds(pid: int) -> float:
    """CPU time (user + system) used so far by a process and all its children."""
    total = 0.0
    for proc in tree_processes(pid):
        try:
            times = proc.cpu_times()
        except (psutil.NoSuchProcess, psutil.AccessDenied):
            continue
        total += times.user + times.system
    return total


class PeakMemory:
    """Samples a process tree's memory in a thread; `peak` is the largest RSS sample,
    `peak_pss` the largest PSS sample."""

    def __init__(self, pid: int, interval: float = 0.2):
        self.pid, self.interval, self.peak, self.peak_pss = pid, interval, 0, 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._stop.is_set():
            rss, pss = tree_memory(self.pid)
            self.peak, self.peak_pss = max(self.peak, rss), max(self.peak_pss, pss)
            self._stop.wait(self.interval)

    def __enter__(self) -> "PeakMemory":
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()
