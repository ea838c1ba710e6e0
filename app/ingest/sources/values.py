"""Metadata values as sources give them (JSON, CSV cells, feed entries), checked and cleaned."""

import datetime
import email.utils
import re
from urllib.parse import urlsplit

from app.ingest.files import clean_text

ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}")
# Written dates with every part given; day/month orders that could be read two ways are not.
WRITTEN_DATES = ("%d %B %Y", "%d %b %Y", "%B %d, %Y", "%b %d, %Y", "%B %d %Y", "%Y/%m/%d")


class BadValue(ValueError):
    """A given value that cannot be used; the message names the field."""


def text_value(value: object, field: str, *, numbers: bool = False) -> str | None:
    """A string field without control characters; None when absent or blank."""
    if value is None:
        return None
    if numbers and isinstance(value, int | float) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str):
        raise BadValue(f"{field} is {type(value).__name__}, not text")
    cleaned = clean_text(value).strip()
    return cleaned or None


def url_value(value: object, field: str = "url") -> str | None:
    """An http(s) URL; any other scheme (javascript:, file:) is refused, as it would become a
    link on the article page."""
    url = text_value(value, field)
    if url is None:
        return None
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        raise BadValue(f"{field} {url[:80]!r} is not an http(s) URL")
    return url


def date_value(value: object, field: str = "published") -> datetime.date | None:
    """A publication date: ISO 8601, RFC 2822 (feeds, e-mail), a written date ("14 May 2025",
    "May 14, 2025"), or a Unix timestamp."""
    if value is None or value == "":
        return None
    if isinstance(value, int | float) and not isinstance(value, bool):
        try:
            return datetime.datetime.fromtimestamp(value, datetime.UTC).date()
        except (OverflowError, OSError, ValueError):
            raise BadValue(f"{field} {value!r} is not a date") from None
    text = text_value(value, field)
    if text is None:
        return None
    found = parse_date(text)
    if found is None:
        raise BadValue(f"{field} {text[:40]!r} is not a date")
    return found


def parse_date(text: str) -> datetime.date | None:
    if ISO_DATE.match(text):
        try:
            return datetime.date.fromisoformat(text[:10])
        except ValueError:
            return None
    try:
        return email.utils.parsedate_to_datetime(text).date()
    except (TypeError, ValueError, IndexError):
        pass
    for form in WRITTEN_DATES:
        try:
            return datetime.datetime.strptime(text.strip(), form).date()
        except ValueError:
            continue
    return None
