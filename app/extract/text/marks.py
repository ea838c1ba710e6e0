"""Quotation-mark scanning: find marked stretches of text, tolerant of sloppy typing.

News text as scraped mixes straight and curly marks, types closing marks as opening ones
(`ceases, “said Pompeo`), leaves quotes open at the end of a paragraph when the speaker goes
on in the next one, and uses quote marks for scare quotes and titles. This module only finds
the marked stretches; deciding which of them are quotes is the extractor's job.
"""

import itertools
import re
from dataclasses import dataclass

from app.extract.verbs import mentions_speech

DOUBLE_OPEN = "“«„"
DOUBLE_CLOSE = "”»"
SINGLE_OPEN = "‘‹"
SINGLE_CLOSE = "’›"
CLOSING_PUNCT = ".,;:!?)]—–-…"


@dataclass(frozen=True)
class Marked:
    start: int  # index of the opening mark
    end: int  # index just after the closing mark (or end of the unclosed stretch)
    closed: bool

    def inner(self, text: str) -> str:
        return text[self.start : self.end].strip(" \n'\"“”«»„‘’‹›")


def _prev_char(text: str, i: int, lo: int) -> str:
    return text[i - 1] if i > lo else " "


def _next_char(text: str, i: int, hi: int) -> str:
    return text[i + 1] if i + 1 < hi else " "


def _stray_closer(text: str, i: int, lo: int, hi: int, after: int) -> bool:
    """A mark floating between spaces after sentence punctuation closes nothing we saw open."""
    before = text[lo:i].rstrip()
    return bool(before) and before[-1] in ".,!?" and _next_char(text, after - 1, hi).isspace()


def _closes_open_quote(text: str, i: int, hi: int) -> bool:
    """An opening-shaped double mark inside an open quote is a mistyped closer unless
    a new sentence starts right after it."""
    after = text[i + 1 : hi].lstrip(" ")
    return not after or not (after[0].isupper() or after[0].isdigit())


def _nested(text: str, i: int, after: int, hi: int) -> bool:
    """'“… what he calls “hell” than live …”': an opening mark inside an open quotation, glued
    to a word after a space, whose next two marks both close (its own, then the outer one)."""
    if not (text[i - 1 : i].isspace() and text[after : after + 1].isalnum()):
        return False
    following = [m.group() for m in itertools.islice(DOUBLE_MARK.finditer(text, after, hi), 2)]
    return len(following) == 2 and all(c in DOUBLE_CLOSE or c == "’’" for c in following)


# '"…," Jones said. It was never about the opponent. I'm happy."': the tag after a closed
# quotation, then words up to a closing mark that ends the paragraph with nothing open.
_TAG_THEN_WORDS = re.compile(r"\s{1,3}([A-Z][^.!?\"“”\n]{1,50}[.])\s{1,3}(?=[A-Z])")


def _opener_lost_after_tag(text: str, found: list[Marked], end: int, hi: int) -> int | None:
    """Where the opening mark was lost, for a closer with nothing open at the paragraph's
    end: right after the tag of the quotation before, when the tag speaks ("Jones said.")."""
    if not found or not found[-1].closed or text[end:hi].strip():
        return None
    tag = _TAG_THEN_WORDS.match(text, found[-1].end, end)
    if tag is None or not mentions_speech(tag[1]):
        return None
    return tag.end()


# '' is how some archives (NYT) print a double mark; ’’ a closing one typed as two singles.
DOUBLE_MARK = re.compile(r"''|’’|[\"“”«»„]")


def _scan_double(text: str, lo: int, hi: int) -> tuple[list[Marked], int | None]:
    """Scan one paragraph for double-quoted stretches; return them and an unclosed opener."""
    found: list[Marked] = []
    opened: int | None = None
    inner = False  # inside a quotation nested in the open one
    for m in DOUBLE_MARK.finditer(text, lo, hi):
        i, ch = m.start(), m.group()
        straight = ch in ('"', "''")
        if opened is not None and inner and (ch in DOUBLE_CLOSE or ch == "’’"):
            inner = False  # the nested quotation closes; the open one goes on
            continue
        if opened is not None and ch in "“«" and _nested(text, i, m.end(), hi):
            inner = True
            continue
        if opened is None:
            closer = ch in DOUBLE_CLOSE or ch == "’’"
            stray = (closer and not _next_char(text, m.end() - 1, hi).isalnum()) or (
                straight and _stray_closer(text, i, lo, hi, m.end())
            )
            if stray and (lost := _opener_lost_after_tag(text, found, m.end(), hi)) is not None:
                found.append(Marked(lost, m.end(), True))
            if stray:
                continue  # a closer with nothing open (and nothing after it)
            opened = i
            continue
        if ch in DOUBLE_OPEN and ch != "„" and not _closes_open_quote(text, i, hi):
            # the previous quote lost its closing mark; a new one starts here
            found.append(Marked(opened, len(text[:i].rstrip()), False))
            opened = i
            continue
        found.append(Marked(opened, m.end(), True))
        opened = None
    return found, opened


_SINGLE = re.compile(r"(?<![\w’'])['‘‹]([^'‘’‹›\n]{2,400}?[^\s'‘])['’›](?![\w’'])")


def _scan_single(text: str, lo: int, hi: int, taken: list[Marked]) -> list[Marked]:
    """Single-quoted stretches outside double quotes (headline style or British style)."""
    out = []
    for m in _SINGLE.finditer(text, lo, hi):
        if any(q.start <= m.start() < q.end for q in taken):
            continue
        out.append(Marked(m.start(), m.end(), True))
    return out


def paragraph_bounds(text: str) -> list[tuple[int, int]]:
    """(start, end) of each non-empty line; news text puts one paragraph on a line."""
    # Not re.finditer(r"[^\n]*\S[^\n]*"): on a long line of spaces that backtracks
    # quadratically (a 40,000-space line took 7 s).
    out, start = [], 0
    for line in text.split("\n"):
        if not line.isspace() and line:
            out.append((start, start + len(line)))
        start += len(line) + 1
    return out


def _starts_with_open_mark(text: str, lo: int) -> bool:
    return text[lo] in DOUBLE_OPEN + '"' or text.startswith("''", lo)


def scan_marked(text: str) -> list[Marked]:
    """All quoted stretches in reading order; a quote left open at a paragraph's end
    continues when the next paragraph opens with a mark (the newspaper convention)."""
    paras = paragraph_bounds(text)
    result: list[Marked] = []
    carry: int | None = None  # start of a quote continuing from the previous paragraph
    for n, (lo, hi) in enumerate(paras):
        found, opened = _scan_double(text, lo, hi)
        if carry is not None:
            if found and found[0].start == lo:
                first = found[0]
                found[0] = Marked(carry, first.end, first.closed)
            elif opened == lo and not found:
                opened = carry
            else:
                result.append(Marked(carry, paras[n - 1][1], False))
        carry = None
        result.extend(found)
        if opened is not None:
            nxt = paras[n + 1][0] if n + 1 < len(paras) else None
            if nxt is not None and _starts_with_open_mark(text, nxt):
                carry = opened
            else:
                result.append(Marked(opened, hi, False))
        result.extend(_scan_single(text, lo, hi, found))
    if carry is not None:
        result.append(Marked(carry, paras[-1][1], False))
    return sorted((part for q in result for part in _split_at_tag(text, q)), key=lambda m: m.start)


# A tag typed inside the marks when a closing mark was lost: '"The other side keeps moving
# the goalposts, said Taher al-Nunu, an adviser to the group. We accepted it."'.
_NAME = r"[A-Z][\w'’.-]*(?:\s(?:(?:al|el|bin|de|van|von)[\s-])?[A-Z][\w'’.-]*){1,3}"
# (or closed with a single mark: '“We want good decisions,’ Hinderks added.')
INNER_TAG = re.compile(
    r",['’]?\s(?:said|says|added|adds)\s" + _NAME + r"(?:,\s[a-z][^.!?\"“”]{2,90})?[.]\s"
    r"|,['’]?\s" + _NAME + r"\s(?:said|says|added|adds)[.](?:\s|$)"
    r"|,['’]\s[A-Z][\w'’.-]+\s(?:said|says|added|adds)[.](?:\s|$)"
)


# A nickname printed inside a name: 'Rep. Robert C. "Bobby" Scott', 'Ana “The Hammer” Sousa':
# a given name (and an initial), one to three capitalised words in marks, a family name.
NICKNAMED = re.compile(
    r"(?<![\w.’'])([A-Z][a-z][\w’'-]*(?:\s[A-Z]\.)?)\s[\"“]"
    r"([A-Z][\w’'.-]*(?:\s[A-Z][\w’'.-]*){0,2})[\"”]\s([A-Z][a-z][\w’'-]*)(?![\w-])"
)


def is_nickname(text: str, q: Marked) -> bool:
    """The marks of a nickname inside a name: part of the name, not a quotation."""
    line_start = text.rfind("\n", 0, q.start) + 1
    return any(
        m.start(2) == q.start + 1 and m.end(2) == q.end - 1
        for m in NICKNAMED.finditer(text, max(line_start, q.start - 40), q.end + 40)
    )


def _split_at_tag(text: str, q: Marked) -> list[Marked]:
    """The stretch as two, the words before a tag typed inside it and those after."""
    if text[q.start] not in DOUBLE_OPEN + '"':
        return [q]
    tag = INNER_TAG.search(text, q.start, q.end)
    if tag is None:
        return [q]
    end = tag.start() + 1 + (text[tag.start() + 1] in "'’")
    before = Marked(q.start, end, False)  # up to the comma (and a stray mark), as if closed
    rest = text[tag.end() : q.end].strip(" \n'\"“”")
    if not rest:
        return [before]
    start = tag.end()
    while text[start].isspace():
        start += 1  # (past the paragraph break a quotation carried over)
    return [before, Marked(start, q.end, q.closed)]
