"""The sides of a trial: "the defence argued …" speaks through the accused's lawyer, "the
Crown" or "the prosecution" through a prosecutor; never through the other side, nor through
whoever else the story is about (the judge, the accused)."""

import re

from app.extract.speakers.entities import Entity
from app.extract.speakers.offices import printed_role
from app.extract.speakers.typing import PERSON

SIDES = {
    "defence": "defence",
    "defense": "defence",
    "prosecution": "prosecution",
    "crown": "prosecution",
}
_PROSECUTORS = re.compile(
    r"\b(?:prosecut\w*|crown|district\s+attorneys?|state's\s+attorneys?|u\.?s\.?\s+attorneys?)\b"
)
_LAWYERS = re.compile(r"\b(?:lawyers?|attorneys?|counsel)\b")


def side_of_a_trial(head: str, text: str) -> bool:
    """'The defence', 'the Crown', 'the prosecution' (not "the defence minister")."""
    return head in SIDES and text.lower().split()[-1] == head


def _side(role: str) -> str | None:
    if _PROSECUTORS.search(role):
        return "prosecution"
    if _LAWYERS.search(role) and "general" not in role.split():  # (not the attorney general)
        return "defence"
    return None


def lawyer_for_the_side(head: str, people: list[Entity], before: int) -> Entity | None:
    """The last person named before `before` whose printed title puts them on that side."""
    side = SIDES[head]
    on_side = [
        e
        for e in people
        if e.kind == PERSON
        and e.positions
        and min(e.positions) < before
        and _side(printed_role(e)) == side
    ]
    return max(on_side, key=lambda e: min(e.positions), default=None)
