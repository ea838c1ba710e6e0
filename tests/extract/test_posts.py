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
