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

from frontwatch.geo.gazetteer import Gazetteer
from frontwatch.geo.names import DESCRIPTORS, name_key
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
_KIND_OF = re.compile(
    rf"\b(?P<kind>villages?|towns?|city|cities|hamlet|settlement|areas?|district|"
    rf"neighbou?rhood|suburbs?|outskirts|vicinity|countryside|province|governorate|region|"
    rf"environs|surroundings|desert)\s+of\s+(?:the\s+)?(?P<name>{NAME})")
_NAME_KIND = re.compile(
    rf"(?P<name>{NAME})\s+(?P<kind>villages?|towns?|city|province|governorate|countryside|"
    rf"desert|district|area|region|oil\s+fields?|gas\s+fields?|fields?|airport|air\s?base|"
    rf"military\s+airport|dam|camp|crossing|checkpoint)\b")
_NEAR = re.compile(
    rf"\b(?:near|nearby|around|outside|close\s+to|next\s+to|on\s+the\s+outskirts\s+of|"
    rf"in\s+the\s+vicinity\s+of|on\s+the\s+edge\s+of|approaches\s+to|"
    rf"(?:{_DIRS})\s+of)\s+(?:the\s+)?(?P<name>{NAME})")
_DIR_REGION = re.compile(
    rf"\b(?P<dir>{_DIR_ADJ})\s+(?P<name>{NAME})(?:\s+(?P<kind>countryside|province|"
    rf"governorate|desert|outskirts|region))?")
_IN = re.compile(rf"\b(?:in|at|into|from|to|across|throughout|inside)\s+(?:the\s+)?"
                 rf"(?P<name>{NAME})")
_NAME_RUN = re.compile(NAME)
# US-style county names: the kind word is part of the name ("Kanawha County").
_COUNTY = re.compile(rf"(?P<name>{NAME})\s+(?:County|Parish|Township|Borough)\b")
# Dotted abbreviations of states and countries ("S.C.", "W.Va.", "U.S.").
_DOTTED = re.compile(r"(?<![\w.])(?:[A-Z][a-z]{0,3}\.\s?){1,3}(?![\w])")
# A dateline: "CHARLESTON, W.Va. --", "ALEXANDRIA -", at the start of a text or a line.
_DATELINE = re.compile(rf"(?m)^\s*(?P<name>[A-Z][A-Z'’.-]+(?:[ ][A-Z][A-Z'’.-]+)*|{NAME}),?"
                       rf"(?:\s+[A-Z][\w.]*\.?)?\s*(?:\(\w+\)\s*)?[—–-]{{1,2}}\s")
# More names of a list a cue began: "near Ghanim Ali and al-Kadir", "liberated X, Y and Z".
_LIST_NEXT = re.compile(rf"(?:\s+(?:village|town|city|area))?"
                        rf"(?:,\s*(?:and\s+)?|\s+(?:and|or)\s+)(?P<name>{NAME})"
                        rf"(?:\s+(?P<kind>village|town|city|area))?")
_SENTENCE_START = re.compile(r"(?:^|[.!?:;\n]\s*|[\"“(]\s*)$")

_KIND_ROLE = {
    "village": "at", "villages": "at", "town": "at", "towns": "at", "city": "at", "cities": "at",
    "hamlet": "at", "settlement": "at", "neighbourhood": "at", "neighborhood": "at",
    "suburb": "at", "suburbs": "at", "camp": "at", "district": "region",
    "area": "near", "areas": "near", "outskirts": "near", "vicinity": "near",
    "environs": "near", "surroundings": "near",
    "countryside": "countryside", "desert": "countryside",
    "province": "region", "governorate": "region", "region": "region",
}
_FACILITY = re.compile(r"field|airport|air\s?base|dam|crossing|checkpoint")
_POSSESSIVE = re.compile(r"['’]s$")
_KIND_WORDS = {"Village", "Town", "City", "Province", "Governorate", "Countryside", "District",
               "Region", "Desert", "Area"}


_DESCRIPTOR_WORDS = frozenset(DESCRIPTORS) | frozenset(DESCRIPTORS.values())


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
                or key in _DESCRIPTOR_WORDS):
            return False
        profile = self.gazetteer.profile(key)
        if profile is None:
            return False
        if not strict:
            return True
        if profile.country or profile.admin1:
            return True
        words = name.split()
        if len(words) > 1 or re.match(_PREFIXED, name):
            return profile.max_population > 0 or profile.main_name
        return profile.max_population >= self.MIN_POPULATION_BARE

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
        for m in _KIND_OF.finditer(text):
            kind = m.group("kind").lower()
            role = _KIND_ROLE.get(kind, "at")
            hint = m.group("name") if role == "region" else None
            add(m.start("name"), m.end("name"), role, admin_hint=hint)
        for m in _NAME_KIND.finditer(text):
            kind = re.sub(r"\s+", " ", m.group("kind").lower())
            role = "at" if _FACILITY.search(kind) else _KIND_ROLE.get(kind, "at")
            start, end = m.start("name"), m.end("name")
            if _FACILITY.search(kind):
                end = m.end("kind")  # "Shaer fields": the field is the place, not "Shaer"
            hint = m.group("name") if role == "region" else None
            add(start, end, role, admin_hint=hint)
        for m in _NEAR.finditer(text):
            add(m.start("name"), m.end("name"), "near")
        for m in _DIR_REGION.finditer(text):
            kind = (m.group("kind") or "").lower()
            role = "countryside" if kind in ("countryside", "desert", "outskirts") else "region"
            add(m.start("name"), m.end("name"), role, direction=_norm_dir(m.group("dir")),
                admin_hint=m.group("name") if role == "region" else None)
        for m in _COUNTY.finditer(text):
            add(m.start("name"), m.end(), "region")
        for m in _DOTTED.finditer(text):
            abbr = m.group(0).strip()
            if abbr not in dotted_aliases():
                continue
            profile = self.gazetteer.profile(name_key(abbr))
            if profile is not None and (profile.admin1 or profile.country):
                add(m.start(), m.start() + len(abbr), "region" if profile.admin1 else "at")
        for m in _DATELINE.finditer(text):
            if self.known(m.group("name"), strict=False):
                add(m.start("name"), m.end("name"), "at")
        for m in _IN.finditer(text):
            name = m.group("name")
            if self.known(_clean(name), strict=False):
                f = add(m.start("name"), m.end("name"), "at")
                if f is not None:
                    f.weak_cue = True
        self._continue_lists(text, found)
        for m in _NAME_RUN.finditer(text):
            self._bare(text, m.start(), m.end(), found)
        return _dedupe(found)

    def _continue_lists(self, text: str, found: list[Found]) -> None:
        """Give the later names of a list the role its cue gave the first."""
        for f in list(found):
            m = f.mention
            if m.role not in ("at", "near") or m.anchor or not f.cued:
                continue
            end = m.end
            while True:
                nxt = _LIST_NEXT.match(text, end)
                if nxt is None:
                    break
                start, stop = _clean_span(text, nxt.start("name"), nxt.end("name"))
                name = text[start:stop]
                if (name.lower() in stoplist() or name_key(name) in stoplist()
                        or len(name.split()) > 3):
                    break
                if f.weak_cue and not self.known(name, strict=False):
                    break
                found.append(Found(PlaceMention(name, start, stop, m.role)))
                end = nxt.end()

    def _bare(self, text: str, start: int, end: int, found: list[Found]) -> None:
        """A capitalised run no cue introduced: keep it, or its known parts, if well known."""
        start, end = _clean_span(text, start, end)
        name = text[start:end]
        words = list(re.finditer(_TOKEN, name))
        # only the few characters before the name matter; searching the whole prefix of a
        # long article made this quadratic
        if len(words) == 1 and _SENTENCE_START.search(text, max(0, start - 8), start):
            # Capitalised only because a sentence starts there: countries and provinces only.
            profile = self.gazetteer.profile(name_key(name))
            if (profile is not None and self.known(name, strict=True)
                    and (profile.country or profile.admin1 or profile.max_population >= 500_000)):
                found.append(Found(PlaceMention(name, start, end, "at"), cued=False))
            return
        if self.known(name, strict=True):
            found.append(Found(PlaceMention(name, start, end, "at"), cued=False))
            return
        if len(words) <= 1:
            return
        # "Syrian Ministry of Defense", "Tiger Forces Commander Suheil al-Hassan": an
        # organisation's or a person's name; keep only its parts that are countries/provinces
        # or two-word place names ("Deir Ezzor" in "Deir Ezzor Military Airport").
        for i in range(len(words)):
            for j in (i + 2, i + 1):
                if j > len(words):
                    continue
                s, e = start + words[i].start(), start + words[j - 1].end()
                part = text[s:e]
                profile = self.gazetteer.profile(name_key(part))
                if profile is None or part.lower() in stoplist():
                    continue
                two_word_town = j - i == 2 and (profile.max_population >= 1000 or profile.admin1)
                if two_word_town or j - i == 1 and (profile.country or profile.admin1):
                    found.append(Found(PlaceMention(part, s, e, "at"), cued=False))

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
