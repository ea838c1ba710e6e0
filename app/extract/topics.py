"""Topic taxonomy (app/data/topics.toml) and keyword tagging of quotes.

Keywords are matched word by word through a dictionary keyed on each keyword's first word,
so tagging costs one pass over the text however large the taxonomy grows.
"""

import re
import tomllib
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path

DEFAULT_TAXONOMY = Path(__file__).resolve().parents[1] / "data" / "topics.toml"
MAX_TOPICS = 3
WORD = re.compile(r"\w[\w'’.-]*")


@dataclass(frozen=True)
class Topic:
    id: str
    name: str


@dataclass(frozen=True)
class _Word:
    text: str  # lowercase unless case-sensitive
    prefix: bool  # keyword ended in "*"
    exact_case: bool  # short acronym: "EU" must not match "eu"

    def fits(self, word: str) -> bool:
        word = word if self.exact_case else word.lower()
        return word.startswith(self.text) if self.prefix else word == self.text


@dataclass
class _Index:
    """Keywords by the (lowercased, 3-letter-prefixed) first word, each with its topic."""

    entries: dict[str, list[tuple[tuple[_Word, ...], int]]] = field(default_factory=dict)

    def add(self, keyword: str, n: int) -> None:
        words = WORD.findall(keyword.rstrip("*"))
        if not words:
            return
        exact = keyword.isupper() and len(keyword) <= 5
        parsed = tuple(_Word(w if exact else w.lower(), False, exact) for w in words)
        if keyword.endswith("*"):
            parsed = parsed[:-1] + (_Word(parsed[-1].text, True, exact),)
        self.entries.setdefault(parsed[0].text.lower()[:3], []).append((parsed, n))

    def hits(self, words: list[str]) -> list[int]:
        """Topic numbers of every keyword occurrence in the word list."""
        found = []
        for i, word in enumerate(words):
            for kw, n in self.entries.get(word.lower()[:3], ()):
                if i + len(kw) <= len(words) and all(
                    k.fits(words[i + j]) for j, k in enumerate(kw)
                ):
                    found.append(n)
        return found


@dataclass(frozen=True)
class Taxonomy:
    topics: tuple[Topic, ...]
    keywords: _Index
    requires: _Index

    @cached_property
    def needing(self) -> frozenset[int]:
        """Topics that count only beside one of their `requires` words."""
        return frozenset(n for entries in self.requires.entries.values() for _, n in entries)

    def names(self) -> dict[str, str]:
        return {t.id: t.name for t in self.topics}


def load_taxonomy(path: Path | None = None) -> Taxonomy:
    with open(path or DEFAULT_TAXONOMY, "rb") as fh:
        rows = tomllib.load(fh)["topic"]
    keywords, requires = _Index(), _Index()
    for n, row in enumerate(rows):
        for kw in row["keywords"]:
            keywords.add(kw, n)
        for kw in row.get("requires", []):
            requires.add(kw, n)
    return Taxonomy(tuple(Topic(r["id"], r["name"]) for r in rows), keywords, requires)


@lru_cache(maxsize=256)
def _words(text: str) -> list[str]:
    """The text's words without a possessive 's or a final full stop."""
    return [_bare(w) for w in WORD.findall(text)]


def _bare(word: str) -> str:
    if word.endswith(("'s", "’s")):
        return word[:-2]
    return word[:-1] if word.endswith(".") else word


def _matches(text: str, context: str, taxonomy: Taxonomy) -> list[str]:
    counts: dict[int, int] = {}
    for n in taxonomy.keywords.hits(_words(text)):
        counts[n] = counts.get(n, 0) + 1
    needing = taxonomy.needing
    if needing & counts.keys():
        present = set(taxonomy.requires.hits(_words(text)))
        present |= set(taxonomy.requires.hits(_words(context)))
        counts = {n: c for n, c in counts.items() if n not in needing or n in present}
    ranked = sorted(counts, key=lambda n: (-counts[n], n))
    return [taxonomy.topics[n].id for n in ranked[:MAX_TOPICS]]


def topics_for(quote_text: str, paragraph_text: str, taxonomy: Taxonomy) -> tuple[str, ...]:
    """Topics the quote itself mentions; its paragraph decides when the quote names none."""
    found = _matches(quote_text, paragraph_text, taxonomy)
    if not found:
        found = _matches(paragraph_text, paragraph_text, taxonomy)
    return tuple(found)
