"""Closed-loop HTTP load for a bounded time: wrk when installed, else an async httpx client.

    result = measure("http://127.0.0.1:8100/", connections=8, seconds=10)
    print(result.rps, result.p99_ms)

Each connection sends its next request as soon as the last one is answered. Latencies are
per request; errors count refused connections, timeouts and non-2xx/3xx answers.
"""

import asyncio
import json
import shutil
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import httpx

TIMEOUT_S = 30
# wrk calls done() once at the end; it prints one JSON line we parse (latencies in µs).
WRK_SCRIPT = """
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'WRKJSON {"requests":%d,"duration_us":%d,"errors":%d,"p50":%d,"p95":%d,"p99":%d}\\n',
    summary.requests, summary.duration, e.connect + e.read + e.write + e.timeout + e.status,
    latency:percentile(50), latency:percentile(95), latency:percentile(99)))
end
"""


@dataclass(frozen=True)
class Result:
    requests: int
    seconds: float
    errors: int
    p50_ms: float
    p95_ms: float
    p99_ms: float

    @property
    def rps(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0


def tool() -> str:
    return "wrk" if shutil.which("wrk") else "httpx"


def measure(url: str, connections: int, seconds: float) -> Result:
    """Load `url` from `connections` connections for `seconds`; wrk if present."""
    if tool() == "wrk":
        return _wrk(url, connections, seconds)
    return asyncio.run(_httpx(url, connections, seconds))


def _wrk(url: str, connections: int, seconds: float) -> Result:
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as fh:
        fh.write(WRK_SCRIPT)
    command = [
        "wrk", "-t1", f"-c{connections}", f"-d{max(1, round(seconds))}s",
        f"--timeout={TIMEOUT_S}s", "-s", fh.name, url,
    ]  # fmt: skip
    try:
        done = subprocess.run(command, capture_output=True, text=True, check=True)
    finally:
        Path(fh.name).unlink()
    line = next(ln for ln in done.stdout.splitlines() if ln.startswith("WRKJSON "))
    data = json.loads(line.removeprefix("WRKJSON "))
    return Result(
        data["requests"],
        data["duration_us"] / 1e6,
        data["errors"],
        data["p50"] / 1000,
        data["p95"] / 1000,
        data["p99"] / 1000,
    )


async def _httpx(url: str, connections: int, seconds: float) -> Result:
    latencies: list[float] = []
    errors = 0
    limits = httpx.Limits(max_connections=connections, max_keepalive_connections=connections)

    async def worker(client: httpx.AsyncClient, deadline: float) -> None:
        nonlocal errors
        while time.perf_counter() < deadline:
            started = time.perf_counter()
            try:
                response = await client.get(url)
                await response.aread()
                errors += response.status_code >= 400
            except httpx.HTTPError:
                errors += 1
            latencies.append(time.perf_counter() - started)

    async with httpx.AsyncClient(limits=limits, timeout=TIMEOUT_S) as client:
        started = time.perf_counter()
        deadline = started + seconds
        await asyncio.gather(*(worker(client, deadline) for _ in range(connections)))
        elapsed = time.perf_counter() - started
    latencies.sort()
    return Result(len(latencies), elapsed, errors, *(_pct(latencies, p) for p in (50, 95, 99)))


def _pct(ordered: list[float], p: float) -> float:
    if not ordered:
        return 0.0
    return ordered[min(len(ordered) - 1, int(len(ordered) * p / 100))] * 1000
