"""From candidates to final quotes: resolve speakers, drop duplicates, let floating quotes
inherit their passage's speaker, score confidence and tag topics."""

from app.extract.speakers.coreference import Resolved, Resolver
from app.extract.speech.candidates import Candidate
from app.extract.text.boilerplate import Paragraph
from app.extract.topics import topics_for

# How reliable each way of finding a quote has proved (checked against the dev sets).
BASE_CONFIDENCE = {
    "adjacent": 0.95,
    "clause": 0.9,
    "colon": 0.9,
    "according": 0.85,
    "floating": 0.7,
}
PRIORITY = {"adjacent": 0, "clause": 0, "colon": 1, "according": 2, "floating": 3}
INHERIT_GAP_PARAS = 1  # a floating quote inherits only from this many paragraphs back


def _overlap(a: Candidate, b: Candidate) -> float:
    inter = min(a.end, b.end) - max(a.start, b.start)
    return max(0, inter) / max(1, min(a.end - a.start, b.end - b.start))


def _dedupe(cands: list[Candidate]) -> list[Candidate]:
    """Where two candidates cover the same words keep the better-founded one."""
    ranked = sorted(cands, key=lambda c: (PRIORITY[c.how], c.start))
    kept: list[Candidate] = []
    for cand in ranked:
        if all(_overlap(k, cand) <= 0.5 for k in kept):
            kept.append(cand)
    return sorted(kept, key=lambda c: c.start)


def _paragraph_of(paras: list[Paragraph], pos: int) -> int:
    for n, p in enumerate(paras):
        if p.start <= pos < p.end:
            return n
    return -1


def _inherit(cand: Candidate, prev: tuple | None, paras: list[Paragraph]) -> Resolved:
    """A quote without a cue belongs to the previous quote's speaker in the same passage."""
    if prev is None or prev[1].speaker is None:
        return Resolved(None, None, None, 0.3)
    gap = _paragraph_of(paras, cand.start) - _paragraph_of(paras, prev[0].end - 1)
    if gap > INHERIT_GAP_PARAS:
        return Resolved(None, None, None, 0.3)
    return Resolved(prev[1].speaker, prev[1].country, prev[1].role, 0.7)


def finalise(
    text: str, cands: list[Candidate], resolver: Resolver, res, paras: list[Paragraph]
) -> list[dict]:
    """Final quote records (ExtractedQuote fields) in reading order."""
    out, prev = [], None
    for cand in _dedupe(cands):
        if cand.mention is not None:
            r, is_person = resolver.resolve(cand.mention)
        else:  # floating, or a cue without a subject ("during the conference said that…")
            r, is_person = _inherit(cand, prev, paras), True
        resolver.remember(cand.start, r, is_person)
        para = paras[_paragraph_of(paras, cand.start)]
        quote_text = text[cand.start : cand.end]
        conf = BASE_CONFIDENCE[cand.how] * r.certainty
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
                cue=cand.cue,
                topics=topics_for(quote_text, text[para.start : para.end], res.taxonomy),
                confidence=round(min(1.0, max(0.0, conf)), 3),
                sentence_start=cand.sentence.start,
                sentence_end=cand.sentence.end,
            )
        )
        prev = (cand, r)
    return out
