import datetime
import json

import pytest

from app.extract.article import article_json, extract_article
from tests.support.regenerate_extract import expected_record, fixture_texts

FIXTURES = fixture_texts()


@pytest.mark.parametrize("path", FIXTURES, ids=[p.stem for p in FIXTURES])
def test_extract_article_matches_expected_file(path):
    """Parser cases; after a deliberate change run `python -m tests.support.regenerate_extract`."""
    expected = json.loads(path.with_suffix(".expected.json").read_text(encoding="utf-8"))
    got = expected_record(extract_article(path.read_text(encoding="utf-8")))
    assert got == expected


@pytest.mark.parametrize("path", FIXTURES, ids=[p.stem for p in FIXTURES])
def test_extract_article_offsets_index_the_text(path):
    text = path.read_text(encoding="utf-8")
    for q in extract_article(text).quotes:
        assert text[q.start : q.end] == q.text
        assert q.sentence_start <= q.start and q.end <= q.sentence_end + 1
        assert 0.0 <= q.confidence <= 1.0
        assert q.kind in ("direct", "indirect", "mixed")


def test_extract_article_direct_quote_after_and_before_speaker():
    text = 'Budget row\n\n"We will not cut pensions," Finance Minister Jane Doe said.\n'
    (q,) = extract_article(text).quotes
    assert (q.kind, q.text, q.speaker, q.cue) == (
        "direct",
        '"We will not cut pensions,"',
        "Jane Doe",
        "said",
    )


def test_extract_article_inverted_speech_verb():
    text = 'Budget row\n\n"The plan is dead and everybody knows it," said Senator Paul Brand.\n'
    (q,) = extract_article(text).quotes
    assert q.speaker == "Paul Brand"


def test_extract_article_pronoun_resolves_to_previous_speaker():
    text = (
        "Budget row\n\nJane Doe said the budget would balance by 2026.\n\n"
        "She added that no new taxes were planned for next year.\n"
    )
    quotes = extract_article(text).quotes
    assert [q.speaker for q in quotes] == ["Jane Doe", "Jane Doe"]
    assert quotes[1].speaker_mention == "She"


def test_extract_article_scare_quotes_and_headlines_are_not_quotes():
    text = (
        'Minister Says Plan Is "Dead In The Water"\n\n'
        'The so-called "reform" was debated in parliament on Monday for six hours.\n'
    )
    assert extract_article(text).quotes == ()


def test_extract_article_official_gets_country_from_data_file():
    text = "Talks\n\nLavrov said Moscow was ready to talk about missile deployments.\n"
    (q,) = extract_article(text).quotes
    assert (q.speaker, q.speaker_country, q.speaker_role) == (
        "Sergey Lavrov",
        "RU",
        "Foreign Minister",
    )


def test_article_json_has_scorer_fields():
    art = extract_article('Talks\n\n"We are ready to talk to anyone," Putin said.\n')
    line = article_json("a1", "x.txt", art)
    assert set(line) == {"id", "path", "title", "outlet", "date", "article_text", "quotes"}
    assert set(line["quotes"][0]) == {
        "text",
        "start",
        "end",
        "kind",
        "speaker",
        "speaker_type",
        "via",
        "speaker_country",
        "cue",
        "topics",
        "confidence",
        "speaker_start",
        "speaker_end",
    }
    quote = line["quotes"][0]
    assert quote["speaker"] == "Vladimir Putin" and quote["speaker_type"] == "person"
    assert line["article_text"][quote["speaker_start"] : quote["speaker_end"]] == "Putin"


def test_extract_metadata_from_byline_and_dateline():
    text = (
        "Ministers meet in Oslo\n\nBy Kari Nordby | Fjord Courier\n\n"
        "OSLO, 3 April 2025 — Ministers met on Thursday.\n"
    )
    article = extract_article(text)
    assert (article.outlet, article.date) == ("Fjord Courier", datetime.date(2025, 4, 3))


def test_extract_metadata_byline_without_outlet_names_none():
    article = extract_article("Talks end\n\nBy Kari Nordby | Published 7 May 2025\n\nNo deal.\n")
    assert (article.outlet, article.date) == (None, datetime.date(2025, 5, 7))


def test_extract_country_from_possessive_apposition():
    text = (
        "Talks resume\n\n"
        "“We did not come here to make speeches,” said Sven Ekdal, Sweden’s special envoy "
        "for the talks.\n\n"
        "Chile's trade minister, Marta Quiroga, said that the deal was close.\n"
    )
    speakers = {(q.speaker, q.speaker_country) for q in extract_article(text).quotes}
    assert speakers == {("Sven Ekdal", "SE"), ("Marta Quiroga", "CL")}


def test_extract_pronoun_prefers_person_newly_named_in_its_paragraph():
    text = (
        "Talks resume\n\n"
        "“We are ready,” Foreign Minister Ana Ruiz said.\n\n"
        "Marta Ellison, a British minister, joined the appeal. "
        "“The council must act,” she said.\n"
    )
    quotes = extract_article(text).quotes
    assert [q.speaker for q in quotes] == ["Ana Ruiz", "Marta Ellison"]


def test_extract_the_region_is_never_a_person():
    text = (
        "Missile test\n\n"
        "Kim Sun-ok said that the North had fired two missiles.\n\n"
        "“This is a provocation,” she said.\n"
    )
    quotes = extract_article(text).quotes
    assert quotes[-1].speaker != "North"
