"""Speakers never named ("a Venezuelan businessman") are filed with groups and unnamed

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-01 12:00:00

Ingest now files a person printed only as a description under the directory's "Groups and
unnamed" tab (kind "group"), not among the people sorted by surname; this refiles the ones
stored before, with the sort key of a group.
"""

import sqlalchemy as sa
from alembic import op

from app.extract.speakers.names import is_description, sort_key

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    conn = op.get_bind()
    people = conn.execute(sa.text("SELECT id, name FROM speaker WHERE kind = 'person'")).all()
    unnamed = [
        {"id": ident, "key": sort_key(name, "group")}
        for ident, name in people
        if is_description(name)
    ]
    if unnamed:
        conn.execute(
            sa.text("UPDATE speaker SET kind = 'group', sort_key = :key WHERE id = :id"), unnamed
        )


def downgrade() -> None:
    # Which groups were people printed as descriptions is not recorded: they stay groups.
    pass
