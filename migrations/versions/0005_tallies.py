"""tallies: quote counts per speaker, speaker-month-kind, speaker-topic and topic-month

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-01 09:10:00

Counting a million quotes per request cost a long-tail page 200 ms. These tables hold the
counts the pages show, of statements (each statement's lead report, `quote.is_lead`: see
migration 0004) (directory, facets, timelines, "who speaks most"), kept up to date by
triggers on `quote` and `quote_topic`, so every way of writing quotes (ingest, re-ingest,
db copy, a bulk load) keeps them right. Speaker id 0 stands for quotes with no speaker; month
is yyyymm, 0 for undated quotes. A row that falls to zero is deleted. `db check`
compares every tally with a recount (app/maintenance/tallies.py).

Triggers, by design: a quote's own tallies are taken off BEFORE it is deleted, with those of
its topics (while its quote_topic rows still exist); a quote_topic row deleted afterwards by the
cascade finds no quote and changes nothing, one deleted on its own is taken off.
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

TABLES = {
    "tally_speaker": ("speaker_id",),
    "tally_speaker_month": ("speaker_id", "month", "kind"),
    "tally_speaker_topic": ("speaker_id", "topic_id"),
    "tally_topic_month": ("topic_id", "month"),
}
SQLITE_MONTH = "COALESCE(CAST(substr({d}, 1, 4) || substr({d}, 6, 2) AS INTEGER), 0)"
# What a lead quote leaving (deleted, or no longer the lead) takes off every tally.
SQLITE_UNCOUNT_OLD = f"""        UPDATE tally_speaker SET quotes = quotes - 1
            WHERE speaker_id = COALESCE(old.speaker_id, 0);
        UPDATE tally_speaker_month SET quotes = quotes - 1
            WHERE speaker_id = COALESCE(old.speaker_id, 0)
            AND month = {SQLITE_MONTH.format(d="old.published")} AND kind = old.kind;
        UPDATE tally_speaker_topic SET quotes = quotes - 1
            WHERE speaker_id = COALESCE(old.speaker_id, 0)
            AND topic_id IN (SELECT topic_id FROM quote_topic WHERE quote_id = old.id);
        UPDATE tally_topic_month SET quotes = quotes - 1
            WHERE month = {SQLITE_MONTH.format(d="old.published")}
            AND topic_id IN (SELECT topic_id FROM quote_topic WHERE quote_id = old.id);
        DELETE FROM tally_speaker WHERE speaker_id = COALESCE(old.speaker_id, 0) AND quotes <= 0;
        DELETE FROM tally_speaker_month WHERE speaker_id = COALESCE(old.speaker_id, 0)
            AND month = {SQLITE_MONTH.format(d="old.published")}
            AND kind = old.kind AND quotes <= 0;
        DELETE FROM tally_speaker_topic WHERE speaker_id = COALESCE(old.speaker_id, 0)
            AND quotes <= 0;
        DELETE FROM tally_topic_month WHERE quotes <= 0
            AND month = {SQLITE_MONTH.format(d="old.published")}
            AND topic_id IN (SELECT topic_id FROM quote_topic WHERE quote_id = old.id);
"""
# A lead quote arriving (inserted, or made lead) counts for its speaker and month; its topics
# are counted by quote_topic's own trigger on insert, and by tally_quote_lead on an update.
SQLITE_COUNT_NEW = f"""\
        INSERT INTO tally_speaker (speaker_id, quotes) VALUES (COALESCE(new.speaker_id, 0), 1)
            ON CONFLICT (speaker_id) DO UPDATE SET quotes = quotes + 1;
        INSERT INTO tally_speaker_month (speaker_id, month, kind, quotes)
            VALUES (COALESCE(new.speaker_id, 0), {SQLITE_MONTH.format(d="new.published")},
                    new.kind, 1)
            ON CONFLICT (speaker_id, month, kind) DO UPDATE SET quotes = quotes + 1;
"""
SQLITE_TRIGGERS = [
    f"""CREATE TRIGGER tally_quote_insert AFTER INSERT ON quote WHEN new.is_lead BEGIN
{SQLITE_COUNT_NEW}    END""",
    f"""CREATE TRIGGER tally_quote_delete BEFORE DELETE ON quote WHEN old.is_lead BEGIN
{SQLITE_UNCOUNT_OLD}    END""",
    f"""CREATE TRIGGER tally_quote_unlead AFTER UPDATE OF speaker_id, published, kind, is_lead
    ON quote WHEN old.is_lead BEGIN
{SQLITE_UNCOUNT_OLD}    END""",
    f"""CREATE TRIGGER tally_quote_lead AFTER UPDATE OF speaker_id, published, kind, is_lead
    ON quote WHEN new.is_lead BEGIN
{SQLITE_COUNT_NEW}        INSERT INTO tally_speaker_topic (speaker_id, topic_id, quotes)
            SELECT COALESCE(new.speaker_id, 0), topic_id, 1 FROM quote_topic
            WHERE quote_id = new.id
            ON CONFLICT (speaker_id, topic_id) DO UPDATE SET quotes = quotes + 1;
        INSERT INTO tally_topic_month (topic_id, month, quotes)
            SELECT topic_id, {SQLITE_MONTH.format(d="new.published")}, 1 FROM quote_topic
            WHERE quote_id = new.id
            ON CONFLICT (topic_id, month) DO UPDATE SET quotes = quotes + 1;
    END""",
    f"""CREATE TRIGGER tally_topic_insert AFTER INSERT ON quote_topic BEGIN
        INSERT INTO tally_speaker_topic (speaker_id, topic_id, quotes)
            SELECT COALESCE(speaker_id, 0), new.topic_id, 1 FROM quote
            WHERE id = new.quote_id AND is_lead
            ON CONFLICT (speaker_id, topic_id) DO UPDATE SET quotes = quotes + 1;
        INSERT INTO tally_topic_month (topic_id, month, quotes)
            SELECT new.topic_id, {SQLITE_MONTH.format(d="published")}, 1 FROM quote
            WHERE id = new.quote_id AND is_lead
            ON CONFLICT (topic_id, month) DO UPDATE SET quotes = quotes + 1;
    END""",
    f"""CREATE TRIGGER tally_topic_delete AFTER DELETE ON quote_topic BEGIN
        UPDATE tally_speaker_topic SET quotes = quotes - 1
            WHERE topic_id = old.topic_id
            AND speaker_id = (SELECT COALESCE(speaker_id, 0) FROM quote
                              WHERE id = old.quote_id AND is_lead);
        UPDATE tally_topic_month SET quotes = quotes - 1
            WHERE topic_id = old.topic_id
            AND month = (SELECT {SQLITE_MONTH.format(d="published")} FROM quote
                         WHERE id = old.quote_id AND is_lead);
        DELETE FROM tally_speaker_topic WHERE topic_id = old.topic_id AND quotes <= 0;
        DELETE FROM tally_topic_month WHERE topic_id = old.topic_id AND quotes <= 0;
    END""",
]
POSTGRES_MONTH = "COALESCE((EXTRACT(YEAR FROM {d}) * 100 + EXTRACT(MONTH FROM {d}))::integer, 0)"
POSTGRES_TRIGGERS = [
    f"""CREATE FUNCTION tally_quote_remove(q quote) RETURNS void LANGUAGE sql AS $$
        UPDATE tally_speaker SET quotes = quotes - 1 WHERE speaker_id = COALESCE(q.speaker_id, 0);
        UPDATE tally_speaker_month SET quotes = quotes - 1
            WHERE speaker_id = COALESCE(q.speaker_id, 0)
            AND month = {POSTGRES_MONTH.format(d="q.published")} AND kind = q.kind;
        UPDATE tally_speaker_topic SET quotes = quotes - 1
            WHERE speaker_id = COALESCE(q.speaker_id, 0)
            AND topic_id IN (SELECT topic_id FROM quote_topic WHERE quote_id = q.id);
        UPDATE tally_topic_month SET quotes = quotes - 1
            WHERE month = {POSTGRES_MONTH.format(d="q.published")}
            AND topic_id IN (SELECT topic_id FROM quote_topic WHERE quote_id = q.id);
        DELETE FROM tally_speaker WHERE speaker_id = COALESCE(q.speaker_id, 0) AND quotes <= 0;
        DELETE FROM tally_speaker_month WHERE speaker_id = COALESCE(q.speaker_id, 0)
            AND month = {POSTGRES_MONTH.format(d="q.published")}
            AND kind = q.kind AND quotes <= 0;
        DELETE FROM tally_speaker_topic WHERE speaker_id = COALESCE(q.speaker_id, 0)
            AND quotes <= 0;
        DELETE FROM tally_topic_month WHERE quotes <= 0
            AND month = {POSTGRES_MONTH.format(d="q.published")}
            AND topic_id IN (SELECT topic_id FROM quote_topic WHERE quote_id = q.id);
    $$""",
    f"""CREATE FUNCTION tally_quote_add(q quote, with_topics boolean) RETURNS void
    LANGUAGE sql AS $$
        INSERT INTO tally_speaker (speaker_id, quotes) VALUES (COALESCE(q.speaker_id, 0), 1)
            ON CONFLICT (speaker_id) DO UPDATE SET quotes = tally_speaker.quotes + 1;
        INSERT INTO tally_speaker_month (speaker_id, month, kind, quotes)
            VALUES (COALESCE(q.speaker_id, 0), {POSTGRES_MONTH.format(d="q.published")},
                    q.kind, 1)
            ON CONFLICT (speaker_id, month, kind)
            DO UPDATE SET quotes = tally_speaker_month.quotes + 1;
        INSERT INTO tally_speaker_topic (speaker_id, topic_id, quotes)
            SELECT COALESCE(q.speaker_id, 0), topic_id, 1 FROM quote_topic
            WHERE with_topics AND quote_id = q.id
            ON CONFLICT (speaker_id, topic_id)
            DO UPDATE SET quotes = tally_speaker_topic.quotes + 1;
        INSERT INTO tally_topic_month (topic_id, month, quotes)
            SELECT topic_id, {POSTGRES_MONTH.format(d="q.published")}, 1 FROM quote_topic
            WHERE with_topics AND quote_id = q.id
            ON CONFLICT (topic_id, month) DO UPDATE SET quotes = tally_topic_month.quotes + 1;
    $$""",
    """CREATE FUNCTION tally_quote() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        IF TG_OP = 'INSERT' THEN
            IF NEW.is_lead THEN PERFORM tally_quote_add(NEW, false); END IF;
            RETURN NULL;
        ELSIF TG_OP = 'DELETE' THEN
            IF OLD.is_lead THEN PERFORM tally_quote_remove(OLD); END IF;
            RETURN OLD;
        END IF;
        IF OLD.is_lead THEN PERFORM tally_quote_remove(OLD); END IF;
        IF NEW.is_lead THEN PERFORM tally_quote_add(NEW, true); END IF;
        RETURN NULL;
    END $$""",
    f"""CREATE FUNCTION tally_topic() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        IF TG_OP = 'INSERT' THEN
            INSERT INTO tally_speaker_topic (speaker_id, topic_id, quotes)
                SELECT COALESCE(speaker_id, 0), NEW.topic_id, 1 FROM quote
                WHERE id = NEW.quote_id AND is_lead
                ON CONFLICT (speaker_id, topic_id)
                DO UPDATE SET quotes = tally_speaker_topic.quotes + 1;
            INSERT INTO tally_topic_month (topic_id, month, quotes)
                SELECT NEW.topic_id, {POSTGRES_MONTH.format(d="published")}, 1 FROM quote
                WHERE id = NEW.quote_id AND is_lead
                ON CONFLICT (topic_id, month) DO UPDATE SET quotes = tally_topic_month.quotes + 1;
        ELSE
            UPDATE tally_speaker_topic SET quotes = quotes - 1
                WHERE topic_id = OLD.topic_id AND speaker_id =
                    (SELECT COALESCE(speaker_id, 0) FROM quote
                     WHERE id = OLD.quote_id AND is_lead);
            UPDATE tally_topic_month SET quotes = quotes - 1
                WHERE topic_id = OLD.topic_id AND month =
                    (SELECT {POSTGRES_MONTH.format(d="published")} FROM quote
                     WHERE id = OLD.quote_id AND is_lead);
            DELETE FROM tally_speaker_topic WHERE topic_id = OLD.topic_id AND quotes <= 0;
            DELETE FROM tally_topic_month WHERE topic_id = OLD.topic_id AND quotes <= 0;
        END IF;
        RETURN NULL;
    END $$""",
    """CREATE TRIGGER tally_quote_insert AFTER INSERT ON quote
        FOR EACH ROW EXECUTE FUNCTION tally_quote()""",
    """CREATE TRIGGER tally_quote_delete BEFORE DELETE ON quote
        FOR EACH ROW EXECUTE FUNCTION tally_quote()""",
    """CREATE TRIGGER tally_quote_update
        AFTER UPDATE OF speaker_id, published, kind, is_lead ON quote
        FOR EACH ROW EXECUTE FUNCTION tally_quote()""",
    """CREATE TRIGGER tally_topic_change AFTER INSERT OR DELETE ON quote_topic
        FOR EACH ROW EXECUTE FUNCTION tally_topic()""",
]


def recount(dialect: str) -> list[str]:
    """Fill the tallies from the quotes already stored."""
    month = (SQLITE_MONTH if dialect == "sqlite" else POSTGRES_MONTH).format(d="q.published")
    return [
        """INSERT INTO tally_speaker (speaker_id, quotes)
            SELECT COALESCE(speaker_id, 0), count(*) FROM quote WHERE is_lead GROUP BY 1""",
        f"""INSERT INTO tally_speaker_month (speaker_id, month, kind, quotes)
            SELECT COALESCE(q.speaker_id, 0), {month}, q.kind, count(*) FROM quote q
            WHERE q.is_lead GROUP BY 1, 2, 3""",
        """INSERT INTO tally_speaker_topic (speaker_id, topic_id, quotes)
            SELECT COALESCE(q.speaker_id, 0), qt.topic_id, count(*)
            FROM quote_topic qt JOIN quote q ON q.id = qt.quote_id WHERE q.is_lead
            GROUP BY 1, 2""",
        f"""INSERT INTO tally_topic_month (topic_id, month, quotes)
            SELECT qt.topic_id, {month}, count(*)
            FROM quote_topic qt JOIN quote q ON q.id = qt.quote_id WHERE q.is_lead
            GROUP BY 1, 2""",
    ]


def upgrade() -> None:
    for name, key in TABLES.items():
        columns = [
            sa.Column(k, sa.String(length=8) if k == "kind" else sa.Integer(), nullable=False)
            for k in key
        ]
        op.create_table(
            name,
            *columns,
            sa.Column("quotes", sa.Integer(), nullable=False),
            sa.PrimaryKeyConstraint(*key),
        )
    op.create_index("ix_tally_speaker_quotes", "tally_speaker", ["quotes"])
    op.create_index("ix_tally_speaker_topic_topic", "tally_speaker_topic", ["topic_id", "quotes"])
    dialect = op.get_bind().dialect.name
    for statement in recount(dialect):
        op.execute(statement)
    for statement in SQLITE_TRIGGERS if dialect == "sqlite" else POSTGRES_TRIGGERS:
        op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for name in ("quote_insert", "quote_delete", "quote_unlead", "quote_lead", "topic_insert"):
            op.execute(f"DROP TRIGGER IF EXISTS tally_{name}")
        op.execute("DROP TRIGGER IF EXISTS tally_topic_delete")
    else:
        for name in ("quote_insert", "quote_delete", "quote_update"):
            op.execute(f"DROP TRIGGER IF EXISTS tally_{name} ON quote")
        op.execute("DROP TRIGGER IF EXISTS tally_topic_change ON quote_topic")
        op.execute("DROP FUNCTION IF EXISTS tally_quote(), tally_topic()")
        op.execute("DROP FUNCTION IF EXISTS tally_quote_add(quote, boolean)")
        op.execute("DROP FUNCTION IF EXISTS tally_quote_remove(quote)")
    op.drop_index("ix_tally_speaker_topic_topic", table_name="tally_speaker_topic")
    op.drop_index("ix_tally_speaker_quotes", table_name="tally_speaker")
    for name in reversed(list(TABLES)):
        op.drop_table(name)
