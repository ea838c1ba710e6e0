"""Speech-cue lexicon: the verbs and phrases that introduce reported speech."""

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
    estimate acknowledge agree explain highlight signal stipulate specify speculate muse
    reckon charge accuse caution concur protest question wonder fume scoff shout yell tout
    acknowledge elaborate clarify brief pledge guarantee vow forecast proclaim announce posit
    maintain reassure remark relate recollect recount interject ensure believe""".split()
)
# Verbs whose to-infinitive complement is the speech content ("urged Russia to make peace").
INFINITIVE_VERBS = frozenset(
    """urge ask call appeal encourage encourge demand promise pledge vow threaten tell warn
    advise implore press invite instruct order request beg""".split()
)
# Verbs whose gerund complement is the content ("denied being involved").
GERUND_VERBS = frozenset("deny suggest admit propose recommend acknowledge".split())
# Verbs only counted as cues next to quotation marks ("…," he continued).
QUOTE_ONLY_VERBS = frozenset("continue begin start".split())
# Verbs that are cues only with a content clause, never bare ("he called" is not speech).
CLAUSE_ONLY = frozenset("call cite describe question wonder".split())

# Inflected forms used to pick candidate sentences before any parsing.
_FORMS = r"""said|says|say|saying|told|tells|tell|telling|according|added|adds|adding|noted|notes|
noting|warned|warns|warning|insisted|insists|urged|urges|urging|stressed|stresses|stressing|
acknowledged|acknowledges|denied|denies|denying|claimed|claims|claiming|wrote|writes|writing|
argued|argues|arguing|asserted|asserts|affirmed|affirms|declared|declares|stated|states|
explained|explains|announced|announces|reported|reports|responded|responds|replied|replies|
answered|asked|asks|asking|suggested|suggests|suggesting|mentioned|mentions|indicated|
indicates|emphasized|emphasised|emphasizes|emphasizing|underlined|underlines|underscored|
recalled|recalls|reminded|reiterated|reiterates|repeated|assured|assures|conceded|concedes|
admitted|admits|confirmed|confirms|complained|lamented|predicted|predicts|promised|promises|
promising|pledged|pledges|vowed|vows|threatened|alleged|alleges|contended|contends|maintained|
maintains|observed|commented|concluded|continued|tweeted|posted|testified|revealed|disclosed|
hinted|boasted|joked|quipped|countered|retorted|informed|advised|recommended|cautioned|
demanded|demands|proposed|appealed|called|calls|calling|cited|cites|citing|described|
estimated|agreed|highlighted|signaled|signalled|speculated|charged|accused|accuses|protested|
questioned|wondered|shouted|touted|elaborated|clarified|guaranteed|forecast|proclaimed|
reassured|remarked|encouraged|encourged|pointed|ensured|quoted|quoting|believes|believed"""
CANDIDATE = re.compile(
    r"\b(?:" + re.sub(r"\s+", "", _FORMS) + r")\b"
    r"|\b[Ff]or [^,.\"“”]{2,60}, [\"“«‘]",
    re.IGNORECASE,
)


IRREGULAR = {
    "said": "say",
    "says": "say",
    "told": "tell",
    "wrote": "write",
    "written": "write",
    "began": "begin",
    "begun": "begin",
    "spoke": "speak",
    "spoken": "speak",
    "forecast": "forecast",
    "swore": "swear",
    "sworn": "swear",
}
KNOWN = (
    SPEECH_VERBS
    | INFINITIVE_VERBS
    | GERUND_VERBS
    | frozenset(
        "name identify quote statement report release letter filing interview document "
        "announcement transcript tweet memo".split()
    )
)


@lru_cache(maxsize=4096)
def lemma(word: str) -> str:
    """Base form of a word from the cue lexicon ('warned' -> 'warn', 'denies' -> 'deny');
    other words come back lowercased. Cheaper than running spaCy's lemmatizer."""
    word = word.lower()
    if word in IRREGULAR:
        return IRREGULAR[word]
    if word in KNOWN:
        return word
    for suffix, repl in (
        ("ies", "y"),
        ("ied", "y"),
        ("ing", ""),
        ("ing", "e"),
        ("ed", ""),
        ("ed", "e"),
        ("es", ""),
        ("s", ""),
    ):
        if word.endswith(suffix):
            stem = word[: -len(suffix)] + repl
            if stem in KNOWN:
                return stem
            if repl == "" and len(stem) > 2 and stem[-1] == stem[-2] and stem[:-1] in KNOWN:
                return stem[:-1]  # "admitted" -> "admit"
    return word
