"""A surname that is also a title stays in the name's key: speaker_alias.key again

Revision ID: 0020
Revises: 0019
Create Date: 2026-12-07 09:10:00

Name keys dropped every title word, wherever it stood, so "Angus King" was keyed "angus" and
"Aaron Judge" "aaron": a later "King" or "Judge" matched nobody, and two men called Angus
could be filed as one. A title comes before a name, so the key now keeps a last word that is
one. This recomputes the keys of the aliases whose key changes; slugs and names stay.
"""

import sqlalchemy as sa
from alembic import op

from app.extract.speakers.names import normalise_name

revision = "0020"
down_revision = "0019"
branch_labels = None
depends_on = None


def upgrade() -> None:
    conn = op.get_bind()
    aliases = conn.execute(sa.text("SELECT id, alias, key FROM speaker_alias")).all()
    keys = [
        {"id": ident, "key": new}
        for ident, alias, key in aliases
        if (new := normalise_name(alias)) != key
    ]
    if keys:
        conn.execute(sa.text("UPDATE speaker_alias SET key = :key WHERE id = :id"), keys)


def downgrade() -> None:
    # The old keys lost a surname; they are not worth restoring.
    pass
