"""quote_fts holds each quote's kind and month beside its words (SQLite)

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-03 05:00:00

A search with a kind or within some months ranked every match of its words and read each
one's quote row to keep those of the kind or dates: a word in 3 % of a million quotes with a
kind it never has took 40-60 ms to find nothing, a year of it 35-56 ms. The index now holds two
more columns, a token for the kind ("kdirect") and one for the month ("m202003"), so that
`text : (words) AND kind : kdirect AND month : (m202001 OR …)` is answered by the index alone:
2-3 ms for nothing found, 9-13 ms for a year, 2-4 ms for a quarter.

The index reads its content from the view quote_search (the tokens are built there from
quote.kind and quote.published); triggers keep it in step when a quote's text, kind or date
changes. Searches restrict the reader's words to the text column, so no typed word or prefix
meets a kind or month token; bm25 weighs those columns 0. PostgreSQL is unchanged.
"""

from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None

TOKIZE = "tokenize='porter unicode61 remove_diacritics 2'"
_OLD = "old.id, old.text, 'k' || old.kind, 'm' || strftime('%Y%m', old.published)"
_NEW = "new.id, new.text, 'k' || new.kind, 'm' || strftime('%Y%m', new.published)"
UPGRADE = [
    "DROP TRIGGER IF EXISTS quote_fts_insert",
    "DROP TRIGGER IF EXISTS quote_fts_delete",
    "DROP TRIGGER IF EXISTS quote_fts_update",
    "DROP TABLE IF EXISTS quote_fts",
    """CREATE VIEW quote_search (id, text, kind, month) AS
        SELECT id, text, 'k' || kind, 'm' || strftime('%Y%m', published) FROM quote""",
    f"""CREATE VIRTUAL TABLE quote_fts USING fts5(
        text, kind, month, content='quote_search', content_rowid='id', {TOKIZE})""",
    "INSERT INTO quote_fts(quote_fts) VALUES ('rebuild')",
    f"""CREATE TRIGGER quote_fts_insert AFTER INSERT ON quote BEGIN
        INSERT INTO quote_fts(rowid, text, kind, month) VALUES ({_NEW});
    END""",
    f"""CREATE TRIGGER quote_fts_delete AFTER DELETE ON quote BEGIN
        INSERT INTO quote_fts(quote_fts, rowid, text, kind, month) VALUES ('delete', {_OLD});
    END""",
    f"""CREATE TRIGGER quote_fts_update AFTER UPDATE OF text, kind, published ON quote
    WHEN old.text IS NOT new.text OR old.kind IS NOT new.kind
        OR old.published IS NOT new.published BEGIN
        INSERT INTO quote_fts(quote_fts, rowid, text, kind, month) VALUES ('delete', {_OLD});
        INSERT INTO quote_fts(rowid, text, kind, month) VALUES ({_NEW});
    END""",
]
DOWNGRADE = [
    "DROP TRIGGER IF EXISTS quote_fts_insert",
    "DROP TRIGGER IF EXISTS quote_fts_delete",
    "DROP TRIGGER IF EXISTS quote_fts_update",
    "DROP TABLE IF EXISTS quote_fts",
    "DROP VIEW IF EXISTS quote_search",
    f"""CREATE VIRTUAL TABLE quote_fts USING fts5(
        text, content='quote', content_rowid='id', {TOKIZE})""",
    "INSERT INTO quote_fts(quote_fts) VALUES ('rebuild')",
    """CREATE TRIGGER quote_fts_insert AFTER INSERT ON quote BEGIN
        INSERT INTO quote_fts(rowid, text) VALUES (new.id, new.text);
    END""",
    """CREATE TRIGGER quote_fts_delete AFTER DELETE ON quote BEGIN
        INSERT INTO quote_fts(quote_fts, rowid, text) VALUES ('delete', old.id, old.text);
    END""",
    """CREATE TRIGGER quote_fts_update AFTER UPDATE OF text ON quote BEGIN
        INSERT INTO quote_fts(quote_fts, rowid, text) VALUES ('delete', old.id, old.text);
        INSERT INTO quote_fts(rowid, text) VALUES (new.id, new.text);
    END""",
]


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for statement in UPGRADE:
            op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for statement in DOWNGRADE:
            op.execute(statement)
