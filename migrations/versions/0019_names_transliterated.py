"""Names' letters transliterated, not dropped: speaker_alias.key and speaker.sort_key again

Revision ID: 0019
Revises: 0018
Create Date: 2026-12-05 11:30:00

Folding a name to ASCII dropped the letters that are not an accented one: "Radosław" was
"radosaw", "Aydın" "aydn", "Støre" "stre". So a reader typing "Aydin" or "Store" found
nobody, and "Łukasz Nowak" was filed under "nowak ukasz". `ascii_fold` now spells them as
English readers type them; this recomputes the alias keys the store matches names by and the
directory's sort keys. Slugs stay as they are: they are in readers' bookmarks.
"""

import sqlalchemy as sa
from alembic import op

from app.extract.speakers.names import normalise_name, sort_key

revision = "0019"
down_revision = "0018"
branch_labels = None
depends_on = None


def upgrade() -> None:
    conn = op.get_bind()
    aliases = conn.execute(sa.text("SELECT id, alias, key FROM speaker_alias")).all()
    keys = [
        {"id": ident, "key": normalise_name(alias)}
        for ident, alias, key in aliases
        if not alias.isascii() and normalise_name(alias) != key
    ]
    if keys:
        conn.execute(sa.text("UPDATE speaker_alias SET key = :key WHERE id = :id"), keys)
    speakers = conn.execute(sa.text("SELECT id, name, kind, sort_key FROM speaker")).all()
    sorts = [
        {"id": ident, "key": sort_key(name, kind)}
        for ident, name, kind, key in speakers
        if not name.isascii() and sort_key(name, kind) != key
    ]
    if sorts:
        conn.execute(sa.text("UPDATE speaker SET sort_key = :key WHERE id = :id"), sorts)


def downgrade() -> None:
    # The dropped letters are not worth restoring: the keys stay transliterated.
    pass
