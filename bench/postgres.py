"""A PostgreSQL copy of a benchmark database, made with `diplomat db copy` when it is missing.

    url = ensure_copy(Path("/tmp/q.db"), default_url(Path("/tmp/q.db")))

The long tail's URLs are read from the SQLite file; `db copy` keeps every id, so they ask the
copy the same questions. A database already at the URL is used when it holds as many quotes as
the file, with the same newest id (a quick check, not `db copy`'s verification); one that does
not is refused unless `fresh` says to drop it and copy again.
"""

import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import psycopg
from psycopg import sql
from sqlalchemy.engine import make_url

from bench.servers import BIN

SERVER = "postgresql+psycopg://postgres@127.0.0.1:5432"


def default_url(db: Path) -> str:
    name = "".join(c if c.isalnum() else "_" for c in db.stem.lower())
    return f"{SERVER}/diplomat_bench_{name}"


def ensure_copy(db: Path, url: str, fresh: bool = False) -> str:
    """`url`, once it holds a copy of `db`."""
    target = make_url(url)
    exists = _exists(url)
    if exists and not fresh:
        if _quotes(url) == _sqlite_quotes(db):
            print(f"PostgreSQL copy {target.database} matches {db.name}: reused", file=sys.stderr)
            _checkpoint(url)
            return url
        sys.exit(
            f"{target.database} holds other data than {db}: use --fresh-copy to drop it and copy"
        )
    with _maintenance(url) as conn:
        name = sql.Identifier(str(target.database))
        if exists:
            conn.execute(sql.SQL("DROP DATABASE {}").format(name))
        conn.execute(sql.SQL("CREATE DATABASE {}").format(name))
    print(f"copying {db} into {target.database} (diplomat db copy)", file=sys.stderr)
    started = time.perf_counter()
    command = [str(BIN / "diplomat"), "db", "copy", f"sqlite:///{db}", url]
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
    print(f"copied in {time.perf_counter() - started:.0f} s", file=sys.stderr)
    _checkpoint(url)
    return url


def _checkpoint(url: str) -> None:
    """Write the copy's pages out now. Left to the server, its checkpoint spread the writing
    of a fresh copy over four and a half minutes of the timed run, and rare-word searches at
    one connection had a p99 of 7.1 s instead of 56 ms (bench/RESULTS.md, 2026-12-04)."""
    started = time.perf_counter()
    try:
        with _maintenance(url) as conn:
            conn.execute("CHECKPOINT")
    except psycopg.errors.InsufficientPrivilege:
        print("warning: not allowed to CHECKPOINT; wait for the server's own", file=sys.stderr)
        return
    print(f"checkpoint in {time.perf_counter() - started:.1f} s", file=sys.stderr)


def _connect(url: str, database: str | None = None) -> psycopg.Connection:
    u = make_url(url)
    return psycopg.connect(
        host=u.host or "127.0.0.1",
        port=u.port or 5432,
        user=u.username,
        password=u.password,
        dbname=database or u.database,
        autocommit=True,
    )


def _maintenance(url: str) -> psycopg.Connection:
    return _connect(url, "postgres")


def _exists(url: str) -> bool:
    with _maintenance(url) as conn:
        found = conn.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", (make_url(url).database,)
        ).fetchone()
    return found is not None


def _quotes(url: str) -> tuple | None:
    try:
        with _connect(url) as conn:
            row = conn.execute("SELECT count(*), max(id) FROM quote").fetchone()
    except psycopg.Error:
        return None  # no quote table: not a copy
    return tuple(row) if row else None


def _sqlite_quotes(db: Path) -> tuple:
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        return tuple(conn.execute("SELECT count(*), max(id) FROM quote").fetchone())
    finally:
        conn.close()


def safe(url: str) -> str:
    """The URL without its password, for printing."""
    return make_url(url).render_as_string(hide_password=True)


def preload(url: str) -> str:
    """Read every table and index of the copy through, as `web_load.preload` reads the SQLite
    file: into the kernel's cache (pg_prewarm's 'read' mode; without the extension, nothing),
    so each run meets the data as a server that has run a while would, whatever ran before.
    Returns the server's shared_buffers, which decides what stays in PostgreSQL's own cache."""
    with _connect(url) as conn:
        try:
            conn.execute("CREATE EXTENSION IF NOT EXISTS pg_prewarm")
            conn.execute(
                "SELECT pg_prewarm(c.oid, 'read') FROM pg_class c"
                " WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'i', 't')"
            )
        except psycopg.Error:
            pass  # the contrib module is missing: the run meets whatever the cache holds
        return str(conn.execute("SHOW shared_buffers").fetchone()[0])
