"""From candidates to final quotes: resolve speakers, drop duplicates, let floating quotes
inherit their passage's speaker, score confidence and tag topics."""

import re
from dataclasses import dataclass, replace

from app.extract.speakers.antecedents import UNKNOWN, Resolved, margin, ranked
from app.extract.speakers.confidence import confidence_for
from app.extract.speakers.coreference import Resolver
from app.extract.speakers.lexicon import DOCUMENT_NOUNS
from app.extract.speakers.salience import ROLE_WEIGHT, SUBJECT
from app.extract.speakers.typing import ORGANISATION, PERSON
from app.extract.speech.candidates import Candidate
from app.extract.speech.turns import label_mention
from app.extract.text.boilerplate import Paragraph
from app.extract.topics import topics_for

PRIORITY = {
    "adjacent": 0,
    "clause": 0,
    "signed": 1,
    "colon": 1,
    "according": 2,
    "floating": 3,
    "turn": 3,
    "post": 1,
}
INHERIT_GAP_PARAS = 1  # a floating quote inherits only from this many paragraphs back
INHERITED_SHARE = 0.98  # an inherited speaker is a little less sure than its parent
DISCOURSE_MIN = 0.25  # salience a floating quote's speaker needs when nothing is inherited


@dataclass
class Attributed:
    cand: Candidate
    res: Resolved
    confidence: float
    named_at: tuple[int, int] | None = None  # the mention of the speaker this quote rests on


def _overlap(a: Candidate, b: Candidate) -> float:
    inter = min(a.end, b.end) - max(a.start, b.start)
    return max(0, inter) / max(1, min(a.end - a.start, b.end - b.start))


def _dedupe(cands: list[Candidate]) -> list[Candidate]:
    """Where two candidates cover the same words keep the better-founded one."""
    ranked_cands = sorted(cands, key=lambda c: (PRIORITY[c.how], c.start))
    kept: list[Candidate] = []
    for cand in ranked_cands:
        # a post is its author's words whole, and a report inside it a quote of its own
        same = [k for k in kept if _overlap(k, cand) > 0.5 and "post" not in (k.how, cand.how)]
        if not same:
            kept.append(cand)
        elif (document := _document_of(cand)) and same[0].via is None:
            # "Lee told Wang that …, according to a British readout": Lee's words, through it
            kept[kept.index(same[0])] = replace(same[0], via=document)
    return sorted(kept, key=lambda c: c.start)


def _document_of(cand: Candidate) -> str | None:
    """The document an 'according to' candidate names ("a British readout of the meeting")."""
    mention = cand.mention
    if cand.how != "according" or mention is None or mention.head not in DOCUMENT_NOUNS:
        return None
    return mention.head


def _paragraph_of(paras: list[Paragraph], pos: int) -> int:
    for n, p in enumerate(paras):
        if p.start <= pos < p.end:
            return n
    return -1


def _newcomer(resolver: Resolver, prev: Attributed, pos: int) -> bool:
    """Someone else became the subject between the previous quote and this one: 'Ann Lee,
    a nurse, came too. "…"' starts Ann's words, not the previous speaker's."""
    lo = prev.cand.end
    bodies = resolver.unnamed(ORGANISATION)  # "Pakistan's foreign office also weighed in."
    for e in resolver.registry.of_kind({PERSON}) + bodies:
        if e.name == prev.res.speaker:
            continue
        if any(lo <= p < pos and w >= ROLE_WEIGHT[SUBJECT] for p, w in e.events):
            return True
    return False


def _inherit(
    cand: Candidate, prev: Attributed | None, resolver: Resolver, paras: list[Paragraph]
) -> tuple[Resolved, float | None]:
    """A quote without a cue: the previous quote's speaker in the same passage, unless someone
    new was introduced since; else whoever the passage is about. Returns the resolution and,
    when inherited, the parent's confidence."""
    if prev is not None and prev.res.speaker is not None:
        gap = _paragraph_of(paras, cand.start) - _paragraph_of(paras, prev.cand.end - 1)
        if gap <= INHERIT_GAP_PARAS and not _newcomer(resolver, prev, cand.start):
            return replace(prev.res, evidence="inherited"), prev.confidence
    if (answer := _interviewee(cand, resolver, paras)) is not None:
        return answer, None
    pool = resolver.registry.of_kind({PERSON, ORGANISATION}) + list(resolver.groups.values())
    scored = ranked(pool, cand.start, resolver.layout, (cand.start, cand.end))
    if not scored or scored[0][0] < DISCOURSE_MIN:
        return UNKNOWN, None
    best = scored[0][1]
    share = margin(scored)
    res = Resolved(
        best.name,
        best.country,
        best.title,
        confidence_for("salience", share),
        best.kind,
        "salience",
        best,
        basis="salience",
    )
    return res, None


ANSWER = re.compile(r"(?:A|Answer)\s{0,3}[:.—–-]\s")
QUESTION = re.compile(r"(?:Q|Question)\s{0,3}[:.—–-]\s")


def _interviewee(cand: Candidate, resolver: Resolver, paras: list[Paragraph]) -> Resolved | None:
    """'Q: … / A: "…"': an interview's answer is the words of the person interviewed, the
    first person the article's first body paragraph names."""
    text = resolver.registry.text
    n = _paragraph_of(paras, cand.start)
    label = cand.turn.label_start if cand.turn is not None else paras[n].start if n >= 0 else -1
    if n < 0 or not ANSWER.match(text, label):
        return None
    if cand.turn is None and not any(QUESTION.match(text, p.start) for p in paras[:n]):
        return None  # (a transcript's turns were found to take turns already)
    lede = next((p for p in paras if p.body), None)
    if lede is None:
        return None
    named = [
        (min(at for at in e.positions if lede.start <= at < lede.end), e)
        for e in resolver.registry.of_kind({PERSON})
        if any(lede.start <= at < lede.end for at in e.positions)
    ]
    if not named:
        return None
    e = min(named, key=lambda pair: pair[0])[1]
    basis = "named-next"
    return Resolved(
        e.name, e.country, e.title, confidence_for(basis), PERSON, "interview", e, basis=basis
    )


def _turn_speaker(cand: Candidate, resolver: Resolver, paras: list[Paragraph]) -> Resolved:
    """The speaker a transcript turn's label names ("MR LEE:"), or the interviewee ("A:")."""
    assert cand.turn is not None
    label = label_mention(cand.turn)
    if label is None:
        return _interviewee(cand, resolver, paras) or UNKNOWN
    return replace(resolver.resolve(label, (cand.start, cand.end)), evidence="transcript")


def finalise(
    text: str, cands: list[Candidate], resolver: Resolver, res, paras: list[Paragraph]
) -> list[dict]:
    """Final quote records (ExtractedQuote fields) in reading order."""
    out: list[dict] = []
    prev: Attributed | None = None
    kept = _dedupe(cands)
    quoted = {c.sentence.start for c in kept}
    for cand in kept:
        parent = None
        named_at = None
        resolver.notice_subjects(cand.sentence.start, quoted)
        if cand.turn is not None:  # a transcript's: its label says who
            r = _turn_speaker(cand, resolver, paras)
            named_at = (cand.mention.start, cand.mention.end) if cand.mention else None
        elif cand.mention is not None:
            r = resolver.resolve(cand.mention, (cand.start, cand.end))
            named_at = (cand.mention.start, cand.mention.end)
        else:  # floating, or a cue without a subject ("during the conference said that…")
            r, parent = _inherit(cand, prev, resolver, paras)
            if parent is not None and prev is not None:
                named_at = prev.named_at
        if cand.via and r.via is None:
            r = replace(r, via=cand.via)
        at = cand.cue_pos if cand.cue_pos is not None else cand.start
        resolver.remember(at, r, (cand.start, cand.end))
        conf = parent * INHERITED_SHARE if parent is not None else r.certainty
        conf = round(min(1.0, max(0.0, conf)), 3)
        para = paras[_paragraph_of(paras, cand.start)]
        quote_text = text[cand.start : cand.end]
        out.append(
            dict(
                text=quote_text,
                start=cand.start,
                end=cand.end,
                kind=cand.kind,
                speaker=r.speaker,
                speaker_mention=cand.mention.text if cand.mention else None,
                speaker_country=r.country,
                speaker_role=r.role,
                speaker_type=r.kind if r.speaker else None,
                via=r.via,
                evidence=r.evidence,
                cue=cand.cue,
                topics=topics_for(quote_text, text[para.start : para.end], res.taxonomy),
                confidence=conf,
                sentence_start=cand.sentence.start,
                sentence_end=cand.sentence.end,
                speaker_start=named_at[0] if named_at and r.speaker else None,
                speaker_end=named_at[1] if named_at and r.speaker else None,
                named_alone=bool(r.speaker and r.entity is not None and r.entity.given_alone),
            )
        )
        prev = Attributed(cand, r, conf, named_at)
    pieces = [piece for q in out for piece in _by_paragraph(text, q, paras, res)]
    return _one_country_each(_repeats_credited(pieces))


CLOSING_MARKS = frozenset('"”»’')


def _by_paragraph(text: str, quote: dict, paras: list[Paragraph], res) -> list[dict]:
    """A direct quotation run on over paragraphs (each opening with a mark, the newspaper
    convention) as one quote a paragraph, all of one speaker: news cites and annotates
    quotations paragraph by paragraph."""
    start, end = quote["start"], quote["end"]
    if quote["kind"] != "direct" or "\n" not in text[start:end].strip():
        return [quote]
    if text[start:end].rstrip()[-1:] not in CLOSING_MARKS or quote["speaker_mention"] is None:
        # never closed, or tagged by nobody: a stray mark's run (a transcript, an excerpt)
        return [quote]
    pieces = []
    for para in paras:
        lo, hi = max(start, para.start), min(end, para.end)
        words = text[lo:hi]
        if not words.strip():
            continue
        lo += len(words) - len(words.lstrip())
        hi -= len(words) - len(words.rstrip())
        pieces.append(
            quote
            | dict(
                text=text[lo:hi],
                start=lo,
                end=hi,
                sentence_start=max(quote["sentence_start"], para.start),
                sentence_end=min(quote["sentence_end"], para.end),
                topics=topics_for(text[lo:hi], text[para.start : para.end], res.taxonomy),
            )
        )
    return pieces or [quote]


GUESSED = frozenset({"inherited", "salience", "none"})  # found from the passage, not a cue
REPEAT_MIN_WORDS = 6
SPEAKER_FIELDS = (
    "speaker",
    "speaker_country",
    "speaker_role",
    "speaker_type",
    "via",
    "speaker_start",
    "speaker_end",
    "named_alone",
)


def _words_of(quote: str) -> str:
    return " ".join(re.findall(r"\w+", quote.lower()))


def _one_country_each(out: list[dict]) -> list[dict]:
    """A speaker's country, once the article says it ("Sinner said …. '…,' the Italian said"),
    is theirs in every quote of the article, the ones before it too; not when two are said."""
    said: dict[str, set[str]] = {}
    for quote in out:
        if quote["speaker"] and quote["speaker_country"]:
            said.setdefault(quote["speaker"], set()).add(quote["speaker_country"])
    for quote in out:
        countries = said.get(quote["speaker"] or "", set())
        if quote["speaker_country"] is None and len(countries) == 1:
            quote["speaker_country"] = next(iter(countries))
    return out


def _repeats_credited(out: list[dict]) -> list[dict]:
    """A quotation printed again with no cue of its own (a pull quote, a recap) is the words of
    whom its cued printing names, not of whoever the passage around the repeat is about."""
    cued = [q for q in out if q["speaker"] and q["evidence"] not in GUESSED]
    for quote in out:
        words = _words_of(quote["text"])
        if quote["evidence"] not in GUESSED or len(words.split()) < REPEAT_MIN_WORDS:
            continue
        source = next((q for q in cued if q is not quote and (words in _words_of(q["text"]))), None)
        if source is not None:
            quote.update({key: source[key] for key in SPEAKER_FIELDS})
            quote.update(evidence="repeated", confidence=source["confidence"])
    return out
