"""Offices a description and a person's printed titles name, and whether they are the same
one: "the deputy foreign minister" is not the foreign minister, "the vice president" not the
president, "the foreign minister" not the prime minister; "the head of Russian diplomacy" may
be the foreign minister."""

import re

from app.extract.speakers.entities import Entity
from app.extract.speakers.lexicon import PERSON_NOUNS

# Role words that name the same office in different words ("the head of Russian diplomacy"
# for a foreign minister, "the former parliamentarian" for a congressman).
GENERIC_OFFICES = frozenset(
    "official officer spokesman spokeswoman spokesperson representative".split()
)
ROLE_CLASSES = (
    frozenset(
        "diplomat diplomacy foreign secretary minister envoy ambassador chancellor "
        "consul-general secretary-general".split()
    ),
    frozenset(
        "president leader head premier prime chancellor king ruler secretary-general "
        "director-general".split()
    ),
    frozenset(
        "parliamentarian lawmaker legislator representative congressman congresswoman "
        "senator mp deputy politician".split()
    ),
    frozenset("expert analyst scholar professor researcher director economist specialist".split()),
    GENERIC_OFFICES,
    frozenset("lawyer attorney counsel solicitor barrister".split()),
    # "the former naval officer" for "a retired admiral", not a spokeswoman
    frozenset("officer admiral general colonel commander lieutenant brigadier marshal".split()),
    frozenset(("governor",)),  # "the governor" is no senator, nor "the mayor" a governor
    frozenset(("mayor",)),
    # professions no minister holds: "the auditor" is not "Finance Minister Ana Lima"
    frozenset("auditor auditor-general comptroller ombudsman".split()),
    frozenset("judge justice magistrate".split()),
    frozenset("doctor physician surgeon".split()),
    frozenset(("coach",)),
)
# Words that make an office another one: "the deputy foreign minister" is not the foreign
# minister, nor "the vice president" the president; the portfolios of ministers and
# secretaries tell them apart ("the foreign minister" is not the prime minister).
RANKS = frozenset("deputy vice assistant".split())
ENVOYS_REPRESENTING = frozenset(("special", "permanent", "high"))
PORTFOLIOS = frozenset(
    """foreign prime defence defense finance interior trade economy health justice education
    energy environment agriculture transport labour labor home treasury homeland state
    press""".split()
)


def names_an_office(word: str) -> bool:
    """'leader', 'minister', 'ambassador': a word for an office, not 'mogul' or 'effort'."""
    return any(word.lower() in c for c in ROLE_CLASSES)


def printed_role(e: Entity) -> str:
    """The titles the article prints for someone, without the office officials.toml gives
    (which may be later than the article: a senator then, a secretary of state now)."""
    given = (e.title or "").lower()
    return e.role[len(given) :] if given and e.role.startswith(given) else e.role


Office = tuple[str, str, frozenset[str]]  # (office word, rank or "", portfolios)


# Offices with a "-general" form; roles are printed titles run together, so in "vice
# president general" the general is the next title, not a president-general.
GENERAL_OFFICES = frozenset(
    """secretary director attorney solicitor inspector auditor governor consul surgeon
    commissioner prosecutor procurator""".split()
)


def _offices(text: str) -> list[Office]:
    """The offices a description or a printed role names, each with the rank and portfolios
    before its word: "deputy foreign minister" is ("minister", "deputy", {"foreign"})."""
    found: list[Office] = []
    rank, portfolios = "", set[str]()
    after_office = of_office = False
    previous = ""
    for word in re.findall(r"[a-z]+", text.lower()):
        if word == "representative" and previous in ENVOYS_REPRESENTING:
            word = "envoy"  # "the EU special representative" is its envoy, no lawmaker
        previous = word
        if of_office and word in PORTFOLIOS:  # "secretary of state", "minister of health"
            office, its_rank, its_portfolios = found[-1]
            found[-1] = (office, its_rank, its_portfolios | {word})
            of_office = False
            continue
        of_office = word == "of" and after_office
        if word == "general" and after_office and found[-1][0] in GENERAL_OFFICES:
            office, its_rank, its_portfolios = found[-1]  # "secretary-general", "Director General"
            found[-1] = (f"{office}-general", its_rank, its_portfolios)
        elif word in RANKS:
            rank = word
        elif word in PORTFOLIOS:
            portfolios.add(word)
        elif word in PERSON_NOUNS or any(word in c for c in ROLE_CLASSES):
            found.append((word, rank, frozenset(portfolios)))
            rank, portfolios = "", set()
            after_office = True
            continue
        after_office = False
    return found


def office_kind(role: str) -> str | None:
    """One name for an office however printed, to tell counterparts (the same office in two
    governments: "Secretary of State" and "Foreign Minister", "President" and "President")
    from colleagues ("Foreign Minister" and "Defence Minister", "President" and "Premier")."""
    words = set(re.findall(r"[a-z]+", role.lower()))
    if words & HEAD_OF_GOVERNMENT or {"prime", "minister"} <= words:
        return "head of government"
    if words & HEADS_OF_STATE:
        return "head of state"
    offices = _offices(role)
    if not offices:
        return None
    office, rank, its_portfolios = offices[-1]
    kinds = {SAME_PORTFOLIO.get(p, p) for p in its_portfolios}
    return " ".join([rank, *sorted(kinds), "minister" if office == "secretary" else office]).strip()


HEAD_OF_GOVERNMENT = frozenset("premier chancellor".split())
HEADS_OF_STATE = frozenset("president king emir sultan".split())
SAME_PORTFOLIO = {"state": "foreign", "defense": "defence", "labor": "labour"}


CLASH, LOOSE = "clash", "loose"
# Callings anyone of a country may have, not one office: "the Portuguese politician", "the
# veteran Azerbaijani diplomat" may be someone of no country printed yet.
POLITICAL = frozenset(("politician", "diplomat", "negotiator"))


def office_fit(ours: str, theirs: str) -> str | None:
    """How the office a description names sits with the printed titles: CLASH when they
    name one kind of office and none of theirs is it: another rank ("the deputy foreign
    minister" for "Foreign Minister Ann Lee", "the vice president" for a president),
    another portfolio ("the foreign minister" for "Prime Minister Ben Ode") or another kind
    ("the minister" for a president; an official or representative may be anyone's). LOOSE
    when an office without a rank stands for a ranked one ("the Vietnamese minister" for a
    deputy minister: said loosely, second to someone who holds the office itself). None
    otherwise. One office of the description that fits is enough ("the head of Russian
    diplomacy" for a foreign minister). A deputy who sits in parliament ("Deputy Ana
    Ruiz") prints no office word after it, so "the lawmaker" may be her."""
    printed = _offices(theirs)
    found: str | None = None
    for office, rank, portfolios in _offices(ours):
        if office in POLITICAL:
            continue  # "the Portuguese politician" may be a president or a minister too
        alike = [p for p in printed if p[0] == office]
        if not alike:  # the same kind of office ("the leader" for a prime minister)
            kinds = [c for c in ROLE_CLASSES if office in c]
            alike = [p for p in printed if any(p[0] in c or p[2] & c for c in kinds)]
            portfolios = frozenset()
            if (
                not alike
                and kinds
                and GENERIC_OFFICES not in kinds
                and any(p[0] in c for p in printed for c in ROLE_CLASSES)
            ):
                found = found or CLASH  # "the foreign minister" is not "President Ann Lee"
                continue
        same_portfolio = [p for p in alike if not portfolios or not p[2] or portfolios & p[2]]
        if any(p[1] == rank for p in same_portfolio):
            return None
        if not rank and same_portfolio:
            found = LOOSE
        elif alike:
            found = found or CLASH
    return found


def spokesman_for_an_office(ours: str, theirs: str) -> bool:
    """'the former prime minister' for "foreign ministry spokesman Guo Li": the description
    names an office, and every office printed for the person is a spokesman's or official's."""
    mine = [o for o, _, _ in _offices(ours)]
    printed = [o for o, _, _ in _offices(theirs)]
    return (
        bool(mine and printed)
        and not any(o in GENERIC_OFFICES for o in mine)
        and all(o in GENERIC_OFFICES for o in printed)
    )
