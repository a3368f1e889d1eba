"""ACLED event and sub-event type of a mention, from its trigger kind and its actors.

ACLED's definitions decide: a territory change is "Government regains territory" when state
forces (or forces acting for a government) take it and "Non-state actor overtakes territory"
otherwise; killing by armed actors of unarmed people is violence against civilians, unless it
is remote (strikes, shelling, explosives keep their type and are flagged as civilian
targeting); demonstrations are peaceful, met with intervention, violent, or met with lethal
force.
"""

from __future__ import annotations

import re

from frontwatch.extraction.triggers import Trigger
from frontwatch.model import SUB_EVENT_TO_TYPE, ActorRef

SIMPLE_KINDS = {
    "chemical": "Chemical weapon",
    "suicide": "Suicide bomb",
    "grenade": "Grenade",
    "ied": "Remote explosive/landmine/IED",
    "air": "Air/drone strike",
    "shelling": "Shelling/artillery/missile attack",
    "sexual": "Sexual violence",
    "abduction": "Abduction/forced disappearance",
    "vac_kill": "Attack",
    "excessive_force": "Excessive force against protesters",
    "looting": "Looting/property destruction",
    "arrests": "Arrests",
    "disrupted": "Disrupted weapons use",
    "hq": "Headquarters or base established",
    "transfer": "Non-violent transfer of territory",
    "agreement": "Agreement",
    "change": "Change to group/activity",
    "other": "Other",
}
STRATEGIC_KINDS = {"looting", "arrests", "disrupted", "hq", "transfer", "agreement", "change",
                   "other"}
# Past forms, and the present of headlines ("Police arrest dozens", "Protesters clash with
# police", "Rioters torch cars").
INTERVENTION = re.compile(
    r"\b(dispers\w*|tear ?gas|water cannons?|rubber bullets|batons?|beat(?:en)?|broke up|"
    r"break up|breaks up|arrest(?:ed|s)?|detain(?:ed|s)?|rounded up|round up|clubs?|"
    r"pepper spray|stun grenades?)\b",
    re.IGNORECASE,
)
PROTEST_VIOLENCE = re.compile(
    r"\b(threw stones|hurled stones|throw stones|hurl stones|pelted|pelt|torched|torch|"
    r"torches|set fire|set ablaze|stormed|storm|storms|smashed|vandali[sz]ed|clashed|"
    r"clash(?:es)? with|rioted|burned|burnt|looted|loot|attacked)\b",
    re.IGNORECASE,
)
LETHAL_FORCE = re.compile(
    r"\b(live (?:ammunition|fire|rounds)|opened fire|shot dead|killed|killing|fired on)\b",
    re.IGNORECASE,
)
# Armed people on the receiving end, or fighting told beside the attack.
FORCES = re.compile(
    r"\b(?:soldiers?|troops|army|military|servicem[ae]n|police\w*|gendarm\w*|officers?|"
    r"security (?:forces|personnel|post|posts)|forces|base|bases|checkpoints?|outposts?|"
    r"barracks|patrols?|convoy of (?:the )?(?:army|military)|militia\w*|fighters|rebels|"
    r"insurgents|militants|clash\w*|fought|fighting|battle\w*|gunfight|firefight|"
    r"exchange of fire|repelled|repulsed)\b", re.IGNORECASE)
MOB = re.compile(r"\b(mob|lynch\w*|vigilantes?|angry crowd|crowd)\b", re.IGNORECASE)


def _is_state(actor: ActorRef | None) -> bool:
    return actor is not None and (actor.inter == 1 or actor.name.startswith("Military Forces")
                                  or actor.name.startswith("Police Forces"))


def _armed(actor: ActorRef | None) -> bool:
    return actor is not None and actor.inter in (1, 2, 3, 4, 8)


def classify(
    trigger: Trigger,
    triggers: list[Trigger],
    actor1: ActorRef | None,
    actor2: ActorRef | None,
    victims_civilian: bool,
    text: str,
    country: str | None = None,
) -> tuple[str | None, str]:
    """(sub_event_type, event_type); sub_event_type None means no event."""
    kind = trigger.kind
    # a protest told as background ("after they covered a protest") is not this event's
    kinds = {t.kind for t in triggers if not (t.kind == "protest" and t.subordinate)}
    sub: str | None
    if kind == "riot" and "protest" not in kinds and not MOB.search(text) and _armed(actor1):
        # armed men burning and looting are not rioters: property destruction
        sub = "Looting/property destruction"
    elif kind in ("protest", "riot") or (
        kind in ("clash", "kill", "arrests") and "protest" in kinds
    ):
        sub = _demonstration(kinds, text, actor1, actor2)
    elif kind == "excessive_force":
        sub = "Excessive force against protesters"
    elif kind == "vac_kill" and actor1 is not None and actor1.inter == 5:
        sub = "Mob violence"  # "an angry mob lynched a man"
    elif kind in ("grenade", "ied") and actor1 is not None and actor1.inter in (5, 6):
        # "demonstrators reached the fence and threw explosive devices and grenades": what
        # demonstrators throw makes the demonstration violent (ACLED), not an explosion
        sub = "Violent demonstration"
    elif kind in SIMPLE_KINDS:
        sub = SIMPLE_KINDS[kind]
        if kind == "abduction" and _is_state(actor1) and not victims_civilian and \
                "arrest" in text.lower():
            sub = "Arrests"
    elif kind == "territory":
        # ACLED: a foreign state's forces taking ground abroad "overtake" it, like non-state
        # actors do; a government "regains" its own territory
        foreign = actor1 is not None and actor1.country is not None and country is not None \
            and actor1.country != country and actor1.inter in (1, 8)
        non_state_took = actor1 is not None and (
            (not _is_state(actor1) and actor1.inter != 8) or foreign)
        if non_state_took or (actor1 is None and _is_state(actor2)):
            sub = "Non-state actor overtakes territory"
        else:
            sub = "Government regains territory"
    elif kind == "clash":
        civilians_only = (actor2 is not None and actor2.inter == 7) or (
            victims_civilian and not _armed(actor2)
        )
        if civilians_only and _armed(actor1) or civilians_only and actor1 is None:
            sub = "Attack"
        elif actor2 is None and not _is_state(actor1) \
                and trigger.text.lower().startswith(("attack", "struck")) \
                and not FORCES.search(text):
            # "the heinous attacks in Ouagadougou", "a burial team was attacked in Katwa": a
            # group's attack with no armed side on the other end and no fighting told hits
            # the unarmed (docs/coding.md); soldiers or police on the other end make it a
            # battle (a state's forces "attacking sites" is left to the rest of the rules)
            sub = "Attack"
        else:
            sub = "Armed clash"
    elif kind == "kill":
        if actor1 is None:
            # Deaths with no one named as their cause: a casualty report that can only
            # complete another mention of the same incident.
            return ("Attack" if victims_civilian else "Armed clash"), "casualty"
        if (actor2 is not None and actor2.inter == 7) or (victims_civilian and not _armed(actor2)):
            sub = "Attack"
        else:
            sub = "Armed clash"
    else:
        sub = None
    if sub is None:
        return None, ""
    return sub, SUB_EVENT_TO_TYPE[sub]


def _demonstration(
    kinds: set[str], text: str, actor1: ActorRef | None, actor2: ActorRef | None
) -> str:
    if (actor1 is not None and actor1.inter == 5) or ("protest" not in kinds and MOB.search(text)):
        return "Mob violence"
    if "excessive_force" in kinds or (LETHAL_FORCE.search(text) and "protest" in kinds):
        return "Excessive force against protesters"
    if "riot" in kinds or PROTEST_VIOLENCE.search(text):
        return "Violent demonstration"
    if INTERVENTION.search(text):
        return "Protest with intervention"
    return "Peaceful protest"
