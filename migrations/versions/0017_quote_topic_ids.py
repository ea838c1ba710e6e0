"""quote.topic_ids: each quote's topic ids on its own row, and in SQLite's facts index

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-04 19:10:00

Counting a search's topics and exporting a speaker's quotes looked each quote's topics up in
the topic links, one seek per quote: for a word in 1,200 quotes, as long as finding their
speakers, kinds and articles; for an export, a quarter of the statement's time. The quote row
now lists them ("3,17", ascending; NULL for none), and SQLite's index of what counts read
(0016) holds the list too, so a count reads a quote's topics where it reads its speaker.

The links stay the record: triggers on quote_topic rewrite the list of each quote whose links
change (the application also writes it with the quote, so the triggers find nothing to change),
and `db check` compares the lists with the links.
"""

import sqlalchemy as sa
from alembic import op

revision = "0017"
down_revision = "0016"
branch_labels = None
depends_on = None

FACTS_BEFORE = ["id", "is_lead", "speaker_id", "kind", "article_id", "published"]
FACTS_AFTER = [*FACTS_BEFORE, "topic_ids"]

# A quote's links, listed in ascending order (SQLite's group_concat takes the rows as its
# subquery gives them; readers and `db check` treat the list as a set either way).
_SQLITE_LIST = (
    "(SELECT group_concat(topic_id, ',') FROM"
    " (SELECT topic_id FROM quote_topic WHERE quote_id = {quote} ORDER BY topic_id))"
)
_POSTGRES_LIST = (
    "(SELECT string_agg(topic_id::text, ',' ORDER BY topic_id) FROM quote_topic"
    " WHERE quote_id = {quote})"
)


def _relist(listing: str, quote: str) -> str:
    """The statement that lists quote `quote`'s topics again, writing only a changed list."""
    listed = listing.format(quote=quote)
    return (
        f"UPDATE quote SET topic_ids = {listed}"
        f" WHERE id = {quote} AND topic_ids IS DISTINCT FROM {listed}"
    )


SQLITE_TRIGGERS = [
    f"""CREATE TRIGGER quote_topic_listed AFTER INSERT ON quote_topic BEGIN
        {_relist(_SQLITE_LIST, "new.quote_id")};
    END""",
    f"""CREATE TRIGGER quote_topic_unlisted AFTER DELETE ON quote_topic BEGIN
        {_relist(_SQLITE_LIST, "old.quote_id")};
    END""",
    f"""CREATE TRIGGER quote_topic_relisted AFTER UPDATE OF quote_id, topic_id ON quote_topic
    BEGIN
        {_relist(_SQLITE_LIST, "old.quote_id")};
        {_relist(_SQLITE_LIST, "new.quote_id")};
    END""",
]
POSTGRES_TRIGGERS = [
    f"""CREATE FUNCTION quote_topic_listed() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        IF TG_OP <> 'INSERT' THEN
            {_relist(_POSTGRES_LIST, "OLD.quote_id")};
        END IF;
        IF TG_OP <> 'DELETE' THEN
            {_relist(_POSTGRES_LIST, "NEW.quote_id")};
        END IF;
        RETURN NULL;
    END $$""",
    """CREATE TRIGGER quote_topic_listed
        AFTER INSERT OR DELETE OR UPDATE OF quote_id, topic_id ON quote_topic
        FOR EACH ROW EXECUTE FUNCTION quote_topic_listed()""",
]


def upgrade() -> None:
    op.add_column("quote", sa.Column("topic_ids", sa.String(), nullable=True))
    sqlite = op.get_bind().dialect.name == "sqlite"
    if sqlite:
        op.execute(
            "UPDATE quote SET topic_ids = "
            + _SQLITE_LIST.format(quote="quote.id")
            + " WHERE id IN (SELECT quote_id FROM quote_topic)"
        )
        op.drop_index("ix_quote_facts", table_name="quote")
        op.create_index("ix_quote_facts", "quote", FACTS_AFTER)
    else:
        op.execute(
            "UPDATE quote SET topic_ids = listed.ids FROM (SELECT quote_id,"
            " string_agg(topic_id::text, ',' ORDER BY topic_id) AS ids FROM quote_topic"
            " GROUP BY quote_id) AS listed WHERE listed.quote_id = quote.id"
        )
    for statement in SQLITE_TRIGGERS if sqlite else POSTGRES_TRIGGERS:
        op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for name in ("quote_topic_listed", "quote_topic_unlisted", "quote_topic_relisted"):
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
        op.drop_index("ix_quote_facts", table_name="quote")
        op.create_index("ix_quote_facts", "quote", FACTS_BEFORE)
    else:
        op.execute("DROP TRIGGER IF EXISTS quote_topic_listed ON quote_topic")
        op.execute("DROP FUNCTION IF EXISTS quote_topic_listed()")
    # Not a batch copy of the table: SQLite's rename would break the triggers that name it.
    op.execute("ALTER TABLE quote DROP COLUMN topic_ids")
