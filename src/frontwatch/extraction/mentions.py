"""From an article to mentions: one event as one sentence tells it.

The cascade: split sentences (rules), keep those the trigger filter passes (one regex), parse
only those with spaCy, then read triggers, actors and their roles, figures, materiel, places,
dates and the claimant from each parse. Context that crosses sentences (the date last named,
the place of "the town", the source of "the statement") is carried in `_Context`.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass, field, replace
from functools import lru_cache

from spacy.tokens import Doc, Span

from frontwatch.actors.catalog import (
    DOMINANT_GROUP,
    ActorCatalog,
    ActorEntry,
    ActorMatch,
    regional_coalition,
)
from frontwatch.extraction.attribution import Attribution, ClaimantFinder
from frontwatch.extraction.classify import SIMPLE_KINDS, classify
from frontwatch.extraction.coder import Coding, SentenceCoder
from frontwatch.extraction.dates import find_date_expressions
from frontwatch.extraction.figures import CIVILIAN_NOUNS, CasualtyFigure, FigureFinder, Figures
from frontwatch.extraction.lemmas import lemma_of
from frontwatch.extraction.lexicon import Lexicon
from frontwatch.extraction.numbers import count_to_fatalities, find_counts, parse_count
from frontwatch.extraction.places import (
    COUNTRIES,
    FACILITY_NOUNS,
    FEATURE_NOUNS,
    NOT_PLACES,
    find_places,
    is_country,
    is_demonym,
    role_of,
)
from frontwatch.extraction.sentences import Sentence, split_sentences
from frontwatch.extraction.triggers import STRATEGIC, Trigger, TriggerFinder
from frontwatch.model import (
    SUB_EVENT_TO_TYPE,
    ActorRef,
    Count,
    Evidence,
    Materiel,
    Mention,
    PlaceMention,
)
from frontwatch.nlp import doc_lowers, doc_text, load_pipeline, seed_text

COUNTRY_WORDS = {
    "Syria": r"Syria|Syrian|SANA|Damascus|Aleppo|Idlib|Raqqa|Raqqah|Deir|Homs|Hama|Daraa|Latakia|"
    r"Azaz|Afrin|Manbij|Kobani|Qamishli|Hasakah|Hasaka|Tabqa|Palmyra|Tadmur|Douma|Ghouta|"
    r"Tartus|Mayadin|Abu Kamal|Albu Kamal|Bukamal|Jarablus|Al-Bab|Maarat|Khan Sheikhoun|Sukhna",
    "Iraq": r"Iraq|Iraqi|Baghdad|Mosul|Anbar|Nineveh|Ninawa|Kirkuk|Fallujah|Ramadi|Tal[- ]?Afar|"
    r"Erbil|Basra|Basrah|Najaf|Karbala|Samarra|Tikrit|Diyala|Baquba|Baqubah|Hawija|Qaim|"
    r"Haditha|Sinjar|Salahuddin|Salah al-Din|Sulaimaniyah|Tarmiyah|Rutba|Hit|Peshmerga|"
    r"Makhmour|Kurdistan Region|Duhok|Dohuk|Zakho|Khanaqin|Tuz Khurmatu|Qayyarah|Baiji",
    "Yemen": r"Yemen|Yemeni|Sanaa|Sana'a|Aden|Houthi|Houthis|Hodeidah|Taiz|Saada|Sa'dah|Marib|"
    r"Ma'rib|Hajjah|Amran|Dhamar|Ibb|Mukalla|Hadramout|Hadramawt|Shabwa|Abyan|Lahj|Zabid|"
    r"Sirwah|Mocha|Bayda|al-Bayda",
    "Afghanistan": r"Afghanistan|Afghan|Kabul|Taliban|Helmand|Kandahar",
    "Libya": r"Libya|Libyan|Tripoli|Benghazi|Misrata|Sirte",
    "Turkey": r"Turkey|Ankara|Istanbul|Akcakale|Akçakale|Ceylanpinar|Ceylanpınar|Nusaybin|"
    r"Kilis|Reyhanli|Reyhanlı|Sanliurfa|Şanlıurfa|Gaziantep|Hatay|Suruc|Suruç|Mardin|"
    r"Diyarbakir|Diyarbakır|Hakkari|Sirnak|Şırnak|Siirt|Tunceli|Izmir|Adana|Antalya",
    # Saudi Arabia and Russia by their places only: their adjectives and capitals mostly name
    # a party to a war elsewhere ("Saudi-led coalition", "Moscow said")
    "Saudi Arabia": r"Saudi Arabia|Jazan|Jizan|Najran|Abha|Khamis Mushait|Jeddah|Dhahran",
    "Russia": r"Belgorod|Kursk|Bryansk|Saratov|Voronezh|Rostov-on-Don|Krasnodar|Novorossiysk|"
    r"Shebekino|Engels",
    "Lebanon": r"Lebanon|Beirut",
    "Nigeria": r"Nigeria|Nigerian|Boko Haram|Borno|Maiduguri",
    "Somalia": r"Somalia|Somali|Mogadishu|al-Shabaab|Al-Shabab",
    "Mali": r"\bMali\b|Malian|Bamako|Timbuktu",
    "Ukraine": r"Ukraine|Ukrainian|Kyiv|Kiev|Donetsk|Luhansk|Kharkiv",
    # The Sahel, the Horn, Central Africa and Asia's other wars. Keys are the gazetteer's
    # country names (places are checked against them). Adjectives of powers that fight abroad
    # (Russian, Turkish, Iranian, Israeli, American) are left out: "Russian warplanes struck
    # Saqba" is about Syria.
    "Burkina Faso": r"Burkina Faso|Burkina|Burkinabe|Burkinab[eè]|Ouagadougou|Djibo|Arbinda|"
    r"Aribinda|Dori|Fada N'Gourma|Ouahigouya|Kaya",
    "Niger": r"\bNiger\b(?!\s+(?:[Ss]tate|Delta|River))|Nigerien|Niamey|Tillab[eé]ri|Diffa|"
    r"Agadez",
    "Chad": r"\bChad\b|Chadian|N'Djamena|Ndjamena",
    "Cameroon": r"Cameroon|Cameroonian|Yaound[eé]|Yaounde|Bamenda|Ambazonia",
    "Mozambique": r"Mozambique|Mozambican|Cabo Delgado|Maputo|Palma|Mocimboa da Praia",
    "Democratic Republic of the Congo": r"Democratic Republic of (?:the )?Congo|DR Congo|DRC|"
    r"Congolese|Kinshasa|Goma|Ituri|North Kivu|South Kivu|Beni|Bunia",
    "Central African Republic": r"Central African Republic|Bangui",
    "Sudan": r"(?<!South )\bSudan\b|(?<!South )Sudanese|Khartoum|Darfur|Omdurman|El Fasher|"
    r"Kordofan",
    "South Sudan": r"South Sudan|South Sudanese|Juba",
    "Ethiopia": r"Ethiopia|Ethiopian|Addis Ababa|Tigray|Tigrayan|Amhara|Oromia",
    "Kenya": r"Kenya|Kenyan|Nairobi|Mandera|Garissa|Lamu",
    "Myanmar": r"Myanmar|Burma|Burmese|Rakhine|Yangon|Naypyidaw|Sagaing",
    "Pakistan": r"Pakistan|Pakistani|Islamabad|Peshawar|Khyber|Balochistan|Waziristan|Quetta",
    "Palestinian Territory": r"Palestine|Palestinian|Gaza|West Bank|Jenin|Nablus|Hebron|"
    r"Ramallah|Khan Younis",
}
# One pass over the text for all countries: a group per country (the names do not overlap).
_COUNTRY_GROUPS = tuple(COUNTRY_WORDS)
_COUNTRY_RE = re.compile(r"\b(?:" + "|".join(
    f"(?P<c{i}>{COUNTRY_WORDS[c]})" for i, c in enumerate(_COUNTRY_GROUPS)) + r")\b")
SPEECH_BEFORE_DATE = re.compile(
    r"\b(said|says|announced|reported|stated|claimed|told|statement|confirmed|accounts?|"
    r"reports?|tolls?|figures|claims|statements|tallies|denied|insisted)"
    r"(?:\s+(?:in|on|late|early|a|an|its|their|the|statement|written|joint|online|website|"
    # "claimed (responsibility for) the attack on Sunday": the claim's day, not the attack's
    r"responsibility|for|attack|attacks|bombing|bombings|ambush|assault|blast|raid|killing|"
    r"operation))*\s*$",
    re.IGNORECASE,
)
# Equipment destroyed is an act even with no attack word ("destroyed a T-90 tank near X").
MATERIEL_FATE = re.compile(r"\b(?:destroyed|destroying|damaged|knocked out|blew up|blown up)\b",
                           re.IGNORECASE)
WITHOUT_FIGHT = re.compile(r"\bwithout (?:a fight|resistance|any resistance|fighting|a shot)\b",
                           re.IGNORECASE)
# A part of a city: "al-Hamdaniya neighborhood" in "In Aleppo, ..." is in Aleppo
CITY_PART = re.compile(r"\s+(?:neighbou?rhoods?|quarters?|district|streets?|square|suburbs?)\b",
                       re.IGNORECASE)
# A sentence that opens on a place: "In Deir Ezzor, ...", "In the Idlib countryside, ..."
FRAMING = re.compile(r"\s*(?:Meanwhile,\s*|Elsewhere,\s*)?In\s+(?:the\s+)?[A-Z][^,;]{1,40},")
# Materiel whose seizure, with no fight told, disrupts its use (ACLED's "Disrupted weapons use").
SEIZED_WEAPONS = {"weapons", "ammunition depot", "rocket launcher", "artillery", "VBIED", "drone"}
SPEECH_AFTER_DATE = re.compile(
    r",?\s+(?:the\s+)?[A-Z][\w.’'()-]*(?:\s+[\w.’'()-]+){0,5}?\s+(?:said|says|announced|reported|"
    r"claimed|confirmed|stated|told|added)\b")
PLACE_ANAPHORA = re.compile(
    r"\b(the (?:town|village|city|area|region|district|neighbo(?:u)?rhood|base|airport|field|"
    r"fields|operation|clashes|fighting|attack|attacks|battle|assault|raid|raids|offensive)|"
    r"during the|in the clashes|in the fighting|in the attack)\b",
    re.IGNORECASE,
)


def countries_in(text: str) -> Counter[str]:
    """How often each country is named in `text`, by itself, its people or its places."""
    return Counter(country for _, country in country_hits(text))


def country_hits(text: str) -> list[tuple[int, str]]:
    """Where `text` names a country (offset, country), in order: read once per article and
    shared by its sentences and the later stages."""
    return list(_country_hits(text))


@lru_cache(maxsize=256)
def _country_hits(text: str) -> tuple[tuple[int, str], ...]:
    return tuple((m.start(), _COUNTRY_GROUPS[int(m.lastgroup[1:])])
                 for m in _COUNTRY_RE.finditer(text))


def most_named(hits: list[tuple[int, str]], ranges: list[tuple[int, int]]) -> str | None:
    """The country named most often inside `ranges` (the first named wins a tie)."""
    counts: Counter[str] = Counter()
    for start, end in ranges:
        lo = bisect_left(hits, (start, ""))
        for offset, country in hits[lo:]:
            if offset >= end:
                break
            counts[country] += 1
    return counts.most_common(1)[0][0] if counts else None


@dataclass(slots=True)
class _Parsed:
    sentence: Sentence
    doc: Doc
    actors: list[ActorMatch]
    attribution: Attribution
    figures: Figures
    triggers: list[Trigger] = field(default_factory=list)
    country: str | None = None  # the country the sentence names most
    countries: frozenset[str] = frozenset()  # every country it names
    coding: Coding | None = None  # the learned coder's reading, with the model engine


@dataclass(slots=True)
class _Context:
    article_country: str | None
    published: dt.date | None
    dominant_group: ActorEntry | None
    # the group each country's sentences name most ("jihadists" in a Burkina paragraph are
    # JNIM even when Islamic State dominates the Syria paragraphs)
    dominant_by_country: dict[str, ActorEntry] = field(default_factory=dict)
    last_date: tuple[dt.date | None, int] | None = None
    last_date_paragraph: int = -1
    last_claim: Attribution | None = None
    claims_told: list[tuple[int, Attribution]] = field(default_factory=list)  # every source
    last_claim_sentence: int = -10
    last_claim_paragraph: int = -1
    last_places: list[PlaceMention] = field(default_factory=list)
    last_places_sentence: int = -10
    paragraph_country: dict[int, str] = field(default_factory=dict)
    # (sentence, actor, the country that sentence names most) of the actors named lately
    recent_actors: list[tuple[int, ActorMatch, str | None]] = field(default_factory=list)
    # the gazetteer recogniser's places of the whole article (offsets into the article)
    toponyms: list[PlaceMention] | None = None
    # (sentence, actor, country of that sentence): who last struck from afar
    last_remote_actor: tuple[int, ActorRef, str | None] | None = None
    air_actor: ActorEntry | None = None
    # the two sides an article's fighting is between, when it names them often enough
    belligerents: list[ActorRef] | None = None
    air_countries: set[str] = field(default_factory=set)  # where the text names it

    @staticmethod
    def actor_ref(entry: ActorEntry, catalog: ActorCatalog, country: str | None) -> ActorRef:
        return ActorRef(raw="", name=catalog.canonical_name(entry, entry.country or country),
                        inter=entry.inter, country=entry.country or country)

    def remember_date(self, date: dt.date, precision: int, paragraph: int = -1) -> None:
        """The date later sentences inherit; a vague aside ("twice this month") does not
        replace a known day."""
        if precision >= 3 and self.last_date is not None and self.last_date[1] < 3:
            return
        self.last_date = (date, precision)
        self.last_date_paragraph = paragraph


# The statistical NER, the attribute ruler (coarse POS from tags) and the lemmatizer cost more
# than half of the pipeline's time and the
# extractor does not need them: places come from cue words and the gazetteer, verb lemmas from
# `lemma_of`. FRONTWATCH_NER=1 turns NER back on (e.g. with a transformer pipeline).
FAST_DISABLED = ("lemmatizer", "ner", "attribute_ruler")


class MentionExtractor:
    def __init__(self, model: str | None = None, use_ner: bool | None = None,
                 coder: SentenceCoder | None = None,
                 policy: CoderPolicy | None = None) -> None:
        # With a coder (the model engine) the learned model decides which sentences tell
        # events and of what type; the rules read their arguments (actors, places, dates,
        # figures, claims). Without one, the rules decide everything.
        self.coder = coder
        self.policy = policy or CoderPolicy()
        self.nlp = load_pipeline(model)
        if use_ner is None:
            use_ner = os.environ.get("FRONTWATCH_NER", "") not in ("", "0")
        self.disabled = [n for n in FAST_DISABLED if n in self.nlp.pipe_names]
        if use_ner:
            self.disabled = [n for n in self.disabled if n != "ner"]
        self.lexicon = Lexicon.load()
        self.actors = ActorCatalog.load(self.nlp)
        self.triggers = TriggerFinder(self.lexicon, self.nlp)
        self.claimants = ClaimantFinder(self.lexicon, self.nlp)
        self.figures = FigureFinder(self.lexicon, self.nlp)
        self.place_finder = None  # a geocoder's gazetteer-aware recogniser, when one is given

    def extract(self, article) -> list[Mention]:
        return self.extract_batch([article])[0]

    def extract_batch(
        self, articles: list, toponyms: list[list[PlaceMention]] | None = None
    ) -> list[list[Mention]]:
        """Mentions of many articles; their candidate sentences are parsed in one stream,
        which keeps spaCy's batches full. `toponyms` are the place finder's mentions of each
        whole article when the caller already has them (it is run once per article)."""
        plans = []
        texts: list[str] = []
        split = [split_sentences(a.text, a.kept) for a in articles]
        codings = self._code(split)
        for n, (article, sentences) in enumerate(zip(articles, split, strict=True)):
            coded = codings[n]
            candidates = [s for s in sentences
                          if self.triggers.may_hold_event(s.text) or DENIAL.search(s.text)
                          or MATERIEL_FATE.search(s.text)
                          or (s.index in coded
                              and coded[s.index].best[1] >= self.policy.new_event)]
            plans.append((article, sentences, candidates))
            texts.extend(s.text for s in candidates)
        docs = iter(self.nlp.pipe(texts, batch_size=256, disable=self.disabled))
        out = []
        for n, (article, sentences, candidates) in enumerate(plans):
            body = " ".join(s.text for s in sentences)
            air = bool(ARTICLE_AIR_CONTEXT.search(body))
            hits = country_hits(article.text)
            parsed = [self._parse(s, seed_text(next(docs), s.text), air, hits) for s in candidates]
            for p in parsed:
                p.coding = codings[n].get(p.sentence.index)
            if not parsed:
                out.append([])
                continue
            found = toponyms[n] if toponyms is not None else (
                self.place_finder(article.text) if self.place_finder is not None else None)
            out.append(self._mentions(article, sentences, parsed, found, hits))
        return out

    def _code(self, articles: list[list[Sentence]]) -> list[dict[int, Coding]]:
        """The coder's reading of every sentence worth reading, per article (sentence index ->
        coding); empty without a coder. All articles' sentences run as one batch."""
        if self.coder is None:
            return [{} for _ in articles]
        wanted = [(n, s) for n, sentences in enumerate(articles) for s in sentences
                  if _codable(s.text)]
        codings = self.coder.code([s.text for _, s in wanted])
        out: list[dict[int, Coding]] = [{} for _ in articles]
        for (n, s), coding in zip(wanted, codings, strict=True):
            out[n][s.index] = coding
        return out

    def _mentions(self, article, sentences: list[Sentence], parsed: list[_Parsed],
                  toponyms: list[PlaceMention] | None = None,
                  hits: list[tuple[int, str]] | None = None) -> list[Mention]:
        text = article.text
        if hits is None:
            hits = country_hits(text)
        ctx = _Context(
            article_country=most_named(hits, article.kept or [(0, len(text))]),
            published=article.published,
            dominant_group=self._dominant_group(parsed),
            dominant_by_country=self._dominant_by_country(parsed),
            toponyms=toponyms,
        )
        ctx.belligerents = self._belligerents(parsed)
        ctx.air_actor = self._air_actor(parsed, ctx.article_country)
        if ctx.air_actor is not None:
            ctx.air_countries = {c for p in parsed if any(
                a.entry.name == ctx.air_actor.name for a in p.actors) for c in p.countries}
        mentions: list[Mention] = []
        by_index = {p.sentence.index: p for p in parsed}
        for sent in sentences:
            p = by_index.get(sent.index)
            if p is None:
                self._track_dates(sent, ctx)
                named = most_named(hits, [(sent.start, sent.end)])
                for a in self.actors.find(seed_text(self.nlp.make_doc(sent.text), sent.text)):
                    ctx.recent_actors.append((sent.index, a, named))
                continue
            for a in p.actors:
                ctx.recent_actors.append((sent.index, a, p.country))
            mention = self._mention(article, p, ctx, is_title=_is_headline(sent))
            if mention is not None:
                rival = self._rival_account(p, mention)
                for told in [mention] if rival is None else [mention, rival]:
                    for day in split_by_day(told, ctx.published):
                        mentions.extend(split_by_place(day, text))
        return mentions

    # -- per sentence ---------------------------------------------------------------------

    def _parse(self, sent: Sentence, doc: Doc, air_context: bool,
               hits: list[tuple[int, str]]) -> _Parsed:
        actors = self.actors.find(doc)
        attribution = self.claimants.find(doc)
        counts = find_counts(doc_text(doc))
        figures = self.figures.find(doc, counts)
        # Equipment whose fate is told ("destroyed a rocket launcher") is not a trigger; a weapon
        # doing something ("Government artillery pounded the town") is.
        blocked = {i for item in figures.materiel for i in range(item.start, item.end)}
        if attribution.token_span:
            blocked.update(range(*attribution.token_span))
        for a in actors:
            blocked.update(range(a.start, a.end))
        triggers = self.triggers.find(doc, blocked, title=_is_headline(sent),
                                      air_context=air_context)
        country = most_named(hits, [(sent.start, sent.end)])
        named = frozenset(c for offset, c in hits if sent.start <= offset < sent.end)
        return _Parsed(sent, doc, actors, attribution, figures, triggers, country, named)

    def _dominant_group(self, parsed: list[_Parsed]) -> ActorEntry | None:
        tally: Counter[str] = Counter()
        entries: dict[str, ActorEntry] = {}
        for p in parsed:
            for a in p.actors:
                if a.entry.inter == 2 and a.entry.name != DOMINANT_GROUP and not _helper(
                        p.doc[a.start : a.end].root):
                    tally[a.entry.name] += 1
                    entries[a.entry.name] = a.entry
        if not tally:
            return None
        return entries[tally.most_common(1)[0][0]]

    def _dominant_by_country(self, parsed: list[_Parsed]) -> dict[str, ActorEntry]:
        """The dominant group of each country's sentences (a sentence naming none counts for its
        paragraph's country)."""
        by_paragraph: dict[int, Counter[str]] = {}
        for p in parsed:
            if p.country:
                by_paragraph.setdefault(p.sentence.paragraph, Counter())[p.country] += 1
        groups: dict[str, list[_Parsed]] = {}
        for p in parsed:
            here = by_paragraph.get(p.sentence.paragraph)
            country = p.country or (here.most_common(1)[0][0] if here else None)
            if country:
                groups.setdefault(country, []).append(p)
        if len(groups) < 2:
            return {}  # one country: the article's dominant group is its
        found = {c: e for c, ps in groups.items() if (e := self._dominant_group(ps)) is not None}
        return found if len(found) > 1 or len(found) < len(groups) else {}

    def _belligerents(self, parsed: list[_Parsed]) -> list[ActorRef] | None:
        """The two armed parties an article names most, when no third rivals the second
        ("Russian forces" and "Ukrainian forces" in a front-line update), for fighting told
        without its sides ("Positional engagements continued near Kreminna")."""
        tally: Counter[tuple[str, str | None]] = Counter()
        entries: dict[str, ActorEntry] = {}
        for p in parsed:
            for a in p.actors:
                e = a.entry
                if e.inter in (1, 2, 3, 8) and not e.parent and (
                        not e.generic or a.adjective_country):
                    tally[(e.name, a.adjective_country if e.generic else None)] += 1
                    entries[e.name] = e
        ranked = tally.most_common(3)
        if len(ranked) < 2 or (len(ranked) == 3 and ranked[2][1] == ranked[1][1]):
            return None  # fewer than two sides, or no clear second one
        top = [k for k, _ in ranked[:2]]
        out = []
        for name, country in top:
            e = entries[name]
            where = country or e.country
            out.append(ActorRef(raw="", name=self.actors.canonical_name(e, where),
                                inter=e.inter, country=where))
        return out

    def _air_actor(self, parsed: list[_Parsed], country: str | None) -> ActorEntry | None:
        """The foreign air force an article is about (the coalition in a strike report)."""
        tally: Counter[str] = Counter()
        entries: dict[str, ActorEntry] = {}
        for p in parsed:
            for a in p.actors:
                e = a.entry
                regional = regional_coalition(a.raw, country) \
                    if e.name == "Operation Inherent Resolve" else None
                if regional is not None and regional[0] in self.actors.by_name:
                    e = self.actors.by_name[regional[0]]  # "coalition aircraft" over Yemen
                if e.inter == 8 or (e.inter == 1 and e.country and country and
                                    e.country != country and not e.parent):
                    tally[e.name] += 1
                    entries[e.name] = e
        if not tally:
            return None
        return entries[tally.most_common(1)[0][0]]

    def _track_dates(self, sent: Sentence, ctx: _Context) -> None:
        dateline_end = max((e for _, e in _dateline(sent.text)), default=0)
        for expr in find_date_expressions(sent.text, ctx.published):
            if expr.start < dateline_end:
                continue
            if expr.date is not None and not _speech_before(sent.text, expr.start):
                ctx.remember_date(expr.date, expr.precision, sent.paragraph)

    def _mention(
        self, article, p: _Parsed, ctx: _Context, is_title: bool
    ) -> Mention | None:
        doc, sent = p.doc, p.sentence
        # Track the claimant even when this sentence holds no event ("Amaq released a statement").
        attribution = p.attribution
        if attribution.anaphoric and ctx.last_claim is not None and (
            sent.index - ctx.last_claim_sentence <= 3
        ):
            attribution = Attribution(
                ctx.last_claim.claimant,
                ctx.last_claim.kind,
                ctx.last_claim.affiliation,
                attribution.hedged or ctx.last_claim.hedged,
            )
        if attribution.claimant and attribution.token_span and " " not in attribution.claimant:
            # "the ministry said" after "the Turkish defense ministry said": the same source
            head = attribution.claimant.lower()
            last = next((a for i, a in reversed(ctx.claims_told) if sent.index - i <= 4
                         and a.claimant and " " in a.claimant and head in a.claimant.lower()),
                        None)
            if last is not None:
                attribution = Attribution(last.claimant, last.kind, last.affiliation,
                                          attribution.hedged or last.hedged,
                                          token_span=attribution.token_span)
        if attribution.kind == "other" and attribution.token_span is not None:
            # "according to the SDF": a party to the fighting is the source
            s, e = attribution.token_span
            party = next((a for a in p.actors if s <= a.start and a.end <= e), None)
            if party is not None:
                name = self.actors.resolve(party, ctx.article_country, ctx.dominant_group).name
                kind = "government" if party.entry.inter == 1 else "armed group"
                hedged = attribution.hedged or kind != "government"
                attribution = Attribution(self.lexicon.claimant_for(name), kind, name, hedged,
                                          token_span=attribution.token_span)
        where = p.country or ctx.article_country
        if attribution.claimant == "Iraqi police" and where and where != "Iraq":
            # "police said" in a report on Somalia: that country's police
            adjectives = self.actors.states.get(where) or []
            attribution = Attribution(
                f"{adjectives[0]} police" if adjectives else f"police ({where})",
                attribution.kind, None, attribution.hedged, token_span=attribution.token_span)
        if attribution.affiliation == "Operation Inherent Resolve" and attribution.token_span:
            s, e = attribution.token_span
            regional = regional_coalition(
                doc[s:e].text, p.country or ctx.article_country)
            if regional is not None:  # "the coalition said" in Yemen: the Saudi-led one
                attribution = Attribution(regional[1], attribution.kind, regional[0],
                                          attribution.hedged, token_span=attribution.token_span)
        speaker = None if _is_headline(sent) else self._actor_speaker(doc, p.actors, ctx)
        if attribution.claimant is None and speaker is None and ctx.last_claim is not None \
                and not DENIAL.search(doc_text(doc)) \
                and ctx.last_claim_sentence == sent.index - 1 \
                and ctx.last_claim_paragraph == sent.paragraph:
            # wire copy attributes a passage once: the next sentence is the same account
            attribution = Attribution(ctx.last_claim.claimant, ctx.last_claim.kind,
                                      ctx.last_claim.affiliation, ctx.last_claim.hedged)
        if attribution.claimant is None and speaker is not None:
            # "The Taliban said in a statement...": a party to the fighting speaks
            attribution = Attribution(self.lexicon.claimant_for(speaker.name),
                                      "government" if speaker.inter == 1 else "armed group",
                                      speaker.name, attribution.hedged or speaker.inter != 1)
        if attribution.claimant:
            ctx.last_claim = attribution
            ctx.claims_told.append((sent.index, attribution))
            ctx.last_claim_sentence = sent.index
            ctx.last_claim_paragraph = sent.paragraph
        date_info = self._date(sent, ctx)
        trigger = self.triggers.best(p.triggers, casualties=bool(p.figures.casualties))
        if trigger is None:
            trigger = self._materiel_trigger(p)
        if trigger is None and p.coding is not None:
            trigger = _model_trigger(doc, p.coding, self.policy)
        if trigger is None:
            return self._denial(article, p, ctx, attribution)
        if trigger.kind == "territory" and WITHOUT_FIGHT.search(doc_text(doc)):
            # "entered the town without resistance": ground changed hands peacefully
            trigger = Trigger("transfer", trigger.start, trigger.end, trigger.text,
                              trigger.is_verb)
        if trigger.kind == "territory" and _seizes_weapons(doc, trigger, p.figures.materiel) \
                and not p.figures.casualties and all(
                    t.kind in STRATEGIC or t is trigger for t in p.triggers):
            # "police seized a cache of grenades": weapons taken, not ground (in a fight they
            # are the battle's spoils)
            trigger = Trigger("disrupted", trigger.start, trigger.end, trigger.text,
                              trigger.is_verb)
        if trigger.kind == "territory" and ATTEMPT.search(doc_text(doc)[: doc[trigger.start].idx]):
            # "attempted to seize the hospital": fighting, not (yet) a change of control
            trigger = Trigger("clash", trigger.start, trigger.end, trigger.text, trigger.is_verb)
        if trigger.kind == "territory" and _person_taken(doc, trigger):
            # "a council member was seized from his car": people taken, not ground
            trigger = Trigger("abduction", trigger.start, trigger.end, trigger.text,
                              trigger.is_verb)
        if not _is_headline(sent) and len(doc) < 8 and not any(
            t.tag_.startswith("VB") for t in doc
        ):
            return None  # a section header ("Aug. 15 Strikes"), not a report
        # The coder was trained on what is an incident and what is background, totals and
        # talk: where it reads an event, the rules' own tests for that give way to it.
        confirmed = p.coding is not None and \
            p.coding.event_probability >= self.policy.confirm
        if trigger.subordinate and _is_read_as_verb(doc):
            # "IS fighters attacked ...": the parser took the group's name for "is", and the
            # report for a relative clause of it
            trigger = replace(trigger, subordinate=False)
        if (trigger.subordinate or _plural_noun(doc, trigger)) and _attributed_past(doc, trigger):
            # "a man responsible for planting roadside bombs", "responsible for several attacks
            # against civilians": a person's record, not a report
            return None
        if trigger.subordinate and _present_main_clause(doc):
            # "Coalition nations which have conducted strikes include Australia, ...": a
            # description, not a report of an incident
            return None
        if _campaign_or_duration(doc, trigger) and not confirmed:
            return None  # "the offensive began April 30", "operating there for many months"
        if _historical(doc_text(doc), ctx.published):
            return None  # "Ten years ago, a gunman...", "In 2003, ...": history, not news
        if not confirmed and (
                AGGREGATE.search(doc_text(doc)) or PERFECT_SINCE.search(doc_text(doc)) or (
                    (PERFECT.search(doc_text(doc)) or PERIOD.search(doc_text(doc))) and any(
                        count_to_fatalities(c.count) >= 1000 for c in p.figures.casualties)
                    and not _has_day(sent.text, ctx.published))):
            # "to date, 1,335 civilians have been killed", "More than 10,000 people have been
            # killed and two million displaced": a running total, not an incident
            return None
        if METALANGUAGE.search(doc_text(doc)):
            return None  # "authorities use the word 'neutralized' to imply ..."
        if any(count_to_fatalities(c.count) >= 5000 for c in p.figures.casualties) and \
                not _has_day(sent.text, ctx.published):
            return None  # "Tens of thousands of people were killed in the fighting"
        if _generic_plural(doc, trigger, p) and not confirmed:
            # "blamed IS cells for a string of kidnappings": a pattern, not an incident
            return None
        country = p.country
        if country:
            ctx.paragraph_country[sent.paragraph] = country
        else:
            country = ctx.paragraph_country.get(sent.paragraph) or ctx.article_country
        offset = sent.start
        roles = assign_roles(doc, trigger, p.actors, p.attribution)
        if ctx.dominant_by_country and country:
            # an article about several wars: only this country's groups
            dominant = ctx.dominant_by_country.get(country)
        else:
            dominant = ctx.dominant_group
        if dominant is None and attribution.affiliation:
            dominant = self.actors.by_name.get(attribution.affiliation)

        def ref(m: ActorMatch) -> ActorRef:
            return self.actors.resolve(m, country, dominant, offset)

        actor1 = ref(roles.actor1) if roles.actor1 else None
        actor2 = ref(roles.actor2) if roles.actor2 else None
        if actor1 is None:
            # "the death of two civilians in Russian airstrikes": any act of the sentence
            # may carry the state's adjective
            for t in [trigger] + [t for t in p.triggers if t is not trigger
                                  and t.kind in ("air", "shelling", "clash", "ied")]:
                actor1 = self._adjective_agent(doc, t, country)
                if actor1 is not None:
                    break
        elif actor2 is None:
            # "Ukrainian forces repelled Russian assaults": the assault's state is the other side
            for t in [t for t in [trigger, *p.triggers] if not t.is_verb]:
                other = self._adjective_agent(doc, t, country)
                if other is not None and other.name != actor1.name:
                    actor2 = other
                    break
        if actor1 is None and trigger.kind in ("air", "shelling"):
            # "warplanes believed to be Russian bombed a market": the state the text suspects
            believed = BELIEVED_STATE.search(doc_text(doc))
            state = self.actors.adjectives.get(believed.group(1).lower()) if believed else None
            if state is not None:
                entry = self.actors.by_name[self.actors.state_forces.get(
                    state, "Military Forces of {country}")]
                actor1 = ActorRef(raw=believed.group(0), name=self.actors.canonical_name(
                    entry, state), inter=entry.inter, country=state)
        if actor1 is None and speaker is not None and speaker.inter in (2, 3) and \
                RESPONSIBILITY.search(doc_text(doc)):
            actor1 = speaker  # "Islamic State claimed responsibility for the bombing"
        if actor1 is None and speaker is not None and _pronoun_subject(doc, trigger):
            actor1 = speaker  # "the coalition said it had intercepted two drones"
        if actor1 is None and attribution.affiliation and _pronoun_subject(doc, trigger):
            # "Russia's defence ministry claimed its forces had liberated Vremivka"
            entry = self.actors.by_name.get(attribution.affiliation)
            if entry is not None:
                actor1 = ActorRef(raw=attribution.claimant or "", name=entry.name,
                                  inter=entry.inter, country=entry.country)
        if actor1 is None and "group" in doc_text(doc).lower() and attribution.affiliation:
            # "the group's shelling" in a statement by the group's own agency
            entry = self.actors.by_name.get(attribution.affiliation)
            if entry is not None:
                name = self.actors.canonical_name(entry, country)
                actor1 = ActorRef(raw="the group", name=name, inter=entry.inter, country=country)
        if actor1 is None and trigger.kind == "kill" and attribution.kind == "government" and \
                attribution.affiliation and any(
                    c.victim_tokens and any(t.lower_ in ENEMY_NOUNS
                                            for t in doc[c.victim_tokens[0]:c.victim_tokens[1]])
                    for c in p.figures.casualties):
            # "Fourteen terrorists were neutralized ..., the Turkish defence ministry said": the
            # ministry's own forces did it
            entry = self.actors.by_name.get(attribution.affiliation)
            if entry is not None and entry.inter == 1:
                actor1 = ActorRef(raw=attribution.claimant or "", name=entry.name,
                                  inter=entry.inter, country=entry.country)
        assoc1 = [ref(m) for m in roles.assoc1]
        assoc2 = [ref(m) for m in roles.assoc2]
        actor1, assoc1 = self._lift_units(actor1, assoc1, country)
        actor2, assoc2 = self._lift_units(actor2, assoc2, country)
        if actor1 and actor2 and actor1.name == actor2.name:
            actor2 = None

        # Casualties: whose dead, how many.
        killed = [c for c in p.figures.casualties if c.kind == "killed"]
        injured = [c for c in p.figures.casualties if c.kind == "injured"]
        victims_civilian = any(c.civilians for c in killed + injured)
        victim_actor = self._victims(doc, p.actors, killed + injured, ref, country)
        if victim_actor is not None:
            if actor2 is None and (actor1 is None or victim_actor.name != actor1.name):
                actor2 = victim_actor
            elif actor1 is not None and victim_actor.name == actor1.name and actor2 is not None:
                # "ISIS attacked the SAA, killing 7 SAA troops": the dead are the target's.
                pass
        if trigger.kind in ("air", "shelling"):
            if actor1 is None and ctx.last_remote_actor is not None and \
                    sent.index - ctx.last_remote_actor[0] <= 12 and \
                    p.country in (None, ctx.last_remote_actor[2]):
                actor1 = ctx.last_remote_actor[1]
                if actor2 is not None and actor2.name == actor1.name:
                    actor2 = None
            elif actor1 is None and trigger.kind == "air" and ctx.air_actor is not None and (
                    p.country is None or not ctx.air_countries or p.country in ctx.air_countries):
                # strike reports name the air force once, at the top (for their own country)
                actor1 = ctx.actor_ref(ctx.air_actor, self.actors, country)
                if actor2 is not None and actor2.name == actor1.name:
                    actor2 = None
            elif actor1 is not None:
                ctx.last_remote_actor = (sent.index, actor1, p.country)
        if actor1 is None and actor2 is None and trigger.kind == "clash" and ctx.belligerents:
            # "Positional engagements continued near Kreminna": the article's two sides
            actor1, actor2 = ctx.belligerents
        if actor2 is None and actor1 is not None and trigger.kind in ("territory", "clash"):
            # The side that lost ground is often named a sentence earlier ("behind ISIS lines").
            for idx, a, where in reversed(ctx.recent_actors):
                if idx >= sent.index:
                    continue
                if sent.index - idx > 3:
                    break
                if where and p.country and where != p.country:
                    continue  # named in a sentence about another country
                cand = ref(a)
                # ... in the same war: Iraq's police do not lose a village to the SDF in Syria
                other_war = bool(cand.country and actor1.country and cand.inter != 8
                                 and actor1.inter != 8 and cand.country != actor1.country)
                if cand.inter in (1, 2, 3, 8) and cand.name != actor1.name and \
                        self.actors.parent_of(cand.name) != actor1.name and \
                        cand.name not in {x.name for x in assoc1} and not other_war:
                    actor2 = cand
                    break
        if not victims_civilian and trigger.kind in ("kill", "clash", "vac_kill", "abduction",
                                                     "sexual"):
            victims_civilian = _civilian_patient(doc, trigger)
        elif not victims_civilian and actor2 is None:
            # "a helicopter dropped a barrel bomb ..., killing a man and his three sons"
            victims_civilian = any(_civilian_patient(doc, t) for t in p.triggers
                                   if t.kind == "kill")
        if trigger.kind in ("abduction", "sexual", "vac_kill") and actor2 is None:
            victims_civilian = True  # violence against civilians unless armed men are named
        if victims_civilian and actor2 is None:
            civ = self.actors.by_name["Civilians ({country})"]
            actor2 = ActorRef(
                raw="civilians", name=self.actors.canonical_name(civ, country), inter=7,
                country=country,
            )

        # Places
        object_region = None
        if trigger.kind in ("territory", "transfer"):
            object_region = (trigger.end, len(doc))
        blocked = set()
        for a in p.actors:
            blocked.update(range(a.start, a.end))
        if attribution.token_span:
            blocked.update(range(*attribution.token_span))
        blocked.update(p.figures.materiel_tokens)
        for s, e in _dateline(doc_text(doc)):
            span = doc.char_span(s, e, alignment_mode="contract")
            if span is not None:
                blocked.update(range(span.start, span.end))
        headline = _is_headline(sent)
        places = [] if headline else find_places(doc, blocked, object_region)
        # Who is told something, the outlet's name and the dateline are never the event's place
        not_here = _receivers(doc) + _dateline(doc_text(doc)) + _source_places(doc, attribution)
        if article.outlet:
            not_here += [(m.start(), m.end()) for m in re.finditer(
                re.escape(article.outlet), doc_text(doc))]
        places = [pl for pl in places
                  if not any(s < pl.end and pl.start < e for s, e in not_here)]
        if ctx.toponyms is not None:
            found = [replace(f, start=f.start - sent.start, end=f.end - sent.start)
                     for f in ctx.toponyms if sent.start <= f.start and f.end <= sent.end]
            taken = _char_ranges(doc, blocked) + not_here
            found = [f for f in found if not any(s < f.end and f.start < e for s, e in taken)]
            for f in found:
                span = doc.char_span(f.start, f.end, alignment_mode="expand")
                if span is not None and f.role == "at":
                    f.role, f.offset_km, f.direction = role_of(doc, span.start, span.end)
            places = _merge_places(places, found)
        places = [pl for pl in places
                  if pl.text.lower().strip(" .") not in NOT_PLACES and len(pl.text) >= 3
                  and not is_demonym(pl.text) and not _owner_word(doc, pl)
                  and not _names_a_facility(doc, pl)]
        away = _destinations(doc)
        if away:
            # "forcing the militants to retreat towards Deir ez-Zor": where the losers went (or
            # where the fire came from) is not where it happened, unless no other place is named
            here = [pl for pl in places if not any(s < pl.end and pl.start < e for s, e in away)]
            if here:
                places = here
            else:
                for pl in places:
                    pl.role = "near" if pl.role == "at" else pl.role
        frame = FRAMING.match(sent.text, max((e for _, e in _dateline(sent.text)), default=0))
        if frame is not None:
            # "In Deir Ezzor, army units foiled an attack near al-Mayadin": the opening place
            # frames the story; the act's own place, when the sentence names one, is where
            framed = [pl for pl in places if pl.start < frame.end()]
            own_places = [pl for pl in places if pl.start >= frame.end()
                          and pl.role in ("at", "near")
                          and not CITY_PART.match(sent.text, pl.end)]
            if framed and own_places:
                for pl in framed:
                    pl.role = "region"
        for pl in places:
            pl.start += offset
            pl.end += offset
        if trigger.kind == "territory" and not _place_in_object(doc, trigger, places, offset):
            # "capturing a battle tank": not territory; the next trigger tells the event.
            rest = [t for t in p.triggers if t.kind != "territory"]
            best_rest = self.triggers.best(rest)
            if best_rest is None:
                return None
            trigger = best_rest
        places = _act_places_first(doc, trigger, places, offset)
        inherited_place = False
        if not places and NEW_INCIDENT.match(sent.text):
            ctx.last_places = []  # what follows is about this other incident
        if not places and ctx.last_places and (sent.index - ctx.last_places_sentence) <= 4:
            places = [replace(pl) for pl in ctx.last_places]
            inherited_place = True
        elif places and not all(pl.role == "region" for pl in places):
            ctx.last_places = places
            ctx.last_places_sentence = sent.index
        elif PLACE_ANAPHORA.search(doc_text(doc)) and ctx.last_places and not any(
            pl.role != "region" for pl in places
        ):
            places = [replace(pl) for pl in ctx.last_places] + places
            inherited_place = True

        if trigger.kind == "transfer" and trigger.text.lower() in GIVING_UP:
            # "rebels handed over the town to government forces": the receiver takes it
            actor1, actor2 = actor2, actor1
            assoc1, assoc2 = assoc2, assoc1
        sub_event, event_type = classify(
            trigger, p.triggers, actor1, actor2, victims_civilian, doc_text(doc), country
        )
        if p.coding is not None and event_type != "casualty":
            sub_event, event_type = self.policy.retype(p.coding, sub_event, event_type)
        if sub_event is None:
            return None
        if event_type in ("Protests", "Riots") and not any(
            a is not None and a.inter in (5, 6) for a in (actor1, actor2)
        ):
            entry = self.actors.by_name[
                "Protesters ({country})" if event_type == "Protests" else "Rioters ({country})"
            ]
            demonstrators = ActorRef(raw="", name=self.actors.canonical_name(entry, country),
                                     inter=entry.inter, country=country)
            if sub_event == "Excessive force against protesters":
                actor2 = demonstrators
            else:
                actor1, actor2 = demonstrators, (actor1 if actor1 is not None else actor2)
        if sub_event == "Government regains territory" and actor1 is None and country in \
                self.actors.state_forces:
            # "the prime minister declared victory in Tal Afar": the state's forces regained it
            name = self.actors.state_forces[country]
            actor1 = ActorRef(raw="", name=name, inter=1, country=country)
        if sub_event == "Arrests" and not _political_arrest(actor1, actor2, doc_text(doc)) \
                and not any(item.fate == "captured" and item.category in SEIZED_WEAPONS
                            for item in p.figures.materiel):
            # police arresting a shoplifter is crime, not political disorder; one caught with
            # grenades is not
            return None
        own_place = bool(places) and not inherited_place
        # "The militants used hand grenades in the attack": a sentence that refers back to
        # an incident ("the attack") adds to it, whatever else it names
        definite = _definite_noun(doc, trigger) or any(
            _definite_noun(doc, t) for t in p.triggers if t.kind in ("clash", "air", "shelling",
                                                                     "ied", "suicide"))
        if definite and not _place_in_subtree(doc, trigger, places, offset) \
                and event_type != "casualty" and not headline:
            # "condemned the attack", "the bombing was the deadliest": the incident already
            # told; this sentence can only add to it.
            event_type = "casualty"
            if not inherited_place and ctx.last_places:
                places = [replace(pl) for pl in ctx.last_places]
                inherited_place = True
        follow_up = inherited_place and sent.index - ctx.last_places_sentence <= 1
        conducted = _conducted(doc, trigger)
        if not trigger.is_verb and not headline and not own_place and not follow_up \
                and not conducted and not confirmed \
                and event_type not in ("Protests", "Riots") and not p.figures.casualties \
                and not p.figures.materiel and not _has_date(sent.text, ctx.published):
            # A bare noun ("the use of IEDs", "the attack") with nothing concrete around it
            # talks about events in general, not about one incident.
            return None
        if trigger.kind == "kill" and inherited_place and event_type != "casualty":
            # "..., killing 20 terrorists" right after an incident: more about that incident
            # first; an event of its own only if nothing before it matches.
            event_type = "casualty"

        counted = 0 if killed else _counted_victims(doc, p.triggers)
        if counted:
            # "Abu Jandal ... was struck and killed": one named (or one unnamed) person
            killed = [CasualtyFigure("killed", Count(value=counted), 0, 0)]
        hurt = 0 if injured else _counted_victims(doc, p.triggers, WOUNDING_WORDS)
        if hurt:
            injured = [CasualtyFigure("injured", Count(value=hurt), 0, 0)]
        fatalities = _sum_counts([c.count for c in killed])
        if fatalities is None and attribution.claimant and NO_CASUALTIES.search(doc_text(doc)):
            # "al-Masirah TV said the raids hit farms and killed no one": a toll of none
            fatalities = Count(value=0)
        injuries = _sum_counts([c.count for c in injured])
        materiel = [
            Materiel(
                category=m.category,
                count=m.count,
                fate=m.fate,
                side=self._owner(doc, m, p.actors, ref, actor1, actor2),
                text=m.text,
            )
            for m in p.figures.materiel
        ]
        if confirmed and event_type == "casualty" and own_place and any(
                pl.role in ("at", "near") and pl.text.lower() not in COUNTRIES for pl in places):
            # "a police officer was shot and killed by a sniper in El Tarra": no one named, yet
            # an incident of its own at its own place, as the coder reads it
            best, prob = p.coding.best
            sub_event = best if prob >= self.policy.retype_at else sub_event
            event_type = SUB_EVENT_TO_TYPE[sub_event]
        if confirmed and actor1 is None and event_type in VIOLENT_TYPES:
            # ACLED codes an incident whose author the text does not name as unidentified
            actor1 = ctx.actor_ref(self.actors.by_name["Unidentified Armed Group ({country})"],
                                   self.actors, country)
            if actor2 is not None and actor2.name == actor1.name:
                actor2 = None
        if p.coding is not None and event_type != "casualty" and not attribution.claimant \
                and p.coding.event_probability < self.policy.drop:
            # the coder reads no event here: a rule fired on background or talk (a sourced
            # account stays: its claim may contest another's)
            return None
        date, precision = date_info
        civilian_targeting = bool(actor2 and actor2.inter == 7) and event_type in (
            "Violence against civilians",
            "Explosions/Remote violence",
        )
        confidence = 0.45
        confidence += 0.15 if actor1 else 0
        confidence += 0.1 if places and not inherited_place else 0
        confidence += 0.1 if trigger.is_verb else 0
        confidence += 0.1 if (fatalities or materiel) else 0
        return Mention(
            article_id=article.id,
            sentence=Evidence(article.id, sent.start, sent.end, sent.text),
            trigger=trigger.text,
            event_type=event_type,
            sub_event_type=sub_event,
            actor1=actor1,
            actor2=actor2,
            assoc_actor_1=assoc1,
            assoc_actor_2=assoc2,
            places=places,
            date=date,
            time_precision=precision,
            fatalities=fatalities,
            injuries=injuries,
            toll_update=any(c.update for c in killed + injured),
            # "A Peshmerga spokesman denied the claim, saying two fighters were wounded": the
            # source's own account contests the claim it denies
            denial=_source_denies(doc, attribution, p.actors),
            victims=victim_actor.name if victim_actor else (
                actor2.name if victims_civilian and actor2 else
                # "Ten assailants were also killed": more dead, not the same ones told again
                OTHER_DEAD if ALSO_KILLED.search(doc_text(doc)) else None),
            materiel=materiel,
            claimant=attribution.claimant,
            claimant_kind=attribution.kind,
            hedged=attribution.hedged,
            civilian_targeting=civilian_targeting,
            confidence=round(min(confidence, 0.95), 2),
            country=country,
            headline=headline,
            follow_up=definite or inherited_place,
        )

    def _actor_speaker(self, doc: Doc, actors: list[ActorMatch], ctx: _Context
                       ) -> ActorRef | None:
        for a in actors:
            if _is_speaker(doc[a.start : a.end].root):
                return self.actors.resolve(a, ctx.article_country, ctx.dominant_group)
        # "The ... Group to Support Islam and Muslims (JNIM) claimed the attack": a group named
        # anywhere inside the subject of "claimed"
        lowers = doc_lowers(doc)
        subjects = {t.i for n, w in enumerate(lowers) if w in ("claimed", "claims")
                    for c in doc[n].children if c.dep_ == "nsubj" for t in c.subtree}
        for a in actors:
            if a.start in subjects and a.entry.inter in (2, 3):
                return self.actors.resolve(a, ctx.article_country, ctx.dominant_group)
        return None

    def _adjective_agent(self, doc: Doc, trigger: Trigger, country: str | None
                         ) -> ActorRef | None:
        """"Turkish shelling", "Russian air strikes": the state the adjective names acts."""
        span = doc[trigger.start : trigger.end]
        # the phrase's word, not its preposition ("airstrikes on")
        root = span.root
        if root.tag_ == "IN":
            root = next((t for t in reversed(span) if t.tag_ != "IN"), root)
        # a modifier of the trigger, or a word of the trigger phrase itself, before its head
        modifiers = [c for c in root.children if c.dep_ in ("amod", "compound", "nmod", "poss")]
        # "A Turkish drone struck", "Russian jets bombed": the modifier of the verb's subject
        # ("US soldiers died": the subject suffered, it did not act)
        active = trigger.is_verb and root.lower_ not in PATIENT_SUBJECT_TRIGGERS and \
            lemma_of(root) not in PATIENT_SUBJECT_VERBS
        subjects = [c for c in root.children
                    if active and c.dep_ == "nsubj" and c.lower_ in ARMED_NOUNS]
        modifiers += [m for c in subjects for m in c.children
                      if m.dep_ in ("amod", "compound", "nmod", "poss")]
        # "Ukrainian shelling wounded two": the parser may read "shelling" as a verb, or worse;
        # the adjective right before the word still names its state
        if trigger.start > 0 and doc[trigger.start - 1].lower_ in self.actors.adjectives \
                and doc[trigger.start - 1].tag_ in ("JJ", "NNP"):
            modifiers.append(doc[trigger.start - 1])
        # "Russia launched a wave of drones at Odesa": the state named as the act's subject
        verb = root
        for _ in range(4):
            if verb.tag_.startswith("VB") or verb.head is verb:
                break
            verb = verb.head
        if verb.tag_.startswith("VB") and (verb is root or lemma_of(verb) in LAUNCHING):
            modifiers += [c for c in verb.children
                          if c.dep_ == "nsubj" and c.text in self.actors.states]
        for c in modifiers + list(doc[trigger.start : trigger.end]):
            # "Turkish jets"; "Russia's warplanes": the state's own name as the owner
            state = self.actors.adjectives.get(c.lower_) or (
                c.text if c.dep_ in ("poss", "nsubj") and c.text in self.actors.states
                else None)
            if state and (c.i < root.i or c.head.i != root.i):
                # the state's own entry, else the generic one named for it ("French jets")
                entry = self.actors.by_name[self.actors.state_forces.get(
                    state, "Military Forces of {country}")]
                name = self.actors.canonical_name(entry, state)
                return ActorRef(raw=c.text, name=name, inter=entry.inter, country=state,
                                start=None, end=None)
        return None

    def _denial(self, article, p: _Parsed, ctx: _Context, attribution: Attribution
                ) -> Mention | None:
        """"The Syrian army denied the report": a claim against the incident just told."""
        m = DENIAL.search(doc_text(p.doc))
        if m is None or not ctx.last_places:
            return None
        who = attribution.claimant
        kind = attribution.kind
        if who is None:
            actors = [a for a in p.actors if a.end_char <= m.start()]
            if not actors:
                return None
            a = actors[-1]
            who = self.actors.resolve(a, ctx.article_country, ctx.dominant_group).name
            kind = "government" if a.entry.inter == 1 else "armed group"
        sent = p.sentence
        return Mention(
            article_id=article.id,
            sentence=Evidence(article.id, sent.start, sent.end, sent.text),
            trigger=m.group(0),
            event_type="casualty",
            sub_event_type="",
            places=[replace(pl) for pl in ctx.last_places],
            claimant=who,
            claimant_kind=kind,
            denial=True,
            confidence=0.5,
        )

    def _rival_account(self, p: _Parsed, mention: Mention) -> Mention | None:
        """A second source in the same sentence ("..., SOHR said, while SDF media reported two
        dead", "..., but a spokesman for the army denied there had been any fighting") is a
        claim of its own about the same incident: its figures leave the first source's, and
        the rival is returned as a follow-up mention that joins the incident's event."""
        doc = p.doc
        cut = _rival_clause(doc)
        if cut is None:
            return None
        rival_att = self.claimants.find(doc[cut:].as_doc())
        if rival_att.claimant is None:
            return None
        start = doc[cut].idx
        denial = bool(DENIAL.search(doc_text(doc)[start:]))
        theirs = [c for c in p.figures.casualties if c.start >= start]
        if not theirs and not denial:
            return None
        own = [c for c in p.figures.casualties if c.start < start]
        # the denial, if any, is the rival clause's, not the first source's
        mention.denial = bool(DENIAL.search(doc_text(doc)[:start]))
        if mention.claimant == rival_att.claimant:
            # the sentence's source was read from the rival clause: take it from the first
            main_att = self.claimants.find(doc[:cut].as_doc())
            mention.claimant, mention.claimant_kind = main_att.claimant, main_att.kind
            mention.hedged = main_att.hedged
        if theirs:
            mention.fatalities = _sum_counts([c.count for c in own if c.kind == "killed"])
            mention.injuries = _sum_counts([c.count for c in own if c.kind == "injured"])
        return replace(
            mention,
            claimant=rival_att.claimant,
            claimant_kind=rival_att.kind,
            hedged=rival_att.hedged,
            fatalities=_sum_counts([c.count for c in theirs if c.kind == "killed"]),
            injuries=_sum_counts([c.count for c in theirs if c.kind == "injured"]),
            toll_update=False,
            materiel=[],
            denial=denial,
            follow_up=True,
            places=[replace(pl) for pl in mention.places],
        )

    def _materiel_trigger(self, p: _Parsed) -> Trigger | None:
        """"Coalition aircraft destroyed 14 tanks": equipment destroyed is a strike or a clash
        even without an attack word; "police seized a cache of grenades": weapons taken with no
        fight told are ACLED's disrupted weapons use."""
        for item in p.figures.materiel:
            if item.fate in ("destroyed", "damaged"):
                kind = "air" if AIR_WORDS.search(doc_text(p.doc)) else "clash"
                return Trigger(kind, item.start, item.end, item.text, False)
        for item in p.figures.materiel:
            if item.fate == "captured" and item.category in SEIZED_WEAPONS:
                return Trigger("disrupted", item.start, item.end, item.text, False)
        return None

    def _date(self, sent: Sentence, ctx: _Context) -> tuple[dt.date | None, int]:
        best = None
        dateline_end = max((e for _, e in _dateline(sent.text)), default=0)
        found = find_date_expressions(sent.text, ctx.published)
        dated = [e for e in found if e.date is not None and e.start >= dateline_end]
        for expr in found:
            if expr.date is None or expr.start < dateline_end:
                continue
            # "On Monday, AFRICOM announced that ... on Sunday": the first is the statement's day
            # "the toll had risen to seven by Monday": when it was counted, not when it happened
            statement = expr.text.lower().startswith("by ") or _speech_before(
                sent.text, expr.start) or (
                len(dated) > 1 and not sent.text[dateline_end : expr.start].strip()
                and SPEECH_AFTER_DATE.match(sent.text, expr.end) is not None)
            if best is None or (best[2] and not statement):
                best = (expr.date, expr.precision, statement)
        if best is not None:
            date, precision, statement = best
            if not statement:
                ctx.remember_date(date, precision, sent.paragraph)
                return date, precision
            # Only the statement's date is known: the event is on or before it.
            return date, max(2, precision)
        shifted = _narrative_shift(sent.text)
        if shifted is not None and ctx.last_date is not None and ctx.last_date[0] is not None:
            # "the next day", "two days earlier": counted from the day the story last named
            date = ctx.last_date[0] + dt.timedelta(days=shifted)
            return date, ctx.last_date[1]
        # "In Hajin, two children were killed ..." opening another paragraph: another incident,
        # whose day the story does not tell
        new_story = sent.paragraph != ctx.last_date_paragraph and \
            FRAMING.match(sent.text) is not None
        if ctx.last_date is not None and not ((NEW_INCIDENT.match(sent.text) or new_story)
                                              and ctx.published is not None):
            return ctx.last_date
        if ctx.published is not None:
            # undated, or another incident ("Meanwhile, ...") told without its day: on or
            # before the report (a week's precision)
            return ctx.published, 2
        return None, 3

    def _lift_units(
        self, actor: ActorRef | None, assoc: list[ActorRef], country: str | None
    ) -> tuple[ActorRef | None, list[ActorRef]]:
        """A unit named alone ("Tiger Forces") acts for its parent, which becomes the actor."""
        if actor is None:
            return None, assoc
        parent = self.actors.parent_of(actor.name)
        if parent:
            entry = self.actors.by_name[parent]
            lifted = ActorRef(raw=actor.raw, name=entry.name, inter=entry.inter,
                              country=entry.country, start=actor.start, end=actor.end)
            assoc = [actor] + [a for a in assoc if a.name != actor.name]
            actor = lifted
        assoc = [a for a in assoc if a.name != actor.name]
        seen: set[str] = set()
        unique = []
        for a in assoc:
            if a.name not in seen:
                seen.add(a.name)
                unique.append(a)
        return actor, unique

    def _victims(self, doc: Doc, actors: list[ActorMatch], figures: list[CasualtyFigure], ref,
                 country: str | None = None):
        for fig in figures:
            if fig.victim_tokens is None:
                continue
            s, e = fig.victim_tokens
            # "three members of the security forces": the side follows "of"
            if e + 1 < len(doc) and doc[e].lower_ == "of":
                e = min(len(doc), e + 6)
            for a in actors:
                if a.start >= s - 1 and a.end <= e + 1:
                    return ref(a)
        for fig in figures:
            if fig.victim_tokens is None:
                continue
            words = {t.lower_ for t in doc[fig.victim_tokens[0] : fig.victim_tokens[1]]}
            # "12 soldiers", "three policemen": the forces of the country it happens in
            generic = ("Police Forces of {country}" if words & POLICE_WORDS else
                       "Military Forces of {country}" if words & SOLDIER_WORDS else None)
            if generic and country:
                entry = self.actors.by_name[generic]
                return ActorRef(raw=" ".join(sorted(words)),
                                name=self.actors.canonical_name(entry, country),
                                inter=entry.inter, country=country)
        return None

    def _owner(self, doc: Doc, item, actors: list[ActorMatch], ref, actor1, actor2) -> str | None:
        if item.owner_tokens is not None:
            s, e = item.owner_tokens
            for a in actors:
                if a.start >= s and a.end <= e:
                    return ref(a).name
        for a in actors:
            if a.end == item.start:
                return ref(a).name
        if item.fate in ("destroyed", "damaged", "captured"):
            return actor2.name if actor2 else None
        return None


PATIENT_SUBJECT_TRIGGERS = {"died", "die", "dies", "dead", "deaths", "death", "casualties"}
PATIENT_SUBJECT_VERBS = {"suffer", "sustain", "lose", "incur", "face", "endure", "die"}


BLAME_VERBS = {"blame", "accuse", "hold", "charge"}


SPEAKING_VERBS = {"said", "say", "says", "told", "reported", "announced", "stated", "added",
                  "confirmed", "claimed", "noted", "tweeted", "wrote", "denied", "denies",
                  "insisted"}


_FLIGHT_VERBS = {"retreat", "flee", "withdraw", "escape", "pull", "fall", "head", "redeploy",
                 "relocate", "evacuate", "move", "push", "drive", "chase"}


_LAUNCH_VERBS = {"fire", "launch", "shell", "lob"}
_MOVE_PREPOSITIONS = {"from", "towards", "toward", "to", "into"}


def _destinations(doc: Doc) -> list[tuple[int, int]]:
    """Character ranges of where someone went after the act ("retreat towards X", "fled to X",
    "pushed them back to X") and of where fire came from ("shells fired from X hit Y")."""
    out = []
    lowers = doc_lowers(doc)
    for i in [n for n, w in enumerate(lowers) if w in _MOVE_PREPOSITIONS]:
        tok = doc[i]
        if tok.dep_ != "prep":
            continue
        verb = tok.head
        if tok.lower_ == "from":
            away = lemma_of(verb) in _LAUNCH_VERBS
        else:
            away = lemma_of(verb) in _FLIGHT_VERBS or (
                verb.lower_ in ("back", "away") and lemma_of(verb.head) in _FLIGHT_VERBS)
        objects = [c for c in tok.children if c.dep_ == "pobj"]
        if away and objects:
            out.append(_phrase_range(objects[0]))
    return out


BELIEVED_STATE = re.compile(r"\b(?:believed|thought|suspected|understood|presumed)\s+to\s+"
                            r"(?:be|have\s+been)\s+(\w+)", re.IGNORECASE)
NO_CASUALTIES = re.compile(
    r"\b(?:killed|injured|wounded|hurt|harmed)\s+no\s*one\b|\bno\s+(?:one|casualties|deaths|"
    r"fatalities)\s+(?:was|were|had been)\s+(?:killed|hurt|caused|reported)\b|"
    r"\bcaus(?:ed|ing)\s+no\s+(?:casualties|deaths|fatalities)\b|\bwithout\s+(?:causing\s+)?"
    r"(?:any\s+)?casualties\b", re.IGNORECASE)
METALANGUAGE = re.compile(r"\b(?:the|a) (?:word|term|expression|phrase)\b|\bto (?:imply|mean|refer"
                          r" to|describe)\b|\brefers? to\b", re.IGNORECASE)
ALSO_KILLED = re.compile(r"\b(?:were|was|have been|had been)\s+also\s+(?:killed|wounded|injured)\b|"
                         r"\balso\s+(?:died|killed|lost)\b", re.IGNORECASE)
OTHER_DEAD = "(others)"
RESPONSIBILITY = re.compile(r"\bclaim(?:ed|s|ing)\s+(?:responsibility\s+for\s+)?(?:the|this|that|"
                            r"an?|\w+'s|\w+’s)\s+(?:\w+\s+){0,2}(?:attacks?|bombings?|ambush|"
                            r"assault|blast|explosion|raid|killings?|strike|shelling|"
                            r"operation|abduction|kidnapping)\b", re.IGNORECASE)
# Words a state's forces use of the enemies they killed
ENEMY_NOUNS = {"terrorists", "terrorist", "militants", "militant", "insurgents", "insurgent",
               "jihadists", "extremists", "rebels", "gunmen", "bandits"}
# Verbs of reacting to an act: their subject did not do it
REACTION_VERBS = {"condemn", "denounce", "deplore", "decry", "welcome", "mourn", "investigate",
                  "criticise", "criticize", "protest", "regret", "lament", "document", "record",
                  "confirm", "report", "monitor", "verify", "witness", "survive", "escape"}
# Verbs whose subject carries out the act their object names ("Russia launched drones")
LAUNCHING = {"launch", "carry", "conduct", "fire", "stage", "mount", "send", "unleash", "use",
             "deploy", "lob", "drop"}
SUFFERED_NOUNS = {"death", "deaths", "killing", "killings", "life", "lives", "execution",
                  "executions", "abduction", "abductions", "kidnapping", "kidnappings", "wounding",
                  "injury", "injuries", "arrest", "arrests", "detention", "murder", "murders",
                  "massacre", "assassination", "beheading"}
_RIVAL_VERBS = {"said", "says", "reported", "reports", "put", "puts", "claimed", "claims",
                "denied", "denies", "told", "gave", "counted", "documented", "insisted",
                "rejected", "dismissed", "stated", "announced"}


def _fights(tok) -> bool:
    """A word of fighting that takes its other side with "with" ("clashes with", "fought
    with", "battle with")."""
    return tok.lower_ in ("clash", "clashes", "clashed", "clashing", "fighting", "fought",
                          "battle", "battles", "battled", "battling", "firefight", "gunfight",
                          "skirmish", "skirmishes", "confrontation", "confrontations",
                          "engagement", "engagements", "exchange", "fight", "fights")


def _source_denies(doc: Doc, attribution: Attribution, actors: list[ActorMatch]) -> bool:
    """Whether the sentence's source (a claimant, or an actor speaking for itself) is the
    subject of a denial ("X denied the claim", "the Malian army denied the accusation")."""
    if not DENIAL.search(doc_text(doc)):
        return False
    spans = [attribution.token_span] if attribution.token_span else []
    spans += [(a.start, a.end) for a in actors if _is_speaker(doc[a.start : a.end].root)]
    lowers = doc_lowers(doc)
    for n, w in enumerate(lowers):
        if w not in ("denied", "denies", "rejected", "dismissed", "refuted"):
            continue
        for c in doc[n].children:
            if c.dep_ == "nsubj" and any(s <= t.i < e for t in c.subtree for s, e in spans):
                return True
    return False


def _rival_clause(doc: Doc) -> int | None:
    """Where a clause with its own source begins: ", while X reported ...", ", whereas X
    said ...", ", but X denied ..."."""
    lowers = doc_lowers(doc)
    for n in [n for n, w in enumerate(lowers) if w in ("while", "whereas", "but") and n >= 3]:
        tok = doc[n]
        if tok.lower_ != "but" and doc[tok.i - 1].text not in (",", ";"):
            continue
        if any(w in _RIVAL_VERBS for w in lowers[n + 1 : n + 14]):
            return n
    return None


def _seizes_weapons(doc: Doc, trigger: Trigger, materiel: list) -> bool:
    """Whether the trigger verb's object is seized weapons ("seized a cache of grenades")."""
    verb = doc[trigger.start]
    for item in materiel:
        if item.fate != "captured" or item.category not in SEIZED_WEAPONS:
            continue
        cur = doc[item.start]
        for _ in range(4):
            if cur.head is cur or cur.dep_ == "conj" and cur.head.i < item.start:
                break  # "the village of X and large amounts of weapons": ground was taken too
            cur = cur.head
            if cur.i == verb.i:
                return True
            if cur.tag_.startswith("VB"):
                break
    return False


def _is_speaker(tok) -> bool:
    cur = tok
    # "the rebels' al-Masirah TV said": the owner of a speaker speaks too ("poss")
    while cur.dep_ in ("conj", "compound", "amod", "appos", "nmod", "cc", "poss") and \
            cur.head is not cur:
        cur = cur.head
    return cur.dep_ == "nsubj" and cur.head.lower_ in SPEAKING_VERBS


def _pronoun_subject(doc: Doc, trigger: Trigger) -> bool:
    root = doc[trigger.start : trigger.end].root
    head = root if root.tag_.startswith("VB") else root.head
    if any(c.dep_ == "nsubj" and any(p.lower_ in ("our", "its") and p.dep_ == "poss"
                                     for p in c.children) for c in head.children):
        return True  # "Our forces have liberated Hajin," the SDF spokesman said
    return any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in ("it", "they", "we")
               for c in head.children)


def _collapse_members(doc: Doc, cands: list[ActorMatch]) -> list[ActorMatch]:
    """"Fighters of the X Brigade", "militants, members of X": one actor, named by the more
    specific phrase, standing where the generic word stands in the sentence."""
    roots = {_root(doc, a).i: a for a in cands}
    drop: set[int] = set()
    replace_at: dict[int, ActorMatch] = {}
    starts = {a.start: a for a in cands}
    first_name: dict[int, ActorMatch] = {}
    for a in cands:
        nxt = starts.get(a.end + 1)
        if nxt is not None and a.end < len(doc) and doc[a.end].text == "/":
            # "YPG/PKK terrorists": one actor named two ways; the first name stands
            drop.add(id(nxt))
            first_name[id(nxt)] = first_name.get(id(a), a)
    for a in cands:
        named = first_name.get(id(a), a)
        r = _root(doc, a)
        holder = None
        if r.dep_ == "pobj" and r.head.lower_ == "of":
            holder = roots.get(r.head.head.i)
        elif r.dep_ in ("appos", "compound", "amod", "nmod"):
            holder = roots.get(r.head.i)  # "... Peshmerga fighters": the fighters are Peshmerga
        if holder is not None and holder is not a and (
            holder.entry.generic or holder.entry.name.startswith("@")
        ):
            drop.add(id(a))
            drop.add(id(named))
            replace_at[id(holder)] = named
    out = []
    for a in cands:
        if id(a) in drop:
            continue
        specific = replace_at.get(id(a))
        if specific is not None:
            out.append(ActorMatch(entry=specific.entry, raw=specific.raw, start=a.start,
                                  end=a.end, start_char=specific.start_char,
                                  end_char=specific.end_char))
        else:
            out.append(a)
    return out


def _blamed_party(doc: Doc, trig_tok, cands: list[ActorMatch]) -> ActorMatch | None:
    cur = trig_tok
    for _ in range(5):
        if cur.head is cur:
            return None
        cur = cur.head
        if lemma_of(cur) in BLAME_VERBS:
            for a in cands:
                r = _root(doc, a)
                if r.head.i == cur.i and r.dep_ == "dobj":
                    return a
            return None
    return None


@dataclass(slots=True)
class Roles:
    actor1: ActorMatch | None = None
    actor2: ActorMatch | None = None
    assoc1: list[ActorMatch] = field(default_factory=list)
    assoc2: list[ActorMatch] = field(default_factory=list)


RECIPROCAL_VERBS = {"clash", "fight", "battle", "skirmish"}
SUPPORT_VERBS = {"backed", "supported", "aided", "assisted", "helped", "accompanied"}
TARGET_PREPOSITIONS = {"on", "against", "at", "toward", "towards", "targeting", "near", "in",
                       "into", "upon"}


def _helper(tok) -> bool:
    """"backed by Hezbollah fighters": a side's helper, not the enemy the story is about."""
    # (a capitalised "Support" is part of a name: "the Group to Support Islam and Muslims")
    return any((t.lower_ in SUPPORT_VERBS or t.lower_ in ("support", "backing"))
               and not t.text[:1].isupper() for t in list(tok.ancestors)[:3])


def _source_places(doc: Doc, attribution: Attribution) -> list[tuple[int, int]]:
    """"according to medical sources in Aden": where the source sits is not the event's place."""
    if not attribution.token_span:
        return []
    s, e = attribution.token_span
    root = doc[s:e].root
    out = []
    for child in root.children:
        if child.dep_ == "prep" and child.lower_ in ("in", "at", "from", "based") and \
                child.i >= e - 1:
            out.append(_phrase_range(child))
    return out


def _owner_word(doc: Doc, pl: PlaceMention) -> bool:
    """"Russia's warplanes": a state owning something is not where the event is."""
    span = doc.char_span(pl.start, pl.end, alignment_mode="expand")
    # only a state: "Baghdad's Green Zone" is in Baghdad
    return span is not None and span.root.dep_ == "poss" and len(span) <= 3 and \
        span.end < len(doc) and doc[span.end].tag_ == "POS" and is_country(pl.text)


def _in_object(tok, trigger_tok, head) -> bool:
    """"struck a vehicle of the Iraqi army's 5th division": an owner inside the act's object
    suffers it."""
    cur = tok.head
    for _ in range(8):
        if cur.i in (trigger_tok.i, head.i) or cur.head is cur:
            return False
        if cur.dep_ in ("dobj", "nsubjpass"):
            return True
        cur = cur.head
    return False


def _via_target(tok, trigger_tok) -> bool:
    """"airstrikes on the militants' retreat routes": the owner of the target is reached
    through a preposition of place or target, so it does not own the act."""
    cur = tok
    for _ in range(12):
        if cur.i == trigger_tok.i or cur.head is cur:
            return False
        if cur.dep_ == "prep" and cur.lower_ in TARGET_PREPOSITIONS:
            return True
        cur = cur.head
    return False


def _root(doc: Doc, a: ActorMatch):
    return doc[a.start : a.end].root


def assign_roles(
    doc: Doc, trigger: Trigger, actors: list[ActorMatch], attribution: Attribution
) -> Roles:
    """Who acts (actor1) and who is acted upon (actor2), from the parse with a word-order
    fallback."""
    cands = []
    for a in actors:
        if attribution.token_span and a.start >= attribution.token_span[0] and \
                a.end <= attribution.token_span[1]:
            continue
        before = doc[max(0, a.start - 3) : a.start].text.lower()
        if "according to" in before:
            continue
        if _is_speaker(doc[a.start : a.end].root):
            continue  # "police and hospital officials said": they report, they do not act
        span = attribution.token_span
        if span and any(c.dep_ == "conj" and span[0] <= c.i < span[1]
                        for c in doc[a.start : a.end].root.children):
            continue  # "..., police and medical sources said": a source, joined to one
        cands.append(a)
    if not cands:
        return Roles()
    cands = _collapse_members(doc, cands)
    trig_tok = doc[trigger.start : trigger.end].root
    head = trig_tok
    for _ in range(4):
        if head.tag_.startswith("VB") or head.tag_ == "MD" or head.head is head:
            break
        head = head.head
    agents, patients, unknown, opponents = [], [], [], []
    # "20 soldiers dead": the subject died; "gunmen shot dead a teacher": the subject killed
    shot_dead = doc[trigger.start].lower_ in ("shot", "gunned", "stabbed", "beaten")
    subject_is_patient = (trig_tok.lower_ in PATIENT_SUBJECT_TRIGGERS and not shot_dead) or \
        lemma_of(head) in PATIENT_SUBJECT_VERBS
    trigger_subtree = {t.i for t in trig_tok.subtree} if not trigger.is_verb else set()
    own_agents = []
    for a in cands:
        r = _root(doc, a)
        role = None
        if r.dep_ == "pobj" and r.head.lower_ == "by":
            # "a checkpoint run by HTS": the group owns the target, it is not the attacker
            chain = {trig_tok.i} | {t.i for t in trig_tok.ancestors}
            by_verb = r.head.head
            # "bomb attacks claimed by Da'esh": the noun the trigger word modifies counts too
            owner = trig_tok.head.i if trig_tok.dep_ in ("compound", "amod") else trig_tok.i
            # "the army, backed by Hezbollah fighters, liberated": a helper of the one acting
            role = "agent" if by_verb.i in chain or by_verb.head.i in (trig_tok.i, owner) or \
                by_verb.lower_ in SUPPORT_VERBS else "patient"
            if role == "patient" and by_verb.dep_ == "acl" and (
                    by_verb.head.tag_ in ("NNP", "NNPS")
                    or by_verb.head.lower_ in FEATURE_NOUNS | {"capital"}):
                continue  # "in Sanaa, controlled by the Huthis": who holds the place
        elif r.dep_ == "pobj" and r.head.lower_ in ("against", "on", "targeting", "at", "upon"):
            role = "patient"
        elif r.dep_ == "pobj" and r.head.lower_ == "of" and r.head.head.lower_ in SUFFERED_NOUNS:
            role = "patient"  # "documented the death of two civilians in Russian airstrikes"
        elif r.dep_ == "pobj" and r.head.lower_ == "between":
            role = "agent"  # "clashes between government troops and Houthi fighters"
        elif r.dep_ == "pobj" and r.head.lower_ == "with" and _fights(r.head.head):
            role = "opponent"  # "were killed in clashes with ISIS": the other side fought
        elif r.dep_ == "poss":
            # "ISIS's attack" acts; "strikes on the militants' routes" suffers
            role = "patient" if _via_target(r, trig_tok) or _in_object(r, trig_tok, head) \
                else "agent"
        elif r.dep_ == "nsubjpass":
            role = "patient"
        elif r.dep_ in ("nsubj",):
            # the subject of another clause ("after government forces withdrew") is no party
            # to this act
            chain = {trig_tok.i, head.i} | {t.i for t in trig_tok.ancestors}
            role = "agent" if r.head.i in chain or r.head.dep_ == "conj" and \
                r.head.head.i in chain else "other"
            if role == "agent" and r.head.i != trig_tok.i and lemma_of(r.head) in REACTION_VERBS:
                role = "other"  # "the United States condemns the attack": not its author
        elif r.dep_ in ("dobj",):
            role = "patient"
        elif r.dep_ == "conj":
            # conjoined with an earlier actor: same role as it ("the SAA and tribal forces")
            first = r.head
            while first.dep_ == "conj" and first.head is not first:
                first = first.head
            if first.dep_ in ("nsubj", "poss") or (first.dep_ == "pobj" and
                                                     first.head.lower_ == "by"):
                role = "agent"
            elif first.dep_ in ("dobj", "nsubjpass") or (
                first.dep_ == "pobj" and first.head.lower_ == "between"  # "between A and B"
            ):
                role = "patient"
        elif r.dep_ == "compound" or r.dep_ == "amod" or r.dep_ == "nmod":
            # "ISIS positions", "SAA troops"
            h = r.head
            while h.dep_ == "appos" and h.head is not h:
                h = h.head  # "Abu Jandal, an ISIL gang leader, was killed"
            if h.dep_ in ("nsubj",) or (h.dep_ == "pobj" and h.head.lower_ == "by"):
                role = "agent"
            elif h.dep_ in ("dobj", "nsubjpass") or (
                h.dep_ == "pobj" and h.head.lower_ in ("against", "on", "at", "of")
            ):
                role = "patient"
        if role is None:
            role = "agent" if a.start < trigger.start else "patient"
        if role == "other":
            unknown.append(a)
            continue
        if role == "opponent":
            opponents.append(a)
            continue
        if role == "agent" and subject_is_patient and r.dep_ in ("nsubj", "conj", "compound"):
            role = "patient"
        if role == "agent" and r.dep_ == "nsubj" and lemma_of(r.head) in PATIENT_SUBJECT_VERBS:
            role = "patient"
        if role == "agent" and not trigger.is_verb and (
            (r.head.i == trig_tok.i and r.dep_ in ("nsubj", "poss"))
            or (r.i in trigger_subtree and r.dep_ in ("poss", "pobj", "compound")
                and not _via_target(r, trig_tok))
        ):
            own_agents.append(a)
        (agents if role == "agent" else patients if role == "patient" else unknown).append(a)
    blamed = _blamed_party(doc, trig_tok, cands)
    if blamed is not None:
        # "Houthis blamed the coalition for the airstrike": the blamed one acts; the subject
        # only claims so.
        own_agents = [blamed]
        agents = [a for a in agents if a is not blamed]
        patients = [a for a in patients if a is not blamed]
        agents = [a for a in agents if _root(doc, a).dep_ != "nsubj"
                  or lemma_of(_root(doc, a).head) not in BLAME_VERBS]
    if own_agents:
        # "attacks by ISIS", "the group's shelling": the trigger names its own agent; the
        # clause's subject is then the one who suffered it.
        patients = [a for a in agents if a not in own_agents] + patients
        agents = own_agents
    # The side fought "with": the attacker when the sentence's subject suffered ("soldiers were
    # killed in clashes with ISIS"), else the one attacked ("the army clashed with ISIS").
    if opponents and not agents:
        agents, opponents = opponents[:1], opponents[1:]
    patients = opponents + patients
    # "In support of the Iraqi forces, coalition aircraft struck": the supported side is
    # associated with the act, the one acting is actor 1
    helped = [a for a in agents if any(t.lower_ in ("support", "backing", "behalf")
                                       or t.lower_ in SUPPORT_VERBS
                                       for t in list(_root(doc, a).ancestors)[:3])]
    if helped and len(helped) < len(agents):
        agents = [a for a in agents if a not in helped] + helped
    if not patients and lemma_of(trig_tok) in RECIPROCAL_VERBS and trigger.is_verb:
        # "Iraqi forces and Peshmerga fighters clashed": the two subjects fought each other
        other = next((a for a in agents[1:] if a.entry.name != agents[0].entry.name
                      and a not in helped), None)
        if other is not None:
            agents = [a for a in agents if a is not other]
            patients = [other]
    roles = Roles()
    if agents:
        roles.actor1 = agents[0]
        for a in agents[1:]:
            if a.entry.name != roles.actor1.entry.name:
                roles.assoc1.append(a)
    for a in patients + unknown:
        if roles.actor1 is not None and a.entry.name == roles.actor1.entry.name:
            continue
        if a in unknown and roles.actor2 is not None:
            continue
        if roles.actor2 is None:
            roles.actor2 = a
        elif a.entry.name != roles.actor2.entry.name:
            roles.assoc2.append(a)
    return roles


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
    r"^\s*[A-Z][A-Z'’.\- ]{2,40}(?:,\s*[A-Z][A-Za-z.\- ]{1,30}){0,2}"
    r"(?:,?\s+(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s*\d{4})?))?\s*(?:\([^)]{1,40}\))?\s*[-—–]+\s*"
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
    r"across (?:the country|Syria|Iraq|Yemen|Afghanistan|Libya|Somalia|Nigeria|Mali)|"
    r"nationwide|(?:the )?(?:total|overall|cumulative) (?:death )?toll|"
    r"(?:has|have) (?:killed|left|claimed the lives of)(?: more than| over| at least| some)? "
    r"(?:tens of thousands|hundreds of thousands|thousands|millions))\b",
    re.IGNORECASE,
)
PERIOD = re.compile(r"\b(?:last|this|past|previous)\s+(?:year|month|decade)\b|"
                    r"\bin\s+(?:19|20)\d\d\b", re.IGNORECASE)
PERFECT = re.compile(r"\b(?:has|have)\s+(?:been\s+)?\w+(?:ed|en)\b", re.IGNORECASE)
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


# "dead": "gunmen shot dead a teacher"
KILLING_WORDS = {"killed", "killing", "executed", "assassinated", "slain", "murdered",
                 "gunned", "dead", "stabbed", "shot", "martyred", "died"}
WOUNDING_WORDS = {"wounded", "wounding", "injured", "injuring", "injures", "wounds"}


def _counted_victims(doc: Doc, triggers: list[Trigger], words: set[str] = KILLING_WORDS) -> int:
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


def _person_taken(doc: Doc, trigger: Trigger) -> bool:
    root = doc[trigger.start : trigger.end].root
    for c in root.children:
        if c.dep_ in ("nsubjpass", "dobj") and (
            c.lower_ in PERSON_TAKEN or (c.tag_ == "NNP" and c.ent_type_ in ("", "PERSON")
                                         and c.dep_ == "nsubjpass" and len(list(c.lefts)) > 0)
        ):
            return True
    return False


def _generic_plural(doc: Doc, trigger: Trigger, p: _Parsed) -> bool:
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


def _speech_before(text: str, end: int) -> bool:
    """A speech verb just before `end` ("said on Sunday"): only the last words can hold it."""
    start = max(0, end - 120)
    if start:
        start = text.find(" ", start) + 1 or end
    return SPEECH_BEFORE_DATE.search(text, start, end) is not None


TOLD = re.compile(r"\btell(?:s|ing)?\b|\btold\b", re.IGNORECASE)


def _receivers(doc: Doc) -> list[tuple[int, int]]:
    """Whoever is told something ("his brother told Levant Wire"), accused or urged ("accusing
    Paris of supporting the jihadists") is not a place."""
    out: list[tuple[int, int]] = []
    if ACCUSED.search(doc_text(doc)):
        for tok in doc:
            if lemma_of(tok) in ACCUSING_VERBS:
                for c in tok.children:
                    if c.dep_ == "dobj" and c.tag_ in ("NNP", "NNPS"):  # a named party
                        out.append(_phrase_range(c))
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
    r"\b(?:the (?:next|following) day|a day later|the day after|the (?:previous|preceding) day|"
    r"a day earlier|the day before|(\w+) days? (later|earlier|before|after))\b",
    re.IGNORECASE,
)
COMES_AFTER = re.compile(r"\b(?:this|it|that|which)\s+(?:comes?|came)\s+(?:\w+\s+)?"
                         r"(?:days?\s+)?(?:after|before)\b", re.IGNORECASE)
SMALL_NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                 "1": 1, "2": 2, "3": 3, "4": 4, "5": 5, "6": 6, "7": 7}


def _narrative_shift(text: str) -> int | None:
    m = NARRATIVE_SHIFT.search(text)
    if m is None:
        return None
    phrase = m.group(0).lower()
    if COMES_AFTER.search(text[: m.end()]):
        # "This comes one day after the troops liberated X": X was the day before
        n = SMALL_NUMBERS.get((m.group(1) or "one").lower(), 1)
        return -n if "after" in phrase else n
    if m.group(1):
        n = SMALL_NUMBERS.get(m.group(1).lower())
        if n is None:
            return None
        return n if m.group(2).lower() in ("later", "after") else -n
    return 1 if any(w in phrase for w in ("next", "following", "later", "after")) else -1


# Datelines in title case: "Beirut (AFP) - ", "Rural Damascus, SANA - " (an outlet in
# brackets, or an agency's name in capitals, before the dash)
TITLE_DATELINE = re.compile(
    r"^\s*[A-Z][a-z'’.\-]+(?:\s[A-Z][a-z'’.\-]+){0,3}"
    r"(?:\s*\([^)]{1,40}\)|,\s*[A-Z]{2,8}(?:\s[A-Z][a-z]+)?)\s*[-—–]+\s*"
)


def _dateline(text: str) -> list[tuple[int, int]]:
    m = DATELINE.match(text) or TITLE_DATELINE.match(text)
    return [(m.start(), m.end())] if m else []


def _phrase_range(tok) -> tuple[int, int]:
    """Character range of a token's whole phrase (its subtree)."""
    return tok.left_edge.idx, tok.right_edge.idx + len(tok.right_edge.text)


def _char_ranges(doc: Doc, tokens: set[int]) -> list[tuple[int, int]]:
    return [(doc[i].idx, doc[i].idx + len(doc[i].text)) for i in tokens if i < len(doc)]


IMPACT_VERBS = {"hit", "strike", "target", "kill", "destroy", "wound", "injure", "damage",
                "level", "flatten", "pound", "rock", "struck", "targete"}


HISTORY_GAP = dt.timedelta(days=120)
YEARS_AGO = re.compile(r"\b(?:\d+|two|three|four|five|six|seven|eight|nine|ten|several|many)\s+"
                       r"(?:years|decades)\s+ago\b", re.IGNORECASE)
IN_YEAR = re.compile(r"\b(?:in|since|during|back in)\s+((?:19|20)\d\d)\b", re.IGNORECASE)
POLITICAL_DETAINEES = re.compile(
    r"\b(militants?|insurgents?|terrorists?|fighters?|members? of|cell|suspected|activists?|"
    r"protesters?|demonstrators?|journalists?|opposition|dissidents?|rebels?|jihadists?|"
    r"politicians?|candidates?|lawmakers?|officials?|leaders?|commanders?|collaborat\w+|"
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


def _plural_noun(doc: Doc, trigger: Trigger) -> bool:
    """A trigger noun that counts many acts ("several attacks", "a series of bombings")."""
    root = doc[trigger.start : trigger.end].root
    if trigger.is_verb or not root.tag_.startswith("NN"):
        return False
    return root.tag_ == "NNS" or any(c.lower_ in QUANTITY_WORDS for c in root.children)


def _attributed_past(doc: Doc, trigger: Trigger) -> bool:
    root = doc[trigger.start : trigger.end].root
    return any(a.lower_ in RECORD_WORDS for a in list(root.ancestors)[:5])


def _is_read_as_verb(doc: Doc) -> bool:
    """The acronym IS (Islamic State) parsed as the verb "is"."""
    return any(t.text == "IS" and t.tag_.startswith("VB") for t in doc)


def _present_main_clause(doc: Doc) -> bool:
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    return root is not None and root.tag_ in ("VBZ", "VBP") and \
        root.lower_ not in SPEAKING_VERBS and lemma_of(root) not in ("say", "report", "claim")


def _campaign_or_duration(doc: Doc, trigger: Trigger) -> bool:
    root = doc[trigger.start : trigger.end].root
    if root.lower_ in ("offensive", "offensives", "campaign", "operation", "operations") and \
            root.dep_ in ("nsubj", "nsubjpass") and lemma_of(root.head) in (
                "begin", "start", "launch", "continue", "end", "resume", "aim", "enter"):
        return True
    return bool(DURATION.search(doc_text(doc)))


def _historical(text: str, published: dt.date | None) -> bool:
    if YEARS_AGO.search(text):
        return True
    if published is None:
        return False
    years = [int(y) for y in IN_YEAR.findall(text)]
    if years and max(years) < published.year - 1:
        return True
    # "The coalition intervened in Yemen in March 2015": every date the sentence gives is
    # months before the report (ACLED codes what reports newly tell)
    dated = [e.date for e in find_date_expressions(text, published) if e.date is not None]
    return bool(dated) and max(dated) < published - HISTORY_GAP


def _political_arrest(actor1: ActorRef | None, actor2: ActorRef | None, text: str) -> bool:
    """ACLED codes arrests that are political: of armed or political people, or by forces
    acting in a conflict; not everyday policing."""
    if actor2 is not None and actor2.inter in (2, 3, 4, 6):
        return True
    if actor1 is not None and actor1.inter in (1, 2, 3, 8) and \
            not actor1.name.startswith("Police Forces"):
        return True
    return bool(POLITICAL_DETAINEES.search(text))


def _names_a_facility(doc: Doc, pl: PlaceMention) -> bool:
    span = doc.char_span(pl.start, pl.end, alignment_mode="expand")
    return span is not None and span.end < len(doc) and doc[span.end].lower_ in FACILITY_NOUNS


def _conducted(doc: Doc, trigger: Trigger) -> bool:
    """"Coalition aircraft conducted a precision strike": a noun made an act by its verb."""
    root = doc[trigger.start : trigger.end].root
    head = root.head
    return root.dep_ == "dobj" and head.tag_ in ("VBD", "VBN") and lemma_of(head) in (
        "conduct", "carry", "launch", "stage", "mount", "execute", "perform", "unleash")


def _definite_noun(doc: Doc, trigger: Trigger) -> bool:
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


def _place_in_subtree(doc: Doc, trigger: Trigger, places: list[PlaceMention], offset: int
                      ) -> bool:
    root = doc[trigger.start : trigger.end].root
    scope = {t.i for t in root.subtree}
    if root.dep_ == "nsubj" and lemma_of(root.head) in IMPACT_VERBS:
        # "The airstrike hit a hotel in Saada": the place of the impact
        scope |= {t.i for t in root.head.subtree}
    for pl in places:
        span = doc.char_span(pl.start - offset, pl.end - offset, alignment_mode="expand")
        if span is not None and span.root.i in scope:
            return True
    return False


def _has_date(text: str, published: dt.date | None) -> bool:
    return any(e.date is not None for e in find_date_expressions(text, published))


def _has_day(text: str, published: dt.date | None) -> bool:
    return any(e.date is not None and e.precision == 1
               for e in find_date_expressions(text, published))


def _civilian_patient(doc: Doc, trigger: Trigger) -> bool:
    """"a teacher was shot dead", "gunmen killed a doctor": the victim is a civilian."""
    root = doc[trigger.start : trigger.end].root
    for t in [root, *root.children, *(root.head.children if root.head is not root else [])]:
        if t.dep_ in ("nsubjpass", "dobj") and (
            t.lower_ in CIVILIAN_NOUNS or t.lower_ in EXTRA_CIVILIANS
        ) and not any(m.lower_ in ARMED_MODIFIERS for m in t.children):
            return True
    return False


def _act_places_first(doc: Doc, trigger: Trigger, places: list[PlaceMention], offset: int
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


def _is_headline(sent: Sentence) -> bool:
    """The title, or a clause of a title of two stories; never a one-line text's only line."""
    return sent.headline


def _place_in_object(doc: Doc, trigger: Trigger, places: list[PlaceMention], offset: int) -> bool:
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


GROUND_NOUNS = {"village", "villages", "town", "towns", "city", "district", "districts", "area",
                "areas", "hamlet", "hamlets", "neighbourhood", "neighborhood", "neighbourhoods",
                "neighborhoods", "suburb", "suburbs", "hill", "hills", "base", "airport",
                "border crossing", "crossing", "outpost", "territory"}
TERRITORY_SUBS = {
    "Government regains territory",
    "Non-state actor overtakes territory",
    "Non-violent transfer of territory",
}


_COORDINATION = re.compile(
    r"^[\s,]*(?:village|town|city|area|villages|towns)?\s*(?:,|\band\b|\bor\b)[\s,]*"
    r"(?:and\s+)?(?:(?:near|in|at|outside|around)\s+)?(?:the\s+)?"
    r"(?:(?:nearby|neighbou?ring|adjacent|surrounding)\s+)?"
    r"(?:(?:area|areas|village|villages|town|towns|outskirts|hamlet)\s+of\s+)?(?:the\s+)?$",
    re.IGNORECASE,
)


def coordinated_places(m: Mention, text: str) -> list[PlaceMention]:
    """The places a sentence lists side by side ("A, B and C", "near A and at B"); an anchor
    ("A near the Euphrates", "A east of B") is not one of them."""
    own = sorted(
        (p for p in m.places if p.role in ("at", "near", "countryside")
         and m.sentence.start <= p.start < m.sentence.end and not is_country(p.text)),
        key=lambda p: p.start,
    )
    best: list[PlaceMention] = []
    run: list[PlaceMention] = []
    for p in own:
        if run and _COORDINATION.match(text[run[-1].end : p.start]):
            run.append(p)
        else:
            run = [p]
        if len(run) > len(best):
            best = list(run)
    if best and re.search(r"\b(?:between|linking|connecting|joining|bordering|including|"
                          r"such as|like|from)\s+(?:the\s+)?(?:\w+\s+of\s+)?$",
                          text[max(0, best[0].start - 30) : best[0].start], re.IGNORECASE):
        return []  # "the road between A and B", "the desert linking A, B and C": one place
    if len(best) > 1 and not any(
            re.search(r"\b(?:and|or)\b|&", text[a.end : b.start])
            for a, b in zip(best, best[1:], strict=False)):
        return []  # "in Wadi Houran, Anbar, on Monday": a place and its province, no list
    return best


# "Meanwhile, ISIS units attacked ...": another incident, which does not take the place of the
# one told before
NEW_INCIDENT = re.compile(r"\s*(?:Meanwhile|Separately|Elsewhere|In (?:a |another )?separate "
                          r"(?:development|incident|attack)|In another (?:development|incident))\b")
DAY_JOIN = re.compile(r"^\s*(?:,\s*)?(?:and|&)\s+(?:on\s+)?$|^\s*,\s*$")


def split_by_day(m: Mention, published: dt.date | None) -> list[Mention]:
    """ACLED codes one event per day: "clashed on Saturday and Sunday, leaving 10 dead" is two
    events, the figures divided between the days (the remainder to the first)."""
    if m.date is None or m.time_precision != 1:
        return [m]
    text = m.sentence.text
    days = [e for e in find_date_expressions(text, published)
            if e.date is not None and e.precision == 1]
    if len(days) < 2 or m.date not in {d.date for d in days}:
        return [m]
    runs = [[days[0]]]
    for d in days[1:]:
        if DAY_JOIN.match(text[runs[-1][-1].end : d.start]):
            runs[-1].append(d)
        else:
            runs.append([d])
    run = max(runs, key=len)  # "on Saturday and Sunday", not the dateline's "March 6"
    dates = sorted({d.date for d in run})
    if len(run) < 2 or len(dates) < 2 or (dates[-1] - dates[0]).days > 7:
        return [m]
    k = len(dates)
    out = []
    for i, day in enumerate(dates):
        copy = replace(m, date=day)
        copy.fatalities = divide_count(m.fatalities, i, k)
        copy.injuries = divide_count(m.injuries, i, k)
        if i > 0:
            copy.materiel = []
        out.append(copy)
    return out


EACH = re.compile(r"\b(?:in|at|from) each\b|\beach of (?:the|them|these)\b", re.IGNORECASE)


def split_by_place(m: Mention, text: str) -> list[Mention]:
    """ACLED codes one event per location: "liberated A, B and C" is three events, and the
    figures of one incident told at several places are divided among them (ACLED's rule),
    the remainder going to the first; materiel stays with the first."""
    listed = coordinated_places(m, text)
    if len(listed) < 2:
        return [m]
    others = [p for p in m.places if p not in listed]
    out = []
    k = len(listed)
    # "killing five people in each": the figure is every place's own
    each = EACH.search(m.sentence.text) is not None
    for i, place in enumerate(listed):
        copy = replace(m, places=[place] + others, split_index=i, split_count=k)
        copy.fatalities = m.fatalities if each else divide_count(m.fatalities, i, k)
        copy.injuries = m.injuries if each else divide_count(m.injuries, i, k)
        if i > 0:
            copy.materiel = []
        out.append(copy)
    return out


def divide_count(count: Count | None, index: int, parts: int) -> Count | None:
    """The share of a figure that goes to the index-th of `parts` places."""
    if count is None or parts <= 1:
        return count
    total = count_to_fatalities(count)
    share = total // parts + (1 if index < total % parts else 0)
    return Count(value=share, approximate=count.approximate or count.value is None)


def _sum_counts(counts: list[Count]) -> Count | None:
    if not counts:
        return None
    if len(counts) == 1:
        return counts[0]
    total = sum(count_to_fatalities(c) for c in counts)
    return Count(value=total, approximate=any(c.approximate or c.value is None for c in counts))


def _merge_places(own: list[PlaceMention], found: list[PlaceMention]) -> list[PlaceMention]:
    out = list(own)
    for f in found:
        if not any(o.start < f.end and f.start < o.end for o in own):
            out.append(f)
    return sorted(out, key=lambda p: p.start)


__all__ = ["MentionExtractor", "assign_roles", "Span"]


# The trigger kind the rules would give an act of each sub-type, for sentences only the coder
# reads as events: the kind steers how arguments are read (a territory verb's object is the
# place taken, a strike's attacker is the state with the air force).
MODEL_KINDS = {sub: kind for kind, sub in SIMPLE_KINDS.items()} | {
    "Armed clash": "clash",
    "Government regains territory": "territory",
    "Non-state actor overtakes territory": "territory",
    "Peaceful protest": "protest",
    "Protest with intervention": "protest",
    "Violent demonstration": "riot",
    "Mob violence": "riot",
    "Attack": "vac_kill",
}
# Pairs the rules tell apart better than the coder: which side took ground depends on who
# the actors are, which the catalogue knows.
ACTOR_DECIDED = {"Government regains territory", "Non-state actor overtakes territory"}
VIOLENT_TYPES = {"Battles", "Explosions/Remote violence", "Violence against civilians"}


@dataclass(frozen=True, slots=True)
class CoderPolicy:
    """How far the coder's reading overrides the rules (probabilities, tuned on real dev)."""

    new_event: float = 0.8  # a sentence no rule reads becomes an event when the coder gives
    # one sub-type this probability
    confirm: float = 0.5  # the rules' background tests give way when the coder reads an event
    # this surely
    retype_at: float = 0.9  # the coder's sub-type replaces the rules' at this probability...
    doubt: float = 0.05  # ... when it gives the rules' own sub-type less than this
    drop: float = 0.3  # a rule's event is dropped when the coder reads no event this surely

    def retype(self, coding: Coding, sub: str | None, event_type: str
               ) -> tuple[str | None, str]:
        best, prob = coding.best
        if prob < self.retype_at or best == sub:
            return sub, event_type
        if sub is not None and coding.probs.get(sub, 0.0) >= self.doubt:
            return sub, event_type  # the rules read a trigger the coder does not rule out
        if sub in ACTOR_DECIDED and best in ACTOR_DECIDED:
            return sub, event_type
        return best, SUB_EVENT_TO_TYPE[best]


def _model_trigger(doc: Doc, coding: Coding, policy: CoderPolicy) -> Trigger | None:
    """A trigger for a sentence the coder reads as an event and no rule does: the sentence's
    main verb stands for the act."""
    best, prob = coding.best
    if prob < policy.new_event:
        return None
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if root is None:
        return None
    return Trigger(MODEL_KINDS[best], root.i, root.i + 1, root.text,
                   is_verb=root.pos_ in ("VERB", "AUX"))


def _codable(text: str) -> bool:
    """Worth the coder's time: a sentence of some words, not a dateline or a menu item."""
    return len(text) >= 20 and text.count(" ") >= 3
