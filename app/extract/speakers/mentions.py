"""The speaker phrase as printed, and what kind of reference it is.

"Russian Foreign Minister Sergei Lavrov" carries a name plus a title; "the head of Russian
diplomacy" is a description; "he" a pronoun; "Russian officials" or "the ministry" a group.
Resolution to a canonical speaker happens in coreference.py.
"""

import re
from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Token

from app.extract.speakers.lexicon import (
    GROUP_NOUNS,
    ORG_WORDS,
    PARTICLES,
    PRONOUNS,
    TITLE_WORDS,
)

CUT_DEPS = frozenset({"relcl", "acl", "cc", "conj", "advcl", "parataxis"})


@dataclass(frozen=True)
class Mention:
    text: str  # as printed
    start: int
    end: int
    kind: str  # "pronoun" | "name" | "description" | "group"
    name: str | None  # the personal or organisation name inside the phrase, if any
    head: str  # lowercase head word


def _phrase_tokens(head: Token) -> list[Token]:
    """The head with its modifiers, without relative clauses or trailing appositions."""
    keep = [head]
    for child in head.children:
        if child.dep_ in CUT_DEPS:
            continue
        if child.dep_ == "appos" and child.i > head.i:
            continue
        keep.extend(child.subtree)
    keep.sort(key=lambda t: t.i)
    lo = keep.index(head)
    hi = lo
    while lo > 0 and keep[lo - 1].i == keep[lo].i - 1:
        lo -= 1
    while hi + 1 < len(keep) and keep[hi + 1].i == keep[hi].i + 1:
        hi += 1
    while hi > lo and keep[hi].is_punct:  # "Hugh Hill," keeps no trailing comma
        hi -= 1
    while lo < hi and keep[lo].is_punct:
        lo += 1
    return keep[lo : hi + 1]


def _hyphen_joined(t: Token) -> bool:
    """A hyphen glued between two words of a name, or the word glued after it."""
    doc = t.doc
    if t.text == "-":
        nxt = doc[t.i + 1] if t.i + 1 < len(doc) else None
        return (
            t.i > 0
            and not doc[t.i - 1].whitespace_
            and not t.whitespace_
            and nxt is not None
            and nxt.text[:1].isalpha()
        )
    return t.i > 0 and doc[t.i - 1].text == "-" and _hyphen_joined(doc[t.i - 1])


def _name_runs(tokens: list[Token]) -> list[list[Token]]:
    runs, cur = [], []
    for t in tokens:
        is_part = t.pos_ == "PROPN" or bool(cur) and (t.like_num or t.lower_ in PARTICLES)
        if cur and _hyphen_joined(t):  # "Yoon Hae-rin" stays whole
            cur.append(t)
            continue
        if is_part and (t.text[:1].isalpha() or t.like_num):
            cur.append(t)
        elif cur:
            runs.append(cur)
            cur = []
    if cur:
        runs.append(cur)
    return runs


def _strip_titles(run: list[Token]) -> list[Token]:
    """'House Speaker Paul Ryan' -> 'Paul Ryan': the last stretch free of title words."""
    segments, cur = [], []
    for n, t in enumerate(run):
        org_inside = t.lower_ in ORG_WORDS and n < len(run) - 1  # "… Club Dmitry Razumovsky"
        if t.lower_ in TITLE_WORDS or org_inside or (t.text.isupper() and len(t.text) <= 4):
            if cur:
                segments.append(cur)
            cur = []
        else:
            cur.append(t)
    if cur:
        segments.append(cur)
    best = segments[-1] if segments else run
    while best and best[-1].lower_ in PARTICLES:
        best = best[:-1]
    return best


def name_in(tokens: list[Token], head: Token) -> str | None:
    """The name in a phrase: the run of proper nouns at (or nearest after) the head."""
    runs = [r for r in (_strip_titles(r) for r in _name_runs(tokens)) if r]
    if not runs:
        return None
    best = next((r for r in runs if head in r), runs[-1])
    text = head.doc.text
    return text[best[0].idx : best[-1].idx + len(best[-1])]


def _names_inside(tok: Token) -> bool:
    """An apposition like "Norway's special envoy Torvald Haugsand" that holds a name."""
    return tok.pos_ == "NOUN" and any(c.pos_ == "PROPN" and c.i > tok.i for c in tok.subtree)


def mention_for(head: Token, base: Callable[[int], int] = lambda pos: pos) -> Mention:
    """Classify the speaker phrase headed by `head`; `base` maps parse offsets to the
    article's."""
    tokens = _phrase_tokens(head)
    for child in head.children:  # "the newspaper The New York Times", "Hill, a doctor"
        if (
            child.dep_ == "appos"
            and head.pos_ != "PROPN"
            and (child.pos_ == "PROPN" or _names_inside(child))
        ):  # "The host, envoy X Y"
            tokens = _phrase_tokens(head) + _phrase_tokens(child)
            head = child
            break
    doc = head.doc
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1])
    text = doc.text[start:end]
    start, end = base(start), base(start) + len(text)
    if head.lower_ in PRONOUNS and len(tokens) == 1:
        return Mention(text, start, end, "pronoun", None, head.lower_)
    name = name_in(tokens, head)
    if head.lower_ in GROUP_NOUNS and head.text.islower():  # "the foreign ministry" (PROPN-tagged)
        return Mention(text, start, end, "group", None, head.lower_)
    if name and head.pos_ == "PROPN":
        return Mention(text, start, end, "name", name, head.lower_)
    if head.lower_ in GROUP_NOUNS or head.tag_ in ("NNS", "NNPS"):
        return Mention(text, start, end, "group", name, head.lower_)
    return Mention(text, start, end, "description", name, head.lower_)


def group_name(mention: Mention) -> str:
    """Display name for a group or unnamed speaker: 'the ministry' -> 'ministry',
    'a Venezuelan businessman' -> 'unnamed Venezuelan businessman'."""
    text = re.sub(r"^(?:the|its|his|her|their)\s+", "", mention.text, flags=re.IGNORECASE)
    m = re.match(r"^(?:a|an|one)\s+(.*)$", text, flags=re.IGNORECASE)
    if m and mention.kind == "description":
        return "unnamed " + m.group(1)
    return text
