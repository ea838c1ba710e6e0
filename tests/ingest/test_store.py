import json
from dataclasses import replace
from importlib import import_module

from sqlalchemy import text
from sqlmodel import Session, func, select

from app.extract.article import ExtractedArticle
from app.ingest.speaker_rows import SURNAME, SpeakerRows
from app.ingest.store import content_hash, store_article
from app.models import Article, Quote, Speaker, SpeakerAlias
from tests.conftest import TOPIC_NAMES, quote_in, sample_articles
from tests.support.regenerate_store import FIXTURES, load_articles, store_all, stored_rows


def _count(engine, model) -> int:
    with Session(engine) as session:
        return session.exec(select(func.count()).select_from(model)).one()


def test_store_same_article_twice_is_stored_once(engine):
    source, article = sample_articles()[0]
    first = store_article(engine, source, article, TOPIC_NAMES)
    again = store_article(engine, "elsewhere/copy.txt", article, TOPIC_NAMES)
    assert (first.status, again.status) == ("new", "unchanged")
    assert again.article_id == first.article_id
    assert _count(engine, Article) == 1
    assert _count(engine, Quote) == len(article.quotes)


def test_store_changed_article_replaces_its_quotes(engine):
    source, article = sample_articles()[0]
    first = store_article(engine, source, article, TOPIC_NAMES)
    text = article.text + "\n\nA late paragraph."
    changed = replace(article, text=text, quotes=article.quotes[:1])
    result = store_article(engine, source, changed, TOPIC_NAMES)
    assert result.status == "updated"
    assert result.article_id == first.article_id
    with Session(engine) as session:
        stored = session.get(Article, first.article_id)
        assert stored.text == text
        assert [q.text for q in stored.quotes] == [article.quotes[0].text]


def test_store_merges_spellings_of_one_speaker(engine):
    for source, article in sample_articles():
        store_article(engine, source, article, TOPIC_NAMES)
    with Session(engine) as session:
        lavrov = session.exec(select(Speaker).where(Speaker.slug == "sergey-lavrov")).one()
        aliases = {a.alias for a in lavrov.aliases}
        assert aliases == {"Sergey Lavrov", "Sergei Lavrov"}
        assert len(lavrov.quotes) == 2
        assert lavrov.country == "RU"


def test_store_keeps_people_sharing_a_surname_apart(engine):
    with engine.begin() as conn:
        donald = SpeakerRows(conn).row_for("Donald Trump", "US", None)
        ivanka = SpeakerRows(conn).row_for("Ivanka Trump", "US", None)
        assert donald.id != ivanka.id
        assert {donald.slug, ivanka.slug} == {"donald-trump", "ivanka-trump"}


def test_store_keeps_mrs_lam_apart_from_joshua_lam(engine):
    with engine.begin() as conn:
        son = SpeakerRows(conn).row_for("Joshua Lam", None, None)
        mother = SpeakerRows(conn).row_for("Mrs Lam", None, None)
        assert mother.id != son.id and mother.slug == "mrs-lam"
        assert SpeakerRows(conn).row_for("Mr Lam", None, None).id == son.id


def test_store_finds_a_bare_surname_through_the_surname_index(engine):
    with engine.begin() as conn:
        lima = SpeakerRows(conn).row_for("Ana Maria Lima", "BR", None)
        cruz = SpeakerRows(conn).row_for("Sofia de la Cruz", "MX", None)
        SpeakerRows(conn).row_for("Limaverde", "BR", None)  # ends in "lima" only as a word part
        assert SpeakerRows(conn).row_for("Lima", "BR", None).id == lima.id
        assert SpeakerRows(conn).row_for("Cruz", "MX", None).id == cruz.id
        dialect = conn.dialect.name
        surnames = text(f"SELECT key, {SURNAME[dialect]} FROM speaker_alias ORDER BY key")
        assert dict(conn.execute(surnames).all()) == {
            "ana maria lima": "lima",
            "cruz": "cruz",
            "lima": "lima",
            "limaverde": "limaverde",
            "sofia de la cruz": "cruz",
        }
        # The store's expression is the one migration 0014 indexed, and the index answers it.
        assert SURNAME == import_module("migrations.versions.0014_speaker_alias_surname").SURNAME
        explain = "EXPLAIN QUERY PLAN " if dialect == "sqlite" else "EXPLAIN "
        if dialect == "postgresql":
            conn.execute(text("SET LOCAL enable_seqscan = off"))
        lookup = f"SELECT speaker_id FROM speaker_alias WHERE {SURNAME[dialect]} = :surname"
        plan = " ".join(map(str, conn.execute(text(explain + lookup), {"surname": "lima"}).all()))
        assert "ix_speaker_alias_surname" in plan


def test_store_numbers_a_taken_slug_through_an_index(engine):
    with engine.begin() as conn:
        rows = SpeakerRows(conn)
        first = rows.row_for("Ana Lima", "BR", None)
        second = rows.row_for("Ana Lima", "PT", None)  # another person: same name, other country
        assert (first.slug, second.slug) == ("ana-lima", "ana-lima-2")
        if conn.dialect.name == "postgresql":  # its collation's unique index cannot answer LIKE
            conn.execute(text("SET LOCAL enable_seqscan = off"))
            taken = "SELECT slug FROM speaker WHERE slug = :base OR slug LIKE :pattern"
            bounds = {"base": "ana-lima", "pattern": "ana-lima-%"}
            plan = conn.execute(text("EXPLAIN " + taken), bounds).scalars()
            assert "ix_speaker_slug_pattern" in " ".join(plan)


def test_store_unknown_speaker_keeps_quote_without_speaker(engine):
    for source, article in sample_articles():
        store_article(engine, source, article, TOPIC_NAMES)
    with Session(engine) as session:
        orphan = session.exec(select(Quote).where(Quote.speaker_id.is_(None))).one()
        assert orphan.text == '"Nobody can be sure,"'


def test_store_slug_is_stable_across_reingest(engine):
    source, article = sample_articles()[0]
    store_article(engine, source, article, TOPIC_NAMES)
    changed = replace(article, text=article.text + " More.")
    store_article(engine, source, changed, TOPIC_NAMES)
    with Session(engine) as session:
        slugs = session.exec(select(Speaker.slug).order_by(Speaker.slug)).all()
    assert slugs == ["mike-pompeo", "sergey-lavrov"]
    assert _count(engine, SpeakerAlias) == 2


def test_store_topics_are_linked(engine):
    source, article = sample_articles()[0]
    store_article(engine, source, article, TOPIC_NAMES)
    with Session(engine) as session:
        pompeo_quote = session.exec(select(Quote).where(Quote.kind == "indirect")).one()
        assert sorted(t.slug for t in pompeo_quote.topics) == ["iran", "sanctions"]
        assert {t.name for t in pompeo_quote.topics} == {"Iran", "Sanctions"}


def test_store_content_hash_ignores_whitespace_only_changes():
    assert content_hash("a  b\n\nc") == content_hash("a b c ")
    assert content_hash("a b c") != content_hash("a b d")


def test_quote_in_helper_locates_fragment():
    text = 'x "y" z'
    quote = quote_in(text, '"y"')
    assert text[quote.start : quote.end] == '"y"'


def test_store_bare_surname_grows_into_full_name(engine):
    with engine.begin() as conn:
        speakers = SpeakerRows(conn)
        bare = speakers.row_for("Duarte", "BR", None)
        full = speakers.row_for("Helena Duarte", "BR", "Foreign Minister")
        assert bare.id == full.id
        assert (full.name, full.slug, full.role) == ("Helena Duarte", "duarte", "Foreign Minister")


def test_store_writes_the_expected_rows(engine):
    """Every row, ids included, that the store writes for 30 articles, one of them changed and
    one copied; after a deliberate change run `python -m tests.support.regenerate_store`."""
    expected = json.loads((FIXTURES / "rows.json").read_text(encoding="utf-8"))
    statuses = store_all(engine, load_articles())
    assert {"statuses": statuses, **stored_rows(engine)} == expected


def test_store_resolves_a_name_repeated_in_an_article_to_one_speaker(engine):
    with engine.begin() as conn:
        speakers = SpeakerRows(conn)
        first = speakers.row_for("Ana Lima", "BR", None)
        again = speakers.row_for("Ana Lima", "BR", None)
        surname = speakers.row_for("Lima", "BR", "Foreign Minister")
    assert first.id == again.id == surname.id
    with Session(engine) as session:
        lima = session.get(Speaker, first.id)
        assert sorted(a.alias for a in lima.aliases) == ["Ana Lima", "Lima"]
        assert (lima.name, lima.role) == ("Ana Lima", "Foreign Minister")


def test_store_files_someone_never_named_with_groups_not_people(engine):
    text = 'A Venezuelan businessman said the border would reopen. "Soon," said Ana Lima.'
    article = ExtractedArticle(
        text=text,
        title="Border",
        outlet=None,
        date=None,
        quotes=(
            quote_in(
                text, "the border would reopen", kind="indirect", speaker="a Venezuelan businessman"
            ),
            quote_in(text, '"Soon,"', speaker="Ana Lima"),
        ),
    )
    store_article(engine, "border.txt", article, TOPIC_NAMES)
    with Session(engine) as session:
        kinds = {s.name: s.kind for s in session.exec(select(Speaker))}
    assert kinds == {"a Venezuelan businessman": "group", "Ana Lima": "person"}


def _store(engine, source: str, text: str, fragment: str, given_name: str):
    """One article quoting someone it names by `given_name` alone."""
    quote = quote_in(text, fragment, speaker=given_name, named_alone=True)
    article = ExtractedArticle(text=text, title=None, outlet=None, date=None, quotes=(quote,))
    return store_article(engine, source, article, TOPIC_NAMES)


def test_store_keeps_each_articles_given_name_speaker_its_own(engine):
    farm = 'Her husband, Tom, moved the cattle. "The animals are safe," Tom said.'
    rink = 'His coach, Tom, was blunt. "We were slow," Tom said.'
    one = _store(engine, "farm.txt", farm, '"The animals', "Tom")
    two = _store(engine, "rink.txt", rink, '"We were', "Tom")
    assert one.speaker_ids != two.speaker_ids
    # Re-ingesting an article finds its own Tom again; a Tom named by surname stays apart.
    again = _store(engine, "farm.txt", farm + " Rain fell.", '"The animals', "Tom")
    assert again.status == "updated" and again.speaker_ids == one.speaker_ids
    with engine.begin() as conn:
        surname = SpeakerRows(conn).row_for("Tom", None, None)
    assert surname.id not in one.speaker_ids | two.speaker_ids
    with Session(engine) as session:
        owners = {s.slug: s.article_id for s in session.exec(select(Speaker))}
    assert owners == {"tom": one.article_id, "tom-2": two.article_id, "tom-3": None}
