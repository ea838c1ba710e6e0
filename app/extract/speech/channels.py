"""The channel reported words came through: "told CNN", "in an interview with the BBC",
"on X", "in a post on Telegram", "state media quoted him as saying" (an outlet or document,
never the speaker)."""

from spacy.tokens import Token

from app.extract.speakers.lexicon import MEDIA_NOUNS, PLATFORMS
from app.extract.speakers.typing import is_outlet
from app.extract.speech.parse_tokens import proper_name, quoted_person
from app.extract.verbs import lemma as cue_lemma

CHANNEL_NOUNS = frozenset(
    """statement interview email e-mail post tweet release letter message video podcast
    communique communiqué declaration readout report note memo filing op-ed""".split()
)


def channel_of(verb: Token) -> str | None:
    """Where the words were said: 'said in a statement' -> 'statement', 'told CTV News' or
    'said in an interview with CTV News' -> 'CTV News' (outlets only; 'told reporters' and
    'told the committee' name audiences, not channels)."""
    # "was quoted as saying by the TASS news agency": the agent hangs on "saying"
    saying = [g for c in verb.children if c.lower_ == "as" for g in c.children if g.dep_ == "pcomp"]
    if verb.dep_ == "pcomp" and verb.head.lower_ == "as":
        quoting = verb.head.head
        if quoted_person(verb) is not None:  # "CNN quoted a witness as saying …": via CNN
            by = next((c for c in quoting.children if c.dep_ == "nsubj"), None)
            return outlet_named(by) if by is not None else None
        if cue_lemma(quoting.text) == "quote":
            saying.append(quoting)  # "was quoted by the Interfax news agency as saying"
    # "Speaking to CNN's Ann Lee, Machado said": the outlet of whom the speaker spoke to
    speaking = [
        p
        for c in verb.children
        if c.dep_ == "advcl" and c.lower_ in ("speaking", "talking")
        for p in c.children
        if p.dep_ == "prep" and p.lower_ == "to"
    ]
    told = cue_lemma(verb.text) == "tell"
    for child in [*verb.children, *(c for s in saying for c in s.children)]:
        if child.dep_ in ("dobj", "dative") and (name := outlet_named(child)):
            return name
        if child.dep_ in ("dobj", "dative") and told and (name := _whose(child)):
            return name  # "told CNN's Ann Lee", not "asked NBC's Ann Lee to check the facts"
        if child.dep_ in ("prep", "agent") and child.lower_ == "by":
            for pobj in child.children:
                if pobj.dep_ == "pobj" and (name := outlet_named(pobj)):
                    return name
        if child.dep_ == "prep" and child.lower_ in ("in", "on", "via"):
            for pobj in child.children:
                if pobj.dep_ != "pobj":
                    continue
                if name := _carried_by(pobj) or outlet_named(pobj):
                    return name  # "… carried by KCNA", "said on state TV"
                for prep in pobj.children:  # "an interview with CTV News"
                    for outlet in prep.children:
                        if prep.lower_ == "with" and outlet.pos_ == "PROPN":
                            name = proper_name(outlet)
                            if is_outlet(name):
                                return name
                if pobj.lower_ in CHANNEL_NOUNS and not _spoken_in_court(pobj):
                    return pobj.lower_
                if pobj.text in PLATFORMS and child.lower_ in ("on", "via"):
                    return pobj.text  # "wrote on Telegram", "said on X"
    for prep in speaking:
        for pobj in prep.children:
            if pobj.dep_ == "pobj" and (name := outlet_named(pobj) or _whose(pobj)):
                return name
    return None


def _spoken_in_court(statement: Token) -> bool:
    """'told the jury in her opening statement': a speech in the room, no written channel."""
    return any(c.lower_ in ("opening", "closing") for c in statement.children)


def _carried_by(remarks: Token) -> str | None:
    """'In remarks carried by the official KCNA news agency': the outlet that carried them."""
    for acl in remarks.children:
        if acl.dep_ == "acl" and acl.lower_ in CARRIED:
            for agent in acl.children:
                if agent.dep_ == "agent":
                    for pobj in agent.children:
                        if pobj.dep_ == "pobj" and (name := outlet_named(pobj)):
                            return name
    return None


CARRIED = frozenset("carried published broadcast aired reported released".split())


def _whose(person: Token) -> str | None:
    """'CNN's Christiane Amanpour': the outlet a journalist is printed as working for."""
    if person.pos_ != "PROPN":
        return None
    owner = next((c for c in person.children if c.dep_ == "poss"), None)
    return outlet_named(owner) if owner is not None else None


# What unnamed state media are called: "told Russian state TV", "said on state television".
STATE_MEDIA = frozenset("tv television media radio broadcaster".split())


def outlet_named(tok: Token) -> str | None:
    """The outlet a noun phrase names: 'CTV News', 'the Izvestia newspaper' (Izvestia), 'the
    TASS news agency' (TASS); not 'the UN refugee agency'."""
    if tok.pos_ == "PROPN":
        name = proper_name(tok)
        # "state news agency BelTA": a name printed right after its media noun
        after_media = tok.i > 0 and tok.doc[tok.i - 1].lower_ in MEDIA_NOUNS
        return name if is_outlet(name) or after_media else None
    if tok.lower_ in STATE_MEDIA and any(c.lower_ == "state" for c in tok.children):
        words = [t for t in tok.doc[tok.left_edge.i : tok.i + 1] if t.dep_ != "det"]
        return " ".join(t.text for t in words)  # "Russian state TV", "state television"
    if tok.lower_ not in MEDIA_NOUNS:
        return None
    named = [c for c in tok.children if c.dep_ == "appos" and c.pos_ == "PROPN"]
    if named:  # "the newspaper Folha de S.Paulo"
        return tok.doc[named[0].left_edge.i : named[0].i + 1].text
    compounds = [c for c in tok.children if c.dep_ == "compound"]
    names = [c for c in compounds if c.pos_ == "PROPN"]
    if not names:
        return None
    name = tok.doc[names[0].left_edge.i : names[-1].i + 1].text
    name = name.removesuffix(" news")  # "the KCNA news agency" ("news" parsed as a name)
    if tok.lower_ == "agency" and not any(c.lower_ == "news" for c in compounds):
        return name if is_outlet(name) else None
    return name
