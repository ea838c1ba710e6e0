"""Tables. Alembic owns the schema; these classes describe it for queries."""

from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    BigInteger,
    Column,
    ForeignKey,
    Index,
    Integer,
    Table,
    UniqueConstraint,
    text,
    true,
)
from sqlalchemy.orm import QueryableAttribute
from sqlmodel import Field, Relationship, SQLModel


class Article(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    content_hash: str = Field(unique=True, max_length=64)
    source: str = Field(index=True)
    title: str | None = None
    outlet: str | None = Field(default=None, index=True)
    published: date | None = Field(default=None, index=True)
    text: str
    ingested_at: datetime = Field(index=True)
    # Where the article was published (an http(s) URL; the article page links to it), its
    # author, and its language (ISO 639-1; articles not in English are stored unextracted).
    url: str | None = Field(default=None, index=True)
    author: str | None = None
    language: str | None = Field(default=None, max_length=16)

    quotes: list["Quote"] = Relationship(
        back_populates="article", sa_relationship_kwargs={"order_by": "Quote.position"}
    )


class FetchState(SQLModel, table=True):
    """What the last fetch of a feed or web page returned: the validators that let the next
    fetch be conditional (ETag, Last-Modified), and for a feed item the fingerprint of its
    entry, so an unchanged item is not fetched again."""

    __tablename__ = "fetch_state"

    url: str = Field(primary_key=True)
    etag: str | None = None
    last_modified: str | None = None
    fingerprint: str | None = Field(default=None, max_length=64, index=True)
    fetched_at: datetime


class Speaker(SQLModel, table=True):
    __table_args__ = (Index("ix_speaker_kind_sort_key", "kind", "sort_key"),)

    id: int | None = Field(default=None, primary_key=True)
    slug: str = Field(unique=True)
    name: str
    country: str | None = Field(default=None, max_length=2, index=True)
    role: str | None = None
    # person | organisation | group | outlet (what the extractor found; migration 0004)
    kind: str = Field(
        default="person", max_length=16, sa_column_kwargs={"server_default": "person"}
    )
    sort_key: str = Field(default="", sa_column_kwargs={"server_default": ""})
    # A person an article names by a given name alone ("Her husband, Tom,"): the name tells
    # who only there, so the row is that article's (migration 0021); None for a name that
    # holds across articles. (No ON DELETE: SQLite adds the column in place, and its
    # reflection would not read one back.)
    article_id: int | None = Field(
        default=None,
        sa_column=Column(Integer, ForeignKey("article.id"), nullable=True, index=True),
    )

    aliases: list["SpeakerAlias"] = Relationship(back_populates="speaker")
    quotes: list["Quote"] = Relationship(back_populates="speaker")


class SpeakerAlias(SQLModel, table=True):
    __tablename__ = "speaker_alias"
    __table_args__ = (UniqueConstraint("speaker_id", "alias"),)

    id: int | None = Field(default=None, primary_key=True)
    speaker_id: int = Field(
        sa_column=Column(Integer, ForeignKey("speaker.id", ondelete="CASCADE"), nullable=False)
    )
    alias: str
    key: str = Field(index=True)  # normalised spelling, for matching

    speaker: Speaker = Relationship(back_populates="aliases")


class QuoteTopic(SQLModel, table=True):
    __tablename__ = "quote_topic"

    quote_id: int = Field(
        sa_column=Column(Integer, ForeignKey("quote.id", ondelete="CASCADE"), primary_key=True)
    )
    topic_id: int = Field(
        sa_column=Column(Integer, ForeignKey("topic.id", ondelete="CASCADE"), primary_key=True)
    )
    # The quote's date (migration 0011): a topic's quotes of a period, in page order, straight
    # from the index. Written with the link; triggers fill it if not and follow the quote's.
    published: date | None = None
    __table_args__ = (Index("ix_quote_topic_published", "topic_id", "published", "quote_id"),)


class Topic(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    slug: str = Field(unique=True)
    name: str

    quotes: list["Quote"] = Relationship(back_populates="topics", link_model=QuoteTopic)


class Quote(SQLModel, table=True):
    __table_args__ = (
        Index("ix_quote_speaker_published", "speaker_id", "published", "id"),
        Index("ix_quote_published", "published", "id"),
        Index("ix_quote_article_position", "article_id", "position"),
        # Reports that are not their statement's lead: few, and counted apart (migration 0004).
        Index(
            "ix_quote_reports",
            "id",
            sqlite_where=text("NOT is_lead"),
            postgresql_where=text("NOT is_lead"),
        ),
    )

    id: int | None = Field(default=None, primary_key=True)
    article_id: int = Field(
        sa_column=Column(Integer, ForeignKey("article.id", ondelete="CASCADE"), nullable=False)
    )
    speaker_id: int | None = Field(
        default=None,
        sa_column=Column(Integer, ForeignKey("speaker.id", ondelete="SET NULL"), nullable=True),
    )
    speaker_as_printed: str | None = None
    text: str
    start: int
    end: int
    kind: str = Field(max_length=8)  # direct | indirect | mixed
    cue: str | None = None
    confidence: float
    position: int  # order within the article
    sentence_start: int
    sentence_end: int
    # Copied from the article so lists sort and page on one indexed table.
    published: date | None = None
    # The outlet or document the words reached the article through ("via France 24").
    via: str | None = None
    # Reports of one statement point at it; its earliest report is the lead (migration 0004).
    statement_id: int | None = Field(default=None, index=True)  # no foreign key: see 0004
    is_lead: bool = Field(default=True, sa_column_kwargs={"server_default": true()})
    # Its topic ids as listed by its links, "3,17" (None for none): read where a count reads
    # its speaker, not looked up link by link. Triggers follow the links (migration 0017).
    topic_ids: str | None = None

    article: Article = Relationship(back_populates="quotes")
    speaker: Speaker | None = Relationship(back_populates="quotes")
    topics: list[Topic] = Relationship(back_populates="quotes", link_model=QuoteTopic)


class Statement(SQLModel, table=True):
    """One statement of one speaker, however many outlets reported it (app.ingest.statements)."""

    id: int | None = Field(default=None, primary_key=True)
    speaker_id: int = Field(
        sa_column=Column(
            Integer, ForeignKey("speaker.id", ondelete="CASCADE"), nullable=False, index=True
        )
    )
    lead_quote_id: int | None = None
    reports: int
    outlets: int
    first_published: date | None = None


class QuoteBand(SQLModel, table=True):
    """Signature bands of an attributed quote's words: reports sharing one are compared."""

    __tablename__ = "quote_band"
    # each band's quotes newest first: a new report reads the newest few (ingest/statements)
    __table_args__ = (Index("ix_quote_band_recent", "speaker_id", "band", "quote_id"),)

    quote_id: int = Field(
        sa_column=Column(Integer, ForeignKey("quote.id", ondelete="CASCADE"), primary_key=True)
    )
    speaker_id: int
    band: int = Field(sa_column=Column(BigInteger, primary_key=True, autoincrement=False))


# Counts of statements kept by database triggers (migration 0005), read by app.queries.tallies.
# Speaker id 0 stands for quotes without a speaker; month is yyyymm, 0 when undated; no row
# holds 0.
def _key() -> Any:
    return Field(primary_key=True, sa_column_kwargs={"autoincrement": False})


class TallySpeaker(SQLModel, table=True):
    __tablename__ = "tally_speaker"
    __table_args__ = (Index("ix_tally_speaker_quotes", "quotes"),)

    speaker_id: int = _key()
    quotes: int


class TallySpeakerMonth(SQLModel, table=True):
    __tablename__ = "tally_speaker_month"
    __table_args__ = (
        Index("ix_tally_speaker_month_month", "month", "speaker_id", "kind", "quotes"),
    )

    speaker_id: int = _key()
    month: int = _key()
    kind: str = Field(primary_key=True, max_length=8)
    quotes: int


class TallySpeakerTopic(SQLModel, table=True):
    __tablename__ = "tally_speaker_topic"
    # A topic's speakers, most quoted first, from the index alone (migration 0011).
    __table_args__ = (Index("ix_tally_speaker_topic_topic", "topic_id", "quotes", "speaker_id"),)

    speaker_id: int = _key()
    topic_id: int = _key()
    quotes: int


class TallyTopicMonth(SQLModel, table=True):
    __tablename__ = "tally_topic_month"

    topic_id: int = _key()
    month: int = _key()
    quotes: int


class TallySpeakerOutlet(SQLModel, table=True):
    """Statements per speaker, month and outlet ('' for articles with none; migration 0010)."""

    __tablename__ = "tally_speaker_outlet"
    __table_args__ = (Index("ix_tally_speaker_outlet_month", "month", "outlet", "quotes"),)

    speaker_id: int = _key()
    month: int = _key()
    outlet: str = Field(primary_key=True)
    quotes: int


class TallyTopicSpeaker(SQLModel, table=True):
    """Topic links of statements per topic, month, speaker and kind (migration 0012)."""

    __tablename__ = "tally_topic_speaker"
    # A speaker's (or a country's speakers') topics in some months, from the index alone.
    __table_args__ = (
        Index(
            "ix_tally_topic_speaker_speaker", "speaker_id", "month", "topic_id", "kind", "quotes"
        ),
    )

    topic_id: int = _key()
    month: int = _key()
    speaker_id: int = _key()
    kind: str = Field(primary_key=True, max_length=8)
    quotes: int


class TallyTopicKind(SQLModel, table=True):
    """Topic links of statements per topic, kind and speaker, all months together (0012)."""

    __tablename__ = "tally_topic_kind"
    __table_args__ = {"sqlite_with_rowid": False}

    topic_id: int = _key()
    kind: str = Field(primary_key=True, max_length=8)
    speaker_id: int = _key()
    quotes: int


class TallyTopicOutlet(SQLModel, table=True):
    """Topic links of statements per topic, month, kind and outlet ('' for none; 0012)."""

    __tablename__ = "tally_topic_outlet"
    __table_args__ = {"sqlite_with_rowid": False}

    topic_id: int = _key()
    month: int = _key()
    kind: str = Field(primary_key=True, max_length=8)
    outlet: str = Field(primary_key=True)
    quotes: int


class TallyTopicSpeakerOutlet(SQLModel, table=True):
    """Topic links of statements per topic, speaker and outlet, all months and kinds together
    ('' for no outlet; migration 0018): a speaker's or a country's outlets on a topic."""

    __tablename__ = "tally_topic_speaker_outlet"
    __table_args__ = {"sqlite_with_rowid": False}

    topic_id: int = _key()
    speaker_id: int = _key()
    outlet: str = Field(primary_key=True)
    quotes: int


TALLIES = (
    TallySpeaker,
    TallySpeakerMonth,
    TallySpeakerTopic,
    TallyTopicMonth,
    TallySpeakerOutlet,
    TallyTopicSpeaker,
    TallyTopicKind,
    TallyTopicOutlet,
    TallyTopicSpeakerOutlet,
)


def attr(attribute: object) -> QueryableAttribute[Any]:
    """A model attribute as loader options take it (`selectinload`, `load_only`), where SQLModel
    types it as its value; the relationship counterpart of `sqlmodel.col`."""
    assert isinstance(attribute, QueryableAttribute)
    return attribute


def table(model: type[SQLModel]) -> Table:
    """The Core table of a table model, for plain SQL statements built once."""
    # SQLModel sets __table__ on every table model but does not declare it.
    return model.__table__  # type: ignore[attr-defined]
