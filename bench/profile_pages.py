"""Where a page's time goes: each endpoint of the web mix, timed and profiled in-process.

    .venv/bin/python -m bench.profile_pages /tmp/bench/quotes-1m.db --only home "search rare"

Runs the app with starlette's TestClient (no server, no network) against the database, and
prints each endpoint's wall time per request and a pyinstrument profile of the slowest ones.
"""

import argparse
import time
from pathlib import Path

from pyinstrument import Profiler
from sqlalchemy import event
from starlette.testclient import TestClient

from app.settings import Settings
from app.web.app import create_app
from bench.web_mix import endpoints, pick


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("db_path", type=Path)
    parser.add_argument("--only", nargs="*", help="endpoint names (default: all)")
    parser.add_argument("--repeat", type=int, default=3, help="requests per endpoint")
    parser.add_argument("--profile", action="store_true", help="print a profile of each")
    parser.add_argument("--sql", action="store_true", help="print statements over 5 ms")
    parser.add_argument(
        "--no-page-cache", action="store_true", help="rebuild every page (counts stay cached)"
    )
    args = parser.parse_args()
    settings = Settings(database_url=f"sqlite:///{args.db_path}")
    if args.no_page_cache:
        settings.page_cache_entries = 0
    app = create_app(settings)
    client = TestClient(app)
    if args.sql:
        _time_statements(app.state.engine)
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
            # The app runs in TestClient's worker thread: profile every thread's samples.
            with Profiler(interval=0.0005, async_mode="disabled") as profiler:
                client.get(endpoint.path)
            print(profiler.output_text(unicode=True, color=False, show_all=False))


def _time_statements(engine) -> None:
    """Print every SQL statement slower than 5 ms with its time (the database's share)."""

    @event.listens_for(engine, "before_cursor_execute")
    def _before(conn, cursor, statement, parameters, context, executemany):
        conn.info["started"] = time.perf_counter()

    @event.listens_for(engine, "after_cursor_execute")
    def _after(conn, cursor, statement, parameters, context, executemany):
        ms = (time.perf_counter() - conn.info.pop("started")) * 1000
        if ms > 5:
            print(f"    {ms:7.1f} ms  {' '.join(statement.split())[:300]}")


if __name__ == "__main__":
    main()
