"""End-to-end ingest speed: the real `diplomat ingest` on article files, and on the same
articles as one JSONL dump, with 1 and 2 workers.

    .venv/bin/python -m bench.make_articles /tmp/bench/articles --count 2000
    .venv/bin/python -m bench.ingest_speed /tmp/bench/articles --limit 2000

Each run gets a fresh SQLite file and starts the CLI as a user would, so the times include
start-up, migration and model loading. Prints articles/s, the CPU time of all its processes
(on a shared machine, wall time that CPU time does not explain was taken by others), the
largest resident memory of any of its processes, the speed-up and database size against the
raw text size. `--only files` or `--only jsonl` runs one kind.
"""

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from app.settings import ROOT

DIPLOMAT = ROOT / ".venv" / "bin" / "diplomat"


# Runs a command and prints, last, the largest resident memory (KB) of its processes.
PEAK_RSS = (
    "import resource, subprocess, sys; done = subprocess.run(sys.argv[1:]); "
    "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, file=sys.stderr); "
    "sys.exit(done.returncode)"
)


@dataclass(frozen=True)
class Run:
    workers: int
    seconds: float
    cpu_seconds: float
    db_bytes: int
    summary: str
    kind: str = "files"
    peak_rss_kb: int = 0


def link_articles(files: list[Path], folder: Path) -> None:
    """Symlink `files` into `folder`, so one path argument holds exactly the chosen articles."""
    for n, path in enumerate(files):
        (folder / f"{n:06d}{path.suffix}").symlink_to(path.resolve())


def write_dump(files: list[Path], path: Path) -> None:
    """The articles as one JSONL dump, a record each: {"id": …, "text": …}."""
    with path.open("w", encoding="utf-8") as dump:
        for n, file in enumerate(files):
            record = {"id": f"{n:06d}", "text": file.read_text(encoding="utf-8")}
            dump.write(json.dumps(record, ensure_ascii=False) + "\n")


def ingest(target: Path, workers: int, scratch: Path, kind: str = "files") -> Run:
    """Run `diplomat ingest` on `target` (a folder or a dump) into a new database."""
    db = scratch / f"ingest-{kind}-{workers}.db"
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{db}"}
    command = [str(DIPLOMAT), "ingest", str(target), "--workers", str(workers)]
    command = [sys.executable, "-c", PEAK_RSS, *command]
    cpu_before, started = _children_cpu(), time.perf_counter()
    done = subprocess.run(command, env=env, capture_output=True, text=True, cwd=scratch)
    seconds, cpu = time.perf_counter() - started, _children_cpu() - cpu_before
    lines = done.stdout.strip().splitlines()
    # Exit status 1 with a summary means some articles failed; they are counted in it.
    if done.returncode not in (0, 1) or not lines:
        sys.exit(f"diplomat ingest failed ({done.returncode}):\n{done.stderr[-2000:]}")
    size = sum(p.stat().st_size for p in (db, Path(f"{db}-wal")) if p.exists())
    peak = int(done.stderr.strip().splitlines()[-1])
    return Run(workers, seconds, cpu, size, lines[-1], kind, peak)


def _children_cpu() -> float:
    """CPU seconds used by finished child processes (the CLI and its workers)."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def report(runs: list[Run], articles: int, text_bytes: int) -> None:
    for run in runs:
        print(
            f"{run.kind}, {run.workers} worker(s): {articles / run.seconds:6.1f} articles/s "
            f"({run.seconds:.1f} s, {run.cpu_seconds:.1f} s CPU, largest process "
            f"{run.peak_rss_kb / 1024:.0f} MB); {run.summary}"
        )
        print(
            f"  database {run.db_bytes / 1e6:.1f} MB = {run.db_bytes / text_bytes:.2f}x "
            f"the raw text ({text_bytes / 1e6:.1f} MB)"
        )
    for kind in dict.fromkeys(run.kind for run in runs):
        mine = [run for run in runs if run.kind == kind]
        if len(mine) > 1:
            speed_up = mine[0].seconds / mine[-1].seconds
            print(f"{kind}: speed-up with {mine[-1].workers} workers: {speed_up:.2f}x")
    files = {run.workers: run.seconds for run in runs if run.kind == "files"}
    for run in runs:
        if run.kind == "jsonl" and run.workers in files:
            ratio = files[run.workers] / run.seconds
            print(f"JSONL dump vs files, {run.workers} worker(s): {ratio:.2f}x the speed")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("articles_dir", type=Path)
    parser.add_argument("--limit", type=int, default=2000, help="use the first N articles")
    parser.add_argument(
        "--workers", type=int, nargs="+", default=[1, 2], help="worker counts to compare"
    )
    parser.add_argument("--only", choices=("files", "jsonl"), help="run one kind of input")
    args = parser.parse_args()
    if not DIPLOMAT.exists():
        sys.exit(f"{DIPLOMAT} not found: install the project into .venv first")
    files = sorted(args.articles_dir.rglob("*.txt"))[: args.limit]
    if not files:
        sys.exit(f"no article files under {args.articles_dir}")
    text_bytes = sum(path.stat().st_size for path in files)
    with tempfile.TemporaryDirectory(prefix="ingest-speed-") as tmp:
        scratch = Path(tmp)
        (scratch / "articles").mkdir()
        link_articles(files, scratch / "articles")
        write_dump(files, scratch / "articles.jsonl")
        runs = []
        for n in args.workers:
            if args.only != "jsonl":
                runs.append(ingest(scratch / "articles", n, scratch, "files"))
            if args.only != "files":
                runs.append(ingest(scratch / "articles.jsonl", n, scratch, "jsonl"))
    report(runs, len(files), text_bytes)


if __name__ == "__main__":
    main()
