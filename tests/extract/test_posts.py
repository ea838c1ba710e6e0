"""Embedded social-media posts are their authors' words. Made-up articles and people."""

from app.extract.article import ExtractedQuote, extract_article

ARTICLE = (
    "Poland summons envoy after drone incursion\n\n"
    "WARSAW - Poland summoned a neighbour's envoy on Monday after a drone crossed its border.\n\n"
    "Foreign Minister Tomasz Wilk wrote on social media that it was no accident.\n\n"
    "We have summoned the chargé d'affaires. Every violation of our airspace will receive a "
    "response. https://t.co/AbC123xyz\n\n"
    "— Tomasz Wilk (@TWilk_MSZ) March 3, 2025\n\n"
    "Lithuania's foreign minister, Gintare Balciuniene, weighed in too.\n\n"
    "Solidarity with Poland. The alliance says an attack on one border is an attack on all "
    "of us. pic.twitter.com/Xy12Ab— Gintare Balciuniene (@GBalciuniene) March 3, 2025\n\n"
    "Thanks!— Ana Lopes (@analopes) March 3, 2025\n"
)


def quotes() -> list[ExtractedQuote]:
    return list(extract_article(ARTICLE).quotes)


def test_a_posts_words_are_its_authors_through_the_handle():
    post = next(q for q in quotes() if q.text.startswith("We have summoned"))
    assert post.speaker == "Tomasz Wilk" and post.speaker_country == "PL"
    assert post.via == "@TWilk_MSZ" and post.kind == "direct"
    assert post.text.endswith("will receive a response.")  # the link is no part of it


def test_a_signature_in_the_posts_own_paragraph_and_a_report_inside_it():
    found = quotes()
    post = next(q for q in found if q.text.startswith("Solidarity with Poland"))
    assert post.speaker == "Gintare Balciuniene" and post.text.endswith("all of us.")
    inside = [q for q in found if q is not post and post.start <= q.start < post.end]
    assert inside and inside[0].speaker != "Gintare Balciuniene"  # the alliance's words


def test_a_post_of_a_word_is_no_quote():
    assert not any("Thanks" in q.text for q in quotes())


PULL_QUOTES = (
    "Storm leaves thousands without power\n\n"
    "More than 600,000 customers lost power on Saturday as winds reached 90 km/h.\n\n"
    "It's very bad for our senior population if they have nothing in the way of backup. "
    "Rod Petersen, Lake Cowichan mayor\n\n"
    "Due to the extent of the damage, some areas will be without power for several more "
    "days. Island Power\n\n"
    "Crews worked through the night, the utility said. Reuters\n\n"
    "Mayor Ann Lee speaks to reporters at city hall in Duncan on Dec. 22, 2018, about the "
    "storm damage and the cleanup to come. Adrian Wylde\n\n"
    "Officials later thanked Ann Lee.\n"
)


def test_a_pull_quote_is_the_words_of_the_name_printed_after_it():
    by_text = {q.text: q for q in extract_article(PULL_QUOTES).quotes}
    mayor = by_text[
        "It's very bad for our senior population if they have nothing in the way of backup."
    ]
    assert mayor.speaker == "Rod Petersen" and mayor.kind == "direct"
    utility = next(q for q in by_text.values() if q.text.startswith("Due to the extent"))
    assert utility.speaker == "Island Power"


def test_a_wire_credit_a_photo_credit_and_a_sentence_ending_on_a_name_are_no_pull_quotes():
    speakers = {q.speaker for q in extract_article(PULL_QUOTES).quotes}
    assert not speakers & {"Reuters", "Adrian Wylde", "Ann Lee"}
