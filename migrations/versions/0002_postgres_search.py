"""PostgreSQL full-text search over quote text

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-24 10:00:00.000000

PostgreSQL keeps a generated tsvector column beside quote.text and a GIN index over it, so the
database maintains the index itself, as the FTS5 triggers do on SQLite. The column is not in the
models (SQLite has no such type); app.queries.fts is the only reader. SQLite: nothing to do.
"""

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

# The text search configuration is spelled out so the column is immutable, as generated
# columns must be; app.queries.fts.TS_CONFIG names the same one.
FTS_POSTGRES = [
    """ALTER TABLE quote ADD COLUMN search_vector tsvector
        GENERATED ALWAYS AS (to_tsvector('english'::regconfig, text)) STORED""",
    "CREATE INDEX ix_quote_search_vector ON quote USING gin (search_vector)",
]


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for statement in FTS_POSTGRES:
            op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP INDEX IF EXISTS ix_quote_search_vector")
        op.execute("ALTER TABLE quote DROP COLUMN IF EXISTS search_vector")
