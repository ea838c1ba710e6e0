"""Who is reported as speaking: the speech verb's subject, climbing from a clause to the
verb it hangs on; the one asked, quoted or answered; a name printed after the verb ("said
Ann Lee"); and the subjects that are no speakers ("it suggests", "this means")."""

from spacy.tokens import Doc, Token

from app.extract.speakers.lexicon import PERSON_NOUNS
from app.extract.speakers.mentions import TIME_WORDS
from app.extract.speakers.name_spans import french_body_start
from app.extract.speakers.officials import default_officials
from app.extract.speakers.typing import is_place
from app.extract.speech.parse_tokens import (
    AUDIENCE,
    CLIMB_DEPS,
    FINITE_TAGS,
    SAID_WHEN,
    SUBJECT_DEPS,
    clause_after_the_name,
    has_subject,
    is_speech_verb,
    name_it_gives,
    quoted_person,
    scene_clause,
)
from app.extract.text.closing_tags import (
    closes_before_a_tag,
    misread_closing_tag,
    phrase_head,
    tag_read_as_modifier,
)
from app.extract.verbs import lemma as cue_lemma

QUOTED_AS = frozenset({"quote", "cite"})  # "was quoted as saying" keeps its speaker
# "can be heard telling", "was filmed saying": the one heard or filmed speaks; so does one
# "prompted to say", "forced to admit", "moved to write"
PERCEIVED = frozenset(
    """heard overheard seen filmed recorded caught videotaped taped prompted forced compelled
    moved pressed obliged""".split()
)
NOT_SPEAKERS = frozenset(
    """it everything something nothing anything this that these those which what there all
    each both one many some few neither none nobody""".split()
)
# "it said" is a body speaking, and "some said" a group, with a verb of plain saying; with
# "indicate" or "suggest" the subject is a fact ("it suggests that…").
SPEAKING_QUANTIFIERS = frozenset("all both many some few".split())
PLAIN_SAYING = frozenset(
    """say tell add state announce report note write confirm explain warn advise claim argue
    deny insist respond reply urge ask tweet post allege acknowledge admit stress reiterate
    complain declare remind""".split()
)


def mute(subject: Token, verb: Token) -> bool:
    """A subject that cannot be a speaker of this verb."""
    low = subject.lower_
    if low not in NOT_SPEAKERS:
        return False
    if low == "it" or low in SPEAKING_QUANTIFIERS or _one_of_them(subject):
        return cue_lemma(verb.text) not in PLAIN_SAYING
    if low == "one" and verb.tag_ == "VBD" and cue_lemma(verb.text) in PLAIN_SAYING:
        return False  # 'Fans reacted. "…," one wrote.' (not "one could argue")
    if low == "those" and any(c.dep_ in ("acl", "prep", "amod") for c in subject.children):
        return cue_lemma(verb.text) not in PLAIN_SAYING  # "All those involved say …"
    return True


def _one_of_them(subject: Token) -> bool:
    """'one of the people familiar with the matter', 'each of the envoys': one of some people."""
    return subject.lower_ in ("one", "each") and any(
        c.dep_ == "prep"
        and c.lower_ == "of"
        and any(
            g.dep_ == "pobj" and (g.tag_ in ("NNS", "NNPS") or g.lower_ == "them")
            for g in c.children
        )
        for c in subject.children
    )


def subject_read_as_time_phrase(clause: Token) -> Token | None:
    """'Lee asks as a maintenance guy walks in, saying …', parsed with "as a … guy" for a
    phrase on "asks" and "walks" for what was asked: the subject of a clause with none is
    the noun of the "as" or "while" phrase right before it."""
    if has_subject(clause) or clause.dep_ != "ccomp":
        return None
    for p in clause.head.children:
        if p.dep_ == "prep" and p.lower_ in ("as", "while") and p.right_edge.i + 1 == clause.i:
            return next((c for c in p.children if c.dep_ == "pobj"), None)
    return None


def subject_of(verb: Token, depth: int = 0, said: Token | None = None) -> Token | None:
    """The verb's subject, or for 'adding that…'/'and warned…' the subject of its head;
    `said` is the speech verb asked about, when `verb` is one above it."""
    if (opens := misread_closing_tag(verb)) is not None:
        # '"…," a voice-over in the ad states.': the phrase's head, whatever the parse hung it on
        phrase = verb.doc[opens : verb.i]
        heads = [t for t in phrase if t.pos_ in ("NOUN", "PROPN", "ADJ") and t.head not in phrase]
        heads.sort(key=lambda t: t.pos_ == "ADJ")  # a noun first; else "the 31-year-old"
        return heads[0] if heads else None
    if (french := _french_body_before(verb)) is not None:
        return french  # "The Fédération des clubs de randonneurs du Québec said": misparsed
    if (joined := subject_read_as_conj(verb)) is not None:
        return joined
    if (shown := _shown_saying(verb) or _left_saying(verb)) is not None:
        return shown
    if (sentence := _noun_read_as_verb(verb)) is not None:
        whose = verb.doc[verb.i - 1]  # "rejected European Union demands that …": the Union's
        return whose if whose.head == sentence and whose.pos_ in ("PROPN", "NOUN") else None
    if (
        noun := _misread_speaker(verb)
        or described_subject_misread(verb)
        or _subject_after_semicolon(verb)
        or _root_noun_misread(verb)
        or _subject_after_the_day(verb)
        or _subject_hung_on_the_opening(verb)
        or _subject_read_into_the_opening(verb)
        or _subject_inside_the_question(verb)
        or _subject_of_a_participle(verb)
        or _listed_into_the_absolute(verb)
        or _scene_read_as_subject(verb)
        or subject_read_as_time_phrase(verb)
    ) is not None:
        return noun
    if (quoted := quoted_person(verb)) is not None:
        return quoted
    if (moved := _moved_to_speak(verb)) is not None:
        return moved
    if (inserted := _name_after_inserted_verb(verb)) is not None:
        return inserted
    if (asked := clause_after_the_name(verb)) is not None:  # '"…," said Ann Lee, asked about'
        return name_it_gives(asked) or next(c for c in asked.children if c.dep_ == "nsubj")
    if (tagged := _named_in_the_tag(verb)) is not None:
        return tagged
    if (described := _named_after_the_quotation(verb)) is not None:
        return described
    # With two subjects ("The archive, director X said, …") the one next to the verb speaks.
    for child in sorted(verb.children, key=lambda c: (c.i > verb.i, -c.i)):
        if child.dep_ in SUBJECT_DEPS and _some_of_whom(child):
            return _whom(child) or child  # "family members, many of whom say …"
        # ("Some seek to be removed … and argue that …": some argue; not the "it" of a
        # quotation's stand-in, "It is so," joined to the tag's verb)
        some = child.lower_ in SPEAKING_QUANTIFIERS or _one_of_them(child)
        beside = said is not None and said.dep_ == "advcl"  # "it attacked Trump, saying"
        asked = said if said is not None and (some or beside) else verb
        if child.dep_ in SUBJECT_DEPS and mute(child, asked):
            return None
        if child.dep_ in SUBJECT_DEPS:
            if child.lower_ in RELATIVE_PRONOUNS:  # the noun the clause is about, or no one
                clause = _relative_clause(verb)
                if clause is None or clause.head.lower_ in NOT_SPEAKERS:
                    return None
                noun = clause.head  # "Ana Lima, a deputy who said …": Ana Lima
                if child.lower_ == "who":
                    noun = _whose_place(noun)
                return noun.head if noun.dep_ == "appos" and noun.head.pos_ == "PROPN" else noun
            if (owner := _the_its_owner(child, verb)) is not None:
                return owner
            return _listed_last(child, verb)
        if (
            child.dep_ == "nsubjpass"
            and depth > 0
            and (cue_lemma(verb.text) in QUOTED_AS or verb.lower_ in PERCEIVED)
        ):
            return child  # "he was quoted as saying", "the officer can be heard telling"
    if depth < 3 and (sibling := _joined_to_the_nearer(verb)) is not None:
        return subject_of(sibling, depth + 1, _joined(verb, said))
    if second_report(verb) and (outer := _reported_in(verb)) is not None:
        # 'said X was "…" and told them that …': she did
        return subject_of(outer, depth + 1, _joined(verb, said))
    if (speaker := _subject_of_the_scene(verb) or _the_one_asked(verb)) is not None:
        return speaker
    if verb.dep_ == "relcl" and verb.head.pos_ in ("NOUN", "PROPN"):
        return verb.head
    if (
        verb.dep_ == "acl"
        and verb.tag_ == "VBG"
        and verb.head.head.lower_ == "with"
        and verb.i == verb.head.i + 1  # (not "with a reference to …, remarking, …")
        and is_speech_verb(verb)
    ):
        return verb.head  # "…, with analysts warning that costs would climb": the analysts
    if (absolute := _subject_of_the_absolute(verb)) is not None:
        return absolute
    if verb.tag_ in ("VBD", "VBZ", "VBP") and (named := _name_before(verb)) is not None:
        return named
    if verb.dep_ == "compound" and verb.head.pos_ == "PROPN":
        return verb.head  # "Said Lavrov" parsed as a name
    if (named := _name_after(verb)) is not None:
        return named
    if narrated(verb):  # "said X would …, and called him …": the speaker goes on
        return subject_of(verb.head.head, depth + 1, _joined(verb, said))
    if (denier := _after_a_relative_clause(verb)) is not None:
        return denier
    if depth < 3 and verb.dep_ in CLIMB_DEPS:
        if (outer := _outside_the_that_clause(verb)) is not None:
            return subject_of(outer, depth + 1, _joined(verb, said))
        for anc in verb.ancestors:
            if anc.pos_ in ("VERB", "AUX"):
                # "X rejected EU demands that …, saying …": X is saying it, not the EU
                said = _joined(verb, said) or _saying_beside(verb, anc)
                return subject_of(_noun_read_as_verb(anc) or anc, depth + 1, said)
    return _name_before(verb)


RELATIVE_PRONOUNS = frozenset({"who", "which", "that"})


RELATIVE_WORDS = frozenset("that which whom where when".split())


def _named_after_the_quotation(verb: Token) -> Token | None:
    """'"…," Texas delegate Bill Eastwood, wearing a cowboy hat, said.', parsed with the
    name and the participle inside the words and no subject on the verb: the noun phrase
    right after the closing mark, set off by a participle phrase, speaks (also in "…, said
    matter-of-factly as …")."""
    doc = verb.doc
    if has_subject(verb) or doc[verb.i - 1].text != ",":
        return None
    if any(c.dep_ in ("ccomp", "dobj", "xcomp") and c.i > verb.i for c in verb.children):
        return None  # (words reported after the verb are its own)
    closing = next(
        (n for n in range(verb.sent.start + 1, verb.i) if closes_before_a_tag(doc, n)), None
    )
    if closing is None:
        return None
    end = closing + 1
    while end < verb.i and doc[end].pos_ in ("PROPN", "NOUN", "ADJ", "DET", "NUM"):
        end += 1
    if end == closing + 1 or doc[end].text != "," or doc[end + 1].tag_ not in ("VBG", "VBN"):
        return None
    return doc[end - 1] if doc[end - 1].pos_ in ("PROPN", "NOUN") else None


def _after_a_relative_clause(verb: Token) -> Token | None:
    """'… complained the contest was "rigged," a charge that Colorado Republican leaders
    strongly denied, noting that …': a participle right after a relative clause with a
    subject of its own goes on from that clause, whatever the parse hung it on."""
    doc = verb.doc
    if verb.tag_ != "VBG" or verb.i < 3 or doc[verb.i - 1].text != ",":
        return None
    clause = next((a for a in doc[verb.i - 2].ancestors if a.dep_ == "relcl"), None)
    if doc[verb.i - 2].dep_ == "relcl":
        clause = doc[verb.i - 2]
    if clause is None or clause.right_edge.i != verb.i - 2 or verb in clause.subtree:
        return None
    # (a relative word it opens on, or a "that" standing for its object, not the "that" of
    # what is reported: "accusations that Rubio recites the same points, calling him …" is
    # the accuser's)
    relative = any(c.dep_ != "mark" and c.lower_ in RELATIVE_WORDS for c in clause.children)
    gap = not any(c.dep_ in ("dobj", "ccomp", "attr") for c in clause.children)
    if not relative and not (gap and any(c.lower_ == "that" for c in clause.children)):
        return None
    subject = next((c for c in clause.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.lower_ in RELATIVE_PRONOUNS or subject.pos_ == "PRON":
        return None
    return subject


def _named_in_the_tag(verb: Token) -> Token | None:
    """'The party, attended by hundreds, "allows us to get our message out," said Frank
    Coleman': with a subject before the quotation and one after its closing tag's verb, the
    one the tag names speaks (the other is what the quotation is about)."""
    doc = verb.doc
    if verb.i == 0 or doc[verb.i - 1].text not in ('"', "”", "’", "''"):
        return None
    subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS]
    after = [c for c in subjects if c.i > verb.i and c.left_edge.i == verb.i + 1]
    before = [c for c in subjects if c.i < verb.i]
    return after[0] if after and before else None


def _joined_to_the_nearer(verb: Token) -> Token | None:
    """'A group of rabbis called for a boycott, and the Anti-Defamation League denounced the
    rhetoric and said …', parsed with "said" joined to "called": a clause with a subject of
    its own between them is the one "said" goes on from."""
    if verb.dep_ != "conj":
        return None
    nearer = [
        c
        for c in verb.head.children
        if c.dep_ == "conj" and c.i < verb.i and c.pos_ in ("VERB", "AUX") and has_subject(c)
    ]
    return nearer[-1] if nearer else None


def _whose_place(noun: Token) -> Token:
    """'Alan Berger, a gynecologist from Englewood, New Jersey, who said …', 'Ann Lee, an
    analyst at Jefferies, who said …': "who" is the named person a description with where
    they are from or work describes, not the place or firm (but "a reaction from Ann Lee,
    who said" is hers)."""
    if noun.dep_ != "pobj" or noun.pos_ != "PROPN" or noun.head.lower_ not in PLACED_BY:
        return noun
    described = noun.head.head
    if described.pos_ == "NOUN" and described.dep_ == "appos" and described.head.pos_ == "PROPN":
        return described
    # a place is no "who": "nervous Democrats on Capitol Hill, who have argued …"
    # (or the noun before the preposition, if the parse hung it on the verb: "to reassure
    # farmers in Saskatchewan, who …")
    place = noun.doc[noun.left_edge.i : noun.i + 1].text
    if described.pos_ not in ("NOUN", "PROPN") and noun.head.i > 0:
        described = noun.doc[noun.head.i - 1]
    if described.pos_ in ("NOUN", "PROPN") and is_place(place, default_officials()):
        return described
    return noun


PLACED_BY = frozenset(("from", "in", "at", "on", "of"))


def _joined(verb: Token, said: Token | None) -> Token | None:
    """The speech verb a subject is asked for while climbing: "and argue" shares the subject
    of the verb it is joined to, so that verb's subject speaks if it can argue; a clause
    hung on another ("it was premature …, while adding") does not."""
    return (said or verb) if verb.dep_ == "conj" else None


def _subject_of_the_absolute(verb: Token) -> Token | None:
    """ "X remain confident despite a few early supporters, such as Bob Corker, now saying
    …": a participle of saying right after the noun of "despite" or "amid" hung on
    its verb has that noun for subject (parsed as the main verb's)."""
    if verb.dep_ != "advcl" or verb.tag_ != "VBG" or not is_speech_verb(verb):
        return None
    doc = verb.doc
    for prep in verb.head.children:
        if prep.dep_ != "prep" or prep.lower_ not in ABSOLUTE_PREPOSITIONS or prep.i > verb.i:
            continue
        noun = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if noun is None:
            continue
        between = doc[noun.right_edge.i + 1 : verb.i]
        if all(t.is_punct or t.dep_ == "advmod" for t in between):
            return noun
    return None


ABSOLUTE_PREPOSITIONS = frozenset(("despite", "amid"))


def _saying_beside(verb: Token, done: Token) -> Token | None:
    """ "Meanwhile, it attacked Trump, saying …": a participle of saying set beside what its
    subject did speaks for that subject, a body's "it" too (not "it was premature …, adding",
    whose "it" is no one)."""
    doc = verb.doc
    if (
        verb.dep_ == "advcl"
        and verb.tag_ == "VBG"
        and doc[verb.i - 1].text == ","
        and verb.head == done
        and done.pos_ == "VERB"
        and done.dep_ == "ROOT"  # what the sentence says was done, not "… insisted it was …"
        and done.lower_ not in BE_FORMS
    ):
        return verb if cue_lemma(verb.text) in PLAIN_SAYING else None
    return None


BE_FORMS = frozenset("is was are were be been being".split())


def _disagrees_with_the_clause(verb: Token) -> bool:
    """'Strategists fear that Ann has already missed a chance and warn that …', parsed with
    "warn" joined to "missed": a plural verb cannot be the singular subject's, so it goes
    with the plural verb the that-clause hangs on."""
    head = verb.head
    if verb.dep_ != "conj" or verb.tag_ not in ("VB", "VBP") or head.dep_ != "ccomp":
        return False
    if not any(c.dep_ == "mark" and c.lower_ == "that" for c in head.children):
        return False
    if any(c.dep_ == "aux" and c.tag_ in ("MD", "TO") for c in head.children):
        return False  # "that Ann would miss … and warn": the modal is both verbs'
    subject = next((c for c in head.children if c.dep_ == "nsubj"), None)
    singular = subject is not None and subject.tag_ in ("NN", "NNP")
    return singular and head.tag_ != "VB" and head.head.tag_ == "VBP" and has_subject(head.head)


def _outside_the_that_clause(verb: Token) -> Token | None:
    """'X rejected the idea that Y would be a drag, saying …' parsed with "saying" hung on
    "be": the participle after the comma is X's, who rejected the idea, not Y's."""
    head, doc = verb.head, verb.doc
    if _disagrees_with_the_clause(verb):
        return head.head  # "strategists fear that Ann has missed … and warn that …"
    if verb.dep_ != "advcl" or verb.tag_ != "VBG" or doc[verb.i - 1].text != ",":
        return None
    if head.i >= verb.i or not any(c.dep_ == "mark" and c.lower_ == "that" for c in head.children):
        return None
    if head.dep_ == "acl" and head.head.dep_ in ("dobj", "pobj"):
        outer = head.head.head  # "rejected [the idea] that …"
        outer = outer.head if outer.dep_ == "prep" else outer  # "warned of fears that …"
    elif head.dep_ == "ccomp":
        outer = head.head
    else:
        return None
    return outer if outer.pos_ in ("VERB", "AUX") and not is_speech_verb(outer) else None


def _name_after_inserted_verb(verb: Token) -> Token | None:
    """'Any interpretation of his actions, said Michael Kofman, an expert on Russia, would
    read this as …', parsed with the name for the subject of the words' verb: a name right
    after a speech verb set off by commas is who speaks."""
    doc = verb.doc
    if verb.i < 2 or doc[verb.i - 1].text != "," or verb.tag_ not in ("VBD", "VBZ"):
        return None
    end = verb.i + 1
    while end < len(doc) and doc[end].pos_ == "PROPN":
        end += 1
    if end == verb.i + 1 or end >= len(doc) or doc[end].text != ",":
        return None
    name = doc[end - 1]
    return name if name.dep_ == "nsubj" and name.head.i > end else None


# What moves someone else to speak: "The victory led Priebus to declare …".
CAUSATIVES = frozenset(
    """led leads leading prompted prompts prompting forced forces forcing compelled compels
    compelling spurred spurs spurring pushed pushes pushing drove drives driving caused
    causes causing inspired inspires inspiring""".split()
)


def _moved_to_speak(verb: Token) -> Token | None:
    """'The decisive victory led party chairman Reince Priebus to declare him the nominee':
    the one moved to speak is the object of the verb that moved them, not its subject."""
    head = verb.head
    if verb.dep_ != "xcomp" or head.lower_ not in CAUSATIVES or head.i > verb.i:
        return None
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return None
    return next((c for c in head.children if c.dep_ == "dobj" and c.i < verb.i), None)


def _subject_of_the_scene(verb: Token) -> Token | None:
    """'Prime Minister X, writing on X, formerly Twitter, said …': the parse makes X the
    subject of the participle before the verb, and leaves the verb without one."""
    for clause in verb.children:
        if scene_clause(verb, clause):
            for child in clause.children:
                if child.dep_ == "nsubj" and child.i < clause.i:
                    return child
    return None


def _the_its_owner(pronoun: Token, verb: Token) -> Token | None:
    """'The coast guard released video it said showed …': "it" in a clause on the object is
    the subject who released it (a body; "they" a plural one)."""
    if pronoun.lower_ not in ("it", "they") or verb.dep_ != "relcl" or verb.head.dep_ != "dobj":
        return None
    main = verb.head.head
    subject = next((c for c in main.children if c.dep_ == "nsubj" and c.i < main.i), None)
    if subject is None and main.dep_ == "conj":  # "Manila rejected that and released video
        main = main.head  # it said showed …": the first verb's subject released it
        subject = next((c for c in main.children if c.dep_ == "nsubj" and c.i < main.i), None)
    if subject is None or subject.pos_ not in ("NOUN", "PROPN"):
        return None
    plural = subject.tag_ in ("NNS", "NNPS")
    return subject if plural == (pronoun.lower_ == "they") else None


def _the_one_asked(verb: Token) -> Token | None:
    """'A spokesman, asked about the call, said only …' parsed with "asked" as the spokesman's
    verb and "said" hung on it: the one asked speaks."""
    head, doc = verb.head, verb.doc
    if head.i >= verb.i or cue_lemma(head.text) != "ask" or head.tag_ not in ("VBD", "VBN"):
        return None
    if verb.dep_ not in ("dep", "conj", "ccomp") or doc[verb.i - 1].text != ",":
        return None
    subject = next((c for c in head.children if c.dep_ in SUBJECT_DEPS and c.i < head.i), None)
    if subject is None or doc[head.i - 1].text != ",":
        return None  # not "She asked about the call, then said …"
    return subject


def _listed_last(subject: Token, verb: Token) -> Token:
    """'… from Rubio to, now, Cruz, Wilkin said': two names joined by a bare comma are no
    list (a list ends with 'and'); the one next to the verb speaks, the other ends the words
    said (see with_misread_end)."""
    if (named := _object_joined_to_the_subject(subject)) is not None:
        return named
    if subject.pos_ != "PROPN" or any(t.dep_ == "cc" for t in subject.subtree):
        return subject
    joined = [c for c in subject.children if c.dep_ in ("conj", "appos") and c.i > subject.i]
    if len(joined) != 1 or joined[0].pos_ != "PROPN" or joined[0].right_edge.i + 1 != verb.i:
        return subject
    if joined[0].dep_ == "appos" and len(list(subject.subtree)) != 3:
        return subject  # only "Keller, Wilkin": one word, a comma, one word
    return joined[0]


def _object_joined_to_the_subject(subject: Token) -> Token | None:
    """'Neither Hale nor Fenn has won a state and Cruz strongly suggested …', parsed with
    "a state and Cruz" the subject: the first noun is the object of the verb before it (which
    has none), the name after "and" speaks."""
    doc = subject.doc
    before = doc[subject.left_edge.i - 1] if subject.left_edge.i > 0 else None
    if (
        before is None
        or before.pos_ != "VERB"
        or before == subject.head  # "said lobbyist and strategist Charlie Black": his own
        or subject.pos_ != "NOUN"
        or any(c.dep_ == "dobj" for c in before.children)
    ):
        return None
    joined = [c for c in subject.children if c.dep_ == "conj" and c.pos_ == "PROPN"]
    return joined[0] if len(joined) == 1 else None


def _some_of_whom(subject: Token) -> bool:
    """'many of whom', 'some of whom', 'most of which': part of the noun a relative clause
    is about, which speaks for them."""
    return any(
        c.dep_ == "prep"
        and c.lower_ == "of"
        and any(o.dep_ == "pobj" and o.lower_ in ("whom", "which") for o in c.children)
        for c in subject.children
    )


def _whom(subject: Token) -> Token | None:
    """The noun before the comma that 'many of whom' follows: 'family members of the
    victims, many of whom say' -> members (however the parse hung the clause)."""
    at = subject.left_edge.i
    if at < 2 or subject.doc[at - 1].text != ",":
        return None
    noun = subject.doc[at - 2]
    while noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.pos_ == "NOUN":
        noun = noun.head.head  # "members of [the victims]"
    return noun if noun.pos_ in ("NOUN", "PROPN") else None


def _relative_clause(verb: Token) -> Token | None:
    """The relative clause `verb` heads or is joined to: '[the mayor], whose district voted
    for her but who suggested …' (the second clause hangs on the first by a conjunction)."""
    while verb.dep_ == "conj" and verb.head is not verb:
        verb = verb.head
    return verb if verb.dep_ == "relcl" else None


def _misread_speaker(verb: Token) -> Token | None:
    """'The board decision allowing his release said …', parsed as a sentence with a noun
    for its root and 'his release said' inside the participle's clause: the noun the
    participle describes is the speaker (a sentence is not a bare noun phrase)."""
    participle = verb.head
    if verb.dep_ != "ccomp" or participle.tag_ != "VBG" or participle.dep_ != "acl":
        return None
    noun = participle.head
    return noun if noun.dep_ == "ROOT" and noun.pos_ in ("NOUN", "PROPN") else None


def subject_read_as_conj(verb: Token) -> Token | None:
    """'Republicans said the department erred and Democrats accused the GOP of …', parsed with
    "Democrats" joined to "the department" and "accused" left without a subject: the noun
    after "and", right before a past-tense speech verb with no subject ("… and a few MPs have
    called for …", past its auxiliaries), is its subject."""
    if verb.i < 2 or has_subject(verb):
        return None
    at = verb.i - 1
    while at > 0 and verb.doc[at].dep_ == "aux" and verb.doc[at].head == verb:
        at -= 1
    if verb.tag_ != ("VBD" if at == verb.i - 1 else "VBN"):
        return None
    noun = verb.doc[at]
    if noun.dep_ != "conj" or noun.pos_ not in ("PROPN", "NOUN") or noun.head.i > verb.i:
        return None
    before = verb.doc[noun.left_edge.i - 1] if noun.left_edge.i > 0 else None
    return noun if before is not None and before.lower_ == "and" and is_speech_verb(verb) else None


# What shows someone speaking: "footage of Trump saying …", "a video of her telling …".
RECORDINGS = frozenset("footage video clip recording audio tape videotape".split())


def _shown_saying(verb: Token) -> Token | None:
    """'The spot ends with footage of Donald Trump saying, "…"': the person a recording shows,
    right before the participle, says it (the parse hangs the name on the participle or on
    "of", and the participle on the sentence's verb)."""
    if verb.tag_ != "VBG" or verb.i < 3:
        return None
    name = verb.doc[verb.i - 1]
    if name.pos_ != "PROPN" and name.lower_ not in ("him", "her", "them"):
        return None
    of = verb.doc[name.left_edge.i - 1]  # (the name hung on "of" or on the participle)
    recording = of.head if of.lower_ == "of" else None
    return name if recording is not None and recording.lower_ in RECORDINGS else None


# Verbs whose object does what a participle after it says: "left voters saying", "had
# residents asking", "found most members arguing".
OBJECT_DOES = frozenset("leave left leaves leaving have has had find found finds".split())


def _left_saying(verb: Token) -> Token | None:
    """'The killings have left 62 percent of voters saying race relations are worse': the
    object right before the participle says it, not the subject of the verb it hangs on (a
    participle set off by a comma is the subject's: "She toured farms, telling them …")."""
    head = verb.head
    if verb.tag_ != "VBG" or verb.dep_ not in ("advcl", "xcomp") or head.lower_ not in OBJECT_DOES:
        return None
    if verb.doc[verb.i - 1].text == "," or has_subject(verb):
        return None
    obj = next((c for c in head.children if c.dep_ == "dobj" and c.i < verb.i), None)
    return obj if obj is not None and obj.right_edge.i == verb.i - 1 else None


def _french_body_before(verb: Token) -> Token | None:
    """The last word of a French body's name printed right before the verb."""
    if verb.i == 0 or (last := verb.doc[verb.i - 1]).pos_ != "PROPN":
        return None
    return last if french_body_start(verb.doc.text, last.idx + len(last)) is not None else None


def _subject_after_semicolon(verb: Token) -> Token | None:
    """'…; one lawmaker called Trump "…"', parsed with "one lawmaker" an apposition of the
    first clause's subject and "called" its participle: a noun that opens the clause after a
    semicolon or colon, with the verb right after it, is that verb's subject."""
    noun = verb.head
    if verb.dep_ != "acl" or noun.pos_ not in ("NOUN", "PROPN") or verb.i != noun.i + 1:
        return None
    opening = noun.left_edge
    return noun if opening.i > 0 and verb.doc[opening.i - 1].text in (";", ":") else None


def _root_noun_misread(verb: Token) -> Token | None:
    """'UN Secretary-General Antonio Guterres, in a statement issued by his spokesman, called
    on …', parsed as a sentence with the name for its root and the finite verb hung on the
    statement: with no verb above it, the root noun before the verb is its subject."""
    # (a participle with an object is a past tense misread: "X, who …, called Bouchard '…'")
    # (or joined to a past tense: "X, Y, signed on his behalf and said …")
    active = verb.tag_ == "VBN" and any(
        c.dep_ in ("dobj", "oprd") or (c.dep_ == "conj" and c.tag_ == "VBD") for c in verb.children
    )
    if (verb.tag_ != "VBD" and not active) or verb.dep_ != "acl":
        return None
    root = verb.sent.root
    # (a relative clause's verb may be above it: "X of Y Nation, which represents …, called")
    above = [a for a in verb.ancestors if a.dep_ != "relcl"]
    named = root.pos_ == "PROPN" or (  # "His foreign minister, Gerardo Werthein, signed"
        root.pos_ == "NOUN" and any(c.dep_ == "appos" and c.pos_ == "PROPN" for c in root.children)
    )
    if not named or root.i > verb.i or any(a.pos_ in ("VERB", "AUX") for a in above):
        return None
    return root if verb.doc[verb.i - 1].text == "," else None


def _subject_after_the_day(verb: Token) -> Token | None:
    """'Friday, Texas, leading a coalition of 13 states, asked …', parsed with the state an
    apposition of the day that opens the sentence and no subject on the verb."""
    if has_subject(verb):
        return None
    # (on the verb, or on a participle before it: "Friday, Ohio, leading …, asked")
    for day in verb.subtree:
        if day.i >= verb.i:
            break
        if day.dep_ == "npadvmod" and day.lower_ in SAID_WHEN and day.head.i < verb.i + 1:
            named = (c for c in day.children if c.dep_ == "appos" and c.pos_ in ("PROPN", "NOUN"))
            return next(named, None)
    return None


def _subject_hung_on_the_opening(verb: Token) -> Token | None:
    """'As a part of his plea, Marcel Lazar, 44, said …', 'At Boca West, Jay DiPietro, the
    club's president, suggested …', parsed with the name an apposition of the opening
    phrase's noun and no subject on the verb: the name set off right before the verb is
    the subject."""
    if has_subject(verb):
        return None
    doc = verb.doc
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.i > verb.i:
            continue
        for noun in (c for c in prep.subtree if c.dep_ == "pobj"):
            for name in noun.children:
                end = name.right_edge.i - (name.right_edge.text == ",")  # its own comma
                if (
                    name.dep_ == "appos"
                    and name.pos_ == "PROPN"
                    and doc[name.left_edge.i - 1].text == ","
                    and end + 2 == verb.i
                    and doc[end + 1].text == ","
                ):
                    return name
    return None


def _subject_read_into_the_opening(verb: Token) -> Token | None:
    """'In a statement posted on X, Argentina's economy ministry said …', parsed with the
    ministry the object of "on" and no subject on the verb: the noun phrase set off by the
    opening phrase's comma, right before the verb, is the subject."""
    if has_subject(verb) or verb.tag_ not in ("VBD", "VBZ", "VBP") or verb.i < 2:
        return None
    doc, noun = verb.doc, verb.doc[verb.i - 1]
    if noun.pos_ not in ("NOUN", "PROPN") or noun.dep_ != "pobj":
        return None
    if not any(a.dep_ == "prep" and a.head == verb and a.i < verb.i for a in noun.ancestors):
        return None
    comma = next((t.i for t in reversed(doc[: noun.i]) if t.text == ","), None)
    if comma is None or comma + 1 == noun.i and noun.pos_ == "NOUN":
        return None  # (a bare common noun: "…, people said" is no subject misread)
    phrase = doc[comma + 1 : noun.i]
    return noun if all(noun in t.ancestors and t.dep_ != "prep" for t in phrase) else None


def _subject_inside_the_question(verb: Token) -> Token | None:
    """'Asked whether Ottawa backed the draft, a State Department official, speaking on
    condition of anonymity, said …' parsed with the official as the question's object and
    no subject on the verb: a person set off by commas at the opening clause's end, right
    before the verb or an aside before it, is the subject."""
    if has_subject(verb):
        return None
    doc = verb.doc
    for clause in verb.children:
        if clause.dep_ != "advcl" or clause.i > verb.i or clause.left_edge.i > 1:
            continue
        for noun in clause.subtree:
            if noun.pos_ not in ("NOUN", "PROPN") or noun.dep_ not in ("dobj", "pobj", "appos"):
                continue
            if noun.pos_ == "NOUN" and noun.lower_ not in PERSON_NOUNS:
                continue
            left, right = noun.left_edge.i, noun.right_edge.i
            if left == 0 or doc[left - 1].text != "," or doc[right + 1].text != ",":
                continue
            if right + 2 == verb.i or _aside_before(doc, right + 2, verb.i):
                return noun
    return None


def _aside_before(doc: Doc, start: int, verb: int) -> bool:
    """Tokens start … verb-1 are a participle phrase closed by a comma: ', speaking on
    condition of anonymity,'."""
    return (
        start < verb - 1
        and doc[start].tag_ in ("VBG", "VBN")
        and doc[verb - 1].text == ","
        and not any(t.text in ",;" for t in doc[start : verb - 1])
    )


def _subject_of_a_participle(verb: Token) -> Token | None:
    """'Large majorities of voters going to the polls on Tuesday said …', parsed with the
    participle phrase for the verb's subject: the participle's own subject speaks."""
    if any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return None
    for clause in verb.children:
        if clause.dep_ == "csubj" and clause.tag_ == "VBG" and clause.i < verb.i:
            return next((c for c in clause.children if c.dep_ == "nsubj"), None)
    return None


def _scene_read_as_subject(verb: Token) -> Token | None:
    """'Outside court, one victim, Dorothy Reeves, 81, said …', parsed with the court for the
    subject and the victim joined to it: the opening names where, the words after its comma
    who."""
    doc = verb.doc
    subject = next((c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i), None)
    if subject is None or subject.left_edge.i != verb.sent.start:
        return None
    if subject.left_edge.lower_ not in SCENE_WORDS or doc[subject.i + 1].text != ",":
        return None
    return next(
        (c for c in subject.children if c.dep_ in ("conj", "appos") and c.i > subject.i + 1),
        None,
    )


SCENE_WORDS = frozenset("outside inside nearby downstairs upstairs overseas".split())


def _listed_into_the_absolute(verb: Token) -> Token | None:
    """'…, with Italy pushing for tougher controls and Spain warning against "…"', parsed with
    Spain joined to the controls: the name right before a participle of an absolute phrase
    opened by "with" is its subject."""
    doc = verb.doc
    at = verb.i - 1
    if verb.tag_ != "VBG" or at < 2 or any(c.dep_ in SUBJECT_DEPS for c in verb.children):
        return None
    name = doc[at]
    if name.pos_ != "PROPN" or name.dep_ != "conj" or doc[name.left_edge.i - 1].lower_ != "and":
        return None
    opened = any(
        t.lower_ == "with" and any(c.tag_ == "VBG" for c in t.children)
        for t in doc[verb.sent.start : at]
    )
    return name if opened else None


def described_subject_misread(verb: Token) -> Token | None:
    """'Another official, who like others spoke on condition of anonymity, said …', parsed
    with "official … spoke" as a clause the verb reports: that clause's subject, described by
    a relative clause and followed by the verb, is who speaks."""
    if any(c.dep_ in SUBJECT_DEPS for c in verb.children):
        return None
    for clause in verb.children:
        if clause.dep_ != "ccomp" or clause.i > verb.i:
            continue
        subject = next((c for c in clause.children if c.dep_ == "nsubj"), None)
        if (
            subject is not None
            and subject.pos_ in ("NOUN", "PROPN")
            and (any(c.dep_ == "relcl" for c in subject.children) or _whose_next(subject))
            and verb.doc[verb.i - 1].text == ","
        ):
            return subject
    return None


def _whose_next(subject: Token) -> bool:
    """'Mr. Slinker, whose latest start-up, Paradata, uses …, said': a 'whose' clause the
    parse hung on an apposition, not on the name it describes."""
    doc = subject.doc
    return (
        subject.i + 2 < len(doc)
        and doc[subject.i + 1].text == ","
        and doc[subject.i + 2].lower_ == "whose"
        and doc[subject.i + 2].head in subject.subtree
    )


def _name_after(verb: Token) -> Token | None:
    """'…, argued Palvetzian.': an inverted tag the parse read as verb and object."""
    doc = verb.doc
    nxt = doc[verb.i + 1] if verb.i + 1 < len(doc) else None
    before = doc[verb.i - 1].text if verb.i > 0 else ""
    if nxt is None or before not in (",", "”", '"', "’") or verb.tag_ == "VBG":
        return None  # not '…, calling President Obama “…”': a participle names its object
    if nxt.lower_ in DESCRIBED_AFTER and verb.tag_ in FINITE_TAGS and not _to_an_audience(verb):
        described = nxt.head  # '…," added the Russian minister.', '…!" wrote a man …'
        ends = _ends_the_sentence(described)
        if described.head.i == verb.i and described.lower_ in PERSON_NOUNS and ends:
            return described
        return None
    if tag_read_as_modifier(verb):
        # '"…," tweeted Rubio spokesman Alex Conant.', parsed with the verb describing him
        named = phrase_head(verb)
        return named if named.pos_ in ("PROPN", "NOUN") else None
    if nxt.pos_ != "PROPN" and not _name_read_as_adverb(nxt):
        return None
    if _to_an_audience(verb):
        return None  # "…, telling CNBC: …": CNBC heard it
    head = nxt
    while head.head.i != head.i and head.head.pos_ == "PROPN" and head.head.i > verb.i:
        head = head.head  # "argued Ann Lee": Lee heads the name
    if before == "," and not _ends_the_sentence(head) and not _words_before(verb):
        return None  # "…, and, citing Exodus, endorsed Senator Ted Cruz, urging …": an object
    return head if head.head.i == verb.i else None


def _name_read_as_adverb(tok: Token) -> bool:
    """'“…,” said Skelly, explaining …': a capitalised word after the verb, which the parse
    read as an adverb or adjective for its "-ly", is a surname."""
    return tok.pos_ in ("ADV", "ADJ") and tok.text[:1].isupper() and tok.text[1:].islower()


def _ends_the_sentence(phrase: Token) -> bool:
    """Nothing but a full stop, a question or exclamation mark follows the phrase."""
    last = phrase.right_edge.i + 1
    return last >= len(phrase.doc) or phrase.doc[last].text in (".", "!", "?")


def _words_before(verb: Token) -> bool:
    """An inverted tag follows its words: a clause before the verb is its complement."""
    return verb.dep_ == "parataxis" or any(
        c.dep_ in ("ccomp", "parataxis") and c.i < verb.i for c in verb.children
    )


LISTENER_VERBS = frozenset("tell inform remind assure advise brief".split())
DESCRIBED_AFTER = frozenset("the a an another one".split())  # what opens a description


def _to_an_audience(verb: Token) -> bool:
    """A verb whose object is who heard the words: 'told', 'informing', and the gerund of any
    verb of AUDIENCE ('asking Lee', where '"Why?" asked Lee' is Lee asking)."""
    lemma = cue_lemma(verb.text)
    return lemma in LISTENER_VERBS or (lemma in AUDIENCE and verb.tag_ == "VBG")


def _name_before(verb: Token) -> Token | None:
    """When the parse lost the subject ('…, expert Dmitry Razumovsky told TASS'), a proper
    noun right before the verb is the speaker."""
    doc = verb.doc
    at = verb.i - 1  # (past an adverb: "…, 62-year-old Brenda Lane also railed against …")
    while at > 0 and doc[at].dep_ == "advmod" and doc[at].head == verb and doc[at].tag_ == "RB":
        at -= 1
    if doc[at].text == ")" and (opening := _party_label(doc, at)) is not None:
        at = opening - 1  # "…, Rep. Ann Lee (R-WI) said": past the party and state
    prev = doc[at] if at >= 0 else None
    named = doc[at - 1] if prev is not None and prev.text == "," and at > 0 else None
    if (
        named is not None
        and named.dep_ == "appos"
        and named.head.pos_ == "NOUN"
        and verb.tag_ in FINITE_TAGS
    ):
        prev = named  # "In a reply, an Indian diplomat, Petal Gahlot, said" (not "…, Mass.,")
    if prev is not None and prev.lower_ in TIME_WORDS:
        return None  # "… going to the polls on Super Tuesday said …": when, not who
    if prev is not None and prev.pos_ == "PROPN" and prev.dep_ not in ("dobj", "nsubj"):
        if prev.dep_ == "pobj" and prev.head.head.i == verb.i:
            return None  # "but on Tuesday wrote that …": when, on the verb itself
        noun = prev.head.head  # "…, a senior adviser to President X said": the adviser
        if prev.dep_ == "pobj" and prev.head.lower_ in ("to", "for") and noun.pos_ == "NOUN":
            return noun
        return prev
    return None


def _party_label(doc: Doc, closing: int) -> int | None:
    """Where the parenthesis closing at `closing` opens, when it holds a few words with no
    verb ("(R-WI)", "(D-Calif.)"); else None."""
    for at in range(closing - 1, max(0, closing - 6), -1):
        if doc[at].text == "(":
            return at if at > 0 else None
        if doc[at].pos_ in ("VERB", "AUX"):
            return None
    return None


def _noun_read_as_verb(verb: Token) -> Token | None:
    """'Vucevic rejected European Union demands that Serbia join …' parsed with "demands" for
    the verb and "Vucevic rejected European Union" for its subject: the clause that is
    really the sentence, whose object the plural noun is."""
    if verb.tag_ != "VBZ" or any(c.dep_ in SUBJECT_DEPS for c in verb.children):
        return None
    clause = next((c for c in verb.children if c.dep_ == "csubj" and c.i < verb.i), None)
    if clause is None or clause.tag_ != "VBD" or verb.i - 1 > clause.right_edge.i:
        return None
    return clause if any(c.dep_ in SUBJECT_DEPS for c in clause.children) else None


def _reported_in(verb: Token) -> Token | None:
    """The outermost verb of speech before `verb` whose words hold it ("Lee says Ana promised
    to help and said …": the writer's source goes on, Lee)."""
    reporting = [a for a in verb.ancestors if a.i < verb.i and is_speech_verb(a)]
    return reporting[-1] if reporting else None


def second_report(conj: Token) -> bool:
    first = conj.head
    while first.dep_ == "conj" and first.head is not first:
        first = first.head
    return (
        conj.dep_ == "conj"
        and first.dep_ != "relcl"  # "Ann Lee, who answered the door and said …": she did
        and conj.tag_ == "VBD"
        and is_speech_verb(conj)
        and not any(c.dep_ in SUBJECT_DEPS for c in conj.children)
        and any(c.dep_ == "ccomp" for c in conj.children)
    )


def narrated(conj: Token) -> bool:
    """A past-tense verb with no subject joined to reported words in "would": the writer
    going on with what the speaker did ("… would act in good faith but expressed doubts")."""
    clause = conj.head
    return (
        conj.dep_ == "conj"
        and conj.tag_ == "VBD"
        and clause.dep_ == "ccomp"
        and any(c.dep_ == "aux" and c.tag_ == "MD" for c in clause.children)
        and not any(c.dep_ in SUBJECT_DEPS for c in conj.children)
    )
