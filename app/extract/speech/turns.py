"""Transcripts: the turns of a briefing or an interview, each the words of whom its label names.

"MR HARTLEY: We condemn it …", "Mao Ning: …", "Q: … / A: …" print no speech verb: the label
is the attribution. A turn runs from its label over the unlabelled paragraphs up to the next
label; the words after the last label are not taken, as the article may go back to telling.
Labels make a transcript only when they take turns (two or more, a question among them or two
speakers), so a lone "ISLAMABAD: The foreign office said …" or "READ MORE:" is no turn.
"""

import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from app.extract.speakers.gender import HONORIFICS, is_first_name
from app.extract.speakers.lexicon import ROLE_HINTS, TITLE_WORDS
from app.extract.speakers.mentions import Mention
from app.extract.speech.candidates import ANSWERS, ASKS, MIN_DIRECT_WORDS, SPEAKS, Candidate, Turn
from app.extract.text.boilerplate import Paragraph
from app.extract.text.sentences import Sentence

# Labels of the unnamed side of an exchange: their words are questions or chairing.
ASKING = frozenset(
    """q question reporter journalist interviewer moderator participant audience host
    questioner presenter anchor""".split()
)
ANSWERING = frozenset({"a", "answer"})
_NOTE = r"(?:[ \t]{1,2}\([^()\n]{1,40}\))?"  # "Question (retranslated from Arabic):"
SHORT_LABEL = re.compile(
    r"(Q|A|Question|Answer|QUESTION|ANSWER)" + _NOTE + r"[ \t]{0,3}[:.—–-][ \t]{1,3}(?=\S)"
)
GLUED_Q = re.compile(r"Q(?=[A-Z][a-z’']{1,20}\s)(?!Anon)")  # "QWhat would …": a lost colon
BARE_Q = re.compile(r"Q[ \t]{1,3}(?=[A-Z\"“])")  # "Q Thank you, Mr. President."
_LABEL_WORD = r"[A-Z][\w.'’-]{0,24}"
LABEL = re.compile(  # "MR HARTLEY: ", "**Mao Ning:** "
    rf"(?:\*\*)?({_LABEL_WORD}(?:[ \t]{_LABEL_WORD}){{0,4}})(?:\*\*)?{_NOTE}[ \t]{{0,3}}:"
    r"(?:\*\*)?[ \t]{1,3}(?=\S)"
)
STAGE = re.compile(r"\s{0,8}[(\[]")  # "(BEGIN VIDEO CLIP)", "[crosstalk]": no one's words
OFFICES = (TITLE_WORDS | ROLE_HINTS | frozenset(HONORIFICS)) - {"the", "of", "and", "for", "a"}


@dataclass(frozen=True)
class _Label:
    role: str
    label: str
    start: int
    end: int
    words: int  # where the words begin
    name: str | None


def title_cased(word: str) -> str:
    if word.isupper():
        word = word.title().replace("’S", "’s").replace("'S", "'s")
        if word.startswith("Mc") and len(word) > 2:  # "MCCAIN" is McCain
            word = "Mc" + word[2:].capitalize()
    return word


def _name_in(label: str) -> tuple[str, bool] | None:
    """The person's name in a label and whether a title or honorific came with it
    ("SECRETARY BLINKEN" → Blinken, titled); None when nothing but titles is left."""
    words = label.split()
    titled = False
    while words and words[0].lower().rstrip(".") in OFFICES:
        words, titled = words[1:], True
    if not words or any(w.lower().rstrip(".") in OFFICES for w in words):
        return None
    return " ".join(title_cased(w) for w in words), titled


def _read_label(text: str, para: Paragraph, known: "Known") -> _Label | None:
    if m := SHORT_LABEL.match(text, para.start, para.end):
        role = ANSWERS if m.group(1).lower() in ANSWERING else ASKS
        return _Label(role, m.group(1), m.start(1), m.end(1), m.end(), None)
    if m := GLUED_Q.match(text, para.start, para.end) or BARE_Q.match(text, para.start, para.end):
        return _Label(ASKS, "Q", m.start(), m.end(), m.end(), None)
    m = LABEL.match(text, para.start, para.end)
    if m is None:
        return None
    label = m.group(1)
    if label.lower() in ASKING or known.is_outlet(label):  # "QUESTION:", "AFP:"
        note = NOTE_NAME.search(m.group())  # "PRESENTER (KATE MORGAN):"
        named = " ".join(title_cased(w) for w in note[1].split()) if note else None
        return _Label(ASKS, label, m.start(1), m.end(1), m.end(), named)
    found = _name_in(label)
    if found is None:
        return None
    name, titled = found
    if known.is_person(name, m.start(1)):
        return _Label(SPEAKS, label, m.start(1), m.end(1), m.end(), name)
    if titled:  # "MR HARTLEY:" under a header "Spokesperson Daniel Hartley"
        fuller = known.full_name(name) if len(name.split()) == 1 else None
        return _Label(SPEAKS, label, m.start(1), m.end(1), m.end(), fuller or name)
    if known.is_place(name):  # "ISLAMABAD: The foreign office said …" opens a dispatch
        return None
    if len(name.split()) > 1 and is_first_name(name.split()[0]):
        return _Label(SPEAKS, label, m.start(1), m.end(1), m.end(), name)
    if label.isupper() and len(label.split()) == 1 and label not in PAGE_LABELS:
        return _Label(UNKNOWN, label, m.start(1), m.end(1), m.end(), name)  # "MORGAN:"
    return None


UNKNOWN = "unknown"  # a surname in capitals the article names nowhere else
# What news pages print in capitals before a colon, no one's name.
PAGE_LABELS = frozenset(
    """WATCH READ UPDATE UPDATED BREAKING RELATED VIDEO PHOTOS PHOTO LISTEN CORRECTION NOTE
    MORE ALSO LIVE EXCLUSIVE ANALYSIS OPINION ADVERTISEMENT SOURCE SOURCES EDITOR""".split()
)
NOTE_NAME = re.compile(r"\(([A-Z][\w.'’-]{0,24}(?:[ \t][A-Z][\w.'’-]{0,24}){1,3})\)")


def _keep_answering(labels: list[_Label]) -> list[_Label | None]:
    """A surname in capitals the article names nowhere else ("MORGAN:") is the other side of
    an interview when it comes again and every time beside a known speaker's label; else (a
    "WATCH:" or "UPDATE:" of a news page) it is dropped."""
    kept: list[_Label | None] = []
    for n, label in enumerate(labels):
        if label.role != UNKNOWN:
            kept.append(label)
            continue
        again = sum(other.label == label.label for other in labels) > 1
        beside = [labels[k] for k in (n - 1, n + 1) if 0 <= k < len(labels)]
        answered = again and beside and all(b.role == SPEAKS for b in beside)
        kept.append(replace(label, role=SPEAKS) if answered else None)
    return kept


def _said_enough(words: str, role: str) -> bool:
    """A speaker's turn says something ("Clinton: 1,769." is a tally); a question or answer
    may be one word ("A: Mostly.")."""
    needed = MIN_DIRECT_WORDS if role == SPEAKS else 1
    return len(re.findall(r"[^\W\d_]+", words)) >= needed


def _not_words(text: str, para: Paragraph) -> bool:
    """A stage direction ("(BEGIN VIDEO CLIP)"), a rule or a heading in capitals: the turn
    before it has ended."""
    line = text[para.start : para.end]
    return STAGE.match(line) is not None or not any(c.islower() for c in line)


def _labelled(text: str, para: Paragraph) -> bool:
    """Opens like a turn of its own, though its label was not read as one: not the turn
    before it going on."""
    return any(p.match(text, para.start, para.end) for p in (SHORT_LABEL, LABEL))


def _taking_turns(labels: list[_Label]) -> bool:
    """Questions and answers, or someone labelled again after another: not a list of people
    each introduced by name ("Sanders: Win in a walk. …", "Jeb Bush: Student loans …")."""
    roles = [label.role for label in labels]
    if (ASKS in roles and (ANSWERS in roles or SPEAKS in roles)) or roles.count(ANSWERS) > 1:
        return True
    surnames = [label.name.split()[-1] for label in labels if label.name]
    again = any(surnames.count(name) > 1 for name in surnames)
    return again and len(set(surnames)) + (ASKS in roles) + (ANSWERS in roles) > 1


@dataclass(frozen=True)
class Known:
    """What the article and the data files know of a label's words."""

    is_person: Callable[[str, int], bool]  # the article names such a person (name, where)
    is_outlet: Callable[[str], bool]
    is_place: Callable[[str], bool]
    full_name: Callable[[str], str | None]  # a given name and this surname, printed anywhere


def find_turns(text: str, paras: list[Paragraph], known: Known) -> list[Turn]:
    """The turns of a transcript in the article's body, in reading order; [] when it has none."""
    labelled: list[tuple[int, _Label]] = []
    speakers: set[str] = set()  # surnames labelled so far: "TAPPER:" after "JAKE TAPPER:"
    for n, para in enumerate(paras):
        if not para.body:
            continue
        seen = Known(
            lambda name, pos: known.is_person(name, pos) or name.split()[-1] in speakers,
            known.is_outlet,
            known.is_place,
            known.full_name,
        )
        found = _read_label(text, para, seen)
        if found is not None and _said_enough(text[found.words : para.end], found.role):
            labelled.append((n, found))
            if found.name:
                speakers.add(found.name.split()[-1])
    kept = _keep_answering([label for _, label in labelled])
    labelled = [(n, label) for (n, _), label in zip(labelled, kept, strict=True) if label]
    # "MORGAN:" after "PRESENTER (KATE MORGAN):" is Kate Morgan
    fuller = {name.split()[-1]: name for _, lab in labelled if (name := lab.name) and " " in name}
    labelled = [(n, replace(lab, name=fuller.get(lab.name or "", lab.name))) for n, lab in labelled]
    if not _taking_turns([label for _, label in labelled]):
        return []
    turns: list[Turn] = []
    for i, (n, label) in enumerate(labelled):
        last = labelled[i + 1][0] if i + 1 < len(labelled) else n + 1
        for k in range(n, last):
            para = paras[k]
            if k > n and (not para.body or _not_words(text, para) or _labelled(text, para)):
                break
            start = label.words if k == n else para.start
            end = para.end
            while end > start and text[end - 1].isspace():
                end -= 1
            if end > start:
                turns.append(
                    Turn(start, end, label.role, label.label, label.start, label.end, label.name)
                )
    return turns


DIRECTION_FIRST = re.compile(r"\s{0,3}\([^()\n]{1,40}\)\s{0,3}")  # "(As interpreted.) "
DIRECTION_LAST = re.compile(r"\s{0,3}\([^()\n]{1,40}\)[.\s]{0,3}$")  # " (Laughter.)"


def _without_directions(text: str, start: int, end: int) -> tuple[int, int]:
    """A turn's words without the transcriber's notes around them."""
    while m := DIRECTION_FIRST.match(text, start, end):
        start = m.end()
    while m := DIRECTION_LAST.search(text, start, end):
        end = m.start()
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def label_mention(turn: Turn) -> Mention | None:
    """The speaker a turn's label names, as a mention of them ("MR HARTLEY"); None for "A:"."""
    if turn.name is None:
        return None
    head = turn.name.split()[-1].lower()
    return Mention(turn.label, turn.label_start, turn.label_end, "name", turn.name, head)


FIRST_PERSON = frozenset({"i", "we"})


def in_their_turn(cands: list[Candidate], turns: list[Turn]) -> list[Candidate]:
    """'I told him …', 'We urge Japan to …' inside a turn: no report of its own, for the
    whole sentence is the turn's speaker's own words (see turn_candidates); 'you said last
    month that …' in a question: whoever answers it."""
    out = []
    for cand in cands:
        mention = cand.mention
        if mention is not None and mention.kind == "pronoun":
            at = next((n for n, t in enumerate(turns) if t.start <= mention.start < t.end), None)
            turn = turns[at] if at is not None else None
            if turn is not None and turn.role != ASKS and mention.head in FIRST_PERSON:
                continue
            if turn is not None and turn.role == ASKS and mention.head == "you":
                answer = next((t for t in turns[at:] if t.role != ASKS), None)
                if answer is not None:
                    cand = replace(cand, turn=answer)
        out.append(cand)
    return out


def _quoted_already(sent: Sentence, taken: list[Candidate]) -> bool:
    return any(c.start < sent.end and c.end > sent.start for c in taken)


def turn_candidates(
    text: str, turns: list[Turn], sents: list[Sentence], taken: list[Candidate]
) -> list[Candidate]:
    """The words of each turn that are no quote already (a report inside an answer keeps its
    own speaker: "they told us they remain committed"), a candidate per run of sentences."""
    out: list[Candidate] = []
    for turn in turns:
        if turn.role == ASKS:
            continue
        mention = label_mention(turn)
        run: list[Sentence] = []
        inside = [s for s in sents if s.start < turn.end and s.end > turn.start]
        for sent in [*inside, None]:
            if sent is not None and not _quoted_already(sent, taken):
                run.append(sent)
                continue
            if run:
                start, end = _without_directions(
                    text, max(run[0].start, turn.start), min(run[-1].end, turn.end)
                )
                if len(re.findall(r"\w+", text[start:end])) >= MIN_DIRECT_WORDS:
                    sentence = Sentence(run[0].start, run[-1].end, run[0].para)
                    out.append(
                        Candidate(
                            start,
                            end,
                            "direct",
                            None,
                            mention,
                            sentence,
                            "turn",
                            turn=turn,
                        )
                    )
            run = []
    return out
