"""How prominent each person or body is at a point of the article, for choosing antecedents.

Every mention leaves an event weighted by its grammatical role, approximated from the surface
(no parse is needed for sentences without speech): the subject of a sentence or a speech verb
weighs most, then an object, then a possessive; a name inside quotation marks weighs least,
since the people a speaker talks about are rarely the next "he". Weights decay by half for
each sentence between the event and the point where an antecedent is wanted.
"""

import bisect
import re

from app.extract.speakers.lexicon import PERSON_NOUNS, ROLE_HINTS, TITLE_WORDS
from app.extract.verbs import SPEECH_FORMS

SPEAKER, SUBJECT, OBJECT, POSSESSIVE, QUOTED, CONTRASTED = (
    "speaker",
    "subject",
    "object",
    "possessive",
    "quoted",
    "contrasted",
)
ROLE_WEIGHT = {
    SPEAKER: 1.3,
    SUBJECT: 1.0,
    OBJECT: 0.5,
    POSSESSIVE: 0.4,
    QUOTED: 0.1,
    CONTRASTED: 0.1,
}
DECAY = 0.5  # per sentence between an event and the point of reference
LEAD_IN = re.compile(r"^[^,\"“”]{0,60},\s+")  # "On Monday, " / "In a statement, "
SUBJECT_WORDS = TITLE_WORDS | ROLE_HINTS | PERSON_NOUNS | {"a", "an", "his", "her", "their"}
# What a title is of, lowercase before it: "Former Indian army chief Gen. Ann Lee"
SUBJECT_WORDS |= frozenset(
    """army navy air force police military intelligence party defence defense security
    opposition ruling government cabinet presidential retired elder older younger""".split()
)
# Someone set against the sentence's subject, who is someone else: "Unlike Ann Lee, he …".
_UNLIKE = re.compile(r"\b(?:[Uu]nlike|[Ee]xcept\sfor)\s$")
_APPOSITION = re.compile(r",[^,.;\"“”]{1,80},")
_POSSESSIVE = re.compile(r"['’]s?\b")
_VERB_AFTER = re.compile(r",\s{1,3}[a-z]{3,20}ed\b")  # "…, Commodore Jay Tarriela, rejected"
_PRONOUN_SUBJECT_NEXT = re.compile(r",\s+(?:he|she|they|we|I)(?:\s|['’](?:s|d|ll|ve|re|m)\s)")


class Layout:
    """Sentence starts and quoted stretches of one article."""

    def __init__(self, text: str, sentence_starts: list[int], quoted: list[tuple[int, int]]):
        self.text = text
        self.starts = sentence_starts
        self.quoted = sorted(quoted)
        self._quote_starts = [a for a, _ in self.quoted]

    def sentence_of(self, pos: int) -> int:
        """Index of the sentence holding `pos` (-1 before the first, e.g. in the title)."""
        return bisect.bisect_right(self.starts, pos) - 1

    def decay(self, event: int, pos: int) -> float:
        return DECAY ** max(0, self.sentence_of(pos) - self.sentence_of(event))

    def starts_sentence(self, pos: int) -> bool:
        n = self.sentence_of(pos)
        return n >= 0 and not self.text[self.starts[n] : pos].strip(" \"“‘'(")

    def in_quote(self, pos: int) -> bool:
        """Inside a quotation (quotations do not nest, so the last one opened before decides)."""
        n = bisect.bisect_left(self._quote_starts, pos) - 1
        return n >= 0 and pos < self.quoted[n][1]

    def unquoted(self, lo: int, hi: int) -> str:
        """text[lo:hi] with its quotations blanked out (same length, so same offsets)."""
        chars = list(self.text[lo:hi])
        n = max(0, bisect.bisect_right(self._quote_starts, lo) - 1)
        for a, b in self.quoted[n:]:
            if a >= hi:
                break
            for i in range(max(a, lo), min(b, hi)):
                chars[i - lo] = " "
        return "".join(chars)

    def role(self, start: int, end: int) -> str:
        """The grammatical role of the name at text[start:end], guessed from its neighbours."""
        text = self.text
        if self.in_quote(start):
            return QUOTED
        if _POSSESSIVE.match(text, end) and text[end : end + 1] in "'’":
            return POSSESSIVE
        if _UNLIKE.search(text, max(0, start - 12), start):
            return CONTRASTED  # "Unlike Al Mnajer, he has been unable to find work"
        after = text[end : end + 100]
        if _PRONOUN_SUBJECT_NEXT.match(after):
            return OBJECT  # "Speaking beside Ann Lee, he told …": he is the subject
        if m := _APPOSITION.match(after):
            after = after[m.end() :]
        following = after.split(None, 1)[:1]
        if following and following[0].islower() and following[0].strip(",.") in SPEECH_FORMS:
            return SPEAKER  # "Horneland said", "Voss, 52, told reporters"
        n = self.sentence_of(start)
        lo = self.starts[n] if n >= 0 else text.rfind("\n", 0, start) + 1
        prefix = text[lo:start]
        if _inverted_tag(prefix[-60:]):
            return SPEAKER  # '…," said oil worker Ann Lee'
        prefix = LEAD_IN.sub("", LEAD_IN.sub("", prefix, count=1), count=1)  # up to two
        words = prefix.split()
        # a long title set off before the name and its verb after it: "The Coast Guard's
        # spokesman for the West Philippine Sea, Commodore Jay Tarriela, rejected that"
        limit = 14 if _VERB_AFTER.match(text, end) else 8
        if len(words) <= limit and all(_subject_word(w) for w in words):
            return SUBJECT
        # "Allmusic reviewer Stephen Erlewine rated the album": a short title of plain nouns,
        # the name, then a verb in the past
        if len(words) <= 4 and all(_plain_noun(w) for w in words) and _PAST_AFTER.match(text, end):
            return SUBJECT
        return OBJECT


_CLAUSE_WORDS = frozenset(
    "that would will could should can may might had has have is was are were".split()
)


def _inverted_tag(tail: str) -> bool:
    """'…," said oil worker Ann Lee': a speech verb right after a quotation or a comma, and
    only a few words between it and the name ('Lee said Ann Roe will…' is no tag)."""
    words = tail.split()
    for n in range(len(words) - 1, max(-1, len(words) - 8), -1):
        word = words[n]
        if any(ch in word for ch in ',.;:"“”') or word in _CLAUSE_WORDS:
            return False  # "…, said the evidence would show Fehr": a clause, not a title
        if word in SPEECH_FORMS:
            before = words[n - 1] if n > 0 else ""
            return not before or before[-1] in ',"”’'
    return False


def _subject_word(word: str) -> bool:
    bare = word.strip(",.;:()'’")
    if not bare:
        return True
    return bare[:1].isupper() or bare.lower() in SUBJECT_WORDS or bare.endswith(("'s", "’s"))


_PAST_AFTER = re.compile(r"\s(?:also\s)?(?:[a-z]{3,20}ed|was|is|has|had)\b")  # or "was upbeat"
# Words that make a phrase before a name more than a title: "about", "with", "told".
_FUNCTION_WORDS = frozenset(
    """of in on at with by for to from about after before and or but as than that which who
    the this these those it its he she they we said says told asked met""".split()
)


def _plain_noun(word: str) -> bool:
    bare = word.strip("'’")
    return (
        bare.isalpha()
        and bare.lower() not in _FUNCTION_WORDS
        and not bare.endswith(("ing", "ed", "ly"))
    )


REST_SHARE = 0.3  # how much the other mentions add to the most salient one


def score(events: list[tuple[int, float]], pos: int, layout: Layout, across: float = 1.0) -> float:
    """Salience at `pos` of something with these (position, weight) events before it: its
    strongest decayed mention, plus a share of the others (being named often helps, but a
    newcomer who was just made the subject beats someone named often a while ago). Events
    before the paragraph of `pos` weigh `across` times as much."""
    opened = layout.text.rfind("\n", 0, pos) + 1
    values = [
        w * layout.decay(p, pos) * (1.0 if p >= opened else across) for p, w in events if p < pos
    ]
    if not values:
        return 0.0
    top = max(values)
    return top + REST_SHARE * (sum(values) - top)
