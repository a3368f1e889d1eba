"""One-to-one matching of predicted to gold events (Hungarian assignment on a pair score).

A pair can match only if it passes three gates: the same event-type family, dates within the
coarser of the two time precisions, and places within 25 km or of the same name. Among pairs that
pass, the score prefers the same sub-type, the same actors and the nearer place, and
`scipy.optimize.linear_sum_assignment` picks the assignment with the highest total.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import numpy as np
from scipy.optimize import linear_sum_assignment

from frontwatch.evaluation.names import same_actor, same_place_name
from frontwatch.geodesy import haversine_km

PLACE_RADIUS_KM = 25.0
# Days either side of the gold date a prediction may fall, by ACLED time precision
# (1 = actual day, 2 = week or weekend, 3 = month).
DATE_WINDOW_DAYS = {1: 1, 2: 7, 3: 31}

# Families of event types that may be confused with each other without losing the event:
# protests and riots are one family because the line between them is a judgement on violence.
FAMILY_OF = {
    "Battles": "Battles",
    "Explosions/Remote violence": "Explosions/Remote violence",
    "Violence against civilians": "Violence against civilians",
    "Protests": "Protests/Riots",
    "Riots": "Protests/Riots",
    "Strategic developments": "Strategic developments",
}

_NO_MATCH = -1e6


@dataclass(slots=True)
class Scorable:
    """The fields the scorer compares, taken from a gold event or a predicted `Event`."""

    event_date: dt.date | None
    time_precision: int
    event_type: str
    sub_event_type: str
    actor1: str = ""
    actor2: str = ""
    location: str = ""
    latitude: float | None = None
    longitude: float | None = None
    fatalities: int = 0
    contested: bool = False
    claimants: list[str] = field(default_factory=list)
    sentence: str = ""
    optional: bool = False

    @property
    def family(self) -> str:
        return FAMILY_OF.get(self.event_type, self.event_type)

    @property
    def has_coords(self) -> bool:
        return self.latitude is not None and self.longitude is not None



def distance_km(gold: Scorable, pred: Scorable) -> float | None:
    if gold.has_coords and pred.has_coords:
        return haversine_km(gold.latitude, gold.longitude, pred.latitude, pred.longitude)
    return None


def dates_compatible(gold: Scorable, pred: Scorable) -> bool:
    if gold.event_date is None or pred.event_date is None:
        return True
    window = max(
        DATE_WINDOW_DAYS.get(gold.time_precision, 31), DATE_WINDOW_DAYS.get(pred.time_precision, 31)
    )
    return abs((gold.event_date - pred.event_date).days) <= window


def places_compatible(gold: Scorable, pred: Scorable) -> bool:
    """Within 25 km, or the same name; a side that names no place does not block."""
    km = distance_km(gold, pred)
    if km is not None and km <= PLACE_RADIUS_KM:
        return True
    if gold.location and pred.location and same_place_name(gold.location, pred.location):
        return True
    if km is not None:
        return False
    return not (gold.location and pred.location)


def places_equal(gold: Scorable, pred: Scorable) -> bool:
    """The strict place test: within 25 km or the same name; an event that names no place
    matches only another that names none (the lenient test lets a missing place pass)."""
    km = distance_km(gold, pred)
    if km is not None and km <= PLACE_RADIUS_KM:
        return True
    if gold.location and pred.location:
        return same_place_name(gold.location, pred.location)
    return not gold.location and not pred.location and km is None


def can_match(gold: Scorable, pred: Scorable, strict: bool = False) -> bool:
    """Lenient: same type family, compatible dates and places. Strict (the yardstick on real
    reporting, where two coders are compared): the same sub-event type and the same place, and
    the same date window, since ACLED splits events by day."""
    if strict:
        return (
            gold.sub_event_type == pred.sub_event_type
            and dates_compatible(gold, pred)
            and places_equal(gold, pred)
        )
    return (
        gold.family == pred.family
        and dates_compatible(gold, pred)
        and places_compatible(gold, pred)
    )


def pair_score(gold: Scorable, pred: Scorable) -> float:
    """Higher is a better pair; only meaningful for pairs that `can_match`."""
    score = 1.0
    if gold.sub_event_type == pred.sub_event_type:
        score += 1.0
    direct = same_actor(gold.actor1, pred.actor1) + same_actor(gold.actor2, pred.actor2)
    swapped = same_actor(gold.actor1, pred.actor2) + same_actor(gold.actor2, pred.actor1)
    # ACLED says actor order carries no direction, but the house style puts the initiator
    # first: a swapped pair is the same event, scored a little lower.
    score += 0.5 * max(direct, 0.75 * swapped)
    km = distance_km(gold, pred)
    if km is not None:
        score += 0.5 * max(0.0, 1.0 - km / PLACE_RADIUS_KM)
    elif gold.location and pred.location and same_place_name(gold.location, pred.location):
        score += 0.5
    if gold.event_date is not None and gold.event_date == pred.event_date:
        score += 0.25
    if gold.fatalities == pred.fatalities:
        score += 0.1
    return score


def assign(
    gold: list[Scorable], pred: list[Scorable], strict: bool = False
) -> list[tuple[int, int]]:
    """Best one-to-one pairs (gold index, pred index) among those that pass the gates."""
    if not gold or not pred:
        return []
    scores = np.full((len(gold), len(pred)), _NO_MATCH)
    for i, g in enumerate(gold):
        for j, p in enumerate(pred):
            if can_match(g, p, strict):
                scores[i, j] = pair_score(g, p)
    rows, cols = linear_sum_assignment(scores, maximize=True)
    return [(int(i), int(j)) for i, j in zip(rows, cols, strict=True) if scores[i, j] > 0]
