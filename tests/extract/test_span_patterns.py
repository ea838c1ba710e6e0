"""Which stretches are someone's words, as reported-speech annotation reads them: scene-setting
phrases before a speech verb are not, interrupted quotations are one quote, a naming verb's
object belongs with what it was called. Made-up sentences, fictional people."""

from app.extract.article import extract_article


def texts(article: str) -> list[str]:
    return [q.text for q in extract_article(article).quotes]


def test_fronted_scene_setting_phrase_is_not_speech():
    article = (
        "Harbour vote\n\n"
        "At Tuesday's council meeting, Mayor Ilse Varga mentioned the ferry contract.\n\n"
        "As the crowd filed out, Varga highlighted the work of the volunteers.\n\n"
        "In her newsletter last week, councillor Dana Orbe described the harbour plan.\n"
    )
    assert texts(article) == []


def test_fronted_clause_before_a_bare_speech_verb_is_still_speech():
    article = "Harbour vote\n\nThe ferry will run twice a day from May, Mayor Ilse Varga said.\n"
    assert texts(article) == ["The ferry will run twice a day from May"]


def test_naming_verb_quote_keeps_what_was_named():
    article = (
        "Bridge dispute\n\n"
        "On Monday the engineer Tomas Reyl called the repair schedule a fantasy.\n\n"
        'The union leader Mara Vint described the new contract as a "betrayal".\n'
    )
    got = texts(article)
    assert "the repair schedule a fantasy" in got
    assert 'the new contract as a "betrayal"' in got


def test_quotations_woven_into_one_clause_are_one_quote():
    article = (
        "Water board\n\n"
        'The engineer Lena Probst said the pipes were "in a shocking state" and '
        '"nobody wants to pay for new ones."\n'
    )
    assert texts(article) == [
        'the pipes were "in a shocking state" and "nobody wants to pay for new ones."'
    ]


def test_quotations_heading_clauses_of_their_own_stay_apart():
    article = (
        "Water board\n\n"
        'The engineer Lena Probst said that "the pipes are in a shocking state", but that, '
        'after the vote, "the new budget gives us room to replace them."\n'
    )
    assert len(texts(article)) == 2


def test_quotations_woven_into_one_clause_with_a_relative_that_are_one_quote():
    article = (
        "Senate\n\n"
        "Sen. Ann Keller, D-Mich., a member of the leadership team, said Dalton has “an uncanny "
        "way to be able to listen” to the various views and end up with a position that "
        "“eventually everybody can feel OK with.”\n"
    )
    assert len(texts(article)) == 1


def test_title_in_marks_next_to_a_speech_verb_is_not_a_quote():
    article = (
        "Morning radio\n\n"
        'The senator Ida Marsh said on Tuesday\'s episode of "The Early Coffee Hour," that '
        "the tax plan would pass by spring.\n"
    )
    got = texts(article)
    assert '"The Early Coffee Hour,"' not in got


def test_imperative_speech_verb_addresses_the_reader():
    article = (
        "Saving for school\n\n"
        "Let's say you expect a four-year degree to cost far more in ten years.\n\n"
        "Now tell us this is a fair way to pay for the new stadium!\n"
    )
    assert texts(article) == []


def test_what_someone_calls_for_is_their_demand():
    article = (
        "Harbour vote\n\n"
        "The fishermen's union has called for a full review of the ferry tender.\n\n"
        "On Monday councillor Dana Orbe called for lowering the harbour fees.\n"
    )
    got = texts(article)
    assert "a full review of the ferry tender" in got
    assert "lowering the harbour fees" in got


def test_a_document_calling_for_something_is_not_speech():
    article = (
        "Harbour vote\n\n"
        "For the past ten years calls to the harbour office have risen every winter.\n\n"
        "Mayor Ilse Varga signed a motion calling for a new breakwater.\n"
    )
    assert texts(article) == []


def test_a_thing_called_by_its_name_is_not_a_quote():
    article = (
        "Bridge dispute\n\n"
        "The levy, called the Span Fund, pays for repairs on the old bridge.\n\n"
        "Engineer Tomas Reyl called a meeting to review the repair schedule.\n"
    )
    assert texts(article) == []


def test_present_tense_verb_that_looks_like_a_noun_still_reports():
    article = (
        "Harbour vote\n\n"
        "Mayor Ilse Varga wants a new ferry.\n\n"
        "But Varga claims that the old boat can run for one more winter.\n\n"
        "Councillor Dana Orbe notes that the repair bill has doubled since May.\n"
    )
    got = texts(article)
    assert "that the old boat can run for one more winter" in got
    assert "that the repair bill has doubled since May" in got


def test_what_someone_told_an_audience_is_their_words():
    # The parser hangs the that-clause on the audience ('a meeting … that few people …').
    article = (
        "Harbour vote\n\n"
        "Mayor Ilse Varga spent the week on the coast.\n\n"
        "Last week, she told a meeting of harbour leaders that few people understood the "
        "tides better than the residents of their coast.\n"
    )
    assert texts(article) == [
        "that few people understood the tides better than the residents of their coast"
    ]


def test_a_that_clause_after_a_briefing_is_what_was_said():
    # The parser reads "that" as a relative pronoun (the briefing that China supported …).
    article = (
        "Harbour talks\n\n"
        "Foreign ministry spokesperson Lin Hao said at a regular briefing that China "
        "supported dialogue.\n\n"
        "He spoke at a briefing that lasted an hour.\n"
    )
    assert texts(article) == ["that China supported dialogue"]


def test_a_second_speaker_clause_ends_the_first_report():
    article = (
        "Harbour vote\n\n"
        "Mayor Ilse Varga said the ferry would keep running through the winter, though she "
        "noted the crew was still short of two deckhands.\n\n"
        "Engineer Tomas Reyl said that the pier was sound, and the union warned that the "
        "cables under it were rusting.\n"
    )
    got = texts(article)
    assert "the ferry would keep running through the winter" in got
    assert "the crew was still short of two deckhands" in got
    assert "that the pier was sound" in got
    assert "that the cables under it were rusting" in got


def test_a_when_clause_stays_inside_the_report():
    article = (
        "Harbour vote\n\n"
        "Mayor Ilse Varga said the council members were misleading voters when they say "
        "the ferry costs too much.\n"
    )
    assert texts(article)[0].startswith("the council members were misleading voters when")


def test_a_clause_before_a_colon_is_not_the_next_speakers_words():
    article = (
        "Harbour vote\n\n"
        "The vote on the ferry contract ended a long week of quarrels at city hall: "
        "Mayor Ilse Varga said she was relieved.\n"
    )
    got = texts(article)
    assert not any(q.startswith("The vote on the ferry contract") for q in got)


def test_quotations_that_finish_clauses_the_writer_began_are_one_quote_with_them():
    article = (
        "Alliance\n\n"
        'Foreign Minister Lena Vogt said Berlin backed Kyiv "with everything we have" but that '
        'talk of a date was "not helpful right now."\n'
    )
    assert texts(article) == [
        'Berlin backed Kyiv "with everything we have" but that talk of a date was '
        '"not helpful right now."'
    ]
