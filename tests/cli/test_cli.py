import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from app.cli import app

GOOD = {
    "talks.txt": (
        "Ministers meet in Oslo\n\n"
        '"We are ready to sign the treaty this year," Norwegian Foreign Minister '
        "Ingrid Valen said on Monday.\n"
    ),
    "trade.md": (
        "# Tariff row deepens\n\n"
        "Indian Trade Minister Arjun Mehra said that the new tariffs were unfair "
        "to small exporters.\n"
    ),
}


@pytest.fixture
def runner(app_settings, monkeypatch) -> CliRunner:
    monkeypatch.setenv("DATABASE_URL", app_settings.database_url)
    return CliRunner()


@pytest.fixture
def corpus(tmp_path):
    folder = tmp_path / "articles"
    (folder / "nested").mkdir(parents=True)
    for name, text in GOOD.items():
        (folder / "nested" / name).write_text(text, encoding="utf-8")
    return folder


def test_cli_every_command_has_help_with_example(runner):
    for command in (["ingest"], ["extract"], ["eval"], ["serve"], ["db", "upgrade"]):
        result = runner.invoke(app, [*command, "--help"])
        assert result.exit_code == 0, command
        assert "Example:" in result.output, command


def test_cli_ingest_reports_summary_and_is_idempotent(runner, corpus):
    first = runner.invoke(app, ["ingest", str(corpus)])
    assert first.exit_code == 0, first.output
    assert "2 new, 0 updated, 0 unchanged, 0 failed" in first.stdout
    again = runner.invoke(app, ["ingest", str(corpus)])
    assert again.exit_code == 0
    assert "0 new, 0 updated, 2 unchanged, 0 failed" in again.stdout


def test_cli_ingest_tells_what_the_database_now_holds(runner, corpus):
    runner.invoke(app, ["ingest", str(corpus)])
    again = runner.invoke(app, ["ingest", str(corpus)])
    assert again.stdout.splitlines()[-1].startswith("the database now holds 2 articles, ")


def test_cli_ingest_of_a_folder_without_articles_says_so(runner, tmp_path):
    (tmp_path / "notes.pdf").write_bytes(b"%PDF-1.4")
    result = runner.invoke(app, ["ingest", str(tmp_path)])
    assert result.exit_code == 1
    assert "no articles found in" in result.stderr and ".txt, .md or .html" in result.stderr


def test_cli_db_upgrade_says_what_it_did(runner, tmp_path, monkeypatch):
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'fresh.db'}")
    created = runner.invoke(app, ["db", "upgrade"])
    assert created.exit_code == 0 and "created the database (schema " in created.stdout
    again = runner.invoke(app, ["db", "upgrade"])
    assert "already at schema" in again.stdout and "nothing to do" in again.stdout


def test_cli_ingest_broken_file_fails_alone(runner, corpus):
    broken = corpus / "broken.txt"
    broken.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    result = runner.invoke(app, ["ingest", str(corpus)])
    assert result.exit_code == 1
    assert "2 new, 0 updated, 0 unchanged, 1 failed" in result.stdout
    lines = [line for line in result.stderr.splitlines() if "broken.txt" in line]
    assert len(lines) == 1
    assert "Traceback" not in result.output


def test_cli_ingest_missing_path_is_one_clear_line(runner, tmp_path):
    result = runner.invoke(app, ["ingest", str(tmp_path / "nowhere")])
    assert result.exit_code == 1
    assert "nowhere: no such file or folder" in result.stderr
    assert "Traceback" not in result.output


def test_cli_ingest_if_empty_skips_a_filled_database(runner, corpus, tmp_path):
    runner.invoke(app, ["ingest", str(corpus)])
    other = tmp_path / "other.txt"
    other.write_text("Another day\n\nNothing was said.\n", encoding="utf-8")
    result = runner.invoke(app, ["ingest", "--if-empty", str(other)])
    assert result.exit_code == 0
    assert "nothing ingested" in result.stdout


def test_cli_extract_jsonl_offsets_index_the_article_text(runner, corpus):
    result = runner.invoke(app, ["extract", str(corpus)])
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [line["id"] for line in lines] == ["talks", "trade"]
    for line in lines:
        text = line["article_text"]
        if line["path"].endswith(".txt"):
            assert text == Path(line["path"]).read_text(encoding="utf-8")
        else:  # Markdown is read as prose: the heading mark is gone
            assert text.startswith("Tariff row deepens")
        assert line["quotes"], line["id"]
        for quote in line["quotes"]:
            assert text[quote["start"] : quote["end"]] == quote["text"]
            assert set(quote) >= {"kind", "speaker", "speaker_country", "cue", "topics"}


def test_cli_extract_rejects_unknown_format(runner, corpus):
    result = runner.invoke(app, ["extract", str(corpus), "--format", "xml"])
    assert result.exit_code == 2
    assert "unknown format" in result.stderr


def test_cli_eval_missing_gold_file(runner, tmp_path):
    result = runner.invoke(app, ["eval", str(tmp_path / "gold.jsonl")])
    assert result.exit_code == 2
    assert "no such file" in result.stderr


def test_cli_eval_articles_slice(runner, tmp_path):
    text = 'Talks\n\n"We will not retreat from this position," Ann Lee said.\n'
    start, end = text.index('"We'), text.index(" Ann")
    quote = {"text": text[start:end], "start": start, "end": end, "speaker": "Ann Lee"}
    gold = tmp_path / "gold.jsonl"
    lines = [json.dumps({"id": f"a{n}", "article_text": text, "quotes": [quote]}) for n in (1, 2)]
    gold.write_text("\n".join(lines) + "\n")
    result = runner.invoke(app, ["eval", str(gold), "--articles", "1:"])
    assert result.exit_code == 0 and "1 articles" in result.stdout and "ECE" in result.stdout
    bad = runner.invoke(app, ["eval", str(gold), "--articles", "one"])
    assert bad.exit_code == 2 and "START:END" in bad.stderr
