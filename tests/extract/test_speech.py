"""Finding the quotes: verbs by lemma, tags after ?" and !", lead paragraphs, captions,
naming verbs, short quoted sentences and titles. Made-up articles, fictional people."""

import pytest
import spacy
from spacy.tokens import Doc

from app.extract.article import extract_article
from app.extract.speakers.mentions import mention_for
from app.extract.speech.content import content_of
from app.extract.speech.cues import find_cues
from app.extract.speech.speaker_phrase import subject_of
from app.extract.text.boilerplate import PHOTO_CREDIT, paragraphs
from app.extract.text.marks import scan_marked
from app.extract.text.parse import TAG_POS, get_nlp
from app.extract.verbs import inflections, lemma, mentions_speech


def texts(article: str) -> list[tuple[str, str | None]]:
    return [(q.text, q.speaker) for q in extract_article(article).quotes]


def parsed(words: list[str], heads: list[int], deps: list[str], tags: list[str]) -> Doc:
    """A sentence as the parser can read it, built by hand (with English lower-case forms)."""
    pos = [TAG_POS.get(tag, "PUNCT") for tag in tags]
    return Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, tags=tags, pos=pos)


@pytest.mark.parametrize(
    ("form", "base"),
    [
        ("concludes", "conclude"),
        ("echoes", "echo"),
        ("scolded", "scold"),
        ("urging", "urge"),
        ("admitted", "admit"),
        ("replies", "reply"),
        ("told", "tell"),
        ("wrote", "write"),
    ],
)
def test_verbs_forms_come_from_the_lemma(form, base):
    assert form in inflections(base)
    assert lemma(form) == base


def test_verbs_prefilter_finds_any_form_but_not_noun_forms():
    assert mentions_speech("The coach scolded his players after the loss.")
    assert mentions_speech("It echoes what she wrote last year.")
    assert not mentions_speech("The state press office is closed on Sundays.")
    assert mentions_speech('For the coach, "this was the worst game of the season."')


@pytest.mark.parametrize(
    ("intro", "speaker"),
    [("The Harbour Gazette reports:", "Harbour Gazette"), ("Professor Lin notes:", "Lin")],
)
def test_a_verb_mostly_printed_as_a_noun_introduces_a_quotation_after_a_colon(intro, speaker):
    article = (
        f"Donors\n\nFew donors gave small sums.\n\n{intro}\n\n"
        '"Just 24 percent of the contributors have given $200 or less."\n'
    )
    got = dict(texts(article))
    assert got['"Just 24 percent of the contributors have given $200 or less."'] == speaker


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        (
            "Per a European diplomat, the proposal would leave a fifth of the land.",
            "a European diplomat",
        ),
        ("The deal is worth $2 billion, per the Harbour Gazette.", "Harbour Gazette"),
        ("Prices rose 5 per cent last year, as per the contract.", None),
        ("Ana Lima said, per a translator, that the server was wide open.", "Ana Lima"),
        ("The fee is $40 per person, and rooms cost $90 per night.", None),
    ],
)
def test_per_set_off_by_commas_names_a_source_as_according_to_does(sentence, speaker):
    got = texts(f"Talks\n\n{sentence}\n")
    assert [who for _, who in got] == ([speaker] if speaker else [])


@pytest.mark.parametrize("verb", ["failed to mention", "neglected to say", "declined to say"])
def test_what_someone_failed_or_declined_to_say_is_not_reported(verb):
    article = f"Visas\n\nThe senator {verb} that the programme had helped poor towns.\n"
    assert texts(article) == []


def test_tag_after_question_mark_stays_with_its_quote():
    article = (
        'Court case\n\n"Is he legally our son?" Kim Alder said after the hearing. '
        '"We never knew."\n\n"What a day for us!" said Rosa Alder.\n'
    )
    got = dict(texts(article))
    assert got['"Is he legally our son?"'] == "Kim Alder"
    assert got['"What a day for us!"'] == "Rosa Alder"


def test_lead_paragraph_without_a_title_is_body_text():
    article = (
        "A fishing boat sank off the north coast on Tuesday, the coast guard said in a "
        "short notice.\n\nAll four crew members were rescued by a passing ferry.\n"
    )
    paras, title = paragraphs(article)
    assert title is None and paras[0].body
    assert "coast guard" in texts(article)[0][1]


def test_photo_credit_marks_a_caption():
    assert PHOTO_CREDIT.search("Ann Lee speaks in Oslo on Monday. (Tom Berg/The Daily Courier)")
    assert PHOTO_CREDIT.search("The team trains in the rain. Tom Berg/THE DAILY COURIER")
    assert not PHOTO_CREDIT.search("He said the 9/11 attacks changed the city.")
    article = (
        "Ferry news\n\nCaptain Ines Moreau said the ferry was safe. (Tom Berg/Daily Courier)\n\n"
        "Ines Moreau has worked on the route for twenty years.\n"
    )
    assert texts(article) == []


def test_a_party_label_is_no_photo_position():
    article = (
        "Water crisis\n\nOn Saturday, Sen. Tom Hale (I-Vt.) said Gov. Rick Sorensen (R) "
        "should resign over the lead in the city's water.\n\n"
        "Senator Ann Lee (L) and Governor Rick Sorensen (R) tour the plant on Friday.\n"
    )
    (quote,) = extract_article(article).quotes  # the caption reports nothing
    assert quote.speaker == "Tom Hale"


def test_closing_mark_typed_as_two_single_quotes():
    text = "“We print comics made by local artists only,’’ says the shop owner."
    (mark,) = scan_marked(text)
    assert text[mark.start : mark.end] == "“We print comics made by local artists only,’’"


def test_naming_verbs_report_what_someone_called_something():
    article = (
        "Budget row\n\nCouncillor Rita Mensah called the plan a “disaster” on Monday. "
        "Mayor Ruth Okonjo described the vote as a missed chance for the whole city.\n"
    )
    got = dict(texts(article))
    assert got["the plan a “disaster”"] == "Rita Mensah"
    assert got["the vote as a missed chance for the whole city"] == "Ruth Okonjo"


def test_a_quoted_judgement_is_the_judges_words_but_a_label_given_by_others_is_not():
    article = (
        "Border row\n\nOSLO - The Kremlin on Tuesday dismissed a Norwegian offer of joint "
        'patrols as "a stunt," while Oslo insisted the offer was sincere. Minister Ada Lunde '
        'branded the reply "childish". Files recently labeled "secret" by the ministry were '
        "released, Lunde said.\n"
    )
    got = dict(texts(article))
    assert got['a Norwegian offer of joint patrols as "a stunt,"'] == "Kremlin"
    assert got['the reply "childish"'] == "Ada Lunde"
    assert not any(text.startswith('"secret"') or text == "secret" for text in got)
    rejected = (
        "Row\n\nLisbon accused Madrid of stalling, a charge Madrid rejected as "
        '"baseless," in the latest spat.\n'
    )
    assert ('as "baseless,"', "Madrid") in texts(rejected)
    condemned = (
        'Shoal\n\nBEIJING - China warned Manila to "stop provocations" after a clash at '
        'sea, as Manila accused Beijing of "barbaric" conduct. Canada condemned China\'s '
        '"aggressive and reckless actions." The rally denounced Mayor Ode\'s call for '
        '"a total and complete ban on street fairs."\n'
    )
    found = texts(condemned)
    assert ('Beijing of "barbaric" conduct', "Manila") in found
    assert ('China\'s "aggressive and reckless actions."', "Canada") in found
    assert not any(speaker == "The rally" for _, speaker in found)
    assert mentions_speech('They denounced the vote as "a farce".')
    assert not mentions_speech("They denounced the vote.")


def test_short_whole_quoted_sentence_after_a_tag_is_a_quote_but_a_title_is_not():
    article = (
        'Harbour news\n\n"We start on Monday," Alma Ruiz said. "It is a big job."\n\n'
        'Critics panned "The Boy Who Sailed Home" at the festival.\n'
    )
    got = texts(article)
    assert ('"It is a big job."', "Alma Ruiz") in got
    assert all("Sailed Home" not in t for t, _ in got)


def test_intentions_and_estimates_are_not_quotes_but_pointed_out_is():
    article = (
        "Budget row\n\nThe mayor promised to fix the roads before winter. The agency "
        "estimates that traffic will double by 2030. Councillor Rita Mensah pointed out that "
        "the roads were repaired only last year.\n"
    )
    got = texts(article)
    assert [t for t, _ in got] == ["that the roads were repaired only last year"]


def test_a_question_put_to_someone_is_not_their_words():
    text = (
        "Harbour news\n\n"
        "Ilse Varga would not comment when asked if other ports are considering a strike.\n\n"
        "Asked whether the ferry would run on Sunday, Tomas Quispe said it would run as usual.\n"
    )
    found = {q.text: q.speaker for q in extract_article(text).quotes}
    assert not any("considering a strike" in said for said in found)
    assert not any("ferry would run on Sunday" in said for said in found)
    assert found.get("it would run as usual") == "Tomas Quispe"


def test_a_sentence_misread_as_a_noun_phrase_keeps_its_speaker():
    """'The parole board decision allowing his release said …' parses as a noun phrase with
    'his release said' inside: the decision (so the board) speaks, not the man released."""
    text = (
        "Harbour news\n\n"
        "Jonas Petrak, who was convicted of fraud in 2009, will be released next month.\n\n"
        "The parole board decision allowing his release said he was no longer considered a"
        " risk to the public.\n"
    )
    (said,) = [q for q in extract_article(text).quotes if "risk to the public" in q.text]
    assert said.speaker == "parole board" and said.via == "decision"


def test_a_quotation_signed_with_a_dash_belongs_to_the_name_after_it():
    article = (
        "Readers write after the summit\n\n"
        "Letters came in after the summit in Lisbon. The Portuguese foreign ministry said it "
        "welcomed the debate.\n\n"
        "“The ministers spoke for hours and agreed on nothing that matters to farmers.” ― Inês "
        "Carvalho\n"
        "“I was glad to see both delegations sitting at one table after so many years.” — "
        "Tomás Ferreira, a teacher in Porto\n"
        "“Nobody in my village believes a word of the communiqué they signed.” - Rui da Matos\n"
        "“This one has no name after it and no speaker anywhere near it at all.” — and then "
        "the letters stopped.\n"
    )
    speakers = [speaker for _, speaker in texts(article)]
    assert speakers[1:4] == ["Inês Carvalho", "Tomás Ferreira", "Rui da Matos"]
    assert "and then" not in str(speakers)


def test_a_paragraph_signed_by_its_reporter_is_not_the_quoted_words_signature():
    article = (
        "Around the world today\n\n"
        "Spain's prime minister Elena Vidal was defiant after the vote in Madrid. \"We will "
        'remain the first force in Spain for many years to come."--Marta Solís.\n'
    )
    found = texts(article)
    assert found and "Marta Solís" not in [speaker for _, speaker in found]


def test_a_person_named_before_a_colon_speaks_the_quotation_it_opens():
    article = (
        "Polls after the summit\n\n"
        "Foreign Minister Tomás Ferreira spoke in Lisbon on Monday about the talks.\n\n"
        "The slide in his ratings does not surprise the veteran pollster Marta Quintela: "
        "“Voters rarely reward a minister for a summit that ends without a deal.”\n\n"
        "The delegation then flew on to Buenos Aires: “The city has waited a decade for a "
        "visit like this one.”\n"
    )
    found = dict(texts(article))
    said = next(speaker for text, speaker in found.items() if text.startswith("“Voters"))
    assert said == "Marta Quintela"
    assert "Buenos Aires" not in found.values()


def test_a_question_someone_was_asked_is_not_their_words():
    article = (
        "Interview\n\nIn an interview with the Lisbon Review on Wednesday, Lima was asked, "
        "“What is the most dangerous place in the world you have been to?” Lima joked that it "
        "was the parliament.\n\n"
        "Ana Lima spoke at length.\n\n"
        "She was asked by a reporter: “Will you resign over the scandal before the vote?”\n\n"
        "“I was asked to stay, and I stayed for the whole of the debate,” she said.\n"
    )
    found = texts(article)
    assert not any("?" in text for text, _ in found)
    assert ("“I was asked to stay, and I stayed for the whole of the debate,”", "Ana Lima") in found


def test_a_long_tag_after_a_question_still_names_its_speaker():
    article = (
        "Tariff row\n\n"
        "Prime Minister Alan Brooke criticised Senator Mark Dalton over his tariff plan.\n\n"
        "“It looks like we will not have a very good relationship, who knows?” Dalton told "
        "the Harbour Radio station in an interview aired on Monday when asked how ties "
        "would fare if he won the election.\n"
    )
    assert texts(article) == [
        ("“It looks like we will not have a very good relationship, who knows?”", "Mark Dalton")
    ]


def test_a_question_asked_of_someone_in_a_clause_is_not_their_words():
    article = (
        "Tariff row\n\n"
        "Senator Mark Dalton spoke in Leeds on Monday.\n\n"
        "Asked whether he would resign, Dalton said no.\n\n"
        "“We will see,” Dalton told reporters when asked whether he would meet the mayor.\n"
    )
    found = texts(article)
    assert ("“We will see,”", "Mark Dalton") in found
    assert not any("whether he would" in text for text, _ in found)


def test_a_sentence_saying_who_spoke_introduces_the_quotation_after_it():
    article = (
        "Recount\n\n"
        "“It was no big deal,” said Mark Dalton, the Harbour Party leader.\n\n"
        "Ruth Okonjo, the communications director for the Harbour Party said in a statement. "
        "“There are "
        "no paper ballots to recount, and the count was a unique event.”\n\n"
        "“Is it over?” Okonjo asked. “We will see what the court says about that.”\n"
    )
    found = texts(article)
    assert found[1] == (
        "“There are no paper ballots to recount, and the count was a unique event.”",
        "Ruth Okonjo",
    )


def test_a_name_ending_the_words_said_is_not_the_speaker_beside_it():
    article = (
        "Delegates\n\n"
        "Ann Wilkin, a history teacher, voiced the frustration of many delegates.\n\n"
        "Her allegiance has shifted from Mark Dalton to Brooke to, now, Keller, Wilkin said "
        "during her campaign speech.\n"
    )
    assert texts(article) == [
        ("Her allegiance has shifted from Mark Dalton to Brooke to, now, Keller", "Ann Wilkin")
    ]


def test_a_pronoun_tag_repeating_the_sentences_own_report_is_not_a_second_speaker():
    article = (
        "Campaign\n\n"
        "Mr. Amsel said it was easy to name a hundred conflicts.\n\n"
        "Campaign spokesman Rick Tyler said that voters can be confident that Keller has "
        "“guiding principles to make critical decisions,” he said.\n"
    )
    found = texts(article)
    assert found[-1][1] == "Rick Tyler"
    assert not any(text.startswith("Campaign spokesman") for text, _ in found)


def test_a_belief_reported_by_a_pronoun_tag_is_the_tags_speakers_words():
    article = (
        "Council\n\n"
        "Japan's envoy Kenji Arai abstained in the vote on Thursday. "
        "Tokyo believes the mission should be wound down slowly, he said.\n"
    )
    assert texts(article)[-1] == (
        "Tokyo believes the mission should be wound down slowly",
        "Kenji Arai",
    )


def test_a_concessive_clause_after_an_inserted_tag_is_not_the_report():
    article = (
        "Truce\n\n"
        "The ceasefire held for a second day on Sunday, residents said, although gunfire "
        "was heard in the north. The plan, Ms. Vale said, would bring monitors within days. "
        "The truce was extended by 60 days, the foreign ministry said, after days of talks.\n"
    )
    assert texts(article) == [
        ("The ceasefire held for a second day on Sunday", "residents"),
        ("The plan, Ms. Vale said, would bring monitors within days", "Vale"),
        ("The truce was extended by 60 days", "the foreign ministry"),
    ]
    both = (
        "Treaty\n\nThe two sides have agreed on a text, both governments said Thursday, "
        "though Baku said Yerevan must first change its constitution.\n"
    )
    assert texts(both) == [
        ("The two sides have agreed on a text", "both governments"),
        ("Yerevan must first change its constitution", "Baku"),
    ]


def test_continuing_to_do_something_is_no_tag():
    article = (
        "Ruling\n\n"
        "The judge ruled he was likely to continue to pose a risk that would "
        '"likely result in serious harm to a future victim." As Mr. Lund continues to '
        "pursue talks, the situation grows murkier.\n"
    )
    assert all(speaker not in ("he", "Lund") for _, speaker in texts(article))


def test_the_reaction_a_statement_drew_is_not_part_of_it():
    article = (
        "Dam\n\n"
        "Ethiopia said it would complete the filling of the dam this summer, drawing a sharp "
        "warning from Egypt.\n"
    )
    assert texts(article)[0] == (
        "it would complete the filling of the dam this summer",
        "Ethiopia",
    )
    dated = (
        "Dam\n\nEgypt said on Monday it would defend its interests. On Tuesday the talks "
        "failed, according to officials.\n"
    )
    assert [text for text, _ in texts(dated)] == [
        "it would defend its interests",
        "On Tuesday the talks failed",
    ]


def test_a_quoted_pledge_is_speech_but_a_plain_intention_is_not():
    article = (
        "Aegean\n\n"
        'Minister Eleni Doukas said she would "build bridges," and Mr. Arslan vowed '
        'to "keep calm waters" in the Aegean. Mr. Arslan also promised to visit Athens.\n'
    )
    found = texts(article)
    assert ('to "keep calm waters" in the Aegean', "Arslan") in found
    assert not any("visit Athens" in text for text, _ in found)


def test_a_no_break_space_before_the_tag_keeps_the_speaker():
    article = (
        "Campaign\n\n"
        "Ann Keller has based her campaign on reversing the harbour plan.\n\n"
        "“People are tired of being told the harbour cannot change,”\u00a0Mark Dalton said "
        "last month.\n"
    )
    assert texts(article)[0][1] == "Mark Dalton"


def test_a_two_letter_dateline_is_split_off():
    from app.extract.text.sentences import DATELINE

    assert DATELINE.match("LA CROSSE, Wisc. — Gov. Ann Keller on Thursday blamed the press")
    assert DATELINE.match("EL PASO — The mayor said") is not None
    assert DATELINE.match("US officials said") is None


def test_calling_someone_quoted_words_is_the_callers():
    article = (
        "Endorsement\n\n"
        "On Friday, Ann Keller endorsed Mark Dalton at a news conference at her club, calling "
        "him “actually a very intelligent man who cares deeply about the harbour.”\n\n"
        "Mark Dalton has been in and out of trouble since his acquittal.\n\n"
        "He has also attempted to provoke his critics by selling prints of his paintings, "
        "calling President Ruth Okonjo an “ignorant baboon” and tweeting a photo.\n"
    )
    found = texts(article)
    assert found[0][1] == "Ann Keller"
    assert found[1] == ("President Ruth Okonjo an “ignorant baboon”", "Mark Dalton")


def test_an_inverted_tag_with_a_description():
    article = (
        "Talks\n\n"
        "Sergei Lavrov met his counterpart on Monday.\n\n"
        '"We think it is time to build a new matrix for our relations," added the Russian '
        "minister.\n"
    )
    quote = extract_article(article).quotes[0]
    assert article[quote.speaker_start : quote.speaker_end] == "the Russian minister"


def test_a_clause_subject_parsed_as_the_verbs_object_stays_in_the_content():
    article = (
        "Brewers brace for tariffs\n\n"
        "But Ines Vogel said smaller brewers who sell new beers — especially those that "
        "export to other states — are likely to suffer most.\n\n"
        "Ravi Kapoor told reporters the tariff would stay.\n"
    )
    found = [text for text, _ in texts(article)]
    assert any(text.startswith("smaller brewers who sell") for text in found)
    assert not any(text.startswith("reporters") for text in found)


def test_a_second_report_after_a_colon_does_not_swallow_the_first():
    # "she says she did not cook: she notes that her father stores pans", parsed (as spaCy
    # does such sentences) with both reports as complements of "says"
    words = "she says she did not cook : she notes that her father stores pans in the oven ."
    heads = [1, 1, 5, 5, 5, 1, 1, 8, 1, 12, 11, 12, 8, 12, 12, 16, 14, 1]
    deps = "nsubj ROOT nsubj aux neg ccomp punct nsubj ccomp mark poss nsubj ccomp dobj prep"
    deps += " det pobj punct"
    tags = "PRP VBZ PRP VBD RB VB : PRP VBZ IN PRP$ NN VBZ NNS IN DT NN ."
    doc = parsed(words.split(), heads, deps.split(), tags.split())
    content = content_of(doc[1])
    assert content is not None
    assert " ".join(t.text for t in content) == "she did not cook"


def test_a_participle_after_said_is_the_scene_not_the_words():
    article = (
        "A coach's thanks\n\n"
        '"The help from this town has been overwhelming," Omar Reyes said his voice breaking '
        "with emotion.\n"
    )
    found = [text for text, _ in texts(article)]
    assert not any(text.startswith("his voice") for text in found)
    assert any("overwhelming" in text for text in found)


def test_the_writer_weighing_a_claim_is_nobody_reporting_it():
    article = (
        "Theatre and politics\n\n"
        "But to say that the chamber is a theatre does not make every debate a show. It is "
        "fair to say that the vote was close.\n\n"
        "Lena Fisk said that the vote was close.\n"
    )
    found = texts(article)
    assert [text for text, _ in found] == ["that the vote was close"]
    assert found[0][1] == "Lena Fisk"


def test_a_when_clause_after_said_is_when_not_what():
    article = (
        "Summit date\n\n"
        "But Omar Reyes shook his head and said no when reporters asked if the summit would "
        "take place before March.\n"
    )
    assert not any(speaker == "Omar Reyes" for _, speaker in texts(article))


def test_anyone_or_everyone_alone_reports_nothing():
    article = (
        "A hard sale\n\n"
        "If anyone really believed that, there would be a line of buyers at the door. "
        "Nobody asked about the tariffs, so Rosa Pinto brought them up herself.\n\n"
        "Rosa Pinto said the tariffs would stay.\n"
    )
    assert [speaker for _, speaker in texts(article)] == ["Rosa Pinto"]


def test_a_belief_someone_would_need_is_not_one_they_state():
    article = (
        "Course work\n\n"
        "The greens crew worked for so long that they will need to believe their efforts "
        "saved the course.\n\n"
        "Ivo Lund believes the course will reopen in May.\n"
    )
    assert [speaker for _, speaker in texts(article)] == ["Ivo Lund"]


def test_a_programme_named_after_said_on_is_not_a_quote():
    article = (
        "Shutdown talk\n\n"
        "“If we blame each other, this could last a long, long time,” Ben Sheldrake said on "
        "CBS’ “Face the Nation.” Nusra is Al Qaeda, he said.\n\n"
        "“Like Oakland. Or Ferguson,” Ada Brown said.\n"
    )
    found = [text for text, _ in texts(article)]
    assert "“Face the Nation.”" not in found
    assert "“Like Oakland. Or Ferguson,”" in found


def test_a_participle_between_commas_leaves_the_subject_the_speaker():
    # Parsed, "writing on X, formerly Twitter" takes the name for its subject, not "said".
    article = (
        "Grain talks\n\n"
        "Prime Minister Gábor Szalai, writing on X, formerly Twitter, said Europe needed "
        "a ceasefire, not more weapons.\n"
    )
    (quote,) = extract_article(article).quotes
    assert (quote.text, quote.speaker) == (
        "Europe needed a ceasefire, not more weapons",
        "Gábor Szalai",
    )
    assert quote.evidence == "name"  # his name as the verb's subject, not a guess from salience


def test_the_words_of_a_short_quotation_are_never_its_speaker():
    # Too short to stand in for, the quotation is parsed as words: "today" was the subject.
    article = (
        "Grain talks\n\n"
        "Olga Petrenko, the deputy minister, spoke after the vote.\n\n"
        '"Why not today?" asked Petrenko.\n'
    )
    assert texts(article) == [('"Why not today?"', "Olga Petrenko")]


@pytest.mark.parametrize(
    ("sentence", "said"),
    [
        (
            "Canada will double its Arctic patrols by 2030, Defence Minister Laura Fitzsimmons "
            "said Monday, in a speech that drew sharp criticism from opposition critics.",
            "Canada will double its Arctic patrols by 2030",
        ),
        (
            "He was unable to find a single taker, he said, on condition of anonymity to speak "
            "freely about the nominee.",
            "He was unable to find a single taker",
        ),
        # the words after the speaker end the statement the speaker interrupted
        (
            "The argument would be aided, Devine said, by the upcoming primary calendar.",
            "The argument would be aided, Devine said, by the upcoming primary calendar",
        ),
    ],
)
def test_where_it_was_said_is_not_what_was_said(sentence, said):
    assert [q for q, _ in texts("Arctic plans\n\n" + sentence + "\n")] == [said]


def test_those_who_took_part_are_speakers_but_those_who_say_are_not():
    found = texts(
        "Talks\n\nAll those involved say the issue cannot be fixed by one ministry.\n\n"
        "Those who say the plan will fail are wrong.\n"
    )
    assert found == [("the issue cannot be fixed by one ministry", "All those involved")]


def test_according_to_stops_where_someone_else_reports():
    found = texts(
        "Ambulances\n\nAccording to the health agency, the nine-minute target is met in 90 per "
        "cent of cases but the union says that is not what paramedics see.\n"
    )
    assert found == [
        ("the nine-minute target is met in 90 per cent of cases", "the health agency"),
        ("that is not what paramedics see", "the union"),
    ]


def test_a_speaker_whose_verb_parses_as_a_participle_still_speaks():
    found = texts(
        "Talks\n\nEstonia's prime minister, Kaja Tamm, posted on Facebook: \"Russia understands "
        'only strength."\n\nThe plan, posted on the ministry website on Monday, was rejected.\n'
    )
    assert found == [('"Russia understands only strength."', "Kaja Tamm")]


def test_saying_that_about_someone_reports_no_words():
    text = (
        "Talks news\n\n"
        "Q: The rebels say the government is rearming.\n\n"
        "A: Every side in every conflict says that about the other. Our monitors have not "
        "confirmed it.\n"
    )
    found = extract_article(text).quotes
    assert not any(q.text.startswith("that about") for q in found)
    assert any("the government is rearming" in q.text for q in found)


def test_an_outlet_reporting_a_named_speakers_words_is_their_channel():
    text = (
        "Talks news\n\n"
        "In Tehran, foreign ministry spokesman Nasser Karimi said in a televised briefing "
        'that Iran "welcomes any step that reduces tension in Europe," state news agency '
        "IRNA reported.\n\n"
        "Kremlin spokesman Pavel Lebedev told reporters the president had not decided "
        "whether to attend the summit, according to the RIA Novosti agency.\n"
    )
    found = {q.speaker: q for q in extract_article(text).quotes}
    karimi = found["Nasser Karimi"]
    assert karimi.via == "IRNA" and karimi.text.startswith("that Iran")
    lebedev = found["Pavel Lebedev"]
    assert lebedev.via == "RIA Novosti" and lebedev.text.endswith("attend the summit")
    assert "IRNA" not in found and not any("RIA" in (s or "") for s in found)


def test_a_newspaper_or_news_agency_named_with_its_noun_is_the_channel():
    text = (
        "Talks news\n\n"
        "China's ambassador, Zhang Wei, told the Izvestia newspaper that Beijing would "
        "never take part in an arms race.\n\n"
        "Russia is ready to discuss limits on missiles, Deputy Foreign Minister Oleg Sorin "
        "was quoted as saying by the TASS news agency.\n\n"
        "The envoy told the UN refugee agency that the camps were full.\n"
    )
    found = extract_article(text).quotes

    def via(words: str) -> str | None:
        return next(q.via for q in found if words in q.text)

    assert via("arms race") == "Izvestia" and via("limits on missiles") == "TASS"
    assert via("camps were full") is None  # the UN refugee agency was told, it printed nothing


def test_according_to_an_outlet_after_the_words_is_their_channel():
    text = (
        "Call news\n\n"
        'Li told Harlan that Taiwan was "the first red line that must not be crossed," '
        "according to state broadcaster CCTV.\n"
    )
    (quote,) = extract_article(text).quotes
    assert quote.speaker == "Li" and quote.via == "CCTV"


def test_a_scene_after_a_closed_quotation_is_the_writers():
    text = (
        "Trade news\n\n"
        "The foreign secretary, David Ashford, said on Monday that the government would not "
        "‘stand by while the union is undermined’, as talks with Dublin and Brussels stalled.\n"
    )
    (quote,) = extract_article(text).quotes
    assert quote.text.endswith("undermined’") and "stalled" not in quote.text


def test_a_statement_carried_by_an_agency_closes_the_words_and_is_their_channel():
    text = (
        "Drills news\n\n"
        "Kim Ok Sun, a senior official, warned on Monday that the North would take "
        '"overwhelming" countermeasures against the drills, in a statement carried by state '
        "news agency KCNA.\n"
    )
    (quote,) = extract_article(text).quotes
    assert quote.via == "KCNA" and quote.text.endswith("against the drills")


def test_posted_on_a_platform_that_gives_the_words_and_the_platform_as_channel():
    text = (
        "Sanctions news\n\n"
        "Estonia's prime minister, Kaja Saar, posted on Facebook that the package was "
        '"long overdue."\n\n'
        "Former president Andrei Belov said on Telegram that Europe would freeze without gas.\n"
    )
    found = extract_article(text).quotes
    saar = next(q for q in found if "long overdue" in q.text)
    assert saar.speaker == "Kaja Saar" and saar.via == "Facebook"
    assert next(q.via for q in found if "freeze" in q.text) == "Telegram"


def test_a_tag_the_parse_hung_on_the_quotation_still_names_its_speaker():
    article = (
        '"Both camps have told us they will send delegations before the rains," the envoy, '
        "Ghanaian diplomat Yaw Asante, told The Associated Press in an interview.\n"
    )
    (found,) = extract_article(article).quotes
    assert (found.speaker, found.kind, found.via) == ("Yaw Asante", "direct", "Associated Press")
    assert found.text.endswith('rains,"')  # the tag is not in the words


def test_a_name_whose_phrase_the_parse_gave_the_stand_in_is_the_name_alone():
    # '"It is so," Mwale, 61, told …' parsed with the stand-in clause under the name and its
    # opening mark left out of the name's phrase
    words = ["It", "is", "so", ",", "”", "Mwale", ",", "61", ",", "told", "reporters"]
    heads = [1, 5, 1, 5, 5, 9, 5, 5, 5, 9, 9]
    deps = "nsubj ccomp advmod punct punct parataxis punct appos punct ROOT dobj".split()
    tags = "PRP VBZ RB , '' NNP , CD , VBD NNS".split()
    doc = parsed(words, heads, deps, tags)
    assert mention_for(doc[5]).text.startswith("Mwale")


def test_a_ministry_release_conveys_and_reaffirms():
    article = (
        "Ambassador Lars Eklund further conveyed that Sweden would double its scholarships "
        "for Kenyan students. The minister reaffirmed that Nairobi remained committed to the "
        "partnership.\n"
    )
    found = [(q.text, q.speaker) for q in extract_article(article).quotes]
    assert ("that Sweden would double its scholarships for Kenyan students", "Lars Eklund") in found
    assert any(text.startswith("that Nairobi remained") for text, _ in found)


def test_conveying_without_words_said_is_no_quote():
    assert extract_article("The envoy conveyed the president's condolences.\n").quotes == ()


def test_calling_something_a_quoted_name_read_as_an_apposition_is_a_quote():
    article = (
        "Hungary's ambassador to Austria, Zoltan Farkas, called Novak's speech \"a "
        'masterpiece of spin."\n'
    )
    (found,) = extract_article(article).quotes
    assert (found.speaker, found.kind) == ("Zoltan Farkas", "mixed")
    assert found.text.startswith("Novak's speech")


def test_one_of_some_people_speaks():
    article = (
        "The plan could be unveiled as early as next week, one of the diplomats said, adding "
        'that most capitals were "on board." One said nothing at all.\n'
    )
    found = [(q.text, q.speaker) for q in extract_article(article).quotes]
    assert found == [
        ("The plan could be unveiled as early as next week", "one of the diplomats"),
        ('that most capitals were "on board."', "one of the diplomats"),
    ]


def test_one_of_some_people_is_named_without_where_they_were():
    article = "The text was final, one of the envoys at the talks said.\n"
    (found,) = extract_article(article).quotes
    assert found.speaker == "one of the envoys"


def test_a_name_after_titles_and_owners_before_a_colon_speaks_the_quotation():
    article = (
        "World leaders reacted to the ceasefire on Sunday.\n\n"
        "South Africa's President Sipho Dlamini: \"We welcome this step and urge both sides "
        'to keep it."\n\n'
        'UN Secretary-General Antonio Ferreira: "This must be the first step toward peace."\n\n'
        'Kenya\'s President Irungu Kamau: "We stand ready to help both of them."\n'
    )
    found = [(q.speaker, q.speaker_mention) for q in extract_article(article).quotes]
    assert found == [
        ("Sipho Dlamini", "Sipho Dlamini"),
        ("Antonio Ferreira", "Antonio Ferreira"),
        ("Irungu Kamau", "Irungu Kamau"),
    ]


def test_a_named_subject_then_a_colon_introduces_their_short_quotation():
    article = (
        'Finnish Foreign Minister Aino Lahti put it bluntly: "They were spies."\n\n'
        'Norway\'s prime minister, Jonas Berg, had a message for Moscow: "Our patience ends."\n\n'
        'Foreign Minister Ana Ruiz faced one question: "Will you resign now?"\n\n'
        'The campaign has a simple message: "Vote early."\n\n'
        "The province's housing minister, Jon Lohr, had a short message for council: \"Show us "
        'the numbers."\n'
    )
    found = [(q.text, q.speaker) for q in extract_article(article).quotes]
    assert found == [
        ('"They were spies."', "Aino Lahti"),
        ('"Our patience ends."', "Jonas Berg"),
        ('"Show us the numbers."', "Jon Lohr"),
    ]


def test_a_clause_opened_by_while_is_no_tag_for_the_clause_before_it():
    article = (
        "Chile accused Peru's navy on Friday of entering its waters without notice, while Lima "
        'denied any incursion and warned Santiago against "provocations."\n'
    )
    found = [(q.text, q.speaker) for q in extract_article(article).quotes]
    assert found[0] == (
        "Peru's navy on Friday of entering its waters without notice",
        "Chile",
    )
    assert all(speaker != "Lima" for text, speaker in found if text.startswith("Peru"))


def test_one_of_them_speaks_as_one_of_the_people_just_mentioned():
    article = (
        "The envoy was expected in Doha later on Monday, two officials briefed on the plan "
        'said. One of them said he would bring "new ideas" from Cairo.\n'
    )
    found = [(q.text, q.speaker) for q in extract_article(article).quotes]
    assert found[-1] == (
        'he would bring "new ideas" from Cairo',
        "one of the officials",
    )


def test_with_someone_doing_something_is_no_tag_for_the_clause_before():
    article = (
        "Ministers argued late into the night over the budget, with Austria again "
        "threatening to veto the deal.\n"
    )
    assert extract_article(article).quotes == ()


def test_a_question_put_to_the_speaker_between_commas_is_not_their_words():
    article = (
        "Council President Ilse Brandt, asked whether the bloc could act without Vienna, "
        "said the treaties required unanimity.\n"
    )
    found = [(q.text, q.speaker) for q in extract_article(article).quotes]
    assert found == [("the treaties required unanimity", "Ilse Brandt")]


def test_an_accusation_whose_charge_is_parsed_onto_its_object_is_a_quote():
    article = (
        "Vietnamese Defence Minister Tran Van Long, who also spoke at the forum, accused "
        'foreign vessels of "reckless manoeuvres" near the Paracel Islands.\n'
    )
    (found,) = extract_article(article).quotes
    assert found.speaker == "Tran Van Long"
    assert found.text.startswith("foreign vessels of")


def test_calling_something_a_quoted_adjective_read_as_its_modifier_is_a_quote():
    article = (
        'Latvia\'s foreign minister, Ilze Ozola, called the remarks "shameful" and said Riga '
        "would respond.\n"
    )
    found = [(q.text, q.speaker) for q in extract_article(article).quotes]
    assert ('the remarks "shameful"', "Ilze Ozola") in found


def test_an_adviser_to_a_president_speaks_not_the_president():
    article = (
        "Spain will never recognise the annexation, a senior adviser to President Luis Ortega "
        "said on Monday.\n"
    )
    found = [(q.text, q.speaker) for q in extract_article(article).quotes]
    assert found == [
        ("Spain will never recognise the annexation", "a senior adviser to President Luis Ortega")
    ]


def test_quoting_someone_as_saying_gives_them_the_words_through_the_outlet():
    article = (
        "Reuters quoted a Polish border guard as saying the crossing had been closed "
        "overnight.\n\n"
        "In Vilnius, a presidential aide, Rasa Petraitė, quoted the Lithuanian leader as "
        'saying that "no one will move our border."\n'
    )
    found = extract_article(article).quotes
    assert [(q.speaker, q.via) for q in found] == [
        ("a Polish border guard", "Reuters"),
        ("the Lithuanian leader", None),  # not the aide named before him in the sentence
    ]


def test_a_hyphenated_verb_split_into_clauses_stays_whole_in_the_words():
    article = "The Danish minister said Copenhagen would co-chair it.\n"
    (found,) = extract_article(article).quotes
    assert found.text == "Copenhagen would co-chair it"


def test_quoted_by_an_agency_as_saying_names_the_agency_as_the_channel():
    article = (
        "Deputy Foreign Minister Pavel Ryzhov was quoted by the Interfax news agency as "
        "saying Moscow saw no point in a summit.\n"
    )
    (found,) = extract_article(article).quotes
    assert (found.speaker, found.via) == ("Pavel Ryzhov", "Interfax")


def test_a_second_titled_name_parsed_as_the_firsts_apposition_is_a_partner():
    # "Defence Minister Kenji Ono and Defence Secretary Gil Reyes said", as the parser can
    # read it: the second title the conjunct, the second name an apposition of the first
    words = "Defence Minister Kenji Ono and Defence Secretary Gil Reyes said".split()
    heads = [1, 3, 3, 9, 3, 6, 3, 8, 3, 9]
    deps = "compound compound compound nsubj cc compound conj compound appos ROOT".split()
    tags = "NNP NNP NNP NNP CC NNP NNP NNP NNP VBD".split()
    doc = parsed(words, heads, deps, tags)
    mention = mention_for(doc[3])
    assert mention.kind == "joint"
    assert [part.name for part in mention.parts] == ["Kenji Ono", "Gil Reyes"]


def test_what_someone_would_be_saying_if_is_the_speakers_supposition_not_their_words():
    article = (
        "One Democrat, Montana Sen. Ray Tolliver, said Sunday that Hale campaigned on a tax "
        "cut, but if the president is now saying, “We are going to raise taxes instead,” "
        "that is not the direction to go.\n"
    )
    found = [(q.text, q.speaker) for q in extract_article(article).quotes]
    assert found and all(speaker == "Ray Tolliver" for _, speaker in found)


def test_an_unnamed_member_then_named_in_apposition_is_the_named_person():
    article = "One Republican, Senator Ray Tolliver, said Sunday the bill would fail.\n"
    (found,) = extract_article(article).quotes
    assert found.speaker == "Ray Tolliver"


def test_neither_saying_is_nobody_speaking():
    article = "When the ministers emerged on Friday, neither would say a deal was done.\n"
    assert extract_article(article).quotes == ()


def test_said_as_a_surname_is_no_speech_verb():
    article = "The wife of President Omar Said, Leila Said, said the family was safe.\n"
    found = [(q.text, q.speaker) for q in extract_article(article).quotes]
    assert found == [("the family was safe", "Leila Said")]


def test_a_named_persons_remark_that_is_their_report():
    article = (
        "Foreign Minister Pavel Orsk spoke on Monday. Orsk's remark that the plan was "
        "“dead” drew sharp criticism in Kyiv. The claim that talks had failed was denied.\n"
    )
    found = [(q.text, q.speaker) for q in extract_article(article).quotes]
    assert ("that the plan was “dead”", "Pavel Orsk") in found
    assert all("talks had failed" not in text for text, _ in found)


def test_a_name_after_the_tag_closes_it_and_is_not_part_of_the_words():
    # "Prices rose in May, Lee said after talks with his counterpart, Hun Dara.", as the
    # parser can read it: the counterpart's name hung on "said" after a comma
    words = "Prices rose in May , Lee said after talks with his counterpart , Hun Dara .".split()
    heads = [1, 6, 1, 2, 6, 6, 6, 6, 7, 8, 11, 9, 6, 14, 6, 6]
    deps = (
        "nsubj ccomp prep pobj punct nsubj ROOT prep pobj prep poss pobj punct compound "
        "npadvmod punct"
    ).split()
    tags = "NNS VBD IN NNP , NNP VBD IN NNS IN PRP$ NN , NNP NNP .".split()
    doc = parsed(words, heads, deps, tags)
    (cue,) = find_cues(doc)
    assert " ".join(t.text for t in cue.content or []) == "Prices rose in May"


def test_an_object_in_the_speakers_quoted_words_is_what_they_said():
    article = (
        'Chilean President Rafael Soto, in a post on X, suggested a "transitional '
        'government" as another option. The ministry posted a video in which a jet takes '
        '"victory laps" over the capital.\n'
    )
    found = [(q.text, q.speaker) for q in extract_article(article).quotes]
    assert found == [('a "transitional government" as another option', "Rafael Soto")]


def test_a_slash_dateline_and_a_circumstance_after_the_tag_stay_out_of_the_words():
    article = (
        "Leaders talk\n\n"
        "MOSCOW/BEIJING (Reuters) - The two presidents spoke by phone on Friday, the Kremlin "
        "said, ahead of a regional summit next month.\n"
    )
    (found,) = extract_article(article).quotes
    assert found.text == "The two presidents spoke by phone on Friday"


def test_a_country_named_with_and_is_no_partner_of_its_minister():
    article = (
        "“We call on all parties to show restraint,” said Trinidad and Tobago's Foreign "
        "Minister Linda Thompson.\n"
    )
    (found,) = extract_article(article).quotes
    assert (found.speaker, found.speaker_country) == ("Linda Thompson", "TT")


def test_a_clause_the_parser_broke_off_the_words_runs_on_to_their_end():
    article = (
        'Moldovan President Ana Revenco said on Facebook that Chisinau would "never" accept '
        "a deal that left occupied land in foreign hands.\n"
    )
    (found,) = extract_article(article).quotes
    assert found.text.endswith("a deal that left occupied land in foreign hands")


def test_a_time_phrase_after_the_tag_is_no_part_of_the_words_before_it():
    article = (
        "Qatar is ready to host a new round of talks on the Red Sea, Prime Minister Khalid "
        "Al-Mansouri said on Monday, days after a drone struck a Qatari-flagged tanker near Aden.\n"
    )
    (found,) = extract_article(article).quotes
    assert found.text == "Qatar is ready to host a new round of talks on the Red Sea"


def test_the_one_asked_speaks_when_the_parse_makes_asked_the_verb():
    article = (
        'Call\n\nPresident Anne Moreau told the chancellor the fund had to be "bold."\n\n'
        "A German government spokesman, asked about the call, said only that the two leaders "
        'had "a good exchange."\n'
    )
    said = extract_article(article).quotes[-1]
    assert said.speaker == "A German government spokesman"


def test_verbs_joined_in_a_with_scene_are_the_writers_not_a_tag():
    article = (
        "Fund\n\nFrance and Germany clashed on Thursday over how to finance a new defence fund, "
        "with Paris pushing for joint borrowing and Berlin insisting on national contributions.\n"
    )
    assert extract_article(article).quotes == ()


def test_a_whole_sentence_before_a_closing_tag_is_the_words_though_its_verb_was_misread():
    article = "Fund\n\nItaly and Spain back the French position, diplomats said.\n"
    (found,) = extract_article(article).quotes
    assert (found.text, found.speaker) == ("Italy and Spain back the French position", "diplomats")


def test_a_condition_the_parse_joined_to_the_verb_of_saying_is_part_of_the_words():
    article = (
        'Deal\n\nHe said France would accept returns only "in limited numbers" and only if '
        "Britain took an equal number of asylum seekers.\n"
    )
    (found,) = extract_article(article).quotes
    assert found.text.endswith("and only if Britain took an equal number of asylum seekers")


def test_a_clause_with_its_own_tense_on_an_editorial_is_what_the_paper_said():
    article = (
        "Shoal\n\nThe Harbour Times said in an editorial that Manila was acting as "
        '"a pawn" of Washington.\n'
    )
    (found,) = extract_article(article).quotes
    assert found.text == 'that Manila was acting as "a pawn" of Washington'


def test_it_in_a_clause_on_the_object_is_the_body_that_released_it():
    article = (
        "Shoal\n\nThe Philippine coast guard released video it said showed the other "
        "vessel turning into the path of the boat.\n"
    )
    (found,) = extract_article(article).quotes
    assert found.speaker == "The Philippine coast guard"


def test_an_exclamation_keeps_its_tag_that_opens_with_an_abbreviated_title():
    article = (
        'Convention\n\nTodd Marsh said the week had been busy. "It never stops," he said.\n\n'
        '"We will win this thing!" Rep. Ann Cole, R-Pa., said of the convention.\n'
    )
    last = extract_article(article).quotes[-1]
    assert (last.text, last.speaker) == ('"We will win this thing!"', "Ann Cole")


def test_an_initial_before_a_word_that_opens_sentences_ends_the_sentence():
    article = (
        "Envoy\n\nMarta Olsen, the special envoy, was disappointed. "
        '"People cannot wait," she wrote on X. The envoy said the donors would meet again.\n'
    )
    last = extract_article(article).quotes[-1]
    assert (last.text, last.speaker) == ("the donors would meet again", "Marta Olsen")


def test_a_name_apposed_to_a_description_in_an_opening_phrase_is_the_speaker():
    article = (
        "Assembly\n\nPrime Minister Amina Qadir told the assembly that her country wanted "
        'peace. "We will not be threatened," Qadir said.\n\n'
        "In a right of reply, an Indian diplomat, Leela Varma, said the charge was "
        '"baseless". She told delegates that India would not be lectured.\n'
    )
    quotes = extract_article(article).quotes
    assert [q.speaker for q in quotes if "baseless" in q.text or "lectured" in q.text] == [
        "Leela Varma",
        "Leela Varma",
    ]


def test_a_clause_joined_by_and_is_not_the_next_verbs_words():
    article = (
        "Talks\n\nAccording to his office, Mayor Ivo Brandt also spoke by phone with his "
        "counterpart Ana Lind, and the two agreed to coordinate closely.\n"
    )
    (found,) = extract_article(article).quotes
    assert (found.speaker_mention, found.text) == (
        "his office",
        "Mayor Ivo Brandt also spoke by phone with his counterpart Ana Lind",
    )


def test_words_after_that_are_kept_when_the_parse_loses_the_clause():
    article = (
        "Deal\n\nThe French president said both countries had a 'shared responsibility'. "
        "Mr Morel added that Europe as a whole needed to address 'pull factors', a remark "
        "seen as a dig at British labour rules.\n"
    )
    last = extract_article(article).quotes[-1]
    assert last.speaker == "Morel"
    assert last.text == "Europe as a whole needed to address 'pull factors'"


def test_a_party_member_from_somewhere_is_no_name():
    article = (
        "Recall\n\nSen. Paul Ferris, an Ohio Republican who was born in Colombia, called the "
        'president "a disgrace."\n'
    )
    (found,) = extract_article(article).quotes
    assert found.speaker == "Paul Ferris"


def test_a_speaker_described_by_a_relative_clause_keeps_the_words_after_the_verb():
    article = (
        "Talks\n\nOne senior official described the talks as tense. Another official, who like "
        "others spoke on condition of anonymity to discuss the talks, said the sticking point "
        "was the order of the releases.\n"
    )
    last = extract_article(article).quotes[-1]
    assert last.text == "the sticking point was the order of the releases"
    assert last.speaker_mention == "Another official"


def test_what_the_speaker_did_next_is_not_part_of_their_words():
    article = (
        "Truce\n\nThe acting prime minister, Somchai Rattana, said Thailand would act "
        '"in good faith" but expressed doubts about the sincerity of its neighbour.\n'
    )
    (found,) = extract_article(article).quotes
    assert (found.speaker, found.text) == ("Somchai Rattana", 'Thailand would act "in good faith"')


def test_the_writers_framing_after_the_tag_is_not_the_words():
    article = (
        "Talks\n\nChile and Peru have agreed to hold indirect talks on their disputed sea "
        "border, Chilean officials said Friday, in a step U.S. mediators hope will consolidate "
        "a fragile truce.\n"
    )
    (found,) = extract_article(article).quotes
    assert (
        found.text
        == "Chile and Peru have agreed to hold indirect talks on their disputed sea border"
    )


def test_a_that_clause_after_a_named_counterpart_is_the_words():
    article = (
        "Ties\n\nNigeria's foreign minister, Musa Bello, said after meeting his Nigerien "
        'counterpart, Bakary Yaou Sangaré, that the two countries were "bound by history, '
        'geography and blood."\n'
    )
    (found,) = extract_article(article).quotes
    assert found.text.startswith("that the two countries were")


def test_an_office_relaying_its_principal_report_is_no_speaker():
    article = (
        "Calls\n\nFiona Arden, Ireland's foreign minister, spoke by phone with her Maltese "
        "counterpart. Arden, for her part, said Ireland would not be rushed, her office said.\n"
    )
    (found,) = extract_article(article).quotes
    assert (found.speaker, found.text) == ("Fiona Arden", "Ireland would not be rushed")


def test_a_clause_in_would_whose_subject_the_parse_took_goes_on_the_words():
    article = (
        "Vote\n\nIrish Ambassador Nora Quill said Dublin supported the mediation effort but "
        'believed a resolution now would "complicate delicate negotiations." She did not say '
        "more.\n"
    )
    (found,) = extract_article(article).quotes
    assert found.speaker == "Nora Quill"
    assert found.text.endswith('would "complicate delicate negotiations."')


def test_an_object_the_parse_joined_to_the_next_clause_is_no_report():
    article = (
        "Summit\n\nEuropean Union leaders failed on Thursday to agree on a plan to fund Ukraine "
        "with frozen Russian assets, after Belgium demanded guarantees and Hungary threatened "
        "a veto.\n"
    )
    assert extract_article(article).quotes == ()


def test_the_points_of_a_bulleted_round_up_are_read_and_a_bulleted_menu_is_not():
    article = (
        "What we know on day 90\n\n• Home\n• World\n\nHere is the latest:\n\n"
        "* Finland's foreign minister, Aino Vesala, said the talks had shown that Moscow "
        '"does not want peace."\n'
        "• Estonia's defence ministry said it had tracked two drones over the border overnight.\n"
    )
    found = extract_article(article).quotes
    assert [q.speaker for q in found] == ["Aino Vesala", "Estonia's defence ministry"]
    assert found[1].text == "it had tracked two drones over the border overnight"
    kinds = [p.body for p in paragraphs(article)[0]]
    assert kinds[:3] == [False, False, False]  # the title and the two menu items


def test_a_ministry_relaying_its_ministers_words_is_no_speaker():
    article = (
        "Talks\n\nMoscow, April 9 - Russian Foreign Minister Pavel Orlov told his Chinese "
        'counterpart Li Wei on Wednesday that Moscow valued Beijing\'s "balanced position" on '
        "Ukraine, the Russian foreign ministry said.\n"
    )
    (found,) = extract_article(article).quotes
    assert found.speaker == "Pavel Orlov"
    assert found.text.startswith("that Moscow valued")


def test_the_outlet_of_a_journalist_spoken_to_is_the_channel():
    article = (
        "Interview\n\nSpeaking to CNN's Ana Duarte from hiding, Machado said: \"Every day of "
        "silence is a day the regime gains.\" Brazil's foreign minister, Paulo Reis, told the "
        'newspaper Folha de S.Paulo that Brasília would keep "channels open" with Caracas.\n'
    )
    found = extract_article(article).quotes
    assert [(q.speaker, q.via) for q in found] == [
        ("Machado", "CNN"),
        ("Paulo Reis", "Folha de S.Paulo"),
    ]


def test_the_outlet_that_carried_the_remarks_is_the_channel():
    article = (
        "Drills\n\nIn remarks carried by the official KCNA news agency, Kim said the country "
        'would "exponentially" expand its arsenal.\n'
    )
    (found,) = extract_article(article).quotes
    assert found.via == "KCNA"


def test_a_document_whose_text_follows_a_colon_speaks_for_its_author():
    article = (
        "Handover\n\nFrance handed over its base. An official at the French armed forces "
        'ministry said the move was planned.\n\nThe statement from the Élysée read: "France '
        'remains a partner of Chad and of the region."\n\nIn Moscow, a statement by the '
        'Russian Foreign Ministry read: "Russia remains a partner of Chad."\n'
    )
    found = extract_article(article).quotes[1:]
    assert [(q.speaker, q.via, q.evidence) for q in found] == [
        ("Élysée Palace", "statement", "document"),
        ("Russian Foreign Ministry", "statement", "document"),
    ]


def test_a_relative_clause_report_starts_after_its_verb():
    article = (
        "Handover\n\nFrance handed over its last base on Friday, ending decades of military "
        'presence that Chadian authorities said had "outlived its purpose."\n'
    )
    (found,) = extract_article(article).quotes
    assert (found.speaker, found.text) == ("Chadian authorities", 'had "outlived its purpose."')


def test_a_description_quoted_after_as_on_the_object_is_the_subjects():
    article = (
        "Talks\n\nMinister Reza Karimi had earlier said the offer was under study.\n\nSupreme "
        'Leader Ayatollah Hadi Moradi had earlier described talks with Washington as "not '
        'smart, not wise and not honourable," according to his official website.\n'
    )
    found = extract_article(article).quotes[-1]
    assert (found.speaker, found.via) == ("Hadi Moradi", "website")
    assert found.text.startswith("talks with Washington as")


def test_as_someone_put_it_tags_the_words_before_or_after():
    before = (
        "Strait\n\nTaiwan's President Lin Wei-ming said the island is sovereign.\n\nAs one "
        'former U.S. official put it, "Beijing does not need to win this year."\n'
    )
    after = before.replace(
        'As one former U.S. official put it, "Beijing does not need to win this year."',
        '"Beijing does not need to win this year," as one former U.S. official put it.',
    )
    for article in (before, after):
        found = extract_article(article).quotes[-1]
        assert found.speaker == "one former U.S. official", article


def test_a_comparison_with_as_is_no_tag():
    article = (
        "Budget\n\nThe cuts would not yield nearly as much money as the senator has promised.\n"
    )
    assert extract_article(article).quotes == ()


def test_calling_something_a_name_for_someone_is_no_call_for():
    article = (
        "Deal\n\nThe leaders of Armenia and Azerbaijan initialled a peace agreement at the "
        'White House on Friday, in what President Ana Ruiz called "a historic day" for the '
        "South Caucasus.\n"
    )
    found = extract_article(article).quotes
    assert [(q.speaker, q.text) for q in found] == [("Ana Ruiz", '"a historic day"')]


def test_warning_against_quoted_words_reports_them():
    article = (
        "Corridor\n\nIran's foreign ministry spokesman, Reza Tabrizi, warned against "
        '"foreign intervention" near its borders.\n'
    )
    (found,) = extract_article(article).quotes
    assert found.speaker == "Reza Tabrizi"
    assert found.text == '"foreign intervention" near its borders'


def test_a_subject_set_off_by_commas_keeps_its_verb_in_would():
    article = (
        "Corridor\n\nBoth leaders said a corridor through southern Armenia, to be developed "
        "with U.S. participation, would link Azerbaijan to its Nakhchivan exclave.\n"
    )
    (found,) = extract_article(article).quotes
    assert found.text.endswith("would link Azerbaijan to its Nakhchivan exclave")


def test_an_agency_named_after_its_media_noun_relays_the_report():
    article = (
        'Drones\n\nBelarusian President Anton Zhuk dismissed the accusations as "fairy '
        'tales," state news agency BelTA reported.\n'
    )
    (found,) = extract_article(article).quotes
    assert (found.speaker, found.via) == ("Anton Zhuk", "BelTA")


def test_said_as_a_given_name_is_no_speech_verb():
    article = (
        "Port\n\nSaid Karimi, a fisherman in Hodeidah, told Reuters by phone that the port had "
        'been "burning all night."\n'
    )
    (found,) = extract_article(article).quotes
    assert found.speaker == "Said Karimi"
    assert found.text == 'that the port had been "burning all night."'


def test_a_quoted_name_after_the_object_is_what_it_was_called():
    article = (
        'Deal\n\nCongolese Foreign Minister Thérèse Ilunga Mbala called the signing "a moment '
        'long in the making." Her counterpart was more cautious.\n'
    )
    (found,) = extract_article(article).quotes
    assert (found.speaker, found.evidence) == ("Thérèse Ilunga Mbala", "name")
    assert found.text == 'the signing "a moment long in the making."'


def test_those_who_parsed_as_an_object_opens_the_words():
    article = (
        "Rally\n\nSpeaking at a rally, Prime Minister Ravi Menon said India had shown restraint. "
        'He did not name Pakistan directly, but said those who "export terror" would pay a price.\n'
    )
    found = extract_article(article).quotes[-1]
    assert (found.speaker, found.text) == (
        "Ravi Menon",
        'those who "export terror" would pay a price',
    )


def test_with_people_warning_gives_the_words_to_them():
    article = (
        "Oil\n\nOil prices rose more than 2 per cent on Monday after further attacks on "
        "shipping, with analysts warning that insurance costs would keep climbing.\n"
    )
    (found,) = extract_article(article).quotes
    assert (found.speaker, found.text) == ("analysts", "that insurance costs would keep climbing")


def test_a_relative_clause_on_the_last_noun_stays_in_the_words():
    article = (
        "Syria\n\nThe prime minister, speaking in Jerusalem hours later, said Turkey would not be "
        "allowed to build bases in Syria that threatened Israel.\n"
    )
    (found,) = extract_article(article).quotes
    assert found.text.endswith("build bases in Syria that threatened Israel")


def test_what_the_speaker_did_not_say_is_the_writers_aside():
    article = (
        'Funding\n\nA Qatari official said on Monday that Doha "backs every effort" to end the '
        "fighting, though he did not say whether it would keep paying the salaries.\n"
    )
    (found,) = extract_article(article).quotes
    assert found.text == 'that Doha "backs every effort" to end the fighting'


def test_a_clause_torn_off_the_infinitive_asked_for_stays_with_it():
    article = (
        "Arms\n\nTwo senators urged the government on Monday to delay a $5 billion arms sale to "
        "Kuwait until it receives assurances the weapons will not be used in Yemen.\n"
    )
    (found,) = extract_article(article).quotes
    assert found.text.startswith("to delay a $5 billion") and found.text.endswith("in Yemen")


def test_but_would_not_say_ends_the_words_without_a_comma():
    article = (
        "Talks\n\nThe bloc's commissioner, Ama Mensah, told reporters that a date for the "
        "operation had been set but would not say when.\n"
    )
    (found,) = extract_article(article).quotes
    assert found.text == "that a date for the operation had been set"


def test_a_second_report_joined_inside_the_first_is_its_own_and_the_same_speakers():
    article = (
        'Reply\n\nAn Indian diplomat, Priya Rao, replied. She said Pakistan was "the centre of '
        'the trouble" and told the assembly that the speech was "a list of lies".\n'
    )
    found = [(q.speaker, q.text) for q in extract_article(article).quotes]
    assert found == [
        ("Priya Rao", 'Pakistan was "the centre of the trouble"'),
        ("Priya Rao", 'that the speech was "a list of lies"'),
    ]


def test_laughed_and_said_gives_only_the_quotation():
    article = (
        "Briefing\n\nWhen the envoy, Marc Olsen, was asked whether talks would resume, he "
        'laughed and said, "We will see."\n'
    )
    (found,) = extract_article(article).quotes
    assert (found.speaker, found.text) == ("Marc Olsen", '"We will see."')


def test_who_answered_and_said_is_the_one_who_answered():
    article = (
        '"This is a friend of the minister," Tomas told Anna Berg, who answered her door and '
        "said she planned to vote for him.\n"
    )
    quotes = extract_article("Vote\n\n" + article).quotes
    assert [q.speaker for q in quotes if q.text.startswith("she planned")] == ["Anna Berg"]


def test_a_tag_inside_the_words_takes_the_whole_clause_and_nothing_unsaid():
    article = (
        'Dam\n\nThe foreign ministry said the move broke the law. Cairo would "take all '
        'measures" to protect its water, it added, without elaborating.\n'
    )
    found = [q.text for q in extract_article(article).quotes]
    assert found == [
        "the move broke the law",
        'Cairo would "take all measures" to protect its water',
    ]


def test_a_ministry_relaying_a_named_ministers_reply_leaves_it_to_him():
    article = (
        "Visit\n\nWang replied that China respected the country's sovereignty and expected the "
        "same in return, the Chinese foreign ministry said.\n"
    )
    (found,) = extract_article(article).quotes
    assert (found.speaker, found.text[:9]) == ("Wang", "that Chin")


def test_a_named_report_according_to_a_readout_came_through_it():
    article = (
        "Visit\n\nLamb told Wang that Britain wanted a steady relationship but would raise "
        "human rights, according to a British readout of the meeting.\n"
    )
    (found,) = extract_article(article).quotes
    assert (found.speaker, found.via) == ("Lamb", "readout")


def test_demands_read_as_a_verb_are_the_bodys_and_the_rejecter_says_the_rest():
    article = (
        "Serbia\n\nSerbian President Aleksandar Vucevic on Tuesday again rejected European Union "
        "demands that his country join Western sanctions against Russia, saying Serbia would "
        '"not turn its back on a traditional friend".\n'
    )
    found = [(q.speaker, q.text[:14]) for q in extract_article(article).quotes]
    assert found == [("European Union", "that his count"), ("Aleksandar Vucevic", 'Serbia would "')]


def test_a_day_after_others_warned_tells_when_not_what():
    article = (
        "Iran\n\nIran will not halt enrichment under any circumstances, its foreign minister said "
        "Saturday, a day after European powers warned they would trigger the return of "
        "sanctions.\n"
    )
    found = [q.text for q in extract_article(article).quotes]
    assert found[0] == "Iran will not halt enrichment under any circumstances"


def test_on_x_then_a_full_stop_ends_the_sentence():
    article = (
        'Defence\n\nThe prime minister welcomed the speech. "Finally, Berlin understands," he '
        "wrote on X. French President Paul Marin's office said the two would present a joint "
        "plan in June.\n"
    )
    found = [q.text for q in extract_article(article).quotes]
    assert found[-1] == "the two would present a joint plan in June"


def test_whom_the_words_were_told_sits_inside_the_interruption():
    article = (
        "Pact\n\nTokyo defended the pact. The agreement, the spokesman told a regular news "
        'conference, was "fully consistent with international law".\n'
    )
    found = [q.text for q in extract_article(article).quotes]
    assert found == [
        'The agreement, the spokesman told a regular news conference, was "fully consistent '
        'with international law"'
    ]


def test_an_interrupted_statement_ends_with_its_sentence():
    article = (
        "Advice\n\nThe solution, the adviser told them, was simple. ''Just buy the index,'' he "
        "said.\n"
    )
    found = [q.text for q in extract_article(article).quotes]
    assert found == ["The solution, the adviser told them, was simple", "''Just buy the index,''"]


def test_a_scene_before_the_tag_is_not_the_quotation_after_it():
    article = (
        "Rivals\n\nWhile Mr. Ortega affirmed that he liked his rival to the radio host, he also "
        "stated a day earlier, “If he catches on, we will have to fight.”\n"
    )
    found = [q.text for q in extract_article(article).quotes]
    assert "“If he catches on, we will have to fight.”" in found
    assert not any(q.startswith("While") and "catches on" in q for q in found)


def test_two_reports_joined_by_a_semicolon_are_each_their_own():
    article = (
        "Trade\n\nArgentina's minister, Diego Pardo, and Uruguay's minister, Laura Fuentes, "
        'spoke next. The former said Mercosur had "waited 25 years"; the latter warned that '
        'China was "ready to sign tomorrow".\n'
    )
    found = {q.text: q.speaker for q in extract_article(article).quotes}
    assert found['that China was "ready to sign tomorrow"'] == "Laura Fuentes"
    assert found['Mercosur had "waited 25 years"'] == "Diego Pardo"


def test_a_short_quoted_phrase_warned_against_is_a_quote():
    article = (
        'Syria\n\nSpokesman Reza Tavakoli said Tehran respected "the choices of the Syrian '
        'people" but warned against "foreign interference".\n'
    )
    found = [q.text for q in extract_article(article).quotes]
    assert '"foreign interference"' in found


def test_a_quoted_judgement_hung_deep_in_the_object_is_the_judges():
    article = (
        "Truce\n\nMOSCOW — The minister, Pavel Orlov, also rejected a proposal by the French "
        'president for a truce as "a trick to rearm Ukraine".\n'
    )
    found = {q.text: q.speaker for q in extract_article(article).quotes}
    text = 'a proposal by the French president for a truce as "a trick to rearm Ukraine"'
    assert found.get(text) == "Pavel Orlov"


def test_a_fronted_clause_is_not_the_content_when_a_that_clause_follows():
    article = (
        "Envoy\n\nIn his speech in Bloemfontein, a recording of which was posted online, the "
        'diplomat had also said that "farmers are not safe in this country".\n'
    )
    found = [q.text for q in extract_article(article).quotes]
    assert not any("recording" in q for q in found)
    assert any("farmers are not safe" in q for q in found)


@pytest.mark.parametrize("seat", ["the Elysee Palace", "the Kremlin", "the White House"])
def test_a_leaders_seat_relaying_what_the_leader_told_someone_is_the_channel(seat):
    article = (
        "Call\n\nPARIS — President Paul Marin told his Chinese counterpart that Europe would not "
        f"accept unfair competition, {seat} said.\n"
    )
    found = {q.text: q.speaker for q in extract_article(article).quotes}
    assert found.get("that Europe would not accept unfair competition") == "Paul Marin"


def test_hours_after_something_following_a_tag_is_the_writers_timing():
    article = (
        "Launch\n\nSEOUL — The North fired two missiles into the sea on Monday, the military "
        "said, hours after Seoul and Washington began joint exercises.\n"
    )
    found = [q.text for q in extract_article(article).quotes]
    assert found == ["The North fired two missiles into the sea on Monday"]


def test_a_state_the_parser_hung_on_the_speech_verb_goes_on_with_the_words():
    article = (
        'Bonds\n\nA French official said Paris was "not isolated" and had support from Italy, '
        "Spain and Poland.\n"
    )
    found = [q.text for q in extract_article(article).quotes]
    assert found == ['Paris was "not isolated" and had support from Italy, Spain and Poland']


@pytest.mark.parametrize(
    ("sentence", "speaker", "words"),
    [
        (
            "Japan sent a destroyer through the strait on Wednesday, a move officials said was "
            "aimed at upholding freedom of navigation.",
            "officials",
            "was aimed at upholding freedom of navigation",
        ),
        (
            "The Lakeview board voted 6-3 on Tuesday to end the program, a decision trustees said "
            "followed months of consultation with parents.",
            "trustees",
            "followed months of consultation with parents",
        ),
        (
            'The minister resigned on Friday, a step opposition leader Karen Holt said was "long '
            'overdue."',
            "Karen Holt",
            'was "long overdue."',
        ),
    ],
)
def test_a_clause_on_a_noun_for_what_happened_reports_what_follows_its_verb(
    sentence, speaker, words
):
    found = extract_article("Strait\n\n" + sentence + "\n").quotes
    assert [(q.speaker, q.text) for q in found] == [(speaker, words)]


def test_a_that_clause_hung_on_the_talks_after_a_tag_is_what_was_said():
    article = (
        "Border\n\nThe Thai minister told reporters after the talks that his government would "
        'not "negotiate under threat."\n'
    )
    found = [q.text for q in extract_article(article).quotes]
    assert found == ['that his government would not "negotiate under threat."']


@pytest.mark.parametrize("tense", ["had asked", "would ask"])
def test_a_second_verb_in_the_tenses_of_reported_speech_goes_on_with_the_words(tense):
    article = (
        f'Jobs\n\nMayor Dora Keel said she was "deeply disappointed" and {tense} for a meeting '
        "with the company.\n"
    )
    found = [q.text for q in extract_article(article).quotes]
    assert found == [f'she was "deeply disappointed" and {tense} for a meeting with the company']


def test_a_that_clause_the_parser_made_the_object_of_a_preposition_is_what_was_said():
    article = (
        "Jobs\n\nChief executive Mark Barrow told analysts on a conference call that the company "
        'needed to "move faster and spend smarter."\n'
    )
    found = [q.text for q in extract_article(article).quotes]
    assert found == ['that the company needed to "move faster and spend smarter."']


def test_a_statement_of_claim_is_a_kind_of_document_not_one_by_claim():
    article = (
        "Suit\n\nThe statement of claim, filed in court last week, alleges that the landlord "
        '"knowingly exposed" tenants to toxic mould.\n'
    )
    (quote,) = extract_article(article).quotes
    assert quote.via == "statement"
    assert quote.speaker is None or "claim," not in quote.speaker


def test_a_clause_before_a_colon_is_the_writers_lead_in_to_the_report_after_it():
    article = (
        "Hearing\n\nThe hearing brought a day of partisan fireworks on Friday: Republicans said "
        "they are increasingly convinced the department mishandled the investigation.\n"
    )
    found = [(q.speaker, q.text) for q in extract_article(article).quotes]
    assert found == [
        (
            "Republicans",
            "they are increasingly convinced the department mishandled the investigation",
        )
    ]


def test_a_clause_after_a_time_phrase_the_parser_made_adverbial_is_what_was_said():
    article = (
        "Endorsement\n\nSenator Ron Dale said after the convention he would not accept the "
        "endorsement if it were offered.\n"
    )
    found = [q.text for q in extract_article(article).quotes]
    assert found == ["he would not accept the endorsement if it were offered"]


@pytest.mark.parametrize(
    "judgement",
    [
        "an account the State Department disputed",
        "a charge that party leaders strongly denied",
        "a move that could split the alliance",
    ],
)
def test_the_writers_word_on_what_was_said_appended_to_it_is_not_the_words(judgement):
    article = (
        "Meeting\n\nMinister Sergei Lavin said on Friday that his counterpart had called the "
        f'treaty "a relic", {judgement}.\n'
    )
    found = [q.text for q in extract_article(article).quotes]
    assert found == ['that his counterpart had called the treaty "a relic"']


def test_a_tag_typed_inside_the_marks_splits_the_words_and_names_the_speaker():
    article = (
        "Talks\n\n''We are close, but close is not enough,'' a Qatari mediator said.\n\n"
        '"The other side keeps moving the goalposts, said Tamer al-Nouri, an adviser to the '
        "group's leadership. We accepted the proposal as it was.\"\n"
    )
    found = [(q.speaker, q.text) for q in extract_article(article).quotes]
    assert ("Tamer al-Nouri", '"The other side keeps moving the goalposts,') in found
    assert ("Tamer al-Nouri", 'We accepted the proposal as it was."') in found


def test_a_whole_sentence_quoted_with_its_full_stop_after_the_mark_goes_on_the_speakers():
    article = (
        "Talks\n\n“We will return to Doha next week,” an Egyptian official told reporters. "
        "“Nobody wants this to collapse”.\n"
    )
    found = [(q.speaker, q.text) for q in extract_article(article).quotes]
    assert found[-1] == ("an Egyptian official", "“Nobody wants this to collapse”")


@pytest.mark.parametrize(
    "aside", ["echoing the words of earlier leaders", "in a nod to the farm lobby"]
)
def test_how_the_words_sound_told_by_the_writer_after_them_is_not_the_words(aside):
    article = (
        'Visit\n\nPrime Minister Kenji Ono said he had expressed "deep remorse" for the '
        f"colonial era, {aside}.\n"
    )
    found = [q.text for q in extract_article(article).quotes]
    assert found == ['he had expressed "deep remorse" for the colonial era']


@pytest.mark.parametrize("retort", ["shot back", "fired back", "hit back"])
def test_a_retort_with_back_is_a_speech_verb(retort):
    article = (
        "Question period\n\nPrime Minister Mark Carlin "
        f"{retort} that housing starts were at their highest level in a decade.\n\n"
        '"Jeb wants to be a tough guy tonight," Donald Tremont '
        f"{retort}.\n"
    )
    found = [(q.speaker, q.text) for q in extract_article(article).quotes]
    assert found == [
        ("Mark Carlin", "that housing starts were at their highest level in a decade"),
        ("Donald Tremont", '"Jeb wants to be a tough guy tonight,"'),
    ]


def test_firing_back_at_an_accusation_that_is_not_the_accusation_in_their_mouth():
    article = (
        "Parks\n\nMLA Jason Nix is firing back at accusations that he is spreading "
        "misinformation about the parks plan.\n"
    )
    assert extract_article(article).quotes == ()


def test_a_that_clause_with_its_own_tense_after_told_a_briefing_is_what_was_said():
    article = (
        "Reef\n\nForeign ministry spokesperson Lin Jiahe told a regular news briefing that "
        'Philippine vessels had "illegally intruded" into waters near the shoal.\n'
    )
    found = [(q.speaker, q.text) for q in extract_article(article).quotes]
    assert found == [
        ("Lin Jiahe", 'that Philippine vessels had "illegally intruded" into waters near the shoal')
    ]


def test_someone_asked_a_question_then_doing_something_else_said_nothing():
    article = (
        "Oilers\n\nLeon Drasko, asked if he would take on more minutes, shrugged. "
        '"Whatever the coach wants," he said.\n'
    )
    found = [(q.speaker, q.text) for q in extract_article(article).quotes]
    assert found == [("Leon Drasko", '"Whatever the coach wants,"')]


def test_told_reporters_then_a_clause_without_that_is_what_was_said():
    article = (
        "Alliance\n\nThe Pentagon was represented by an assistant secretary, who told reporters "
        'Washington\'s commitment to the alliance was "ironclad."\n'
    )
    found = [q.text for q in extract_article(article).quotes]
    assert found == ['Washington\'s commitment to the alliance was "ironclad."']


def test_a_named_spokesman_calling_something_a_name_is_read_as_the_verb():
    article = (
        "Truce\n\nA spokesman for the group, Fateh Qurashin, called Burhan's rejection "
        '"a declaration of war on the Sudanese people."\n'
    )
    found = [(q.speaker, q.speaker_mention) for q in extract_article(article).quotes]
    assert len(found) == 1 and found[0][0] == "Fateh Qurashin"
    assert (found[0][1] or "").endswith("Fateh Qurashin")


def test_a_counterpart_named_after_and_speaks_too_and_with_x_accusing_is_xs_own():
    article = (
        "Talks\n\nRussian Foreign Minister Sergei Lavrin and his Chinese counterpart Wang Yun "
        "pledged on Tuesday to deepen cooperation, with Lavrin accusing Western countries of "
        'trying to "drag out" the war.\n'
    )
    found = [(q.speaker, q.text) for q in extract_article(article).quotes]
    assert found == [
        ("Sergei Lavrin and Wang Yun", "to deepen cooperation"),
        ("Sergei Lavrin", 'Western countries of trying to "drag out" the war'),
    ]


def test_a_name_misread_as_the_sentence_still_speaks():
    # parsed with the name as the root and "called" hung on the statement
    article = (
        "Restraint urged\n\nNATO Secretary-General Ilse Brandvold, in a statement issued by"
        ' her spokesman, called on both countries to "exercise maximum restraint."'
    )
    (quote,) = extract_article(article).quotes
    assert (quote.speaker, quote.evidence) == ("Ilse Brandvold", "name")
    assert quote.speaker_mention == "NATO Secretary-General Ilse Brandvold"


def test_a_question_whether_someone_said_something_reports_nothing():
    article = (
        "Taxes\n\nOTTAWA — Did the minister say that taxes would rise? Nobody knows.\n\n"
        "Q: Do you believe the alliance would respond to an attack?\n\n"
        "Why did Ada Quell say the budget was balanced when it was not?"
    )
    (quote,) = extract_article(article).quotes  # a question that is no yes or no keeps its report
    assert quote.speaker == "Ada Quell"


def test_a_second_report_whose_subject_the_parse_joined_to_the_first_is_its_own():
    article = (
        "Fireworks\n\nThe disclosure set off another round of fireworks on Friday: Tories said"
        " they're increasingly convinced the Justice Ministry mishandled the investigation and"
        " Liberals accused the Tories of stoking the issue for political gain in the campaign."
    )
    first, second = extract_article(article).quotes
    assert (first.speaker, first.text) == (
        "Tories",
        "they're increasingly convinced the Justice Ministry mishandled the investigation",
    )
    assert second.speaker == "Liberals"
    assert second.text.startswith("the Tories of stoking")


def test_what_was_told_someone_who_suggested_something_is_the_tellers():
    article = (
        "Turnout\n\nWASHINGTON — Leaders urged young voters to turn out.\n\n"
        "Marla Quint, the head of a civic league, forcefully told a young man who suggested that"
        ' some people may not vote because of frustration that "this is not the first'
        ' generation to be frustrated and disappointed."'
    )
    quotes = {q.speaker: q.text for q in extract_article(article).quotes}
    assert quotes["a young man"] == "that some people may not vote because of frustration"
    assert quotes["Marla Quint"].startswith('"this is not the first generation')


def test_who_called_someone_something_is_the_caller_not_the_one_called():
    # the parse the model gives some names: "called" a participle hung on the name, which
    # is the sentence's root, with the one called and the words as its two complements
    words = "Captain Connor Vail , who signed , called Doucet ".split() + ['"', "one", '"']
    heads = [2, 2, 2, 2, 5, 2, 2, 2, 7, 7, 7, 7]
    deps = "compound compound ROOT punct nsubj relcl punct acl oprd punct oprd punct".split()
    tags = "NNP NNP NNP , WP VBD , VBN NNP `` CD ''".split()
    pos = "PROPN PROPN PROPN PUNCT PRON VERB PUNCT VERB PROPN PUNCT NUM PUNCT".split()
    doc = Doc(get_nlp().vocab, words=words, heads=heads, deps=deps, tags=tags, pos=pos)
    assert subject_of(doc[7]).text == "Vail"


def test_a_participle_after_a_that_clause_is_said_by_who_rejected_the_idea():
    article = (
        "Campaign\n\nMarchetti campaign manager Dale Okonjo rejected the idea that the "
        "billionaire developer would be a drag on the ticket, saying the huge crowds he is "
        "turning out at rallies prove that Marchetti would energize the party.\n\n"
        "Dina Farrow doubted that the mayor would run again, telling reporters she had "
        "heard nothing from his office."
    )
    speakers = {q.speaker for q in extract_article(article).quotes}
    assert speakers == {"Dale Okonjo", "Dina Farrow"}


@pytest.mark.parametrize(
    "tag, speaker",
    [
        ("the narrator states", "the narrator"),
        ("a voice-over in the ad states", "a voice-over in the ad"),
        ("Marchetti's campaign notes", "Marchetti's campaign"),
        ("Conwell notes", "Conwell"),
    ],
)
def test_a_closing_tag_whose_verb_was_read_as_a_noun_still_tags(tag, speaker):
    article = (
        "Ad war\n\nIn the new spot, the group tries to shift the conversation to health care.\n\n"
        f'"They know Marta is the only one strong enough to stand up to the insurers," {tag}.'
    )
    (quote,) = extract_article(article).quotes
    assert quote.text.startswith('"They know Marta')
    assert quote.speaker_mention == speaker


def test_according_to_a_source_read_as_a_verb_and_its_object():
    article = (
        "Television\n\nThe RCMP director criticised the mayor but did not recommend charges.\n\n"
        'As a reality TV host on "Dream Home," Gord Halvorsen repeatedly demeaned contestants, '
        "according to show insiders. They said he rated contestants by their looks."
    )
    quotes = extract_article(article).quotes
    assert [q.speaker for q in quotes] == ["insiders", "insiders"]


def test_speech_still_to_come_inside_a_report_is_the_reporters():
    article = (
        "Dementia\n\nIn a speech on Friday, Ostrander plans to call for more spending on "
        "dementia research, the campaign said. The Liberal front-runner will propose spending "
        "$2 billion a year to cure the disease by 2030, according to a campaign official who "
        'was not authorized to speak publicly.\n\n"Nothing prepares you for this office," the '
        "two-term premier will say, according to excerpts of his speech released on Monday."
    )
    speakers = [q.speaker_mention for q in extract_article(article).quotes]
    assert speakers == ["the campaign", "a campaign official", "the two-term premier"]


def test_a_plural_verb_joined_to_a_singular_clause_is_the_plural_subjects():
    article = (
        "Strategy\n\nBut some Liberal strategists fear that Ostrander has already missed a "
        "unique opportunity and warn that counting on older voters is not a reliable strategy."
    )
    (quote,) = extract_article(article).quotes
    assert quote.speaker == "some Liberal strategists"


def test_a_tag_whose_subject_the_parse_hung_on_the_verb():
    article = (
        "Hockey\n\nLeafs goaltender Anthony Stolvik, who made 27 saves, credited his defence. "
        '"They blocked a lot of shots tonight," the 31-year-old said.'
    )
    (quote,) = extract_article(article).quotes
    assert (quote.speaker, quote.speaker_mention) == ("Anthony Stolvik", "the 31-year-old")


def test_a_clause_the_parse_read_as_what_was_said_is_the_content():
    article = (
        "Markets\n\nKelly Fortin, a portfolio manager at Lakeshore Capital, said the shares "
        'already priced in "a lot of good news."\n\nThe mayor said a prayer for the victims.'
    )
    (quote,) = extract_article(article).quotes
    assert quote.text == 'the shares already priced in "a lot of good news."'
    assert quote.kind == "mixed"


def test_it_said_on_what_the_second_of_two_joined_verbs_released_is_their_subjects():
    article = (
        "Shoal\n\nBeijing said the Philippine vessel had rammed the Chinese ship. Manila "
        "rejected that account and released video it said showed the Chinese vessel turning "
        "sharply into the path of the supply boat."
    )
    quotes = extract_article(article).quotes
    assert [q.speaker for q in quotes] == ["Beijing", "Manila"]


def test_a_named_apposition_read_as_the_sentence_whose_verb_reads_as_a_participle():
    article = (
        "Trade\n\nArgentina's President Javier Milar did not attend. His foreign minister, "
        "Gerardo Wertheim, signed on his behalf and said Argentina wanted Mercosur to become "
        '"more flexible."'
    )
    (quote,) = extract_article(article).quotes
    assert (quote.speaker, quote.speaker_mention) == (
        "Gerardo Wertheim",
        "His foreign minister, Gerardo Wertheim",
    )


@pytest.mark.parametrize("frame", ["in a show of deepening ties", "in a gesture to Tokyo"])
def test_the_writers_frame_after_an_inserted_tag_is_not_the_report(frame):
    article = (
        "Drills\n\nChina and Russia began joint naval exercises on Monday, Xinhua reported, "
        f"{frame}."
    )
    (quote,) = extract_article(article).quotes
    assert quote.text == "China and Russia began joint naval exercises on Monday"


def test_a_tag_after_two_spaces_is_still_the_tag():
    article = (
        "Convention\n\nCampaign spokesman Sean Colton said the candidate sees the convention as "
        'an opportunity.\n\n"For Republicans, it seems to be a moment of reckoning,"  Berkmann '
        'said. "Were you with him or against him?"'
    )
    quotes = extract_article(article).quotes
    assert [q.speaker for q in quotes] == ["Sean Colton", "Berkmann", "Berkmann"]
    tagged = quotes[1]
    assert article[tagged.speaker_start : tagged.speaker_end] == "Berkmann"


def test_a_bare_tag_after_a_full_stop_inside_the_quotation_is_its_tag():
    article = (
        "Emails\n\nThe candidate caused howls of outrage with a reference to deleted emails.\n\n"
        '"Russia, if you are listening, I hope you find the emails that are missing." '
        "Marchetti said.\n\nOstrander says the mails were personal."
    )
    quotes = extract_article(article).quotes
    assert [q.speaker for q in quotes] == ["Marchetti", "Ostrander"]


def test_who_was_prompted_to_say_it_says_it():
    article = (
        "Debate\n\nBut much of the debate was so subdued that Mr. Marchetti was prompted to "
        'say, "So far, I cannot believe how civil it has been up here."'
    )
    (quote,) = extract_article(article).quotes
    assert quote.speaker == "Marchetti"


def test_a_name_after_a_verb_set_off_inside_the_words_is_the_speaker():
    article = (
        'Syria\n\nAny "cleareyed" interpretation of the minister\'s actions, said Michael '
        "Kopfer, an expert on Russia at the Wilson Center, would read this as a public "
        "admission of defeat."
    )
    (quote,) = extract_article(article).quotes
    assert (quote.speaker, quote.speaker_country) == ("Michael Kopfer", None)
    assert quote.text.startswith('Any "cleareyed" interpretation')
    assert quote.text.endswith("a public admission of defeat")


def test_said_a_name_then_asked_about_something_is_the_names():
    article = (
        "Debate\n\nShe hadn't.\n\n\"I'm not going to say it is a mistake, so forget about it,\" "
        "said retired neurosurgeon Ben Carlsen, asked about his claims of a scholarship offer."
    )
    first = extract_article(article).quotes[0]
    assert first.text.startswith("\"I'm not going")
    assert first.speaker == "Ben Carlsen"


def test_someone_going_by_a_name_is_that_name_and_says_nothing_by_it():
    article = (
        'Online\n\nThe response was fast. "Whoever opens the borders has no place pretending '
        'here!" wrote a man calling himself Paul Paulsen.\n\n'
        'In 1999 Marchetti called himself "very pro-choice" on a Sunday show.'
    )
    quotes = extract_article(article).quotes
    assert [q.speaker for q in quotes] == ["Paul Paulsen", "Marchetti"]
    assert quotes[1].text == 'himself "very pro-choice"'


def test_a_verb_whose_last_consonant_doubles_after_qu():
    article = (
        'Late night\n\nA flabbergasted Noah quipped, "It is like a lawyer with the dumbest '
        'client ever."'
    )
    (quote,) = extract_article(article).quotes
    assert quote.speaker_mention == "A flabbergasted Noah"


def test_a_day_before_a_verb_that_lost_its_subject_is_not_the_speaker():
    article = (
        "Column\n\nThe Globe columnist Ruth Marcelle has been critical of the premier but on "
        'Tuesday wrote that she agreed with him that his past is relevant. "He has smeared '
        'people," she wrote.'
    )
    assert {q.speaker for q in extract_article(article).quotes} == {"Ruth Marcelle"}


def test_a_dateline_in_accented_capitals_is_no_part_of_the_words():
    article = (
        "Talks\n\nASUNCIÓN, Paraguay — The talks were productive, the foreign ministry said on "
        "Saturday.\n\nTROMSØ, Norway — Foreign ministers from the Nordic countries pledged on "
        "Tuesday to deepen cooperation, warning that Russian activity had reached new levels."
    )
    ministry, ministers = extract_article(article).quotes
    assert ministry.text == "The talks were productive"
    assert ministry.speaker_country == "PY"
    assert ministers.speaker is not None and "ministers" in ministers.speaker


def test_that_read_as_the_subject_of_a_clause_split_in_two():
    article = (
        "Police\n\nChief Gene Bowerman told the city's finance committee on Monday that calls "
        "for service had risen 18 per cent since 2022."
    )
    (quote,) = extract_article(article).quotes
    assert quote.text == "calls for service had risen 18 per cent since 2022"


def test_an_infinitive_hung_on_the_object_of_urged_is_what_was_urged():
    article = (
        "Council\n\nThe group's spokesperson, Eliza Wadsworth, urged councillors to redirect "
        "the money to community programs."
    )
    (quote,) = extract_article(article).quotes
    assert (quote.speaker, quote.text) == (
        "Eliza Wadsworth",
        "to redirect the money to community programs",
    )


@pytest.mark.parametrize("title", ["Cpl.", "Const.", "Supt.", "Insp.", "Maj."])
def test_an_abbreviated_rank_before_the_name_does_not_end_the_sentence(title):
    article = (
        "Highway crash\n\nREGINA — Two people died in a crash on Sunday night.\n\n"
        f'"Our thoughts are with the families," {title} Dana Whitlow said in a statement.\n'
    )
    (quote,) = extract_article(article).quotes
    assert (quote.speaker, quote.text) == (
        "Dana Whitlow",
        '"Our thoughts are with the families,"',
    )


def test_a_whose_clause_hung_on_an_apposition_leaves_the_name_the_speaker():
    article = (
        "Valley donors\n\nMr. Hale, whose latest start-up, Ferrobyte, sells software to ports, "
        "said Ms. Okoye was a candidate in the spirit of the valley.\n"
    )
    (quote,) = extract_article(article).quotes
    assert (quote.speaker, quote.text) == (
        "Hale",
        "Ms. Okoye was a candidate in the spirit of the valley",
    )


@pytest.mark.parametrize(
    ("sentence", "first", "second"),
    [
        (
            "Asked about his old attacks on Lowe, Hardy said that was part of running against "
            "him — no different, he said, from a rival mocking a plan before joining it.",
            "that was part of running against him",
            "no different, he said, from a rival mocking a plan before joining it",
        ),
        (
            "In a memo, campaign manager Ron Hardy acknowledged the senator and Lowe had split "
            'the first two contests, which is an outcome, he said, "we have long expected."',
            "the senator and Lowe had split the first two contests",
            'which is an outcome, he said, "we have long expected."',
        ),
    ],
)
def test_a_tag_inside_the_sentence_after_another_report_starts_its_words_after_it(
    sentence, first, second
):
    article = f"Primary night\n\nThe count went late.\n\n{sentence}\n"
    got = [(q.speaker, q.text) for q in extract_article(article).quotes]
    assert got[0][0] == got[1][0] and got[0][0].endswith("Hardy")
    assert got[0][1].startswith(first)
    assert got[1][1] == second


def test_quotation_marks_printed_as_two_apostrophes_end_a_sentence():
    article = (
        "Watchdog\n\nThe fund is large.\n\n"
        "Considering the scale of the fund, Mr. Ortle said it was easy to ''name a hundred "
        "conflicts.'' The reality is, he added, ''there are no recusals in the top job.''\n"
    )
    got = [(q.speaker, q.text) for q in extract_article(article).quotes]
    assert got == [
        ("Ortle", "it was easy to ''name a hundred conflicts.''"),
        ("Ortle", "The reality is, he added, ''there are no recusals in the top job.''"),
    ]


@pytest.mark.parametrize(("opening", "closing"), [('"', '"'), ("''", "''")])
def test_words_after_a_tagged_quote_too_short_to_count_are_the_tags_speakers(opening, closing):
    article = (
        "Reruns\n\nMarta Kaplan teaches media studies.\n\n"
        "So is there a show she would like to see back?\n\n"
        f"{opening}Quiz Night,{closing} she replied. {opening}It was a smarter version of "
        f"every game show on the air.{closing}\n"
    )
    (quote,) = extract_article(article).quotes
    assert quote.speaker == "Marta Kaplan"
    assert quote.text.startswith(f"{opening}It was a smarter version")


def test_a_subject_the_parse_hung_on_the_day_opening_the_sentence_speaks():
    article = (
        "Court fight\n\nThe rules take effect in August.\n\n"
        "Friday, Ohio, leading a coalition of nine states, asked a federal judge to block the "
        "rules before the school year.\n"
    )
    (quote,) = extract_article(article).quotes
    assert quote.speaker == "Ohio"
    assert quote.text == "to block the rules before the school year"


def test_some_joined_to_a_verb_that_is_not_speech_still_speak_with_a_verb_of_saying():
    article = (
        "Rich lists\n\nSenator Ivo Marr spoke first.\n\n"
        "Billionaires often disagree with their listed fortunes. Some seek to be removed from "
        "the lists, fearing the attention, and argue that their fortunes are far smaller.\n"
    )
    (quote,) = extract_article(article).quotes
    assert quote.speaker != "Ivo Marr"
    assert quote.speaker_mention == "Some"


def test_the_one_an_event_moved_to_speak_is_the_speaker_not_the_event():
    article = (
        "Primary\n\nSenator Ivo Marr spoke first.\n\n"
        "The decisive win led party chairman Omar Vell to declare him the presumptive nominee.\n"
    )
    (quote,) = extract_article(article).quotes
    assert (quote.speaker, quote.text) == ("Omar Vell", "him the presumptive nominee")


def test_a_name_the_parse_hung_on_the_opening_phrase_speaks_past_an_adverb():
    article = (
        "Rally\n\nSenator Ivo Marr spoke first.\n\n"
        "At a June campaign event in St. Clairsville, Ohio, 62-year-old Brenda Lane also railed "
        "against the plan, and explained how much it upset her to see the mill close.\n"
    )
    (quote,) = extract_article(article).quotes
    assert quote.speaker == "Brenda Lane"


def test_a_name_after_an_inverted_tag_with_a_who_clause_speaks_not_its_words():
    article = (
        "Advice\n\nThe campaign is in its last week.\n\n"
        '"She needs one or two big ideas," said Ruth Okafor, who served as labour minister in '
        'the first term yet endorsed a rival in the primary. "Her instinct is to go slow."\n'
    )
    got = [(q.speaker, q.text) for q in extract_article(article).quotes]
    assert got == [
        ("Ruth Okafor", '"She needs one or two big ideas,"'),
        ("Ruth Okafor", '"Her instinct is to go slow."'),
    ]


@pytest.mark.parametrize(
    "described",
    ["a surgeon from Englewood, New Jersey", "an analyst at Halvorsen Partners"],
)
def test_who_after_where_a_named_person_is_from_is_that_person(described):
    article = (
        "Dinner\n\nThe dinner was packed.\n\n"
        f'"He is one of us in this town," said Alan Berg, {described}, who said he is '
        "friendly with the candidate's family.\n"
    )
    speakers = {q.speaker for q in extract_article(article).quotes}
    assert speakers == {"Alan Berg"}


def test_an_inverted_tag_the_parse_read_as_a_modifier_names_the_speaker():
    article = (
        "Debate night\n\nThe debate ended late.\n\n"
        '"Ortiz lost the debate badly tonight," tweeted Lowe spokesman Ari Danner.\n\n'
        '"Debate recap," tweeted Lowe spokesman Ari Danner. "Ortiz: \'I come from the past.\' '
        "Lowe: 'This election is about the future.'\"\n"
    )
    got = [(q.speaker, q.speaker_mention) for q in extract_article(article).quotes]
    assert got == [("Ari Danner", "Lowe spokesman Ari Danner")] * 2


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        (
            "As a part of his plea, Marek Lazlo Varga, 44, said that he had hacked nearly 100 "
            "accounts from his home overseas.",
            "Marek Lazlo Varga",
        ),
        (
            "At Cedar Hollow, Jay DiPaolo, the club's 78-year-old president and general manager, "
            "suggested that the troubles could be blamed on poor management.",
            "Jay DiPaolo",
        ),
    ],
)
def test_a_name_the_parse_hung_on_the_opening_phrase_is_the_subject(sentence, speaker):
    article = f"Court\n\nThe case was heard on Friday.\n\n{sentence}\n"
    (quote,) = extract_article(article).quotes
    assert (quote.speaker, quote.evidence) == (speaker, "name")


def test_a_body_the_parse_read_into_the_opening_phrase_is_the_subject():
    article = (
        "Grid\n\nThe strikes hit three plants on Friday.\n\nIn a statement posted on X, "
        "Ukraine's energy ministry said repairs would take weeks.\n"
    )
    (quote,) = extract_article(article).quotes
    assert (quote.speaker_mention, quote.evidence) == ("Ukraine's energy ministry", "name")


@pytest.mark.parametrize(
    "sentence",
    [
        "Asked whether Washington backed the Danish draft, a U.S. State Department official, "
        'speaking on condition of anonymity, said the United States "welcomes any proposal '
        'that keeps the region calm."',
        "Asked whether Ottawa backed the draft, a Canadian trade official said the government "
        "would study any proposal that kept the border open.",
    ],
)
def test_a_person_the_parse_hung_on_the_opening_question_is_the_subject(sentence):
    article = (
        "Talks\n\nKremlin spokesman Oleg Vasnev said in a statement that no deal "
        f"would last without Moscow.\n\n{sentence}\n"
    )
    quote = extract_article(article).quotes[-1]
    assert quote.speaker_mention is not None and "official" in quote.speaker_mention
    assert quote.speaker != "Oleg Vasnev"


@pytest.mark.parametrize("name", ["Henri Laval", "Henri Dujardin"])
def test_a_told_clause_the_parse_read_as_a_complement_or_second_object_is_the_report(name):
    # the parse reads the subject as a second object of "told" for the one name, and the
    # clause as an open complement for the other
    article = (
        "Vote\n\nUNITED NATIONS — The council voted on Friday.\n\n"
        f"U.N. Secretary-General spokesman {name} told reporters the secretary-general "
        '"takes note" of the decision. He said the mission would go on.\n'
    )
    got = [(q.speaker, q.text) for q in extract_article(article).quotes]
    assert (name, 'the secretary-general "takes note" of the decision') in got


def test_according_to_a_source_with_no_verb_parsed_after_it_reports_the_rest():
    # "reeks" is read as a plural noun, so the sentence has no verb
    article = (
        "Debate\n\nThe moderators met on Sunday. According to conservative talk radio host "
        'Dale Brisco, the move reeks of "fear" and desperation.\n'
    )
    got = [(q.speaker, q.text) for q in extract_article(article).quotes]
    assert got == [("Dale Brisco", 'the move reeks of "fear" and desperation')]


def test_a_statement_verb_the_parse_joined_to_a_tag_set_inside_is_the_statements():
    article = (
        "Bank\n\nSome forged signatures. These employees, Marlow explained earlier in the "
        'committee hearing, were "well-paid," making between $30,000 and $60,000 a year.\n'
    )
    (quote,) = extract_article(article).quotes
    assert quote.speaker == "Marlow"
    assert quote.text.startswith("These employees") and "well-paid" in quote.text


def test_an_accusation_of_two_targets_reports_the_charge_hung_on_the_second():
    article = (
        "Rules\n\nThe party met on Monday. In the email, Ashby bluntly accused Renner and his "
        "allies of trying to quash the proposal because it could make it harder to reopen the "
        "process.\n"
    )
    (quote,) = extract_article(article).quotes
    assert quote.speaker == "Ashby"
    assert quote.text.startswith("Renner and his allies of trying to quash the proposal")


def test_a_quotation_closed_with_a_single_mark_ends_at_its_tag():
    article = (
        "Shutdown\n\nFarmer Tom Hinders spoke at the hall.\n\n"
        "“We don’t want that. This isn’t a right or wrong thing. We want people to make good "
        "decisions,’ Hinders added.\n\n"
        "“Shutting down the sessions was wrong,” he said.\n"
    )
    got = [(q.speaker, q.kind, q.text[:9]) for q in extract_article(article).quotes]
    assert got == [("Tom Hinders", "direct", "“We don’t"), ("Tom Hinders", "direct", "“Shutting")]


def test_the_listeners_the_parse_glued_to_the_told_clause_are_not_its_words():
    article = (
        "Summit\n\nGerman Chancellor Katrin Vogel backed the tax in principle. "
        "She told reporters Germany would not act alone.\n"
    )
    (quote,) = extract_article(article).quotes
    assert quote.text == "Germany would not act alone"


def test_a_statement_reading_words_is_its_issuers_and_a_signs_words_are_nobodys():
    article = (
        "Strike\n\nMONTREAL — Nurses walked off the job on Monday at St. Brigid's Hospital.\n\n"
        'Nurse Amira Haddi, 29, held a sign reading "Overtime is not a staffing plan at all."\n\n'
        'The ministry issued a statement reading "We will not negotiate in public."\n'
    )
    got = [(q.speaker_mention, q.text, q.via) for q in extract_article(article).quotes]
    assert got == [("The ministry", '"We will not negotiate in public."', "statement")]


def test_a_verb_the_parse_joined_to_the_first_clause_goes_on_from_the_nearer_one():
    article = (
        "Boycott\n\nThe speech is on Monday.\n\n"
        "A group of rabbis called for a boycott of his speech, and the prominent civil rights "
        "organization the Fairness League strongly denounced the rhetoric and said it would "
        '"redirect" all of his past donations to the league.\n'
    )
    said = next(q for q in extract_article(article).quotes if "redirect" in q.text)
    assert said.speaker == "Fairness League"


def test_with_a_subject_before_the_quotation_the_one_its_tag_names_speaks():
    article = (
        "Convention\n\nThe school board event was small. Not so the brewers' bash on Monday.\n\n"
        "The party, typically attended by hundreds of delegates every four years, "
        '"allows us to get our message out," said Frank Colby, the group\'s vice president.\n'
    )
    (quote,) = extract_article(article).quotes
    assert quote.speaker == "Frank Colby"


def test_a_name_after_a_verb_set_off_by_commas_is_its_object_not_an_inverted_tag():
    article = (
        "Endorsement\n\nThe caucuses are on Monday.\n\n"
        "On Sunday, Minister Bradley Crane stood at his pulpit in Burlington, Iowa, and, citing "
        "scripture, endorsed Senator Ted Rook of Texas, urging his parishioners to also consider "
        "voting for him.\n"
    )
    (quote,) = extract_article(article).quotes
    assert quote.speaker == "Bradley Crane"


def test_a_participle_after_a_relative_clause_with_its_own_subject_goes_on_from_it():
    article = (
        "Delegates\n\nThe count went late.\n\n"
        'The front-runner complained that the contest had been "rigged" against him, a charge '
        "that Dakota Republican leaders strongly denied, noting that they had been using the "
        "same system since 2004.\n"
    )
    noting = next(q for q in extract_article(article).quotes if "same system" in q.text)
    assert noting.speaker_mention == "Dakota Republican leaders"


def test_a_subject_inside_a_phrase_quoted_into_the_sentence_is_nobody():
    article = (
        "Pay\n\nThe union met the candidates.\n\n"
        'Senator Ruth Lowe supports "appropriate pay raises," opposes "across-the-board '
        'arbitrary pay freezes" and recalled the three-year freeze on basic pay rates: "I saw '
        'how hard it was for employees to be told they would not get a raise."\n'
    )
    speakers = {q.speaker_mention for q in extract_article(article).quotes}
    assert not any(s and "arbitrary pay" in s for s in speakers)


def test_a_clause_after_comma_and_with_its_own_subject_is_not_the_first_report():
    article = (
        "Inquiry\n\nThe findings were released on Monday.\n\n"
        'Berg called the inquiry "rigged" in a post Tuesday, and a few Conservative MPs have '
        "called for a special prosecutor to review the findings.\n"
    )
    first, *rest = extract_article(article).quotes
    assert first.speaker == "Berg" and "MPs" not in first.text
    assert all(q.speaker != "Berg" for q in rest)


def test_a_clause_after_comma_and_parsed_as_reported_with_its_subject_is_not():
    # "Berg called the system “rigged” Tuesday, and a few lawmakers have called for a
    # prosecutor.", with the lawmakers' clause parsed as what Berg called
    words = (
        "Berg called the system “ rigged ” Tuesday , and a few Republican lawmakers have "
        "called for a prosecutor ."
    ).split()
    heads = [1, 1, 3, 1, 5, 3, 5, 5, 3, 3, 11, 13, 13, 15, 15, 1, 15, 18, 16, 1]
    deps = (
        "nsubj ROOT det dobj punct acl punct npadvmod punct cc quantmod amod amod nsubj aux "
        "ccomp prep det pobj punct"
    ).split()
    tags = "NNP VBD DT NN `` VBN '' NNP , CC DT JJ JJ NNS VBP VBN IN DT NN .".split()
    content = content_of(parsed(words, heads, deps, tags)[1])
    assert "lawmakers" not in [t.text for t in content or []]


def test_a_second_that_clause_after_comma_and_is_still_reported():
    article = (
        "Convention\n\nThe delegates arrived.\n\n"
        "Nora Tillman, a surrogate for the senator, said that she had seen emails from people "
        "planning protests, and that talk of dissent among Conservatives masked divisions "
        "among Liberals.\n"
    )
    (quote,) = extract_article(article).quotes
    assert quote.text.endswith("divisions among Liberals")


def test_a_question_quoted_after_was_asked_by_is_the_askers():
    article = (
        "Interview\n\nThe senator spoke on Friday's show.\n\n"
        'Senator Ruth Lowe was asked by host Bill Marr, who backs Lowe, "Now, you said you '
        'were tired of hearing about the emails. Has the story moved?"\n\n'
        "Senator Ruth Lowe was asked by host Bill Marr whether the story had moved.\n"
    )
    quotes = extract_article(article).quotes
    assert quotes[0].speaker == "Bill Marr"
    assert all(q.speaker != "Bill Marr" for q in quotes[1:])  # an unquoted question: no report


def test_a_that_clause_after_at_the_time_is_what_was_said():
    article = (
        "Appeal\n\nAnn Lee was dismissed in 2024 after speaking to a radio station.\n\n"
        "The hospital said at the time that she had breached her duty of confidentiality.\n"
    )
    (quote,) = extract_article(article).quotes
    assert quote.text == "that she had breached her duty of confidentiality"


@pytest.mark.parametrize(
    "described",
    ["wearing a cowboy hat", 'wearing a cowboy hat and "Lowe" campaign pins'],
)
def test_a_name_after_the_quotation_set_off_by_a_participle_speaks(described):
    article = (
        "Convention\n\nThe balloons came down.\n\n"
        f'"We have had better conventions than this one," Texas delegate Bill Eastwood, '
        f"{described}, said matter-of-factly as the music played.\n"
    )
    (quote,) = extract_article(article).quotes
    assert quote.speaker == "Bill Eastwood"
    assert quote.text == '"We have had better conventions than this one,"'


def test_an_object_joined_to_the_next_clauses_subject_is_not_the_speaker():
    article = (
        "Primary\n\nRuth Lowe won two states on Tuesday.\n\n"
        "Neither Tom Hale nor Gary Fenn has won a state and Lowe strongly suggested they "
        "should drop out so the party could unite.\n"
    )
    (quote,) = extract_article(article).quotes
    assert quote.speaker == "Ruth Lowe" and quote.speaker_mention == "Lowe"


def test_a_report_in_brackets_is_only_the_brackets_words_and_not_the_sentences():
    article = (
        "Campaign\n\nGustav Berg attacked the minister's record on Monday.\n\n"
        "He tells audiences she may be prosecuted over her private phone (the existence of "
        "which, many Liberals say, represents a rare lapse on her part).\n"
    )
    told, aside = extract_article(article).quotes
    assert told.speaker == "Gustav Berg"
    assert told.text == "she may be prosecuted over her private phone"
    assert aside.speaker_mention == "many Liberals" and aside.text.startswith("the existence")


def test_calls_in_the_present_tense_names_like_called():
    article = (
        "Columns\n\nRuth Lowe told supporters on Monday that she would win the state.\n\n"
        'Harbour Post columnist Michael Garson calls Lowe "a conviction candidate with the '
        'habits of a chameleon."\n'
    )
    quote = extract_article(article).quotes[-1]
    assert "chameleon" in quote.text and quote.speaker == "Michael Garson"


@pytest.mark.parametrize("participle", ["insisting", "adding that"])
def test_a_speech_participle_after_a_comma_is_a_report_of_its_own_by_the_same_speaker(
    participle,
):
    article = (
        "Games\n\nThe games open in two years.\n\n"
        "Premier Ann Lee has said the province will stick with its commitment to spend $10 "
        f"million, {participle} her government will not spend another penny.\n"
    )
    first, second = extract_article(article).quotes
    assert first.text.endswith("$10 million") and first.speaker == "Ann Lee"
    assert second.text.endswith("another penny") and second.speaker == "Ann Lee"


def test_participles_in_a_fronted_report_are_the_narrated_subjects():
    article = (
        "Race\n\nThe field narrowed on Wednesday.\n\n"
        'Berg welcomed the news that Hale would quit, saying the senator was "doing the right '
        'thing," suggesting he might consider Hale as a running mate, the station reported.\n'
    )
    quotes = extract_article(article).quotes
    assert [q.speaker for q in quotes if "right thing" in q.text] == ["Berg"]


def test_a_tag_after_a_quotation_reports_it_not_the_report_before_its_opening_mark():
    article = (
        "Endorsement\n\nThe party met on Tuesday.\n\n"
        "Lowe said in politics it takes time to develop those relationships but added, "
        '"I strongly support Tom Hale, strongly endorse his re-election, we need Tom Hale," '
        "Lowe said.\n\n"
        'Her time so far has been "life-changing and heartbreaking," Lowe said.\n'
    )
    quotes = extract_article(article).quotes
    assert [q.text for q in quotes] == [
        "it takes time to develop those relationships",
        '"I strongly support Tom Hale, strongly endorse his re-election, we need Tom Hale,"',
        'Her time so far has been "life-changing and heartbreaking,"',
    ]


def test_one_moved_to_speak_by_a_participle_speaks():
    article = (
        "Storm\n\nWinds reached 90 km/h overnight.\n\n"
        "The storm also caused a breakdown of the water treatment plant, prompting the city "
        "to urge residents to conserve water.\n"
    )
    (quote,) = extract_article(article).quotes
    assert quote.speaker_mention == "the city"


def test_what_signs_call_for_is_no_ones_statement():
    article = (
        "Vote\n\nThe deal passed on Tuesday.\n\n"
        "Ann Lee of the Harbour Party said she would keep fighting.\n\n"
        "Many waved flags and held up signs calling for the deal to be scrapped.\n"
    )
    assert [q.speaker for q in extract_article(article).quotes] == ["Ann Lee"]


def test_a_thing_called_a_name_after_a_time_phrase_is_no_quote():
    article = (
        "Paramedics\n\nOffload delays grew again in January.\n\n"
        "To bring the issue to public attention, the union started a campaign last year "
        "called Code Critical.\n"
    )
    assert extract_article(article).quotes == ()


def test_a_quotation_signed_with_a_dash_in_the_next_paragraph_is_the_signers():
    article = (
        "Tax fight\n\nHer bill to curb corporate pay also went nowhere.\n\n"
        '"Boeing and Halyard and other multinationals . . . pay zero taxes."\n\n'
        "- Ruth Lowe.\n\nThis is a complex issue, and the numbers are disputed.\n"
    )
    (quote,) = extract_article(article).quotes
    assert quote.speaker == "Ruth Lowe"


def test_a_gerund_opening_the_reported_clause_is_part_of_it():
    article = (
        "Ruling\n\nThe judge ruled on Wednesday.\n\n"
        "Justice Helen Dube said excluding the records would bring the administration of "
        "justice into disrepute.\n"
    )
    (quote,) = extract_article(article).quotes
    assert quote.text.startswith("excluding the records would")


def test_a_day_before_the_verb_is_when_and_the_participles_subject_speaks():
    article = (
        "Primaries\n\nPolls closed at 8 p.m.\n\n"
        "Large majorities of Conservative primary voters in six provinces going to the polls "
        "on Super Tuesday said they support a proposal to cap rents.\n"
    )
    (quote,) = extract_article(article).quotes
    assert quote.speaker_mention.startswith("Large majorities of Conservative primary voters")


def test_a_listeners_name_read_as_a_verb_is_not_what_was_said():
    article = (
        "Expulsion\n\nNorway expelled a diplomat on Wednesday.\n\n"
        "Embassy spokesman Dmitri Volkov told the newspaper Aftenposten that the accusations "
        'were "pure fantasy."\n'
    )
    (quote,) = extract_article(article).quotes
    assert quote.text == 'that the accusations were "pure fantasy."'


def test_the_writers_framing_after_an_inserted_tag_is_not_the_words():
    article = (
        "Border talks\n\nBEIRUT (Reuters) - Israel and Lebanon have agreed to hold indirect "
        "talks on their disputed land border, officials from both countries said on Thursday, "
        "in a rare step between two states still technically at war.\n"
    )
    (quote,) = extract_article(article).quotes
    assert quote.text.endswith("disputed land border")


def test_who_took_to_a_platform_before_a_colon_posted_what_follows():
    article = (
        "Board news\n\n"
        "Elias Marrow stays chief executive of Orvex. The board named Robyn Dale as chair; "
        "Dale said the board would meet monthly.\n\n"
        "The lassitude was on display in mid-December, when Marrow again took to Twitter with "
        'this: "Chairman is an honorific. Will retire that title in 3 years."\n'
    )
    quote = next(q for q in extract_article(article).quotes if "honorific" in q.text)
    assert quote.speaker == "Elias Marrow"


def test_a_quotation_trailing_off_before_its_tag_is_the_tags():
    article = (
        "Interview\n\n"
        'Marr asked, "You would pick a mountain man?"\n\n'
        '"Well, yes. I am going to look at a lot of different people…" Lowe said. '
        '"A mountain man?" Marr repeated.\n'
    )
    quote = next(q for q in extract_article(article).quotes if "different people" in q.text)
    assert quote.speaker == "Lowe"


def test_a_title_quoted_in_the_tag_does_not_cut_the_tag_off():
    article = (
        "Interview\n\n"
        '"You would pick a mountain man?" Marr asked.\n\n'
        '"I am not sure Leo Brandt is free, but we will see, right?" Lowe remarked, alluding '
        'to the actor\'s turn in "The Long Winter."\n'
    )
    quote = next(q for q in extract_article(article).quotes if "Brandt" in q.text)
    assert quote.speaker == "Lowe"


def test_a_clause_after_as_tells_what_happened_while_someone_spoke():
    article = (
        "Sketch\n\n"
        "“Who can remember how many states I have lost in a row? Is it two? Three?” Lowe asks "
        "as a maintenance guy walks in front of her, saying he is “here to fix the seven holes "
        "in your wall.”\n"
    )
    quotes = extract_article(article).quotes
    assert not any(q.text.startswith("walks") for q in quotes)
    holes = next(q for q in quotes if "holes" in q.text)
    assert holes.speaker != "Lowe"


def test_went_on_tags_the_words_of_one_who_spoke_on():
    article = (
        "Regina speech\n\n"
        "Conservative Leader Andrew Schaller spoke in Regina. It is on the premier's watch, "
        "Schaller said, that the province faces divisions. And it is on the premier's watch, he "
        "went on, that border crossings have become a major problem.\n\n"
        '"We will not back down," he went on.\n\n'
        "The mayor went on television to defend the plan.\n\n"
        'Ann Kerr asked about the polls. "You know, it happens, right?" Schaller went on, as if '
        'he did not hear her. "But you have to get over it."\n'
    )
    quotes = extract_article(article).quotes
    back_down = next(q for q in quotes if "back down" in q.text)
    assert back_down.speaker == "Andrew Schaller"
    assert next(q for q in quotes if "it happens" in q.text).speaker == "Andrew Schaller"
    assert any(q.text.startswith("it is on the premier's watch") for q in quotes)
    assert not any("television" in q.text for q in quotes)


def test_did_call_for_reports_a_demand():
    article = (
        "Committee\n\n"
        "Rep. Dan Nunn, chairman of the committee, backed the plan, but he did call for "
        "a full public inquiry into the spending.\n"
    )
    quote = next(q for q in extract_article(article).quotes if "inquiry" in q.text)
    assert quote.speaker == "Dan Nunn"


def test_a_finite_verb_read_as_a_modifier_of_said_s_object_makes_a_clause():
    article = (
        "Court\n\n"
        "The victim's mother, Linda Carriere, said the ruling reopened wounds her family had "
        "tried to close.\n\nShe said a short prayer for the victims.\n"
    )
    (quote,) = extract_article(article).quotes
    assert quote.text == "the ruling reopened wounds her family had tried to close"
    assert quote.speaker == "Linda Carriere"


def test_a_short_quotation_signed_on_its_own_line_is_kept():
    article = (
        "Readers react\n\n"
        "Readers wrote in after the debate.\n\n"
        '"He was a bully tonight." ― Veronica Cruz\n\n'
        '"He does not answer to anyone. You are not a leader." ― Christina Luis\n'
    )
    speakers = {q.speaker for q in extract_article(article).quotes}
    assert speakers == {"Veronica Cruz", "Christina Luis"}


def test_a_report_after_a_tag_opened_by_its_own_speech_verb_is_that_verbs():
    article = (
        "Hearing\n\n"
        '"You should resign," Senator Ann Warren told John Stumpf, after he admitted under '
        "Warren's grilling he had not yet been held accountable for the actions of his "
        "employees.\n\n"
        "They compared it to Al Gore's dilemma in 2000, when he charged into the fray against "
        "an opponent, George W. Bush, he deemed unfit to share the stage with him.\n"
    )
    quotes = extract_article(article).quotes
    held = next(q for q in quotes if "held accountable" in q.text)
    assert held.speaker == "John Stumpf"
    assert not held.text.startswith("after")
    assert not any("deemed unfit" in q.text for q in quotes)


def test_a_quotation_nested_in_curly_marks_of_the_same_shape_stays_inside():
    text = "“I’d rather live in what he calls “hell” than live where he is president.” ― Ana Ruiz"
    (mark,) = scan_marked(text)
    assert text[mark.start : mark.end].endswith("president.”")
    typo = "“The fighting ceases, “said Pompeo. “We will go on.”"
    assert [typo[m.start : m.end] for m in scan_marked(typo)][-1] == "“We will go on.”"


def test_what_a_named_body_called_something_in_a_relative_clause_is_its_words():
    article = (
        "Pact\n\n"
        "The deal drew a sharp reply from Ottawa, a move Canada's foreign ministry called "
        '"a dangerous bloc confrontation."\n'
    )
    (quote,) = extract_article(article).quotes
    assert quote.text.endswith('"a dangerous bloc confrontation."')
    assert quote.speaker_mention == "Canada's foreign ministry"


def test_a_verb_read_as_a_participle_on_the_last_word_of_an_aside_is_the_speakers():
    article = (
        "Reactions\n\n"
        "Stuart Pell, who served as Mia Dorn's chief strategist during the 2012 campaign, "
        'called Lang\'s statements and actions on Sunday "childish."\n'
    )
    (quote,) = extract_article(article).quotes
    assert quote.text.startswith("Lang's statements")
    assert quote.speaker == "Stuart Pell"


def test_a_name_read_as_the_head_of_what_was_named_is_still_the_name():
    article = (
        "Trade\n\n"
        'Contrast that with Ruth Pell, who has called the 12-nation TPP pact "insanity," and '
        'Omar Dorn, who says it\'s "disastrous."\n'
    )
    quotes = {q.speaker: q.text for q in extract_article(article).quotes}
    assert quotes == {
        "Ruth Pell": 'the 12-nation TPP pact "insanity,"',
        "Omar Dorn": 'it\'s "disastrous."',
    }


def test_a_name_in_the_archives_double_marks_is_a_quotation():
    article = (
        "Party\n\n"
        "Mr. Pell, who has called Mr. Dorn's comments ''racially toxic,'' portrayed his own "
        "party's nominee as a temporary affliction on conservatism.\n"
    )
    (quote,) = extract_article(article).quotes
    assert quote.text == "Mr. Dorn's comments ''racially toxic,''"
    assert quote.speaker == "Pell"


def test_the_question_put_before_a_tag_is_not_the_answerers_words():
    article = (
        "Race\n\n"
        "When asked why Ortiz decided to go after Marsh this past week, Pell said, "
        '"We have three weeks to go" until the caucuses.\n\n'
        'Asked about the delay to respond, Dorn said, "I have not heard that particular '
        'concern" from officers.\n'
    )
    quotes = [q.text for q in extract_article(article).quotes]
    assert quotes == [
        '"We have three weeks to go" until the caucuses',
        '"I have not heard that particular concern" from officers',
    ]


def test_a_subject_the_parse_joins_to_the_source_stays_in_the_words():
    article = (
        "Ukraine\n\n"
        "According to a statement from the German foreign ministry, Berlin and Paris will host "
        "a meeting of European foreign ministers next week to discuss further support for "
        "Ukraine.\n"
    )
    (quote,) = extract_article(article).quotes
    assert quote.text.startswith("Berlin and Paris will host")
    assert quote.speaker_mention == "the German foreign ministry"


def test_a_short_line_ending_on_a_speech_tag_is_body_text():
    article = (
        "Vickers\n\n"
        "He added that he would like to see a better province for his grandchildren.\n\n"
        "He hasn't decided yet, he says\n\n"
        "Campaign finances\n"
    )
    assert [q.text for q in extract_article(article).quotes][-1] == "He hasn't decided yet"
    assert [p.body for p in paragraphs(article)[0]] == [False, True, True, False]


def test_a_tag_opening_the_sentence_before_a_comma_reports_the_clause_after_it():
    article = (
        "Ambulances\n\n"
        "Chapman admits in this instance, there were fatalities.\n\n"
        "He may add to his senior staff, he said.\n"
    )
    quotes = {q.text: q.speaker_mention for q in extract_article(article).quotes}
    assert quotes == {
        "there were fatalities": "Chapman",
        "He may add to his senior staff": "he",
    }


def test_asking_that_ones_name_be_withheld_is_no_statement():
    article = (
        "Stabbing\n\n"
        '"It happened so fast," said the woman, who asked that her name not be used.\n\n'
        "Officials said the man's name was not released to the public.\n"
    )
    quotes = [q.text for q in extract_article(article).quotes]
    assert quotes == ['"It happened so fast,"', "the man's name was not released to the public"]


def test_according_to_a_document_someone_wrote_or_delivered_is_theirs():
    article = (
        "Taxes\n\n"
        "The goal is not revenue, according to a speech Mrs. Ortiz delivered at the "
        "university in July.\n\n"
        "The plan was dead, according to a memo Ann Dorn wrote.\n"
    )
    speakers = [q.speaker for q in extract_article(article).quotes]
    assert speakers == ["Ortiz", "Ann Dorn"]


@pytest.mark.parametrize("verb", ["Continued", "Quipped", "Recalled", "Stated", "Declared"])
def test_a_speech_verb_before_its_speaker_and_a_colon(verb):
    """'Continued Amberly: “…”' is Amberly speaking, not a person called "Continued Amberly"."""
    text = (
        "Harbour news\n\nRuth Amberly, a campaign adviser, said the race would be close.\n\n"
        f'{verb} Amberly: "We need a million new voters. That is the target."'
    )
    quote = next(q for q in extract_article(text).quotes if "million" in q.text)
    assert quote.speaker == "Ruth Amberly"


def test_a_report_goes_on_past_but_that():
    """'she said the government would meet the target "in full," but that any increase …':
    both clauses are the words said (the parse hung each on "said"; the longer had been
    taken alone)."""
    text = (
        "Harbour news\n\nFinance Minister Ulrike Haas has resisted. In an interview last week, "
        'she said the government would meet NATO\'s target "in full," but that any further '
        "increase would have to be paid for with cuts elsewhere."
    )
    (quote,) = extract_article(text).quotes
    assert quote.text.startswith("the government would meet")
    assert quote.text.endswith("cuts elsewhere")


def test_told_the_listener_that_with_the_words_misparsed():
    """'told the ambassador that Mexico expected to be "consulted, not informed."' reports the
    whole clause, not only the marked words the parser hung on "told"."""
    text = (
        "Harbour news\n\nMEXICO CITY — President Ana Ferrer spoke on Tuesday.\n\n"
        'Salas told the ambassador that Mexico expected to be "consulted, not informed."'
    )
    (quote,) = extract_article(text).quotes
    assert quote.text.startswith("that Mexico expected")
    assert quote.kind == "mixed"


@pytest.mark.parametrize(
    ("sentence", "words"),
    [
        (
            "Premier Ann Smithers said the cap was unfair, hours after Ottawa published it.",
            "the cap was unfair",
        ),
        ("She said she would fight, days before the vote.", "she would fight"),
        (
            'Smithers accused Ottawa of trying to "shut down" the industry, hours after the '
            "federal government published the rules.",
            'Ottawa of trying to "shut down" the industry',
        ),
    ],
)
def test_the_words_end_before_the_writers_timing(sentence, words):
    """', hours after Ottawa published it': when it was said, told by the writer."""
    text = "Harbour news\n\nPremier Ann Smithers spoke on Thursday.\n\n" + sentence
    (quote,) = extract_article(text).quotes
    assert quote.text == words


def test_a_quotation_run_on_over_paragraphs_is_a_quote_a_paragraph():
    """'"The process is flawed," Hinderks said. "The proposal …\n\n"So, what you have …
    charge.\n\n"We don't want that …," Hinderks added.': one speaker, a quote a paragraph, as
    news cites them; a run that never closes (a stray mark) is left whole."""
    text = (
        "Harbour news\n\n"
        '"The process is flawed," Tom Ridley said Monday. "The proposal itself is badly '
        "flawed.\n\n"
        '"So what you have is people trying to decide with lousy information.\n\n'
        '"We don\'t want that. We want people to be heard," Ridley added.'
    )
    quotes = [q for q in extract_article(text).quotes if "flawed," not in q.text]
    assert [q.text.split()[0] for q in quotes] == ['"The', '"So', '"We']
    assert {q.speaker for q in quotes} == {"Tom Ridley"}


@pytest.mark.parametrize("teaser", ["WATCH:", "WATCH BELOW:"])
def test_a_video_teaser_line_is_page_furniture(teaser):
    """'WATCH: Ottawa questions Norway, Chile over quotas, accuses them of bad faith' links to
    a video; its verbs are a headline's, not someone's words in this story."""
    text = (
        "Harbour news\n\nSeveral of Canada's partners have spoken out.\n\n"
        f"{teaser} Ottawa questions Norway, Chile over support for quota cuts, accuses them of "
        "bad faith\n\nThe State Department expressed concern over the dispute."
    )
    assert not [q for q in extract_article(text).quotes if "bad faith" in q.text]


@pytest.mark.parametrize("teaser", ["Relevant Reading:", "Further reading:", "Don't miss:"])
def test_a_reading_teaser_line_is_page_furniture(teaser):
    """'Relevant Reading: Understanding Gender in 2019 …' links to another story; no one in
    this one speaks through it, nor do the quotations after it go to it."""
    text = (
        'Harbour news\n\n"No, that\'s the mom," says my two-year-old.\n\n'
        f"{teaser} Understanding Gender Is Way Over My Head — But My Teen Girls Are Helping Me "
        "Get There\n\n\"It could be. It doesn't say. I like to think it's the dad,\" I said.\n\n"
        '"No. It\'s the mom."'
    )
    speakers = {q.speaker for q in extract_article(text).quotes}
    assert not any(s and "Reading" in s or s and "miss" in s for s in speakers)


def test_a_tag_with_a_clause_about_its_speaker_after_a_quotation_is_the_speaker():
    text = (
        'Harbour news\n\n"The agents involved are under a lot of pressure," an intelligence '
        "source, who was not authorized to speak on the record, told Fox News."
    )
    (quote,) = extract_article(text).quotes
    assert quote.text == '"The agents involved are under a lot of pressure,"'
    assert quote.speaker == "an intelligence source"


def test_a_short_paragraph_of_quotations_closed_by_double_apostrophes_is_prose():
    """''I don't think it's over,'' she said. ''It's changing.'' — fourteen words, closed
    by apostrophes standing for quotation marks, is no headline."""
    text = (
        "Harbour news\n\nAnn Lee said the old model of private clubs is in decline.\n\n"
        "''I don't think the industry is over,'' she said. ''I think it's just changing.''"
    )
    quotes = extract_article(text).quotes
    assert [q.speaker for q in quotes if "industry is over" in q.text] == ["Ann Lee"]


@pytest.mark.parametrize("heading", ["FULL TEXT.", "Full text:"])
def test_a_database_heading_is_page_furniture(heading):
    """An archive's "ABSTRACT." and "FULL TEXT." headings are nobody: "the social media
    company" after them had been "FULL TEXT"."""
    text = (
        "Twitter takes bigger steps\n\nABSTRACT.\n\nThe company is changing its rules.\n\n"
        f"{heading}\n\nThe social media company said on Friday it would suspend more accounts."
    )
    (quote,) = extract_article(text).quotes
    assert quote.speaker == "The social media company"


@pytest.mark.parametrize(
    "sentence",
    [
        "The plan is meant to reassure anxious farmers in Saskatchewan, who have argued that the "
        "tariffs hurt them most.",
        "The change will placate nervous Liberals on Parliament Hill, who have argued that the "
        "tariffs hurt them most.",
    ],
)
def test_who_after_a_place_is_the_people_placed_there(sentence):
    article = f"Tariffs\n\nOttawa unveiled the plan on Friday.\n\n{sentence}\n"
    (quote,) = extract_article(article).quotes
    assert quote.speaker_type == "group" and "Saskatchewan" != quote.speaker != "Parliament Hill"


def test_words_closed_by_a_stray_mark_after_a_tag_lost_their_opening_mark():
    article = (
        "Fight night\n\nThe champion won in three rounds.\n\n"
        '"It was always about the title," Ana Ruiz said. It was never about the opponent. I '
        'just want to go back to the gym and get better."\n\n'
        'The promoter moved the show to Montreal. The crowd was loud."\n'
    )
    quotes = extract_article(article).quotes
    assert [(q.text, q.speaker) for q in quotes] == [
        ('"It was always about the title,"', "Ana Ruiz"),
        (
            'It was never about the opponent. I just want to go back to the gym and get better."',
            "Ana Ruiz",
        ),
    ]


def test_a_that_clause_the_parse_hung_on_a_noun_is_the_whole_report():
    article = (
        "Court\n\nThe court ruled on Friday.\n\n"
        "In a dissent, Justice Mark Ruiz said the majority had read the law too narrowly. "
        'He warned that the decision would "hobble" federal efforts to fight climate change.\n'
    )
    *_, quote = extract_article(article).quotes
    assert quote.text.endswith(
        'the decision would "hobble" federal efforts to fight climate change'
    )


def test_a_surname_the_parse_read_as_an_adverb_is_the_inverted_tags_speaker():
    article = (
        "Data\n\nThe campaign hired two analysts on Monday.\n\n"
        "“Having access to the file and two people who understand it is valuable,” said "
        "Hensly, explaining he had worked with both.\n"
    )
    quote = extract_article(article).quotes[0]
    assert (quote.speaker, quote.speaker_mention) == ("Hensly", "Hensly")


def test_a_dash_and_a_name_ending_a_paragraph_sign_the_quotation_that_opens_it():
    article = (
        "We asked readers what they thought of the debate.\n\n"
        "“He answers to no one, and that is the whole problem.” ― Rosa Olide\n\n"
        "“My grandmother picked cotton for this country all her life.” And that is all he "
        "has. ― Marta Lastre.\n\n"
        "“We need change.” The rest — he said — is noise.\n"
    )
    found = [(q.text[:12], q.speaker) for q in extract_article(article).quotes]
    assert ("“My grandmot", "Marta Lastre") in found
    assert ("“We need cha", "he") not in found


def test_reminding_someone_to_do_something_reports_what_they_were_reminded_of():
    article = "The utility reminded customers to keep their freezers closed during the outage.\n"
    (found,) = extract_article(article).quotes
    assert found.text == "to keep their freezers closed during the outage"


def test_a_speech_verb_tagged_a_plural_noun_still_reports():
    # "But Trump claims that he should be the exception", as the parser reads it: "claims" a
    # plural noun with a subject and a clause
    words = "But Ruiz claims that he should be the exception .".split()
    heads = [2, 2, 2, 6, 6, 6, 2, 8, 6, 2]
    deps = "cc nsubj ROOT mark nsubj aux ccomp det attr punct".split()
    tags = "CC NNP NNS IN PRP MD VB DT NN .".split()
    (cue,) = find_cues(parsed(words, heads, deps, tags))
    assert (cue.speaker.text, " ".join(t.text for t in cue.content or [])) == (
        "Ruiz",
        "that he should be the exception",
    )
