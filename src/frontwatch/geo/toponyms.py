"""Finding place mentions in text without NER: cue words and gazetteer phrase matches.

Cue patterns give a mention its role: "the village of X" (at), "near X" (near), "X countryside"
and "eastern X countryside" (countryside), "southern Hama" / "Homs province" (region, with an
admin hint), "40 km east of Tal Afar" (offset from an anchor), "X village east of Y" (X, with Y
as its anchor). Capitalised names no cue introduces are kept when the gazetteer knows them well
enough: a multi-word or Arabic-prefixed name, a country, a province, or a sizeable town, and
never a word of the stoplist ("Sunday", "Amaq", "Of").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import chain

from frontwatch.extraction.title_case import common_words
from frontwatch.geo.gazetteer import Gazetteer
from frontwatch.geo.names import DESCRIPTORS, LIST_KIND, WAR_NAME_AFTER, name_key
from frontwatch.model import PlaceMention

# --- the pieces of a place name as written -------------------------------------------------
_UPPER = "A-ZÀ-ÖØ-ÞĀĂĄĆĈĊČĎĐĒĔĖĘĚĜĞĠĢĤĦĨĪĬĮİĴĶĹĻĽĿŁŃŅŇŊŌŎŐŒŔŖŘŚŜŞŠŢŤŦŨŪŬŮŰŲŴŶŸŹŻŽḤṢṬẒ"
_ARTICLE = r"(?:al|el|ar|as|ash|ad|an|at|az|ez|es|ed|er|en|et|ul)"
_CAP = rf"(?:[{_UPPER}][\w'’‘`ʿ]*(?:-[\w'’‘`ʿ]+)*)"
_PREFIXED = rf"(?:{_ARTICLE}-{_CAP})"
_PARTICLE = rf"(?:{_ARTICLE}|bin|ibn|bani|de|del|la|le|du|da|di|dos|das|do)"
_TOKEN = rf"(?:{_PREFIXED}|{_CAP})"
NAME = rf"(?:{_TOKEN}(?:[ \t]+(?:{_PARTICLE}[ \t]+)?{_TOKEN}){{0,4}})"

_DIRS = (r"(?:north[- ]?east|north[- ]?west|south[- ]?east|south[- ]?west|north|south|east|"
         r"west)")
_DIR_ADJ = (r"(?:north[- ]?eastern|north[- ]?western|south[- ]?eastern|south[- ]?western|"
            r"northern|southern|eastern|western|central)")
_UNIT = r"(?:km|kms|kilomet(?:er|re)s?|miles?|mi)"

_OFFSET = re.compile(
    rf"(?P<km>\d+(?:[.,]\d+)?)\s*-?\s*{_UNIT}\s+(?:\(\s*[\d.]+\s*\w+\s*\)\s+)?"
    rf"(?:to the\s+)?(?P<dir>{_DIRS})\s+of\s+(?:the\s+)?"
    rf"(?:(?:town|city|village|capital|province)\s+of\s+)?(?P<name>{NAME})")
# "40 km from the recently liberated town of Sukhna": an offset without a direction.
_OFFSET_FROM = re.compile(
    rf"(?P<km>\d+(?:[.,]\d+)?)\s*-?\s*{_UNIT}\s+(?:away\s+)?from\s+(?:the\s+)?"
    rf"(?:(?:[a-z]+\s+){{0,3}}(?:town|city|village|capital)\s+of\s+)?(?P<name>{NAME})")
_DIR_OF = re.compile(
    rf"(?P<name>{NAME})(?:\s+(?P<kind>village|town|city|area|district|camp))?,?\s+"
    rf"(?:just\s+|some\s+|about\s+)?(?P<dir>{_DIRS})\s+of\s+(?:the\s+)?"
    rf"(?:(?:town|city|village)\s+of\s+)?(?P<anchor>{NAME})")
# A capital named by its country: "Somalia's capital", "the Somali capital", "the capital of
# Mali" (not "the rebel capital", "capital punishment": the word before must name a country).
_CAPITAL = re.compile(
    rf"\b(?:(?P<owner>[{_UPPER}][\w'’.-]+(?:[ \t]+[{_UPPER}][\w'’-]+)?)(?:['’]s?)?[ \t]+"
    rf"capital(?:[ \t]+city)?|the[ \t]+capital(?:[ \t]+city)?[ \t]+of[ \t]+(?:the[ \t]+)?"
    rf"(?P<country>[{_UPPER}][\w'’-]+(?:[ \t]+[{_UPPER}][\w'’-]+)?))(?![ \t]*,?[ \t]*[{_UPPER}])")
# "the Kyivskyi district of Kharkiv", "the Tal al-Sultan neighbourhood of western Rafah": a part
# of a city, which lies in or by it (a namesake elsewhere is not it). Not "the X district of Y
# province": a division of a division.
_PARTS = r"(?:district|locality|microdistrict|neighbou?rhood|quarter)"
_PART_OF = re.compile(
    rf"(?P<name>{NAME})\s+{_PARTS}\s+of\s+(?:the\s+)?(?:{_DIR_ADJ}\s+)?"
    rf"(?:(?:city|town)\s+of\s+)?(?P<anchor>{NAME})\b"
    rf"(?!\s+(?:province|governorate|oblast|region|state|county|district|prefecture)\b)")
# Seas, gulfs and straits, named whole ("over the Gulf of Aden", "in the Red Sea"): a maritime
# event's place, never the port a gulf is named after.
_WATER = re.compile(
    rf"\b(?:(?:Gulf|Bay|Sea|Strait|Straits)\s+of\s+{_TOKEN}|"
    rf"(?:{_TOKEN}[ \t]+){{1,2}}(?:Sea|Ocean|Gulf|Strait))\b")
_KIND_OF = re.compile(
    rf"\b(?P<kind>villages?|towns?|city|cities|hamlet|settlement|areas?|district|locality|"
    rf"neighbou?rhood|suburbs?|outskirts|vicinity|countryside|province|governorate|region|"
    rf"environs|surroundings|desert|communit(?:y|ies)|municipalit(?:y|ies)|communes?|"
    rf"townships?)\s+of\s+(?:the\s+)?(?P<name>{NAME})")
# "In the Kharkiv direction the enemy attacked near Vovchansk": a sector of the front named
# for a town (Ukrainian and Russian bulletins), not where the act was.
_SECTOR_AFTER = re.compile(r"\s+(?:direction|axis|sector)\b", re.I)
_NAME_KIND = re.compile(
    rf"(?P<name>{NAME})\s+(?P<kind>villages?|towns?|townships?|municipality|commune|city|"
    rf"province|governorate|countryside|"
    rf"desert|district|locality|microdistrict|area|region|oil\s+fields?|gas\s+fields?|fields?|airport|air\s?base|"
    rf"military\s+airport|dam|camp|crossing|checkpoint|mountains|hills|highlands)\b")
_NEAR = re.compile(
    rf"\b(?:[Nn]ear|nearby|[Aa]round|[Oo]utside|close\s+to|next\s+to|on\s+the\s+outskirts\s+of|"
    rf"in\s+the\s+vicinity\s+of|on\s+the\s+edge\s+of|approaches\s+to|"
    # at sea: "off Eyl", "off the coast of Hodeidah"
    rf"off\s+the\s+coast\s+of|off(?=\s+[A-Z])|"
    rf"(?:{_DIRS})\s+of)\s+(?:the\s+)?(?P<name>{NAME})")
_DIR_REGION = re.compile(
    rf"\b(?P<dir>{_DIR_ADJ})\s+(?P<name>{NAME})(?:\s+(?P<kind>countryside|province|"
    rf"governorate|desert|outskirts|region))?")
# "rebel-held Ariha", "in government-controlled Aleppo": who holds a place, before its name
_HELD = r"(?:[a-z][\w]*-(?:held|controlled|occupied|besieged)\s+)?"
_IN = re.compile(rf"\b(?:[Ii]n|at|into|[Ff]rom|to|across|throughout|[Ii]nside)\s+(?:the\s+)?"
                 rf"(?:neighbou?ring\s+|nearby\s+)?{_HELD}(?P<name>{NAME})")
# The object of a verb of attack or capture: "attacked Rann", "shelled Kafranbel"
_ACT_ON = re.compile(rf"\b(?:attacked|stormed|shelled|bombed|raided|overran|captured|seized|"
                     rf"liberated|recaptured|retook|besieged|entered|pounded|pound|pounds|"
                     rf"shells|shell|hit|hits|struck|strikes|strike|bomb|bombs)\s+(?:the\s+)?"
                     rf"{_HELD}(?P<name>{NAME})")
_NAME_RUN = re.compile(NAME)
# US-style county names: the kind word is part of the name ("Kanawha County").
_COUNTY_WORD = re.compile(r"\b(?:County|Parish|Township|Borough)\b")
_COUNTY = re.compile(rf"(?P<name>{NAME})\s+(?:County|Parish|Township|Borough)\b")
# Dotted abbreviations of states and countries ("S.C.", "W.Va.", "U.S.").
_DOTTED = re.compile(r"(?<![\w.])(?:[A-Z][a-z]{0,3}\.\s?){1,3}(?![\w])")
# Capitals of a dateline's city, accented ones too ("BOGOTÁ", "SÃO PAULO", "CULIACÁN"): the
# range inside a character class (the extractor's datelines use it too)
DATELINE_CAPS = "A-ZÀ-ÖØ-Þ"
_CAPS_IN = DATELINE_CAPS
_CAPS = f"[{_CAPS_IN}]"
# A dateline: "CHARLESTON, W.Va. --", "ALEXANDRIA -", at the start of a text or a line.
_DATELINE = re.compile(rf"(?m)^\s*(?P<name>{_CAPS}[{_CAPS_IN}'’.-]+(?:[ ]{_CAPS}[{_CAPS_IN}'’.-]+)*"
                       rf"|{NAME}),?"
                       rf"(?:\s+[A-Z][\w.]*\.?)?\s*(?:\(\w+\)\s*)?[—–-]{{1,2}}\s")
# More names of a list a cue began: "near Ghanim Ali and al-Kadir", "liberated X, Y and Z",
# "in the Arghandab district, Charkhab and ...", "in Hayran District as well as the Haradh town"
_LIST_NEXT = re.compile(rf"(?:\s+{LIST_KIND})?"
                        rf"(?:,\s*(?:and\s+(?:the\s+)?)?|\s+(?:and|or)\s+(?:the\s+)?|"
                        rf",?\s+as\s+well\s+as\s+(?:in\s+)?(?:the\s+)?)(?P<name>{NAME})"
                        rf"(?:\s+(?P<kind>{LIST_KIND}))?")
# "Charkhab, Zalakhan and Shekh Qalandar areas", "the Pashmol and Ashoghi areas": a plural kind
# after the last name makes each name before it one of them, known to the gazetteer or not.
_PLURAL_KIND_ROLE = {
    "villages": "at", "towns": "at", "cities": "at", "camps": "at", "communities": "at",
    "municipalities": "at", "communes": "at", "settlements": "at", "hamlets": "at",
    "neighbourhoods": "at", "neighborhoods": "at", "localities": "at", "areas": "near",
    # the geocoder reads a district named in a list as the district's own town
    "districts": "at", "provinces": "region", "governorates": "region",
}
_LAST_OF_KIND = re.compile(rf"(?P<name>{NAME})\s+(?P<kind>{'|'.join(_PLURAL_KIND_ROLE)})\b")
_LIST_PREVIOUS = re.compile(rf"(?<![\w'’-])(?P<name>{NAME})(?:\s+{LIST_KIND})?"
                            rf"(?:,\s*(?:and\s+)?|\s+(?:and|or)\s+)(?:the\s+)?$")
# Where a capital letter says nothing: a sentence's start, an opening quote or bracket, or the
# dash after a dateline ("BEIRUT (Levant Wire) - Led by ...").
_SENTENCE_START = re.compile(r"(?:^|[.!?:;\n]\s*|[\"“(]\s*|\s[-—–]{1,2}\s*)$")

_KIND_ROLE = {
    "village": "at", "villages": "at", "town": "at", "towns": "at", "city": "at", "cities": "at",
    "hamlet": "at", "settlement": "at", "neighbourhood": "at", "neighborhood": "at",
    "suburb": "at", "suburbs": "at", "camp": "at", "community": "at", "communities": "at",
    "municipality": "at", "municipalities": "at", "commune": "at", "communes": "at",
    "township": "at", "townships": "at", "district": "region", "locality": "region",
    "microdistrict": "region",
    "area": "near", "areas": "near", "outskirts": "near", "vicinity": "near",
    "environs": "near", "surroundings": "near",
    "countryside": "countryside", "desert": "countryside",
    "province": "region", "governorate": "region", "region": "region",
    # "Kabani in the Latakia mountains": the mountains of a province say which province.
    "mountains": "region", "hills": "region", "highlands": "region",
}
_FACILITY = re.compile(r"field|airport|air\s?base|dam|crossing|checkpoint")
_POSSESSIVE = re.compile(r"['’]s$")
# "Somalia's Mogadishu": a country's possessive before one of its places
_OWNER_BEFORE = re.compile(r"(?P<owner>[A-Z][\w-]*(?:[ \t]+[A-Z][\w-]*)?)['’]s[ \t]+(?=[A-Z])")
# "Yemen's Islah party": an organisation, whatever place its name recalls
_ORGANISATION_AFTER = re.compile(r"[ \t]+(?:party|movement|group|government|militia|army|"
                                 r"forces?|ministry|council|front|brigades?)\b", re.IGNORECASE)
_COMPOUND_ADJECTIVE = re.compile(
    r"(?:^|\s)[A-Z][\w'’]*-(?:speaking|held|controlled|led|backed|occupied|majority|"
    r"dominated|populated|run|allied|aligned)$")
_KIND_WORDS = {"Village", "Town", "City", "Province", "Governorate", "Countryside", "District",
               "Region", "Desert", "Area"}


_DESCRIPTOR_WORDS = frozenset(DESCRIPTORS) | frozenset(DESCRIPTORS.values())
# Capitalised cue and function words a name run may start with ("Near Dayr Az Zawr", "In
# Diyala province"): not part of the name.
_LEADING_WORDS = frozenset({"In", "Near", "From", "To", "On", "Outside", "Around", "Inside",
                            "Across", "Into", "Of", "And", "But", "Also", "By", "For", "With",
                            "Meanwhile", "Elsewhere", "Then", "Throughout"})
_TOKEN_RE = re.compile(_TOKEN)
_PREFIXED_RE = re.compile(_PREFIXED)
_ARTICLE_WORD = re.compile(rf"^{_ARTICLE}$", re.I)
# Acronyms and short all-caps words ("SDF", "SAC", "DoD", "SANA"): GeoNames holds airport
# codes and abbreviations as alternate names, so only a country's or division's counts.
_ACRONYM = re.compile(r"^(?:[A-Z][A-Z&]{1,3}|[A-Z][a-zA-Z]?[A-Z][a-z]?)$")
_ALL_CAPS = re.compile(r"^[A-Z][A-Z'’.\- ]+$")
# What follows a person's name, not a place's: "Dillon said", "Ryan, for you".
# "Dillon said": a name that speaks is a person's; not "killed in Chibok, said a police
# officer" nor "in Chibok, according to police", where the place ends the clause
_SPEECH_AFTER = re.compile(r"\s+(?:said|says|told|added|stated|noted|explained|wrote|"
                           r"announced|tweeted)\b")
# What follows a state that speaks, not a place: "The UK condemns", "The United Kingdom,
# Norway and the United States condemn", "France strongly deplores"
STANCE_AFTER = re.compile(
    r"(?:\s*,\s*(?:the\s+)?[A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,2})*"
    r"(?:,?\s+and\s+(?:the\s+)?[A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,2})?"
    r"\s+(?:(?:strongly|utterly|unequivocally|firmly|also|today)\s+)?(?:condemns?|welcomes?|"
    r"deplores?|urges?|calls\s+on|call\s+on|rejects?|reiterates?|expresses|stands?\s+with|"
    r"is\s+(?:deeply\s+)?(?:concerned|appalled|alarmed|saddened))\b")
_FORCES_OF = re.compile(r"['’]s\s+(?:forces|troops|army|military|soldiers|artillery|drones|"
                        r"missiles|navy|air\s+force|warplanes|jets)\b")
_INITIAL_BEFORE = re.compile(r"\b[A-Z][a-z]+\s+[A-Z]\.\s+$")
# "Part of Operation Inherent Resolve", "Law of Armed Conflict": the head of a longer name.
_OF_NAME_AFTER = re.compile(rf"\s+of\s+(?:the\s+)?[{_UPPER}]")
# Two capitalised names joined by "and", which may be one place's name ("Jammu and Kashmir",
# "Bosnia and Herzegovina")
_AND_NAME = re.compile(rf"\b[{_UPPER}][\w'’.-]+(?: [{_UPPER}][\w'’.-]+)? and "
                       rf"[{_UPPER}][\w'’.-]+(?: [{_UPPER}][\w'’.-]+)?\b")
# What befell a place named first: "Djibo came under attack", "Gwoza was attacked by"
_BEFALLEN_AFTER = re.compile(
    r"\s+(?:came under|was (?:attacked|shelled|hit|bombed|struck|stormed|overrun|raided|"
    r"retaken|recaptured|captured|seized|targeted)|has been (?:attacked|shelled|hit|"
    r"retaken|recaptured|captured|seized)|fell to)\b")

# Outlets: "(Levant Wire)", "told Levant Wire", "the Fars news agency".
_MEDIA_TAIL = re.compile(r"\b(?:Wire|News|Agency|Times|Post|Press|Network|TV|Radio|Daily|"
                         r"Observatory|Tribune|Herald|Journal|Gazette|Monitor|Telegraph)$")
_TOLD_BEFORE = re.compile(r"(?:\btold|\baccording\s+to|\bby|\breported\s+by)\s+(?:the\s+)?$")


@dataclass(slots=True)
class Found:
    mention: PlaceMention
    anchor_span: tuple[int, int] | None = None
    cued: bool = True
    weak_cue: bool = False  # "in X": a preposition, not a word that says X is a place


@lru_cache(maxsize=1)
def stoplist() -> frozenset[str]:
    from frontwatch.geo.index import data_file

    words = data_file("toponym_stoplist.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(w.strip().lower() for w in words if w.strip() and not w.startswith("#"))


@lru_cache(maxsize=1)
def _person_words() -> tuple[frozenset[str], frozenset[str]]:
    """(given names, titles) of data/geo/person_names.txt."""
    from frontwatch.geo.index import data_file

    names, titles = set(), set()
    for line in data_file("person_names.txt").read_text(encoding="utf-8").splitlines():
        line = line.strip().lower()
        if not line or line.startswith("#"):
            continue
        if line.startswith("title:"):
            titles.add(line[6:])
        else:
            names.add(line)
    return frozenset(names), frozenset(titles)


def given_names() -> frozenset[str]:
    return _person_words()[0]


@lru_cache(maxsize=1)
def _title_before() -> re.Pattern[str]:
    """Titles just before a name: "Maj. Gen. ", "Army Maj. ", "President "."""
    titles = "|".join(sorted(_person_words()[1], key=len, reverse=True))
    return re.compile(rf"\b(?:{titles})\.?\s+(?:[{_UPPER}]\.\s+)?$", re.I)


# A dateline's head: a place in capitals opening a line, then its country, date or outlet
# ("ADEN (AFP) -", "BEIRUT, March 6 (Levant Wire) -", "ERBIL, Iraq, Oct. 20 (UPI) --",
# "KYIV/MOSCOW (Reuters) -").
_DATELINE_HEAD = re.compile(rf"[ \t]*(?P<name>{_CAPS}[{_CAPS_IN}'’.-]+"
                            rf"(?:[ /]{_CAPS}[{_CAPS_IN}'’.-]+)*)"
                            r"(?=,[^\n]{0,60}?[—–-]{1,2}\s|\s*\([^)\n]{1,40}\)\s*[—–-]{1,2}\s"
                            r"|\s+[—–-]{1,2}\s)")


# A dateline closed by a full stop, the way TASS and RIA file ("MOSCOW, May 20. As a result").
_DATELINE_DOT = re.compile(rf"[ \t]*(?P<name>{_CAPS}[{_CAPS_IN}'’-]+"
                           rf"(?:[ ]{_CAPS}[{_CAPS_IN}'’-]+)*),\s+"
                           r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
                           r"\s+\d{1,2}\.\s")


# A release's dateline in brackets: "(Nairobi, February 25, 2020) - ", "(Geneva, 12 May 2023) –"
_DATELINE_BRACKET = re.compile(r"[ \t]*\(\s*(?P<name>[A-Z][^,()\n]{1,60}),\s+"
                               r"(?:[A-Z][\w. ]{1,30},\s+)?"
                               r"(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s*\d{4})?"
                               r"|\d{1,2}\s+[A-Z][a-z]{2,8}\.?(?:,?\s+\d{4})?)"
                               r"\s*\)\s*[—–-]{1,2}\s")


def in_release_dateline(text: str, start: int) -> bool:
    """Whether text[start] lies in a release's bracketed dateline: the office a rights group
    or an agency wrote from (Nairobi, London, Geneva), never where the events were."""
    line = text.rfind("\n", 0, start) + 1
    bracket = _DATELINE_BRACKET.match(text, line)
    return bracket is not None and bracket.start("name") <= start < bracket.end() - 1


def in_dateline(text: str, start: int) -> bool:
    """Whether text[start] lies in the place (or the country) of a dateline."""
    if in_release_dateline(text, start):
        return True
    line = text.rfind("\n", 0, start) + 1
    dot = _DATELINE_DOT.match(text, line)
    if dot is not None and dot.start("name") <= start < dot.end("name"):
        return True
    m = _DATELINE.match(text, line)
    if m is not None and m.start("name") <= start < m.end("name"):
        return True
    head = _DATELINE_HEAD.match(text, line)
    if head is None:
        return False
    dash = re.compile(r"[—–-]{1,2}\s").search(text, head.end())
    return dash is not None and head.start("name") <= start < dash.start()


def person_context(text: str, start: int, end: int) -> bool:
    """Whether the capitalised run text[start:end] is (part of) a person's name: it follows a
    title ("Maj. Michael N. Meyer"), starts with a given name ("Mustafa Bali"), is a given name,
    or is followed by "said" ("Dillon said")."""
    if _title_before().search(text, max(0, start - 40), start):
        return True
    if _INITIAL_BEFORE.search(text, max(0, start - 30), start):
        return True  # "Lloyd J. Austin", "John F. Kirby": a given name and an initial
    first = text[start:end].split()[0] if end > start else ""
    if first.lower().strip("'’") in given_names():
        return True
    return " " not in text[start:end] and _SPEECH_AFTER.match(text, end) is not None


@lru_cache(maxsize=1)
def abbreviation_keys() -> frozenset[str]:
    """Keys of dotted abbreviations ("Mass.", "Ill.", "Ind."): without the dot such a word is an
    English word ("Mass Casualty"), not Massachusetts."""
    return frozenset(name_key(a) for a in dotted_aliases())


def is_acronym(name: str) -> bool:
    return _ACRONYM.match(name) is not None


def outlet_context(text: str, start: int, end: int) -> bool:
    """An outlet's name: "(Levant Wire)" in a dateline, "told Levant Wire", "X News"."""
    if _MEDIA_TAIL.search(text, start, end):
        return True
    if start > 0 and text[start - 1] == "(" and text[end:end + 1] == ")" and " " in text[start:end]:
        return True
    return _TOLD_BEFORE.search(text, max(0, start - 20), start) is not None


@lru_cache(maxsize=1)
def dotted_aliases() -> frozenset[str]:
    """Abbreviations with dots from the alias files ("S.C.", "Calif.", "U.S.")."""
    from frontwatch.geo.index import read_data_csv

    names = [r["alias"] for f in ("country_aliases.csv", "admin1_aliases.csv")
             for r in read_data_csv(f)]
    return frozenset(n for n in names if "." in n)


def _clean_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Trim a possessive ('Russia's') and a trailing capitalised kind word ('Homs Province')."""
    span = text[start:end]
    if span.startswith(("The ", "THE ")) and len(span) > 4:
        start += 4
        span = text[start:end]
    while " " in span and span.split(" ", 1)[0] in _LEADING_WORDS:
        cut = span.index(" ") + 1
        start += cut
        span = text[start:end]
        while span.startswith(" "):
            start += 1
            span = text[start:end]
    m = _COMPOUND_ADJECTIVE.search(span)
    if m:
        # "Cameroon's French-speaking towns": the towns' language, not a place's name
        end = start + len(span[: m.start()].rstrip())
        span = text[start:end]
    m = _POSSESSIVE.search(span)
    if m:
        end -= len(m.group(0))
        span = text[start:end]
    words = span.split()
    while len(words) > 1 and words[-1] in _KIND_WORDS:
        end = start + span.rfind(words[-1])
        span = text[start:end].rstrip()
        end = start + len(span)
        words = span.split()
    return start, end


@lru_cache(maxsize=1)
def group_names() -> frozenset[str]:
    """The proper names of the armed groups in the packaged actor file ("Hamas", "Fano"): a
    gazetteer village of the same name is not what "a Hamas attack" names."""
    from frontwatch.actor_file import packaged_actor_data

    names = set()
    for entry in packaged_actor_data().get("actors") or []:
        if entry.get("inter") not in (2, 3, 4) or "{" in str(entry.get("name", "")):
            continue
        for name in [entry.get("name", ""), *(entry.get("aliases") or [])]:
            name = str(name)
            if name[:1].isupper() and "{" not in name:
                names.add(name)
    return frozenset(names)


class ToponymFinder:
    """Cue-word and gazetteer phrase recogniser over one gazetteer."""

    # A town this big is named often enough in news that its bare name is worth keeping.
    MIN_POPULATION_BARE = 20_000

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer

    def known(self, name: str, strict: bool) -> bool:
        """Whether a bare capitalised name is a toponym by the gazetteer (strict: no cue)."""
        key = name_key(name)
        if (len(key.replace(" ", "")) < 2 or key in stoplist() or name.lower() in stoplist()
                or key in _DESCRIPTOR_WORDS or name in group_names()):
            return False
        profile = self.gazetteer.profile(key)
        if profile is None:
            return False
        if is_acronym(name) or key in abbreviation_keys():
            # "SDF" (Louisville's airport code), "Mass" (Mass.): only a country or a division
            # written so ("US", "UAE") is a place; a dotted abbreviation needs its dot.
            return (profile.country or profile.admin1) and key not in abbreviation_keys()
        if " " not in name and key in given_names():
            return profile.country  # "Paul", "Michael": parishes, but people in news
        if not strict:
            return True
        if profile.country or profile.admin1:
            return True
        words = name.split()
        if len(words) > 1 or _PREFIXED_RE.match(name):
            return profile.max_population > 0 or profile.main_name
        return profile.max_population >= self.MIN_POPULATION_BARE

    def junk(self, text: str, start: int, end: int) -> bool:
        """A span that is no place whatever the gazetteer says: a person's name, an outlet, an
        acronym or an undotted abbreviation that is no country or division, a stoplist word."""
        name = _clean(text[start:end]).strip()
        if not name:
            return True
        key = name_key(name)
        if name.lower() in stoplist() or key in stoplist():
            return True
        if STANCE_AFTER.match(text, end):
            return True  # "The UK condemns the attack on ...": a government speaking
        if _FORCES_OF.match(text, end):
            return True  # "Moscow's forces pressed their offensive": a side, not a place
        if WAR_NAME_AFTER.match(text, end):
            return True
        if key in abbreviation_keys() and text[end:end + 1] == ".":
            return False  # "Fla.", "Calif."
        if is_acronym(name) or key in abbreviation_keys():
            return not self.known(name, strict=False)
        if outlet_context(text, start, end):
            return True
        if person_context(text, start, end):
            profile = self.gazetteer.profile(key)
            return profile is None or not profile.country
        return False

    def scan(self, text: str) -> list[Found]:
        found: list[Found] = []

        def add(start: int, end: int, role: str, **kw) -> Found | None:
            start, end = _clean_span(text, start, end)
            if end <= start:
                return None
            written = text[start:end]
            if written.lower() in stoplist():
                return None
            found.append(Found(PlaceMention(written, start, end, role, **kw)))
            return found[-1]

        for m in _OFFSET.finditer(text):
            a_start, a_end = _clean_span(text, m.start("name"), m.end("name"))
            km = float(m.group("km").replace(",", "."))
            unit = m.group(0)[len(m.group("km")):].strip().lower()
            if unit.startswith("mi"):
                km *= 1.609
            found.append(Found(PlaceMention(
                text[m.start():a_end], m.start(), a_end, "offset", offset_km=km,
                direction=_norm_dir(m.group("dir")), anchor=text[a_start:a_end]),
                (a_start, a_end)))
        for m in _OFFSET_FROM.finditer(text):
            a_start, a_end = _clean_span(text, m.start("name"), m.end("name"))
            km = float(m.group("km").replace(",", "."))
            if m.group(0)[len(m.group("km")):].strip().lower().startswith("mi"):
                km *= 1.609
            found.append(Found(PlaceMention(
                text[m.start():a_end], m.start(), a_end, "offset", offset_km=km,
                anchor=text[a_start:a_end]), (a_start, a_end)))
        for m in _DIR_OF.finditer(text):
            if m.group("kind") is None and not self.known(m.group("name"), strict=False):
                continue  # "Shoigu east of X" is no place; "al-Bwair village east of X" is
            n_start, n_end = _clean_span(text, m.start("name"), m.end("name"))
            a_start, a_end = _clean_span(text, m.start("anchor"), m.end("anchor"))
            found.append(Found(PlaceMention(
                text[n_start:n_end], n_start, n_end, "at", direction=_norm_dir(m.group("dir")),
                anchor=text[a_start:a_end]), (a_start, a_end)))
        parts: set[tuple[int, int]] = set()
        for m in _PART_OF.finditer(text):
            n_start, n_end = _clean_span(text, m.start("name"), m.end("name"))
            a_start, a_end = _clean_span(text, m.start("anchor"), m.end("anchor"))
            if n_start >= n_end or a_start >= a_end:
                continue
            parts.add((n_start, n_end))
            found.append(Found(PlaceMention(
                text[n_start:n_end], n_start, n_end, "at", anchor=text[a_start:a_end]),
                (a_start, a_end)))
        for m in _WATER.finditer(text):
            add(m.start(), m.end(), "at")
        for m in _CAPITAL.finditer(text):
            self._capital(text, m, found)
        for m in _KIND_OF.finditer(text):
            kind = m.group("kind").lower()
            role = _KIND_ROLE.get(kind, "at")
            hint = m.group("name") if role == "region" else None
            add(m.start("name"), m.end("name"), role, admin_hint=hint)
        for m in _NAME_KIND.finditer(text):
            kind = re.sub(r"\s+", " ", m.group("kind").lower())
            role = "at" if _FACILITY.search(kind) else _KIND_ROLE.get(kind, "at")
            start, end = m.start("name"), m.end("name")
            if _clean_span(text, start, end) in parts:
                continue  # a part of a city, found above with its city
            if _FACILITY.search(kind):
                end = m.end("kind")  # "Shaer fields": the field is the place, not "Shaer"
            hint = m.group("name") if role == "region" else None
            add(start, end, role, admin_hint=hint)
        for m in _NEAR.finditer(text):
            add(m.start("name"), m.end("name"), "near")
        for m in _DIR_REGION.finditer(text):
            kind = (m.group("kind") or "").lower()
            role = "countryside" if kind in ("countryside", "desert", "outskirts") else "region"
            # "the northern Hama countryside" names the province as much as "northern Hama"
            add(m.start("name"), m.end("name"), role, direction=_norm_dir(m.group("dir")),
                admin_hint=m.group("name"))
        county_words = _COUNTY_WORD.search(text) is not None  # most texts have none: skip
        for m in (_COUNTY.finditer(text) if county_words else ()):
            add(m.start("name"), m.end(), "region")
        for m in _DOTTED.finditer(text):
            abbr = m.group(0).strip()
            if abbr not in dotted_aliases():
                continue
            profile = self.gazetteer.profile(name_key(abbr))
            if profile is not None and (profile.admin1 or profile.country):
                add(m.start(), m.start() + len(abbr), "region" if profile.admin1 else "at")
        for m in _DATELINE.finditer(text):
            if (self.known(m.group("name"), strict=False)
                    and not self.junk(text, m.start("name"), m.end("name"))):
                add(m.start("name"), m.end("name"), "at")
        # weak cues: the object of a verb of attack ("attacked Rann"), or "in X", "at X"
        for m in chain(_ACT_ON.finditer(text), _IN.finditer(text)):
            n_start, n_end = self._without_country(
                text, *_clean_span(text, m.start("name"), m.end("name")))
            name = text[n_start:n_end]
            if (name and self.known(_clean(name), strict=False)
                    and not self.junk(text, n_start, n_end)
                    and not (" " not in name and _OF_NAME_AFTER.match(text, n_end))):
                if _SECTOR_AFTER.match(text, n_end):
                    add(n_start, m.end("name"), "region")
                    continue
                f = add(n_start, m.end("name"), "at")
                if f is not None:
                    f.weak_cue = True
        self._continue_lists(text, found)
        cued = len(found)
        for m in _NAME_RUN.finditer(text):
            self._bare(text, m.start(), m.end(), found)
        self._continue_lists(text, found, first=cued)
        for m in _LAST_OF_KIND.finditer(text):
            self._listed_before(text, m, found)
        # "Reasi, Jammu and Kashmir": one place whose name holds "and", not two in a list (the
        # longer span wins in _dedupe)
        for m in _AND_NAME.finditer(text):
            if self.known(m.group(0), strict=True):
                found.append(Found(PlaceMention(m.group(0), m.start(), m.end(), "at")))
        return _dedupe(found)

    def _without_country(self, text: str, start: int, end: int) -> tuple[int, int]:
        """"Somalia's Mogadishu", "Sudan's El Fasher": the place, without the country whose
        it is (not a province's: "Uruzgan's Chora district" is left to the province's own
        reading; nor an organisation's name: "Yemen's Islah party")."""
        m = _OWNER_BEFORE.match(text, start, end)
        if m is None or m.end() >= end or _ORGANISATION_AFTER.match(text, end):
            return start, end
        if not any(c.is_country for c in self.gazetteer.candidates(m.group("owner"))):
            return start, end
        return m.end(), end

    def _capital(self, text: str, m: re.Match, found: list[Found]) -> None:
        """"the Somali capital" as the capital itself, when the words before "capital" name a
        country (its name or adjective) and the gazetteer knows its capital; a capital named
        right after ("the Afghan capital, Kabul") is left to that name."""
        owner = re.sub(r"['’]s?$", "", m.group("owner") or m.group("country"))
        cc = next((c.country_code for c in self.gazetteer.candidates(owner)
                   if c.is_country and c.match in ("main", "alt", "adjective")), None)
        capital = self.gazetteer.capital(cc) if cc else None
        if capital is None:
            return
        start = m.start("owner") if m.group("owner") else m.start()
        if text[max(0, start - 4):start].lower() == "the ":
            start -= 4
        found.append(Found(PlaceMention(text[start:m.end()], start, m.end(), "at",
                                        lookup=capital.name)))

    def _listed_before(self, text: str, last: re.Match, found: list[Found]) -> None:
        """The names listed before a plural kind ("Charkhab, Zalakhan and Shekh Qalandar
        areas"), the last one included, each with the kind's role; nothing unless two are."""
        role = _PLURAL_KIND_ROLE[last.group("kind").lower()]
        names = [_clean_span(text, last.start("name"), last.end("name"))]
        start = names[0][0]
        while True:
            prev = _LIST_PREVIOUS.search(text, max(0, start - 80), start)
            if prev is None:
                break
            span = _clean_span(text, prev.start("name"), prev.end("name"))
            if not self._listable(text, *span):
                break
            names.append(span)
            start = prev.start("name")
        if len(names) < 2:
            return
        # (the names before the kind passed `_listable`; the one beside it is checked here)
        last_start, last_end = names[0]
        if last_end <= last_start or self.junk(text, last_start, last_end):
            names = names[1:]
        taken = [(f.mention.start, f.mention.end) for f in found]
        for s, e in names:
            if not any(a < e and s < b for a, b in taken):
                found.append(Found(PlaceMention(text[s:e], s, e, role)))

    def _listable(self, text: str, start: int, stop: int) -> bool:
        """A later name of a list: a name of at most three words, on no stoplist, no junk."""
        name = text[start:stop]
        return bool(name) and name.lower() not in stoplist() \
            and name_key(name) not in stoplist() and len(name.split()) <= 3 \
            and not self.junk(text, start, stop)

    def _continue_lists(self, text: str, found: list[Found], first: int = 0) -> None:
        """Give the later names of a list the role its cue gave the first (from found[first])."""
        for f in found[first:]:
            m = f.mention
            if m.role not in ("at", "near") or m.anchor:
                continue
            # a bare name heads a list too ("struck Saraqib and Ariha"), but then each later
            # name must be one the gazetteer knows
            weak = f.weak_cue or not f.cued
            end = m.end
            while True:
                nxt = _LIST_NEXT.match(text, end)
                if nxt is None:
                    break
                start, stop = _clean_span(text, nxt.start("name"), nxt.end("name"))
                name = text[start:stop]
                if not self._listable(text, start, stop) or (
                        weak and not self.known(name, strict=False)):
                    break
                found.append(Found(PlaceMention(name, start, stop, m.role)))
                end = nxt.end()

    def _bare(self, text: str, start: int, end: int, found: list[Found]) -> None:
        """A capitalised run no cue introduced: keep it, or its known parts, if well known."""
        start, end = _clean_span(text, start, end)
        name = text[start:end]
        if not name:
            return
        words = list(_TOKEN_RE.finditer(name))
        # only the few characters before the name matter; searching the whole prefix of a
        # long article made this quadratic
        if len(words) == 1 and _SENTENCE_START.search(text, max(0, start - 8), start):
            # Capitalised only because a sentence starts there: countries and provinces only.
            profile = self.gazetteer.profile(name_key(name))
            if (profile is not None and self.known(name, strict=True)
                    # a big city by its own name: "Led" (an old name of Saint Petersburg) at
                    # the head of "Led by the Tiger Forces, ..." is a verb; a town that is the
                    # subject of what befell it, "Djibo came under attack", "Gwoza was
                    # attacked", when its name is no English word
                    and (profile.country or profile.admin1
                         or (profile.max_population >= 500_000 and profile.main_name)
                         or (_BEFALLEN_AFTER.match(text, end)
                             and name.lower() not in common_words()))
                    and not _OF_NAME_AFTER.match(text, end) and not self.junk(text, start, end)):
                found.append(Found(PlaceMention(name, start, end, "at"), cued=False))
            return
        if self.known(name, strict=True):
            if self.junk(text, start, end):
                return
            if len(words) == 1 and _OF_NAME_AFTER.match(text, end):
                profile = self.gazetteer.profile(name_key(name))
                if not (profile and (profile.country or profile.admin1)):
                    return  # "Law of Armed Conflict", "Part of Operation Inherent Resolve"
            found.append(Found(PlaceMention(name, start, end, "at"), cued=False))
            return
        if len(words) <= 1 or _ALL_CAPS.match(name):
            # An all-caps run ("SOUTHWEST ASIA") is a place only as a whole.
            return
        if person_context(text, start, end) or outlet_context(text, start, end):
            return  # "Mustafa Bali", "Maj. Gen. Patrick Roberson", "(Levant Wire)"
        # "Syrian Ministry of Defense", "Tiger Forces Commander Suheil al-Hassan": an
        # organisation's or a person's name; keep only its parts that are countries/provinces,
        # or a place name of two or more words that opens it ("Dayr Az Zawr" in "Dayr Az Zawr
        # Military Council").
        i = 0
        while i < len(words):
            took = False
            for j in range(min(len(words), i + 4), i, -1):
                if j - i > 1 and i > 0:
                    continue
                last = words[j - 1].group(0)
                if j - i > 1 and _ARTICLE_WORD.match(last):
                    continue  # "Dayr Az": a name does not end with an article
                s, e = start + words[i].start(), start + words[j - 1].end()
                part = text[s:e]
                e2 = s + len(_clean(part))
                key = name_key(part)
                profile = self.gazetteer.profile(key)
                if (profile is None or part.lower() in stoplist() or key in stoplist()
                        or self.junk(text, s, e2)):
                    continue
                if j - i == 1 and (is_acronym(part) or key in abbreviation_keys()
                                   or key in given_names()):
                    continue
                several = j - i >= 2 and (profile.max_population >= 1000 or profile.admin1)
                if several or j - i == 1 and (profile.country or profile.admin1):
                    found.append(Found(PlaceMention(text[s:e2], s, e2, "at"), cued=False))
                    i, took = j, True
                    break
            if not took:
                i += 1

    def find(self, text: str) -> list[PlaceMention]:
        return [f.mention for f in self.scan(text)]


def _clean(name: str) -> str:
    return _POSSESSIVE.sub("", name)


def _norm_dir(direction: str | None) -> str | None:
    if not direction:
        return None
    d = direction.lower().replace("-", "").replace(" ", "")
    for suffix in ("ern",):
        if d.endswith(suffix):
            d = d[: -len(suffix)]
    return d


_ROLE_RANK = {"offset": 0, "region": 1, "countryside": 1, "near": 2, "at": 3}


def _dedupe(found: list[Found]) -> list[Found]:
    """One mention per stretch of text: the longer span wins, then the cued, then the role."""
    found.sort(key=lambda f: (f.mention.start, -(f.mention.end - f.mention.start),
                              not f.cued, _ROLE_RANK.get(f.mention.role, 9)))
    out: list[Found] = []
    for f in found:
        m = f.mention
        overlap = next((o for o in out if m.start < o.mention.end and o.mention.start < m.end),
                       None)
        if overlap is None:
            out.append(f)
            continue
        o = overlap.mention
        # Same span: merge what the cues said (a role, an admin hint, a direction).
        if (o.start, o.end) == (m.start, m.end) and f.cued:
            if o.role == "at" and m.role != "at":
                o.role = m.role
            o.admin_hint = o.admin_hint or m.admin_hint
            o.direction = o.direction or m.direction
            o.anchor = o.anchor or m.anchor
            overlap.cued = True
        # An anchor inside an offset phrase is that phrase's business, not a mention of its own.
    return out
