"""tally_topic_speaker, tally_topic_kind and tally_topic_outlet: a topic's statements by
month, speaker, kind and outlet

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-02 20:30:00

A topic's page over some months, or of one kind of quote, and a country's page over some
months counted their facets from the quotes: every matching topic link joined to its quote
and article (6.5 ms a topic page on average on SQLite, 20 ms for a large topic's year; the
largest went to the background). These two tallies answer them as the others do (migration
0005: lead quotes only, speaker 0 for none, month yyyymm or 0 when undated; a row that falls to
zero is deleted; `db check` compares them with a recount):

- tally_topic_speaker (topic, month, speaker, kind): a topic's speakers, countries, kinds and
  total in any months; by its second index, a speaker's or a country's topics in any months.
- tally_topic_kind (topic, kind, speaker): the same over all months, so that a topic's page of
  one kind reads a few thousand rows, not every month's (66,000 for the largest topic).
- tally_topic_outlet (topic, month, kind, outlet): a topic's outlets in any months and kinds.

A link is counted when it is written (its quote is stored first), taken off when it is deleted
on its own, and moves with its quote's speaker, date, kind, lead and article. A quote deleted
takes its links off first (BEFORE DELETE, while they exist); the links its deletion cascades
to find no quote and change nothing. An article whose outlet changes moves its links from the
old outlet to the new; one deleted takes them off first, as in migration 0010.
"""

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None

SQLITE_MONTH = "COALESCE(CAST(substr({d}, 1, 4) || substr({d}, 6, 2) AS INTEGER), 0)"
POSTGRES_MONTH = "COALESCE((EXTRACT(YEAR FROM {d}) * 100 + EXTRACT(MONTH FROM {d}))::integer, 0)"
SPEAKER_KEY = "topic_id, month, speaker_id, kind"
OUTLET_KEY = "topic_id, month, kind, outlet"
KIND_KEY = "topic_id, kind, speaker_id"


def _sqlite_count_link(topic: str, quote: str) -> str:
    """Count the link of quote id `quote` to `topic`, if the quote is a lead."""
    month = SQLITE_MONTH.format(d="q.published")
    return f"""INSERT INTO tally_topic_speaker ({SPEAKER_KEY}, quotes)
            SELECT {topic}, {month}, COALESCE(q.speaker_id, 0), q.kind, 1 FROM quote q
            WHERE q.id = {quote} AND q.is_lead
            ON CONFLICT ({SPEAKER_KEY}) DO UPDATE SET quotes = quotes + 1;
        INSERT INTO tally_topic_kind ({KIND_KEY}, quotes)
            SELECT {topic}, q.kind, COALESCE(q.speaker_id, 0), 1 FROM quote q
            WHERE q.id = {quote} AND q.is_lead
            ON CONFLICT ({KIND_KEY}) DO UPDATE SET quotes = quotes + 1;
        INSERT INTO tally_topic_outlet ({OUTLET_KEY}, quotes)
            SELECT {topic}, {month}, q.kind, COALESCE(a.outlet, ''), 1
            FROM quote q JOIN article a ON a.id = q.article_id
            WHERE q.id = {quote} AND q.is_lead
            ON CONFLICT ({OUTLET_KEY}) DO UPDATE SET quotes = quotes + 1;"""


def _sqlite_uncount_link(topic: str, quote: str) -> str:
    """Take off the link of quote id `quote` to `topic` (nothing if the quote is gone)."""
    month = SQLITE_MONTH.format(d="published")
    speaker_row = f"""topic_id = {topic} AND (month, speaker_id, kind) =
            (SELECT {month}, COALESCE(speaker_id, 0), kind FROM quote
             WHERE id = {quote} AND is_lead)"""
    kind_row = f"""topic_id = {topic} AND (kind, speaker_id) =
            (SELECT kind, COALESCE(speaker_id, 0) FROM quote WHERE id = {quote} AND is_lead)"""
    outlet_row = f"""topic_id = {topic} AND (month, kind, outlet) =
            (SELECT {SQLITE_MONTH.format(d="q.published")}, q.kind, COALESCE(a.outlet, '')
             FROM quote q JOIN article a ON a.id = q.article_id
             WHERE q.id = {quote} AND q.is_lead)"""
    return f"""UPDATE tally_topic_speaker SET quotes = quotes - 1 WHERE {speaker_row};
        DELETE FROM tally_topic_speaker WHERE {speaker_row} AND quotes <= 0;
        UPDATE tally_topic_kind SET quotes = quotes - 1 WHERE {kind_row};
        DELETE FROM tally_topic_kind WHERE {kind_row} AND quotes <= 0;
        UPDATE tally_topic_outlet SET quotes = quotes - 1 WHERE {outlet_row};
        DELETE FROM tally_topic_outlet WHERE {outlet_row} AND quotes <= 0;"""


def _sqlite_quote_links(q: str, sign: str) -> str:
    """Count (sign '+') or take off (sign '-') every link of quote row `q` (old or new)."""
    month = SQLITE_MONTH.format(d=f"{q}.published")
    if sign == "+":
        return f"""INSERT INTO tally_topic_speaker ({SPEAKER_KEY}, quotes)
            SELECT topic_id, {month}, COALESCE({q}.speaker_id, 0), {q}.kind, 1 FROM quote_topic
            WHERE quote_id = {q}.id
            ON CONFLICT ({SPEAKER_KEY}) DO UPDATE SET quotes = quotes + 1;
        INSERT INTO tally_topic_kind ({KIND_KEY}, quotes)
            SELECT topic_id, {q}.kind, COALESCE({q}.speaker_id, 0), 1 FROM quote_topic
            WHERE quote_id = {q}.id
            ON CONFLICT ({KIND_KEY}) DO UPDATE SET quotes = quotes + 1;
        INSERT INTO tally_topic_outlet ({OUTLET_KEY}, quotes)
            SELECT qt.topic_id, {month}, {q}.kind, COALESCE(a.outlet, ''), 1
            FROM quote_topic qt JOIN article a ON a.id = {q}.article_id
            WHERE qt.quote_id = {q}.id
            ON CONFLICT ({OUTLET_KEY}) DO UPDATE SET quotes = quotes + 1;"""
    speaker_rows = f"""month = {month} AND speaker_id = COALESCE({q}.speaker_id, 0)
            AND kind = {q}.kind
            AND topic_id IN (SELECT topic_id FROM quote_topic WHERE quote_id = {q}.id)"""
    kind_rows = f"""kind = {q}.kind AND speaker_id = COALESCE({q}.speaker_id, 0)
            AND topic_id IN (SELECT topic_id FROM quote_topic WHERE quote_id = {q}.id)"""
    outlet_rows = f"""month = {month} AND kind = {q}.kind
            AND outlet = (SELECT COALESCE(outlet, '') FROM article WHERE id = {q}.article_id)
            AND topic_id IN (SELECT topic_id FROM quote_topic WHERE quote_id = {q}.id)"""
    return f"""UPDATE tally_topic_speaker SET quotes = quotes - 1 WHERE {speaker_rows};
        DELETE FROM tally_topic_speaker WHERE {speaker_rows} AND quotes <= 0;
        UPDATE tally_topic_kind SET quotes = quotes - 1 WHERE {kind_rows};
        DELETE FROM tally_topic_kind WHERE {kind_rows} AND quotes <= 0;
        UPDATE tally_topic_outlet SET quotes = quotes - 1 WHERE {outlet_rows};
        DELETE FROM tally_topic_outlet WHERE {outlet_rows} AND quotes <= 0;"""


def _sqlite_move(a: str, outlet: str, sign: str) -> str:
    """The links of article `a`'s statements counted under `outlet`, with `sign` (+ or -)."""
    month = SQLITE_MONTH.format(d="q.published")
    return f"""INSERT INTO tally_topic_outlet ({OUTLET_KEY}, quotes)
            SELECT qt.topic_id, {month}, q.kind, COALESCE({outlet}, ''), {sign}count(*)
            FROM quote q JOIN quote_topic qt ON qt.quote_id = q.id
            WHERE q.article_id = {a}.id AND q.is_lead GROUP BY 1, 2, 3
            ON CONFLICT ({OUTLET_KEY}) DO UPDATE SET quotes = quotes + excluded.quotes;
        DELETE FROM tally_topic_outlet WHERE quotes <= 0 AND outlet = COALESCE({outlet}, '')
            AND topic_id IN (SELECT qt.topic_id FROM quote q
                             JOIN quote_topic qt ON qt.quote_id = q.id
                             WHERE q.article_id = {a}.id AND q.is_lead);"""


_QUOTE_COLUMNS = "speaker_id, published, kind, is_lead, article_id"
SQLITE_TRIGGERS = [
    f"""CREATE TRIGGER tally_topic_detail_link_insert AFTER INSERT ON quote_topic BEGIN
        {_sqlite_count_link("new.topic_id", "new.quote_id")}
    END""",
    f"""CREATE TRIGGER tally_topic_detail_link_delete AFTER DELETE ON quote_topic BEGIN
        {_sqlite_uncount_link("old.topic_id", "old.quote_id")}
    END""",
    f"""CREATE TRIGGER tally_topic_detail_quote_delete BEFORE DELETE ON quote
    WHEN old.is_lead BEGIN
        {_sqlite_quote_links("old", "-")}
    END""",
    f"""CREATE TRIGGER tally_topic_detail_quote_unlead AFTER UPDATE OF {_QUOTE_COLUMNS} ON quote
    WHEN old.is_lead BEGIN
        {_sqlite_quote_links("old", "-")}
    END""",
    f"""CREATE TRIGGER tally_topic_detail_quote_lead AFTER UPDATE OF {_QUOTE_COLUMNS} ON quote
    WHEN new.is_lead BEGIN
        {_sqlite_quote_links("new", "+")}
    END""",
    f"""CREATE TRIGGER tally_topic_detail_article_update AFTER UPDATE OF outlet ON article
    WHEN old.outlet IS NOT new.outlet BEGIN
        {_sqlite_move("old", "old.outlet", "-")}
        {_sqlite_move("new", "new.outlet", "")}
    END""",
    f"""CREATE TRIGGER tally_topic_detail_article_delete BEFORE DELETE ON article BEGIN
        {_sqlite_move("old", "old.outlet", "-")}
    END""",
]

_PG_MONTH_Q = POSTGRES_MONTH.format(d="q.published")
POSTGRES_TRIGGERS = [
    # n = 1 counts the link of quote q to topic t, n = -1 takes it off.
    f"""CREATE FUNCTION tally_topic_detail_add(t integer, q quote, n integer)
    RETURNS void LANGUAGE sql AS $$
        INSERT INTO tally_topic_speaker ({SPEAKER_KEY}, quotes)
            VALUES (t, {_PG_MONTH_Q}, COALESCE(q.speaker_id, 0), q.kind, n)
            ON CONFLICT ({SPEAKER_KEY})
            DO UPDATE SET quotes = tally_topic_speaker.quotes + excluded.quotes;
        DELETE FROM tally_topic_speaker WHERE n < 0 AND topic_id = t
            AND month = {_PG_MONTH_Q} AND speaker_id = COALESCE(q.speaker_id, 0)
            AND kind = q.kind AND quotes <= 0;
        INSERT INTO tally_topic_kind ({KIND_KEY}, quotes)
            VALUES (t, q.kind, COALESCE(q.speaker_id, 0), n)
            ON CONFLICT ({KIND_KEY})
            DO UPDATE SET quotes = tally_topic_kind.quotes + excluded.quotes;
        DELETE FROM tally_topic_kind WHERE n < 0 AND topic_id = t AND kind = q.kind
            AND speaker_id = COALESCE(q.speaker_id, 0) AND quotes <= 0;
        INSERT INTO tally_topic_outlet ({OUTLET_KEY}, quotes)
            SELECT t, {_PG_MONTH_Q}, q.kind, COALESCE(a.outlet, ''), n
            FROM article a WHERE a.id = q.article_id
            ON CONFLICT ({OUTLET_KEY})
            DO UPDATE SET quotes = tally_topic_outlet.quotes + excluded.quotes;
        DELETE FROM tally_topic_outlet o USING article a
            WHERE n < 0 AND a.id = q.article_id AND o.topic_id = t AND o.month = {_PG_MONTH_Q}
            AND o.kind = q.kind AND o.outlet = COALESCE(a.outlet, '') AND o.quotes <= 0;
    $$""",
    """CREATE FUNCTION tally_topic_detail_quote() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE t integer;
    BEGIN
        IF TG_OP = 'DELETE' THEN
            IF OLD.is_lead THEN
                FOR t IN SELECT topic_id FROM quote_topic WHERE quote_id = OLD.id LOOP
                    PERFORM tally_topic_detail_add(t, OLD, -1);
                END LOOP;
            END IF;
            RETURN OLD;
        END IF;
        FOR t IN SELECT topic_id FROM quote_topic WHERE quote_id = NEW.id LOOP
            IF OLD.is_lead THEN PERFORM tally_topic_detail_add(t, OLD, -1); END IF;
            IF NEW.is_lead THEN PERFORM tally_topic_detail_add(t, NEW, 1); END IF;
        END LOOP;
        RETURN NULL;
    END $$""",
    """CREATE FUNCTION tally_topic_detail_link() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE q quote;
    BEGIN
        IF TG_OP = 'INSERT' THEN
            SELECT * INTO q FROM quote WHERE id = NEW.quote_id AND is_lead;
            IF FOUND THEN PERFORM tally_topic_detail_add(NEW.topic_id, q, 1); END IF;
        ELSE
            SELECT * INTO q FROM quote WHERE id = OLD.quote_id AND is_lead;
            IF FOUND THEN PERFORM tally_topic_detail_add(OLD.topic_id, q, -1); END IF;
        END IF;
        RETURN NULL;
    END $$""",
    f"""CREATE FUNCTION tally_topic_detail_move(moved integer, named text, n integer)
    RETURNS void LANGUAGE sql AS $$
        INSERT INTO tally_topic_outlet ({OUTLET_KEY}, quotes)
            SELECT qt.topic_id, {_PG_MONTH_Q}, q.kind, COALESCE(named, ''), n * count(*)
            FROM quote q JOIN quote_topic qt ON qt.quote_id = q.id
            WHERE q.article_id = moved AND q.is_lead GROUP BY 1, 2, 3
            ON CONFLICT ({OUTLET_KEY})
            DO UPDATE SET quotes = tally_topic_outlet.quotes + excluded.quotes;
        DELETE FROM tally_topic_outlet o
            WHERE o.outlet = COALESCE(named, '') AND o.quotes <= 0
            AND o.topic_id IN (SELECT qt.topic_id FROM quote q
                               JOIN quote_topic qt ON qt.quote_id = q.id
                               WHERE q.article_id = moved AND q.is_lead);
    $$""",
    """CREATE FUNCTION tally_topic_detail_article() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        IF TG_OP = 'DELETE' THEN
            PERFORM tally_topic_detail_move(OLD.id, OLD.outlet, -1);
            RETURN OLD;
        END IF;
        IF OLD.outlet IS DISTINCT FROM NEW.outlet THEN
            PERFORM tally_topic_detail_move(OLD.id, OLD.outlet, -1);
            PERFORM tally_topic_detail_move(NEW.id, NEW.outlet, 1);
        END IF;
        RETURN NULL;
    END $$""",
    """CREATE TRIGGER tally_topic_detail_link AFTER INSERT OR DELETE ON quote_topic
        FOR EACH ROW EXECUTE FUNCTION tally_topic_detail_link()""",
    """CREATE TRIGGER tally_topic_detail_quote_delete BEFORE DELETE ON quote
        FOR EACH ROW EXECUTE FUNCTION tally_topic_detail_quote()""",
    f"""CREATE TRIGGER tally_topic_detail_quote_update AFTER UPDATE OF {_QUOTE_COLUMNS} ON quote
        FOR EACH ROW EXECUTE FUNCTION tally_topic_detail_quote()""",
    """CREATE TRIGGER tally_topic_detail_article_update AFTER UPDATE OF outlet ON article
        FOR EACH ROW EXECUTE FUNCTION tally_topic_detail_article()""",
    """CREATE TRIGGER tally_topic_detail_article_delete BEFORE DELETE ON article
        FOR EACH ROW EXECUTE FUNCTION tally_topic_detail_article()""",
]


def recount(dialect: str) -> list[str]:
    """Fill the tallies from the statements and topic links already stored."""
    month = (SQLITE_MONTH if dialect == "sqlite" else POSTGRES_MONTH).format(d="q.published")
    links = "FROM quote_topic qt JOIN quote q ON q.id = qt.quote_id"
    return [
        f"""INSERT INTO tally_topic_speaker ({SPEAKER_KEY}, quotes)
            SELECT qt.topic_id, {month}, COALESCE(q.speaker_id, 0), q.kind, count(*)
            {links} WHERE q.is_lead GROUP BY 1, 2, 3, 4""",
        f"""INSERT INTO tally_topic_kind ({KIND_KEY}, quotes)
            SELECT qt.topic_id, q.kind, COALESCE(q.speaker_id, 0), count(*)
            {links} WHERE q.is_lead GROUP BY 1, 2, 3""",
        f"""INSERT INTO tally_topic_outlet ({OUTLET_KEY}, quotes)
            SELECT qt.topic_id, {month}, q.kind, COALESCE(a.outlet, ''), count(*)
            {links} JOIN article a ON a.id = q.article_id WHERE q.is_lead
            GROUP BY 1, 2, 3, 4""",
    ]


# PostgreSQL: the speakers' tallies' keys hold their counts too, so a country's speakers' rows
# are read from the key alone (each was a heap page fetched; SQLite's keys cover them already).
COVERED_KEYS = {
    "tally_speaker_month": "speaker_id, month, kind",
    "tally_speaker_topic": "speaker_id, topic_id",
    "tally_speaker_outlet": "speaker_id, month, outlet",
}


def _postgres_keys(include: str) -> None:
    for table, key in COVERED_KEYS.items():
        op.execute(
            f"ALTER TABLE {table} DROP CONSTRAINT {table}_pkey, ADD PRIMARY KEY ({key}) {include}"
        )


def upgrade() -> None:
    kind = sa.String(length=8)
    op.create_table(
        "tally_topic_speaker",
        sa.Column("topic_id", sa.Integer(), nullable=False),
        sa.Column("month", sa.Integer(), nullable=False),
        sa.Column("speaker_id", sa.Integer(), nullable=False),
        sa.Column("kind", kind, nullable=False),
        sa.Column("quotes", sa.Integer(), nullable=False),
        # The key is the table on SQLite and holds the count on PostgreSQL: a topic's months
        # read in one range of one index (PostgreSQL fetched 3,400 heap pages for a year).
        sa.PrimaryKeyConstraint(
            "topic_id", "month", "speaker_id", "kind", postgresql_include=["quotes"]
        ),
        sqlite_with_rowid=False,
    )
    # A speaker's (or a country's speakers') topics in some months, from the index alone.
    op.create_index(
        "ix_tally_topic_speaker_speaker",
        "tally_topic_speaker",
        ["speaker_id", "month", "topic_id", "kind", "quotes"],
    )
    op.create_table(
        "tally_topic_kind",
        sa.Column("topic_id", sa.Integer(), nullable=False),
        sa.Column("kind", kind, nullable=False),
        sa.Column("speaker_id", sa.Integer(), nullable=False),
        sa.Column("quotes", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("topic_id", "kind", "speaker_id", postgresql_include=["quotes"]),
        sqlite_with_rowid=False,
    )
    op.create_table(
        "tally_topic_outlet",
        sa.Column("topic_id", sa.Integer(), nullable=False),
        sa.Column("month", sa.Integer(), nullable=False),
        sa.Column("kind", kind, nullable=False),
        sa.Column("outlet", sa.String(), nullable=False),
        sa.Column("quotes", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint(
            "topic_id", "month", "kind", "outlet", postgresql_include=["quotes"]
        ),
        sqlite_with_rowid=False,
    )
    dialect = op.get_bind().dialect.name
    for statement in recount(dialect):
        op.execute(statement)
    for statement in SQLITE_TRIGGERS if dialect == "sqlite" else POSTGRES_TRIGGERS:
        op.execute(statement)
    if dialect == "postgresql":
        _postgres_keys("INCLUDE (quotes)")
    # The planner's statistics: without them SQLite took the key over the speakers' index
    # for a few speakers of a topic.
    for table in ("tally_topic_speaker", "tally_topic_kind", "tally_topic_outlet"):
        op.execute(f"ANALYZE {table}")


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for name in ("link_insert", "link_delete", "quote_delete", "quote_unlead", "quote_lead"):
            op.execute(f"DROP TRIGGER IF EXISTS tally_topic_detail_{name}")
        for name in ("article_update", "article_delete"):
            op.execute(f"DROP TRIGGER IF EXISTS tally_topic_detail_{name}")
    else:
        op.execute("DROP TRIGGER IF EXISTS tally_topic_detail_link ON quote_topic")
        for name in ("quote_delete", "quote_update"):
            op.execute(f"DROP TRIGGER IF EXISTS tally_topic_detail_{name} ON quote")
        for name in ("article_update", "article_delete"):
            op.execute(f"DROP TRIGGER IF EXISTS tally_topic_detail_{name} ON article")
        op.execute(
            "DROP FUNCTION IF EXISTS tally_topic_detail_quote(), tally_topic_detail_link(),"
            " tally_topic_detail_article()"
        )
        op.execute("DROP FUNCTION IF EXISTS tally_topic_detail_add(integer, quote, integer)")
        op.execute("DROP FUNCTION IF EXISTS tally_topic_detail_move(integer, text, integer)")
        _postgres_keys("")
    op.drop_index("ix_tally_topic_speaker_speaker", table_name="tally_topic_speaker")
    for table in ("tally_topic_outlet", "tally_topic_kind", "tally_topic_speaker"):
        op.drop_table(table)
