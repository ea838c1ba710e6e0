"""Why an extraction error happened, so `diplomat eval --show-errors` can count them by cause:
a speaker left unknown, a wrong person found through a pronoun, a description, inheritance or
the cue's own subject, a channel taken for the speaker; a quote missed with its cue; a spurious
quote by kind."""

from collections import Counter

from app.extract.verbs import lemma

WRONG_VIA = {
    "pronoun": "wrong person via pronoun",
    "description": "wrong person via description",
    "inherited": "wrong person via inherited speaker",
    "salience": "wrong person via inherited speaker",
    "interview": "wrong person via inherited speaker",
    "transcript": "wrong person via transcript label",
    "name": "wrong person via cue subject",
    "group": "wrong person via cue subject",
    "document": "wrong speaker via document or channel",
}


def misattributed(pred: dict) -> str:
    """The cause of a matched quote's wrong speaker."""
    if not pred.get("speaker"):
        return "speaker unknown"
    if pred.get("speaker_type") == "outlet" or pred.get("via"):
        return "wrong speaker via document or channel"
    return WRONG_VIA.get(pred.get("evidence") or "", "wrong person, other")


def _cue_lemma(cue: str | None) -> str | None:
    if not cue:
        return None
    words = cue.lower().split()
    if words[:1] == ["according"]:
        return "according"
    return lemma(words[-1]) if words else None


def missed(gold: dict) -> str:
    """A gold quote nothing matched, by its kind and its cue's lemma."""
    cue = _cue_lemma(gold.get("cue"))
    kind = gold.get("kind") or ("direct" if gold.get("has_quote_marks") else "indirect")
    return f"missed {kind}, " + (f"cue '{cue}'" if cue else "no cue")


def spurious(pred: dict) -> str:
    """A quote the gold does not have, by its kind and its cue's lemma."""
    cue = _cue_lemma(pred.get("cue"))
    return f"spurious {pred.get('kind', '?')}, " + (f"cue '{cue}'" if cue else "no cue")


def counted(errors: list[dict]) -> list[tuple[str, int]]:
    """(cause, count), most frequent first."""
    return Counter(e["cause"] for e in errors).most_common()
