"""Article text as HTML paragraphs with quotes marked from offsets, every piece escaped."""

import re
from collections.abc import Callable, Sequence

from markupsafe import Markup, escape

from app.models import Quote
from app.queries.quotes import QuoteRow

_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each paragraph: blank-line separated, or line separated if none are."""
    breaker = _PARAGRAPH_BREAK if _PARAGRAPH_BREAK.search(text) else re.compile(r"\n")
    spans, start = [], 0
    for match in [*breaker.finditer(text), None]:
        end = match.start() if match else len(text)
        piece = text[start:end]
        if piece.strip():
            lead = len(piece) - len(piece.lstrip())
            spans.append((start + lead, start + len(piece.rstrip())))
        start = match.end() if match else end
    return spans


def paragraph_of(text: str, offset: int) -> tuple[int, int]:
    """The paragraph holding `offset` (the nearest one before it when it falls in a gap)."""
    spans = paragraph_spans(text) or [(0, len(text))]
    before = [span for span in spans if span[0] <= offset]
    return before[-1] if before else spans[0]


def speaker_label(quote: Quote | QuoteRow) -> str:
    """The resolved speaker's name, else the name as printed, else "Unknown speaker"."""
    if quote.speaker is not None:
        return quote.speaker.name
    return quote.speaker_as_printed or "Unknown speaker"


def marked_paragraphs(
    text: str,
    quotes: Sequence[Quote],
    href: Callable[[Quote], str] | None = None,
    span: tuple[int, int] | None = None,
    title: str | None = None,
) -> list[Markup]:
    """Paragraphs of `text` (or just `span`) as HTML with each quote in <mark id="q…">; a
    first paragraph that is the `title` is left out.

    With `href`, the end of each quote gets a link labelled with its speaker. Overlapping
    quotes share marks; each still gets its own anchor.
    """
    spans = [span] if span else paragraph_spans(text)
    quotes = [q for q in quotes if 0 <= q.start < q.end]
    if title and spans and _is_title(text[slice(*spans[0])], title):
        if not any(q.start < spans[0][1] for q in quotes):
            spans = spans[1:]  # the page's heading already says it
    segments = [_segments(text, ps, pe, quotes) for ps, pe in spans]
    last_segment = {
        q.id: (p, s)
        for p, segs in enumerate(segments)
        for s, seg in enumerate(segs)
        for q in seg[2]
    }
    shown: set[int | None] = set()
    paragraphs = []
    for p, segs in enumerate(segments):
        html = []
        for s, (a, b, covering) in enumerate(segs):
            html.append(_segment_html(text[a:b], covering, shown))
            if href is not None:
                labels = [_label(q, href) for q in covering if last_segment[q.id] == (p, s)]
                html += labels
                if labels and b < len(text) and text[b].isalnum():
                    html.append(Markup(" "))  # "— Mike Pompeo said", not "Mike Pompeosaid"
        paragraphs.append(Markup("").join(html))
    return paragraphs


def _is_title(paragraph: str, title: str) -> bool:
    """The paragraph is the title line ("# Title" in Markdown), whitespace and case aside."""
    words = " ".join(paragraph.lstrip("# ").split()).casefold()
    return words == " ".join(title.split()).casefold()


def _segments(text: str, ps: int, pe: int, quotes: list[Quote]):
    """Cut [ps, pe) at every quote boundary: (start, end, quotes covering that piece)."""
    inside = [q for q in quotes if q.start < pe and q.end > ps]
    cuts = sorted({ps, pe, *(min(max(x, ps), pe) for q in inside for x in (q.start, q.end))})
    return [
        (a, b, [q for q in inside if q.start <= a and q.end >= b])
        for a, b in zip(cuts, cuts[1:], strict=False)
        if a < b
    ]


def _segment_html(piece: str, covering: list[Quote], shown: set[int | None]) -> Markup:
    if not covering:
        return escape(piece)
    new = [q for q in covering if q.id not in shown]
    shown.update(q.id for q in new)
    anchors = Markup("").join(Markup('<span id="q{}"></span>').format(q.id) for q in new[1:])
    ident = Markup(' id="q{}"').format(new[0].id) if new else Markup("")
    css = "quote overlap" if len(covering) > 1 else "quote"
    return anchors + Markup('<mark class="{}"{}>{}</mark>').format(css, ident, piece)


def _label(quote: Quote, href: Callable[[Quote], str]) -> Markup:
    return Markup(' <a class="who" href="{}">— {}</a>').format(href(quote), speaker_label(quote))
