"""Which articles get an outlet and a publication date, as `diplomat ingest` would store them
(read as ingest reads them, metadata the source gives over what the text suggests).

    .venv/bin/python -m bench.metadata_coverage ../shared/seeds examples

Prints one line per article and the counts; no database is touched.
"""

import argparse
from pathlib import Path

from app.ingest.process import extract_item
from app.ingest.sources.dumps import field_map
from app.ingest.sources.local import local_items


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("paths", type=Path, nargs="+")
    args = parser.parse_args()
    items, _ = local_items(args.paths, field_map([]))
    outlets = dates = total = 0
    for item in items:
        extracted = extract_item(item)
        article = extracted.article
        if article is None:
            print(f"{extracted.source}: failed ({extracted.error})")
            continue
        total += 1
        outlets += article.outlet is not None
        dates += article.date is not None
        print(f"{extracted.source}: outlet {article.outlet!r}, date {article.date}")
    print(f"outlet known for {outlets} of {total} articles, date for {dates} of {total}")


if __name__ == "__main__":
    main()
