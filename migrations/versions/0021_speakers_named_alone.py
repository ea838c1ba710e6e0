"""A person named by a given name alone is that article's speaker: speaker.article_id

Revision ID: 0021
Revises: 0020
Create Date: 2026-12-07 11:00:00

"Her husband, Tom," names a Tom only within one article, yet the store filed every article's
Tom under one speaker, whose page then gave one man the words of many. Such a speaker's row
now carries the article it belongs to, and only that article's quotes find it. Rows stored
before stay as they are: the extractor's reading of how a name was printed is not stored, and
re-ingesting an article files its given-name speakers anew.
"""

import sqlalchemy as sa
from alembic import op

revision = "0021"
down_revision = "0020"
branch_labels = None
depends_on = None


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        # SQLite adds a column with its reference in place; a batch copy of the table would
        # have to rebuild every reference to the speakers as well.
        op.execute("ALTER TABLE speaker ADD COLUMN article_id INTEGER REFERENCES article (id)")
    else:
        op.add_column("speaker", sa.Column("article_id", sa.Integer(), nullable=True))
        op.create_foreign_key(None, "speaker", "article", ["article_id"], ["id"])
    op.create_index("ix_speaker_article_id", "speaker", ["article_id"])


def downgrade() -> None:
    op.drop_index("ix_speaker_article_id", table_name="speaker")
    with op.batch_alter_table("speaker") as batch:
        batch.drop_column("article_id")
