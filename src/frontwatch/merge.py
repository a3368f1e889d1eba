"""Cross-article event merging: when two reports tell the same incident, and what it then says.

Pure functions over `Event` and `Claim` records; the store calls them and records the reasons,
so every merge can be explained (`frontwatch event ID`).

Two reports are one incident when all four hold:
- dates compatible within their precision (`time_precision` 1 day, 2 week, 3 month), and
  not two times of day or two days each report names for the act (`merge_times`);
- the same place: same GeoNames id, or within `NEAR_KM`, or (when either is only roughly
  located, geo_precision >= 2) the same admin2;
- the same event-type family (`FAMILIES`): outlets call one fight a clash, another shelling;
  and fighting and violence against civilians are kindred (`KINDRED_FAMILIES`): the side hit
  reports an attack on civilians where the side that struck reports a strike on fighters;
- compatible actors: the actors one report names are a subset of the other's (order ignored;
  "Unidentified Armed Group" and empty actors match anything), or, for rival accounts of who
  the victims were, the named armed actors are, provided the two share one as the attacker
  (or one side, named by its units or allies: `sides.side_of`); at one spot within a day, also
  accounts that each name one side the other leaves out (`actor_reason`).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from frontwatch.geo.names import loose_key
from frontwatch.geodesy import haversine_km
from frontwatch.merge_times import days_conflict, times_conflict
from frontwatch.model import Claim, Count, Event
from frontwatch.sides import side_of

NEAR_KM = 5.0
# Two spellings of one place name may be geocoded to different entries (the town and its
# district, a namesake nearby); the name decides only within this distance.
SPELLING_KM = 100.0

# Sub-event types whose reports may describe one incident differently.
TERRITORY_SUB_EVENTS = frozenset(
    {
        "Government regains territory",
        "Non-state actor overtakes territory",
        "Non-violent transfer of territory",
    }
)
FAMILIES: dict[str, str] = {
    "Battles": "fighting",
    "Explosions/Remote violence": "fighting",
    "Violence against civilians": "violence against civilians",
    "Protests": "demonstrations",
    "Riots": "demonstrations",
    "Strategic developments": "strategic",
}

# Days either side a report of that time precision may lie from the incident.
DATE_SLACK_DAYS = {1: 1, 2: 7, 3: 31}

# Actors that say nothing about who fought: they never contradict a named actor.
WILDCARD_ACTORS = frozenset({"", "unidentified armed group", "unknown"})

# Vague quantifiers as figures. ACLED codes "tens" 10, "dozens" 12, "hundreds" 100; other
# vague words ("several", "large numbers", "some") count small so they never inflate a toll.
VAGUE_FIGURES = {
    "tens": 10,
    "dozens": 12,
    "scores": 20,
    "hundreds": 100,
    "thousands": 1000,
}
VAGUE_SMALL = 3


# Families whose reports may tell one incident: the side that was hit reports an attack on
# civilians where the side that struck reports a strike on fighters (or a clash).
KINDRED_FAMILIES: dict[str, frozenset[str]] = {
    "fighting": frozenset({"fighting", "violence against civilians"}),
    "violence against civilians": frozenset({"fighting", "violence against civilians"}),
}


def kindred_families(family: str) -> frozenset[str]:
    """The families a report of `family` may merge with (itself included)."""
    return KINDRED_FAMILIES.get(family, frozenset({family}))


def family_of(event_type: str, sub_event_type: str) -> str:
    if sub_event_type in TERRITORY_SUB_EVENTS:
        return "territory"
    return FAMILIES.get(event_type, event_type.lower() or "other")



@dataclass(slots=True)
class MergeDecision:
    """Why a report joins an event; `score` orders candidates (lower is closer)."""

    reasons: list[str] = field(default_factory=list)
    score: float = 0.0

    def explain(self) -> str:
        return "; ".join(self.reasons)


def date_reason(a: Event, b: Event) -> tuple[str, int] | None:
    try:
        da, db = dt.date.fromisoformat(a.event_date), dt.date.fromisoformat(b.event_date)
    except ValueError:
        return None
    slack = max(
        DATE_SLACK_DAYS.get(a.time_precision, 31), DATE_SLACK_DAYS.get(b.time_precision, 31)
    )
    gap = abs((da - db).days)
    if gap > slack:
        return None
    if gap == 0:
        return f"same date {a.event_date}", 0
    return f"dates {a.event_date} and {b.event_date} within {slack} day(s) of precision", gap


# Words that make a location a site within a town: the geocoder anchors such a site to the
# town, so two of them share its GeoNames id though they lie apart.
SITE_WORDS = re.compile(
    r"\b(?:hospital|clinic|camp|market|school|university|mosque|church|base|airport|airfield"
    r"|port|station|complex|depot|factory|plant|bridge|checkpoint|neighbou?rhood|district"
    r"|quarter|square|compound)s?\b",
    re.I,
)


def _distinct_sites(a: Event, b: Event) -> bool:
    """Both reports name a spot the geocoder only anchored (geo precision 2 or more), one of
    them a site ("the Saudi hospital"), and not the same spot: two strikes on one town that
    day ("the Saudi Maternity Hospital", "Abu Shouk") are two incidents. A report placed at
    the town itself (precision 1) says nothing of which spot."""
    if min(a.geo_precision or 3, b.geo_precision or 3) < 2:
        return False
    if not (SITE_WORDS.search(a.location or "") or SITE_WORDS.search(b.location or "")):
        return False
    return _spelling_reason(a, b) is None


def place_reason(a: Event, b: Event) -> tuple[str, float] | None:
    if _distinct_sites(a, b):
        return None
    if a.geonameid and b.geonameid and a.geonameid == b.geonameid:
        return f"same GeoNames id {a.geonameid} ({a.location or b.location})", 0.0
    if None not in (a.latitude, a.longitude, b.latitude, b.longitude):
        km = haversine_km(a.latitude, a.longitude, b.latitude, b.longitude)  # type: ignore[arg-type]
        if km <= NEAR_KM:
            return f"{a.location or '?'} and {b.location or '?'} {km:.1f} km apart", km
    low_precision = max(a.geo_precision or 3, b.geo_precision or 3) >= 2
    if (
        low_precision
        and a.admin2
        and a.admin2 == b.admin2
        and (a.country or b.country) == (b.country or a.country)
    ):
        return f"same admin2 {a.admin2} (geo precision {a.geo_precision}/{b.geo_precision})", 25.0
    if (
        not a.geonameid
        and not b.geonameid
        and a.location
        and a.location.lower() == b.location.lower()
        and (a.country or b.country) == (b.country or a.country)
    ):
        return f"same place name {a.location} (not geocoded)", 1.0
    if _only_in_country(a) and _only_in_country(b) and a.country == b.country:
        # Neither report places it below the country (the codebook writes no location then):
        # the country is all either says, as a shared country centroid once did.
        return f"both only in {a.country}", 25.0
    return _spelling_reason(a, b)


def _only_in_country(e: Event) -> bool:
    return bool(e.country) and not e.location and not e.admin1 and e.latitude is None


def _words(name: str) -> list[str]:
    return loose_key(name).split()


# A facility named by its proper name plus kind words: "the Nasser hospital compound" and
# "Nasser Medical Complex" are one hospital. Each class lists the words that say what the
# facility is; the fillers only say it is a building or a grounds.
FACILITY_CLASSES = {
    "medical": {"hospital", "hospitals", "medical", "clinic", "infirmary", "health"},
    "school": {"school", "schools", "college", "university", "academy"},
    "worship": {"mosque", "church", "cathedral", "synagogue", "monastery"},
    "airport": {"airport", "airfield", "airbase"},
}
FACILITY_FILLERS = {"complex", "compound", "centre", "center", "building", "buildings",
                    "facility", "grounds", "the", "of", "and"}


def _facility(name: str) -> tuple[str, tuple[str, ...]] | None:
    """'Nasser Medical Complex' -> ('medical', skeleton of 'Nasser'); None when the name says
    no kind of facility, or two kinds, or nothing besides its kind words."""
    words = [w.strip(".,'’\"()").lower() for w in name.split()]
    kinds = {k for k, vocab in FACILITY_CLASSES.items() if any(w in vocab for w in words)}
    if len(kinds) != 1:
        return None
    vocab = FACILITY_CLASSES[next(iter(kinds))]
    proper = [w for w in words if w and w not in vocab and w not in FACILITY_FILLERS]
    if not proper:
        return None
    return next(iter(kinds)), tuple(_words(" ".join(proper)))


def _spelling_reason(a: Event, b: Event) -> tuple[str, float] | None:
    """Rival media spell one place their own way (Tal Afar / Tall 'Afar, Odessa / Odesa) or
    name a spot in it ("Old Omdurman", "Nuseirat refugee camp", "Jazirat Samarra"), which the
    gazetteer may not know or may resolve to another entry. One name's consonant skeleton,
    whole or as a run of the other's words, is the same place, within `SPELLING_KM` when
    both are located."""
    if not a.location or not b.location:
        return None
    if a.country and b.country and a.country != b.country:
        return None
    if None not in (a.latitude, a.longitude, b.latitude, b.longitude):
        km = haversine_km(a.latitude, a.longitude, b.latitude, b.longitude)  # type: ignore[arg-type]
        if km > SPELLING_KM:
            return None
    fa, fb = _facility(a.location), _facility(b.location)
    if fa and fb and fa == fb and fa[1]:
        return f"{a.location} and {b.location} name one facility", 3.0
    wa, wb = _words(a.location), _words(b.location)
    if not wa or not wb:
        return None
    short, long_ = (wa, wb) if len(wa) <= len(wb) else (wb, wa)
    # A bare skeleton like "*d*s*" is too short to tell names apart on its own.
    if sum(ch.isalpha() and ch != "*" for w in short for ch in w) < 2:
        return None
    n = len(short)
    if not any(long_[i:i + n] == short for i in range(len(long_) - n + 1)):
        return None
    how = "spelled alike" if n == len(long_) else "one names a spot in the other"
    return f"{a.location} and {b.location} {how}", 3.0


def _actors(e: Event) -> set[str]:
    return {x.strip().lower() for x in (e.actor1, e.actor2)} - WILDCARD_ACTORS


def _unspecific(name: str) -> bool:
    """Actors rival accounts name differently for the same people: who the victims were
    (civilians or fighters) and who did it when the text does not say (ACLED's "Unidentified
    Military Forces": some state's aircraft, which one the account does not say)."""
    return name.startswith(("civilians", "unidentified armed group", "rioters", "protesters",
                            "unidentified military forces"))


def actor_reason(a: Event, b: Event) -> str | None:
    sa, sb = _actors(a), _actors(b)
    if sa == sb:
        return "same actors " + (" / ".join(sorted(sa)) if sa else "(none named)")
    if sa <= sb or sb <= sa:
        return "compatible actors: " + " / ".join(sorted(sa)) + " within " + " / ".join(sorted(sb))
    # One side's "civilians" is the other's fighters: compare the named armed actors alone.
    na = {x for x in sa if not _unspecific(x)}
    nb = {x for x in sb if not _unspecific(x)}
    # ... and only when they share one: "civilians" alone says nothing of who struck; and
    # as the attacker in both, when one has it kill civilians (`_roles_swapped`).
    if na & nb and (na <= nb or nb <= na) and not _roles_swapped(a, b):
        return ("rival accounts of the victims or the attacker: " + " / ".join(sorted(sa))
                + " and " + " / ".join(sorted(sb)))
    # One side named by its units or allies: "soldiers and VDP militiamen" (a militia that
    # fights for the state) in one account, "the army" in the other.
    sides_a, sides_b = {side_of(x) for x in na}, {side_of(x) for x in nb}
    if sides_a & sides_b and (sides_a <= sides_b or sides_b <= sides_a) \
            and not _roles_swapped(a, b):
        return ("one side named by its units or allies: " + " / ".join(sorted(sa))
                + " and " + " / ".join(sorted(sb)))
    # The side hit names its dead and no attacker ("the enemy shelled the town"); the side
    # that struck names only itself or only its target. Neither contradicts the other, but
    # two named sides fighting against an unnamed attacker of civilians do: that may be
    # another act. A strike by one named side on another is not a fight: the side hit says
    # who died ("two fishermen were martyred in an aggression"), the side that struck says
    # whom it aimed at.
    if _unnamed_attacker(sa) and (len(nb) == 1 or _named_strike(b)) \
            or _unnamed_attacker(sb) and (len(na) == 1 or _named_strike(a)):
        return ("one account names no attacker, the other one side: " + " / ".join(sorted(sa))
                + " and " + " / ".join(sorted(sb)))
    # "The army repelled an attack by the RSF" read as the RSF alone, "our forces foiled an
    # attack by the army" as the army alone: in a battle each side's account names the enemy.
    if a.event_type == b.event_type == "Battles" and sa == na and sb == nb \
            and len(na) == len(nb) == 1 and {side_of(x) for x in na} != {side_of(x) for x in nb}:
        return ("each account names one side of the fight: " + " / ".join(sorted(sa))
                + " and " + " / ".join(sorted(sb)))
    # "Artillery of the group struck AFU personnel" (no attacker, a military target) and "the
    # Russians dropped bombs, killing three civilians" (the attacker, civilian victims): each
    # names one side, the one the other leaves out.
    if _only_target(a) and len(nb) == 1 and _civilian_victims(b) and not na & nb \
            or _only_target(b) and len(na) == 1 and _civilian_victims(a) and not na & nb:
        return ("one account names no attacker, the other one side: " + " / ".join(sorted(sa))
                + " and " + " / ".join(sorted(sb)))
    # "Our aviation struck a brigade's deployment point" (the target alone) and "a Russian
    # bomb struck a residential building" (the attacker alone): likewise, one side each.
    if _only_target(a) and _only_attacker(b) and not na & nb \
            or _only_target(b) and _only_attacker(a) and not na & nb:
        return ("one account names no attacker, the other no target: " + " / ".join(sorted(sa))
                + " and " + " / ".join(sorted(sb)))
    return None


def _named_strike(e: Event) -> bool:
    """A strike (remote violence) by a named side on another named side."""
    a1, a2 = e.actor1.strip().lower(), e.actor2.strip().lower()
    return e.event_type == "Explosions/Remote violence" and bool(a1) and bool(a2) \
        and not _unspecific(a1) and not _unspecific(a2) and a1 != a2


def _only_attacker(e: Event) -> bool:
    """The account names its attacker and no target."""
    a1, a2 = e.actor1.strip().lower(), e.actor2.strip().lower()
    return bool(a1) and not _unspecific(a1) and a2 in WILDCARD_ACTORS


def _roles_swapped(a: Event, b: Event) -> bool:
    """One account has an armed actor kill civilians, the other has another armed actor
    attack that one: "an Israeli strike killed 18 people" and "Islamic Jihad fighters shelled
    Israeli troops" share an actor, but as attacker in one and target in the other, so they
    are two acts, not one told by rivals."""
    for x, y in ((a, b), (b, a)):
        attacker = x.actor1.strip().lower()
        if not _civilian_victims(x) or not attacker or _unspecific(attacker):
            continue
        other = y.actor1.strip().lower()
        if y.actor2.strip().lower() == attacker and other and not _unspecific(other) \
                and other != attacker:
            return True
    return False


def _only_target(e: Event) -> bool:
    """The account names its target and no attacker."""
    a1, a2 = e.actor1.strip().lower(), e.actor2.strip().lower()
    return (a1 in WILDCARD_ACTORS or _unspecific(a1)) and bool(a2) and not _unspecific(a2)


def _civilian_victims(e: Event) -> bool:
    return e.actor2.strip().lower().startswith("civilians")


def _unnamed_attacker(actors: set[str]) -> bool:
    """Only unidentified attackers and civilians: the account names no armed actor."""
    return bool(actors) and all(_unspecific(x) for x in actors)


def merge_decision(existing: Event, new: Event) -> MergeDecision | None:
    """The reasons `new` tells the same incident as `existing`, or None."""
    fam_a = family_of(existing.event_type, existing.sub_event_type)
    fam_b = family_of(new.event_type, new.sub_event_type)
    if fam_b not in kindred_families(fam_a):
        return None
    date = date_reason(existing, new)
    if date is None:
        return None
    place = place_reason(existing, new)
    if place is None:
        return None
    actors = actor_reason(existing, new)
    if actors is None:
        return None
    # Accounts that share no named actor are the same incident only where they are: the same
    # day within a day and the same spot, not merely the same district.
    if actors.startswith(("one account names no attacker", "each account names one side")) \
            and (date[1] > 1 or place[1] > NEAR_KM):
        return None
    # The date's slack allows for how rival media date one act; a time of day or a day each
    # names for the act itself, and that differ, are two acts.
    if times_conflict(existing, new) or days_conflict(existing, new):
        return None
    family = (f"same event family ({fam_a})" if fam_a == fam_b
              else f"kindred types ({fam_a} / {fam_b})")
    reasons = [date[0], place[0], family, actors]
    return MergeDecision(reasons=reasons, score=date[1] * 10 + place[1])


def figure_of(count: Count | None) -> int | None:
    """A reported count as one number by ACLED's conservative reading; None when none given."""
    if count is None:
        return None
    if count.value is not None or count.low is not None:
        return count.conservative()
    if count.quantifier:
        return VAGUE_FIGURES.get(count.quantifier.strip().lower(), VAGUE_SMALL)
    return None


def current_figures(claims: list[Claim], field: str = "fatalities") -> list[int]:
    """The figures that count: a grown toll ("has risen to nine") replaces the earlier ones,
    as ACLED updates an event's fatalities when its toll mounts; without one, every claim's."""
    def figures(of: list[Claim]) -> list[int]:
        return [f for f in (figure_of(getattr(c, field)) for c in of) if f is not None]

    return figures([c for c in claims if c.updates]) or figures(claims)


def conservative_fatalities(claims: list[Claim]) -> int:
    """ACLED: where reports differ, the most conservative (lowest) reported figure."""
    figures = current_figures(claims)
    return min(figures) if figures else 0


def highest_fatalities(claims: list[Claim]) -> int | None:
    figures = current_figures(claims)
    return max(figures) if figures else None


def conservative_injuries(claims: list[Claim]) -> int | None:
    figures = current_figures(claims, "injuries")
    return min(figures) if figures else None


def is_contested(claims: list[Claim]) -> bool:
    """Claims disagree when they give different fatality figures, or one denies what another
    reports."""
    figures = set(current_figures(claims))
    denied = any(c.denies for c in claims) and any(not c.denies for c in claims)
    return len(figures) > 1 or denied
