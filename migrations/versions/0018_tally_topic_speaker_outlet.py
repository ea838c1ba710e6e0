"""tally_topic_speaker_outlet: a topic's statements by speaker and outlet

Revision ID: 0018
Revises: 0017
Create Date: 2026-12-05 03:40:00

A speaker's page of one topic (`/?speaker=…&topic=…`, `/topics/…?speaker=…`) counted its outlet
facet from the quotes: no tally held speaker, topic and outlet together, so every statement of
the speaker was walked to find those on the topic (15 ms warm, 30-45 ms cold for a speaker with
10,000 statements: the slowest 1 % of those pages). This tally answers it, and a country's
speakers on a topic, over all months and kinds, as the others do (migration 0005: lead quotes
only, speaker 0 for none; an article with no outlet counts under ''; a row that falls to zero
is deleted; `db check` compares it with a recount).

It is kept as migration 0012 keeps tally_topic_outlet: a link is counted when it is written
(its quote is stored first), taken off when it is deleted on its own, and moves with its
quote's speaker, lead and article. A quote deleted takes its links off first (BEFORE DELETE);
an article deleted takes its statements' links off first, and its outlet changing moves them.
"""

import sqlalchemy as sa
from alembic import op

revision = "0018"
down_revision = "0017"
branch_labels = None
depends_on = None

TABLE = "tally_topic_speaker_outlet"
KEY = "topic_id, speaker_id, outlet"


def _sqlite_count_link(topic: str, quote: str) -> str:
    """Count the link of quote id `quote` to `topic`, if the quote is a lead."""
    return f"""INSERT INTO {TABLE} ({KEY}, quotes)
            SELECT {topic}, COALESCE(q.speaker_id, 0), COALESCE(a.outlet, ''), 1
            FROM quote q JOIN article a ON a.id = q.article_id
            WHERE q.id = {quote} AND q.is_lead
            ON CONFLICT ({KEY}) DO UPDATE SET quotes = quotes + 1;"""


def _sqlite_uncount_link(topic: str, quote: str) -> str:
    """Take off the link of quote id `quote` to `topic` (nothing if the quote is gone)."""
    row = f"""topic_id = {topic} AND (speaker_id, outlet) =
            (SELECT COALESCE(q.speaker_id, 0), COALESCE(a.outlet, '')
             FROM quote q JOIN article a ON a.id = q.article_id
             WHERE q.id = {quote} AND q.is_lead)"""
    return f"""UPDATE {TABLE} SET quotes = quotes - 1 WHERE {row};
        DELETE FROM {TABLE} WHERE {row} AND quotes <= 0;"""


def _sqlite_quote_links(q: str, sign: str) -> str:
    """Count (sign '+') or take off (sign '-') every link of quote row `q` (old or new);
    nothing when its article is gone (see the article's trigger)."""
    if sign == "+":
        return f"""INSERT INTO {TABLE} ({KEY}, quotes)
            SELECT qt.topic_id, COALESCE({q}.speaker_id, 0), COALESCE(a.outlet, ''), 1
            FROM quote_topic qt JOIN article a ON a.id = {q}.article_id
            WHERE qt.quote_id = {q}.id
            ON CONFLICT ({KEY}) DO UPDATE SET quotes = quotes + 1;"""
    rows = f"""speaker_id = COALESCE({q}.speaker_id, 0)
            AND outlet = (SELECT COALESCE(outlet, '') FROM article WHERE id = {q}.article_id)
            AND topic_id IN (SELECT topic_id FROM quote_topic WHERE quote_id = {q}.id)"""
    return f"""UPDATE {TABLE} SET quotes = quotes - 1 WHERE {rows};
        DELETE FROM {TABLE} WHERE {rows} AND quotes <= 0;"""


def _sqlite_move(a: str, outlet: str, sign: str) -> str:
    """The links of article `a`'s statements counted under `outlet`, with `sign` (+ or -)."""
    return f"""INSERT INTO {TABLE} ({KEY}, quotes)
            SELECT qt.topic_id, COALESCE(q.speaker_id, 0), COALESCE({outlet}, ''),
                {sign}count(*)
            FROM quote q JOIN quote_topic qt ON qt.quote_id = q.id
            WHERE q.article_id = {a}.id AND q.is_lead GROUP BY 1, 2
            ON CONFLICT ({KEY}) DO UPDATE SET quotes = quotes + excluded.quotes;
        DELETE FROM {TABLE} WHERE quotes <= 0 AND outlet = COALESCE({outlet}, '')
            AND topic_id IN (SELECT qt.topic_id FROM quote q
                             JOIN quote_topic qt ON qt.quote_id = q.id
                             WHERE q.article_id = {a}.id AND q.is_lead);"""


_QUOTE_COLUMNS = "speaker_id, is_lead, article_id"
_PREFIX = "tally_topic_speaker_outlet"
SQLITE_TRIGGERS = [
    f"""CREATE TRIGGER {_PREFIX}_link_insert AFTER INSERT ON quote_topic BEGIN
        {_sqlite_count_link("new.topic_id", "new.quote_id")}
    END""",
    f"""CREATE TRIGGER {_PREFIX}_link_delete AFTER DELETE ON quote_topic BEGIN
        {_sqlite_uncount_link("old.topic_id", "old.quote_id")}
    END""",
    f"""CREATE TRIGGER {_PREFIX}_quote_delete BEFORE DELETE ON quote WHEN old.is_lead BEGIN
        {_sqlite_quote_links("old", "-")}
    END""",
    f"""CREATE TRIGGER {_PREFIX}_quote_unlead AFTER UPDATE OF {_QUOTE_COLUMNS} ON quote
    WHEN old.is_lead BEGIN
        {_sqlite_quote_links("old", "-")}
    END""",
    f"""CREATE TRIGGER {_PREFIX}_quote_lead AFTER UPDATE OF {_QUOTE_COLUMNS} ON quote
    WHEN new.is_lead BEGIN
        {_sqlite_quote_links("new", "+")}
    END""",
    f"""CREATE TRIGGER {_PREFIX}_article_update AFTER UPDATE OF outlet ON article
    WHEN old.outlet IS NOT new.outlet BEGIN
        {_sqlite_move("old", "old.outlet", "-")}
        {_sqlite_move("new", "new.outlet", "")}
    END""",
    f"""CREATE TRIGGER {_PREFIX}_article_delete BEFORE DELETE ON article BEGIN
        {_sqlite_move("old", "old.outlet", "-")}
    END""",
]
_SQLITE_NAMES = [
    "link_insert",
    "link_delete",
    "quote_delete",
    "quote_unlead",
    "quote_lead",
    "article_update",
    "article_delete",
]

POSTGRES_TRIGGERS = [
    # n = 1 counts the link of quote q to topic t, n = -1 takes it off.
    f"""CREATE FUNCTION {_PREFIX}_add(t integer, q quote, n integer)
    RETURNS void LANGUAGE sql AS $$
        INSERT INTO {TABLE} ({KEY}, quotes)
            SELECT t, COALESCE(q.speaker_id, 0), COALESCE(a.outlet, ''), n
            FROM article a WHERE a.id = q.article_id
            ON CONFLICT ({KEY}) DO UPDATE SET quotes = {TABLE}.quotes + excluded.quotes;
        DELETE FROM {TABLE} o USING article a
            WHERE n < 0 AND a.id = q.article_id AND o.topic_id = t
            AND o.speaker_id = COALESCE(q.speaker_id, 0) AND o.outlet = COALESCE(a.outlet, '')
            AND o.quotes <= 0;
    $$""",
    f"""CREATE FUNCTION {_PREFIX}_quote() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE t integer;
    BEGIN
        IF TG_OP = 'DELETE' THEN
            IF OLD.is_lead THEN
                FOR t IN SELECT topic_id FROM quote_topic WHERE quote_id = OLD.id LOOP
                    PERFORM {_PREFIX}_add(t, OLD, -1);
                END LOOP;
            END IF;
            RETURN OLD;
        END IF;
        FOR t IN SELECT topic_id FROM quote_topic WHERE quote_id = NEW.id LOOP
            IF OLD.is_lead THEN PERFORM {_PREFIX}_add(t, OLD, -1); END IF;
            IF NEW.is_lead THEN PERFORM {_PREFIX}_add(t, NEW, 1); END IF;
        END LOOP;
        RETURN NULL;
    END $$""",
    f"""CREATE FUNCTION {_PREFIX}_link() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE q quote;
    BEGIN
        IF TG_OP = 'INSERT' THEN
            SELECT * INTO q FROM quote WHERE id = NEW.quote_id AND is_lead;
            IF FOUND THEN PERFORM {_PREFIX}_add(NEW.topic_id, q, 1); END IF;
        ELSE
            SELECT * INTO q FROM quote WHERE id = OLD.quote_id AND is_lead;
            IF FOUND THEN PERFORM {_PREFIX}_add(OLD.topic_id, q, -1); END IF;
        END IF;
        RETURN NULL;
    END $$""",
    f"""CREATE FUNCTION {_PREFIX}_move(moved integer, named text, n integer)
    RETURNS void LANGUAGE sql AS $$
        INSERT INTO {TABLE} ({KEY}, quotes)
            SELECT qt.topic_id, COALESCE(q.speaker_id, 0), COALESCE(named, ''), n * count(*)
            FROM quote q JOIN quote_topic qt ON qt.quote_id = q.id
            WHERE q.article_id = moved AND q.is_lead GROUP BY 1, 2
            ON CONFLICT ({KEY}) DO UPDATE SET quotes = {TABLE}.quotes + excluded.quotes;
        DELETE FROM {TABLE} o
            WHERE o.outlet = COALESCE(named, '') AND o.quotes <= 0
            AND o.topic_id IN (SELECT qt.topic_id FROM quote q
                               JOIN quote_topic qt ON qt.quote_id = q.id
                               WHERE q.article_id = moved AND q.is_lead);
    $$""",
    f"""CREATE FUNCTION {_PREFIX}_article() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        IF TG_OP = 'DELETE' THEN
            PERFORM {_PREFIX}_move(OLD.id, OLD.outlet, -1);
            RETURN OLD;
        END IF;
        IF OLD.outlet IS DISTINCT FROM NEW.outlet THEN
            PERFORM {_PREFIX}_move(OLD.id, OLD.outlet, -1);
            PERFORM {_PREFIX}_move(NEW.id, NEW.outlet, 1);
        END IF;
        RETURN NULL;
    END $$""",
    f"""CREATE TRIGGER {_PREFIX}_link AFTER INSERT OR DELETE ON quote_topic
        FOR EACH ROW EXECUTE FUNCTION {_PREFIX}_link()""",
    f"""CREATE TRIGGER {_PREFIX}_quote_delete BEFORE DELETE ON quote
        FOR EACH ROW EXECUTE FUNCTION {_PREFIX}_quote()""",
    f"""CREATE TRIGGER {_PREFIX}_quote_update AFTER UPDATE OF {_QUOTE_COLUMNS} ON quote
        FOR EACH ROW EXECUTE FUNCTION {_PREFIX}_quote()""",
    f"""CREATE TRIGGER {_PREFIX}_article_update AFTER UPDATE OF outlet ON article
        FOR EACH ROW EXECUTE FUNCTION {_PREFIX}_article()""",
    f"""CREATE TRIGGER {_PREFIX}_article_delete BEFORE DELETE ON article
        FOR EACH ROW EXECUTE FUNCTION {_PREFIX}_article()""",
]
_POSTGRES_TRIGGERS_ON = {
    "link": "quote_topic",
    "quote_delete": "quote",
    "quote_update": "quote",
    "article_update": "article",
    "article_delete": "article",
}

RECOUNT = f"""INSERT INTO {TABLE} ({KEY}, quotes)
    SELECT qt.topic_id, COALESCE(q.speaker_id, 0), COALESCE(a.outlet, ''), count(*)
    FROM quote_topic qt JOIN quote q ON q.id = qt.quote_id JOIN article a ON a.id = q.article_id
    WHERE q.is_lead GROUP BY 1, 2, 3"""


def upgrade() -> None:
    op.create_table(
        TABLE,
        sa.Column("topic_id", sa.Integer(), nullable=False),
        sa.Column("speaker_id", sa.Integer(), nullable=False),
        sa.Column("outlet", sa.String(), nullable=False),
        sa.Column("quotes", sa.Integer(), nullable=False),
        # The key is the table on SQLite and holds the count on PostgreSQL: a speaker's (or a
        # country's speakers') outlets on a topic are one range of the key each.
        sa.PrimaryKeyConstraint("topic_id", "speaker_id", "outlet", postgresql_include=["quotes"]),
        sqlite_with_rowid=False,
    )
    op.execute(RECOUNT)
    dialect = op.get_bind().dialect.name
    for statement in SQLITE_TRIGGERS if dialect == "sqlite" else POSTGRES_TRIGGERS:
        op.execute(statement)
    op.execute(f"ANALYZE {TABLE}")


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for name in _SQLITE_NAMES:
            op.execute(f"DROP TRIGGER IF EXISTS {_PREFIX}_{name}")
    else:
        for name, table in _POSTGRES_TRIGGERS_ON.items():
            op.execute(f"DROP TRIGGER IF EXISTS {_PREFIX}_{name} ON {table}")
        for function in ("quote()", "link()", "article()"):
            op.execute(f"DROP FUNCTION IF EXISTS {_PREFIX}_{function}")
        op.execute(f"DROP FUNCTION IF EXISTS {_PREFIX}_add(integer, quote, integer)")
        op.execute(f"DROP FUNCTION IF EXISTS {_PREFIX}_move(integer, text, integer)")
    op.drop_table(TABLE)
