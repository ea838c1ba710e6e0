"""Embedded social-media posts: their words are their author's, printed verbatim.

A page that embeds a post prints its words and then a signature of the author's name, handle
and date: "Solidarity with Poland. … — Gintarė Balčiūnienė (@GBalciuniene) March 3, 2025",
in the same paragraph or on a line of its own. No quotation marks and no speech verb: the
signature is the attribution, and the handle the channel the words came through. A report
inside a post ("the union says …") is a quote of its own as well.
"""

import re

from app.extract.speakers.mentions import Mention
from app.extract.speech.candidates import MIN_DIRECT_WORDS, Candidate
from app.extract.text.boilerplate import Paragraph
from app.extract.text.sentences import Sentence

SIGNATURE = re.compile(
    r"[—–-]{1,2}[ \t]{0,3}(?P<name>[^\n()@—–]{2,60}?)[ \t]{1,3}\(@(?P<handle>\w{1,30})\)"
    r"[ \t]{1,3}[A-Z][a-z]{2,9}\.?[ \t]\d{1,2},[ \t]\d{4}"
)
LINK_AT_END = re.compile(
    r"(?:\s{1,3}(?:pic\.twitter\.com/\S{1,40}|https?://\S{1,200})){1,4}\s{0,3}$"
)


def _words_before(text: str, paras: list[Paragraph], at: int) -> tuple[int, int, int] | None:
    """(start, end, paragraph) of the post's words printed before the signature at `at`:
    its own paragraph's, else the paragraph before it."""
    for n, para in enumerate(paras):
        if para.start <= at < para.end:
            if text[para.start : at].strip():
                return para.start, at, n
            before = paras[n - 1] if n else None
            if before and before.body and not SIGNATURE.search(text, before.start, before.end):
                return before.start, before.end, n - 1
            return None
    return None


def post_candidates(text: str, paras: list[Paragraph]) -> list[Candidate]:
    """A direct quote of each embedded post's words, by the author its signature names."""
    out = []
    for sig in SIGNATURE.finditer(text):
        found = _words_before(text, paras, sig.start())
        if found is None:
            continue
        start, end, n = found
        if link := LINK_AT_END.search(text, start, end):
            end = link.start()
        while end > start and text[end - 1].isspace():
            end -= 1
        while start < end and text[start].isspace():
            start += 1
        if len(re.findall(r"\w+", text[start:end])) < MIN_DIRECT_WORDS:
            continue
        name = sig.group("name").strip()
        name_start = sig.start("name") + sig.group("name").index(name)
        head = name.split()[-1].lower()
        mention = Mention(name, name_start, name_start + len(name), "name", name, head)
        out.append(
            Candidate(
                start,
                end,
                "direct",
                "posted",
                mention,
                Sentence(start, end, n),
                "post",
                via="@" + sig.group("handle"),
            )
        )
    return out
