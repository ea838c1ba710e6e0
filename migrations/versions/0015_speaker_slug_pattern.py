"""PostgreSQL: speaker slugs indexed for prefix matching

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-03 20:00:00

A new speaker's slug is the first of `base`, `base-2`, `base-3` … not taken; the store reads
the taken ones with `slug = :base OR slug LIKE :base || '-%'`. PostgreSQL's unique index on
slug follows the database's collation, which LIKE cannot use for a prefix, so every speaker
was read for every new one (0.6 ms at 5,000 speakers, growing with them). An index with
text_pattern_ops answers the prefix (0.06 ms). SQLite compares the range over its own index
(app/ingest/speaker_rows.py) and needs nothing.
"""

from alembic import op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("CREATE INDEX ix_speaker_slug_pattern ON speaker (slug text_pattern_ops)")


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP INDEX ix_speaker_slug_pattern")
