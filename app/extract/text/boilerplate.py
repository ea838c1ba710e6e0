"""Which lines of a scraped article are body text.

Scraped pages carry menus, share buttons, captions, related-story headlines, comment
widgets and cookie notices. Quotes are only looked for in body paragraphs, so a related
headline such as "Lavrov Says US Action Would Be 'Catastrophic'" never becomes a quote.
"""

import re
from dataclasses import dataclass

from app.extract.text.marks import paragraph_bounds

TERMINAL = tuple('.!?"”’:;…)»')
SHORT_LINE_WORDS = 14  # headline-like lines without final punctuation are this short or shorter

BOILERPLATE = re.compile(
    r"""^\s*(?:[|]|(?:\d+\s+)?comments?\b|notify\s+of|view\s+all|inline\s+feedback|
    share\b|listen\b|leer\s+en|read\s+(?:more|also|in)\b|related\b|you\s+may\s+(?:also\s+)?like|
    you\s+may\s+be\s+interested|recommended|more\s+articles|advertisement|subscribe|sign\s+up|
    follow\s+us|click\s+here|translated\s+from|photo\b|image\b|credit\b|file\s+photo|
    post\s+with\s+no\s+comments|all\s+news|\(?(?:photo|image|video)\s*:|
    watch(?:\s+(?:below|above|live|more|now|the\s+video))?\s*:|
    (?:relevant|further|suggested)\s+reading\b|also\s+read\b|don['’]t\s+miss\s*:|
    trending(?:\s+now)?\s*:|(?:full\s+text|abstract)\s*[.:]?\s*$)""",
    re.IGNORECASE | re.VERBOSE,
)
# A list item's marker: menus and share buttons are bulleted, and so are the points of a
# "what we know" round-up, which are full sentences.
BULLET = re.compile(r"^\s*[•·▪►*]\s*")
COOKIE = re.compile(
    r"\bcookies?\b.*\b(?:consent|website|browsing|accept)\b|"
    r"\ball rights reserved\b|©|\bcopyright\b",
    re.IGNORECASE,
)
CAPTION = re.compile(
    r"\((?:left|right|center|centre)\)|\|\s*Photo\b|\bPhoto\s*:|"
    r"\bGetty Images\b|\(AP Photo|\bREUTERS/|/AFP\b",
    re.IGNORECASE,
)
# "(L)", "(R)", "(C)" place people in a photo; but "Gov. Rick Snyder (R)" is his party, so a
# lone "(R)" makes no caption.
PLACED = re.compile(r"\(([LRC])\)")


def is_caption(line: str) -> bool:
    placed = set(PLACED.findall(line))
    return bool(CAPTION.search(line)) or len(placed) > 1 or bool(placed & {"L", "C"})


# A photo credit closing a caption: "(Ann Lee/The Daily Courier)", "( Ann Lee / AP )",
# "Ann Lee/THE DAILY COURIER". Captions read like sentences but report no speech.
_CREDIT_SOURCE = r"\s?/\s?[A-Z][\w.'’&-]*(?:\s[A-Za-z][\w.'’&-]*){0,5}"
PHOTO_CREDIT = re.compile(
    r"\(\s*[A-Z][\w.'’-]*(?:\s[A-Z][\w.'’-]*){0,3}" + _CREDIT_SOURCE + r"\s*\)\s*$"
    r"|\s[A-Z][a-z][\w'’-]*(?:\s[A-Z][\w'’-]*){1,3}" + _CREDIT_SOURCE + r"\s*$"
)


@dataclass(frozen=True)
class Paragraph:
    start: int
    end: int
    body: bool  # False for headline, menu, caption and widget lines
    caption: bool = False  # a photo caption: no quotes in it, but the people it names count


def is_boilerplate(line: str) -> bool:
    """A line that is page furniture rather than article prose."""
    stripped = line.strip()
    if bullet := BULLET.match(stripped):
        stripped = stripped[bullet.end() :]
        if not is_lead_sentence(stripped):  # "• Home", "• Audio Only", "• Email: …"
            return True
    if BOILERPLATE.match(stripped) or COOKIE.search(stripped) or is_caption(stripped):
        return True
    words = stripped.split()
    if SIGNED_QUOTATION.match(stripped) or TAGGED_AT_THE_END.search(stripped):
        return False  # a short quotation signed by its speaker: '"…" ― Ana Lima', or a
        # sentence that lost its period: "He hasn't decided yet, he says"
    return (
        len(words) <= SHORT_LINE_WORDS
        and not stripped.endswith(TERMINAL)
        and not ENDS_IN_A_QUOTATION.search(stripped)
    )


# A sentence's end closed by apostrophes used as quotation marks: "… just changing.''"
ENDS_IN_A_QUOTATION = re.compile(r"[.!?…]''$")


# A quotation making up its line, then a dash and a capitalised name.
SIGNED_QUOTATION = re.compile(
    r"[\"“][^\"“”\n]{8,400}[\"”][ \u00a0]{0,3}(?:[―—–]|--?)[ \u00a0]{0,3}[A-Z]"
)


# A speech tag closing a line after a comma: ", he says", ", Vickers said".
TAGGED_AT_THE_END = re.compile(
    r",\s(?:he|she|they|[A-Z][\w'’-]{1,30}(?:\s[A-Z][\w'’-]{1,30})?)\s(?:said|says|added|adds)$"
)


# A sentence's end: a period (or ellipsis) that may be followed by closing quotation marks.
SENTENCE_END = re.compile(r"[.…][\"”’']*$")
LEAD_MIN_WORDS = 8


def is_lead_sentence(line: str) -> bool:
    """A full sentence ending in a period, as a lead paragraph is and a headline is not:
    a text pasted without its title starts with the lead, which must stay body text."""
    words = line.split()
    return len(words) >= LEAD_MIN_WORDS and bool(SENTENCE_END.search(line))


def find_title_index(text: str, paras: list[tuple[int, int]]) -> int | None:
    """The first line that is not page furniture (menus, bullets, breadcrumbs, captions),
    unless that line is already the article's lead sentence."""
    for n, (lo, hi) in enumerate(paras[:8]):
        line = text[lo:hi].strip()
        if BOILERPLATE.match(line) or BULLET.match(line) or is_caption(line) or ">" in line:
            continue
        if is_lead_sentence(line):
            return None
        if line.split() and len(line) <= 250:
            return n
    return None


def paragraphs(text: str) -> tuple[list[Paragraph], int | None]:
    """All non-empty lines, each marked body or not, and the index of the title line."""
    bounds = paragraph_bounds(text)
    title = find_title_index(text, bounds)
    title_text = text[bounds[title][0] : bounds[title][1]].strip() if title is not None else None
    out = []
    for n, (lo, hi) in enumerate(bounds):
        line = text[lo:hi]
        body = n != title and line.strip() != title_text and not is_boilerplate(line)
        caption = bool(PHOTO_CREDIT.search(line.strip()))
        out.append(Paragraph(lo, hi, body and not caption, caption))
    return out, title
