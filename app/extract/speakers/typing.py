"""What kind of thing a name or speaker phrase denotes: a person, an organisation, a group,
a media outlet, a place or a document.

Only people take he/she; organisations take it/they; a place or an outlet speaks only when
the text makes it the subject of a speech verb. The evidence is the name itself (a known first
name, an organisation or outlet word, a gazetteer entry) and what the article prints around it
(an honorific or title before it, an age or a role after it, "said in a statement").
"""

import re

from app.extract.speakers.gender import evidence_at, is_first_name
from app.extract.speakers.lexicon import (
    KNOWN_OUTLETS,
    NOT_FIRST,
    NOT_NAME_WORDS,
    ORG_NOUNS,
    ORG_WORDS,
    OUTLET_WORDS,
    PARTY_MEMBER,
    PERSON_NOUNS,
    PLACE_WORDS,
    REGIONS,
    ROLE_HINTS,
    TITLE_ABBREVIATIONS,
    TITLE_WORDS,
)
from app.extract.speakers.name_spans import (
    PERSONAL_INITIALS,
    named_for_its_country,
    team_of_a_place,
)
from app.extract.speakers.officials import Officials, default_officials
from app.extract.speakers.places import is_city, subdivision_names

PERSON = "person"
ORGANISATION = "organisation"
GROUP = "group"
OUTLET = "outlet"
PLACE = "place"
DOCUMENT = "document"
SPEAKING_KINDS = frozenset({PERSON, ORGANISATION, GROUP, OUTLET, PLACE})

OUTLET_PREFIXES = frozenset("daily weekly".split())  # "Daily Courier"
PLACE_PREFIXES = frozenset("lake mount mt port fort cape".split())  # "Lake Cowichan"
CORPORATE_SUFFIXES = frozenset("inc inc. corp corp. co co. ltd ltd. llc plc gmbh ag sa".split())
_AGE_AFTER = re.compile(r",\s+\d{1,3},")
# ", the state-run utility,": a short apposition closed right after its head noun.
_BODY_AFTER = re.compile(
    r",\s{1,3}(?:a|an|the)\s{1,3}((?:[a-z][\w'’-]{0,20}\s){0,2}[a-z][\w'’-]{1,20})[,.;]"
)
_ROLE_AFTER = re.compile(r",\s{1,8}(?:a|an|the)\s{1,8}((?:[\w'’-]+\s{1,8}){0,4}[\w'’-]+)")
_NOUN_AFTER = re.compile(r"\s{1,3}([a-z]{2,20})\b")
_ROLE_ENDS = frozenset({"of", "for", "to", "in", "at", "on", "with", "who", "and", "from"})
# Bounded runs of spaces: an unbounded leading \s+ is quadratic over a long run of blanks.
_STATEMENT_AFTER = re.compile(
    r"\s{1,8}(?:said|says)\s{1,8}in\s{1,8}a\s{1,8}(?:statement|news release|release)\b"
)
# A company by its market or its staff: "shares in Karoo Platinum", "pilots at Air Maple",
# "Karoo Platinum shares fell", "Karoo Platinum's chief executive" (a person's shares are "his
# shares in", not "shares in him"; "Ann Lee shares her story" is a verb).
_TRADED_BEFORE = re.compile(
    r"\b(?:(?:shares|stock)\s{1,3}(?:in|of)|(?:pilots|workers|employees|staff|nurses|engineers"
    r"|drivers|miners|executives|shareholders|customers|passengers)\s{1,3}(?:at|of))\s{1,3}$",
    re.I,
)
_COMPANY_AFTER = re.compile(
    r"(?:\s{1,3}(?:shares|stock)\s{1,3}(?:fell|rose|dropped|jumped|slid|climbed|tumbled|gained"
    r"|lost|closed|plunged|surged|sank|soared|were|have|had)"
    r"|(?:'s|’s)\s{1,3}(?:chief\s{1,3}executive|ceo|shareholders|share\s{1,3}price"
    r"|stock\s{1,3}price))\b",
    re.I,
)


def is_place(name: str, officials: Officials) -> bool:
    bare = re.sub(r"^the\s+", "", name, flags=re.IGNORECASE)
    low = bare.lower()
    if bare in officials.country_words or low in REGIONS or is_city(bare):
        return True
    if low in subdivision_names():
        return True
    words = bare.lower().split()
    return len(words) > 1 and (words[-1] in PLACE_WORDS or words[0] in PLACE_PREFIXES)


def is_outlet(name: str, officials: Officials | None = None) -> bool:
    """A media outlet: known as one (officials.toml, a list of wire services and broadcasters)
    or named like one ("CTV News", "The Daily Courier")."""
    return known_outlet(name, officials) or named_like_outlet(name)


def known_outlet(name: str, officials: Officials | None = None) -> bool:
    known = (officials or default_officials()).find(name)
    if known is not None:
        return known.kind == "media"
    words = re.sub(r"^the\s+", "", name.lower()).split()
    if not words:
        return False
    if len(words) > 1 and words[0] in OUTLET_PREFIXES:
        return True
    return " ".join(words) in KNOWN_OUTLETS or words[-1] in KNOWN_OUTLETS


def named_like_outlet(name: str) -> bool:
    """Ending in an outlet's word: "Toronto Star", "The Daily Courier" (or "Kim Yo Sun")."""
    words = re.sub(r"^the\s+", "", name.lower()).split()
    if words[-2:] in (["press", "agency"], ["news", "agency"]):
        return True  # "Saudi Press Agency", "Kuwait News Agency"
    return len(words) > 1 and words[-1] in OUTLET_WORDS


def is_organisation_name(name: str) -> bool:
    words = [w.strip(".,").lower() for w in name.split()]
    return "&" in words or any(w in ORG_WORDS or w in CORPORATE_SUFFIXES for w in words)


def names_a_body(name: str) -> bool:
    """The name itself says organisation or outlet: a body word, an acronym, an outlet word."""
    words = name.split()
    if words and is_first_name(words[0]) and not is_organisation_name(name):
        return False  # "Ann Lee of IG" is a person
    return (
        is_organisation_name(name)
        or is_outlet(name)
        or any(len(w) > 1 and w.isupper() for w in words)
    )


def is_junk_name(name: str) -> bool:
    """Headline or title debris taken for a name: 'Got Me Fired', 'Are In', 'December 2017'."""
    words = name.split()
    if any(w.lower() in NOT_NAME_WORDS for w in words):
        return True
    if len(words) > 1 and words[-1].lower() in PARTY_MEMBER:
        return True  # "(a New) Hampshire Republican", "(the) Wisconsin Democrat"
    return all(w in NOT_FIRST or w.isdigit() for w in words)


# Words before a name that say a person holds an office: not the articles and prepositions
# the title lists carry for runs like "Secretary of State" ("in Mombasa", "the Horn").
TITLED_BY = (TITLE_WORDS | ROLE_HINTS) - frozenset("the of and for at in on to a an us".split())


# "a guard identified only as Carl", "the base chief known as Bob", "a nurse named Ines":
# the noun before says what the name is. Bounded runs, read back from the name.
_NAMED_AS = re.compile(
    r"([a-z]{2,20}),?[ ]{1,3}(?:named|called|(?:known|identified)(?:[ ]{1,3}only)?[ ]{1,3}as)"
    r"[ ]{1,3}$"
)


_REGNAL = re.compile(r"[IVX]{1,5}")
HOLIDAY_ENDINGS = frozenset("Day Eve Week".split())  # "Christmas Day", "Holy Week"


def person_evidence(name: str, text: str, start: int, end: int) -> float:
    """How strongly the name and its surroundings say 'a person' (0 = no evidence)."""
    words = name.split()
    score = 0.0
    if len(words) > 1 and is_first_name(words[0]) and not is_organisation_name(name):
        score += 2.0
    # the words before it in its own sentence ("… she told the council.\n\nAlgeria said":
    # no councillor Algeria)
    before = text[max(0, start - 40) : start].rsplit("\n", 1)[-1].lower().split()
    if before and _ends_a_sentence(before[-1]):
        before = []
    if before:
        last = before[-1].strip(".,")
        # ("WHO Director-General Tedros Adhanom Ghebreyesus": a title of hyphenated titles)
        if last in TITLE_ABBREVIATIONS or last in TITLED_BY or _hyphenated_title(last):
            score += 2.0
        elif last in PERSON_NOUNS:
            score += 1.5
    named_as = _NAMED_AS.search(text, max(0, start - 50), start)
    if named_as is not None and named_as.group(1) in PERSON_NOUNS:
        score += 2.0
    after = text[end : end + 60]
    if _AGE_AFTER.match(after):
        score += 3.0
    elif _role_after(after):
        score += 2.0
    if any(evidence_at(text, start, end).values()):
        score += 1.0  # "Ann Lee said she …", "Mr. Lee"
    if len(words) > 1 and _REGNAL.fullmatch(words[-1]) and is_first_name(words[-2]):
        score += 2.0  # "Pope Leo XIV", "King Charles III": a reign's number after a given name
    return score


def _ends_a_sentence(word: str) -> bool:
    """'council.', 'said:', 'it?"' (not 'Gov.', 'Sen.', a title's abbreviation)."""
    return word.endswith((".", "!", "?", ":", '"', "”")) and (
        word.rstrip(".") not in TITLE_ABBREVIATIONS
    )


def _hyphenated_title(word: str) -> bool:
    parts = word.split("-")
    return len(parts) > 1 and all(p in TITLED_BY for p in parts)


def organisation_evidence(name: str, text: str, start: int, end: int) -> float:
    words = name.split()
    score = 0.0
    if is_organisation_name(name):
        score += 3.0
        if (m := _NOUN_AFTER.match(text, end)) and m.group(1) in PERSON_NOUNS:
            score += 1.5  # "National Security Council spokesman Ann Lee": the body's
    if len(words) == 1 and (name.isupper() or re.search(r"[a-z][A-Z]", name)):
        score += 2.0  # RCMP, TransLink
    elif any(
        len(w) > 1
        and w.isupper()
        and not _REGNAL.fullmatch(w)
        and not PERSONAL_INITIALS.fullmatch(w)
        for w in words
    ):
        score += 2.0  # "BC Hydro", "UFCW Local" (not "Pope Leo XIV", "J.K. Rowling")
    if len(words) > 1 and words[-1] in HOLIDAY_ENDINGS and not is_first_name(words[0]):
        score += 2.0  # "Christmas Day", "New Year's Eve": a date, never a speaker
    last = words[-1]
    if (
        len(words) > 1
        and re.fullmatch(r"[A-Z][a-z]{3,}[^s]s", last)
        and not is_first_name(words[0])
    ):
        score += 1.0  # "Calgary Flames": a team, not a person
    if _STATEMENT_AFTER.match(text, end):
        score += 2.0
    if (body := _BODY_AFTER.match(text, end)) and body[1].split()[-1] in ORG_NOUNS:
        score += 2.5  # "Kenya Power, the state-run utility,": a body, whatever "Kenya" is
    if text[max(0, start - 4) : start].lower() == "the ":
        score += 1.5  # "the Kenya Red Cross": people are not printed with an article
    if _TRADED_BEFORE.search(text, max(0, start - 20), start) or _COMPANY_AFTER.match(text, end):
        score += 3.0  # more than a given name's 2.0: "shares in Tarvo Minerals"
    return score


def _described_as_person(name: str, text: str, start: int, end: int) -> bool:
    """'Kim Yo Sun, the sister of …', 'Ann Star, 34,', 'Mayor Don Guardian': a given name,
    then an age or a person's role, or after a title, though the name ends like an outlet's
    ("Sun", "Star", "Guardian")."""
    if not is_first_name(name.split()[0]):
        return False
    if _titled_before(text, start):
        return True
    after = text[end : end + 60]
    return bool(_AGE_AFTER.match(after)) or _role_after(after)


def _titled_before(text: str, start: int) -> bool:
    """A capitalised title right before the name: "Mayor", "Rep." (not "the")."""
    before = text[max(0, start - 20) : start].split()
    title = before[-1] if before else ""
    return title[:1].isupper() and title.lower().rstrip(".") in TITLE_WORDS | TITLE_ABBREVIATIONS


def _titled_or_honoured(name: str, text: str, start: int) -> bool:
    """'Mayor Kemi Hargreaves', or 'Mrs Hargreaves' anywhere: a person's name, though its
    first word is a town's ("Kemi", in Finland) and its last a plural's, as a team's are."""
    if _titled_before(text, start):
        return True
    surname = re.escape(name.split()[-1])
    return re.search(rf"\b(?:Mr|Mrs|Ms|Miss|Dr)\.?\s{{1,3}}{surname}\b", text) is not None


def _role_after(after: str) -> bool:
    """', the (powerful) sister of …', ', a former ambassador': a person's noun in the
    appositive that follows a name, before its first preposition."""
    m = _ROLE_AFTER.match(after)
    if m is None:
        return False
    for word in m.group(1).split():
        if word in _ROLE_ENDS:
            return False
        if word in PERSON_NOUNS:
            return True
    return False


def type_of_name(
    name: str,
    officials: Officials,
    text: str = "",
    start: int = 0,
    end: int = 0,
    lowers: frozenset[str] | set[str] = frozenset(),
) -> str:
    """PERSON, ORGANISATION, OUTLET or PLACE for a capitalised name printed at text[start:end]."""
    known = officials.find(name)
    if known is not None:
        if known.kind == "person":
            return PERSON
        return OUTLET if known.kind == "media" else ORGANISATION
    if (known_outlet(name, officials) or named_like_outlet(name)) and not _described_as_person(
        name, text, start, end
    ):
        return OUTLET
    if (
        team_of_a_place(name.split(), officials)
        and not _described_as_person(name, text, start, end)
        and not _titled_or_honoured(name, text, start)
    ):
        return ORGANISATION  # "New York Yankees", "Toronto Blue Jays", "Edmonton Oilers"
    person = person_evidence(name, text, start, end) if text else 0.0
    if is_place(name, officials) and person < 2.0:
        return PLACE
    if person < 2.0 and named_for_its_country(name.split(), officials):
        return ORGANISATION  # "Global Affairs Canada", "Statistics Canada"
    org = organisation_evidence(name, text, start, end) if text else 0.0
    single = len(name.split()) == 1
    if org > person or (single and org == person):
        return ORGANISATION
    if person == 0.0 and _common_words(name, lowers):
        return ORGANISATION  # "Black Lives Matter", "Climate Change", "Election Day"
    return PERSON


def _common_words(name: str, lowers: frozenset[str] | set[str]) -> bool:
    """A name of words the article also prints in lower case, no given name among them: a
    slogan, a cause or an event ('Lives Matter', 'Election Day'), not a person's name."""
    words = name.split()
    return (
        len(words) > 1 and words[-1].lower() in lowers and not any(is_first_name(w) for w in words)
    )
