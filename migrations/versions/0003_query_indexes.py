"""query indexes: newest import time, and topics' quotes from the index alone

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-24 12:40:00

`ix_article_ingested_at` makes max(ingested_at), part of the cache generation in
app/queries/cache.py, an index lookup instead of a scan of every article's text.
`ix_quote_topic_topic_quote` (topic_id, quote_id) replaces the topic_id-only index: counting
a topic's quotes no longer visits the table rows.
"""

from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("article", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_article_ingested_at"), ["ingested_at"], unique=False)
    with op.batch_alter_table("quote_topic", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_quote_topic_topic_id"))
        batch_op.create_index("ix_quote_topic_topic_quote", ["topic_id", "quote_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("quote_topic", schema=None) as batch_op:
        batch_op.drop_index("ix_quote_topic_topic_quote")
        batch_op.create_index(batch_op.f("ix_quote_topic_topic_id"), ["topic_id"], unique=False)
    with op.batch_alter_table("article", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_article_ingested_at"))
