"""Check that the long tail's Datasette URLs ask what diplomat's ask: a sample of each kind.

    .venv/bin/python -m bench.tail_check /tmp/small.db --sample 20
    .venv/bin/python -m bench.tail_check /tmp/small.db --database-url postgresql+psycopg://…

Starts both servers on the file (one diplomat process) and, for a sample of each kind's URLs,
compares the quotes each answer holds: on list pages the same quotes (Datasette breaks ties
between quotes of one day by ascending id, diplomat by descending id, so the quotes of the
page's last day, and of the cursor's day, are left out of the comparison); the same number of
rows in the CSV export; as many matches on the first page for searches (whose orders differ:
diplomat ranks by relevance, Datasette lists by id); a 200 for the speaker and compare pages.
Prints each disagreement and exits 1 if there is one. With --database-url diplomat reads that
database instead (a `diplomat db copy` of the file, e.g. on PostgreSQL), so the check says
whether the copy answers the long tail's questions as the file does.
"""

import argparse
import re
import sqlite3
import sys
from pathlib import Path
from urllib.parse import parse_qs, urlsplit, urlunsplit

import httpx

from bench.servers import datasette_command, diplomat_command, free_port, running
from bench.tail_urls import Kind, Url, build

QUOTE_LINK = re.compile(r'href="[^"]*/quotes/(\d+)"')


def datasette_rows(base: str, path: str) -> list[tuple[int, str]]:
    """(id, day) of the quotes of a Datasette table page, in order (its JSON, same query)."""
    parts = urlsplit(path)
    query = parts.query + "&_shape=array&_col=published"
    url = urlunsplit(("", "", parts.path + ".json", query, ""))
    response = httpx.get(base + url, timeout=60)
    response.raise_for_status()
    return [(row["id"], row["published"]) for row in response.json()]


def diplomat_ids(base: str, path: str) -> list[int]:
    response = httpx.get(base + path, timeout=60)
    response.raise_for_status()
    return [int(i) for i in dict.fromkeys(QUOTE_LINK.findall(response.text))]


def csv_rows(base: str, path: str) -> int:
    response = httpx.get(base + path, timeout=120)
    response.raise_for_status()
    return len(response.text.strip().splitlines()) - 1  # less the header


def compare(kind: Kind, url: Url, ours: str, theirs: str, days: sqlite3.Connection) -> str | None:
    """What differs between the two answers, or None."""
    if kind.group in ("list", "search"):
        ids = diplomat_ids(ours, url.path)
        marks = ",".join("?" * len(ids))
        day = dict(days.execute(f"SELECT id, published FROM quote WHERE id IN ({marks})", ids))
        mine, yours = [(i, day[i]) for i in ids], datasette_rows(theirs, url.datasette or "")
        if kind.group == "search":
            same = len(mine) == len(yours)
        else:
            same = _untied(mine, yours, url.datasette or "")
        return None if same else f"diplomat {mine[:3]}… ({len(mine)}), Datasette {yours[:3]}…"
    if kind.group == "export":
        mine_rows, their_rows = csv_rows(ours, url.path), csv_rows(theirs, url.datasette or "")
        return None if mine_rows == their_rows else f"{mine_rows} vs {their_rows} CSV rows"
    for base, path in ((ours, url.path), (theirs, url.datasette)):
        if path and (status := httpx.get(base + path, timeout=60).status_code) != 200:
            return f"{status} from {base}{path}"
    return None


def _untied(mine: list[tuple], yours: list[tuple], datasette: str) -> bool:
    """The same quotes, leaving out the days whose quotes the two order differently."""
    after = parse_qs(urlsplit(datasette).query).get("_next", [""])[0].split(",")[0]
    ties = {rows[-1][1] for rows in (mine, yours) if rows} | {after}
    if not after and len(mine) != len(yours):
        return False
    return {r for r in mine if r[1] not in ties} == {r for r in yours if r[1] not in ties}


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("db_path", type=Path)
    parser.add_argument("--sample", type=int, default=20, help="URLs per kind")
    parser.add_argument("--database-url", help="diplomat reads this copy of DB_PATH")
    args = parser.parse_args()
    kinds = build(args.db_path, args.sample, 1, 0)
    env = {"DATABASE_URL": args.database_url or f"sqlite:///{args.db_path}"}
    ours_port, theirs_port = free_port(), free_port()
    differences = 0
    days = sqlite3.connect(f"file:{args.db_path}?mode=ro", uri=True)
    with (
        running(diplomat_command(ours_port, 1), ours_port, env) as (ours, _),
        running(datasette_command(args.db_path, theirs_port), theirs_port) as (theirs, _),
    ):
        for kind in kinds:
            found = [(u, compare(kind, u, ours, theirs, days)) for u in kind.runs[0]]
            bad = [(u, why) for u, why in found if why]
            differences += len(bad)
            print(f"{kind.name:<16} {len(found) - len(bad)}/{len(found)} agree")
            for url, why in bad[:5]:
                print(f"    {url.path}\n    {url.datasette}\n    {why}")
    sys.exit(1 if differences else 0)


if __name__ == "__main__":
    main()
