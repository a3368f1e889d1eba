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

from frontwatch.actor_file import packaged_actor_data
from frontwatch.errors import ConfigError
from frontwatch.extraction.title_case import common_words
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
    # Countries whose stories alone may name this actor by one of its `scoped` aliases (lower
    # case): "ADF" is the Allied Democratic Forces in a Congolese or Ugandan story only.
    scope: tuple[str, ...] = ()
    scoped: frozenset[str] = frozenset()

    def guessed_template(self, adjective_country: str | None = None) -> str | None:
        """This entry's name template when a name made from it guesses the country (a
        generic entry, no country of its own, no adjective naming one): a later stage renames
        it for the event's geocoded country."""
        guessed = self.generic and not adjective_country and not self.country
        return self.name if guessed and "{country}" in self.name else None


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
    # the countries a text must be about for this match to stand (empty: anywhere)
    scope: tuple[str, ...] = ()


_ADMIN_UNITS = {"district", "districts"}
_FOLLOWERS = {"groups", "group", "fighters", "militias", "militia", "elements", "men",
              "members", "units", "forces"}
_FOLLOWING = {"affiliated", "allied", "linked", "aligned", "loyal"}


def _followers_start(doc: Doc, start: int) -> int:
    """Where "<groups> affiliated with (the) <actor>" begins, or `start` when no such words
    come before the actor."""
    i = start - 1
    if i >= 0 and doc[i].lower_ == "the":
        i -= 1
    if i < 2 or doc[i].lower_ not in ("with", "to") or doc[i - 1].lower_ not in _FOLLOWING \
            or doc[i - 2].lower_ not in _FOLLOWERS:
        return start
    return i - 2
_WORD = re.compile(r"[’']s\b|\w+|[^\w\s]")


def _doc_of(doc: Doc, text: str) -> Doc:
    """A few words (a name an article defines) as a doc of `doc`'s vocabulary, tokenised
    much as spaCy does ("People's" is "People" and "'s"), with their spacing kept."""
    found = list(_WORD.finditer(text))
    words = [m.group() for m in found]
    spaces = [n + 1 < len(found) and found[n + 1].start() > m.end()
              for n, m in enumerate(found)]
    return Doc(doc.vocab, words=words, spaces=spaces)


def _without_restatements(found: list[ActorMatch], doc: Doc) -> list[ActorMatch]:
    """Drop an acronym in brackets right after the name it abbreviates: "a non-state armed
    group (NSAG)" is one party, not two (a second would be read as the other side)."""
    out: list[ActorMatch] = []
    found = [m for m in found if not any(  # "fighters" inside "fighters loyal to Haftar"
        o is not m and o.start <= m.start and m.end <= o.end and o.end - o.start >
        m.end - m.start for o in found)]
    for m in found:
        prev = out[-1] if out else None
        if prev is not None and m.start == prev.end + 1 and doc[prev.end].text == "(" and \
                m.end < len(doc) and doc[m.end].text == ")":
            continue
        out.append(m)
    return out


_OF_GROUP_FILLERS = {"of", "the", "ruling", "its", "their"}


def _without_group_forces(found: list[ActorMatch], doc: Doc) -> list[ActorMatch]:
    """Drop a state's generic forces that belong to a group named right after them: "the
    security forces of the ruling Tigray People's Liberation Front" are the Front's."""
    out: list[ActorMatch] = []
    for n, m in enumerate(found):
        nxt = found[n + 1] if n + 1 < len(found) else None
        if m.entry.generic and m.entry.inter == 1 and m.adjective_country is None \
                and nxt is not None and nxt.entry.inter in (2, 3) and nxt.start > m.end \
                and doc[m.end].lower_ == "of" \
                and all(t.lower_ in _OF_GROUP_FILLERS for t in doc[m.end:nxt.start]):
            continue
        out.append(m)
    return out


_PLURAL_ACRONYM = re.compile(r"[A-Z]{2,}s")


def _is_case_sensitive(alias: str) -> bool:
    # Acronyms ("IS", "SAA", "US forces") must keep their case: "is" is a verb; so must their
    # plurals ("PDFs" are Myanmar's resistance forces, "pdfs" are files).
    return any(len(tok) >= 2 and tok.replace(".", "").isupper()
               or _PLURAL_ACRONYM.fullmatch(tok) is not None for tok in alias.split())


def _is_acronym(alias: str) -> bool:
    """A bare acronym ("ADF", "AA", "PDFs"): one word, matched case-sensitively."""
    return " " not in alias.strip() and _is_case_sensitive(alias)


def scoped_aliases(aliases: list[str], countries: list[str], extra: list[str]) -> frozenset[str]:
    """The aliases (lower case) held to an entry's `acronym_countries`: its bare acronyms,
    which other bodies share ("ADF", the Australian Defence Force), and the `scoped_aliases`
    it lists; none without countries."""
    if not countries:
        return frozenset()
    return frozenset(a.lower() for a in aliases if _is_acronym(a)) | {a.lower() for a in extra}


def out_of_scope(match: ActorMatch, countries: set[str] | frozenset[str]) -> bool:
    """An alias held to some countries ("AA": the Arakan Army in Myanmar) found in a text that
    names none of them (`countries`): there it is someone else, or nothing ("AA batteries")."""
    return bool(match.scope) and not countries.intersection(match.scope)


# "The coalition" of a war other than the one against ISIS: the coalition of that country's war,
# unless the words say US-led.
COALITION_BY_COUNTRY = {"Yemen": ("Military Forces of Saudi Arabia (2015-)", "Saudi-led coalition")}
# Generic words that mean one group in one war: "the rebels" of Yemen are the Houthis.
GENERIC_BY_COUNTRY = {("Opposition Rebels ({country})", "Yemen"): "Ansar Allah",
                      # Cameroon's separatists are the Anglophone regions' Ambazonians
                      ("Opposition Rebels ({country})", "Cameroon"): "Ambazonian Separatists",
                      # "SNA" in Somalia is the Somali National Army
                      ("Syrian National Army", "Somalia"): "Military Forces of {country}"}
_BARE_FORCES = {"soldiers", "soldier", "troops"}
_FORCE_WORDS = {"forces", "military", "units", "gunboats", "warships", "navy", "marines",
                "paratroopers", "commandos", "artillery", "drones", "jets", "aircraft",
                "positions", "posts", "checkpoints", "convoy", "convoys", "patrol", "patrols",
                "enemy", "side", "helicopters", "warplanes", "defences", "defenses", "guards",
                "groups", "formations", "brigades", "battalions",
                # one aircraft, ship or missile of a state's ("A Russian drone hit a bus",
                # "The French frigate shot down a drone")
                "drone", "jet", "warplane", "helicopter", "gunboat", "warship", "frigate",
                "frigates", "destroyer", "destroyers", "missile", "missiles"}
# Words between a state's adjective and its forces: "the Turkish occupation army"
_BETWEEN_ADJECTIVE = {"occupation", "occupying", "invading", "regime", "national", "regular",
                      "federal", "special", "elite", "government", "security", "armed", "naval",
                      "maritime", "assault", "border", "air", "sabotage", "reconnaissance",
                      "defense", "defence"}
US_LED = re.compile(r"\b(?:US|U\.S\.|American|Inherent|CJTF|Combined|anti-IS\w*|international)\b")


# "the Defence and Security Forces (SDF)": an article spelling out its own acronym
ACRONYM_DEFINED = re.compile(
    r"(?P<name>[A-Z][\w'’-]*(?:\s+(?:and|of|for|the|de|du|des|la|le|[A-Z][\w'’-]*)){1,8})"
    r"\s+\((?P<acronym>[A-Z]{2,6})\)")


_NAME_FILLERS = {"and", "of", "for", "the", "to", "de", "du", "des", "la", "le", "s"}


def _state_match(doc: Doc, entry: ActorEntry, start: int, end: int, state: str) -> ActorMatch:
    """A state's forces named by the words doc[start:end] ("Israeli" of a strike)."""
    span = doc[start:end]
    return ActorMatch(entry=entry, raw=span.text, start=start, end=end,
                      start_char=span.start_char, end_char=span.end_char,
                      adjective_country=state)


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
    data = packaged_actor_data()
    return state_forces_of([ActorEntry(name=str(i["name"]), inter=int(i["inter"]),
                                       country=i.get("country"), parent=i.get("parent"),
                                       generic=bool(i.get("generic", False)), aliases=[])
                            for i in data["actors"]], _forces_in(data))


@lru_cache(maxsize=1)
def state_styled_groups() -> list[tuple[str, str, int, list[str]]]:
    """(country, name, inter, aliases) of groups marked `styles_as_state` in the packaged actor
    file: de facto authorities whose own media call their fighters the state's forces (Ansar
    Allah's "Yemeni armed forces"). In their outlets, the state's forces are the group."""
    data = packaged_actor_data()
    return [(str(i["country"]), str(i["name"]), int(i["inter"]),
             [str(a) for a in [i["name"], *(i.get("aliases") or [])]])
            for i in data["actors"] if i.get("styles_as_state") and i.get("country")]


def _entry(item: dict) -> ActorEntry:
    """An actor file's entry; `acronym_countries` and `scoped_aliases` set its scope."""
    aliases = [str(a) for a in item.get("aliases", [])]
    countries = [str(c) for c in item.get("acronym_countries") or []]
    extra = [str(a) for a in item.get("scoped_aliases") or []]
    if extra and not countries:
        raise ValueError(f"{item['name']}: scoped_aliases without acronym_countries")
    return ActorEntry(name=str(item["name"]), inter=int(item["inter"]),
                      country=item.get("country"), parent=item.get("parent"),
                      generic=bool(item.get("generic", False)), aliases=aliases,
                      scope=tuple(countries), scoped=scoped_aliases(aliases, countries, extra))


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
        self._aliases: set[str] | None = None
        self._spelled: dict[tuple, dict[str, tuple[ActorEntry, str | None]]] = {}
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
            entries = [_entry(item) for item in data["actors"]]
            states = {str(k): [str(a) for a in v] for k, v in data.get("states", {}).items()}
            forces_in = _forces_in(data)
        except (yaml.YAMLError, KeyError, TypeError, ValueError, AttributeError) as exc:
            raise ConfigError(f"{where}: not a valid actor file ({exc})") from exc
        return cls(entries, states, nlp, forces_in)

    def find(self, doc: Doc) -> list[ActorMatch]:
        """Longest non-overlapping alias matches, in text order."""
        known = phrase_spans(doc, self._exact, self._lower)
        # "the Karenni Army", "the Zomi Revolutionary Army": a group's name ending in a word the
        # catalogue reads alone as a state's forces is the group's (not so "the Nigerian Army")
        # (so is "the Kuki National Army": a generic alias, "national army", inside a name)
        named_head = [s for s in known if self.entries[int(s.label_[1:])].generic
                      and s[-1].text in _GROUP_HEAD_WORDS
                      and all(t.text[:1].isupper() for t in s)
                      and self._group_name_before(doc, s.start)]
        taken = {i for s in known if s not in named_head for i in range(s.start, s.end)}
        found = self._unknown_groups(doc, taken)
        grouped = {i for m in found for i in range(m.start, m.end)}
        for s in named_head:
            if not grouped.intersection(range(s.start, s.end)):
                k = s.start
                while k > 0 and doc[k - 1].text[:1].isupper() and doc[k - 1].lower_ not in (
                        "the", "a") and k - 1 not in taken:
                    k -= 1
                name = doc[k : s.end]
                found.append(ActorMatch(
                    entry=ActorEntry(name=" ".join(name.text.split()), inter=2), raw=name.text,
                    start=k, end=s.end, start_char=name.start_char, end_char=name.end_char))
                grouped.update(range(k, s.end))
        known = [s for s in known if not grouped.intersection(range(s.start, s.end))]
        # (a state's forces may read as a group's name too, "U.S. Forces": both are kept,
        # and the state's wins further on)
        found += self._state_forces(doc, {i for s in known for i in range(s.start, s.end)})
        for span in sorted(known, key=lambda s: s.start):
            entry = self.entries[int(span.label_[1:])]
            # read before the span grows to "groups affiliated with ...": the alias as written
            scope = entry.scope if span.text.lower() in entry.scoped else ()
            if entry.generic and span.start > 0 and doc[span.start - 1].lower_ in (
                    "its", "their", "his", '"', "“") and span[-1].lower_ in _BARE_FORCES:
                continue  # 'its "soldiers of the caliphate"': the group's own, not a state's
            if span.end + 1 < len(doc) and doc[span.end].text == "-" and \
                    doc[span.end + 1].lower_ in AFFILIATION_SUFFIXES:
                continue  # "the al-Qaida-linked HTS": a description of another group
            if span.end < len(doc) and span[-1].text[:1].isupper() and \
                    doc[span.end].lower_ in _ADMIN_UNITS:
                continue  # "Police District 6" of Kandahar city: a place, not the police
            start = _followers_start(doc, span.start)
            if start != span.start:
                # "groups affiliated with the Rapid Support Forces": ACLED codes them as the
                # group itself, and the parse makes "groups" the one acting
                span = doc[start : span.end]
                span.label_ = f"A{self.entries.index(entry)}"
            adjective = None
            if entry.generic and span.start > 0:
                lowers = doc_lowers(doc)
                prev = lowers[span.start - 1]
                adjective = self._adjective_at(lowers, span.start - 1)[0]
                if adjective is None and prev in _BETWEEN_ADJECTIVE and span.start > 1:
                    adjective = self._adjective_at(lowers, span.start - 2)[0]
            found.append(
                ActorMatch(
                    entry=entry,
                    raw=span.text,
                    start=span.start,
                    end=span.end,
                    start_char=span.start_char,
                    end_char=span.end_char,
                    adjective_country=adjective,
                    scope=scope,
                )
            )
        found = self._named_members(doc, sorted(found, key=lambda m: m.start))
        return _without_group_forces(_without_restatements(found, doc), doc)

    def _group_name_before(self, doc: Doc, i: int) -> bool:
        """Whether capitalised words before token `i` name something other than a state
        ("Karenni" Army, not "Nigerian" or "Sudan's" Army)."""
        if i == 0 or not doc[i - 1].text[:1].isupper():
            return False
        k = i
        while k > 0 and (doc[k - 1].text[:1].isupper() or doc[k - 1].lower_ in _NAME_JOINERS):
            k -= 1
        words = [t for t in doc[k:i] if t.text[:1].isupper() and t.lower_ not in ("the", "a")]
        return bool(words) and not all(
            t.lower_ in self.adjectives or t.text in self.states for t in words) and not any(
            t.lower_ in _NAMED_NOT_GROUP or t.lower_ in _STATE_FORCE_WORDS for t in words)

    def _named_members(self, doc: Doc, found: list[ActorMatch]) -> list[ActorMatch]:
        """"Ansaru fighters", "Katiba Macina militants", "Lakurawa militiamen": a group the
        catalogue does not know, named before a generic word for its members, is that group
        as written (not an unidentified group, nor the article's dominant one, nor a
        pro-government militia). Not a state's adjective ("Malian militants" stay generic),
        nor a common word ("Armed militants", "Suspected fighters")."""
        taken = {i for m in found for i in range(m.start, m.end)}
        common = common_words()
        out = []
        for m in found:
            members = m.entry.generic and m.entry.inter in (2, 3) and \
                m.adjective_country is None and doc[m.start].lower_ in _MEMBER_WORDS
            k = m.start
            while members and k > 0 and k - 1 not in taken and m.start - k < 4 and (
                    doc[k - 1].text[:1].isupper() or doc[k - 1].lower_ in _INNER_JOINERS
                    and k - 1 > 0 and doc[k - 2].text[:1].isupper()):
                k -= 1
            # "Suspected Ansaru fighters", "The Lakurawa militants": the name starts after them
            while k < m.start and (doc[k].lower_ in common or doc[k].lower_ in _NAMED_NOT_GROUP
                                   or doc[k].lower_ in _INNER_JOINERS):
                k += 1
            name = doc[k : m.start]
            if k == m.start or not name.text[:1].isupper() or any(
                    t.lower_ in common or t.lower_ in self.adjectives or t.text in self.states
                    or t.lower_ in _NAMED_NOT_GROUP for t in name if t.text[:1].isupper()):
                out.append(m)
                continue
            entry = ActorEntry(name=" ".join(name.text.split()), inter=m.entry.inter
                               if m.entry.inter in (2, 3) else 3)
            out.append(ActorMatch(entry=entry, raw=doc[k : m.end].text, start=k, end=m.end,
                                  start_char=name.start_char, end_char=m.end_char))
        return out

    def _adjective_at(self, lowers: list[str], i: int) -> tuple[str | None, int]:
        """The state whose adjective ends at token `i`, and where the adjective starts: a
        two-word one first ("South Sudanese" troops are not Sudan's)."""
        if i > 0:
            state = self.adjectives.get(f"{lowers[i - 1]} {lowers[i]}")
            if state is not None:
                return state, i - 1
        return self.adjectives.get(lowers[i]), i

    def _state_forces(self, doc: Doc, taken: set[int]) -> list[ActorMatch]:
        """"Ukrainian forces", "Turkish military units": a state's adjective before a word for
        its forces, which alone is too vague to be an alias ("rebel forces")."""
        out: list[ActorMatch] = []
        entry = self.by_name.get("Military Forces of {country}")
        if entry is None:
            return out
        lowers = doc_lowers(doc)
        government = self.by_name.get("Government of {country}")
        for i in [n for n, w in enumerate(lowers) if n > 0 and (
                w in _FORCE_WORDS or (w == "authorities" and government is not None))]:
            if i in taken or i - 1 in taken:
                continue
            state, first = self._adjective_at(lowers, i - 1)
            if state is None and i > 1 and lowers[i - 1] in _BETWEEN_ADJECTIVE \
                    and i - 2 not in taken:
                # "the Ethiopian defense forces": one word between the state and its forces
                state, first = self._adjective_at(lowers, i - 2)
            if state is None or first in taken:
                continue
            # "Israeli authorities demolished homes": the state's administration, not its army
            kind = government if lowers[i] == "authorities" else entry
            out.append(_state_match(doc, kind, first, i + 1, state))
            taken.update(range(first, i + 1))
        # "the Russians executed 60 missile strikes", "the Ukrainians pushed them back": in a
        # war report the people named by their state are that state's forces
        for i in [n for n, w in enumerate(lowers) if n > 0 and lowers[n - 1] == "the"
                  and w.endswith("s") and doc[n].text[:1].isupper()]:
            if i in taken:
                continue
            word = lowers[i]
            state = self.adjectives.get(word[:-1]) or (
                self.adjectives.get(word[:-2]) if word.endswith("es") else None)
            # (a sentence only tokenised, to see who an article names, has no tags); "the
            # Philippines" is the state itself, not its people
            if state is None or doc[i].text in self.states or \
                    doc[i].tag_ and doc[i].tag_ not in ("NNPS", "NNS", "NNP"):
                continue
            out.append(_state_match(doc, entry, i, i + 1, state))
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
                # a name broken over a line ("Tigray People's\nLiberation Front") goes on
                or _line_break(doc, j)
            ):
                j += 1
            while j > i and (doc[j - 1].lower_ in _NAME_JOINERS or doc[j - 1].is_space):
                j -= 1
            span = doc[i:j]
            # "Manbij Military Council" is an armed group although "council" usually is not
            name = " ".join(span.text.split())
            if j - i >= 2 and _unknown_group_name(name):
                entry = ActorEntry(name=name, inter=_group_inter(name))
                out.append(ActorMatch(entry=entry, raw=name, start=i, end=j,
                                      start_char=span.start_char, end_char=span.end_char))
            i = max(j, i + 1)
        return out

    def with_article_acronyms(self, doc: Doc, found: list[ActorMatch],
                              acronyms: dict[str, str]) -> list[ActorMatch]:
        """Groups the catalogue does not know but the article spells out ("the Tigray
        People's Liberation Front (TPLF)") take ACLED's "TPLF: Tigray People's Liberation
        Front" form, and the bare acronym anywhere in the article is that group."""
        known = self._known_aliases()
        spelled = self._spelled_out(doc, acronyms)
        # "the Myanmar Armed Forces (MAF)" reads as an unknown group's name too, but it ends
        # in an actor the catalogue knows (a state's adjective and its forces): that one wins
        groups = {acr: name for acr, raw in acronyms.items() if acr not in known
                  and acr not in spelled and (name := self._group_named(doc, raw)) is not None}
        if not groups and not spelled:
            return found
        for m in found:
            if m.entry.name in self.by_name:
                continue
            acr = next((a for a, name in groups.items()
                        if name.endswith(m.entry.name) or m.entry.name.endswith(name)), None)
            if acr is not None:
                name = groups[acr]
                m.entry = ActorEntry(name=f"{acr}: {name}", inter=_group_inter(name))
        taken = {i for m in found for i in range(m.start, m.end)}
        extra = [ActorMatch(entry=ActorEntry(name=f"{tok.text}: {groups[tok.text]}",
                                             inter=_group_inter(groups[tok.text])),
                            raw=tok.text, start=tok.i, end=tok.i + 1, start_char=tok.idx,
                            end_char=tok.idx + len(tok.text))
                 for tok in doc if tok.text in groups and tok.i not in taken]
        # "the ANSF" after "Afghan National Security Forces (ANSF)": the catalogue's actor
        extra += [ActorMatch(entry=entry, raw=tok.text, start=tok.i, end=tok.i + 1,
                             start_char=tok.idx, end_char=tok.idx + len(tok.text),
                             adjective_country=adjective)
                  for tok in doc if tok.text in spelled and tok.i not in taken
                  for entry, adjective in [spelled[tok.text]]]
        ordered = sorted(found + extra, key=lambda m: m.start)
        return _without_group_forces(_without_restatements(ordered, doc), doc)

    def _spelled_out(self, doc: Doc, acronyms: dict[str, str]
                     ) -> dict[str, tuple[ActorEntry, str | None]]:
        """The acronyms an article defines for actors the catalogue knows by their full name
        only, with that actor (and the state its adjective names)."""
        key = tuple(sorted(acronyms.items()))
        cached = self._spelled.get(key)
        if cached is not None:
            return cached
        out: dict[str, tuple[ActorEntry, str | None]] = {}
        known = self._known_aliases()
        for acr, raw in acronyms.items():
            if acr in known:
                continue
            name = _doc_of(doc, raw)
            matches = self.find(name)
            # the name must end in the actor ("Afghan National Security Forces"), not merely
            # mention one ("Commission for the Army")
            if len(matches) == 1 and matches[0].end == len(name) and \
                    matches[0].entry.name != DOMINANT_GROUP:
                out[acr] = (matches[0].entry, matches[0].adjective_country)
        if len(self._spelled) > 256:
            self._spelled.clear()
        self._spelled[key] = out
        return out

    def _group_named(self, doc: Doc, raw: str) -> str | None:
        """The unknown armed group a defined acronym's words end in: "Troops and the Sahel
        Liberation Front (SLF)" defines the Front's acronym, not the troops'."""
        words = _doc_of(doc, raw)
        found = [m for m in self._unknown_groups(words, set()) if m.end == len(words)]
        return found[0].entry.name if found else None

    def _known_aliases(self) -> set[str]:
        if self._aliases is None:
            self._aliases = {a for e in self.entries for a in e.aliases}
        return self._aliases

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
        return ActorRef(
            raw=match.raw,
            name=name,
            inter=entry.inter,
            country=actor_country,
            start=match.start_char + offset,
            end=match.end_char + offset,
            template=entry.guessed_template(match.adjective_country),
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


def _unknown_group_name(name: str) -> bool:
    """A capitalised name that reads as an armed group's: it has a word for an armed unit
    and no word of an institution ("Security Council") or a regular army's unit."""
    words = name.lower().replace("'s", " 's").split()
    return bool(_UNKNOWN_GROUP_HEADS.search(name)) and (
        "military council" in name.lower() or not any(w in _NOT_GROUP_WORDS for w in words))


def _group_inter(name: str) -> int:
    heads = _UNKNOWN_GROUP_HEADS.findall(name)
    return 2 if any(h in _REBEL_HEADS for h in heads) else 3


def _line_break(doc: Doc, i: int) -> bool:
    """A lone line break inside a capitalised name: the next word goes on with it."""
    return doc[i].is_space and "\n\n" not in doc[i].text and i + 1 < len(doc) \
        and doc[i + 1].text[:1].isupper()
_NAME_JOINERS = {"al", "el", "-", "of", "the", "ibn", "bin", "abu", "'s"}
# Words for the members of an armed group that may follow its name (`_named_members`); the
# words inside such a name ("Tren de Aragua", "Mai-Mai")
_MEMBER_WORDS = {"fighters", "militants", "militiamen", "insurgents", "rebels", "gunmen",
                 "jihadists", "combatants", "guerrillas", "militia", "militias"}
_INNER_JOINERS = {"de", "del", "al", "el", "-", "'s"}
# A group's name may end in a word the catalogue reads alone as a state's forces
_GROUP_HEAD_WORDS = {"Army", "Forces", "Force", "Guard", "Guards", "Militia"}
# Words of a state's forces' names ("Afghan National Army", "Royal Thai Army")
_STATE_FORCE_WORDS = {"national", "royal", "armed", "defence", "defense", "regular", "special",
                      "border", "air", "naval", "presidential", "republican", "territorial",
                      "self-defense", "self-defence", "federal"}
# Capitalised words before members' words that name no group: titles, days, months, headings
_NAMED_NOT_GROUP = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
                    "sunday", "january", "february", "march", "april", "may", "june", "july",
                    "august", "september", "october", "november", "december", "islamist",
                    "jihadist", "suspected", "alleged", "armed", "unidentified", "unknown",
                    "rebel", "opposition", "government", "pro-government", "local", "foreign"}

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
