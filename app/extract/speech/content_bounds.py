"""Where reported words start and stop: words before the cue ("…, she said"), a clause a
tag interrupts, a continuation after a semicolon, narration ("she said, adding …"), a time
clause ("a day after …"), a clause torn from its infinitive, or a sentence the parser split."""

from spacy.tokens import Token

from app.extract.speech.parse_tokens import (
    AUDIENCE,
    FINITE_TAGS,
    OPENING_MARKS,
    SUBJECT_DEPS,
    has_modal,
    has_subject,
    is_speech_verb,
    speech_scene,
    to_infinitive,
    trim,
)
from app.extract.speech.speaker_phrase import LISTENER_VERBS, narrated, second_report
from app.extract.text.closing_tags import closes_before_a_tag
from app.extract.verbs import (
    INFINITIVE_VERBS,
)
from app.extract.verbs import lemma as cue_lemma


def _with_scene(verb: Token) -> bool:
    """'…, with Hungary threatening to block it', '…, with Paris pushing for X and Berlin
    insisting on Y': the writer's scene (not "was quoted as saying")."""
    while verb.dep_ in ("advcl", "conj") and verb.head.i != verb.i:
        verb = verb.head
    return verb.dep_ == "pcomp" and verb.head.lower_ in ("with", "by")


def fronted_content(verb: Token, speaker: Token | None) -> list[Token] | None:
    """'CLAUSE, the expert recalled.' / 'CLAUSE, said X.': the clause before the comma that
    precedes the speaker phrase and its verb, when nothing but adverbials follows them."""
    doc = verb.doc
    if _with_scene(verb):
        return None
    left = verb.i
    if speaker is not None and speaker.i < verb.i:
        left = speaker.i
        while (
            left > 0
            and doc[left - 1].text != ","
            and doc[left - 1].pos_
            in ("PROPN", "NOUN", "ADJ", "DET", "ADP", "CCONJ", "NUM", "PART", "PUNCT")
        ):
            if doc[left - 1].text in '"“”' or doc[left - 1].dep_ == "mark":
                break  # "…, while Kabul denied any role and warned": a clause of its own
            left -= 1
    while left > 0 and doc[left - 1].text in "\"“”'’‘":
        left -= 1
    if left < 4 or doc[left - 1].text != ",":
        return None
    if doc[left].pos_ == "CCONJ":
        return None  # "Choi spoke with Ishiba, and the two agreed to …": a clause of its own
    aside = {t.i for c in doc[verb.i + 1 :] if c.dep_ == "advcl" for t in c.subtree}
    if any(
        t.pos_ == "VERB" and t.dep_ in ("ccomp", "conj") and t.i not in aside
        for t in doc[verb.i + 1 :]
    ):  # the verb's own words follow it; not a clause of "when asked how …" or "adding that …"
        return None
    objects = [c for c in verb.children if c.dep_ == "dobj" and c != speaker]
    if objects and cue_lemma(verb.text) not in AUDIENCE:
        return None  # "At the debate, she mentioned his remarks": the verb has its own object
    content = trim(list(doc[: left - 1]))
    quoted = doc[left].text in "\"“”'’‘"  # words in quotation marks are someone's, clause or not
    if quoted or _is_statement(content) or _verb_misread(content, verb):
        return content
    return None


def _verb_misread(content: list[Token], verb: Token) -> bool:
    """'Italy and Spain back the French position, diplomats said.': a whole sentence before a
    closing tag whose own verb the parse took for another word ("back" as a preposition)."""
    doc = verb.doc
    if verb.dep_ != "ROOT" or not all(t.is_punct for t in doc[verb.i + 1 :]) or len(content) < 5:
        return False
    opening = content[0]
    return (
        opening.i == 0
        and opening.pos_ in ("PROPN", "NOUN", "DET")
        and not any(t.dep_ == "mark" or t.tag_ in ("VBN", "VBG", "WRB", "WP") for t in content)
    )


def with_misread_end(content: list[Token], speaker: Token) -> list[Token]:
    """The words said run on to the comma before a speaker the parser had joined to them."""
    first = content[0].i
    # (or ran into it: "…, a senior adviser to President X said", the adviser parsed as an
    # apposition inside the words)
    ends_with_speaker = content[-1].i == speaker.right_edge.i
    if speaker.dep_ == "attr" and first < speaker.left_edge.i <= content[-1].i:
        # '"…," Texas delegate Ann Lee, wearing a hat, said': the name and what follows it
        # were read as a predicate inside the words
        return trim(list(speaker.doc[first : speaker.left_edge.i])) or content
    if first >= speaker.i or (content[-1].i >= speaker.i and not ends_with_speaker):
        return content
    return trim(list(speaker.doc[first : speaker.left_edge.i])) or content


def _is_statement(toks: list[Token]) -> bool:
    """A fronted stretch is someone's words only as a clause of its own: 'Prices will rise,
    she said' but not a scene-setting 'In Ohio last week, she told …' or 'As he spoke, …'."""
    inside = {t.i for t in toks}
    roots = [t for t in toks if t.head.i not in inside or t.head.i == t.i]
    if not roots:
        return False
    root = max(roots, key=lambda t: sum(1 for _ in t.subtree))
    if any(c.dep_ == "mark" for c in root.children):
        return False  # a subordinate clause: "As prices rose", "When he left"
    if root.tag_ in ("VBN", "VBG") and not any(c.dep_ in SUBJECT_DEPS for c in root.children):
        return False  # "Asked whether he would resign, …", "Speaking in Ohio, …": the scene
    return any(t.tag_ in FINITE_TAGS for t in toks)


def with_split_word(comp: Token, comps: list[Token]) -> list[Token] | None:
    """Clauses the parser broke off the words and hung on the verb as clauses of their own:
    'Oslo would co-chair it' as "co", "-" and "chair it", with no space between; 'a deal
    that left occupied territory in Russian hands' as "a deal that left" and a subjectless
    "occupied territory …" run on with no comma or conjunction between."""
    doc, end = comp.doc, comp.right_edge.i
    joined = False
    for other in sorted((c for c in comps if c.i > comp.i), key=lambda c: c.i):
        if other.left_edge.i != end + 1:
            break
        split_word = not doc[end].whitespace_ and "-" in (doc[end].text, doc[end + 1].text)
        run_on = not has_subject(other) and (
            doc[end].is_alpha
            and doc[end + 1].is_alpha
            and (doc[end + 1].dep_ not in ("cc", "mark", "advmod") or has_modal(other))
            # "said a corridor …, to be built with U.S. help, would link …": the subject's
            # clause closes on a comma before its verb in "would"
            or doc[end].text == ","
            and doc[end + 1].head.i == other.i
            and doc[end + 1].dep_ == "aux"
            and has_modal(other)
        )
        # "… build bases in Syria that threatened Israel": a relative clause on the last noun,
        # parsed as a clause of its own with "that" as its subject
        relative = (
            doc[end].pos_ in ("NOUN", "PROPN")
            and doc[end + 1].lower_ in RELATIVES
            and doc[end + 1].dep_ == "nsubj"
            and doc[end + 1].head.i == other.i
        )
        if not (split_word or run_on or relative):
            break
        end, joined = other.right_edge.i, True
    return trim(list(doc[comp.left_edge.i : end + 1])) if joined else None


RELATIVES = frozenset(("that", "which", "who"))
# What opens a clause that goes on the words said: "… and only if Britain took …", "… but
# that talk of a date was …" (a second "that" clause of the same report).
GOES_ON_THE_WORDS = frozenset("if unless provided that".split())


def with_continuation(verb: Token, words: list[Token]) -> list[Token]:
    """'said France would accept returns "in limited numbers" and only if Britain took …',
    'said Berlin backed Kyiv but that a date was "not helpful"': a condition or a second
    that-clause the parse joined to the verb of saying (or hung on it as a clause of its
    own, after "but") belongs to the words said."""
    if not words:
        return words
    doc, end = verb.doc, words[-1].i
    for conj in verb.children:
        if conj.dep_ not in ("conj", "ccomp") or conj.left_edge.i <= end:
            continue
        between = doc[end + 1 : conj.left_edge.i]
        if conj.dep_ == "ccomp" and not any(t.dep_ == "cc" for t in between):
            continue  # (a second clause of the verb's: joined by "but", as a "conj" is)
        opening = [t for t in doc[conj.left_edge.i : conj.i] if not (t.is_punct or t.dep_ == "cc")]
        opener = [t for t in opening if t.dep_ == "mark" or t.lower_ == "that"]
        if not all(t.is_punct or t.dep_ == "cc" for t in between) or not opener:
            continue
        if opener[0].lower_ in GOES_ON_THE_WORDS and opener[0].i == opening[0].i + (
            opening[0].lower_ == "only"
        ):
            return trim(list(doc[words[0].i : conj.right_edge.i + 1]))
    return words


def without_narration(comp: Token, words: list[Token]) -> list[Token]:
    """'said Thailand would act "in good faith" but expressed doubts …': a past-tense verb
    with no subject joined to a clause in "would" goes on with what the speaker did; so does
    a past-tense verb of speech with no subject and words of its own ('said Pakistan was
    "…" and told the assembly that …': a second report)."""
    retold = [t for t in words if t.i > comp.i and second_report(t)]
    for conj in [*comp.children, *retold[:1]]:
        if narrated(conj) or conj in retold:
            cut = conj.left_edge.i
            while cut > comp.i and (
                conj.doc[cut - 1].dep_ == "cc" or conj.doc[cut - 1].text == ","
            ):
                cut -= 1
            return trim([t for t in words if t.i < cut])
    return words


def parataxis_content(verb: Token) -> list[Token]:
    """'it is time, he said, to take steps': the clause the cue interrupts, to its end."""
    doc = verb.doc
    left = verb.left_edge.i - 1
    while left >= 0 and doc[left].is_punct:
        left -= 1
    if left < 0:
        return []
    clause = doc[left]
    while clause.head.i != clause.i and clause.pos_ not in ("VERB", "AUX"):
        clause = clause.head
    if verb.head.i < verb.i and (verb.head == clause or verb.head in clause.ancestors):
        clause = verb.head  # 'Cairo would "take all measures" to protect …, it added': all of it
    start = clause.left_edge.i
    unsaid = {t.i for c in verb.children if c.lower_ == "without" for t in c.subtree}
    return trim(
        [
            t
            for t in doc[start:]
            if t.i < verb.left_edge.i or t in verb.subtree and t.i > verb.i and t.i not in unsaid
        ]
    )


def torn_from_infinitive(verb: Token, comps: list[Token], lemma: str) -> list[Token] | None:
    """'urged the administration to delay the sale until it receives assurances the weapons
    will not be used': a clause the parse tore off the end of the infinitive asked for is
    the infinitive's own, not a second report."""
    if lemma not in INFINITIVE_VERBS:
        return None
    for asked in verb.children:
        if asked.dep_ != "xcomp" or not to_infinitive(asked):
            continue
        torn = [c for c in comps if c.left_edge.i == asked.right_edge.i + 1]
        if torn:
            return trim(sorted({*asked.subtree, *torn[0].subtree}, key=lambda t: t.i))
    return None


def time_clause(clause: Token) -> bool:
    """'said no when reporters asked …', 'said Saturday, a day after European powers warned
    …': a clause opened by "when", "while", "after" or "before" tells when it was said, not
    what."""
    return any(
        (
            (c.dep_ == "advmod" and c.lower_ in ("when", "while"))
            or (c.dep_ == "mark" and c.lower_ in ("after", "before", "since"))
        )
        and all(
            t.i >= c.i or any(a.dep_ == "npadvmod" and a.head == clause for a in [t, *t.ancestors])
            for t in clause.subtree
        )  # opening the clause, or after "a day"
        for c in clause.children
    )


def interrupted_clause(verb: Token, speaker: Token) -> list[Token] | None:
    """'The museum, Mr. Obama said, would make visitors …': the speaker and verb sit between
    commas inside the statement, which is the whole sentence around them."""
    doc = verb.doc
    left = speaker.left_edge.i
    right = verb.i + 1
    while right < len(doc) and (hung := _hung_on(verb, right)) is not None:
        right = hung.right_edge.i + 1
    inverted = speaker.i > verb.i and _named_after_the_verb(verb, speaker)
    if inverted:  # "Any interpretation, said Michael Kofman, an expert on Russia, would …"
        left, right = verb.i, speaker.right_edge.i + (speaker.right_edge.text != ",")
    elif left < 2 or speaker.i > verb.i or right >= len(doc) - 3:
        return None
    if doc[left - 1].text != "," or doc[right].text != ",":
        return None
    after = doc[right + 1]
    told = any(c.dep_ in ("dobj", "dative") and c.i < right for c in verb.rights)
    if told and (after.text in OPENING_MARKS or after.lower_ == "that"):
        return None  # "…, telling Reuters, “Sheldon and I …”": the words come after the tag
    if all(t.pos_ == "PROPN" or t.is_punct for t in doc[right + 1 :]):
        # "…, X said after talks with his counterpart, Hun Manet.": a name closes the tag
        return trim(list(doc[_clause_start(doc, left - 1) : left - 1]))
    if _goes_on(verb, after):
        return None  # "…, Voss said on Monday, blaming weak demand": the verb goes on
    start = _clause_start(doc, left - 1)
    if not inverted and any(t.is_punct and t.text in '"“”' for t in doc[start : left - 1]):
        return None  # a quotation before the comma is handled as a direct quote
    if doc[right + 1].text in OPENING_MARKS and any(
        t.head.i == verb.i and _scene_opened(t) for t in doc[start : left - 1]
    ):
        # "While Trump affirmed that …, he also stated, “…”": the writer's scene, then the
        # words (but "Though that transition was seamless, he said, replacing …" is his)
        return None
    if _when_after(after):
        return trim(list(doc[start : left - 1]))  # "…, the military said, hours after Seoul …"
    if after.head.i == verb.i and (speech_scene(after) or _trails_off(after)):
        return trim(list(doc[start : left - 1]))  # "…, she said, in a speech to …"
    if after.lower_ == "in" and after.head.i == verb.i and _framed(after):
        # "…, officials said on Thursday, in a rare step between two states still at war":
        # the writer's framing of the news, not the words
        return trim(list(doc[start : left - 1]))
    if (
        after.lower_ in CONCESSIVE | CIRCUMSTANCES
        or (after.lower_ == "as" and after.dep_ == "mark")  # "…, they said, as they bristled"
    ) and (
        after.head.head.i < left or after.head.head.i == verb.i  # "…, though Baku said …"
    ):
        # "The truce held, residents said, although gunfire was heard": the statement was
        # whole before the tag; what follows it is the writer's
        return trim(list(doc[start : left - 1]))
    # to the sentence's end: "The solution, the partner told them, was simple. ''Just …''"
    # can reach the parser as one
    end = next((t.i for t in doc[right + 1 :] if t.tag_ == "." and t.i > right + 2), len(doc))
    return trim(list(doc[start : end + 1]))


# What a writer calls the news reported: "in a rare step", "in a move that", "in a blow to".
FRAMING_NOUNS = frozenset(
    "step move sign blow boost setback shift reversal rebuke twist escalation break".split()
)


def _framed(prep: Token) -> bool:
    return any(c.dep_ == "pobj" and c.lower_ in FRAMING_NOUNS for c in prep.children)


def _named_after_the_verb(verb: Token, speaker: Token) -> bool:
    """'…, said Michael Kofman, an expert, would read …': the tag is the verb and the name
    after it (with its apposition), set off by commas inside the words."""
    doc = verb.doc
    return (
        verb.i >= 2
        and doc[verb.i - 1].text == ","
        and speaker.left_edge.i == verb.i + 1
        and speaker.right_edge.i + 1 < len(doc) - 3
    )


def _hung_on(verb: Token, at: int) -> Token | None:
    """The phrase starting at `at` that hangs on the tag's verb and stays inside the
    interruption: when and where ("on Friday", "last week"), or whom the words were told
    ("The deal, he told a news conference, was …")."""
    phrase = next((c for c in verb.rights if c.left_edge.i == at), None)
    if phrase is None or verb.doc[at].text == ",":
        return None
    if not (
        phrase.dep_ in ("advmod", "npadvmod", "prep")
        or (phrase.dep_ in ("dobj", "dative") and cue_lemma(verb.text) in LISTENER_VERBS)
    ):
        return None
    # not "said in a briefing that Iran welcomes …": a clause hung on the noun is the words,
    # and the comma after them no end of an interruption
    if any(t.pos_ in ("VERB", "AUX") for t in phrase.subtree):
        return None
    return phrase


def _scene_opened(clause: Token) -> bool:
    """A clause that sets the scene before a tag: when or why ("After Clinton accused him
    …"), or a concession about what someone else said ("Although the administration has
    maintained that …"); "While confidence is high, he said, ''…''" is the speaker's own."""
    if clause.dep_ != "advcl":
        return False
    if clause.lower_ == "asked":  # "(When) asked why Cruz went after Trump, Tyler said, '…'"
        return True
    marks = {c.lower_ for c in clause.children if c.dep_ == "mark"}
    if marks & SCENE_MARKS:
        return True
    return bool(marks & CONCESSIVE) and any(is_speech_verb(t) for t in clause.subtree)


SCENE_MARKS = frozenset("when because as since after before".split())


def _when_after(after: Token) -> bool:
    """The words after a tag's comma open with how long after or before something: "hours
    after Seoul and Washington began …", "two days before the vote" (the writer's timing)."""
    doc, k = after.doc, after.i
    if after.lower_ in ("a", "an", "two", "three", "several", "just", "only", "shortly", "some"):
        k += 1
    return (
        k + 1 < len(doc)
        and doc[k].lower_.rstrip("s") in TIME_MEASURES
        and doc[k + 1].lower_ in ("after", "before", "since")
    )


TIME_MEASURES = frozenset("hour day week month minute moment year".split())


def _goes_on(verb: Token, after: Token) -> bool:
    """The phrase after the tag's comma hangs on the tag's verb: "blaming weak demand",
    "according to …", or a clause opened by how long after: "days after a drone struck …"."""
    top = after.head if after.dep_ in ("nummod", "det", "amod") else after  # "two days after"
    if top.dep_ == "npadvmod" and verb.i < top.head.i:
        top = top.head
    if top.head.i != verb.i:
        return False
    if _statement_verb_joined(verb, top):
        return False
    return top.dep_ in ("advcl", "xcomp", "conj", "cc") or after.lower_ == "according"


def _statement_verb_joined(verb: Token, joined: Token) -> bool:
    """'These employees, Stumpf explained in the hearing, were "well-paid"', parsed with
    "were" joined to the tag's verb: a finite verb with no subject and no "and" before it is
    the statement's own."""
    return (
        joined.dep_ == "conj"
        and joined.tag_ in ("VBD", "VBZ", "VBP")
        and not any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in joined.children)
        and not any(c.dep_ == "cc" and verb.i < c.i < joined.i for c in verb.children)
    )


def _trails_off(prep: Token) -> bool:
    """'…, officials said Friday, in a step mediators hope will …': the writer's judgement of
    the news, to the end of the sentence; the statement was whole before the tag (not "…, the
    Times said, including speeches …", which goes on with it)."""
    doc = prep.doc
    rest = doc[prep.right_edge.i + 1 :]
    return (
        prep.dep_ == "prep"
        and prep.lower_ == "in"
        and any(o.dep_ == "pobj" and o.lower_ in WRITERS_FRAMES for o in prep.children)
        and all(t.is_punct for t in rest)
    )


# "in a step / move / sign / blow …": how the writer frames the news
WRITERS_FRAMES = frozenset(
    """step move sign blow rebuke shift reversal boost setback show display demonstration
    signal gesture bid escalation""".split()
)


def _clause_start(doc, comma: int) -> int:
    """Start of the statement that runs up to `comma`: after the last clause break
    ('…, so it is time, he said, …') or the sentence start."""
    for i in range(comma - 1, 0, -1):
        if doc[i].text in (";", ":") or (doc[i].dep_ == "cc" and doc[i - 1].text == ","):
            return i + 1
        if doc[i].lower_ in ("so", "but") and doc[i - 1].text == ",":
            return i + 1
        if (after_report := _another_report_ends(doc, i)) is not None:
            return after_report
    return 0


def _another_report_ends(doc, i: int) -> int | None:
    """'Hardy said that was natural — no different, he said, from …', '… acknowledged
    they had split the contests, which is an outcome, he said, "…"': after a report with
    its own speaker, a dash or a comma opening "which" ends it, and the words the tag
    interrupts start there."""
    if doc[i].text in DASHES:
        start = i + 1
    elif doc[i].lower_ == "which" and doc[i - 1].text == ",":
        start = i
    else:
        return None
    reported = any(is_speech_verb(t) and has_subject(t) for t in doc[: i - 1])
    return start if reported else None


DASHES = frozenset(("—", "–", "--"))
CONCESSIVE = frozenset("though although while whereas".split())
# Words opening the writer's account of when or why, after an inserted tag: "…, the ministry
# said, after days of talks".
CIRCUMSTANCES = frozenset("after amid following despite ahead before".split())


def within_brackets(verb: Token, content: list[Token]) -> list[Token]:
    """'… her private phone (the existence of which, many Liberals say, represents a lapse)':
    a tag inside brackets that hold words of their own reports only those words (a bare "(he
    said)" still reports the sentence around it), and a report outside them ends where they
    open when it would stop inside them."""
    doc = verb.doc
    opening = None
    for n in range(verb.i - 1, verb.sent.start - 1, -1):
        if doc[n].text in "()":
            opening = n if doc[n].text == "(" else None
            break
    if opening is None:
        opened = [t.i for t in content if t.text == "("]
        if not opened:
            return content
        shut = (n for n in range(opened[-1], verb.sent.end) if doc[n].text == ")")
        aside = doc[opened[-1] : next(shut, verb.sent.end)]  # a clause, not "(D-Conn.)"
        last = max((t.i for t in aside if not t.is_punct), default=aside.start)
        if content[-1].i < last and any(t.pos_ in ("VERB", "AUX") for t in aside):
            return trim([t for t in content if t.i < opened[-1]]) or content
        return content
    closing = next((n for n in range(verb.i + 1, verb.sent.end) if doc[n].text == ")"), None)
    end = closing if closing is not None else verb.sent.end
    inside = [t for t in content if opening < t.i < end]
    words = [t for t in doc[opening + 1 : end] if not t.is_punct and t not in verb.subtree]
    return trim(inside) if len(words) >= 3 and inside else content


def from_the_quotation(verb: Token, content: list[Token]) -> list[Token]:
    """'Lowe said … but added, "…," Lowe said.': a tag right after a quotation's closing mark
    reports that quotation, not the report before its opening mark ("added, "), which is
    one of its own."""
    doc = verb.doc
    subject = next((c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i), None)
    if subject is None or content[-1].i > verb.i:
        return content
    closing = subject.left_edge.i - 1
    if not closes_before_a_tag(doc, closing):
        return content
    opening = next((n for n in range(closing - 1, -1, -1) if doc[n].tag_ == "``"), None)
    if opening is None or content[0].i >= opening:
        return content
    if opening < 2 or doc[opening - 1].text not in ",:" or not is_speech_verb(doc[opening - 2]):
        return content  # 'Her time has been "life-changing," she said': one mixed report
    return trim([t for t in content if t.i > opening]) or content
