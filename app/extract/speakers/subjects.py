"""People a sentence makes its subject by description alone: 'The Russian envoy dismissed the
charge.' No name is printed there, so the registry sees no mention; yet the "he said" that
follows means that envoy, and whoever was named last does not."""

import re
from dataclasses import dataclass

from app.extract.speakers.lexicon import PERSON_NOUNS

# Words that go on describing the person rather than start what the person did.
_NOT_A_VERB = frozenset(
    """of for to in at and or who whose with on from by as than but who's""".split()
)
_ADVERBS = frozenset("also then later again still in turn meanwhile".split())
_WORD = re.compile(r"[A-Za-z][\w’'-]*")
HEADS_OF = frozenset("head chief leader director".split())  # "The head of the … Ministry"
MAX_MODIFIERS = 3  # "The former Russian deputy envoy"


@dataclass(frozen=True)
class Described:
    start: int
    end: int
    text: str  # "The Russian envoy"
    head: str  # "envoy"


def described_subject(text: str, start: int, end: int) -> Described | None:
    """'The Russian envoy dismissed …' at the start of the sentence text[start:end]: a
    definite description of a person, then what they did."""
    words = list(_WORD.finditer(text, start, min(end, start + 120)))
    if len(words) < 3 or words[0].group() != "The":
        return None
    for n, word in enumerate(words[1 : MAX_MODIFIERS + 2], start=1):
        low = word.group().lower()
        if text[words[n - 1].end() : word.start()].strip():
            return None  # punctuation between: "The envoy, Ann Lee," or "The minister's"
        if low in PERSON_NOUNS or low in HEADS_OF:
            last = n
            if low in HEADS_OF:  # "The head of the Russian Foreign Ministry also commented"
                last = _end_of_body(words, n)
                if last == n:
                    return None
            if last + 1 >= len(words) or text[words[last].end() : words[last + 1].start()].strip():
                return None
            at = last + 1
            while at + 1 < len(words) and words[at].group() in _ADVERBS:
                at += 1  # "… also commented", "… then said"
            verb = words[at].group()
            if not verb.islower() or verb in _NOT_A_VERB:
                return None
            phrase = text[words[0].start() : words[last].end()]
            return Described(words[0].start(), words[last].end(), phrase, low)
    return None


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
