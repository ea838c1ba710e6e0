"""The tallies (counts of statements the database keeps by triggers, migrations 0005, 0010,
0012 and 0018), the dates topic links copy from their quotes (0011) and the topic ids quotes
list from their links (0017), against a recount from the quotes and links themselves: `db
check` reports any difference; `rebuild` makes them exact again (after a bulk load that
bypassed the triggers)."""

from sqlalchemy import Connection, text

# Each tally's rows as a recount gives them, per dialect (month: yyyymm, 0 when undated).
_MONTH = {
    "sqlite": "COALESCE(CAST(substr(q.published, 1, 4) || substr(q.published, 6, 2)"
    " AS INTEGER), 0)",
    "postgresql": "COALESCE((EXTRACT(YEAR FROM q.published) * 100"
    " + EXTRACT(MONTH FROM q.published))::integer, 0)",
}
_RECOUNT = {
    "tally_speaker": (
        "speaker_id, quotes",
        "SELECT COALESCE(q.speaker_id, 0), count(*) FROM quote q WHERE q.is_lead GROUP BY 1",
    ),
    "tally_speaker_month": (
        "speaker_id, month, kind, quotes",
        "SELECT COALESCE(q.speaker_id, 0), {month}, q.kind, count(*) FROM quote q"
        " WHERE q.is_lead GROUP BY 1, 2, 3",
    ),
    "tally_speaker_topic": (
        "speaker_id, topic_id, quotes",
        "SELECT COALESCE(q.speaker_id, 0), qt.topic_id, count(*)"
        " FROM quote_topic qt JOIN quote q ON q.id = qt.quote_id WHERE q.is_lead GROUP BY 1, 2",
    ),
    "tally_topic_month": (
        "topic_id, month, quotes",
        "SELECT qt.topic_id, {month}, count(*)"
        " FROM quote_topic qt JOIN quote q ON q.id = qt.quote_id WHERE q.is_lead GROUP BY 1, 2",
    ),
    "tally_speaker_outlet": (
        "speaker_id, month, outlet, quotes",
        "SELECT COALESCE(q.speaker_id, 0), {month}, COALESCE(a.outlet, ''), count(*)"
        " FROM quote q JOIN article a ON a.id = q.article_id WHERE q.is_lead GROUP BY 1, 2, 3",
    ),
    "tally_topic_speaker": (
        "topic_id, month, speaker_id, kind, quotes",
        "SELECT qt.topic_id, {month}, COALESCE(q.speaker_id, 0), q.kind, count(*)"
        " FROM quote_topic qt JOIN quote q ON q.id = qt.quote_id WHERE q.is_lead"
        " GROUP BY 1, 2, 3, 4",
    ),
    "tally_topic_kind": (
        "topic_id, kind, speaker_id, quotes",
        "SELECT qt.topic_id, q.kind, COALESCE(q.speaker_id, 0), count(*)"
        " FROM quote_topic qt JOIN quote q ON q.id = qt.quote_id WHERE q.is_lead"
        " GROUP BY 1, 2, 3",
    ),
    "tally_topic_outlet": (
        "topic_id, month, kind, outlet, quotes",
        "SELECT qt.topic_id, {month}, q.kind, COALESCE(a.outlet, ''), count(*)"
        " FROM quote_topic qt JOIN quote q ON q.id = qt.quote_id"
        " JOIN article a ON a.id = q.article_id WHERE q.is_lead GROUP BY 1, 2, 3, 4",
    ),
    "tally_topic_speaker_outlet": (
        "topic_id, speaker_id, outlet, quotes",
        "SELECT qt.topic_id, COALESCE(q.speaker_id, 0), COALESCE(a.outlet, ''), count(*)"
        " FROM quote_topic qt JOIN quote q ON q.id = qt.quote_id"
        " JOIN article a ON a.id = q.article_id WHERE q.is_lead GROUP BY 1, 2, 3",
    ),
}
TALLY_TABLES = tuple(_RECOUNT)


def _recount(conn: Connection, table: str) -> tuple[str, str]:
    columns, query = _RECOUNT[table]
    return columns, query.format(month=_MONTH[conn.dialect.name])


def differences(conn: Connection) -> list[str]:
    """One line per tally that differs from a recount ("tally_speaker: 3 rows differ")."""
    found = []
    for table in TALLY_TABLES:
        columns, recount = _recount(conn, table)
        stored = f"SELECT {columns} FROM {table}"
        differ = conn.execute(
            text(
                f"SELECT (SELECT count(*) FROM ({stored} EXCEPT {recount}) a)"
                f" + (SELECT count(*) FROM ({recount} EXCEPT {stored}) b)"
            )
        ).scalar_one()
        if differ:
            found.append(f"{table}: {differ} rows differ from a recount")
    return found + misdated_links(conn) + mislisted_topics(conn)


# Topic links whose date is not their quote's (migration 0011 keeps them the same).
_MISDATED_LINKS = (
    "SELECT count(*) FROM quote_topic qt JOIN quote q ON q.id = qt.quote_id"
    " WHERE qt.published IS DISTINCT FROM q.published"
)
_REDATE_LINKS = (
    "UPDATE quote_topic SET published = (SELECT q.published FROM quote q WHERE q.id = quote_id)"
    " WHERE published IS DISTINCT FROM (SELECT q.published FROM quote q WHERE q.id = quote_id)"
)


def misdated_links(conn: Connection) -> list[str]:
    """One line if some topic links carry another date than their quote's."""
    misdated = conn.execute(text(_MISDATED_LINKS)).scalar_one()
    return [f"quote_topic: {misdated} topic links dated unlike their quote"] if misdated else []


def rebuild_sql(dialect: str) -> list[str]:
    """Statements that replace every tally by a recount."""
    statements = [_REDATE_LINKS, _RELIST_TOPICS.format(listed=_LISTED[dialect])]
    for table in TALLY_TABLES:
        columns, recount = _RECOUNT[table]
        statements.append(f"DELETE FROM {table}")
        statements.append(
            f"INSERT INTO {table} ({columns}) " + recount.format(month=_MONTH[dialect])
        )
    return statements


def rebuild(conn: Connection) -> None:
    """Replace every tally by a recount (inside the caller's transaction)."""
    for statement in rebuild_sql(conn.dialect.name):
        conn.execute(text(statement))


# A quote's topic ids as its links list them, ascending (migration 0017 keeps them listed).
_LISTED = {
    "sqlite": "(SELECT group_concat(topic_id, ',') FROM"
    " (SELECT topic_id FROM quote_topic WHERE quote_id = quote.id ORDER BY topic_id))",
    "postgresql": "(SELECT string_agg(topic_id::text, ',' ORDER BY topic_id) FROM quote_topic"
    " WHERE quote_id = quote.id)",
}
_MISLISTED_TOPICS = "SELECT count(*) FROM quote WHERE topic_ids IS DISTINCT FROM {listed}"
_RELIST_TOPICS = "UPDATE quote SET topic_ids = {listed} WHERE topic_ids IS DISTINCT FROM {listed}"


def mislisted_topics(conn: Connection) -> list[str]:
    """One line if some quotes list other topic ids than their links."""
    listed = _LISTED[conn.dialect.name]
    mislisted = conn.execute(text(_MISLISTED_TOPICS.format(listed=listed))).scalar_one()
    return [f"quote: {mislisted} quotes list other topics than their links"] if mislisted else []
