"""Two versions of the app, one long-tail kind, CPU a page: which is cheaper, fairly.

    git worktree add /tmp/old <commit>
    .venv/bin/python -m bench.ab_pages DB --old /tmp/old --new . --tail "speaker page" --pairs 6
    .venv/bin/python -m bench.ab_pages DB --old /tmp/old --tail "search common" --counts

Runs `bench.profile_pages DB --tail KIND` in each version's tree in turn, a new process each,
pinned to one core when `taskset` is there, and prints each pair and the medians. The order
switches every pair: the second run of a pair reads pages the first has just read, which made
an unchanged export look a tenth cheaper in 4 pairs of 4 when the old version always ran first
(bench/RESULTS.md, session of 2026-12-04 20:43 UTC).
"""

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
from pathlib import Path

_CPU = re.compile(r"CPU ([0-9.]+) ms a page")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("db_path", type=Path)
    parser.add_argument("--old", type=Path, required=True, help="the old version's tree")
    parser.add_argument("--new", type=Path, default=Path("."), help="the new version's tree")
    parser.add_argument("--tail", action="append", required=True, help="a long-tail kind")
    parser.add_argument("--repeat", type=int, default=400, help="distinct URLs a run")
    parser.add_argument("--pairs", type=int, default=4)
    parser.add_argument("--core", type=int, default=1, help="the core to pin each run to")
    parser.add_argument(
        "--counts", action="store_true", help="compare the URLs' facet counts, not their pages"
    )
    args = parser.parse_args()
    trees = {"old": args.old.resolve(), "new": args.new.resolve()}
    for kind in args.tail:
        found: dict[str, list[float]] = {"old": [], "new": []}
        for pair in range(args.pairs):
            line = []
            for name in order(pair):
                ms = cpu_a_page(
                    trees[name], args.db_path.resolve(), kind, args.repeat, args.core, args.counts
                )
                found[name].append(ms)
                line.append(f"{name} {ms:.1f}")
            print(f"{kind}, pair {pair + 1}: {' / '.join(line)} ms", flush=True)
        print(summary(kind, found["old"], found["new"]))


def order(pair: int) -> tuple[str, str]:
    """Which version runs first in pair `pair`: old, then new, switching every pair."""
    return ("old", "new") if pair % 2 == 0 else ("new", "old")


def summary(kind: str, old: list[float], new: list[float]) -> str:
    """The medians of both versions' runs and the change from old to new."""
    before, after = statistics.median(old), statistics.median(new)
    change = (after - before) / before * 100 if before else 0.0
    return f"{kind}: median CPU a page {before:.2f} → {after:.2f} ms ({change:+.1f} %)"


def cpu_a_page(
    tree: Path, db: Path, kind: str, repeat: int, core: int, counts: bool = False
) -> float:
    """One run of bench.profile_pages in `tree` (its own code, the venv's packages)."""
    command = [sys.executable, "-m", "bench.profile_pages", str(db), "--tail", kind]
    command += ["--repeat", str(repeat)] + (["--counts"] if counts else [])
    if shutil.which("taskset"):
        command = ["taskset", "-c", str(core), *command]
    env = {**os.environ, "PYTHONPATH": str(tree)}
    done = subprocess.run(command, cwd=tree, env=env, capture_output=True, text=True, check=False)
    return parse_cpu(done.stdout + done.stderr)


def parse_cpu(output: str) -> float:
    """The "CPU … ms a page" figure bench.profile_pages prints."""
    match = _CPU.search(output)
    if match is None:
        last = output.strip().splitlines()[-1:] or ["no output"]
        raise SystemExit(f"bench.profile_pages gave no CPU figure: {last[0]}")
    return float(match.group(1))


if __name__ == "__main__":
    main()
