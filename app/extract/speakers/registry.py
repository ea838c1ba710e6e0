"""People, organisations, outlets and places named in an article: each with its kind, its
gender, the titles printed around it and a salience event for every mention.

A cheap regex pass over the body text: it lets "the Russian minister" find Sergei Lavrov
("Russian Foreign Minister Sergei Lavrov"), "Lavrov" find his full name and "he" find the
person the article was last talking about.
"""

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from app.extract.speakers import gender as genders
from app.extract.speakers.datelines import dateline_country, national_body, national_office
from app.extract.speakers.lexicon import (
    INVERTED_TAGS,
    MONTH_ABBREVIATIONS,
    NOT_FIRST,
    NOT_NAME_WORDS,
    ORG_WORDS,
    OUTLET_WORDS,
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
from app.extract.speakers.lone_names import NOT_GIVEN_ALONE, alone_as_a_name, sign_of_a_person
from app.extract.speakers.names import normalise_name
from app.extract.speakers.officials import Officials
from app.extract.speakers.places import city_country, is_city, subdivision_country
from app.extract.speakers.salience import QUOTED, ROLE_WEIGHT, SPEAKER, SUBJECT, Layout, score
from app.extract.speakers.typing import (
    ORGANISATION,
    OUTLET,
    PERSON,
    is_junk_name,
    is_organisation_name,
    is_place,
    person_evidence,
    type_of_name,
)
from app.extract.text.sentences import DATELINE
from app.extract.verbs import SPEECH_FORMS, mentions_speech


def _latin_letters(case: Callable[[str], bool]) -> str:
    """The accented Latin letters of one case, for a character class: Polish "ł", Turkish
    "ı" and "ş", Romanian "ș", Vietnamese "ư" are letters of names, not word breaks."""
    blocks = (range(0xC0, 0x250), range(0x1E00, 0x1F00))  # Latin-1 to Extended-B, Additional
    return "".join(chr(c) for block in blocks for c in block if case(chr(c)) and chr(c).isalpha())


_UP = f"[A-Z{_latin_letters(str.isupper)}]"
_LOW = f"[a-z{_latin_letters(str.islower)}]"
# A capitalised word: "Lee", "O'Regan", "McCallum", "Brind'Amour", "Na'moks", "Hae-rin", "RCMP".
_WORD = (
    f"{_UP}(?:['’]{_UP})?{_LOW}*"
    f"(?:{_UP}{_LOW}+)?"
    f"(?:['’]{_UP}?{_LOW}+)?"
    f"(?:-{_UP}?{_LOW}+)?"
    f"|{_UP}{{2,6}}"
)
_ARTICLE = r"(?:al|el|ad|an|ar|as|ash|at|az|ul)[-‑]"  # "al-Rashid", "el-Sisi", "ash-Sharif"
# an initial first: "Harry B. Harris", not "Harry B"
# initials run together ("Gen. M.M. Naravane", "V.K. Singh"), but not a country's ("U.S.")
_INITIALS = r"(?!(?:U\.[SKN]|E\.U|U\.A\.E)\.)(?:" + _UP + r"\.){2,3}(?=\s)"
_PART = r"(?:" + _INITIALS + "|" + _UP + r"\.|(?:" + _ARTICLE + r")?(?:" + _WORD + r"))"
_PARTICLES = (
    "de la|de las|de los|van der|van den|van de|von der|de|da|del|della|di|dos|van|von|bin|ibn|"
    "al|el|le|du"
)
_RUN = r"(?:\s+(?:(?:" + _PARTICLES + r")\s+)?" + _PART + r")"
NAME = re.compile(r"(?<![\w.])" + _PART + _RUN + r"{1,5}(?![\w])")
# In prose a run may be longer: "Saudi Foreign Minister Prince Khalid bin Saud al-Rashid".
# A headline in title case is one long run of capitals, where five words is enough.
LONG_NAME = re.compile(r"(?<![\w.])" + _PART + _RUN + r"{1,7}(?![\w])")
# Organisation names joined by 'of', 'and' or '&': "Department of Community Services",
# "Securities and Exchange Commission", "Procter & Gamble" (kept only when they read as bodies).
JOINED = re.compile(
    r"(?<![\w.])"
    + _PART
    + r"(?:\s+"
    + _PART
    + r"){0,5}(?:\s+(?:of|and|for|&)\s+(?:the\s+)?"
    + _PART
    + r"(?:\s+"
    + _PART
    + r"){0,4})+(?![\w])"
)
# Acronyms and camel-cased names ("RCMP", "TransLink"); "McCallum" is a surname.
SINGLE = re.compile(
    r"(?<![\w.'’-])(?:" + _UP + r"{2,6}|(?!Mc|Mac)" + _UP + r"[a-z]+[A-Z][a-z]+)(?![\w'’-])"
)


FIRST_NAME_VOTES = 2.5
TITLED = 2.0  # person evidence of a title printed before a name, or a role after it
# Countries whose names English news prints family name first (Japan's it usually reverses).
FAMILY_NAME_FIRST = frozenset("CN KP KR VN TW HK MO".split())
FIRST_NAME_REACH = 8  # sentences within which a bare first name refers to a full name


NAME_SUFFIXES = frozenset("jr sr ii iii iv".split())


def _without_suffix(words: list[str]) -> list[str]:
    """A name's words without "Jr." or "III": "Harry B. Harris Jr." is Admiral Harris."""
    while len(words) > 1 and words[-1].lower().rstrip(".") in NAME_SUFFIXES:
        words = words[:-1]
    return words


@dataclass
class Entity:
    name: str  # canonical
    country: str | None
    role: str  # titles and descriptions printed around the name, lowercase
    kind: str  # typing.PERSON, ORGANISATION, OUTLET or PLACE
    title: str | None = None  # the office officials.toml gives, e.g. "Foreign Minister"
    positions: list[int] = field(default_factory=list)
    events: list[tuple[int, float]] = field(default_factory=list)  # salience (pos, weight)
    votes: dict[str, float] = field(default_factory=genders.no_votes)
    evidence: float = 0.0  # how surely a person: a known first name, a title, an age, …
    given_alone: bool = False  # a given name printed alone ("Pauline"), not a surname

    @property
    def surname(self) -> str:
        words = normalise_name(self.name).split()
        return _without_suffix(words)[-1] if words else ""

    @property
    def gender(self) -> str | None:
        """From the article's evidence, else from the first name; None if unknown."""
        male, female = self._gender_votes()
        if male == female:
            return None
        return genders.MALE if male > female else genders.FEMALE

    @property
    def gender_settled(self) -> bool:
        """More than a name mostly given to one sex says so ("Morgan" is mostly a man's)."""
        male, female = self._gender_votes()
        return abs(male - female) > FIRST_NAME_VOTES * genders.MOSTLY_CERTAINTY

    def _gender_votes(self) -> tuple[float, float]:
        male, female = self.votes[genders.MALE], self.votes[genders.FEMALE]
        words = self.name.split()
        # a given name weighs as much as a Mr or Ms printed before it; not when the name is
        # in East Asian order ("Kim Yong-chol", "Kim Jong Un": "Kim" is the family name there)
        first = words[0]
        if len(words) > 2 and not genders.is_first_name(first):
            first = words[1]  # "Luiz Inácio Lula da Silva": the second given name tells
        given = genders.first_name_gender(first) if len(words) > 1 or self.given_alone else None
        if given is not None and "-" not in words[-1] and self.country not in FAMILY_NAME_FIRST:
            weight = FIRST_NAME_VOTES * genders.first_name_certainty(first)
            male += weight * (given == genders.MALE)
            female += weight * (given == genders.FEMALE)
        return male, female


# Words that open another person's title after "and": not "Secretary of Housing and Urban …".
NEW_PERSON = frozenset(
    """the a an senator sen rep representative mr mrs ms dr president minister governor gov
    mayor judge justice chancellor premier king queen prince sir ambassador his her their""".split()
)


# Posts held towards another country or body: "Ambassador to Australia", "Envoy for Syria".
POSTED_TO = POSTED_ROLES
FRENCH_HONORIFIC = re.compile(r"(?:M\.|Mme\.?|Mlle\.?)\s(?=[A-Z][\w'’-]+$)")
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


# A sentence's first one or two capitalised words ("Iran's delegation", "The Kremlin").
OPENING = re.compile(r"(?:The\s)?([A-Z][\w.-]*(?:\s[A-Z][\w.-]*)?)")
# Title words alone, capitalised, before a name: "Foreign Minister ", "Defence Secretary ".
OPENS_ON_OFFICE = re.compile(r"\s{0,4}(?:[A-Z][\w.-]{1,20}\s{1,3}){1,4}")
# "Its foreign minister, ", "The country's water minister " just before a name.
THE_COUNTRYS = re.compile(
    r"(?:\b[Tt]he (?:country|nation|kingdom|republic)['’]s|\bIts)\s(?:[\w-]{1,30}\s){0,4}"
    r"[\w-]{1,30},?\s$"
)
# A sentence ending on an unnamed counterpart: the next sentence's first name is them.
MET_COUNTERPART = re.compile(
    r"\b(?:his|her|their)\s([A-Z][\w-]{2,20})\scounterparts?(?:\s(?:in|at)\s[A-Z][\w-]{1,20})?"
    r"(?:\s(?:on|this|last)\s[A-Z]?[\w-]{2,12})?\.\s{1,3}$"
)
# A known person a title is held towards: "sister of leader Kim Jong Un", "aide to Ann Lee"
SOMEONE_OF = re.compile(
    r"\b(?:of|to|for)\s(?:[a-z]{2,15}\s){0,2}([A-Z][\w'’-]+(?:\s[A-Z][\w'’-]+){1,3})$"
)
# Bodies that are no state's: "Its commission president" after a sentence opening on one
NOT_A_STATE = re.compile(
    r"\b(?:bloc|alliance|union|organi[sz]ation|coalition|league|federation|company|firm|"
    r"group|charity|association|agency|fund|bank|court|council)\b",
    re.IGNORECASE,
)
SPOKES_WORDS = frozenset("spokesman spokeswoman spokesperson".split())
# "A spokesperson, " just before a name: the body the sentence before opens on speaks.
A_SPOKESPERSON = re.compile(r"(?:^|[.!?]\s{1,3})An?\sspokes(?:man|woman|person),\s$")
HOLDS_OFFICE = re.compile(
    r"(?:,\swho)?\s(?:is|was|has been|had been|became|remains|serves as)\s"
    r"((?:[A-Z][\w.'’-]{1,30}\s?){1,3}"
    r"(?:[a-z-]{1,20}\s){0,3}(?:minister|president|ambassador|envoy|spokesman|spokeswoman|"
    r"spokesperson|secretary|chancellor|premier|negotiator|representative|leader))\b"
    # "Pavel Orlov, who led Russia's delegation", "…, who heads Egypt's foreign ministry"
    r"|,\swho\s(?:has\s|had\s)?(?:leads|led|heads|headed|chairs|chaired)\s"
    r"((?:[A-Z][\w.'’-]{1,30}\s?){1,3}(?:[a-z-]{1,20}\s){0,2}"
    r"(?:delegation|ministry|government|team|mission|embassy|talks|negotiations))\b"
)
# "In Tehran, the foreign ministry said …": the place a sentence opens with.
PLACED_IN = re.compile(r"\s{0,8}In ([A-Z][\w'’.-]{0,30}(?: [A-Z][\w'’.-]{0,30}){0,2}),\s{0,8}")
# The title of the person heading a kind of body.
BODY_HEADS = {"ministry": "minister", "embassy": "ambassador"}
# A sentence opening on where it happens: "Back in London, the opposition …".
PLACE_OPENING = re.compile(
    r"\s{0,8}(?:(?:Back|Meanwhile|Elsewhere|And)\s)?[Ii]n\s([A-Z][\w'’.-]{0,30}"
    r"(?:\s[A-Z][\w'’.-]{0,30}){0,2}),"
)
BODY_TITLES = frozenset("ministry embassy consulate office department".split())
# "The envoy, Ann Lee": a definite description just before the name it gives.
DESCRIBED_BEFORE = re.compile(r"\b[Tt]he\s([a-z][a-z-]{2,30}),\s{1,3}$")
# "Her Russian counterpart in the talks, Oleg Petrov": a nationality before the role, and a
# phrase after it that the title words stop at.
NATIONALITY_BEFORE = re.compile(
    r"\b(?:[Hh]is|[Hh]er|[Tt]heir|[Ii]ts|[Tt]he|[Aa]n?)\s([A-Z][\w-]{2,30})\s"
    r"[a-z][a-z -]{2,60},\s{1,3}$"
)
# Whom a country's own officials meet, call or host: the title after it is someone else's.
MET_BEFORE = re.compile(
    r"\b(?:with|met|meets|meeting|called|calls|hosted|hosts|hosting|visiting|received)"
    r"\s{1,3}(?:[A-Z][\w.'’-]{0,30}\s{1,3}){1,4}$"
)
# The words of an office a counterpart shares ("president", "foreign minister").
OFFICE_HEADS = frozenset(
    """president prime premier chancellor foreign defence defense finance interior trade
    minister secretary ambassador envoy""".split()
)
VISITING = re.compile(r"\b(?:visiting|guest|counterpart)\b", re.IGNORECASE)
PLACE_PREPOSITIONS = frozenset("in at from on near across after before during".split())


FORCE_CHIEF = re.compile(
    r"\b(?:intelligence|army|military|police|security|spy|defen[cs]e|navy|nuclear)\s+chief\s*$"
)
THE_BODYS = re.compile(
    r"(?:(?i:the)\s)?([a-z]{4,20})['’]s\s"  # "the department's spokeswoman"
    # "a council spokesman", "coast guard spokesperson"
    r"|(?:(?i:an?|the)\s)?(?:[a-z]{2,20}\s)?([a-z]{4,20})\s(?:spokes(?:man|woman|person)|official)\b"
)
# A lone surname after an honorific or rank: "Mr. Naravane", "Gen. Okoro" (not "Gen. Ann Lee").
TITLED_SURNAME = re.compile(
    r"(?<![\w.])(?:Mr|Mrs|Ms|Dr|Gen|Sen|Rep|Gov|Lt|Col|Capt|Adm|Prof)\.?\s"
    r"([A-Z][a-z][\w-]{1,30})(?![\w'’-]|\s[A-Z])"
)


def _local_country(role: str) -> str | None:
    """The country of the city or province a local office names: "Ontario Premier",
    "governor of the Kharkiv region", "mayor of Lviv"."""
    words = [w.title() for w in re.findall(r"[A-Za-z][a-z'’-]{2,}", role)]
    for n in range(len(words)):
        for size in (3, 2, 1):
            if found := subdivision_country(" ".join(words[n : n + size])):
                return found
        if is_city(words[n]):
            return city_country(words[n])
    return None


# A sentence opening on someone's office before the holder's name: "His finance minister, "
HIS_OFFICE = re.compile(r"(?:^|[.!?]\s{1,3}|\n)(His|Her)\s[a-z][a-z -]{2,40},\s$")
# What follows a place's name in a local office: "the governor of the Kharkiv region".
REGION_NOUNS = frozenset("region province oblast district prefecture governorate".split())
LOCAL_OFFICE = re.compile(r"\b(?:governor|mayor|premier|regional|region|province|oblast)\b")
POSSESSIVE_DETERMINERS = frozenset("his her their its our my your".split())
# Prepositions no title runs across: "a rebuke from the Senate majority leader, Ann Lee".
ENDS_A_TITLE = frozenset("from by with against than between after before over about".split())


def _title_before(text: str, start: int) -> str:
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
            if not any(w[:1].isupper() and not _is_title_word(w) for w in kept):
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
    ):
        return m.group(1)
    return titles


def _name_part(matched: str, officials: Officials) -> tuple[int, str]:
    """Where the name starts in a NAME match, and its text: after a country's possessive
    ("Britain's Claire Whitcombe": Claire Whitcombe, whose role then says Britain), else
    before any possessive ("Mueller’s investigation": Mueller)."""
    possessive = re.search(r"['’]s\s+", matched)
    if possessive and matched[: possessive.start()] in officials.country_words:
        return possessive.end(), matched[possessive.end() :]
    return 0, re.split(r"['’]s\b", matched)[0]


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


def _title_after(text: str, end: int) -> str:
    """A following apposition (', the secretary of state,', ', a doctor at the clinic,')
    or home ('Scott Taylor of Virginia')."""
    age = re.match(r",\s+(\d{1,3}),", text[end : end + 8])
    if age:  # "Voss, 52, said": matched later by "the 52-year-old"
        return f"{age.group(1)}-year-old"
    tag = PARTY_TAG.match(text, end)
    if tag and tag.group(2).rstrip(".") in US_STATES:  # "(D-Nev.)": "the Nevada Democrat"
        return f"{US_PARTIES[tag.group(1)]} {US_STATES[tag.group(2).rstrip('.')]}"
    m = APPOSITION_AFTER.match(text[end : end + 160])
    if m is None:
        office = OFFICE_OF_AFTER.match(text[end : end + 160])
        if office and ROLE_HINTS.union(PERSON_NOUNS).intersection(office.group(2).split()):
            return office.group(1)  # "Rafael Grossi, director general of the IAEA, said"
        return ""
    if m.group(2):
        return m.group(2)
    closed = text[end + m.end() - 1] == ","  # ", the secretary of state," before the verb
    return m.group(1) if closed or _describes_a_person(m.group(1)) else ""


def _printed_role(text: str, start: int, end: int) -> str:
    """The titles printed before and after a name at text[start:end]."""
    return (_title_before(text, start) + " " + _title_after(text, end)).strip()


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


def _place_words(words: list[re.Match], officials: Officials) -> int:
    """How many of the first words make a place of more than one word ("New York", "North
    Carolina"); 0 for none."""
    for n in (3, 2):
        if len(words) >= n and " ".join(w.group() for w in words[:n]) in officials.country_words:
            return n
    return 0


def _given_name_of_a_place(words: list[re.Match], officials: Officials, lowers: set[str]) -> bool:
    """'Santiago Peña', 'Israel Katz', 'Jordan Bardella': a place's name that is also a given
    name, before a surname, opens a person's name ("Paris Agreement" is none: the article
    prints "agreement" in lowercase; "Kenya Airways" is a body's)."""
    first, rest = words[0].group(), [w.group() for w in words[1:]]
    country = first in officials.country_words and first not in officials.capitals
    return (
        len(words) in ((2,) if country else (2, 3))
        and genders.is_first_name(first)
        and not any(_is_title_word(w) or w.lower() in lowers for w in rest)
        and not any(w in officials.country_words or w.lower() in GENERIC_CAPITALS for w in rest)
    )


def _strip_leading(words: list[re.Match], officials: Officials, lowers: set[str]) -> list[re.Match]:
    """'Organizer Dwayne Croteau' -> 'Dwayne Croteau'; 'Rep. Jim Bond' -> 'Jim Bond'; but a
    body keeps its whole name ('Kenya Red Cross', 'AFN Youth Council', 'New York Democratic
    Party'); a person loses a place before the title ('New York Gov. Ann Lee') and a title
    printed last ('New York Gov.' alone names nobody); a country named whole ('United Arab
    Emirates') is nobody either."""
    if " ".join(w.group() for w in words) in officials.country_words:
        return []
    if words and words[-1].group().lower().strip(".") in ORG_WORDS:
        place = _place_words(words, officials)
        if place and place < len(words):
            return words  # a body named after a place: "New York Democratic Party"
    while words and (words[0].group() in NOT_FIRST or words[0].group().lower() in NOT_NAME_WORDS):
        words = words[1:]
    if words and words[-1].group().lower().strip(".") in ORG_WORDS:
        return words  # ends like a body's name: "Kenya Red Cross", "Parole Board of Canada"
    while words and words[-1].group().lower().strip(".") in TITLE_ABBREVIATIONS:
        words = words[:-1]
    if words and (place := _place_words(words, officials)):
        words = words[place:]
    while words:
        first = words[0].group()
        low = first.lower().rstrip(".")
        if (
            first in NOT_FIRST
            or first.endswith("ing")
            or (
                first in officials.country_words
                and not _given_name_of_a_place(words, officials, lowers)
            )
            or low in ROLE_HINTS
            or low in PERSON_NOUNS
            or low in NOT_NAME_WORDS
            or (first.endswith(".") and low in TITLE_ABBREVIATIONS)
            or (len(first) == 2 and first.endswith(".") and len(words) > 2)  # "C. Stewart Lee"
        ):
            words = words[1:]
        else:
            break
    titled = [
        n
        for n, w in enumerate(words[:-1])
        if (_is_title_word(w.group()) and not _inside_a_name(words, n))
        or (
            w.group().isupper()
            and len(w.group()) > 1
            and not w.group().endswith(".")  # an initial ("Harry B. Harris"), not "MP"
            and genders.is_first_name(words[n + 1].group())
        )
    ]
    if titled:  # "Trade Minister Arvind Kesavan" -> "Arvind Kesavan", "DUP MP Ann Lee" too
        words = words[titled[-1] + 1 :]
    return words


# Titles that are also a part of names, after a given name: "Hassan Sheikh Mohamud".
NAME_PART_TITLES = frozenset({"Sheikh"})


def _inside_a_name(words: list[re.Match], n: int) -> bool:
    before = words[n - 1].group() if n else ""
    return words[n].group() in NAME_PART_TITLES and genders.is_first_name(before)


def _after_a_name(before: list[str], kept: list[str]) -> bool:
    """An "and" between a name and a title: the title words kept belong to the next person."""
    last = before[-1].strip(',.;:()“”"') if before else ""
    return (
        last[:1].isupper()
        and not _is_title_word(last)
        and any(
            # "… Wang Yi and India's national security adviser Ajit Doval": an owner too
            w[:1].isupper() and (_is_title_word(w) or w.endswith(("'s", "’s")))
            for w in kept
        )
    )


def _is_title_word(word: str) -> bool:
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
    )


ACRONYM = re.compile(r"[A-Z]{2,6}")
INITIALS_SKIPPED = frozenset("of the and for on in at to".split())


def initials(name: str) -> str:
    """'Parliamentary Budget Officer' -> 'PBO'; 'Bank of Canada' -> 'BC'."""
    words = [w for w in name.split() if w.lower() not in INITIALS_SKIPPED]
    return "".join(w[0] for w in words if w[:1].isupper())


ACRONYM_AFTER = re.compile(r"\s{0,8}\(([A-Z]{2,6})\)")  # bounded: \s* over blanks is quadratic
CAPITALISED = re.compile(r"(?<![\w'’.-])[A-Z][a-z]{2,}(?:['’-][A-Z][a-z]+)?(?![\w-]|['’][a-z]{2})")
GENERIC_CAPITALS = ORG_WORDS | TITLE_WORDS | ROLE_HINTS | PERSON_NOUNS | MONTH_ABBREVIATIONS


def _lowercase_words(text: str) -> set[str]:
    return set(re.findall(r"(?<![\w'’-])[a-z][a-z'’-]+", text))


def _in_capitals(text: str, start: int, end: int) -> bool:
    """An all-capitals word that is part of a capitalised heading, not an acronym."""
    before = text[max(0, start - 12) : start].split()
    after = text[end : end + 12]
    if after[:1] in (":", ",") or after.lstrip().startswith(("--", "—", "–")):
        return True
    neighbours = before[-1:] + after.split()[:1]
    return any(len(w.strip(",.:")) > 1 and w.strip(",.:").isupper() for w in neighbours)


def _whole_word_hits(text: str, word: str, spans: list[tuple[int, int]]) -> list[int]:
    """Starts of `word` inside the spans, not part of a longer (or hyphenated) word: str.find
    rather than a regex compiled for each name (a regex per entity cost 3 % of extraction)."""
    hits = []
    for lo, hi in spans:
        at = text.find(word, lo, hi)
        while at != -1:
            before, after = (
                text[at - 1 : at] if at else "",
                text[at + len(word) : at + len(word) + 1],
            )
            if not _joins(before) and not _joins(after):
                hits.append(at)
            at = text.find(word, at + 1, hi)
    return hits


def _joins(char: str) -> bool:
    return char == "-" or (char.isalnum() or char == "_")


def _titles_at_end(words: str) -> str:
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


# A title held under someone: "Moreira Lima's spokesman", "Echeverría's foreign minister".
# An office of a body of states: its holder's staff are the body's, not the holder's country's.
INTERNATIONAL_OFFICE = re.compile(r"\b(?:UN|U\.N\.|NATO|EU|European|IAEA|WHO|IMF|African Union)\b")
PERSONS_OWN = re.compile(r"([A-Z][^'’]{1,60}?)['’]s?\s{1,3}(\S{1,30}(?:\s{1,3}\S{1,30}){0,3})")


class Registry:
    """Named entities of one article, in order of first mention."""

    def __init__(
        self,
        text: str,
        spans: list[tuple[int, int]],
        officials: Officials,
        layout: Layout,
    ):
        """Scan text[lo:hi] for each span. Names inside quotation marks are recorded as
        mentions of low salience but never create an entity: the people a speaker mentions
        are not the ones a later "he" refers to."""
        self.officials = officials
        self.text = text
        self.layout = layout
        self.entities: dict[str, Entity] = {}
        self.aliases: dict[str, Entity] = {}  # "PBO" for "Parliamentary Budget Officer"
        self._by_surname: dict[str, list[Entity]] = {}
        self.spans = spans
        self.lowers = _lowercase_words(text)
        self.home = dateline_country(text, spans, officials)  # "KYIV (Reuters) -": UA
        self.visited = self._lede_abroad()
        for lo, hi in spans:
            for pos, alias in officials.mentions(text, lo, hi):
                self.note(alias, pos, _title_before(text, pos), end=pos + len(alias))
            for m in JOINED.finditer(text, lo, hi):
                body = is_organisation_name(m.group()) or " & " in m.group()
                if body and not layout.in_quote(m.start()):
                    self._add_match(text, m)
            names = NAME if _title_cased(text, lo, hi) else LONG_NAME
            for m in names.finditer(text, lo, hi):
                if not self.officials.find(m.group()) and not layout.in_quote(m.start()):
                    self._add_match(text, m)
        for lo, hi in spans:
            for m in SINGLE.finditer(text, lo, hi):
                self._add_single(m)
        self._note_surnames(spans)
        self._note_given_names(spans)
        capitalised, lowers = self._capitalised(spans), self.lowers
        self._add_recurring(capitalised, lowers)
        self._add_first_names(capitalised, lowers)
        self._note_acronyms()
        self._counterparts_offices()
        self._add_titled_surnames(spans)
        for e in self.entities.values():
            if e.kind == PERSON and e.country is None and e.positions:
                e.country = self._country_from_context(e)

    def _country_from_context(self, e: Entity) -> str | None:
        """A person's country from around their first mention, when no title of theirs
        names one: the dateline's, a place or country the sentence opens on, a nationality
        or description before the name, or an office held after it."""
        text, first = self.text, min(e.positions)
        if holds := HOLDS_OFFICE.match(text, first + len(e.name)):
            # "Valentina Ortiz has been Chile's foreign minister since March.", "Raul Ibarra,
            # who has led Mexico's talks, …": said of them, before anything around them
            if found := self.officials.home_country(holds.group(1) or holds.group(2)):
                return found
        if national_office(e.role):
            if MET_BEFORE.search(text, max(0, first - 60), first):
                return None  # "discussed it with Premier Li Wen": a visitor or a caller
            if self.at_home(first):
                return self.home  # "President Oleksandr Bondar" under a Kyiv dateline
            if found := (
                self.placed_in(first)
                or self._country_introduced(first)
                or self._sentence_opens_on(first)
            ):
                return found
        if found := self._the_countrys(first):
            return found
        if LOCAL_OFFICE.search(e.role) and self.at_home(first):
            return self.home  # "The governor of the Dnipropetrovsk region", filed from Kyiv
        if his := HIS_OFFICE.search(text, max(0, first - 60), first):
            # "His finance minister, Ana Ruiz,": of the last man named
            return self._last_persons_country(first, "m" if his[1] == "His" else "f")
        if self.layout.starts_sentence(first) and (
            met := MET_COUNTERPART.search(self.text, max(0, first - 120), first)
        ):
            return self.officials.country_in(met[1])  # "… met his Turkish counterpart. Fidan …"
        if nationality := NATIONALITY_BEFORE.search(text, max(0, first - 80), first):
            return self.officials.country_in(nationality.group(1))
        if described := DESCRIBED_BEFORE.search(text, max(0, first - 40), first):
            return self.introduced_as(described.group(1).lower(), first)
        return None

    def note_printed(self, name: str, start: int, end: int) -> Entity:
        """A name first met while attributing ("Mr Marles, Australia's defence minister,
        said"): noted with the titles printed around it, and placed as at the start."""
        new = self.find(name, start) is None
        entity = self.note(name, start, end=end)
        if not new or entity.kind != PERSON or self.layout.in_quote(start):
            return entity
        if role := _printed_role(self.text, start, end):
            self.note(name, start, role, end)
        if entity.country is None:
            entity.country = self._country_from_context(entity)
        return entity

    def _counterparts_offices(self) -> None:
        """'Chilean President Tomás Errázuriz and his Argentine counterpart, Martín Quiroga':
        a counterpart holds the office of the person named before in the sentence, so that
        "the president" may be either of them."""
        people = sorted(
            (
                (min(e.positions), e)
                for e in self.entities.values()
                if e.kind == PERSON and e.positions
            ),
            key=lambda pair: pair[0],
        )
        for n, (first, e) in enumerate(people):
            if "counterpart" not in e.role.split():
                continue
            sentence = self.layout.sentence_of(first)
            before = [other for at, other in people[:n] if self.layout.sentence_of(at) == sentence]
            if before:
                office = [
                    w
                    for w in before[-1].role.split()
                    if w in OFFICE_HEADS and w not in e.role.split()
                ]
                e.role = " ".join([e.role, *office])

    def introduced_as(self, head: str, pos: int) -> str | None:
        """'… a visit by a U.S. special envoy. The envoy, Ann Lee, …': the country of the last
        indefinite description with this head before `pos`."""
        before = self.text[max(0, pos - 1500) : pos]
        pattern = rf"\b[Aa]n?\s((?:\S{{1,30}}\s){{0,3}}){re.escape(head)}\b"
        introduced = list(re.finditer(pattern, before))
        return self.officials.home_country(introduced[-1].group(1)) if introduced else None

    def _lede_abroad(self) -> bool:
        """Whether the datelined lede opens on another country's people: "WASHINGTON —
        Argentine President Javier Milo met …" is a story of Argentina's, whose bare titles
        ("Economy Minister Luis Caputo") are not American."""
        if self.home is None:
            return False
        for lo, hi in self.spans[:4]:
            if (m := DATELINE.match(self.text, lo, hi)) is not None:
                lede = self.text[m.end() : hi].lstrip()
                opening = self.opening_state(lede)
                if opening is None or opening[1] == self.home:
                    return False
                # a foreign official opens it ("Argentine President …"), not foreign states
                # ("Thailand and Cambodia agreed …", in talks the dateline's country hosted)
                after = lede[lede.find(opening[0]) + len(opening[0]) :].split()
                words = opening[0].split()[1:] + after[:1]
                return any(w[:1].isupper() and _is_title_word(w) for w in words)
        return False

    def at_home(self, pos: int) -> bool:
        """The paragraph at `pos` names no country but the dateline's: not after "Beijing
        urged restraint." in a story filed from Kyiv (nor, in a story filed from Washington
        about Argentina's president, unless the sentence opens on the United States)."""
        if self.home is None:
            return False
        if self.visited:
            n = self.layout.sentence_of(pos)
            sentence = self.text[self.layout.starts[n] : pos] if n >= 0 else ""
            return self._opening_country(sentence) == self.home
        lo, hi = self.text.rfind("\n", 0, pos) + 1, self.text.find("\n", pos)
        # (the countries its speakers name in quotation marks say nothing of where they are from)
        paragraph = self.layout.unquoted(lo, hi if hi >= 0 else len(self.text))
        if self.officials.countries_in(paragraph) <= {self.home}:
            return True
        # "WARSAW — Poland summoned Belarus's envoy …, the foreign ministry said": the body
        # reporting what the dateline's country did is that country's
        n = self.layout.sentence_of(pos)
        sentence = self.text[self.layout.starts[n] : pos] if n >= 0 else ""
        if self._opening_country(sentence) == self.home:
            return True
        # "LONDON — The foreign secretary, Rachel Osei, summoned China's ambassador": the
        # datelined sentence opens on the office, before any other country is named
        datelined = DATELINE.match(self.text, lo) is not None and lo <= self.layout.starts[n]
        first = n == 0 or self.layout.starts[n - 1] < lo
        # "Foreign Minister Yusuf Tuggar told the envoy …, Tuggar also asked London": a bare
        # office opening a paragraph of a datelined story is the dateline country's, whatever
        # the paragraph names after it
        opens = OPENS_ON_OFFICE.fullmatch(sentence) is not None or (
            bool(sentence.strip()) and national_office(sentence.strip().lower())
        )  # "Opposition foreign affairs spokesman Daniel Keane"
        if not opens and sentence.lstrip()[:1] in "\"“'‘" and n >= 0:
            # '"Our patience has limits," Defence Minister Khalid Mehmood said': the office
            # right after the words it opens on
            after = self.layout.unquoted(self.layout.starts[n], pos).lstrip(" ,—–-")
            opens = OPENS_ON_OFFICE.fullmatch(after) is not None
        if VISITING.search(sentence):
            return False  # "Visiting Foreign Minister …", "her counterpart …"
        if (datelined or opens) and first:
            return not self.officials.countries_in(sentence)
        # "Critics … said …. Interior Minister Kipchumba Murkomen rejected that. Haiti, he
        # said, …": later in the paragraph too, when nothing before it names another country
        before = self.layout.unquoted(lo, pos)
        return opens and self.officials.countries_in(before) <= {self.home}

    def _last_persons_country(self, pos: int, sex: str) -> str | None:
        """The country of the person of that sex named last before `pos`, if it is known."""
        other = "f" if sex == "m" else "m"
        last = self._named_last(pos, lambda e: e.kind == PERSON and e.votes[sex] >= e.votes[other])
        return last.country if last is not None else None

    def placed_in(self, pos: int) -> str | None:
        """The country of the place the sentence at `pos` opens on, just before `pos` or
        before title words there: 'In Tehran, the foreign ministry said …', 'In Washington,
        Treasury Secretary Scott Bessel said …'."""
        n = self.layout.sentence_of(pos)
        if n < 0:
            return None
        m = PLACED_IN.fullmatch(self.text, self.layout.starts[n], pos)
        if m is None:
            m = PLACED_IN.match(self.text, self.layout.starts[n])
            if m is None:
                return None
            office = self.text[m.end() : pos].strip().lower()  # "government spokesman"
            if not (OPENS_ON_OFFICE.fullmatch(self.text, m.end(), pos) or national_office(office)):
                return None
        return self.officials.country_in(m[1])

    def _body_placed_in(self, pos: int) -> str | None:
        """A national body's country: the place its sentence opens on ("In New Delhi, the
        Ministry of External Affairs said"), else the dateline's when the paragraph is at home."""
        n = self.layout.sentence_of(pos)
        if n >= 0 and (m := PLACED_IN.match(self.text, self.layout.starts[n])) is not None:
            if re.fullmatch(r"(?:[Tt]he\s)?", self.text[m.end() : pos]):
                return self.officials.country_in(m[1])
        return self.home if self.at_home(pos) else None

    def _the_countrys(self, pos: int) -> str | None:
        """'Sudan called for talks. Its acting foreign minister, Ali Youssef, said …', 'The
        country's water minister, Habtamu Itefa': the country the sentence before opens on,
        else the first it names ("The talks were hosted by Switzerland. Its foreign …";
        "Georgia's ruling party welcomed the Hungarian position. Its chairman" is Georgian)."""
        its = THE_COUNTRYS.search(self.text, max(0, pos - 80), pos)
        if not its and not A_SPOKESPERSON.search(self.text, max(0, pos - 30), pos):
            return None
        layout = self.layout
        n = layout.sentence_of(pos)
        if n < 1:
            return None
        before = self.text[layout.starts[n - 1] : layout.starts[n]].lstrip()
        if not its:  # "Germany's foreign ministry called it regrettable. A spokesperson, …"
            return self._opening_country(before)
        subject = " ".join(before.split()[:6])
        if NOT_A_STATE.search(subject) and not self.officials.country_in(subject):
            return None  # "The West African bloc, ECOWAS, … sanctions on Niger …. Its …"
        return self._opening_country(before) or self.officials.country_in(before)

    def _opening_country(self, sentence: str) -> str | None:
        """The country a sentence opens on: "Iran's delegation …", "The Kremlin …" (none)."""
        found = self.opening_state(sentence)
        return found[1] if found else None

    def opening_state(self, sentence: str) -> tuple[str, str] | None:
        """The country, capital or body a sentence opens on, as printed and as a country:
        "Beijing rejects that account." is ("Beijing", "CN")."""
        opening = OPENING.match(sentence)
        if opening is None:
            return None
        name = re.sub(r"['’]s$", "", opening[1])
        country = self.officials.country_in(name)
        return (name, country) if country else None

    def _country_introduced(self, pos: int) -> str | None:
        """'Iran's delegation struck a different note. Deputy Foreign Minister Dariush
        Kamranpour said …': the country the sentence before opens on, in the same paragraph,
        is the bare title's."""
        layout, text = self.layout, self.text
        n = layout.sentence_of(pos)
        if n < 1:
            return None
        # the sentence before, or the paragraph's first sentence when the paragraph names
        # no other country ("France's interior ministry rejected the criticism. '…,' an
        # official said. Interior Minister Gérard Lemaire later said …")
        para = text.rfind("\n", 0, pos) + 1
        first = next((k for k in range(n, -1, -1) if layout.starts[k] <= para), n)
        whole = layout.starts[n - 1] >= para  # the sentence before is in this paragraph
        tried = [n - 1] if whole else []
        if first < n - 1:
            tried.append(first)
        for k in tried:
            start = layout.starts[k] if k == n - 1 else max(layout.starts[k], para)
            before = text[start : layout.starts[k + 1]]
            scope = before if k == n - 1 else text[start:pos]
            countries = self.officials.countries_in(scope)
            named = self._opening_country(before) if len(countries) == 1 else None
            if named is None and len(countries) == 1 and (place := PLACE_OPENING.match(before)):
                named = self.officials.country_in(place[1])  # "Back in London, …"
            if named in countries:
                return named
            if k == n - 1 and self._same_body(before, pos):
                return self._opening_country(before)
        return None

    def _sentence_opens_on(self, pos: int) -> str | None:
        """ "Iran is represented by Deputy Foreign Minister Reza Farahani": the country the
        sentence opens on, when it names no other before the title (and no one's words: in
        "Belgium failed …, said Ralf Jäger, the minister" Belgium is what he spoke of)."""
        n = self.layout.sentence_of(pos)
        if n < 0:
            return None
        before = self.layout.unquoted(self.layout.starts[n], pos)
        if before != self.text[self.layout.starts[n] : pos] or mentions_speech(before):
            return None
        country = self._opening_country(before.lstrip())
        if country is None or not self.officials.countries_in(before) <= {country}:
            return None
        return country

    def _same_body(self, before: str, pos: int) -> bool:
        """ "South Korea's unification ministry said …. Ministry spokesman Koo said …": the
        title names the body the sentence before opens on, whatever else that sentence names."""
        opening = set(re.findall(r"[a-z]+", " ".join(before.split()[:6]).lower())) & BODY_TITLES
        title = _title_before(self.text, pos).lower()
        if title in SPOKES_WORDS and self._opening_country(before):
            return True  # "China's coast guard said …. In a statement, spokesman Gan Yu said"
        return bool(opening & set(re.findall(r"[a-z]+", title)))

    def _capitalised(self, spans: list[tuple[int, int]]) -> dict[str, list[re.Match]]:
        """Each capitalised word printed outside quotation marks, with where it stands."""
        seen: dict[str, list[re.Match]] = {}
        for lo, hi in spans:
            for m in CAPITALISED.finditer(self.text, lo, hi):
                if not self.layout.in_quote(m.start()):
                    seen.setdefault(m.group(), []).append(m)
        return seen

    def _add_single(self, m: re.Match) -> None:
        """Acronyms and camel-cased names ('RCMP', 'TransLink') are bodies named alone."""
        word, pos = m.group(), m.start()
        if self.layout.in_quote(pos) or word in self.officials.country_words or word in NOT_FIRST:
            return
        if word.isupper() and _in_capitals(self.text, m.start(), m.end()):
            return  # a heading or dateline in capitals ("ENERGY:", "NEW YORK --")
        if word not in self.entities and any(
            p <= pos < p + len(e.name) for e in self.entities.values() for p in e.positions
        ):
            return  # part of a longer name already recorded ("UFCW Local 832")
        self.note(word, pos, end=m.end())

    def _add_titled_surnames(self, spans: list[tuple[int, int]]) -> None:
        """'Mr. Naravane was cautiously optimistic.', 'Gen. Okoro said': a surname printed
        after an honorific or a rank names a person, though no full name came before."""
        for lo, hi in spans:
            for m in TITLED_SURNAME.finditer(self.text, lo, hi):
                word, pos = m.group(1), m.start(1)
                if self.layout.in_quote(pos) or word in NOT_FIRST:
                    continue
                if word in self.officials.country_words or self.find(word, pos) is not None:
                    continue  # "Mr. Lee" after "Ann Lee" is hers (`find`)
                full = re.finditer(rf"\b([A-Z][a-z]+)\s{re.escape(word)}\b", self.text)
                if any(genders.is_first_name(f[1]) for f in full):
                    continue  # "said Charlie King", met while attributing: his
                self.note(word, pos, _printed_role(self.text, pos, m.end(1)), end=m.end(1))

    def _note_acronyms(self) -> None:
        """'the Parliamentary Budget Officer (PBO)': the acronym names the same body; so does
        an acronym the article prints alone ('the PBO') that is the initials of exactly one
        body it names in full."""
        for e in list(self.entities.values()):
            for pos in list(e.positions):
                m = ACRONYM_AFTER.match(self.text, pos + len(e.name))
                if m is not None and m.group(1) not in self.aliases:
                    self._alias(m.group(1), e)
        bodies: dict[str, list[Entity]] = {}
        for e in self.entities.values():
            short = initials(e.name)
            # an office typed as a person ("Parliamentary Budget Officer") has an acronym;
            # two letters are too easily someone's initials ("UN", "Ursula Nadel")
            if len(e.name.split()) > 1 and (e.kind != PERSON or len(short) > 2):
                bodies.setdefault(short, []).append(e)
        for word in list(self.entities):
            found = bodies.get(word, [])
            if ACRONYM.fullmatch(word) and word not in self.aliases and len(found) == 1:
                self._alias(word, found[0])

    def _alias(self, acronym: str, e: Entity) -> None:
        other = self.entities.pop(acronym, None)
        if other is not None and other is not e:  # the acronym was taken for a body
            e.positions += other.positions
            e.events += other.events
        self.aliases[acronym] = e

    def _add_recurring(self, seen: dict[str, list[re.Match]], lowers: set[str]) -> None:
        """A capitalised word the article repeats, not only to start sentences, and never
        writes in lower case, names a body or a place: 'Tesla', 'Facebook', 'Ottawa'."""
        taken = sorted((p, p + len(e.name)) for e in self.entities.values() for p in e.positions)
        starts = [a for a, _ in taken]

        def covered(pos: int) -> bool:
            n = bisect.bisect_right(starts, pos) - 1
            return any(a <= pos < b for a, b in taken[max(0, n - 3) : n + 1])

        for word, found in seen.items():
            found = [m for m in found if not covered(m.start())]
            if len(found) < 2 or word in self.entities or word in NOT_FIRST:
                continue
            if word.lower() in NOT_NAME_WORDS or word.lower() in lowers:
                continue
            if word.lower() in GENERIC_CAPITALS or word.lower() in OUTLET_WORDS:
                continue
            if word in self.officials.country_words or genders.is_first_name(word):
                continue
            if word in US_STATES and self.text[found[0].end() : found[0].end() + 1] == ".":
                continue  # "Burns, Ore.": a state abbreviated, not a body
            if all(self.layout.starts_sentence(m.start()) for m in found):
                continue
            if self.find(word, found[0].start()) is None:
                # "President Obama … Mr. Obama": the titles printed before it, wherever
                titles = [_titles_at_end(_title_before(self.text, m.start())) for m in found]
                # and an office after its first mention: "Mr Ndlovu, the presidency's spokesman,"
                after = _title_after(self.text, found[0].end())
                if ROLE_HINTS.union(PERSON_NOUNS).intersection(re.findall(r"[a-z]+", after)):
                    titles.append(after)
                role = " ".join(dict.fromkeys(filter(None, titles)))
                entity = self.note(word, found[0].start(), role, end=found[0].end())
                # typed where first printed ("the Obama administration"), a person where a
                # title is printed before it ("President Obama") or a pronoun after it
                if entity.kind == ORGANISATION and any(
                    person_evidence(word, self.text, m.start(), m.end()) >= TITLED for m in found
                ):
                    entity.kind = PERSON

    def _add_first_names(self, seen: dict[str, list[re.Match]], lowers: set[str]) -> None:
        """A given name printed alone ('Pauline', 'Justin and Tim') names a person when no
        full name in the article starts with it (else it is that person: `find`). Not a
        word the article also writes in lower case ('Will', 'Rose'), nor one printed as a
        place is ('in Charlotte', 'Everett, Wash.', 'North Carolina') anywhere."""
        firsts = {normalise_name(e.name).split()[0] for e in self.entities.values() if e.name}
        taken = [(p, p + len(e.name)) for e in self.entities.values() for p in e.positions]
        for word, found in seen.items():
            if (
                not genders.is_first_name(word)
                or normalise_name(word) in firsts
                or word.lower() in lowers
                or word in NOT_FIRST
                or is_place(word, self.officials)
                or word in US_STATES  # "Ala.", "Del."
                or word.lower() in NOT_GIVEN_ALONE
                or word.lower() in GENERIC_CAPITALS
                or any(a <= m.start() < b for m in found for a, b in taken)
                or not all(alone_as_a_name(self.text, self.layout, m) for m in found)
                or not any(sign_of_a_person(self.text, m) for m in found)
            ):
                continue
            pos = found[0].start()
            entity = self.find(word, pos)
            if entity is None:
                entity = self.note(word, pos, end=found[0].end())
                entity.kind = PERSON  # a given name, however the word alone is typed
                entity.given_alone = True

    def _note_elsewhere(self, entity: Entity, pos: int) -> None:
        """A body first met as a speaker ('Na'moks said', 'Facebook says') is salient wherever
        else the article names it."""
        for start in _whole_word_hits(self.text, entity.name, self.spans):
            if start != pos and start not in entity.positions:
                entity.positions.append(start)
                end = start + len(entity.name)
                entity.events.append((start, ROLE_WEIGHT[self.layout.role(start, end)]))

    def _note_surnames(self, spans: list[tuple[int, int]]) -> None:
        """Later bare-surname mentions ('Voss, 52, said') count as positions of the person,
        with what is printed after them, so 'the 52-year-old' can find her. A surname two
        people share goes to the one more salient at that point."""
        people: dict[str, list[Entity]] = {}
        for e in self.entities.values():
            if e.kind == PERSON and len(e.name.split()) > 1:
                people.setdefault(_without_suffix(e.name.split())[-1], []).append(e)
        if not people:
            return
        pattern = re.compile(
            r"(?<![\w-])(?:" + "|".join(re.escape(w) for w in people) + r")(?![\w-])"
        )
        found = [m for lo, hi in spans for m in pattern.finditer(self.text, lo, hi)]
        for m in sorted(found, key=lambda m: m.start()):
            pos = m.start()
            owners = [
                e
                for e in people[m.group()]
                if min(e.positions, default=pos) < pos
                and not any(p <= pos < p + len(e.name) for p in e.positions)
            ]
            if not owners or any(
                p <= pos < p + len(e.name) for e in people[m.group()] for p in e.positions
            ):
                continue
            owner = max(
                owners, key=lambda e: (score(e.events, pos, self.layout), -min(e.positions))
            )
            role = "" if self.layout.in_quote(pos) else _title_after(self.text, m.end())
            self.note(owner.name, pos, role, end=m.end())

    def _note_given_names(self, spans: list[tuple[int, int]]) -> None:
        """A name's first word printed alone where `find` reads it as that person ('Phumtham'
        for Phumtham Wechayachai, 'Xi' for Xi Jinping): a position of theirs, so that a "he"
        after "Phumtham was more guarded." is him."""
        people: dict[str, list[Entity]] = {}
        for e in self.entities.values():
            words = e.name.split()
            if (
                e.kind == PERSON
                and len(words) > 1
                and e.evidence > 0  # a person's signs, not "Latino Decisions"
                and bool(e.role)  # a titled person, not "Trump National Doral Resort"
                and words[0].lower() not in self.lowers
                and words[0] not in NOT_FIRST
                and not genders.is_first_name(words[0])  # not "Donald": "Mr. Trump" is his
            ):  # (family name first, or a given name used alone: "Ban", "Phumtham")
                people.setdefault(words[0], []).append(e)
        if not people:
            return
        pattern = re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, people)) + r")(?![\w'’-])")
        taken = [(p, p + len(e.name)) for e in self.entities.values() for p in e.positions]
        for lo, hi in spans:
            for m in pattern.finditer(self.text, lo, hi):
                pos = m.start()
                if self.layout.in_quote(pos) or any(a <= pos < b for a, b in taken):
                    continue
                if re.search(r"[A-Z][\w.'’-]*\s$", self.text[max(0, pos - 30) : pos]):
                    continue  # inside a longer name: "New Hampshire"
                if self.layout.role(pos, m.end()) not in (SUBJECT, SPEAKER):
                    continue  # "Trump bought Doral in 2012": a place's name, not its owner
                owner = self.find(m.group(), pos)
                if owner is not None and owner in people[m.group()] and min(owner.positions) < pos:
                    self.note(owner.name, pos, end=m.end())

    def _add_match(self, text: str, m: re.Match) -> None:
        """Note the name a NAME match prints (its title before and after as its role)."""
        offset, printed = _name_part(m.group(), self.officials)
        words = _strip_leading(list(re.finditer(r"\S+", printed)), self.officials, self.lowers)
        if words and words[0].group() in INVERTED_TAGS and text[m.end() : m.end() + 1] == ":":
            words = words[1:]  # "Said Ellis: “…”" names Ellis
        if not words:
            return
        start, end = m.start() + offset + words[0].start(), m.start() + offset + words[-1].end()
        name = " ".join(w.group() for w in words)
        if is_junk_name(name):
            return
        role = _printed_role(text, start, end)
        if self.officials.find(name) is None and len(words) < 2:
            return
        self.note(name, start, role, end=end)

    def note(self, name: str, pos: int, role: str = "", end: int | None = None) -> Entity:
        """Record a mention of `name` at `pos` (ending at `end`) and return its entity."""
        end = pos + len(name) if end is None else end
        entity = self.find(name, pos)
        if entity is None:
            known = self.officials.find(name)
            kind = type_of_name(name, self.officials, self.text, pos, end)
            if known is not None:
                entity = Entity(
                    known.name, known.country, (known.role or "").lower(), kind, known.role
                )
                entity.evidence = 3.0
            else:
                # a body's own name says whose it is: "Chinese Embassy" (in Tokyo) is China's;
                # "the Foreign Ministry" under a Tokyo dateline is Japan's
                own = None
                if kind == OUTLET:  # "Saudi Press Agency" is Saudi, wherever it is quoted
                    own = self.officials.home_country(name)
                elif kind == ORGANISATION:
                    own = self.officials.home_country(name) or (
                        self._body_placed_in(pos) if national_body(name) else None
                    )
                entity = Entity(name, own, "", kind)
                entity.evidence = person_evidence(name, self.text, pos, end)
            self.entities[entity.name] = entity
            self._by_surname.setdefault(entity.surname, []).append(entity)
            if len(name.split()) == 1 and self.spans:
                self._note_elsewhere(entity, pos)
        if role:
            entity.role = (entity.role + " " + role.lower()).strip()
            known = self.officials.find(entity.name)
            if entity.country is None and (known is None or known.kind != "international"):
                # (not the U.N.'s from "Britain's U.N. ambassador")
                entity.country = self._role_country(role, pos, entity)
        if pos not in entity.positions:
            entity.positions.append(pos)
            where = self.layout.role(pos, end)
            entity.events.append((pos, ROLE_WEIGHT[where]))
            if entity.kind == PERSON and where != QUOTED:
                for g, v in genders.evidence_at(self.text, pos, end).items():
                    entity.votes[g] += v
        return entity

    def _role_country(self, role: str, pos: int, holder: Entity) -> str | None:
        """The country a printed title names; for "Moreira Lima's spokesman", the country of
        the person whose spokesman he is (not Peru's, for the "Lima" in a name)."""
        if (owned := PERSONS_OWN.fullmatch(role)) is not None:
            owner = self.find(owned[1], pos)
            if owner is not None and owner is not holder and owner.kind == PERSON:
                return owner.country or self._role_country(owned[2], pos, holder)
        found = self.officials.home_country(role) or self.body_country(role)
        found = found or self.the_bodys(role, pos)
        if found is None and LOCAL_OFFICE.search(role.lower()):  # "governor of the Kharkiv region"
            found = _local_country(role)
        if found is None and (kin := SOMEONE_OF.search(role)) is not None:
            # "the powerful sister of leader Kim Jong Un": his country
            known = self.officials.find(kin[1])
            owner = self.find(kin[1], pos)
            official = self.officials.find(owner.name) if owner is not None else known
            if official is not None and INTERNATIONAL_OFFICE.search(official.role or ""):
                return None  # "a spokesman for Secretary-General António Guterres" is the U.N.'s
            if owner is not None and owner is not holder and owner.kind == PERSON:
                return owner.country or (known.country if known else None)
            return known.country if known and known.kind == "person" else None
        return found

    def the_bodys(self, role: str, pos: int) -> str | None:
        """ "the department's spokeswoman" after "a State Department spokesperson said": the
        country of the body last named with that word."""
        m = THE_BODYS.match(role)
        if m is None:
            return None
        word = (m[1] or m[2]).lower()
        last = self._named_last(
            pos, lambda e: e.kind == ORGANISATION and e.name.split()[-1].lower() == word
        )
        if last is not None:
            return last.country
        # a body no name was given: "Colombia's government", "China's coast guard"
        owners = re.findall(
            rf"\b([A-Z][\w.-]+(?:\s[A-Z][\w.-]+)?)(?:['’]s)?(?:\s[a-z]{{3,20}})?\s{word}\b",
            self.text[max(0, pos - 1500) : pos],
        )
        countries = (self.officials.country_in(owner) for owner in reversed(owners))
        return next((country for country in countries if country), None)

    def _named_last(self, pos: int, wanted: Callable[[Entity], bool]) -> Entity | None:
        """Of the entities `wanted`, the one whose mention before `pos` is the latest."""
        named = [
            (max(p for p in e.positions if p < pos), e)
            for e in self.entities.values()
            if wanted(e) and any(p < pos for p in e.positions)
        ]
        return max(named, key=lambda item: item[0])[1] if named else None

    def heads_country(self, body: str, pos: int) -> str | None:
        """ "Defence Minister Ali Khan said …. The ministry added …": the country of the
        person heading that kind of body ("minister" for a ministry, "ambassador" for an
        embassy) named in the sentence at `pos` or the one before, if there is one."""
        title = BODY_HEADS.get(body)
        n = self.layout.sentence_of(pos)
        if title is None or n < 0:
            return None
        since = self.layout.starts[max(0, n - 1)]
        last = self._named_last(pos, lambda e: e.kind == PERSON and title in e.role.split())
        if last is None or max(p for p in last.positions if p < pos) < since:
            return None
        return last.country

    def body_country(self, role: str) -> str | None:
        """'State Department spokesman': the country of a known government body in a title."""
        for _, alias in self.officials.mentions(role, 0, len(role)):
            body = self.officials.find(alias)
            if body is not None and body.kind == "government" and body.country:
                return body.country
        return None

    def find(self, name: str, pos: int) -> Entity | None:
        """The entity a printed name refers to: exact, by official alias, by surname (the
        full name mentioned closest before `pos`) or as the tail of a longer name."""
        if name in self.entities:
            return self.entities[name]
        if name in self.aliases:
            return self.aliases[name]
        known = self.officials.find(name)
        if known is not None and known.name in self.entities:
            return self.entities[known.name]
        if FRENCH_HONORIFIC.match(name):  # "M. Mercier", "Mme Roux": the surname alone
            return self.find(FRENCH_HONORIFIC.sub("", name), pos)
        key = normalise_name(name).split()
        if not key:
            return None
        people = [e for e in self.entities.values() if e.kind == PERSON]
        same = [e for e in self._by_surname.get(key[-1], []) if e.kind == PERSON]
        if len(key) > 1:
            same = [e for e in same if normalise_name(e.name).split()[0][:1] == key[0][:1]]
            for n in range(len(key) - 1):  # "Paz Akin" for "Lorena Paz Akin", and
                tail = key[n:]  # "Organizer Ann Lee" for "Ann Lee"
                same = same or [
                    e for e in people if normalise_name(e.name).split()[-len(tail) :] == tail
                ]
        elif not same:  # "Cedeño" for "Ramón Cedeño Aristiguieta"
            same = [e for e in people if key[0] in normalise_name(e.name).split()[1:]]
            firsts = [e for e in people if normalise_name(e.name).split()[:1] == key]
            # family name first: "Xi" for Xi Jinping, "Kim" for Kim Jong-un (a hyphenated
            # given name after it is the East Asian order, whatever "Kim" is in English)
            family_first = [
                e
                for e in firsts
                if "-" in e.name.split()[-1]
                or self.officials.find(e.name) is not None
                or e.country in FAMILY_NAME_FIRST
                or (e.evidence > 0 and not genders.is_first_name(key[0]))
                or self._honoured(name)
            ]
            if not same and family_first:
                same = family_first
            elif not same and len(firsts) == 1 and self._recent(firsts[0], pos):
                same = firsts  # a first name alone ("Jordan") for someone just introduced
        if not same:
            return None
        before = [e for e in same if any(p <= pos for p in e.positions)]
        pool = before or same
        return max(pool, key=lambda e: max((p for p in e.positions if p <= pos), default=-1))

    def _honoured(self, word: str) -> bool:
        """'Mr. Guo' printed anywhere: the word is a family name, whatever else it can be."""
        return (
            re.search(rf"\b(?:Mr|Mrs|Ms|Dr)\.?\s{{1,3}}{re.escape(word)}\b", self.text) is not None
        )

    def _recent(self, entity: Entity, pos: int) -> bool:
        here = self.layout.sentence_of(pos)
        return any(
            0 <= here - self.layout.sentence_of(p) <= FIRST_NAME_REACH for p in entity.positions
        )

    def of_kind(self, kinds: frozenset[str] | set[str]) -> list[Entity]:
        return [e for e in self.entities.values() if e.kind in kinds]


def _title_cased(text: str, lo: int, hi: int) -> bool:
    """A headline printed In Title Case: most of its words capitalised, and none in lower
    case but short words and prepositions (not a sentence full of titles and names:
    "Australian Foreign Minister Claire Hendry and … Prime Minister X signed the accord")."""
    words = text[lo:hi].split(maxsplit=40)
    if len(words) < 3 or sum(w[:1].isupper() for w in words) < 0.6 * len(words):
        return False
    lowered = [w for w in words if w[:1].islower() and len(w) > 4 and w not in TITLE_CASE_LOWER]
    return len(lowered) < 2


# Words longer than four letters a title-case headline may leave in lower case.
TITLE_CASE_LOWER = frozenset(
    """about above across after against along among around before behind below beneath
    beside between beyond despite during except inside into onto outside over since
    through toward towards under until unlike upon versus within without""".split()
)
