"""People a sentence makes its subject by description alone: 'The Russian envoy dismissed the
charge.' No name is printed there, so the registry sees no mention; yet the "he said" that
follows means that envoy, and whoever was named last does not."""

import re
from dataclasses import dataclass

from app.extract.speakers.lexicon import PERSON_NOUNS
from app.extract.verbs import SPEECH_FORMS

# Words that go on describing the person rather than start what the person did.
_NOT_A_VERB = frozenset(
    """of for to in at and or who whose with on from by as than but also who's""".split()
)
_WORD = re.compile(r"[A-Za-z][\w’'-]*")
MAX_MODIFIERS = 3  # "The former Russian deputy envoy"


@dataclass(frozen=True)
class Described:
    start: int
    end: int
    text: str  # "The Russian envoy"
    head: str  # "envoy"


def described_subject(text: str, start: int, end: int) -> Described | None:
    """'The Russian envoy dismissed …' at the start of the sentence text[start:end]: a
    definite description of a person, then a verb that is not one of speaking (those are
    speech cues, resolved as such)."""
    words = list(_WORD.finditer(text, start, min(end, start + 120)))
    if len(words) < 3 or words[0].group() != "The":
        return None
    for n, word in enumerate(words[1 : MAX_MODIFIERS + 2], start=1):
        low = word.group().lower()
        if text[words[n - 1].end() : word.start()].strip():
            return None  # punctuation between: "The envoy, Ann Lee," or "The minister's"
        if low in PERSON_NOUNS:
            if n + 1 >= len(words) or text[word.end() : words[n + 1].start()].strip():
                return None
            verb = words[n + 1].group()
            if not verb.islower() or verb in _NOT_A_VERB or verb in SPEECH_FORMS:
                return None
            phrase = text[words[0].start() : word.end()]
            return Described(words[0].start(), word.end(), phrase, low)
    return None
