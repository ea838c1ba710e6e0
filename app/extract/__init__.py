"""The pure extractor: article text in, typed and attributed quotes out.

Nothing here reads or writes the database or knows the web: `text/` finds paragraphs,
sentences and quotation marks; `speech/` finds speech cues and quote candidates; `speakers/`
types the speaker phrases and resolves them to people and bodies; `attribute` and `article`
put it together. `evaluation` scores it against gold quotes.
"""

from importlib import import_module
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from app.extract.article import (
        ExtractedArticle,
        ExtractedQuote,
        Resources,
        article_json,
        extract_article,
        load_resources,
    )

__all__ = [
    "ExtractedArticle",
    "ExtractedQuote",
    "Resources",
    "article_json",
    "extract_article",
    "load_resources",
]


def __getattr__(name: str) -> object:
    """The entry points, imported when first asked for: importing one small module of the
    package (names, officials) must not load spaCy, which the web workers never need."""
    if name in __all__:
        return getattr(import_module("app.extract.article"), name)
    raise AttributeError(f"module 'app.extract' has no attribute {name!r}")
