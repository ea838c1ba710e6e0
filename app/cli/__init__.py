"""`diplomat` command line: thin wrappers over app.ingest, app.schema and the web app."""

import json
import os
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from app.settings import get_settings

app = typer.Typer(
    help="diplomat: who said what in diplomacy.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
db_app = typer.Typer(help="Database maintenance.", no_args_is_help=True)
app.add_typer(db_app, name="db")


def err() -> Console:
    """A stderr console made per call, so redirected or captured streams are honoured."""
    return Console(stderr=True, soft_wrap=True)


Paths = Annotated[
    list[Path], typer.Argument(help="Article files or folders (searched recursively).")
]


def fail(message: str, code: int = 2) -> None:
    err().print(f"[red]error:[/red] {message}", highlight=False)
    raise typer.Exit(code)


def print_failures(failures) -> None:
    """One line per failure on stderr; names are escaped so a hostile file name cannot inject
    console markup or break the line."""
    from rich.markup import escape

    for failure in failures:
        where, why = escape(_printable(failure.path)), escape(_printable(failure.reason))
        err().print(f"[red]failed:[/red] {where}: {why}", highlight=False)


def _printable(text: str) -> str:
    return "".join(c if c.isprintable() else c.encode("unicode_escape").decode() for c in text)


@app.command()
def ingest(
    paths: Paths,
    workers: Annotated[int, typer.Option(min=1, help="Extraction processes.")] = 1,
    if_empty: Annotated[
        bool, typer.Option("--if-empty", help="Do nothing when the database has articles.")
    ] = False,
    time_budget: Annotated[
        float | None,
        typer.Option(min=0, help="Seconds one article may take [default: ARTICLE_TIME_BUDGET_S]."),
    ] = None,
    shard: Annotated[
        str | None,
        typer.Option(
            "--shard",
            metavar="K/N",
            help="Ingest only part K of N of the files, so N machines can split one corpus.",
        ),
    ] = None,
) -> None:
    """Extract quotes from articles and store them; re-running is safe.

    Files over MAX_ARTICLE_MB, or taking longer than the time budget, fail alone. Ctrl-C stops
    cleanly; run the same command again to finish.

    Example: diplomat ingest ../shared/seeds examples/ --workers 2

    Split a corpus between N machines writing to one PostgreSQL (overlaps store nothing twice):

    Example: diplomat ingest /corpus --shard 2/4
    """
    part = _parse_shard(shard) if shard is not None else None
    from app.cli.progress import IngestProgress
    from app.db import make_engine
    from app.ingest.pipeline import Limits
    from app.ingest.pipeline import ingest as run_ingest
    from app.ingest.store import has_articles
    from app.schema import ensure_current

    settings = get_settings()
    url = settings.database_url
    ensure_current(url)
    engine = make_engine(url, writer=True)
    try:
        if if_empty and has_articles(engine):
            typer.echo("database already has articles; nothing ingested")
            return
        limits = Limits(
            max_bytes=int(settings.max_article_mb * 1_000_000),
            seconds=settings.article_time_budget_s if time_budget is None else time_budget,
        )
        with IngestProgress(err()) as progress:
            summary = run_ingest(
                paths,
                engine,
                workers,
                progress.advance,
                progress.start,
                limits=limits,
                shard=part,
            )
    finally:
        engine.dispose()  # PostgreSQL connections are closed, not left to the collector
    print_failures(summary.failures)
    typer.echo(summary.line())
    raise typer.Exit(130 if summary.interrupted else 1 if summary.failed else 0)


def _parse_shard(value: str) -> tuple[int, int]:
    number, _, count = value.partition("/")
    if not (number.isdigit() and count.isdigit() and 1 <= int(number) <= int(count)):
        fail(f"--shard {value!r}: expected K/N with 1 <= K <= N, e.g. --shard 2/4")
    return int(number), int(count)


@app.command()
def extract(
    paths: Paths,
    format: Annotated[str, typer.Option("--format", help="jsonl or table.")] = "jsonl",
) -> None:
    """Print the quotes found in articles, without touching the database.

    Example: diplomat extract ../shared/seeds --format jsonl > pred.jsonl
    """
    from app.extract.article import article_json
    from app.ingest.pipeline import discover, extract_file

    if format not in ("jsonl", "table"):
        fail(f"unknown format {format!r}: use jsonl or table")
    files, failures = discover(paths)
    for path in files:
        _, article, error = extract_file(path)
        if article is None:
            failures.append(_failure(path, error))
            continue
        line = article_json(path.stem, str(path), article)
        if format == "jsonl":
            sys.stdout.write(json.dumps(line, ensure_ascii=False) + "\n")
        else:
            _print_table(line)
    print_failures(failures)
    raise typer.Exit(1 if failures else 0)


def _failure(path: Path, reason: str | None):
    from app.ingest.pipeline import Failure

    return Failure(str(path), reason or "unknown error")


def _print_table(line: dict) -> None:
    from rich.table import Table

    table = Table(title=f"{line['id']}: {line['title'] or '(no title)'}", show_lines=True)
    for column in ("speaker", "kind", "cue", "quote", "conf."):
        table.add_column(column)
    for q in line["quotes"]:
        speaker = q["speaker"] or "(unknown)"
        if q["speaker_country"]:
            speaker += f" [{q['speaker_country']}]"
        table.add_row(speaker, q["kind"], q["cue"] or "", q["text"], f"{q['confidence']:.2f}")
    Console().print(table)


@app.command(name="eval")
def evaluate(
    gold: Annotated[Path, typer.Argument(help="Gold quotes, one article per line (JSONL).")],
    show_errors: Annotated[
        bool, typer.Option(help="List missed, spurious, misattributed.")
    ] = False,
    format: Annotated[str, typer.Option("--format", help="table or json.")] = "table",
) -> None:
    """Score the extractor against gold quotes, as ../shared/eval/score.py does.

    Example: diplomat eval ../shared/gold/seeds.jsonl --show-errors
    """
    if format not in ("table", "json"):
        fail(f"unknown format {format!r}: use table or json")
    if not gold.is_file():
        fail(f"{gold}: no such file")
    from app.extract.evaluation import evaluate as run_eval
    from app.extract.evaluation import render_json, render_table

    try:
        report = run_eval(gold)
    except (ValueError, KeyError) as error:
        fail(f"{gold}: not a gold file ({error})")
    typer.echo(render_json(report) if format == "json" else render_table(report, show_errors))


@app.command()
def serve(
    host: Annotated[str, typer.Option(help="Interface to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port.")] = 8000,
    workers: Annotated[int, typer.Option(help="Server processes.")] = 1,
) -> None:
    """Serve the web site (migrating a fresh database first).

    Example: diplomat serve --host 0.0.0.0 --port 8000
    """
    from app.schema import ensure_current

    ensure_current(get_settings().database_url)
    # Become the lean server process (see app.web.serving); same PID, so signals still reach it.
    command = [
        "-m",
        "app.web.serving",
        "--host",
        host,
        "--port",
        str(port),
        "--workers",
        str(workers),
    ]
    sys.stdout.flush()
    sys.stderr.flush()
    os.execv(sys.executable, [sys.executable, *command])


@db_app.command("upgrade")
def db_upgrade() -> None:
    """Migrate the database to the newest schema (Alembic head).

    Example: DATABASE_URL=sqlite:///data/diplomat.db diplomat db upgrade
    """
    from app.schema import upgrade

    upgrade(get_settings().database_url)
    typer.echo("database is at the newest schema")


@db_app.command("backup")
def db_backup(
    path: Annotated[Path, typer.Argument(help="Where to write the copy.")],
    overwrite: Annotated[bool, typer.Option(help="Replace an existing file at PATH.")] = False,
) -> None:
    """Copy the database to PATH, safely, while the site serves and ingest writes.

    Example: diplomat db backup backups/diplomat-$(date +%F).db
    """
    from app.maintenance.checks import MaintenanceError, backup

    try:
        size = backup(get_settings().database_url, path, overwrite)
    except (MaintenanceError, OSError) as error:
        fail(str(error), code=1)
    typer.echo(f"backed up to {path} ({size / 1_000_000:.1f} MB, integrity ok)")


@db_app.command("check")
def db_check() -> None:
    """Verify the database: integrity, foreign keys, full-text index, schema revision.

    Prints one line; the exit status is 1 when anything is wrong.

    Example: DATABASE_URL=sqlite:///backups/diplomat.db diplomat db check
    """
    from app.maintenance.checks import MaintenanceError, check

    try:
        findings = check(get_settings().database_url)
    except (MaintenanceError, OSError) as error:
        fail(str(error), code=1)
    problems = [f"{f.check}: {f.problem}" for f in findings if f.problem]
    if problems:
        fail("; ".join(problems), code=1)
    typer.echo("database ok: " + ", ".join(f.check for f in findings))


@db_app.command("copy")
def db_copy(
    source: Annotated[str, typer.Argument(help="SQLAlchemy URL of the database to copy.")],
    target: Annotated[str, typer.Argument(help="SQLAlchemy URL of an empty database.")],
) -> None:
    """Copy a whole database into an empty one (SQLite <-> PostgreSQL), then verify it.

    Example: diplomat db copy sqlite:///data/diplomat.db postgresql+psycopg://diplomat@db/diplomat

    Prints each table's row counts and checksums on both sides; exits 1 if any differ.
    """
    from sqlalchemy.exc import ArgumentError, OperationalError

    from app.maintenance.copy import CopyError, copy_database

    try:
        checks = copy_database(source, target)
    except (CopyError, ArgumentError) as error:
        fail(str(error))
    except OperationalError as error:
        fail(f"cannot reach a database: {str(error.orig).strip().splitlines()[0]}")
    typer.echo(f"{'table':<14} {'source':>9} -> {'copy':<9} {'checksums (source, copy)':<33} check")
    for check in checks:
        verdict = "ok" if check.ok else "MISMATCH"
        typer.echo(
            f"{check.table:<14} {check.source_rows:>9} -> {check.copied_rows:<9}"
            f" {check.source_checksum[:16]} {check.copied_checksum[:16]} {verdict}"
        )
    bad = [check.table for check in checks if not check.ok]
    if bad:
        err().print(f"[red]error:[/red] copy differs in {', '.join(bad)}", highlight=False)
        raise typer.Exit(1)
    typer.echo(f"copied {sum(c.copied_rows for c in checks)} rows; every table verified")
