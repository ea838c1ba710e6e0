"""tally_speaker_outlet: statements per speaker, month and outlet

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-02 01:20:00

The outlet facet was the one count every speaker or country page still made from the quotes
(each of the speaker's statements joined to its article: 1.3 ms a page on SQLite, 2–3 ms on
PostgreSQL, 3.6 ms for a country's quarter). This tally answers it for any speaker, country
and whole months, as the others do (migration 0005: lead quotes only, speaker 0 for none,
month yyyymm or 0 when undated); an article with no outlet counts under ''. A row that falls
to zero is deleted, and `db check` compares it with a recount.

A quote's outlet is its article's, read when the quote is counted or taken off. An article
whose outlet changes moves its statements from the old outlet to the new; one deleted takes
them off first (BEFORE DELETE), since the quotes its deletion cascades to no longer find it.
"""

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

SQLITE_MONTH = "COALESCE(CAST(substr({d}, 1, 4) || substr({d}, 6, 2) AS INTEGER), 0)"
POSTGRES_MONTH = "COALESCE((EXTRACT(YEAR FROM {d}) * 100 + EXTRACT(MONTH FROM {d}))::integer, 0)"


def _sqlite_count(q: str) -> str:
    """Count quote `q` (new or old) under its article's outlet."""
    return f"""INSERT INTO tally_speaker_outlet (speaker_id, month, outlet, quotes)
            SELECT COALESCE({q}.speaker_id, 0), {SQLITE_MONTH.format(d=f"{q}.published")},
                COALESCE(outlet, ''), 1 FROM article WHERE id = {q}.article_id
            ON CONFLICT (speaker_id, month, outlet) DO UPDATE SET quotes = quotes + 1;"""


def _sqlite_uncount(q: str) -> str:
    """Take quote `q` off (nothing when its article is gone: see the article's trigger)."""
    where = f"""speaker_id = COALESCE({q}.speaker_id, 0)
            AND month = {SQLITE_MONTH.format(d=f"{q}.published")}
            AND outlet = (SELECT COALESCE(outlet, '') FROM article WHERE id = {q}.article_id)"""
    return f"""UPDATE tally_speaker_outlet SET quotes = quotes - 1 WHERE {where};
        DELETE FROM tally_speaker_outlet WHERE {where} AND quotes <= 0;"""


# The statements of article `a` (old or new) counted under `outlet`, with `sign` (+ or -).
def _sqlite_move(a: str, outlet: str, sign: str) -> str:
    month = SQLITE_MONTH.format(d="q.published")
    return f"""INSERT INTO tally_speaker_outlet (speaker_id, month, outlet, quotes)
            SELECT COALESCE(q.speaker_id, 0), {month}, COALESCE({outlet}, ''), {sign}count(*)
            FROM quote q WHERE q.article_id = {a}.id AND q.is_lead GROUP BY 1, 2
            ON CONFLICT (speaker_id, month, outlet)
            DO UPDATE SET quotes = quotes + excluded.quotes;
        DELETE FROM tally_speaker_outlet WHERE quotes <= 0 AND outlet = COALESCE({outlet}, '')
            AND speaker_id IN (SELECT COALESCE(speaker_id, 0) FROM quote
                               WHERE article_id = {a}.id AND is_lead);"""


SQLITE_TRIGGERS = [
    f"""CREATE TRIGGER tally_outlet_quote_insert AFTER INSERT ON quote WHEN new.is_lead BEGIN
        {_sqlite_count("new")}
    END""",
    f"""CREATE TRIGGER tally_outlet_quote_delete BEFORE DELETE ON quote WHEN old.is_lead BEGIN
        {_sqlite_uncount("old")}
    END""",
    f"""CREATE TRIGGER tally_outlet_quote_unlead
    AFTER UPDATE OF speaker_id, published, is_lead, article_id ON quote WHEN old.is_lead BEGIN
        {_sqlite_uncount("old")}
    END""",
    f"""CREATE TRIGGER tally_outlet_quote_lead
    AFTER UPDATE OF speaker_id, published, is_lead, article_id ON quote WHEN new.is_lead BEGIN
        {_sqlite_count("new")}
    END""",
    f"""CREATE TRIGGER tally_outlet_article_update AFTER UPDATE OF outlet ON article
    WHEN old.outlet IS NOT new.outlet BEGIN
        {_sqlite_move("old", "old.outlet", "-")}
        {_sqlite_move("new", "new.outlet", "")}
    END""",
    f"""CREATE TRIGGER tally_outlet_article_delete BEFORE DELETE ON article BEGIN
        {_sqlite_move("old", "old.outlet", "-")}
    END""",
]

_PG_MONTH_Q = POSTGRES_MONTH.format(d="q.published")
POSTGRES_TRIGGERS = [
    f"""CREATE FUNCTION tally_outlet_add(q quote, n integer) RETURNS void LANGUAGE sql AS $$
        INSERT INTO tally_speaker_outlet (speaker_id, month, outlet, quotes)
            SELECT COALESCE(q.speaker_id, 0), {_PG_MONTH_Q}, COALESCE(a.outlet, ''), n
            FROM article a WHERE a.id = q.article_id
            ON CONFLICT (speaker_id, month, outlet)
            DO UPDATE SET quotes = tally_speaker_outlet.quotes + excluded.quotes;
        DELETE FROM tally_speaker_outlet t USING article a
            WHERE n < 0 AND a.id = q.article_id AND t.speaker_id = COALESCE(q.speaker_id, 0)
            AND t.month = {_PG_MONTH_Q} AND t.outlet = COALESCE(a.outlet, '') AND t.quotes <= 0;
    $$""",
    """CREATE FUNCTION tally_outlet_quote() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        IF TG_OP = 'INSERT' THEN
            IF NEW.is_lead THEN PERFORM tally_outlet_add(NEW, 1); END IF;
            RETURN NULL;
        ELSIF TG_OP = 'DELETE' THEN
            IF OLD.is_lead THEN PERFORM tally_outlet_add(OLD, -1); END IF;
            RETURN OLD;
        END IF;
        IF OLD.is_lead THEN PERFORM tally_outlet_add(OLD, -1); END IF;
        IF NEW.is_lead THEN PERFORM tally_outlet_add(NEW, 1); END IF;
        RETURN NULL;
    END $$""",
    f"""CREATE FUNCTION tally_outlet_move(moved integer, named text, n integer)
    RETURNS void LANGUAGE sql AS $$
        INSERT INTO tally_speaker_outlet (speaker_id, month, outlet, quotes)
            SELECT COALESCE(q.speaker_id, 0), {_PG_MONTH_Q}, COALESCE(named, ''), n * count(*)
            FROM quote q WHERE q.article_id = moved AND q.is_lead
            GROUP BY 1, 2
            ON CONFLICT (speaker_id, month, outlet)
            DO UPDATE SET quotes = tally_speaker_outlet.quotes + excluded.quotes;
        DELETE FROM tally_speaker_outlet t
            WHERE t.outlet = COALESCE(named, '') AND t.quotes <= 0
            AND t.speaker_id IN (SELECT COALESCE(speaker_id, 0) FROM quote
                                 WHERE article_id = moved AND is_lead);
    $$""",
    """CREATE FUNCTION tally_outlet_article() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        IF TG_OP = 'DELETE' THEN
            PERFORM tally_outlet_move(OLD.id, OLD.outlet, -1);
            RETURN OLD;
        END IF;
        IF OLD.outlet IS DISTINCT FROM NEW.outlet THEN
            PERFORM tally_outlet_move(OLD.id, OLD.outlet, -1);
            PERFORM tally_outlet_move(NEW.id, NEW.outlet, 1);
        END IF;
        RETURN NULL;
    END $$""",
    """CREATE TRIGGER tally_outlet_quote_insert AFTER INSERT ON quote
        FOR EACH ROW EXECUTE FUNCTION tally_outlet_quote()""",
    """CREATE TRIGGER tally_outlet_quote_delete BEFORE DELETE ON quote
        FOR EACH ROW EXECUTE FUNCTION tally_outlet_quote()""",
    """CREATE TRIGGER tally_outlet_quote_update
        AFTER UPDATE OF speaker_id, published, is_lead, article_id ON quote
        FOR EACH ROW EXECUTE FUNCTION tally_outlet_quote()""",
    """CREATE TRIGGER tally_outlet_article_update AFTER UPDATE OF outlet ON article
        FOR EACH ROW EXECUTE FUNCTION tally_outlet_article()""",
    """CREATE TRIGGER tally_outlet_article_delete BEFORE DELETE ON article
        FOR EACH ROW EXECUTE FUNCTION tally_outlet_article()""",
]


def recount(dialect: str) -> str:
    """Fill the tally from the statements already stored."""
    month = (SQLITE_MONTH if dialect == "sqlite" else POSTGRES_MONTH).format(d="q.published")
    return f"""INSERT INTO tally_speaker_outlet (speaker_id, month, outlet, quotes)
        SELECT COALESCE(q.speaker_id, 0), {month}, COALESCE(a.outlet, ''), count(*)
        FROM quote q JOIN article a ON a.id = q.article_id WHERE q.is_lead GROUP BY 1, 2, 3"""


def upgrade() -> None:
    op.create_table(
        "tally_speaker_outlet",
        sa.Column("speaker_id", sa.Integer(), nullable=False),
        sa.Column("month", sa.Integer(), nullable=False),
        sa.Column("outlet", sa.String(), nullable=False),
        sa.Column("quotes", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("speaker_id", "month", "outlet"),
    )
    # Every speaker's outlets in one month (a period across all speakers).
    op.create_index(
        "ix_tally_speaker_outlet_month", "tally_speaker_outlet", ["month", "outlet", "quotes"]
    )
    dialect = op.get_bind().dialect.name
    op.execute(recount(dialect))
    for statement in SQLITE_TRIGGERS if dialect == "sqlite" else POSTGRES_TRIGGERS:
        op.execute(statement)


def downgrade() -> None:
    quote_triggers = ("quote_insert", "quote_delete", "quote_unlead", "quote_lead")
    if op.get_bind().dialect.name == "sqlite":
        for name in (*quote_triggers, "article_update", "article_delete"):
            op.execute(f"DROP TRIGGER IF EXISTS tally_outlet_{name}")
    else:
        for name in ("quote_insert", "quote_delete", "quote_update"):
            op.execute(f"DROP TRIGGER IF EXISTS tally_outlet_{name} ON quote")
        for name in ("article_update", "article_delete"):
            op.execute(f"DROP TRIGGER IF EXISTS tally_outlet_{name} ON article")
        op.execute("DROP FUNCTION IF EXISTS tally_outlet_quote(), tally_outlet_article()")
        op.execute("DROP FUNCTION IF EXISTS tally_outlet_add(quote, integer)")
        op.execute("DROP FUNCTION IF EXISTS tally_outlet_move(integer, text, integer)")
    op.drop_index("ix_tally_speaker_outlet_month", table_name="tally_speaker_outlet")
    op.drop_table("tally_speaker_outlet")
