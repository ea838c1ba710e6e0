"""A country's body printed in lower case ("Egypt's foreign ministry") is a speaker of its own:
the "it" and the lone quotes that follow it are its words, not the last named speaker's."""

from app.extract.article import extract_article
from app.extract.speakers.bodies import unnamed_bodies
from app.extract.speakers.officials import Officials


def _speaker(text: str, fragment: str):
    quote = next(q for q in extract_article(text).quotes if fragment in q.text)
    return quote.speaker, quote.speaker_country


def test_bodies_are_found_with_their_country():
    text = (
        "Egypt's foreign ministry welcomed it; the Chinese commerce ministry did not. "
        "An Egyptian foreign ministry spokesman declined to comment. The ministry is closed."
    )
    found = [(b.text, b.country) for b in unnamed_bodies(text, Officials.load())]
    assert found == [("Egypt's foreign ministry", "EG"), ("the Chinese commerce ministry", "CN")]


def test_it_after_a_lower_case_body_is_that_body():
    text = (
        "Sudan truce holds\n\n"
        "CAIRO - Colombian envoy Ana Ruiz said the deal was fragile.\n\n"
        "Egypt's foreign ministry welcomed the deal. Cairo \"stands ready to support any effort "
        'that ends the suffering," it said in a statement.\n'
    )
    assert _speaker(text, "stands ready") == ("Egypt's foreign ministry", "EG")


def test_a_body_that_weighs_in_owns_the_quote_that_follows():
    text = (
        "Strikes near Kharkiv\n\n"
        '"The enemy lost up to 40 servicemen," Russian General Oleg Petrov said.\n\n'
        "Pakistan's foreign office also weighed in. "
        '"We are watching closely and call for restraint on all sides."\n'
    )
    speaker, country = _speaker(text, "watching closely")
    assert speaker != "Oleg Petrov" and country == "PK"
