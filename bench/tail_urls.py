"""The long tail: thousands of distinct URLs per page kind, each to be asked once.

    tail = build(Path("/tmp/q.db"), per_run=2000, runs=2, warm=4)
    tail[0].runs[0]  # the first kind's URLs for the first connection count

Readers ask each filter, speaker, search and page once or twice, so a page cache answers few of
them; this makes what they ask. Each kind's URLs come from the database (bench/tail_facts.py),
in an order fixed by a hash of what they hold, so every run on the same file asks the same.
Where a kind has families of URLs (a topic page with a date range, with a speaker, …) they are
interleaved so that every slice holds each family in the same share. The slices given to the
connection counts are disjoint (every `runs`-th URL), so no run asks a page an earlier run may
have cached; a few more URLs, asked by neither, warm the server up.

Datasette's equivalent is attached where it can answer: its table view with the same filters,
newest first and `_size=20`; `_search=` for searches; `_next=` for cursor pages; the speaker's
row page; `.csv?_stream=on` for the export. It has no equivalent of the compare page.
"""

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from bench.tail_facts import read_facts
from bench.tail_kinds import KINDS, Family, Url


@dataclass(frozen=True)
class Kind:
    name: str
    group: str  # list, speaker, search, other, export: which targets apply
    pool: int  # distinct URLs there are to choose from (searches with two words: at most)
    runs: list[list[Url]]  # one disjoint slice per connection count
    warm: list[Url]  # asked before timing, by neither slice
    example: Url | None  # None: the database has none of this kind


def build(db: Path, per_run: int, runs: int, warm: int, only: list[str] | None = None):
    """Every kind (or those named in `only`), each with `runs` slices of up to `per_run` URLs."""
    facts = read_facts(db)
    try:
        kinds = []
        for name, group, make in KINDS:
            if only and name not in only:
                continue
            families = make(facts)
            slices, warm_up = _slice(families, runs, per_run, warm)
            pool = sum(len(family) for family in families)
            example = next(iter(warm_up + slices[0]), None)
            kinds.append(Kind(name, group, pool, slices, warm_up, example))
        return kinds
    finally:
        facts.conn.close()


def _slice(families: list[Family], runs: int, per_run: int, warm: int):
    """The first `warm` URLs for the warm-up, then the j-th URL of each family to slice j mod
    `runs` (so each slice holds every family in the same share), until the slices are full."""
    slices: list[list[Url]] = [[] for _ in range(runs)]
    warm_up: list[Url] = []
    taken = [0] * len(families)
    for index, url in _interleave(families):
        if len(warm_up) < warm:
            warm_up.append(url)
            continue
        into = slices[taken[index] % runs]
        taken[index] += 1
        if len(into) < per_run:
            into.append(url)
        if all(len(s) >= per_run for s in slices):
            break
    return slices, warm_up


def _interleave(families: list[Family]) -> Iterator[tuple[int, Url]]:
    """(family index, URL): one URL of each family in turn until all are exhausted; a path
    met before is skipped."""
    iterators = {index: iter(family) for index, family in enumerate(families)}
    seen: set[str] = set()
    while iterators:
        for index, it in list(iterators.items()):
            url = next(it, None)
            if url is None:
                del iterators[index]
            elif url.path not in seen:
                seen.add(url.path)
                yield index, url
