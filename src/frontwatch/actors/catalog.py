"""The actor catalogue: aliases found with spaCy's PhraseMatcher, resolved to ACLED-style names.

Generic names ("government forces", "civilians") depend on the country the event happens in,
so matching and naming are two steps: `find` reports what the text says, `resolve` names it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

import yaml
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from frontwatch.errors import ConfigError
from frontwatch.model import ActorRef
from frontwatch.nlp import doc_lowers, doc_text, phrase_spans

DOMINANT_GROUP = "@dominant_armed_group"


@dataclass(slots=True)
class ActorEntry:
    name: str
    inter: int
    country: str | None = None
    parent: str | None = None
    generic: bool = False
    aliases: list[str] = field(default_factory=list)


@dataclass(slots=True)
class ActorMatch:
    """An alias found in a doc; token offsets are the doc's, character offsets the doc text's."""

    entry: ActorEntry
    raw: str
    start: int  # token index
    end: int
    start_char: int
    end_char: int
    adjective_country: str | None = None


def _is_case_sensitive(alias: str) -> bool:
    # Acronyms ("IS", "SAA", "US forces") must keep their case: "is" is a verb.
    return any(len(tok) >= 2 and tok.replace(".", "").isupper() for tok in alias.split())


# "The coalition" of a war other than the one against ISIS: the coalition of that country's war,
# unless the words say US-led.
COALITION_BY_COUNTRY = {"Yemen": ("Military Forces of Saudi Arabia (2015-)", "Saudi-led coalition")}
# Generic words that mean one group in one war: "the rebels" of Yemen are the Houthis.
GENERIC_BY_COUNTRY = {("Opposition Rebels ({country})", "Yemen"): "Ansar Allah",
                      # "SNA" in Somalia is the Somali National Army
                      ("Syrian National Army", "Somalia"): "Military Forces of {country}"}
_BARE_FORCES = {"soldiers", "soldier", "troops"}
_FORCE_WORDS = {"forces", "military", "units", "gunboats", "warships", "navy", "marines",
                "paratroopers", "commandos", "artillery", "drones", "jets", "aircraft",
                "positions", "posts", "checkpoints", "convoy", "convoys", "patrol", "patrols",
                "enemy", "side"}
# Words between a state's adjective and its forces: "the Turkish occupation army"
_BETWEEN_ADJECTIVE = {"occupation", "occupying", "invading", "regime", "national", "regular",
                      "federal", "special", "elite", "government", "security", "armed"}
US_LED = re.compile(r"\b(?:US|U\.S\.|American|Inherent|CJTF|Combined|anti-IS\w*|international)\b")


# "the Defence and Security Forces (SDF)": an article spelling out its own acronym
ACRONYM_DEFINED = re.compile(
    r"(?P<name>[A-Z][\w'’-]*(?:\s+(?:and|of|for|the|de|du|des|la|le|[A-Z][\w'’-]*)){1,8})"
    r"\s+\((?P<acronym>[A-Z]{2,6})\)")


_NAME_FILLERS = {"and", "of", "for", "the", "to", "de", "du", "des", "la", "le", "s"}


def defined_acronyms(text: str) -> dict[str, str]:
    """The acronyms an article defines, with the names it gives them."""
    return {m.group("acronym"): m.group("name") for m in ACRONYM_DEFINED.finditer(text)}


def redefined_acronym(match: ActorMatch, local: dict[str, str]) -> bool:
    """An acronym the article defines as another group's: "SDF" in a Niger story that spells
    out "Defence and Security Forces (SDF)" is not Syria's Democratic Forces."""
    name = local.get(match.raw.strip())
    if name is None:
        return False
    # "Group to Support Islam and Muslims (JNIM)" is the catalogue's "Group for Support of
    # Islam and Muslims": most of its words are the catalogue's
    words = {w for w in re.findall(r"[a-z]+", name.lower()) if w not in _NAME_FILLERS}
    known = {w for alias in [match.entry.name, *match.entry.aliases]
             for w in re.findall(r"[a-z]+", alias.lower())}
    return not words or len(words & known) / len(words) < 0.6


def regional_coalition(written: str, country: str | None) -> tuple[str, str] | None:
    """(actor name, claimant name) of the coalition "the coalition" means in `country`, or None
    for the US-led one."""
    if country not in COALITION_BY_COUNTRY or US_LED.search(written):
        return None
    return COALITION_BY_COUNTRY[country]


AFFILIATION_SUFFIXES = {"linked", "affiliated", "inspired", "aligned", "allied", "style",
                        "leaning", "sympathising", "sympathizing"}


def state_forces_of(entries: list[ActorEntry],
                    forces_in: dict[str, str] | None = None) -> dict[str, str]:
    """Each state's army by country: the first "Military Forces of X" entry (later ones are
    its branches); a territory with no army of its own (`forces_in`) gets the army that
    operates there: "soldiers" in a Gaza story are Israel's, not Palestine's."""
    out: dict[str, str] = {}
    for e in entries:
        if e.inter == 1 and e.country and not e.parent and e.name.startswith("Military Forces"):
            out.setdefault(e.country, e.name)
    for territory, state in (forces_in or {}).items():
        if state in out:
            out.setdefault(territory, out[state])
    return out


def _forces_in(data: dict) -> dict[str, str]:
    return {str(k): str(v) for k, v in (data.get("forces_in") or {}).items()}


@lru_cache(maxsize=1)
def default_state_forces() -> dict[str, str]:
    """`state_forces_of` the packaged actor file, for stages without a catalogue at hand."""
    data = yaml.safe_load(
        resources.files("frontwatch.data").joinpath("actors.yaml").read_text("utf-8"))
    return state_forces_of([ActorEntry(name=str(i["name"]), inter=int(i["inter"]),
                                       country=i.get("country"), parent=i.get("parent"),
                                       generic=bool(i.get("generic", False)), aliases=[])
                            for i in data["actors"]], _forces_in(data))


class ActorCatalog:
    def __init__(
        self,
        entries: list[ActorEntry],
        states: dict[str, list[str]],
        nlp: Language,
        forces_in: dict[str, str] | None = None,
    ) -> None:
        self.entries = entries
        self.by_name = {e.name: e for e in entries}
        self.states = states
        self.adjectives = {adj.lower(): c for c, adjs in states.items() for adj in adjs}
        self.state_forces = state_forces_of(entries, forces_in)
        self._lower = PhraseMatcher(nlp.vocab, attr="LOWER")
        self._exact = PhraseMatcher(nlp.vocab, attr="ORTH")
        for i, entry in enumerate(entries):
            lower, exact = [], []
            for alias in entry.aliases:
                # typographic apostrophes too: "Da’esh", "al-Qa’ida"
                for form in {alias, alias.replace("'", "’"), alias.replace("’", "'")}:
                    (exact if _is_case_sensitive(form) else lower).append(form)
            key = f"A{i}"
            if lower:
                self._lower.add(key, [nlp.make_doc(a) for a in lower])
            if exact:
                self._exact.add(key, [nlp.make_doc(a) for a in exact])

    @classmethod
    def load(cls, nlp: Language, path: Path | str | None = None) -> ActorCatalog:
        if path is None:
            text = resources.files("frontwatch.data").joinpath("actors.yaml").read_text("utf-8")
            where = "actors.yaml"
        else:
            where = str(path)
            try:
                text = Path(path).read_text("utf-8")
            except OSError as exc:
                raise ConfigError(f"{where}: cannot read actor file ({exc.strerror})") from exc
        try:
            data = yaml.safe_load(text)
            entries = [
                ActorEntry(
                    name=str(item["name"]),
                    inter=int(item["inter"]),
                    country=item.get("country"),
                    parent=item.get("parent"),
                    generic=bool(item.get("generic", False)),
                    aliases=[str(a) for a in item.get("aliases", [])],
                )
                for item in data["actors"]
            ]
            states = {str(k): [str(a) for a in v] for k, v in data.get("states", {}).items()}
            forces_in = _forces_in(data)
        except (yaml.YAMLError, KeyError, TypeError, ValueError, AttributeError) as exc:
            raise ConfigError(f"{where}: not a valid actor file ({exc})") from exc
        return cls(entries, states, nlp, forces_in)

    def find(self, doc: Doc) -> list[ActorMatch]:
        """Longest non-overlapping alias matches, in text order."""
        known = phrase_spans(doc, self._exact, self._lower)
        taken = {i for s in known for i in range(s.start, s.end)}
        found = self._unknown_groups(doc, taken) + self._state_forces(doc, taken)
        for span in sorted(known, key=lambda s: s.start):
            entry = self.entries[int(span.label_[1:])]
            if entry.generic and span.start > 0 and doc[span.start - 1].lower_ in (
                    "its", "their", "his", '"', "“") and span[-1].lower_ in _BARE_FORCES:
                continue  # 'its "soldiers of the caliphate"': the group's own, not a state's
            if span.end + 1 < len(doc) and doc[span.end].text == "-" and \
                    doc[span.end + 1].lower_ in AFFILIATION_SUFFIXES:
                continue  # "the al-Qaida-linked HTS": a description of another group
            adjective = None
            if entry.generic and span.start > 0:
                prev = doc[span.start - 1].text.lower()
                adjective = self.adjectives.get(prev)
                if adjective is None and prev in _BETWEEN_ADJECTIVE and span.start > 1:
                    adjective = self.adjectives.get(doc[span.start - 2].text.lower())
            found.append(
                ActorMatch(
                    entry=entry,
                    raw=span.text,
                    start=span.start,
                    end=span.end,
                    start_char=span.start_char,
                    end_char=span.end_char,
                    adjective_country=adjective,
                )
            )
        return sorted(found, key=lambda m: m.start)

    def _state_forces(self, doc: Doc, taken: set[int]) -> list[ActorMatch]:
        """"Ukrainian forces", "Turkish military units": a state's adjective before a word for
        its forces, which alone is too vague to be an alias ("rebel forces")."""
        out: list[ActorMatch] = []
        entry = self.by_name.get("Military Forces of {country}")
        if entry is None:
            return out
        lowers = doc_lowers(doc)
        for i in [n for n, w in enumerate(lowers) if w in _FORCE_WORDS and n > 0]:
            if i in taken or i - 1 in taken:
                continue
            state = self.adjectives.get(lowers[i - 1])
            if state is None:
                continue
            span = doc[i - 1 : i + 1]
            out.append(ActorMatch(entry=entry, raw=span.text, start=i - 1, end=i + 1,
                                  start_char=span.start_char, end_char=span.end_char,
                                  adjective_country=state))
            taken.update((i - 1, i))
        # "the Russians executed 60 missile strikes", "the Ukrainians pushed them back": in a
        # war report the people named by their state are that state's forces
        for i in [n for n, w in enumerate(lowers) if n > 0 and lowers[n - 1] == "the"
                  and w.endswith("s") and doc[n].text[:1].isupper()]:
            if i in taken:
                continue
            word = lowers[i]
            state = self.adjectives.get(word[:-1]) or (
                self.adjectives.get(word[:-2]) if word.endswith("es") else None)
            if state is None or doc[i].tag_ not in ("NNPS", "NNS", "NNP"):
                continue
            span = doc[i : i + 1]
            out.append(ActorMatch(entry=entry, raw=span.text, start=i, end=i + 1,
                                  start_char=span.start_char, end_char=span.end_char,
                                  adjective_country=state))
            taken.add(i)
        return out

    def _unknown_groups(self, doc: Doc, taken: set[int]) -> list[ActorMatch]:
        """Armed groups the catalogue does not know ("the Liwa al-Quds Brigade") are kept as
        written: a capitalised name that ends in, or starts with, a word for an armed unit."""
        out: list[ActorMatch] = []
        if _UNKNOWN_GROUP_HEADS.search(doc_text(doc)) is None:
            return out  # no word for an armed unit: nothing to look at, token by token
        i = 0
        n = len(doc)
        while i < n:
            tok = doc[i]
            # "the 444th Combat Brigade": an ordinal opens a unit's name too
            named = tok.text[:1].isupper() or (
                _ORDINAL.fullmatch(tok.text) is not None and i + 1 < n
                and doc[i + 1].text[:1].isupper())
            if i in taken or not named or tok.is_sent_start and \
                    tok.lower_ in ("the", "a"):
                i += 1
                continue
            j = i if tok.text[:1].isupper() else i + 1
            while j < n and j not in taken and (
                doc[j].text[:1].isupper() or doc[j].lower_ in _NAME_JOINERS
            ):
                j += 1
            while j > i and doc[j - 1].lower_ in _NAME_JOINERS:
                j -= 1
            span = doc[i:j]
            # "Manbij Military Council" is an armed group although "council" usually is not
            military_council = "military council" in span.text.lower()
            plain = not any(t.lower_ in _NOT_GROUP_WORDS for t in span)
            if j - i >= 2 and _UNKNOWN_GROUP_HEADS.search(span.text) and (
                military_council or plain
            ):
                heads = _UNKNOWN_GROUP_HEADS.findall(span.text)
                inter = 2 if any(h in _REBEL_HEADS for h in heads) else 3
                entry = ActorEntry(name=span.text, inter=inter)
                out.append(ActorMatch(entry=entry, raw=span.text, start=i, end=j,
                                      start_char=span.start_char, end_char=span.end_char))
            i = max(j, i + 1)
        return out

    def country_of(self, match: ActorMatch) -> str | None:
        return match.adjective_country or match.entry.country

    def canonical_name(self, entry: ActorEntry, country: str | None) -> str:
        if not entry.generic:
            return entry.name
        if entry.name.startswith("Military Forces of") and country in self.state_forces:
            return self.state_forces[country]
        return entry.name.replace("{country}", country or "Unknown")

    def resolve(
        self,
        match: ActorMatch,
        country: str | None,
        dominant_group: ActorEntry | None = None,
        offset: int = 0,
    ) -> ActorRef:
        """Name a match for an event in `country`; offsets are shifted into article space."""
        entry = match.entry
        regional = regional_coalition(match.raw, country) \
            if entry.name == "Operation Inherent Resolve" else None
        if regional is not None and regional[0] in self.by_name:
            entry = self.by_name[regional[0]]  # "coalition warplanes" over Yemen
        local = GENERIC_BY_COUNTRY.get((entry.name, match.adjective_country or country or ""))
        if local is not None and local in self.by_name:
            entry = self.by_name[local]
        if entry.name == DOMINANT_GROUP:
            if dominant_group is not None:
                entry = dominant_group
            else:
                entry = self.by_name["Unidentified Armed Group ({country})"]
        actor_country = match.adjective_country or entry.country or country
        name = self.canonical_name(entry, actor_country)
        guessed = entry.generic and not match.adjective_country and not entry.country
        return ActorRef(
            raw=match.raw,
            name=name,
            inter=entry.inter,
            country=actor_country,
            start=match.start_char + offset,
            end=match.end_char + offset,
            template=entry.name if guessed and "{country}" in entry.name else None,
        )

    def parent_of(self, name: str) -> str | None:
        entry = self.by_name.get(name)
        return entry.parent if entry else None

    def is_armed_group(self, entry: ActorEntry) -> bool:
        return entry.inter in (2, 3) or entry.name == DOMINANT_GROUP


_UNKNOWN_GROUP_HEADS = re.compile(
    r"\b(Brigades?|Battalions?|Front|Army|Movement|Division|Regiment|Corps|Legion|Militia|"
    r"Liwa|Jaysh|Jaish|Harakat|Kataib|Ansar|Saraya|Forces?|Guards?|Military Council)\b"
)


_ORDINAL = re.compile(r"\d+(?:st|nd|rd|th)")
_NAME_JOINERS = {"al", "el", "-", "of", "the", "ibn", "bin", "abu", "'s"}
_NOT_GROUP_WORDS = {"security", "council", "ministry", "united", "nations", "department",
                    "committee", "university", "command", "central", "joint", "task",
                    "operation", "observatory", "media", "news", "agency", "says", "said",
                    # regular armies' units ("82nd Airborne Division") are state forces
                    "airborne", "infantry", "armored", "armoured", "marine", "marines",
                    "cavalry", "mountain", "expeditionary", "aviation", "ranger", "rangers",
                    "engineer", "engineers", "combat", "mechanized", "mechanised", "national"}
_REBEL_HEADS = {"Brigade", "Brigades", "Battalion", "Battalions", "Liwa", "Jaysh", "Jaish",
                "Harakat", "Kataib", "Ansar", "Saraya", "Legion", "Front", "Movement"}


def looks_like_armed_group(text: str) -> bool:
    """NER ORG entities that name an armed group we do not know yet ("Liwa al-Quds")."""
    return bool(_UNKNOWN_GROUP_HEADS.search(text))
