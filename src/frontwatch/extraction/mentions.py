"""From an article to mentions: one event as one sentence tells it.

The cascade: split sentences (rules), keep those the trigger filter passes (one regex), parse
only those with spaCy, then read triggers, actors and their roles, figures, materiel, places,
dates and the claimant from each parse. Context that crosses sentences (the date last named,
the place of "the town", the source of "the statement") is carried in `ArticleContext`.

This module runs the cascade and builds each mention; reading one sentence's event goes in
stages, each in its own module: `mention_source` (the source as the article makes it),
`not_incident` (what is told as no incident), `mention_sides` (who did what to whom, before and
after the act is typed) and `act_places` (where the act was). The other stages live beside it:
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

from spacy.tokens import Doc, Token

from frontwatch.actors.catalog import (
    ActorCatalog,
    ActorEntry,
    ActorMatch,
    defined_acronyms,
    out_of_scope,
    redefined_acronym,
)
from frontwatch.clean import ARCHIVE_CAPTION
from frontwatch.extraction.acled_sides import communal_kind, militia
from frontwatch.extraction.act_places import FRAMING, PlaceReader
from frontwatch.extraction.article_context import ArticleContext
from frontwatch.extraction.article_sides import ArticleSides
from frontwatch.extraction.attribution import (
    Attribution,
    ClaimantFinder,
)
from frontwatch.extraction.background import (
    AIR_WORDS,
    ARTICLE_AIR_CONTEXT,
    ATTEMPT,
    DENIAL,
    GIVING_UP,
    HISTORY_GAP,
    WOUNDING_WORDS,
    before_the_news,
    counted_victims,
    dateline_spans,
    definite_noun,
    has_date,
    is_conducted,
    is_headline,
    is_read_as_verb,
    narrative_shift,
    person_taken,
    place_in_object,
    place_in_subtree,
    political_arrest,
    speech_before,
)
from frontwatch.extraction.classify import SIMPLE_KINDS, classify
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
from frontwatch.extraction.earlier_acts import earlier_acts
from frontwatch.extraction.figures import CasualtyFigure, FigureFinder
from frontwatch.extraction.gate import SentenceGate
from frontwatch.extraction.implicit_actors import ImplicitActors
from frontwatch.extraction.incidents import (
    NEW_INCIDENT,
    split_by_day_and_place,
    sum_counts,
)
from frontwatch.extraction.lexicon import Lexicon
from frontwatch.extraction.means import split_by_means
from frontwatch.extraction.mention_sides import CLAIMED_RESPONSIBILITY, SideReader
from frontwatch.extraction.mention_source import SourceReader
from frontwatch.extraction.model_roles import (
    apply_role_reading,
    role_candidates,
)
from frontwatch.extraction.not_incident import not_an_incident
from frontwatch.extraction.numbers import (
    MONTH_WORD,
    count_to_fatalities,
    find_counts,
    parse_count,
)
from frontwatch.extraction.parsed import ParsedSentence
from frontwatch.extraction.places import (
    is_country,
    places_told_after,
)
from frontwatch.extraction.report_year import report_year
from frontwatch.extraction.roles import (
    ALSO_KILLED,
    NO_CASUALTIES,
    OTHER_DEAD,
    SEIZED_WEAPONS,
    accusers,
    assign_roles,
    rival_clause,
    seizes_weapons,
    source_denies,
)
from frontwatch.extraction.sentences import Sentence, split_sentences
from frontwatch.extraction.subject_period import is_encyclopedia, subject_period
from frontwatch.extraction.triggers import FIGHTER_NOUNS, STRATEGIC, Trigger, TriggerFinder
from frontwatch.geo.toponyms import STANCE_AFTER
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
FUTURE_BEFORE = re.compile(r"\b(?:will|would|shall|is due to|are due to|is scheduled to|is "
                           r"expected to)\b[^.;]*$", re.IGNORECASE)
# A bulletin's section heading in capitals: "COLOMBIA: CONFLICT & VIOLENCE", "KEY FIGURES".
SECTION_HEADING = re.compile(r"\s*[A-Z][A-Z0-9 &:,;'’()/+-]{2,80}\s*")
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
# "Regional leaders on Friday condemned a suicide bombing in ...": the day of the reaction,
# on or before which the act was
REACTION_AFTER_DATE = re.compile(r",?\s+(?:strongly\s+)?(?:condemned|denounced|deplored|"
                                 r"decried|mourned|critici[sz]ed)\b")
SPEECH_RIGHT_AFTER_DATE = re.compile(
    r",?\s+(?:said|says|announced|reported|claimed|confirmed|stated|told|added|denied|rejected|"
    r"dismissed|refuted)\b")
# A post or bulletin that opens on the place it is about, as a line of its own: "Vovchansk.",
# "Pokrovsk again.", "Kherson, 12 November." Its "the town" is that place.
PLACE_HEADING = re.compile(
    r"\s*(?P<name>[A-Z][\w'’-]+(?:[ -][A-Z][\w'’-]+){0,3})"
    r"(?:\s+again|\s+today|\s+tonight|,\s+[\w ]{1,25})?[.:!]?\s*$")

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


def _confirmed_act(sent: Sentence, last_told: tuple[int, Mention] | None) -> Mention | None:
    """The act told in the sentence just before, when this one only confirms it ("The army
    confirmed the toll on Tuesday.")."""
    if last_told is None or last_told[0] != sent.index - 1 or not CONFIRMS_TOLD.match(sent.text):
        return None
    return last_told[1]


def _governing_verb(tok: Token) -> Token | None:
    """The active verb whose object a phrase is ("struck a missile launcher"), or None."""
    if tok.dep_ != "dobj":
        return None
    head = tok.head
    return head if head.tag_ in ("VBD", "VBN", "VBZ", "VBP", "VB") and not any(
        c.dep_ == "auxpass" for c in head.children) else None


def _without_dateline(text: str) -> str:
    """The sentence with its dateline blanked out, offsets kept: the parser reads "NAIROBI,
    Feb 25 (Reuters) - Government forces killed 21 civilians" with the forces as an apposition
    of the bracket, and the victims' side as the killers'."""
    spans = dateline_spans(text)
    if not spans:
        return text
    end = spans[0][1]
    return " " * end + text[end:]


# A rival source's own toll of the incident told: "..., but X said the number was at least 40",
# "..., while Y put the figure at 60"
RIVAL_TOLL = re.compile(
    r"\b(?:number|toll|figure|tally)\s+(?:of\s+(?:the\s+)?dead\s+)?(?:was|is|stood\s+at|"
    r"at|reached|had\s+reached)\s+(?P<n>(?:at\s+least|more\s+than|over|nearly|about|some|"
    r"around)?\s*(?:\d[\d,]*|[a-z]+(?:-[a-z]+)?))\b", re.IGNORECASE)
# "..., a claim the US Central Command denied": the rival clause denies
CLAIM_DENIED = re.compile(r"(?:a|the)\s+claim\b[^.;]{0,60}\b(?:denied|rejected|disputed|"
                          r"dismissed)\b", re.IGNORECASE)
# A sentence that only confirms the act told just before: "The army confirmed the toll on
# Tuesday.", "Police spokesman Ibrahim Adamu confirmed the attack.", "The ministry announced
# their deaths."
CONFIRMS_TOLD = re.compile(
    r"\s*[^.;:]{2,80}?\b(?:confirmed|announced|acknowledged|reported|gave)\s+(?:the\s+|their\s+|"
    r"his\s+|her\s+|its\s+)?(?:death\s+)?(?:toll|attack|deaths?|killings?|incident|ambush|raid|"
    r"strike|casualties|losses|figure|recapture|capture)\b", re.IGNORECASE)
# How a sentence (or a story) ends when it is not a headline
_STOPS = (".", "!", "?", '"', "”")


def _parse_input(text: str) -> str:
    """What the parser reads of a sentence: its dateline blanked, a final stop added."""
    return _punctuated(_without_dateline(text))


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


# An encyclopedia lead defining its subject: "The Battle of Soledar was a military
# engagement ...", "The 2024 Mogadishu hotel attack was a suicide bombing ..."
SUBJECT_DEFINED = re.compile(
    r"\s*(?:The\s+|(?=[A-Z0-9]))(?:\d{4}\s+)?(?:[\w'’.-]+\s+){0,6}?(?:[Bb]attles?|[Aa]ttacks?|"
    r"[Bb]ombings?|[Mm]assacres?|[Ss]iege|[Oo]ffensive|[Ss]trikes?|[Aa]irstrikes?|[Rr]aids?|"
    r"[Kk]idnappings?|[Ss]hootings?|[Cc]lashes|[Aa]mbush|[Aa]ssault|[Ff]all|[Cc]apture|"
    r"[Ii]nsurgency|[Uu]prising|[Cc]oup(?:\s+d'état)?)(?:\s+(?:of|on|in|at)\s+(?:the\s+)?"
    r"[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3})?(?:\s+\(\d{4}\))?,?\s+(?:was|is)\s+"
    r"(?:a|an|the|one)\b")


def _within(day: dt.date, precision: int, period: dt.date, period_precision: int) -> bool:
    """Whether a more precise date falls in a vaguer one's period (a week, a month)."""
    if precision >= period_precision:
        return False
    if period_precision >= 3:
        return (day.year, day.month) == (period.year, period.month)
    return abs((day - period).days) <= 3


# The kinds of trigger that tell how people were killed ("killed in airstrike", "suicide
# blast"), the more specific first
_MEANS = ("suicide", "chemical", "air", "shelling", "grenade", "ied")
# the sub-types those kinds give: acts of a means, which someone used
_BY_MEANS = frozenset(SIMPLE_KINDS[k] for k in _MEANS)


def _tolls(p: ParsedSentence, attribution: Attribution, denied_act: bool
           ) -> tuple[list[CasualtyFigure], list[CasualtyFigure], Count | None, Count | None]:
    """The sentence's dead and injured (as figures) and their tolls; a denied act's
    figures are its accuser's, none of the denier's claim."""
    doc = p.doc
    killed = [c for c in p.figures.casualties if c.kind == "killed"]
    injured = [c for c in p.figures.casualties if c.kind == "injured"]
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
    return killed, injured, fatalities, injuries


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
        self.triggers = TriggerFinder(self.lexicon, self.nlp, frozenset(
            w for words in self.actors.states.values() for w in words))
        self.claimants = ClaimantFinder(self.lexicon, self.nlp)
        self.figures = FigureFinder(self.lexicon, self.nlp)
        self.implicit = ImplicitActors(self.actors, self.nlp)
        self.article_sides = ArticleSides(self.actors)
        self.sources = SourceReader(self.actors, self.lexicon, self.implicit)
        self.sides = SideReader(self.actors, self.implicit, self.article_sides)
        self.places = PlaceReader(self._town_of)
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
        split = [earlier_acts(split_sentences(a.text, a.kept), self.triggers.may_hold_event)
                 for a in articles]
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
            texts.extend(_parse_input(s.text) for s in candidates)
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
        subject = None if covers else subject_period(text, article.published, article.outlet)
        subject_days = subject
        if subject is not None and article.published is not None \
                and subject[0] >= article.published - HISTORY_GAP:
            subject = None  # a recent subject is news by the publication date already
        # (a sentence read as two incidents' pieces is one sentence of the text)
        told = len({s.start for s in sentences})
        headline_alone = told <= 2 and "\n" not in text.strip() and \
            not text.rstrip().endswith(_STOPS)
        ctx = ArticleContext(
            article_country=most_named(hits, article.kept or [(0, len(text))]),
            published=dt.date(covers, 12, 31) if covers else article.published,
            news_from=dt.date(covers, 1, 1) if covers else subject[0] if subject else None,
            subject_days=subject_days,
            encyclopedia=is_encyclopedia(text, article.outlet),
            dominant_group=self.article_sides.dominant_group(parsed),
            dominant_by_country=self.article_sides.dominant_by_country(parsed),
            toponyms=toponyms,
            # "Troops, ISWAP fighters clash near Damboa; 6 soldiers killed" is one line; two
            # sentences ended with a full stop are a story
            one_line=told == 1 or headline_alone,
            titled=headline_alone,
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
            told_before = _confirmed_act(sent, last_told)
            if p is None and told_before is not None:
                confirmed = self._confirmation(article, sent, told_before, ctx, hits, acronyms)
                if confirmed is not None:
                    mentions.append(confirmed)
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
            if mention is not None and mention.fatalities is None and mention.claimant and \
                    told_before is not None and told_before.claimant != mention.claimant:
                # "Police spokesman Ibrahim Adamu confirmed the attack.": his account of the
                # incident just told, with its figures
                mention.fatalities, mention.victims = told_before.fatalities, told_before.victims
            if mention is not None and mention.piece == 2 and not mention.places:
                # "Three soldiers were killed in Kashmir, a day after a gun battle in which
                # five were killed": the earlier incident named without a place was where
                # the sentence's main one was
                mention.places = next((
                    [replace(pl) for pl in m.places] for m in reversed(mentions)
                    if m.piece == 1 and m.sentence.start == mention.sentence.start), [])
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

    def _confirmation(self, article, sent: Sentence, told: Mention, ctx: ArticleContext,
                      hits: list[tuple[int, str]], defined: dict[str, str]) -> Mention | None:
        """"Seven soldiers were killed in an ambush near Gao on Monday. The army confirmed the
        toll on Tuesday.": the source of the sentence after an act, confirming it, claims the
        act and its figures (another account of the same incident)."""
        doc = seed_text(self._parse_all([_parse_input(sent.text)])[0], sent.text)
        p = self._parse(sent, doc, False, hits, defined)
        attribution, _ = self.sources.read(article, p, ctx)
        if not attribution.claimant or attribution.claimant == told.claimant:
            return None
        return replace(told, sentence=Evidence(article.id, sent.start, sent.end, sent.text),
                       claimant=attribution.claimant, claimant_kind=attribution.kind,
                       hedged=attribution.hedged, follow_up=True, headline=False,
                       denial=False, toll_update=False, piece=0, coder_event=None,
                       places=[replace(pl) for pl in told.places],
                       materiel=list(told.materiel))

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
                  and not any(s <= a.start_char and a.end_char <= e for s, e in accusing)
                  # "The governments of the United Kingdom, Norway and the United States
                  # condemn the looting ... by the RSF": the states speak, they do not act
                  and not STANCE_AFTER.match(doc_text(doc), a.end_char)]
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
        attribution, speaker = self.sources.read(article, p, ctx)
        dates = self._date_candidates(sent, ctx)
        told_before = (ctx.last_date, ctx.last_date_paragraph)
        date_info = self._date(sent, ctx, dates)
        trigger, denied_act = self._act_trigger(p, forced, denied_only, fallback, attribution)
        if trigger is None:
            return None if denied_only else self._denial(article, p, ctx, attribution)
        # The coder was trained on what is an incident and what is background, totals and
        # talk: where it reads an event, the rules' own tests for that give way to it.
        confirmed = p.coding is not None and \
            p.coding.event_probability >= self.policy.confirm
        if not_an_incident(p, trigger, ctx, confirmed):
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
                roles, role_candidates(p.actors, p.attribution.token_span, doc), p.coding.roles,
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

        # the dead before the injured: the first figure naming a side names the victims'
        hurt = [c for c in p.figures.casualties if c.kind == "killed"] + [
            c for c in p.figures.casualties if c.kind == "injured"]
        sides = self.sides.read(p, ctx, trigger, attribution, speaker, roles, country, ref, hurt)
        actor1, actor2, assoc1, assoc2 = sides.actor1, sides.actor2, sides.assoc1, sides.assoc2
        victims_civilian, victim_actor = sides.victims_civilian, sides.victim_actor

        headline = is_headline(sent)
        places = self.places.found(article, p, ctx, trigger, attribution)
        if trigger.kind == "territory" and not place_in_object(doc, trigger, places, offset):
            # "capturing a battle tank": not territory; the next trigger tells the event.
            rest = [t for t in p.triggers if t.kind != "territory"]
            best_rest = self.triggers.best(rest)
            if best_rest is None:
                return None
            trigger = best_rest
        places, inherited_place = self.places.settled(p, ctx, trigger, places,
                                                      self.policy.place_at)

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
        sub_event, event_type, actor1, actor2 = self.sides.fit_to_type(
            sub_event, event_type, actor1, actor2, p, ctx, trigger, roles, country)
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
        # "The Mai Kadra massacre was a massacre ...": an encyclopedia lead names its subject
        # with the article, which refers to nothing told before
        defined = SUBJECT_DEFINED.match(sent.text) if ctx.encyclopedia else None
        if definite and not place_in_subtree(doc, trigger, places, offset) \
                and event_type != "casualty" and not headline and not denied_act \
                and defined is None:
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

        killed, injured, fatalities, injuries = _tolls(p, attribution, denied_act)
        if told_before[0] is not None and trigger.text.lower().endswith("toll") and \
                any(c.update for c in killed + injured):
            # "The death toll rose to 37 on Sunday": the day the count grew, not the act's
            date_info = told_before[0]
            ctx.last_date, ctx.last_date_paragraph = told_before
        materiel = [
            Materiel(
                category=m.category,
                count=m.count,
                fate=m.fate,
                side=self.sides.owner(doc, m, p.actors, ref, actor1, actor2),
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
        # "Aid workers killed in Afghanistan", "Senior IS leader killed in strike in Syria": a
        # headline's dead are its incident, where there is no story for them to join
        own_deaths = ctx.titled and event_type == "casualty" and own_place and sub_event \
            in SUB_EVENT_TO_TYPE and bool(fatalities or actor2 is not None)
        if own_deaths:
            kinds = {t.kind for t in p.triggers}
            means = next((k for k in _MEANS if k in kinds), None)
            sub_event = SIMPLE_KINDS[means] if means is not None else \
                "Attack" if actor2 is not None and actor2.inter == 7 else sub_event
            event_type = SUB_EVENT_TO_TYPE[sub_event]
        # a bombing or a strike the coder reads as an event, at a place finer than a country
        # ("hotels in Colombo were targeted in a series of suicide bombings"), has an author
        # whom the text need not name: such means are no one's talk of "fighting"
        by_means = actor1 is None and sub_event in _BY_MEANS and p.coding is not None and \
            p.coding.event_probability >= self.policy.new_event and own_place and any(
                not is_country(pl.text) for pl in places) and any(
                t.kind in _MEANS for t in p.triggers)
        if (confirmed or denied_act or ctx.titled or by_means) and actor1 is None and (
                event_type in VIOLENT_TYPES or sub_event == "Looting/property destruction"):
            # ACLED codes an incident whose author the text does not name as unidentified
            # ("armed individuals robbed two vehicles belonging to an NGO"); a denied act is
            # an incident as its denier tells it, though the coder reads no event in a denial;
            # so is the act a headline tells ("6 Killed in Afghanistan Suicide Blast")
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
            actor2 = self.sides.generic("Civilians ({country})", country)
        # "Boko Haram killed 10 people in Gwoza on Sunday": an act the sentence dates to a
        # day, places and counts is news the coder is not asked to doubt (it reads a group's
        # name before "killed N people" as a past toll)
        told_here = bool(fatalities) and bool(places) and not inherited_place and any(
            expr.precision == 1 and not statement for expr, statement in dates)
        # "The Mai Kadra massacre was a massacre ... carried out ... on 9-10 November 2020 in
        # the town of Mai Kadra": an encyclopedia lead telling its subject's own day and place
        # is the incident, which the coder (taught that definitions tell none) cannot judge
        lead_told = defined is not None and bool(places) and not inherited_place and any(
            e.end > defined.end() for e, _ in dates)
        # A headline standing alone (one line, no closing stop) is no sentence the coder can
        # judge: taught that a title tells no event (coders code the story's body) and that
        # an undated act is background, it reads "Suicide Bombing Kills 4 in Iraq" at 0.007
        # and "US drone strike kills 5 in Pakistan" at 0.014. There the rules' tests alone
        # decide. (Above a story the coder still judges the title: its "14 Killed in Attacks"
        # may sum several incidents the story tells one by one; and a sentence with its full
        # stop it reads as it was taught.)
        titled = ctx.titled
        if p.coding is not None and event_type != "casualty" and not attribution.claimant \
                and not denied_act and forced is None and not told_here and not titled \
                and not lead_told \
                and self.policy.drops(p.coding, actor1, actor2, sent.text):
            # the coder reads no event here: a rule fired on background or talk (a sourced
            # account stays: its claim may contest another's; so does a denied act, which
            # the coder, taught that a denial tells no event, rightly reads as none)
            return None
        date, precision = self._act_date(sent, dates, date_info, doc[trigger.start].idx)
        # (the year in the subject's name, "The 2024 Mogadishu hotel attack", is no day told)
        if defined is not None and all(e.end <= defined.end() for e, _ in dates):
            # "The Battle of Soledar was a military engagement between ...": an encyclopedia
            # lead defining its subject tells no day; its infobox's first day is the
            # subject's, and without one the lead only sums up what the article tells
            if ctx.subject_days is None:
                return None
            date, precision = ctx.subject_days[0], 1
        if date is not None and ctx.published is not None and \
                before_the_news(date, ctx.published, ctx.news_from):
            # "In Kocho alone, IS fighters executed several hundred men", after a sentence
            # dating the massacre to 2014: a day the story gave before, months before the
            # report, is history (the sentence's own dates are tested in not_incident)
            return None
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
            piece=2 if sent.earlier or sent.second else 1 if sent.blanked else 0,
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
            coder_event=None if p.coding is None or titled or told_here or lead_told
            else p.coding.event_probability,
        )

    def _act_trigger(self, p: ParsedSentence, forced: Trigger | None, denied_only: bool,
                     fallback: list[Attribution], attribution: Attribution
                     ) -> tuple[Trigger | None, bool]:
        """The act the sentence tells (None when it tells none; with `denied_only`, when it
        denies none) and whether it tells it as denied, when the denier's account is put in
        `fallback`. The rules' best trigger comes first, then a denied act, a materiel's fate,
        losses and last the coder's reading."""
        doc = p.doc
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
            return None, False
        if trigger is None:
            trigger = self._materiel_trigger(p)
        if trigger is None:
            trigger = self._loss_trigger(p)
        if trigger is None and p.coding is not None:
            trigger = model_trigger(doc, p.coding, self.policy)
        if trigger is None:
            return None, False
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
        if trigger.subordinate and is_read_as_verb(doc):
            # "IS fighters attacked ...": the parser took the group's name for "is", and the
            # report for a relative clause of it
            trigger = replace(trigger, subordinate=False)
        return trigger, denied_act

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
        denial = bool(DENIAL.search(doc_text(doc)[start:]) or CLAIM_DENIED.match(
            doc_text(doc), start))
        theirs = [c for c in p.figures.casualties if c.start >= start]
        rival_toll = None if theirs or denial else RIVAL_TOLL.search(doc_text(doc), start)
        if not theirs and not denial and rival_toll is None:
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
            # ("but Fano representatives said the number was at least 40": their toll)
            fatalities=parse_count(rival_toll.group("n")) if rival_toll else sum_counts(
                [c.count for c in theirs if c.kind == "killed"]),
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
                verb = _governing_verb(p.doc[item.start : item.end].root)
                if verb is not None:
                    # "U.S. forces struck a Houthi missile launcher": the verb tells the act,
                    # its subject acts and the launcher's owner suffers it
                    return Trigger(kind, verb.i, verb.i + 1, verb.text, True)
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
            ) or (len(dated) > 1 and DOCUMENT_AFTER_DATE.match(sent.text, expr.end) is not None
                  ) or REACTION_AFTER_DATE.match(sent.text, expr.end) is not None
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
        """The sentence's act date (`_told_date`); an earlier incident's piece of a sentence
        ("..., a day after bandits killed five") that names no day of its own is dated back
        from the day of the sentence's main clause."""
        if sent.earlier is None or dates:
            told = self._told_date(sent, ctx, dates)
            ctx.told_date = (sent.index, told)
            return told
        main = ctx.told_date[1] if ctx.told_date and ctx.told_date[0] == sent.index - 1 \
            else None
        day, precision = main or ctx.last_date or (ctx.published, 2)
        if day is None:
            return None, 3
        return day - dt.timedelta(days=sent.earlier.days), max(precision, sent.earlier.precision)

    def _told_date(self, sent: Sentence, ctx: ArticleContext,
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
            shifted = narrative_shift(sent.text)
            if shifted is not None and shifted < 0 and precision == 1:
                # "confirmed April 6 that ... was killed in an airstrike it conducted the
                # previous day": counted back from the statement's day
                return date + dt.timedelta(days=shifted), 1
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

