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
