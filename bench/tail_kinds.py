"""The long tail's page kinds: for each, the families of URLs it asks and Datasette's equivalents.

A family is one shape of URL (a topic page with a year, with a speaker, …) over every value the
database holds for it, in hash order; bench/tail_urls.py interleaves a kind's families and
slices them. Diplomat's query strings use its parameter names in its own order; Datasette's
table view is asked for the same rows, newest first, 20 to a page.
"""

import calendar
import hashlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from itertools import combinations
from urllib.parse import quote, urlencode

from app.queries.filters import KINDS as QUOTE_KINDS
from app.queries.filters import encode_cursor
from bench.tail_facts import Facts
from bench.web_mix import FTS, PAGE_SIZE

COMMON_SHARE, RARE_SHARE = 1 / 100, 1 / 500  # of all quotes, those holding the word
COMPARE_SPEAKERS = 40  # per topic, the speakers quoted most on it are paired
CURSOR_ROUNDS = 4  # pages picked per speaker, at most
UNITS = ("year", "quarter", "month")  # date ranges
NEWEST = {"_sort_desc": "published"}


@dataclass(frozen=True)
class Url:
    path: str  # diplomat's
    datasette: str | None = None  # Datasette's equivalent, or None


class Family:
    """Candidates in hash order, made into URLs lazily (`make` may look something up, or
    return None to skip one)."""

    def __init__(self, salt: str, keys: Iterable, make: Callable[..., Url | None]):
        self.keys = sorted(keys, key=lambda key: _hash(salt, key))
        self.make = make

    def __len__(self) -> int:
        return len(self.keys)

    def __iter__(self) -> Iterator[Url]:
        for key in self.keys:
            url = self.make(*key) if isinstance(key, tuple) else self.make(key)
            if url is not None:
                yield url


def _hash(salt: str, key: object) -> bytes:
    return hashlib.blake2b(f"{salt}|{key}".encode(), digest_size=8).digest()


def _q(**params: object) -> str:
    """A query string in diplomat's parameter order (`from_` stands for `from`)."""
    pairs = [(name.rstrip("_"), value) for name, value in params.items() if value is not None]
    return "?" + urlencode(pairs)


def _table(f: Facts, fmt: str = "", **params: object) -> str:
    """Datasette's quote table view (`fmt` "" for HTML, or ".csv"), 20 rows unless told."""
    return f"/{quote(f.db_name)}/quote{fmt}?{urlencode({'_size': PAGE_SIZE, **params})}"


def _in_topic(topic_id: int) -> str:
    return f"id in (select quote_id from quote_topic where topic_id = {topic_id})"


def _in_country(country: str) -> str:
    return f"speaker_id in (select id from speaker where country = '{country}')"


def periods(months: set[str], unit: str) -> list[tuple[str, str]]:
    """(first day, last day) of every year, quarter or month holding one of `months`."""
    spans = set()
    for month in months:
        year, number = int(month[:4]), int(month[5:7])
        first, last = {
            "year": (1, 12),
            "quarter": (3 * ((number - 1) // 3) + 1, 3 * ((number - 1) // 3) + 3),
            "month": (number, number),
        }[unit]
        spans.add((f"{year}-{first:02d}-01", f"{year}-{last:02d}-{_days(year, last):02d}"))
    return sorted(spans)


def _days(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


def speaker_filter(f: Facts) -> list[Family]:
    def make(s):
        return Url("/" + _q(speaker=s.slug), _table(f, speaker_id=s.id, **NEWEST))

    return [Family("speaker filter", f.speakers, make)]


def speaker_topic(f: Facts) -> list[Family]:
    slugs = {s.id: s.slug for s in f.speakers}

    def make(speaker_id, topic_id, _quotes):
        where = _in_topic(topic_id)
        return Url(
            "/" + _q(speaker=slugs[speaker_id], topic=f.topics[topic_id]),
            _table(f, speaker_id=speaker_id, _where=where, **NEWEST),
        )

    return [Family("speaker + topic", f.speaker_topics, make)]


def country_dates(f: Facts) -> list[Family]:
    def make(country, start, end):
        return Url(
            "/" + _q(country=country, from_=start, to=end),
            _table(f, _where=_in_country(country), published__gte=start, published__lte=end,
                   **NEWEST),
        )  # fmt: skip

    def spans(unit):
        countries = f.country_months.items()
        return [(c, *span) for c, months in countries for span in periods(months, unit)]

    return [Family(f"country {unit}", spans(unit), make) for unit in UNITS]


def topic_page(f: Facts) -> list[Family]:
    """The topic alone, by kind of quote, by year, quarter or month, and by speaker."""
    slugs = {s.id: s.slug for s in f.speakers}

    def make(topic_id, speaker_id=None, kind=None, start=None, end=None):
        path = f"/topics/{f.topics[topic_id]}"
        params = dict(speaker=slugs.get(speaker_id), from_=start, to=end, kind=kind)
        mine = {k: v for k, v in params.items() if v is not None}
        theirs = dict(speaker_id=speaker_id, published__gte=start, published__lte=end, kind=kind)
        theirs = {k: v for k, v in theirs.items() if v is not None}
        return Url(
            path + (_q(**mine) if mine else ""),
            _table(f, _where=_in_topic(topic_id), **theirs, **NEWEST),
        )

    def dated(t, start, end):
        return make(t, start=start, end=end)

    return [
        Family("topic", [(t,) for t in f.topics], make),
        Family("topic kind", [(t, k) for t in f.topics for k in QUOTE_KINDS],
               lambda t, k: make(t, kind=k)),
        *[Family(f"topic {unit}", [(t, *span) for t, months in f.topic_months.items()
                                   for span in periods(months, unit)], dated)
          for unit in UNITS],
        Family("topic speaker", [(t, s) for s, t, _ in f.speaker_topics], make),
    ]  # fmt: skip


def cursor_pages(f: Facts) -> list[Family]:
    """Page N ≥ 2 of a speaker's newest-first list, N picked by a hash; up to a few per speaker."""

    def make(round_, s):
        pages = -(-s.dated // PAGE_SIZE)
        if pages < 2:
            return None
        page = 2 + int.from_bytes(_hash(f"page {round_}", s.id)) % (pages - 1)
        key = f.cursor_key(s.id, (page - 1) * PAGE_SIZE - 1)  # the last row of page N - 1
        if key is None:
            return None
        day, ident = key
        return Url(
            "/" + _q(speaker=s.slug, after=encode_cursor("newest", day, ident)),
            _table(f, speaker_id=s.id, _next=f"{day},{ident}", **NEWEST),
        )

    return [Family(f"cursor {r}", [(r, s) for s in f.speakers], make) for r in range(CURSOR_ROUNDS)]


def speaker_page(f: Facts) -> list[Family]:
    def make(s):
        return Url(f"/speakers/{s.slug}", f"/{quote(f.db_name)}/speaker/{s.id}")

    return [Family("speaker page", f.speakers, make)]


def _searches(f: Facts, salt: str, words: list[str], pair: Callable | None) -> list[Family]:
    """Each word alone, newest or oldest first, by kind of quote, within a year or a quarter;
    and with a second word when `pair` says which pairs to ask."""

    def make(q, sort=None, kind=None, start=None, end=None):
        order = {"newest": {"_sort_desc": "published"}, "oldest": {"_sort": "published"}}
        theirs = dict(kind=kind, published__gte=start, published__lte=end)
        theirs = {k: v for k, v in theirs.items() if v is not None}
        return Url(
            "/search" + _q(q=q, from_=start, to=end, kind=kind, sort=sort),
            _table(f, _search=q, **FTS, **theirs, **order.get(sort or "", {})),
        )

    months = set().union(*f.country_months.values())
    spans = periods(months, "year") + periods(months, "quarter")
    families = [
        Family(f"{salt} alone", words, make),
        Family(f"{salt} sorted", [(w, s) for w in words for s in ("newest", "oldest")], make),
        Family(f"{salt} kind", [(w, k) for w in words for k in QUOTE_KINDS],
               lambda w, k: make(w, kind=k)),
        Family(f"{salt} dates", [(w, *span) for w in words for span in spans],
               lambda w, start, end: make(w, start=start, end=end)),
    ]  # fmt: skip
    if pair:
        pairs = [(a, b) for a in words for b, _ in f.vocabulary if b != a]
        families.append(
            Family(f"{salt} pair", pairs, lambda a, b: make(f"{a} {b}") if pair(a, b) else None)
        )
    return families


def search_common(f: Facts) -> list[Family]:
    """A word in at least 1 % of quotes (thousands of matches): alone or with one filter."""
    words = [w for w, n in f.vocabulary if n >= COMMON_SHARE * f.quotes]
    return _searches(f, "common", words, None)


def search_rare(f: Facts) -> list[Family]:
    """A word in at most 0.2 % of quotes: alone, with one filter, or with any other word
    (pairs some quote holds)."""
    rare = [w for w, n in f.vocabulary if n <= RARE_SHARE * f.quotes]
    rare_set = set(rare)

    def pair(a, b):  # each pair of rare words once
        return (b not in rare_set or a < b) and f.matches_any((a, b))

    return _searches(f, "rare", rare, pair)


def compare(f: Facts) -> list[Family]:
    """Two of the speakers quoted most on a topic, on that topic."""
    slugs = {s.id: s.slug for s in f.speakers}
    ranked: dict[int, list[tuple[int, int]]] = {}
    for speaker_id, topic_id, quotes in f.speaker_topics:
        ranked.setdefault(topic_id, []).append((-quotes, speaker_id))
    keys = []
    for topic_id, speakers in ranked.items():
        top = [s for _, s in sorted(speakers)[:COMPARE_SPEAKERS]]
        keys += [(topic_id, a, b) for a, b in combinations(top, 2)]

    def make(topic_id, a, b):
        return Url("/compare" + _q(speakers=f"{slugs[a]},{slugs[b]}", topic=f.topics[topic_id]))

    return [Family("compare", keys, make)]


def csv_export(f: Facts) -> list[Family]:
    def make(s):
        return Url(
            "/quotes.csv" + _q(speaker=s.slug),
            _table(f, ".csv", speaker_id=s.id, _stream="on", _size="max"),
        )

    return [Family("csv", f.speakers, make)]


# (name, group, families): run in this order. Groups: which targets apply (bench/tail_report.py).
KINDS: list[tuple[str, str, Callable[[Facts], list[Family]]]] = [
    ("speaker filter", "list", speaker_filter),
    ("speaker + topic", "list", speaker_topic),
    ("country + dates", "list", country_dates),
    ("topic page", "list", topic_page),
    ("cursor pages", "list", cursor_pages),
    ("speaker page", "speaker", speaker_page),
    ("search common", "search", search_common),
    ("search rare", "search", search_rare),
    ("compare", "other", compare),
    ("CSV export", "export", csv_export),
]
