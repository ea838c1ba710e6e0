"""Ingest next to a busy site, and two ingests at once: no failed request, no lost row."""

import json
import subprocess
import sys
import time
from collections import Counter

import httpx
import pytest

from app.maintenance.check import check
from app.settings import ROOT
from tests.support import faults
from tests.support.browser import free_port

pytestmark = pytest.mark.sqlite_only(
    reason="SQLite's single-writer locking; test_shard.py runs concurrent ingests on PostgreSQL"
)


def start_server(url: str, port: int) -> subprocess.Popen:
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "uvicorn",
            "--factory",
            "app.web.app:create_app",
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=faults.env(url),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    deadline = time.monotonic() + 60
    while True:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/api/topics", timeout=2).status_code == 200:
                return server
        except httpx.HTTPError:
            pass
        if server.poll() is not None or time.monotonic() > deadline:
            faults.stop(server)
            raise AssertionError("the server did not start")
        time.sleep(0.2)


def test_concurrency_ingest_while_site_is_under_load(app_settings, tmp_path):
    url, folder = app_settings.database_url, faults.corpus()
    db, clean = faults.db_file(url), faults.reference()
    expected = Counter(row[0] for row in clean["quote"])
    expected.update({row[0]: 0 for row in clean["article"]})
    (tmp_path / "expected.json").write_text(json.dumps(expected))
    stop_file, port = tmp_path / "stop", free_port()
    server = start_server(url, port)
    load = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "tests.support.load",
            f"http://127.0.0.1:{port}",
            str(tmp_path / "expected.json"),
            str(stop_file),
        ],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    try:
        ingest = faults.start_ingest(url, folder)
        faults.wait_until_stored(ingest, db, faults.CORPUS_SIZE // 2)
        backup = subprocess.run(
            [faults.DIPLOMAT, "db", "backup", str(tmp_path / "copy.db")],
            env=faults.env(url),
            capture_output=True,
            text=True,
            timeout=120,
        )
        ingest_out, ingest_err = ingest.communicate(timeout=600)
        stop_file.touch()
        load_out, load_err = load.communicate(timeout=120)
    finally:
        stop_file.touch()
        faults.stop(load)
        server.terminate()
        server_err = server.communicate(timeout=30)[1]
        faults.stop(server)
    stats = json.loads(load_out)
    print(f"load held: {stats['requests']} requests during an ingest, {stats['by_status']}")
    assert ingest.returncode == 0, ingest_err
    assert stats["failed"] == 0 and stats["inconsistent"] == 0, stats["failures"]
    assert stats["requests"] >= 100
    for output in (ingest_err, load_err, server_err):
        assert "locked" not in output and "Traceback" not in output
    assert backup.returncode == 0, backup.stderr
    assert [f for f in check(f"sqlite:///{tmp_path / 'copy.db'}") if f.problem] == []
    assert faults.dump(db) == clean


def test_concurrency_two_ingests_of_one_folder_store_it_once(app_settings):
    url, folder = app_settings.database_url, faults.corpus()
    db, clean = faults.db_file(url), faults.reference()
    procs = [faults.start_ingest(url, folder) for _ in range(2)]
    try:
        outputs = [proc.communicate(timeout=600) for proc in procs]
    finally:
        for proc in procs:
            faults.stop(proc)
    for proc, (_, err) in zip(procs, outputs, strict=True):
        assert proc.returncode == 0, err
        assert "locked" not in err and "Traceback" not in err
    new = sum(int(out.split(" new")[0]) for out, _ in outputs)
    assert new == faults.CORPUS_SIZE
    assert faults.dump(db) == clean
