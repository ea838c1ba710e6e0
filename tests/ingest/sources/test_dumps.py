"""Dataset dumps: records streamed in constant memory, bad ones failing alone by line."""

import json
import tracemalloc
from concurrent.futures import ThreadPoolExecutor
from datetime import date

import pytest
from sqlmodel import Session, select

from app.ingest.discovery import Failure
from app.ingest.pipeline import ingest
from app.ingest.sources.document import Document
from app.ingest.sources.dumps import BadFieldMap, field_map, read_dump
from app.ingest.workers import ordered_map
from app.models import Article
from tests.support import hostile

FIELDS = field_map([])


def write_jsonl(path, records: list) -> None:
    lines = [r if isinstance(r, str) else json.dumps(r, ensure_ascii=False) for r in records]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def read(path, fields=FIELDS, max_bytes=None) -> list:
    return list(read_dump(path, path.name, fields, max_bytes))


def test_dumps_jsonl_records_become_documents(tmp_path):
    path = tmp_path / "a.jsonl"
    write_jsonl(
        path,
        [
            {
                "text": hostile.good("Oslo"),
                "title": "Oslo",
                "outlet": "Fjord Post",
                "id": 7,
                "published": "2025-04-01T09:00:00Z",
                "url": "https://fjord.example/1",
                "author": "Kari Nes",
                "language": "en-GB",
                "ignored": [1, 2],
            },
            {"text": hostile.good("Bergen")},
        ],
    )
    first, second = read(path)
    assert first.source == "a.jsonl#7" and first.stable
    assert (first.meta.outlet, first.meta.published) == ("Fjord Post", date(2025, 4, 1))
    assert (first.meta.url, first.meta.author, first.meta.language) == (
        "https://fjord.example/1",
        "Kari Nes",
        "en-GB",
    )
    assert second.source == "a.jsonl:2" and not second.stable  # a line number is no identity


def test_dumps_bad_records_fail_alone_with_their_line(tmp_path):
    path = tmp_path / "a.jsonl"
    write_jsonl(
        path,
        [
            {"text": hostile.good("Oslo")},
            '{"text": "unterminated',
            {"title": "no text here"},
            "",
            '["a list"]',
            {"text": hostile.good("Riga"), "published": "next Tuesday-ish"},
            {"text": hostile.good("Turku"), "url": "javascript:alert(1)"},
            {"text": 42},
            {"text": hostile.good("Bergen")},
        ],
    )
    out = read(path)
    assert [type(o).__name__ for o in out] == ["Document"] + ["Failure"] * 6 + ["Document"]
    failures = {o.path: o.reason for o in out if isinstance(o, Failure)}
    assert failures["a.jsonl:2"].startswith("not a JSON record (Unterminated string")
    assert failures["a.jsonl:3"] == "no text (field 'text')"
    assert failures["a.jsonl:5"] == "not a JSON object but list"
    assert failures["a.jsonl:6"] == "published 'next Tuesday-ish' is not a date"
    assert failures["a.jsonl:7"] == "url 'javascript:alert(1)' is not an http(s) URL"
    assert failures["a.jsonl:8"] == "text is int, not text"


def test_dumps_fields_mapped(tmp_path):
    path = tmp_path / "a.jsonl"
    write_jsonl(path, [{"body": hostile.good("Oslo"), "headline": "H", "date": "14 May 2019"}])
    fields = field_map(["text=body", "title = headline", "published=date"])
    (document,) = read(path, fields)
    assert (document.meta.title, document.meta.published) == ("H", date(2019, 5, 14))


@pytest.mark.parametrize(
    "option, message",
    [("text", "expected FIELD=NAME"), ("body=text", "'body' is not one of"), ("text=", "FIELD")],
)
def test_dumps_bad_field_option_refused(option, message):
    with pytest.raises(BadFieldMap, match=message):
        field_map([option])


def test_dumps_csv_records_and_bad_rows(tmp_path):
    path = tmp_path / "a.csv"
    good = hostile.good("Oslo").replace('"', '""')
    path.write_bytes(
        (
            "\ufeffid,body,outlet,published\r\n"
            f'1,"{good}",Fjord Post,2025-04-01\r\n'
            "2,,Fjord Post,2025-04-02\r\n"
            "3,too,many,fields,here\r\n"
            f'4,"{good.replace("Oslo", "Riga")}",Baltic Wire,\r\n'
        ).encode()
        + b'5,"caf\xe9 society said \xabhello\xbb",Old Press,\r\n'
    )
    out = read(path, field_map(["text=body"]))
    # Line numbers are where each record starts: the first one spans six lines.
    assert [getattr(o, "source", getattr(o, "path", None)) for o in out] == [
        "a.csv#1",
        "a.csv:8",
        "a.csv:9",
        "a.csv#4",
        "a.csv#5",
    ]
    assert out[0].meta.outlet == "Fjord Post" and "\n\n" in out[0].text
    assert out[1].reason == "no text (field 'body')"
    assert out[2].reason == "5 fields where the header has 4"
    assert out[4].text.startswith("café society said «hello»")  # a cp1252 line


def test_dumps_csv_without_the_text_column_fails_once(tmp_path):
    path = tmp_path / "a.csv"
    path.write_text("id,body\n1,hello\n")
    (failure,) = read(path)
    assert failure.reason.startswith("no 'text' column (columns: id, body)")


def test_dumps_oversized_record_skipped_unread(tmp_path):
    path = tmp_path / "a.jsonl"
    write_jsonl(path, [{"text": "x " * 200_000}, {"text": hostile.good("Oslo")}])
    first, second = read(path, max_bytes=100_000)
    assert first.reason.startswith("record too large") and isinstance(second, Document)


@pytest.mark.sqlite_only(reason="no database: the dump reader alone, once is enough")
def test_dumps_200k_records_stream_in_flat_memory(tmp_path):
    """Reading a dump holds one record at a time: memory after 200,000 records (53 MB) peaks
    no higher than after the first 20,000."""
    record = {"text": hostile.good("Oslo") * 2, "title": "Talks", "outlet": "Fjord Post"}
    path = tmp_path / "big.jsonl"
    path.write_bytes((json.dumps(record).encode() + b"\n") * 200_000)
    tracemalloc.start()
    try:
        for count, _document in enumerate(read_dump(path, path.name, FIELDS), 1):
            if count == 20_000:
                early = tracemalloc.get_traced_memory()[1]
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert count == 200_000
    assert peak < 1_000_000 and peak < early * 1.2 + 20_000, (early, peak)


def test_dumps_workers_read_no_further_ahead_than_their_window():
    read_so_far = 0

    def items():
        nonlocal read_so_far
        for n in range(10_000):
            read_so_far = n + 1
            yield n

    with ThreadPoolExecutor(2) as pool:
        results = ordered_map(pool, lambda batch: [x * 2 for x in batch], items(), 4, 8)
        assert [next(results) for _ in range(3)] == [0, 2, 4]
        assert read_so_far <= 4 * 8 + 4
        assert sum(1 for _ in results) == 10_000 - 3


def test_dumps_ingested_given_metadata_beats_guessed(engine, tmp_path):
    text = (
        "Talks in Oslo\n\nBy Kari Nes | Guessed Times\nPublished 3 March 2020\n\n"
        + (hostile.good("Oslo").split("\n\n", 1)[1])
    )
    path = tmp_path / "dump.jsonl"
    write_jsonl(
        path,
        [
            {"text": text, "id": "a", "outlet": "Given Post", "published": "2021-01-02"},
            {"text": text.replace("Oslo", "Riga"), "id": "b"},
            "not json",
        ],
    )
    summary = ingest([path], engine, workers=1)
    assert (summary.new, summary.failed) == (2, 1)
    assert summary.failures[0].path == "dump.jsonl:3"
    with Session(engine) as session:
        given, guessed = session.exec(select(Article).order_by(Article.source)).all()
    assert (given.outlet, given.published) == ("Given Post", date(2021, 1, 2))
    assert (guessed.outlet, guessed.published) == ("Guessed Times", date(2020, 3, 3))
    assert given.source == "dump.jsonl#a"


def test_dumps_record_with_same_id_replaces_its_article(engine, tmp_path):
    path = tmp_path / "dump.jsonl"
    write_jsonl(path, [{"text": hostile.good("Oslo"), "id": "a"}])
    ingest([path], engine)
    write_jsonl(path, [{"text": hostile.good("Oslo") + "\nA late line.\n", "id": "a"}])
    summary = ingest([path], engine)
    assert (summary.new, summary.updated) == (0, 1)
