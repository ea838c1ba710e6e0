"""The pure extractor: article text in, typed and attributed quotes out.

Nothing here reads or writes the database or knows the web: `text/` finds paragraphs,
sentences and quotation marks; `speech/` finds speech cues and quote candidates; `speakers/`
types the speaker phrases and resolves them to people and bodies; `attribute` and `article`
put it together. `evaluation` scores it against gold quotes.
"""

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
