"""Tests that tell an incident from what is not one: denials, attempts, background,
history, totals, campaigns and generic statements."""

import datetime as dt
import re
from dataclasses import replace

from spacy.tokens import Doc, Token

from frontwatch.extraction.dates import find_date_expressions
from frontwatch.extraction.figures import CIVILIAN_NOUNS
from frontwatch.extraction.incidents import GROUND_NOUNS
from frontwatch.extraction.lemmas import lemma_of
from frontwatch.extraction.numbers import parse_count
from frontwatch.extraction.parsed import ParsedSentence
from frontwatch.extraction.places import (
    FACILITY_NOUNS,
    FEATURE_NOUNS,
)
from frontwatch.extraction.sentences import Sentence
from frontwatch.extraction.triggers import Trigger
from frontwatch.geo.toponyms import DATELINE_CAPS
from frontwatch.model import (
    ActorRef,
    PlaceMention,
)
from frontwatch.nlp import doc_text

SPEECH_BEFORE_DATE = re.compile(
    r"\b(said|says|announced|reported|stated|claimed|told|statement|confirmed|accounts?|"
    r"reports?|tolls?|figures|claims|statements|tallies|denied|insisted|rejected|dismissed|"
    r"refuted)"
    r"(?:\s+(?:in|on|late|early|a|an|its|their|the|statement|written|joint|online|website|"
    # "claimed (responsibility for) the attack on Sunday": the claim's day, not the attack's
    r"responsibility|for|attack|attacks|bombing|bombings|ambush|assault|blast|raid|killing|"
    r"operation))*\s*$",
    re.IGNORECASE,
)

SPEAKING_VERBS = {"said", "say", "says", "told", "reported", "announced", "stated", "added",
                  "confirmed", "claimed", "noted", "tweeted", "wrote", "denied", "denies",
                  "insisted"}
DENIAL = re.compile(
    r"\b(?:denied|denies|rejected|dismissed|refuted)\s+(?:the\s+|these\s+|those\s+|such\s+|any\s+)?"
    r"(?:report|reports|claim|claims|allegation|allegations|accusation|accusations|account|it|"
    r"involvement|responsibility|figures?|toll|\w+ing)\b"
    # "denied its aircraft had carried out any strikes", "denied that its forces shelled"
    r"|\b(?:denied|denies)\s+(?:that\s+)?(?:its|their|the|any)\s+(?:\w+\s+){0,3}?"
    r"(?:had\s+|have\s+|were\s+|was\s+)?(?:carried|conducted|struck|targeted|hit|shelled|"
    r"bombed|attacked|killed|launched|fired|lost|been)\b"
    # "denied there had been any fighting", "denied that anyone was killed"
    r"|\b(?:denied|denies)\s+(?:that\s+)?(?:there\s+(?:had|has|was|were)\s+been|anyone|any\s+"
    r"(?:civilians|casualties|losses))\b"
    # "denied that Tal Abyad had fallen"
    r"|\b(?:denied|denies)\s+(?:that\s+)?(?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3}\s+"
    r"(?:had|has|was|were)\s+(?:fallen|been\s+(?:captured|taken|seized|overrun|lost))\b",
    re.IGNORECASE,
)
GIVING_UP = {"handed over", "hand over", "surrendered", "withdrew from", "withdrawn from",
             "pulled out of", "withdrawal from", "evacuated from"}
ATTEMPT = re.compile(r"\b(attempt(?:ed|s|ing)?|tried|trying|tries|sought|seeking|"
                     r"push(?:ed|ing)? to|fail(?:ed|s)? to|bid to)\s+(?:\w+\s+)?$",
                     re.IGNORECASE)
# An article about air operations lets a bare "strike" in it mean an air strike.
ARTICLE_AIR_CONTEXT = re.compile(
    r"\b(air ?strikes?|warplanes?|aircraft|air force|drones?|coalition|jets|helicopters?|aerospace|"
    r"CENTCOM|Central Command|counterterrorism strikes?|precision strikes?)\b",
    re.IGNORECASE,
)
AIR_WORDS = re.compile(r"\b(aircraft|warplanes?|jets?|air ?strikes?|drones?|helicopters?|aerospace|"
                       r"air force|bombers?|F-1[4568]s?|Su-\d\ds?|MiG-\d\ds?|Sukhois?)\b",
                       re.IGNORECASE)
DATELINE = re.compile(
    # ("YEREVAN/BAKU (Reuters) -": filed from two cities)
    # (capitals with accents too: "BOGOTÁ —", "SÃO PAULO")
    rf"^\s*[{DATELINE_CAPS}][{DATELINE_CAPS}'’.\-/ ]{{2,40}}"
    r"(?:,\s*[A-Z][A-Za-z.\- ]{1,30}){0,2}"
    # "GAZA, July 12 -", "MOGADISHU, 20 July 2024 -"
    r"(?:,?\s+(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s*\d{4})?|\d{1,2}\s+[A-Z][a-z]{2,8}\.?"
    r"(?:,?\s+\d{4})?))?\s*(?:\([^)]{1,40}\))?\s*[-—–]+\s*"
    # "SRINAGAR: Two militants were killed", "KADUNA: Bandits ..." (a city in capitals, a colon)
    r"|^\s*(?!(?:UPDATE|BREAKING|WARNING|NOTE|ALERT|FLASH|URGENT|EXCLUSIVE)\b)"
    rf"[{DATELINE_CAPS}][{DATELINE_CAPS}'’.\-]{{2,30}}"
    rf"(?:\s[{DATELINE_CAPS}][{DATELINE_CAPS}'’.\-]{{1,30}}){{0,2}}:\s+(?=[A-Z])"
)
EXTRA_CIVILIANS = {"teacher", "teachers", "doctor", "nurse", "nurses", "student", "boy", "girl",
                   "man", "woman", "child", "civilian", "journalist", "farmer", "shepherd",
                   "worker", "resident", "driver", "imam", "pharmacist", "engineer", "lawyer",
                   "activist", "activists", "elder", "mukhtar", "merchant", "trader",
                   "official", "officials", "councillor", "councilor", "councilman", "mayor",
                   "judge", "cleric", "sheikh", "notable", "businessman", "candidate"}
# "a security official" is no civilian
ARMED_MODIFIERS = {"security", "military", "army", "police", "intelligence", "militia", "defence",
                   "defense", "interior"}


SOLDIER_WORDS = {"soldiers", "soldier", "troops", "servicemen", "conscripts", "officers",
                 "guardsmen", "recruits"}
POLICE_WORDS = {"policemen", "policeman", "police", "policewomen"}
AGGREGATE = re.compile(
    r"\b(to date|so far this year|since the (?:start|beginning|launch|outbreak|onset) of|"
    r"during this (?:period|reporting period)|in total|"
    r"cumulative(?:ly)?|since (?:19|20)\d\d|between \w+ (?:19|20)\d\d and|"
    r"in the month of|over the past (?:year|month|decade)|since the war began|"
    # "killed in the first quarter of 2024", "during the month", "over the past six months"
    r"(?:first|second|third|fourth|last) quarter of|during the month|"
    r"(?:in|during|over|throughout) the (?:first|second|last|past|previous) (?:half of "
    r"(?:the year|(?:19|20)\d\d)|(?:two|three|four|five|six|nine|twelve) months)|"
    r"(?:over|during) the (?:past|last) (?:week|fortnight|few days|\w+ days)|"
    # a defence ministry's losses over a front: "lost up to 340 servicemen in that
    # direction", "along the entire front" (not "in the last 24 hours": CENTCOM's strikes
    # of a day are told so, one by one)
    r"in (?:that|this) direction|along the (?:entire|whole) front(?:line)?|"
    r"across (?:the country|Syria|Iraq|Yemen|Afghanistan|Libya|Somalia|Nigeria|Mali)|"
    r"nationwide|(?:the )?(?:total|overall|cumulative) (?:death )?toll|"
    r"(?:has|have) (?:killed|left|claimed the lives of)(?: more than| over| at least| some)? "
    r"(?:tens of thousands|hundreds of thousands|thousands|millions))\b",
    re.IGNORECASE,
)
PERIOD = re.compile(r"\b(?:last|this|past|previous)\s+(?:year|month|decade)\b|"
                    r"\bin\s+(?:19|20)\d\d\b", re.IGNORECASE)
PERFECT = re.compile(r"\b(?:has|have)\s+(?:been\s+)?\w+(?:ed|en)\b", re.IGNORECASE)
# "Operations in Jenin, Tulkarm and Tubas have so far resulted in the killing of 39": a tally
# of a campaign to the day of the report, which the coder reads as an act (the rules' running
# total test gives way where it is sure); "so far" beside a perfect tense is a tally whatever
# the coder reads.
SO_FAR = re.compile(
    rf"\b(?:has|have|had)\s+so\s+far\b|\bso\s+far\b[^.;]{{0,40}}{PERFECT.pattern}", re.IGNORECASE)
# A war's or a battle's toll counted from its outbreak: "Fighting erupted in Khartoum on April
# 15 and has killed more than 1,800 people" tells a running total, not the day's fighting,
# whatever the coder reads
ONSET_TOLL = re.compile(
    r"\b(?:erupted|broke\s+out|began|started|flared(?:\s+up)?)\b[^.;]{0,80}?\band\s+"
    r"(?:has|have)\s+(?:since\s+|so\s+far\s+)?(?:killed|left|claimed)\b",
    re.IGNORECASE,
)
# A toll over a whole year ("34 aid workers killed in South Sudan in 2023", "this year"): a
# yearly total, when no day is named
YEAR_TOLL = re.compile(r"\b(?:in|during|throughout)\s+(?:19|20)\d\d\b(?!\s*[-–,]?\s*\d)|"
                       r"\b(?:so\s+far\s+)?(?:this|last|past)\s+year\b", re.IGNORECASE)
# "Shell under fire over Niger Delta oil spills": criticised, not shot at
CRITICISED = re.compile(r"\bunder\s+fire\s+(?:over|for)\b", re.IGNORECASE)
# A perfect tense counted from a date ("have neutralized 480 terrorists since Oct. 9", "have
# been killed since January"): a running total.
PERFECT_SINCE = re.compile(
    r"\b(?:has|have)\b[^.;]{0,80}\bsince\b|\bsince\b[^.;]{0,120}\b(?:has|have)\b",
    re.IGNORECASE,
)
PERSON_TAKEN = {
    "member", "members", "official", "officials", "commander", "leader", "journalist",
    "activist", "man", "men", "woman", "women", "child", "children", "boy", "girl", "doctor",
    "teacher", "engineer", "worker", "workers", "driver", "farmer", "shepherd", "shepherds",
    "civilian", "civilians", "resident", "residents", "employee", "employees", "he", "she",
    "they", "him", "her", "them", "hostage", "hostages", "suspect", "suspects", "elder",
    "mukhtar", "priest", "imam", "judge", "lawyer", "student", "students", "brother", "son",
}
IN_THE_PAST = re.compile(r"\b(in the past|over the years|in recent years|in previous years)\b",
                         re.IGNORECASE)
SERIES = {"string", "series", "wave", "spate", "number", "campaign", "history", "pattern"}
# A trial of an act, not the act: "sentenced two officers over the killing of", "convicted of
# the murder of", "the trial of those accused of the attack"
COURT_CASE = re.compile(r"\b(?:sentenced|convicted|acquitted|found guilty|verdict|indicted|"
                        r"court[- ]martial(?:led)?|(?:the|a|his|their) trial of|"
                        r"(?:court|tribunal|judge) (?:ruled|found|ordered|jailed))\b",
                        re.IGNORECASE)
# A gathering to mourn, not to protest (unless the words say it turned into one)
MOURNING = re.compile(r"\b(?:funerals?|memorial|vigils?|mourners|burials?|commemorat\w+|"
                      r"mourning)\b", re.IGNORECASE)
PROTESTING = re.compile(r"\b(?:protest\w*|demonstrat\w+|chant\w*|slogans?|denounc\w+|"
                        r"demand\w*|tear gas|clashed)\b", re.IGNORECASE)
# A pattern of acts told as such: "Police stations ... have been attacked repeatedly", "Turkish
# drones have repeatedly struck targets in Sinjar", "Looting continues to be reported in
# Darfur", "In recent months, security forces have detained activists". No incident, whatever
# the coder reads, when the sentence names no day.
HABITUAL = re.compile(
    r"\b(?:repeatedly|routinely|frequently|time and again|time after time|"
    r"continues? to be (?:reported|targeted|attacked|hit|shelled)|"
    r"(?:in|over) (?:the )?recent (?:months|weeks)|over the (?:past|last) (?:few )?"
    r"(?:months|weeks))\b", re.IGNORECASE)


# "dead": "gunmen shot dead a teacher"
KILLING_WORDS = {"killed", "killing", "executed", "assassinated", "slain", "murdered",
                 "gunned", "dead", "stabbed", "shot", "martyred", "died", "shooting",
                 "gunning", "stabbing", "beheading", "beheaded", "lynched"}
WOUNDING_WORDS = {"wounded", "wounding", "injured", "injuring", "injures", "wounds"}


def counted_victims(doc: Doc, triggers: list[Trigger], words: set[str] = KILLING_WORDS) -> int:
    """People killed (or, with WOUNDING_WORDS, hurt) without a figure: "Abu Jandal ... was
    struck and killed" (1), "gunmen killed a doctor" (1), "killed a woman and her two children"
    (3), "wounding an officer" (1); 0 when none is told."""
    for t in triggers:
        if t.kind != "kill":
            continue
        last = doc[t.end - 1]
        if last.lower_ == "of" and words is KILLING_WORDS:
            # "claimed the life of a civilian", "the killing of a teacher"
            for c in last.children:
                if c.dep_ == "pobj" and c.tag_ == "NN" and any(
                        x.lower_ in ("a", "an", "the") or x.dep_ == "poss" for x in c.children):
                    return 1 + sum(_conjoined_people(c))
        root = doc[t.start : t.end].root
        if root.lower_ not in words:
            continue
        for c in root.children:
            if c.dep_ == "nsubjpass" and c.tag_ in ("NN", "NNP") and c.lower_ not in (
                "no", "none", "nobody", "one"
            ) and not any(x.dep_ == "nummod" for x in c.children):
                return 1
            if c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in ("he", "she"):
                return 1  # "He died on the spot", "she was killed"
            if c.dep_ == "dobj" and c.tag_ == "NN" and any(
                x.lower_ in ("a", "an", "the") or x.dep_ == "poss" for x in c.children
            ):
                return 1 + sum(_conjoined_people(c))
    return 0


def _conjoined_people(tok) -> list[int]:
    """How many people each conjoined noun names: "and her two children" 2, "and a boy" 1."""
    out = []
    for c in tok.children:
        if c.dep_ != "conj":
            continue
        num = next((x for x in c.children if x.dep_ == "nummod"), None)
        value = parse_count(num.text) if num is not None else None
        if value is not None and value.value:
            out.append(value.value)
        elif c.tag_ == "NN":
            out.append(1)
        else:
            return []  # "a woman and children": how many is not told
        out += _conjoined_people(c)
    return out


# A ship seized is its crew taken ("The Houthis seized the cargo ship Galaxy Leader",
# "Pirates seized a fishing vessel"): no ground changed hands
VESSELS = {"ship", "ships", "vessel", "vessels", "tanker", "tankers", "dhow", "dhows", "boat",
           "boats", "freighter", "trawler", "trawlers", "carrier", "yacht"}


def person_taken(doc: Doc, trigger: Trigger) -> bool:
    root = doc[trigger.start : trigger.end].root
    for c in root.children:
        if c.dep_ in ("nsubjpass", "dobj") and (
            c.lower_ in PERSON_TAKEN or c.lower_ in VESSELS
                or (c.tag_ == "NNP" and c.ent_type_ in ("", "PERSON")
                                         and c.dep_ == "nsubjpass" and len(list(c.lefts)) > 0)
        ):
            return True
    return False


def generic_plural(doc: Doc, trigger: Trigger, p: ParsedSentence) -> bool:
    """A plural noun trigger with no number, e.g. "a string of kidnappings and killings"."""
    root = doc[trigger.start : trigger.end].root
    if trigger.is_verb or root.tag_ != "NNS" or p.figures.casualties:
        return False
    if any(c.dep_ == "nummod" for c in root.children):
        return False
    head = root.head
    if trigger.kind in ("air", "shelling") and head.lower_ == "of" and \
            head.head.lower_ in ("wave", "waves", "barrage", "salvo", "volley", "swarm"):
        return False  # "a wave of Shahed drones at Odesa overnight": one night's attack
    return (root.dep_ == "pobj" and head.lower_ == "of" and head.head.lower_ in SERIES) or any(
        c.lower_ in ("frequent", "repeated", "regular", "similar", "previous", "past", "such")
        for c in root.children
    ) or IN_THE_PAST.search(doc_text(doc)) is not None


def speech_before(text: str, end: int) -> bool:
    """A speech verb just before `end` ("said on Sunday"): only the last words can hold it."""
    start = max(0, end - 120)
    if start:
        start = text.find(" ", start) + 1 or end
    return SPEECH_BEFORE_DATE.search(text, start, end) is not None


TOLD = re.compile(r"\btell(?:s|ing)?\b|\btold\b", re.IGNORECASE)


def receivers(doc: Doc) -> list[tuple[int, int]]:
    """Whoever is told something ("his brother told Levant Wire"), accused or urged ("accusing
    Paris of supporting the jihadists") is not a place."""
    out: list[tuple[int, int]] = []
    if ACCUSED.search(doc_text(doc)):
        for tok in doc:
            if lemma_of(tok) in ACCUSING_VERBS:
                for c in tok.children:
                    if c.dep_ == "dobj" and c.tag_ in ("NNP", "NNPS"):  # a named party
                        out.append(phrase_range(c))
    if TOLD.search(doc_text(doc)) is None:
        return out
    for tok in doc:
        if tok.lower_ in ("told", "tells", "telling") and tok.i + 1 < len(doc):
            nxt = doc[tok.i + 1]
            end = nxt.i + 1
            while end < len(doc) and doc[end].text[:1].isupper():
                end += 1
            out.append((nxt.idx, doc[end - 1].idx + len(doc[end - 1].text)))
    return out


ACCUSING_VERBS = {"accuse", "blame", "urge", "warn", "thank", "summon"}
ACCUSED = re.compile(r"\b(?:accus|blam|urg|warn|thank|summon)\w*\b", re.IGNORECASE)
NARRATIVE_SHIFT = re.compile(
    r"\b(?:the (?:next|following) day|a day later|the day after|the (?:previous|preceding) "
    r"(?:day|night)|a day earlier|the (?:day|night) before|"
    r"(\w+) (days?|weeks?) (later|earlier|before|after))\b",
    re.IGNORECASE,
)
# "This comes one day after ...", "The attack came a week after ...": the other act was then
COMES_AFTER = re.compile(r"\b(?:comes?|came)\s+(?:just\s+|only\s+|barely\s+)?(?:\w+\s+)?"
                         r"(?:(?:days?|weeks?)\s+)?(?:after|before)\b", re.IGNORECASE)
SMALL_NUMBERS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                 "1": 1, "2": 2, "3": 3, "4": 4, "5": 5, "6": 6, "7": 7}


def narrative_shift(text: str) -> int | None:
    m = NARRATIVE_SHIFT.search(text)
    if m is None:
        return None
    phrase = m.group(0).lower()
    days = 7 if (m.group(2) or "").lower().startswith("week") else 1  # "a week earlier"
    if COMES_AFTER.search(text[: m.end()]):
        # "This comes one day after the troops liberated X": X was the day before
        n = SMALL_NUMBERS.get((m.group(1) or "one").lower(), 1) * days
        return -n if "after" in phrase else n
    if m.group(1):
        n = SMALL_NUMBERS.get(m.group(1).lower())
        if n is None:
            return None
        n *= days
        return n if m.group(3).lower() in ("later", "after") else -n
    return 1 if any(w in phrase for w in ("next", "following", "later", "after")) else -1


# Datelines in title case: "Beirut (AFP) - ", "Rural Damascus, SANA - " (an outlet in
# brackets, or an agency's name in capitals, before the dash)
TITLE_DATELINE = re.compile(
    r"^\s*[A-Z][a-z'’.\-]+(?:\s[A-Z][a-z'’.\-]+){0,3}"
    r"(?:\s*\([^)]{1,40}\)|,\s*[A-Z]{2,8}(?:\s[A-Z][a-z]+)?)\s*[-—–]+\s*"
    # "Maiduguri — Gunmen killed ...": a city and a long dash (not a hyphen) opening the text
    r"|^\s*[A-Z][a-z'’.\-]+(?:\s[A-Z][a-z'’.\-]+){0,2}\s+[—–]{1,2}\s+(?=[A-Z])"
    # A UN mission's release: "Kinshasa, 14 June 2024 - MONUSCO condemns ...", "Jerusalem,
    # June 14, 2024 –" (the city in title case, the day written out with its year)
    r"|^\s*[A-Z][a-z'’.\-]+(?:\s[A-Z][a-z'’.\-]+){0,2},\s+(?:\d{1,2}\s+[A-Z][a-z]{2,8}\.?|"
    r"[A-Z][a-z]{2,8}\.?\s+\d{1,2}),?\s+(?:19|20)\d\d\s*[-—–]+\s*(?=[A-Z])"
)


# A rights group's or an agency's release: "(Nairobi, February 25, 2020) - ", "(Washington,
# DC, March 3, 2022) – ", "(Geneva, 12 May 2023) – ": where it was issued, not where it happened
BRACKET_DATELINE = re.compile(
    r"^\s*\(\s*[A-Z][\w'’.\-]+(?:\s[A-Z][\w'’.\-]+){0,3}(?:,\s*[A-Z][\w.\-]*(?:\s[A-Z][\w.\-]*)?)?"
    r",\s+(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s*\d{4})?|\d{1,2}\s+[A-Z][a-z]{2,8}\.?(?:,?\s+\d{4})?)"
    r"\s*\)\s*[-—–]+\s*"
)


def dateline_spans(text: str) -> list[tuple[int, int]]:
    m = DATELINE.match(text) or TITLE_DATELINE.match(text) or BRACKET_DATELINE.match(text)
    return [(m.start(), m.end())] if m else []


def phrase_range(tok) -> tuple[int, int]:
    """Character range of a token's whole phrase (its subtree)."""
    return tok.left_edge.idx, tok.right_edge.idx + len(tok.right_edge.text)


def char_ranges(doc: Doc, tokens: set[int]) -> list[tuple[int, int]]:
    return [(doc[i].idx, doc[i].idx + len(doc[i].text)) for i in tokens if i < len(doc)]


IMPACT_VERBS = {"hit", "strike", "target", "kill", "destroy", "wound", "injure", "damage",
                "level", "flatten", "pound", "rock", "struck", "targete"}


HISTORY_GAP = dt.timedelta(days=120)
YEARS_AGO = re.compile(r"\b(?:\d+|two|three|four|five|six|seven|eight|nine|ten|several|many)\s+"
                       r"(?:years|decades)\s+ago\b", re.IGNORECASE)
IN_YEAR = re.compile(
    r"\b(?:in|since|during|back in)\s+(?:(?:early|mid|late|mid-|the (?:spring|summer|autumn|"
    r"fall|winter|end|beginning|start) of)\s*)?((?:19|20)\d\d)\b", re.IGNORECASE)
POLITICAL_DETAINEES = re.compile(
    r"\b(militants?|insurgents?|terrorists?|fighters?|members? of|cell|suspected|activists?|"
    r"protesters?|demonstrators?|journalists?|opposition|dissidents?|rebels?|jihadists?|"
    r"politicians?|candidates?|lawmakers?|officials?|leaders?|commanders?|collaborat\w+|"
    r"MPs?|MNAs?|senators?|mayors?|governors?|ministers?|councillors?|councilors?|"
    r"spies|spying|espionage|Islamic State|ISIS|ISIL|Daesh|al-Qaeda|al-Qaida)\b",
    re.IGNORECASE,
)


DURATION = re.compile(r"\bfor (?:many|several|a few|the past|the last|\d+|two|three|four|five|six)"
                      r"\s+(?:\w+\s+)?(?:months|years|weeks)\b", re.IGNORECASE)


RECORD_WORDS = {"responsible", "accused", "suspected", "involved", "known", "wanted", "blamed",
                "convicted", "behind", "guilty", "linked"}


# What a state's adjective can arm ("a Turkish drone struck"; not "the Iraqi ministry imposed")
ARMED_NOUNS = {"drone", "drones", "jet", "jets", "warplane", "warplanes", "aircraft", "plane",
               "planes", "helicopter", "helicopters", "gunship", "gunships", "artillery", "forces",
               "troops", "soldiers", "army", "navy", "tanks", "tank", "warship", "warships",
               "missile", "missiles", "rockets", "battery", "units", "commandos", "gunboats"}
QUANTITY_WORDS = {"several", "many", "numerous", "multiple", "dozens", "scores", "hundreds",
                  "series", "string", "number", "wave", "spate"}


def plural_noun(doc: Doc, trigger: Trigger) -> bool:
    """A trigger noun that counts many acts ("several attacks", "a series of bombings")."""
    root = doc[trigger.start : trigger.end].root
    if trigger.is_verb or not root.tag_.startswith("NN"):
        return False
    return root.tag_ == "NNS" or any(c.lower_ in QUANTITY_WORDS for c in root.children)


def attributed_past(doc: Doc, trigger: Trigger) -> bool:
    root = doc[trigger.start : trigger.end].root
    return any(a.lower_ in RECORD_WORDS for a in list(root.ancestors)[:5])


def is_read_as_verb(doc: Doc) -> bool:
    """The acronym IS (Islamic State) parsed as the verb "is"."""
    return any(t.text == "IS" and t.tag_.startswith("VB") for t in doc)


# A government's stance on what it reports ("We are aware of reports that ...", "The UK
# condemns the strike that killed ...", "We regret that ..."): the report stands
_STANCE_LEMMAS = {"condemn", "deplore", "regret", "welcome", "note", "mourn", "denounce",
                  "know", "understand"}
_STANCE_ADJECTIVES = {"aware", "concerned", "alarmed", "appalled", "saddened", "horrified",
                      "shocked", "outraged", "troubled", "dismayed"}


def present_main_clause(doc: Doc) -> bool:
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if root is None or root.tag_ not in ("VBZ", "VBP") or root.lower_ in SPEAKING_VERBS or \
            lemma_of(root) in ("say", "report", "claim") or lemma_of(root) in _STANCE_LEMMAS:
        return False
    return not any(c.dep_ == "acomp" and c.lower_ in _STANCE_ADJECTIVES for c in root.children)


def campaign_or_duration(doc: Doc, trigger: Trigger) -> bool:
    root = doc[trigger.start : trigger.end].root
    if root.lower_ in ("offensive", "offensives", "campaign", "operation", "operations") and \
            root.dep_ in ("nsubj", "nsubjpass") and lemma_of(root.head) in (
                "begin", "start", "launch", "continue", "end", "resume", "aim", "enter"):
        return True
    return bool(DURATION.search(doc_text(doc)))


# "displacing 37,000 people since May": the day a spell began, not the day of the act (the
# word may open the date expression or stand just before it)
_SINCE_BEFORE = re.compile(r"\b(?:since|from)\s+(?:early\s+|mid-?\s*|late\s+)?$", re.I)
_SINCE_OPENS = re.compile(r"(?:since|from)\s", re.I)
_SINCE_REACH = 40  # characters before a date: "since early " and "from mid- " take 12


def historical(text: str, published: dt.date | None, news_from: dt.date | None = None,
               spells_run_on: bool = False) -> bool:
    """History, not news. `news_from`: the first day of what the text is about when that is
    not the last few months before `published` (an annual report's year, an encyclopedia
    article's subject). `spells_run_on`: the sentence is read as an incident (the coder's
    confident reading), so a day a spell began ("since May") does not date it."""
    if YEARS_AGO.search(text):
        return True
    if published is None:
        return False
    years = [int(y) for y in IN_YEAR.findall(text)]
    if years and max(years) < (news_from.year if news_from else published.year - 1):
        return True
    # "The coalition intervened in Yemen in March 2015": every date the sentence gives is
    # months before the report (ACLED codes what reports newly tell)
    dated = [e.date for e in find_date_expressions(text, published) if e.date is not None
             and not (spells_run_on and (
                 _SINCE_OPENS.match(e.text)
                 or _SINCE_BEFORE.search(text, max(0, e.start - _SINCE_REACH), e.start)))]
    return bool(dated) and before_the_news(max(dated), published, news_from)


def before_the_news(day: dt.date, published: dt.date, news_from: dt.date | None = None) -> bool:
    """Whether a day is before what the text reports as news: months before `published`, or
    before `news_from` (an annual report's year, an encyclopedia article's subject)."""
    return day < (news_from or published - HISTORY_GAP)


def political_arrest(actor1: ActorRef | None, actor2: ActorRef | None, text: str) -> bool:
    """ACLED codes arrests that are political: of armed or political people, or by forces
    acting in a conflict; not everyday policing."""
    if actor2 is not None and actor2.inter in (2, 3, 4, 6):
        return True
    if actor1 is not None and actor1.inter in (1, 2, 3, 8) and \
            not actor1.name.startswith("Police Forces"):
        return True
    return bool(POLITICAL_DETAINEES.search(text))


def names_a_facility(doc: Doc, pl: PlaceMention) -> bool:
    span = doc.char_span(pl.start, pl.end, alignment_mode="expand")
    return span is not None and span.end < len(doc) and doc[span.end].lower_ in FACILITY_NOUNS


def is_conducted(doc: Doc, trigger: Trigger) -> bool:
    """"Coalition aircraft conducted a precision strike": a noun made an act by its verb."""
    root = doc[trigger.start : trigger.end].root
    head = root.head
    return root.dep_ == "dobj" and head.tag_ in ("VBD", "VBN") and lemma_of(head) in (
        "conduct", "carry", "launch", "stage", "mount", "execute", "perform", "unleash")


def definite_noun(doc: Doc, trigger: Trigger) -> bool:
    root = doc[trigger.start : trigger.end].root
    if trigger.is_verb or trigger.kind not in ("clash", "air", "shelling", "ied", "suicide",
                                                "grenade", "chemical", "vac_kill"):
        return False
    return any(
        (c.dep_ in ("det", "predet", "preconj") and c.lower_ in (
            "the", "this", "that", "these", "those", "either", "both", "such"))
        or c.dep_ == "poss"
        for c in root.children
    ) and not any(c.dep_ == "nummod" for c in root.children)


def place_root(doc: Doc, pl: PlaceMention, offset: int) -> Token | None:
    """The parse's head token of a place mention (`offset`: where the sentence starts in the
    article), or None where its characters do not align with tokens."""
    span = doc.char_span(pl.start - offset, pl.end - offset, alignment_mode="expand")
    return None if span is None else span.root


def place_in_subtree(doc: Doc, trigger: Trigger, places: list[PlaceMention], offset: int
                      ) -> bool:
    root = doc[trigger.start : trigger.end].root
    scope = {t.i for t in root.subtree}
    if root.dep_ == "nsubj" and lemma_of(root.head) in IMPACT_VERBS:
        # "The airstrike hit a hotel in Saada": the place of the impact
        scope |= {t.i for t in root.head.subtree}
    return any((r := place_root(doc, pl, offset)) is not None and r.i in scope
               for pl in places)


def has_date(text: str, published: dt.date | None) -> bool:
    return any(e.date is not None for e in find_date_expressions(text, published))


def has_day(text: str, published: dt.date | None) -> bool:
    return any(e.date is not None and e.precision == 1
               for e in find_date_expressions(text, published))


def civilian_patient(doc: Doc, trigger: Trigger) -> bool:
    """"a teacher was shot dead", "gunmen killed a doctor": the victim is a civilian."""
    root = doc[trigger.start : trigger.end].root
    for t in [root, *root.children, *(root.head.children if root.head is not root else [])]:
        if t.dep_ in ("nsubjpass", "dobj") and (
            t.lower_ in CIVILIAN_NOUNS or t.lower_ in EXTRA_CIVILIANS
        ) and not any(m.lower_ in ARMED_MODIFIERS for m in t.children):
            return True
    return False


def act_places_first(doc: Doc, trigger: Trigger, places: list[PlaceMention], offset: int
                      ) -> list[PlaceMention]:
    """"Abu Jandal, an ISIL leader in Raqqah, was killed by an airstrike near Tabqa Dam": the
    place of the act comes before a place that only describes a person."""
    def describes_someone(pl: PlaceMention) -> bool:
        span = doc.char_span(pl.start - offset, pl.end - offset, alignment_mode="expand")
        if span is None:
            return False
        cur = span.root
        for _ in range(8):
            if cur.dep_ in ("nsubj", "nsubjpass", "appos") and cur.tag_.startswith("NN") and \
                    cur is not span.root:
                return True
            if cur.head is cur or cur.tag_.startswith("VB"):
                return False
            cur = cur.head
        return False

    if len(places) < 2:
        return places
    marks = [describes_someone(pl) for pl in places]
    if all(marks) or not any(marks):
        return places
    return [pl for pl, m in zip(places, marks, strict=True) if not m] + \
        [pl for pl, m in zip(places, marks, strict=True) if m]


# Words that make an act the cause of what the main clause tells ("tensions escalated in A
# and B, following clashes in C"; "people fled A after fighting in C").
_CAUSE_WORDS = {"following", "after", "amid", "amidst"}
# Participles that tell what an act caused ("..., forcing 1,911 people to flee to A")
_CONSEQUENCES = {"forcing", "displacing", "prompting", "causing", "triggering", "leading",
                 "driving", "pushing", "uprooting"}


def own_clause_places(doc: Doc, trigger: Trigger, places: list[PlaceMention], offset: int
                      ) -> list[PlaceMention]:
    """An act told as the cause of another clause's news keeps the places of its own phrase:
    the places of the tension or the flight it caused are not where it happened."""
    if len(places) < 2:
        return places
    root = doc[trigger.start : trigger.end].root

    heads = [place_root(doc, pl, offset) for pl in places]
    if root.dep_ in ("pobj", "pcomp", "dobj") and root.head.lower_ in _CAUSE_WORDS:
        scope = {t.i for t in root.subtree}
        inside = [pl for pl, h in zip(places, heads, strict=True)
                  if h is not None and h.i in scope]
        return inside or places
    # "clashes have persisted since 11 June, forcing 1,911 people to flee in A, B and C":
    # where the people fled to is the consequence's place, not the act's
    consequence: set[int] = set()
    for tok in doc:
        if tok.dep_ == "advcl" and tok.lower_ in _CONSEQUENCES and \
                root.i not in {t.i for t in tok.subtree}:
            consequence.update(t.i for t in tok.subtree)
    if not consequence:
        return places
    outside = [pl for pl, h in zip(places, heads, strict=True)
               if h is None or h.i not in consequence]
    if not outside or len(outside) == len(places):
        return places
    if all(pl.role == "region" for pl in outside):
        # "In Policarpa, clashes ..., forcing people to flee in A and B": the opening place,
        # set aside as a frame for A and B, is the act's own
        outside = [replace(pl, role="at") for pl in outside]
    return outside


def is_headline(sent: Sentence) -> bool:
    """The title, or a clause of a title of two stories; never a one-line text's only line."""
    return sent.headline


def place_in_object(doc: Doc, trigger: Trigger, places: list[PlaceMention], offset: int) -> bool:
    """A territory verb needs a place as its object ("liberated X", "X was captured")."""
    root = doc[trigger.start : trigger.end].root
    scope = {t.i for t in root.subtree}
    last = doc[trigger.end - 1]
    for obj in [c for c in root.children if c.dep_ == "dobj"] + [
            c for c in last.children if c.dep_ == "pobj" and last.lower_ in ("of", "over")]:
        if obj.lower_ in GROUND_NOUNS and any(
                c.dep_ == "nummod" or c.lower_ in ("a", "an", "several", "many", "some")
                for c in obj.children):
            return True  # "took control of two villages near Gao", "seized a village"
    for pl in places:
        span = doc.char_span(pl.start - offset, pl.end - offset, alignment_mode="expand")
        if span is None:
            continue
        r = span.root
        if r.dep_ == "nsubjpass" and r.head.i == root.i:
            return True
        if r.dep_ == "compound" and r.head.lower_ in FEATURE_NOUNS and r.head.dep_ == "pobj" \
                and r.head.head.lower_ == "of":
            r = r.head  # "the centre of Ghormach district": the district is what was taken
        elif r.dep_ == "compound" and not (
                r.head.dep_ in ("dobj", "nsubjpass", "conj", "appos")
                and r.head.lower_ in FEATURE_NOUNS):
            continue  # "from Tiyas Military Airfield" is where, not what, was seized
        preps = ("of", "over", "in") if trigger.end - trigger.start > 1 else ("of", "over")
        if r.i in scope and (
            r.dep_ in ("dobj", "appos", "conj", "compound", "nsubjpass")
            or (r.dep_ == "pobj" and r.head.lower_ in preps)
        ):
            return True
        # word-order fallback when the parse attaches the list elsewhere
        if 0 <= span.start - trigger.end <= 4:
            return True
    return False
