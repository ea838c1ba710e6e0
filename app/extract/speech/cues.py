"""Speech cues in a parsed sentence: the cue word, its speaker phrase and its content tokens.

Works on the dependency parse: a speech verb's subject is the speaker and its clausal
complement (ccomp, or a to-infinitive for "urge", or a gerund for "deny") is the content;
"according to X" makes X the speaker of the clause it modifies. The speaker phrase is
speaker_phrase.py's, the content content.py's (its edges content_bounds.py's), the channel
channels.py's; this module decides what is a cue and puts the three together.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from spacy.tokens import Token

from app.extract.speakers.lexicon import DOCUMENT_NOUNS, MEDIA_NOUNS, PERSON_NOUNS
from app.extract.speakers.mentions import Mention, mention_for
from app.extract.speakers.typing import is_outlet
from app.extract.speech.channels import channel_of, outlet_named
from app.extract.speech.content import (
    NAMING_VERBS,
    REPORTING_NOUNS,
    content_of,
    naming_content,
    quoted_words,
)
from app.extract.speech.content_bounds import (
    CONCESSIVE,
    from_the_quotation,
    fronted_content,
    interrupted_clause,
    with_misread_end,
    within_brackets,
)
from app.extract.speech.parse_tokens import (
    AUDIENCE,
    OPENING_MARKS,
    QUOTE_MARKS,
    SIGN_WORDS,
    SUBJECT_DEPS,
    has_subject,
    is_speech_verb,
    passive,
    proper_name,
    scene_clause,
    subtree,
    trim,
)
from app.extract.speech.speaker_phrase import (
    NOT_SPEAKERS,
    PLAIN_SAYING,
    mute,
    second_report,
    subject_of,
    subject_read_as_conj,
)
from app.extract.text.closing_tags import misread_closing_tag
from app.extract.verbs import (
    CLAUSE_ONLY,
    NAMING_ONLY,
    QUOTE_ONLY_VERBS,
    READ_FORMS,
)
from app.extract.verbs import lemma as cue_lemma


@dataclass
class Cue:
    token: Token
    text: str  # the cue as printed ("has said", "according to")
    speaker: Token | None  # head token of the speaker phrase
    content: list[Token] | None  # the reported content, if the cue has a complement
    kind: str  # "verb", "according" or "viewpoint" ('For the minister, "…"')
    naming: bool = False  # the content is what someone called something ("a rookie mistake")
    via: str | None = None  # the outlet or document the words came through

    def mention(self, base: Callable[[int], int]) -> Mention | None:
        """The speaker as printed. 'Trump, who has called the pact "insanity," and Sanders':
        the relative clause is Trump's alone, so a name joined after it is not a speaker."""
        if self.speaker is None:
            return None
        own_clause = self.token.dep_ == "relcl" and self.token.head.i == self.speaker.i
        return mention_for(self.speaker, base, self.token.i if own_clause else None)


def _cue_text(verb: Token) -> str:
    words = [t for t in verb.children if t.dep_ in ("aux", "neg") and t.i < verb.i]
    words += [verb] + [t for t in verb.children if t.dep_ == "prt"]
    words.sort(key=lambda t: t.i)
    start, end = words[0].idx, words[-1].idx + len(words[-1])
    return verb.doc.text[start:end]


OPINION_VERBS = frozenset({"believe"})
FINDINGS = frozenset("investigation inquiry probe study report review analysis audit".split())


def _written_reading(verb: Token) -> Cue | None:
    """'The ministry issued a statement reading "…"': the words are those of who issued it
    (the subject of the verb the document is the object of); a document with no such
    holder speaks for itself."""
    written = verb.head
    if verb.dep_ not in ("acl", "relcl") or written.i > verb.i:
        return None
    content = next((c for c in verb.children if c.dep_ in ("ccomp", "dobj") and c.i > verb.i), None)
    if content is None:
        return None
    holder = subject_of(written.head) if written.dep_ == "dobj" else None
    return Cue(verb, verb.text, holder or written, subtree(content), "verb", via=written.lower_)


def _their_remark(noun: Token) -> Cue | None:
    """'Orlov's remark that the plan was “dead” drew criticism': Orlov said the plan was
    dead. Only with a named owner ("his", "the claim that" name nobody in particular)."""
    owner = next((c for c in noun.children if c.dep_ == "poss" and c.pos_ == "PROPN"), None)
    clause = next(
        (
            c
            for c in noun.children
            if c.dep_ in ("acl", "ccomp")
            and c.i > noun.i
            and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
        ),
        None,
    )
    if owner is None or clause is None:
        return None
    return Cue(noun, noun.text, owner, subtree(clause), "verb")


def _according(tok: Token) -> Cue | None:
    to = next((c for c in tok.children if c.lower_ == "to"), None)
    pobj = next((c for c in to.children if c.dep_ == "pobj"), None) if to else None
    if to is not None and pobj is None:
        pobj = _source_read_as_verb(to)
    if to is None or pobj is None:
        return None
    pobj = _behind_document(pobj)
    head = tok.head if tok.head.i != tok.i else None
    if head is None:
        return _according_with_no_verb(tok, to, pobj)
    while head.head.i != head.i and head.pos_ not in ("VERB", "AUX"):
        head = head.head
    content = subtree(head, skip=tok)
    if not has_subject(head) and tok.right_edge.i < head.i:
        # "According to a statement from the ministry, Berlin and Paris will host …", parsed
        # with the subject joined to "ministry": past the phrase's last comma it is the words'
        commas = [t.i for t in tok.subtree if t.text == ","]
        if commas:
            lost = tok.doc[commas[-1] + 1 : tok.right_edge.i + 1]
            content = sorted({*content, *lost}, key=lambda t: t.i)
    content = _past_the_opening_comma(tok, head, content)
    # "According to EHS, the target is met, but Chapman says …": the second report is his
    for other in head.children:
        if other.dep_ == "conj" and is_speech_verb(other) and has_subject(other):
            content = trim([t for t in content if t.i < other.left_edge.i])
    text = tok.doc.text[tok.idx : to.idx + len(to)]
    quoting = any(t.text in QUOTE_MARKS for t in content)
    if quoting and pobj.pos_ == "PROPN" and is_outlet(outlet := proper_name(pobj)):
        # "the request of the Secretary of State to Lavrov, according to France 24, to
        # withdraw '…'": the outlet reports whose words they are; the request's author spoke.
        # Without quoted words ("Gazprom's offer was turned down, according to Reuters")
        # the clause is the outlet's own report.
        agent = _speech_act_agent(head, skip=tok)
        if agent is not None:
            return Cue(tok, text, agent, content, "according", via=outlet)
    return Cue(tok, text, pobj, content, "according")


# Verbs whose infinitive is what was not done: nothing was said.
NOT_DONE = ("declin", "refus", "fail", "neglect", "forgot", "forget", "omit")


def _per(tok: Token) -> Cue | None:
    """ "The proposal, per a European diplomat, would leave …", "Per two people familiar with
    the matter, the firm will …": "per" set off by commas names a source as "according to"
    does (not "per cent", "$5 per share", "as per the rules")."""
    doc, sent = tok.doc, tok.sent
    source = next((c for c in tok.children if c.dep_ == "pobj"), None)
    if source is None or source.like_num or source.lower_ in NOT_SOURCES:
        return None
    opens = tok.i == sent.start or doc[tok.i - 1].text == ","
    end = tok.right_edge.i + 1
    closes = end >= sent.end or doc[end].text in (",", ".", ";")
    if not (opens and closes) or any(t.like_num for t in doc[tok.i + 1 : source.i]):
        return None
    root = sent.root
    if root.pos_ not in ("VERB", "AUX") or is_speech_verb(root) and has_subject(root):
        return None  # ("Guccifer said, per a translator, that …": how he said it)
    content = _past_the_opening_comma(tok, root, subtree(root, skip=tok))
    if len(content) < 3:
        return None
    return Cue(tok, tok.text, _behind_document(source), content, "according")


# Words after "per" that make it a rate or a rule, not a source.
NOT_SOURCES = frozenset(
    """cent centum capita annum diem se year month week day hour minute second head person
    share unit barrel tonne ton litre liter kilo kilogram pound gallon mile kilometre
    kilometer acre household customer vote seat rules rule usual law""".split()
)


def _past_the_opening_comma(tok: Token, head: Token, content: list[Token]) -> list[Token]:
    """'According to the officer in charge that night, the scene is untrue': the words before
    the comma closing an opening "according to" phrase belong to the phrase, whatever the
    parse hung them on ("that night" on the verb); the words said start after it."""
    doc = tok.doc
    if tok.i != tok.sent.start:
        return content
    comma = next((t for t in doc[tok.right_edge.i + 1 : head.i] if t.text == ","), None)
    if comma is None or any(t.pos_ in ("VERB", "AUX") for t in doc[tok.i + 1 : comma.i]):
        return content
    return [t for t in content if t.i > comma.i]


def _according_with_no_verb(tok: Token, to: Token, source: Token) -> Cue | None:
    """'According to Rush Limbaugh, the move reeks of "fear"', parsed with no verb ("reeks"
    a plural noun) and "According" for the root: the words after the source's comma."""
    doc = tok.doc
    if tok.i != tok.sent.start or source.i + 1 >= len(doc) or doc[source.i + 1].text != ",":
        return None
    content = trim(list(doc[source.i + 2 : tok.sent.end]))
    if len(content) < 3:
        return None
    return Cue(tok, doc.text[tok.idx : to.idx + len(to)], source, content, "according")


def _source_read_as_verb(to: Token) -> Token | None:
    """'according to show insiders', parsed as "to show" with "insiders" its object: the
    source is the noun (a verb right after "according to" has no "to" of its own)."""
    verb = next((c for c in to.children if c.dep_ == "pcomp" and c.i == to.i + 1), None)
    if verb is None or verb.tag_ not in ("VB", "VBP"):
        return None
    return next((c for c in verb.children if c.dep_ == "dobj" and c.tag_ == "NNS"), None)


# Nouns that name something said: "the minister's request", "a call by the envoy".
SPEECH_ACT_NOUNS = frozenset(
    "request call demand appeal plea warning proposal offer promise threat message".split()
)


def _speech_act_agent(head: Token, skip: Token) -> Token | None:
    """Who made the speech act a clause names: 'the request of the Secretary of State' or 'the
    minister's request' -> Secretary, minister (a name or a title; not 'a request of hours')."""
    skipped = {t.i for t in skip.subtree}
    for noun in head.subtree:
        if noun.i in skipped or noun.pos_ != "NOUN" or noun.lower_ not in SPEECH_ACT_NOUNS:
            continue
        for child in noun.children:
            agents = [child] if child.dep_ == "poss" else []
            if child.dep_ == "prep" and child.lower_ in ("of", "by", "from"):
                agents = [c for c in child.children if c.dep_ == "pobj"]
            for agent in agents:
                if agent.pos_ == "PROPN" or agent.lower_ in VIEWPOINT_HEADS:
                    return agent
    return None


DOCUMENTS = frozenset(
    "statement report release post letter filing interview document "
    "announcement transcript tweet memo speech".split()
)


def _behind_document(noun: Token) -> Token:
    """'according to a statement from the mayor's office' -> the office; 'according to a
    speech Mrs. Clinton delivered' -> Clinton."""
    if cue_lemma(noun.text) not in DOCUMENTS:
        return noun
    for prep in noun.children:
        if prep.dep_ == "prep" and prep.lower_ in ("from", "by", "of"):
            for pobj in prep.children:
                if pobj.dep_ == "pobj":
                    return pobj
    for clause in noun.children:
        if clause.dep_ in ("relcl", "acl") and clause.lower_ in AUTHORING:
            author = next((c for c in clause.children if c.dep_ == "nsubj"), None)
            if author is not None and author.pos_ == "PROPN":
                return author
    return noun


# What the author of a document does to it: "a speech she delivered", "a memo he wrote".
AUTHORING = frozenset(
    """delivered gave wrote sent issued published released signed posted drafted delivers gives
    writes sends issues publishes releases signs posts drafts""".split()
)


VIEWPOINT_HEADS = frozenset(
    """president minister secretary leader chancellor premier ambassador envoy spokesman
    spokeswoman spokesperson diplomat official head chief mayor governor senator""".split()
)


def _viewpoint(tok: Token) -> Cue | None:
    """'For the Russian president, "…"': a person named before a comma that opens a quotation
    is its speaker. Only with the quotation marks: 'For Obama, it was …' is the writer's view."""
    pobj = next((c for c in tok.children if c.dep_ == "pobj"), None)
    if pobj is None or not (pobj.pos_ == "PROPN" or pobj.lower_ in VIEWPOINT_HEADS):
        return None
    doc, after = tok.doc, pobj.right_edge.i + 1
    if after + 1 >= len(doc) or doc[after].text != "," or doc[after + 1].text not in OPENING_MARKS:
        return None
    return Cue(tok, tok.text, pobj, trim(list(doc[after + 1 :])), "viewpoint")


def _in_their_words(tok: Token) -> Cue | None:
    """'In his words, the American side "does not …"', 'In the words of Ann Lee, …': a
    sentence opened so gives what follows the comma as that person's words."""
    words = next((c for c in tok.children if c.dep_ == "pobj" and c.lower_ == "words"), None)
    if words is None or tok.i != 0:
        return None
    owner = next((c for c in words.children if c.dep_ == "poss"), None)
    if owner is None:
        of = next((c for c in words.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        owner = next((c for c in of.children if c.dep_ == "pobj"), None) if of else None
    doc, after = tok.doc, tok.right_edge.i + 1
    if owner is None or owner.lower_ in ("my", "our", "your") or after >= len(doc) - 2:
        return None
    if doc[after].text != ",":
        return None
    return Cue(
        tok,
        doc.text[tok.idx : words.idx + len(words)],
        owner,
        trim(list(doc[after + 1 :])),
        "according",
    )


def _quoted_judgement(verb: Token) -> Cue | None:
    """'The Kremlin dismissed the plan as "a publicity stunt"': a judgement whose name for
    the thing is quoted gives those words to the verb's subject."""
    if verb.pos_ != "VERB" or passive(verb) or any(c.dep_ == "agent" for c in verb.children):
        return None
    misread = _naming_misread_as_modifier(verb)
    if (
        misread is None
        and not has_subject(verb)  # "a move the ministry called '…'" has one
        and (
            verb.dep_ in ("acl", "amod")
            or verb.tag_ == "VBN"
            and not any(c.dep_ == "aux" for c in verb.children)
        )
    ):
        return None  # 'emails labeled "top secret" by the department': a participle
    if verb.dep_ == "xcomp" and verb.head.lemma_ == "be":
        return None  # 'the meanest he got was to label as "USED NEWS" a story'
    if any(c.tag_ == "MD" for c in verb.children):
        return None  # 'that Trump would denounce "self-deportation"' supposes
    naming = naming_content(verb)
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    if (
        naming is None
        and len(objects) == 1
        and ("oprd" in NAMING_VERBS[cue_lemma(verb.text)] or quoted_words(objects[0]))
    ):
        # 'branded the reply "childish"' read as one object; 'condemned China's "aggressive
        # actions"' quotes the words; 'denounced the "Never Again" movement' names a thing
        naming = trim(list(objects[0].subtree))
    if not naming or not any(t.text in QUOTE_MARKS for t in naming):
        return None
    speaker = misread if misread is not None else subject_of(verb)
    if speaker is None or speaker.pos_ not in ("PROPN", "NOUN", "PRON"):
        return None
    return Cue(verb, _cue_text(verb), speaker, naming, "verb", naming=True)


def _naming_misread_as_modifier(verb: Token) -> Token | None:
    """'A spokesman for the group, Al-Fateh Qurashi, called Burhan's rejection "a
    declaration of war"': read as a noun phrase with a participle on it, though the
    participle has an object of its own (a man "called Ali" has none). The speaker, or None."""
    head = verb.head
    sentence = head if head.dep_ == "ROOT" else head.head if head.dep_ == "appos" else None
    objects = [c for c in verb.children if c.dep_ in ("dobj", "oprd")]
    if (
        verb.dep_ == "acl"
        and verb.tag_ == "VBN"
        and sentence is not None
        and sentence.dep_ == "ROOT"
        and (head.pos_ == "PROPN" or head.lower_ in PERSON_NOUNS)
        and (len(objects) > 1 or any(c.dep_ == "dobj" for c in objects))
    ):
        return head
    return _verb_lost_in_an_aside(verb) if objects else None


def _verb_lost_in_an_aside(verb: Token) -> Token | None:
    """'Ana Lima, who ran the 2012 campaign, called the plan "childish."' parsed with no verb:
    "called" a participle on "campaign", the last word of the aside. A participle right after
    the comma closing an aside on the sentence's person, in a sentence with no verb of its
    own, is that person's verb; the person, or None."""
    root = verb.sent.root
    if verb.dep_ != "acl" or verb.i == 0 or verb.doc[verb.i - 1].text != ",":
        return None
    if root.pos_ != "PROPN" and root.lower_ not in PERSON_NOUNS:
        return None
    if verb.head.i == root.i:  # or on the person, with the aside before it
        asides = [c for c in root.children if c.dep_ in ("relcl", "appos") and c.i < verb.i]
        return root if asides else None
    aside, head = None, verb.head
    while head.i != root.i and head.dep_ != "ROOT":
        aside = head if head.dep_ in ("relcl", "appos") and head.head.i == root.i else aside
        head = head.head
    return root if aside is not None and head.i == root.i and aside.i < verb.i else None


def find_cues(doc) -> list[Cue]:
    """Every speech cue in the parsed sentence, in reading order."""
    cues = []
    for tok in doc:
        if tok.lower_ == "according" and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "to":
            cue = _according(tok)
        elif tok.lower_ == "per" and tok.dep_ == "prep":
            cue = _per(tok)
        elif tok.lower_ == "for" and tok.dep_ == "prep":
            cue = _viewpoint(tok)
        elif tok.lower_ == "in" and tok.dep_ == "prep":
            cue = _in_their_words(tok)
        elif tok.pos_ == "NOUN" and tok.lower_ in REPORTING_NOUNS and not is_speech_verb(tok):
            cue = _their_remark(tok)  # (not "But Trump claims that …", a verb tagged a noun)
        elif tok.lower_ in READ_FORMS and tok.head.lower_ in DOCUMENT_NOUNS:
            cue = _written_reading(tok)
        elif cue_lemma(tok.text) in NAMING_ONLY:
            cue = _quoted_judgement(tok)
        elif is_speech_verb(tok):
            if (agent := _told_by(tok)) is not None and (content := content_of(tok)):
                cues.append(Cue(tok, _cue_text(tok), agent, content, "verb", via=channel_of(tok)))
                continue
            if passive(tok) or _asked_of_them(tok):
                continue
            if cue_lemma(tok.text) in QUOTE_ONLY_VERBS and (
                tok.dep_ == "xcomp" or any(c.dep_ == "xcomp" for c in tok.children)
            ):
                continue  # "likely to continue to pose a risk": no "…," he continued
            content = content_of(tok) or None
            naming = None if content else naming_content(tok)
            if naming and (_names_a_thing(tok) or _names_oneself(tok)):
                continue  # "a stream called Miller Run" names a thing; nobody is speaking
            if naming:
                speaker = subject_of(tok)
                if speaker is None:  # "A spokesman, Ali Omar, called the move '…'"
                    speaker = _naming_misread_as_modifier(tok)
                if speaker is None:
                    speaker = _it_names_in_quotes(tok, naming)
                if speaker is not None:
                    cues.append(Cue(tok, _cue_text(tok), speaker, naming, "verb", naming=True))
                continue
            if content is None and cue_lemma(tok.text) in CLAUSE_ONLY:
                continue
            if (as_reported := _as_reported(tok)) is not None:
                if as_reported is False:
                    continue  # "As reported earlier, the bridge will close": nobody named
                speaker = as_reported
            else:
                speaker = subject_of(tok)
            if (closing := _closing_tag_read_as_modifier(tok)) is not None:
                # "Prices rose …, a panel chaired by the governor reported on Monday."
                speaker, content = closing
            misread = speaker is None and _misread_as_modifier(tok)
            if misread:
                speaker = tok.head  # "Estonia's prime minister, Kaja Tamm, posted on Facebook:"
                content = content or _clause_after(tok, speaker)
            if speaker is None and _has_inanimate_subject(tok):
                continue
            if any(c.dep_ == "neg" for c in tok.children) and cue_lemma(tok.text) not in (
                "deny",
                "rule",
            ):
                continue  # "had not answered", "did not say whether": no speech reported
            if tok.dep_ == "xcomp" and tok.head.lower_.startswith(NOT_DONE):
                continue  # "declined to say whether …", "failed to note that …"
            if tok.dep_ == "pcomp" and tok.head.lower_ == "without":
                continue  # "…, it added, without elaborating": nothing more was said
            if any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in tok.children):
                continue  # "but if the president is now saying, …": supposed, not reported
            if _said_in_general(tok):
                continue  # "To say that X is theatre would be unfair": nobody reports it
            if _imperative(tok):
                continue  # "Let's say prices double", "Now tell us …": the writer supposing
            if tok.tag_ == "VBN" and tok.dep_ in ("acl", "amod") and not (misread or closing):
                continue  # "Hezbollah, accused of bombing …" is a passive participle
            if tok.dep_ == "acl" and tok.head.lower_.removesuffix("s") in SIGN_WORDS:
                continue  # "held up signs calling for the deal to be scrapped": a slogan
            if (
                cue_lemma(tok.text) == "conclude"
                and speaker is not None
                and (speaker.lower_ in FINDINGS)
            ):
                continue  # "the investigation concluded that …" reports a finding
            if cue_lemma(tok.text) == "conclude" and any(
                c.dep_ == "prep" and c.lower_ == "with" for c in tok.children
            ):
                continue  # "The spot concludes with footage of …": how it ends, not speech
            if cue_lemma(tok.text) in OPINION_VERBS and (
                speaker is None or speaker.lower_ in ("i", "we") or _belief_wished(tok)
            ):
                continue  # a belief is reported only for someone named: "I believe" is the writer's
            if speaker is not None and _nobody_in_particular(speaker):
                continue  # "If anyone really believed that …", "everyone says …"
            if (
                speaker is not None
                and not second_report(tok)  # the speaker is the first report's, not its own
                and (inserted := interrupted_clause(tok, speaker))
            ):
                content = inserted
            if speaker is not None and speaker.dep_ in ("conj", "appos", "attr") and content:
                content = with_misread_end(content, speaker)
            if content is None:
                if tok.dep_ != "relcl":  # not "…, a charge the mayor denied"
                    content = fronted_content(tok, speaker)
            elif content[-1].i < tok.i and not _adjoins(content, tok, speaker):
                # a clause before a verb mid-sentence is not its speech, unless the whole
                # sentence before the tag is ("A man shot…, her two…, police said.")
                reports = tok.dep_ == "ROOT" and tok.tag_ in ("VBD", "VBZ", "VBP")  # not "will"
                content = fronted_content(tok, speaker) if reports else None
                if content is None:
                    continue
            if content:
                content = from_the_quotation(tok, within_brackets(tok, content))
            via = None if as_reported is not None else channel_of(tok)  # (the agent speaks)
            cue = Cue(tok, _cue_text(tok), speaker, content, "verb", via=via)
        else:
            continue
        if cue is not None:
            cues.append(cue)
    return _repeated_tags(_through_outlets(_split_nested(_plans_inside_reports(cues))))


# What announces speech still to come: "plans to call for", "is expected to announce".
PLAN_FORMS = frozenset(
    """plan plans planned planning intend intends intended expect expects expected set
    prepare prepares prepared preparing going aim aims aimed scheduled due poised""".split()
)
FUTURE_AUXILIARIES = frozenset({"will", "'ll", "’ll", "shall"})
ADVANCE_TEXT = frozenset("say tell add write".split())


def _plans_inside_reports(cues: list[Cue]) -> list[Cue]:
    """'Clinton plans to call for more spending, the campaign said', 'The front-runner will
    propose spending …, according to an official': speech still to come is no report of its
    own inside the words of one who reports it."""

    def planned(verb: Token) -> bool:
        if cue_lemma(verb.text) in ADVANCE_TEXT:  # '"…," the president will say, according
            return False  # to excerpts': the words are his, released before he says them
        future = any(c.dep_ == "aux" and c.lower_ in FUTURE_AUXILIARIES for c in verb.children)
        return future or (verb.dep_ == "xcomp" and verb.head.lower_ in PLAN_FORMS)

    def reported(verb: Token) -> bool:
        return any(
            o.token != verb and o.content and verb.i in {t.i for t in o.content} for o in cues
        )

    return [c for c in cues if not (c.kind == "verb" and planned(c.token) and reported(c.token))]


def _opens_with(content: list[Token], speaker: Token) -> bool:
    """The words open with the speaker's phrase, after at most a short scene ("In Tehran,")."""
    before = [t for t in content if t.i < speaker.left_edge.i]
    return len([t for t in before if not t.is_punct and t.lower_ != "that"]) <= 3


def _through_outlets(cues: list[Cue]) -> list[Cue]:
    """'… Kanaani said in a briefing that Iran "welcomes any step," state news agency IRNA
    reported': an outlet reporting a report is the channel of its words, not their speaker."""
    dropped = []
    for cue in cues:
        if cue.kind != "verb" or cue.speaker is None or not cue.content:
            continue
        outlet = outlet_named(cue.speaker)
        inside = {t.i for t in cue.content}
        last = max(inside)
        nested = [  # a named speaker's report that is all the outlet's words from there on
            o
            for o in cues
            if o is not cue
            and o.kind == "verb"
            and o.speaker is not None
            and o.speaker.pos_ == "PROPN"
            and o.speaker.dep_ in ("nsubj", "nsubjpass")
            and o.token.tag_ not in ("VB", "VBG")  # said, not "was planning to call on"
            and o.token.i in inside
            and o.speaker.i in inside
            and o.content
            and max(t.i for t in o.content) >= last - 2
            and _opens_with(cue.content, o.speaker)
        ]
        if outlet and nested:
            dropped.append(cue)
            for o in nested:
                o.via = o.via or outlet
        # "Peskov told reporters …, according to the RIA Novosti agency": the source of the
        # report ends its words, and an outlet there is their channel
        for source in cues:
            if source.kind != "according" or cue.kind != "verb":
                continue
            trailing = source.token.right_edge.i >= last - 1 and source.token.i > min(inside) + 3
            if source.token.i in inside and trailing:
                kept = trim([t for t in cue.content if t.i < source.token.i])
                if not kept:
                    break
                cue.content, inside = kept, {t.i for t in kept}
            elif source.token.head.i != cue.token.i or source.token.i < last:
                continue  # not '… told Harlan that …, according to CCTV' either
            if source.speaker is not None and (named := outlet_named(source.speaker)):
                cue.via = cue.via or named
                dropped.append(source)
            elif source.speaker is not None and _their_document(source.speaker, cue.speaker):
                cue.via = cue.via or source.speaker.lower_  # "…, according to his website"
                dropped.append(source)
    for source in cues:  # "The crown prince stressed “…”, according to the agency"
        if source.kind != "according" or source.speaker is None or not source.content:
            continue
        media = outlet_named(source.speaker) or (
            source.speaker.lower_ if source.speaker.lower_ in MEDIA_NOUNS else None
        )
        within = {t.i for t in source.content}
        reports = [
            c
            for c in cues
            if c.kind == "verb"
            and c.speaker is not None
            and {c.token.i, c.speaker.i} <= within
            and _opens_with(source.content, c.speaker)
        ]
        quoted = any(t.text in QUOTE_MARKS for t in source.content)
        said = reports and all(c.content or quoted for c in reports)  # words of their own
        if media and said and source not in dropped:
            dropped.append(source)
            for report in reports:
                report.via = report.via or (media if media not in MEDIA_NOUNS else None)
    return [c for c in cues if c not in dropped]


def _their_document(document: Token, speaker: Token | None) -> bool:
    """'Khamenei described talks as "not wise", according to his official website': a
    named speaker's own document is where the words were printed, not who said them."""
    return (
        speaker is not None
        and speaker.pos_ == "PROPN"
        and document.lower_ in DOCUMENT_NOUNS | {"website", "account"}
        and any(c.dep_ == "poss" and c.lower_ in ("his", "her", "its") for c in document.children)
    )


def _repeated_tags(cues: list[Cue]) -> list[Cue]:
    """'Tyler said that voters can trust Cuomo's "principles," he said.': a pronoun's tag
    whose words are another report of the sentence (its speaker, verb and words) repeats that
    report's tag; it is no second report of the whole sentence, the first speaker's name
    included."""
    reports = [
        c
        for c in cues
        if c.kind == "verb"
        and c.content
        and c.speaker is not None
        and c.speaker.head.i == c.token.i  # its own subject: not "To believe the state must …"
        and c.speaker.dep_ in SUBJECT_DEPS
    ]
    out: list[Cue] = []
    beliefs: set[int] = set()
    for cue in cues:
        if (
            cue.kind == "verb"
            and cue.speaker is not None
            and (cue.speaker.lower_ in ("he", "she", "they") or _their_own(cue.speaker))
            and cue.content
            and cue.content[-1].i < cue.token.i  # a tag after the words
        ):
            inner = [o for o in reports if o is not cue and o.token.head.i == cue.token.i]
            if cue.speaker.lower_ not in ("he", "she", "they"):
                # "Manalo said the Philippines would not yield, his office said": the office
                # relays a report by the person it names; not "Lee said …, his aide said" of
                # another's words, which is rarer than this
                inner = [o for o in inner if o.speaker is not None and o.speaker.pos_ == "PROPN"]
            if inner and all(cue_lemma(o.token.text) in OPINION_VERBS for o in inner):
                # 'Beijing believes the mission should end, he said': the belief is what
                # he reports; he may speak for Beijing but is not it
                beliefs.update(id(o) for o in inner)
            elif inner:
                continue
        out.append(cue)
    return [c for c in out if id(c) not in beliefs]


# Those who relay a named person's words: "Lavrov told Wang that …, the foreign ministry said".
# (and a leader's seat: "Macron told Xi that …, the Elysee Palace said"; the White House)
RELAYS = frozenset(
    """office ministry spokesman spokeswoman spokesperson aides readout palace presidency
    kremlin chancellery""".split()
)


def _their_own(speaker: Token) -> bool:
    """'his office', 'her spokesman', 'the foreign ministry': a body or aide that relays."""
    if speaker.lower_ in RELAYS:  # (the parse may take "the Chinese foreign ministry" for a name)
        return speaker.pos_ in ("NOUN", "PROPN")
    if speaker.lower_ == "house" and any(c.lower_ == "white" for c in speaker.children):
        return True
    return speaker.pos_ == "NOUN" and any(
        c.dep_ == "poss" and c.lower_ in ("his", "her", "their") for c in speaker.children
    )


def _separate_report(verb: Token) -> bool:
    """A speech verb with its own subject heading a coordinated ('and critics warned …') or
    concessive ('though she noted …') clause; not 'lying when they say …', which is part of
    the first claim."""
    if subject_read_as_conj(verb) is not None:
        return True
    if _participle_report(verb):
        return True
    if not any(c.dep_ == "nsubj" for c in verb.children):
        return False
    if verb.dep_ == "conj":
        return True
    if verb.dep_ == "pcomp" and verb.head.lower_ == "with" and verb.tag_ == "VBG":
        return True  # "…, with Lavrov accusing Western countries of …": his own report
    marks = {c.lower_ for c in verb.children if c.dep_ == "mark"}
    # "…, as Manila accused Beijing of …" closing the sentence; not "Trump — even as he says
    # … — has proposed little", a clause inside the first report
    closing = "as" in marks and verb.right_edge.i >= len(verb.doc) - 2
    return verb.dep_ == "advcl" and (bool(marks & CONCESSIVE) or closing)


def _participle_report(verb: Token) -> bool:
    """'…, insisting her government won't spend another penny', '…, adding that …': a speech
    participle set off by a comma reports words of its own, after the first report's."""
    doc = verb.doc
    return (
        _bare_participle(verb)
        and verb.i > 1
        and doc[verb.i - 1].text == ","
        and verb.dep_ in ("advcl", "xcomp", "conj", "ccomp")
    )


def _bare_participle(verb: Token) -> bool:
    """A participle with no subject or conjunction of its own ("insisting", not "as she
    said" or "Lavrov accusing")."""
    return verb.tag_ == "VBG" and not any(c.dep_ in ("nsubj", "mark") for c in verb.children)


def _goes_on_from(cue: Cue, other: Cue, inside: set[int]) -> bool:
    """'Lee said the province will stick to it, insisting …, and suggesting …': the
    participles inside the words after the verb (not those of a fronted report: "Trump
    welcomed the news, saying …, CNN reported" is Trump saying it)."""
    verb = other.token
    return (
        other is not cue
        and other.kind == "verb"
        and verb.i in inside
        and cue.token.i < verb.i
        and _bare_participle(verb)
        and (_participle_report(verb) or (verb.dep_ == "conj" and _participle_report(verb.head)))
    )


def _split_nested(cues: list[Cue]) -> list[Cue]:
    """'Lee said prices rose, though she noted that wages rose too': a clause with a speaker
    and speech verb of its own ends the first report; each keeps its own content."""
    for cue in cues:
        if cue.kind != "verb" or not cue.content:
            continue
        inside = {t.i for t in cue.content}
        cuts = [
            # (from "with" on, for "…, with Lavrov accusing …"; from "and" on, for "… and
            # Democrats accused …")
            o.token.head.i
            if o.token.dep_ == "pcomp"
            else (misread.left_edge.i - 1)
            if (misread := subject_read_as_conj(o.token)) is not None
            else o.token.left_edge.i
            for o in cues
            if o is not cue
            and o.kind == "verb"
            and o.content
            and o.token.i in inside
            and _separate_report(o.token)
            and o.token.left_edge.i > cue.content[0].i
        ]
        # "told a woman who suggested that …, that '…'": what the earlier verb was told
        # ends what the relative clause's verb said
        cuts += [
            o.content[0].i - (o.content[0].nbor(-1).lower_ == "that")
            for o in cues
            if o is not cue
            and o.kind == "verb"
            and o.content
            and cue.token.dep_ == "relcl"
            and cue.token.head.head == o.token  # the listener's relative clause
            and o.content[0].i in inside
            and o.content[0].i > cue.content[0].i
        ]
        if cuts:
            cue.content = trim([t for t in cue.content if t.i < min(cuts)]) or cue.content
        for o in cues:  # a participle is said by whoever said the words it goes on from
            if _goes_on_from(cue, o, inside):
                o.speaker = cue.speaker
    return cues


def _names_oneself(verb: Token) -> bool:
    """'a man calling himself Paul Paul': the name someone goes by, not something said (but
    "called himself pro-choice", "calling himself a Democrat" say what they stand for)."""
    if cue_lemma(verb.text) != "call":
        return False
    if not any(c.dep_ == "dobj" and c.lower_ in REFLEXIVES for c in verb.children):
        return False
    named = [c for c in verb.children if c.dep_ in ("oprd", "xcomp", "attr")]
    return any(
        len(words := list(c.subtree)) >= 2 and all(t.pos_ == "PROPN" for t in words) for c in named
    )


def _it_names_in_quotes(verb: Token, naming: list[Token]) -> Token | None:
    """'The union condemned what it described as "a betrayal"': "it" is a body naming a thing
    in its own quoted words (a subject the plain "it" rule mutes for verbs other than
    saying: "it describes a world where …" is a book's or a plan's). Not inside what someone
    says ("Pompeo said Washington rejects what it calls '…'"): theirs, as a report."""
    if not any(t.text in QUOTE_MARKS for t in naming):
        return None
    if any(cue_lemma(a.text) in PLAIN_SAYING for a in verb.ancestors):
        return None
    return next((c for c in verb.children if c.dep_ == "nsubj" and c.lower_ == "it"), None)


REFLEXIVES = frozenset("himself herself themselves itself myself ourselves".split())


def _names_a_thing(verb: Token) -> bool:
    """A passive participle on a noun ('a group called X') has one complement, the name;
    with an object as well ('the doctor who wrote the letter called him a quack') the verb is
    active and misparsed."""
    if verb.dep_ == "advcl" and verb.tag_ in ("VBD", "VBN") and not has_subject(verb):
        # "started a campaign last year called Code Critical", the participle read as the
        # verb of a clause: a name and no object named by it
        return not any(c.dep_ == "dobj" for c in verb.children)
    if verb.dep_ not in ("acl", "amod"):  # a participle, even when tagged past tense
        return False
    if has_subject(verb) or _verb_lost_in_an_aside(verb) is not None:
        return False  # "a move China's foreign ministry called '…'": someone names it
    return sum(1 for c in verb.children if c.dep_ in ("dobj", "oprd")) < 2


GENERIC_PEOPLE = frozenset("anyone anybody nobody everyone everybody".split())


def _clause_after(verb: Token, head: Token) -> list[Token] | None:
    """'Estonia's prime minister, Kaja Tamm, posted on Facebook that …': with the verb read as
    a modifier, the that-clause after it hangs on the same noun."""
    for clause in head.children:
        if (
            clause.i > verb.i
            and clause.dep_ in ("relcl", "ccomp", "acl")
            and any(m.dep_ == "mark" and m.lower_ == "that" for m in clause.children)
        ):
            return subtree(clause)
    return None


def _closing_tag_read_as_modifier(verb: Token) -> tuple[Token, list[Token]] | None:
    """'Astronomers have detected water …, a team led by researchers at Cambridge reported
    on Wednesday.': a closing tag whose subject carries a participle phrase, parsed with the
    verb as a modifier inside it. The noun phrase after the comma speaks; the clause before
    it is what it said."""
    doc = verb.doc
    if verb.dep_ != "acl" or verb.tag_ not in ("VBD", "VBN"):
        return None
    if any(c.dep_ in ("dobj", "agent", "nsubj", "nsubjpass") for c in verb.children):
        return None  # "a plan reported by the mayor", "a report citing …"
    if any(t.i > verb.right_edge.i and not t.is_punct for t in verb.sent):
        return None  # the tag ends the sentence
    noun = verb.head
    while noun.dep_ == "pobj":  # "governor" of "a panel chaired by the governor": the panel
        above = noun.head.head
        if above.dep_ == "acl" and above.tag_ == "VBN":
            above = above.head
        if above.pos_ not in ("NOUN", "PROPN"):
            break
        noun = above
    root = noun.head
    if noun.dep_ not in ("npadvmod", "appos") or root.dep_ != "ROOT" or root.pos_ != "VERB":
        return None
    led = any(
        c.dep_ == "acl" and c is not verb and any(g.dep_ == "agent" for g in c.children)
        for c in noun.children
    )
    if not led:  # (what misleads the parse: "a team led by …"; not "a move widely reported")
        return None
    comma = noun.left_edge.i - 1
    if comma <= verb.sent.start or doc[comma].text != "," or root.i > comma:
        return None
    said = [t for t in doc[verb.sent.start : comma] if not t.is_punct or t.i < comma - 1]
    return (noun, said) if len(said) >= 3 else None


def _misread_as_modifier(verb: Token) -> bool:
    """'Estonia's prime minister, Kaja Tamm, posted on Facebook:' parses as a noun phrase
    with a participle on it; with no other verb in the sentence, the participle is the
    verb and the noun its subject."""
    head = verb.head
    return (
        verb.dep_ == "acl"
        and verb.tag_ == "VBN"
        and head.dep_ == "ROOT"
        and (head.pos_ == "PROPN" or head.lower_ in PERSON_NOUNS)  # someone, not "a dictum"
        and cue_lemma(verb.text) in PLAIN_SAYING
        and not any(c.dep_ == "agent" for c in verb.children)  # "a plan posted by the mayor"
    )


def _nobody_in_particular(speaker: Token) -> bool:
    """'anyone', 'everyone' alone: the writer's generalisation, not someone's report ('anyone
    who was there said …' names a group and stays)."""
    return speaker.lower_ in GENERIC_PEOPLE and not list(speaker.children)


WISHING = frozenset("need needs needed want wants wanted seem seems seemed".split())


def _belief_wished(verb: Token) -> bool:
    """'they'll need to believe their efforts worked', 'seems to believe': a belief the writer
    supposes or asks for, not one someone holds and states."""
    return verb.dep_ == "xcomp" and verb.head.lower_ in WISHING


def _said_in_general(verb: Token) -> bool:
    """An infinitive saying that is a clause's subject ("But to say that Parliament is
    theatre doesn't …") or the complement of an adjective ("It is fair to say that …"): the
    writer weighing a claim, nobody making it."""
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return False
    if verb.dep_ in ("csubj", "csubjpass"):
        return True
    head = verb.head
    return (
        verb.dep_ == "xcomp"
        and any(c.dep_ == "acomp" for c in head.children)
        and any(c.dep_ == "nsubj" and c.lower_ == "it" for c in head.children)
    )


def _imperative(verb: Token) -> bool:
    """A bare verb with no subject heading its clause, or after 'let's', addresses the reader."""
    if verb.tag_ != "VB":
        return False
    if verb.head.lower_ == "let" and verb.head.i < verb.i:
        return True
    subject = any(c.dep_ in ("nsubj", "nsubjpass", "aux") for c in verb.children)
    return verb.dep_ == "ROOT" and not subject


def _adjoins(content: list[Token], verb: Token, speaker: Token | None) -> bool:
    """Only punctuation, the speaker phrase and the verb's auxiliaries separate a fronted
    clause from its verb ('…," the minister has said')."""
    allowed = set(speaker.subtree) if speaker is not None else set()
    if (opens := misread_closing_tag(verb)) is not None:  # '"…," the narrator states.'
        allowed |= set(verb.doc[opens : verb.i])
    for t in verb.doc[content[-1].i + 1 : verb.i]:
        if t.text in (":", ";"):
            return False  # 'Tempers rose: the mayor said …' — a colon looks ahead, not back
        if not (
            t.is_punct
            or t in allowed
            or (t.head.i == verb.i and t.dep_ in ("aux", "neg", "advmod"))
            or (t.head.i == verb.i and t.dep_ == "mark" and t.lower_ == "as" and _closing_tag(verb))
        ):
            return False
    return True


# Verbs of an as-clause that tags the words before it: "…, as Breitbart reported."
AS_TAGS = frozenset("say put note report write acknowledge explain argue observe remark".split())


def _closing_tag(verb: Token) -> bool:
    """'"…," as one official put it.': an as-clause that ends the sentence on its verb (not
    "…, as Kenyatta announced the end of the siege", a clause of its own)."""
    doc = verb.doc
    if cue_lemma(verb.text) not in AS_TAGS or not all(
        t.is_punct for t in doc[verb.right_edge.i + 1 :]
    ):
        return False
    mark = next(c for c in verb.children if c.dep_ == "mark")
    if mark.i == 0 or not doc[mark.i - 1].is_punct:
        return False  # "not as toxic as insiders believe" compares
    return all(
        c.is_punct
        or c.dep_ in ("advmod", "npadvmod", "aux")
        or (c.dep_ == "dobj" and c.lower_ == "it")
        or (c.dep_ == "prep" and c.lower_ in ("in", "on", "at"))
        for c in verb.children
        if c.i > verb.i
    )


def _as_reported(tok: Token) -> Token | Literal[False] | None:
    """'As reported by The Globe and Mail, the province will …': the report is the agent's
    (or the document's it is "stated in"), not the subject's of the clause it qualifies;
    with neither ("As reported earlier,") it is nobody's (False). None when the verb is not
    such a participle."""
    if tok.tag_ != "VBN" or tok.dep_ != "advcl" or has_subject(tok):
        return None
    if tok.head.tag_ == "VBG" or not has_subject(tok.head):
        return None  # (a clause misparsed around it: "as reported by X citing Y, …")
    if not any(c.dep_ == "mark" and c.lower_ == "as" for c in tok.children):
        return None
    # "As stated in Davis' commentary": the document, which speaks for its author
    by = next((c for c in tok.children if c.dep_ == "agent" or c.lower_ == "in"), None)
    name = next((c for c in by.children if c.dep_ == "pobj"), None) if by else None
    return name if name is not None else False


def _told_by(tok: Token) -> Token | None:
    """'Holloway was told by Orlov that …', 'they were assured by the minister that …': a
    listener made the subject; the speaker is the agent after "by", and asks the question
    quoted after it ('was asked by host Bill Marr, "…?"')."""
    if not passive(tok) or cue_lemma(tok.text) not in AUDIENCE:
        return None
    if cue_lemma(tok.text) == "ask" and not any(
        c.dep_ == "ccomp" and c.i > tok.i and c.left_edge.text in OPENING_MARKS
        for c in tok.children
    ):
        return None  # "was asked by the moderator whether …" is a question, not a report
    for agent in tok.children:
        if agent.dep_ == "agent":
            return next((c for c in agent.children if c.dep_ == "pobj"), None)
    return None


def _asked_of_them(tok: Token) -> bool:
    """'would not comment when asked if …', 'Asked whether …, Lee said': a question put to
    the clause's subject, whose words it is not (the reporter's, unnamed)."""
    if cue_lemma(tok.text) == "ask" and tok.dep_ == "ROOT":
        return _asked_then_verb(tok)
    if cue_lemma(tok.text) != "ask" or tok.dep_ not in ("advcl", "acl", "ccomp"):
        return False
    if tok.dep_ == "ccomp":  # "Ingrid Lund, asked whether …, said" parsed as her question
        return scene_clause(tok.head, tok) and not has_subject(tok.head)
    if any(c.dep_ in SUBJECT_DEPS for c in tok.children):
        # "Ana Ruiz, asked at her briefing whether …, said": the subject, parsed as the
        # asker, is whom the question was put to and the subject of the verb after it
        head = tok.head
        return (
            tok.dep_ == "advcl"
            and tok.i > 0
            and tok.doc[tok.i - 1].text == ","
            and head.i > tok.i
            and is_speech_verb(head)
            and not any(c.dep_ in SUBJECT_DEPS for c in head.children)
        )
    # the parser often tags "when asked" or "Ana Ruiz, asked at her briefing whether …, said"
    # a past tense; with no subject of its own it is the participle ("asking" is not)
    return tok.tag_ in ("VBN", "VBD")


def _asked_then_verb(tok: Token) -> bool:
    """'Leon Dray, asked if he would take on more minutes, shrugged.': the parse makes "asked"
    the sentence's verb and the real one, set off by a comma, its complement."""
    doc = tok.doc
    if tok.i == 0 or doc[tok.i - 1].text != ",":
        return False
    subject = any(c.dep_ in SUBJECT_DEPS and c.i < tok.i for c in tok.children)
    verb_after = any(
        c.i > tok.i and c.pos_ == "VERB" and doc[c.i - 1].text == "," and not has_subject(c)
        for c in tok.children
    )
    return subject and verb_after


def _has_inanimate_subject(tok: Token) -> bool:
    """'everything indicates that…' and 'those who say that…' are not attributable speech."""
    if tok.dep_ == "relcl" and tok.head.lower_ in NOT_SPEAKERS:
        return True
    return any(c.dep_ in SUBJECT_DEPS and mute(c, tok) for c in tok.children)
