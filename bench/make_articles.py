"""Write synthetic news articles as .txt files, 1,000 to a folder.

    .venv/bin/python -m bench.make_articles /tmp/bench/articles --count 20000 --seed 1

The same seed writes the same files; they are the first articles `bench.make_db` stores.
"""

import argparse
import time
from pathlib import Path

from bench.corpus import World, article_path


def write_articles(out_dir: Path, count: int, seed: int) -> int:
    """Write `count` articles under `out_dir`; returns the bytes written."""
    written = 0
    for number, article in World(seed).articles(count):
        path = out_dir / article_path(number)
        path.parent.mkdir(parents=True, exist_ok=True)
        data = article.text.encode("utf-8")
        path.write_bytes(data)
        written += len(data)
    return written


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--count", type=int, default=20000, help="articles to write")
    parser.add_argument("--seed", type=int, default=1, help="same seed, same articles")
    args = parser.parse_args()
    if args.count < 1:
        parser.error("--count must be at least 1")
    started = time.perf_counter()
    size = write_articles(args.out_dir, args.count, args.seed)
    seconds = time.perf_counter() - started
    print(f"{args.count} articles, {size / 1e6:.1f} MB in {args.out_dir} ({seconds:.1f} s)")


if __name__ == "__main__":
    main()
