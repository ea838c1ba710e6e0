"""How a report's wording differs from the statement's lead report, as HTML: words the lead
has and this report lacks struck through, words it adds underlined; everything escaped."""

import difflib
import re

from markupsafe import Markup, escape

_TOKENS = re.compile(r"\w+|[^\w\s]+|\s+")
QUOTE_MARKS = "\"'“”‘’«»„‹›"


def bare_words(text: str) -> str:
    """The quote's words without the quotation marks around them."""
    return text.strip().strip(QUOTE_MARKS + " ,.").strip()


def differences(lead: str, report: str) -> Markup:
    """`report` with its changes from `lead` marked (<del> for words dropped, <ins> added)."""
    a, b = _TOKENS.findall(bare_words(lead)), _TOKENS.findall(bare_words(report))
    out: list[str] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            out.append(str(escape("".join(b[j1:j2]))))
            continue
        dropped, added = "".join(a[i1:i2]).strip(), "".join(b[j1:j2]).strip()
        if dropped:
            out.append(f"<del>{escape(dropped)}</del>")
        if added:
            out.append(f"{' ' if dropped else ''}<ins>{escape(added)}</ins>")
    return Markup("".join(out))


_OPENERS, _CLOSERS = '"“«„‘', '"”»’'
_SEGMENT = re.compile(r"[\"“«„]([^\"“”«»„]+)[\"”»]")
MAX_TAG_WORDS = 8  # "he said", "the minister told reporters on Monday": a tag, not a quote


def spoken(text: str) -> str:
    """The speaker's words of a stored quote, for lists: a lead-in before the first quotation
    mark ('according to Infobae, "I think …"') and a tag between two quoted parts ('"It is
    time," he said, "to act."') are the reporter's words, shown in the attribution line; the
    quoted parts are joined with an ellipsis. Quotes without marks are shown as stored."""
    segments = list(_SEGMENT.finditer(text))
    if not segments:
        return text
    lead_in = text[: segments[0].start()].strip()
    between = [text[a.end() : b.start()] for a, b in zip(segments, segments[1:], strict=False)]
    if (
        lead_in
        and not lead_in.endswith((",", ":"))
        or any(len(gap.split()) > MAX_TAG_WORDS for gap in between)
    ):
        return text  # words outside the marks that are more than a tag: keep them
    tail = text[segments[-1].end() :].strip(" ,.;")
    if tail and len(tail.split()) > MAX_TAG_WORDS:
        return text
    parts = [m.group(1).strip().rstrip(",") for m in segments]
    return "“" + " … ".join(part for part in parts if part) + "”"
