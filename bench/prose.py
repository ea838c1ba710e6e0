"""Sentence templates and word lists for synthetic news: headlines, narration, what speakers say.

Templates are `str.format` strings; each {slot} is filled from WORDS unless the caller fixes it
(kw = a topic keyword, place = a country name, pro/pos = the speaker's pronouns).
"""

import random
import string
from functools import cache

WORDS = {
    "value": "peace stability dialogue security trust progress accountability transparency "
    "sovereignty restraint cooperation de-escalation unity predictability".split(),
    "noun": "proposal agreement statement decision initiative framework roadmap resolution offer "
    "declaration plan memorandum package communiqué".split(),
    "adj": "constructive frank difficult productive serious premature encouraging dangerous "
    "historic useful tense candid".split(),
    "stance": ["reject", "oppose", "condemn", "will resist", "do not accept"],
    "when": [
        "in the coming weeks",
        "before the end of the year",
        "at the next round of talks",
        "without delay",
        "as soon as possible",
        "this month",
        "at the summit",
        "over the next few days",
        "after the elections",
        "by the spring",
    ],
    "partners": [
        "our partners",
        "our neighbours",
        "the international community",
        "our allies",
        "the region",
        "all parties",
        "both sides",
        "the donors",
    ],
    "venue": [
        "in Geneva",
        "at the United Nations",
        "in Vienna",
        "in Brussels",
        "at the G20",
        "in New York",
        "in Addis Ababa",
        "in Singapore",
        "in Doha",
        "in Oslo",
        "in Istanbul",
        "in Nairobi",
        "in Jakarta",
        "in Buenos Aires",
    ],
    "second": [
        "We will not be intimidated",
        "That is our red line",
        "The rest is speculation",
        "We are not asking for miracles",
        "Time is running out",
        "Everyone knows what is at stake",
        "We expect results",
        "Words are not enough",
        "Our patience is not unlimited",
        "This is only the beginning",
    ],
    "frag": [
        "a step in the right direction",
        "entirely unacceptable",
        "a serious mistake",
        "long overdue",
        "a matter of principle",
        "premature at best",
        "not the end of the road",
        "without preconditions",
        "a dangerous precedent",
        "in close coordination with our partners",
    ],
    "number": ["two", "three", "four", "five", "six", "seven", "eight", "a dozen", "fifteen"],
    "month": "January February March April May June July August September October November "
    "December".split(),
    "weekday": "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split(),
    "compare": "softer sharper vaguer stronger shorter longer".split(),
}
WORDS["value2"] = WORDS["value"]

STATEMENTS = [
    "We {stance} any attempt to use {kw} as leverage",
    "Our position on {kw} has not changed and it will not change {when}",
    "There can be no {value} without {value2}",
    "We are ready to discuss {kw} with {place} {when}, but not under pressure",
    "This {noun} is a {adj} step, and we expect {partners} to build on it",
    "{place} must understand that {kw} is not a bargaining chip",
    "Nobody should be surprised by our concerns about {kw}",
    "We have said many times that {kw} requires {value}, not slogans",
    "The talks {venue} were {adj}, and we will continue them {when}",
    "I have made it clear to my counterpart from {place} that {kw} remains our priority",
    "We will not accept a {noun} that ignores {value}",
    "What we need now is {value} and a clear commitment on {kw}",
    "My message to {place} is simple: respect the {noun} and return to the table",
    "History will judge how we handled {kw}",
    "We call on {partners} to show {value} on {kw}",
    "It is too early to speak of a breakthrough on {kw}",
    "The door to dialogue remains open",
    "These are {adj} times, and {kw} demands our full attention",
]
REPORTED = [
    "{pos} government would not accept any {noun} on {kw} that ignored {value}",
    "the talks {venue} had been {adj}",
    "{place} had to take responsibility for {kw}",
    "{pos} country remained committed to {value} on {kw}",
    "there was no alternative to {value}",
    "a {noun} on {kw} could be reached {when}",
    "{partners} should do more on {kw}",
    "the {noun} proposed by {place} was {adj}",
    "{pos} ministry was studying the {noun} on {kw} carefully",
    "no decision on {kw} had been taken",
    "{pro} had raised {kw} with {pos} counterpart from {place}",
]
MIXED = [
    "the {noun} on {kw} was {lq}{frag}{rq}",
    "{pos} government would discuss {kw} {lq}{frag}{rq}",
    "the position of {place} on {kw} was {lq}{frag}{rq}",
]
NARRATION = [
    "The meeting {venue} came amid growing tension over {kw}.",
    "Diplomats said the {noun} had been negotiated over several months.",
    "{place} did not immediately respond to a request for comment.",
    "The issue of {kw} has dominated the agenda for weeks.",
    "Analysts said the outcome would depend largely on {place}.",
    "Officials from {number} countries attended the talks {venue}.",
    "A previous round of negotiations {venue} ended without agreement in {month}.",
    "The {noun} still needs the approval of parliament.",
    "Markets reacted cautiously to the latest news on {kw}.",
    "Observers noted that the final statement was {compare} than expected.",
    "Several delegations had pressed for stronger wording on {kw}.",
    "The dispute over {kw} is expected to feature at the next summit.",
    "Earlier this year, {place} announced a review of its policy on {kw}.",
    "Critics argue that the approach to {kw} has achieved little.",
    "Talks are expected to resume {when}.",
    "The ministry later published a summary of the discussions on its website.",
    "Protesters gathered outside the venue as the delegations arrived.",
    "Neither side gave details of the {noun}.",
    "The visit was the first by a senior official from {place} in {number} years.",
    "A joint statement issued after the meeting referred to {kw} only in passing.",
    "The {noun} was drafted after {number} rounds of consultations {venue}.",
    "Officials in {place} have been cautious in public about {kw}.",
    "Relations between the two governments have been strained since {month}.",
    "The foreign ministry summoned the ambassador of {place} on {weekday}.",
    "The talks {venue} were originally scheduled for {month} but were postponed.",
    "Opposition parties criticised the handling of {kw}.",
    "Some delegations left before the closing session.",
    "Questions about {kw} were not on the official agenda.",
    "The government of {place} has not published its own assessment.",
    "Envoys met behind closed doors for more than {number} hours on {weekday}.",
    "A spokesperson for the secretariat declined to comment on {kw}.",
    "The {noun} is the first of its kind since the talks began.",
]
HEADLINES = [
    "{place} and {place2} clash over {kw} at talks {venue}",
    "Ministers seek common ground on {kw}",
    "{place} signals shift on {kw} ahead of summit",
    "Talks on {kw} end without breakthrough",
    "{place} rejects criticism over {kw}",
    "New push on {kw} as envoys meet {venue}",
]
DATELINES = (
    "GENEVA VIENNA BRUSSELS MOSCOW BEIJING NAIROBI BRASÍLIA TOKYO DOHA ANKARA JAKARTA "
    "LONDON PARIS BERLIN WASHINGTON CAIRO SEOUL CANBERRA"
).split() + ["NEW YORK", "NEW DELHI"]
AFTER_CUES = ["said", "said", "said", "told reporters", "warned", "insisted", "stressed", "noted"]
THAT_CUES = ["said", "said", "told reporters", "warned", "insisted", "argued", "stressed"]
ANONYMOUS = [
    "a senior official",
    "one diplomat",
    "a European diplomat",
    "an official who asked not to be named",
    "a government source",
]


@cache
def _slots(template: str) -> tuple[str, ...]:
    return tuple(name for _, name, _, _ in string.Formatter().parse(template) if name)


def fill(rng: random.Random, template: str, capital: bool = True, **fixed: str) -> str:
    """The template with fixed slots as given and the rest drawn from WORDS."""
    values = {s: fixed[s] if s in fixed else rng.choice(WORDS[s]) for s in _slots(template)}
    text = template.format(**values)
    return text[0].upper() + text[1:] if capital else text


def statement(rng: random.Random, **fixed: str) -> str:
    """One or two sentences a speaker says, without the final punctuation."""
    text = fill(rng, rng.choice(STATEMENTS), **fixed)
    if rng.random() < 0.3:
        text += ". " + rng.choice(WORDS["second"])
    return text


def reported(rng: random.Random, mixed: bool = False, **fixed: str) -> str:
    """A reported clause; with `mixed`, one ending in a short quoted fragment."""
    return fill(rng, rng.choice(MIXED if mixed else REPORTED), capital=False, **fixed)
