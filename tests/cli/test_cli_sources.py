"""`diplomat ingest` with dumps, URLs and feeds files."""

import json

import pytest
from typer.testing import CliRunner

from app.cli import app
from tests.cli.test_cli import GOOD
from tests.support.web_server import LocalServer, Route, html_page, rss


@pytest.fixture
def runner(app_settings, monkeypatch) -> CliRunner:
    monkeypatch.setenv("DATABASE_URL", app_settings.database_url)
    for name, value in {"FETCH_DELAY_S": "0", "FETCH_RETRIES": "0", "FETCH_TIMEOUT_S": "2"}.items():
        monkeypatch.setenv(name, value)
    for proxy in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy"):
        monkeypatch.delenv(proxy, raising=False)
    return CliRunner()


def test_cli_ingest_dump_with_mapped_fields(runner, tmp_path):
    path = tmp_path / "dump.jsonl"
    records = [{"body": text, "site": "Fjord Post"} for text in GOOD.values()]
    lines = [json.dumps(r) for r in records] + ["{broken"]
    path.write_text("\n".join(lines) + "\n")
    result = runner.invoke(
        app, ["ingest", str(path), "--field", "text=body", "--field", "outlet=site"]
    )
    assert result.exit_code == 1
    assert "2 new, 0 updated, 0 unchanged, 1 failed" in result.stdout
    assert "failed: dump.jsonl:3: not a JSON record" in result.stderr


def test_cli_ingest_url_and_feeds_file(runner, tmp_path):
    with LocalServer() as server:
        server.routes["/robots.txt"] = Route(b"User-agent: *\nAllow: /\n")
        paragraphs = GOOD["talks.txt"].split("\n\n")[1:]
        server.routes["/story"] = Route(html_page("Ministers meet in Oslo", paragraphs).encode())
        server.routes["/rss.xml"] = Route(rss([{"link": server.url("/story"), "title": "Oslo"}]))
        feeds = tmp_path / "feeds.toml"
        feeds.write_text(f'[[feed]]\nurl = "{server.url("/rss.xml")}"\noutlet = "Fjord Post"\n')
        first = runner.invoke(app, ["ingest", server.url("/story")])
        again = runner.invoke(app, ["ingest", "--feeds", str(feeds)])
    assert first.exit_code == 0, first.output
    assert first.stdout.startswith("1 new, 0 updated, 0 unchanged, 0 failed; 1 quote")
    assert again.exit_code == 0, again.output
    assert "1 already stored (not fetched)" in again.stdout


@pytest.mark.parametrize(
    "args, message",
    [
        ([], "nothing to ingest"),
        (["x.jsonl", "--field", "body"], "expected FIELD=NAME"),
        (["x.txt", "--every", "15m"], "--every is for feeds and URLs"),
        (["https://a.example/rss", "--every", "soon"], "expected a duration such as 30s"),
        (["--feeds", "missing.toml"], "missing.toml: No such file or directory"),
    ],
)
def test_cli_ingest_bad_options_are_one_line(runner, args, message):
    result = runner.invoke(app, ["ingest", *args])
    assert result.exit_code == 2
    assert message in result.stderr and "Traceback" not in result.output
