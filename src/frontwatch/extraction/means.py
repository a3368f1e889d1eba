"""One event per means of violence a sentence lists side by side.

ACLED codes an event per sub-type: "intense artillery shelling and airstrikes in At Tuhayat"
is a shelling and an air strike; "military clashes, including airstrikes" a clash and an air
strike; "killing 15 people and kidnapping 8 others" an attack and an abduction. The rules and
the coder read one sub-type per sentence; this adds the others the sentence names beside it.
"""

from __future__ import annotations

import re
from dataclasses import replace

from frontwatch.model import SUB_EVENT_TO_TYPE, VIOLENT_TYPES, Mention

# Means named as nouns (or gerunds) of an act; order matters only for reading.
_MEANS: list[tuple[str, re.Pattern[str]]] = [
    ("Air/drone strike", re.compile(
        r"\b(?:air\s*strikes?|airstrikes?|air\s+raids?|aerial\s+(?:bombardments?|bombings?|"
        r"attacks?|strikes?)|drone\s+(?:strikes?|attacks?)|drone|drones|warplanes?|"
        r"air\s+attacks?)\b", re.IGNORECASE)),
    ("Shelling/artillery/missile attack", re.compile(
        r"\b(?:shelling|artillery(?:\s+(?:fire|shelling|attacks?|strikes?))?|"
        r"mortars?(?:\s+(?:fire|rounds?|shells?|attacks?))?|rocket\s+(?:attacks?|fire)|"
        r"missile\s+(?:attacks?|strikes?))\b", re.IGNORECASE)),
    ("Armed clash", re.compile(
        r"\b(?:ground\s+(?:fighting|clashes|combat)|armed\s+clashes|clashes|fighting|"
        r"gun\s*fights?|firefights?)\b", re.IGNORECASE)),
    ("Remote explosive/landmine/IED", re.compile(
        r"\b(?:IED\s+(?:explosions?|attacks?|blasts?)|IEDs?|improvised\s+explosive\s+devices?|"
        r"roadside\s+bombs?|landmines?|car\s+bombs?)\b", re.IGNORECASE)),
    # a killing beside a kidnapping ("killing 15 people and kidnapping 8 others"); it adds no
    # event of its own beside other means (a clash's toll is the clash's)
    ("Attack", re.compile(
        r"\b(?:kill(?:ing|ed)|shot\s+dead|shooting\s+dead|murder(?:ing|ed))\s+"
        r"(?:at\s+least\s+|some\s+|about\s+)?(?:\d[\d,]*|one|two|three|four|five|six|seven|"
        r"eight|nine|ten|dozens|several)\b(?:\s+(?:\w+\s+)?(?:people|persons|civilians|villagers|"
        r"residents|men|women|children|others|soldiers|workers))?", re.IGNORECASE)),
    ("Abduction/forced disappearance", re.compile(
        r"\b(?:kidnapp(?:ing|ed)|abduct(?:ing|ed))\s+(?:at\s+least\s+|some\s+|about\s+)?"
        r"(?:\d[\d,]*|one|two|three|four|five|six|seven|eight|nine|ten|dozens|several|"
        r"others|more)\b|\b(?:kidnappings|abductions)\b", re.IGNORECASE)),
]
# Between two means of one act: a list ("shelling, drone and ground attacks"), an inclusion
# ("clashes, including airstrikes"), support ("clearing operations supported by airstrikes").
_JOIN = re.compile(
    r"^[\s,]*(?:and|or|as\s+well\s+as|along\s+with|including|with|amid|"
    r"(?:supported|backed|accompanied|followed|preceded)\s+by|,)[\s,]*"
    r"(?:(?:frequent|sporadic|heavy|intense|intensive|repeated|reported|reports\s+of|"
    r"the\s+use\s+of|use\s+of|several|multiple|continued|ongoing|armed|the|an?)\s+){0,3}$",
    re.IGNORECASE,
)
# Weapons named in a fight are its arms, not acts of their own; and a drone shot down is no
# drone strike.
_NOT_AN_ACT = re.compile(r"rocket-propelled|anti-?aircraft|anti-?drone|intercept\w*|shot\s+down|"
                         r"downed|counter-?drone", re.IGNORECASE)
_MAX_GAP = 60


def _hits(text: str) -> list[tuple[int, int, str]]:
    out = []
    for sub, pattern in _MEANS:
        for m in pattern.finditer(text):
            if _NOT_AN_ACT.search(text[max(0, m.start() - 25): m.end() + 25]):
                continue
            out.append((m.start(), m.end(), sub))
    out.sort()
    # overlapping hits ("IED attacks" in IED and nowhere else): the longest stays
    kept: list[tuple[int, int, str]] = []
    for h in out:
        if kept and h[0] < kept[-1][1]:
            if h[1] - h[0] > kept[-1][1] - kept[-1][0]:
                kept[-1] = h
            continue
        kept.append(h)
    return kept


def listed_means(text: str) -> list[str]:
    """The sub-types of the means a sentence lists side by side, in order of mention; empty
    when it names fewer than two different ones in one list."""
    hits = _hits(text)
    best: list[tuple[int, int, str]] = []
    run: list[tuple[int, int, str]] = []
    for h in hits:
        if run and h[0] - run[-1][1] <= _MAX_GAP and _JOIN.match(text[run[-1][1]: h[0]]):
            run.append(h)
        else:
            run = [h]
        if len({x[2] for x in run}) > len({x[2] for x in best}):
            best = list(run)
    subs = list(dict.fromkeys(x[2] for x in best))
    return subs if len(subs) > 1 else []


def split_by_means(m: Mention) -> list[Mention]:
    """The mention and, for each other means its sentence lists beside its own, a copy of
    that sub-type; the copies carry no figures or materiel (the toll stays with the act the
    rules read)."""
    if SUB_EVENT_TO_TYPE.get(m.sub_event_type) not in VIOLENT_TYPES or m.denial:
        return [m]
    subs = listed_means(m.sentence.text)
    if m.sub_event_type not in subs:
        return [m]
    out = [m]
    for sub in subs:
        if sub in (m.sub_event_type, "Attack"):
            continue
        copy = replace(m, sub_event_type=sub, event_type=SUB_EVENT_TO_TYPE[sub],
                       fatalities=None, injuries=None, materiel=[], means_split=True)
        out.append(copy)
    if len(out) > 1:
        m.means_split = True
    return out
