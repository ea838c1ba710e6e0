"""Hard-wrapped text: wrapped lines joined, offsets kept, one-paragraph-a-line text untouched.
Made-up articles, fictional people."""

from app.extract.article import extract_article
from app.extract.text.wrapping import unwrap

WRAPPED = (
    "Ministers meet in Oslo\n\n"
    "OSLO, June 2 - Norwegian Foreign Minister Ingrid Solberg said on Monday\n"
    "that the talks between the two delegations had made real progress, and\n"
    "that a second round would follow in July.\n\n"
    '"We have come further in two days than in the last two years," Solberg\n'
    'told reporters after the meeting. "Nobody expected this."\n\n'
    "Venezuelan envoy Ramón Díaz said his government was ready to sign a\n"
    "framework agreement, but warned that sanctions relief had to come first.\n"
)


def test_wrapped_lines_join_and_offsets_hold():
    flat = unwrap(WRAPPED)
    assert len(flat) == len(WRAPPED)
    assert "Solberg said on Monday that the talks" in flat
    assert "," + '" Solberg told reporters' in flat
    # Paragraph breaks and sentence ends stay line breaks.
    assert "in July.\n\n" in flat
    assert flat.split("\n")[0] == "Ministers meet in Oslo"


def test_text_a_paragraph_a_line_is_left_alone():
    one_a_line = (
        "Talks end\n\n"
        "Foreign Minister Ana Lima said the talks had ended without a deal on Friday.\n"
        "Envoy Ben Ode said the two sides would meet again within the next month.\n"
        "Lima said her government would not give up on a deal with its neighbours.\n"
        "Ode added that both capitals wanted calm along the border this winter.\n"
    )
    assert unwrap(one_a_line) == one_a_line
    long_lines = WRAPPED.replace("Monday\n", "Monday " + "and more " * 12 + "\n")
    assert unwrap(long_lines) == long_lines  # a line over 100 characters: not wrapped


def test_a_wrapped_article_keeps_its_speakers():
    quotes = [(q.text[:20], q.speaker) for q in extract_article(WRAPPED).quotes]
    assert quotes == [
        ("that the talks betwe", "Ingrid Solberg"),
        ('"We have come furthe', "Ingrid Solberg"),
        ('"Nobody expected thi', "Ingrid Solberg"),
        ("his government was r", "Ramón Díaz"),
        ("that sanctions relie", "Ramón Díaz"),
    ]
