"""From an article to mentions: one event as one sentence tells it.

The cascade: split sentences (rules), keep those the trigger filter passes (one regex), parse
only those with spaCy, then read triggers, actors and their roles, figures, materiel, places,
dates and the claimant from each parse. Context that crosses sentences (the date last named,
the place of "the town", the source of "the statement") is carried in `ArticleContext`.

This module runs the cascade and builds each mention; the stages it calls live beside it:
`sentences` (splitting), `triggers` (acts), `countries` (which war a text is about), `roles`
(who did what to whom), `figures` and `numbers` (tolls), `places`, `dates`, `attribution`
(claimants), `article_sides` (the sides and campaigns a whole article names), `implicit_actors`
(the sides a sentence leaves unnamed, as ACLED codes them), `background` (what is not an
incident), `incidents` (one mention into several) and `coder_policy` (where the learned coder
overrides the rules).
"""

from __future__ import annotations

import datetime as dt
import os
import re
from dataclasses import replace

from spacy.tokens import Doc

from frontwatch.actors.catalog import (
    ActorCatalog,
    ActorEntry,
    ActorMatch,
    defined_acronyms,
    out_of_scope,
    redefined_acronym,
    regional_coalition,
)
from frontwatch.clean import ARCHIVE_CAPTION
from frontwatch.extraction.acled_sides import communal_kind, militia
from frontwatch.extraction.article_context import ArticleContext
from frontwatch.extraction.article_sides import ArticleSides
from frontwatch.extraction.attribution import (
    SURNAME,
    Attribution,
    ClaimantFinder,
    full_name_before,
)
from frontwatch.extraction.background import (
    AGGREGATE,
    AIR_WORDS,
    ARTICLE_AIR_CONTEXT,
    ATTEMPT,
    DENIAL,
    GIVING_UP,
    HISTORY_GAP,
    PERFECT,
    PERFECT_SINCE,
    PERIOD,
    POLICE_WORDS,
    SO_FAR,
    SOLDIER_WORDS,
    WOUNDING_WORDS,
    act_places_first,
    attributed_past,
    campaign_or_duration,
    char_ranges,
    civilian_patient,
    counted_victims,
    dateline_spans,
    definite_noun,
    generic_plural,
    has_date,
    has_day,
    historical,
    is_conducted,
    is_headline,
    is_read_as_verb,
    names_a_facility,
    narrative_shift,
    own_clause_places,
    person_taken,
    place_in_object,
    place_in_subtree,
    plural_noun,
    political_arrest,
    present_main_clause,
    receivers,
    speech_before,
)
from frontwatch.extraction.classify import classify
from frontwatch.extraction.coder import Coding, SentenceCoder
from frontwatch.extraction.coder_policy import (
    ARMED_INTERS,
    CoderPolicy,
    codable,
    model_trigger,
    second_act_trigger,
)
from frontwatch.extraction.countries import country_heading, country_hits, most_named
from frontwatch.extraction.dates import DateExpression, find_date_expressions
from frontwatch.extraction.figures import CasualtyFigure, FigureFinder
from frontwatch.extraction.gate import SentenceGate
from frontwatch.extraction.implicit_actors import ImplicitActors
from frontwatch.extraction.incidents import (
    NEW_INCIDENT,
    merge_places,
    split_by_day_and_place,
    sum_counts,
)
from frontwatch.extraction.lemmas import lemma_of
from frontwatch.extraction.lexicon import Lexicon
from frontwatch.extraction.means import split_by_means
from frontwatch.extraction.model_roles import (
    apply_role_reading,
    places_read_as_act,
    role_candidates,
)
from frontwatch.extraction.numbers import MONTH_WORD, count_to_fatalities, find_counts
from frontwatch.extraction.parsed import ParsedSentence
from frontwatch.extraction.places import (
    FACILITY_NAME,
    INSTITUTION,
    NOT_PLACE_NAMES,
    adjective_name,
    find_places,
    is_country,
    is_demonym,
    mark_containers,
    names_people,
    origin_of_people,
    places_told_after,
    role_of,
)
from frontwatch.extraction.report_year import report_year
from frontwatch.extraction.roles import (
    ALSO_KILLED,
    BELIEVED_STATE,
    ENEMY_NOUNS,
    LAUNCHING,
    METALANGUAGE,
    NO_CASUALTIES,
    OTHER_DEAD,
    RESPONSIBILITY,
    SEIZED_WEAPONS,
    accusers,
    assault_author,
    assign_roles,
    clock_places,
    destinations,
    headline_passive,
    owner_word,
    pronoun_subject,
    repelled_assault,
    rival_clause,
    seizes_weapons,
    source_denies,
    source_places,
)
from frontwatch.extraction.sentences import Sentence, split_sentences
from frontwatch.extraction.subject_period import subject_period
from frontwatch.extraction.title_case import common_words
from frontwatch.extraction.triggers import FIGHTER_NOUNS, STRATEGIC, Trigger, TriggerFinder
from frontwatch.model import (
    SUB_EVENT_TO_TYPE,
    VIOLENT_TYPES,
    ActorRef,
    Count,
    Evidence,
    Materiel,
    Mention,
    PlaceMention,
)
from frontwatch.nlp import doc_text, load_pipeline, seed_text

# Where one clause of a sentence ends and another begins ("Although ..., renewed clashes")
_CLAUSE_BREAK = re.compile(r"[,;:]\s|\b(?:although|after|before|following|since|while|"
                           r"whereas|when|but)\b", re.IGNORECASE)
PROTEST_WORDS = re.compile(r"\b(?:demonstrations?|demonstrators|protests|protesters|"
                           r"protestors|rallies)\b", re.IGNORECASE)
RIOT_ACTS = re.compile(
    r"\b(?:threw|throwing|hurled|hurling|pelted|pelting)\b.{0,40}\b(?:stones?|rocks?|Molotov|"
    r"petrol bombs?|firebombs?|bottles|fireworks)\b|\b(?:set fire to|torched|vandali[sz]ed|"
    r"ransacked|looted|stormed)\b", re.IGNORECASE)
FIRED_ON = re.compile(r"\b(?:fired (?:up)?on|opened fire on|shot at|fired live ammunition at)\b",
                      re.IGNORECASE)
THE_AREA = re.compile(r"\bin the (?:province|district|city|town|area|region|county|state)\b",
                      re.IGNORECASE)
PROVINCE_AFTER = re.compile(r"\s+(?:province|district|county|governorate|state)\b",
                            re.IGNORECASE)
FUTURE_BEFORE = re.compile(r"\b(?:will|would|shall|is due to|are due to|is scheduled to|is "
                           r"expected to)\b[^.;]*$", re.IGNORECASE)
# A bulletin's section heading in capitals: "COLOMBIA: CONFLICT & VIOLENCE", "KEY FIGURES".
SECTION_HEADING = re.compile(r"\s*[A-Z][A-Z0-9 &:,;'’()/+-]{2,80}\s*")
ADMIN_AREA = re.compile(r"\b(?:County|District|Province|State|Governorate|Region|Oblast|"
                        r"Department|Prefecture|Municipality|Raion)\b")
SINCE_BEFORE = re.compile(r"\bsince\s+(?:early\s+|late\s+|mid-?)?$", re.IGNORECASE)
# "Demonstrations that began on April 13 continue throughout Yerevan": the day a spell began,
# told in a clause of what still goes on, is not the day the report tells of
BEGAN_BEFORE = re.compile(r"\b(?:that|which)\s+(?:began|started|erupted|broke\s+out)\s+"
                          r"(?:on\s+|in\s+)?$", re.IGNORECASE)
GOES_ON = re.compile(r"\b(?:continues?|continued|continuing|are\s+continuing|is\s+continuing|"
                     r"remains?\s+ongoing|are\s+ongoing|is\s+ongoing)\b", re.IGNORECASE)
# "has continued across Kunduz province since 22 May", "remain suspended since 14 December
# due to ongoing clashes": a spell told on the report's day, which the day it began does not
# date.
STILL_GOING = re.compile(r"\b(?:continues?|continued|continuing|ongoing|remains?|persists?|"
                         r"persisted)\b", re.IGNORECASE)
# Equipment destroyed is an act even with no attack word ("destroyed a T-90 tank near X").
MATERIEL_FATE = re.compile(r"\b(?:destroyed|destroying|damaged|knocked out|blew up|blown up)\b",
                           re.IGNORECASE)
# "the Armed Forces of the Russian Federation": the state after its forces, often by its formal
# name (mapped to the name the actor file's `states` use).
STATE_AFTER = re.compile(r"\s+of\s+(?:the\s+)?([A-Z][\w-]+(?:\s+[A-Z][\w-]+){0,3})")
FORMAL_STATE_NAMES = {
    "russian federation": "Russia",
    "united states of america": "United States",
    "syrian arab republic": "Syria",
    "islamic republic of iran": "Iran",
    "republic of iraq": "Iraq",
    "republic of yemen": "Yemen",
    "state of israel": "Israel",
    "republic of mali": "Mali",
    "republic of the sudan": "Sudan",
}
# Bulletins count the other side's dead as its losses: "the enemy lost up to 40 servicemen",
# "Ukrainian losses amounted to up to 55 servicemen".
LOSSES = re.compile(r"\b(?:lost|losing|losses)\b", re.IGNORECASE)
WITHOUT_FIGHT = re.compile(r"\bwithout (?:a fight|resistance|any resistance|fighting|a shot)\b",
                           re.IGNORECASE)
# A part of a city: "al-Hamdaniya neighborhood" in "In Aleppo, ..." is in Aleppo
CITY_PART = re.compile(r"\s+(?:neighbou?rhoods?|quarters?|district|streets?|square|suburbs?)\b",
                       re.IGNORECASE)
CLAIMED_TO_HAVE = re.compile(r"\bclaim(?:ed|s|ing)?\s+to\s+have\b", re.IGNORECASE)
CLAIMED_RESPONSIBILITY = re.compile(r"\bclaim(?:ed|s|ing)\s+(?:the\s+)?responsibility\b",
                                    re.IGNORECASE)
# Trigger kinds of political violence, whose author is never a civilian
VIOLENT_KINDS = {"air", "shelling", "clash", "ied", "suicide", "grenade", "chemical", "kill",
                 "vac_kill", "abduction", "sexual"}
# A sentence that opens on a place: "In Deir Ezzor, ...", "In the Idlib countryside, ..."
FRAMING = re.compile(r"\s*(?:Meanwhile,\s*|Elsewhere,\s*)?In\s+(?:the\s+)?[A-Z][^,;]{1,40},")
SPEECH_AFTER_DATE = re.compile(
    r",?\s+(?:the\s+)?[A-Z][\w.’'()-]*(?:\s+[\w.’'()-]+){0,5}?\s+(?:said|says|announced|reported|"
    r"claimed|confirmed|stated|told|added)\b")
# "the March 26 report stated that on March 18, soldiers executed two men": the day of a
# document, not of what it tells
DOCUMENT_AFTER_DATE = re.compile(
    r"\s+(?:report|statement|press\s+release|release|communiqu[eé]|briefing|update|bulletin|"
    r"letter)s?\s+(?:said|says|stated|states|noted|notes|reported|reports|found|finds|"
    r"documented|documents|indicated|indicates|announced|confirmed)\b", re.IGNORECASE)
# "Amaq on Wednesday rejected claims that Bayji had been retaken on Tuesday": the day before a
# verb of saying is the statement's, when the sentence dates the act too.
SPEECH_RIGHT_AFTER_DATE = re.compile(
    r",?\s+(?:said|says|announced|reported|claimed|confirmed|stated|told|added|denied|rejected|"
    r"dismissed|refuted)\b")
# A post or bulletin that opens on the place it is about, as a line of its own: "Vovchansk.",
# "Pokrovsk again.", "Kherson, 12 November." Its "the town" is that place.
PLACE_HEADING = re.compile(
    r"\s*(?P<name>[A-Z][\w'’-]+(?:[ -][A-Z][\w'’-]+){0,3})"
    r"(?:\s+again|\s+today|\s+tonight|,\s+[\w ]{1,25})?[.:!]?\s*$")
PLACE_ANAPHORA = re.compile(
    r"\b(the (?:town|village|city|area|region|district|neighbo(?:u)?rhood|base|airport|field|"
    r"fields|operation|clashes|fighting|attack|attacks|battle|assault|raid|raids|offensive)|"
    r"during the|in the clashes|in the fighting|in the attack)\b",
    re.IGNORECASE,
)

# A word by which a speaker says an act did not happen: only such sentences are searched for a
# denied act.
DENY_WORD = re.compile(r"\b(?:denied|denies|deny|denying|rejected|rejects|dismissed|dismisses|"
                       r"refuted|refutes)\b", re.IGNORECASE)

# "denied that Russian troops had taken Toretsk", "rejected claims the city had fallen": a
# capture denied in words that state no capture when they are read as fact ("taken" to hospital)
DENIED_FALL = re.compile(
    r"\b(?:denied|denies|rejected|rejects|dismissed|dismisses|refuted|refutes)\b[^;]{0,120}?"
    r"\b(?:had|has|have)\s+(?:been\s+)?(?:taken|fallen)\b", re.IGNORECASE)


# The statistical NER, the attribute ruler (coarse POS from tags) and the lemmatizer cost more
# than half of the pipeline's time and the
# extractor does not need them: places come from cue words and the gazetteer, verb lemmas from
# `lemma_of`. FRONTWATCH_NER=1 turns NER back on (e.g. with a transformer pipeline).
FAST_DISABLED = ("lemmatizer", "ner", "attribute_ruler")


# A date that modifies the act's noun: "the Saturday attack", "Monday's artillery barrage"
ACT_AFTER_DATE = re.compile(
    r"(?:'s|’s)?\s+(?:\w+\s+)?(?:attacks?|strikes?|air ?strikes?|airstrikes?|barrages?|"
    r"shelling|bombings?|blasts?|explosions?|raids?|clashes|fighting|assaults?|ambush(?:es)?|"
    r"killings?|massacres?|offensive|rocket fire|drone attacks?)\b", re.IGNORECASE)
_ENDS_CLAUSE = (".", "!", "?", '"', "”", "'", "’", ":", ";", ")")


def _punctuated(text: str) -> str:
    """A headline, a snippet or a list item without a final full stop, with one: the parser
    reads "Gunmen kill 12 villagers in central Mali" as a noun phrase without it."""
    stripped = text.rstrip()
    if not stripped or stripped.endswith(_ENDS_CLAUSE):
        return text
    return stripped + " ."


def _unpunctuated(doc: Doc, text: str) -> Doc:
    """The parse of a sentence given a full stop, without the full stop's token: the tokens
    and offsets are the sentence's own again."""
    if not text.endswith(" .") or len(doc) < 2 or doc[-1].text != ".":
        return doc
    return doc[:-1].as_doc()


# A toll counted over a span of days: "Between 26 and 27 December, ...", "Between the
# afternoons of 26 and 27 December, ..." (days of a month: not "Between 20 and 30 people")
PERIOD_TOLL = re.compile(rf"\W*[Bb]etween\s+(?:the\s+\w+\s+of\s+)?\d{{1,2}}"
                         rf"(?:\s+{MONTH_WORD})?\s+and\s+\d{{1,2}}\s+{MONTH_WORD}(?!\w)")


def witnesses(doc: Doc, speaker: ActorRef) -> str | None:
    """The whole subject a civilian speaker is part of ("Health workers and community
    members"), as written, without its article."""
    # the speaker was resolved within the sentence: its offsets are the sentence's
    span = doc.char_span(speaker.start, speaker.end, alignment_mode="expand") \
        if speaker.start is not None and speaker.end is not None else None
    if span is None:
        return None
    tok = span.root
    while tok.dep_ in ("conj", "compound", "amod") and tok.head is not tok:
        tok = tok.head
    if tok.dep_ != "nsubj":
        return None
    words = [t for t in tok.subtree if not t.is_punct]
    if not words or len(words) > 8:
        return None
    text = doc[words[0].i : words[-1].i + 1].text
    return re.sub(r"^(?:the|a|an|some)\s+", "", text, flags=re.IGNORECASE)


def _subject(tok, trigger: Trigger) -> bool:
    """Whether a phrase is the active subject of the act's verb, through the words it is
    part of ("Dozens of Islamic State fighters attacked ...")."""
    while tok.head is not tok and (tok.dep_ in ("compound", "amod", "appos") or (
            tok.dep_ == "pobj" and tok.head.lower_ == "of") or (
            tok.dep_ == "prep" and tok.lower_ == "of")):
        tok = tok.head  # only through "of": "Fighting between X" is not X acting
    if tok.dep_ == "pobj" and tok.head.dep_ == "agent":
        # "Eight militants were killed by security forces": the agent of the passive acts
        return trigger.start <= tok.head.head.i < trigger.end
    if tok.dep_ != "nsubj" or headline_passive(tok.head):
        return False
    if trigger.start <= tok.head.i < trigger.end:
        return True
    # "security forces killed eight militants in a raid": the act named in a phrase of the
    # subject's own verb
    act = tok.doc[trigger.start:trigger.end].root
    while act.dep_ in ("pobj", "prep") and act.head is not act:
        act = act.head
    if act.i == tok.head.i and act.i not in range(trigger.start, trigger.end) and not any(
            c.dep_ == "auxpass" for c in act.children):
        return True
    # "Russian forces launched two attacks": the subject of the verb that carries the act out
    return lemma_of(tok.head) in LAUNCHING and any(
        c.dep_ == "dobj" and trigger.start <= c.i < trigger.end for c in tok.head.children)


def _adjective_place(doc, pl: PlaceMention) -> bool:
    span = doc.char_span(pl.start, pl.end)
    return span is not None and adjective_name(span)


def _within(day: dt.date, precision: int, period: dt.date, period_precision: int) -> bool:
    """Whether a more precise date falls in a vaguer one's period (a week, a month)."""
    if precision >= period_precision:
        return False
    if period_precision >= 3:
        return (day.year, day.month) == (period.year, period.month)
    return abs((day - period).days) <= 3


_MONEY = {"fund", "funds", "funding", "money", "financing", "grant", "grants", "budget",
          "million", "billion", "dollars", "pledges"}


def _money_secured(doc: Doc, trigger: Trigger) -> bool:
    """"More funds have been secured for the response": money, not ground, was secured; the
    state's forces are not to be made the victors of an appeal."""
    return any(c.dep_ in ("nsubj", "nsubjpass", "dobj") and c.lower_ in _MONEY
               for t in doc[trigger.start:trigger.end] for c in t.children)


class MentionExtractor:
    def __init__(self, model: str | None = None, use_ner: bool | None = None,
                 coder: SentenceCoder | None = None,
                 policy: CoderPolicy | None = None,
                 gate: SentenceGate | None = None) -> None:
        # With a coder (the model engine) the learned model decides which sentences tell
        # events and of what type; the rules read their arguments (actors, places, dates,
        # figures, claims). Without one, the rules decide everything.
        self.coder = coder
        self.policy = policy or CoderPolicy.for_coder(coder)
        # Without a gate the coder reads every sentence; with one, only the rules' candidates
        # and the sentences the gate says could hold an event (gate.py says why)
        self.gate = gate
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
        self.implicit = ImplicitActors(self.actors, self.nlp)
        self.article_sides = ArticleSides(self.actors)
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
        by_rules = [{s.index for s in sentences if self._rule_candidate(s.text)}
                    for sentences in split]
        codings = self._code(split, by_rules)
        for n, (article, sentences) in enumerate(zip(articles, split, strict=True)):
            coded = codings[n]
            candidates = [s for s in sentences
                          if s.index in by_rules[n]
                          or (s.index in coded
                              and coded[s.index].best[1] >= self.policy.new_event)]
            plans.append((article, sentences, candidates))
            texts.extend(_punctuated(s.text) for s in candidates)
        docs = iter(self._parse_all(texts))
        out = []
        for n, (article, sentences, candidates) in enumerate(plans):
            body = " ".join(s.text for s in sentences)
            air = bool(ARTICLE_AIR_CONTEXT.search(body))
            hits = country_hits(article.text)
            defined = defined_acronyms(article.text)
            parsed = [self._parse(s, seed_text(next(docs), s.text), air, hits, defined)
                      for s in candidates]
            for p in parsed:
                p.coding = codings[n].get(p.sentence.index)
            if not parsed:
                out.append([])
                continue
            found = toponyms[n] if toponyms is not None else (
                self.place_finder(article.text) if self.place_finder is not None else None)
            out.append(self._mentions(article, sentences, parsed, found, hits, defined))
        return out

    def _parse_all(self, texts: list[str]) -> list[Doc]:
        """The parse of each text, in order. A text met twice (a wire paragraph in two
        articles of a batch) is parsed once; a repeat gets a copy, so no doc is shared."""
        distinct = list(dict.fromkeys(texts))
        parses = {text: _unpunctuated(doc, text) for doc, text in zip(
            self.nlp.pipe(distinct, batch_size=256, disable=self.disabled), distinct,
            strict=True)}
        seen: set[str] = set()
        docs = []
        for text in texts:
            docs.append(parses[text].copy() if text in seen else parses[text])
            seen.add(text)
        return docs

    def _rule_candidate(self, text: str) -> bool:
        return bool(self.triggers.may_hold_event(text) or DENIAL.search(text)
                    or DENIED_FALL.search(text) or MATERIEL_FATE.search(text)
                    or LOSSES.search(text))

    def _code(self, articles: list[list[Sentence]], by_rules: list[set[int]]
              ) -> list[dict[int, Coding]]:
        """The coder's reading of every sentence worth reading, per article (sentence index ->
        coding); empty without a coder. All articles' sentences run as one batch. Sentences
        the rules do not hold are read only when the gate lets them through."""
        if self.coder is None:
            return [{} for _ in articles]
        wanted = [(n, s) for n, sentences in enumerate(articles) for s in sentences
                  if codable(s.text)]
        if self.gate is not None:
            others = [(n, s) for n, s in wanted if s.index not in by_rules[n]]
            passed = {(n, s.index) for (n, s), ok in zip(
                others, self.gate.maybe_event([s.text for _, s in others]), strict=True) if ok}
            wanted = [(n, s) for n, s in wanted
                      if s.index in by_rules[n] or (n, s.index) in passed]
        codings = self.coder.code([s.text for _, s in wanted])
        out: list[dict[int, Coding]] = [{} for _ in articles]
        for (n, s), coding in zip(wanted, codings, strict=True):
            out[n][s.index] = coding
        return out

    def _mentions(self, article, sentences: list[Sentence], parsed: list[ParsedSentence],
                  toponyms: list[PlaceMention] | None = None,
                  hits: list[tuple[int, str]] | None = None,
                  acronyms: dict[str, str] | None = None) -> list[Mention]:
        text = article.text
        if hits is None:
            hits = country_hits(text)
        covers = report_year(text, article.published)
        subject = None if covers else subject_period(text, article.published)
        if subject is not None and article.published is not None \
                and subject[0] >= article.published - HISTORY_GAP:
            subject = None  # a recent subject is news by the publication date already
        ctx = ArticleContext(
            article_country=most_named(hits, article.kept or [(0, len(text))]),
            published=dt.date(covers, 12, 31) if covers else article.published,
            news_from=dt.date(covers, 1, 1) if covers else subject[0] if subject else None,
            dominant_group=self.article_sides.dominant_group(parsed),
            dominant_by_country=self.article_sides.dominant_by_country(parsed),
            toponyms=toponyms,
            one_line=len(sentences) == 1,
            sections=tuple(s.paragraph for s in sentences if SECTION_HEADING.fullmatch(s.text)),
        )
        by_index = {p.sentence.index: p for p in parsed}
        # every sentence's actors, not only the candidates': a briefing names "Russian forces"
        # in sentences that tell no act, then "heavy bombardment in Kharkiv" without them
        if acronyms is None:
            acronyms = defined_acronyms(text)
        named: dict[int, list[ActorMatch]] = {}
        for sent in sentences:
            p = by_index.get(sent.index)
            named[sent.index] = p.actors if p is not None else self._actors_of(
                sent, acronyms, frozenset(c for _, c in hits))
        campaigns = self.article_sides.campaigns(text, ctx.article_country)
        ctx.communal = communal_kind(text)
        ctx.remote_actor = self.article_sides.sole_foreign_force(list(named.values()),
                                                                 ctx.article_country)
        ctx.voice = self.implicit.outlet_voice(article, ctx.article_country)
        for sent in sentences:
            claim = CLAIMED_RESPONSIBILITY.search(sent.text)
            claimer = None if claim is None else self.article_sides.claimer(
                named[sent.index], claim.start())
            if claimer is not None:
                ctx.claimed[sent.index] = self.actors.resolve(
                    claimer, ctx.article_country, ctx.dominant_group)
        ctx.belligerents = self.article_sides.belligerents(
            list(named.values()), ctx.article_country, ctx.dominant_group, campaigns)
        ctx.air_actor = self.article_sides.air_actor(parsed, ctx.article_country)
        if ctx.air_actor is None:
            # "Turkey announced the start of military operations in north-eastern Syria": the
            # foreign state whose campaign the article reports flies its air strikes
            foreign = [c for c, air in campaigns if air and c != ctx.article_country]
            if len(set(foreign)) == 1:
                army = self.actors.by_name["Military Forces of {country}"]
                ctx.air_actor = ActorEntry(name=self.actors.canonical_name(army, foreign[0]),
                                           inter=1, country=foreign[0])
        else:
            ctx.air_countries = {c for p in parsed if any(
                a.entry.name == ctx.air_actor.name for a in p.actors) for c in p.countries}
        mentions: list[Mention] = []
        last_told: tuple[int, Mention] | None = None  # the sentence and mention told last
        previous_paragraph = None
        for sent in sentences:
            opens_paragraph = sent.paragraph != previous_paragraph
            previous_paragraph = sent.paragraph
            p = by_index.get(sent.index)
            if opens_paragraph:
                ctx.section_country = country_heading(sent.text) or ctx.section_country
            if last_told is not None and sent.index - last_told[0] <= 2 \
                    and ctx.toponyms is not None:
                told = last_told[1].sentence.start
                # the act just told, placed only in a country or a region
                unplaced = [m for m in mentions if m.sentence.start == told and all(
                    pl.role == "region" or is_country(pl.text) for pl in m.places)]
                found = places_told_after(sent.text, sent.start, ctx.toponyms) \
                    if unplaced else []
                if found:
                    for m in unplaced:
                        m.places = [replace(f) for f in found] + [
                            pl for pl in m.places if pl.role == "region"]
                        ctx.last_places = list(m.places)
                        ctx.last_places_sentence = sent.index
            if p is None:
                if opens_paragraph:
                    self._place_heading(sent, ctx)
                self._track_dates(sent, ctx)
                where = most_named(hits, [(sent.start, sent.end)])
                for a in named[sent.index]:
                    ctx.recent_actors.append((sent.index, a, where))
                continue
            for a in p.actors:
                ctx.recent_actors.append((sent.index, a, p.country))
            mention = self._mention(article, p, ctx, is_title=is_headline(sent))
            denied = None
            if mention is not None and not mention.denial and DENY_WORD.search(sent.text):
                # "rejected Russia's claim that its forces had captured Bakhmut, saying
                # fighting was continuing": the speaker's own account and the act it denies
                denied = self._mention(article, p, ctx, is_title=is_headline(sent),
                                       denied_only=True)
            if mention is not None:
                rival = self._rival_account(p, mention)
                second = self._second_act(article, p, ctx, mention)
                for told in [mention] + [m for m in (rival, denied, second) if m is not None]:
                    if told.denial and told.event_type != "casualty" and last_told \
                            and last_told[0] >= sent.index - 1 \
                            and last_told[1].event_type == told.event_type:
                        # "... an air strike hit a house. The coalition denied carrying out
                        # any strike in Sanaa that day": the denial answers the act just told
                        told.follow_up = True
                    for means in split_by_means(told):
                        mentions.extend(split_by_day_and_place(means, ctx.published, text))
                last_told = (sent.index, mention)
        return mentions

    def _second_act(self, article, p: ParsedSentence, ctx: ArticleContext, mention: Mention
                    ) -> Mention | None:
        """Another act of another kind the sentence tells beside its event ("Despite Turkish
        shelling, the YPG captured the village": a shelling and a capture), where the coder
        reads both and a trigger of the second is there. The first keeps the figures."""
        if p.coding is None or mention.denial or mention.event_type == "casualty":
            return None
        trigger = second_act_trigger(p.coding, p.triggers, mention, self.policy)
        if trigger is None:
            return None
        second = self._mention(article, p, ctx, is_headline(p.sentence), forced=trigger)
        if second is None or second.denial or second.sub_event_type in (
                mention.sub_event_type, None) or p.coding.probs.get(
                second.sub_event_type, 0.0) < self.policy.second_act:
            return None
        mention.means_split = True
        return replace(second, fatalities=None, injuries=None, materiel=[], victims=None,
                       toll_update=False, means_split=True)

    def _actors_of(self, sent: Sentence, acronyms: dict[str, str],
                   countries: frozenset[str]) -> list[ActorMatch]:
        """The actors a sentence the parser never saw names (tokens only, no parse);
        `countries` are those the article names, which scoped aliases need."""
        doc = seed_text(self.nlp.make_doc(sent.text), sent.text)
        found = [a for a in self.actors.find(doc) if not redefined_acronym(a, acronyms)
                 and not out_of_scope(a, countries)]
        return self.actors.with_article_acronyms(doc, found, acronyms) if acronyms else found

    # -- per sentence ---------------------------------------------------------------------

    def _parse(self, sent: Sentence, doc: Doc, air_context: bool,
               hits: list[tuple[int, str]], acronyms: dict[str, str] | None = None
               ) -> ParsedSentence:
        accusing = accusers(doc_text(doc))
        # an alias held to some countries ("AA", "ADF") counts only in an article that names
        # one of them: the whole article's, since a sentence often names no country at all
        countries = frozenset(c for _, c in hits)
        actors = [a for a in self.actors.find(doc) if not redefined_acronym(a, acronyms or {})
                  and not out_of_scope(a, countries)
                  and not any(s <= a.start_char and a.end_char <= e for s, e in accusing)]
        if acronyms:
            actors = self.actors.with_article_acronyms(doc, actors, acronyms)
        self._state_named_after(doc, actors)
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
        # A line with no final full stop (a title, a snippet, a feed item, a list item) is
        # written in headlinese: "Gunmen kill 12 villagers" tells a past act.
        headlinese = is_headline(sent) or not sent.text.rstrip().endswith(_ENDS_CLAUSE)
        triggers = self.triggers.find(doc, blocked, title=headlinese, air_context=air_context)
        country = most_named(hits, [(sent.start, sent.end)])
        named = frozenset(c for offset, c in hits if sent.start <= offset < sent.end)
        return ParsedSentence(sent, doc, actors, attribution, figures, triggers, country, named)

    def _state_named_after(self, doc: Doc, actors: list[ActorMatch]) -> None:
        """"The Armed Forces of the Russian Federation", "the army of Mali": a state's forces
        named by the state after them, as official statements do, are that state's, not the
        forces of the country the article is about."""
        text = doc_text(doc)
        for a in actors:
            if not a.entry.generic or a.adjective_country is not None:
                continue
            m = STATE_AFTER.match(text, a.end_char)
            if m is None:
                continue
            name = FORMAL_STATE_NAMES.get(m.group(1).lower(), m.group(1))
            if name in self.actors.states:
                a.adjective_country = name

    def _names_a_place(self, name: str) -> bool:
        """Whether the gazetteer's finder takes `name`, whole, for a place where a cue word
        ("in") precedes it (a place finder must be set)."""
        found = self.place_finder(f"in {name}.")
        return len(found) == 1 and found[0].text == name

    def _town_of(self, pl: PlaceMention) -> PlaceMention | None:
        """The town a building or site is named for ("the University of Buea", "Al-Atareb
        Surgical Hospital", "the Kouré National Park"), when the gazetteer knows it as a
        place; else nothing, and the sentence's other places stand."""
        if self.place_finder is None:
            return None
        of = re.search(r"\bof\s+(?:the\s+)?", pl.text)
        words = list(re.finditer(r"\S+", pl.text))
        candidates = [pl.text[of.end():]] if of else [
            pl.text[: w.end()] for w in words[:2] if w.end() < len(pl.text)]
        for name in candidates:
            if self._names_a_place(name):
                start = pl.start + pl.text.index(name)
                return replace(pl, text=name, start=start, end=start + len(name))
        return None

    def _place_heading(self, sent: Sentence, ctx: ArticleContext) -> None:
        """A paragraph that opens on a bare place name ("Pokrovsk again.") is about that
        place: the sentences after it inherit it as if it had been named in them. The name
        must be one the gazetteer's finder takes for a place where a cue word precedes it, so
        "Update." or "Breaking news." heads nothing."""
        m = PLACE_HEADING.match(sent.text)
        if m is None or self.place_finder is None:
            return
        name = m.group("name")
        if not self._names_a_place(name):
            return
        start = sent.start + m.start("name")
        ctx.last_places = [PlaceMention(text=name, start=start, end=start + len(name))]
        ctx.last_places_sentence = sent.index

    def _track_dates(self, sent: Sentence, ctx: ArticleContext) -> None:
        if ARCHIVE_CAPTION.match(sent.text):
            # "FILE - An Indian soldier patrols ..., Aug. 14, 2019.": the archive photo's day
            # is not the day of the story that follows it
            return
        dateline_end = max((e for _, e in dateline_spans(sent.text)), default=0)
        for expr in find_date_expressions(sent.text, ctx.published):
            if expr.start < dateline_end:
                continue
            if expr.date is not None and not speech_before(sent.text, expr.start) and \
                    not FUTURE_BEFORE.search(sent.text, max(0, expr.start - 40), expr.start):
                # ("The next update will be issued on 18 February": a day to come is no day
                # of what the report tells next)
                ctx.remember_date(expr.date, expr.precision, sent.paragraph)

    def _local_body(self, attribution: Attribution, doc: Doc, where: str | None
                    ) -> Attribution:
        """A country's own body named by a generic phrase ("state media", "civil defence",
        "police said") is that country's only in a story about it: SANA is not Somalia's
        state media, nor the White Helmets Gaza's civil defence. Elsewhere the police are the
        story's country's, and any other body is kept as the text names it."""
        entry = self.lexicon.claimant_entry(attribution.claimant)
        if entry is None or not entry.country or where == entry.country or \
                not attribution.token_span:
            return attribution
        written = doc[slice(*attribution.token_span)].text
        if not any(a.lower() == written.lower() and a == a.lower() for a in entry.aliases):
            return attribution  # "Syrian state media", "SANA": named, whatever the story
        before = doc[attribution.token_span[0] - 1] if attribution.token_span[0] > 0 else None
        if entry.name.endswith("police") and before is not None and \
                before.lower_ in self.actors.adjectives:
            said = f"{before.text} police"  # "Israeli police said" in a story about Gaza
        elif entry.name.endswith("police"):
            adjectives = self.actors.states.get(where) or [] if where else []
            said = f"{adjectives[0]} police" if adjectives else \
                f"police ({where})" if where else "police"
        else:
            said = re.sub(r"^(?:the|a|an)\s+", "", written, flags=re.IGNORECASE)
        return Attribution(said, attribution.kind, None, attribution.hedged,
                           token_span=attribution.token_span)

    def _mention(
        self, article, p: ParsedSentence, ctx: ArticleContext, is_title: bool,
        denied_only: bool = False, forced: Trigger | None = None,
    ) -> Mention | None:
        fallback: list[Attribution] = []
        mention = self._read_mention(article, p, ctx, is_title, denied_only, fallback, forced)
        if mention is None and fallback and not denied_only:
            # the denied act was no event of its own (no actor, a header...): the denial
            # still contests the incident told before it, as a denial always did
            return self._denial(article, p, ctx, fallback[0])
        return mention

    def _read_mention(
        self, article, p: ParsedSentence, ctx: ArticleContext, is_title: bool,
        denied_only: bool, fallback: list[Attribution], forced: Trigger | None = None,
    ) -> Mention | None:
        """The sentence's event as its best trigger tells it, or as `forced` tells it (a
        second act the coder reads beside the first: its sub-type is the trigger's)."""
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
        if attribution.kind == SURNAME:
            # "Warren said" after "Army Col. Steve Warren told reporters": that person; a
            # word the article never gives a fuller name for is no known speaker
            full = full_name_before(article.text, sent.start, attribution.claimant or "")
            attribution = Attribution(full, "officials" if full else None, None,
                                      attribution.hedged,
                                      token_span=attribution.token_span if full else None)
        if attribution.kind == "other" and attribution.token_span is not None:
            # "according to the SDF": a party to the fighting is the source
            s, e = attribution.token_span
            # (not "according to a local journalist": a civilian witness is no party)
            party = next((a for a in p.actors if s <= a.start and a.end <= e
                          and a.entry.inter != 7), None)
            if party is not None:
                name = self.actors.resolve(party, ctx.article_country, ctx.dominant_group).name
                kind = "government" if party.entry.inter == 1 else "armed group"
                hedged = attribution.hedged or kind != "government"
                # "according to police" in a story whose country is not yet known: the
                # words as written, not "Police Forces of Unknown"
                said = attribution.claimant if "Unknown" in name else \
                    self.lexicon.claimant_for(name)
                attribution = Attribution(said, kind, name, hedged,
                                          token_span=attribution.token_span)
        where = p.country or ctx.article_country
        attribution = self._local_body(attribution, doc, where)
        if attribution.affiliation == "Operation Inherent Resolve" and attribution.token_span:
            s, e = attribution.token_span
            regional = regional_coalition(
                doc[s:e].text, p.country or ctx.article_country)
            if regional is not None:  # "the coalition said" in Yemen: the Saudi-led one
                attribution = Attribution(regional[1], attribution.kind, regional[0],
                                          attribution.hedged, token_span=attribution.token_span)
        speaker = None if is_headline(sent) else self.implicit.speaker(doc, p.actors, ctx)
        if attribution.claimant is None and speaker is None and ctx.last_claim is not None \
                and not DENIAL.search(doc_text(doc)) \
                and ctx.last_claim_sentence == sent.index - 1 \
                and ctx.last_claim_paragraph == sent.paragraph:
            # wire copy attributes a passage once: the next sentence is the same account
            attribution = Attribution(ctx.last_claim.claimant, ctx.last_claim.kind,
                                      ctx.last_claim.affiliation, ctx.last_claim.hedged)
        if attribution.claimant is None and speaker is not None and speaker.inter == 7:
            # "Health workers and community members confirmed": witnesses, as written (not
            # the civilians' actor name)
            attribution = Attribution(witnesses(doc, speaker) or speaker.raw or None, "other",
                                      None, attribution.hedged)
        elif attribution.claimant is None and speaker is not None:
            # "The Taliban said in a statement...": a party to the fighting speaks
            attribution = Attribution(self.lexicon.claimant_for(speaker.name),
                                      "government" if speaker.inter == 1 else "armed group",
                                      speaker.name, attribution.hedged or speaker.inter != 1)
        if attribution.claimant:
            ctx.last_claim = attribution
            ctx.claims_told.append((sent.index, attribution))
            ctx.last_claim_sentence = sent.index
            ctx.last_claim_paragraph = sent.paragraph
        dates = self._date_candidates(sent, ctx)
        date_info = self._date(sent, ctx, dates)
        trigger = forced or (None if denied_only else self.triggers.best(
            p.triggers, casualties=bool(p.figures.casualties)))
        # "The ministry denied that its forces shelled the town": with no act stated as fact,
        # the denied act is read (before the figures' or the coder's triggers, which would
        # code it as happening) and the mention is the denier's claim against it.
        denied_act = False
        if trigger is None:
            trigger = self._denied_trigger(p)
            denied_act = trigger is not None
            if denied_act:
                fallback.append(attribution)
        if denied_only and not denied_act:
            return None
        if trigger is None:
            trigger = self._materiel_trigger(p)
        if trigger is None:
            trigger = self._loss_trigger(p)
        if trigger is None and p.coding is not None:
            trigger = model_trigger(doc, p.coding, self.policy)
        if trigger is None:
            return self._denial(article, p, ctx, attribution)
        if not denied_act and DENY_WORD.search(doc_text(doc)) and trigger not in p.triggers \
                and self.triggers.denied_at(doc[trigger.start]):
            # "dismissed the claim that the group had shot down a drone": the equipment's fate
            # (or the coder) found the act, and it is denied all the same
            denied_act = True
            fallback.append(attribution)
        if trigger.kind == "territory" and WITHOUT_FIGHT.search(doc_text(doc)):
            # "entered the town without resistance": ground changed hands peacefully
            trigger = Trigger("transfer", trigger.start, trigger.end, trigger.text,
                              trigger.is_verb)
        if trigger.kind == "territory" and seizes_weapons(doc, trigger, p.figures.materiel) \
                and not p.figures.casualties and all(
                    t.kind in STRATEGIC or t is trigger for t in p.triggers):
            # "police seized a cache of grenades": weapons taken, not ground (in a fight they
            # are the battle's spoils)
            trigger = Trigger("disrupted", trigger.start, trigger.end, trigger.text,
                              trigger.is_verb)
        if trigger.kind == "territory" and ATTEMPT.search(doc_text(doc)[: doc[trigger.start].idx]):
            # "attempted to seize the hospital": fighting, not (yet) a change of control
            trigger = Trigger("clash", trigger.start, trigger.end, trigger.text, trigger.is_verb)
        if trigger.kind == "territory" and person_taken(doc, trigger):
            # "a council member was seized from his car": people taken, not ground
            trigger = Trigger("abduction", trigger.start, trigger.end, trigger.text,
                              trigger.is_verb)
        if not is_headline(sent) and not ctx.one_line and len(doc) < 8 and not any(
            t.tag_.startswith("VB") for t in doc
        ):
            # a section header ("Aug. 15 Strikes"), not a report; a text of one line is the
            # report, though the parser may read "Protesters torch parliament" as a noun phrase
            return None
        # The coder was trained on what is an incident and what is background, totals and
        # talk: where it reads an event, the rules' own tests for that give way to it.
        confirmed = p.coding is not None and \
            p.coding.event_probability >= self.policy.confirm
        if trigger.subordinate and is_read_as_verb(doc):
            # "IS fighters attacked ...": the parser took the group's name for "is", and the
            # report for a relative clause of it
            trigger = replace(trigger, subordinate=False)
        if (trigger.subordinate or plural_noun(doc, trigger)) and attributed_past(doc, trigger):
            # "a man responsible for planting roadside bombs", "responsible for several attacks
            # against civilians": a person's record, not a report
            return None
        if trigger.subordinate and present_main_clause(doc):
            # "Coalition nations which have conducted strikes include Australia, ...": a
            # description, not a report of an incident
            return None
        if campaign_or_duration(doc, trigger) and not confirmed:
            return None  # "the offensive began April 30", "operating there for many months"
        if historical(doc_text(doc), ctx.published, ctx.news_from, spells_run_on=confirmed):
            return None  # "Ten years ago, a gunman...", "In 2003, ...": history, not news
        if SO_FAR.search(doc_text(doc)):
            return None  # "have so far resulted in the killing of 39": a campaign's tally
        if not confirmed and (
                AGGREGATE.search(doc_text(doc)) or PERFECT_SINCE.search(doc_text(doc)) or (
                    (PERFECT.search(doc_text(doc)) or PERIOD.search(doc_text(doc))) and any(
                        count_to_fatalities(c.count) >= 1000 for c in p.figures.casualties)
                    and not has_day(sent.text, ctx.published))):
            # "to date, 1,335 civilians have been killed", "More than 10,000 people have been
            # killed and two million displaced": a running total, not an incident
            return None
        if METALANGUAGE.search(doc_text(doc)):
            return None  # "authorities use the word 'neutralized' to imply ..."
        if ARCHIVE_CAPTION.match(sent.text):
            # "FILE - Security forces gather outside a care home after it was attacked ...":
            # an archive photo's caption, of an earlier incident the story only recalls
            return None
        if any(count_to_fatalities(c.count) >= 5000 for c in p.figures.casualties) and \
                not has_day(sent.text, ctx.published):
            return None  # "Tens of thousands of people were killed in the fighting"
        if generic_plural(doc, trigger, p) and not confirmed:
            # "blamed IS cells for a string of kidnappings": a pattern, not an incident
            return None
        country = p.country
        if country:
            ctx.paragraph_country[sent.paragraph] = country
        else:
            country = ctx.paragraph_country.get(sent.paragraph) or ctx.section_country \
                or ctx.article_country
        offset = sent.start
        roles = assign_roles(doc, trigger, p.actors, p.attribution)
        if p.coding is not None:
            roles = apply_role_reading(
                roles, role_candidates(p.actors, p.attribution.token_span), p.coding.roles,
                self.policy.role_at)
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
        if actor1 is not None and actor1.inter == 7 and trigger.kind in VIOLENT_KINDS:
            # ACLED never makes civilians the author of political violence: "a mosque was
            # hit by an air raid and three civilians killed" tells their fate; the author is
            # whoever the article makes it, or unidentified
            if actor2 is None or actor2.inter == 7:
                actor2 = actor1
            actor1 = None
        if actor1 is None:
            # "the death of two civilians in Russian airstrikes": any act of the sentence
            # may carry the state's adjective
            for t in [trigger] + [t for t in p.triggers if t is not trigger
                                  and t.kind in ("air", "shelling", "clash", "ied")]:
                actor1 = self.implicit.adjective_agent(doc, t, country)
                if actor1 is not None:
                    break
        elif actor2 is None:
            # "Ukrainian forces repelled Russian assaults": the assault's state is the other side
            for t in [t for t in [trigger, *p.triggers] if not t.is_verb]:
                other = self.implicit.adjective_agent(doc, t, country)
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
        if actor1 is None and (claim := CLAIMED_RESPONSIBILITY.search(doc_text(doc))):
            # "The Islamic State group claimed responsibility for kidnapping 11 miners": the
            # group that claims an act is its author, as ACLED codes it
            claimer = self.article_sides.claimer(p.actors, claim.start())
            if claimer is not None:
                actor1 = ref(claimer)
        if speaker is not None and speaker.inter in ARMED_INTERS and CLAIMED_TO_HAVE.search(
                doc_text(doc), 0, doc[trigger.start].idx) and (
                    actor1 is None or actor1.name != speaker.name):
            # "The YPG claimed to have captured Ayn Daqn", "Islamic State claimed to have
            # killed 12 soldiers": an armed claimant tells its own act
            if actor2 is not None and actor2.name == speaker.name:
                actor2 = actor1
            actor1 = speaker
        if actor1 is None and speaker is not None and pronoun_subject(doc, trigger):
            actor1 = speaker  # "the coalition said it had intercepted two drones"
        if actor1 is None and attribution.affiliation and pronoun_subject(doc, trigger):
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
                    p.country in (None, ctx.last_remote_actor[2]) and (
                        ctx.last_remote_actor[3] == trigger.kind
                        or ctx.last_remote_actor[1].inter == 8 or (
                            ctx.last_remote_actor[1].country or country) != country):
                # the last to strike from afar struck again; a state's own air force is not
                # also the hand behind the rocket that lands on a house (a foreign force
                # fighting there, whose report this is, fires both)
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
                ctx.last_remote_actor = (sent.index, actor1, p.country, trigger.kind)
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
            victims_civilian = civilian_patient(doc, trigger)
        elif not victims_civilian and actor2 is None:
            # "a helicopter dropped a barrel bomb ..., killing a man and his three sons"
            victims_civilian = any(civilian_patient(doc, t) for t in p.triggers
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
        for s, e in dateline_spans(doc_text(doc)):
            span = doc.char_span(s, e, alignment_mode="contract")
            if span is not None:
                blocked.update(range(span.start, span.end))
        headline = is_headline(sent)
        places = [] if headline else find_places(doc, blocked, object_region)
        # Who is told something, the outlet's name and the dateline are never the event's place
        sources_at = source_places(doc, attribution)
        not_here = receivers(doc) + dateline_spans(doc_text(doc)) \
            + sources_at + clock_places(doc_text(doc))
        if article.outlet:
            not_here += [(m.start(), m.end()) for m in re.finditer(
                re.escape(article.outlet), doc_text(doc))]
        # "officials in Herat confirmed a raid ... in the province": the province the
        # sources speak for is where it was, when the act names it only so
        speaker = char_ranges(doc, set(range(*attribution.token_span))) \
            if attribution.token_span else []
        # So is the province of "police officials in Jawzjan province say": officials of a
        # province speak of it (not so a ministry's capital)
        sources_place = [
            replace(f, start=f.start - sent.start, end=f.end - sent.start, role="region")
            for f in ctx.toponyms or [] if sent.start <= f.start and f.end <= sent.end
            and any(s < f.end - sent.start and f.start - sent.start < e
                    for s, e in sources_at + speaker)
            and (THE_AREA.search(doc_text(doc)) or PROVINCE_AFTER.match(article.text, f.end))
        ]
        places = [pl for pl in places
                  if not any(s < pl.end and pl.start < e for s, e in not_here)]
        if ctx.toponyms is not None:
            found = [replace(f, start=f.start - sent.start, end=f.end - sent.start)
                     for f in ctx.toponyms if sent.start <= f.start and f.end <= sent.end]
            # a name inside a person's ("Tahira Sabah Alimyar, a member of the council") is
            # part of the name, not Sabah
            people = [(ent.start_char, ent.end_char) for ent in doc.ents
                      if ent.label_ == "PERSON" and len(ent) > 1]
            taken = char_ranges(doc, blocked) + not_here
            found = [f for f in found if not any(s < f.end and f.start < e for s, e in taken)
                     and not any(s <= f.start and f.end <= e and (s, e) != (f.start, f.end)
                                 for s, e in people)]
            for f in found:
                span = doc.char_span(f.start, f.end, alignment_mode="expand")
                if span is not None and f.role == "at":
                    f.role, f.offset_km, f.direction = role_of(doc, span.start, span.end)
            places = merge_places(places, found)
        places = [self._town_of(pl) if FACILITY_NAME.search(pl.text) else pl for pl in places]
        places = [pl for pl in places
                  if pl is not None and pl.text.lower().strip(" .") not in NOT_PLACE_NAMES
                  and len(pl.text) >= 3
                  and not INSTITUTION.match(pl.text)
                  # "ELEVEN KILLED IN ARMED RAID": a word of a heading in capitals
                  and not (pl.text.isupper() and pl.text.lower() in common_words())
                  and not is_demonym(pl.text) and not owner_word(doc, pl)
                  and not names_a_facility(doc, pl) and not _adjective_place(doc, pl)
                  and not names_people(doc_text(doc), pl) and not origin_of_people(doc, pl)]
        if not places and sources_place:
            places = sources_place
        away = destinations(doc)
        if away:
            # "forcing the militants to retreat towards Deir ez-Zor": where the losers went (or
            # where the fire came from) is not where it happened, unless no other place is named
            here = [pl for pl in places if not any(s < pl.end and pl.start < e for s, e in away)]
            if here:
                places = here
            elif ctx.last_places and sent.index - ctx.last_places_sentence <= 4:
                places = []  # the incident just told is where it happened: inherit it below
            else:
                for pl in places:
                    pl.role = "near" if pl.role == "at" else pl.role
        mark_containers(sent.text, places)
        frame = FRAMING.match(sent.text, max((e for _, e in dateline_spans(sent.text)), default=0))
        if frame is not None:
            # "In Deir Ezzor, army units foiled an attack near al-Mayadin": the opening place
            # frames the story; the act's own place, when the sentence names one, is where
            framed = [pl for pl in places if pl.start < frame.end()]
            # "In Manyabol and Likuangole towns, the hardest-hit locations in Pibor County,":
            # a wider area named after the opening places places them, it is not the act's
            own_places = [pl for pl in places if pl.start >= frame.end()
                          and pl.role in ("at", "near")
                          and not CITY_PART.match(sent.text, pl.end)
                          and not ADMIN_AREA.search(sent.text[pl.start : pl.end + 12])]
            if framed and own_places:
                for pl in framed:
                    pl.role = "region"
        for pl in places:
            pl.start += offset
            pl.end += offset
        if trigger.kind == "territory" and not place_in_object(doc, trigger, places, offset):
            # "capturing a battle tank": not territory; the next trigger tells the event.
            rest = [t for t in p.triggers if t.kind != "territory"]
            best_rest = self.triggers.best(rest)
            if best_rest is None:
                return None
            trigger = best_rest
        if p.coding is not None and len(places) > 1:
            places = places_read_as_act(places, p.coding.roles, offset, self.policy.place_at)
        places = own_clause_places(doc, trigger, act_places_first(doc, trigger, places, offset),
                                   offset)
        inherited_place = False
        if NEW_INCIDENT.match(sent.text):
            # what follows is about this other incident ("In other violence in western
            # Afghanistan, ... escaped the region": not the region of the act told before)
            ctx.last_places = []
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
        if p.coding is not None and event_type != "casualty" and forced is None:
            sub_event, event_type = self.policy.retype(p.coding, sub_event, event_type)
        if sub_event is None:
            return None
        if sub_event == "Armed clash" and actor1 is not None and AIR_WORDS.search(actor1.raw):
            # "the Israeli air force attacked multiple sites": what an air force does is
            # strike from the air
            sub_event, event_type = "Air/drone strike", SUB_EVENT_TO_TYPE["Air/drone strike"]
        if sub_event == "Armed clash" and PROTEST_WORDS.search(doc_text(doc)) and not any(
                a is not None and a.inter in (2, 3, 4, 8) and not a.name.startswith("Unidentified")
                for a in (actor1, actor2)):
            # "demonstrations near the fence continued, resulting in the killing of four":
            # clashes of demonstrators with the state's forces are a violent demonstration
            state = next((a for a in (actor1, actor2) if a is not None and a.inter == 1), None)
            if FIRED_ON.search(doc_text(doc)) and not RIOT_ACTS.search(doc_text(doc)):
                # "protesters marched on the cabinet office and were fired upon by security
                # forces": force used on demonstrators who did no violence themselves
                sub_event = "Excessive force against protesters"
                event_type = SUB_EVENT_TO_TYPE[sub_event]
                actor1, actor2 = state, None
            else:
                sub_event, event_type = "Violent demonstration", "Riots"
                actor1, actor2 = None, state
        if sub_event == "Peaceful protest" and FIRED_ON.search(doc_text(doc)) and \
                not RIOT_ACTS.search(doc_text(doc)):
            # "protesters marched on the ministry and were fired upon": no peaceful protest
            # any more, lethal force on one
            sub_event = "Excessive force against protesters"
            event_type = SUB_EVENT_TO_TYPE[sub_event]
        if sub_event == "Peaceful protest" and RIOT_ACTS.search(doc_text(doc)):
            # "protesters threw Molotov cocktails at police": demonstrators' own violence
            sub_event, event_type = "Violent demonstration", "Riots"
        if event_type == "Riots":
            # demonstrators who turn violent are rioters in ACLED's terms (named below)
            actor1, actor2 = (None if a is not None and a.inter == 6 else a
                              for a in (actor1, actor2))
        if event_type in VIOLENT_TYPES:
            # a side told as the one acting ("Afghan forces attacked ...") opened the clash
            # ("Russian forces launched two attacks")
            acting = roles.actor1 is not None and _subject(
                doc[roles.actor1.start:roles.actor1.end].root, trigger)
            assault = repelled_assault(doc[trigger.start:trigger.end].root) \
                if sub_event == "Armed clash" else None
            if assault is not None and roles.actor1 is not None and not assault_author(
                    doc[roles.actor1.start:roles.actor1.end].root, assault):
                # "Iraqi forces repelled Russian assaults", "... several attacks": the side
                # that held was attacked; the assault's author (named or not) opened it
                actor1, actor2, acting = actor2, actor1, False
            actor1, actor2 = self.implicit.sides(sub_event, actor1, actor2, p, ctx, country,
                                                 acting)
        if sub_event == "Looting/property destruction" and actor1 is None and \
                actor2 is not None and actor2.inter == 7:
            # "civilian houses were burnt down": ACLED codes the unnamed hand as an
            # unidentified armed group (a communal militia where communities fight)
            actor1 = militia(ctx.communal, country) if ctx.communal \
                else self.implicit.unidentified(country)
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
                self.actors.state_forces and not _money_secured(doc, trigger):
            # "the prime minister declared victory in Tal Afar": the state's forces regained it
            name = self.actors.state_forces[country]
            actor1 = ActorRef(raw="", name=name, inter=1, country=country)
        if sub_event == "Arrests" and not political_arrest(actor1, actor2, doc_text(doc)) \
                and not any(item.fate == "captured" and item.category in SEIZED_WEAPONS
                            for item in p.figures.materiel):
            # police arresting a shoplifter is crime, not political disorder; one caught with
            # grenades is not
            return None
        own_place = bool(places) and not inherited_place
        # "The militants used hand grenades in the attack": a sentence that refers back to
        # an incident ("the attack") adds to it, whatever else it names
        definite = definite_noun(doc, trigger) or any(
            definite_noun(doc, t) for t in p.triggers if t.kind in ("clash", "air", "shelling",
                                                                     "ied", "suicide"))
        if definite and not place_in_subtree(doc, trigger, places, offset) \
                and event_type != "casualty" and not headline and not denied_act:
            # "condemned the attack", "the bombing was the deadliest": the incident already
            # told; this sentence can only add to it.
            event_type = "casualty"
            if not inherited_place and ctx.last_places:
                places = [replace(pl) for pl in ctx.last_places]
                inherited_place = True
        follow_up = inherited_place and sent.index - ctx.last_places_sentence <= 1
        conducted = is_conducted(doc, trigger)
        if not trigger.is_verb and not headline and not own_place and not follow_up \
                and not conducted and not confirmed \
                and event_type not in ("Protests", "Riots") and not p.figures.casualties \
                and not p.figures.materiel and not has_date(sent.text, ctx.published):
            # A bare noun ("the use of IEDs", "the attack") with nothing concrete around it
            # talks about events in general, not about one incident.
            return None
        if trigger.kind == "kill" and inherited_place and event_type != "casualty":
            # "..., killing 20 terrorists" right after an incident: more about that incident
            # first; an event of its own only if nothing before it matches.
            event_type = "casualty"
        if event_type == "casualty" and PERIOD_TOLL.match(sent.text):
            # "Between 26 and 27 December, 195 Palestinians were reportedly killed, according
            # to the Ministry of Health": a period's toll over a whole territory, no incident's
            return None

        if denied_act:
            # the denied act's figures are the accuser's, not the denier's claim
            killed, injured = [], []
        counted = 0 if killed or denied_act else counted_victims(doc, p.triggers)
        if counted:
            # "Abu Jandal ... was struck and killed": one named (or one unnamed) person
            killed = [CasualtyFigure("killed", Count(value=counted), 0, 0)]
        hurt = 0 if injured or denied_act else counted_victims(doc, p.triggers, WOUNDING_WORDS)
        if hurt:
            injured = [CasualtyFigure("injured", Count(value=hurt), 0, 0)]
        fatalities = sum_counts([c.count for c in killed])
        if fatalities is None and attribution.claimant and NO_CASUALTIES.search(doc_text(doc)):
            # "al-Masirah TV said the raids hit farms and killed no one": a toll of none
            fatalities = Count(value=0)
        injuries = sum_counts([c.count for c in injured])
        materiel = [
            Materiel(
                category=m.category,
                count=m.count,
                fate=m.fate,
                side=self._owner(doc, m, p.actors, ref, actor1, actor2),
                text=m.text,
            )
            for m in p.figures.materiel
        ] if not denied_act else []
        if confirmed and event_type == "casualty" and own_place and any(
                pl.role in ("at", "near") and not is_country(pl.text) for pl in places):
            # "a police officer was shot and killed by a sniper in El Tarra": no one named, yet
            # an incident of its own at its own place, as the coder reads it
            best, prob = p.coding.best
            sub_event = best if prob >= self.policy.retype_at else sub_event
            event_type = SUB_EVENT_TO_TYPE[sub_event]
        if (confirmed or denied_act) and actor1 is None and (event_type in VIOLENT_TYPES
                                             or sub_event == "Looting/property destruction"):
            # ACLED codes an incident whose author the text does not name as unidentified
            # ("armed individuals robbed two vehicles belonging to an NGO"); a denied act is
            # an incident as its denier tells it, though the coder reads no event in a denial
            actor1 = militia(ctx.communal, country) if ctx.communal \
                and sub_event == "Looting/property destruction" \
                else self.implicit.unidentified(country)
            if actor2 is not None and actor2.name == actor1.name:
                actor2 = None
        if sub_event == "Abduction/forced disappearance" and fatalities is not None \
                and count_to_fatalities(fatalities) > 0:
            # "kidnapping and decapitating 11 miners": ACLED codes abductees killed as an
            # attack
            sub_event = "Attack"
        fighters_fell = bool(killed) and all(
            c.victim_tokens and doc[c.victim_tokens[1] - 1].lower_ in FIGHTER_NOUNS
            for c in killed)
        if sub_event == "Attack" and not victims_civilian and (fighters_fell or all(
                a is not None and a.inter in ARMED_INTERS
                and not a.name.startswith("Government of") for a in (actor1, actor2))):
            # ACLED's violence against civilians needs civilian victims: soldiers or police
            # shot by an armed group fought a battle, however one-sided ("a police officer
            # was shot dead by a sniper"), as did troops who killed fighters ("Nigerian
            # troops killed 15 bandits": the fighters' side unnamed)
            sub_event, event_type = "Armed clash", "Battles"
            if actor1 is not None and actor2 is None:
                actor2 = self.implicit.other_side(actor1, ctx, country)
        if event_type == "Violence against civilians" and actor2 is None:
            # ACLED's violence against civilians has civilians as its target when no group
            # of them is named (the sub-type may have come from the coder, not a trigger)
            civ = self.actors.by_name["Civilians ({country})"]
            actor2 = ActorRef(raw="", name=self.actors.canonical_name(civ, country), inter=7,
                              country=country)
        # "Boko Haram killed 10 people in Gwoza on Sunday": an act the sentence dates to a
        # day, places and counts is news the coder is not asked to doubt (it reads a group's
        # name before "killed N people" as a past toll)
        told_here = bool(fatalities) and bool(places) and not inherited_place and any(
            expr.precision == 1 and not statement for expr, statement in dates)
        if p.coding is not None and event_type != "casualty" and not attribution.claimant \
                and not denied_act and forced is None and not told_here \
                and self.policy.drops(p.coding, actor1, actor2, sent.text):
            # the coder reads no event here: a rule fired on background or talk (a sourced
            # account stays: its claim may contest another's; so does a denied act, which
            # the coder, taught that a denial tells no event, rightly reads as none)
            return None
        date, precision = self._act_date(sent, dates, date_info, doc[trigger.start].idx)
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
            denial=denied_act or source_denies(doc, attribution, p.actors),
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
            coder_event=None if p.coding is None else p.coding.event_probability,
        )

    def _denied_trigger(self, p: ParsedSentence) -> Trigger | None:
        """The act a sentence denies ("denied that an attack had taken place on a checkpoint",
        "rejected claims that its forces had captured the town"), if it states none as fact;
        looked for only where a denying word is, so ordinary sentences are read as before."""
        if not DENY_WORD.search(doc_text(p.doc)):
            return None
        blocked = {i for item in p.figures.materiel for i in range(item.start, item.end)}
        if p.attribution.token_span:
            blocked.update(range(*p.attribution.token_span))
        for a in p.actors:
            blocked.update(range(a.start, a.end))
        headlinese = is_headline(p.sentence) or not p.sentence.text.rstrip().endswith(
            _ENDS_CLAUSE)
        found = self.triggers.find(p.doc, blocked, title=headlinese, denied=True)
        if not found and DENIED_FALL.search(doc_text(p.doc)):
            for tok in p.doc:
                if tok.lower_ in ("taken", "fallen") and tok.i not in blocked \
                        and self.triggers.denied_at(tok):
                    found.append(Trigger("territory", tok.i, tok.i + 1, tok.text, True))
                    break
        return self.triggers.best(found, casualties=bool(p.figures.casualties))

    def _denial(self, article, p: ParsedSentence, ctx: ArticleContext, attribution: Attribution
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

    def _rival_account(self, p: ParsedSentence, mention: Mention) -> Mention | None:
        """A second source in the same sentence ("..., SOHR said, while SDF media reported two
        dead", "..., but a spokesman for the army denied there had been any fighting") is a
        claim of its own about the same incident: its figures leave the first source's, and
        the rival is returned as a follow-up mention that joins the incident's event."""
        doc = p.doc
        cut = rival_clause(doc)
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
            mention.fatalities = sum_counts([c.count for c in own if c.kind == "killed"])
            mention.injuries = sum_counts([c.count for c in own if c.kind == "injured"])
        return replace(
            mention,
            claimant=rival_att.claimant,
            claimant_kind=rival_att.kind,
            hedged=rival_att.hedged,
            fatalities=sum_counts([c.count for c in theirs if c.kind == "killed"]),
            injuries=sum_counts([c.count for c in theirs if c.kind == "injured"]),
            toll_update=False,
            materiel=[],
            denial=denial,
            follow_up=True,
            places=[replace(pl) for pl in mention.places],
        )

    @staticmethod
    def _loss_trigger(p: ParsedSentence) -> Trigger | None:
        """"The enemy lost up to 40 servicemen": a side's losses, counted in people, are a
        toll of the incident told; "lost control of the town" counts no one and tells none."""
        if not any(c.kind == "killed" for c in p.figures.casualties):
            return None
        for tok in p.doc:
            if tok.lower_ in ("lost", "losing", "losses"):
                return Trigger("kill", tok.i, tok.i + 1, tok.text, tok.tag_.startswith("VB"))
        return None

    def _materiel_trigger(self, p: ParsedSentence) -> Trigger | None:
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

    def _date_candidates(self, sent: Sentence, ctx: ArticleContext
                         ) -> list[tuple[DateExpression, bool]]:
        """The sentence's dates that may be its act's, each with whether it is only a
        statement's day."""
        out = []
        dateline_end = max((e for _, e in dateline_spans(sent.text)), default=0)
        found = find_date_expressions(sent.text, ctx.published)
        dated = [e for e in found if e.date is not None and e.start >= dateline_end]
        for expr in found:
            if expr.date is None or expr.start < dateline_end:
                continue
            since = expr.text.lower().startswith("since ") or SINCE_BEFORE.search(
                sent.text, max(0, expr.start - 12), expr.start) is not None
            if not since and GOES_ON.search(sent.text, expr.end) and BEGAN_BEFORE.search(
                    sent.text, max(0, expr.start - 30), expr.start):
                continue
            if since and (expr.precision > 1 or STILL_GOING.search(sent.text)):
                # "have fled the clashes since mid-February": a vague start of what goes on,
                # not a day of it (the report's day is one); nor is "since 11 June" beside a
                # word saying it still goes on ("have persisted since 11 June": the coders
                # date the spell by the report, docs/coding.md). A bare "since 11 June" names
                # the day the fighting began, which is one.
                continue
            # "On Monday, AFRICOM announced that ... on Sunday": the first is the statement's day
            # "the toll had risen to seven by Monday": when it was counted, not when it happened
            # "confirmed the overnight Saturday artillery barrage": the day of the barrage
            names_act = ACT_AFTER_DATE.match(sent.text, expr.end) is not None
            statement = expr.text.lower().startswith("by ") or (speech_before(
                sent.text, expr.start) and not names_act) or (
                len(dated) > 1 and not sent.text[dateline_end : expr.start].strip()
                and SPEECH_AFTER_DATE.match(sent.text, expr.end) is not None) or (
                len(dated) > 1 and SPEECH_RIGHT_AFTER_DATE.match(sent.text, expr.end) is not None
            ) or (len(dated) > 1 and DOCUMENT_AFTER_DATE.match(sent.text, expr.end) is not None)
            out.append((expr, statement))
        return out

    @staticmethod
    def _act_date(sent: Sentence, dates: list[tuple[DateExpression, bool]],
                  chosen: tuple[dt.date | None, int], trigger_at: int
                  ) -> tuple[dt.date | None, int]:
        """Of a sentence's several days, the one told beside its act: "Although leaders
        signed an agreement in early August, renewed clashes were reported on 1 and 2
        September" is September's. The sentence's first date stands when the act's own
        clause names none."""
        acts = [e for e, statement in dates if not statement]
        if len({e.date for e in acts}) < 2:
            return chosen
        # (the parse is of the sentence alone: `trigger_at` counts from its start)
        told = [(e, _CLAUSE_BREAK.search(
            sent.text[min(e.end, trigger_at):max(e.start, trigger_at)]) is not None)
            for e in acts]
        # a clause boundary between the date and the act puts it farther
        nearest, apart = min(told, key=lambda t: abs(t[0].start - trigger_at) + 200 * t[1])
        if nearest.date == chosen[0] or apart:
            return chosen
        return nearest.date, nearest.precision

    def _date(self, sent: Sentence, ctx: ArticleContext,
              dates: list[tuple[DateExpression, bool]]) -> tuple[dt.date | None, int]:
        """The sentence's act date from its candidates (`_date_candidates`), else the day the
        story last named or the report's."""
        best = None
        for expr, statement in dates:
            if best is None or (best[2] and not statement):
                best = (expr.date, expr.precision, statement)
            elif not statement and not best[2] and _within(expr.date, expr.precision,
                                                           best[0], best[1]):
                # "In March, ... following clashes in Nasir on 4 March": the day in the
                # month is the act's
                best = (expr.date, expr.precision, statement)
        if best is not None:
            date, precision, statement = best
            if not statement:
                ctx.remember_date(date, precision, sent.paragraph)
                return date, precision
            # Only the statement's date is known: the event is on or before it.
            return date, max(2, precision)
        shifted = narrative_shift(sent.text)
        if shifted is not None and ctx.last_date is not None and ctx.last_date[0] is not None:
            # "the next day", "two days earlier": counted from the day the story last named
            date = ctx.last_date[0] + dt.timedelta(days=shifted)
            return date, ctx.last_date[1]
        # "In Hajin, two children were killed ..." opening another paragraph: another incident,
        # whose day the story does not tell
        new_story = sent.paragraph != ctx.last_date_paragraph and \
            FRAMING.match(sent.text) is not None
        new_story = new_story or ctx.section_since_date(sent.paragraph)
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
