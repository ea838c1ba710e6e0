"""Names printed alone: where a capitalised given name ("Pauline", "Her father, Brad, 39,")
stands as a person's name, and where it is a place, a body's word or a sentence's opening
("in Charlotte", "North Carolina", "the Gillette spot", "Soon after"). Read at a name's edges
only, so every pattern's runs are bounded."""

import re

from app.extract.speakers.lexicon import PERSON_NOUNS
from app.extract.speakers.salience import Layout
from app.extract.speakers.typing import person_evidence
from app.extract.verbs import SPEECH_FORMS

_CAPITAL_NEXT = re.compile(r"\s{1,3}[A-Z]")  # "Pauline Quirke" is a full name
_CAPITAL_BEFORE = re.compile(r"(?:[A-Z][\w'’-]{0,30}|\b[A-Z]\.|\b(?:St|Mt|Ft)\.)[^\S\n]{1,3}$")
_HONORIFIC_BEFORE = re.compile(r"\b(?:Mr|Mrs|Ms|Mx|Miss|Dr|Prof)\.?[^\S\n]{1,3}$")
_PLACE_PREPOSITION = re.compile(  # and a determiner: "the Gillette spot", "a Marine base"
    r"\b(?:in|at|from|near|across|into|outside|inside|throughout|around|towards?"
    r"|the|a|an|its|their|her|his|our|this|that)\s{1,3}$",
    re.IGNORECASE,
)
_PLACE_AFTER = re.compile(
    r"['’](?!s\b)\w|['’]s\s{1,3}[A-Z]|,\s{1,3}[A-Z][a-z]{0,4}\.|,\s{1,3}[A-Z][a-z]{1,30},"
)  # "Don't", "Valentine's Day", "Everett, Wash.", "Bratislava, Slovakia,"
_NEXT_WORD = re.compile(r"\s{1,3}([a-z]{1,30})\b")
# Words the list of given names holds that, printed alone, are rarely anyone's name.
NOT_GIVEN_ALONE = frozenset(
    """you just will may june april august christ islam latino latina asia africa europe
    america marvel god lord one""".split()
)
VERBS_AFTER_A_NAME = frozenset(
    """was is had has would will could did does can cannot may might must should went made
    became began gave took got met saw left came knew thought felt told wants tries""".split()
)


def verb_after(text: str, end: int) -> bool:
    """The word after a name is a verb it may be the subject of ("Pauline studied")."""
    verb = _word_after(text, end)
    return verb in SPEECH_FORMS or verb in VERBS_AFTER_A_NAME or verb.endswith("ed")


def _present_after(text: str, end: int) -> bool:
    """A word that may be a verb of the present tense follows: "Anna shrugs", "David
    insists" (or a plural noun: "Harsh comments", so it is no sign of a person on its own)."""
    verb = _word_after(text, end)
    return len(verb) > 4 and verb.endswith("s") and not verb.endswith(("ss", "us", "is"))


def _word_after(text: str, end: int) -> str:
    nxt = _NEXT_WORD.match(text, end)
    return nxt.group(1) if nxt else ""


# Someone introduced by a given name only: "a Salem resident named Caroline", "identified
# only as Bob", "who gave her name as Maria".
_INTRODUCED_AS = re.compile(
    r"\b(?:named|identified(?:\sonly)?\sas|gave\s(?:his|her|their)\s(?:first\s)?name\s(?:only\s)?as"
    r"|known(?:\sonly)?\sas|(?:asked|agreed)\sto\sbe\sidentified\sonly\sas)\s{1,3}$"
)


# "His brother, Emeka, flew in", "Laval's wife, Marie, runs …": a word set between commas
# beside someone's kin or role is their given name, whether or not the lists of given names
# hold it.
_OWNED_KIN_BEFORE = re.compile(
    r"\b(?:[Hh]is|[Hh]er|[Tt]heir|[Oo]ur|[Mm]y|[A-Z][\w-]{1,30}['’]s?)\s{1,3}([a-z-]{2,20}),\s{1,3}$"
)
KIN = frozenset(
    """cousin friend partner uncle aunt nephew niece grandson granddaughter grandmother
    grandfather stepson stepdaughter fiancé fiancée""".split()
)


def named_beside_kin(text: str, m: re.Match) -> bool:
    """'His brother, Emeka,': the word is a person's name, told as someone's kin."""
    kin = _OWNED_KIN_BEFORE.search(text, max(0, m.start() - 40), m.start())
    return (
        kin is not None
        and (kin[1] in PERSON_NOUNS or kin[1] in KIN)
        and text[m.end() : m.end() + 1] == ","
    )


def sign_of_a_person(text: str, m: re.Match) -> bool:
    """Something beside the given name says a person: a title or "his wife," before it,
    an age or a role after it, a he or she that follows, a verb it is the subject of
    ("Pauline studied", "Tim was"), or words introducing someone by that name."""
    return (
        person_evidence(m.group(), text, m.start(), m.end()) > 0
        or named_beside_kin(text, m)
        or _AGE_AFTER.match(text, m.end()) is not None  # "says Maria, 52."
        or verb_after(text, m.end())
        or _INTRODUCED_AS.search(text, max(0, m.start() - 60), m.start()) is not None
    )


def alone_as_a_name(text: str, layout: Layout, m: re.Match) -> bool:
    """A capitalised given name printed where a person's name stands: not inside a run
    of capitals ("North Carolina", "St. Lucie", "Jill Stein"), after a preposition of
    place, before a state ("Everett, Wash.") or a contraction ("Don't"), nor opening a
    sentence as a word does ("One of", "Take out", "Harsh?")."""
    pos, end = m.start(), m.end()
    before = text[max(0, pos - 30) : pos]
    if _HONORIFIC_BEFORE.search(before):
        return False  # "Ms Wong", "Mr. Kim": a surname
    capital = _CAPITAL_BEFORE.search(before)
    if capital and not layout.starts_sentence(pos - len(before) + capital.start()):
        return False  # "North Carolina", not "When Pauline"
    if _PLACE_PREPOSITION.search(before):
        return False
    if _CAPITAL_NEXT.match(text, end) or _PLACE_AFTER.match(text, end):
        return False
    if layout.starts_sentence(pos):  # "Soon after", "Take out": a name's verb
        return (
            verb_after(text, end)
            or _present_after(text, end)
            or _DESCRIBED_AFTER.match(text, end) is not None
        )
    return True


# What follows a given name opening a sentence as it does a person's: "Priya, who teaches
# at a local high school, …", "Maria, 54, …".
_AGE_AFTER = re.compile(r",\s\d{1,3}(?:,|\.(?!\d))")
_DESCRIBED_AFTER = re.compile(r",\s(?:who\s|\d{1,3},)")
