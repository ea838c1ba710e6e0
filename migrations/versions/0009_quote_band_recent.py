"""quote_band read newest first: each band's quotes by speaker, band and quote id

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-01 17:10:00

A new report is compared with the newest few quotes of each of its bands, not with every
quote of the bucket (app/ingest/statements.py): this index hands them over in that order. It
replaces ix_quote_band_speaker_band, of which it is an extension.
"""

from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_quote_band_recent", "quote_band", ["speaker_id", "band", "quote_id"])
    op.drop_index("ix_quote_band_speaker_band", table_name="quote_band")


def downgrade() -> None:
    op.create_index("ix_quote_band_speaker_band", "quote_band", ["speaker_id", "band"])
    op.drop_index("ix_quote_band_recent", table_name="quote_band")
