"""The speaker phrase as printed, and what kind of reference it is.

"Russian Foreign Minister Sergei Lavrov" carries a name plus a title; "the head of Russian
diplomacy" is a description; "he" a pronoun; "Russian officials" or "the ministry" a group.
Resolution to a canonical speaker happens in coreference.py.
"""

import re
from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Token

from app.extract.speakers.gender import HONORIFICS, is_first_name
from app.extract.speakers.lexicon import (
    DESCRIBING_SUFFIXES,
    DOCUMENT_NOUNS,
    EVENT_NOUNS,
    GROUP_NOUNS,
    INVERTED_TAGS,
    MEMBER_NOUNS,
    ORG_NOUNS,
    ORG_WORDS,
    PARTICLES,
    PARTY_MEMBER,
    PERSON_NOUNS,
    PRONOUNS,
    STATE_NAMES,
    TITLE_ABBREVIATIONS,
    TITLE_WORDS,
    compound_head,
    title_compound,
)
from app.extract.speakers.name_spans import (
    TITLED_BODIES,
    french_body_start,
    holder_start,
    person_then_joined,
)
from app.extract.speakers.names import POST_NOMINALS
from app.extract.speakers.typing import CORPORATE_SUFFIXES, TITLED_BY
from app.extract.text.closing_tags import QUOTE_MARKS, misread_closing_tag, tag_read_as_modifier
from app.extract.text.parse import STAND_IN
from app.extract.verbs import SPEECH_FORMS

CUT_DEPS = frozenset({"relcl", "acl", "cc", "conj", "advcl", "parataxis"})
AUTHOR_PREPS = frozenset({"from", "by", "of"})
JOINERS = frozenset({"of", "and", "&"})
POSSESSIVE_PRONOUNS = {"his": "he", "her": "she", "its": "it", "their": "they"}
# "allow him to call for …": the speaker as an object, the same person as "he"
OBJECT_PRONOUNS = {"him": "he", "them": "they", "me": "i", "us": "we"}


@dataclass(frozen=True)
class Mention:
    text: str  # as printed
    start: int
    end: int
    kind: str  # "pronoun" | "name" | "description" | "group" | "document"
    name: str | None  # the personal or organisation name inside the phrase, if any
    head: str  # lowercase head word
    full: str | None = None  # the whole run of proper nouns ("BC Hydro", "UFCW Local 832")
    author: "Mention | None" = None  # who a document speaks for ("the union's release")
    plural: bool = False
    parts: tuple["Mention", ...] = ()  # a joint speaker's ("Saudi Arabia and the United States")


# When something was said, not who said it: "The Sanders campaign [on Monday]", "Lee [during
# a Sunday interview]" (a phrase the parse hung on the speaker rather than on the verb).
TIME_WORDS = frozenset(
    """monday tuesday wednesday thursday friday saturday sunday today yesterday tonight
    morning afternoon evening night week weekend month year january february march april may
    june july august september october november december interview""".split()
)


def _says_when(child: Token) -> bool:
    return child.dep_ == "prep" and any(
        t.lower_ in TIME_WORDS and not t.text.isupper() for t in child.subtree if t.dep_ == "pobj"
    )


def _kept(child: Token, head: Token) -> bool:
    """Modifiers that belong to the phrase: not relative clauses, trailing appositions or a
    time, but 'people [arrested last week]' and 'lawyers [and experts]' of a plural noun."""
    if child.dep_ == "appos" and child.i > head.i:
        return False
    if child.dep_ == "amod" and child.i > head.i and head.doc[child.i - 1].lower_ == "but":
        return False  # "a person familiar with the talks [but unauthorized to discuss them]"
    if child.i > head.i and _says_when(child):
        return False
    if child.dep_ not in CUT_DEPS:
        return True
    plural = head.tag_ in ("NNS", "NNPS") or head.lower_ == "those"
    if (
        child.dep_ == "acl"
        and child.tag_ == "VBN"
        and (head.pos_ == "NOUN" or head.lower_ == "those")
        # (a verb: "…, called X '…'", "one lawmaker called Trump '…'")
        and not any(c.dep_ in ("dobj", "oprd", "ccomp") for c in child.children)
    ):
        return not _torn_participle(child)  # "people arrested last week", "those involved"
    if child.dep_ == "acl" and child.tag_ == "VBG" and head.pos_ == "NOUN" and head.i == 1:
        # "The union representing 80,000 nurses": who the opening noun is, not what it said
        words = list(child.subtree)
        return len(words) <= 6 and not any(t.dep_ in ("ccomp", "xcomp") for t in words)
    if plural and child.dep_ == "conj" and child.tag_ == "NNS":
        return True
    return (
        plural
        and child.dep_ == "cc"
        and any(c.dep_ == "conj" and c.tag_ == "NNS" for c in head.children)
    )


def _phrase_tokens(head: Token) -> list[Token]:
    """The head with its modifiers, without relative clauses or trailing appositions; all of
    a hyphenated word ("The vice-president said" parses as three subjects)."""
    word = _glued_word(head)
    keep = list(word)
    for part in word:
        for child in part.children:
            if child not in word and _kept(child, part):
                keep.extend(
                    t
                    for t in child.subtree
                    if not _inside_a_description(t, child)
                    and not _in_a_torn_participle(t)
                    and not _in_a_closing_tag(t, child)
                )
    keep = sorted(set(keep), key=lambda t: t.i)
    if head.dep_ == "ROOT":  # a name misread as the sentence: "Ann Lee, in a statement, called …"
        comma = next((t.i for t in keep if t.i > head.i and t.text == ","), None)
        keep = [t for t in keep if comma is None or t.i < comma]
    if (tag := _misread_tag_over(head)) is not None:  # '"…," a voice-over in the ad states.'
        keep = list(head.doc[tag[0] : tag[1]])
    if (opening := _name_of_an_opening_phrase(keep, head)) is not None:
        keep = [t for t in keep if t.i > opening]
    lo = keep.index(head)
    hi = lo
    while lo > 0 and keep[lo - 1].i == keep[lo].i - 1:
        lo -= 1
    while hi + 1 < len(keep) and keep[hi + 1].i == keep[hi].i + 1:
        hi += 1
    while hi > lo and (keep[hi].is_punct or keep[hi].dep_ == "cc"):  # "Hugh Hill," keeps
        # no trailing comma, "The secretary of state and [2014 candidate …]" no "and"
        hi -= 1
    while lo < hi and keep[lo].is_punct:
        lo += 1
    return keep[lo : hi + 1]


def _name_of_an_opening_phrase(keep: list[Token], head: Token) -> int | None:
    """'Responding to Lavoie, Defence Minister Karen Dube said', parsed with Lavoie a modifier
    of Dube: the comma after a name hung on the speaker's name ends the opening phrase (the
    comma's position; None when there is no such comma)."""
    doc = head.doc
    for t in keep:
        after = t.i + 1
        if (
            t.i < head.i
            and t.dep_ == "nmod"
            and t.pos_ == "PROPN"
            and head.pos_ == "PROPN"
            and head.lower_ not in CORPORATE_SUFFIXES  # ("Northwind Robotics, Inc.")
            and after < head.i
            and doc[after].text == ","
        ):
            return after
    return None


def _misread_tag_over(head: Token) -> tuple[int, int] | None:
    """The speaker phrase of a closing tag whose verb was read as a noun, if `head` is in
    one: its words stop before that verb, whatever the parse hung on what."""
    last = head.sent[-2] if len(head.sent) > 1 and head.sent[-1].is_punct else head.sent[-1]
    opens = misread_closing_tag(last)
    return (opens, last.i) if opens is not None and opens <= head.i < last.i else None


def _hyphen_joined(t: Token) -> bool:
    """A hyphen glued between two words of a name, or the word glued after it."""
    doc = t.doc
    if t.text == "-":
        nxt = doc[t.i + 1] if t.i + 1 < len(doc) else None
        return (
            t.i > 0
            and not doc[t.i - 1].whitespace_
            and not t.whitespace_
            and nxt is not None
            and nxt.text[:1].isalpha()
        )
    return t.i > 0 and doc[t.i - 1].text == "-" and _hyphen_joined(doc[t.i - 1])


def _glued_word(t: Token) -> list[Token]:
    """The tokens of the hyphenated word holding `t`, hyphens included; [t] if none."""
    doc = t.doc
    lo = hi = t.i
    while _hyphen_joined(doc[lo]):
        lo -= 1
    while hi + 1 < len(doc) and _hyphen_joined(doc[hi + 1]):
        hi += 1
    return list(doc[lo : hi + 1])


def _call_sign(t: Token) -> bool:
    """A word of a hyphenated name in capitals ("KING-TV", "WABC-TV")."""
    glued = _glued_word(t)
    return len(glued) > 1 and all(x.text.isupper() or x.text == "-" for x in glued)


def _title_pieces(t: Token) -> list[Token] | None:
    """The words of the hyphenated title `t` is part of ("Secretary", "General"), or None."""
    word = _glued_word(t)
    pieces = [w for w in word if w.text != "-"]
    if len(pieces) < 2 or title_compound("-".join(w.text for w in pieces)) is None:
        return None
    return pieces


def _office_word(head: Token) -> Token:
    """The word that names what a hyphenated title's holder is: the parser heads "the
    secretary-general" with "general" (a proper noun), "the sergeant-at-arms" with "arms" (a
    plural); they are a secretary and a sergeant, one person, no name."""
    pieces = _title_pieces(head)
    if pieces is None:
        return head
    return pieces[compound_head([w.lower_ for w in pieces])]


def _name_runs(tokens: list[Token]) -> list[list[Token]]:
    runs: list[list[Token]] = []
    cur: list[Token] = []
    for t in tokens:
        if cur and t.i != cur[-1].i + 1:  # a phrase and its apposition: two runs
            runs.append(cur)
            cur = []
        is_part = t.pos_ == "PROPN" or bool(cur) and (t.like_num or t.lower_ in PARTICLES)
        if cur and _hyphen_joined(t) and t.lower_ in DESCRIBING_SUFFIXES:
            cur = []  # "San Francisco-based I-DEV": the name starts after the place
            continue
        if cur and (_hyphen_joined(t) or _name_as_noun(t) or _plural_possessive(t)):
            # "Yoon Hae-rin" and "the Manitoba Nurses' Union" stay whole
            cur.append(t)
            continue
        # (a name has a capital: "coast guard" tagged as a name is none; "de Blasio", "d'Eon")
        opens = not t.text.islower() or t.lower_ in PARTICLES
        if is_part and ((t.text[:1].isalpha() and (cur or opens)) or t.like_num):
            cur.append(t)
        elif cur:
            runs.append(cur)
            cur = []
    if cur:
        runs.append(cur)
    return runs


SHARE_WORDS = frozenset("percent cent majority minority half third quarter plurality share".split())


def _share_of_many(head: Token) -> bool:
    """'62 percent of voters', 'a majority of members': some of many people, a group."""
    return head.lower_ in SHARE_WORDS and any(
        c.dep_ == "prep" and c.lower_ == "of" and any(g.tag_ in ("NNS", "NNPS") for g in c.children)
        for c in head.children
    )


def _plural_possessive(t: Token) -> bool:
    """The apostrophe of 'the Manitoba Nurses' Union': inside a body's name when a body's word
    ends the words after it; not "Reuters’ Luciana Lopez" or "Democracy Corps’ Stan Greenberg"."""
    doc = t.doc
    if t.text not in ("'", "’") or t.i == 0 or t.i + 1 == len(doc) or doc[t.i - 1].whitespace_:
        return False
    owner, end = doc[t.i - 1], t.i + 1
    while end < len(doc) and doc[end].pos_ == "PROPN":
        end += 1
    return (
        owner.lower_.endswith("s")
        and owner.lower_ not in ORG_WORDS
        and end > t.i + 1
        and doc[end - 1].lower_ in ORG_WORDS
    )


def _an_office(run: list[Token]) -> bool:
    """'Foreign Minister', 'Prime Minister': title words ending in a person's office; not
    'Mr. King' or a lone 'King', which are surnames."""
    words = [t.lower_.rstrip(".") for t in run]
    return len(words) > 1 and words[-1] in PERSON_NOUNS and not HONORIFICS.keys() & set(words)


def _strip_titles(run: list[Token]) -> list[Token]:
    """'House Speaker Paul Ryan' -> 'Paul Ryan': the last stretch free of title words."""
    segments: list[list[Token]] = []
    cur: list[Token] = []
    for n, t in enumerate(run):
        org_inside = t.lower_ in ORG_WORDS and n < len(run) - 1  # "… Club Dmitry Razumovsky"
        title = t.lower_.rstrip(".") in TITLE_WORDS or _title_pieces(t) is not None
        acronym = (
            t.text.isupper()
            and len(t.text) <= 4
            and not t.text.endswith(".")  # not "J."
            and len(_glued_word(t)) == 1  # not "I-DEV"
        )
        if title or org_inside or acronym:
            if cur:
                segments.append(cur)
            cur = []
        else:
            cur.append(t)
    if cur:
        segments.append(cur)
    if not segments and _an_office(run):
        return []  # "The Turkish Foreign Minister": an office, nobody's name
    best = segments[-1] if segments else run
    if len(run) >= 2 and (run[-2].text, run[-1].text) in TITLED_BODIES:
        return run[-2:]  # "The General Staff"
    while best and best[-1].lower_ in PARTICLES:
        best = best[:-1]
    return best


def name_in(tokens: list[Token], head: Token) -> str | None:
    """The name in a phrase: the run of proper nouns at (or nearest after) the head."""
    # "Paul Ryan, the nation's highest-ranking Republican", "Bernie Moreno, an Ohio
    # Republican": a party's member is nobody's name; the name the phrase opens with is.
    raw = _name_runs(tokens)
    members = [r for r in raw if r[-1].lower_ in MEMBER_NOUNS and (len(r) == 1 or _indefinite(r))]
    stripped = (_strip_titles(r) for r in raw if r not in members)
    runs = [_holder_after_place(s) for s in stripped if s]
    if not runs:
        return None
    fallback = runs[0] if any(head in r for r in members) else runs[-1]
    best = next((r for r in runs if head in r), fallback)
    if _lone_office_of(best) and (holder := _holder_named_after(best, runs)) is not None:
        best = holder
    if _company_form(best) and runs.index(best) > 0:
        best = runs[runs.index(best) - 1]  # "Acme Robotics, Inc.": the company is Acme Robotics
    text = head.doc.text
    return text[best[0].idx : best[-1].idx + len(best[-1])]


def _company_form(run: list[Token]) -> bool:
    """'Inc.' set off after a company's name: its legal form, not a name of its own."""
    doc = run[0].doc
    return (
        len(run) == 1
        and run[0].lower_ in CORPORATE_SUFFIXES
        and run[0].i >= 2
        and doc[run[0].i - 1].text == ","
    )


def _holder_after_place(run: list[Token]) -> list[Token]:
    """'Mayor of Tromso Anna Lindqvist', 'Governor of the Bank of Canada Anna Lindqvist': the
    place or body an office is "of" runs into its holder's name, which starts at the first
    given name."""
    doc = run[0].doc
    at = run[0].i - 1
    if at > 0 and doc[at].lower_ == "the":
        at -= 1
    if at < 1 or doc[at].lower_ != "of":
        return run
    return run[holder_start([t.text for t in run], 0) :]


def _lone_office_of(run: list[Token]) -> bool:
    """A lone office word followed by 'of': 'Speaker of the Riksdag …'."""
    doc = run[0].doc
    end = run[-1].i + 1
    return (
        len(run) == 1
        and run[0].lower_.rstrip(".") in TITLE_WORDS
        and end < len(doc)
        and doc[end].lower_ == "of"
    )


def _holder_named_after(office: list[Token], runs: list[list[Token]]) -> list[Token] | None:
    """The holder named after the office's place or body: 'Speaker of the Storting Anna
    Lindqvist' is Anna Lindqvist (a run of two or more words opening on a given name)."""
    for run in (r for r in runs if r[0].i > office[0].i):
        # ("Director of National Intelligence Ann Lee": past the body's words in the run)
        given = next((n for n in range(len(run) - 1) if is_first_name(run[n].text)), None)
        if given is not None:
            return run[given:]
    return None


def _indefinite(run: list[Token]) -> bool:
    doc = run[0].doc
    return run[0].i > 0 and doc[run[0].i - 1].lower_ in ("a", "an")


def full_run(tokens: list[Token], head: Token) -> str | None:
    """The whole run of proper nouns holding the head, titles and acronyms included, joined
    across 'of', 'and' and '&' ("Department of Community Services", "Procter & Gamble")."""
    runs = _name_runs(tokens)
    run = next((r for r in runs if head in r), None)
    if run is None:
        return None
    if _company_form(run) and runs.index(run) > 0:
        run = runs[runs.index(run) - 1]  # "Acme Robotics, Inc."
    doc = head.doc
    lo, hi = run[0].i, run[-1].i
    while hi + 2 < len(doc) and doc[hi + 1].lower_ in JOINERS | {"for"}:  # "Centre for …"
        if (
            doc[hi + 1].lower_ in ("of", "for")
            and doc[hi + 2].lower_ == "the"
            and hi + 3 < len(doc)
            and doc[hi + 3].pos_ == "PROPN"
        ):
            hi += 1  # "Ministry of the Environment" (but "The Times and the Gannett Co." two)
        elif doc[hi + 2].pos_ != "PROPN":
            break
        hi += 2
        while hi + 1 < len(doc) and doc[hi + 1].pos_ == "PROPN":
            hi += 1
    # and back: "Peace and Security Council" is not the "Security Council"
    while lo >= 2 and doc[lo - 1].lower_ in JOINERS and doc[lo - 2].pos_ == "PROPN":
        lo -= 2
        while lo >= 1 and doc[lo - 1].pos_ == "PROPN":
            lo -= 1
    while lo < hi and doc[lo].lower_ == "the":
        lo += 1
    while hi > lo + 1 and doc[hi].text in POST_NOMINALS:
        hi -= 1
    return doc.text[doc[lo].idx : doc[hi].idx + len(doc[hi])]


SEEN_BY = frozenset("seen obtained reviewed viewed read received examined".split())


def _author(head: Token, base: Callable[[int], int]) -> "Mention | None":
    """Who a document speaks for: 'the union's release', 'The RCMP statement', 'a statement
    from the mayor's office', 'a study by Civic Action'."""
    for child in head.children:
        if child.dep_ == "poss" and child.lower_ in POSSESSIVE_PRONOUNS:  # "its statement"
            start = base(child.idx)
            low = POSSESSIVE_PRONOUNS[child.lower_]
            return Mention(child.text, start, start + len(child.text), "pronoun", None, low)
        if child.dep_ == "poss":
            return mention_for(child, base)
    compounds = [c for c in head.children if c.dep_ == "compound"]
    if compounds:  # "The RCMP statement", "the parole board decision"
        return mention_for(compounds[-1], base)
    # "a statement from the union", "a statement e-mailed to reporters by Ann Lee"
    participles = [
        c for c in head.children if c.dep_ == "acl" and c.lower_ not in SEEN_BY
    ]  # (not "a draft seen by Reuters": the agency read it, it did not write it)
    for owner in [head, *participles]:
        for prep in owner.children:
            if prep.dep_ in ("prep", "agent") and prep.lower_ in AUTHOR_PREPS:
                for pobj in prep.children:
                    if pobj.dep_ != "pobj" or _kind_of_document(prep, pobj) or _when(pobj):
                        continue  # "records from December 2017": when, not whose
                    if (by := _by_after_the_subject(head, prep, pobj)) is not None:
                        return mention_for(by, base)  # "a survey of listed clubs by CTV News"
                    return mention_for(pobj, base)
    return None


def _when(pobj: Token) -> bool:
    return pobj.lower_ in TIME_WORDS or (pobj.like_num and len(pobj.text) == 4)


def _by_after_the_subject(head: Token, prep: Token, pobj: Token) -> Token | None:
    """The author after "by" when the "of" phrase before it is what the document is about
    (on the "of" phrase or on the document, wherever the parse hung it)."""
    if prep.lower_ != "of" or pobj.pos_ != "NOUN":
        return None
    by = (c for c in head.subtree if c.dep_ in ("prep", "agent") and c.lower_ == "by")
    return next((c for b in by for c in b.children if c.dep_ == "pobj"), None)


def _kind_of_document(prep: Token, pobj: Token) -> bool:
    """'a statement of claim', 'a letter of intent': a bare noun after "of" names what kind
    of document it is, not who wrote it ("a report of the committee")."""
    return (
        prep.lower_ == "of"
        and pobj.pos_ == "NOUN"
        and not any(c.dep_ in ("det", "poss", "compound", "amod") for c in pobj.children)
    )


def _given_name_first(tok: Token) -> bool:
    """A proper-noun phrase that starts with a known given name ('Ann Lee'), so a person."""
    first = min(tok.subtree, key=lambda t: t.i)
    return first.i < tok.i and is_first_name(first.text)


def _torn_participle(tok: Token) -> bool:
    """'The family of a man killed [while crossing the street] is calling …', parsed with the
    participle's clause hung on the sentence's verb: the participle alone reads wrong; and
    with the clause its own, the phrase is a story, not a description."""
    if tok.dep_ != "acl" or tok.tag_ != "VBN":
        return False
    after = tok.right_edge.i + 1
    torn = after < len(tok.doc) and tok.doc[after].dep_ == "mark"
    return torn or any(c.dep_ == "advcl" for c in tok.children)


def _in_a_torn_participle(tok: Token) -> bool:
    return any(_torn_participle(t) for t in (tok, *tok.ancestors))


def _in_a_closing_tag(tok: Token, top: Token) -> bool:
    """A word of the tag's own verb, parsed into the phrase: 'a panel chaired by the governor
    [reported on Monday].'"""
    while True:
        ends = tok.right_edge.i + 2 >= tok.sent.end  # (the sentence's last words)
        passive = any(c.dep_ == "agent" for c in tok.children)  # ("exit polls reported by CNN")
        if tok.dep_ == "acl" and tok.lower_ in SPEECH_FORMS and ends and not passive:
            return True
        if tok == top:
            return False
        tok = tok.head


def _inside_a_description(tok: Token, top: Token) -> bool:
    """A word of an apposition describing something inside the phrase, not the speaker: 'A
    spokesperson for the Regina Pats[, the junior hockey team that …,] said'."""
    while tok != top:
        if tok.dep_ == "appos" and tok.pos_ == "NOUN" and tok.head.i < tok.i:
            return True
        tok = tok.head
    return False


def _names_inside(tok: Token) -> bool:
    """An apposition like "Norway's special envoy Torvald Haugsand" that holds a name of its
    own, not one it mentions ('a group of businesses led by developer Terrence Okafor')."""
    return tok.pos_ == "NOUN" and any(
        c.pos_ == "PROPN" and c.i > tok.i and not _through_a_clause(c, tok) for c in tok.subtree
    )


def _through_a_clause(tok: Token, top: Token) -> bool:
    """`tok` sits in a clause or phrase inside `top` ("led by developer X"), not beside it."""
    while tok != top:
        if tok.dep_ in ("acl", "relcl", "agent", "pobj"):
            return True
        tok = tok.head
    return False


def _name_as_noun(tok: Token) -> bool:
    """'A council spokesman, Liang Wen-chieh, told …': a hyphenated given name tagged a noun,
    after a surname tagged a proper noun; 'Mrs Dawkins' (tagged a plural noun): a surname
    after an honorific."""
    if tok.pos_ != "NOUN" or not tok.text[:1].isupper():
        return False
    before = [c for c in tok.children if c.dep_ == "compound" and c.i < tok.i]
    return any(c.pos_ == "PROPN" for c in before) and (
        "-" in tok.text or any(c.lower_.rstrip(".") in HONORIFICS for c in before)
    )


def _office_then_name(head: Token, child: Token) -> bool:
    """'The Keeper of the Ruler's Seal, Syed Danial Syed Ahmad': a capitalised phrase after
    'the' (or holding "of the", or an office someone's) is an office or a body, never a
    person's name; a name of two
    or more words set
    beside it after a comma, all proper nouns and none a body's word, is the person who
    speaks (not "the Vox Populi (Voice of the People) column")."""
    the = (
        any(c.dep_ == "det" and c.lower_ == "the" for c in head.children)
        or any(
            c.dep_ == "prep" and c.lower_ == "of" and any(g.lower_ == "the" for g in c.subtree)
            for c in head.children
        )  # "Keeper of the Ruler's Seal" opening a sentence is an office too
        # "Kenya's Foreign Minister, Wanjiru Mwangi,": a state's office, whatever the name
        or (head.lower_ in TITLE_WORDS and any(c.dep_ == "poss" for c in head.children))
    )
    words = [t for t in child.subtree if not t.is_punct]
    first = min(child.subtree, key=lambda t: t.i)
    return (
        the
        and len(words) >= 2
        and first.i > 0
        and child.doc[first.i - 1].text == ","
        and all(t.pos_ == "PROPN" and t.lower_ not in ORG_WORDS for t in words)
    )


def _name_after_office(head: Token) -> Token | None:
    """The name the parse hung on the office's last noun: in "The Keeper of the Ruler's
    Seal, Syed Danial Syed Ahmad, said", the name is Seal's apposition, but names the
    Keeper."""
    for prep in head.children:
        for pobj in prep.children if prep.dep_ == "prep" else ():
            for child in pobj.children:
                if child.dep_ == "appos" and (
                    _office_then_name(head, child) or _aide_then_name(head, prep, child)
                ):
                    return child
    return None


def _person_hung_on_body(head: Token) -> Token | None:
    """The name before 'of' in a run the parse headed on the body after it."""
    for child in head.children:
        if (
            child.dep_ == "nmod"
            and child.pos_ == "PROPN"
            and child.i < head.i
            and any(c.dep_ == "prep" and c.lower_ == "of" for c in child.children)
        ):
            doc = head.doc
            given = [t.i for t in doc[child.left_edge.i : child.i] if is_first_name(t.text)]
            first = given[0] if given else child.i  # past "Grand Chief"
            run = doc[first : head.i + 1]
            if person_then_joined(doc.text, run.start_char, run.end_char):
                return child
    return None


def _titled_holder_in_body_name(head: Token) -> Token | None:
    """'Assembly of First Nations National Chief Cindy Woodhouse', parsed as the body with
    the titled person inside its "of": a title word, then a given name, then the person."""
    for prep in head.children:
        if prep.dep_ != "prep" or prep.lower_ != "of" or not head.text[:1].isupper():
            continue
        if head.tag_ in ("NNS", "NNPS"):
            continue  # "Supporters of Republican Donald Trump" are not him
        for pobj in prep.children:
            words = list(pobj.doc[prep.i + 1 : pobj.i])
            # a given name right after a title ("United Nurses of Alberta president Heather
            # Smith": "Alberta" is a given name too, but no title comes before it)
            titled = [
                n
                for n, t in enumerate(words)
                if n > 0
                and is_first_name(t.text)
                and words[n - 1].lower_ in TITLED_BY  # (not "of the Sierra Club")
                and words[n - 1].lower_ not in PARTY_MEMBER
            ]
            if pobj.dep_ == "pobj" and pobj.pos_ == "PROPN" and titled:
                return pobj
    return None


def _named_by_participle(noun: Token) -> Token | None:
    """'a retired teacher named Gail Mercer', 'the volunteer, a teacher called Ann Lee', 'the
    base chief known as Bob': the name a person noun, or its apposition, is given right after
    it."""
    if noun.pos_ != "NOUN":
        return None
    for person in (noun, *(c for c in noun.children if c.dep_ == "appos")):
        for acl in person.children:
            next_word = acl.i == person.i + 1 or acl.doc[person.i + 1 : acl.i].text == ","
            if acl.dep_ == "acl" and next_word and (name := _known_as(acl)):
                return name  # ("The man, identified only as Carl,")
            if acl.dep_ != "acl" or acl.lower_ not in ("named", "called") or acl.i != person.i + 1:
                continue
            words = list(acl.subtree)[1:]
            if any(t.text in QUOTE_MARKS for t in words) or len(list(acl.children)) != 1:
                continue  # 'one lawmaker called Trump "the orange prince"' names a judgement
            name = next(iter(acl.children))
            if name.dep_ in ("oprd", "dobj", "attr") and name.pos_ == "PROPN":
                return name
    return None


def _known_as(participle: Token) -> Token | None:
    """'known as Bob', 'identified only as Carl': the name, when that is all the words say."""
    if participle.lower_ not in ("known", "identified"):
        return None
    if any(c.dep_ not in ("prep", "advmod") for c in participle.children):
        return None  # ('known as Bob for his temper' still names him; 'known to police' not)
    as_ = next((c for c in participle.children if c.dep_ == "prep" and c.lower_ == "as"), None)
    name = next((c for c in as_.children if c.dep_ == "pobj"), None) if as_ is not None else None
    return name if name is not None and name.pos_ == "PROPN" else None


def _aide_then_name(head: Token, prep: Token, child: Token) -> bool:
    """'A spokesperson for Diab, Renée Proctor,': the name after whom someone speaks for, set
    off by commas, is the speaker's (the parse hangs it on the one spoken for)."""
    words = [t for t in child.subtree if not t.is_punct]
    first = min(child.subtree, key=lambda t: t.i)
    return (
        head.lower_ in PERSON_NOUNS
        and prep.lower_ == "for"
        and len(words) >= 2
        and child.doc[first.i - 1].text == ","
        and all(t.pos_ == "PROPN" and t.lower_ not in ORG_WORDS for t in words)
    )


RELATIVE_WORDS = frozenset("who whom whose which that".split())


def _before_relative(tokens: list[Token], head: Token) -> list[Token]:
    """Cut a relative clause the parse left attached: 'the resident, who sold 40 copies…'."""
    for n, t in enumerate(tokens):
        nxt = tokens[n + 1] if n + 1 < len(tokens) else None
        if t.i > head.i and t.text == "," and nxt is not None and nxt.lower_ in RELATIVE_WORDS:
            return tokens[:n]
    return tokens


QUOTE_TOKENS = frozenset('"“”«»')


OPENING_PREPOSITIONS = frozenset("under outside inside after before during at in on".split())


def _after_an_opening_phrase(tokens: list[Token], head: Token) -> list[Token]:
    """'Under cross-examination, defence lawyer Mark Tessier', 'Outside court, Sandhu's
    daughter': the parse may hang a sentence's opening phrase on its subject; the phrase
    ends at its comma."""
    if head not in tokens or not tokens:
        return tokens
    first = tokens[0]
    before = first.doc[first.i - 1] if first.i > 0 else None
    opens = first.lower_ in OPENING_PREPOSITIONS or (
        before is not None and before.lower_ in OPENING_PREPOSITIONS and before.dep_ == "prep"
    )
    commas = [n for n, t in enumerate(tokens) if t.text == "," and t.i < head.i]
    return tokens[commas[0] + 1 :] if opens and commas else tokens


def _outside_quotes(tokens: list[Token], head: Token) -> list[Token]:
    """The phrase without the quotation the parse hung on it ('"It is so," Butz' is Butz,
    the quotation shrunk to its stand-in for the parse): the tokens on the head's side of it.
    A stand-in's offsets are not the article's, and the words are not the speaker's name."""
    marks = [n for n, t in enumerate(tokens) if t.text in QUOTE_TOKENS]
    quoted = " ".join(t.text for t in tokens[marks[0] + 1 :]) if marks else ""
    if head not in tokens:
        return tokens
    at = tokens.index(head)
    opened = " ".join(t.text for t in tokens[: marks[0]]) if marks else ""
    if opened.startswith(STAND_IN) and at > marks[-1]:
        return tokens[marks[-1] + 1 :]  # the parse left the opening mark out of the phrase
    if not quoted.startswith(STAND_IN):  # 'his "Keepin' It Real" radio program' keeps its title
        return tokens
    if at > marks[-1]:
        return tokens[marks[-1] + 1 :]
    if at < marks[0]:
        return tokens[: marks[0]]
    return tokens


def _inverted_tag(tokens: list[Token]) -> bool:
    """'Said Ellis:' opening a sentence before a quotation is the verb and its speaker,
    parsed as one name (a colon is not where a name like Said Jalili's would stop)."""
    first, last = tokens[0], tokens[-1]
    doc = first.doc
    return (
        len(tokens) > 1
        and first.text in INVERTED_TAGS
        and bool(first.is_sent_start)
        and last.i + 1 < len(doc)
        and doc[last.i + 1].text == ":"
    )


def mention_for(
    head: Token, base: Callable[[int], int] = lambda pos: pos, partners_before: int | None = None
) -> Mention:
    """Classify the speaker phrase headed by `head`; `base` maps parse offsets to the
    article's. With `partners_before`, a name joined to the speaker's past that token is not
    a fellow speaker."""
    if (described := _described_twice(head)) is not None:
        # "GOP presidential contender and former neurosurgeon Ben Carson": one man
        return mention_for_one(described, sorted(head.subtree, key=lambda t: t.i), base)
    tokens = _phrase_tokens(head)
    for child in head.children:  # "the newspaper The New York Times", "Hill, a doctor"
        if child.dep_ == "appos" and _past_a_clause(head, child):
            continue
        if child.dep_ == "appos" and head.pos_ == "PROPN" and _heads_a_list(child):
            continue  # "Ann Lee, Tom Roe and Bo Park": the next of a list, not an apposition
        if child.dep_ == "appos" and child == _titled_partner(head):
            # "Minister Ann Lee and Foreign Secretary Tom Ode": another speaker
            tokens = [t for t in tokens if t.i <= head.i]
            break
        if child.dep_ == "appos" and (
            (
                head.pos_ != "PROPN"
                and (
                    # ("Relatives …, a 41-year-old former Marine," describes; it names nobody)
                    (child.pos_ == "PROPN" and child.left_edge.lower_ not in ("a", "an"))
                    or _names_inside(child)
                    or _name_as_noun(child)
                )
            )
            or (
                head.pos_ == "PROPN"
                and child.pos_ == "PROPN"
                and (
                    _given_name_first(child)
                    or _office_then_name(head, child)
                    # "One Democrat, Senator Ray Tolliver, said": the member is then named
                    or _someone_unnamed(_phrase_tokens(head), head)
                )
            )
        ):  # "The host, envoy X Y"; "Keeper of the Seal, Ann Lee"
            tokens = _phrase_tokens(head) + _phrase_tokens(child)
            head = child
            break
    else:
        if (person := _person_hung_on_body(head)) is not None:
            # "Grand Chief Alvin Fiddler of Nishnawbe Aski Nation called …", parsed with the
            # body for the subject
            tokens, head = [t for t in tokens if t.i <= person.i], person
        elif (holder := _titled_holder_in_body_name(head)) is not None:
            head = holder  # "Assembly of First Nations National Chief Cindy Woodhouse said"
        elif cut := _name_after_abbreviation(head):  # "Navy Capt. | Jeff Davis"
            tokens, head = tokens + cut, cut[-1]
        elif (named := _named_after_its_clause(head)) is not None:
            tokens, head = tokens + [t for t in named if t not in tokens], named[-1]
        head = _name_after_office(head) or head  # its tokens are the phrase's already
    if (given := _named_by_participle(head)) is not None:
        tokens, head = tokens + [t for t in given.subtree if t not in tokens], given
    partner = _named_partner(head) or _described_partner(head)
    if partner is not None and partners_before is not None and partner.i > partners_before:
        partner = None
    if partner is not None:
        first, second = mention_for_one(head, tokens, base), mention_for(partner, base)
        listed = first.kind == "name" and second.kind == "joint"  # "Britain, France and …"
        if listed or (first.kind == second.kind and first.kind in ("name", "description")):
            lo, hi = min(t.idx for t in tokens), max(t.idx + len(t) for t in partner.subtree)
            text = head.doc.text[lo:hi]
            start = base(lo)
            return Mention(
                text,
                start,
                start + len(text),
                "joint",
                None,
                "and",
                plural=True,
                parts=(first, second),
            )
        return first  # "Ann Lee and the others": the named speaker alone
    return mention_for_one(head, tokens, base)


def _named_after_its_clause(head: Token) -> list[Token] | None:
    """'The editor I was talking to, Tim Greer, interrupted': a person's name set off by
    commas after a relative clause on a noun, parsed into the clause, names the one
    described."""
    if head.pos_ != "NOUN":
        return None
    doc = head.doc
    for clause in (c for c in head.children if c.dep_ == "relcl"):
        end = clause.right_edge.i - (clause.right_edge.text == ",")
        start = end
        while start > clause.i and doc[start - 1].pos_ == "PROPN":
            start -= 1
        if (
            end - start >= 1
            and doc[start].pos_ == "PROPN"
            and doc[start - 1].text == ","
            and is_first_name(doc[start].text)
            and doc[end].dep_ not in ("pobj", "dobj", "compound")
        ):
            return list(doc[start : end + 1])
    return None


def _name_after_abbreviation(head: Token) -> list[Token]:
    """The name the parser cut off after an abbreviated title ending the phrase ('said Navy
    Capt. Jeff Davis' parses as two sentences, the second rooted on "Davis")."""
    doc = head.doc
    period = doc[head.i + 1] if head.i + 1 < len(doc) else None
    if period is None or period.text != "." or head.whitespace_:
        return []
    if head.lower_ not in TITLE_ABBREVIATIONS:
        return []
    run: list[Token] = [period]
    while period.i + len(run) < len(doc) and len(run) <= 4:
        nxt = doc[period.i + len(run)]
        if nxt.pos_ != "PROPN" or not nxt.text[:1].isupper():
            break
        run.append(nxt)
    return run if len(run) > 1 else []


def _named_partner(head: Token) -> Token | None:
    """'Saudi Arabia [and the United States] said', 'owners Tore Sohlberg [and Lehla
    Abreder] said': a name joined to the speaker's by "and" speaks with them."""
    if head.pos_ != "PROPN":
        return None
    if not any(c.dep_ == "cc" and c.lower_ == "and" for c in head.children):
        # "Britain, France and Germany said": a list, its "and" on the last but one
        return next(
            (c for c in head.children if c.dep_ in ("conj", "appos") and _heads_a_list(c)),
            None,
        )
    if (titled := _titled_partner(head)) is not None:
        return titled
    for c in head.children:
        if c.dep_ == "conj" and c.pos_ == "PROPN":
            return c
        if c.dep_ == "conj" and c.pos_ == "NOUN":
            # "Sergei Lavrov and his Chinese counterpart Wang Yi pledged", "… and his Finnish
            # counterpart, Elina Valtonen, said": the name it gives
            named = [
                g
                for g in c.children
                if g.dep_ == "appos"
                and g.pos_ == "PROPN"
                and (
                    g.left_edge.i == c.i + 1
                    or (g.left_edge.i == c.i + 2 and head.doc[c.i + 1].text == ",")
                )
            ]
            if named:
                return named[0]
    return None


def _past_a_clause(head: Token, apposition: Token) -> bool:
    """An apposition the parse hung on the phrase past its relative clause or a colon names
    something in that clause: "the Cambridge resident, who sold copies of his comic Forgotten
    Grunt: The Undead Soldier" is not called The Undead Soldier."""
    before = head.doc[apposition.left_edge.i - 1] if apposition.left_edge.i > 0 else None
    return (
        (before is not None and before.text == ":")
        or any(c.dep_ == "relcl" and head.i < c.i < apposition.i for c in head.children)
        # "The family of one of them, Constable Ben Kabiru,": the one named is of the family
        or (
            head.lower_ in KIN_GROUPS
            and any(
                c.dep_ == "prep" and c.lower_ == "of" and c.i < apposition.i for c in head.children
            )
        )
    )


# Kin named as a group, whom a name after "of …" cannot be: "the family of X, Ann Lee,".
KIN_GROUPS = frozenset("family relatives parents children".split())


def _heads_a_list(token: Token) -> bool:
    """A name with an "and" and a name of its own after it: the rest of a list."""
    return (
        token.pos_ == "PROPN"
        and any(c.dep_ == "cc" and c.lower_ == "and" for c in token.children)
        and any(c.dep_ == "conj" and c.pos_ == "PROPN" for c in token.children)
    )


def _described_twice(head: Token) -> Token | None:
    """'GOP presidential contender and former neurosurgeon Ben Carson responded': a singular
    noun with no article is a title, not someone of its own; joined by "and" to a name, it
    is a second description of the named person, who alone speaks."""
    if head.pos_ != "NOUN" or head.tag_ != "NN" or head.i > 0 and head.doc[head.i - 1].text == ",":
        return None
    if any(c.dep_ in ("det", "poss", "nummod") for c in head.children):
        return None
    if [c.lower_ for c in head.children if c.dep_ == "cc"] != ["and"]:
        return None
    conj = [c for c in head.children if c.dep_ == "conj"]
    if len(conj) != 1 or conj[0].pos_ != "PROPN" or conj[0].tag_ != "NNP":
        return None
    name = conj[0]
    described = any(c.dep_ in ("compound", "amod") and c.pos_ != "PROPN" for c in name.children)
    return name if described and not any(c.dep_ == "conj" for c in name.children) else None


def _described_partner(head: Token) -> Token | None:
    """'Japan's prime minister and South Korea's president pledged …': two offices, each of
    its own country, speak together; neither alone."""
    if head.pos_ != "NOUN" or not _office_of_a_country(head):
        return None
    if not any(c.dep_ == "cc" and c.lower_ == "and" for c in head.children):
        return None
    other = next((c for c in head.children if c.dep_ == "conj" and c.pos_ == "NOUN"), None)
    return other if other is not None and _office_of_a_country(other) else None


def _office_of_a_country(noun: Token) -> bool:
    """'Japan's prime minister', 'the Turkish president': an office with its country."""
    if noun.lower_ not in TITLE_WORDS:
        return False
    return any(
        (c.dep_ == "poss" and c.pos_ == "PROPN")
        or (c.dep_ == "amod" and c.pos_ == "PROPN")
        or (c.dep_ == "amod" and c.text[:1].isupper() and c.lower_ not in TITLE_WORDS)
        for c in noun.children
    )


def _titled_partner(head: Token) -> Token | None:
    """'Defence Minister Kenji Ono and Philippine Defence Secretary Gil Reyes said', parsed
    with the second title as the conjunct and the second name as an apposition of the
    first: the name after the title is the partner."""
    title = next((c for c in head.children if c.dep_ == "conj" and c.i > head.i), None)
    if title is None or title.lower_ not in TITLE_WORDS:
        return None
    named = any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in head.children)
    if not named or any(c.dep_ == "poss" for c in title.children):
        return None  # not "Trinidad and Tobago's Foreign Minister Linda Thompson"
    return next(
        (
            c
            for c in head.children
            if c.dep_ == "appos" and c.pos_ == "PROPN" and c.left_edge.i == title.i + 1
        ),
        None,
    )


def event_apposition(subject: Token) -> Token | None:
    """'…, a move officials said was aimed at …': a relative clause without "that" on a noun
    for what happened, which the parse reads as one noun phrase ("a move officials", "a step
    opposition leader Karen Holt"). The noun for what happened (None: not so); the speaker is
    the words after it, and what they said follows the verb."""
    doc, edge = subject.doc, subject.left_edge
    if edge.lower_ not in ("a", "an") or edge.i == 0:
        return None
    noun = next((t for t in doc[edge.i + 1 : subject.i] if t.pos_ != "ADJ"), None)
    if noun is None or noun.tag_ != "NN":
        return None
    if doc[edge.i - 1].text != "," or noun.lower_ not in EVENT_NOUNS:
        # "against a law critics say mirrors …": "a" before people, who are many, who say
        many = subject.tag_ == "NNS" and subject.lower_ in GROUP_NOUNS
        return noun if many and subject.dep_ == "nsubj" else None
    return noun if subject.tag_ in ("NNS", "NNPS", "NNP") else None  # not "a decision maker"


def _named_before_its_kind(tokens: list[Token], full: str) -> bool:
    """'The far-right Alternative for Germany party': a body's whole name (joined across "of"
    or "for"), then the kind of body it is."""
    kind = tokens[-1]
    if len(tokens) < 3 or not kind.text.islower() or kind.lower_ not in ORG_NOUNS:
        return False
    before = tokens[-2]
    return kind.doc.text[: before.idx + len(before)].endswith(full) and not is_first_name(
        full.split()[0]  # (not "Ann Lee of the Toronto party": hers)
    )


def mention_for_one(head: Token, tokens: list[Token], base: Callable[[int], int]) -> Mention:
    """The mention of one speaker: `head` and its phrase's `tokens`."""
    if (event := event_apposition(head)) is not None:
        tokens = [t for t in tokens if t.i > event.i]
    tokens = _before_relative(tokens, head)
    tokens = _outside_quotes(tokens, head)
    tokens = _after_an_opening_phrase(tokens, head)
    if _inverted_tag(tokens):  # "Said Ellis: “…”"
        tokens = tokens[1:]
    tokens = [t for t in tokens if not tag_read_as_modifier(t)]  # '"…," tweeted Ann Lee.'
    while len(tokens) > 1 and (tokens[0].is_punct or tokens[0].is_space):  # ', Butz'
        tokens = tokens[1:]
    while len(tokens) > 1 and (tokens[-1].is_punct or tokens[-1].is_space):
        tokens = tokens[:-1]
    if len(tokens) > 1 and tokens[-1].dep_ == "case" and tokens[-1].head.i == head.i:
        tokens = tokens[:-1]  # "the union's [release]" is the union's words
    doc = head.doc
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1])
    text = doc.text[start:end]
    start, end = base(start), base(start) + len(text)
    head = _office_word(head)
    low = head.lower_
    if low in PRONOUNS and len(tokens) == 1:
        return Mention(text, start, end, "pronoun", None, low)
    if low in POSSESSIVE_PRONOUNS and len(tokens) == 1:  # "In his words, …"
        return Mention(text, start, end, "pronoun", None, POSSESSIVE_PRONOUNS[low])
    if low in OBJECT_PRONOUNS and len(tokens) == 1:
        return Mention(text, start, end, "pronoun", None, OBJECT_PRONOUNS[low])
    name, full = name_in(tokens, head), full_run(tokens, head)
    if head.pos_ == "NUM" and len(tokens) == 1:
        name = full = None  # "One said …" opening a sentence: one of some, not a name
    if full and name != full and _named_before_its_kind(tokens, full):
        name = full  # "the far-right Alternative for Germany party", not "Alternative"
    if name and head.pos_ == "PROPN" and (french := _french_body(head)) is not None:
        lo, hi = french  # "the Fédération des clubs de motoneigistes du Québec"
        name = full = doc.text[lo:hi]
        if lo < tokens[0].idx:
            text = doc.text[lo : tokens[-1].idx + len(tokens[-1])]
            start, end = base(lo), base(lo) + len(text)
    if name is None and _call_sign(head):  # "KING-TV" (tagged a noun) is a station's name
        glued = _glued_word(head)
        name = doc.text[glued[0].idx : glued[-1].idx + len(glued[-1])]
        return Mention(text, start, end, "name", name, low, name)
    plural = head.tag_ in ("NNS", "NNPS") or head.lower_ == "those" or _share_of_many(head)
    # (a rarer word may be tagged a verb: "a State Department readout")
    as_noun = head.pos_ == "NOUN" or (
        head.pos_ == "VERB" and any(c.dep_ == "det" for c in head.children)
    )
    if low in DOCUMENT_NOUNS and as_noun:
        author = _author(head, base)
        return Mention(text, start, end, "document", name, low, full, author, plural)
    if low in GROUP_NOUNS and head.text.islower():  # "the foreign ministry" (PROPN-tagged)
        return Mention(text, start, end, "group", None, low, plural=plural)
    if len(tokens) == 1 and head.is_sent_start and low in OPENING_GROUPS:
        # "Staff had argued …": capitalised because it opens the sentence, not a name
        return Mention(text, start, end, "group", None, low, plural=True)
    if head.tag_ == "NNPS" and tokens[-1].i > head.i and tokens[0].i == head.i:
        # "Canadians with relatives trapped in Gaza": some of a people, as printed
        return Mention(text, start, end, "group", None, low, plural=True)
    if name and (head.pos_ == "PROPN" or _name_as_noun(head)) and not _office_only(tokens, head):
        if _someone_unnamed(tokens, head):  # "a New Hampshire Republican", "an Iowa Democrat"
            kind = "group" if plural else "description"
            return Mention(text, start, end, kind, None, low, plural=plural)
        return Mention(text, start, end, "name", name, low, full, plural=plural)
    if low in GROUP_NOUNS or plural:
        return Mention(text, start, end, "group", name, low, full, plural=plural)
    return Mention(text, start, end, "description", name, low, full)


# Group nouns a sentence may open on, capitalised, with nothing else: never a name.
OPENING_GROUPS = (GROUP_NOUNS - {"kremlin"}) | {"staff", "crew", "personnel", "staffers"}


def _french_body(head: Token) -> tuple[int, int] | None:
    """The span of a French body's name ending on the head, which the parse splits up."""
    hi = head.idx + len(head)
    lo = french_body_start(head.doc.text, hi)
    return (lo, hi) if lo is not None else None


def _office_only(tokens: list[Token], head: Token) -> bool:
    """'the Secretary of State', 'The Foreign Minister': an office a person holds, printed in
    capitals with no name in it, describes whoever holds it (a description), it is not a
    name. Not 'the UN' or 'the State Department': bodies, whose words are titles too."""
    words = [t.lower_.rstrip(".") for t in tokens]
    if len(words) > 2 and words[0] == "the" and head.lower_ in ("democrat", "republican"):
        return " ".join(words[1:-1]) in STATE_NAMES  # "the Tennessee Republican"
    if _office_of(tokens, head):
        return True
    return (
        len(words) > 1
        and words[0] == "the"
        and head.lower_ in PERSON_NOUNS
        and all(w in TITLE_WORDS or _title_pieces(t) for w, t in zip(words, tokens, strict=True))
    )


def _office_of(tokens: list[Token], head: Token) -> bool:
    """ "Alberta's Minister of Municipal Affairs": an office and its portfolio, after a
    place's possessive, names nobody (a name would follow it: "Minister of X Ann Lee")."""
    doc = head.doc
    if head.lower_ not in PERSON_NOUNS or head.i + 1 >= len(doc) or doc[head.i + 1].lower_ != "of":
        return False
    before = [t for t in tokens if t.i < head.i]
    after = [t for t in tokens if t.i > head.i]
    possessive = len(before) == 2 and before[1].tag_ == "POS" and before[0].pos_ == "PROPN"
    return possessive and all(t.pos_ in ("PROPN", "ADP", "CCONJ", "DET") for t in after)


UNNAMING_DETERMINERS = frozenset("a an another one some many several most few".split())


def _someone_unnamed(tokens: list[Token], head: Token) -> bool:
    """'a New Hampshire Republican', 'an Iowa Democrat', 'a Conservative MP', 'some
    Democrats': a party's members the story does not name; no name ("Hampshire Republican"
    had become a speaker, every unnamed Democrat one person). Not "a teary-eyed Bush" or
    "a spokesman, Ann Lee"."""
    first = tokens[0]
    return (
        first.lower_ in UNNAMING_DETERMINERS
        and first.dep_ in ("det", "nummod")  # "one New Hampshire Democrat"
        and first.head.i == head.i
        and head.lower_ in MEMBER_NOUNS
    )


def group_name(mention: Mention) -> str:
    """Display name for a group or unnamed speaker: the phrase as printed ('the ministry',
    'a Venezuelan businessman', 'people arrested at the camp'), as readers and the gold
    name them; an outer 'the' is kept, a possessive pronoun is not; 'one of the players in
    the video' is one of the players."""
    text = re.sub(r"^(?:its|his|her|their)\s+", "", mention.text, flags=re.IGNORECASE)
    if text.count("“") != text.count("”") or text.count('"') % 2:
        # 'Critics of what's known as a "backstop' (the phrase ends before the closing mark)
        text = re.sub(r"\s{2,}", " ", re.sub('[“”"]', "", text))
    return ONE_OF.sub(r"\1", text)


ONE_OF = re.compile(
    r"^((?:[Oo]ne|[Ee]ach) of (?:the|those|these|his|her|their|its) (?:[\w-]{1,30} ){0,2}?"
    r"[\w-]{1,30}s)\s(?:in|at|on|from|with|for|who|that)\b.{0,200}$"
)
