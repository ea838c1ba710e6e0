"""One statement, many reports: a speaker's near-identical quotes grouped into a statement.

Outlets print the same words, and an article often repeats them. Two quotes of one speaker
are reports of one statement when their words are near-identical once case, punctuation and
quotation marks are set aside (edit similarity of at least SAME_WORDS), or when one of at least
MIN_CONTAINED words stands almost verbatim inside the other. A statement is a connected group
of such reports, so the grouping does not depend on the order articles arrive in: each pair is
compared when the later of the two is stored. Candidates come from MinHash bands of each
quote's word trigrams (`quote_band`), so a new report is compared with a handful of quotes,
not with everything its speaker said.

The lead report of a statement, the one lists show, is its earliest (then by the article's
content hash and the quote's position, so that ties are settled the same way everywhere).
"""

import hashlib
import random
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from rapidfuzz import fuzz
from sqlalchemy import Connection, bindparam, text

SAME_WORDS = 88  # rapidfuzz ratio (0-100) of two normalised quotes
MIN_CONTAINED, CONTAINED = 8, 95  # a shorter quote of 8+ words inside a longer one
ROWS, BANDS = 2, 8  # MinHash: 16 hashes in 8 bands of 2
_PRIME = (1 << 61) - 1
_random = random.Random(20261201)  # fixed: bands must be the same in every process, every run
_PERMUTATIONS = [(_random.randrange(1, _PRIME), _random.randrange(_PRIME)) for _ in range(16)]
_NOT_WORD = re.compile(r"[^\w]+")


def normalise(text: str) -> str:
    """Lowercase words only: quotation marks, punctuation and spacing set aside."""
    folded = unicodedata.normalize("NFKC", text).lower()
    return " ".join(_NOT_WORD.sub(" ", folded).split())


def bands(normalised: str) -> list[int]:
    """The quote's MinHash band keys (signed 63-bit, for a BIGINT column)."""
    words = normalised.split()
    if not words:
        return []
    grams = {" ".join(words[i : i + 3]) for i in range(max(1, len(words) - 2))}
    hashes = [int.from_bytes(hashlib.blake2b(g.encode(), digest_size=8).digest()) for g in grams]
    mins = [min((a * h + b) % _PRIME for h in hashes) for a, b in _PERMUTATIONS]
    keys = []
    for band in range(BANDS):
        rows = mins[band * ROWS : (band + 1) * ROWS]
        digest = hashlib.blake2b(repr((band, rows)).encode(), digest_size=8).digest()
        keys.append(int.from_bytes(digest) >> 1)
    return keys


def same_statement(a: str, b: str) -> bool:
    """Whether two normalised quotes are reports of one statement."""
    if not a or not b:
        return False
    if fuzz.ratio(a, b) >= SAME_WORDS:
        return True
    shorter, longer = sorted((a, b), key=len)
    return (
        len(shorter.split()) >= MIN_CONTAINED and fuzz.partial_ratio(shorter, longer) >= CONTAINED
    )


@dataclass
class _Report:
    id: int
    speaker_id: int
    words: str
    statement_id: int | None


_NEW = text(
    "SELECT id, speaker_id, text, statement_id FROM quote"
    " WHERE article_id = :article_id AND speaker_id IS NOT NULL ORDER BY position"
)
_INSERT_BAND = text("INSERT INTO quote_band (quote_id, speaker_id, band) VALUES (:q, :s, :b)")
_CANDIDATES = text(
    "SELECT DISTINCT qb.quote_id FROM quote_band qb"
    " WHERE qb.speaker_id = :speaker_id AND qb.band IN :bands AND qb.quote_id != :quote_id"
).bindparams(bindparam("bands", expanding=True))
_REPORTS = text("SELECT id, speaker_id, text, statement_id FROM quote WHERE id IN :ids").bindparams(
    bindparam("ids", expanding=True)
)


def group_article(conn: Connection, article_id: int) -> set[int]:
    """Give each attributed quote of a freshly stored article its statement; returns the
    statements touched (their leads and counts still to be settled: `settle`)."""
    touched: set[int] = set()
    for report in _reports(conn, _NEW, {"article_id": article_id}):
        keys = bands(report.words)
        if keys:
            rows = [{"q": report.id, "s": report.speaker_id, "b": key} for key in keys]
            conn.execute(_INSERT_BAND, rows)
        fellows = _fellows(conn, report, keys)
        statements = sorted({f.statement_id for f in fellows if f.statement_id is not None})
        if statements:
            survivor = statements[0]
            for other in statements[1:]:  # this report joins statements that were apart
                conn.execute(
                    text("UPDATE quote SET statement_id = :a WHERE statement_id = :b"),
                    {"a": survivor, "b": other},
                )
                conn.execute(text("DELETE FROM statement WHERE id = :b"), {"b": other})
                touched.discard(other)
        else:
            survivor = _new_statement(conn, report.speaker_id)
        conn.execute(
            text("UPDATE quote SET statement_id = :s WHERE id = :q"),
            {"s": survivor, "q": report.id},
        )
        touched.add(survivor)
    return touched


def _reports(conn: Connection, query, params: dict) -> list[_Report]:
    return [
        _Report(ident, speaker, normalise(words), statement)
        for ident, speaker, words, statement in conn.execute(query, params)
    ]


def _fellows(conn: Connection, report: _Report, keys: list[int]) -> list[_Report]:
    """Stored reports of the same speaker that share a band with `report` and its words."""
    if not keys:
        return []
    params = {"speaker_id": report.speaker_id, "bands": keys, "quote_id": report.id}
    ids = [row[0] for row in conn.execute(_CANDIDATES, params)]
    if not ids:
        return []
    found = _reports(conn, _REPORTS, {"ids": ids})
    return [other for other in found if same_statement(report.words, other.words)]


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
            text("SELECT id, speaker_id, text, statement_id FROM quote WHERE statement_id = :s"),
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
            if keys[a.id] & keys[b.id] and same_statement(a.words, b.words):
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
