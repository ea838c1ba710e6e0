"""What a source hands the pipeline: an article's text, where it came from, and the metadata
the source gave (which beats what the extractor guesses from the text)."""

import datetime
from dataclasses import dataclass, fields, replace


@dataclass(frozen=True)
class Metadata:
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: datetime.date | None = None
    author: str | None = None
    language: str | None = None  # an ISO 639-1 code ("en"), or None when not known

    def over(self, other: "Metadata") -> "Metadata":
        """These values where set, `other`'s where not: metadata given beats metadata guessed."""
        names = [f.name for f in fields(self) if not getattr(self, f.name)]
        return replace(self, **{name: getattr(other, name) for name in names})


@dataclass(frozen=True)
class Document:
    """One article ready for extraction.

    `source` is where it came from, as stored and shown: a path relative to what was given, a
    dump's name and record, or a URL. When `stable`, the source names this article for good,
    so a different text from the same source later replaces it; a dump's line number is not
    stable (the next dump may hold another article on that line).
    """

    source: str
    text: str
    meta: Metadata = Metadata()
    stable: bool = True


@dataclass(frozen=True)
class Skipped:
    """An item a source did not fetch because the database already holds it."""

    source: str
