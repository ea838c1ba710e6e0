"""What the speech modules ask of a parsed sentence's tokens: whether a token is a speech
verb as used there (not "Said" the given name), whether a clause has a subject or is passive,
a token's words without their edges' punctuation, and the scene ("when asked about …") or
aftermath ("…, prompting …") a clause's words stop before."""

from spacy.tokens import Token

from app.extract.speakers.gender import is_first_name
from app.extract.text.closing_tags import misread_closing_tag, tag_read_as_modifier
from app.extract.verbs import (
    BACK_FORMS,
    SPEECH_VERBS,
)
from app.extract.verbs import lemma as cue_lemma

SUBJECT_DEPS = ("nsubj",)
CLAUSE_SUBJECTS = ("nsubj", "nsubjpass", "expl", "csubj", "csubjpass")
CLIMB_DEPS = ("advcl", "xcomp", "conj", "ccomp", "acl", "pcomp")
EDGE_DROP = frozenset({"punct", "cc"})


def proper_name(tok: Token) -> str:
    """The compound proper noun a token heads: 'CTV News', 'The Globe and Mail'."""
    parts = [t for t in tok.subtree if t.pos_ in ("PROPN", "NUM") or t.i == tok.i]
    lo, hi = min(t.i for t in parts), max(t.i for t in parts)
    return tok.doc[lo : hi + 1].text


PARTICLE_VERBS = {"point": "out"}  # speech only with this particle


def quoted_person(verb: Token) -> Token | None:
    """'An aide quoted the Ukrainian leader as saying that …': the leader said it."""
    if verb.dep_ != "pcomp" or verb.head.lower_ != "as":
        return None
    quoting = verb.head.head
    if cue_lemma(quoting.text) != "quote":
        return None
    return next((c for c in quoting.children if c.dep_ == "dobj"), None)


def scene_clause(verb: Token, clause: Token) -> bool:
    """A participle set off by commas between the speaker and the verb: "X, writing on X,
    said", "Ingrid Lund, asked whether …, said" (a question put to her, parsed as her verb)."""
    participle = clause.tag_ == "VBG" or (
        cue_lemma(clause.text) == "ask" and clause.tag_ in ("VBD", "VBN")
    )
    return (
        clause.dep_ in ("ccomp", "advcl")
        and participle
        and 0 < clause.i < verb.i
        and verb.doc[clause.i - 1].text == ","  # set off by commas, not "they are helping"
        and not any(c.dep_ == "aux" for c in clause.children)
    )


NAMING_PARTICIPLES = frozenset("identified known named".split())


def name_it_gives(clause: Token) -> Token | None:
    """'a guard identified only as Carl': the name a naming participle gives (its head word)."""
    if clause.lower_ not in NAMING_PARTICIPLES:
        return None
    names = (t for t in clause.subtree if t.i > clause.i and t.pos_ == "PROPN")
    return next((t for t in names if t.head.pos_ != "PROPN"), None)


def clause_after_the_name(verb: Token) -> Token | None:
    """'"…," said Ben Carson, asked about his claims, …' and '"…," said Ann Lee, who served
    as labor secretary yet endorsed …', parsed with the name as the subject of a clause of
    the verb: that clause tells of the speaker (the scene, or who they are), the name
    right after the verb is the speaker. So does '"…," said a guard identified only as
    Carl', where the clause gives the speaker's name."""
    doc = verb.doc
    inverted = verb.i > 0 and doc[verb.i - 1].text in (",", '"', "”", "’", "''")
    for clause in verb.children:
        if clause.dep_ != "ccomp" or clause.i <= verb.i:
            continue
        subject = next((c for c in clause.children if c.dep_ == "nsubj"), None)
        if subject is None or subject.left_edge.i != verb.i + 1:
            continue
        asked = (
            cue_lemma(clause.text) == "ask"
            and clause.tag_ in ("VBD", "VBN")
            and doc[clause.i - 1].text == ","
        )
        described = (
            inverted
            and subject.pos_ == "PROPN"
            and any(c.dep_ == "relcl" and c.i < clause.i for c in subject.children)
        )
        named = (
            inverted
            and clause.tag_ == "VBN"
            and not any(c.dep_ in ("aux", "auxpass", "dobj") for c in clause.children)
            and name_it_gives(clause) is not None
        )
        if asked or described or named:
            return clause
    return None


FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})
AUDIENCE = frozenset("tell ask inform remind assure advise warn brief".split())


def has_modal(verb: Token) -> bool:
    """'… believed a resolution now would "complicate talks"': a clause in "would" whose
    subject the verb before took as its object."""
    return any(c.dep_ == "aux" and c.tag_ == "MD" for c in verb.children)


def subtree(tok: Token, skip: Token | None = None) -> list[Token]:
    toks = [t for t in tok.subtree if skip is None or t not in set(skip.subtree)]
    return trim(without_aftermath(_without_when_said(toks)))


SAID_WHEN = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday today yesterday tonight".split()
)


def _without_when_said(toks: list[Token]) -> list[Token]:
    """'said on Monday it would finish the dam': the day opens the words only because the
    parser hung it on their verb; it tells when they were said."""
    if len(toks) < 4:
        return toks
    first = toks[0]
    said = first.i > 0 and is_speech_verb(first.doc[first.i - 1])  # not "On Tuesday she lost"
    if said and first.lower_ == "on" and first.dep_ == "prep" and toks[1].lower_ in SAID_WHEN:
        return toks[2:]
    if said and first.dep_ == "prep" and speech_scene(first):  # "said in a statement it …"
        rest = [t for t in toks if t.i > first.right_edge.i]
        return rest if len(rest) >= 3 else toks
    return toks


# What a statement set off, told by the writer: "…, drawing a warning from Egypt".
AFTERMATH = frozenset("drawing prompting sparking triggering provoking".split())


# When it was said against what happened: "…, hours after the government published …".
SINCE_WORDS = frozenset("hours days weeks months minutes moments shortly just soon".split())
SINCE_COUNTS = frozenset("a an one two three several few".split())


def _time_since(toks: list[Token], n: int) -> bool:
    """toks[n:] open on ', hours after …', ', a day after …', ', shortly before …'."""
    words = [t.lower_ for t in toks[n + 1 : n + 4]]
    if words[:1] and words[0] in SINCE_COUNTS:
        words = words[1:]
    if len(words) < 2 or words[1] not in ("after", "before"):
        return False
    return words[0] in SINCE_WORDS or words[0] in ("day", "week", "month", "year")


def without_aftermath(toks: list[Token]) -> list[Token]:
    """'it would fill the dam this summer, drawing a sharp warning from Egypt', 'accused
    Ottawa of trying to "shut down" the industry, hours after the government published …':
    the words end before the reaction or the timing the writer reports."""
    for n, t in enumerate(toks):
        if t.text == "," and n and _time_since(toks, n):
            return toks[:n]
        if (
            t.tag_ == "VBG"
            and t.dep_ == "advcl"
            and t.lower_ in AFTERMATH
            and n
            and toks[n - 1].text == ","
            and not any(c.dep_ in SUBJECT_DEPS for c in t.children)
        ):
            return toks[: n - 1]
    return toks


def trim(toks: list[Token]) -> list[Token]:
    toks = sorted(toks, key=lambda t: t.i)
    while toks and (toks[0].dep_ in EDGE_DROP and toks[0].text not in '"“«‘'):
        toks = toks[1:]
    while toks and toks[-1].dep_ in EDGE_DROP and toks[-1].text not in '"”»’':
        toks = toks[:-1]
    return toks


def to_infinitive(verb: Token) -> bool:
    """'to delay', 'to act': the verb has the infinitive's "to"."""
    return any(g.dep_ == "aux" and g.lower_ == "to" for g in verb.children)


def finite_within(clause: Token) -> bool:
    return any(t.tag_ in FINITE_TAGS for t in clause.subtree)


def has_subject(verb: Token) -> bool:
    return any(c.dep_ in CLAUSE_SUBJECTS for c in verb.children)


# What a phrase after "X said," places the speech in: "in a speech", "on condition of …".
SCENE_NOUNS = frozenset(
    """speech interview statement briefing conference meeting address call post tweet
    condition visit appearance hearing rally session debate remarks message video broadcast
    summit ceremony event forum editorial commentary letter talks negotiations
    discussions courthouse courtroom steps podium scrum""".split()
)


def speech_scene(prep: Token) -> bool:
    """'…, she said Monday, in a speech to …' tells where it was said; '…, he said, by the
    calendar' ends the statement the speaker interrupted."""
    if prep.dep_ != "prep":
        return False
    return any(o.dep_ == "pobj" and o.lower_ in SCENE_NOUNS for o in prep.children)


OPENING_MARKS = frozenset('"“«‘')
# What a slogan is printed on: what a sign "reads" or "calls for" is nobody's statement.
SIGN_WORDS = ("sign", "placard", "banner", "poster", "t-shirt", "shirt", "hat", "cap")
# Tokens that are quotation marks; "''" is the NYT archive's double mark, one token.
QUOTE_MARKS = OPENING_MARKS | frozenset(("”", "»", "’", "''"))


def is_speech_verb(tok: Token) -> bool:
    """A speech verb; 'said'/'says' count even when mis-tagged ('“…“, Said Lavrov')."""
    if tok.lower_ in ("said", "says"):
        # not the surname in "President Omar Said" or "Leila Said, said": a name before it
        prev = tok.doc[tok.i - 1] if tok.i > 0 else None
        surname = tok.text == "Said" and prev is not None and is_first_name(prev.text)
        return not surname and not _said_as_given_name(tok)
    if tok.dep_ in ("amod", "compound") and not tag_read_as_modifier(tok):
        return False
    if tok.lower_ in GO_ON_FORMS:  # '"…," she went on': she spoke on
        return _speaking_on(tok)
    if tok.lower_ in ("put", "puts"):  # "As one official put it, …"
        kids = {(c.dep_, c.lower_) for c in tok.children}
        return {("dobj", "it"), ("mark", "as")} <= kids
    if tok.pos_ not in ("VERB", "AUX") and not _parsed_as_verb(tok):
        return misread_closing_tag(tok) is not None
    if tok.lower_ in BACK_FORMS:  # "shot back that …", not "shot a man"
        return any(c.dep_ in ("prt", "advmod") and c.lower_ == "back" for c in tok.children)
    lemma = cue_lemma(tok.text)
    if lemma in PARTICLE_VERBS:  # "pointed out that", not "pointed to the door"
        return any(c.dep_ == "prt" and c.lower_ == PARTICLE_VERBS[lemma] for c in tok.children)
    return lemma in SPEECH_VERBS


GO_ON_FORMS = frozenset(("went", "goes"))


def _speaking_on(tok: Token) -> bool:
    """'"…," she went on', '…, he went on, that …': "went on" alone, a tag; not "went on to
    say" or "went on television", whose verb or place is the news."""
    kids = [c for c in tok.children if not c.is_punct]
    return any(c.dep_ == "prt" and c.lower_ == "on" for c in kids) and all(
        c.dep_ in ("prt", "nsubj", "advmod", "cc", "ccomp", "advcl")
        and not any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children)  # "to win"
        for c in kids
    )


def _said_as_given_name(tok: Token) -> bool:
    """'Said Abdullah, a fisherman, told Reuters …': "Said" is the given name of the subject
    of another speech verb in the sentence."""
    if tok.text != "Said" or tok.i + 1 >= len(tok.doc):
        return False
    name = tok.doc[tok.i + 1]
    return (
        name.pos_ == "PROPN"
        and name.dep_ == "nsubj"
        and name.head.i != tok.i
        and cue_lemma(name.head.text) in SPEECH_VERBS
    )


def _parsed_as_verb(tok: Token) -> bool:
    """'But Ms. Vale claims that …' with 'claims' tagged a plural noun: a subject and a
    clause complement show the parser read it as the verb it is."""
    deps = {c.dep_ for c in tok.children}
    return tok.pos_ == "NOUN" and "nsubj" in deps and "ccomp" in deps


def passive(tok: Token) -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in tok.children)
