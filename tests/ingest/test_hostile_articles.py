"""Hostile article files: each is stored or refused with one line, and nothing hangs."""

import os
import re
import time
from pathlib import Path

import pytest
from sqlmodel import Session, func, select
from typer.testing import CliRunner

from app.cli import app
from app.ingest.pipeline import Limits, extract_file, ingest
from app.models import Article
from tests.support import hostile

# Generous for a loaded 2-core machine; catastrophic backtracking takes minutes, not seconds.
WALL_CLOCK_S = 30
LIMITS = Limits(max_bytes=5_000_000, seconds=WALL_CLOCK_S)


@pytest.fixture
def runner(app_settings, monkeypatch) -> CliRunner:
    monkeypatch.setenv("DATABASE_URL", app_settings.database_url)
    return CliRunner()


def article_count(engine) -> int:
    with Session(engine) as session:
        return session.exec(select(func.count()).select_from(Article)).one()


@pytest.mark.parametrize("name", sorted(hostile.HOSTILE))
def test_hostile_article_stored_or_refused_in_time(name, tmp_path):
    make, expected = hostile.HOSTILE[name]
    path = make(tmp_path)
    started = time.monotonic()
    _, article, error = extract_file(path, LIMITS)
    elapsed = time.monotonic() - started
    print(f"hostile {name}: {elapsed:.2f} s, {error or f'{len(article.quotes)} quotes'}")
    assert elapsed < WALL_CLOCK_S
    if expected == "stored":
        assert article is not None, error
        assert article.quotes, "the good quote inside was lost"
    elif expected == "refused":
        assert article is None
        assert error and "\n" not in error
    if article is not None:
        for quote in article.quotes:
            assert article.text[quote.start : quote.end] == quote.text


def test_hostile_decoding_keeps_the_text(tmp_path):
    for make, expect in [
        (hostile.utf16, "Utrecht"),
        (hostile.cp1252, "Café société"),
        (hostile.invalid_utf8, "Riga"),
        (hostile.rtl_emoji, "سنواصل الحديث"),
    ]:
        _, article, error = extract_file(make(tmp_path), LIMITS)
        assert article is not None and expect in article.text, (make.__name__, error)
    _, article, _ = extract_file(hostile.nul_bytes(tmp_path), LIMITS)
    assert "\x00" not in article.text


def test_hostile_html_keeps_no_script_or_style(tmp_path):
    _, article, _ = extract_file(hostile.script_html(tmp_path), LIMITS)
    assert "alert" not in article.text and "color:red" not in article.text
    assert [q.speaker for q in article.quotes] == ["Anna Berg"]


def test_hostile_50mb_article_refused_quickly(tmp_path):
    path = hostile.huge(tmp_path, megabytes=50)
    started = time.monotonic()
    _, article, error = extract_file(path, LIMITS)
    assert time.monotonic() - started < 2
    assert article is None
    assert error.startswith("too large for one article (50.0 MB; the limit is 5.0 MB")


def test_hostile_slow_article_hits_time_budget(tmp_path):
    path = tmp_path / "long.txt"
    path.write_text(hostile.GOOD * 2_000)  # ~260 KB of quotes: many seconds of work
    started = time.monotonic()
    _, article, error = extract_file(path, Limits(seconds=0.5))
    assert time.monotonic() - started < 10
    assert article is None
    assert error == "took longer than 0.5 s to extract (time budget)"


def test_hostile_unreadable_file_refused(tmp_path, monkeypatch):
    path = hostile.unreadable(tmp_path)
    if hostile.can_read_unreadable():
        # Running as root, chmod 000 blocks nothing: make reading fail as it would for a user.
        def denied(self):
            raise PermissionError(13, "Permission denied", str(self))

        monkeypatch.setattr(Path, "read_bytes", denied)
    _, article, error = extract_file(path, LIMITS)
    assert article is None
    assert error == "permission denied"


def test_hostile_fifo_refused_without_blocking(tmp_path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    _, article, error = extract_file(fifo, LIMITS)
    assert article is None
    assert error == "not a regular file"


def test_hostile_symlink_loop_walked_once(tmp_path, engine):
    loop = hostile.symlink_loop(tmp_path)
    summary = ingest([loop], engine)
    assert (summary.new, summary.failed) == (1, 1)
    assert summary.failures[0].reason == "broken symbolic link"
    assert summary.failures[0].path.endswith("dangling.txt")


def test_hostile_folder_of_10000_small_files(tmp_path, engine):
    folder = hostile.small_files(tmp_path, count=10_000)
    started = time.monotonic()
    summary = ingest([folder], engine)
    print(f"hostile 10,000 small files: {time.monotonic() - started:.1f} s")
    assert (summary.new, summary.failed) == (10_000, 0)
    assert article_count(engine) == 10_000


def test_hostile_cli_mixed_folder(runner, engine, tmp_path):
    """Every hostile file at once, beside good ones: one line per refusal, the rest stored."""
    folder = tmp_path / "in"
    folder.mkdir()
    for make, _ in hostile.HOSTILE.values():
        make(folder)
    hostile.huge(folder, megabytes=50)
    hostile.symlink_loop(folder)
    fifo = folder / "pipe.txt"
    os.mkfifo(fifo)
    (folder / "[bold]odd\nname.txt").write_bytes(b"")
    result = runner.invoke(app, ["ingest", str(folder)])
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    failed = [line for line in result.stderr.splitlines() if line.startswith("failed: ")]
    refused = ["empty.txt", "whitespace.txt", "image.txt", "program.md", "huge.txt"]
    for name in [*refused, "pipe.txt", "dangling.txt", "[bold]odd\\nname.txt"]:
        assert sum(name in line for line in failed) == 1, (name, failed)
    stored = sum(expected == "stored" for _, expected in hostile.HOSTILE.values())
    assert article_count(engine) >= stored + 1  # + the article inside the symlink loop
    new, failures = re.search(r"(\d+) new, .* (\d+) failed", result.stdout).groups()
    assert (int(new), int(failures)) == (article_count(engine), len(failed))
    print(f"hostile files tried in one run: {int(new) + len(failed)}, {len(failed)} refused")
