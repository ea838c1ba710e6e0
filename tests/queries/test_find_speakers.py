"""Speakers found by what was typed are kept until the data changes: the same words are not
looked up twice, yet a speaker stored after a look-up is found by the next one, and a caller
changing its list changes no one else's."""

from datetime import date

from sqlmodel import Session

from app.extract.article import ExtractedArticle
from app.ingest.store import store_article
from app.queries.speakers import find_speakers, may_name
from tests.conftest import TOPIC_NAMES, quote_in, sample_articles
from tests.support.statements import statements_naming


def _slugs(engine, typed: str, whole_words: bool = False) -> list[str]:
    with Session(engine) as session:
        return [m.slug for m in find_speakers(session, typed, whole_words=whole_words)]


def _store_ana_lima(engine) -> None:
    """A new speaker, in an article of their own."""
    text = 'Oil and pressure\n\n"Prices will rise," said Ana Lima.'
    article = ExtractedArticle(
        text, "Oil and pressure", "Other Herald", date(2021, 3, 1),
        (quote_in(text, '"Prices will rise,"', speaker="Ana Lima"),),
    )  # fmt: skip
    store_article(engine, "samples/oil.txt", article, TOPIC_NAMES)


def test_a_speaker_stored_after_a_look_up_is_found_by_the_next(engine):
    for source, article in sample_articles():
        store_article(engine, source, article, TOPIC_NAMES)
    assert _slugs(engine, "lavrov", whole_words=True) == ["sergey-lavrov"]
    assert _slugs(engine, "Ana Lima") == []
    _store_ana_lima(engine)
    assert _slugs(engine, "Ana Lima") == ["ana-lima"]


def test_changing_the_list_returned_changes_no_later_answer(engine):
    for source, article in sample_articles():
        store_article(engine, source, article, TOPIC_NAMES)
    with Session(engine) as session:
        first = find_speakers(session, "lavrov")
        first.clear()
        assert [m.slug for m in find_speakers(session, "lavrov")] == ["sergey-lavrov"]


def test_the_same_words_again_are_not_looked_up_again(engine):
    for source, article in sample_articles():
        store_article(engine, source, article, TOPIC_NAMES)
    _slugs(engine, "pompeo", whole_words=True)
    with statements_naming(engine, "speaker_alias") as alias_reads:
        assert _slugs(engine, "pompeo", whole_words=True) == ["mike-pompeo"]
    assert alias_reads == []


def _may_name(engine, text: str) -> bool:
    with Session(engine) as session:
        return may_name(session, text)


def test_words_no_speaker_could_fit_are_told_apart_without_reading_the_spellings(engine):
    for source, article in sample_articles():
        store_article(engine, source, article, TOPIC_NAMES)
    _may_name(engine, "warm up")  # reads the spellings' words once
    with statements_naming(engine, "speaker_alias") as alias_reads:
        assert not _may_name(engine, "sanctions")
        assert not _may_name(engine, "lavrov sanctions")  # every word must fit
        assert not _may_name(engine, "")
    assert alias_reads == []
    assert _slugs(engine, "sanctions", whole_words=True) == []


def test_every_word_an_exact_match_needs_passes_the_first_test(engine):
    for source, article in sample_articles():
        store_article(engine, source, article, TOPIC_NAMES)
    # A surname, a whole name, other case and accents, and a close spelling (Sergei/Sergey).
    for typed in ("lavrov", "Sergey Lavrov", "LAVRÖV", "sergei lavrov", "Pompeo"):
        with Session(engine) as session:
            exact = [m for m in find_speakers(session, typed, whole_words=True) if m.exact]
        assert exact, typed
        assert _may_name(engine, typed), typed


def test_a_speaker_stored_later_widens_the_words_that_may_name(engine):
    for source, article in sample_articles():
        store_article(engine, source, article, TOPIC_NAMES)
    assert not _may_name(engine, "Lima")
    _store_ana_lima(engine)
    assert _may_name(engine, "Lima")
