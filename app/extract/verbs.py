"""Speech-cue lexicon: the verbs that introduce reported speech, listed by lemma (a leaf module:
the text, speech and speakers packages all read it).

Every inflected form ("warns", "warned", "warning") is generated from the lemma, so adding a
verb adds all its forms to the sentence prefilter and to the lemma lookup at once.
"""

import re
from functools import lru_cache

# Verbs whose clause complement is reported speech ("X warned that ...").
SPEECH_VERBS = frozenset(
    """say tell add note warn insist urge stress acknowledge deny claim write argue assert affirm
    declare state explain announce report respond reply answer ask suggest mention indicate
    emphasize emphasise underline underscore recall remind reiterate repeat assure concede admit
    confirm complain lament predict promise pledge vow threaten allege contend maintain observe
    comment conclude continue tweet post testify recount reveal disclose hint boast joke quip
    counter retort inform advise recommend caution demand propose appeal call describe cite
    agree highlight signal stipulate specify speculate muse charge accuse concur protest
    fume scoff shout yell tout elaborate clarify brief guarantee proclaim posit reassure remark
    relate recollect interject ensure echo scold chant exclaim plead brag marvel grumble
    whisper mutter believe convey reaffirm""".split()
)
# Not cues: estimates, forecasts and rulings ("it estimates", "the judge ruled") report what
# someone computed or decided, not what they said. "believe" stays, for named people only
# (cues.OPINION_VERBS): news reports a named person's stated belief as their view.
# Verbs whose to-infinitive complement is the speech content ("urged Russia to make peace").
# Requests only: "promised to meet" or "vowed to fight" is an intention, not a quote.
INFINITIVE_VERBS = frozenset(
    """urge ask call appeal encourage demand tell warn advise implore press invite instruct
    order request beg remind""".split()
)
# Verbs whose gerund complement is the content ("denied being involved").
GERUND_VERBS = frozenset("deny suggest admit propose recommend acknowledge".split())
# Verbs that are cues only with a particle ("pointed out that"); see parse_tokens.PARTICLE_VERBS.
PARTICLE_LEMMAS = frozenset({"point"})
# Verbs only counted as cues next to quotation marks ("…," he continued).
QUOTE_ONLY_VERBS = frozenset("continue begin start go".split())
# Verbs that are cues only with a content clause, never bare ("he called" is not speech).
CLAUSE_ONLY = frozenset("call cite describe question wonder convey".split())
# Verbs that judge a thing by naming it: cues only for a quoted name ("dismissed the plan as
# 'a publicity stunt'", "branded him 'a traitor'"), the speaker's own words.
NAMING_ONLY = frozenset(
    "dismiss reject brand label dub characterize characterise denounce hail condemn decry".split()
)
# Nouns and other words whose lemma the cue finder asks for.
OTHER_WORDS = frozenset(
    "name identify quote statement report release letter filing interview document "
    "announcement transcript tweet memo post".split()
)

IRREGULAR = {
    "say": ("said", "says"),
    "tell": ("told",),
    "write": ("wrote", "written"),
    "begin": ("began", "begun"),
    "speak": ("spoke", "spoken"),
    "swear": ("swore", "sworn"),
    "go": ("went", "gone", "goes"),
    "forecast": ("forecast",),
    "read": ("read",),
}
VOWELS = "aeiou"


def inflections(lemma: str) -> set[str]:
    """The lemma's regular forms (-s, -ed, -ing, with y->ie, silent e and a doubled final
    consonant) plus its irregular ones. Over-generation is harmless: forms are only looked up."""
    forms = {lemma, *IRREGULAR.get(lemma, ())}
    if lemma.endswith("y") and lemma[-2:-1] not in VOWELS:
        forms |= {lemma[:-1] + "ies", lemma[:-1] + "ied", lemma + "ing"}
    elif lemma.endswith("e"):
        forms |= {lemma + "s", lemma + "d", lemma[:-1] + "ing"}
    else:
        plural = "es" if lemma.endswith(("s", "sh", "ch", "x", "z", "o")) else "s"
        forms |= {lemma + plural, lemma + "ed", lemma + "ing"}
        if (
            lemma[-1] not in VOWELS + "wxy"
            and lemma[-2:-1] in VOWELS
            and (lemma[-3:-2] not in VOWELS or lemma[-4:-2] == "qu")  # "quipped"
        ):
            forms |= {lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"}  # admitted, signalled
    return forms


CUE_LEMMAS = (
    SPEECH_VERBS
    | INFINITIVE_VERBS
    | GERUND_VERBS
    | QUOTE_ONLY_VERBS
    | PARTICLE_LEMMAS
    | NAMING_ONLY
)


def _form_table(lemmas: frozenset[str]) -> dict[str, str]:
    table: dict[str, str] = {}
    for word in sorted(lemmas):
        for form in inflections(word):
            table.setdefault(form, word)
    for word in sorted(lemmas):
        table[word] = word  # a lemma is its own lemma even where another verb's form collides
    return table


FORMS = _form_table(CUE_LEMMAS | OTHER_WORDS)

# Sentences worth parsing: a speech verb in any form, "according to", or 'For X, "…'. The
# quote-only verbs are left out: "go" and "start" are too common to be worth a parse.
PREFILTER_LEMMAS = (
    SPEECH_VERBS | INFINITIVE_VERBS | GERUND_VERBS | PARTICLE_LEMMAS | {"continue"}
) - {"go"}
# Verbs far more often printed as nouns ("the state", "press reports", "his comments"): only
# their past and -ing forms mark a sentence worth parsing.
MOSTLY_NOUNS = frozenset(
    """state press post request charge protest appeal remark comment tweet claim call report
    question order brief signal counter answer demand promise threat note point""".split()
)


def _prefilter_forms() -> list[str]:
    forms = []
    for form, lem in FORMS.items():
        if lem not in PREFILTER_LEMMAS:
            continue
        if (
            lem in MOSTLY_NOUNS
            and not form.endswith(("ed", "ing"))
            and form not in IRREGULAR.get(lem, ())
        ):
            continue
        forms.append(form)
    return sorted(forms, key=len, reverse=True)


SPEECH_FORMS = frozenset(_prefilter_forms())  # "said", "warns", "telling", … (not "state")
NAMING_FORMS = frozenset(f for f, lem in FORMS.items() if lem in NAMING_ONLY)
CALL_FORMS = frozenset(("call", "calls"))
_QUOTE_MARK = re.compile('["“”«»]')
# "claims that", "states that": before a that-clause those forms are verbs often enough.
NOUNLIKE_FORMS = (
    frozenset(f for f, lem in FORMS.items() if lem in MOSTLY_NOUNS and lem in PREFILTER_LEMMAS)
    - SPEECH_FORMS
)
_WORDS = re.compile(r"[A-Za-z]+")
_LAST_WORD = re.compile(r"[.!?]")
# Verbs that are retorts with "back": "shot back that …", "fired back", "hit back at".
BACK_FORMS = frozenset("fired fires firing shot shoots shooting hit hits hitting".split())
# 'For the minister, "…"': a viewpoint that introduces a quotation.
_VIEWPOINT = re.compile(r"\b[Ff]or [^,.\"“”]{2,60}, [\"“«‘]|\bIn (?:his|her|their|the) words\b")


READ_FORMS = frozenset(("reading", "read", "reads"))  # words on a sign or a statement


def mentions_speech(text: str, start: int = 0, end: int | None = None) -> bool:
    """Whether text[start:end] is worth parsing: a speech verb in any form, "according to",
    or a viewpoint opening a quotation. A set lookup per word, cheaper than one big regex."""
    end = len(text) if end is None else end
    prev = ""
    for m in _WORDS.finditer(text, start, end):
        word = m.group().lower()
        if word in SPEECH_FORMS or word == "according":
            return True
        if word == "per" and (m.start() == start or text[m.start() - 2 : m.start()] == ", "):
            return True  # "…, per a European diplomat, …" (not "5 per cent")
        if word == "that" and prev in NOUNLIKE_FORMS:
            return True
        if word in NOUNLIKE_FORMS and _LAST_WORD.match(text, m.end(), end):
            if _QUOTE_MARK.search(text, start, m.start()):  # '"…," the narrator states.'
                return True
        if word in NOUNLIKE_FORMS and text.startswith(":", m.end()):  # "The Times reports:"
            return True
        if word == "it" and prev in ("put", "puts"):  # "as one official put it"
            return True
        if word == "on" and prev in ("went", "goes"):  # '"…," she went on'
            return True
        if word == "for" and prev in CALL_FORMS:  # "he did call for a full inquiry"
            return True
        if word == "back" and prev in BACK_FORMS:  # "Carney shot back that …"
            return True
        if (word in NAMING_FORMS or word in CALL_FORMS) and _QUOTE_MARK.search(text, start, end):
            return True  # 'calls Lowe "a conviction candidate"': "calls" is mostly a noun
        if word in READ_FORMS and _QUOTE_MARK.match(text, m.end() + 1):  # 'a sign reading "…"'
            return True
        prev = word
    return _VIEWPOINT.search(text, start, end) is not None


@lru_cache(maxsize=4096)
def lemma(word: str) -> str:
    """Base form of a word from the cue lexicon ('warned' -> 'warn', 'denies' -> 'deny');
    other words come back lowercased. Cheaper than running spaCy's lemmatizer."""
    word = word.lower()
    return FORMS.get(word, word)
