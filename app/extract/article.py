"""The parser's single entry point: article text in, attributed quotes out. No DB here."""

import datetime
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from app.extract.attribute import finalise
from app.extract.metadata import find_date, find_outlet
from app.extract.speakers.coreference import Resolver
from app.extract.speakers.gender import is_first_name
from app.extract.speakers.officials import Officials
from app.extract.speakers.places import city_country
from app.extract.speakers.registry import Registry
from app.extract.speakers.salience import Layout
from app.extract.speakers.typing import PERSON, is_outlet
from app.extract.speech.candidates import (
    Candidate,
    floating_candidates,
    is_statement,
    sentence_candidates,
)
from app.extract.speech.cues import Cue
from app.extract.speech.parse_tokens import OPENING_MARKS
from app.extract.speech.posts import post_candidates
from app.extract.speech.pull_quotes import pull_quote_candidates
from app.extract.speech.turns import Known, find_turns, in_their_turn, turn_candidates
from app.extract.text.boilerplate import paragraphs
from app.extract.text.marks import Marked, is_nickname, scan_marked
from app.extract.text.parse import parse_sentences
from app.extract.text.sentences import Sentence, split_sentences
from app.extract.text.wrapping import unwrap
from app.extract.topics import Taxonomy, load_taxonomy
from app.extract.verbs import mentions_speech


@dataclass(frozen=True)
class ExtractedQuote:
    text: str  # == article_text[start:end]
    start: int
    end: int
    kind: str  # "direct" | "indirect" | "mixed"
    speaker: str | None  # canonical speaker name; None = unknown
    speaker_mention: str | None  # the speaker as printed near the quote
    speaker_country: str | None  # ISO 3166-1 alpha-2
    speaker_role: str | None
    cue: str | None
    topics: tuple[str, ...]
    confidence: float
    sentence_start: int
    sentence_end: int
    speaker_type: str | None = None  # person | organisation | group | outlet | place
    via: str | None = None  # the outlet or document the words came through ("CTV News")
    evidence: str = "none"  # how the speaker was found: name, pronoun, description, …
    # Where the words naming the speaker are printed ("he", "the minister", "Ana Lima"): this
    # quote's own mention, or the one its speaker was carried on from; None when the speaker
    # was chosen from the passage alone, or nobody was.
    speaker_start: int | None = None
    speaker_end: int | None = None
    # The speaker is printed by a given name alone ("Her husband, Tom,"): the name tells who
    # only within this article, so the store never files another article's Tom with them.
    named_alone: bool = False


@dataclass(frozen=True)
class ExtractedArticle:
    text: str
    title: str | None
    outlet: str | None
    date: datetime.date | None
    quotes: tuple[ExtractedQuote, ...]


@dataclass(frozen=True)
class Resources:
    officials: Officials
    taxonomy: Taxonomy


@lru_cache(maxsize=4)
def load_resources(officials: Path | None = None, taxonomy: Path | None = None) -> Resources:
    """Officials and taxonomy data files, loaded once per process for each pair of paths."""
    return Resources(Officials.load(officials), load_taxonomy(taxonomy))


def _colon_intro(
    text: str, sent: Sentence, cues, cands: list[Candidate], base, quote_follows: bool
) -> Candidate | None:
    """'The New York Times reports:' introduces the quotation that follows; so does 'Sam Lau,
    the party's spokesman, said in a statement.' (a speech verb with nothing said after it)
    when the next sentence opens with a quotation (`quote_follows`, see _said_before)."""
    if cands:
        return None
    colon = text[sent.start : sent.end].rstrip().endswith(":")
    for cue in cues:
        if cue.speaker is None or cue.kind != "verb":
            continue
        opens = cue.speaker.left_edge.i == 0  # the sentence opens with its speaker
        said_nothing = opens and not cue.content and cue.token.dep_ == "ROOT"
        # ('"College Bowl," he replied. "It's …"': or with a few quoted words its tag names)
        tags = _opens_quote(text, sent.start)
        if colon or (quote_follows and (said_nothing or tags)):
            return Candidate(
                sent.end,
                sent.end,
                "direct",
                cue.text,
                cue.mention(base),
                sent,
                "colon",
                None,
            )
    return None


def _said_before(text: str, sents: list[Sentence], n: int, marks: list[Marked]) -> bool:
    """The next sentence opens with a quotation, and sentence n has none of its own and is
    not the tag of one just closed ('“Grizzly Adams?” Maddow repeated.')."""
    if marks or n + 1 >= len(sents) or text[sents[n + 1].start] not in OPENING_MARKS:
        return False
    before = text[text.rfind("\n", 0, sents[n].start) + 1 : sents[n].start].rstrip()
    return not before.endswith(("”", '"', "’", "»"))


def _short_quote_tagged(text: str, sents: list[Sentence], n: int, marks: list[Marked]) -> bool:
    """'"College Bowl," he replied. "It's a higher-end version …"': sentence n tags a
    quotation too short to count, and the next, in the same paragraph, opens with the words
    it goes on with."""
    if not marks or n + 1 >= len(sents) or not _opens_quote(text, sents[n + 1].start):
        return False
    if "\n" in text[sents[n].start : sents[n + 1].start] or not _opens_quote(text, sents[n].start):
        return False
    return not any(is_statement(text, q) for q in marks)


def _opens_quote(text: str, pos: int) -> bool:
    """A quotation mark opens at `pos` (two apostrophes in papers that print them so)."""
    return text[pos] in OPENING_MARKS or text.startswith("''", pos)


# A question that asks whether something was said reports nobody's words.
_YES_NO_QUESTION = re.compile(
    r"(?:(?:Q|Question)\s?[:.-]\s*)?"
    r"(?:Do|Does|Did|Will|Would|Can|Could|Should|Is|Are|Was|Were|Has|Have|Had)(?:n['’]t)?\s"
)


def _yes_no_question(text: str, sent: Sentence) -> bool:
    words = text[sent.start : sent.end].strip()
    return words.endswith("?") and bool(_YES_NO_QUESTION.match(words))


def find_candidates(text: str, sents: list[Sentence], marks: list[Marked]) -> list[Candidate]:
    """Quote candidates of every sentence, in reading order."""
    by_sentence = [[q for q in marks if s.start <= q.start < s.end] for s in sents]
    wanted = [n for n, s in enumerate(sents) if mentions_speech(text, s.start, s.end)]
    spans = [(sents[n].start, sents[n].end) for n in wanted]
    parsed = {
        n: p
        for n, p in zip(wanted, parse_sentences(text, spans, marks), strict=True)
        if p is not None
    }
    out: list[Candidate] = []
    intro: Candidate | None = None
    for n, sent in enumerate(sents):
        cands: list[Candidate] = []
        cues: list[Cue] = []
        if n in parsed:
            cands, cues = sentence_candidates(text, parsed[n], sent, by_sentence[n])
            if _yes_no_question(text, sent):  # "Did the minister say taxes would rise?"
                cands = [c for c in cands if c.kind == "direct"]
        if not cues:
            cands = floating_candidates(text, sent, by_sentence[n], intro)
        out.extend(cands)
        follows = _said_before(text, sents, n, by_sentence[n]) or _short_quote_tagged(
            text, sents, n, by_sentence[n]
        )
        intro = _colon_intro(text, sent, cues, cands, parsed[n].to_text, follows) if cues else None
    return out


def _what_labels_name(registry: Registry, officials: Officials) -> Known:
    """A transcript label's words: a person the article names, an outlet, a place."""

    def is_person(name: str, pos: int) -> bool:
        entity = registry.find(name, pos)
        return entity is not None and entity.kind == PERSON

    def is_place(name: str) -> bool:
        return name in officials.country_words or city_country(name) is not None

    def full_name(surname: str) -> str | None:
        pattern = rf"(?<![\w.])([A-Z][a-z]{{1,20}})\s((?:[A-Z]\.\s)?{re.escape(surname)})(?![\w])"
        for m in re.finditer(pattern, registry.text):
            if is_first_name(m.group(1)):
                return f"{m.group(1)} {m.group(2)}"
        return None

    return Known(is_person, lambda label: is_outlet(label, officials), is_place, full_name)


def extract_article(text: str, resources: Resources | None = None) -> ExtractedArticle:
    """Title, outlet, date and attributed quotes of one article's text."""
    res = resources or load_resources()
    text = unwrap(text)
    paras, title_idx = paragraphs(text)
    lines = [text[p.start : p.end] for p in paras]
    body = [(p.start, p.end) for p in paras if p.body]
    marks = [
        q
        for q in scan_marked(text)
        if any(a <= q.start < b for a, b in body) and not is_nickname(text, q)
    ]
    sents = split_sentences(text, paras, marks)
    candidates = find_candidates(text, sents, marks)
    if posts := post_candidates(text, paras) + pull_quote_candidates(text, paras):
        candidates = sorted(candidates + posts, key=lambda c: c.start)
    named = [(p.start, p.end) for n, p in enumerate(paras) if p.body or p.caption or n == title_idx]
    layout = Layout(text, [s.start for s in sents], [(q.start, q.end) for q in marks])
    registry = Registry(text, named, res.officials, layout)
    if turns := find_turns(text, paras, _what_labels_name(registry, res.officials)):
        kept = in_their_turn(candidates, turns)
        candidates = sorted(
            kept + turn_candidates(text, turns, sents, kept),
            key=lambda c: c.start,
        )
    resolver = Resolver(registry, res.officials)
    quotes = finalise(text, candidates, resolver, res, paras)
    return ExtractedArticle(
        text=text,
        title=lines[title_idx].strip() if title_idx is not None else None,
        outlet=find_outlet(lines),
        date=find_date(lines),
        quotes=tuple(ExtractedQuote(**q) for q in quotes),
    )


def article_json(article_id: str, path: str, art: ExtractedArticle) -> dict:
    """One line of `diplomat extract --format jsonl` (the format eval/score.py reads).

    Offsets index `article_text`, as in the gold files: for a plain-text file that is the
    file itself, for HTML or Markdown the prose read out of it."""
    return {
        "id": article_id,
        "path": path,
        "title": art.title,
        "outlet": art.outlet,
        "date": art.date.isoformat() if art.date else None,
        "article_text": art.text,
        "quotes": [
            {
                "text": q.text,
                "start": q.start,
                "end": q.end,
                "kind": q.kind,
                "speaker": q.speaker,
                "speaker_type": q.speaker_type,
                "via": q.via,
                "speaker_country": q.speaker_country,
                "cue": q.cue,
                "topics": list(q.topics),
                "confidence": q.confidence,
                "speaker_start": q.speaker_start,
                "speaker_end": q.speaker_end,
            }
            for q in art.quotes
        ],
    }
