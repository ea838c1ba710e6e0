"""Writers take turns on a SQLite file through a lock file (app.db.writer_turn)."""

import subprocess
import sys
import time

import pytest
from sqlalchemy import event, text

from app.db import lock_path, make_engine, writer_turn
from app.settings import ROOT

pytestmark = pytest.mark.sqlite_only(reason="the lock file beside a SQLite database")

TURNS = 150


def take_turns(url: str, name: str, turns: int) -> None:
    """Run in a child process: `turns` short write transactions, each in a writer_turn, with
    SQLite's busy timeout at 0, so a transaction that found the database locked would fail."""
    engine = make_engine(url, writer=True)
    event.listen(engine, "connect", lambda conn, _: conn.execute("PRAGMA busy_timeout=0"))
    for _ in range(turns):
        with writer_turn(engine), engine.begin() as conn:
            began = time.monotonic_ns()
            row = {"w": name, "b": began}
            conn.execute(text("INSERT INTO turn (writer, began) VALUES (:w, :b)"), row)
            time.sleep(0.0005)  # hold the turn a little, so the other writer is kept waiting
            ended = {"e": time.monotonic_ns(), "b": began}
            conn.execute(text("UPDATE turn SET ended = :e WHERE began = :b"), ended)
    engine.dispose()


def _start(url: str, name: str, turns: int = TURNS) -> subprocess.Popen:
    call = f"take_turns({url!r}, {name!r}, {turns})"
    code = f"from tests.core.test_writer_lock import take_turns; {call}"
    return subprocess.Popen(
        [sys.executable, "-c", code],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


@pytest.fixture
def turn_db(tmp_path) -> str:
    url = f"sqlite:///{tmp_path / 'turns.db'}"
    engine = make_engine(url)
    with engine.begin() as conn:
        conn.execute(text("CREATE TABLE turn (writer TEXT, began INTEGER, ended INTEGER)"))
    engine.dispose()
    return url


def test_writer_turn_two_processes_never_interleave_nor_find_the_database_locked(turn_db):
    writers = [_start(turn_db, name) for name in ("a", "b")]
    outputs = [writer.communicate(timeout=120) for writer in writers]
    for writer, (_, err) in zip(writers, outputs, strict=True):
        assert writer.returncode == 0, err
        assert "locked" not in err
    engine = make_engine(turn_db)
    with engine.connect() as conn:
        turns = conn.execute(text("SELECT writer, began, ended FROM turn ORDER BY began")).all()
    engine.dispose()
    assert len(turns) == 2 * TURNS
    assert len({writer for writer, _, _ in turns}) == 2
    for before, after in zip(turns, turns[1:], strict=False):
        assert before.ended < after.began, (before, after)


def test_writer_turn_waits_until_the_holder_is_done(turn_db):
    engine = make_engine(turn_db, writer=True)
    with writer_turn(engine):
        writer = _start(turn_db, "waiting", turns=1)
        time.sleep(1.0)
        assert writer.poll() is None  # still waiting for its turn
        with engine.begin() as conn:
            conn.execute(text("INSERT INTO turn (writer, began, ended) VALUES ('holder', 0, 0)"))
    writer.communicate(timeout=60)
    assert writer.returncode == 0
    with engine.connect() as conn:
        order = conn.execute(text("SELECT writer FROM turn ORDER BY rowid")).scalars().all()
    engine.dispose()
    assert order == ["holder", "waiting"]


def test_writer_turn_lock_file_sits_beside_the_database(tmp_path):
    engine = make_engine(f"sqlite:///{tmp_path / 'x.db'}")
    assert lock_path(engine) == tmp_path / "x.db.lock"
    assert lock_path(make_engine("sqlite://")) is None
    assert lock_path(make_engine("postgresql+psycopg://u@localhost/db")) is None
