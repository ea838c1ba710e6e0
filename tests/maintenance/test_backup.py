"""`diplomat db backup` and `diplomat db check`."""

import sqlite3
import threading

import pytest
from sqlalchemy.exc import NoSuchTableError
from typer.testing import CliRunner

from app.cli import app
from app.ingest.store import store_article
from app.maintenance.backup import backup
from app.maintenance.check import Finding, check
from tests.conftest import TOPIC_NAMES, sample_articles
from tests.ingest.test_crash import _version
from tests.support import faults

pytestmark = pytest.mark.sqlite_only(
    reason="db backup/check use SQLite's online backup and integrity checks"
)


@pytest.fixture
def runner(app_settings, monkeypatch) -> CliRunner:
    monkeypatch.setenv("DATABASE_URL", app_settings.database_url)
    return CliRunner()


@pytest.fixture
def filled(engine, app_settings) -> str:
    for source, article in sample_articles():
        store_article(engine, source, article, TOPIC_NAMES)
    return app_settings.database_url


def execute(url: str, *statements: str) -> None:
    conn = sqlite3.connect(faults.db_file(url), isolation_level=None)
    for sql in statements:
        conn.execute(sql)
    conn.close()


def test_backup_copy_is_whole_while_writes_go_on(filled, engine, tmp_path):
    stop, writes = threading.Event(), []

    def write() -> None:
        while not stop.is_set():
            writes.append(len(writes))
            store_article(engine, f"w{len(writes) % 7}.txt", _version(len(writes)), TOPIC_NAMES)

    writer = threading.Thread(target=write)
    writer.start()
    copies = []
    try:
        while len(copies) < 5 or len(writes) < 30:
            copies.append(tmp_path / f"copy{len(copies)}.db")
            backup(filled, copies[-1])
    finally:
        stop.set()
        writer.join()
    for copy in copies:
        url = f"sqlite:///{copy}"
        assert [f for f in check(url) if f.problem] == []
        rows = faults.dump(copy)
        by_article = {}
        for row in rows["quote"]:
            by_article.setdefault(row[0], []).append(row[1])
        # Every version stores five quotes; a torn copy would show fewer or more.
        assert all(sorted(p) == list(range(5)) for s, p in by_article.items() if s[0] == "w")


def test_backup_cli_reports_and_refuses_to_overwrite(runner, filled, tmp_path):
    target = tmp_path / "b" / "copy.db"
    first = runner.invoke(app, ["db", "backup", str(target)])
    assert first.exit_code == 0, first.output
    assert first.stdout.startswith(f"backed up to {target} (")
    assert faults.dump(target) == faults.dump(faults.db_file(filled))
    again = runner.invoke(app, ["db", "backup", str(target)])
    assert again.exit_code == 1
    assert "exists; pass --overwrite" in again.stderr
    assert runner.invoke(app, ["db", "backup", str(target), "--overwrite"]).exit_code == 0


def test_check_cli_ok_on_a_sound_database(runner, filled):
    result = runner.invoke(app, ["db", "check"])
    assert result.exit_code == 0
    assert result.stdout.strip() == (
        "database ok: integrity, foreign keys, full-text index, tallies, statements, schema"
    )


@pytest.mark.parametrize(
    "damage, reported",
    [
        (
            ["DROP TRIGGER quote_fts_update", "UPDATE quote SET text = 'swapped words'"],
            "full-text index: out of step with the quotes",
        ),
        (
            ["PRAGMA foreign_keys=OFF", "DELETE FROM article WHERE source = 'samples/oil.txt'"],
            "foreign keys: 2 broken (first: quote row",
        ),
        (["UPDATE alembic_version SET version_num = 'old'"], "schema: not at the newest revision"),
    ],
)
def test_check_cli_names_the_problem(runner, filled, damage, reported):
    execute(filled, *damage)
    result = runner.invoke(app, ["db", "check"])
    assert result.exit_code == 1
    assert reported in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_check_cli_finds_a_damaged_file(runner, filled, engine):
    engine.dispose()
    path = faults.db_file(filled)
    execute(filled, "PRAGMA wal_checkpoint(TRUNCATE)", "PRAGMA journal_mode=DELETE")
    data = bytearray(path.read_bytes())
    page = 4096
    for offset in range(2 * page, len(data), page):
        data[offset : offset + 8] = b"\xff" * 8  # b-tree page headers of all but two pages
    path.write_bytes(bytes(data))
    result = runner.invoke(app, ["db", "check"])
    assert result.exit_code == 1
    assert result.stderr.startswith("error: integrity: ")
    assert "Traceback" not in result.output


def test_check_reports_a_schema_error_not_from_the_driver(filled, monkeypatch):
    # Only the driver's errors carry `orig`; reading it off any other one raised AttributeError.
    def refuse(url: str) -> bool:
        raise NoSuchTableError("alembic_version")

    monkeypatch.setattr("app.maintenance.check.is_current", refuse)
    assert check(filled)[-1] == Finding("schema", "unreadable (alembic_version)")


def test_check_cli_missing_database(runner, tmp_path, monkeypatch):
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'none.db'}")
    result = runner.invoke(app, ["db", "check"])
    assert result.exit_code == 1
    assert "no database at" in result.stderr
    assert not (tmp_path / "none.db").exists()


def test_backup_and_check_help_has_example(runner):
    for command in (["db", "backup"], ["db", "check"]):
        result = runner.invoke(app, [*command, "--help"])
        assert result.exit_code == 0 and "Example:" in result.output
