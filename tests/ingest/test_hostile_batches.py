"""One bad file never stops a batch (issue 14): file names that are not UTF-8, UTF-16/32 text
with NULs, unreadable folders, an unusable database, escape sequences for the terminal, and
workers that outlive a killed ingest. Both backends where a database is involved."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlmodel import Session, select
from typer.testing import CliRunner

from app.cli import app
from app.ingest import discovery
from app.ingest.files import decode_bytes
from app.ingest.pipeline import ingest
from app.models import Article, Quote

GOOD = 'Talks resume\n\n"We are ready to sign," Foreign Minister Ana Lima said on Monday.\n'


@pytest.fixture
def runner(app_settings, monkeypatch) -> CliRunner:
    monkeypatch.setenv("DATABASE_URL", app_settings.database_url)
    return CliRunner()


def stored_texts(engine) -> list[str]:
    with Session(engine) as session:
        return sorted(session.exec(select(Article.text)).all())


def _bytes_name(folder: Path, raw: bytes) -> Path:
    path = Path(os.fsdecode(os.path.join(os.fsencode(folder), raw)))
    path.write_text(GOOD.replace("Monday", raw.hex()), encoding="utf-8")
    return path


@pytest.mark.parametrize("workers", [1, 2])
def test_batch_file_name_not_utf8_is_stored_with_the_rest(engine, tmp_path, workers):
    _bytes_name(tmp_path, b"b_bad\xff.txt")
    (tmp_path / "good.txt").write_text(GOOD.replace("Monday", "Tuesday"), encoding="utf-8")
    summary = ingest([tmp_path], engine, workers=workers)
    assert (summary.new, summary.failed) == (2, 0), summary.failures
    with Session(engine) as session:
        sources = sorted(session.exec(select(Article.source)).all())
    assert sources[0].endswith("b_bad\\xff.txt") and sources[1].endswith("good.txt")


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-32", "utf-32-be"])
def test_batch_wide_encodings_are_decoded_not_stored_as_nuls(engine, tmp_path, encoding):
    (tmp_path / "wide.txt").write_bytes(GOOD.encode(encoding))
    (tmp_path / "good.txt").write_text(GOOD.replace("Monday", "Friday"), encoding="utf-8")
    summary = ingest([tmp_path], engine)
    assert (summary.new, summary.failed) == (2, 0), summary.failures
    texts = stored_texts(engine)
    assert GOOD in texts and not any("\x00" in text for text in texts)


def test_batch_nul_and_control_characters_are_dropped(engine, tmp_path):
    (tmp_path / "odd.txt").write_bytes(GOOD.replace("ready", "re\x00ady\x07").encode())
    summary = ingest([tmp_path], engine)
    assert summary.new == 1
    assert stored_texts(engine) == [GOOD]


@pytest.mark.parametrize(
    "data, text",
    [
        (b"\x93we are ready\x94 \x96", "“we are ready” –"),
        ("Ils sont prêts à signer.".encode("latin-1"), "Ils sont prêts à signer."),
        ("The minister said “yes”.".encode("utf-16-le"), "The minister said “yes”."),
        ("The minister said “yes”.".encode("utf-16-be"), "The minister said “yes”."),
        ("Министр заявил, что переговоры продолжатся.".encode("cp1251"),
         "Министр заявил, что переговоры продолжатся."),
        (b"Page one\x0cPage two", "Page one\nPage two"),
    ],
)  # fmt: skip
def test_decode_bytes_short_legacy_and_wide_texts(data, text):
    assert decode_bytes(data) == text


def test_batch_unreadable_folder_is_a_failure(engine, tmp_path, monkeypatch):
    """Root reads every folder, so the refusal is simulated where os.walk reports it."""
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "locked").mkdir()
    real_walk = os.walk

    def walk(top, onerror=None, followlinks=False):
        for root, dirs, files in real_walk(top, onerror=onerror, followlinks=followlinks):
            if "locked" in dirs:
                dirs.remove("locked")
                error = PermissionError(13, "Permission denied", str(Path(root) / "locked"))
                onerror(error)
            yield root, dirs, files

    monkeypatch.setattr(discovery.os, "walk", walk)
    summary = ingest([tmp_path], engine)
    assert summary.new == 1
    assert [(Path(f.path).name, f.reason) for f in summary.failures] == [
        ("locked", "folder not read: Permission denied")
    ]


def test_cli_unusable_database_is_one_line(tmp_path, monkeypatch):
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    monkeypatch.setenv("DATABASE_URL", "sqlite:////proc/no-such-place/diplomat.db")
    result = CliRunner().invoke(app, ["ingest", str(tmp_path)])
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    assert result.stderr.strip().splitlines() == [
        "error: cannot use the database sqlite:////proc/no-such-place/diplomat.db: "
        + result.stderr.split(": ", 2)[-1].strip()
    ]


def test_cli_extract_table_shows_escapes_as_text(tmp_path):
    article = tmp_path / "esc.txt"
    article.write_text(
        'Esc\n\n"We are \x1b[2Jready [bold]now[/bold]," said Ana Lima.\n', encoding="utf-8"
    )
    result = CliRunner().invoke(app, ["extract", str(article), "--format", "table"])
    assert result.exit_code == 0
    assert "\x1b" not in result.stdout
    assert "[bold]now[/bold]" in result.stdout


@pytest.mark.sqlite_only(reason="the subprocess writes a SQLite file")
def test_killed_ingest_leaves_no_worker_behind(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for n in range(400):
        (folder / f"a{n:03}.txt").write_text(GOOD.replace("Monday", f"day {n}"), encoding="utf-8")
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{tmp_path / 'x.db'}"}
    diplomat = Path(sys.executable).parent / "diplomat"
    parent = subprocess.Popen(
        [str(diplomat), "ingest", str(folder), "--workers", "2"],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    deadline = time.monotonic() + 60
    workers: list[int] = []
    while len(workers) < 2 and time.monotonic() < deadline:
        time.sleep(0.2)
        workers = _children(parent.pid)
    assert len(workers) >= 2, "the workers did not start"
    time.sleep(1.0)  # working now
    parent.send_signal(signal.SIGKILL)
    parent.wait(timeout=10)
    deadline = time.monotonic() + 10
    while any(_alive(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not any(_alive(pid) for pid in workers)


def _children(pid: int) -> list[int]:
    found = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        found += [int(p) for p in (task / "children").read_text().split()]
    return found


def _alive(pid: int) -> bool:
    """Running or sleeping; a zombie (dead, waiting to be reaped) counts as gone."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except FileNotFoundError:
        return False
    return "\nState:\tZ" not in status


NAMES = st.binary(min_size=1, max_size=40).filter(
    lambda raw: b"/" not in raw and b"\x00" not in raw and raw not in (b".", b"..")
)


@settings(
    max_examples=60,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(files=st.lists(st.tuples(NAMES, st.binary(max_size=300)), min_size=1, max_size=4))
def test_batch_arbitrary_names_and_bytes_never_stop_it(engine, tmp_path_factory, files):
    """Whatever the names and bytes, each file is stored or refused with a reason, and the
    good article beside them is always stored."""
    folder = tmp_path_factory.mktemp("batch")
    for raw_name, data in files:
        path = os.path.join(os.fsencode(folder), raw_name + b".txt")
        with open(path, "wb") as handle:
            handle.write(data)
    (folder / "zz_good.txt").write_text(GOOD, encoding="utf-8")
    summary = ingest([folder], engine)
    assert all(f.reason for f in summary.failures)
    assert summary.new + summary.updated + summary.unchanged + summary.failed >= 1
    with Session(engine) as session:
        assert session.exec(select(Article).where(Article.text == GOOD)).first() is not None
        assert session.exec(select(Quote)).first() is not None
