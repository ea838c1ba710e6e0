"""A closing tag the model misread: '"…," the narrator states.' tags "states" a plural
noun (the sentence's root, or the object of "in" in '"…," a voice-over in the ad states.'),
and '"…," the 31-year-old said.' leaves "said" without a subject. The speech modules
take it for the verb, and the speakers modules the words before it for the whole speaker
phrase."""

from spacy.tokens import Doc, Token

QUOTE_MARKS = frozenset('"“«‘”»’')
# Speech verbs the model may tag as plural nouns when they end a sentence: '"…," the
# narrator states.', '"…," a voice-over in the ad states.'
TAG_VERBS_READ_AS_NOUNS = frozenset(
    "states notes adds writes explains argues insists warns claims declares asserts".split()
)
MISREAD_TAG_WORDS = 8  # most words between the closing mark and such a verb


def misread_closing_tag(tok: Token) -> int | None:
    """Where the speaker phrase of a closing tag starts when its verb, the sentence's last
    word, was read as a noun ('"…," the narrator states.'): right after the closing mark,
    itself after a comma; None when the token is no such verb."""
    doc = tok.doc
    read_as_noun = tok.tag_ == "NNS" and tok.lower_ in TAG_VERBS_READ_AS_NOUNS
    if not read_as_noun and not _subject_hung_on_the_verb(tok):
        return None
    rest = doc[tok.i + 1 : tok.sent.end]
    if any(not t.is_punct for t in rest):
        return None
    for n in range(tok.i - 1, max(1, tok.i - MISREAD_TAG_WORDS - 1), -1):
        if doc[n].text in QUOTE_MARKS:
            words = doc[n + 1 : tok.i]
            verbless = all(t.pos_ not in ("VERB", "AUX") and t.text not in ",;:" for t in words)
            closed = doc[n - 1].text in TAG_ENDINGS
            return n + 1 if words and verbless and closed else None
    return None


# What a quotation closing before its tag ends on: '"…," she said', '"…?" he asked', '"…
# different people…" she said'.
TAG_ENDINGS = (",", "?", "!", "…", "...")


def closes_before_a_tag(doc: Doc, at: int) -> bool:
    """doc[at] is a closing quotation mark after a quotation that goes on to its tag."""
    return at > 0 and doc[at].tag_ == "''" and doc[at - 1].text in TAG_ENDINGS


def _subject_hung_on_the_verb(tok: Token) -> bool:
    """'"…," the 31-year-old said.', parsed with "the" and "old" hung on "said" and no
    subject: a determiner on a verb is the subject's, misread."""
    return (
        tok.lower_ in SAID_FORMS
        and not any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children)
        and any(c.dep_ == "det" and c.i < tok.i for c in tok.children)
    )


SAID_FORMS = frozenset("said says added adds told tells".split())


def tag_read_as_modifier(tok: Token) -> bool:
    """'"…," tweeted Rubio spokesman Alex Conant.', parsed with the verb of the inverted tag
    describing the noun after it: a past tense right after the quotation's closing mark
    (the speech modules take it for the verb, the speakers modules leave it out of the
    speaker's words)."""
    doc = tok.doc
    if tok.dep_ != "amod" or tok.tag_ != "VBD" or tok.head.i < tok.i or tok.i < 2:
        return False
    if doc[tok.i - 1].text not in ('"', "”", "''") or doc[tok.i - 2].text not in TAG_ENDINGS:
        return False
    # (not '"…," retired general Lloyd Newton said': an adjective, the verb after the name)
    return phrase_head(tok).dep_ not in ("nsubj", "nsubjpass")


def phrase_head(tok: Token) -> Token:
    """The head of the noun phrase a modifier or a compound part belongs to ("Conant" for
    "tweeted" in "tweeted Rubio spokesman Alex Conant")."""
    named = tok.head
    while named.dep_ in ("compound", "amod") and named.head.i > named.i:
        named = named.head
    return named
