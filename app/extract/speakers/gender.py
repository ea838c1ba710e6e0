"""Grammatical gender of the people an article names, for pronoun agreement.

The article's own evidence comes first (Mr/Ms, "spokeswoman", the he/she that follows the name);
a first-name list (the `gender-guesser` package, offline, from Jörg Michael's name dictionary)
settles the rest. None means unknown, which agrees with both pronouns.
"""

import re

from app.extract.text.given_names import is_first_name as is_first_name  # (re-exported)
from app.extract.text.given_names import verdict

MALE, FEMALE = "m", "f"
PRONOUN_GENDER = {
    "he": MALE,
    "him": MALE,
    "his": MALE,
    "himself": MALE,
    "she": FEMALE,
    "her": FEMALE,
    "hers": FEMALE,
    "herself": FEMALE,
}
HONORIFICS = {"mr": MALE, "mrs": FEMALE, "ms": FEMALE, "miss": FEMALE, "sir": MALE, "dame": FEMALE}
GENDERED_ROLES = {
    **dict.fromkeys(
        """spokesman chairman businessman congressman councilman assemblyman father son husband
        brother uncle grandfather boyfriend king prince actor waiter nephew dad widower
        grandson stepfather stepson""".split(),
        MALE,
    ),
    **dict.fromkeys(
        """spokeswoman chairwoman businesswoman congresswoman councilwoman assemblywoman mother
        daughter wife sister aunt grandmother girlfriend queen princess actress waitress niece
        mom mum widow granddaughter stepmother stepdaughter""".split(),
        FEMALE,
    ),
}
# the nouns that say the sex of someone described, not named: "the man in the video"
SEXED_NOUNS = {
    **GENDERED_ROLES,
    **dict.fromkeys("man boy gentleman".split(), MALE),
    **dict.fromkeys("woman girl lady".split(), FEMALE),
}


def described_sex(words: list[str]) -> str | None:
    """The sex the first sexed noun of a description gives ("the man in the video"), if any."""
    return next((SEXED_NOUNS[w.lower()] for w in words if w.lower() in SEXED_NOUNS), None)


_FIRST_NAME_GENDER = {"male": MALE, "mostly_male": MALE, "female": FEMALE, "mostly_female": FEMALE}


MOSTLY_CERTAINTY = 0.4


def first_name_certainty(word: str) -> float:
    """1.0 for a name given to one sex, 0.4 for one mostly given to one ('Kim', 'Jody')."""
    return MOSTLY_CERTAINTY if verdict(word).startswith("mostly") else 1.0


def first_name_gender(word: str) -> str | None:
    """MALE, FEMALE or None (unknown, or a name given to both)."""
    return _FIRST_NAME_GENDER.get(verdict(word))


# A he/she/his after the name, with no other full name in between that could take it ("her"
# and "him" are left out: after a name they are mostly someone else, "Ann sat beside her").
_PRONOUN_AFTER = re.compile(r"[^.!?\n“”\"]{0,80}?\b(he|she|his)\b", re.IGNORECASE)


# "In one of her columns, Bradley mocked …": the his/her of an opening phrase is the
# subject's own (not "At her request, Lee …" or "In her view, Lee …", someone else's).
_OWN_OPENING = re.compile(
    r"(?:^|[.!?]\s+|\n)(?:In|At|During|On|After|Before|Throughout|Unlike|Like|Despite|Since)"
    r"\s[^.!?\n,“”\"]{0,60}?\b(his|her)\s+(?!request|invitation|urging|orders?|behest"
    r"|direction|suggestion|insistence|view|opinion|estimation|words|account|eyes|mind)"
    r"[^.!?\n,“”\"]{0,40},\s+$"
)
_HONORIFIC_BEFORE = re.compile(r"\b(mr|mrs|ms|miss|sir|dame)\.?\s+$")
_FULL_NAME = re.compile(r"\b[A-Z][a-z]+\s+[A-Z][a-z]+")
# Kin printed right before the name, as its title: "widow Terry Strada", "his wife Jo" (not
# an office: some papers call a woman "spokesman").
_KIN_BEFORE = re.compile(
    r"\b(father|son|husband|brother|uncle|grandfather|boyfriend|nephew|widower|grandson"
    r"|mother|daughter|wife|sister|aunt|grandmother|girlfriend|niece|widow|granddaughter)"
    r",?\s{1,3}$",  # "widow Terry Strada", "His mother, Ngozi Okafor,"
    re.IGNORECASE,
)


def no_votes() -> dict[str, float]:
    return {MALE: 0.0, FEMALE: 0.0}


def honorific_before(text: str, start: int) -> str | None:
    """The sex a 'Mr.' or 'Mrs.' printed right before text[start] gives, if any."""
    m = _HONORIFIC_BEFORE.search(text[max(0, start - 25) : start].lower())
    return HONORIFICS[m.group(1)] if m else None


# A woman's title printed right before the name: "spokeswoman Ann Lee". (Not "spokesman",
# which some papers print for women too: "Trump spokesman Hope Hicks".)
_SEXED_TITLE_BEFORE = re.compile(
    r"(?i)\b(spokeswoman|chairwoman|congresswoman|councilwoman|assemblywoman|businesswoman)\s+$"
)


def evidence_at(text: str, start: int, end: int) -> dict[str, float]:
    """Votes for each gender from one mention of a name at text[start:end]."""
    votes = no_votes()
    before = text[max(0, start - 25) : start].lower()
    if m := _HONORIFIC_BEFORE.search(before):
        votes[HONORIFICS[m.group(1)]] += 3.0
    # role words near the name, in its own sentence ("…follow her brother into the lot.
    # Harpreet Gill testified": the brother is someone else)
    before = re.split(r"[.!?]\s|\n", text[max(0, start - 40) : start])[-1]
    after = re.split(r"[.!?]\s|\n", text[end : end + 40])[0]
    window = before.lower().split() + after.lower().split()
    for word in window:
        if (g := GENDERED_ROLES.get(word.strip(",.;:()"))) is not None:
            votes[g] += 1.0
    if (title := _SEXED_TITLE_BEFORE.search(text, max(0, start - 25), start)) is not None:
        # "Foreign Office spokeswoman Mumtaz Baloch": as sure as a "Ms." before her name,
        # more than a given name mostly a man's says
        votes[GENDERED_ROLES[title.group(1).lower()]] += 2.0
    if (title := _KIN_BEFORE.search(text, max(0, start - 25), start)) is not None:
        votes[GENDERED_ROLES[title.group(1).lower()]] += 2.0  # "widow Terry Strada", more
        # than a given name mostly a man's says
    own = _OWN_OPENING.search(text[max(0, start - 120) : start])
    if own is not None and " " not in text[start:end] and not _FULL_NAME.search(own.group()):
        # as sure as a "Ms." before a surname alone, which may also be a given name (Bradley)
        votes[PRONOUN_GENDER[own.group(1)]] += 3.0
    if m := _PRONOUN_AFTER.match(text, end):
        between = text[end : m.start(1)]
        if not _FULL_NAME.search(between):  # no other full name between
            votes[PRONOUN_GENDER[m.group(1).lower()]] += 1.0
    return votes
