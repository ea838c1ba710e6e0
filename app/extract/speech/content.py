"""What a speech verb reports: its clausal complement ("that …"), a to-infinitive ("urged them
to …"), an object then a clause, what someone was called ("called it 'a rookie mistake'"),
a quoted object, a clause on a noun ("the claim that …"), words the parser left unattached."""

from spacy.tokens import Token

from app.extract.speakers.mentions import event_apposition
from app.extract.speech.content_bounds import (
    RELATIVES,
    parataxis_content,
    time_clause,
    torn_from_infinitive,
    with_continuation,
    with_split_word,
    without_narration,
)
from app.extract.speech.parse_tokens import (
    AUDIENCE,
    FINITE_TAGS,
    QUOTE_MARKS,
    SCENE_NOUNS,
    clause_after_the_name,
    finite_within,
    has_modal,
    has_subject,
    is_speech_verb,
    passive,
    scene_clause,
    subtree,
    to_infinitive,
    trim,
    without_aftermath,
)
from app.extract.speech.speaker_phrase import (
    described_subject_misread,
    subject_read_as_conj,
    subject_read_as_time_phrase,
)
from app.extract.verbs import (
    BACK_FORMS,
    GERUND_VERBS,
    INFINITIVE_VERBS,
)
from app.extract.verbs import lemma as cue_lemma

# Nouns for something said, which with a named owner and a that-clause report it:
# "Orlov's remark that the plan was dead".
REPORTING_NOUNS = frozenset(
    """remark remarks claim claims statement assertion warning insistence suggestion
    argument comment comments accusation allegation pledge promise""".split()
)

# Verbs that report what someone called a thing: its predicate ("called it a mistake") or its
# as-phrase ("described the scene as chaos") is their words.
NAMING_VERBS = {
    "call": "oprd",
    "describe": "as",
    **dict.fromkeys(("dub", "brand", "label"), "oprd as"),
    **dict.fromkeys(("characterize", "characterise", "dismiss", "reject", "denounce"), "as"),
    **dict.fromkeys(("hail", "condemn", "decry"), "as"),
}


def naming_content(verb: Token) -> list[Token] | None:
    """'called it a “global takeover”' -> 'a “global takeover”'; 'described himself as the
    most left-leaning member' -> 'the most left-leaning member'."""
    how = NAMING_VERBS.get(cue_lemma(verb.text), "")
    named = [c for c in verb.children if c.dep_ == "dobj" and c.tag_ not in ("WP", "WDT")]
    called = [
        c
        for c in verb.children
        if ("oprd" in how and c.dep_ == "oprd")
        or (
            "as" in how
            and c.dep_ == "prep"
            and c.lower_ == "as"
            and (
                any(g.dep_ == "pobj" for g in c.children)
                or any(t.text in QUOTE_MARKS for t in c.subtree)  # 'as "baseless"'
            )
        )
    ]
    if not called and "oprd" in how and len(named) == 2 and _quoted(*named):
        named, called = named[:1], named[1:]  # 'calling him "a very intelligent man"': two objects
    if not called and "oprd" in how and len(named) == 1:
        # 'called Karimi's article "a masterpiece of deception"': the name read as an apposition
        # ('called the remarks "shameful"': the word read as an adjective after the noun)
        called = [
            c
            for c in named[0].children
            if (c.dep_ == "appos" or (c.dep_ == "amod" and c.i > named[0].i))
            and _quoted(named[0], c)
        ]
    if not called and "oprd" in how and len(named) == 1 and (end := _name_quoted_after(named[0])):
        # 'called the signing "a moment long in the making."' parsed with the quoted name
        # scattered over the verb: the object, then the quotation in it or right after it
        return trim(list(verb.doc[named[0].left_edge.i : end + 1]))
    if not called and "as" in how and len(named) == 1:
        # 'described talks with Washington as "not smart"': "as" hung on the object
        called = [
            c
            for c in named[0].children
            if c.dep_ == "prep" and c.lower_ == "as" and _quotes_inside(c)
        ]
    if not called and "as" in how and named:
        # 'rejected a proposal by X for a truce as "a trick"': "as" hung deeper in the object
        called = [t for t in verb.subtree if t.i > verb.i and _as_on_the_object(t, verb)][:1]
    if not called:
        return None
    # 'called the plan a mistake': what was named is part of the claim (the plan is a
    # mistake), so the content runs from it to the end of the name; a relative pronoun
    # ('what she called …') is not.
    toks = [t for c in named + called for t in c.subtree if t.i > verb.i]
    lo, hi = min(t.i for t in toks), max(t.i for t in toks)
    return trim(list(verb.doc[lo : hi + 1]))


def _as_on_the_object(tok: Token, verb: Token) -> bool:
    """An "as" with a quotation in it, hung on the verb's object or its phrases, with no verb
    between it and the judging verb."""
    if tok.lower_ != "as" or tok.dep_ != "prep" or not _quotes_inside(tok):
        return False
    head = tok.head
    while head.i != verb.i:
        if head.pos_ in ("VERB", "AUX") or head.dep_ in ("relcl", "acl", "ccomp", "advcl"):
            return False
        head = head.head
    return True


def _name_quoted_after(obj: Token) -> int | None:
    """Where the last quotation that opens within the object, or right after it, closes: its
    name for the object ('"a moment long in the making."'; not the object's own quoted words,
    'an assertion of a "claim of right"', when another quotation follows). The name read as
    the object's own head ('the 12-nation pact "insanity"', one noun phrase) is one too."""
    doc = obj.doc
    marks = [t.i for t in doc[obj.left_edge.i : obj.sent.end] if t.text in QUOTE_MARKS]
    stretches = list(zip(marks[::2], marks[1::2], strict=False))
    reach = obj.right_edge.i + 1
    ends = [
        close
        for open_, close in stretches
        if obj.i < open_ <= reach or obj.left_edge.i < open_ < obj.i < close
    ]
    return ends[-1] if ends else None


# Nouns a that-clause completes ("the claim that …"): part of the words they are in.
NOUN_COMPLEMENTS = frozenset(
    """claim claims idea fact notion belief hope fear fears sense view argument suggestion
    assertion concern concerns worry evidence news report reports rumour rumor possibility
    assurance assurances promise warning""".split()
)


def _told_after_their_words(verb: Token) -> list[Token] | None:
    """'told a young woman who suggested that some may not vote that "this is not …"': the
    parse hangs the second that-clause inside the listener's relative clause; it is what
    was told."""
    listener = next((c for c in verb.children if c.dep_ in ("dobj", "dative")), None)
    clause = next((c for c in listener.children if c.dep_ == "relcl"), None) if listener else None
    if clause is None:
        return None
    first = next((c for c in clause.children if c.dep_ == "ccomp" and _opened_by_that(c)), None)
    if first is None:
        return None
    later = [
        t
        for t in first.subtree
        if t.i > first.i
        and t.dep_ in ("acl", "relcl")
        and _opened_by_that(t)
        and t.head.lower_ not in NOUN_COMPLEMENTS  # (not "the claim that …")
        # what closes the sentence, or opens a quotation
        and (t.right_edge.i >= len(verb.doc) - 3 or t.left_edge.nbor().text in ('"', "“"))
    ]
    if not later:
        return None
    return trim([t for t in later[-1].subtree if t.i > later[-1].left_edge.i or t.lower_ != "that"])


def _finite_xcomp(clause: Token) -> bool:
    """'told reporters the secretary-general "takes note" of it', parsed with the clause as
    an open complement: a finite verb with its own subject is a reported clause."""
    return (
        clause.dep_ == "xcomp"
        and clause.tag_ in ("VBZ", "VBD", "VBP")
        and any(c.dep_ in ("nsubj", "nsubjpass") for c in clause.children)
    )


# Whom a report is told to, as the parse may glue them to the clause's subject.
LISTENERS = frozenset(
    "reporters journalists lawmakers legislators delegates supporters senators students".split()
)


def _listener_read_into_subject(verb: Token, first: Token) -> bool:
    """'She told reporters Germany would not act alone', parsed with "reporters" a compound
    of "Germany": the listener, right after the verb, is no part of what was told."""
    return first.i == verb.i + 1 and first.dep_ == "compound" and first.lower_ in LISTENERS


def content_of(verb: Token) -> list[Token] | None:
    lemma = cue_lemma(verb.text)
    comps = [c for c in verb.children if c.dep_ == "ccomp" or _finite_xcomp(c)]
    if lemma in ("ask", "request") and any(_withholds_a_name(c) for c in comps):
        return None  # "who asked that her name not be used": the source's terms, not speech
    if lemma == "say":  # "he said his voice breaking": a participle with no finite verb
        comps = [c for c in comps if c.tag_ != "VBG" or finite_within(c)]  # is the scene
        comps = [c for c in comps if not time_clause(c)]
    comps = [c for c in comps if not scene_clause(verb, c) and not _object_then_clause(verb, c)]
    comps = [c for c in comps if c != clause_after_the_name(verb)]  # "said X, asked about …"
    comps = [c for c in comps if not _report_before_semicolon(verb, c)]
    comps = [c for c in comps if not _subject_joined_before(verb, c) and not _bracketed(verb, c)]
    comps = [c for c in comps if subject_read_as_time_phrase(c) is None]  # what happened
    comps = [c for c in comps if not _another_report_first(verb, c)]
    comps = [_past_a_name_read_as_verb(c) for c in comps]
    limit = len(verb.doc)  # where the content must end
    # "… fireworks on Friday: Republicans said they …", "China's message was clear: '…,' its
    # negotiator said": the clause before the colon is the writer's, when another is said
    lead_ins = [c for c in comps if _before_a_colon(verb, c)]
    if lead_ins and len(lead_ins) < len(comps):
        comps = [c for c in comps if c not in lead_ins]
    that_after = [c for c in comps if c.i > verb.i and _opened_by_that(c)]
    if that_after and any(c.i < verb.i for c in comps):
        comps = that_after  # "In his speech, a recording of which was posted, he said that …"
    after = [c for c in comps if c.i > verb.i]
    if after and described_subject_misread(verb) is not None:
        comps = after  # "Another official, who … spoke on condition …, said the point was …"
    if _said_of_an_event(verb):  # "…, a move officials said was aimed at …", not before it
        if not after:  # "…, a decision trustees said followed months of …" (misparsed)
            words = [t for t in verb.subtree if t.i > verb.i]
            while words and words[-1].is_punct:
                words.pop()
            return words or None
        comps = after
    if len(after) > 1:  # "she says she didn't cook much: she notes that her mom …": a later
        # report with its own speaker is its own, not part of the first one's content
        later = [
            c
            for c in after[1:]
            if is_speech_verb(c)
            and (has_subject(c) or subject_read_as_conj(c) is not None)
            and c.left_edge.lower_ not in RELATIVES
        ]  # (not "bases in Syria that threatened Israel", a relative clause misparsed)
        comps = [c for c in comps if c not in later]
        # "… mishandled the investigation and Democrats accused …": the subject the parse
        # joined to the first report ends it
        joined = [n for c in later if (n := subject_read_as_conj(c)) is not None]
        if joined:
            limit = min(n.left_edge.i for n in joined) - 1  # the "and" before it
    if (one := _that_read_as_subject(verb, comps)) is not None:
        return one
    if comps and (torn := torn_from_infinitive(verb, comps, lemma)) is not None:
        return torn
    if comps and lemma in AUDIENCE and (told := _told_then_clause(verb, comps)) is not None:
        return told
    if comps:
        comp = max(comps, key=lambda c: len(list(c.subtree)))
        if (first := _but_that_before(verb, comp, after)) is not None:
            comp = first  # "said X, but that Y": from X on
        if (subject := _object_as_subject(verb, comp, lemma)) is not None:
            return trim(list(subject.subtree) + list(comp.subtree))
        words = with_continuation(verb, with_split_word(comp, comps) or subtree(comp))
        if (gerund := _gerund_subject_read_apart(verb, comp)) is not None:
            words = sorted({*words, *gerund.subtree}, key=lambda t: t.i)
        if comp.i > verb.i:  # "a presence that Chadian officials said had outlived its
            words = [t for t in words if t.i > verb.i] or words  # purpose": not the "that"
        if (state := _state_hung_on_the_verb(verb, comp)) is not None:
            # 'said Paris was "not isolated" and had support from Italy': the parser hung the
            # clause's second verb on "said"; a state, not something the speaker did
            words = sorted({*words, *verb.doc[comp.right_edge.i + 1 : state.right_edge.i + 1]})
            return trim(words)
        words = [t for t in words if t.i < limit]
        if lemma in AUDIENCE and words and _listener_read_into_subject(verb, words[0]):
            words = words[1:]  # "told reporters Germany would not act alone"
        return without_narration(comp, words)
    if lemma == "tell" and (told := _told_after_their_words(verb)) is not None:
        return told
    if verb.dep_ == "advcl" and _another_report_first(verb.head.head, verb.head):
        # "…, after he admitted under her grilling he had not been held accountable"
        return trim([t for t in verb.head.subtree if t.i > verb.right_edge.i]) or None
    if (misread := _that_on_a_noun(verb)) is not None:
        return misread
    # "called a meeting to review the plan" summons; only "called on them to act" requests.
    summons = lemma == "call" and any(c.dep_ == "dobj" for c in verb.children)
    for child in verb.children:
        to_inf = to_infinitive(child)
        if lemma in INFINITIVE_VERBS and child.dep_ in ("xcomp", "advcl") and to_inf:
            if summons:
                continue
            if cue_lemma(child.text) in ("name", "identify", "quote") and any(
                g.dep_ == "auxpass" for g in child.children
            ):
                return None  # "asked not to be named" is a condition, not speech
            return subtree(child)
        if lemma in PLEDGES and child.dep_ == "xcomp" and to_inf and _quotes_inside(child):
            return subtree(child)  # 'pledged to keep "calm waters"': words, not a plan
        if (
            lemma in GERUND_VERBS
            and child.dep_ in ("xcomp", "ccomp", "dobj", "pcomp")
            and (child.tag_ == "VBG" or any(g.tag_ == "VBG" for g in child.children))
        ):
            return subtree(child)
    if lemma in INFINITIVE_VERBS and not summons and (asked := _infinitive_on_object(verb)):
        return asked  # "urged councillors to redirect the money", the infinitive on "councillors"
    if lemma in ("warn", "caution"):  # 'warned against "foreign intervention" near …'
        preps = [c for c in verb.children if c.dep_ == "prep"]
        against = next((c for c in preps if c.lower_ == "against"), None)
        if against is not None and _quotes_inside(against):
            return trim([t for t in against.subtree if t.i != against.i]) or None
    if lemma == "accuse":  # "accused the office of rushing the process"
        target = next((c for c in verb.children if c.dep_ == "dobj"), None)
        # "of" on the verb, or parsed onto its object ("accused Chinese vessels of …") or the
        # object's last partner ("accused Priebus and his allies of …")
        targets = [target, *target.conjuncts] if target is not None else []
        held = [*verb.children, *(c for t in targets for c in t.children)]
        charge = next((c for c in held if c.dep_ == "prep" and c.lower_ == "of"), None)
        if target is not None and charge is not None:
            words = sorted({*target.subtree, *charge.subtree}, key=lambda t: t.i)
            return trim(without_aftermath(words))
    if lemma in ("say", "warn") and (clause := _those_who(verb)):
        return clause
    if lemma == "call" and (demand := _called_for(verb)):
        return demand
    if lemma != "call" and (quoted := _quoted_object(verb)):
        return quoted
    if verb.dep_ == "parataxis":
        return parataxis_content(verb)
    if any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children):
        return _as_content(verb)
    if verb.lower_ in BACK_FORMS:  # "firing back at accusations that …": theirs, not his
        return None
    return (
        _clause_on_noun(verb)
        or _that_left_unparsed(verb)
        or _after_a_time_phrase(verb)
        or _clause_read_as_object(verb)
        or _clause_after_the_tag(verb)
    )


def _told_then_clause(verb: Token, comps: list[Token]) -> list[Token] | None:
    """'told the ambassador that Mexico expected to be "consulted, not informed."': the
    clause read as the listener's relative one, and the rest of the quotation hung on the
    verb as a clause of its own; the words said run from "that" to that clause's end."""
    clause = _clause_on_noun(verb)
    if not clause or any(c.i < clause[0].i for c in comps):
        return None
    end = max(c.right_edge.i for c in comps)
    return trim(list(verb.doc[clause[0].i : max(end, clause[-1].i) + 1]))


def _but_that_before(verb: Token, comp: Token, after: list[Token]) -> Token | None:
    """The verb's first clause when `comp` is a second one joined to it by "but that"."""
    first = min(after, key=lambda c: c.i, default=comp)
    joined = any(c.dep_ == "cc" and first.i < c.i < comp.i for c in verb.children)
    return first if first != comp and joined and _opened_by_that(comp) else None


def _withholds_a_name(clause: Token) -> bool:
    """'that her name not be used', 'that his identity be withheld'."""
    return any(
        c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in ("name", "names", "identity")
        for c in clause.children
    ) and any(c.dep_ == "auxpass" for c in clause.children)


def _clause_after_the_tag(verb: Token) -> list[Token] | None:
    """'Chapman admits in this instance, there were fatalities': the report parsed as a
    clause hung on the words after it, which, past the comma, are what was said."""
    head, doc = verb.head, verb.doc
    if verb.dep_ != "ccomp" or head.dep_ != "ROOT" or head.i < verb.i or not has_subject(verb):
        return None
    if verb.left_edge.i != 0 or any(c.dep_ in ("dobj", "ccomp", "xcomp") for c in verb.children):
        return None  # (the sentence opens on the tag, which takes no words of its own)
    if is_speech_verb(head):
        return None  # "He may add to his staff, he said": the report is the later one
    comma = verb.right_edge.i + 1
    if comma >= head.i or doc[comma].text != ",":
        return None
    return trim(list(doc[comma + 1 : head.right_edge.i + 1])) or None


def _infinitive_on_object(verb: Token) -> list[Token] | None:
    """'urged councillors to redirect the money', parsed with the infinitive hung on the
    object: it is still what they were urged to do."""
    for obj in verb.children:
        if obj.dep_ != "dobj" or obj.i < verb.i:
            continue
        for clause in obj.children:
            if clause.dep_ == "acl" and to_infinitive(clause) and clause.left_edge.i > obj.i:
                return subtree(clause)
    return None


def _that_read_as_subject(verb: Token, comps: list[Token]) -> list[Token] | None:
    """'told the committee that calls for service had risen', parsed as two clauses: "that
    calls for service" (with "that" its subject) and "had risen" with none. One clause, the
    words after "that"."""
    after = sorted((c for c in comps if c.i > verb.i), key=lambda c: c.i)
    for first, second in zip(after, after[1:], strict=False):
        that = next((c for c in first.children if c.dep_ == "nsubj"), None)
        if (
            that is not None
            and that.lower_ == "that"
            and that.i == first.left_edge.i
            and first.right_edge.i + 1 == second.left_edge.i
            and not has_subject(second)
        ):
            return trim(list(verb.doc[that.i + 1 : second.right_edge.i + 1]))
    return None


def _clause_read_as_object(verb: Token) -> list[Token] | None:
    """'said the shares already priced in "a lot of good news"', parsed with "the shares" as
    what was said and "priced" a participle on it: "said" takes no such object ("said a
    prayer" has no verb on it), so the object and its verb are the words."""
    if cue_lemma(verb.text) != "say":
        return None
    obj = next((c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i), None)
    if obj is None or obj.left_edge.i != verb.i + 1 or obj.pos_ not in ("NOUN", "PROPN"):
        return None
    if any(m.dep_ == "amod" and m.tag_ in ("VBD", "VBZ") and m.i < obj.i for m in obj.children):
        # "said the ruling reopened wounds her family …", parsed with "reopened" describing
        # "wounds": a finite verb inside the object is the clause's
        return subtree(obj)
    acl = next((c for c in obj.children if c.dep_ == "acl" and c.i > obj.i), None)
    if acl is None or acl.tag_ not in ("VBD", "VBN") or passive(acl):
        return None
    if any(c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ == "by") for c in acl.children):
        return None  # "said the plan approved by council": a participle after all
    return subtree(obj)


TIME_PREPOSITIONS = frozenset("after before during following since at on in".split())


def _after_a_time_phrase(verb: Token) -> list[Token] | None:
    """'Trump said after the convention he would not accept …': the parser hangs the time
    phrase on the reported clause and that clause on the verb as an adverbial one; a clause
    with its own subject and a modal, opened by no conjunction, is what was said."""
    if cue_lemma(verb.text) != "say":
        return None
    for clause in verb.children:
        if clause.dep_ != "advcl" or clause.i < verb.i:
            continue
        subject = next((c for c in clause.children if c.dep_ == "nsubj"), None)
        opener = clause.left_edge
        if (
            subject is None
            or any(c.dep_ == "mark" for c in clause.children)
            or not any(c.dep_ == "aux" and c.tag_ == "MD" for c in clause.children)
            or opener.lower_ not in TIME_PREPOSITIONS
            or opener.head.i != clause.i
            or opener.i != verb.i + 1
            or opener.right_edge.i + 1 != subject.left_edge.i
        ):
            continue
        return trim([t for t in clause.subtree if t.i >= subject.left_edge.i])
    return None


# Verbs that take a thing as their object: a clause with no "that" right after one is rare.
def _state_hung_on_the_verb(verb: Token, comp: Token) -> Token | None:
    """A verb of state ("had", "was", "remained"), or one in the tenses of reported speech
    ("had asked", "would ask"), with no subject, joined by "and" to the speech verb right
    after its reported clause, whose subject it shares."""
    for conj in verb.children:
        if (
            conj.dep_ == "conj"
            and conj.i > comp.right_edge.i
            and (conj.lower_ in STATES or _backshifted(conj))
            and not has_subject(conj)
            and has_subject(comp)
            and all(
                t.dep_ in ("cc", "punct") or (t.dep_ == "aux" and t.head.i == conj.i)
                for t in verb.doc[comp.right_edge.i + 1 : conj.i]
            )
        ):
            return conj
    return None


STATES = frozenset(
    "had has have was were is are remained remains lacked lacks needed needs seemed seems".split()
)
BACKSHIFTED = frozenset("had would could might".split())


def _backshifted(verb: Token) -> bool:
    """In the tenses of reported speech: "had asked", "would ask"."""
    return any(c.dep_ == "aux" and c.lower_ in BACKSHIFTED for c in verb.children)


def _opened_by_that(clause: Token) -> bool:
    return any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children)


def _report_before_semicolon(verb: Token, comp: Token) -> bool:
    """'The former said Mercosur had waited; the latter warned that …': a report of its own
    before a semicolon, which the parser hung on the second verb, is not its content."""
    doc = verb.doc
    return (
        comp.i < verb.i
        and is_speech_verb(comp)
        and has_subject(comp)
        and any(t.text == ";" for t in doc[comp.right_edge.i + 1 : verb.i])
    )


def _before_a_colon(verb: Token, comp: Token) -> bool:
    """A clause the parser hung on the verb across a colon is the writer's lead-in."""
    doc = verb.doc
    return comp.i < verb.i and any(t.text == ":" for t in doc[comp.right_edge.i + 1 : verb.i])


OBJECT_VERBS = frozenset(
    "demand urge seek request propose offer promise pledge vow welcome reject deny condemn "
    "criticise criticize praise".split()
)


def _past_a_name_read_as_verb(comp: Token) -> Token:
    """'told the newspaper Aftenposten that …', parsed with the paper's name for the verb of
    the clause said: the that-clause under it is what was said."""
    if comp.tag_ != "VB" or not comp.text[:1].isupper() or comp.i == comp.sent.start:
        return comp
    inner = [c for c in comp.children if c.dep_ == "ccomp" and _opened_by_that(c)]
    return inner[0] if len(inner) == 1 and inner[0].i > comp.i else comp


def _gerund_subject_read_apart(verb: Token, comp: Token) -> Token | None:
    """'She said excluding them would "bring …"', parsed with "excluding them" hung on the
    verb: a gerund right before the clause is its subject, part of what was said."""
    for c in verb.children:
        if (
            c.dep_ in ("xcomp", "advcl", "csubj", "prep")  # ("excluding" read as a preposition)
            and c.tag_ == "VBG"
            and verb.i < c.i < comp.i
            and c.right_edge.i + 1 == comp.left_edge.i
            and not has_subject(comp)
        ):
            return c
    return None


TIME_MARKS = frozenset(("after", "before", "when", "while", "as", "since"))
# Verbs whose words often follow them with no "that" ("admitted he had not been held …").
BARE_CLAUSE_VERBS = frozenset(
    "say admit acknowledge concede insist claim argue testify confirm agree deny".split()
)


def _another_report_first(verb: Token, clause: Token) -> bool:
    """'"…," Warren told Stumpf, after he admitted under her grilling he had not been held
    accountable', parsed with the admission's words under "told": a clause after the verb
    opened by a time clause with a speech verb and subject of its own is that verb's."""
    opener = next((c for c in clause.children if c.dep_ == "advcl" and c.i < clause.i), None)
    return (
        clause.i > verb.i
        and opener is not None
        and opener.left_edge.i == clause.left_edge.i
        and opener.left_edge.lower_ in TIME_MARKS
        and verb.doc[opener.left_edge.i - 1].text == ","
        and cue_lemma(opener.text) in BARE_CLAUSE_VERBS
        and is_speech_verb(opener)
        and has_subject(opener)
    )


def _bracketed(verb: Token, clause: Token) -> bool:
    """'… over her email server (the existence of which, many say, represents …)': a clause
    in brackets opened after the verb is an aside, not what the verb reports."""
    depth = 0
    for t in verb.doc[verb.i + 1 : clause.left_edge.i]:
        depth += (t.text == "(") - (t.text == ")")
    return depth > 0


def _subject_joined_before(verb: Token, clause: Token) -> bool:
    """'X called the inquiry "rigged" Tuesday, and a few MPs have called for …', parsed with
    "MPs" joined to the verb and their clause as what X said: after ", and" the clause has
    its own subject, and is the writer's (also parsed with "MPs" the clause's subject)."""
    doc, opens = verb.doc, clause.left_edge.i
    if (
        clause.i > verb.i
        and opens > 1
        and doc[opens - 1].lower_ in ("and", "but")
        and doc[opens - 2].text == ","
        and any(c.dep_ == "nsubj" for c in clause.children)
        and doc[opens].lower_ != "that"  # "said that …, and that …": both reported
    ):
        return True
    joiners = [c for c in verb.children if c.dep_ == "cc" and verb.i < c.i < clause.i]
    return any(
        cc.doc[cc.i - 1].text == ","
        and any(
            c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN") and cc.i < c.i < clause.i
            for c in verb.children
        )
        for cc in joiners
    )


def _object_then_clause(verb: Token, clause: Token) -> bool:
    """'after Belgium demanded guarantees and Hungary threatened a veto': the parser joins the
    object to the next clause's subject ("guarantees and Hungary threatened …"); what was
    demanded is the bare noun, and the clause after "and" is the writer's."""
    subject = next((c for c in clause.children if c.dep_ == "nsubj"), None)
    return (
        cue_lemma(verb.text) in OBJECT_VERBS
        and subject is not None
        and subject.i == verb.i + 1
        and subject.tag_ in ("NN", "NNS")
        and not any(c.dep_ in ("det", "poss", "mark") for c in subject.children)
        and any(c.dep_ == "conj" and c.pos_ == "PROPN" for c in subject.children)
    )


# Who a clause may open on, parsed as the object of the verb before it.
OPEN_SUBJECTS = frozenset("those anyone whoever everyone anybody nobody".split())


def _those_who(verb: Token) -> list[Token] | None:
    """'said those who "export terror" would pay a price', parsed as saying "those" and a
    relative clause: the clause is what was said."""
    for obj in verb.children:
        if obj.dep_ != "dobj" or obj.lower_ not in OPEN_SUBJECTS:
            continue
        if any(c.dep_ == "relcl" and has_modal(c) for c in obj.children):
            return subtree(obj)
    return None


def _that_on_a_noun(verb: Token) -> list[Token] | None:
    """'He warned that the decision would "hobble" federal efforts to fight …', parsed with
    the quoted verb an adjective and "that" marking the noun after it: "that" right after
    the verb, marking no verb, opens its words, to the end of the sentence."""
    doc = verb.doc
    that = doc[verb.i + 1] if verb.i + 1 < len(doc) else None
    if that is None or that.lower_ != "that" or that.dep_ != "mark":
        return None
    if that.head.pos_ in ("VERB", "AUX") or that.head.i <= verb.i:
        return None
    return trim(list(doc[that.i + 1 : verb.sent.end]))


def _that_left_unparsed(verb: Token) -> list[Token] | None:
    """'Mr Macron added that Europe as a whole needed to address …', parsed with "that" as
    punctuation and "Europe" as the verb's object: "that" right after the verb opens its
    words, to the end of the sentence."""
    doc = verb.doc
    that = doc[verb.i + 1] if verb.i + 1 < len(doc) else None
    if that is None or that.lower_ != "that" or that.dep_ in ("mark", "nsubj", "det"):
        return None
    if that.dep_ == "dobj" and not any(True for _ in that.children):
        return None  # "he added that on Monday": a pronoun
    opener = doc[that.i + 1] if that.i + 1 < len(doc) else None
    if opener is None or not (opener.pos_ in ("PROPN", "PRON", "DET") or opener.tag_ == "NNS"):
        return None  # (not "reiterated that approach": "that" before a singular noun is its)
    words = list(doc[that.i + 1 : verb.sent.end])
    for n, t in enumerate(words[:-2]):
        if (
            t.text == ","
            and words[n + 1].lower_ in ("a", "an")
            and (words[n + 2].lower_ in REPORTING_NOUNS or words[n + 2].lower_ in JIBES)
        ):
            words = words[:n]  # "…, a remark seen as a dig at …": the writer's aside
            break
    return trim(words)


JIBES = frozenset("dig swipe jab reference nod rebuke".split())
# Commitments: an intention ("vowed to fight") unless the words are quoted.
PLEDGES = frozenset("pledge promise vow threaten".split())


def _quoted_object(verb: Token) -> list[Token] | None:
    """'suggested a "transitional government"', 'promised "a new era"': an object in the
    speaker's quoted words is what they said."""
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if obj is None or not _quotes_inside(obj) or not quoted_words(obj):
        return None
    # (not a quotation inside a clause on the object: 'posted a video in which a car takes
    # "snow laps"' quotes the video, not the poster)
    clauses = {t.i for c in obj.children if c.dep_ in ("relcl", "acl") for t in c.subtree}
    if sum(t.text in QUOTE_MARKS for t in obj.subtree if t.i not in clauses) < 2:
        return None
    return trim(list(obj.subtree))


def _quotes_inside(phrase: Token) -> bool:
    """The phrase holds a quotation, whose closing mark the parse may hang on the verb after
    a comma: 'to keep relations "future-oriented," even as …'."""
    doc, end = phrase.doc, phrase.right_edge.i + 1
    while end < len(doc) and doc[end].is_punct and doc[end].text not in "([":
        end += 1
    return sum(t.text in QUOTE_MARKS for t in doc[phrase.left_edge.i : end]) >= 2


def _object_as_subject(verb: Token, comp: Token, lemma: str) -> Token | None:
    """'he said smaller brewers — those that sell out of state — are likely to suffer': the
    parse takes the clause's subject for the verb's object, and leaves the clause without
    one. Not after a verb of telling, whose object is the listener ('told reporters')."""
    if has_subject(comp):
        return None
    objects = [c for c in verb.children if c.dep_ == "dobj" and verb.i < c.i < comp.i]
    # (but 'told reporters Washington's commitment … was "ironclad"': the listener is apart;
    # 'told reporters the secretary-general "takes note"' read with two objects: the second)
    if lemma in AUDIENCE and not any(c.dep_ == "dative" for c in verb.children):
        return objects[-1] if len(objects) > 1 else None
    return objects[0] if objects else None


def _called_for(verb: Token) -> list[Token] | None:
    """'has called for a full inquiry': what someone calls for is the demand they voiced. Not
    on a participle describing a noun ('a bill calling for …' reports a document's terms)."""
    if verb.dep_ == "acl":
        return None
    if any(c.dep_ == "oprd" for c in verb.children):
        return None  # 'called it "a historic day" for the region' names it
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ == "for" and prep.i > verb.i:
            return trim([t for t in prep.subtree if t.i != prep.i]) or None
    return None


def _as_content(verb: Token) -> list[Token] | None:
    """'as El País mentions, the US will respond …': the clause the as-phrase modifies."""
    head = verb.head
    while head.head.i != head.i and head.pos_ not in ("VERB", "AUX"):
        head = head.head
    if head.i == verb.i:
        return None
    return subtree(head, skip=verb) or None


def _clause_on_noun(verb: Token) -> list[Token] | None:
    """'said in a statement that …', or 'told a meeting of farmers that …': the parser hangs
    the clause on the noun (for a verb of telling, on its audience too)."""
    nouns = [o for p in verb.children if p.dep_ == "prep" for o in p.children]
    # "said after meeting his counterpart, Bakary Sangaré, that …": the name read as the
    # verb's adverbial, the clause as its relative one
    if verb.tag_ in FINITE_TAGS:
        nouns += [c for c in verb.children if c.dep_ == "npadvmod" and c.pos_ == "PROPN"]
    audience = []
    if cue_lemma(verb.text) in AUDIENCE:
        audience = [c for c in verb.children if c.dep_ in ("dobj", "dative")]
    for noun in nouns + audience:
        for clause in noun.children:
            if clause.dep_ in ("acl", "ccomp", "relcl") and (
                any(m.dep_ == "mark" and m.lower_ == "that" for m in clause.children)
                or _that_clause_misread(clause)
                or (noun in audience and _told_that(clause))
            ):
                return subtree(clause)
    return None


def _told_that(clause: Token) -> bool:
    """'told a parliamentary committee that engineers had warned of cracks': after the
    audience of a telling, "that" and a clause with a subject and tense of its own are what
    was told, though a relative clause could read so ("a committee that engineers had warned")."""
    that = clause.left_edge
    if that.lower_ != "that" or that.dep_ in ("nsubj", "nsubjpass"):
        return False  # ("telling responses that could resound": the responses could)
    return has_subject(clause) and _own_tense(clause)


def _said_of_an_event(verb: Token) -> bool:
    """The verb's subject opens on a noun for what happened: '…, a move officials said …'."""
    return any(
        c.dep_ in ("nsubj", "nsubjpass") and c.i < verb.i and event_apposition(c) is not None
        for c in verb.children
    )


def _that_clause_misread(clause: Token) -> bool:
    """'said at a regular briefing that China supported dialogue': the parser reads "that"
    as a relative pronoun, the object of "supported", though the verb has its own subject
    and object. A clause that needs no "that" ("a briefing that lasted an hour", "the
    meeting that China hosted") is a relative clause."""
    that = clause.left_edge
    if that.lower_ == "that" and that.dep_ == "dobj" and that.head.i != clause.i:
        # '… that Mexico expected to be "consulted"': a passive verb has no object
        passive = any(c.dep_ == "auxpass" for c in that.head.children)
        return passive and that.head in set(clause.subtree) and has_subject(clause)
    if that.lower_ != "that" or that.head.i != clause.i:
        return False
    if that.dep_ == "pobj":  # no relative clause has that: "on a call that the firm needed to"
        return has_subject(clause)
    if that.dep_ == "advmod":  # "said at the time that she had breached …", read as "when"
        return has_subject(clause) and _own_tense(clause)
    if that.dep_ != "dobj":
        return False
    filled = ("dobj", "attr", "acomp", "ccomp", "xcomp", "oprd")
    if not has_subject(clause):
        return False
    if any(c.dep_ in filled and c.i != that.i for c in clause.children):
        return True
    # 'said in an editorial that Manila was acting as "a pawn"', '… in an interview that he
    # would resign': a clause with its own tense on a speech's scene is what was said
    return clause.head.lower_ in SCENE_NOUNS and _own_tense(clause)


def _own_tense(clause: Token) -> bool:
    return any(
        (c.dep_ == "aux" and (c.tag_ == "MD" or c.lower_ in _OWN_TENSE)) or c.dep_ == "auxpass"
        for c in clause.children
    )


# "told a briefing that vessels had intruded": a tense of its own, not a scene's relative
_OWN_TENSE = frozenset(("was", "were", "is", "are", "had", "has", "have"))


def quoted_words(phrase: Token) -> bool:
    """A quotation inside the phrase that reads as words said ('"aggressive and irresponsible
    actions"'), not a capitalised name ('the "Never Again" movement')."""
    doc = phrase.doc  # the closing mark may hang on the verb, after the full stop
    toks = list(doc[phrase.left_edge.i : min(len(doc), phrase.right_edge.i + 3)])
    marks = [i for i, t in enumerate(toks) if t.text in QUOTE_MARKS]
    if len(marks) < 2:
        return False
    inside = [t for t in toks[marks[0] + 1 : marks[-1]] if t.is_alpha]
    if phrase.lower_ in REPORTED_WORDS:
        return False  # 'denounced Trump's call for "a total shutdown"': his words, not theirs
    if any(is_speech_verb(t) for t in phrase.subtree):
        return False  # '…the notion that …, saying that if he "found …"': another report's
    return len(inside) >= 2 and inside[0].text[:1].islower()


# Nouns for what someone said: a quotation inside one is that someone's words.
REPORTED_WORDS = frozenset(
    """call remark remarks comment comments statement claim claims pledge promise proposal
    words plan suggestion description characterization assertion""".split()
)


def _quoted(first: Token, second: Token) -> bool:
    """Quotation marks open after the first object, by the second: 'him “a … man”'."""
    return any(t.text in QUOTE_MARKS for t in first.doc[first.i + 1 : second.right_edge.i + 1])
