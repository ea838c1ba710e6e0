"""The tallies (counts of statements the database keeps by triggers, migrations 0005 and 0010)
against a recount from the quotes themselves: `db check` reports any difference; `rebuild`
makes them exact again (after a bulk load that bypassed the triggers)."""

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
    return found


def rebuild_sql(dialect: str) -> list[str]:
    """Statements that replace every tally by a recount."""
    statements = []
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
