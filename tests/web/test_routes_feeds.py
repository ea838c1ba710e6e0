"""Routes: Atom feeds and CSV export."""

import csv
import io
import xml.etree.ElementTree as ET

import pytest

ATOM = "{http://www.w3.org/2005/Atom}"


def parse_feed(response):
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/atom+xml")
    root = ET.fromstring(response.content)
    assert root.tag == f"{ATOM}feed"
    for tag in ("id", "title", "updated", "author"):
        assert root.find(f"{ATOM}{tag}") is not None, tag
    assert root.find(f"{ATOM}link[@rel='self']") is not None
    for entry in root.findall(f"{ATOM}entry"):
        for tag in ("id", "title", "updated", "summary"):
            assert entry.find(f"{ATOM}{tag}") is not None, tag
    return root


@pytest.mark.parametrize(
    ("url", "count"),
    [
        ("/speakers/sergey-lavrov/feed.atom", 2),
        ("/speakers/unknown/feed.atom", 1),
        ("/topics/sanctions/feed.atom", 2),
        ("/countries/us/feed.atom", 1),
        ("/search/feed.atom?q=sanctions", 2),
    ],
)
def test_feeds_are_valid_atom_with_entries(seeded_client, url, count):
    root = parse_feed(seeded_client.get(url))
    entries = root.findall(f"{ATOM}entry")
    assert len(entries) == count
    assert entries[0].find(f"{ATOM}updated").text.endswith("Z")


def test_feeds_newest_entry_sets_feed_updated(seeded_client):
    root = parse_feed(seeded_client.get("/speakers/sergey-lavrov/feed.atom"))
    assert root.find(f"{ATOM}updated").text == "2019-06-02T00:00:00Z"
    first = root.find(f"{ATOM}entry/{ATOM}summary").text
    assert first.startswith('Sergey Lavrov: "Sanctions are not a policy,"')


def test_feeds_empty_and_missing(seeded_client, client):
    assert seeded_client.get("/topics/knitting/feed.atom").status_code == 404
    assert seeded_client.get("/search/feed.atom").status_code == 404
    assert seeded_client.get('/search/feed.atom?q="x').status_code == 400


def test_feeds_are_linked_from_their_pages(seeded_client):
    html = seeded_client.get("/topics/iran").text
    assert (
        '<link rel="alternate" type="application/atom+xml" title="Iran — new quotes"'
        ' href="http://testserver/topics/iran/feed.atom">' in html
    )


def read_csv(response) -> list[dict]:
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/csv")
    return list(csv.DictReader(io.StringIO(response.text)))


def test_quotes_csv_exports_the_filtered_list(seeded_client):
    rows = read_csv(seeded_client.get("/quotes.csv?country=RU"))
    assert [r["speaker"] for r in rows] == ["Sergey Lavrov", "Sergey Lavrov"]
    assert rows[0]["quote"] == '"Sanctions are not a policy,"'
    assert rows[0]["topics"] == "Sanctions" and rows[0]["outlet"] == "Other Herald"
    assert rows[0]["quote_url"].startswith("http://testserver/quotes/")


def test_quotes_csv_has_no_page_cap(seeded_client):
    seeded_client.app.state.settings.page_size = 1
    assert len(read_csv(seeded_client.get("/quotes.csv"))) == 4


def test_quotes_csv_unknown_speaker_and_header_only_when_empty(seeded_client, client):
    rows = read_csv(seeded_client.get("/quotes.csv?speaker=unknown"))
    assert len(rows) == 1 and rows[0]["speaker"] == "" and rows[0]["confidence"] == "0.30"
    assert read_csv(seeded_client.get("/quotes.csv?country=FR")) == []


def test_csv_cells_a_spreadsheet_would_run_as_formulas_are_defused():
    from app.web.present.csv import csv_lines

    row = (
        7, "2024-05-01", '=HYPERLINK("x")', "x", "+1 caller", "FR", "-5% is a cut,\nhe said",
        "direct", "@said", 0.5, "=Trade", None, "Plain title", 3,
    )  # fmt: skip
    [line] = csv_lines([row], "http://h/quotes/{}", "http://h/articles/{}")
    [cells] = list(csv.reader(io.StringIO(line)))
    assert cells[2] == '\'=HYPERLINK("x")' and cells[4] == "'+1 caller"
    assert cells[6] == "'-5% is a cut,\nhe said" and cells[8] == "'@said"
    assert cells[9] == "0.50" and cells[10] == "'=Trade"
    assert cells[11] == "" and cells[12] == "Plain title"
    assert cells[13] == "http://h/quotes/7" and cells[14] == "http://h/articles/3"


def test_csv_export_of_a_malformed_search_is_the_header_and_one_error_line(seeded_client):
    response = seeded_client.get('/quotes.csv?q="unclosed')
    header, error = list(csv.reader(io.StringIO(response.text)))
    assert header[0] == "id" and header[-1] == "article_url"
    assert error == [
        "Error: We could not understand that search. Check quotation marks and brackets are"
        " paired, or search for plain words."
    ]


def test_csv_export_streams_in_chunks_past_a_batch(monkeypatch):
    from app.web.present import csv as _csv

    monkeypatch.setattr(_csv, "CSV_BATCH", 2)
    rows = [(i, None, None, None, None, None, f"q{i}", "direct", None, 1, None, None, None, 1)
            for i in range(5)]  # fmt: skip
    chunks = list(_csv.csv_chunks(rows, "/q/{}", "/a/{}"))
    assert len(chunks) == 4  # header, 2 + 2 + 1 rows
    assert chunks[1].count("\r\n") == 2 and chunks[3].count("\r\n") == 1
    parsed = list(csv.reader(io.StringIO("".join(chunks))))
    assert [r[0] for r in parsed[1:]] == ["0", "1", "2", "3", "4"] and parsed[1][9] == "1.00"


def test_csv_link_pattern_survives_a_host_with_braces(client):
    from starlette.requests import Request

    from app.web.templating import url_pattern

    scope = {
        "type": "http", "scheme": "http", "method": "GET", "path": "/quotes.csv",
        "root_path": "", "query_string": b"", "server": ("ex{0}ample", 80),
        "headers": [(b"host", b"ex{0}ample")], "app": client.app, "router": client.app.router,
    }  # fmt: skip
    pattern = url_pattern(Request(scope), "quote", "quote_id")
    assert pattern.format(7) == "http://ex{0}ample/quotes/7"


def test_csv_download_is_named_after_its_filters(seeded_client):
    named = seeded_client.get("/quotes.csv?speaker=sergey-lavrov&topic=venezuela&sort=oldest")
    assert named.headers["content-disposition"] == (
        'attachment; filename="quotes-sergey-lavrov-venezuela.csv"'
    )
    assert (
        'filename="quotes.csv"' in seeded_client.get("/quotes.csv").headers["content-disposition"]
    )
