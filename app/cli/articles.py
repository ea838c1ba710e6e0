"""`diplomat ingest`, `extract` and `eval`: articles into the database, onto the terminal, or
scored against gold quotes."""

import json
import re
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from app.cli.output import database_problems, err, fail, plain, print_failures
from app.settings import get_settings

Paths = Annotated[
    list[Path],
    typer.Argument(metavar="PATH...", help="Article files or folders (searched recursively)."),
]
Sources = Annotated[
    list[str] | None,
    typer.Argument(
        metavar="[SOURCE...]",
        help="Article files, folders (searched recursively), dumps (.jsonl, .csv), "
        "and feed or page URLs.",
        show_default=False,
    ),
]
DURATION = re.compile(r"(\d+(?:\.\d+)?)([smhd]?)")
SECONDS = {"": 1, "s": 1, "m": 60, "h": 3600, "d": 86400}


def ingest(
    sources: Sources = None,
    feeds: Annotated[
        Path | None,
        typer.Option(
            "--feeds",
            metavar="FILE",
            help="A feeds file: [[feed]] tables with url, and optionally outlet and language.",
        ),
    ] = None,
    every: Annotated[
        str | None,
        typer.Option(
            "--every",
            metavar="DURATION",
            help="Keep running: ingest again each DURATION (30s, 15m, 2h), one log line a "
            "round. For feeds and URLs.",
        ),
    ] = None,
    field: Annotated[
        list[str] | None,
        typer.Option(
            "--field",
            metavar="FIELD=NAME",
            help="A dump's name for one of our fields (text, title, url, outlet, published, "
            "author, language, id), e.g. --field text=body; repeatable.",
        ),
    ] = None,
    workers: Annotated[int, typer.Option(min=1, metavar="N", help="Extraction processes.")] = 1,
    if_empty: Annotated[
        bool, typer.Option("--if-empty", help="Do nothing when the database has articles.")
    ] = False,
    time_budget: Annotated[
        float | None,
        typer.Option(
            min=0,
            metavar="SECONDS",
            show_default=False,
            help="Seconds one article may take (default: ARTICLE_TIME_BUDGET_S, 60).",
        ),
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

    Reads article files (.txt, .md, .html), dataset dumps (one article a record: .jsonl or
    .csv with a text field and any of title, url, outlet, published, author, language, id),
    RSS/Atom feeds and web pages. Metadata a source gives beats what is guessed from the
    text. Articles not in English are stored without quotes (the extractor reads English).
    Files over MAX_ARTICLE_MB, or taking longer than the time budget, fail alone; so does a
    bad dump record, named by its line. Ctrl-C stops cleanly; run the same command again to
    finish.

    Example: diplomat ingest ../shared/seeds examples/ --workers 2

    Example: diplomat ingest articles.jsonl --field text=body --field published=date

    Feeds and pages are fetched politely (robots.txt, a delay per host, FETCH_USER_AGENT);
    items already stored are not fetched again:

    Example: diplomat ingest --feeds feeds.toml --every 15m

    Split a corpus between N machines writing to one PostgreSQL (overlaps store nothing twice):

    Example: diplomat ingest /corpus --shard 2/4
    """
    from app.ingest.rounds import Plan, is_url
    from app.ingest.sources.dumps import BadFieldMap, field_map
    from app.ingest.sources.feeds import BadFeedsFile, Feed, load_feeds

    given = sources or []
    try:
        fields = field_map(field or [])
        targets = load_feeds(feeds) if feeds else []
    except (BadFieldMap, BadFeedsFile) as error:
        fail(str(error))
    targets += [Feed(value) for value in given if is_url(value)]
    paths = [Path(value) for value in given if not is_url(value)]
    if not paths and not targets:
        fail("nothing to ingest: give files, folders, dumps, URLs or --feeds FILE")
    period = _parse_duration(every) if every is not None else None
    if period is not None and not targets:
        fail("--every is for feeds and URLs: give --feeds FILE or a URL")
    settings = get_settings()
    plan = Plan(
        paths,
        targets,
        fields,
        workers,
        _limits(settings, time_budget),
        _parse_shard(shard) if shard is not None else None,
        _policy(settings),
    )
    summary = _run(plan, settings.database_url, if_empty, period)
    if period is None:
        print_failures(summary.failures)
        if summary.seen == 0 and not targets and not summary.interrupted:
            fail(
                "no articles found in "
                + ", ".join(str(p) for p in paths)
                + " (articles are .txt, .md or .html files; dumps are .jsonl or .csv)",
                code=1,
            )
        typer.echo(summary.line())
        typer.echo(_totals_line(settings.database_url))
    raise typer.Exit(130 if summary.interrupted else 1 if summary.failed else 0)


def _run(plan, url: str, if_empty: bool, period: float | None):
    """One ingest with a progress bar, or rounds with a log line each."""
    from app.cli.progress import IngestProgress
    from app.db import make_engine
    from app.ingest.pipeline import Summary
    from app.ingest.rounds import every, ingest_sources, round_line
    from app.ingest.store import has_articles
    from app.schema import ensure_current

    def report(number: int, summary: Summary, elapsed: float) -> None:
        print_failures(summary.failures)
        typer.echo(round_line(number, summary, elapsed))

    with database_problems(url):
        ensure_current(url)
        engine = make_engine(url, writer=True)
        try:
            if if_empty and has_articles(engine):
                typer.echo("database already has articles; nothing ingested")
                raise typer.Exit(0)
            if period is not None:
                return every(plan, engine, period, report)
            with IngestProgress(err()) as progress:
                return ingest_sources(plan, engine, progress.advance, progress.start)
        finally:
            engine.dispose()  # PostgreSQL connections are closed, not left to the collector


def _totals_line(url: str) -> str:
    from app.db import make_engine
    from app.ingest.store import totals
    from app.words import plural

    engine = make_engine(url)
    try:
        articles, quotes, speakers = totals(engine)
    finally:
        engine.dispose()
    return (
        f"the database now holds {plural(articles, 'article')}, {plural(quotes, 'quote')}, "
        f"{plural(speakers, 'speaker')}"
    )


def _limits(settings, time_budget: float | None):
    from app.ingest.process import Limits

    return Limits(
        max_bytes=int(settings.max_article_mb * 1_000_000),
        seconds=settings.article_time_budget_s if time_budget is None else time_budget,
    )


def _policy(settings):
    from app.ingest.sources.fetch import Policy

    return Policy(
        user_agent=settings.fetch_user_agent,
        timeout_s=settings.fetch_timeout_s,
        max_bytes=int(settings.max_article_mb * 1_000_000),
        retries=settings.fetch_retries,
        delay_s=settings.fetch_delay_s,
    )


def _parse_duration(value: str) -> float:
    """Seconds in "90", "30s", "15m", "2h", "1d" or "1h30m"."""
    parts = DURATION.findall(value.strip().lower())
    if not parts or "".join(n + u for n, u in parts) != value.strip().lower():
        fail(f"--every {value!r}: expected a duration such as 30s, 15m or 2h")
    seconds = sum(float(number) * SECONDS[unit] for number, unit in parts)
    if seconds < 1:
        fail(f"--every {value!r}: at least one second")
    return seconds


def _parse_shard(value: str) -> tuple[int, int]:
    number, _, count = value.partition("/")
    if not (number.isdigit() and count.isdigit() and 1 <= int(number) <= int(count)):
        fail(f"--shard {value!r}: expected K/N with 1 <= K <= N, e.g. --shard 2/4")
    return int(number), int(count)


def extract(
    paths: Paths,
    format: Annotated[
        str, typer.Option("--format", metavar="FORMAT", help="jsonl (default) or table.")
    ] = "jsonl",
) -> None:
    """Print the quotes found in articles, without touching the database.

    Example: diplomat extract articles/ --format jsonl > pred.jsonl
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
    gold: Annotated[
        Path,
        typer.Argument(
            metavar="GOLD.jsonl",
            help="Gold quotes, one article per line: id, article_text, and quotes with start, "
            "end, speaker.",
        ),
    ],
    show_errors: Annotated[
        bool,
        typer.Option(
            "--show-errors", help="List each error under its cause (counts are always shown)."
        ),
    ] = False,
    format: Annotated[
        str, typer.Option("--format", metavar="FORMAT", help="table (default) or json.")
    ] = "table",
    articles: Annotated[
        str,
        typer.Option(
            metavar="START:END",
            show_default=False,
            help="Only these articles, counted from 0: 30: or 0:30 (default: all).",
        ),
    ] = ":",
) -> None:
    """Score the extractor against gold quotes: precision, recall and F1 of the quotes found
    (a found quote matches a gold one when it covers more than 30% of it; a second line
    asks for 80%), speaker accuracy, attributed F1; then calibration (ECE, AUROC, accuracy
    per confidence band) and the errors counted by cause.

    Example: diplomat eval gold/news.jsonl --articles 30: --show-errors
    """
    if format not in ("table", "json"):
        fail(f"unknown format {format!r}: use table or json")
    if not gold.is_file():
        fail(f"{gold}: no such file")
    bounds = articles.split(":")
    if len(bounds) != 2 or not all(b.strip().isdigit() or not b.strip() for b in bounds):
        fail(f"--articles {articles!r}: use START:END, e.g. 30: or 0:30")
    part = slice(*(int(b) if b.strip() else None for b in bounds))
    from app.extract.evaluation import evaluate as run_eval
    from app.extract.evaluation import render_json, render_table

    try:
        report = run_eval(gold, articles=part)
    except (ValueError, KeyError) as error:
        fail(f"{gold}: not a gold file ({error})")
    typer.echo(render_json(report) if format == "json" else render_table(report, show_errors))
