"""Helpers for crash and concurrency tests: a synthetic corpus, its clean ingest, subprocess
ingests that can be killed, and table dumps that compare databases by content."""

import atexit
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from functools import cache
from pathlib import Path

from bench.make_articles import write_articles

DIPLOMAT = str(Path(sys.executable).parent / "diplomat")
CORPUS_SIZE = 80

# Rows by natural keys (source, position), so two databases compare by what they hold,
# not by the ids their inserts happened to get.
DUMPS = {
    "article": "SELECT source, content_hash, title, outlet, published, text FROM article",
    "quote": """SELECT a.source, q.position, q.text, q.start, q.end, q.kind, q.cue, q.confidence,
        q.speaker_id IS NULL, q.speaker_as_printed, q.sentence_start, q.sentence_end, q.published
        FROM quote q JOIN article a ON a.id = q.article_id""",
    # With two workers, which article is stored first varies from run to run, and with it a
    # speaker's slug, shown spelling and first-given country (see app/ingest/speaker_rows.py);
    # so speakers compare by the names seen, and quotes by whether they have one.
    "speaker_alias": "SELECT DISTINCT alias, key FROM speaker_alias",
    "topic": "SELECT slug, name FROM topic",
    "quote_topic": """SELECT a.source, q.position, t.slug FROM quote_topic qt
        JOIN quote q ON q.id = qt.quote_id JOIN article a ON a.id = q.article_id
        JOIN topic t ON t.id = qt.topic_id""",
    "fts": "SELECT rowid, text FROM quote_fts WHERE quote_fts MATCH 'said OR the OR minister'",
}


def db_file(url: str) -> Path:
    return Path(url.removeprefix("sqlite:///"))


def dump(path: Path) -> dict[str, list[tuple]]:
    """Every table's rows, sorted; the FTS rows are keyed by quote text, not rowid."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        out = {name: sorted(conn.execute(sql).fetchall()) for name, sql in DUMPS.items()}
    finally:
        conn.close()
    out["fts"] = sorted(text for _, text in out["fts"])
    return out


def article_count(path: Path) -> int:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=10)
    try:
        return conn.execute("SELECT count(*) FROM article").fetchone()[0]
    except sqlite3.OperationalError:
        return 0  # not migrated yet
    finally:
        conn.close()


@cache
def corpus() -> Path:
    """CORPUS_SIZE synthetic articles (bench.make_articles, fixed seed), made once per session."""
    root = Path(tempfile.mkdtemp(prefix="diplomat-faults-"))
    atexit.register(shutil.rmtree, root, ignore_errors=True)
    write_articles(root / "articles", CORPUS_SIZE, seed=6)
    return root / "articles"


@cache
def reference() -> dict[str, list[tuple]]:
    """The tables after one clean, uninterrupted ingest of the corpus."""
    path = corpus().parent / "reference.db"
    result = run_ingest(f"sqlite:///{path}", corpus())
    assert result.returncode == 0, result.stderr
    return dump(path)


def env(url: str) -> dict[str, str]:
    return {**os.environ, "DATABASE_URL": url}


def run_ingest(url: str, folder: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [DIPLOMAT, "ingest", str(folder), "--workers", "2", *args],
        env=env(url),
        capture_output=True,
        text=True,
        timeout=600,
    )


def _ctrl_c_reaches_it() -> None:
    # A shell without job control starts a background job (`make test &`) with SIGINT
    # ignored, and children inherit that: Python would then not turn it into
    # KeyboardInterrupt, and the ingest under test would run to the end.
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def start_ingest(url: str, folder: Path) -> subprocess.Popen:
    """An ingest in its own process group, so a signal reaches it and its workers together
    (as Ctrl-C in a terminal, or the kernel killing the job, would)."""
    return subprocess.Popen(
        [DIPLOMAT, "ingest", str(folder), "--workers", "2"],
        env=env(url),
        preexec_fn=_ctrl_c_reaches_it,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )


def wait_until_stored(proc: subprocess.Popen, db: Path, articles: int) -> None:
    """Return once `articles` are stored by the running ingest `proc`."""
    deadline = time.monotonic() + 300
    while article_count(db) < articles:
        if proc.poll() is not None:
            raise AssertionError(f"ingest ended before the fault: {proc.stderr.read()}")
        if time.monotonic() > deadline:
            raise AssertionError("ingest made no progress")
        time.sleep(0.05)


def signal_when_stored(proc: subprocess.Popen, db: Path, articles: int, sig: int) -> None:
    """Send `sig` to the ingest and its workers once `articles` are stored (an ingest that has
    already ended is reported as such: the fault came too late to test anything)."""
    wait_until_stored(proc, db, articles)
    if proc.poll() is not None:
        raise AssertionError(f"ingest ended before the fault ({article_count(db)} stored)")
    os.killpg(proc.pid, sig)


def half_stored(db: Path, clean: dict[str, list[tuple]]) -> list[str]:
    """Articles whose stored quotes differ from what the clean run stored for them."""
    partial = dump(db)
    expected: dict[str, list[tuple]] = {}
    for row in clean["quote"]:
        expected.setdefault(row[0], []).append(_quote_core(row))
    got: dict[str, list[tuple]] = {}
    for row in partial["quote"]:
        got.setdefault(row[0], []).append(_quote_core(row))
    sources = [row[0] for row in partial["article"]]
    return [s for s in sources if got.get(s, []) != expected.get(s, [])]


def _quote_core(row: tuple) -> tuple:
    # Speaker slugs may still change as later articles name people more fully; the quote, its
    # place and the speaker as printed may not.
    source, position, text, start, end, kind, cue, confidence, _slug, printed, *_ = row
    return position, text, start, end, kind, cue, confidence, printed


def stop(proc: subprocess.Popen) -> None:
    """Make sure a started ingest and its workers are gone."""
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass  # the group has already gone
    proc.wait(timeout=30)
    for stream in (proc.stdout, proc.stderr):
        if stream and not stream.closed:
            stream.close()
