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
NAME_PARTICLES = frozenset(
    "de la las los del della di da dos van von der den bin ibn al el le du".split()
)


PARTICLES = frozenset("de la del da dos van von bin al le der".split())  # "Antonio de la Cruz"
PRONOUNS = frozenset("he she i we they you it".split())
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
    lawmaker legislator party emir sheikh sheikha sultan brigadier colonel lieutenant
    sergeant commodore cardinal archbishop bishop rabbi imam patriarch mufti pastor
    reverend administrator registrar comptroller ombudsman auditor coroner provost treasurer
    envoy solicitor prosecutor magistrate chairperson alderman undersecretary consul cfo""".split()
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
MEDIA_NOUNS = frozenset(
    """newspaper paper outlet agency broadcaster daily magazine network television tv radio
    channel tabloid weekly""".split()
)


NOT_FIRST = frozenset(
    """The A An In On At As For From By With Of To And But Or If When While After Before
    During Since Until Although Though Despite However Meanwhile Thus So This That These
    Those It He She They We I His Her Their Its Our My New United Latin North South East
    West Northern Southern Eastern Western Central Supreme National International Federal
    Republican Democratic President Secretary Minister Foreign Prime Vice Deputy Former
    Director Chief General Senator Governor Mayor Ambassador Chancellor Mr Mrs Ms Dr Sir
    Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April
    May June July August September October November December Russian American Venezuelan
    Chinese British French German Iranian Ukrainian US U.S. Last Next Then Also Even Because
    Unless Whether Why How What Where Yet Nor Amid Among Against Upon Under Maybe Perhaps
    Besides Says""".split()
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
    prison jail penitentiary church diocese archdiocese museum library gallery orchestra
    survey observatory institution tribunal chamber movement conference programme program front
    technologies industries partners capital airways pharmaceuticals media board cross
    enterprises ventures solutions consulting logistics records studios entertainment pictures
    productions publishing publishers books labs games films
    society league federation coalition alliance authority bureau trust guild embassy consulate
    secretariat junta cabinet presidency command forces guard guards corps brigade brigades
    battalion regiment fleet nation pac international
    freight shipping mining minerals resources insurance telecom petroleum construction
    properties realty software semiconductor chemicals therapeutics biotech railways trucking
    brands retail apparel networks""".split()
)


# A place or a person made into a modifier by a hyphen ends a name: "San Francisco-based
# I-DEV", "the Toronto-born singer", "Harper-era rules".
DESCRIBING_SUFFIXES = frozenset(
    """based born owned led backed run funded made style era area bound registered listed
    linked allied aligned controlled headquartered raised bred""".split()
)


ROLE_HINTS = frozenset(
    """expert analyst political top former senior chief spokesman spokeswoman spokesperson
    official diplomat minister secretary president envoy ambassador adviser advisor lawyer
    attorney professor researcher economist director head leader lawmaker senator
    representative governor mayor commander general businessman businesswoman activist
    doctor coach manager player striker chairman executive founder author journalist
    deputy foreign prime vice of the for at and state affairs defense defence counterpart
    diplomacy chancellor premier king queen prince princess crown emir sultan monarch
    commissioner negotiator mediator chairwoman chairperson legislator parliamentarian
    admiral colonel lieutenant captain ayatollah sheikh aide""".split()
)


# --- typing of mentions (typing.py) and descriptions (coreference.py) ---

# Media outlets that are named without an outlet word ("Reuters", "TechCrunch", "CNN").
KNOWN_OUTLETS = frozenset(
    """reuters bloomberg cnn cnbc msnbc bbc cbc ctv npr pbs afp ap politico axios techcrunch
    buzzfeed gizmodo engadget forbes newsweek economist guardian telegraph xinhua tass
    interfax kcna yonhap kyodo efe ansa dpa macleans jazeera france-presse huffpost breitbart
    ria novosti telesur infobae irna isna tasnim anadolu bernama antara sputnik cgtn cctv nhk
    wafa kuna qna mena atlantic""".split()
)
# Last words of an outlet's name ("CTV News", "The Globe and Mail", "Toronto Star").
OUTLET_WORDS = frozenset(
    """news times post journal herald tribune gazette star sun globe mail telegraph guardian
    chronicle examiner observer radio tv television broadcasting broadcaster network magazine
    daily weekly wire press presse media newspaper citizen courier record register dispatch
    bulletin inquirer sentinel standard""".split()
)
# Where officials post: "wrote on Telegram", "said on X", "posted on Facebook"; a post
# there speaks for its author, never for the platform.
PLATFORMS = frozenset(
    "Telegram X Twitter Facebook Instagram Weibo WeChat YouTube TikTok Threads Bluesky".split()
)
# Nouns of a document or message that speaks for its author ("the statement said").
DOCUMENT_NOUNS = frozenset(
    """statement release report study survey letter filing complaint lawsuit suit memo email
    e-mail tweet post posting ruling decision notice document documents records transcript
    announcement bulletin advisory update website blog message note petition motion affidavit
    submission brief analysis audit review poll data figures numbers reports studies readout
    communique communiqué draft resolution declaration treaty accord charter proposal
    indictment decree commentary column op-ed""".split()
)
# Heads of a description that names a body: "the company", "the utility", "the board".
ORG_NOUNS = frozenset(
    """company firm business corporation agency union utility board council government ministry
    department office city town municipality province state team club party organization
    organisation association group band university college school hospital bank court
    commission committee authority administration police force service network station
    charity foundation institute society league federation coalition campaign airline carrier
    retailer chain maker manufacturer producer developer provider operator insurer lender
    brewery restaurant store shop army military navy militia junta regime embassy consulate
    mission delegation cabinet parliament senate congress assembly tribunal secretariat
    presidency kremlin alliance bloc bureau directorate inspectorate
    prison fund""".split()
)
# Heads of a description that names one person: "the minister", "the 34-year-old".
# Nouns for what happened that a clause appended to a sentence opens on: "…, a move
# officials said was aimed at …" (a relative clause without "that").
EVENT_NOUNS = frozenset(
    """move step decision figure claim measure development action plan deal sign signal number
    rise increase drop fall charge accusation allegation gesture shift change policy tactic
    tally toll estimate total outcome result practice approach effort bid attempt offer
    proposal request demand prospect incident attack strike assessment finding position stance
    argument version account remark comment concession compromise threat warning""".split()
)

# Kin a story names by their relation to someone else, often of the same surname: "His
# daughter, Marie Chiarelli,".
KIN_NOUNS = frozenset(
    """mother father son daughter wife husband brother sister widow widower partner cousin
    uncle aunt nephew niece grandson granddaughter grandmother grandfather stepson
    stepdaughter fiancée fiancee fiance spouse sibling parents""".split()
)

# People a story names by whose they are, as kin: "Her roommate, who asked not to be named,".
ACQUAINTANCES = frozenset(
    "roommate classmate colleague coworker co-worker friend boyfriend girlfriend".split()
)
PERSON_NOUNS = frozenset(
    """minister mayor premier president prime senator judge justice coach manager official
    spokesperson spokesman spokeswoman lawyer attorney chief director executive ceo chair
    chairman chairwoman founder owner officer detective sheriff inspector commissioner
    governor ambassador envoy diplomat secretary leader candidate mp mla councillor councilor
    trustee superintendent principal teacher professor doctor physician nurse scientist
    researcher economist analyst expert author writer artist designer architect chef player
    forward defenceman defenseman goaltender goalie striker pitcher quarterback rookie veteran
    captain sergeant pilot driver man woman boy girl father mother son daughter husband wife brother
    sister resident neighbour neighbor victim witness survivor student worker employee
    volunteer activist organizer organiser advocate critic farmer owner landlord tenant
    parent grandmother grandfather proprietor host singer actor actress dancer comedian
    musician fighter boxer champion winner labourer laborer refugee immigrant man king queen
    prince princess emir sheikh sultan monarch catcher shortstop outfielder infielder reliever
    closer right-hander left-hander southpaw midfielder defender goalkeeper netminder winger
    blueliner linebacker receiver jockey skier swimmer sprinter golfer cyclist skater
    wrestler batter investigator rapporteur commuter shopper customer voter homeowner
    passenger fisherman fisher motorist pedestrian patient caregiver retiree pensioner
    protester demonstrator trucker miner rancher paramedic firefighter vendor harvester
    lobsterman fisherwoman grower baker butcher plumber electrician mechanic cashier
    prosecutor commentator columnist pollster reporter editor producer filmmaker poet novelist
    playwright entrepreneur investor soldier trooper magistrate coroner arbitrator surgeon
    forecaster meteorologist lecturer alderman alderwoman treasurer auditor ombudsman curator
    astronaut sculptor photographer strategist consultant lobbyist engineer epidemiologist
    virologist pharmacist dentist archaeologist nun guard operative medic priest rabbi
    imam bishop monk agent keeper""".split()
)
# Pieces of hyphenated titles besides title words: "secretary-general", "sergeant-at-arms",
# "commander-in-chief", "co-founder", "ex-minister", "president-elect".
COMPOUND_TITLE_PARTS = frozenset("general in at of arms chief elect designate vice co ex".split())
# Pieces after which a hyphenated title's first word names the office ("secretaries-general").
HEAD_FIRST_PARTS = frozenset("general in at of elect designate".split())


def title_compound(word: str) -> list[str] | None:
    """The pieces of a hyphenated title ("Secretary-General" -> ["secretary", "general"]);
    None for a hyphenated name ("Hae-rin", "Smith-Jones") or a single word."""
    pieces = word.lower().rstrip(".").split("-")
    if len(pieces) < 2:
        return None
    titles = [p for p in pieces if p in TITLE_WORDS or p in PERSON_NOUNS]
    if not titles or not all(p in COMPOUND_TITLE_PARTS or p in titles for p in pieces):
        return None
    return pieces


def compound_head(pieces: list[str]) -> int:
    """Which piece of a hyphenated title names the office: the first of "secretary-general",
    "sergeant-at-arms" and "president-elect", the last of "vice-president" and "co-founder"."""
    return 0 if any(p in HEAD_FIRST_PARTS for p in pieces[1:]) else len(pieces) - 1


# Capitalised nouns of a party's members: "a Democrat", "some Tories", "a Labour MP". One
# ends no one's name: "a New Hampshire Republican" names nobody.
MEMBER_NOUNS = frozenset(
    """democrat democrats republican republicans conservative conservatives liberal liberals
    tory tories socialist socialists mp mps mep meps""".split()
)
PARTY_MEMBER = frozenset("democrat republican conservative liberal tory socialist".split())


# Last words that make a capitalised name a place ("Lake Cowichan", "Veteran's Park").
PLACE_WORDS = frozenset(
    """lake river island islands bay beach valley mountain mountains park square street avenue
    road boulevard highway county township village harbour harbor falls creek peninsula coast
    heights hill hills station arena complex library mall airport bridge tower building hotel
    centre center stadium plaza terminal port market district trail drive lane crescent line
    gardens garden pier wharf""".split()
)
# Regions, seas and areas of the world news names like places ("Arctic security", "the
# Sahel"): never a speaker, whatever pronoun follows.
REGIONS = frozenset(
    """arctic antarctic antarctica baltic baltics balkans sahel maghreb levant caucasus gulf
    pacific atlantic mediterranean caribbean himalayas sinai donbas donbass kashmir europe
    indo-pacific asia africa oceania americas scandinavia eurasia siberia patagonia""".split()
) | frozenset(
    {
        "high north",
        "middle east",
        "near east",
        "far east",
        "horn of africa",
        "persian gulf",
        "black sea",
        "red sea",
        "south china sea",
        "east china sea",
        "korean peninsula",
        "taiwan strait",
        "west bank",
        "gaza strip",
        "golan heights",
        "central asia",
        "south asia",
        "east asia",
        "southeast asia",
        "latin america",
        "north america",
        "south america",
        "central america",
        "north africa",
        "west africa",
        "east africa",
        "southern africa",
        "sub-saharan africa",
        "western balkans",
        "south caucasus",
    }
)
# Capitalised words that are never part of a person's name (headline and title debris).
NOT_NAME_WORDS = frozenset(
    """are is was were be been am got get gets me my mine you your our ours we us it its
    they them their this that these those who what why how when where not no yes all any
    some more most about after before here there now then very just only also too read
    watch click share live update updated breaking exclusive opinion analysis photo video
    new old best first last next unlike like despite although among amid including following
    without within between against toward towards across along around behind beside inside
    outside throughout upon both either neither each every""".split()
)
# Abbreviated titles printed before a name ("Rep. Jim Bond", "Lt. Gen. Ana Ruiz").
TITLE_ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof sen rep gov lt col gen sgt capt cmdr adm rev hon supt insp det cst
    cpl pte maj brig st coun cllr const del amb atty""".split()
)
# Abbreviated titles as the words a description uses: "Gov. Ann Lee" is "the governor".
TITLE_EXPANSIONS = {
    "sen": "Senator",
    "rep": "Representative",
    "gov": "Governor",
    "lt": "Lieutenant",
    "col": "Colonel",
    "gen": "General",
    "sgt": "Sergeant",
    "capt": "Captain",
    "cmdr": "Commander",
    "adm": "Admiral",
    "rev": "Reverend",
    "supt": "Superintendent",
    "insp": "Inspector",
    "det": "Detective",
    "maj": "Major",
    "brig": "Brigadier",
    "prof": "Professor",
    "coun": "Councillor",  # "Coun. Courtney Walcott", Canadian city councils
    "cllr": "Councillor",  # British and Irish councils
    "del": "Delegate",  # "Del. Ann Lee", Virginia's and Maryland's lower houses
    "amb": "Ambassador",
    "atty": "Attorney",
}
# US party tags after a name: "(D-Nev.)", ", R-Tenn.,", "(I-Vt.)": the party and the state.
US_PARTIES = {"D": "Democrat", "R": "Republican", "I": "independent"}
US_STATES = {
    abbreviation: state
    for state, forms in {
        "Alabama": "Ala AL",
        "Alaska": "AK",
        "Arizona": "Ariz AZ",
        "Arkansas": "Ark AR",
        "California": "Calif CA",
        "Colorado": "Colo CO",
        "Connecticut": "Conn CT",
        "Delaware": "Del DE",
        "Florida": "Fla FL",
        "Georgia": "Ga GA",
        "Hawaii": "HI",
        "Idaho": "ID",
        "Illinois": "Ill IL",
        "Indiana": "Ind IN",
        "Iowa": "IA",
        "Kansas": "Kan Kans KS",
        "Kentucky": "Ky KY",
        "Louisiana": "La LA",
        "Maine": "ME",
        "Maryland": "Md MD",
        "Massachusetts": "Mass MA",
        "Michigan": "Mich MI",
        "Minnesota": "Minn MN",
        "Mississippi": "Miss MS",
        "Missouri": "Mo MO",
        "Montana": "Mont MT",
        "Nebraska": "Neb Nebr NE",
        "Nevada": "Nev NV",
        "New Hampshire": "N.H NH",
        "New Jersey": "N.J NJ",
        "New Mexico": "N.M NM",
        "New York": "N.Y NY",
        "North Carolina": "N.C NC",
        "North Dakota": "N.D ND",
        "Ohio": "OH",
        "Oklahoma": "Okla OK",
        "Oregon": "Ore Oreg OR",
        "Pennsylvania": "Pa Penn PA",
        "Rhode Island": "R.I RI",
        "South Carolina": "S.C SC",
        "South Dakota": "S.D SD",
        "Tennessee": "Tenn TN",
        "Texas": "Tex Texas TX",
        "Utah": "UT",
        "Vermont": "Vt VT",
        "Virginia": "Va VA",
        "Washington": "Wash WA",
        "West Virginia": "W.Va W.V WV",
        "Wisconsin": "Wis Wisc WI",
        "Wyoming": "Wyo WY",
    }.items()
    for abbreviation in forms.split() + [state]
}
STATE_NAMES = frozenset(state.lower() for state in US_STATES.values())  # "new york"
MONTH_ABBREVIATIONS = frozenset("jan feb mar apr jun jul aug sep sept oct nov dec".split())

# Speech verbs opening a sentence before their speaker and a colon: "Continued Stone: “…”".
INVERTED_TAGS = frozenset(
    """Said Says Added Adds Wrote Writes Continued Continues Explained Noted Recalled Insisted
    Argued Quipped Replied Responded Concluded Warned Stated Declared Observed Remarked
    Tweeted Stressed Cautioned Countered Joked Predicted Lamented Boasted""".split()
)

# People posted to a place or a file: "Ambassador to Japan", "coordinator for Sudan" names
# where they serve, not whose they are.
POSTED_ROLES = frozenset(
    """ambassador envoy representative emissary delegate coordinator rapporteur mediator
    negotiator commissioner""".split()
)
