"""Sharded ingest: N processes split one corpus and write one database, with nothing lost or
stored twice, on whichever backend the suite runs on."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from sqlmodel import Session, select
from typer.testing import CliRunner

from app.cli import app
from app.db import make_engine
from app.ingest.discovery import in_shard, shard_key, shard_of
from app.ingest.pipeline import ingest
from app.models import Article, Quote, Speaker, SpeakerAlias, Topic
from app.schema import upgrade

# Every speaker appears under one full name in several articles, so a single run resolves them
# the same whatever order the files are stored in, and shards racing for them must agree.
SPEAKERS = [
    ("Norwegian Foreign Minister", "Ingrid Valen"),
    ("Indian Trade Minister", "Arjun Mehra"),
    ("Chilean Foreign Minister", "Tomás Rivas"),
    ("Kenyan Energy Minister", "Wanjiru Odhiambo"),
    ("Polish Defence Minister", "Marek Zielinski"),
]
PLACES = ["Oslo", "Geneva", "Nairobi", "Santiago", "Warsaw", "Delhi", "Vienna", "Lisbon"]
SUBJECTS = ["sanctions", "the treaty", "tariffs", "the grid", "arms control", "climate finance"]
# Three shards of one split, and one of another split overlapping all three.
SHARDS = ["1/3", "2/3", "3/3", "2/2"]


def _article(i: int) -> str:
    (title_a, name_a), (title_b, name_b) = SPEAKERS[i % 5], SPEAKERS[(i * 3 + 1) % 5]
    place, subject = PLACES[i % 8], SUBJECTS[i % 6]
    return (
        f"Talks in {place}, round {i}\n\n"
        f'"We will keep working on {subject} until round {i + 1}," {title_a} {name_a} said '
        "on Monday.\n\n"
        f"{title_b} {name_b} said that the talks on {subject} in {place} had made progress.\n"
    )


@pytest.fixture
def corpus(tmp_path) -> Path:
    folder = tmp_path / "corpus"
    for i in range(16):
        path = folder / f"batch{i % 3}" / f"article{i:02d}.txt"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(_article(i), encoding="utf-8")
    return folder


@pytest.fixture
def reference_url(tmp_path, backend, pg_template, pg_databases) -> str:
    """A second empty database on the suite's backend, for the single-process run."""
    if backend == "postgres":
        return pg_databases.create(template=pg_template)
    url = f"sqlite:///{tmp_path / 'reference.db'}"
    upgrade(url)
    return url


def snapshot(url: str) -> dict[str, list]:
    """Every row, keyed by content rather than by ids, which depend on who stored first."""
    engine = make_engine(url)
    with Session(engine) as session:
        hashes = {a.id: a.content_hash for a in session.exec(select(Article))}
        slugs = {s.id: s.slug for s in session.exec(select(Speaker))}
        rows = {
            "article": [
                (a.content_hash, a.source, a.title, a.text) for a in session.exec(select(Article))
            ],
            "speaker": [(s.slug, s.name, s.country, s.role) for s in session.exec(select(Speaker))],
            "alias": [
                (slugs[a.speaker_id], a.alias, a.key) for a in session.exec(select(SpeakerAlias))
            ],
            "topic": [(t.slug, t.name) for t in session.exec(select(Topic))],
            "quote": [
                (
                    hashes[q.article_id],
                    q.position,
                    q.text,
                    q.kind,
                    q.cue,
                    q.start,
                    q.end,
                    q.speaker_as_printed,
                    slugs.get(q.speaker_id),
                    sorted(t.slug for t in q.topics),
                )
                for q in session.exec(select(Quote))
            ],
        }
    engine.dispose()
    return {table: sorted(values, key=repr) for table, values in rows.items()}


def test_shard_of_splits_every_file_into_exactly_one_shard():
    keys = [f"batch{i % 3}/article{i:02d}.txt" for i in range(40)]
    for count in (1, 2, 3, 4):
        owners = [shard_of(key, count) for key in keys]
        assert set(owners) <= set(range(1, count + 1))
        if count > 1:
            assert len(set(owners)) == count  # 40 files: no shard sits idle
    # A fixed split, not Python's salted hash(): every machine and every release agrees on it.
    assert [shard_of(key, 4) for key in keys[:8]] == [3, 2, 4, 3, 2, 1, 3, 3]


def test_shard_key_ignores_where_the_corpus_is_mounted(corpus, tmp_path):
    elsewhere = tmp_path / "mnt" / "copy"
    elsewhere.parent.mkdir()
    corpus.rename(elsewhere)
    file = elsewhere / "batch1" / "article04.txt"
    assert shard_key(file, [elsewhere]) == "batch1/article04.txt"
    assert shard_key(file, [file]) == "article04.txt"
    files = sorted(elsewhere.rglob("*.txt"))
    shares = [in_shard(files, [elsewhere], (k, 3)) for k in (1, 2, 3)]
    assert sorted(f for share in shares for f in share) == files


def test_shard_cli_rejects_a_malformed_shard(app_settings, monkeypatch, corpus):
    monkeypatch.setenv("DATABASE_URL", app_settings.database_url)
    for bad in ("0/4", "5/4", "x", "2of4", "1/0"):
        result = CliRunner().invoke(app, ["ingest", str(corpus), "--shard", bad])
        assert result.exit_code == 2, bad
        assert "expected K/N" in result.stderr and "Traceback" not in result.output


def test_shard_concurrent_processes_match_a_single_run(app_settings, reference_url, corpus):
    engine = make_engine(reference_url, writer=True)
    single = ingest([corpus], engine)
    engine.dispose()
    assert (single.new, single.failed) == (16, 0)
    diplomat = Path(sys.executable).parent / "diplomat"
    env = {**os.environ, "DATABASE_URL": app_settings.database_url}
    runs = [
        subprocess.Popen(
            [diplomat, "ingest", str(corpus), "--shard", shard],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for shard in SHARDS
    ]
    outputs = [run.communicate(timeout=300) for run in runs]
    for run, (_, errors) in zip(runs, outputs, strict=True):
        assert run.returncode == 0, errors
    news = [int(out.split(" new,")[0].split()[-1]) for out, _ in outputs]
    assert sum(news) == 16  # each article stored by exactly one of the overlapping processes
    expected = snapshot(reference_url)
    assert len(expected["quote"]) == 32 and len(expected["speaker"]) == 5
    assert snapshot(app_settings.database_url) == expected


def test_shard_rerun_stores_nothing_twice(app_settings, corpus):
    engine = make_engine(app_settings.database_url, writer=True)
    first = [ingest([corpus], engine, shard=(k, 2)) for k in (1, 2)]
    again = [ingest([corpus], engine, shard=(k, 2)) for k in (1, 2)]
    engine.dispose()
    assert sum(s.new for s in first) == 16
    assert [(s.new, s.updated) for s in again] == [(0, 0), (0, 0)]
    assert sum(s.unchanged for s in again) == 16
    assert len(snapshot(app_settings.database_url)["article"]) == 16
