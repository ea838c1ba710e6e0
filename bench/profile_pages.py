"""Where a page's time goes: each endpoint of the web mix, timed and profiled in-process.

    .venv/bin/python -m bench.profile_pages /tmp/bench/quotes-1m.db --only home "search rare"
    .venv/bin/python -m bench.profile_pages /tmp/bench/quotes-1m.db --tail "speaker page" --profile
    .venv/bin/python -m bench.profile_pages DB --tail "search rare" --statements
    .venv/bin/python -m bench.profile_pages DB --tail "search common" --counts --slowest 10

Runs the app in-process through httpx's ASGI transport (no server, no network) against the
database, and prints each endpoint's wall time per request and a pyinstrument profile of each.
With `--tail KIND`, it asks `--repeat` distinct URLs of one long-tail kind (bench/tail_urls.py)
once each, as readers do, and profiles them together: where a page nobody asked before spends
its time, not where one URL asked again does. It prints their wall times and the process's CPU
time a page (background counts included), which varies less with the machine's speed.
"""

import argparse
import asyncio
import resource
import time
from contextlib import nullcontext
from pathlib import Path

import anyio.to_thread
import httpx
from sqlalchemy import event
from sqlmodel import Session
from starlette.datastructures import QueryParams

from app.queries import cache, facets, fts
from app.queries.filters import QuoteFilter
from app.settings import Settings
from app.web.app import create_app
from bench import tail_urls
from bench.web_mix import endpoints, pick


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("db_path", type=Path)
    parser.add_argument(
        "--url", help="serve this database instead (a `db copy` of DB_PATH: same ids, same URLs)"
    )
    parser.add_argument("--only", nargs="*", help="endpoint names (default: all)")
    parser.add_argument("--repeat", type=int, default=3, help="requests per endpoint")
    parser.add_argument("--profile", action="store_true", help="print a profile of each")
    parser.add_argument("--sql", action="store_true", help="print statements over 5 ms")
    parser.add_argument(
        "--statements", action="store_true", help="with --tail: each statement's share a page"
    )
    parser.add_argument(
        "--no-page-cache", action="store_true", help="rebuild every page (counts stay cached)"
    )
    parser.add_argument("--tail", help="a long-tail kind: its distinct URLs, each asked once")
    parser.add_argument(
        "--slowest",
        type=int,
        default=0,
        help="with --tail (and --counts): print the N slowest URLs",
    )
    parser.add_argument(
        "--counts",
        action="store_true",
        help="with --tail (lists and searches): the CPU of each URL's facet counts, counted"
        " in the foreground with the count cache emptied first",
    )
    args = parser.parse_args()
    settings = Settings(database_url=args.url or f"sqlite:///{args.db_path}")
    if args.no_page_cache:
        settings.page_cache_entries = 0
    app = create_app(settings)
    client = InlineClient(app)
    if args.sql:
        _time_statements(app.state.engine)
    if args.tail and args.counts:
        _time_counts(app.state.engine, args.db_path, args.tail, args.repeat, args.slowest)
        return
    if args.tail:
        log = _log_statements(app.state.engine) if args.statements else None
        _profile_tail(client, args.db_path, args.tail, args.repeat, args.profile, log, args.slowest)
        return
    for endpoint in endpoints(pick(args.db_path)):
        if args.only and endpoint.name not in args.only:
            continue
        client.get(endpoint.path)  # warm
        started = time.perf_counter()
        for _ in range(args.repeat):
            status = client.get(endpoint.path).status_code
        ms = (time.perf_counter() - started) / args.repeat * 1000
        print(f"{endpoint.name:<20} {status} {ms:8.1f} ms  {endpoint.path}")
        if args.profile:
            with _profiler() as profiler:
                client.get(endpoint.path)
            print(profiler.output_text(unicode=True, color=False, show_all=False))


class InlineClient:
    """Asks the app in this thread, its sync endpoints run inline rather than in a worker
    thread, so that the profiler (which samples one thread) sees their work."""

    def __init__(self, app) -> None:
        anyio.to_thread.run_sync = _inline  # type: ignore[assignment]  # this process only
        self._loop = asyncio.new_event_loop()
        transport = httpx.ASGITransport(app=app)
        self._client = httpx.AsyncClient(transport=transport, base_url="http://testserver")

    def get(self, path: str) -> httpx.Response:
        return self._loop.run_until_complete(self._client.get(path))


async def _inline(func, *args, **_options):
    return func(*args)


def _profile_tail(
    client: InlineClient,
    db: Path,
    kind: str,
    count: int,
    profile: bool,
    log: dict[str, list] | None = None,
    slowest: int = 0,
) -> None:
    """`count` distinct URLs of one long-tail kind, each asked once: their times, and one
    profile of them all (or, with `log`, what each statement costs a page; with `slowest`,
    the URLs that took longest: a p99 is made of them)."""
    (found,) = tail_urls.build(db, per_run=count, runs=1, warm=4, only=[kind]) or [None]
    if found is None:
        raise SystemExit(f"no long-tail kind {kind!r}")
    for url in found.warm:
        client.get(url.path)
    if log is not None:
        log.clear()
    profiler = _profiler() if profile else None
    times: list[float] = []
    took: list[tuple[float, str]] = []
    cpu_started = _cpu_seconds()
    with profiler or nullcontext():
        for url in found.runs[0]:
            started = time.perf_counter()
            status = client.get(url.path).status_code
            times.append((time.perf_counter() - started) * 1000)
            took.append((times[-1], url.path))
            if status != 200:
                print(f"{status} {url.path}")
    time.sleep(0.5)  # background counts the last pages started
    cpu_ms = (_cpu_seconds() - cpu_started) * 1000
    times.sort()
    n = len(times)
    print(
        f"{kind}: {n} distinct URLs, p50 {times[n // 2]:.1f} ms, p90 {times[n * 9 // 10]:.1f} ms,"
        f" max {times[-1]:.1f} ms, mean {sum(times) / n:.1f} ms; CPU {cpu_ms / n:.1f} ms a page"
    )
    _print_slowest(took, slowest)
    if profiler is not None:
        print(profiler.output_text(unicode=True, color=False, show_all=False))
    if log is not None:
        _print_statements(log, n)


def _time_counts(engine, db: Path, kind: str, count: int, slowest: int = 0) -> None:
    """What the counts of `count` distinct URLs of a kind cost, each counted whole in this
    thread: a page over its budget leaves them to the background thread, whose CPU a page's
    figure misses when it is still counting, or drops when too many are queued. Each URL
    starts with the counts of one filter forgotten and what every page shares kept (the maps
    of speakers' countries and articles' outlets, the topics, the months' totals), as a site
    serving a long tail has them; the index's count of the words is read untimed first."""
    (found,) = tail_urls.build(db, per_run=count, runs=1, warm=0, only=[kind]) or [None]
    if found is None:
        raise SystemExit(f"no long-tail kind {kind!r}")
    by_url: list[tuple[float, str]] = []  # (CPU ms, path)
    for url in found.runs[0]:
        path, _, query = url.path.partition("?")
        if path not in ("/", "/search"):
            raise SystemExit(f"--counts takes list and search kinds, not {path}")
        f = QuoteFilter.from_params(QueryParams(query))
        cache.clear(lasting=False)
        with Session(engine) as session:
            if f.q:
                fts.count(session, f.q)
            started = time.process_time()
            facets.count_now(session, f)
            by_url.append(((time.process_time() - started) * 1000, url.path))
    spent = sorted(ms for ms, _ in by_url)
    n = len(spent)
    print(
        f"{kind} counts: {n} distinct URLs, p50 {spent[n // 2]:.1f} ms, max {spent[-1]:.1f} ms;"
        f" CPU {sum(spent) / n:.1f} ms a page's counts"
    )
    _print_slowest(by_url, slowest)


def _print_slowest(took: list[tuple[float, str]], count: int) -> None:
    for ms, path in sorted(took, reverse=True)[:count]:
        print(f"  {ms:7.1f} ms  {path}")


def _profiler():
    """pyinstrument's sampling profiler (a bench extra: imported only when asked for, so the
    rest of this module runs with the dev dependencies alone, as the tests do)."""
    from pyinstrument import Profiler

    return Profiler(interval=0.0005, async_mode="disabled")


def _cpu_seconds() -> float:
    """This process's CPU time, the background counts' thread included: steadier than wall
    time on a machine whose speed varies, and it counts work a page leaves to the background."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _on_statement(engine, record) -> None:
    """Call `record(statement, ms)` after every statement the engine runs (ms: in the driver)."""

    @event.listens_for(engine, "before_cursor_execute")
    def _before(conn, cursor, statement, parameters, context, executemany):
        conn.info["started"] = time.perf_counter()

    @event.listens_for(engine, "after_cursor_execute")
    def _after(conn, cursor, statement, parameters, context, executemany):
        record(" ".join(statement.split()), (time.perf_counter() - conn.info.pop("started")) * 1000)


def _log_statements(engine) -> dict[str, list]:
    """{statement: [times run, ms in the driver]}, filled as the app runs (the background
    counts thread included: its statements are the page's work too, done later)."""
    log: dict[str, list] = {}

    def record(statement: str, ms: float) -> None:
        entry = log.setdefault(statement[:150], [0, 0.0])
        entry[0] += 1
        entry[1] += ms

    _on_statement(engine, record)
    return log


def _print_statements(log: dict[str, list], pages: int) -> None:
    runs = sum(entry[0] for entry in log.values())
    ms = sum(entry[1] for entry in log.values())
    print(f"statements a page {runs / pages:.1f}, {ms / pages:.1f} ms a page in the driver")
    # SQLite steps a statement only to its first row at execute; the rest are read as they are
    # fetched, which these figures miss (a grouped count over an index in its order looked
    # like 0.2 ms and took 20): --profile shows that time under fetchone / fetchall.
    print("  (execute to first row; rows read afterwards are not counted here)")
    for statement, (n, spent) in sorted(log.items(), key=lambda item: -item[1][1])[:12]:
        print(f"  {n / pages:5.2f} a page {spent / pages:6.2f} ms  {statement}")


def _time_statements(engine) -> None:
    """Print every SQL statement slower than 5 ms with its time (the database's share)."""

    def record(statement: str, ms: float) -> None:
        if ms > 5:
            print(f"    {ms:7.1f} ms  {statement[:300]}")

    _on_statement(engine, record)


if __name__ == "__main__":
    main()
