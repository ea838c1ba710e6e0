"""Every benchmark in one go, from nothing, rewriting bench/RESULTS.md.

    .venv/bin/python -m bench.run_all --articles 20000 --quotes 1000000 --postgres

Writes the synthetic articles, times `diplomat ingest` on them with 1 and 2 workers, builds the
million-quote database, loads diplomat and Datasette on it (bench.web_load: the long tail, then
the cache hits), with --postgres the long tail again on a PostgreSQL copy, and writes the
figures, the machine, the date and the commands to bench/RESULTS.md, the long tail first,
followed by the record of optimisations kept by hand in bench/optimisations.md. Scratch files
go under --work.
"""

import argparse
import json
import os
import platform
import shlex
import sqlite3
import subprocess
import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path

from bench import ingest_speed, report, tail_report, web_load
from bench.make_articles import write_articles

HERE = Path(__file__).resolve().parent


def machine() -> str:
    """CPU model and count, memory, OS, Python and SQLite versions, and the current load."""
    cpu = next(
        (
            ln.split(":", 1)[1].strip()
            for ln in open("/proc/cpuinfo")
            if ln.startswith("model name")
        ),
        platform.processor(),
    )
    mem = next(ln.split()[1] for ln in open("/proc/meminfo") if ln.startswith("MemTotal"))
    load = open("/proc/loadavg").read().split()[:3]
    return (
        f"{os.cpu_count()} × {cpu}; {int(mem) / 1e6:.1f} GB RAM; {platform.platform()}; "
        f"Python {platform.python_version()}; SQLite {sqlite3.sqlite_version}; "
        f"load average at the start {' '.join(load)}"
    )


def run_ingest(work: Path, count: int) -> tuple[list[str], list[ingest_speed.Run], int]:
    articles = work / "articles"
    text_bytes = write_articles(articles, count, seed=1)
    files = sorted(articles.rglob("*.txt"))[:count]
    with tempfile.TemporaryDirectory(prefix="ingest-", dir=work) as tmp:
        scratch = Path(tmp)
        (scratch / "articles").mkdir()
        ingest_speed.link_articles(files, scratch / "articles")
        runs = [ingest_speed.ingest(scratch / "articles", n, scratch) for n in (1, 2)]
    lines = [
        "| workers | articles/s | seconds | database / raw text | summary |",
        "|---|---|---|---|---|",
    ]
    for r in runs:
        lines.append(
            f"| {r.workers} | {count / r.seconds:.1f} | {r.seconds:.1f} | "
            f"{r.db_bytes / 1e6:.1f} MB / {text_bytes / 1e6:.1f} MB = "
            f"{r.db_bytes / text_bytes:.2f}× | {r.summary} |"
        )
    speedup = runs[0].seconds / runs[1].seconds
    per_core = count / runs[0].seconds
    lines += ["", f"Speed-up with 2 workers: {speedup:.2f}× (target ≥ 1.8×); "
              f"1 worker: {per_core:.1f} articles/s (target ≥ 30 per core)."]  # fmt: skip
    return lines, runs, text_bytes


def build_db(work: Path, quotes: int) -> tuple[Path, str]:
    db = work / "quotes.db"
    command = [sys.executable, "-m", "bench.make_db", str(db), "--quotes", str(quotes), "--replace"]
    done = subprocess.run(command, check=True, capture_output=True, text=True)
    return db, done.stdout.strip()


def write_results(args, sections: dict[str, list[str]]) -> Path:
    argv = [".venv/bin/python", "-m", "bench.run_all", *sys.argv[1:]]
    command = " ".join(shlex.quote(a) for a in argv)
    out = [
        "# Benchmark results",
        "",
        f"Run {datetime.now(UTC):%Y-%m-%d %H:%M} UTC with `{command}`.",
        "",
        f"Machine: {machine()}.",
        "",
    ]
    for title, lines in sections.items():
        out += [f"## {title}", "", *lines, ""]
    notes = HERE / "optimisations.md"
    if notes.exists():
        out += [notes.read_text().strip(), ""]
    path = args.results
    path.write_text("\n".join(out))
    return path


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--articles", type=int, default=20000, help="for the ingest benchmark")
    parser.add_argument("--quotes", type=int, default=1_000_000, help="for the web benchmark")
    parser.add_argument(
        "--urls", type=int, default=2000, help="long tail: URLs per kind and connection count"
    )
    parser.add_argument(
        "--seconds", type=float, default=60, help="long tail: time limit per kind and load"
    )
    parser.add_argument(
        "--cached-seconds", type=float, default=5, help="cache hits: seconds per URL and load"
    )
    parser.add_argument(
        "--postgres", action="store_true", help="the long tail on a PostgreSQL copy too"
    )
    parser.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "diplomat-bench")
    parser.add_argument("--results", type=Path, default=HERE / "RESULTS.md")
    parser.add_argument(
        "--web-json",
        type=Path,
        help="figures of an earlier `bench.web_load --json` run on --work's quotes.db, used "
        "instead of building the database and loading the servers again",
    )
    parser.add_argument(
        "--postgres-json", type=Path, help="the same for `bench.web_load --backend postgres`"
    )
    args = parser.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)
    print(f"ingest: {args.articles} articles", file=sys.stderr)
    ingest, _, _ = run_ingest(args.work, args.articles)
    sections: dict[str, list[str]] = {}
    built = None
    if args.web_json:
        result = json.loads(args.web_json.read_text())
        note = f"From `{args.web_json}`, an earlier `bench.web_load` run on the same machine."
    else:
        print(f"database: {args.quotes} quotes", file=sys.stderr)
        db, built = build_db(args.work, args.quotes)
        result = web_load.run(db, web_args(db, args))
        (args.work / "web.json").write_text(json.dumps(result, indent=1))
        note = ""
    pg = postgres_run(args)
    if "tail" not in result:
        sys.exit(f"{args.web_json} holds no long-tail figures: run bench.web_load again")
    sections["Web: the long tail (each URL asked once)"] = _noted(note, tail_report.lines(result))
    if pg:
        sections["Web: the long tail on PostgreSQL"] = tail_report.lines(pg)
    if cached := result.get("cached"):
        sections["Web: cache hits (one URL asked again and again)"] = web_section(cached)
        sections["Targets of the cache-hit figures (an earlier issue's)"] = report.targets_table(
            report.web_targets(cached)
        )
    sections[f"Ingest, {args.articles:,} synthetic articles"] = ingest
    if built:
        sections["Building the web benchmark's database (bench.make_db)"] = ["```", built, "```"]
    print(f"wrote {write_results(args, sections)}", file=sys.stderr)


def web_args(db: Path, args, *extra: str) -> argparse.Namespace:
    """bench.web_load's arguments for `db`, with its defaults."""
    argv = [str(db), "--urls", str(args.urls), "--seconds", str(args.seconds)]
    return web_load.make_parser().parse_args(
        [*argv, "--cached-seconds", str(args.cached_seconds), *extra]
    )


def postgres_run(args) -> dict | None:
    if args.postgres_json:
        return json.loads(args.postgres_json.read_text())
    if not args.postgres:
        return None
    db = args.work / "quotes.db"
    result = web_load.run(db, web_args(db, args, "--backend", "postgres", "--cached-seconds", "0"))
    (args.work / "web-postgres.json").write_text(json.dumps(result, indent=1))
    return result


def _noted(note: str, lines: list[str]) -> list[str]:
    return [note, "", *lines] if note else lines


def web_section(result: dict) -> list[str]:
    picks = result["picks"]
    lines = [
        f"{result['quotes']:,} quotes. Load by {result['tool']} on loopback, "
        f"{result['seconds']:g} s per endpoint and connection count, closed loop. diplomat: "
        f"`diplomat serve --workers {result['workers']}` (README, production); Datasette "
        "0.65.5: `datasette serve -i quotes.db`, facet suggestions off (one process), asked for "
        "20 rows (`_size=20`) like diplomat's pages. RSS is the whole process tree's resident "
        "memory, the peak of samples every 0.2 s under load.",
        "",
        "**Cache hits, not the headline.** Each endpoint is one URL asked again and again, and "
        "every worker has built it once before the timing starts, so these tables measure "
        "pages served from the page cache (valid until the next import): what repeat visitors "
        "and shared links get. Each server was started again for them (after the long tail).",
        "",
        "Requests (chosen from the data by bench/web_mix.py): "
        + "; ".join(f"{name} `{path}`" for name, path in result["paths"].items()),
        "",
        f"Common word “{picks['common_word']}”, rare word “{picks['rare_word']}” (Porter stems).",
    ]
    return lines + report.web_tables(result)


if __name__ == "__main__":
    main()
