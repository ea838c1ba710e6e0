"""Load one running server with the long tail: each kind's URLs asked once, slice by slice.

The server was started for this alone. A few URLs per kind that no slice holds are asked first,
one per new connection, so that every process has served something before the timing starts;
how long they took is kept (the first requests after a start). Then, for each connection
count in turn, each kind's slice for that count is asked by wrk through bench/wrk_paths.lua (or
by httpx), while the server's process tree's resident memory is sampled.
"""

import sys
import time
from dataclasses import dataclass

import httpx

from bench import load
from bench.servers import PeakMemory
from bench.tail_urls import Kind, Url

# diplomat's page says its counts are still being made, and fetches them itself (htmx, from
# the same URL with part=counts): templates/quotes/_counts.html.
DEFERRED_MARKER = 'part=counts"'


@dataclass(frozen=True)
class TailRow:
    server: str
    kind: str
    group: str
    connections: int
    urls: int  # distinct URLs asked (each once)
    requests: int  # answers received
    seconds: float
    rps: float
    p50_ms: float
    p95_ms: float
    p99_ms: float
    errors: int  # refused, timed out, or any status but 200
    deferred: int  # pages sent with their counts still being made
    rss_mb: float  # peak of the process tree's RSS (summed over processes)
    pss_mb: float  # peak of its PSS (shared pages split between the processes)
    exhausted: bool  # every URL of the slice was answered before the time limit


def path_of(server: str, url: Url) -> str | None:
    return url.datasette if server == "datasette" else url.path


def run_tail(
    server: str, base: str, pid: int, kinds: list[Kind], connections: list[int], seconds: float
) -> tuple[list[TailRow], dict[str, list[float]]]:
    """Rows for every kind at every connection count, and the warm-up's times (ms) by kind."""
    first = {kind.name: warm_up(base, server, kind) for kind in kinds}
    marker = DEFERRED_MARKER if server != "datasette" else None
    rows = []
    for number, conns in enumerate(connections):
        for kind in kinds:
            paths = [p for url in kind.runs[number] if (p := path_of(server, url))]
            if not paths:
                continue  # Datasette has no equivalent
            with PeakMemory(pid) as memory:
                r = load.measure_paths(base, paths, conns, seconds, marker)
            row = TailRow(server, kind.name, kind.group, conns, r.sent, r.requests, r.seconds,
                          r.rps, r.p50_ms, r.p95_ms, r.p99_ms, r.errors, r.marked,
                          memory.peak / 1e6, memory.peak_pss / 1e6,
                          r.requests == len(paths))  # fmt: skip
            print(
                f"  {server:<9} {kind.name:<16} c={conns} {r.sent:5d} URLs {r.rps:8.1f} req/s "
                f"p50 {r.p50_ms:7.1f} p99 {r.p99_ms:8.1f} ms err {r.errors} "
                f"rss {row.rss_mb:4.0f} MB",
                file=sys.stderr,
            )
            rows.append(row)
    return rows, first


def warm_up(base: str, server: str, kind: Kind) -> list[float]:
    """Ask the kind's warm-up URLs, each on a new connection; their times in ms."""
    times = []
    for url in kind.warm:
        path = path_of(server, url)
        if path is None:
            continue
        started = time.perf_counter()
        try:
            status = httpx.get(base + path, timeout=load.TIMEOUT_S).status_code
        except httpx.HTTPError as error:
            status = f"{type(error).__name__}"
        times.append((time.perf_counter() - started) * 1000)
        if status != 200:
            print(f"  warning: {server} answered {status} to {path}", file=sys.stderr)
    return times
