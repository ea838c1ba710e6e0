"""Transcripts: a briefing's or interview's turns are the words of whom their labels name.
Each case is a short made-up article (fictional people)."""

from app.extract.article import ExtractedQuote, extract_article

BRIEFING = (
    "Department press briefing\n\n"
    "WASHINGTON - The State Department's spokesperson, Daniel Hartley, briefed reporters on "
    "Monday.\n\n"
    "MR HARTLEY: Good afternoon. The Secretary will travel to Nairobi next week to meet "
    "leaders from across East Africa.\n\n"
    "QUESTION: On Sudan, do you have any reaction to the shelling of the market?\n\n"
    "MR HARTLEY: We condemn it in the strongest terms. Civilians must never be a target.\n\n"
    "And we call on both sides to respect the truce they signed.\n\n"
    "QUESTION: Will there be consequences for the commanders?\n\n"
    "MR HARTLEY: I am not going to preview any actions from this podium today.\n"
)


def quotes(text: str) -> list[ExtractedQuote]:
    return list(extract_article(text).quotes)


def said(text: str, fragment: str) -> ExtractedQuote | None:
    return next((q for q in quotes(text) if fragment in q.text), None)


def test_a_briefings_answers_are_the_labelled_speakers_and_the_questions_nobodys():
    found = quotes(BRIEFING)
    condemn = said(BRIEFING, "We condemn it")
    assert condemn is not None and condemn.speaker == "Daniel Hartley"
    assert condemn.kind == "direct" and not condemn.text.startswith("MR")
    assert condemn.speaker_start == BRIEFING.index("MR HARTLEY: We") and condemn.confidence > 0.9
    # an unlabelled paragraph between two turns goes on with the turn before it
    truce = said(BRIEFING, "respect the truce")
    assert truce is not None and truce.speaker == "Daniel Hartley"
    assert said(BRIEFING, "preview any actions") is not None
    assert not any("reaction to the shelling" in q.text for q in found)
    assert not any("consequences" in q.text for q in found)


def test_a_named_label_without_title_and_a_surname_label_after_it():
    text = (
        "Panel on the summit\n\n"
        "A cable panel discussed the summit on Sunday.\n\n"
        "Priya Raman: The summit gave both leaders what they wanted at home, which is a photo.\n\n"
        "Tomas Ekberg: I think that undersells it. They agreed a hotline, and that matters.\n\n"
        "Raman: A hotline nobody answers is still a telephone on a desk somewhere.\n"
    )
    assert said(text, "gave both leaders").speaker == "Priya Raman"
    assert said(text, "undersells it").speaker == "Tomas Ekberg"
    assert said(text, "nobody answers").speaker == "Priya Raman"


def test_q_and_a_answers_without_quotation_marks_are_the_interviewees():
    text = (
        "Q&A: the envoy on the ceasefire\n\n"
        "NAIROBI - Kenya's special envoy to the Horn of Africa, Ambassador Wanjiru Kamau, spoke "
        "to us about the ceasefire. The interview has been edited for length.\n\n"
        "Q: Is the ceasefire holding?\n\n"
        "A: Mostly. There were violations near the border last week, and we are looking into "
        "them.\n\n"
        "Q: What happens if the talks in Mombasa fail?\n\n"
        "A: Then we go back to Mombasa. There is no alternative to talking.\n\n"
        "Kamau, a former deputy foreign minister, has led the mediation since January.\n"
    )
    answer = said(text, "no alternative to talking")
    assert answer is not None and answer.speaker == "Wanjiru Kamau"
    assert said(text, "violations near the border").speaker == "Wanjiru Kamau"
    # after the last answer the article tells again: that is nobody's quote
    assert said(text, "has led the mediation") is None
    assert said(text, "ceasefire holding") is None


def test_a_question_whose_colon_was_lost_ends_the_answer_before_it():
    text = (
        "A conversation with a former envoy\n\n"
        "Former ambassador Helen Moreau has written a memoir about her years in Kabul. She "
        "spoke to us this week.\n\n"
        "QYou stayed in Kabul longer than any of your colleagues. Why?\n\n"
        "A: Because somebody had to stay, and I was not afraid of the work.\n\n"
        "QWhat did you learn there about the limits of diplomacy?\n\n"
        "A: That patience is a policy too, even when nobody in the capital wants to hear it.\n"
    )
    assert said(text, "not afraid of the work").speaker == "Helen Moreau"
    assert said(text, "patience is a policy").speaker == "Helen Moreau"
    assert said(text, "limits of diplomacy") is None


def test_a_report_inside_an_answer_keeps_its_own_speaker():
    text = (
        "Briefing\n\n"
        "Spokeswoman Mei Tanaka took questions on Tuesday.\n\n"
        "QUESTION: Has the minister spoken to his counterpart?\n\n"
        "MS TANAKA: He has. The Brazilian minister told him that Brasilia would support the "
        "resolution. We welcome that very much and look forward to the vote.\n"
    )
    report = said(text, "Brasilia would support")
    assert report is not None and report.speaker != "Mei Tanaka"
    welcome = said(text, "We welcome that")
    assert welcome is not None and welcome.speaker == "Mei Tanaka"
    assert "Brasilia" not in welcome.text


def test_names_introducing_sections_are_no_transcript():
    text = (
        "What each candidate needs tonight\n\n"
        "Here is what each of them has to do in the vote.\n\n"
        "Sanders: Win by a wide margin and keep the young voters he brought out last time.\n\n"
        "The Vermont senator has led the polls all year, usually by double digits.\n\n"
        "Rubio: Finish ahead of the governors and argue that the race is now his to lose.\n"
    )
    assert said(text, "wide margin") is None
    assert said(text, "led the polls") is None


def test_a_tally_and_a_dispatch_label_are_no_turns():
    tally = (
        "The delegate count\n\n"
        "Here is where the race stands after the weekend.\n\n"
        "Clinton: 1,769.\n\nSanders: 1,501.\n\n"
        "These delegates must vote for the candidate who won them at the convention.\n\n"
        "Clinton: 547.\n\nSanders: 46.\n"
    )
    assert said(tally, "must vote for") is None
    dispatch = (
        "Talks on the border\n\n"
        "ISLAMABAD: Pakistan and Afghanistan will resume talks on the border next week.\n\n"
        "ISLAMABAD: A second round is planned for the spring, officials said.\n"
    )
    assert said(dispatch, "resume talks") is None
    headings = (
        "Storm news\n\n"
        "READ MORE: What the storm means for the harvest this autumn and next year.\n\n"
        "WATCH: The river rose by two metres overnight in the northern valleys.\n\n"
        "READ MORE: How the towns along the coast are getting ready for the next one.\n"
    )
    assert quotes(headings) == []


def test_a_stage_direction_ends_a_turn():
    text = (
        "Interview transcript\n\n"
        "Host Ravi Menon interviewed Senator Clara Voss on Sunday.\n\n"
        "MENON: The president released a video on Friday. Take a listen.\n\n"
        "(BEGIN VIDEO CLIP)\n\n"
        "The video shows the president at his desk, speaking slowly to the camera.\n\n"
        "(END VIDEO CLIP)\n\n"
        "VOSS: I think it changes the tone, and tone is where every agreement starts.\n\n"
        "MENON: Do you trust him to keep his word on this?\n"
    )
    assert said(text, "Take a listen").speaker == "Ravi Menon"
    assert said(text, "changes the tone").speaker == "Clara Voss"
    assert said(text, "speaking slowly") is None


def test_a_surname_label_takes_the_full_name_from_the_header():
    text = (
        "Department press briefing\n\n"
        "Spokesperson Daniel Hartley\n"
        "Washington, DC\n\n"
        "MR HARTLEY: Good afternoon. I have one announcement about next week's travel.\n\n"
        "QUESTION: Do you have any reaction to the vote in Geneva?\n\n"
        "MR HARTLEY: We welcome it, and we thank every delegation that voted for it.\n"
    )
    assert said(text, "We welcome it").speaker == "Daniel Hartley"


def test_outlets_asking_at_a_press_conference_are_questions():
    text = (
        "Foreign Ministry Spokesperson Lin Wei's Regular Press Conference on March 4\n\n"
        "Lin Wei: Good afternoon. I have two announcements today about visits next week.\n\n"
        "AFP: Will China send an envoy to the ceasefire talks in Geneva this month?\n\n"
        "Lin Wei: China supports every effort that helps bring about a ceasefire.\n"
    )
    assert said(text, "supports every effort").speaker == "Lin Wei"
    assert said(text, "send an envoy") is None


JOINT = (
    "Remarks by President Harlan and President Delacroix in Joint Press Conference\n\n"
    "PRESIDENT HARLAN: Thank you. Please, have a seat. It is an honor to welcome you back.\n\n"
    "Today we agreed that our alliance is as strong as it has ever been in our lifetimes.\n\n"
    "PRESIDENT DELACROIX: (As interpreted.) Thank you, Mr. President. France and the United "
    "States are the oldest of allies. (Laughter.)\n\n"
    'Q Thank you, Mr. President. You said last month that the alliance had "no blank '
    'cheque." Has that changed?\n\n'
    "PRESIDENT HARLAN: No. Nothing has changed, and every ally has to pull its weight.\n"
)


def test_a_press_conferences_q_without_colon_and_the_notes_around_a_turn():
    found = quotes(JOINT)
    allies = said(JOINT, "oldest of allies")
    assert allies is not None and allies.speaker == "Delacroix"
    assert allies.text.startswith("Thank you") and allies.text.endswith("oldest of allies.")
    assert not any("Has that changed" in q.text or "Q Thank" in q.text for q in found)
    assert said(JOINT, "Nothing has changed").speaker == "Harlan"


def test_we_in_a_turn_is_its_speaker_and_you_in_a_question_whoever_answers():
    assert said(JOINT, "as strong as it has ever been").speaker == "Harlan"
    assert said(JOINT, "no blank").speaker == "Harlan"


def test_an_interpreters_note_in_a_label_and_a_label_not_read_end_the_turn_before():
    text = (
        "Foreign Minister Pavel Sorokin's answers to media questions, Moscow\n\n"
        "Question: Did you discuss the situation in Sudan with your guest today?\n\n"
        "Pavel Sorokin: Yes, we did. The warring parties must stop fighting and talk.\n\n"
        "Question (retranslated from Arabic): What about the grain deliveries?\n\n"
        "Karim Mansour (retranslated): Deliveries will continue as planned this year.\n\n"
        "Pavel Sorokin: Sanctions have not stopped a single ship, only made insurance dearer.\n\n"
        "Interpreter: The last part of the question could not be heard in the hall.\n\n"
        "Question: One more on Sudan, if we may, from the back of the room?\n"
    )
    assert said(text, "continue as planned").speaker == "Karim Mansour"
    assert said(text, "grain deliveries") is None
    assert said(text, "could not be heard") is None


def test_an_interviewee_introduced_as_holding_an_office_has_its_country():
    text = (
        "Interview: the foreign minister on lithium\n\n"
        "Valentina Ortiz has been Chile's foreign minister since March. We spoke in Santiago.\n\n"
        "Q: Chile sells most of its lithium to China. Is that a risk?\n\n"
        "A: It is a fact, not a risk. We sell to whoever pays a fair price.\n\n"
        "Q: Will Chile join the Belt and Road Initiative?\n\n"
        "A: We already trade with everyone, and we do not need to join a club.\n"
    )
    answer = said(text, "not a risk")
    assert answer.speaker == "Valentina Ortiz" and answer.speaker_country == "CL"


def test_a_first_person_report_in_an_answer_is_the_whole_answer_verbatim():
    text = (
        "Regular Press Conference\n\n"
        "Q: The prime minister said defence spending will rise. How do you view this?\n\n"
        "Li Wen: We urge Tokyo to learn from history and act prudently in security matters.\n"
    )
    answer = said(text, "learn from history")
    assert answer is not None and answer.speaker == "Li Wen"
    assert (answer.kind, answer.text) == (
        "direct",
        "We urge Tokyo to learn from history and act prudently in security matters.",
    )


INTERVIEW = (
    "Transcript: the defence secretary\n\n"
    "The following is an interview with Defence Secretary Alan Grieve on Sunday Politics.\n\n"
    "PRESENTER (KATE MORGAN): Secretary, thank you for joining us. Are troops going east?\n\n"
    "GRIEVE: We have made a commitment to our allies, and we will keep it.\n\n"
    "MORGAN: Your own backbenchers think the army is too small for this.\n\n"
    "GRIEVE: I respect my colleagues, but they are wrong. The army is ready.\n\n"
    "MORGAN: Secretary, thank you for your time this morning.\n"
)


def test_an_interviewer_named_only_in_capitals_takes_turns_with_the_one_interviewed():
    keep = said(INTERVIEW, "we will keep it")
    assert keep is not None and keep.speaker == "Alan Grieve"
    ready = said(INTERVIEW, "The army is ready")
    assert ready is not None and ready.speaker == "Alan Grieve"
    thanks = said(INTERVIEW, "thank you for your time")
    assert thanks is not None and thanks.speaker == "Kate Morgan"  # the presenter's note
    assert said(INTERVIEW, "Are troops going east") is None  # the presenter asks


def test_a_news_pages_label_in_capitals_is_no_interviewer():
    text = (
        "Storm news\n\n"
        "Forecaster Ana Lima spoke to us on Monday.\n\n"
        "LIMA: The river rose by two metres overnight in the northern valleys.\n\n"
        "UPDATE: The river rose again this morning, flooding the main road north.\n\n"
        "LIMA: We expect more rain on Thursday, so stay away from the banks.\n\n"
        "UPDATE: The road reopened at noon after crews cleared the debris away.\n\n"
        "LIMA: The worst is over for the valley towns, but not for the farms.\n\n"
        "UPDATE: Crews clearing the debris from the road reopened at noon today.\n"
    )
    assert said(text, "flooding the main road") is None
    assert said(text, "reopened at noon after") is None
    assert said(text, "reopened at noon today") is None
