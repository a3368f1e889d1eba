"""How the learned coder's reading combines with the rules': new events, retyping and
dropping, by thresholds tuned on real dev."""

import re
from dataclasses import dataclass, fields, replace
from typing import Any

from spacy.tokens import Doc

from frontwatch.extraction.classify import SIMPLE_KINDS
from frontwatch.extraction.coder import Coding
from frontwatch.extraction.earlier_acts import DAY_TOLD
from frontwatch.extraction.means import listed_means
from frontwatch.extraction.triggers import Trigger
from frontwatch.model import SUB_EVENT_TO_TYPE, ActorRef, Mention

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
ARMED_INTERS = (1, 2, 3, 4, 8)  # ACLED's state, rebel, militia, communal and external forces
# The coder reads any sentence about aircraft as an air strike ("carried out an air landing
# operation behind ISIS lines" at 0.80); a strike it alone finds needs a word that strikes.
_STRIKE_WORDS = re.compile(
    r"\b(?:(?:air|drone)?\s*strikes?|airstrikes?|struck|strik(?:e|es|ing)|bomb\w*|raids?|"
    r"raided|sorties?|missiles?|rockets?|hit|hits|pound\w*|target\w*|shell\w*|killed|"
    r"destroy\w*)\b", re.IGNORECASE)
# An aircraft named is a strike word too, unless the aircraft is what was lost ("the army
# confirmed the loss of 2 helicopters": a crash or a downing, no strike).
_AIRCRAFT = re.compile(r"\b(?:warplanes?|jets?|aircraft|drones?|UAVs?|helicopters?|gunships?)\b",
                       re.IGNORECASE)
_AIRCRAFT_LOST = re.compile(r"\b(?:loss|losses|lost|crash\w*|went down|downing)\b", re.IGNORECASE)


def _strikes(text: str) -> bool:
    if _STRIKE_WORDS.search(text):
        return True
    return _AIRCRAFT.search(text) is not None and _AIRCRAFT_LOST.search(text) is None


# Wire prose that tells the toll before the act ("Ten people died in Kidal on Sunday after a
# bomb exploded in a market"): every coder trained so far reads it as no event (0.00-0.04),
# having learned "N people <verb> after <violence>" from the displacement bulletins ("2,000
# people fled after clashes"); the rules read the grammar, and keep it.
_TOLL_THEN_ACT = re.compile(
    r"\b(?:killed|died|dead|slain)\b[^.;:]{0,90}?\b(?:after|when|as)\s+[^.;:]{0,60}?"
    r"\b(?:attack\w*|bomb\w*|explo\w*|shell\w*|strikes?|struck|clash\w*|ambush\w*|"
    r"opened fire|fired|gunmen|insurgents|militants|rebels|raid\w*|stormed)\b", re.IGNORECASE)


# "The Foreign Secretary condemned the attack on a market in Maiduguri that killed 15
# people": a statement that names an act and its toll tells it, where the coder, taught
# condemnations as talk, reads none. (A retelling of an act told elsewhere in the article
# merges with it.)
_CONDEMNED_TOLL = re.compile(
    r"\b(?:condemn\w*|denounc\w*|deplor\w*)\b[^.;:]{0,80}?\b(?:attacks?|bombings?|strikes?|"
    r"shelling|killings?|massacres?|ambush\w*|raids?)\b[^.;:]{0,80}?\b(?:that|which)\s+"
    r"(?:killed|left|claimed|wounded|injured)\b", re.IGNORECASE)


def toll_before_act(text: str) -> bool:
    return _TOLL_THEN_ACT.search(text) is not None or _CONDEMNED_TOLL.search(text) is not None


@dataclass(frozen=True, slots=True)
class CoderPolicy:
    """How far the coder's reading overrides the rules (probabilities, tuned on real dev)."""

    new_event: float = 0.8  # a sentence no rule reads becomes an event when the coder gives
    # one sub-type this probability
    confirm: float = 0.9  # the rules' background tests give way when the coder reads an event
    # this surely
    retype_at: float = 0.75  # the coder's sub-type replaces the rules' at this probability...
    doubt: float = 0.2  # ... when it gives the rules' own sub-type less than this
    drop: float = 0.5  # a rule's event is dropped when the coder reads no event this surely
    drop_named: float = 0.1  # ... or, when it names two known armed sides, this surely
    role_at: float = 0.5  # the role head's actor1/actor2 replace the parse's at this
    # probability (above 1: never)
    place_at: float = 0.0  # of several places, those the role head marks below this are not
    # the act's (0: the rules' places all stay)
    second_act: float = 0.25  # a second sub-type the coder gives this probability is a
    # second act of the sentence, where a trigger of it is there (above 1: never)

    @classmethod
    def for_coder(cls, coder: Any) -> "CoderPolicy":
        """The thresholds tuned on real dev for this coder: its card's `policy` (written by
        `bench/coder_policy.py --write`) over the defaults, which were tuned for a coder whose
        card has none. Each coder reads probabilities its own way, so a retrained coder
        carries its own thresholds."""
        card = getattr(coder, "card", None) or {}
        tuned = card.get("policy") or {}
        known = {f.name for f in fields(cls)}
        return replace(cls(), **{k: float(v) for k, v in tuned.items() if k in known})

    def drops(self, coding: Coding, actor1: ActorRef | None, actor2: ActorRef | None,
              text: str = "") -> bool:
        """Whether a rule's event goes, the coder reading no event. Two armed sides the
        catalogue knows, named against each other ("the SAA and tribal forces continued
        pressuring ISIS in Maadan"), keep the rules' reading unless the coder is sure; so does
        a toll told before the act that caused it (`text`, the sentence)."""
        named = (actor1 is not None and actor2 is not None
                 and actor1.inter in ARMED_INTERS and actor2.inter in ARMED_INTERS
                 and not actor1.name.startswith("Unidentified")
                 and not actor2.name.startswith("Unidentified"))
        # one armed side the text names, acting on a day it names ("Hamas launched rockets at
        # Tel Aviv on Sunday."): the coder must be as sure to undo it
        named = named or (actor1 is not None and bool(actor1.raw)
                          and actor1.inter in ARMED_INTERS
                          and not actor1.name.startswith("Unidentified")
                          and DAY_TOLD.search(text) is not None)
        if toll_before_act(text):
            return False
        return coding.event_probability < (min(self.drop_named, self.drop) if named else self.drop)

    def retype(self, coding: Coding, sub: str | None, event_type: str
               ) -> tuple[str | None, str]:
        best, prob = coding.best
        if prob < self.retype_at or best == sub:
            return sub, event_type
        if sub is not None and coding.probs.get(sub, 0.0) >= self.doubt:
            return sub, event_type  # the rules read a trigger the coder does not rule out
        if sub in ACTOR_DECIDED and best in ACTOR_DECIDED:
            return sub, event_type
        if sub in ("Abduction/forced disappearance", "Arrests") and best in ACTOR_DECIDED:
            # "Pirates seized a fishing vessel and its crew": the rules saw who or what was
            # taken (people, a ship), which no ground is
            return sub, event_type
        return best, SUB_EVENT_TO_TYPE[best]


# The trigger kinds that tell an act of each sub-type.
_KINDS_OF: dict[str, set[str]] = {sub: {kind} for kind, sub in SIMPLE_KINDS.items()} | {
    "Armed clash": {"clash", "kill"},
    "Attack": {"vac_kill", "kill", "clash"},
    "Government regains territory": {"territory"},
    "Non-state actor overtakes territory": {"territory"},
    "Non-violent transfer of territory": {"transfer"},
    # armed men burning ("set fire to", a riot word) destroy property (classify)
    "Looting/property destruction": {"looting", "riot"},
}
# Sub-types that are readings of one act, never two acts of one sentence: a fight that wins
# ground is the capture (ACLED), a killing is a clash or an attack by who died, a protest is
# of one kind, people taken are abducted or arrested.
_ONE_ACT = [
    {"Armed clash", "Government regains territory", "Non-state actor overtakes territory",
     "Non-violent transfer of territory", "Attack"},
    {"Peaceful protest", "Protest with intervention", "Excessive force against protesters",
     "Violent demonstration", "Mob violence"},
    {"Abduction/forced disappearance", "Arrests"},
]


def _one_act(a: str, b: str) -> bool:
    if {a, b} == {"Attack", "Non-state actor overtakes territory"} or \
            {a, b} == {"Attack", "Government regains territory"}:
        return False  # "invaded the town, killing dozens of people": ground and a massacre
    return any(a in group and b in group for group in _ONE_ACT)


def second_act_trigger(coding: Coding, triggers: list[Trigger], mention: Mention,
                       policy: CoderPolicy) -> Trigger | None:
    """The trigger of a second act the sentence tells beside `mention`'s: the coder's most
    likely sub-type after the mention's, read at `policy.second_act` or more, of an act
    the mention's is not a reading of, with a trigger of its own in the sentence (not the
    mention's, not help given, not background). Means listed side by side ("shelling and
    airstrikes") are split by `means.split_by_means` instead."""
    first = mention.sub_event_type
    ranked = sorted(coding.probs.items(), key=lambda kv: -kv[1])
    sub, prob = next(((s, p) for s, p in ranked[:2] if s != first), ("", 0.0))
    if prob < policy.second_act or not sub or _one_act(first, sub):
        return None
    if sub in listed_means(mention.sentence.text):
        return None
    kinds = _KINDS_OF.get(sub, set())
    return next((t for t in triggers if t.kind in kinds and t.text != mention.trigger
                 and not t.supporting and not t.subordinate), None)


_SAYING = {"said", "says", "say", "told", "reported", "reports", "added", "stated", "confirmed",
           "claimed", "claims", "announced"}


def model_trigger(doc: Doc, coding: Coding, policy: CoderPolicy) -> Trigger | None:
    """A trigger for a sentence the coder reads as an event and no rule does: the sentence's
    main verb stands for the act."""
    best, prob = coding.best
    if prob < policy.new_event:
        return None
    if best == "Air/drone strike" and not _strikes(doc.text):
        return None
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if root is None:
        return None
    if root.lower_ in _SAYING:
        # "Ukrainian drones hit a refinery in Ryazan, officials said": the act is the clause
        # said before the saying, not the saying (a clause after it, "confirmed that Zummar
        # has been occupied", keeps the whole sentence's reading)
        said = next((c for c in root.children if c.dep_ in ("ccomp", "parataxis")
                     and c.tag_.startswith("VB") and c.i < root.i), None)
        root = said or root
    # the tag, not `pos_`: the attribute ruler that fills `pos_` is off when candidate
    # sentences are parsed
    return Trigger(MODEL_KINDS[best], root.i, root.i + 1, root.text,
                   is_verb=root.tag_.startswith("VB") or root.tag_ == "MD")


def codable(text: str) -> bool:
    """Worth the coder's time: a sentence of some words, not a dateline or a menu item."""
    return len(text) >= 20 and text.count(" ") >= 3
