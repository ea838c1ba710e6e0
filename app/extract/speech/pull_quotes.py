"""Pull quotes: a paragraph of someone's words with their name printed after the last
sentence, as a web page sets off a highlighted quotation: "It's very bad for our senior
population if they have nothing in the way of backup. Rod Peters, Lake Cowichan mayor".

No quotation marks and no speech verb: the credit is the attribution. The words are a
direct quote of whoever it names (a person, or a body: "… for several more days. BC Hydro").
"""

import re

from app.extract.speakers.mentions import Mention
from app.extract.speakers.typing import is_outlet
from app.extract.speech.candidates import MIN_DIRECT_WORDS, Candidate
from app.extract.text.boilerplate import Paragraph
from app.extract.text.sentences import Sentence

# The credit closing the paragraph: a name of up to five capitalised words right after a
# sentence's end, with an affiliation after a comma, and no full stop of its own (a
# sentence ending on a name has one).
CREDIT = re.compile(
    r"(?<=[.!?…])[ \t]{1,3}(?P<name>[A-Z][\w'’.-]{0,30}(?:[ \t][A-Z][\w'’.-]{0,30}){0,4})"
    r"(?:,[ \t](?P<role>[^\n.!?,;:\"“”]{2,60}))?[ \t]*$"
)
QUOTE_MARKS = re.compile(r"[\"“”«»]")
# A photo's caption and its photographer's name: a scene dated to the day ("… in Vancouver
# on Oct. 29, 2015. Ben Nelms"), or a photo named as one.
CAPTIONED = re.compile(
    r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]{0,6}\.?[ \t]\d{1,2},"
    r"[ \t]\d{4}\b|\b(?:photo|file|pictured)\b",
    re.I,
)
# Page furniture that also ends a paragraph on capitalised words.
NOT_CREDITS = re.compile(r"^(?:Article Continued Below|Read More|Open this photo)\b", re.I)


def _credited(text: str, para: Paragraph) -> re.Match | None:
    line = text[para.start : para.end].rstrip()
    credit = CREDIT.search(text, para.start, para.start + len(line))
    if credit is None or NOT_CREDITS.match(credit.group("name")):
        return None
    if credit.group().rstrip()[-1] in ".!?'’\"”":
        return None  # a sentence ending on a name ("… met Bernie Sanders.")
    words = text[para.start : credit.start()]
    if QUOTE_MARKS.search(words) or len(re.findall(r"\w+", words)) < MIN_DIRECT_WORDS:
        return None  # quotation marks: the quote and its tag are the usual kind
    if CAPTIONED.search(words):
        return None
    if len(credit.group("name").split()) < 2 and credit.group("role") is None:
        return None  # "… on Monday. Reuters": a one-word credit is the wire's
    if is_outlet(credit.group("name")):
        return None
    return credit


def pull_quote_candidates(text: str, paras: list[Paragraph]) -> list[Candidate]:
    """A direct quote of each pull quote's words, by whoever its credit names."""
    out = []
    for n, para in enumerate(paras):
        if not para.body or (credit := _credited(text, para)) is None:
            continue
        start, end = para.start, credit.start()
        while start < end and text[start].isspace():
            start += 1
        name = credit.group("name")
        at = credit.start("name")
        mention = Mention(name, at, at + len(name), "name", name, name.split()[-1].lower())
        sentence = Sentence(start, end, n)
        out.append(Candidate(start, end, "direct", "credited", mention, sentence, "post"))
    return out
