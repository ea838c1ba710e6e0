"""Word lists the speaker modules share: titles, bodies, groups, name particles.

Kept apart so mentions, the registry and name matching read the same lists without importing
each other.
"""

# Words that describe a person's office or address them; they are not part of the name.
TITLES = frozenset(
    """mr mrs ms miss dr prof sir dame lord lady president vice prime minister secretary foreign
    the gen general sen senator rep representative gov governor mayor judge justice chancellor
    premier ambassador king queen prince princess sheikh ayatollah pope rev reverend former
    deputy chief state of""".split()
)


# Last words that make a phrase a body or a group, never a person's surname.
BODY_WORDS = frozenset(
    """ministry office government department officials agency council committee embassy
    kremlin administration party police army military company group bank union commission
    court parliament senate congress organisers organizers sources delegation delegations
    spokesperson spokesman spokeswoman newspaper times post news authorities diplomats
    experts analysts residents campaign team club board""".split()
)
NAME_PARTICLES = frozenset("de la del da dos van von bin al el le du der".split())


PARTICLES = frozenset("de la del da dos van von bin al le der".split())  # "Antonio de la Cruz"
PRONOUNS = frozenset("he she i we they you".split())
# Words in capitalised runs that are titles or descriptions rather than names.
TITLE_WORDS = frozenset(
    """secretary state foreign minister ministers president vice prime deputy chief general gen
    sen senator rep representative gov governor mayor director spokesman spokeswoman spokesperson
    ambassador chancellor premier king queen prince mr mrs ms dr prof sir former the of and
    for at in on to a an us u.s. un u.n. eu e.u. department ministry state
    affairs defense defence interior finance treasury national security adviser advisor
    attorney judge justice leader opposition commander head official officials expert
    analyst professor executive ceo chairman chairwoman chair lt col sgt capt admiral
    speaker house senate congress congressman congresswoman republican democrat democratic
    gop coach captain manager police officer detective sheriff superintendent council
    councilman councilwoman councillor commissioner inspector assemblyman assemblywoman
    lawmaker legislator party""".split()
)
GROUP_NOUNS = frozenset(
    """officials sources diplomats experts analysts authorities lawmakers residents police
    ministry government department agency kremlin company newspaper paper outlet committee
    administration campaign office spokesperson spokespeople statement report researchers
    scientists critics observers organizers organisers prosecutors investigators officers
    members leaders protesters demonstrators people group groups union council court
    commission party parties team club board embassy military army navy senators democrats
    republicans workers voters""".split()
)
MEDIA_NOUNS = frozenset("newspaper paper outlet agency broadcaster daily magazine network".split())


NOT_FIRST = frozenset(
    """The A An In On At As For From By With Of To And But Or If When While After Before
    During Since Until Although Though Despite However Meanwhile Thus So This That These
    Those It He She They We I His Her Their Its Our My New United Latin North South East
    West Northern Southern Eastern Western Central Supreme National International Federal
    Republican Democratic President Secretary Minister Foreign Prime Vice Deputy Former
    Director Chief General Senator Governor Mayor Ambassador Chancellor Mr Mrs Ms Dr Sir
    Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April
    May June July August September October November December Russian American Venezuelan
    Chinese British French German Iranian Ukrainian US U.S. Last Next Then Also Even""".split()
)
ORG_WORDS = frozenset(
    """times post journal news agency press house department ministry institute academy
    club university committee council party mechanism plan action assembly navy army strait
    union nations sciences studies america americas office court company bank group
    association foundation center centre organization organisation commission government
    administration senate congress parliament kremlin fund forum street tv radio network
    school college hospital police service services corporation inc airlines county state
    states city province region republic kingdom coast sea ocean river island islands
    peninsula war crisis foods holdings corp co ltd llc plc gmbh motors energy systems
    technologies industries partners capital airways pharmaceuticals media""".split()
)


ROLE_HINTS = frozenset(
    """expert analyst political top former senior chief spokesman spokeswoman spokesperson
    official diplomat minister secretary president envoy ambassador adviser advisor lawyer
    attorney professor researcher economist director head leader lawmaker senator
    representative governor mayor commander general businessman businesswoman activist
    doctor coach manager player striker chairman executive founder author journalist
    deputy foreign prime vice of the for at and state affairs defense defence""".split()
)
