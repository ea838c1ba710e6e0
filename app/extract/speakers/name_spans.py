"""How names are printed: the patterns that find a run of capitalised words, the words
trimmed off its front (titles, places, a sentence's first word), initials and acronyms, and
where a word stands in capitals or in title case."""

import re
from collections.abc import Callable

from app.extract.speakers import gender as genders
from app.extract.speakers.lexicon import (
    DESCRIBING_SUFFIXES,
    MONTH_ABBREVIATIONS,
    NOT_FIRST,
    NOT_NAME_WORDS,
    ORG_WORDS,
    PERSON_NOUNS,
    ROLE_HINTS,
    TITLE_ABBREVIATIONS,
    TITLE_WORDS,
)
from app.extract.speakers.names import NAME_SUFFIXES
from app.extract.speakers.officials import Officials
from app.extract.speakers.places import city_country
from app.extract.speakers.printed_titles import is_title_word


def _latin_letters(case: Callable[[str], bool]) -> str:
    """The accented Latin letters of one case, for a character class: Polish "ł", Turkish
    "ı" and "ş", Romanian "ș", Vietnamese "ư" are letters of names, not word breaks."""
    blocks = (range(0xC0, 0x250), range(0x1E00, 0x1F00))  # Latin-1 to Extended-B, Additional
    return "".join(chr(c) for block in blocks for c in block if case(chr(c)) and chr(c).isalpha())


_UP = f"[A-Z{_latin_letters(str.isupper)}]"
_LOW = f"[a-z{_latin_letters(str.islower)}]"
_DESCRIBING = rf"(?:{'|'.join(sorted(DESCRIBING_SUFFIXES))})\b"  # "Toronto-based"
# A capitalised word: "Lee", "O'Regan", "McCallum", "Brind'Amour", "Na'moks", "Hae-rin", "RCMP",
# "I-DEV".
_WORD = (
    f"{_UP}(?:['’]{_UP})?{_LOW}*"
    f"(?:{_UP}{_LOW}+)?"
    f"(?:['’]{_UP}?{_LOW}+)?"
    f"(?:-(?!{_DESCRIBING}){_UP}?{_LOW}+)?"
    f"|{_UP}{{1,6}}-{_UP}{{2,6}}"
    f"|{_UP}{{2,6}}"
)
# "al-Rashid", "el-Sisi", "ash-Sharif", "d'Entremont"
ARTICLE = r"(?:(?:al|el|ad|an|ar|as|ash|at|az|ul)[-‑]|d['’])"
# an initial first: "Harry B. Harris", not "Harry B"
# initials run together ("Gen. M.M. Naravane", "V.K. Singh"), but not a country's ("U.S.")
_INITIALS_WORD = r"(?!(?:U\.[SKN]|E\.U|U\.A\.E)\.)(?:" + _UP + r"\.){2,3}"
_INITIALS = _INITIALS_WORD + r"(?=\s)"
PERSONAL_INITIALS = re.compile(_INITIALS_WORD)
_PART = r"(?:" + _INITIALS + "|" + _UP + r"\.|(?:" + ARTICLE + r")?(?:" + _WORD + r"))"
_PARTICLES = (
    "de la|de las|de los|van der|van den|van de|von der|de|da|del|della|di|dos|van|von|bin|ibn|"
    "al|el|le|du"
)
_RUN = r"(?:\s+(?:(?:" + _PARTICLES + r")\s+)?" + _PART + r")"
NAME = re.compile(r"(?<![\w.])" + _PART + _RUN + r"{1,5}(?![\w-])")
# In prose a run may be longer: "Saudi Foreign Minister Prince Khalid bin Saud al-Rashid".
# A headline in title case is one long run of capitals, where five words is enough.
LONG_NAME = re.compile(r"(?<![\w.])" + _PART + _RUN + r"{1,7}(?![\w-])")
# Organisation names joined by 'of', 'and', '&' or a plural's possessive: "Department of
# Community Services", "Securities and Exchange Commission", "Procter & Gamble", "Manitoba
# Nurses' Union" (kept only when they read as bodies).
JOINED = re.compile(
    r"(?<![\w.])"
    + _PART
    + r"(?:\s+"
    + _PART
    + r"){0,5}(?:(?:(?<=s)['’]\s+|\s+(?:of|and|for|&)\s+(?:the\s+)?)"
    + _PART
    + r"(?:\s+"
    + _PART
    + r"){0,4})+(?![\w])"
)
# Acronyms and camel-cased names ("RCMP", "TransLink"); "McCallum" is a surname.
SINGLE = re.compile(  # (also before a possessive: "WestJet's low-cost carrier")
    r"(?<![\w.'’-])(?:" + _UP + r"{2,6}|(?!Mc|Mac)" + _UP + r"[a-z]+[A-Z][a-z]+)"
    r"(?![\w-]|['’](?!s\b))"
)


def name_part(matched: str, officials: Officials) -> tuple[int, str]:
    """Where the name starts in a NAME match, and its text: after a country's possessive
    ("Britain's Claire Whitcombe": Claire Whitcombe, whose role then says Britain), else
    before any possessive ("Mueller’s investigation": Mueller)."""
    possessive = re.search(r"['’]s\s+", matched)
    if possessive and matched[: possessive.start()] in officials.country_words:
        return possessive.end(), matched[possessive.end() :]
    return 0, re.split(r"['’]s\b", matched)[0]


def _place_words(words: list[re.Match], officials: Officials) -> int:
    """How many of the first words make a place of more than one word ("New York", "North
    Carolina"); 0 for none."""
    for n in (3, 2):
        if len(words) >= n and " ".join(w.group() for w in words[:n]) in officials.country_words:
            return n
    return 0


def team_of_a_place(words: list[str], officials: Officials) -> bool:
    """A city's or region's name, then a plural of one or two words: a team ("New York
    Yankees", "Toronto Blue Jays", "Edmonton Oilers"), not a person nor the place."""
    if len(words) < 2 or not _PLURAL_NAME.fullmatch(words[-1]):
        return False
    for n in range(max(1, len(words) - 2), len(words)):
        place = " ".join(words[:n])
        known = (
            place in officials.country_words and officials.demonym(place) is None
        ) or city_country(place) is not None  # (not a people: "Cuban Americans")
        # (a place that is also a given name opens a person's name: "Charlotte Rivers")
        if known and not any(map(genders.is_first_name, words[:1] if n == 1 else words[n:])):
            return not any(map(genders.is_first_name, words[n:]))
    return False


_PLURAL_NAME = re.compile(r"[A-Z][a-z]+[a-rt-z]s")


def _given_name_of_a_place(words: list[re.Match], officials: Officials, lowers: set[str]) -> bool:
    """'Santiago Peña', 'Israel Katz', 'Jordan Bardella': a place's name that is also a given
    name, before a surname, opens a person's name ("Paris Agreement" is none: the article
    prints "agreement" in lowercase; "Kenya Airways" is a body's)."""
    first, rest = words[0].group(), [w.group() for w in words[1:]]
    country = first in officials.country_words and first not in officials.capitals
    return (
        len(words) in ((2,) if country else (2, 3))
        and genders.is_first_name(first)
        and not any(is_title_word(w) or w.lower() in lowers for w in rest)
        and not any(w in officials.country_words or w.lower() in GENERIC_CAPITALS for w in rest)
    )


def person_then_joined(text: str, start: int, end: int) -> bool:
    """'Mr. Marrow of the Tenants Alliance', 'Ann Lee of the Sierra Club': text[start:end] is
    a person of a body, not the body's name ("John Hopkins School of Medicine" is one)."""
    run = text[start:end]
    before = re.split(r"\s(?:of|for)\s", run, maxsplit=1)[0].split()
    if len(before) == len(run.split()) or any(
        w.lower() in ORG_WORDS or w.lower().rstrip("s") in ORG_WORDS for w in before
    ):
        return False
    honorific = text[max(0, start - 6) : start].split()[-1:]
    titled = bool(honorific) and honorific[0].lower().rstrip(".") in TITLE_ABBREVIATIONS
    # two or three plain capitalised words: "Mujtaba Rahman of the Eurasia Group"
    named = 2 <= len(before) <= 3 and all(w[:1].isupper() and not is_title_word(w) for w in before)
    return titled or genders.is_first_name(before[0]) or named


def _occupation_before_name(words: list[re.Match]) -> bool:
    """'Toxicologist Ruth Hamelin', 'Historian Ann Lee': a word shaped like an occupation
    before a given name and a surname is no part of the name."""
    if len(words) < 3 or not genders.is_first_name(words[1].group()):
        return False
    first = words[0].group()
    return first.endswith(_OCCUPATION_ENDINGS) and not genders.is_first_name(first)


_OCCUPATION_ENDINGS = ("ist", "ian", "ant", "ent", "eer", "ographer", "ologer")


def _body_then_joined(words: list[re.Match]) -> bool:
    """'Canadian Union of Public Employees': a body's word before the first 'of' or 'for'
    makes the whole run its name, unless a title or a given name follows ("Bank of Canada
    Governor Tiff Macklem" is a person)."""
    texts = [w.group() for w in words]
    joiner = next((n for n, w in enumerate(texts) if w in _JOINERS), None)
    if not joiner or texts[joiner - 1].lower().strip(".") not in _BODY_HEADS:
        return False
    after = [w for w in texts[joiner + 1 :] if w[:1].isupper()]  # not "of the Environment"
    return not any(is_title_word(w) or genders.is_first_name(w) for w in after)


_JOINERS = frozenset(("of", "for"))
# what heads a body's name before "of" ("America and Europe", "Republic of Korea" are places)
_BODY_HEADS = frozenset(
    """department ministry institute academy club university committee council party office
    association foundation center centre organization organisation commission court bank
    union federation coalition alliance authority bureau board society league school college
    hospital agency fund forum trust secretariat embassy consulate corporation company
    group network service services chamber""".split()
)


def _initial(word: re.Match) -> bool:
    """'J.' of 'A. J. Price', whose first initial stays; 'C.' of 'C. Stewart Lee' goes."""
    return len(word.group()) == 2 and word.group().endswith(".")


def named_for_its_country(words: list[str], officials: Officials) -> bool:
    """A country's name closing a run of capitalised words ends a body's name, never a
    person's ("Global Affairs Canada"; a person's country comes first, "Canada's …"); not a
    headline's "Covering Up China"."""
    if len(words) < 2:
        return False
    last, before = words[-1], words[-2]
    return (
        last in officials.country_names
        and " ".join(words[-2:]) not in officials.country_words
        and not genders.is_first_name(before)  # "Michael Jordan"
        and before.lower() not in PERSON_NOUNS  # (an office, then a name)
        and not words[0].endswith("ing")
        and not any(w.endswith(".") or not w[:1].isupper() for w in words)
        and not any(w in officials.country_words for w in words[:-1])
    )


# Bodies whose names open on a title word, read whole.
TITLED_BODIES = frozenset({("General", "Staff"), ("General", "Assembly")})


# Words that open a sentence or a title as often as a body's name ("Northern Trust Bank").
BODY_ADJECTIVES = frozenset(
    """Northern Southern Eastern Western Central National International Federal United New
    North South East West""".split()
)


def _ends_like_a_body(words: list[re.Match]) -> bool:
    return len(words) >= 3 and words[-1].group().lower().strip(".") in ORG_WORDS


def strip_leading(
    words: list[re.Match], officials: Officials, lowers: set[str], prose: bool = True
) -> list[re.Match]:
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
    if _body_then_joined(words):  # "Canadian Federation of Independent Business", "Republican
        # Party of Wyoming", "Centre for Policy Choices"
        return words[1:] if words[0].group() in ("The", "A", "An") else words
    if len(words) >= 2 and (words[-2].group(), words[-1].group()) in TITLED_BODIES:
        return words[-2:]  # "Ukraine's General Staff": a body, no Mr. Staff
    if team_of_a_place([w.group() for w in words], officials):
        return words  # "New York Yankees", not "York Yankees"
    while words and (words[0].group() in NOT_FIRST or words[0].group().lower() in NOT_NAME_WORDS):
        if words[0].group() in BODY_ADJECTIVES and _ends_like_a_body(words):
            break  # "Northern Trust Bank", "National Grid Company": the body's own first word
        words = words[1:]
    if words and words[-1].group().lower().strip(".") in ORG_WORDS:
        return words  # ends like a body's name: "Kenya Red Cross", "Parole Board of Canada"
    if prose and named_for_its_country([w.group() for w in words], officials):
        return words  # "Global Affairs Canada", "Statistics Canada", not "Covering Up China"
    while words and words[-1].group().lower().strip(".") in TITLE_ABBREVIATIONS:
        words = words[:-1]
    while words and words[-1].group() in WEEKDAYS:
        words = words[:-1]  # "in New Hampshire Tuesday", "in Milwaukee Saturday": when, not who
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
            or (_initial(words[0]) and len(words) > 2 and not _initial(words[1]))
            or _occupation_before_name(words)
        ):
            words = words[1:]
        else:
            break
    suffixed = len(words) > 2 and words[-1].group().lower().rstrip(".") in NAME_SUFFIXES
    titled = [
        n
        for n, w in enumerate(words[: -2 if suffixed else -1])  # "Martin Luther King Jr"
        if (is_title_word(w.group()) and not _inside_a_name(words, n))
        or (
            w.group().isupper()
            and len(w.group()) > 1
            and not w.group().endswith(".")  # an initial ("Harry B. Harris"), not "MP"
            and genders.is_first_name(words[n + 1].group())
        )
    ]
    if titled:  # "Trade Minister Arvind Kesavan" -> "Arvind Kesavan", "DUP MP Ann Lee" too
        words = words[titled[-1] + 1 :]
    if len(words) > 2 and words[0].group() == "Staff":
        words = words[1:]  # the end of a title: "(White House Chief of) Staff Ann Lee"
    return words


OFFICE_OF = re.compile(r"\b([A-Z][a-z]+)\s+of\s+(?:the\s+)?$")


def holder_start(words: list[str], place: int) -> int:
    """Where the holder's name starts in an office's place or body run into it ('Tromso Anna
    Lindqvist' of "Mayor of Tromso Anna Lindqvist"): the first given name past the place's
    first word (words[place]) with a surname after it; 0 for none."""
    given = (
        n
        for n in range(place + 1, len(words) - 1)
        if genders.is_first_name(words[n]) and all(w[:1].isupper() for w in words[n:])
    )
    return next(given, 0)


def holder_after_office(words: list[re.Match], before: str) -> list[re.Match]:
    """'Mayor of Tromso Anna Lindqvist', 'Governor of the Bank of Canada Anna Lindqvist': an
    office "of" a place or body, then its holder; `before` is the text before the words."""
    if (office := OFFICE_OF.search(before[-40:])) is not None and is_title_word(office[1]):
        place = 0
    elif len(words) > 4 and is_title_word(words[0].group()) and words[1].group() == "of":
        place = 3 if words[2].group() == "the" else 2
    else:
        return words
    start = holder_start([w.group() for w in words], place)
    return words[start:] if start else words


WEEKDAYS = frozenset("Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split())


# Titles that are also a part of names, after a given name: "Hassan Sheikh Mohamud".
NAME_PART_TITLES = frozenset({"Sheikh"})


def _inside_a_name(words: list[re.Match], n: int) -> bool:
    before = words[n - 1].group() if n else ""
    return words[n].group() in NAME_PART_TITLES and genders.is_first_name(before)


ACRONYM = re.compile(r"[A-Z]{2,6}")
INITIALS_SKIPPED = frozenset("of the and for on in at to".split())


def initials(name: str) -> str:
    """'Parliamentary Budget Officer' -> 'PBO'; 'Bank of Canada' -> 'BC'."""
    words = [w for w in name.split() if w.lower() not in INITIALS_SKIPPED]
    return "".join(w[0] for w in words if w[:1].isupper())


ACRONYM_AFTER = re.compile(r"\s{0,8}\(([A-Z]{2,6})\)")  # bounded: \s* over blanks is quadratic
CAPITALISED = re.compile(r"(?<![\w'’.-])[A-Z][a-z]{2,}(?:['’-][A-Z][a-z]+)?(?![\w-]|['’][a-z]{2})")
GENERIC_CAPITALS = ORG_WORDS | TITLE_WORDS | ROLE_HINTS | PERSON_NOUNS | MONTH_ABBREVIATIONS


def lowercase_words(text: str) -> set[str]:
    return set(re.findall(r"(?<![\w'’-])[a-z][a-z'’-]+", text))


def in_capitals(text: str, start: int, end: int) -> bool:
    """An all-capitals word that is part of a capitalised heading, not an acronym."""
    before = text[max(0, start - 12) : start].split()
    after = text[end : end + 12]
    if after[:1] in (":", ",") or after.lstrip().startswith(("--", "—", "–")):
        return True
    neighbours = before[-1:] + after.split()[:1]
    return any(len(w.strip(",.:")) > 1 and w.strip(",.:").isupper() for w in neighbours)


def whole_word_hits(text: str, word: str, spans: list[tuple[int, int]]) -> list[int]:
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


def title_cased(text: str, lo: int, hi: int) -> bool:
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


# A French body's name in English copy, lowercase words and all: "the Fédération des clubs
# de motoneigistes du Québec", "the Ordre des infirmières et infirmiers du Québec".
_FRENCH_BODY = re.compile(
    r"(?:Fédération|Confédération|Association|Syndicat|Regroupement|Conseil|Ordre|Société"
    r"|Centre|Commission|Institut|Ministère|Parti|Mouvement|Collège|Régie|Caisse|Chambre"
    r"|Comité|Réseau|Bureau|Alliance|Front|Coalition|Union)"
    r"(?:\s[\w’'-]+){1,9}\Z"
)
_FRENCH_JOINERS = re.compile(r"\s(?:des|du|de|d['’]\w|de\sla|de\sl['’]\w|aux?)\s")


def french_body_start(text: str, end: int) -> int | None:
    """Where a French body's name ending at `end` (on its last capitalised word) starts, when
    it holds a French joiner ("des", "du", "de la")."""
    lo = max(0, end - 120)
    for m in re.finditer(r"\b[A-ZÉ]", text[lo:end]):
        found = _FRENCH_BODY.match(text, lo + m.start(), end)
        if found and _FRENCH_JOINERS.search(found.group()):
            return found.start()
    return None
