"""Closed-loop HTTP load for a bounded time: wrk when installed, else an async httpx client.

    result = measure("http://127.0.0.1:8100/", connections=8, seconds=10)
    print(result.rps, result.p99_ms)
    result = measure_paths("http://127.0.0.1:8100", paths, connections=8, seconds=30)

Each connection sends its next request as soon as the last one is answered. `measure` asks one
URL again and again; `measure_paths` asks each path of a list once, in order (the connections
share one counter), and stops when the list is exhausted or the time is up, whichever comes
first. Latencies are per request; errors count refused connections, timeouts and, for `measure`,
non-2xx/3xx answers, for `measure_paths` any answer but 200.
"""

import asyncio
import json
import os
import shutil
import signal
import subprocess
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx

TIMEOUT_S = 30
PATHS_SCRIPT = Path(__file__).with_name("wrk_paths.lua")
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
    sent: int = 0  # requests sent (measure_paths: distinct paths asked)
    marked: int = 0  # answers whose body held measure_paths' `marker`

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


def measure_paths(
    base: str, paths: list[str], connections: int, seconds: float, marker: str | None = None
) -> Result:
    """Ask each of `paths` (relative to `base`) once; wrk with bench/wrk_paths.lua if present.
    `marker`: count the answers whose body contains it."""
    if tool() == "wrk":
        return _wrk_paths(base, paths, connections, seconds, marker)
    return asyncio.run(_httpx_paths(base, paths, connections, seconds, marker))


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


def _wrk_paths(
    base: str, paths: list[str], connections: int, seconds: float, marker: str | None
) -> Result:
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as fh:
        fh.write("\n".join(paths) + "\n")
    command = [
        "wrk", "-t1", f"-c{connections}", f"-d{max(1, round(seconds))}s",
        f"--timeout={TIMEOUT_S}s", "-s", str(PATHS_SCRIPT), base, "--", fh.name, marker or "",
    ]  # fmt: skip
    try:
        lines = _run_until_done(command)
    finally:
        Path(fh.name).unlink()
    line = next((ln for ln in lines if ln.startswith("WRKJSON ")), None)
    if line is None:
        raise RuntimeError("wrk printed no figures:\n" + "".join(lines[-20:]))
    data = json.loads(line.removeprefix("WRKJSON "))
    return Result(
        data["requests"],
        data["duration_us"] / 1e6,
        data["socket_errors"] + data["not_ok"],
        data["p50"] / 1000,
        data["p95"] / 1000,
        data["p99"] / 1000,
        data["sent"],
        data["marked"],
    )


def _run_until_done(command: list[str]) -> list[str]:
    """Run wrk; when its script says the list is exhausted, end the run with SIGINT (wrk's
    main thread would otherwise sleep out the whole -d). Returns its output lines."""
    lines = []
    with subprocess.Popen(command, stdout=subprocess.PIPE, text=True) as process:
        assert process.stdout is not None
        for line in process.stdout:
            lines.append(line)
            if line.startswith("WRKTAIL-DONE"):
                os.kill(process.pid, signal.SIGINT)
    if process.returncode != 0:
        raise RuntimeError(f"wrk exited with {process.returncode}:\n" + "".join(lines[-20:]))
    return lines


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


async def _httpx_paths(
    base: str, paths: list[str], connections: int, seconds: float, marker: str | None
) -> Result:
    latencies: list[float] = []  # of answers, as wrk counts them
    errors = marked = sent = 0
    todo: Iterator[str] = iter(paths)
    limits = httpx.Limits(max_connections=connections, max_keepalive_connections=connections)

    async def worker(client: httpx.AsyncClient, deadline: float) -> None:
        nonlocal errors, marked, sent
        for path in todo:  # one iterator shared by every worker: each path is asked once
            sent += 1
            started = time.perf_counter()
            try:
                response = await client.get(base + path)
                body = await response.aread()
            except httpx.HTTPError:
                errors += 1
            else:
                latencies.append(time.perf_counter() - started)
                errors += response.status_code != 200
                marked += bool(marker) and marker.encode() in body
            if time.perf_counter() >= deadline:
                return

    async with httpx.AsyncClient(limits=limits, timeout=TIMEOUT_S) as client:
        started = time.perf_counter()
        deadline = started + seconds
        await asyncio.gather(*(worker(client, deadline) for _ in range(connections)))
        elapsed = time.perf_counter() - started
    latencies.sort()
    pcts = (_pct(latencies, p) for p in (50, 95, 99))
    return Result(len(latencies), elapsed, errors, *pcts, sent=sent, marked=marked)
