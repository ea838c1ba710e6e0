"""A round of hostile probes against a served site and the ingest command, counted.

    .venv/bin/python -m bench.probe_hostile                      # SQLite, then PostgreSQL
    .venv/bin/python -m bench.probe_hostile --backend sqlite

The unit tests check each defect once (tests/web/test_hostile_requests.py,
tests/ingest/test_hostile_batches.py); this asks a served site (`diplomat serve --workers 2`,
the way it is deployed) the same kinds of questions in bulk, plus random ones, and prints per
kind how many were tried and how many failed. A probe fails when the answer is a 5xx, a
traceback, an answer without the security headers, an /api/ error that is not JSON, a script
payload echoed unescaped, a header bomb or a slow client answered like a good request, a
cross-site change accepted, a batch that lost good articles or stopped, or an ingest whose
workers outlive it.
"""

import argparse
import os
import random
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from urllib.parse import quote

import httpx

from bench.servers import free_port, running
from tests.support import hostile, hostile_web, pg

ROOT = Path(__file__).resolve().parents[1]
DIPLOMAT = str(ROOT / ".venv" / "bin" / "diplomat")
SECURITY_HEADERS = ("content-security-policy", "x-content-type-options", "referrer-policy")
RANDOM_PROBES = 600


class Tally:
    def __init__(self) -> None:
        self.tried: Counter[str] = Counter()
        self.failed: Counter[str] = Counter()
        self.examples: dict[str, str] = {}

    def check(self, kind: str, ok: bool, example: str) -> None:
        self.tried[kind] += 1
        if not ok:
            self.failed[kind] += 1
            self.examples.setdefault(kind, example[:160])


def _answer_ok(response: httpx.Response, path: str) -> bool:
    return _fault(response, path) == ""


def _fault(response: httpx.Response, path: str) -> str:
    """What is wrong with an answer ("" if nothing): the reason shown in the report."""
    body = response.text
    kind = response.headers.get("content-type", "")
    if response.status_code >= 500 or "Traceback" in body:
        return f"status {response.status_code}"
    if not all(h in response.headers for h in SECURITY_HEADERS):
        return "no security headers"
    if path.startswith("/api/") and response.status_code >= 400 and "json" not in kind:
        return f"/api/ error as {kind}"
    # Markup matters where a browser renders it: JSON, CSV and XML carry text as text.
    if kind.startswith("text/html") and any(m in body for m in hostile_web.UNESCAPED):
        return "payload echoed unescaped"
    return ""


def probe_requests(base: str, tally: Tally, rng: random.Random) -> None:
    routes = [r for r in hostile_web.routes() if "GET" in r.methods]
    with httpx.Client(base_url=base, timeout=30) as client:
        for route in routes:
            for name in hostile_web.QUERY_NAMES:
                for value in hostile_web.HOSTILE_STRINGS:
                    path = hostile_web.fill(route.path)
                    response = client.get(path, params={name: value})
                    fault = _fault(response, path)
                    tally.check("query parameters", not fault, f"{path} {name}: {fault}")
            if "{" in route.path:
                for value in hostile_web.HOSTILE_STRINGS:
                    path = hostile_web.fill(route.path, quote(value, safe=""))
                    try:
                        response = client.get(path)
                    except httpx.InvalidURL:
                        continue
                    tally.check("path values", _answer_ok(response, path), path)
            # HEAD answers as GET does (a feed of no search is a 404 either way); OPTIONS
            # says what is allowed.
            path = hostile_web.fill(route.path)
            get, head = client.get(path).status_code, client.head(path).status_code
            tally.check("HEAD and OPTIONS", head == get, f"HEAD {path} {head}, GET {get}")
            options = client.options(path).status_code
            tally.check("HEAD and OPTIONS", options in (200, 204), f"OPTIONS {path} {options}")
        for _ in range(RANDOM_PROBES):
            route = rng.choice(routes)
            params = {rng.choice(hostile_web.QUERY_NAMES): _random_text(rng) for _ in range(3)}
            path = hostile_web.fill(route.path)
            response = client.get(path, params=params)
            fault = _fault(response, path)
            tally.check("random strings", not fault, f"{path} {params!r}: {fault}")
        for path in ("/%00", "/?q=a%00b", "/speakers/%00", "/" + "a" * 9000, "/?q=" + "x" * 60000):
            response = client.get(path)
            tally.check("NUL and long URLs", response.status_code < 500, path[:60])
        spoof = client.get("/", headers={"Host": "evil.example"})
        tally.check("host header", spoof.status_code in (200, 400), "Host: evil.example")
        for action in ("save", "forget"):
            path = f"/speakers/sergey-lavrov/{action}"
            for headers in (
                {"Origin": "https://evil.example"},
                {"Sec-Fetch-Site": "cross-site"},
                {"Referer": "https://evil.example/page"},
            ):
                response = client.post(path, headers=headers, follow_redirects=False)
                tally.check("cross-site POST", response.status_code == 403, f"{path} {headers}")


def _random_text(rng: random.Random) -> str:
    alphabet = "abc \"'<>&%*()-:;\\/\x00\x07\u00e9\u202e\U0001f600[]{}"
    return "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40)))


def probe_connections(base: str, tally: Tally) -> None:
    host, port = base.removeprefix("http://").split(":")
    # Header bombs: each must be refused (431) or cut off, never answered 200.
    for size in (100_000, 1_000_000, 8_000_000):
        with socket.create_connection((host, int(port)), timeout=10) as sock:
            request = f"GET / HTTP/1.1\r\nHost: {host}\r\nX-Big: ".encode() + b"a" * size
            try:
                sock.sendall(request + b"\r\n\r\n")
                answer = sock.recv(64)
            except OSError:
                answer = b""
            tally.check("header bombs", b" 200 " not in answer, f"{size} bytes: {answer[:20]!r}")
    # Slow clients: 300 half-sent requests must not stop a good one.
    held = []
    for _ in range(300):
        sock = socket.create_connection((host, int(port)), timeout=10)
        sock.sendall(b"GET / HTTP/1.1\r\nHost: " + host.encode() + b"\r\nX-Slow: ")
        held.append(sock)
    started = time.monotonic()
    try:
        ok = httpx.get(base + "/", timeout=10).status_code == 200
    except httpx.HTTPError:
        ok = False
    elapsed = time.monotonic() - started
    tally.check("slow clients", ok and elapsed < 2, f"good request took {elapsed:.1f} s")
    for sock in held:
        sock.close()


def probe_files(url: str, folder: Path, tally: Tally, rng: random.Random) -> None:
    """Hostile and random files in one batch with good ones: every good one stored, one line
    per failure, no traceback, exit code 1 (some failed), and the batch finished."""
    batch = folder / "batch"
    batch.mkdir()
    for index in range(20):
        (batch / f"good-{index}.txt").write_text(hostile.good(f"Town{index}"), encoding="utf-8")
    for name, (make, _expect) in hostile.HOSTILE.items():
        if name in ("huge", "small_files"):
            continue  # timed by the unit tests; too slow for a round
        target = batch / name
        target.mkdir()
        make(target)
    for index in range(150):
        data = rng.randbytes(rng.randint(0, 3000))
        if index % 3 == 0:
            data = hostile.good(f"Rand{index}").encode() + data
        name = "".join(rng.choice("abc\u00e9 -_[]") for _ in range(8)) + f"-{index}.txt"
        (batch / name).write_bytes(data)
    env = {**os.environ, "DATABASE_URL": url}
    result = subprocess.run(
        [DIPLOMAT, "ingest", str(batch), "--workers", "2"],
        capture_output=True,
        text=True,
        env=env,
        timeout=600,
    )
    stored = _count_sources(url, "good-")
    tally.check("file batch: finished", result.returncode in (0, 1), f"exit {result.returncode}")
    tally.check("file batch: no traceback", "Traceback" not in result.stderr, result.stderr[-200:])
    tally.check("file batch: good kept", stored == 20, f"{stored} of 20 good files stored")
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    tally.check("file batch: one line each", all(line.startswith("failed: ") for line in lines), "")


def _count_sources(url: str, prefix: str) -> int:
    from sqlalchemy import text

    from app.db import make_engine

    engine = make_engine(url)
    with engine.connect() as conn:
        sql = text("SELECT count(*) FROM article WHERE source LIKE :p")
        found = conn.execute(sql, {"p": f"%{prefix}%"}).scalar_one()
    engine.dispose()
    return int(found)


def probe_kill(url: str, folder: Path, tally: Tally) -> None:
    """kill -9 of an ingest with two workers: the workers must not outlive it."""
    corpus = folder / "kill"
    corpus.mkdir()
    for index in range(400):
        (corpus / f"a{index}.txt").write_text(hostile.good(f"Kill{index}") * 20, encoding="utf-8")
    env = {**os.environ, "DATABASE_URL": url}
    process = subprocess.Popen(
        [DIPLOMAT, "ingest", str(corpus), "--workers", "2"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    time.sleep(6)
    children = _children(process.pid)
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and any(_alive(pid) for pid in children):
        time.sleep(0.2)
    alive = [pid for pid in children if _alive(pid)]
    tally.check("kill -9 ingest", bool(children) and not alive, f"{len(alive)} workers left")


def _children(pid: int) -> list[int]:
    found = subprocess.run(["pgrep", "-P", str(pid)], capture_output=True, text=True).stdout
    return [int(p) for p in found.split()]


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().split()[2] != "Z"
    except OSError:
        return False


def run(backend: str, seed: int) -> Tally:
    tally, rng = Tally(), random.Random(seed)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        name = pg.unique_name("probe")
        if backend == "postgres":
            pg.create_database(name)
            url = pg.database_url(name)
        else:
            url = f"sqlite:///{folder / 'probe.db'}"
        env = {**os.environ, "DATABASE_URL": url}
        subprocess.run([DIPLOMAT, "db", "upgrade"], env=env, check=True, capture_output=True)
        subprocess.run(
            [DIPLOMAT, "ingest", str(ROOT / "examples")], env=env, check=True, capture_output=True
        )
        _seed_hostile(url)
        port = free_port()
        command = [DIPLOMAT, "serve", "--port", str(port), "--workers", "2"]
        with running(command, port, {"DATABASE_URL": url}) as (base, _pid):
            probe_requests(base, tally, rng)
            probe_connections(base, tally)
        probe_files(url, folder, tally, rng)
        probe_kill(url, folder, tally)
        if backend == "postgres":
            pg.drop_database(name)
    return tally


def _seed_hostile(url: str) -> None:
    from app.db import make_engine
    from app.ingest.store import store_article
    from tests.conftest import TOPIC_NAMES, sample_articles

    engine = make_engine(url, writer=True)
    # The unit tests' sample articles (the pages PATH_VALUES names) and the hostile one.
    for source, article in [*sample_articles(), hostile_web.hostile_article()]:
        store_article(engine, source, article, TOPIC_NAMES)
    engine.dispose()


def report(backend: str, tally: Tally) -> None:
    print(f"\n**{backend}**\n")
    print("| probe | tried | failed | first failure |")
    print("|---|---|---|---|")
    for kind in tally.tried:
        example = tally.examples.get(kind, "")
        print(f"| {kind} | {tally.tried[kind]} | {tally.failed[kind]} | {example} |")
    print(f"| **all** | {sum(tally.tried.values())} | {sum(tally.failed.values())} | |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--backend", choices=["sqlite", "postgres", "both"], default="both")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    backends = ["sqlite", "postgres"] if args.backend == "both" else [args.backend]
    failed = 0
    for backend in backends:
        tally = run(backend, args.seed)
        report(backend, tally)
        failed += sum(tally.failed.values())
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
