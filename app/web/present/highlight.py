"""Search excerpts as HTML: escaped text with each hit in <mark>."""

from markupsafe import Markup, escape

from app.queries.fts import HIT_CLOSE, HIT_OPEN


def highlight(snippet: str) -> Markup:
    """Escape the excerpt, then turn the hit markers into <mark> tags."""
    escaped = str(escape(snippet))
    return Markup(escaped.replace(HIT_OPEN, "<mark>").replace(HIT_CLOSE, "</mark>"))
