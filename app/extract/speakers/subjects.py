"""People a sentence makes its subject by description alone: 'The Russian envoy dismissed the
charge.' No name is printed there, so the registry sees no mention; yet the "he said" that
follows means that envoy, and whoever was named last does not."""

import re
from dataclasses import dataclass

from app.extract.speakers.lexicon import ACQUAINTANCES, PERSON_NOUNS

# Words that go on describing the person rather than start what the person did.
_NOT_A_VERB = frozenset(
    """of for to in at and or who whose with on from by as than but who's""".split()
)
_ADVERBS = frozenset("also then later again still in turn meanwhile".split())
_WORD = re.compile(r"[A-Za-z][\w’'-]*")
HEADS_OF = frozenset("head chief leader director".split())  # "The head of the … Ministry"
_OWNER = re.compile(r"[A-Z][\w-]{0,30}(?:['’]s|s['’])")  # "Meta's", "Skyways'"
MAX_MODIFIERS = 3  # "The former Russian deputy envoy"


@dataclass(frozen=True)
class Described:
    start: int
    end: int
    text: str  # "The Russian envoy"
    head: str  # "envoy"
    definite: bool = True  # "The Russian envoy", not "A State Department spokesperson"


def described_subject(text: str, start: int, end: int) -> Described | None:
    """'The Russian envoy dismissed …' at the start of the sentence text[start:end]: a
    description of a person, then what they did ("A State Department spokesperson confirmed
    …": someone new, whom "the spokesperson said" then means)."""
    words = list(_WORD.finditer(text, start, min(end, start + 120)))
    if len(words) < 3 or not (
        words[0].group() in ("The", "A", "An", "His", "Her", "Their")
        or _OWNER.fullmatch(words[0].group())  # "Meta's chief executive apologised"
    ):
        return None  # ("Her roommate, who asked not to be named, agreed.")
    for n, word in enumerate(words[1 : MAX_MODIFIERS + 2], start=1):
        low = word.group().lower()
        if text[words[n - 1].end() : word.start()].strip():
            return None  # punctuation between: "The envoy, Ann Lee," or "The minister's"
        if low in PERSON_NOUNS and _another_noun_after(text, words, n):
            continue  # "The chief executive", "The prime minister": the last is the head
        if low in PERSON_NOUNS or low in HEADS_OF or low in ACQUAINTANCES:
            last = n
            if low in HEADS_OF:  # "The head of the Russian Foreign Ministry also commented"
                last = _end_of_body(words, n)
                if last == n:
                    return None
            if last + 1 >= len(words):
                return None
            if text[words[last].end() : words[last + 1].start()].strip():
                # "An Israeli official, who also spoke on condition of anonymity, rejected …"
                if not _verb_after_relative_clause(text, words, last):
                    return None
                phrase = text[words[0].start() : words[last].end()]
                definite = words[0].group() not in ("A", "An")
                return Described(words[0].start(), words[last].end(), phrase, low, definite)
            tail = _post_modifier(text, words, last)
            at = _after_time(words, tail + 1)
            while at + 1 < len(words) and words[at].group() in _ADVERBS:
                at += 1  # "… also commented", "… then said"
            if at >= len(words):
                return None
            verb = words[at].group()
            if not verb.islower() or verb in _NOT_A_VERB:
                return None
            if (tail > last or at > tail + 1) and not _verb_like(verb):
                return None  # after a place or a time, only a clear verb
            last = tail
            phrase = text[words[0].start() : words[last].end()]
            definite = words[0].group() not in ("A", "An")
            return Described(words[0].start(), words[last].end(), phrase, low, definite)
    return None


def _another_noun_after(text: str, words: list[re.Match], n: int) -> bool:
    return (
        n + 1 < len(words)
        and words[n + 1].group().lower() in PERSON_NOUNS
        and not text[words[n].end() : words[n + 1].start()].strip()
    )


def _verb_after_relative_clause(text: str, words: list[re.Match], head: int) -> bool:
    """A clear verb after ', who …,' set after the head."""
    if text[words[head].end() : words[head + 1].start()].strip() != "," or words[
        head + 1
    ].group() not in ("who", "whose"):
        return False
    for n in range(head + 2, min(len(words), head + 16)):
        if text[words[n - 1].end() : words[n].start()].strip() == ",":
            return _verb_like(words[n].group())
    return False


_TAIL_WORDS = frozenset("of the to in at for".split())
_BODY_TAILS = frozenset("embassy ministry mission delegation office council consulate".split())
_TIMES = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday week month year".split()
)


def _post_modifier(text: str, words: list[re.Match], last: int) -> int:
    """The last word of what places the person after their head: "… head of the US embassy
    in South Africa", "… ambassador to Japan" (`last` when nothing does)."""
    at, end = last + 1, last
    while at < len(words) and at <= last + 8:
        word = words[at].group()
        if text[words[at - 1].end() : words[at].start()].strip():
            break  # punctuation
        if word in ("on", "last", "this") and at + 1 < len(words):
            if words[at + 1].group().lower() in _TIMES:
                break  # "on Tuesday": a time, not a place
        if word in _TAIL_WORDS:
            at += 1
            continue
        if word[:1].isupper() or word in _BODY_TAILS:
            end, at = at, at + 1
            continue
        break
    return end


def _after_time(words: list[re.Match], at: int) -> int:
    """Past a time phrase at `at`: "on Tuesday", "last week"."""
    if at + 1 < len(words) and words[at].group() in ("on", "last", "this"):
        if words[at + 1].group().lower() in _TIMES:
            return at + 2
    return at


def _end_of_body(words: list[re.Match], n: int) -> int:
    """The last word of 'head of the Russian Foreign Ministry' from its head at n; n when no
    capitalised body follows 'of'."""
    at = n + 1
    if at >= len(words) or words[at].group() != "of":
        return n
    at += 1
    if at < len(words) and words[at].group() == "the":
        at += 1
    last = n
    while at < len(words) and words[at].group()[:1].isupper():
        last, at = at, at + 1
    return last


# People spoken of in the plural, who "they said" may mean once a sentence makes them its
# subject: "Residents of the street protested on Friday. They said …".
PEOPLE_PLURALS = frozenset(
    """residents members workers protesters demonstrators farmers parents students teachers
    officials critics analysts experts neighbours neighbors families voters fans players
    employees doctors nurses investigators organizers organisers activists villagers
    witnesses survivors relatives lawmakers legislators senators councillors councilors
    trustees shareholders owners tenants drivers passengers customers researchers scientists
    diplomats negotiators officers soldiers prosecutors lawyers economists observers opponents
    supporters advocates victims athletes coaches volunteers firefighters paramedics commuters
    homeowners fishermen miners refugees migrants veterans elders chiefs staffers campaigners
    environmentalists mourners worshippers pilgrims crews truckers developers""".split()
)
_QUANTIFIERS = frozenset("the many some several most dozens hundreds thousands".split())
# Verbs a plural subject is often followed by, beyond the regular "-ed" ones.
_PLURAL_VERBS = frozenset(
    """said say told tell were are have had will would could can did do began took made went
    gave spoke wrote met left came held kept sent stood ran sought fought got saw knew""".split()
)


def _verb_like(word: str) -> bool:
    return word.islower() and (word.endswith("ed") or word in _PLURAL_VERBS)


def group_subjects(text: str, start: int, end: int) -> list[Described]:
    """The plural people who are subjects of text[start:end] (a sentence, or the part of one
    before a pronoun), opening it or a clause after a comma ("Residents of the street
    protested", "…, members complained", "Many angry parents said"), each with the phrase
    that names them."""
    found = []
    openings = [start] + [start + m.end() for m in re.finditer(", ", text[start:end])]
    for n, at in enumerate(openings):
        words = list(_WORD.finditer(text, at, min(end, at + 100)))[:10]
        if (span := _plural_subject(text, words)) is None:
            continue
        head, last = span
        first = words[0].start()
        if " and " in text[first : words[last].end()]:  # "his family, friends and employees"
            first = _list_start(text, openings[: n + 1])
        phrase = text[first : words[last].end()]
        found.append(Described(first, words[last].end(), phrase, words[head].group().lower()))
    return found


def _plural_subject(text: str, words: list[re.Match]) -> tuple[int, int] | None:
    """The head and last word of a plural people subject the words open on, then a verb:
    "Many angry parents said", "Members of the union voted", "teachers and students
    rallied"."""
    i = 0
    while i < len(words) and (words[i].group().lower() in _QUANTIFIERS or words[i].group() == "of"):
        i += 1  # "The", "Dozens of"
    for head in range(i, min(i + 5, len(words))):
        if head and text[words[head - 1].end() : words[head].start()].strip():
            return None  # punctuation inside: not one phrase
        if words[head].group().lower() not in PEOPLE_PLURALS:
            continue
        last = head
        if head + 1 < len(words) and words[head + 1].group() == "of":  # "Members of the union"
            ends = range(head + 3, min(head + 6, len(words)))
            last = next((k - 1 for k in ends if _verb_like(words[k].group())), head)
        verb = words[last + 1].group() if last + 1 < len(words) else ""
        if text[words[last].end() : words[last].end() + 1] == " " and _verb_like(verb):
            return head, last
    return None


_PREPOSITIONS = frozenset(
    """throughout during after before in on at as when while since despite for with by from
    over under across""".split()
)


def _list_start(text: str, openings: list[int]) -> int:
    """Where a list ending at the last of `openings` starts: earlier items are short phrases
    after commas ("his family, friends and employees"), not a scene ("Throughout the night")."""
    at = openings[-1]
    for before, after in zip(openings[-2::-1], openings[:0:-1], strict=False):
        words = _WORD.findall(text, before, after)
        if not words or len(words) > 3 or words[0].lower() in _PREPOSITIONS:
            break
        if any(_verb_like(w) for w in words):
            break
        at = before
    return at
