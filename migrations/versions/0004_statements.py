"""statements and speaker kinds: reports of one statement grouped, speakers typed, channels kept

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-01 10:00:00

The same statement is printed by several outlets, often twice in one article. `statement`
groups the reports of one speaker whose words are near-identical (app.ingest.statements);
each quote points at its statement and one report per statement, the earliest, is its lead
(`quote.is_lead`): lists and counts show statements, a toggle every report. `quote_band`
holds each attributed quote's text signature bands, so finding a new report's fellows asks an
index instead of comparing it with every quote of its speaker. Existing quotes start as
statements of their own (`diplomat db regroup` groups them).

`speaker.kind` is what the extractor found the speaker to be (person, organisation, group,
outlet), `speaker.sort_key` how the directory files it (people by surname);
`quote.via` the outlet or document a statement reached the article through.
"""

import sqlalchemy as sa
from alembic import op

from app.extract.speakers.names import sort_key

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "statement",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("speaker_id", sa.Integer(), nullable=False),
        sa.Column("lead_quote_id", sa.Integer(), nullable=True),
        sa.Column("reports", sa.Integer(), nullable=False),
        sa.Column("outlets", sa.Integer(), nullable=False),
        sa.Column("first_published", sa.Date(), nullable=True),
        sa.ForeignKeyConstraint(["speaker_id"], ["speaker.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_statement_speaker_id", "statement", ["speaker_id"])
    op.add_column(
        "speaker",
        sa.Column("kind", sa.String(length=16), nullable=False, server_default="person"),
    )
    op.add_column("speaker", sa.Column("sort_key", sa.String(), nullable=False, server_default=""))
    op.create_index("ix_speaker_kind_sort_key", "speaker", ["kind", "sort_key"])
    bind = op.get_bind()
    speakers = bind.execute(sa.text("SELECT id, name FROM speaker")).all()
    if speakers:
        bind.execute(
            sa.text("UPDATE speaker SET sort_key = :key WHERE id = :id"),
            [{"id": ident, "key": sort_key(name)} for ident, name in speakers],
        )
    op.add_column("quote", sa.Column("via", sa.String(), nullable=True))
    op.add_column(
        "quote", sa.Column("is_lead", sa.Boolean(), nullable=False, server_default=sa.true())
    )
    # No foreign key: SQLite cannot add one to a table without copying it (a million rows,
    # and its search triggers); app.ingest.statements keeps the references, db check checks.
    op.add_column("quote", sa.Column("statement_id", sa.Integer(), nullable=True))
    op.create_index("ix_quote_statement_id", "quote", ["statement_id"])
    op.create_index(
        "ix_quote_reports",
        "quote",
        ["id"],
        sqlite_where=sa.text("NOT is_lead"),
        postgresql_where=sa.text("NOT is_lead"),
    )
    op.create_table(
        "quote_band",
        sa.Column("quote_id", sa.Integer(), nullable=False),
        sa.Column("speaker_id", sa.Integer(), nullable=False),
        sa.Column("band", sa.BigInteger(), nullable=False),
        sa.ForeignKeyConstraint(["quote_id"], ["quote.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("quote_id", "band"),
    )
    op.create_index("ix_quote_band_speaker_band", "quote_band", ["speaker_id", "band"])


def downgrade() -> None:
    op.drop_index("ix_quote_band_speaker_band", table_name="quote_band")
    op.drop_table("quote_band")
    with op.batch_alter_table("quote") as batch:
        batch.drop_index("ix_quote_reports")
        batch.drop_index("ix_quote_statement_id")
        batch.drop_column("statement_id")
        batch.drop_column("is_lead")
        batch.drop_column("via")
    op.drop_index("ix_speaker_kind_sort_key", table_name="speaker")
    with op.batch_alter_table("speaker") as batch:
        batch.drop_column("sort_key")
        batch.drop_column("kind")
    op.drop_index("ix_statement_speaker_id", table_name="statement")
    op.drop_table("statement")
