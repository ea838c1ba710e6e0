"""speaker_alias looked up by surname: an index on each alias's last word

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-03 19:00:00

A name the store has not met in this spelling ("Petrov" after "Ivan Petrov") is matched to the
speakers whose aliases end in its surname. That was `key = :surname OR key LIKE '% ' ||
:surname`, which no index answers: every alias was read for every new spelling (3.5 ms at the
7,300 aliases of a million-quote archive, growing with it). The index holds each key's last
word; the store asks for it by the same expression (app/ingest/speaker_rows.py SURNAME), which
each dialect spells its own way. Keys are lowercase words joined by single spaces
(`normalise_name`).
"""

from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None

# Frozen copies of app/ingest/speaker_rows.SURNAME (a test checks they agree).
SURNAME = {
    # What rtrim leaves of the key once every trailing non-space is trimmed is the key up to
    # its last space; the surname starts after it (the whole key when it is one word).
    "sqlite": "substr(key, length(rtrim(key, replace(key, ' ', ''))) + 1)",
    "postgresql": "regexp_replace(key, '^.* ', '')",
}


def upgrade() -> None:
    expression = SURNAME[op.get_bind().dialect.name]
    op.execute(f"CREATE INDEX ix_speaker_alias_surname ON speaker_alias (({expression}))")


def downgrade() -> None:
    op.execute("DROP INDEX ix_speaker_alias_surname")
