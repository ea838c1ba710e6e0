"""Rule-based sentence splitting that never cuts through a quotation.

The parser sees only candidate sentences, so splitting must be cheap and must keep a quote and
its attribution ("…. …," he said.) together.
"""

import re
from dataclasses import dataclass

from app.extract.text.boilerplate import Paragraph
from app.extract.text.marks import Marked
from app.extract.verbs import mentions_speech

ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof st gen lt col sgt capt cmdr adm gov sen rep rev jr sr sec
    inc co corp ltd no vs etc jan feb mar apr aug sept sep oct nov dec u.s u.n u.k e.u d.c
    a.m p.m ph.d mt ft fig cpl cst supt insp det pte maj brig coun cllr hon const
    del amb atty pres""".split()
)
# "SEOUL — ", "GENEVA, 3 April 2025 — ", "WASHINGTON (Reuters) - ": not part of the sentence,
# and left in, the parser takes the city for the subject of the first verb.
# Capitals, accented ones too: "TROMSØ", "ASUNCIÓN", "ŁÓDŹ".
UPPER = "A-ZÀ-ÖØ-ÞĀ-Ž"
DATELINE = re.compile(
    # "LA CROSSE", "MOSCOW/BEIJING"
    rf"(?:[{UPPER}][{UPPER}.'’/-]{{2,30}}|[A-Z]{{2}}(?= [A-Z]{{2}}))"
    rf"(?: [{UPPER}][{UPPER}.'’/-]{{1,30}}){{0,3}}"
    r"(?:,[^—–\n]{0,40}?)?"
    r"(?:\s*\([^)\n]{1,30}\))?\s+[—–-]{1,2}\s+"
)
# A live page's entry time, "16:35 GMT — ", "9.10am — ": not part of the sentence either.
TIMESTAMP = re.compile(
    r"\d{1,2}[:.]\d{2}(?:\s?[AaPp]\.?[Mm]\.?)?(?:\s(?:[A-Z]{2,4}\d{0,2}|local(?:\stime)?))?"
    r"\s{1,3}[—–-]{1,2}\s{1,3}"
)
# The look-behind and possessive `++` make a run of 20,000 dots one attempt, not 20,000
# attempts that each scan to the end of the run (quadratic); what matches is unchanged.
# (some papers print quotation marks as two apostrophes: "…conflicts.'' The reality is")
BOUNDARY = re.compile(
    r"(?<![.!?…])[.!?…]++(?:\s?(?:''|[\"”“’»)]))*\s+(?=(?:''|[\"“‘«(\[])?[A-Z0-9])"
)


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    para: int  # index of the paragraph the sentence starts in


def _is_abbreviation(text: str, dot: int) -> bool:
    """The period at `dot` ends an abbreviation or an initial, not a sentence."""
    m = re.search(r"([\w.]+)$", text[max(0, dot - 12) : dot])
    if not m:
        return False
    word = m.group(1).lower()
    return word in ABBREVIATIONS or len(word) == 1 or (len(word) <= 4 and "." in word)


# Words that open a sentence and are nobody's surname: after them an initial or a dotted
# acronym's period ends the sentence ('he wrote on X. The envoy said', '… the U.S. He added').
OPENERS = frozenset(
    """the a an he she it they we i his her its their our this that these those there but and
    in on at after when while as if meanwhile however asked""".split()
)
_NEXT_WORD = re.compile(r"[\"“‘«(\[]?([A-Z][a-z]*)\b")


# The platform, not an initial: "he wrote on X. French President …'s office said".
ON_X = re.compile(r"\b(?:on|via)\sX$")


def _initial_then_opener(text: str, boundary: re.Match) -> bool:
    dot = boundary.start()
    word = re.search(r"([\w.]+)$", text[max(0, dot - 12) : dot])
    if word is None or not (len(word.group(1)) == 1 or "." in word.group(1)):
        return False
    nxt = _NEXT_WORD.match(text, boundary.end())
    return nxt is not None and nxt.group(1).lower() in OPENERS


def _inside(pos: int, spans: list[Marked]) -> bool:
    return any(q.start < pos < q.end - 1 for q in spans)


def _title_before_name(text: str, boundary: re.Match) -> bool:
    """'Rep. Glenn Thompson': a capitalised abbreviation's period, then a name."""
    dot = boundary.start()
    word = re.search(r"(\w+)$", text[max(0, dot - 12) : dot])
    return (
        text[dot] == "."
        and word is not None
        and word.group(1)[:1].isupper()
        and _is_abbreviation(text, dot)
        and text[boundary.end() : boundary.end() + 1].isupper()
    )


# A question, exclamation or trailing off closing a quotation, then its speech tag: `…our
# son?" Kim said.`, `…a lot of different people…" Clinton said.`
QUOTE_CLOSED_BY = re.compile(r"(?:[?!]+|…|\.\.\.)(?:''|[\"”’»])\s+$")
# A full stop closing a quotation, then a tag that is only its speaker and verb.
PERIOD_CLOSED_BY = re.compile(r"\.(?:''|[\"”’»])\s+$")
BARE_TAG = re.compile(
    r"(?<![\w'’-])(?:(?:[Hh]e|[Ss]he|[Tt]hey|(?:[A-Z][\w'’-]{0,30}\.?\s){0,2}[A-Z][\w'’-]{1,30})"
    r"\s(?:said|says|added|adds|wrote|writes|told\sreporters)"
    r"|(?:[Ss]aid|[Aa]dded)\s(?:[A-Z][\w'’-]{0,30}\.?\s){0,2}[A-Z][\w'’-]{1,30})\.(?:\s|$)"
)
TAG_MAX_WORDS = 12
TAG_HEAD_WORDS = 8  # a longer tag opens with its speaker and verb: '"…?" Lee told ITV when …'


def _is_speech_tag(text: str, start: int, hi: int) -> bool:
    """A clause with a speech verb and no quotation of its own, short or opening with the
    verb: '"…?" Kim said.', '"…?" Kim told the station in an interview aired on Monday …'."""
    m = next(  # the tag's end, not the period of "Rep." or "Gov." before a name inside it
        (b for b in BOUNDARY.finditer(text, start, hi) if not _title_before_name(text, b)),
        None,
    )
    tag = text[start : m.start() + 1 if m else hi]
    # a title quoted further on is the tag's ('… Lee remarked, alluding to "The Revenant."');
    # a quotation right after is not ('"…?" "…," Lee said')
    tag = re.split(r'["“”]', tag, maxsplit=1)[0]
    words = tag.split()
    if len(words) < 2:
        return False
    if len(words) <= TAG_MAX_WORDS:
        return mentions_speech(tag)
    return mentions_speech(" ".join(words[:TAG_HEAD_WORDS]))


def split_block(text: str, lo: int, hi: int, quotes: list[Marked]) -> list[tuple[int, int]]:
    """Sentence (start, end) pairs in text[lo:hi], trailing whitespace trimmed."""
    cuts = [lo]
    for m in BOUNDARY.finditer(text, lo, hi):
        punct_end = m.start() + len(m.group().rstrip())
        if _inside(m.start(), quotes) and _inside(punct_end, quotes):
            continue
        if (
            text[m.start()] == "."
            and _is_abbreviation(text, m.start())
            and not _initial_then_opener(text, m)
            and not ON_X.search(text, max(0, m.start() - 8), m.start())
        ):
            continue
        if QUOTE_CLOSED_BY.search(m.group()) and _is_speech_tag(text, m.end(), hi):
            continue
        if PERIOD_CLOSED_BY.search(m.group()) and BARE_TAG.match(text, m.end(), hi):
            continue  # '"… missing." Trump said.': a full stop typed for the tag's comma
        cuts.append(m.end())
    cuts.append(hi)
    out = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        seg = text[a:b]
        if seg.strip():
            a += len(seg) - len(seg.lstrip())
            b -= len(seg) - len(seg.rstrip())
            out.append((a, b))
    return out


def split_sentences(text: str, paras: list[Paragraph], quotes: list[Marked]) -> list[Sentence]:
    """Sentences of the body paragraphs; paragraphs joined by a continuing quote stay together."""
    out: list[Sentence] = []
    n = 0
    while n < len(paras):
        if not paras[n].body:
            n += 1
            continue
        first, lo, hi = n, paras[n].start, paras[n].end
        if stamp := TIMESTAMP.match(text, lo, hi):
            lo = stamp.end()
        if dateline := DATELINE.match(text, lo, hi):
            lo = dateline.end()
        while n + 1 < len(paras) and any(q.start < hi < q.end for q in quotes):
            n += 1
            hi = paras[n].end
        for a, b in split_block(text, lo, hi, quotes):
            out.append(Sentence(a, b, first))
        n += 1
    return out
