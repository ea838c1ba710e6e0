"""One statement, many reports: a speaker's near-identical quotes grouped into a statement.

Outlets print the same words, and an article often repeats them. Two quotes of one speaker
are reports of one statement when their words are near-identical once case, punctuation and
quotation marks are set aside (edit similarity of at least SAME_WORDS); when one of at least
MIN_CONTAINED words stands almost verbatim inside the other; or when they say the same thing
in other words, as two translations do (at least SHARED_WORDS content words in common, and
most of the shorter one's). Reports dated more than APART_DAYS apart are different statements,
however alike. A statement is a connected group of such reports, so the grouping does not
depend on the order articles arrive in: each pair is compared when the later of the two is
stored. Candidates come from MinHash bands of each quote's content words (`quote_band`), so a
new report is compared with a handful of quotes, not with everything its speaker said.

The lead report of a statement, the one lists show, is its earliest (then by the article's
content hash and the quote's position, so that ties are settled the same way everywhere).
"""

import hashlib
import random
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

from rapidfuzz import fuzz
from sqlalchemy import Connection, TextClause, bindparam, insert, text

from app.models import Statement, table

SAME_WORDS = 88  # rapidfuzz ratio (0-100) of two normalised quotes
MIN_CONTAINED, CONTAINED = 8, 95  # a shorter quote of 8+ words inside a longer one
SHARED_WORDS, SHARED_SHARE = 5, 0.75  # content words in common, share of the shorter's
APART_DAYS = 10
STOPWORDS = frozenset(
    """a an the and or but if of to in on at by for with from as is are was were be been being
    it its this that these those we our us i my me you your he she his her they their them
    will would shall should can could may might must do does did have has had not no so
    there here what which who whom whose when where how all any some more most very also
    than then just about into over such only own same too s t""".split()
)
ROWS, BANDS = 2, 16  # MinHash: 32 hashes in 16 bands of 2
_PRIME = (1 << 61) - 1
_random = random.Random(20261201)  # fixed: bands must be the same in every process, every run
_PERMUTATIONS = [
    (_random.randrange(1, _PRIME), _random.randrange(_PRIME)) for _ in range(ROWS * BANDS)
]
_NOT_WORD = re.compile(r"[^\w]+")


# Cached: a crowded band's quotes are read again for each new report that shares it.
@lru_cache(maxsize=8192)
def normalise(text: str) -> str:
    """Lowercase words only: quotation marks, punctuation and spacing set aside."""
    folded = unicodedata.normalize("NFKC", text).lower()
    return " ".join(_NOT_WORD.sub(" ", folded).split())


@lru_cache(maxsize=8192)
def content_words(normalised: str) -> frozenset[str]:
    """The words that carry meaning, crudely stemmed ("building" and "build" are one)."""
    return frozenset(_stem(w) for w in normalised.split() if w not in STOPWORDS and not w.isdigit())


def _stem(word: str) -> str:
    for suffix in ("ings", "ing", "edly", "ed", "ies", "es", "s", "ly"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


def bands(normalised: str) -> list[int]:
    """The quote's MinHash band keys over its content words (signed 63-bit, for a BIGINT
    column): quotes sharing most of their words share a band."""
    words = content_words(normalised)
    if not words:
        return []
    mins = list(map(min, zip(*map(_word_hashes, words), strict=True)))
    keys = []
    for band in range(BANDS):
        rows = mins[band * ROWS : (band + 1) * ROWS]
        digest = hashlib.blake2b(repr((band, rows)).encode(), digest_size=8).digest()
        keys.append(int.from_bytes(digest) >> 1)
    return keys


@lru_cache(maxsize=4096)  # ~6 MB; most words of most quotes are common ones
def _word_hashes(word: str) -> tuple[int, ...]:
    """The word's value under each MinHash permutation."""
    h = int.from_bytes(hashlib.blake2b(word.encode(), digest_size=8).digest())
    return tuple((a * h + b) % _PRIME for a, b in _PERMUTATIONS)


def same_statement(a: str, b: str) -> bool:
    """Whether two normalised quotes are reports of one statement (by their words alone)."""
    if not a or not b:
        return False
    if fuzz.ratio(a, b) >= SAME_WORDS:
        return True
    shorter, longer = sorted((a, b), key=len)
    if len(shorter.split()) >= MIN_CONTAINED and fuzz.partial_ratio(shorter, longer) >= CONTAINED:
        return True
    words_a, words_b = content_words(a), content_words(b)
    shared = len(words_a & words_b)
    return shared >= SHARED_WORDS and shared >= SHARED_SHARE * min(len(words_a), len(words_b))


def _apart(a: str | None, b: str | None) -> bool:
    """Both dated, and further apart than one news cycle."""
    if not a or not b:
        return False
    return abs((date.fromisoformat(a) - date.fromisoformat(b)).days) > APART_DAYS


@dataclass
class _Report:
    id: int
    speaker_id: int
    words: str
    statement_id: int | None
    published: str | None  # ISO date


def _linked(a: _Report, b: _Report) -> bool:
    return not _apart(a.published, b.published) and same_statement(a.words, b.words)


_REPORT_COLUMNS = "id, speaker_id, text, statement_id, published"  # a _Report's fields
_NEW = text(
    f"SELECT {_REPORT_COLUMNS} FROM quote"
    " WHERE article_id = :article_id AND speaker_id IS NOT NULL ORDER BY position"
)
_INSERT_BAND = text("INSERT INTO quote_band (quote_id, speaker_id, band) VALUES (:q, :s, :b)")
# A new report is compared with every quote of its speaker that shares one of its bands, up
# to COMPARE_ALL of them. Past that (a quote reprinted by hundreds of outlets, or a speaker
# whose quotes collide in a band), comparing all made each report cost as much as its
# speaker's whole output (ingest fell from 51 to 3 articles a second on 20,000 generated
# articles); then only the newest PER_BAND of each band are read, at most PER_STATEMENT of a
# statement (one link to a statement is enough), CANDIDATES in all, most bands shared first.
COMPARE_ALL = 200
PER_BAND, PER_STATEMENT, CANDIDATES = 32, 4, 40


@lru_cache(maxsize=32)
def _crowded(bands: int) -> TextClause:
    """The rows of the quotes to compare with a new report having this many band keys (bound
    as :b0, :b1 …) when too many share them; each band is read newest first
    (ix_quote_band_recent)."""
    recent = " UNION ALL ".join(
        "SELECT * FROM (SELECT quote_id FROM quote_band WHERE speaker_id = :speaker_id"
        f" AND band = :b{n} AND quote_id != :quote_id ORDER BY quote_id DESC LIMIT {PER_BAND})"
        f" AS band{n}"
        for n in range(bands)
    )
    picked = (
        "SELECT quote_id FROM ("
        " SELECT shared.quote_id, shared.bands, ROW_NUMBER() OVER ("
        "  PARTITION BY q.statement_id ORDER BY shared.bands DESC, shared.quote_id DESC) AS nth"
        f" FROM (SELECT quote_id, count(*) AS bands FROM ({recent}) AS recent GROUP BY quote_id)"
        " AS shared JOIN quote q ON q.id = shared.quote_id"
        f") AS ranked WHERE nth <= {PER_STATEMENT}"
        f" ORDER BY bands DESC, quote_id DESC LIMIT {CANDIDATES}"
    )
    # The picked quotes' rows in the same statement: a third round trip, with its list of
    # ids, cost over half what picking them did (py-spy, 800 generated articles).
    return text(f"SELECT {_REPORT_COLUMNS} FROM quote WHERE id IN ({picked})")


_REPORTS = text(f"SELECT {_REPORT_COLUMNS} FROM quote WHERE id IN :ids").bindparams(
    bindparam("ids", expanding=True)
)


@lru_cache(maxsize=32)
def _sharing(bands: int) -> TextClause:
    """The stored quotes sharing one of a new report's band keys (bound as :b0, :b1 …, not
    as an expanding list, which is re-rendered on every call), :most at most."""
    keys = ", ".join(f":b{n}" for n in range(bands))
    return text(
        "SELECT DISTINCT quote_id FROM quote_band"
        f" WHERE speaker_id = :speaker_id AND band IN ({keys}) AND quote_id != :quote_id"
        " LIMIT :most"
    )


_STATEMENT = table(Statement)
_INSERT_STATEMENTS = insert(_STATEMENT).returning(_STATEMENT.c.id, sort_by_parameter_order=True)
_ASSIGN = text("UPDATE quote SET statement_id = :s WHERE id = :q")


@dataclass
class _Article:
    """One article's grouping under way. Its reports are compared with each other in memory
    and with stored ones through the database; what it decides is written at the end, a few
    statements in all rather than several per report. A statement first made here has a
    provisional id (negative) until it is stored."""

    conn: Connection
    seen: list[tuple[_Report, frozenset[int]]] = field(default_factory=list)
    assigned: dict[int, int] = field(default_factory=dict)  # quote id -> statement id
    made: list[int] = field(default_factory=list)  # provisional ids, in the order made
    touched: set[int] = field(default_factory=set)

    def join(self, report: _Report, keys: list[int]) -> None:
        """Give `report` the statement of the reports it is linked with, joining theirs."""
        bands_of = frozenset(keys)
        fellows = _fellows(self.conn, report, keys) + [
            other
            for other, their in self.seen
            if other.speaker_id == report.speaker_id and their & bands_of and _linked(report, other)
        ]
        self.seen.append((report, bands_of))
        found = {s for f in fellows if (s := self.assigned.get(f.id, f.statement_id)) is not None}
        stored = sorted(s for s in found if s > 0)
        provisional = sorted((s for s in found if s < 0), reverse=True)
        if stored or provisional:
            survivor = (stored + provisional)[0]  # a stored statement before one made here
        else:
            survivor = -len(self.made) - 1
            self.made.append(survivor)
        for other in stored[1:] + provisional:
            if other == survivor:
                continue
            if other > 0:  # this report joins statements that were apart
                self.conn.execute(
                    text("UPDATE quote SET statement_id = :a WHERE statement_id = :b"),
                    {"a": survivor, "b": other},
                )
                self.conn.execute(text("DELETE FROM statement WHERE id = :b"), {"b": other})
            self.assigned = {q: survivor if s == other else s for q, s in self.assigned.items()}
            self.touched.discard(other)
        self.assigned[report.id] = survivor
        self.touched.add(survivor)

    def write(self) -> set[int]:
        """Store the bands, the statements made here and every report's statement; returns
        the statements whose leads and counts are still to be settled."""
        if not self.seen:
            return set()
        rows = [
            {"q": report.id, "s": report.speaker_id, "b": key}
            for report, keys in self.seen
            for key in sorted(keys)
        ]
        if rows:
            self.conn.execute(_INSERT_BAND, rows)
        alive = [made for made in self.made if made in self.touched]
        members: dict[int, list[_Report]] = {made: [] for made in alive}
        for report, _ in self.seen:
            if self.assigned[report.id] < 0:
                members[self.assigned[report.id]].append(report)
        ids: dict[int, int] = {}
        if alive:
            rows = [_settled(members[made]) for made in alive]
            stored = self.conn.execute(_INSERT_STATEMENTS, rows).scalars().all()
            ids = dict(zip(alive, stored, strict=True))
        self.conn.execute(
            _ASSIGN,
            [{"s": ids.get(s, s), "q": q} for q, s in self.assigned.items()],
        )
        return {ids.get(s, s) for s in self.touched if s > 0 or len(members[s]) > 1}


def _settled(members: list[_Report]) -> dict:
    """A new statement's row, settled already when it has one report (that report leads)."""
    first, alone = members[0], len(members) == 1
    return {
        "speaker_id": first.speaker_id,
        "lead_quote_id": first.id if alone else None,
        "reports": len(members),
        "outlets": 1,
        "first_published": date.fromisoformat(first.published)
        if alone and first.published
        else None,
    }


def group_article(conn: Connection, article_id: int) -> set[int]:
    """Give each attributed quote of a freshly stored article its statement; returns the
    statements touched whose leads and counts are still to be settled (`settle`)."""
    grouping = _Article(conn)
    for report in _reports(conn, _NEW, {"article_id": article_id}):
        grouping.join(report, bands(report.words))
    return grouping.write()


def _reports(conn: Connection, query, params: dict) -> list[_Report]:
    return _as_reports(conn.execute(query, params))


def _as_reports(rows) -> list[_Report]:
    return [
        _Report(ident, speaker, normalise(words), statement, str(day) if day else None)
        for ident, speaker, words, statement, day in rows
    ]


def _fellows(conn: Connection, report: _Report, keys: list[int]) -> list[_Report]:
    """Stored reports of the same speaker that share a band with `report` and its words."""
    if not keys:
        return []
    params = {"speaker_id": report.speaker_id, "quote_id": report.id, "most": COMPARE_ALL + 1}
    params.update({f"b{n}": key for n, key in enumerate(keys)})
    ids = list(conn.execute(_sharing(len(keys)), params).scalars())
    if len(ids) > COMPARE_ALL:
        rows = conn.execute(_crowded(len(keys)), params).all()
    else:
        rows = conn.execute(_REPORTS, {"ids": ids}).all() if ids else []
    return [other for other in _as_reports(rows) if _linked(report, other)]


def _new_statement(conn: Connection, speaker_id: int) -> int:
    result = conn.execute(
        text("INSERT INTO statement (speaker_id, reports, outlets) VALUES (:s, 1, 1) RETURNING id"),
        {"s": speaker_id},
    )
    return int(result.scalar_one())


def statements_of_article(conn: Connection, article_id: int) -> set[int]:
    """The statements the article's quotes belong to (before it is replaced)."""
    rows = conn.execute(
        text(
            "SELECT DISTINCT statement_id FROM quote"
            " WHERE article_id = :a AND statement_id IS NOT NULL"
        ),
        {"a": article_id},
    )
    return {row[0] for row in rows}


def split_apart(conn: Connection, statement_ids: Iterable[int]) -> set[int]:
    """After reports were removed, the statements' remaining reports regrouped: a removed
    report may have been the only link between two others. Returns the statements touched."""
    touched: set[int] = set()
    for statement_id in sorted(statement_ids):
        members = _reports(
            conn,
            text(f"SELECT {_REPORT_COLUMNS} FROM quote WHERE statement_id = :s"),
            {"s": statement_id},
        )
        groups = _components(conn, members)
        touched.add(statement_id)
        for group in groups[1:]:  # the first keeps the statement, the others get new ones
            fresh = _new_statement(conn, group[0].speaker_id)
            conn.execute(
                text("UPDATE quote SET statement_id = :s WHERE id IN :ids").bindparams(
                    bindparam("ids", expanding=True)
                ),
                {"s": fresh, "ids": [member.id for member in group]},
            )
            touched.add(fresh)
    return touched


def _components(conn: Connection, members: list[_Report]) -> list[list[_Report]]:
    """Connected groups of reports (linked: a shared band and near-identical words), each in
    id order, the group with the smallest id first."""
    if not members:
        return []
    keys: dict[int, set[int]] = {member.id: set() for member in members}
    rows = conn.execute(
        text("SELECT quote_id, band FROM quote_band WHERE quote_id IN :ids").bindparams(
            bindparam("ids", expanding=True)
        ),
        {"ids": list(keys)},
    )
    for quote_id, band in rows:
        keys[quote_id].add(band)
    parent = {member.id: member.id for member in members}

    def root(ident: int) -> int:
        while parent[ident] != ident:
            parent[ident] = parent[parent[ident]]
            ident = parent[ident]
        return ident

    ordered = sorted(members, key=lambda m: m.id)
    for i, a in enumerate(ordered):
        for b in ordered[i + 1 :]:
            if keys[a.id] & keys[b.id] and _linked(a, b):
                parent[root(b.id)] = root(a.id)
    groups: dict[int, list[_Report]] = {}
    for member in ordered:
        groups.setdefault(root(member.id), []).append(member)
    return sorted(groups.values(), key=lambda group: group[0].id)


_MEMBERS = text(
    "SELECT q.id, q.is_lead, q.published, a.content_hash, q.position, a.outlet"
    " FROM quote q JOIN article a ON a.id = q.article_id WHERE q.statement_id = :s"
)


def settle(conn: Connection, statement_ids: Iterable[int]) -> None:
    """Each statement's lead (its earliest report), report and outlet counts and first date;
    a statement left with no report is deleted."""
    for statement_id in sorted(set(statement_ids)):
        members = conn.execute(_MEMBERS, {"s": statement_id}).all()
        if not members:
            conn.execute(text("DELETE FROM statement WHERE id = :s"), {"s": statement_id})
            continue
        lead = min(members, key=_earliest)
        for ident, is_lead, *_ in members:
            if bool(is_lead) != (ident == lead[0]):  # only changes: each fires the tallies
                conn.execute(
                    text("UPDATE quote SET is_lead = :l WHERE id = :q"),
                    {"l": ident == lead[0], "q": ident},
                )
        dates = [member[2] for member in members if member[2] is not None]
        conn.execute(
            text(
                "UPDATE statement SET lead_quote_id = :lead, reports = :n, outlets = :o,"
                " first_published = :d WHERE id = :s"
            ),
            {
                "lead": lead[0],
                "n": len(members),
                "o": len({member[5] for member in members}),
                "d": min(dates) if dates else None,
                "s": statement_id,
            },
        )


def _earliest(member) -> tuple:
    _, _, published, digest, position, _ = member
    return (published is None, str(published or ""), digest, position)


def regroup_all(conn: Connection) -> int:
    """Group every stored quote afresh (after an upgrade, whose migration left each quote a
    statement of its own); the result is the one ingest would have built. Returns the number
    of statements with more than one report."""
    conn.execute(text("UPDATE quote SET statement_id = NULL WHERE statement_id IS NOT NULL"))
    conn.execute(text("UPDATE quote SET is_lead = :t WHERE NOT is_lead"), {"t": True})
    conn.execute(text("DELETE FROM quote_band"))
    conn.execute(text("DELETE FROM statement"))
    articles = conn.execute(text("SELECT id FROM article ORDER BY id")).scalars().all()
    touched: set[int] = set()
    for article_id in articles:
        touched |= group_article(conn, article_id)
    settle(conn, touched)
    return conn.execute(text("SELECT count(*) FROM statement WHERE reports > 1")).scalar_one()
