"""Web benchmark: diplomat and Datasette serving the same SQLite file, loaded over loopback.

    .venv/bin/python -m bench.web_load /tmp/bench/quotes-1m.db --json web.json
    .venv/bin/python -m bench.web_load /tmp/small.db --urls 300 --seconds 5 --cached-seconds 0
    .venv/bin/python -m bench.web_load /tmp/bench/quotes-1m.db --backend postgres

The headline is the long tail: for each page kind (speaker filter, speaker + topic, country +
dates, topic page, cursor pages, speaker page, common- and rare-word search, compare, CSV
export) up to `--urls` distinct URLs per connection count, chosen from the database
(bench/tail_kinds.py), each asked once by wrk through bench/wrk_paths.lua (or by httpx); a run
ends when its list is exhausted or after `--seconds`. The connection counts ask disjoint
slices of each kind's URLs, so no run is answered from pages an earlier one cached. diplomat is
served as deployed (`diplomat serve --workers 2`, page cache on) and Datasette (`datasette
serve -i`, facet suggestions off) on the same file with the equivalent URLs, both started fresh,
the file read through first so that both meet it in the kernel's cache. They are loaded kind by
kind in turn, each while the other is idle (bench/web_tail.py), so that each ratio compares
figures taken a minute apart, not ten: the machine's speed drifts. The resident memory of the
loaded server's whole process tree is sampled meanwhile.

The second table is the old one, cache hits: each URL of a small mix (bench/web_mix.py) asked
again and again for `--cached-seconds`, on a server started again for it (0 skips it).

With `--backend postgres` diplomat serves a PostgreSQL copy of the file (made with `diplomat db
copy` when missing, see bench/postgres.py), alone: Datasette has no PostgreSQL. Prints the
tables, the targets of issue 16 as PASS/FAIL lines and the method; `--json` keeps the figures
for bench/report.py and bench/run_all.py.
"""

import argparse
import json
import os
import sqlite3
import sys
import time
from contextlib import ExitStack
from dataclasses import asdict, dataclass
from pathlib import Path

import httpx

from app.schema import upgrade
from bench import load, postgres, tail_report, tail_urls
from bench.report import UNCACHED
from bench.servers import PeakMemory, datasette_command, diplomat_command, free_port, running
from bench.web_mix import Endpoint, datasette_path, datasette_row_path, endpoints, pick
from bench.web_tail import Server, run_tail


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
    """The long tail on diplomat (on `db`, or on `args.database_url`, a copy of it made by
    `diplomat db copy`, whose ids are the same, so the URLs read from `db` fit) and on
    Datasette (SQLite only), both started, then loaded kind by kind in turn; then the cache
    hits, each server alone."""
    load_at_start = os.getloadavg()[0]
    serve_url = database_url(db, args)
    upgrade(serve_url)  # serve would do it too; done first so start-up is not timed
    datasette = not args.no_datasette and serve_url.startswith("sqlite")
    kinds = tail_urls.build(db, args.urls, len(args.connections), args.warm, args.kinds)
    buffers = None
    if serve_url.startswith("sqlite"):
        preload(db)
    else:
        buffers = postgres.preload(serve_url)
    with ExitStack() as stack:
        servers = []
        for name in ("diplomat", "datasette") if datasette else ("diplomat",):
            port = free_port()
            if name == "diplomat":
                command, env = diplomat_command(port, args.workers), {"DATABASE_URL": serve_url}
            else:
                command, env = datasette_command(db, port), {}
            base, pid = stack.enter_context(running(command, port, env))
            servers.append(Server(name, base, pid))
        tail, first = run_tail(servers, kinds, args.connections, args.seconds)
    result = {
        "tool": load.tool(),
        "backend": "postgresql" if serve_url.startswith("postgresql") else "sqlite",
        "database": postgres.safe(serve_url),
        "shared_buffers": buffers,
        "workers": args.workers,
        "interleaved": True,
        "seconds": args.seconds,
        "urls_per_run": args.urls,
        "connections": args.connections,
        "warm": args.warm,
        "kinds": [kind_summary(kind) for kind in kinds],
        "tail": [asdict(row) for row in tail],
        "first": first,
        "loadavg": [load_at_start, os.getloadavg()[0]],
        **sizes(db),
    }
    if args.cached_seconds:
        result["cached"] = run_cached(db, serve_url, datasette, args)
    return result


def preload(db: Path) -> None:
    """Read the database file through, so that each server meets it in the kernel's page
    cache, as on a machine that has served it a while: whether a long-tail page waits for the
    disk otherwise depends on what ran before (a 1 GB file on a 24 GB machine, 7 % of it
    evicted after the PostgreSQL copy, made deep cursor pages ten times slower)."""
    for path in (db, db.with_name(db.name + "-wal")):
        if path.exists():
            with path.open("rb") as file:
                while file.read(1 << 24):
                    pass


def database_url(db: Path, args) -> str:
    """Where diplomat reads: the file, or a PostgreSQL copy of it (made if missing)."""
    url = args.database_url
    if args.backend == "postgres" and not url:
        url = postgres.default_url(db)
    if url and url.startswith("postgresql"):
        return postgres.ensure_copy(db, url, args.fresh_copy)
    return url or f"sqlite:///{db}"


def kind_summary(kind: tail_urls.Kind) -> dict:
    return {
        "name": kind.name,
        "group": kind.group,
        "pool": kind.pool,
        "runs": [len(urls) for urls in kind.runs],
        "datasette_runs": [sum(1 for u in urls if u.datasette) for urls in kind.runs],
        "example": kind.example.path if kind.example else None,
        "datasette_example": kind.example.datasette if kind.example else None,
    }


def run_cached(db: Path, serve_url: str, datasette: bool, args) -> dict:
    """The cache-hit mix: each endpoint's one URL asked again and again, on fresh servers."""
    cached_args = argparse.Namespace(**{**vars(args), "seconds": args.cached_seconds})
    picks = pick(db)
    eps = [e for e in endpoints(picks) if not args.only or e.name in args.only]
    if not eps:
        sys.exit(f"no endpoint named {', '.join(args.only)}")
    rows: list[Row] = []
    env = {"DATABASE_URL": serve_url}
    port = free_port()
    with running(diplomat_command(port, args.workers), port, env) as (base, pid):
        rows += load_all("diplomat", base, pid, diplomat_targets(eps), cached_args)
    if args.uncached:
        # Every request rebuilds its page (counts stay cached).
        port = free_port()
        env["PAGE_CACHE_ENTRIES"] = "0"
        with running(diplomat_command(port, args.workers), port, env) as (base, pid):
            rows += load_all(UNCACHED, base, pid, diplomat_targets(eps), cached_args)
    if datasette:
        port = free_port()
        with running(datasette_command(db, port), port) as (base, pid):
            targets = datasette_targets(db, eps, picks.speaker_id)
            rows += load_all("datasette", base, pid, targets, cached_args)
    return {
        "tool": load.tool(),
        "seconds": args.cached_seconds,
        "workers": args.workers,
        "picks": asdict(picks),
        "paths": {e.name: e.path for e in eps},
        **sizes(db),
        "rows": [asdict(row) for row in rows],
    }


def make_parser() -> argparse.ArgumentParser:
    """The command line (bench.run_all parses its own arguments for this with it too)."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("db_path", type=Path)
    parser.add_argument(
        "--urls", type=int, default=2000, help="distinct URLs per kind and connection count"
    )
    parser.add_argument(
        "--seconds", type=float, default=60, help="time limit per kind and connection count"
    )
    parser.add_argument("--warm", type=int, default=4, help="warm-up URLs per kind (untimed)")
    parser.add_argument("--connections", type=int, nargs="+", default=[1, 8])
    parser.add_argument("--workers", type=int, default=2, help="diplomat server processes")
    parser.add_argument("--kinds", nargs="+", help="only these page kinds of the long tail")
    parser.add_argument("--no-datasette", action="store_true", help="diplomat only")
    parser.add_argument(
        "--backend",
        choices=["sqlite", "postgres"],
        default="sqlite",
        help="postgres: serve diplomat from a PostgreSQL copy of DB_PATH (no Datasette)",
    )
    parser.add_argument(
        "--database-url",
        "--serve-url",
        help="serve diplomat from this database instead: a `diplomat db copy` of DB_PATH "
        f"(default for --backend postgres: {postgres.SERVER}/diplomat_bench_<file name>)",
    )
    parser.add_argument(
        "--fresh-copy", action="store_true", help="drop the PostgreSQL copy and copy again"
    )
    parser.add_argument(
        "--cached-seconds",
        type=float,
        default=5,
        help="per endpoint of the cache-hit mix (one URL again and again); 0 skips it",
    )
    parser.add_argument("--only", nargs="+", help="these endpoints of the cache-hit mix")
    parser.add_argument(
        "--uncached", action="store_true", help="the cache-hit mix again with the page cache off"
    )
    parser.add_argument("--json", type=Path, help="write the figures here")
    return parser


def main() -> None:
    parser = make_parser()
    args = parser.parse_args()
    if not args.db_path.exists():
        parser.error(f"{args.db_path} not found: build it with bench.make_db")
    unknown = set(args.kinds or ()) - {name for name, *_ in tail_urls.KINDS}
    if unknown:
        parser.error(f"no page kind {', '.join(sorted(unknown))}")
    result = run(args.db_path, args)
    tail_report.print_tail(result)
    if args.json:
        args.json.write_text(json.dumps(result, indent=1))


if __name__ == "__main__":
    main()
