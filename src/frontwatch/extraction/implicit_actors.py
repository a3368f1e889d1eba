"""The actors a sentence leaves implicit, inferred as ACLED codes them.

An armed clash is always fought between two armed sides, an air strike is flown by a state's
air force, an act a group claims is that group's: where a sentence names fewer sides than its
event has, `ImplicitActors` supplies the others from the sentence's own words ("Russian
shelling", "the Taliban said"), the article's context (its belligerents, its outlet's voice,
the group that claimed responsibility) or ACLED's unidentified actors.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace

from spacy.language import Language
from spacy.tokens import Doc

from frontwatch.actors.catalog import ActorCatalog, ActorMatch
from frontwatch.extraction.acled_sides import communal_kind, insurgent_first, militia
from frontwatch.extraction.article_context import ArticleContext
from frontwatch.extraction.background import ARMED_NOUNS
from frontwatch.extraction.lemmas import lemma_of
from frontwatch.extraction.parsed import ParsedSentence
from frontwatch.extraction.roles import (
    LAUNCHING,
    PATIENT_SUBJECT_TRIGGERS,
    PATIENT_SUBJECT_VERBS,
    is_speaker,
)
from frontwatch.extraction.triggers import Trigger
from frontwatch.model import ActorRef, Article
from frontwatch.nlp import doc_lowers, doc_text, seed_text

# Operations only a state's forces conduct, told without them: "military operations in X"
STATE_OPERATIONS = re.compile(
    r"\b(?:military|clearing|ground|mop-?up|counter-?terrorism|counter-?insurgency|security) "
    r"operations?\b",
    re.IGNORECASE)
# Drones fly for non-state groups too: a drone strike's author is not inferred from who flies
DRONE = re.compile(r"\bdrones?\b|\bUAVs?\b", re.IGNORECASE)
UNIDENTIFIED_MILITARY = "Unidentified Military Forces"
# Nouns of a strike that, as a verb's subject, carry its author's adjective ("Israeli strike
# kills 4", "Russian shelling wounds two")
# Verbs whose subject carries out the act its weapon names ("targeted X with missiles")
ASSAILING = {"target", "hit", "strike", "attack", "pound", "bombard", "bomb", "shell", "raid"}
STRIKE_SUBJECTS = {"strike", "strikes", "airstrike", "airstrikes", "shelling", "bombardment",
                   "barrage", "raid", "raids", "bombing"}
# How a side's own outlet names the other side's forces: their strikes are not its own.
ENEMY_WORDS = re.compile(r"\b(?:enemy|occupiers?|invaders?|adversary)\b", re.IGNORECASE)
# Acts a group claims: what ACLED codes as the claiming group's when no other author is named
CLAIMABLE = {"Air/drone strike", "Shelling/artillery/missile attack", "Suicide bomb",
             "Remote explosive/landmine/IED", "Grenade", "Attack",
             "Abduction/forced disappearance"}
COMMUNITIES = re.compile(r"\bbetween\s+(?:the\s+)?(?P<a>[A-Z][\w-]+)\s+and\s+(?:the\s+)?"
                         r"(?P<b>[A-Z][\w-]+)\s+(?P<kind>communities|ethnic groups|clans)\b")
# A bulletin's own forces in the first person ("our units", "our defenders")
OUR_FORCES = re.compile(r"\bour\s+(?:\w+\s+)?(?:units?|forces|troops|defenders|soldiers|"
                        r"fighters|servicemen|positions|brigades?|battalions?)\b", re.IGNORECASE)


def _among_themselves(actor: ActorRef, text: str) -> bool:
    """Whether a sentence tells fighting between several of one unnamed kind ("clashes
    between members of opposed armed groups") rather than between it and another."""
    if not actor.raw or actor.inter not in (2, 3, 4) or not actor.raw.lower().endswith("s"):
        return False
    m = re.search(rf"\bbetween\s+(?:[\w-]+\s+){{0,3}}{re.escape(actor.raw)}(?!\s+and\b)",
                  text)
    return m is not None


def _armed_state_forces(actors: list[ActorMatch]) -> Iterator[ActorMatch]:
    """A state's (or a foreign) military among a sentence's actors: what flies air strikes,
    which its police do not."""
    return (a for a in actors if a.entry.inter in (1, 8)
            and not a.entry.name.startswith("Police"))


class ImplicitActors:
    """Infers the sides a sentence does not name, from the actor catalogue; the spaCy
    pipeline tokenises an outlet's name to find whose forces it speaks for."""

    def __init__(self, actors: ActorCatalog, nlp: Language) -> None:
        self.actors = actors
        self.nlp = nlp

    def sides(self, sub_event: str, actor1: ActorRef | None, actor2: ActorRef | None,
              p: ParsedSentence, ctx: ArticleContext, country: str | None,
              acting: bool = False) -> tuple[ActorRef | None, ActorRef | None]:
        """The sides a sentence leaves implicit, as ACLED codes them: an armed clash is
        always fought between two armed sides (one unnamed is an unidentified armed group, or
        the article's other belligerent); an air strike whose author goes unnamed is the
        work of a state's air force (the one the sentence or the article makes plain, or
        ACLED's unidentified military forces)."""
        text = doc_text(p.doc)
        unnamed = actor1 is not None and actor1.name.startswith("Unidentified")
        if (sub_event in CLAIMABLE and (actor1 is None or not actor1.raw or unnamed)) or (
                # "Militants killed three soldiers": a battle whose claimed side is known
                sub_event == "Armed clash" and unnamed and actor2 is not None):
            # "drones attacked Abqaiq. The Houthis claimed responsibility.": the group that
            # claims an incident, a sentence or two away, beats any inference and the
            # "militants" or "gunmen" the report could not name
            near = [(abs(i - p.sentence.index), a) for i, a in ctx.claimed.items()
                    if abs(i - p.sentence.index) <= 2]
            claimer = min(near, key=lambda x: x[0])[1] if near else None
            if claimer is not None and not (sub_event == "Armed clash"
                                            and claimer.name == actor2.name):
                actor1 = claimer
                if actor2 is not None and actor2.name == actor1.name:
                    actor2 = None
                return actor1, actor2
        if sub_event == "Armed clash":
            # civilians caught in fighting are its victims, not a side
            actor1 = None if actor1 is not None and actor1.inter == 7 else actor1
            actor2 = None if actor2 is not None and actor2.inter == 7 else actor2
            state = self.state_of(country)
            operations = STATE_OPERATIONS.search(text) is not None
            if operations and state is not None and not any(
                    a is not None and a.inter in (1, 8) for a in (actor1, actor2)):
                # "military operations in Nejrab district": the state's forces act
                named = actor1 or actor2
                actor1, actor2 = state, named
            if actor1 is None and actor2 is None:
                named = COMMUNITIES.search(text)
                if named is not None:
                    # "violence between the Gedeo and Guji communities": ACLED's ethnic (or
                    # clan) militias of each
                    kind = "Clan Militia" if named.group("kind").lower().startswith("clan") \
                        else "Ethnic Militia"
                    return (militia(f"{named.group('a')} {kind}", country),
                            militia(f"{named.group('b')} {kind}", country))
                if ctx.belligerents:
                    return ctx.belligerents[0], ctx.belligerents[1]
                communal = ctx.communal or communal_kind(text)
                if communal is not None:
                    # fighting in an article about intercommunal (or inter-clan) violence
                    return militia(communal, country), militia(communal, country)
                unknown = self.unidentified(country)
                if ctx.voice is not None and OUR_FORCES.search(text):
                    # fighting in a state's forces' own bulletin ("the enemy attacked our
                    # units near Vovchansk"): "our" forces are its own, the enemy unnamed
                    return unknown, ctx.voice
                return unknown, unknown
            inferred = actor1 is None or actor2 is None
            if inferred:
                named = actor1 or actor2
                if _among_themselves(named, text):
                    # "clashes between non-state armed groups", "fighting between rival
                    # militias": both sides are of the kind named
                    return named, named
                other = self.other_side(named, ctx, country)
                actor1, actor2 = (named, other) if actor1 is not None else (other, named)
            if operations or acting:
                return actor1, actor2
            return insurgent_first(actor1, actor2, country,
                                   self.actors.state_forces.get(country or ""),
                                   named_both=not inferred)
        if sub_event == "Air/drone strike" and actor1 is not None and \
                actor1.inter in (2, 3, 4) and not DRONE.search(text):
            # "fighting between an armed group and the army, the latter supported by
            # airstrikes": only states fly warplanes; the group is what they strike
            state = next(_armed_state_forces(p.actors), None)
            if state is not None:
                actor1, actor2 = self.actors.resolve(state, country, None,
                                                     p.sentence.start), actor1
        if sub_event == "Shelling/artillery/missile attack" and actor1 is None and \
                ctx.remote_actor is not None:
            actor1 = ctx.remote_actor
        if sub_event == "Air/drone strike" and (actor1 is None or actor1.inter == 7):
            author = self.air_author(actor2, p, ctx, country)
            if actor1 is not None and actor2 is None:
                actor2 = actor1  # the civilians hit
            actor1 = author
            if actor2 is not None and actor2.name == actor1.name:
                actor2 = None
        return actor1, actor2

    def air_author(self, target: ActorRef | None, p: ParsedSentence, ctx: ArticleContext,
                   country: str | None) -> ActorRef:
        """Who flew an air strike the sentence does not give an author: a state's forces the
        sentence names ("ANSF clearing operations supported by airstrikes"), else the state
        side of an article's war against a non-state group (only states fly warplanes), else
        ACLED's unidentified military forces."""
        for a in _armed_state_forces(p.actors):
            ref = self.actors.resolve(a, country, None, p.sentence.start)
            if target is None or ref.name != target.name:
                return ref
        if ctx.voice is not None and (target is None or ctx.voice.name != target.name
                                      and target.inter != 7) \
                and not ENEMY_WORDS.search(doc_text(p.doc)):
            # "Operational-tactical aviation struck a deployment point" in the Russian MoD's
            # own bulletin: its own aircraft (a government outlet's "our aircraft"); not where
            # it tells a strike on civilians or by "the enemy", which is the other side's
            return ctx.voice
        if ctx.remote_actor is not None:
            return ctx.remote_actor  # the one state fighting in the article's country
        sides = ctx.belligerents or []
        states = [b for b in sides if b.inter in (1, 8)]
        if len(states) == 1 and not DRONE.search(doc_text(p.doc)):
            return states[0]
        entry = self.actors.by_name[UNIDENTIFIED_MILITARY]
        return ActorRef(raw="", name=entry.name, inter=entry.inter, country=None)

    def outlet_voice(self, article: Article, country: str | None) -> ActorRef | None:
        """The one state whose forces the outlet's name says it speaks for ("Russian MoD
        bulletin", "IDF statement", "Malian army communique"); None for any other outlet."""
        if not article.outlet:
            return None
        doc = seed_text(self.nlp.make_doc(article.outlet), article.outlet)
        refs = {}
        for a in self.actors.find(doc):
            if a.entry.inter != 1 or not (a.adjective_country or a.entry.country):
                continue  # a state's forces only, and only where the outlet says whose
            ref = self.actors.resolve(a, country, None)
            refs[ref.name] = replace(ref, start=None, end=None, raw="")
        return next(iter(refs.values())) if len(refs) == 1 else None

    def other_side(self, named: ActorRef, ctx: ArticleContext, country: str | None) -> ActorRef:
        """The side of a clash the sentence leaves unnamed: the article's other belligerent
        when the named one is one of its two, else an unidentified armed group."""
        sides = ctx.belligerents or []
        if any(b.name == named.name for b in sides):
            other = next((b for b in sides if b.name != named.name), None)
            if other is not None:
                return other
        return self.unidentified(country)

    def unidentified(self, country: str | None) -> ActorRef:
        return ArticleContext.actor_ref(
            self.actors.by_name["Unidentified Armed Group ({country})"], self.actors, country)

    def state_of(self, country: str | None) -> ActorRef | None:
        """The forces of the state `country` (a territory without an army of its own gets
        the one operating there)."""
        if not country:
            return None
        entry = self.actors.by_name["Military Forces of {country}"]
        return ActorRef(raw="", name=self.actors.canonical_name(entry, country), inter=1,
                        country=country)

    def speaker(self, doc: Doc, actors: list[ActorMatch], ctx: ArticleContext
                ) -> ActorRef | None:
        for a in actors:
            if is_speaker(doc[a.start : a.end].root):
                return self.actors.resolve(a, ctx.article_country, ctx.dominant_group)
        # "The ... Group to Support Islam and Muslims (JNIM) claimed the attack": a group named
        # anywhere inside the subject of "claimed"
        lowers = doc_lowers(doc)
        subjects = {t.i for n, w in enumerate(lowers) if w in ("claimed", "claims")
                    for c in doc[n].children if c.dep_ == "nsubj" for t in c.subtree}
        for a in actors:
            if a.start in subjects and a.entry.inter in (2, 3):
                return self.actors.resolve(a, ctx.article_country, ctx.dominant_group)
        # "the bombings claimed by Da'esh": the group that claimed them
        for a in actors:
            r = doc[a.start : a.end].root
            if a.entry.inter in (2, 3) and r.dep_ == "pobj" and r.head.lower_ == "by" \
                    and r.head.head.lower_ == "claimed":
                return self.actors.resolve(a, ctx.article_country, ctx.dominant_group)
        return None

    def adjective_agent(self, doc: Doc, trigger: Trigger, country: str | None
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
        # "Israeli strike kills 4": the strike that killed is the state's
        subjects = [c for c in root.children if active and c.dep_ == "nsubj"
                    and (c.lower_ in ARMED_NOUNS or c.lower_ in STRIKE_SUBJECTS)]
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
        # ("Russia targeted Odesa's port with ballistic missiles", "A Russian drone dropped a
        # grenade on a car": the state, or its armed noun's adjective, as the verb's subject)
        if verb.tag_.startswith("VB") and (verb is root or lemma_of(verb) in LAUNCHING
                                           or lemma_of(verb) in ASSAILING):
            for c in verb.children:
                if c.dep_ != "nsubj":
                    continue
                if c.text in self.actors.states:
                    modifiers.append(c)
                elif c.lower_ in ARMED_NOUNS and lemma_of(verb) not in PATIENT_SUBJECT_VERBS \
                        and verb.lower_ not in PATIENT_SUBJECT_TRIGGERS:
                    modifiers += [m for m in c.children
                                  if m.dep_ in ("amod", "compound", "nmod", "poss")]
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
