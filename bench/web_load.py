"""Web benchmark: diplomat and Datasette serving the same SQLite file, loaded over loopback.

    .venv/bin/python -m bench.web_load /tmp/bench/quotes-1m.db --seconds 20 --json web.json

diplomat is served as the README's production section says (`diplomat serve --workers 2`),
then again with its page cache off (every request rebuilds its page), then Datasette
(`datasette serve -i`), one after the other, each alone on the machine. Every
endpoint of the mix (bench/web_mix.py) is loaded for `--seconds` at each connection count by
wrk (or an async httpx client); resident memory of the server's whole process tree is sampled
meanwhile. Prints one table per server and the ratios; `--json` keeps the figures for
bench/report.py.
"""

import argparse
import json
import sqlite3
import sys
import time
from dataclasses import asdict, dataclass
from pathlib import Path

import httpx

from app.schema import upgrade
from bench import load
from bench.report import UNCACHED, print_web
from bench.servers import PeakMemory, datasette_command, diplomat_command, free_port, running
from bench.web_mix import Endpoint, datasette_path, datasette_row_path, endpoints, pick


@dataclass(frozen=True)
class Row:
    server: str
    endpoint: str
    fmt: str
    connections: int
    rps: float
    p50_ms: float
    p95_ms: float
    p99_ms: float
    errors: int
    requests: int
    rss_mb: float
    kind: str
    first_ms: float = 0.0  # the first request after the server started: every cache cold


def warm(base: str, paths: list[str], connections: int = 12) -> dict[str, float]:
    """Return how long each path's first answer took in ms (what the first reader after a
    start waits), then ask it again on `connections` new connections, so that every server
    process has answered it once (the kernel spreads new connections over the workers) and
    the timed load measures the steady state. Stops on any error status."""
    first: dict[str, float] = {}
    for path in paths:
        for _ in range(1 + connections):
            started = time.perf_counter()
            response = httpx.get(base + path, timeout=120)  # a new connection each time
            first.setdefault(path, (time.perf_counter() - started) * 1000)
            if response.status_code != 200:
                sys.exit(f"{base}{path} answered {response.status_code}")
    return first


def load_all(
    server: str, base: str, pid: int, targets: list[tuple[str, str, str, str]], args
) -> list[Row]:
    """Load each (name, format, kind, path) at each connection count."""
    # diplomat's workers each keep their own caches; Datasette is one process.
    spread = 6 * args.workers if server != "datasette" and args.workers > 1 else 1
    first = warm(base, [path for *_, path in targets], spread)
    rows = []
    for connections in args.connections:
        for name, fmt, kind, path in targets:
            with PeakMemory(pid) as memory:
                r = load.measure(base + path, connections, args.seconds)
            row = Row(server, name, fmt, connections, r.rps, r.p50_ms, r.p95_ms, r.p99_ms,
                      r.errors, r.requests, memory.peak / 1e6, kind, first[path])  # fmt: skip
            print(
                f"  {server:<17} {name:<18} {fmt:<4} c={connections} {r.rps:8.1f} req/s "
                f"p99 {r.p99_ms:8.1f} ms  rss {row.rss_mb:6.0f} MB",
                file=sys.stderr,
            )
            rows.append(row)
    return rows


def diplomat_targets(eps: list[Endpoint]) -> list[tuple[str, str, str, str]]:
    return [(e.name, "html", e.kind, e.path) for e in eps]


def datasette_targets(db: Path, eps: list[Endpoint], speaker_id: int) -> list[tuple]:
    targets = []
    for fmt in ("html", "json"):
        for e in eps:
            if e.kind == "speaker":
                targets.append((e.name, fmt, e.kind, datasette_row_path(db.stem, speaker_id, fmt)))
            elif e.datasette and e.kind != "export":
                targets.append((e.name, fmt, e.kind, datasette_path(db.stem, e, fmt)))
    export = [e for e in eps if e.kind == "export"]
    targets += [(e.name, "csv", e.kind, datasette_path(db.stem, e, "csv")) for e in export]
    return targets


def sizes(db: Path) -> dict[str, int]:
    """Database file size and the raw article text it holds, in bytes."""
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        (text,) = conn.execute("SELECT sum(length(CAST(text AS BLOB))) FROM article").fetchone()
        (quotes,) = conn.execute("SELECT count(*) FROM quote").fetchone()
    finally:
        conn.close()
    return {"db_bytes": db.stat().st_size, "text_bytes": text, "quotes": quotes}


def run(db: Path, args) -> dict:
    """Load diplomat on `db` (or on `args.serve_url`, a copy of it made by `diplomat db copy`,
    whose ids are the same, so the requests picked from `db` fit), then Datasette on `db`."""
    serve_url = getattr(args, "serve_url", None) or f"sqlite:///{db}"
    upgrade(serve_url)  # serve would do it too; done first so start-up is not timed
    picks = pick(db)
    eps = [e for e in endpoints(picks) if not args.only or e.name in args.only]
    if not eps:
        sys.exit(f"no endpoint named {', '.join(args.only)}")
    rows: list[Row] = []
    port = free_port()
    env = {"DATABASE_URL": serve_url}
    with running(diplomat_command(port, args.workers), port, env) as (base, pid):
        rows += load_all("diplomat", base, pid, diplomat_targets(eps), args)
    if not args.page_cache_only:
        # Every request rebuilds its page (counts stay cached): what a query costs when the
        # same URL is not asked twice between imports.
        port = free_port()
        env["PAGE_CACHE_ENTRIES"] = "0"
        with running(diplomat_command(port, args.workers), port, env) as (base, pid):
            rows += load_all(UNCACHED, base, pid, diplomat_targets(eps), args)
    if not args.no_datasette and not getattr(args, "serve_url", None):
        port = free_port()
        with running(datasette_command(db, port), port) as (base, pid):
            targets = datasette_targets(db, eps, picks.speaker_id)
            rows += load_all("datasette", base, pid, targets, args)
    return {
        "tool": load.tool(),
        "seconds": args.seconds,
        "workers": args.workers,
        "picks": asdict(picks),
        "paths": {e.name: e.path for e in eps},
        **sizes(db),
        "rows": [asdict(row) for row in rows],
    }


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("db_path", type=Path)
    parser.add_argument("--seconds", type=float, default=10, help="per endpoint and load")
    parser.add_argument("--connections", type=int, nargs="+", default=[1, 8])
    parser.add_argument("--workers", type=int, default=2, help="diplomat server processes")
    parser.add_argument("--no-datasette", action="store_true", help="diplomat only")
    parser.add_argument(
        "--page-cache-only",
        action="store_true",
        help="skip the second diplomat run with the page cache off",
    )
    parser.add_argument(
        "--serve-url",
        help="serve diplomat from this database instead (a `diplomat db copy` of DB_PATH, e.g. "
        "on PostgreSQL); implies --no-datasette",
    )
    parser.add_argument("--only", nargs="+", help="these endpoints of the mix (by name)")
    parser.add_argument("--json", type=Path, help="write the figures here")
    args = parser.parse_args()
    if not args.db_path.exists():
        parser.error(f"{args.db_path} not found: build it with bench.make_db")
    result = run(args.db_path, args)
    print_web(result)
    if args.json:
        args.json.write_text(json.dumps(result, indent=1))


if __name__ == "__main__":
    main()
