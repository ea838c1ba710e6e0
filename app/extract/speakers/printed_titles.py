"""The titles printed around a name: before it ("Russian Foreign Minister ", "US Secretary of
State, ") and after it (", the bloc's foreign policy chief,", " (R-Texas)"), where a title
stops and another person's begins ("spokesman for President …", "adviser to …")."""

import re

from app.extract.speakers.lexicon import (
    NOT_FIRST,
    ORG_WORDS,
    PERSON_NOUNS,
    POSTED_ROLES,
    ROLE_HINTS,
    TITLE_ABBREVIATIONS,
    TITLE_EXPANSIONS,
    TITLE_WORDS,
    US_PARTIES,
    US_STATES,
    title_compound,
)
from app.extract.verbs import SPEECH_FORMS

# Words that open another person's title after "and": not "Secretary of Housing and Urban …".
NEW_PERSON = frozenset(
    """the a an senator sen rep representative mr mrs ms dr president minister governor gov
    mayor judge justice chancellor premier king queen prince sir ambassador his her their""".split()
)


# Posts held towards another country or body: "Ambassador to Australia", "Envoy for Syria".
POSTED_TO = POSTED_ROLES
DASHES = frozenset("-–—")  # a dateline's ("MOSCOW - The head of …")
DOTTED = re.compile(r"(?:[A-Z]\.){2,4}")  # "U.S.", "U.K.", "E.U."
# Title words that qualify a role rather than name one: no lowercase words before them.
QUALIFIERS = frozenset(
    "former top senior political chief foreign prime vice deputy of the for at and".split()
)
# Offices that make a title whole; a rank after a comma ("Egypt's intelligence chief, Major
# General Sami Nasr") is not one, and the office before the comma is the title.
WHOLE_OFFICES = frozenset(
    """minister president secretary ambassador chancellor premier envoy spokesman
    spokeswoman spokesperson governor mayor senator""".split()
)


def _an_office_already(kept: list[str]) -> bool:
    """The title words read so far (after a comma) name an office by themselves."""
    return any(w.lower() in WHOLE_OFFICES for w in kept)


def _someone_elses(kept: list[str]) -> bool:
    """The words after a "for" or "to" (read backwards: the last kept first) open another
    person's title: "spokesman for [the] President …", "adviser to Prime Minister …"."""
    words = [w.lower().rstrip(".") for w in reversed(kept)]
    if words and words[0] == "the":
        words = words[1:]
    return bool(words) and (words[0] in NEW_PERSON - {"the", "a", "an"} or words[0] == "prime")


PLACE_PREPOSITIONS = frozenset("in at from on near across after before during".split())
FORCE_CHIEF = re.compile(
    r"\b(?:intelligence|army|military|police|security|spy|defen[cs]e|navy|nuclear)\s+chief\s*$"
)
# What follows a place's name in a local office: "the governor of the Kharkiv region".
REGION_NOUNS = frozenset("region province oblast district prefecture governorate".split())
POSSESSIVE_DETERMINERS = frozenset("his her their its our my your".split())
# Prepositions no title runs across: "a rebuke from the Senate majority leader, Ann Lee".
ENDS_A_TITLE = frozenset("from by with against than between after before over about".split())


def title_before(text: str, start: int) -> str:
    """The title words printed just before a name: 'US Secretary of State, ', 'Russian
    Foreign Minister ', 'political analyst ' (capitalised words and role words only)."""
    window = text[max(0, start - 160) : start]
    window = re.sub(r",\s*$", " ", window[window.rfind("\n") + 1 :])
    kept: list[str] = []
    modifiers = 0  # lowercase words before a role noun: "senior policy analyst"
    words = window.split()
    for i in range(len(words) - 1, -1, -1):
        word = words[i]
        bare = word.strip(',.;:()“”"')
        if DOTTED.fullmatch(word.rstrip(",")):
            bare = word.rstrip(",")  # "U.S.", "U.N.": the dots are the word's own
        abbreviation = word.endswith(".") and bare.lower() in TITLE_ABBREVIATIONS  # "Gov."
        if (bare != word.rstrip(",") and not abbreviation) or not bare or bare in DASHES:
            break
        if word.endswith(",") and i and words[i - 1] in PLACE_PREPOSITIONS:
            break  # "… comments in Maine, Philippine Secretary Martin Andanar": Maine is no title
        if word.endswith(",") and _after_a_name(words[: i + 1], kept):
            break  # "… with General Ali Hamdan, Saudi Foreign Minister Faisal Qahtani'
        if word.endswith(",") and _an_office_already(kept):
            break  # "Speaking alongside her Canadian counterpart, German Foreign Minister …"
        if abbreviation:
            bare = TITLE_EXPANSIONS.get(bare.lower(), bare)
        low = bare.lower()
        if low in POSSESSIVE_DETERMINERS or low in ENDS_A_TITLE:
            break  # "Faisal met his Egyptian counterpart, Sameh Nour": the title is "Egyptian …"
        if low in ("and", "or") and not kept:
            break  # "the United States and Saudi Arabia": no title ends on "and"
        if low in ("and", "or") and kept and kept[-1].lower().rstrip(".") in NEW_PERSON:
            break  # "Ann Lee and the Danish envoy Jens Holt", "… and Senator Mark Dalton"
        if low in ("and", "or") and _after_a_name(words[:i], kept):
            break  # "President Li Wei and Russian President Pavel Orlov": Orlov is not Chinese
        if low in ("for", "to", "in") and i and words[i - 1].lower() in POSTED_TO and kept:
            kept.append(bare)  # "Chinese Ambassador to Australia", "U.S. ambassador in Manila"
            continue
        if low in ("for", "to") and _someone_elses(kept):
            if not any(w[:1].isupper() and not is_title_word(w) for w in kept):
                break  # "the spokesman for Prime Minister Ann Lee": Lee's title ends here
            kept, modifiers = [], 0  # "…for Prime Minister Ann Lee, Ben Ode": his is before
            continue
        if low in REGION_NOUNS and kept == [] and i and words[i - 1][:1].isupper():
            kept.append(bare)  # "the governor of the Kharkiv region, ": the region's name
            continue
        if low in ROLE_HINTS or low in PERSON_NOUNS or low in POSTED_ROLES:
            # lowercase words may qualify a lowercase role ("senior policy analyst"); before
            # a capitalised one they are the sentence ("… criticised Senator Mark Dalton")
            # ("Egypt's intelligence chief, Major General …": "chief" heads its phrase here)
            head = (
                low not in QUALIFIERS
                or word.endswith(",")
                # "Egyptian intelligence chief Hassan Rashad": the chief of a national force
                or (not kept and FORCE_CHIEF.search(window) is not None)
            )
            modifiers = 3 if bare[0].islower() and head else modifiers
        elif not bare[0].isupper():
            if kept and kept[-1].endswith(("'s", "’s")):
                break  # "… Salman received Syria's interim president, ": the owner opens it
            if modifiers and re.fullmatch(r"[a-z]{4,20}['’]s", low) and words[i - 1 : i] == ["The"]:
                kept.append(bare)  # "The government's chief negotiator, ": whose he is
                break
            if modifiers == 0 or low in SPEECH_FORMS or not re.fullmatch(r"[a-z-]+", low):
                break
            if word.endswith(","):
                break  # "Asked about Brooks's comments, Ibarra's economy minister": a clause
            modifiers -= 1
        kept.append(bare)
    while kept and kept[-1].lower() in ("of", "the", "for", "at", "and"):
        kept.pop()
    titles = " ".join(reversed(kept))
    # "India's trade minister, Arvind Kesavan": a possessive country before the role words.
    m = POSSESSIVE_ROLE_BEFORE.search(window)
    if (
        m
        and len(m.group(1)) > len(titles)
        and not NOT_IN_A_TITLE.intersection(m.group(1).lower().split())
        and any(w in ROLE_HINTS for w in m.group(1).lower().split())
        # no "a" after the owner: "British Columbia's top doctor declared a measles outbreak
        # in the" Fraser Valley is a sentence, not a title
        and not {"a", "an"} & set(re.split(r"['’]s\s+", m.group(1), maxsplit=1)[-1].split())
    ):
        return m.group(1)
    return titles


# "South Korea's special representative for Korean Peninsula affairs, " before a name.
POSSESSIVE_ROLE_BEFORE = re.compile(
    # "the head of Iran's atomic energy organization, Mohammad Eslami": the office's head
    r"((?:\bthe\s[a-z]{3,12}\sof\s)?"
    r"(?:[A-Z][\w-]+\s){0,2}[A-Z][\w-]+['’]s\s+[a-z][\w -]{2,80}?),?\s*$"
)
# Words of a clause, not of an office: "Germany's decision was welcomed by the French foreign
# minister, Paul Girard" gives Girard no German title.
NOT_IN_A_TITLE = ENDS_A_TITLE | frozenset(
    "was were is are has had have been be by that which who said says told drew".split()
)
PARTY_TAG = re.compile(r"\s?[(,]\s?([DRI])-([A-Z](?:[A-Za-z]|\.(?=[A-Z])){1,6}\.?)(?=[),]|\s|$)")
# A word of an apposition: no clause break, but the periods of "U.S." or "U.N." before a
# lowercase word or a comma ("the U.S. special envoy for Sudan,")
_APPOSED = (
    r"(?:[^,.;\n]|(?<![A-Za-z][A-Z])(?<=[A-Z])\."
    r"(?=[A-Z]\.|,|\s[a-z]|\s(?!(?:The|He|She|It|They|We|I|But|In)\b)[A-Z]))"
)
APPOSITION_AFTER = re.compile(
    rf",\s+((?:the|a|an)\s{_APPOSED}{{2,120}}|(?:[A-Z][\w-]+\s){{0,2}}[A-Z][\w-]+['’]s\s"
    rf"{_APPOSED}{{2,120}})[,.]"  # (not across a line: "Brazil's Lula, Argentina's Milei …"
    r"|\s+(of\s+[A-Z][\w.]+(?:\s[A-Z]\w+)?)"
)
# An office without an article: ", director general of the International Atomic Energy
# Agency," (its lowercase words must hold a role's)
OFFICE_OF_AFTER = re.compile(rf",\s+(((?:[a-z]+\s){{1,3}}?)(?:of|at|for)\s{_APPOSED}{{2,100}}),")


# An office held now or then, without an article: ", now foreign minister,", ", then a senator,"
OFFICE_NOW_AFTER = re.compile(
    r",\s+(?:now|then|currently|later)\s+((?:the\s|a\s|an\s)?[a-z][a-z -]{2,60}),"
)


def title_after(text: str, end: int, start: int | None = None) -> str:
    """A following apposition (', the secretary of state,', ', a doctor at the clinic,')
    or home ('Scott Taylor of Virginia') of the name printed at text[start:end]."""
    age = re.match(r",\s+(\d{1,3}),", text[end : end + 8])
    if age:  # "Voss, 52, said": matched later by "the 52-year-old"
        return f"{age.group(1)}-year-old"
    tag = PARTY_TAG.match(text, end)
    if tag and tag.group(2).rstrip(".") in US_STATES:  # "(D-Nev.)": "the Nevada Democrat"
        return f"{US_PARTIES[tag.group(1)]} {US_STATES[tag.group(2).rstrip('.')]}"
    m = APPOSITION_AFTER.match(text[end : end + 160])
    if m is None and (now := OFFICE_NOW_AFTER.match(text[end : end + 100])):
        if ROLE_HINTS.union(PERSON_NOUNS).intersection(now[1].lower().split()):
            return now[1]  # "Andriy Sybiha, now foreign minister, calls her …"
    if m is None:
        office = OFFICE_OF_AFTER.match(text[end : end + 160])
        if office and ROLE_HINTS.union(PERSON_NOUNS).intersection(office.group(2).split()):
            return office.group(1)  # "Rafael Grossi, director general of the IAEA, said"
        return ""
    if m.group(2):
        return m.group(2)
    closed = text[end + m.end() - 1] == ","  # ", the secretary of state," before the verb
    if closed:
        return m.group(1)
    if start is not None and _a_clause(m.group(1)) and not _opens_a_sentence(text, start):
        return ""
    return m.group(1) if _describes_a_person(m.group(1)) else ""


def _opens_a_sentence(text: str, start: int) -> bool:
    before = text[max(0, start - 4) : start].rstrip(" ")
    return not before or before[-1] in "\n.!?" or before[-2:] in ('."', ".”")


def _a_clause(words: str) -> bool:
    """'Speaking to Der Spiegel, the minister said: …': after a name inside an opening phrase,
    the words after the comma are the sentence's subject and its verb, not an apposition
    (but 'Sam Lau, the party's spokesman said' lacks a comma; and a relative clause may
    speak: 'Ann Lee, a nurse who said she saw it.')."""
    head = re.split(r"\b(?:who|whose|which|that)\b", words, maxsplit=1)[0]
    return bool(re.search(r"[:\"“”]", head)) or any(
        w in SPEECH_FORMS for w in re.findall(r"[a-z]+", head)
    )


def printed_role(text: str, start: int, end: int) -> str:
    """The titles printed before and after a name at text[start:end]."""
    return (title_before(text, start) + " " + title_after(text, end, start)).strip()


def _describes_a_person(apposition: str) -> bool:
    """'said Ann Lee, a barrister from Leeds.' — not the clause after 'According to Sorokin,
    the parties discussed …': some word of it is a person's."""
    words = {w.lower().removesuffix("s") for w in re.findall(r"[A-Za-z]+", apposition)}
    people = PERSON_NOUNS | ROLE_HINTS | TITLE_WORDS | _MORE_PEOPLE
    return bool(words & people - _FUNCTION_WORDS) or any(w.endswith(_PERSON_ENDS) for w in words)


_FUNCTION_WORDS = frozenset("the a an of for at and in on to".split())
_MORE_PEOPLE = frozenset(
    """delegate lobbyist barrister member graduate consultant strategist pollster historian
    lecturer campaigner donor supporter voter fellow partner aide colleague friend operative
    reporter engineer editor correspondent photographer producer""".split()
)
_PERSON_ENDS = ("ist", "man", "woman", "ian")  # lobbyist, committeeman, historian, Syrian


def _after_a_name(before: list[str], kept: list[str]) -> bool:
    """An "and" between a name and a title: the title words kept belong to the next person."""
    last = before[-1].strip(',.;:()“”"') if before else ""
    return (
        last[:1].isupper()
        and not is_title_word(last)
        and any(
            # "… Wang Yi and India's national security adviser Ajit Doval": an owner too
            w[:1].isupper() and (is_title_word(w) or w.endswith(("'s", "’s")))
            for w in kept
        )
    )


def is_title_word(word: str) -> bool:
    low = word.lower().rstrip(".")
    if len(word) == 2 and word.endswith("."):  # an initial: "William A. Ackman"
        return False
    return (
        low in ROLE_HINTS
        or low in PERSON_NOUNS
        or low in TITLE_WORDS
        or low in ORG_WORDS
        or word in NOT_FIRST
        or (word.endswith(".") and low in TITLE_ABBREVIATIONS)
        or title_compound(word) is not None  # "Secretary-General", "Vice-President"
        or _plural_title(word)
    )


# Titles of two or more people named after them: "Senators Ann Lee and Tom Roe", "Reps."
PLURAL_TITLES = frozenset("senators sens representatives reps governors govs mayors".split())


def _plural_title(word: str) -> bool:
    return word[:1].isupper() and word.lower().rstrip(".") in PLURAL_TITLES


def titles_at_end(words: str) -> str:
    """The title words that end the words read before a name ("President", "Foreign
    Minister"), without a place or a sentence's opening before them ("the National Mall, Mr."
    gives "Mr")."""
    kept: list[str] = []
    printed = words.rsplit(None, 1)[-1] if words else ""
    last = printed.lower().rstrip(".")
    if not printed[:1].isupper() or (last not in TITLE_WORDS and last not in PERSON_NOUNS):
        return ""  # "the officer at Benghazi", "a state Republicans": no title of theirs
    for word in reversed(words.split()):
        low = word.lower().rstrip(".")
        if low not in TITLE_WORDS and low not in PERSON_NOUNS and low not in ROLE_HINTS:
            break
        kept.append(low)
    while kept and kept[-1] in ("of", "the", "for", "at", "and", "a", "an"):
        kept.pop()
    return " ".join(reversed(kept))
