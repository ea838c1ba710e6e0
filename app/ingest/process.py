"""One item of an ingest, from what a source handed over to stored rows: read it (an article
file), tell its language, extract its quotes (English only) under the time budget, let the
metadata the source gave overrule the extractor's guesses, and store it."""

from dataclasses import dataclass, replace
from pathlib import Path

from sqlalchemy.engine import Engine
from sqlalchemy.exc import DataError

from app.extract.article import ExtractedArticle, extract_article, load_resources
from app.ingest.discovery import Failure
from app.ingest.files import UnreadableArticle, source_name
from app.ingest.language import is_english, language_of
from app.ingest.sources.document import Document, Metadata, Skipped
from app.ingest.sources.local import ArticleFile, read_document
from app.ingest.store import Origin, StoreResult, store_article
from app.ingest.workers import OverBudget, time_budget

Item = ArticleFile | Document | Failure | Skipped
TITLE_CHARS = 250


@dataclass(frozen=True)
class Limits:
    """What one article may cost: file size in bytes and extraction time in seconds."""

    max_bytes: int | None = None
    seconds: float | None = None


NO_LIMITS = Limits()


@dataclass(frozen=True)
class Extracted:
    """An item after extraction: the article to store and where it came from, or why not."""

    source: str
    article: ExtractedArticle | None = None
    origin: Origin = Origin()
    error: str | None = None
    skipped: bool = False

    @property
    def english(self) -> bool:
        return is_english(self.origin.language)


@dataclass(frozen=True)
class Outcome:
    source: str
    result: StoreResult | None = None
    error: str | None = None
    english: bool = True
    skipped: bool = False


def extract_item(item: Item, limits: Limits = NO_LIMITS) -> Extracted:
    """Read and extract one item; an unreadable, failing or too slow article reports why."""
    if isinstance(item, Failure):
        return Extracted(item.path, error=item.reason)
    if isinstance(item, Skipped):
        return Extracted(item.source, skipped=True)
    try:
        with time_budget(limits.seconds):
            document = item if isinstance(item, Document) else read_document(item, limits.max_bytes)
            return extract_document(document)
    except OverBudget:
        reason = f"took longer than {limits.seconds:g} s to extract (time budget)"
        return Extracted(item.source, error=reason)
    except UnreadableArticle as error:
        return Extracted(item.source, error=str(error))
    except OSError as error:
        return Extracted(item.source, error=error.strerror or str(error))
    except Exception as error:  # one broken article fails alone; its reason is reported
        reason = f"extraction failed: {type(error).__name__}: {error}"
        return Extracted(item.source, error=reason)


def extract_document(document: Document) -> Extracted:
    """Quotes of an English article; an article in another language is kept unextracted."""
    meta = document.meta
    language = language_of(document.text, meta.language)
    if is_english(language):
        article = extract_article(document.text)
    else:
        article = ExtractedArticle(document.text, _first_line(document.text), None, None, ())
    origin = Origin(meta.url, meta.author, language, document.stable)
    return Extracted(document.source, with_metadata(article, meta), origin)


def with_metadata(article: ExtractedArticle, meta: Metadata) -> ExtractedArticle:
    """The article with the title, outlet and date its source gave in place of the guessed."""
    return replace(
        article,
        title=meta.title or article.title,
        outlet=meta.outlet or article.outlet,
        date=meta.published or article.date,
    )


def store_extracted(engine: Engine, extracted: Extracted) -> Outcome:
    """Store one extracted article; an article the database refuses fails alone, with why.

    Errors about the database itself (unreachable, locked, full) are not caught: every other
    article would fail the same way, and the caller reports them once."""
    if extracted.article is None:
        return Outcome(extracted.source, None, extracted.error, skipped=extracted.skipped)
    names = load_resources().taxonomy.names()
    try:
        result = store_article(engine, extracted.source, extracted.article, names, extracted.origin)
    except (UnicodeError, ValueError, DataError) as error:
        reason = f"could not be stored: {type(error).__name__}: {error}"
        return Outcome(extracted.source, None, reason)
    return Outcome(extracted.source, result, english=extracted.english)


def extract_file(
    path: Path, limits: Limits = NO_LIMITS
) -> tuple[Path, ExtractedArticle | None, str | None]:
    """Read and extract one article file, as `diplomat extract` does."""
    extracted = extract_item(ArticleFile(path, source_name(path)), limits)
    return path, extracted.article, extracted.error


def _first_line(text: str) -> str | None:
    for line in text.splitlines():
        if line.strip():
            return line.strip()[:TITLE_CHARS]
    return None
