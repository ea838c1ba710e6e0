"""Topic taxonomy (app/data/topics.toml) and keyword tagging of quotes."""

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

DEFAULT_TAXONOMY = Path(__file__).resolve().parent.parent / "data" / "topics.toml"
MAX_TOPICS = 3


@dataclass(frozen=True)
class Topic:
    id: str
    name: str
    pattern: re.Pattern
    requires: re.Pattern | None


@dataclass(frozen=True)
class Taxonomy:
    topics: tuple[Topic, ...]

    def names(self) -> dict[str, str]:
        return {t.id: t.name for t in self.topics}


def _keyword_regex(words: list[str]) -> re.Pattern:
    """Word-boundary alternation; a trailing '*' matches any ending, inner '*' any few words.
    All-caps keywords (acronyms such as EU) match case-sensitively, so 'eu' in text does not."""
    parts = []
    for word in sorted(words, key=len, reverse=True):
        body = re.escape(word.rstrip("*")).replace(r"\*", r"[\w\s'’-]{0,40}?")
        body += r"[\w'’-]*" if word.endswith("*") else r"(?![\w-])"
        if word.isupper() and len(word) <= 5:
            body = "(?-i:" + body + ")"
        parts.append(r"(?<![\w-])" + body)
    return re.compile("|".join(parts), re.IGNORECASE)


def load_taxonomy(path: Path | None = None) -> Taxonomy:
    with open(path or DEFAULT_TAXONOMY, "rb") as fh:
        rows = tomllib.load(fh)["topic"]
    topics = []
    for row in rows:
        requires = _keyword_regex(row["requires"]) if row.get("requires") else None
        topics.append(Topic(row["id"], row["name"], _keyword_regex(row["keywords"]), requires))
    return Taxonomy(tuple(topics))


def _matches(text: str, taxonomy: Taxonomy) -> list[str]:
    scored = []
    for order, topic in enumerate(taxonomy.topics):
        hits = len(topic.pattern.findall(text))
        if hits and (topic.requires is None or topic.requires.search(text)):
            scored.append((-hits, order, topic.id))
    return [tid for _, _, tid in sorted(scored)[:MAX_TOPICS]]


def topics_for(quote_text: str, paragraph_text: str, taxonomy: Taxonomy) -> tuple[str, ...]:
    """Topics the quote itself mentions; its paragraph decides when the quote names none."""
    found = _matches(quote_text, taxonomy)
    if not found:
        found = _matches(paragraph_text, taxonomy)
    return tuple(found)
