"""Load running servers with the long tail: each kind's URLs asked once, slice by slice.

The servers were started for this alone. A few URLs per kind that no slice holds are asked
first, one per new connection, so that every process has served something before the timing
starts; how long they took is kept (the first requests after a start). Then, for each
connection count in turn and each kind, every server is asked its slice of that kind, one
server right after the other, by wrk through bench/wrk_paths.lua (or by httpx), while the
loaded server's process tree's resident memory is sampled. Asking the servers kind by kind,
rather than one server's every kind and then the other's, puts each comparison minutes apart
at most: this machine's speed drifts by up to 2× within an hour, and a ratio of figures taken
ten minutes apart measured the drift as much as the servers. The order alternates from kind
to kind (A B, B A, …), and each slice waits until every server is idle (a page's deferred
counts may still be running after its last answer), so the loaded one meets the machine alone.
"""

import sys
import time
from dataclasses import dataclass

import httpx

from bench import load
from bench.servers import PeakMemory, tree_cpu_seconds
from bench.tail_urls import Kind, Url

# diplomat's page says its counts are still being made, and fetches them itself (htmx, from
# the same URL with part=counts): templates/quotes/_counts.html.
DEFERRED_MARKER = 'part=counts"'
IDLE_CPU = 0.05  # of one core: below it a server tree counts as idle
IDLE_LIMIT_S = 30.0


@dataclass(frozen=True)
class Server:
    name: str  # "diplomat" or "datasette"
    base: str  # http://127.0.0.1:port
    pid: int  # the root of its process tree


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
    servers: list[Server], kinds: list[Kind], connections: list[int], seconds: float
) -> tuple[list[TailRow], dict[str, dict[str, list[float]]]]:
    """Rows for every server, kind and connection count, and each server's warm-up times
    (ms) by kind."""
    first = {s.name: {kind.name: warm_up(s.base, s.name, kind) for kind in kinds} for s in servers}
    rows = []
    turn = 0
    for number, conns in enumerate(connections):
        for kind in kinds:
            asked = [s for s in servers if any(path_of(s.name, u) for u in kind.runs[number])]
            for server in asked if turn % 2 == 0 else asked[::-1]:
                wait_idle([s.pid for s in servers])
                rows.append(load_slice(server, kind, kind.runs[number], conns, seconds))
            turn += len(asked) > 1  # who goes first alternates between comparisons
    return rows, first


def load_slice(server: Server, kind: Kind, urls: list[Url], conns: int, seconds: float) -> TailRow:
    """One server, one kind's slice, one connection count: its row."""
    paths = [p for url in urls if (p := path_of(server.name, url))]
    marker = DEFERRED_MARKER if server.name != "datasette" else None
    with PeakMemory(server.pid) as memory:
        r = load.measure_paths(server.base, paths, conns, seconds, marker)
    row = TailRow(server.name, kind.name, kind.group, conns, r.sent, r.requests, r.seconds,
                  r.rps, r.p50_ms, r.p95_ms, r.p99_ms, r.errors, r.marked,
                  memory.peak / 1e6, memory.peak_pss / 1e6, r.requests == len(paths))  # fmt: skip
    print(
        f"  {server.name:<9} {kind.name:<16} c={conns} {r.sent:5d} URLs {r.rps:8.1f} req/s "
        f"p50 {r.p50_ms:7.1f} p99 {r.p99_ms:8.1f} ms err {r.errors} rss {row.rss_mb:4.0f} MB",
        file=sys.stderr,
    )
    return row


def wait_idle(pids: list[int], interval: float = 0.25, limit: float = IDLE_LIMIT_S) -> float:
    """Wait until the process trees together use under IDLE_CPU of a core over `interval`;
    return the seconds waited (a warning past `limit`, then go on)."""
    started = time.monotonic()
    before = sum(tree_cpu_seconds(pid) for pid in pids)
    while time.monotonic() - started < limit:
        time.sleep(interval)
        now = sum(tree_cpu_seconds(pid) for pid in pids)
        if now - before < IDLE_CPU * interval:
            return time.monotonic() - started
        before = now
    print(f"  warning: servers still busy after {limit:.0f} s", file=sys.stderr)
    return limit


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
