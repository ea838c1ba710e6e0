"""`diplomat ingest`, `extract` and `eval`: articles into the database, onto the terminal, or
scored against gold quotes."""

import json
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from app.cli.output import database_problems, err, fail, plain, print_failures
from app.settings import get_settings

Paths = Annotated[
    list[Path], typer.Argument(help="Article files or folders (searched recursively).")
]


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
    limits = Limits(
        max_bytes=int(settings.max_article_mb * 1_000_000),
        seconds=settings.article_time_budget_s if time_budget is None else time_budget,
    )
    with database_problems(url):
        ensure_current(url)
        engine = make_engine(url, writer=True)
        try:
            if if_empty and has_articles(engine):
                typer.echo("database already has articles; nothing ingested")
                return
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


def extract(
    paths: Paths,
    format: Annotated[str, typer.Option("--format", help="jsonl or table.")] = "jsonl",
) -> None:
    """Print the quotes found in articles, without touching the database.

    Example: diplomat extract ../shared/seeds --format jsonl > pred.jsonl
    """
    from app.extract.article import article_json
    from app.ingest.discovery import discover
    from app.ingest.files import source_name
    from app.ingest.process import extract_file

    if format not in ("jsonl", "table"):
        fail(f"unknown format {format!r}: use jsonl or table")
    files, failures = discover(paths)
    for path in files:
        _, article, error = extract_file(path)
        if article is None:
            failures.append(_failure(path, error))
            continue
        line = article_json(path.stem, source_name(path), article)
        if format == "jsonl":
            sys.stdout.write(json.dumps(line, ensure_ascii=False) + "\n")
        else:
            _print_table(line)
    print_failures(failures)
    raise typer.Exit(1 if failures else 0)


def _failure(path: Path, reason: str | None):
    from app.ingest.discovery import Failure
    from app.ingest.files import source_name

    return Failure(source_name(path), reason or "unknown error")


def _print_table(line: dict) -> None:
    from rich.table import Table

    title = plain(f"{line['id']}: {line['title'] or '(no title)'}")
    table = Table(title=title, show_lines=True)
    for column in ("speaker", "kind", "cue", "quote", "conf."):
        table.add_column(column)
    for q in line["quotes"]:
        speaker = q["speaker"] or "(unknown)"
        if q["speaker_country"]:
            speaker += f" [{q['speaker_country']}]"
        cells = (speaker, q["kind"], q["cue"] or "", q["text"], f"{q['confidence']:.2f}")
        table.add_row(*map(plain, cells))
    Console().print(table)


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
