"""'The elder Friesen', 'the younger Friesen': of two people who share a surname, the older
or the younger, by their printed ages or by whose son, daughter or parent each is."""

import re

from app.extract.speakers.entities import Entity

GENERATION_BEFORE = re.compile(r"\b[Tt]he\s(elder|older|senior|younger|junior)\s\Z")
AGE = re.compile(r"\b(\d{1,3})-year-old\b")  # a printed age: "the 34-year-old"
_CHILD = "son|daughter|grandson|granddaughter|stepson|stepdaughter"
_PARENT = "father|mother|dad|mom|mum|grandfather|grandmother|stepfather|stepmother"
_WHOSE = r"\b(?:[Hh]is|[Hh]er|[Tt]heir)\s"


def of_generation(text: str, pos: int, namesakes: list[Entity]) -> Entity | None:
    """The one of two namesakes "the elder" or "the younger" printed before `pos` means."""
    said = GENERATION_BEFORE.search(text, max(0, pos - 16), pos)
    if said is None or len(namesakes) != 2:
        return None
    young = _younger(text, namesakes)
    if young is None:
        return None
    elder = said[1] in ("elder", "older", "senior")
    return next(e for e in namesakes if e is not young) if elder else young


def _younger(text: str, pair: list[Entity]) -> Entity | None:
    ages = [AGE.search(e.role) for e in pair]
    if ages[0] and ages[1] and ages[0][1] != ages[1][1]:
        return pair[0] if int(ages[0][1]) < int(ages[1][1]) else pair[1]
    for n, e in enumerate(pair):
        given = re.escape(e.name.split()[0])
        if re.search(rf"{_WHOSE}(?:{_CHILD}),?\s{given}\b", text):
            return e  # "his son Daniel"
        if re.search(rf"{_WHOSE}(?:{_PARENT}),?\s{given}\b", text):
            return pair[1 - n]  # "her father Abram"
    return None
