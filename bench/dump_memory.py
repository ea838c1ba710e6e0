"""Memory of `diplomat ingest` on a JSONL dump as it grows: the dump streams, so 200,000
records should need no more memory than 20,000.

    .venv/bin/python -m bench.dump_memory --records 20000 200000

The records are short distinct notices with no speech in them (no quotes to parse), so the
run measures reading, extracting and storing records rather than the parser. Each run starts
the CLI on a fresh SQLite file; prints records/s and the largest resident memory of the
ingest process.
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.ingest_speed import DIPLOMAT, PEAK_RSS


def write_dump(path: Path, records: int) -> None:
    with path.open("w", encoding="utf-8") as dump:
        for n in range(records):
            text = f"Harbour notice {n}\n\nShips waited outside the port on day {n} of the strike."
            dump.write(json.dumps({"id": n, "text": text, "outlet": "Port Gazette"}) + "\n")


def run(dump: Path, scratch: Path) -> tuple[float, int, str]:
    db = scratch / f"{dump.stem}.db"
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{db}"}
    command = [sys.executable, "-c", PEAK_RSS, str(DIPLOMAT), "ingest", str(dump)]
    started = time.perf_counter()
    done = subprocess.run(command, env=env, capture_output=True, text=True, cwd=scratch)
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        sys.exit(f"diplomat ingest failed ({done.returncode}):\n{done.stderr[-2000:]}")
    return seconds, int(done.stderr.strip().splitlines()[-1]), done.stdout.strip()


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--records", type=int, nargs="+", default=[20_000, 200_000])
    args = parser.parse_args()
    counts = " ".join(map(str, args.records))
    print(f"Command: .venv/bin/python -m bench.dump_memory --records {counts}")
    with tempfile.TemporaryDirectory(prefix="dump-memory-") as tmp:
        scratch = Path(tmp)
        for count in args.records:
            dump = scratch / f"dump-{count}.jsonl"
            write_dump(dump, count)
            seconds, peak_kb, summary = run(dump, scratch)
            size = dump.stat().st_size / 1e6
            print(
                f"{count:,} records ({size:.1f} MB): {count / seconds:,.0f} records/s "
                f"({seconds:.1f} s), largest process {peak_kb / 1024:.0f} MB; {summary}"
            )


if __name__ == "__main__":
    main()
