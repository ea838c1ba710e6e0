"""Quote candidates from one sentence: spans, kind, cue and speaker phrase.

A cue's content clause becomes an indirect quote, or a mixed one when it contains quotation
marks; marked stretches that are whole statements become direct quotes, linked to the cue of
their sentence, to a colon introduction just before, or to nobody (floating, resolved later).
"""

import itertools
import re
from dataclasses import dataclass, replace
from typing import Any

from spacy.tokens import Token

from app.extract.speakers.gender import is_first_name
from app.extract.speakers.lexicon import INVERTED_TAGS, NAME_PARTICLES, PLATFORMS, TITLE_WORDS
from app.extract.speakers.mentions import Mention
from app.extract.speakers.typing import is_outlet
from app.extract.speech.cues import Cue, find_cues
from app.extract.speech.parse_tokens import FINITE_TAGS, SIGN_WORDS, proper_name
from app.extract.text.marks import Marked
from app.extract.text.parse import Parsed, shrinkable
from app.extract.text.sentences import Sentence
from app.extract.verbs import QUOTE_ONLY_VERBS
from app.extract.verbs import lemma as cue_lemma

MIN_DIRECT_WORDS = 3  # fewer words in marks next to a cue are a scare quote or a title
MIN_FLOATING_WORDS = 6
MIN_INDIRECT_WORDS = 3
# Cues whose content a short quoted phrase can be whole: what was warned of or called for.
PHRASE_IS_ENOUGH = frozenset("warn caution call urge demand".split())


ASKS, ANSWERS, SPEAKS = "asks", "answers", "speaks"


@dataclass(frozen=True)
class Turn:
    """One paragraph's share of a turn: the words from `start` to `end`, said by whom the
    label at `label_start` names (`name`, title-cased, titles left out; None for Q and A)."""

    start: int
    end: int
    role: str  # ASKS | ANSWERS | SPEAKS
    label: str  # as printed
    label_start: int
    label_end: int
    name: str | None


@dataclass
class Candidate:
    start: int
    end: int
    kind: str  # "direct" | "indirect" | "mixed"
    cue: str | None
    mention: Mention | None
    sentence: Sentence
    how: str  # clause, according, adjacent, signed, colon, floating, turn (transcripts), post
    cue_pos: int | None = None  # article offset of the cue word
    via: str | None = None  # the outlet or document the words came through
    turn: Turn | None = None  # the transcript turn whose speaker said it (turns.py)


def _words(text: str) -> int:
    return len(re.findall(r"\w+", text))


def is_statement(text: str, q: Marked) -> bool:
    """Marks around a statement, not a name, title or scare-quoted phrase."""
    inner = q.inner(text)
    return _words(inner) >= MIN_DIRECT_WORDS


def _leftover_words(text: str, start: int, end: int, marks: list[Marked]) -> str:
    """Unquoted words of a span, ignoring a leading 'that'."""
    pieces, pos = [], start
    for q in marks:
        pieces.append(text[pos : q.start])
        pos = q.end
    pieces.append(text[pos:end])
    rest = " ".join(pieces)
    rest = re.sub(r"^\W*that\b", "", rest.strip(), flags=re.IGNORECASE)
    return re.sub(r"[\W_]+", " ", rest).strip()


def _widen(start: int, end: int, marks: list[Marked]) -> tuple[int, int]:
    """Grow a span so every quotation it touches is inside it whole."""
    for q in marks:
        if q.start < end and q.end > start:
            start, end = min(start, q.start), max(end, q.end)
    return start, end


DATELINE = re.compile(r"^[A-Z][A-Z .'-]+,[^.\n]{0,40}?(?:\([\w ]+\)|/[\w ]+/\.?)\s*[-—–]?\s*")


def _run_into_quote(text: str, end: int, marks: list[Marked]) -> int:
    """'declared that he was in Russia “because …”': a quotation continuing the clause
    in lower case belongs to it, though the parser hung it elsewhere."""
    for q in marks:
        if end <= q.start <= end + 2 and not text[end : q.start].strip():
            inner = q.inner(text)
            if inner[:1].islower():
                return q.end
    return end


# 'that "…", but that, after the vote, "…"': the next quotation opens a clause of its own.
# Not the relative 'that' of 'a position that "eventually everybody can feel OK with"'.
THAT_BETWEEN = re.compile(r"(?:\b(?:and|but|or|while|whereas)|[,;])[ \u00a0]{1,3}that\b", re.I)


# After a closed quotation, a comma and "as", "amid", "while", "after …" open the writer's
# account of the moment, not more of the speaker's words.
CONTEXT_AFTER = re.compile(
    r"[,;][ \t]{1,3}(?:as|amid|while|even as|just as|days after|hours after)\s"
)


# What the speaker left unsaid, told by the writer after the words: "…, though he did not say
# whether …", "…, but declined to give details", "… had been set but would not say when".
UNSAID = re.compile(
    r"(?:,[ \t]{1,3}(?:though|although|but)|[ \t]but)[ \t]{1,3}(?:(?:he|she|they|it)[ \t]{1,3})?"
    r"(?:did[ \t]{1,3}not|didn['’]t|would[ \t]{1,3}not|wouldn['’]t|declined[ \t]{1,3}to|"
    r"refused[ \t]{1,3}to|gave[ \t]{1,3}no|offered[ \t]{1,3}no)[ \t]{1,3}"
    r"(?:say|specify|elaborate|give|explain|provide|name|comment|offer|disclose|detail|"
    r"identify|answer|details|evidence|timeline|further)\b"
)


# The writer's word on what was said, appended to it: "…, an account the State Department
# disputed", "…, a charge that Colorado Republicans denied", "…, a move that could …".
JUDGED_AFTER = re.compile(
    r",[ \t]{1,3}(?:a|an)[ \t]{1,3}(?:[a-z-]{1,20}[ \t]{1,3})?(?:account|claim|charge|"
    r"accusation|allegation|assertion|version|characteri[sz]ation|contention|move|step)"
    r"[ \t]{1,3}(?:that|which|(?:the[ \t]{1,3})?[A-Z])"
    # "…, echoing the words of earlier leaders", "…, in a nod to …": how the words sound
    r"|,[ \t]{1,3}(?:echoing|mirroring|underscoring|underlining"
    r"|in[ \t]a[ \t](?:nod|sign|reference))\b"
)
# Where the words were published, closing them: "…, in a statement carried by state news
# agency KCNA", "…, in comments published by the Izvestia daily".
CARRIED_BY = re.compile(
    r",[ \t]{1,3}(?:in|according to)[ \t]{1,3}(?:a|an|the)[ \t]{1,3}(?:[a-z]{1,20}[ \t]){0,2}"
    r"(?:statement|report|interview|comments?|remarks|article|message)[ \t]{1,3}"
    r"(?:carried|published|released|issued|aired|broadcast|reported)[ \t]{1,3}by[ \t]{1,3}"
    r"(?:(?:the|state|state-run|official|news|agency|newspaper|broadcaster|daily)[ \t]{1,3}){0,4}"
    r"(?P<outlet>[A-Z][\w.'’&-]{0,30}(?:[ \t][A-Z][\w.'’&-]{0,30}){0,3})[.]?\s{0,3}$"
)


def _only_points_back(content: list[Token]) -> bool:
    """A demonstrative and no clause: 'that about the other', 'this to reporters'."""
    return content[0].lower_ in ("that", "this", "so") and not any(
        t.pos_ in ("VERB", "AUX") for t in content
    )


def _from_content(
    text: str, parsed: Parsed, cue: Cue, marks: list[Marked], sent: Sentence
) -> list[Candidate]:
    start, end = parsed.span(cue.content)
    if m := DATELINE.match(text[start:end]):
        start += m.end()
    start, end = _widen(start, end, marks)
    end = _run_into_quote(text, end, marks)
    carried = CARRIED_BY.search(text, start, end)
    if carried is not None and carried.start() > start:
        end = carried.start()  # "…, in a statement carried by state news agency KCNA"
    if (unsaid := UNSAID.search(text, start, end)) is not None:
        end = unsaid.start()  # "…, though he did not say whether …": the writer's aside
    if (judged := JUDGED_AFTER.search(text, start, end)) is not None and not any(
        q.start < judged.start() < q.end for q in marks
    ):
        end = judged.start()  # "…, an account the State Department disputed"
    inside = [q for q in marks if q.start >= start and q.end <= end]
    if inside and CONTEXT_AFTER.match(text, inside[-1].end, end):
        end = inside[-1].end  # "would not ‘stand by’, as talks stalled": the writer's scene
    speaker = cue.mention(parsed.to_text)
    how = "clause" if cue.kind == "verb" else "according"
    base: dict[str, Any] = dict(
        cue=cue.text,
        mention=speaker,
        sentence=sent,
        how=how,
        cue_pos=parsed.to_text(cue.token.idx),
        via=cue.via or (carried.group("outlet") if carried is not None else None),
    )
    statements = [q for q in inside if is_statement(text, q)]
    leftover = _leftover_words(text, start, end, inside)
    if len(inside) == 1 and not leftover and _on_a_programme(text, inside[0]):
        return []  # 'said on CBS’ “Face the Nation.”': the programme, not the words
    # Quotations woven into one clause ('that fraud is "a big problem" but "nobody talks
    # about it"') are one quote of that clause; each quotation is its own when nothing else
    # is said, or when each heads a clause of its own ('that "…", but that "…"').
    own_clauses = (
        len(statements) > 1
        and all(
            THAT_BETWEEN.search(text, a.end, b.start) for a, b in itertools.pairwise(statements)
        )
        and not _verb_before_quotes(parsed, cue, statements)
    )
    if statements and (not leftover or own_clauses):
        return [Candidate(q.start, q.end, "direct", **base) for q in statements]
    if cue.naming:  # what someone called something: a word or two is enough
        if len(inside) == 1 and not leftover:
            return [Candidate(inside[0].start, inside[0].end, "direct", **base)]
        return [Candidate(start, end, "mixed" if inside else "indirect", **base)]
    if len(inside) == 1 and not leftover and cue_lemma(cue.token.text) in PHRASE_IS_ENOUGH:
        # 'warned against "foreign interference"', 'called for "maximum restraint"': the
        # quoted words are all they asked for or warned of
        return [Candidate(inside[0].start, inside[0].end, "direct", **base)]
    if _words(text[start:end]) < MIN_INDIRECT_WORDS:
        return []
    if not inside and cue.content and _only_points_back(cue.content):
        return []  # 'says that about the other': what was said is told elsewhere
    return [Candidate(start, end, "mixed" if inside else "indirect", **base)]


def _verb_before_quotes(parsed: Parsed, cue: Cue, quotes: list[Marked]) -> bool:
    """'said Berlin backed Kyiv "with everything we have" but that a date was "not
    helpful"': the quotations finish clauses the writer's words began, so they are not
    clauses of their own; the report is one quote."""
    content = [(parsed.to_text(t.idx), t) for t in cue.content or ()]
    for q in quotes:
        before = [(pos, t) for pos, t in content if pos < q.start]
        thats = [n for n, (_, t) in enumerate(before) if t.lower_ == "that"]
        clause = before[thats[-1] + 1 :] if thats else before  # from its "that", if any
        if any(t.tag_ in FINITE_TAGS for _, t in clause):
            return True
    return False


def _nearest_cue(cues: list[Cue], parsed: Parsed, q: Marked) -> Cue | None:
    """The cue a direct quote hangs on: the closest speech verb outside the marks."""
    best, best_gap = None, None
    for cue in cues:
        if cue.kind != "verb":
            continue
        pos = parsed.to_text(cue.token.idx)
        if q.start <= pos < q.end:
            continue
        gap = q.start - pos if pos < q.start else pos - q.end
        if best_gap is None or gap < best_gap:
            best, best_gap = cue, gap
    return best


def _is_person(tok: Token) -> bool:
    return tok.pos_ == "PROPN" or tok.lower_ in ("he", "she")


def _route_channels(cues: list[Cue]) -> list[Cue]:
    """'As Lavrov said, according to Infobae, "…"' and 'Pompeo asked Lavrov, according to
    France 24, to withdraw …': an outlet is only the channel, so the 'according to' content
    goes to the person whose speech verb it modifies or who has no content of their own, with
    the outlet kept as `via`. 'according to the union' stays the union's."""
    people = [
        c
        for c in cues
        if c.kind == "verb"
        and c.speaker is not None
        and cue_lemma(c.token.text) not in QUOTE_ONLY_VERBS
        and _is_person(c.speaker)
    ]
    bare = [c for c in people if not c.content]
    out = []
    for cue in cues:
        if cue.kind == "according" and cue.speaker is not None:
            outlet = proper_name(cue.speaker)
            head = next((c for c in people if c.token == cue.token.head), None)
            person = head or (bare[0] if bare else None)
            if person is not None and is_outlet(outlet):
                cue = Cue(
                    person.token, person.text, person.speaker, cue.content, "according", via=outlet
                )
        out.append(cue)
    return out


def sentence_candidates(
    text: str, parsed: Parsed, sent: Sentence, marks: list[Marked]
) -> tuple[list[Candidate], list[Cue]]:
    """Candidates of one parsed sentence, plus its cues (for colon introductions)."""
    cues = [
        c
        for c in find_cues(parsed.doc)
        if not any(q.start < parsed.to_text(c.token.idx) < q.end for q in marks)
    ]
    cues = [
        _tag_in_content(_speaker_outside_marks(text, c, parsed, marks), parsed, marks)
        for c in _route_channels(cues)
    ]
    out: list[Candidate] = []
    for cue in cues:
        if cue.content:
            out.extend(_from_content(text, parsed, cue, marks, sent))
    taken = [(c.start, c.end) for c in out]
    for q in marks:
        if any(a <= q.start and q.end <= b for a, b in taken) or not is_statement(text, q):
            continue
        if _put_to_someone(text, sent, q):
            continue
        if _is_title(q.inner(text)):
            continue  # 'on CBS's "The Morning Hour,"': a programme or book, not words said
        if _on_a_sign(text, q):
            continue  # 'held a sign reading "…"': a slogan
        nearest = _nearest_cue(cues, parsed, q)
        if nearest is None:
            continue
        speaker = nearest.mention(parsed.to_text)
        out.append(
            Candidate(
                q.start,
                q.end,
                "direct",
                nearest.text,
                speaker,
                sent,
                "adjacent",
                parsed.to_text(nearest.token.idx),
                nearest.via,
            )
        )
    return out, cues


def _speaker_outside_marks(text: str, cue: Cue, parsed: Parsed, marks: list[Marked]) -> Cue:
    """'"Why not today?" asked Lima.': a quotation too short to stand in for parses as words,
    and "today" as the verb's subject. The speaker is never inside the marks; the name the
    verb governs after it is ("asked Lima"), or nobody."""
    speaker = cue.speaker
    if speaker is None:
        return cue
    at, verb = parsed.to_text(speaker.idx), cue.token
    before_verb = parsed.to_text(verb.idx)
    tagged = [
        q
        for q in marks
        if q.start <= at < q.end and not text[q.end : before_verb].strip(" ,\u00a0")
    ]  # the marks end where the verb begins: the words a tag after them attributes
    if not tagged:
        inside = any(
            q.start < at < q.end
            and q.closed
            and "\n" not in text[q.start : q.end]
            and not shrinkable(text, q)
            for q in marks
        )
        inside = inside and not any(q.start < before_verb < q.end for q in marks)
        # ('opposes "across-the-board pay freezes" and recalled …', parsed with "freezes" for
        # a verb: a subject inside a phrase quoted into the sentence is its words, nobody)
        return replace(cue, speaker=None) if inside else cue
    after = next(
        (
            c
            for c in verb.children
            if c.i > verb.i and c.dep_ in ("nsubj", "dobj", "attr") and c.pos_ == "PROPN"
        ),
        None,
    )
    return replace(cue, speaker=after)


def _tag_in_content(cue: Cue, parsed: Parsed, marks: list[Marked]) -> Cue:
    """'“…,” the envoy, Ghanaian diplomat Kwame Asante, told reporters': the parse may hang
    the tag's name on the quotation's stand-in clause ("It is so … Asante"), leaving the verb
    with no subject and the tag inside its words. The words between the closing mark and the
    verb, a noun phrase with no verb of its own (but maybe a relative clause), are the
    speaker; the words end at the mark."""
    if cue.speaker is not None or not cue.content or cue.kind != "verb":
        return cue
    verb_at = parsed.to_text(cue.token.idx)
    opening = parsed.to_text(cue.content[0].idx)
    quotation = next((q for q in marks if opening <= q.start < verb_at), None)
    if quotation is None or quotation.end >= verb_at:
        return cue
    end = quotation.end  # (not a title quoted in the tag: '… and “Ted Cruz” pins')
    tag = [t for t in cue.content if end <= parsed.to_text(t.idx) < verb_at]
    words = [t for t in tag if not t.is_punct]
    # (the verbs of a clause about the speaker are no verb of the tag: "an intelligence
    # source, who was not authorized to speak, told Fox News")
    about = {t.i for clause in tag if clause.dep_ == "relcl" for t in clause.subtree}
    if not words or any(t.pos_ in ("VERB", "AUX") and t.i not in about for t in words):
        return cue
    inside = {t.i for t in tag}
    heads = [t for t in words if t.head.i not in inside]
    if len(heads) != 1 or heads[0].pos_ not in ("PROPN", "NOUN"):
        return cue
    content = [t for t in cue.content if parsed.to_text(t.idx) < end]
    return replace(cue, speaker=heads[0], content=content)


MIN_SENTENCE_WORDS = 3  # a whole quoted sentence ("It's a major job.") may be this short
SMALL_WORDS = frozenset("a an the of in on at to for and or but by with from as is be".split())


# "Lima was asked, “…?”": the question someone put to the subject, whose words it is not
# (the questioner is seldom named). Bounded runs: no quadratic search over blanks.
_ASKED_BEFORE = re.compile(
    r"\b(?:was|were|is|are|been|being)[ \u00a0]{1,3}asked(?:[ \u00a0]{1,3}[\w’'-]{1,20}){0,4}"
    r"[ \u00a0]{0,3}[,:][ \u00a0]{0,3}$"
)


def _put_to_someone(text: str, sent: Sentence, q: Marked) -> bool:
    return _ASKED_BEFORE.search(text, max(sent.start, q.start - 80), q.start) is not None


# "said on CBS’ ", "told NBC’s ", "said in May on the podcast ": a programme's name follows.
_ON_A_PROGRAMME = re.compile(
    r"\b(?:on|to)[ \u00a0][^,.;:“”\"\n]{0,40}?"
    r"(?:\b[A-Z]{2,5}(?:['’]s?)?|\w['’]s|podcast|show|program|programme)[ \u00a0]{1,2}$"
)


def _on_a_programme(text: str, q: Marked) -> bool:
    """A title in marks after "on" or "to" and a broadcaster: a programme, not words said."""
    before = text[max(0, q.start - 45) : q.start]
    return _is_title(q.inner(text)) and _ON_A_PROGRAMME.search(before) is not None


def _is_title(inner: str) -> bool:
    """Title case, as in a film, book or campaign name: 'The Kid Who Would Be King'."""
    words = [w for w in re.findall(r"[A-Za-z][\w'’-]*", inner) if w.lower() not in SMALL_WORDS]
    return len(words) >= 2 and all(w[0].isupper() for w in words)


# What is printed on a sign, a banner or a shirt: "held a sign reading “…”".
ON_A_SIGN = re.compile(
    r"(?<![\w-])(?:" + "|".join(SIGN_WORDS) + r")s?"
    r"(?:\s(?:that|which))?\s(?:reading|read|reads|saying|said|says)[\s:,—–-]{0,4}$",
    re.IGNORECASE,
)


def _on_a_sign(text: str, q: Marked) -> bool:
    """Marks around what a sign or a shirt says: nobody's statement ('"Overtime is not a
    staffing plan"' on a nurse's sign is a slogan, not her words to the reporter)."""
    return ON_A_SIGN.search(text, max(0, q.start - 40), q.start) is not None


def _floats(text: str, q: Marked, sent: Sentence, after_colon: bool = False) -> bool:
    """A marked stretch that reads as someone's words: long enough, or a whole short sentence
    of its own (or, with `after_colon`, after a colon in its sentence); never a title or
    what a sign says."""
    inner = q.inner(text)
    if _is_title(inner) or _on_a_sign(text, q):
        return False
    if _words(inner) >= MIN_FLOATING_WORDS:
        return True
    opens = q.start == sent.start or after_colon and _after_colon(text, q, sent)
    # (the full stop may follow the closing mark: "“Nobody wants this to collapse”.")
    ended = inner.rstrip("”\"’'")[-1:] in ".!?" or text[q.end : q.end + 1] in (".", "!", "?")
    whole = opens and inner[:1].isupper() and ended
    return whole and _words(inner) >= MIN_SENTENCE_WORDS


def _after_colon(text: str, q: Marked, sent: Sentence) -> bool:
    return text[sent.start : q.start].rstrip().endswith(":")


# A quotation signed with a dash and a name ending its line: "“…” ― Jane Doe", "“…” — Ali
# Kaya, a shop owner". Pull quotes, epigraphs and roundups of readers' or posters' words print
# them so; the name is the speaker, whatever the paragraphs before were about.
_SIGNATURE = re.compile(  # (on the quotation's line, or as the next paragraph: "¶- Sanders.")
    r"[ \t\u00a0]{0,3}(?:\n[ \t\u00a0]{0,3}){0,2}(?:[―—–]|--?)[ \t\u00a0]{0,3}"
    r"(?P<name>[A-Z][\w.'’-]{0,40}"
    r"(?:[ \u00a0]{1,2}(?:[A-Z][\w.'’-]{0,40}|[a-z]{1,3}(?=[ \u00a0][A-Z]))){0,4})"
    r"(?:,[^\n“”\"]{0,80})?[ \t\u00a0]{0,8}(?:\n|$)"
)


def _signature(text: str, q: Marked) -> Mention | None:
    """The name signing a quotation that makes up its whole line (see _SIGNATURE), as a
    name mention. A line of prose ending in a quotation and a name is signed by its writer,
    as a roundup's reporters sign their paragraphs ('… in Spain."--Kim Lee.')."""
    if text[text.rfind("\n", 0, q.start) + 1 : q.start].strip():
        return None
    found = _SIGNATURE.match(text, q.end) or _signed_paragraph(text, q)
    if found is None:
        return None
    name = found.group("name").rstrip(".")
    words = name.split()
    if any(w.islower() and w not in NAME_PARTICLES for w in words) or name.isupper():
        return None  # "— and then", "— AP": prose or a credit, not a signature
    return _name_mention(name, found.start("name"))


# A dash and a name ending a paragraph that opens on a quotation: "“…” And that's all he has.
# ― Christina Lastra." (a reader's words run on after the marks close; the name signs them all)
SIGNATURE_RUN_ON = 200  # characters of prose between the quotation and its signature
_PARAGRAPH_SIGNED = re.compile(
    rf"[^\n]{{0,{SIGNATURE_RUN_ON}}}?[ \t\u00a0](?=[―—–][ \t\u00a0]{{0,3}}[A-Z])"
)


def _signed_paragraph(text: str, q: Marked) -> re.Match | None:
    """The signature ending the line of `q`, after words run on from it (_PARAGRAPH_SIGNED)."""
    line_end = text.find("\n", q.end)
    line_end = len(text) if line_end < 0 else line_end
    if line_end - q.end > SIGNATURE_RUN_ON + 60:
        return None
    run_on = _PARAGRAPH_SIGNED.match(text, q.end, line_end)
    if run_on is None:
        return None
    found = _SIGNATURE.match(text, run_on.end())
    return found if found is not None and found.end() >= line_end else None


# A quotation that opens its paragraph, credited by the next sentence: '“We are ready.” That
# was the message from Finland's president, Aino Koskinen, …', 'So said Ann Lee, …'.
_CREDITED_NEXT = re.compile(
    r"[ \t\u00a0]{1,3}(?:(?:That|This|Such|Those|These)[ \t](?:was|is|were|are|has[ \t]been)"
    r"[ \t](?:the[ \t])?(?:[a-z-]{2,15}[ \t]){0,2}(?:message|warning|verdict|view|words?|"
    r"assessment|response|reaction|answer|reply|promise|pledge|plea|vow|advice|appeal|"
    r"argument|retort|rallying[ \t]cry)[ \t](?:from|of|by)|So[ \t](?:said|says))[ \t]"
    r"(?P<who>[^.!?\n“”\"]{1,120})"
)


def _credited_next(text: str, q: Marked, sent: Sentence) -> Mention | None:
    """The person the sentence after a quotation credits with it (see _CREDITED_NEXT), when
    the quotation opens its sentence: a name at once ("from Ann Lee"), after a title or two
    ("from President Ann Lee") or after a description and a comma ("from Finland's
    president, Ann Lee")."""
    if q.start != sent.start:
        return None
    found = _CREDITED_NEXT.match(text, sent.end)
    if found is None:
        return None
    words = list(re.finditer(r"[^\s,]+,?", found.group("who")))
    after_comma = {n + 1 for n, w in enumerate(words) if w.group().endswith(",")}
    for first in sorted({0, 1, 2} | after_comma):
        given = words[first].group().rstrip(",") if first < len(words) else ""
        if not given[:1].isupper() or not is_first_name(given):
            continue
        if first not in after_comma and not all(w.group()[0].isupper() for w in words[:first]):
            continue
        run = [words[first]]
        for w in words[first + 1 :]:
            if run[-1].group().endswith(",") or not (
                w.group()[0].isupper() or w.group() in NAME_PARTICLES
            ):
                break
            run.append(w)
        while run and not run[-1].group()[0].isupper():
            run.pop()  # "Ann de" is no name
        if len(run) > 1:
            at = found.start("who") + run[0].start()
            return _name_mention(text[at : found.start("who") + run[-1].end()].rstrip(","), at)
    return None


def _name_mention(name: str, start: int) -> Mention:
    """A person's name printed at `start`, found by a pattern rather than the parse."""
    return Mention(
        name, start, start + len(name), "name", name, name.split()[-1].lower(), full=name
    )


# A person's name ending the words before a colon that opens a quotation: "… doesn't surprise
# Republican pollster Daron Shaw: “…”", "South Africa's President Cyril Ramaphosa: “…”". A
# given name (or a title) and a surname, up to three more names between and titles or owners
# before: a label ("FULL TEXT:"), a place or a headline word before a colon is no one.
_NAMED_INTRO = re.compile(
    r"(?<![\w-])(?P<name>[A-Z][a-z'’-]+(?:[ \u00a0]{1,2}(?:[A-Z][\w.'’-]{0,30}|[a-z]{1,3})){0,5}"
    r"[ \u00a0]{1,2}[A-Z][\w'’-]{1,30}),?[ \u00a0]{0,3}:[ \u00a0]{0,3}$"
)


def _named_intro(text: str, sent: Sentence, q: Marked) -> Mention | None:
    """The person named just before a colon that opens `q` in its sentence."""
    found = _NAMED_INTRO.search(text, max(sent.start, q.start - 120), q.start)
    if found is None:
        return None
    name, start = found.group("name"), found.start("name")
    words = name.split()
    if words[0] in _INVERTED_TAGS and start == sent.start:  # "Said Ellis: “…”"
        start = text.index(words[1], start)
        name, words = text[start : found.end("name")], words[1:]
    else:
        titled = False  # the name from its given name on, after titles and owners
        while len(words) > 2 and not is_first_name(words[0]):
            titled = words[0].lower().rstrip(".") in TITLE_WORDS
            start = text.index(words[1], start + len(words[0]))
            words = words[1:]
        name = text[start : found.end("name")]
        if not (titled or is_first_name(words[0])) or words[0] in _NOT_NAMES or name.isupper():
            return None
    if any(w.islower() and w not in NAME_PARTICLES for w in words):
        return None
    return _name_mention(name, start)


# The sentence's subject, named, then a few words and a colon that opens the quotation:
# "Latvian Foreign Minister Baiba Kalniņa put it bluntly: “…”", "Estonia's prime minister,
# Kristen Michal, had a message for Moscow: “…”", "The province's housing minister, John Lohr,
# had a short message for council: “…”".
_SUBJECT_INTRO = re.compile(
    r"(?P<titles>(?:[A-Z][\w'’.-]{0,30}[ \u00a0]){0,4})"
    r"(?:(?:[a-z][\w'’-]{0,20}[ \u00a0]){0,3}[a-z][\w-]{0,20},[ \u00a0])?"
    r"(?P<name>[A-Z][\w'’-]{1,30}(?:[ \u00a0][A-Z][\w'’-]{1,30}){1,2}),?[ \u00a0]"
    r"(?P<predicate>[a-z][\w'’-]{0,20}(?:[ \u00a0][\w'’-]{1,20}){0,6}):[ \u00a0]{0,3}"
)
# What is put to someone, or printed somewhere, after a colon is not their words.
_NOT_THEIR_WORDS = frozenset(
    """question questions asked ask asks wondered query posed headline sign slogan motto title
    banner caption read reads""".split()
)


def _subject_intro(text: str, sent: Sentence, q: Marked) -> Mention | None:
    """The person the sentence opens on when it ends in a colon before `q` (_SUBJECT_INTRO)."""
    found = _SUBJECT_INTRO.fullmatch(text, sent.start, q.start)
    if found is None:
        return None
    if _NOT_THEIR_WORDS.intersection(found.group("predicate").lower().split()):
        return None
    words = found.group("name").split()
    titled = any(w.lower().rstrip(".") in TITLE_WORDS for w in found.group("titles").split())
    if not (titled or is_first_name(words[0])) or words[0] in _NOT_NAMES:
        return None
    return _name_mention(found.group("name"), found.start("name"))


# Someone posting what follows the colon, wherever the clause stands in the sentence: "… in
# mid-December, when Musk again took to Twitter with this: “…”".
_POSTED_INTRO = re.compile(
    r"(?P<name>[A-Z][\w'’-]{1,30}(?:[ \u00a0][A-Z][\w'’-]{1,30}){0,2})[ \u00a0]"
    r"(?:(?:again|also|then|later|soon|once|[a-z]{2,12}ly)[ \u00a0]){0,2}"
    r"(?:took|takes|has[ \u00a0]taken|had[ \u00a0]taken)[ \u00a0]to[ \u00a0]"
    rf"(?:{'|'.join(sorted(PLATFORMS))}|social[ \u00a0]media)\b"
    r"[^:.!?\"“”\n]{0,60}:[ \u00a0]{0,3}$"
)


def _posted_intro(text: str, sent: Sentence, q: Marked) -> Mention | None:
    """The person who "took to Twitter" just before the colon that opens `q`."""
    found = _POSTED_INTRO.search(text, max(sent.start, q.start - 160), q.start)
    if found is None or found.group("name").split()[0] in _NOT_NAMES:
        return None
    return _name_mention(found.group("name"), found.start("name"))


# A document whose text follows a colon: "The statement from the Élysée read: “…”", "A joint
# communique issued by the two ministries stated: “…”" (the parse often takes "read" for a noun).
_DOCUMENT_INTRO = re.compile(
    r"(?:^|,[ \u00a0])(?P<document>(?:[Tt]he|[Aa]n?|[Ii]ts|[Tt]heir)[ \u00a0]"
    r"(?:[\w'’-]{1,20}[ \u00a0]){0,3}?"
    r"(?P<noun>statement|communiqu[eé]|readout|declaration|letter|message|note)"
    r"(?:[ \u00a0](?:from|by|of|issued[ \u00a0]by)[ \u00a0](?P<author>(?:the[ \u00a0])?"
    r"[A-ZÀ-ÖØ-Þ][\w'’.-]{0,30}(?:[ \u00a0][A-ZÀ-ÖØ-Þ][\w'’.-]{0,30}){0,4}))?)"
    r"[ \u00a0](?:read|reads|stated|states):[ \u00a0]{0,3}$"
)


def _document_intro(text: str, sent: Sentence, q: Marked) -> Mention | None:
    """The document, and who it speaks for, when its text is quoted after a colon."""
    base = sent.start  # ("^" matches only at the start of the string searched)
    found = _DOCUMENT_INTRO.search(text[base : q.start])
    if found is None:
        return None
    author = None
    if found.group("author"):
        name = re.sub(r"^the[ \u00a0]", "", found.group("author"))
        at = base + found.end("author") - len(name)
        author = Mention(name, at, at + len(name), "name", name, name.split()[-1].lower(), name)
    start, end = base + found.start("document"), base + found.end("document")
    noun = found.group("noun").lower().replace("communiqué", "communique")
    return Mention(text[start:end], start, end, "document", None, noun, author=author)


_INVERTED_TAGS = INVERTED_TAGS | {"Asked"}  # before a colon, a question too
_NOT_NAMES = frozenset({"The", "A", "An", "This", "That", "These", "Those", "His", "Her"})


def floating_candidates(
    text: str, sent: Sentence, marks: list[Marked], intro: Candidate | None
) -> list[Candidate]:
    """Marked statements in a sentence with no cue: signed with a name after a dash,
    introduced by a colon before, or floating."""
    out = []
    for q in marks:
        if not _floats(text, q, sent, after_colon=True) or _put_to_someone(text, sent, q):
            continue
        signed = (
            _signature(text, q)
            or _document_intro(text, sent, q)
            or _named_intro(text, sent, q)
            or _subject_intro(text, sent, q)
            or _posted_intro(text, sent, q)
            or _credited_next(text, q, sent)
        )
        if signed is None and not _floats(text, q, sent):
            continue  # a few words after a colon ("a simple message: “…”") need a named speaker
        if signed is not None:
            out.append(
                Candidate(q.start, q.end, "direct", None, signed, sent, "signed", signed.start)
            )
        elif intro is not None:
            out.append(
                Candidate(
                    q.start, q.end, "direct", intro.cue, intro.mention, sent, "colon", intro.cue_pos
                )
            )
        else:
            out.append(Candidate(q.start, q.end, "direct", None, None, sent, "floating"))
    return out
