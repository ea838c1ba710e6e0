"""`db check` and `db backup` on PostgreSQL (they refused it before, issue 14)."""

import subprocess

import pytest
from sqlalchemy import text
from typer.testing import CliRunner

from app.cli import app
from app.db import make_engine
from app.ingest.store import store_article
from app.maintenance import MaintenanceError, postgres
from app.maintenance.backup import backup
from app.maintenance.check import check
from tests.conftest import TOPIC_NAMES, sample_articles

pytestmark = pytest.mark.postgres


@pytest.fixture
def filled(engine, app_settings) -> str:
    for source, article in sample_articles():
        store_article(engine, source, article, TOPIC_NAMES)
    return app_settings.database_url


def test_postgres_check_passes_on_a_sound_database(filled):
    findings = check(filled)
    assert [f.check for f in findings] == [
        "constraints", "foreign keys", "search column", "id sequences", "tallies",
        "statements", "schema"
    ]  # fmt: skip
    assert all(f.problem is None for f in findings), findings


def test_postgres_check_finds_a_sequence_behind_and_an_orphan(filled):
    engine = make_engine(filled)
    with engine.begin() as conn:
        conn.execute(text("SELECT setval(pg_get_serial_sequence('quote', 'id'), 1)"))
        conn.execute(text("SET session_replication_role = replica"))  # as a raw load might
        conn.execute(text("UPDATE quote SET article_id = 999999 WHERE id = 1"))
    engine.dispose()
    problems = {f.check: f.problem for f in check(filled)}
    assert "quote (sequence at 1" in problems["id sequences"]
    assert problems["foreign keys"] == "1 quote.article_id pointing at no article"


def test_postgres_backup_restores_to_the_same_rows(filled, pg_databases, tmp_path, monkeypatch):
    target = tmp_path / "site.dump"
    monkeypatch.setenv("DATABASE_URL", filled)
    result = CliRunner().invoke(app, ["db", "backup", str(target)])
    assert result.exit_code == 0, result.output
    assert "pg_dump custom format" in result.stdout
    copy = pg_databases.create()
    subprocess.run(
        ["pg_restore", "--no-owner", f"--dbname={postgres.libpq_url(copy)}", str(target)],
        check=True, capture_output=True,
    )  # fmt: skip
    counts = []
    for url in (filled, copy):
        engine = make_engine(url)
        with engine.connect() as conn:
            counts.append([conn.execute(text(f"SELECT count(*) FROM {t}")).scalar_one()
                           for t in postgres.TABLES])  # fmt: skip
        engine.dispose()
    assert counts[0] == counts[1] and counts[0][-1] == 4


def test_postgres_backup_without_pg_dump_says_the_command(filled, tmp_path, monkeypatch):
    monkeypatch.setattr(postgres.shutil, "which", lambda name: None)
    with pytest.raises(MaintenanceError, match="pg_dump --format=custom --no-owner --file="):
        backup(filled, tmp_path / "x.dump")
