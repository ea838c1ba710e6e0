"""Speech cues in a parsed sentence: the cue word, its speaker phrase and its content tokens.

Works on the dependency parse: a speech verb's subject is the speaker and its clausal
complement (ccomp, or a to-infinitive for "urge", or a gerund for "deny") is the content;
"according to X" makes X the speaker of the clause it modifies.
"""

from dataclasses import dataclass

from spacy.tokens import Token

from app.extract.speakers.gender import is_first_name
from app.extract.speakers.lexicon import DOCUMENT_NOUNS, MEDIA_NOUNS, PERSON_NOUNS
from app.extract.speakers.typing import is_outlet
from app.extract.verbs import (
    CLAUSE_ONLY,
    GERUND_VERBS,
    INFINITIVE_VERBS,
    NAMING_ONLY,
    QUOTE_ONLY_VERBS,
    SPEECH_VERBS,
)
from app.extract.verbs import lemma as cue_lemma

SUBJECT_DEPS = ("nsubj",)
CLAUSE_SUBJECTS = ("nsubj", "nsubjpass", "expl", "csubj", "csubjpass")
QUOTED_AS = frozenset({"quote", "cite"})  # "was quoted as saying" keeps its speaker
CLIMB_DEPS = ("advcl", "xcomp", "conj", "ccomp", "acl", "pcomp")
EDGE_DROP = frozenset({"punct", "cc"})


@dataclass
class Cue:
    token: Token
    text: str  # the cue as printed ("has said", "according to")
    speaker: Token | None  # head token of the speaker phrase
    content: list[Token] | None  # the reported content, if the cue has a complement
    kind: str  # "verb", "according" or "viewpoint" ('For the minister, "…"')
    naming: bool = False  # the content is what someone called something ("a rookie mistake")
    via: str | None = None  # the outlet or document the words came through


# Where officials post: "wrote on Telegram", "said on X", "posted on Facebook".
PLATFORMS = frozenset(
    "Telegram X Twitter Facebook Instagram Weibo WeChat YouTube TikTok Threads Bluesky".split()
)
CHANNEL_NOUNS = frozenset(
    "statement interview email e-mail post tweet release letter message video podcast".split()
)


def channel_of(verb: Token) -> str | None:
    """Where the words were said: 'said in a statement' -> 'statement', 'told CTV News' or
    'said in an interview with CTV News' -> 'CTV News' (outlets only; 'told reporters' and
    'told the committee' name audiences, not channels)."""
    # "was quoted as saying by the TASS news agency": the agent hangs on "saying"
    saying = [g for c in verb.children if c.lower_ == "as" for g in c.children if g.dep_ == "pcomp"]
    if verb.dep_ == "pcomp" and verb.head.lower_ == "as":
        quoting = verb.head.head
        if _quoted_person(verb) is not None:  # "CNN quoted a witness as saying …": via CNN
            by = next((c for c in quoting.children if c.dep_ == "nsubj"), None)
            return _outlet_named(by) if by is not None else None
        if cue_lemma(quoting.text) == "quote":
            saying.append(quoting)  # "was quoted by the Interfax news agency as saying"
    # "Speaking to CNN's Ann Lee, Machado said": the outlet of whom the speaker spoke to
    speaking = [
        p
        for c in verb.children
        if c.dep_ == "advcl" and c.lower_ in ("speaking", "talking")
        for p in c.children
        if p.dep_ == "prep" and p.lower_ == "to"
    ]
    told = cue_lemma(verb.text) == "tell"
    for child in [*verb.children, *(c for s in saying for c in s.children)]:
        if child.dep_ in ("dobj", "dative") and (name := _outlet_named(child)):
            return name
        if child.dep_ in ("dobj", "dative") and told and (name := _whose(child)):
            return name  # "told CNN's Ann Lee", not "asked NBC's Ann Lee to check the facts"
        if child.dep_ in ("prep", "agent") and child.lower_ == "by":
            for pobj in child.children:
                if pobj.dep_ == "pobj" and (name := _outlet_named(pobj)):
                    return name
        if child.dep_ == "prep" and child.lower_ in ("in", "on", "via"):
            for pobj in child.children:
                if pobj.dep_ != "pobj":
                    continue
                if name := _carried_by(pobj):
                    return name
                for prep in pobj.children:  # "an interview with CTV News"
                    for outlet in prep.children:
                        if prep.lower_ == "with" and outlet.pos_ == "PROPN":
                            name = proper_name(outlet)
                            if is_outlet(name):
                                return name
                if pobj.lower_ in CHANNEL_NOUNS:
                    return pobj.lower_
                if pobj.text in PLATFORMS and child.lower_ in ("on", "via"):
                    return pobj.text  # "wrote on Telegram", "said on X"
    for prep in speaking:
        for pobj in prep.children:
            if pobj.dep_ == "pobj" and (name := _outlet_named(pobj) or _whose(pobj)):
                return name
    return None


def _carried_by(remarks: Token) -> str | None:
    """'In remarks carried by the official KCNA news agency': the outlet that carried them."""
    for acl in remarks.children:
        if acl.dep_ == "acl" and acl.lower_ in CARRIED:
            for agent in acl.children:
                if agent.dep_ == "agent":
                    for pobj in agent.children:
                        if pobj.dep_ == "pobj" and (name := _outlet_named(pobj)):
                            return name
    return None


CARRIED = frozenset("carried published broadcast aired reported released".split())


def _whose(person: Token) -> str | None:
    """'CNN's Christiane Amanpour': the outlet a journalist is printed as working for."""
    if person.pos_ != "PROPN":
        return None
    owner = next((c for c in person.children if c.dep_ == "poss"), None)
    return _outlet_named(owner) if owner is not None else None


def _outlet_named(tok: Token) -> str | None:
    """The outlet a noun phrase names: 'CTV News', 'the Izvestia newspaper' (Izvestia), 'the
    TASS news agency' (TASS); not 'the UN refugee agency'."""
    if tok.pos_ == "PROPN":
        name = proper_name(tok)
        # "state news agency BelTA": a name printed right after its media noun
        after_media = tok.i > 0 and tok.doc[tok.i - 1].lower_ in MEDIA_NOUNS
        return name if is_outlet(name) or after_media else None
    if tok.lower_ not in MEDIA_NOUNS:
        return None
    named = [c for c in tok.children if c.dep_ == "appos" and c.pos_ == "PROPN"]
    if named:  # "the newspaper Folha de S.Paulo"
        return tok.doc[named[0].left_edge.i : named[0].i + 1].text
    compounds = [c for c in tok.children if c.dep_ == "compound"]
    names = [c for c in compounds if c.pos_ == "PROPN"]
    if not names:
        return None
    name = tok.doc[names[0].left_edge.i : names[-1].i + 1].text
    name = name.removesuffix(" news")  # "the KCNA news agency" ("news" parsed as a name)
    if tok.lower_ == "agency" and not any(c.lower_ == "news" for c in compounds):
        return name if is_outlet(name) else None
    return name


def proper_name(tok: Token) -> str:
    """The compound proper noun a token heads: 'CTV News', 'The Globe and Mail'."""
    parts = [t for t in tok.subtree if t.pos_ in ("PROPN", "NUM") or t.i == tok.i]
    lo, hi = min(t.i for t in parts), max(t.i for t in parts)
    return tok.doc[lo : hi + 1].text


def _cue_text(verb: Token) -> str:
    words = [t for t in verb.children if t.dep_ in ("aux", "neg") and t.i < verb.i]
    words += [verb] + [t for t in verb.children if t.dep_ == "prt"]
    words.sort(key=lambda t: t.i)
    start, end = words[0].idx, words[-1].idx + len(words[-1])
    return verb.doc.text[start:end]


OPINION_VERBS = frozenset({"believe"})
PARTICLE_VERBS = {"point": "out"}  # speech only with this particle
FINDINGS = frozenset("investigation inquiry probe study report review analysis audit".split())
NOT_SPEAKERS = frozenset(
    """it everything something nothing anything this that these those which what there all
    each both one many some few neither none nobody""".split()
)
# "it said" is a body speaking, and "some said" a group, with a verb of plain saying; with
# "indicate" or "suggest" the subject is a fact ("it suggests that…").
SPEAKING_QUANTIFIERS = frozenset("all both many some few".split())
PLAIN_SAYING = frozenset(
    """say tell add state announce report note write confirm explain warn advise claim argue
    deny insist respond reply urge ask tweet post allege acknowledge admit stress reiterate
    complain declare remind""".split()
)


def _mute(subject: Token, verb: Token) -> bool:
    """A subject that cannot be a speaker of this verb."""
    low = subject.lower_
    if low not in NOT_SPEAKERS:
        return False
    if low == "it" or low in SPEAKING_QUANTIFIERS or _one_of_them(subject):
        return cue_lemma(verb.text) not in PLAIN_SAYING
    if low == "those" and any(c.dep_ in ("acl", "prep", "amod") for c in subject.children):
        return cue_lemma(verb.text) not in PLAIN_SAYING  # "All those involved say …"
    return True


def _one_of_them(subject: Token) -> bool:
    """'one of the people familiar with the matter', 'each of the envoys': one of some people."""
    return subject.lower_ in ("one", "each") and any(
        c.dep_ == "prep"
        and c.lower_ == "of"
        and any(
            g.dep_ == "pobj" and (g.tag_ in ("NNS", "NNPS") or g.lower_ == "them")
            for g in c.children
        )
        for c in subject.children
    )


def subject_of(verb: Token, depth: int = 0) -> Token | None:
    """The verb's subject, or for 'adding that…'/'and warned…' the subject of its head."""
    if (sentence := _noun_read_as_verb(verb)) is not None:
        whose = verb.doc[verb.i - 1]  # "rejected European Union demands that …": the Union's
        return whose if whose.head == sentence and whose.pos_ in ("PROPN", "NOUN") else None
    if (noun := _misread_speaker(verb) or _described_subject_misread(verb)) is not None:
        return noun
    if (quoted := _quoted_person(verb)) is not None:
        return quoted
    # With two subjects ("The archive, director X said, …") the one next to the verb speaks.
    for child in sorted(verb.children, key=lambda c: (c.i > verb.i, -c.i)):
        if child.dep_ in SUBJECT_DEPS and _mute(child, verb):
            return None
        if child.dep_ in SUBJECT_DEPS:
            if child.lower_ in RELATIVE_PRONOUNS:  # the noun the clause is about, or no one
                clause = _relative_clause(verb)
                if clause is None or clause.head.lower_ in NOT_SPEAKERS:
                    return None
                noun = clause.head  # "Ana Lima, a deputy who said …": Ana Lima
                return noun.head if noun.dep_ == "appos" and noun.head.pos_ == "PROPN" else noun
            if (owner := _the_its_owner(child, verb)) is not None:
                return owner
            return _listed_last(child, verb)
        if child.dep_ == "nsubjpass" and depth > 0 and cue_lemma(verb.text) in QUOTED_AS:
            return child  # "he was quoted as saying": he said it
    if _second_report(verb) and (outer := _reported_in(verb)) is not None:
        return subject_of(outer, depth + 1)  # 'said X was "…" and told them that …': she did
    if (speaker := _subject_of_the_scene(verb) or _the_one_asked(verb)) is not None:
        return speaker
    if verb.dep_ == "relcl" and verb.head.pos_ in ("NOUN", "PROPN"):
        return verb.head
    if (
        verb.dep_ == "acl"
        and verb.tag_ == "VBG"
        and verb.head.head.lower_ == "with"
        and verb.i == verb.head.i + 1  # (not "with a reference to …, remarking, …")
        and _is_speech_verb(verb)
    ):
        return verb.head  # "…, with analysts warning that costs would climb": the analysts
    if verb.tag_ in ("VBD", "VBZ", "VBP") and (named := _name_before(verb)) is not None:
        return named
    if verb.dep_ == "compound" and verb.head.pos_ == "PROPN":
        return verb.head  # "Said Lavrov" parsed as a name
    if (named := _name_after(verb)) is not None:
        return named
    if _narrated(verb):  # "said X would …, and called him …": the speaker goes on
        return subject_of(verb.head.head, depth + 1)
    if depth < 3 and verb.dep_ in CLIMB_DEPS:
        for anc in verb.ancestors:
            if anc.pos_ in ("VERB", "AUX"):
                # "X rejected EU demands that …, saying …": X is saying it, not the EU
                return subject_of(_noun_read_as_verb(anc) or anc, depth + 1)
    return _name_before(verb)


# Nouns for something said, which with a named owner and a that-clause report it:
# "Orlov's remark that the plan was dead".
REPORTING_NOUNS = frozenset(
    """remark remarks claim claims statement assertion warning insistence suggestion
    argument comment comments accusation allegation pledge promise""".split()
)


def _their_remark(noun: Token) -> Cue | None:
    """'Orlov's remark that the plan was “dead” drew criticism': Orlov said the plan was
    dead. Only with a named owner ("his", "the claim that" name nobody in particular)."""
    owner = next((c for c in noun.children if c.dep_ == "poss" and c.pos_ == "PROPN"), None)
    clause = next(
        (
            c
            for c in noun.children
            if c.dep_ in ("acl", "ccomp")
            and c.i > noun.i
            and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
        ),
        None,
    )
    if owner is None or clause is None:
        return None
    return Cue(noun, noun.text, owner, _subtree(clause), "verb")


def _quoted_person(verb: Token) -> Token | None:
    """'An aide quoted the Ukrainian leader as saying that …': the leader said it."""
    if verb.dep_ != "pcomp" or verb.head.lower_ != "as":
        return None
    quoting = verb.head.head
    if cue_lemma(quoting.text) != "quote":
        return None
    return next((c for c in quoting.children if c.dep_ == "dobj"), None)


RELATIVE_PRONOUNS = frozenset({"who", "which", "that"})


def _subject_of_the_scene(verb: Token) -> Token | None:
    """'Prime Minister X, writing on X, formerly Twitter, said …': the parse makes X the
    subject of the participle before the verb, and leaves the verb without one."""
    for clause in verb.children:
        if _scene_clause(verb, clause):
            for child in clause.children:
                if child.dep_ == "nsubj" and child.i < clause.i:
                    return child
    return None


def _the_its_owner(pronoun: Token, verb: Token) -> Token | None:
    """'The coast guard released video it said showed …': "it" in a clause on the object is
    the subject who released it (a body; "they" a plural one)."""
    if pronoun.lower_ not in ("it", "they") or verb.dep_ != "relcl" or verb.head.dep_ != "dobj":
        return None
    main = verb.head.head
    subject = next((c for c in main.children if c.dep_ == "nsubj" and c.i < main.i), None)
    if subject is None or subject.pos_ not in ("NOUN", "PROPN"):
        return None
    plural = subject.tag_ in ("NNS", "NNPS")
    return subject if plural == (pronoun.lower_ == "they") else None


def _the_one_asked(verb: Token) -> Token | None:
    """'A spokesman, asked about the call, said only …' parsed with "asked" as the spokesman's
    verb and "said" hung on it: the one asked speaks."""
    head, doc = verb.head, verb.doc
    if head.i >= verb.i or cue_lemma(head.text) != "ask" or head.tag_ not in ("VBD", "VBN"):
        return None
    if verb.dep_ not in ("dep", "conj", "ccomp") or doc[verb.i - 1].text != ",":
        return None
    subject = next((c for c in head.children if c.dep_ in SUBJECT_DEPS and c.i < head.i), None)
    if subject is None or doc[head.i - 1].text != ",":
        return None  # not "She asked about the call, then said …"
    return subject


def _scene_clause(verb: Token, clause: Token) -> bool:
    """A participle set off by commas between the speaker and the verb: "X, writing on X,
    said", "Ingrid Lund, asked whether …, said" (a question put to her, parsed as her verb)."""
    participle = clause.tag_ == "VBG" or (
        cue_lemma(clause.text) == "ask" and clause.tag_ in ("VBD", "VBN")
    )
    return (
        clause.dep_ in ("ccomp", "advcl")
        and participle
        and 0 < clause.i < verb.i
        and verb.doc[clause.i - 1].text == ","  # set off by commas, not "they are helping"
        and not any(c.dep_ == "aux" for c in clause.children)
    )


def _listed_last(subject: Token, verb: Token) -> Token:
    """'… from Rubio to, now, Cruz, Wilkin said': two names joined by a bare comma are no
    list (a list ends with 'and'); the one next to the verb speaks, the other ends the words
    said (see _with_misread_end)."""
    if subject.pos_ != "PROPN" or any(t.dep_ == "cc" for t in subject.subtree):
        return subject
    joined = [c for c in subject.children if c.dep_ in ("conj", "appos") and c.i > subject.i]
    if len(joined) != 1 or joined[0].pos_ != "PROPN" or joined[0].right_edge.i + 1 != verb.i:
        return subject
    if joined[0].dep_ == "appos" and len(list(subject.subtree)) != 3:
        return subject  # only "Keller, Wilkin": one word, a comma, one word
    return joined[0]


def _relative_clause(verb: Token) -> Token | None:
    """The relative clause `verb` heads or is joined to: '[the mayor], whose district voted
    for her but who suggested …' (the second clause hangs on the first by a conjunction)."""
    while verb.dep_ == "conj" and verb.head is not verb:
        verb = verb.head
    return verb if verb.dep_ == "relcl" else None


def _misread_speaker(verb: Token) -> Token | None:
    """'The board decision allowing his release said …', parsed as a sentence with a noun
    for its root and 'his release said' inside the participle's clause: the noun the
    participle describes is the speaker (a sentence is not a bare noun phrase)."""
    participle = verb.head
    if verb.dep_ != "ccomp" or participle.tag_ != "VBG" or participle.dep_ != "acl":
        return None
    noun = participle.head
    return noun if noun.dep_ == "ROOT" and noun.pos_ in ("NOUN", "PROPN") else None


def _described_subject_misread(verb: Token) -> Token | None:
    """'Another official, who like others spoke on condition of anonymity, said …', parsed
    with "official … spoke" as a clause the verb reports: that clause's subject, described by
    a relative clause and followed by the verb, is who speaks."""
    if any(c.dep_ in SUBJECT_DEPS for c in verb.children):
        return None
    for clause in verb.children:
        if clause.dep_ != "ccomp" or clause.i > verb.i:
            continue
        subject = next((c for c in clause.children if c.dep_ == "nsubj"), None)
        if (
            subject is not None
            and subject.pos_ in ("NOUN", "PROPN")
            and any(c.dep_ == "relcl" for c in subject.children)
            and verb.doc[verb.i - 1].text == ","
        ):
            return subject
    return None


def _name_after(verb: Token) -> Token | None:
    """'…, argued Palvetzian.': an inverted tag the parse read as verb and object."""
    doc = verb.doc
    nxt = doc[verb.i + 1] if verb.i + 1 < len(doc) else None
    before = doc[verb.i - 1].text if verb.i > 0 else ""
    if nxt is None or before not in (",", "”", '"', "’") or verb.tag_ == "VBG":
        return None  # not '…, calling President Obama “…”': a participle names its object
    if nxt.lower_ == "the" and verb.tag_ in FINITE_TAGS and not _to_an_audience(verb):
        described = nxt.head  # '…," added the Russian minister.'
        last = described.right_edge.i + 1
        ends = last >= len(doc) or doc[last].text in (".", "!", "?")
        if described.head.i == verb.i and described.lower_ in PERSON_NOUNS and ends:
            return described
        return None
    if nxt.pos_ != "PROPN":
        return None
    if _to_an_audience(verb):
        return None  # "…, telling CNBC: …": CNBC heard it
    head = nxt
    while head.head.i != head.i and head.head.pos_ == "PROPN" and head.head.i > verb.i:
        head = head.head  # "argued Ann Lee": Lee heads the name
    return head if head.head.i == verb.i else None


LISTENER_VERBS = frozenset("tell inform remind assure advise brief".split())


def _to_an_audience(verb: Token) -> bool:
    """A verb whose object is who heard the words: 'told', 'informing', and the gerund of any
    verb of AUDIENCE ('asking Lee', where '"Why?" asked Lee' is Lee asking)."""
    lemma = cue_lemma(verb.text)
    return lemma in LISTENER_VERBS or (lemma in AUDIENCE and verb.tag_ == "VBG")


def _name_before(verb: Token) -> Token | None:
    """When the parse lost the subject ('…, expert Dmitry Razumovsky told TASS'), a proper
    noun right before the verb is the speaker."""
    doc = verb.doc
    prev = doc[verb.i - 1] if verb.i > 0 else None
    named = doc[verb.i - 2] if prev is not None and prev.text == "," and verb.i > 1 else None
    if (
        named is not None
        and named.dep_ == "appos"
        and named.head.pos_ == "NOUN"
        and verb.tag_ in FINITE_TAGS
    ):
        prev = named  # "In a reply, an Indian diplomat, Petal Gahlot, said" (not "…, Mass.,")
    if prev is not None and prev.pos_ == "PROPN" and prev.dep_ not in ("dobj", "nsubj"):
        noun = prev.head.head  # "…, a senior adviser to President X said": the adviser
        if prev.dep_ == "pobj" and prev.head.lower_ in ("to", "for") and noun.pos_ == "NOUN":
            return noun
        return prev
    return None


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
    content = _trim(list(doc[: left - 1]))
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


FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})
AUDIENCE = frozenset("tell ask inform remind assure advise warn brief".split())


def _with_misread_end(content: list[Token], speaker: Token) -> list[Token]:
    """The words said run on to the comma before a speaker the parser had joined to them."""
    first = content[0].i
    # (or ran into it: "…, a senior adviser to President X said", the adviser parsed as an
    # apposition inside the words)
    ends_with_speaker = content[-1].i == speaker.right_edge.i
    if first >= speaker.i or (content[-1].i >= speaker.i and not ends_with_speaker):
        return content
    return _trim(list(speaker.doc[first : speaker.left_edge.i])) or content


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


def _with_split_word(comp: Token, comps: list[Token]) -> list[Token] | None:
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
        run_on = not _has_subject(other) and (
            doc[end].is_alpha
            and doc[end + 1].is_alpha
            and (doc[end + 1].dep_ not in ("cc", "mark", "advmod") or _modal(other))
            # "said a corridor …, to be built with U.S. help, would link …": the subject's
            # clause closes on a comma before its verb in "would"
            or doc[end].text == ","
            and doc[end + 1].head.i == other.i
            and doc[end + 1].dep_ == "aux"
            and _modal(other)
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
    return _trim(list(doc[comp.left_edge.i : end + 1])) if joined else None


def _modal(verb: Token) -> bool:
    """'… believed a resolution now would "complicate talks"': a clause in "would" whose
    subject the verb before took as its object."""
    return any(c.dep_ == "aux" and c.tag_ == "MD" for c in verb.children)


RELATIVES = frozenset(("that", "which", "who"))
# What opens a clause that goes on the words said: "… and only if Britain took …", "… but
# that talk of a date was …" (a second "that" clause of the same report).
GOES_ON_THE_WORDS = frozenset("if unless provided that".split())


def _with_continuation(verb: Token, words: list[Token]) -> list[Token]:
    """'said France would accept returns "in limited numbers" and only if Britain took …',
    'said Berlin backed Kyiv but that a date was "not helpful"': a condition or a second
    that-clause the parse joined to the verb of saying belongs to the words said."""
    if not words:
        return words
    doc, end = verb.doc, words[-1].i
    for conj in verb.children:
        if conj.dep_ != "conj" or conj.left_edge.i <= end:
            continue
        between = doc[end + 1 : conj.left_edge.i]
        opening = [t for t in doc[conj.left_edge.i : conj.i] if not (t.is_punct or t.dep_ == "cc")]
        opener = [t for t in opening if t.dep_ == "mark" or t.lower_ == "that"]
        if not all(t.is_punct or t.dep_ == "cc" for t in between) or not opener:
            continue
        if opener[0].lower_ in GOES_ON_THE_WORDS and opener[0].i == opening[0].i + (
            opening[0].lower_ == "only"
        ):
            return _trim(list(doc[words[0].i : conj.right_edge.i + 1]))
    return words


def _without_narration(comp: Token, words: list[Token]) -> list[Token]:
    """'said Thailand would act "in good faith" but expressed doubts …': a past-tense verb
    with no subject joined to a clause in "would" goes on with what the speaker did; so does
    a past-tense verb of speech with no subject and words of its own ('said Pakistan was
    "…" and told the assembly that …': a second report)."""
    retold = [t for t in words if t.i > comp.i and _second_report(t)]
    for conj in [*comp.children, *retold[:1]]:
        if _narrated(conj) or conj in retold:
            cut = conj.left_edge.i
            while cut > comp.i and (
                conj.doc[cut - 1].dep_ == "cc" or conj.doc[cut - 1].text == ","
            ):
                cut -= 1
            return _trim([t for t in words if t.i < cut])
    return words


def _noun_read_as_verb(verb: Token) -> Token | None:
    """'Vucevic rejected European Union demands that Serbia join …' parsed with "demands" for
    the verb and "Vucevic rejected European Union" for its subject: the clause that is
    really the sentence, whose object the plural noun is."""
    if verb.tag_ != "VBZ" or any(c.dep_ in SUBJECT_DEPS for c in verb.children):
        return None
    clause = next((c for c in verb.children if c.dep_ == "csubj" and c.i < verb.i), None)
    if clause is None or clause.tag_ != "VBD" or verb.i - 1 > clause.right_edge.i:
        return None
    return clause if any(c.dep_ in SUBJECT_DEPS for c in clause.children) else None


def _reported_in(verb: Token) -> Token | None:
    """The outermost verb of speech before `verb` whose words hold it ("Lee says Ana promised
    to help and said …": the writer's source goes on, Lee)."""
    reporting = [a for a in verb.ancestors if a.i < verb.i and _is_speech_verb(a)]
    return reporting[-1] if reporting else None


def _second_report(conj: Token) -> bool:
    first = conj.head
    while first.dep_ == "conj" and first.head is not first:
        first = first.head
    return (
        conj.dep_ == "conj"
        and first.dep_ != "relcl"  # "Ann Lee, who answered the door and said …": she did
        and conj.tag_ == "VBD"
        and _is_speech_verb(conj)
        and not any(c.dep_ in SUBJECT_DEPS for c in conj.children)
        and any(c.dep_ == "ccomp" for c in conj.children)
    )


def _narrated(conj: Token) -> bool:
    """A past-tense verb with no subject joined to reported words in "would": the writer
    going on with what the speaker did ("… would act in good faith but expressed doubts")."""
    clause = conj.head
    return (
        conj.dep_ == "conj"
        and conj.tag_ == "VBD"
        and clause.dep_ == "ccomp"
        and any(c.dep_ == "aux" and c.tag_ == "MD" for c in clause.children)
        and not any(c.dep_ in SUBJECT_DEPS for c in conj.children)
    )


def _subtree(tok: Token, skip: Token | None = None) -> list[Token]:
    toks = [t for t in tok.subtree if skip is None or t not in set(skip.subtree)]
    return _trim(_without_aftermath(_without_when_said(toks)))


SAID_WHEN = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday today yesterday tonight".split()
)


def _without_when_said(toks: list[Token]) -> list[Token]:
    """'said on Monday it would finish the dam': the day opens the words only because the
    parser hung it on their verb; it tells when they were said."""
    if len(toks) < 4:
        return toks
    first = toks[0]
    said = first.i > 0 and _is_speech_verb(first.doc[first.i - 1])  # not "On Tuesday she lost"
    if said and first.lower_ == "on" and first.dep_ == "prep" and toks[1].lower_ in SAID_WHEN:
        return toks[2:]
    if said and first.dep_ == "prep" and _speech_scene(first):  # "said in a statement it …"
        rest = [t for t in toks if t.i > first.right_edge.i]
        return rest if len(rest) >= 3 else toks
    return toks


# What a statement set off, told by the writer: "…, drawing a warning from Egypt".
AFTERMATH = frozenset("drawing prompting sparking triggering provoking".split())


def _without_aftermath(toks: list[Token]) -> list[Token]:
    """'it would fill the dam this summer, drawing a sharp warning from Egypt': the words end
    before the reaction the writer reports."""
    for n, t in enumerate(toks):
        if (
            t.tag_ == "VBG"
            and t.dep_ == "advcl"
            and t.lower_ in AFTERMATH
            and n
            and toks[n - 1].text == ","
            and not any(c.dep_ in SUBJECT_DEPS for c in t.children)
        ):
            return toks[: n - 1]
    return toks


def _trim(toks: list[Token]) -> list[Token]:
    toks = sorted(toks, key=lambda t: t.i)
    while toks and (toks[0].dep_ in EDGE_DROP and toks[0].text not in '"“«‘'):
        toks = toks[1:]
    while toks and toks[-1].dep_ in EDGE_DROP and toks[-1].text not in '"”»’':
        toks = toks[:-1]
    return toks


def _parataxis_content(verb: Token) -> list[Token]:
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
    return _trim(
        [
            t
            for t in doc[start:]
            if t.i < verb.left_edge.i or t in verb.subtree and t.i > verb.i and t.i not in unsaid
        ]
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


def _quoted(first: Token, second: Token) -> bool:
    """Quotation marks open after the first object, by the second: 'him “a … man”'."""
    return any(t.text in QUOTE_MARKS for t in first.doc[first.i + 1 : second.right_edge.i + 1])


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
        return _trim(list(verb.doc[named[0].left_edge.i : end + 1]))
    if not called and "as" in how and len(named) == 1:
        # 'described talks with Washington as "not smart"': "as" hung on the object
        called = [
            c
            for c in named[0].children
            if c.dep_ == "prep" and c.lower_ == "as" and _quotes_inside(c)
        ]
    if not called:
        return None
    # 'called the plan a mistake': what was named is part of the claim (the plan is a
    # mistake), so the content runs from it to the end of the name; a relative pronoun
    # ('what she called …') is not.
    toks = [t for c in named + called for t in c.subtree if t.i > verb.i]
    lo, hi = min(t.i for t in toks), max(t.i for t in toks)
    return _trim(list(verb.doc[lo : hi + 1]))


def _name_quoted_after(obj: Token) -> int | None:
    """Where the last quotation that opens within the object, or right after it, closes: its
    name for the object ('"a moment long in the making."'; not the object's own quoted words,
    'an assertion of a "claim of right"', when another quotation follows)."""
    doc = obj.doc
    marks = [t.i for t in doc[obj.left_edge.i : obj.sent.end] if t.text in QUOTE_MARKS]
    stretches = list(zip(marks[::2], marks[1::2], strict=False))
    reach = obj.right_edge.i + 1
    ends = [close for open_, close in stretches if obj.i < open_ <= reach]
    return ends[-1] if ends else None


def content_of(verb: Token) -> list[Token] | None:
    lemma = cue_lemma(verb.text)
    comps = [c for c in verb.children if c.dep_ == "ccomp"]
    if lemma == "say":  # "he said his voice breaking": a participle with no finite verb
        comps = [c for c in comps if c.tag_ != "VBG" or _finite_within(c)]  # is the scene
        comps = [c for c in comps if not _time_clause(c)]
    comps = [c for c in comps if not _scene_clause(verb, c) and not _object_then_clause(verb, c)]
    after = [c for c in comps if c.i > verb.i]
    if after and _described_subject_misread(verb) is not None:
        comps = after  # "Another official, who … spoke on condition …, said the point was …"
    if len(after) > 1:  # "she says she didn't cook much: she notes that her mom …": a later
        # report with its own speaker is its own, not part of the first one's content
        later = [
            c
            for c in after[1:]
            if _is_speech_verb(c) and _has_subject(c) and c.left_edge.lower_ not in RELATIVES
        ]  # (not "bases in Syria that threatened Israel", a relative clause misparsed)
        comps = [c for c in comps if c not in later]
    if comps and (torn := _torn_from_infinitive(verb, comps, lemma)) is not None:
        return torn
    if comps:
        comp = max(comps, key=lambda c: len(list(c.subtree)))
        if (subject := _object_as_subject(verb, comp, lemma)) is not None:
            return _trim(list(subject.subtree) + list(comp.subtree))
        words = _with_continuation(verb, _with_split_word(comp, comps) or _subtree(comp))
        if comp.i > verb.i:  # "a presence that Chadian officials said had outlived its
            words = [t for t in words if t.i > verb.i] or words  # purpose": not the "that"
        return _without_narration(comp, words)
    # "called a meeting to review the plan" summons; only "called on them to act" requests.
    summons = lemma == "call" and any(c.dep_ == "dobj" for c in verb.children)
    for child in verb.children:
        to_inf = _to_infinitive(child)
        if lemma in INFINITIVE_VERBS and child.dep_ in ("xcomp", "advcl") and to_inf:
            if summons:
                continue
            if cue_lemma(child.text) in ("name", "identify", "quote") and any(
                g.dep_ == "auxpass" for g in child.children
            ):
                return None  # "asked not to be named" is a condition, not speech
            return _subtree(child)
        if lemma in PLEDGES and child.dep_ == "xcomp" and to_inf and _quotes_inside(child):
            return _subtree(child)  # 'pledged to keep "calm waters"': words, not a plan
        if (
            lemma in GERUND_VERBS
            and child.dep_ in ("xcomp", "ccomp", "dobj", "pcomp")
            and (child.tag_ == "VBG" or any(g.tag_ == "VBG" for g in child.children))
        ):
            return _subtree(child)
    if lemma in ("warn", "caution"):  # 'warned against "foreign intervention" near …'
        preps = [c for c in verb.children if c.dep_ == "prep"]
        against = next((c for c in preps if c.lower_ == "against"), None)
        if against is not None and _quotes_inside(against):
            return _trim([t for t in against.subtree if t.i != against.i]) or None
    if lemma == "accuse":  # "accused the office of rushing the process"
        target = next((c for c in verb.children if c.dep_ == "dobj"), None)
        # "of" on the verb, or parsed onto its object ("accused Chinese vessels of …")
        held = [*verb.children, *(target.children if target is not None else ())]
        charge = next((c for c in held if c.dep_ == "prep" and c.lower_ == "of"), None)
        if target is not None and charge is not None:
            return _trim(sorted({*target.subtree, *charge.subtree}, key=lambda t: t.i))
    if lemma in ("say", "warn") and (clause := _those_who(verb)):
        return clause
    if lemma == "call" and (demand := _called_for(verb)):
        return demand
    if lemma != "call" and (quoted := _quoted_object(verb)):
        return quoted
    if verb.dep_ == "parataxis":
        return _parataxis_content(verb)
    if any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children):
        return _as_content(verb)
    return _clause_on_noun(verb) or _that_left_unparsed(verb)


def _to_infinitive(verb: Token) -> bool:
    """'to delay', 'to act': the verb has the infinitive's "to"."""
    return any(g.dep_ == "aux" and g.lower_ == "to" for g in verb.children)


def _torn_from_infinitive(verb: Token, comps: list[Token], lemma: str) -> list[Token] | None:
    """'urged the administration to delay the sale until it receives assurances the weapons
    will not be used': a clause the parse tore off the end of the infinitive asked for is
    the infinitive's own, not a second report."""
    if lemma not in INFINITIVE_VERBS:
        return None
    for asked in verb.children:
        if asked.dep_ != "xcomp" or not _to_infinitive(asked):
            continue
        torn = [c for c in comps if c.left_edge.i == asked.right_edge.i + 1]
        if torn:
            return _trim(sorted({*asked.subtree, *torn[0].subtree}, key=lambda t: t.i))
    return None


# Verbs that take a thing as their object: a clause with no "that" right after one is rare.
OBJECT_VERBS = frozenset(
    "demand urge seek request propose offer promise pledge vow welcome reject deny condemn "
    "criticise criticize praise".split()
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
        if any(c.dep_ == "relcl" and _modal(c) for c in obj.children):
            return _subtree(obj)
    return None


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
    return _trim(words)


JIBES = frozenset("dig swipe jab reference nod rebuke".split())


# Commitments: an intention ("vowed to fight") unless the words are quoted.
PLEDGES = frozenset("pledge promise vow threaten".split())


def _quoted_object(verb: Token) -> list[Token] | None:
    """'suggested a "transitional government"', 'promised "a new era"': an object in the
    speaker's quoted words is what they said."""
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if obj is None or not _quotes_inside(obj) or not _quoted_words(obj):
        return None
    # (not a quotation inside a clause on the object: 'posted a video in which a car takes
    # "snow laps"' quotes the video, not the poster)
    clauses = {t.i for c in obj.children if c.dep_ in ("relcl", "acl") for t in c.subtree}
    if sum(t.text in QUOTE_MARKS for t in obj.subtree if t.i not in clauses) < 2:
        return None
    return _trim(list(obj.subtree))


def _quotes_inside(phrase: Token) -> bool:
    """The phrase holds a quotation, whose closing mark the parse may hang on the verb after
    a comma: 'to keep relations "future-oriented," even as …'."""
    doc, end = phrase.doc, phrase.right_edge.i + 1
    while end < len(doc) and doc[end].is_punct and doc[end].text not in "([":
        end += 1
    return sum(t.text in QUOTE_MARKS for t in doc[phrase.left_edge.i : end]) >= 2


def _time_clause(clause: Token) -> bool:
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


def _finite_within(clause: Token) -> bool:
    return any(t.tag_ in FINITE_TAGS for t in clause.subtree)


def _has_subject(verb: Token) -> bool:
    return any(c.dep_ in CLAUSE_SUBJECTS for c in verb.children)


def _object_as_subject(verb: Token, comp: Token, lemma: str) -> Token | None:
    """'he said smaller brewers — those that sell out of state — are likely to suffer': the
    parse takes the clause's subject for the verb's object, and leaves the clause without
    one. Not after a verb of telling, whose object is the listener ('told reporters')."""
    if lemma in AUDIENCE or _has_subject(comp):
        return None
    return next((c for c in verb.children if c.dep_ == "dobj" and verb.i < c.i < comp.i), None)


def _called_for(verb: Token) -> list[Token] | None:
    """'has called for a full inquiry': what someone calls for is the demand they voiced. Not
    on a participle describing a noun ('a bill calling for …' reports a document's terms)."""
    if verb.dep_ == "acl":
        return None
    if any(c.dep_ == "oprd" for c in verb.children):
        return None  # 'called it "a historic day" for the region' names it
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ == "for" and prep.i > verb.i:
            return _trim([t for t in prep.subtree if t.i != prep.i]) or None
    return None


def _as_content(verb: Token) -> list[Token] | None:
    """'as El País mentions, the US will respond …': the clause the as-phrase modifies."""
    head = verb.head
    while head.head.i != head.i and head.pos_ not in ("VERB", "AUX"):
        head = head.head
    if head.i == verb.i:
        return None
    return _subtree(head, skip=verb) or None


def _clause_on_noun(verb: Token) -> list[Token] | None:
    """'said in a statement that …', or 'told a meeting of farmers that …': the parser hangs
    the clause on the noun (for a verb of telling, on its audience too)."""
    nouns = [o for p in verb.children if p.dep_ == "prep" for o in p.children]
    # "said after meeting his counterpart, Bakary Sangaré, that …": the name read as the
    # verb's adverbial, the clause as its relative one
    if verb.tag_ in FINITE_TAGS:
        nouns += [c for c in verb.children if c.dep_ == "npadvmod" and c.pos_ == "PROPN"]
    if cue_lemma(verb.text) in AUDIENCE:
        nouns += [c for c in verb.children if c.dep_ in ("dobj", "dative")]
    for noun in nouns:
        for clause in noun.children:
            if clause.dep_ in ("acl", "ccomp", "relcl") and (
                any(m.dep_ == "mark" and m.lower_ == "that" for m in clause.children)
                or _that_clause_misread(clause)
            ):
                return _subtree(clause)
    return None


def _that_clause_misread(clause: Token) -> bool:
    """'said at a regular briefing that China supported dialogue': the parser reads "that"
    as a relative pronoun, the object of "supported", though the verb has its own subject
    and object. A clause that needs no "that" ("a briefing that lasted an hour", "the
    meeting that China hosted") is a relative clause."""
    that = clause.left_edge
    if that.lower_ != "that" or that.dep_ != "dobj" or that.head.i != clause.i:
        return False
    filled = ("dobj", "attr", "acomp", "ccomp", "xcomp", "oprd")
    if not _has_subject(clause):
        return False
    if any(c.dep_ in filled and c.i != that.i for c in clause.children):
        return True
    # 'said in an editorial that Manila was acting as "a pawn"', '… in an interview that he
    # would resign': a clause with its own tense on a speech's scene is what was said
    return clause.head.lower_ in SCENE_NOUNS and any(
        c.dep_ == "aux" and (c.tag_ == "MD" or c.lower_ in ("was", "were", "is", "are"))
        for c in clause.children
    )


def _interrupted_clause(verb: Token, speaker: Token) -> list[Token] | None:
    """'The museum, Mr. Obama said, would make visitors …': the speaker and verb sit between
    commas inside the statement, which is the whole sentence around them."""
    doc = verb.doc
    left = speaker.left_edge.i
    right = verb.i + 1
    while (
        right < len(doc)
        and doc[right].head.i == verb.i
        and doc[right].dep_ in ("advmod", "npadvmod", "prep")
        and doc[right].text != ","
        # not "said in a briefing that Iran welcomes …": a clause hung on the noun is the
        # words, and the comma after them no end of an interruption
        and not any(t.pos_ in ("VERB", "AUX") for t in doc[right].subtree)
    ):
        right = doc[right].right_edge.i + 1
    if left < 2 or speaker.i > verb.i or right >= len(doc) - 3:
        return None
    if doc[left - 1].text != "," or doc[right].text != ",":
        return None
    after = doc[right + 1]
    if all(t.pos_ == "PROPN" or t.is_punct for t in doc[right + 1 :]):
        # "…, X said after talks with his counterpart, Hun Manet.": a name closes the tag
        return _trim(list(doc[_clause_start(doc, left - 1) : left - 1]))
    if _goes_on(verb, after):
        return None  # "…, Voss said on Monday, blaming weak demand": the verb goes on
    start = _clause_start(doc, left - 1)
    if any(t.is_punct and t.text in '"“”' for t in doc[start : left - 1]):
        return None  # a quotation before the comma is handled as a direct quote
    if after.head.i == verb.i and (_speech_scene(after) or _trails_off(after)):
        return _trim(list(doc[start : left - 1]))  # "…, she said, in a speech to …"
    if after.lower_ in CONCESSIVE | CIRCUMSTANCES and (
        after.head.head.i < left or after.head.head.i == verb.i  # "…, though Baku said …"
    ):
        # "The truce held, residents said, although gunfire was heard": the statement was
        # whole before the tag; what follows it is the writer's
        return _trim(list(doc[start : left - 1]))
    return _trim(list(doc[start:]))


def _goes_on(verb: Token, after: Token) -> bool:
    """The phrase after the tag's comma hangs on the tag's verb: "blaming weak demand",
    "according to …", or a clause opened by how long after: "days after a drone struck …"."""
    top = after.head if after.dep_ in ("nummod", "det", "amod") else after  # "two days after"
    if top.dep_ == "npadvmod" and verb.i < top.head.i:
        top = top.head
    if top.head.i != verb.i:
        return False
    return top.dep_ in ("advcl", "xcomp", "conj", "cc") or after.lower_ == "according"


# What a phrase after "X said," places the speech in: "in a speech", "on condition of …".
SCENE_NOUNS = frozenset(
    """speech interview statement briefing conference meeting address call post tweet
    condition visit appearance hearing rally session debate remarks message video broadcast
    summit ceremony event forum editorial commentary letter""".split()
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
WRITERS_FRAMES = frozenset("step move sign blow rebuke shift reversal boost setback".split())


def _speech_scene(prep: Token) -> bool:
    """'…, she said Monday, in a speech to …' tells where it was said; '…, he said, by the
    calendar' ends the statement the speaker interrupted."""
    if prep.dep_ != "prep":
        return False
    return any(o.dep_ == "pobj" and o.lower_ in SCENE_NOUNS for o in prep.children)


def _clause_start(doc, comma: int) -> int:
    """Start of the statement that runs up to `comma`: after the last clause break
    ('…, so it is time, he said, …') or the sentence start."""
    for i in range(comma - 1, 0, -1):
        if doc[i].text in (";", ":") or (doc[i].dep_ == "cc" and doc[i - 1].text == ","):
            return i + 1
        if doc[i].lower_ in ("so", "but") and doc[i - 1].text == ",":
            return i + 1
    return 0


def _according(tok: Token) -> Cue | None:
    to = next((c for c in tok.children if c.lower_ == "to"), None)
    pobj = next((c for c in to.children if c.dep_ == "pobj"), None) if to else None
    if to is None or pobj is None:
        return None
    pobj = _behind_document(pobj)
    head = tok.head if tok.head.i != tok.i else None
    if head is None:
        return None
    while head.head.i != head.i and head.pos_ not in ("VERB", "AUX"):
        head = head.head
    content = _subtree(head, skip=tok)
    # "According to EHS, the target is met, but Chapman says …": the second report is his
    for other in head.children:
        if other.dep_ == "conj" and _is_speech_verb(other) and _has_subject(other):
            content = _trim([t for t in content if t.i < other.left_edge.i])
    text = tok.doc.text[tok.idx : to.idx + len(to)]
    quoting = any(t.text in QUOTE_MARKS for t in content)
    if quoting and pobj.pos_ == "PROPN" and is_outlet(outlet := proper_name(pobj)):
        # "the request of the Secretary of State to Lavrov, according to France 24, to
        # withdraw '…'": the outlet reports whose words they are; the request's author spoke.
        # Without quoted words ("Gazprom's offer was turned down, according to Reuters")
        # the clause is the outlet's own report.
        agent = _speech_act_agent(head, skip=tok)
        if agent is not None:
            return Cue(tok, text, agent, content, "according", via=outlet)
    return Cue(tok, text, pobj, content, "according")


# Nouns that name something said: "the minister's request", "a call by the envoy".
SPEECH_ACT_NOUNS = frozenset(
    "request call demand appeal plea warning proposal offer promise threat message".split()
)


def _speech_act_agent(head: Token, skip: Token) -> Token | None:
    """Who made the speech act a clause names: 'the request of the Secretary of State' or 'the
    minister's request' -> Secretary, minister (a name or a title; not 'a request of hours')."""
    skipped = {t.i for t in skip.subtree}
    for noun in head.subtree:
        if noun.i in skipped or noun.pos_ != "NOUN" or noun.lower_ not in SPEECH_ACT_NOUNS:
            continue
        for child in noun.children:
            agents = [child] if child.dep_ == "poss" else []
            if child.dep_ == "prep" and child.lower_ in ("of", "by", "from"):
                agents = [c for c in child.children if c.dep_ == "pobj"]
            for agent in agents:
                if agent.pos_ == "PROPN" or agent.lower_ in VIEWPOINT_HEADS:
                    return agent
    return None


DOCUMENTS = frozenset(
    "statement report release post letter filing interview document "
    "announcement transcript tweet memo".split()
)


def _behind_document(noun: Token) -> Token:
    """'according to a statement from the mayor's office' -> the office."""
    if cue_lemma(noun.text) not in DOCUMENTS:
        return noun
    for prep in noun.children:
        if prep.dep_ == "prep" and prep.lower_ in ("from", "by", "of"):
            for pobj in prep.children:
                if pobj.dep_ == "pobj":
                    return pobj
    return noun


OPENING_MARKS = frozenset('"“«‘')
QUOTE_MARKS = OPENING_MARKS | frozenset("”»’")
VIEWPOINT_HEADS = frozenset(
    """president minister secretary leader chancellor premier ambassador envoy spokesman
    spokeswoman spokesperson diplomat official head chief mayor governor senator""".split()
)


def _viewpoint(tok: Token) -> Cue | None:
    """'For the Russian president, "…"': a person named before a comma that opens a quotation
    is its speaker. Only with the quotation marks: 'For Obama, it was …' is the writer's view."""
    pobj = next((c for c in tok.children if c.dep_ == "pobj"), None)
    if pobj is None or not (pobj.pos_ == "PROPN" or pobj.lower_ in VIEWPOINT_HEADS):
        return None
    doc, after = tok.doc, pobj.right_edge.i + 1
    if after + 1 >= len(doc) or doc[after].text != "," or doc[after + 1].text not in OPENING_MARKS:
        return None
    return Cue(tok, tok.text, pobj, _trim(list(doc[after + 1 :])), "viewpoint")


def _in_their_words(tok: Token) -> Cue | None:
    """'In his words, the American side "does not …"', 'In the words of Ann Lee, …': a
    sentence opened so gives what follows the comma as that person's words."""
    words = next((c for c in tok.children if c.dep_ == "pobj" and c.lower_ == "words"), None)
    if words is None or tok.i != 0:
        return None
    owner = next((c for c in words.children if c.dep_ == "poss"), None)
    if owner is None:
        of = next((c for c in words.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        owner = next((c for c in of.children if c.dep_ == "pobj"), None) if of else None
    doc, after = tok.doc, tok.right_edge.i + 1
    if owner is None or owner.lower_ in ("my", "our", "your") or after >= len(doc) - 2:
        return None
    if doc[after].text != ",":
        return None
    return Cue(
        tok,
        doc.text[tok.idx : words.idx + len(words)],
        owner,
        _trim(list(doc[after + 1 :])),
        "according",
    )


def _quoted_judgement(verb: Token) -> Cue | None:
    """'The Kremlin dismissed the plan as "a publicity stunt"': a judgement whose name for
    the thing is quoted gives those words to the verb's subject."""
    if verb.pos_ != "VERB" or _passive(verb) or any(c.dep_ == "agent" for c in verb.children):
        return None
    if (
        verb.dep_ in ("acl", "amod")
        or verb.tag_ == "VBN"
        and not any(c.dep_ == "aux" for c in verb.children)
    ):
        return None  # 'emails labeled "top secret" by the department': a participle
    if verb.dep_ == "xcomp" and verb.head.lemma_ == "be":
        return None  # 'the meanest he got was to label as "USED NEWS" a story'
    if any(c.tag_ == "MD" for c in verb.children):
        return None  # 'that Trump would denounce "self-deportation"' supposes
    naming = naming_content(verb)
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    if (
        naming is None
        and len(objects) == 1
        and ("oprd" in NAMING_VERBS[cue_lemma(verb.text)] or _quoted_words(objects[0]))
    ):
        # 'branded the reply "childish"' read as one object; 'condemned China's "aggressive
        # actions"' quotes the words; 'denounced the "Never Again" movement' names a thing
        naming = _trim(list(objects[0].subtree))
    if not naming or not any(t.text in QUOTE_MARKS for t in naming):
        return None
    speaker = subject_of(verb)
    if speaker is None or speaker.pos_ not in ("PROPN", "NOUN", "PRON"):
        return None
    return Cue(verb, _cue_text(verb), speaker, naming, "verb", naming=True)


def _quoted_words(phrase: Token) -> bool:
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
    if any(_is_speech_verb(t) for t in phrase.subtree):
        return False  # '…the notion that …, saying that if he "found …"': another report's
    return len(inside) >= 2 and inside[0].text[:1].islower()


# Nouns for what someone said: a quotation inside one is that someone's words.
REPORTED_WORDS = frozenset(
    """call remark remarks comment comments statement claim claims pledge promise proposal
    words plan suggestion description characterization assertion""".split()
)


def find_cues(doc) -> list[Cue]:
    """Every speech cue in the parsed sentence, in reading order."""
    cues = []
    for tok in doc:
        if tok.lower_ == "according" and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "to":
            cue = _according(tok)
        elif tok.lower_ == "for" and tok.dep_ == "prep":
            cue = _viewpoint(tok)
        elif tok.lower_ == "in" and tok.dep_ == "prep":
            cue = _in_their_words(tok)
        elif tok.pos_ == "NOUN" and tok.lower_ in REPORTING_NOUNS:
            cue = _their_remark(tok)
        elif cue_lemma(tok.text) in NAMING_ONLY:
            cue = _quoted_judgement(tok)
        elif _is_speech_verb(tok):
            if (agent := _told_by(tok)) is not None and (content := content_of(tok)):
                cues.append(Cue(tok, _cue_text(tok), agent, content, "verb", via=channel_of(tok)))
                continue
            if _passive(tok) or _asked_of_them(tok):
                continue
            if cue_lemma(tok.text) in QUOTE_ONLY_VERBS and (
                tok.dep_ == "xcomp" or any(c.dep_ == "xcomp" for c in tok.children)
            ):
                continue  # "likely to continue to pose a risk": no "…," he continued
            content = content_of(tok) or None
            naming = None if content else naming_content(tok)
            if naming and _names_a_thing(tok):
                continue  # "a stream called Miller Run" names a thing; nobody is speaking
            if naming:
                speaker = subject_of(tok)
                if speaker is not None:
                    cues.append(Cue(tok, _cue_text(tok), speaker, naming, "verb", naming=True))
                continue
            if content is None and cue_lemma(tok.text) in CLAUSE_ONLY:
                continue
            speaker = subject_of(tok)
            misread = speaker is None and _misread_as_modifier(tok)
            if misread:
                speaker = tok.head  # "Estonia's prime minister, Kaja Tamm, posted on Facebook:"
                content = content or _clause_after(tok, speaker)
            if speaker is None and _has_inanimate_subject(tok):
                continue
            if any(c.dep_ == "neg" for c in tok.children) and cue_lemma(tok.text) not in (
                "deny",
                "rule",
            ):
                continue  # "had not answered", "did not say whether": no speech reported
            if tok.dep_ == "xcomp" and tok.head.lower_.startswith(("declin", "refus")):
                continue  # "declined to say whether …"
            if tok.dep_ == "pcomp" and tok.head.lower_ == "without":
                continue  # "…, it added, without elaborating": nothing more was said
            if any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in tok.children):
                continue  # "but if the president is now saying, …": supposed, not reported
            if _said_in_general(tok):
                continue  # "To say that X is theatre would be unfair": nobody reports it
            if _imperative(tok):
                continue  # "Let's say prices double", "Now tell us …": the writer supposing
            if tok.tag_ == "VBN" and tok.dep_ in ("acl", "amod") and not misread:
                continue  # "Hezbollah, accused of bombing …" is a passive participle
            if (
                cue_lemma(tok.text) == "conclude"
                and speaker is not None
                and (speaker.lower_ in FINDINGS)
            ):
                continue  # "the investigation concluded that …" reports a finding
            if cue_lemma(tok.text) in OPINION_VERBS and (
                speaker is None or speaker.lower_ in ("i", "we") or _belief_wished(tok)
            ):
                continue  # a belief is reported only for someone named: "I believe" is the writer's
            if speaker is not None and _nobody_in_particular(speaker):
                continue  # "If anyone really believed that …", "everyone says …"
            if (
                speaker is not None
                and not _second_report(tok)  # the speaker is the first report's, not its own
                and (inserted := _interrupted_clause(tok, speaker))
            ):
                content = inserted
            if speaker is not None and speaker.dep_ in ("conj", "appos") and content:
                content = _with_misread_end(content, speaker)
            if content is None:
                if tok.dep_ != "relcl":  # not "…, a charge the mayor denied"
                    content = fronted_content(tok, speaker)
            elif content[-1].i < tok.i and not _adjoins(content, tok, speaker):
                # a clause before a verb mid-sentence is not its speech, unless the whole
                # sentence before the tag is ("A man shot…, her two…, police said.")
                reports = tok.dep_ == "ROOT" and tok.tag_ in ("VBD", "VBZ", "VBP")  # not "will"
                content = fronted_content(tok, speaker) if reports else None
                if content is None:
                    continue
            cue = Cue(tok, _cue_text(tok), speaker, content, "verb", via=channel_of(tok))
        else:
            continue
        if cue is not None:
            cues.append(cue)
    return _repeated_tags(_through_outlets(_split_nested(cues)))


def _opens_with(content: list[Token], speaker: Token) -> bool:
    """The words open with the speaker's phrase, after at most a short scene ("In Tehran,")."""
    before = [t for t in content if t.i < speaker.left_edge.i]
    return len([t for t in before if not t.is_punct and t.lower_ != "that"]) <= 3


def _through_outlets(cues: list[Cue]) -> list[Cue]:
    """'… Kanaani said in a briefing that Iran "welcomes any step," state news agency IRNA
    reported': an outlet reporting a report is the channel of its words, not their speaker."""
    dropped = []
    for cue in cues:
        if cue.kind != "verb" or cue.speaker is None or not cue.content:
            continue
        outlet = _outlet_named(cue.speaker)
        inside = {t.i for t in cue.content}
        last = max(inside)
        nested = [  # a named speaker's report that is all the outlet's words from there on
            o
            for o in cues
            if o is not cue
            and o.kind == "verb"
            and o.speaker is not None
            and o.speaker.pos_ == "PROPN"
            and o.speaker.dep_ in ("nsubj", "nsubjpass")
            and o.token.tag_ not in ("VB", "VBG")  # said, not "was planning to call on"
            and o.token.i in inside
            and o.speaker.i in inside
            and o.content
            and max(t.i for t in o.content) >= last - 2
            and _opens_with(cue.content, o.speaker)
        ]
        if outlet and nested:
            dropped.append(cue)
            for o in nested:
                o.via = o.via or outlet
        # "Peskov told reporters …, according to the RIA Novosti agency": the source of the
        # report ends its words, and an outlet there is their channel
        for source in cues:
            if source.kind != "according" or cue.kind != "verb":
                continue
            trailing = source.token.right_edge.i >= last - 1 and source.token.i > min(inside) + 3
            if source.token.i in inside and trailing:
                kept = _trim([t for t in cue.content if t.i < source.token.i])
                if not kept:
                    break
                cue.content, inside = kept, {t.i for t in kept}
            elif source.token.head.i != cue.token.i or source.token.i < last:
                continue  # not '… told Harlan that …, according to CCTV' either
            if source.speaker is not None and (named := _outlet_named(source.speaker)):
                cue.via = cue.via or named
                dropped.append(source)
            elif source.speaker is not None and _their_document(source.speaker, cue.speaker):
                cue.via = cue.via or source.speaker.lower_  # "…, according to his website"
                dropped.append(source)
    for source in cues:  # "The crown prince stressed “…”, according to the agency"
        if source.kind != "according" or source.speaker is None or not source.content:
            continue
        media = _outlet_named(source.speaker) or (
            source.speaker.lower_ if source.speaker.lower_ in MEDIA_NOUNS else None
        )
        within = {t.i for t in source.content}
        reports = [
            c
            for c in cues
            if c.kind == "verb"
            and c.speaker is not None
            and {c.token.i, c.speaker.i} <= within
            and _opens_with(source.content, c.speaker)
        ]
        quoted = any(t.text in QUOTE_MARKS for t in source.content)
        said = reports and all(c.content or quoted for c in reports)  # words of their own
        if media and said and source not in dropped:
            dropped.append(source)
            for report in reports:
                report.via = report.via or (media if media not in MEDIA_NOUNS else None)
    return [c for c in cues if c not in dropped]


def _their_document(document: Token, speaker: Token | None) -> bool:
    """'Khamenei described talks as "not wise", according to his official website': a
    named speaker's own document is where the words were printed, not who said them."""
    return (
        speaker is not None
        and speaker.pos_ == "PROPN"
        and document.lower_ in DOCUMENT_NOUNS | {"website", "account"}
        and any(c.dep_ == "poss" and c.lower_ in ("his", "her", "its") for c in document.children)
    )


def _repeated_tags(cues: list[Cue]) -> list[Cue]:
    """'Tyler said that voters can trust Cuomo's "principles," he said.': a pronoun's tag
    whose words are another report of the sentence (its speaker, verb and words) repeats that
    report's tag; it is no second report of the whole sentence, the first speaker's name
    included."""
    reports = [
        c
        for c in cues
        if c.kind == "verb"
        and c.content
        and c.speaker is not None
        and c.speaker.head.i == c.token.i  # its own subject: not "To believe the state must …"
        and c.speaker.dep_ in SUBJECT_DEPS
    ]
    out: list[Cue] = []
    beliefs: set[int] = set()
    for cue in cues:
        if (
            cue.kind == "verb"
            and cue.speaker is not None
            and (cue.speaker.lower_ in ("he", "she", "they") or _their_own(cue.speaker))
            and cue.content
            and cue.content[-1].i < cue.token.i  # a tag after the words
        ):
            inner = [o for o in reports if o is not cue and o.token.head.i == cue.token.i]
            if cue.speaker.lower_ not in ("he", "she", "they"):
                # "Manalo said the Philippines would not yield, his office said": the office
                # relays a report by the person it names; not "Lee said …, his aide said" of
                # another's words, which is rarer than this
                inner = [o for o in inner if o.speaker is not None and o.speaker.pos_ == "PROPN"]
            if inner and all(cue_lemma(o.token.text) in OPINION_VERBS for o in inner):
                # 'Beijing believes the mission should end, he said': the belief is what
                # he reports; he may speak for Beijing but is not it
                beliefs.update(id(o) for o in inner)
            elif inner:
                continue
        out.append(cue)
    return [c for c in out if id(c) not in beliefs]


# Those who relay a named person's words: "Lavrov told Wang that …, the foreign ministry said".
RELAYS = frozenset("office ministry spokesman spokeswoman spokesperson aides readout".split())


def _their_own(speaker: Token) -> bool:
    """'his office', 'her spokesman', 'the foreign ministry': a body or aide that relays."""
    if speaker.lower_ in RELAYS:  # (the parse may take "the Chinese foreign ministry" for a name)
        return speaker.pos_ in ("NOUN", "PROPN")
    return speaker.pos_ == "NOUN" and any(
        c.dep_ == "poss" and c.lower_ in ("his", "her", "their") for c in speaker.children
    )


CONCESSIVE = frozenset("though although while whereas".split())
# Words opening the writer's account of when or why, after an inserted tag: "…, the ministry
# said, after days of talks".
CIRCUMSTANCES = frozenset("after amid following despite ahead before".split())


def _separate_report(verb: Token) -> bool:
    """A speech verb with its own subject heading a coordinated ('and critics warned …') or
    concessive ('though she noted …') clause; not 'lying when they say …', which is part of
    the first claim."""
    if not any(c.dep_ == "nsubj" for c in verb.children):
        return False
    if verb.dep_ == "conj":
        return True
    marks = {c.lower_ for c in verb.children if c.dep_ == "mark"}
    # "…, as Manila accused Beijing of …" closing the sentence; not "Trump — even as he says
    # … — has proposed little", a clause inside the first report
    closing = "as" in marks and verb.right_edge.i >= len(verb.doc) - 2
    return verb.dep_ == "advcl" and (bool(marks & CONCESSIVE) or closing)


def _split_nested(cues: list[Cue]) -> list[Cue]:
    """'Lee said prices rose, though she noted that wages rose too': a clause with a speaker
    and speech verb of its own ends the first report; each keeps its own content."""
    for cue in cues:
        if cue.kind != "verb" or not cue.content:
            continue
        inside = {t.i for t in cue.content}
        cuts = [
            o.token.left_edge.i
            for o in cues
            if o is not cue
            and o.kind == "verb"
            and o.content
            and o.token.i in inside
            and _separate_report(o.token)
            and o.token.left_edge.i > cue.content[0].i
        ]
        if cuts:
            cue.content = _trim([t for t in cue.content if t.i < min(cuts)]) or cue.content
    return cues


def _names_a_thing(verb: Token) -> bool:
    """A passive participle on a noun ('a group called X') has one complement, the name;
    with an object as well ('the doctor who wrote the letter called him a quack') the verb is
    active and misparsed."""
    if verb.dep_ not in ("acl", "amod"):  # a participle, even when tagged past tense
        return False
    return sum(1 for c in verb.children if c.dep_ in ("dobj", "oprd")) < 2


GENERIC_PEOPLE = frozenset("anyone anybody nobody everyone everybody".split())


def _clause_after(verb: Token, head: Token) -> list[Token] | None:
    """'Estonia's prime minister, Kaja Tamm, posted on Facebook that …': with the verb read as
    a modifier, the that-clause after it hangs on the same noun."""
    for clause in head.children:
        if (
            clause.i > verb.i
            and clause.dep_ in ("relcl", "ccomp", "acl")
            and any(m.dep_ == "mark" and m.lower_ == "that" for m in clause.children)
        ):
            return _subtree(clause)
    return None


def _misread_as_modifier(verb: Token) -> bool:
    """'Estonia's prime minister, Kaja Tamm, posted on Facebook:' parses as a noun phrase
    with a participle on it; with no other verb in the sentence, the participle is the
    verb and the noun its subject."""
    head = verb.head
    return (
        verb.dep_ == "acl"
        and verb.tag_ == "VBN"
        and head.dep_ == "ROOT"
        and (head.pos_ == "PROPN" or head.lower_ in PERSON_NOUNS)  # someone, not "a dictum"
        and cue_lemma(verb.text) in PLAIN_SAYING
        and not any(c.dep_ == "agent" for c in verb.children)  # "a plan posted by the mayor"
    )


def _nobody_in_particular(speaker: Token) -> bool:
    """'anyone', 'everyone' alone: the writer's generalisation, not someone's report ('anyone
    who was there said …' names a group and stays)."""
    return speaker.lower_ in GENERIC_PEOPLE and not list(speaker.children)


WISHING = frozenset("need needs needed want wants wanted seem seems seemed".split())


def _belief_wished(verb: Token) -> bool:
    """'they'll need to believe their efforts worked', 'seems to believe': a belief the writer
    supposes or asks for, not one someone holds and states."""
    return verb.dep_ == "xcomp" and verb.head.lower_ in WISHING


def _said_in_general(verb: Token) -> bool:
    """An infinitive saying that is a clause's subject ("But to say that Parliament is
    theatre doesn't …") or the complement of an adjective ("It is fair to say that …"): the
    writer weighing a claim, nobody making it."""
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return False
    if verb.dep_ in ("csubj", "csubjpass"):
        return True
    head = verb.head
    return (
        verb.dep_ == "xcomp"
        and any(c.dep_ == "acomp" for c in head.children)
        and any(c.dep_ == "nsubj" and c.lower_ == "it" for c in head.children)
    )


def _imperative(verb: Token) -> bool:
    """A bare verb with no subject heading its clause, or after 'let's', addresses the reader."""
    if verb.tag_ != "VB":
        return False
    if verb.head.lower_ == "let" and verb.head.i < verb.i:
        return True
    subject = any(c.dep_ in ("nsubj", "nsubjpass", "aux") for c in verb.children)
    return verb.dep_ == "ROOT" and not subject


def _adjoins(content: list[Token], verb: Token, speaker: Token | None) -> bool:
    """Only punctuation, the speaker phrase and the verb's auxiliaries separate a fronted
    clause from its verb ('…," the minister has said')."""
    allowed = set(speaker.subtree) if speaker is not None else set()
    for t in verb.doc[content[-1].i + 1 : verb.i]:
        if t.text in (":", ";"):
            return False  # 'Tempers rose: the mayor said …' — a colon looks ahead, not back
        if not (
            t.is_punct
            or t in allowed
            or (t.head.i == verb.i and t.dep_ in ("aux", "neg", "advmod"))
            or (t.head.i == verb.i and t.dep_ == "mark" and t.lower_ == "as" and _closing_tag(verb))
        ):
            return False
    return True


# Verbs of an as-clause that tags the words before it: "…, as Breitbart reported."
AS_TAGS = frozenset("say put note report write acknowledge explain argue observe remark".split())


def _closing_tag(verb: Token) -> bool:
    """'"…," as one official put it.': an as-clause that ends the sentence on its verb (not
    "…, as Kenyatta announced the end of the siege", a clause of its own)."""
    doc = verb.doc
    if cue_lemma(verb.text) not in AS_TAGS or not all(
        t.is_punct for t in doc[verb.right_edge.i + 1 :]
    ):
        return False
    mark = next(c for c in verb.children if c.dep_ == "mark")
    if mark.i == 0 or not doc[mark.i - 1].is_punct:
        return False  # "not as toxic as insiders believe" compares
    return all(
        c.is_punct
        or c.dep_ in ("advmod", "npadvmod", "aux")
        or (c.dep_ == "dobj" and c.lower_ == "it")
        or (c.dep_ == "prep" and c.lower_ in ("in", "on", "at"))
        for c in verb.children
        if c.i > verb.i
    )


def _is_speech_verb(tok: Token) -> bool:
    """A speech verb; 'said'/'says' count even when mis-tagged ('“…“, Said Lavrov')."""
    if tok.lower_ in ("said", "says"):
        # not the surname in "President Omar Said" or "Leila Said, said": a name before it
        prev = tok.doc[tok.i - 1] if tok.i > 0 else None
        surname = tok.text == "Said" and prev is not None and is_first_name(prev.text)
        return not surname and not _said_as_given_name(tok)
    if tok.dep_ in ("amod", "compound"):
        return False
    if tok.lower_ in ("put", "puts"):  # "As one official put it, …"
        kids = {(c.dep_, c.lower_) for c in tok.children}
        return {("dobj", "it"), ("mark", "as")} <= kids
    if tok.pos_ not in ("VERB", "AUX") and not _parsed_as_verb(tok):
        return False
    lemma = cue_lemma(tok.text)
    if lemma in PARTICLE_VERBS:  # "pointed out that", not "pointed to the door"
        return any(c.dep_ == "prt" and c.lower_ == PARTICLE_VERBS[lemma] for c in tok.children)
    return lemma in SPEECH_VERBS


def _said_as_given_name(tok: Token) -> bool:
    """'Said Abdullah, a fisherman, told Reuters …': "Said" is the given name of the subject
    of another speech verb in the sentence."""
    if tok.text != "Said" or tok.i + 1 >= len(tok.doc):
        return False
    name = tok.doc[tok.i + 1]
    return (
        name.pos_ == "PROPN"
        and name.dep_ == "nsubj"
        and name.head.i != tok.i
        and cue_lemma(name.head.text) in SPEECH_VERBS
    )


def _parsed_as_verb(tok: Token) -> bool:
    """'But Ms. Vale claims that …' with 'claims' tagged a plural noun: a subject and a
    clause complement show the parser read it as the verb it is."""
    deps = {c.dep_ for c in tok.children}
    return tok.pos_ == "NOUN" and "nsubj" in deps and "ccomp" in deps


def _passive(tok: Token) -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in tok.children)


def _told_by(tok: Token) -> Token | None:
    """'Holloway was told by Orlov that …', 'they were assured by the minister that …': a
    listener made the subject; the speaker is the agent after "by"."""
    if not _passive(tok) or cue_lemma(tok.text) not in AUDIENCE - {"ask"}:
        return None  # "was asked by the moderator whether …" is a question, not a report
    for agent in tok.children:
        if agent.dep_ == "agent":
            return next((c for c in agent.children if c.dep_ == "pobj"), None)
    return None


def _asked_of_them(tok: Token) -> bool:
    """'would not comment when asked if …', 'Asked whether …, Lee said': a question put to
    the clause's subject, whose words it is not (the reporter's, unnamed)."""
    if cue_lemma(tok.text) != "ask" or tok.dep_ not in ("advcl", "acl", "ccomp"):
        return False
    if tok.dep_ == "ccomp":  # "Ingrid Lund, asked whether …, said" parsed as her question
        return _scene_clause(tok.head, tok) and not _has_subject(tok.head)
    if any(c.dep_ in SUBJECT_DEPS for c in tok.children):
        # "Ana Ruiz, asked at her briefing whether …, said": the subject, parsed as the
        # asker, is whom the question was put to and the subject of the verb after it
        head = tok.head
        return (
            tok.dep_ == "advcl"
            and tok.i > 0
            and tok.doc[tok.i - 1].text == ","
            and head.i > tok.i
            and _is_speech_verb(head)
            and not any(c.dep_ in SUBJECT_DEPS for c in head.children)
        )
    # the parser often tags "when asked" or "Ana Ruiz, asked at her briefing whether …, said"
    # a past tense; with no subject of its own it is the participle ("asking" is not)
    return tok.tag_ in ("VBN", "VBD")


def _has_inanimate_subject(tok: Token) -> bool:
    """'everything indicates that…' and 'those who say that…' are not attributable speech."""
    if tok.dep_ == "relcl" and tok.head.lower_ in NOT_SPEAKERS:
        return True
    return any(c.dep_ in SUBJECT_DEPS and _mute(c, tok) for c in tok.children)
