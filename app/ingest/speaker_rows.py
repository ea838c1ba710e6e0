"""Speaker rows for the store: an extracted speaker name to its row, inside the article's
transaction, in plain SQL statements (the ORM's bookkeeping cost more than the queries)."""

from dataclasses import dataclass

from sqlalchemy import and_, bindparam, insert, or_, select, text, update
from sqlalchemy.engine import Connection
from sqlalchemy.exc import IntegrityError
from sqlmodel import col

from app.extract.speakers.names import (
    normalise_name,
    same_person,
    sexes_differ,
    sort_key,
    speaker_slug,
)
from app.models import Speaker, SpeakerAlias, table

# Writers take turns, so a slug conflict only comes from a writer that does not; each attempt
# re-reads what that writer committed.
ATTEMPTS = 3

# The table's own columns: these rows become SpeakerRow, whose id is never None (the model's
# `int | None` is for a speaker not yet saved).
_SPEAKER = table(Speaker).c
_COLUMNS = (
    _SPEAKER.id, _SPEAKER.slug, _SPEAKER.name, _SPEAKER.country, _SPEAKER.role, _SPEAKER.kind
)  # fmt: skip
_BY_KEY = select(*_COLUMNS).join(SpeakerAlias).where(col(SpeakerAlias.key) == bindparam("key"))
_BY_ALIAS = _BY_KEY.where(col(Speaker.article_id).is_(None)).distinct()
# A speaker named by a given name alone is found only from the article that names them.
_BY_ALIAS_HERE = _BY_KEY.where(col(Speaker.article_id) == bindparam("article_id")).distinct()
# An alias's last word, as migration 0014 indexes it (the expression must be the index's own
# for the index to answer it). Keys are lowercase words joined by single spaces.
SURNAME = {
    "sqlite": "substr(key, length(rtrim(key, replace(key, ' ', ''))) + 1)",
    "postgresql": "regexp_replace(key, '^.* ', '')",
}
# Each speaker with an alias ending in the surname, once (not an article's given-name one).
_BY_SURNAME = {
    dialect: select(*_COLUMNS).where(
        col(Speaker.id).in_(
            select(col(SpeakerAlias.speaker_id)).where(text(f"{surname} = :surname"))
        ),
        col(Speaker.article_id).is_(None),
    )
    for dialect, surname in SURNAME.items()
}
_HAS_ALIAS = select(col(SpeakerAlias.id)).where(
    col(SpeakerAlias.speaker_id) == bindparam("speaker_id"),
    col(SpeakerAlias.alias) == bindparam("alias"),
)
# Slugs taken by `base` and its numbered variants. On SQLite a range over the slug index (slugs
# are lowercase ASCII, compared byte by byte) rather than LIKE, which would scan every slug;
# PostgreSQL's collation may not order "-" and "." by their bytes, so it keeps LIKE.
_SLUGS = {
    "sqlite": select(col(Speaker.slug)).where(
        or_(
            col(Speaker.slug) == bindparam("base"),
            and_(
                col(Speaker.slug) >= bindparam("numbered"), col(Speaker.slug) < bindparam("after")
            ),
        )
    ),
    "postgresql": select(col(Speaker.slug)).where(
        or_(col(Speaker.slug) == bindparam("base"), col(Speaker.slug).like(bindparam("pattern")))
    ),
}
# Built once: building a statement costs several times more than running it.
_INSERT_SPEAKER = insert(table(Speaker))
_UPDATE_SPEAKER = update(table(Speaker)).where(col(Speaker.id) == bindparam("speaker_id"))
_INSERT_ALIAS = insert(table(SpeakerAlias))


@dataclass
class SpeakerRow:
    id: int
    slug: str
    name: str
    country: str | None
    role: str | None
    kind: str = "person"


class SpeakerRows:
    """Finds the speaker row a name stands for across articles, adding it when new, on one
    connection inside its transaction.

    Each answer is remembered for the rest of the transaction: asking for the same name,
    country and role again would find the same row and change nothing, so the queries are
    skipped (an article names its few speakers many times).
    """

    def __init__(self, conn: Connection):
        self.conn = conn
        self.known: dict[tuple[str, str | None, str | None, int | None], SpeakerRow] = {}

    def row_for(
        self,
        name: str | None,
        country: str | None,
        role: str | None,
        kind: str = "person",
        article_id: int | None = None,
    ) -> SpeakerRow | None:
        """The speaker `name` refers to, or a new one of this kind (person, organisation,
        group, outlet); None for no name (speaker unknown). With `article_id`, the name
        tells who only within that article (a given name alone): that article's speaker."""
        if not name or not normalise_name(name):
            return None
        asked = (name, country, role, article_id)
        if asked not in self.known:
            self.known[asked] = self._find_or_add(name, country, role, kind, article_id)
        return self.known[asked]

    def _find_or_add(
        self, name: str, country: str | None, role: str | None, kind: str, article_id: int | None
    ) -> SpeakerRow:
        key = normalise_name(name)
        speaker = self._find_or_create(name, key, country, role, kind, article_id)
        before = (speaker.name, speaker.country, speaker.role)
        speaker.country = speaker.country or country
        speaker.role = speaker.role or role
        if len(name.split()) > len(speaker.name.split()):
            speaker.name = name  # "Duarte" seen first, "Helena Duarte" later: the fuller name
        if (speaker.name, speaker.country, speaker.role) != before:
            values = {"name": speaker.name, "country": speaker.country, "role": speaker.role}
            values["sort_key"] = sort_key(speaker.name, speaker.kind)
            self.conn.execute(_UPDATE_SPEAKER, {"speaker_id": speaker.id, **values})
        self._remember_alias(speaker, name, key)
        return speaker

    def _find_or_create(
        self,
        name: str,
        key: str,
        country: str | None,
        role: str | None,
        kind: str,
        article_id: int | None,
    ) -> SpeakerRow:
        for attempt in range(1, ATTEMPTS + 1):
            if article_id is not None:
                found = self._in_article(key, article_id)
            else:
                found = self._by_alias(name, key, country) or self._by_surname(name, key, country)
            if found is not None:
                return found
            slug = self._free_slug(name)
            values: dict[str, str | int | None] = {"slug": slug, "name": name, "kind": kind}
            values.update(country=country, role=role, sort_key=sort_key(name, kind))
            values["article_id"] = article_id
            try:
                # A savepoint, so losing a race for the slug undoes this insert only; the next
                # attempt sees the winner's row and resolves to it (or picks the next free slug).
                with self.conn.begin_nested():
                    result = self.conn.execute(_INSERT_SPEAKER, values)
                new_key = result.inserted_primary_key
                assert new_key is not None  # always set by a one-row insert
                return SpeakerRow(new_key[0], slug, name, country, role, kind)
            except IntegrityError:
                if attempt == ATTEMPTS:
                    raise
        raise AssertionError("unreachable")

    def _by_alias(self, name: str, key: str, country: str | None) -> SpeakerRow | None:
        for row in self.conn.execute(_BY_ALIAS, {"key": key}):
            if sexes_differ(name, row.name):
                continue  # "Mr Lam" and "Mrs Lam" share the key "lam", not the person
            if not country or not row.country or row.country == country:
                return SpeakerRow(*row)
        return None

    def _in_article(self, key: str, article_id: int) -> SpeakerRow | None:
        row = self.conn.execute(_BY_ALIAS_HERE, {"key": key, "article_id": article_id}).first()
        return SpeakerRow(*row) if row is not None else None

    def _by_surname(self, name: str, key: str, country: str | None) -> SpeakerRow | None:
        surname = key.split()[-1]
        rows = self.conn.execute(_BY_SURNAME[self.conn.dialect.name], {"surname": surname})
        matches = [row for row in rows if same_person(name, country, row.name, row.country)]
        # Two different people fit: a guess would put words in the wrong mouth.
        return SpeakerRow(*matches[0]) if len(matches) == 1 else None

    def _remember_alias(self, speaker: SpeakerRow, alias: str, key: str) -> None:
        known = self.conn.execute(_HAS_ALIAS, {"speaker_id": speaker.id, "alias": alias}).first()
        if known is None:
            values = {"speaker_id": speaker.id, "alias": alias, "key": key}
            self.conn.execute(_INSERT_ALIAS, values)

    def _free_slug(self, name: str) -> str:
        base = speaker_slug(name) or "speaker"
        bounds = {"base": base, "numbered": f"{base}-", "after": f"{base}.", "pattern": f"{base}-%"}
        taken = set(self.conn.scalars(_SLUGS[self.conn.dialect.name], bounds))
        if base not in taken:
            return base
        n = 2
        while f"{base}-{n}" in taken:
            n += 1
        return f"{base}-{n}"
