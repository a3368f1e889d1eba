"""Who did what to whom in one sentence's act, as ACLED codes the sides.

The roles a sentence's grammar gives (`roles.assign_roles`, with the coder's reading where it
has one) are where reading starts: civilians are never an act's author, a state's adjective
names an unnamed author ("Russian airstrikes"), a claim of responsibility makes its claimer
the author, a unit acts for its parent ("Tiger Forces"), the dead name the side they were on
("12 soldiers"), a strike from afar is the last remote striker's or the article's air force's,
a clash with no side named is the article's two sides', and the side that lost ground is often
named a sentence before. `SideReader.read` gives the sides before the act is typed; the
typing (`classify`, the coder) may still move them (see `mentions`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from spacy.tokens import Doc

from frontwatch.actors.catalog import ActorCatalog, ActorMatch
from frontwatch.extraction.acled_sides import militia
from frontwatch.extraction.article_context import ArticleContext
from frontwatch.extraction.article_sides import ArticleSides
from frontwatch.extraction.attribution import Attribution
from frontwatch.extraction.background import (
    AIR_WORDS,
    POLICE_WORDS,
    SOLDIER_WORDS,
    civilian_patient,
)
from frontwatch.extraction.coder_policy import ARMED_INTERS
from frontwatch.extraction.figures import CasualtyFigure
from frontwatch.extraction.implicit_actors import ImplicitActors
from frontwatch.extraction.lemmas import lemma_of
from frontwatch.extraction.parsed import ParsedSentence
from frontwatch.extraction.roles import (
    BELIEVED_STATE,
    ENEMY_NOUNS,
    LAUNCHING,
    RESPONSIBILITY,
    Roles,
    act_verb,
    assault_author,
    describes_a_civilian,
    headline_passive,
    pronoun_subject,
    repelled_assault,
)
from frontwatch.extraction.triggers import Trigger
from frontwatch.model import SUB_EVENT_TO_TYPE, VIOLENT_TYPES, ActorRef
from frontwatch.nlp import doc_text

CLAIMED_TO_HAVE = re.compile(r"\bclaim(?:ed|s|ing)?\s+to\s+have\b", re.IGNORECASE)
ANNOUNCED_TAKING = re.compile(r"(?:announce[ds]?|claim(?:ed|s)?|confirm(?:ed|s)?|"
                              r"complete[ds]?)\s+the\s+"
                              r"(?:capture|seizure)\b", re.IGNORECASE)
CLAIMED_RESPONSIBILITY = re.compile(r"\bclaim(?:ed|s|ing)\s+(?:the\s+)?responsibility\b",
                                    re.IGNORECASE)
# Trigger kinds of political violence, whose author is never a civilian
VIOLENT_KINDS = {"air", "shelling", "clash", "ied", "suicide", "grenade", "chemical", "kill",
                 "vac_kill", "abduction", "sexual"}

PROTEST_WORDS = re.compile(r"\b(?:demonstrations?|demonstrators|protests|protesters|"
                           r"protestors|rallies)\b", re.IGNORECASE)
RIOT_ACTS = re.compile(
    r"\b(?:threw|throwing|hurled|hurling|pelted|pelting)\b.{0,40}\b(?:stones?|rocks?|Molotov|"
    r"petrol bombs?|firebombs?|bottles|fireworks)\b|\b(?:set fire to|torched|vandali[sz]ed|"
    r"ransacked|looted|stormed)\b", re.IGNORECASE)
FIRED_ON = re.compile(r"\b(?:fired (?:up)?on|opened fire on|shot at|fired live ammunition at)\b",
                      re.IGNORECASE)
_MONEY = {"fund", "funds", "funding", "money", "financing", "grant", "grants", "budget",
          "million", "billion", "dollars", "pledges"}


def _money_secured(doc: Doc, trigger: Trigger) -> bool:
    """"More funds have been secured for the response": money, not ground, was secured; the
    state's forces are not to be made the victors of an appeal."""
    return any(c.dep_ in ("nsubj", "nsubjpass", "dobj") and c.lower_ in _MONEY
               for t in doc[trigger.start:trigger.end] for c in t.children)


# What a state imposes on a place (not "a social and economic emergency", nor a shutdown)
EMERGENCY_RULE = re.compile(r"\b(?:curfews?|state\s+of\s+(?:emergency|siege)|martial\s+law)\b",
                            re.IGNORECASE)
# A truce made, not one talked of ("Kremlin questions Ukraine cease-fire")
AGREEING = re.compile(r"\b(?:agree[ds]?|signed|sign|reached|brokered|struck|concluded|"
                      r"announced|declared|(?:went|came|entered)\s+into\s+(?:effect|force)|"
                      r"took\s+effect|takes\s+effect|held|holding)\b", re.IGNORECASE)
Ref = Callable[[ActorMatch], ActorRef]


def _aircraft_fire(doc: Doc, trigger: Trigger) -> bool:
    """Whether the subject of the act's verb is an aircraft ("jets fired missiles")."""
    verb = act_verb(doc, trigger)
    return any(c.dep_ == "nsubj" and AIR_WORDS.search(
        doc[c.left_edge.i : c.i + 1].text) is not None for c in verb.children)


def _they_act(doc: Doc, trigger: Trigger) -> bool:
    """Whether "they" is the subject of the act's verb ("They set fire to the building")."""
    return any(c.dep_ == "nsubj" and c.lower_ == "they"
               for c in act_verb(doc, trigger).children)


@dataclass(slots=True)
class Sides:
    actor1: ActorRef | None = None
    actor2: ActorRef | None = None
    assoc1: list[ActorRef] = field(default_factory=list)
    assoc2: list[ActorRef] = field(default_factory=list)
    victims_civilian: bool = False  # the dead or hurt, or the act's patient, are civilians
    victim_actor: ActorRef | None = None  # the side the dead and hurt were on, when named


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


# A people counted by its name: "at least 5 Tigrayans were killed", "three Pakistanis"
PEOPLE_PLURAL = re.compile(r"[A-Z][a-z]{2,}(?:ans|ese|is|ites)")


def _a_people(doc: Doc, fig: CasualtyFigure, actors: list[ActorMatch]) -> bool:
    """The dead are a people named as such ("5 Tigrayans were also killed in Mai Kadra by
    Amhara militias"), which no armed group of the catalogue is called: civilians, as ACLED
    codes victims the text does not say were armed (not "five Houthis", a force's members)."""
    if fig.victim_tokens is None:
        return False
    start, end = fig.victim_tokens
    last = doc[end - 1]
    if end - start != 1 or last.tag_ not in ("NNP", "NNPS") or \
            not PEOPLE_PLURAL.fullmatch(last.text):
        return False
    return not any(a.start < end and start < a.end for a in actors)


# What an attack on civilians strikes: no armed side's ground
CIVILIAN_TARGET = re.compile(
    r"\b(?:attack(?:ed|s)?|ambush(?:ed)?|raid(?:ed)?|stormed|targeted|fired on|struck)\s+"
    r"(?:on\s+)?(?:an?|the|two|three|several)?\s*(?:\w+\s+){0,2}?(?:convoy|health (?:centre|"
    r"center|facility|post)|clinic|hospital|school|displacement site|IDP camp|camp for "
    r"displaced|market|bus|church|mosque|wedding|truck|aid workers?|humanitarian)\b",
    re.IGNORECASE)


class SideReader:
    def __init__(self, actors: ActorCatalog, implicit: ImplicitActors,
                 article_sides: ArticleSides) -> None:
        self.actors = actors
        self.implicit = implicit
        self.article_sides = article_sides

    def generic(self, template: str, country: str | None, raw: str = "") -> ActorRef:
        """The catalogue's generic actor `template` ("Civilians ({country})") in `country`."""
        entry = self.actors.by_name[template]
        return ActorRef(raw=raw, name=self.actors.canonical_name(entry, country),
                        inter=entry.inter, country=country)

    def read(self, p: ParsedSentence, ctx: ArticleContext, trigger: Trigger,
             attribution: Attribution, speaker: ActorRef | None, roles: Roles,
             country: str | None, ref: Ref, hurt: list[CasualtyFigure]) -> Sides:
        """The sides of the act `trigger` tells, in `country`; `ref` resolves a name the
        sentence gives, `hurt` are its figures of dead and injured."""
        doc, sent = p.doc, p.sentence
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
        announced = trigger.kind == "territory" and ANNOUNCED_TAKING.match(trigger.text)
        announcer = speaker
        if announced and announcer is None and (found := self.article_sides.claimer(
                p.actors, doc[trigger.start].idx)) is not None:
            announcer = ref(found)
        if announced and announcer is not None and announcer.inter in (1, 2, 3, 4, 8) and (
                actor1 is None or actor1.name != announcer.name):
            # "the Russian Ministry of Defence announced the capture of Soledar", "the Islamic
            # State claimed the capture of Palma": who announces a capture made it
            if actor2 is not None and actor2.name == announcer.name:
                actor2 = actor1
            actor1 = announcer
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
        if actor1 is None and _they_act(doc, trigger):
            # "Islamic State fighters captured Tikrit. They set fire to the governorate
            # building": the one armed side the sentence before named
            before = {r.name: r for r in (ref(a) for i, a, _ in ctx.recent_actors
                                          if i == sent.index - 1)}
            armed = [r for r in before.values() if r.inter in (1, 2, 3, 8)]
            if len(armed) == 1 and (actor2 is None or actor2.name != armed[0].name):
                actor1 = armed[0]
        assoc1 = [ref(m) for m in roles.assoc1]
        assoc2 = [ref(m) for m in roles.assoc2]
        actor1, assoc1 = self._lift_units(actor1, assoc1, country)
        actor2, assoc2 = self._lift_units(actor2, assoc2, country)
        if actor1 and actor2 and actor1.name == actor2.name:
            actor2 = None

        # whose dead and hurt
        # (not demonstrators' dead, "clashes with Israeli troops left two Palestinians dead":
        # a riot's, however the dead are named)
        victims_civilian = any(c.civilians for c in hurt) or (
            any(_a_people(doc, c, p.actors) for c in hurt)
            and not PROTEST_WORDS.search(doc_text(doc)))
        victim_actor = self._victims(doc, p.actors, hurt, ref, country)
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
        civilian_target = CIVILIAN_TARGET.search(doc_text(doc)) is not None
        if actor2 is None and actor1 is not None and trigger.kind in ("territory", "clash") \
                and not civilian_target:
            # The side that lost ground is often named a sentence earlier ("behind ISIS lines").
            # (Not so the side of an attack on a convoy, a clinic, a camp or a bus: "Armed men
            # attacked a humanitarian convoy near Gumuruk" after a bullet on the army's fight
            # with the SPLA-IO is no battle with the SPLA-IO.)
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
        if trigger.kind == "clash" and actor2 is None and civilian_target:
            # "Gunmen ambushed a commercial truck near Kajo-Keji, killing the driver": no
            # second armed side, civilians attacked
            victims_civilian = True
        if not victims_civilian and actor2 is None and any(
                describes_a_civilian(doc[a.start : a.end].root) for a in p.actors):
            # "A retired brigadier general was killed when a bomb attached to his car
            # exploded": no party to the war (roles left him out), a civilian victim
            victims_civilian = True
        if victims_civilian and actor2 is None:
            actor2 = self.generic("Civilians ({country})", country, raw="civilians")

        return Sides(actor1, actor2, assoc1, assoc2, victims_civilian, victim_actor)

    def fit_to_type(self, sub_event: str, event_type: str, actor1: ActorRef | None,
                    actor2: ActorRef | None, p: ParsedSentence, ctx: ArticleContext,
                    trigger: Trigger, roles: Roles, country: str | None
                    ) -> tuple[str, str, ActorRef | None, ActorRef | None]:
        """The sides as the act's type wants them, and the type as its sides and words make it:
        an air force's attack is an air strike, demonstrators' clashes a riot (or force used
        on them), a clash opened by the side told as acting, demonstrators named as ACLED
        names them, the state's forces the victors of ground it regained."""
        doc = p.doc
        if sub_event == "Armed clash" and actor1 is not None and AIR_WORDS.search(actor1.raw):
            # "the Israeli air force attacked multiple sites": what an air force does is
            # strike from the air
            sub_event, event_type = "Air/drone strike", SUB_EVENT_TO_TYPE["Air/drone strike"]
        if sub_event == "Shelling/artillery/missile attack" and _aircraft_fire(doc, trigger):
            # "Russian jets fired missiles at a market", "Syrian warplanes shell town": what
            # aircraft launch is an air strike (ACLED), whatever it is called
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
            demonstrators = self.generic(
                "Protesters ({country})" if event_type == "Protests" else "Rioters ({country})",
                country)
            if sub_event == "Excessive force against protesters":
                actor2 = demonstrators
            else:
                actor1, actor2 = demonstrators, (actor1 if actor1 is not None else actor2)
        if sub_event == "Government regains territory" and actor1 is None and country in \
                self.actors.state_forces and not _money_secured(doc, trigger):
            # "the prime minister declared victory in Tal Afar": the state's forces regained it
            name = self.actors.state_forces[country]
            actor1 = ActorRef(raw="", name=name, inter=1, country=country)
        if sub_event == "Other" and trigger.kind == "other" and actor1 is None and country \
                and EMERGENCY_RULE.search(doc_text(doc)):
            # "authorities imposed a curfew in Port-au-Prince": the state's government
            actor1 = self.generic("Government of {country}", country)
        if sub_event == "Arrests" and actor1 is None and country and trigger.is_verb and \
                not any(c.dep_ in ("aux", "auxpass") and c.lower_ in ("is", "are", "be")
                        for c in doc[trigger.start : trigger.end].root.children):
            # "opposition MP Salomon Kalonda was arrested", "the National Intelligence Agency
            # arrested ...": the state's security forces, however named (not "operations led
            # to the arrest of 50 suspects", a tally, nor "fighters who flee are apprehended")
            actor1 = self.generic("Police Forces of {country}", country)
        if sub_event == "Agreement" and actor1 is None and country and \
                AGREEING.search(doc_text(doc)):
            # "a ceasefire was agreed among the major parties": parties the report leaves
            # unnamed, as ACLED names them
            actor1 = self.implicit.unidentified(country)
            if actor2 is None:
                actor2 = self.implicit.unidentified(country)
        return sub_event, event_type, actor1, actor2

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
                if a.start >= s - 1 and a.end <= e + 1 and \
                        not describes_a_civilian(doc[a.start : a.end].root):
                    return ref(a)
        for fig in figures:
            if fig.victim_tokens is None:
                continue
            words = {t.lower_ for t in doc[fig.victim_tokens[0] : fig.victim_tokens[1]]}
            # "12 soldiers", "three policemen": the forces of the country it happens in
            generic = ("Police Forces of {country}" if words & POLICE_WORDS else
                       "Military Forces of {country}" if words & SOLDIER_WORDS else None)
            if generic and country:
                return self.generic(generic, country, raw=" ".join(sorted(words)))
        return None

    def owner(self, doc: Doc, item, actors: list[ActorMatch], ref, actor1, actor2) -> str | None:
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
