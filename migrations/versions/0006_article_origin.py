"""article origin: original URL, author and language; fetch state for feeds and pages

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-25 10:00:00

`article.url` is where the article was published (the article page links to it; feeds skip
items whose URL is stored), `author` and `language` come from the source or are detected.
`fetch_state` keeps each feed's and page's HTTP validators (ETag, Last-Modified) and the
fingerprint of a feed item as last fetched.

Article sources used to be full paths on the server that ran the ingest; they are now named
relative to what was given. Existing full paths keep their last two parts ("examples/05.html"),
so no server path is stored or shown.
"""

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("article", schema=None) as batch_op:
        batch_op.add_column(sa.Column("url", sqlmodel.sql.sqltypes.AutoString(), nullable=True))
        batch_op.add_column(sa.Column("author", sqlmodel.sql.sqltypes.AutoString(), nullable=True))
        batch_op.add_column(
            sa.Column("language", sqlmodel.sql.sqltypes.AutoString(length=16), nullable=True)
        )
        batch_op.create_index(batch_op.f("ix_article_url"), ["url"], unique=False)
    op.create_table(
        "fetch_state",
        sa.Column("url", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("etag", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column("last_modified", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column("fingerprint", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=True),
        sa.Column("fetched_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("url"),
    )
    with op.batch_alter_table("fetch_state", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_fetch_state_fingerprint"), ["fingerprint"])
    _drop_server_paths()


def _drop_server_paths() -> None:
    article = sa.table("article", sa.column("id", sa.Integer), sa.column("source", sa.String))
    conn = op.get_bind()
    rows = conn.execute(
        sa.select(article.c.id, article.c.source).where(article.c.source.like("/%"))
    ).all()
    update = (
        sa.update(article)
        .where(article.c.id == sa.bindparam("row_id"))
        .values(source=sa.bindparam("short"))
    )
    short = [
        {"row_id": i, "short": "/".join(p for p in s.rsplit("/", 2)[-2:] if p)} for i, s in rows
    ]
    if short:
        conn.execute(update, short)


def downgrade() -> None:
    with op.batch_alter_table("fetch_state", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_fetch_state_fingerprint"))
    op.drop_table("fetch_state")
    with op.batch_alter_table("article", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_article_url"))
        batch_op.drop_column("language")
        batch_op.drop_column("author")
        batch_op.drop_column("url")
