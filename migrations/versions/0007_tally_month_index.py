"""tally_speaker_month by month: counts for a month, quarter or year across every speaker

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-01 11:00:00

Facet counts under dates that take whole months (a country's quarter, everyone's year) read
`tally_speaker_month` for a range of months; its key starts with the speaker, so without
this index each such count scanned the whole tally (340,000 rows for a million quotes).
"""

from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index(
        "ix_tally_speaker_month_month",
        "tally_speaker_month",
        ["month", "speaker_id", "kind", "quotes"],
    )


def downgrade() -> None:
    op.drop_index("ix_tally_speaker_month_month", table_name="tally_speaker_month")
