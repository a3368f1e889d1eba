"""Records that flow between the stages: ingest -> clean -> nlp -> extract -> geo -> reconcile.

Plain dataclasses only; every stage takes one of these and returns another. Field names of
`Event` follow ACLED's column names so exports need no renaming.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field, fields, is_dataclass
from functools import lru_cache
from typing import Any

# ACLED's event types and their sub-event types, spelled exactly as ACLED spells them
# (Codebook 2023/2024).
EVENT_TYPES: dict[str, tuple[str, ...]] = {
    "Battles": (
        "Government regains territory",
        "Non-state actor overtakes territory",
        "Armed clash",
    ),
    "Explosions/Remote violence": (
        "Chemical weapon",
        "Air/drone strike",
        "Suicide bomb",
        "Shelling/artillery/missile attack",
        "Remote explosive/landmine/IED",
        "Grenade",
    ),
    "Violence against civilians": (
        "Sexual violence",
        "Attack",
        "Abduction/forced disappearance",
    ),
    "Protests": (
        "Excessive force against protesters",
        "Protest with intervention",
        "Peaceful protest",
    ),
    "Riots": ("Violent demonstration", "Mob violence"),
    "Strategic developments": (
        "Agreement",
        "Arrests",
        "Change to group/activity",
        "Disrupted weapons use",
        "Headquarters or base established",
        "Looting/property destruction",
        "Non-violent transfer of territory",
        "Other",
    ),
}

SUB_EVENT_TO_TYPE: dict[str, str] = {
    sub: etype for etype, subs in EVENT_TYPES.items() for sub in subs
}
# ACLED's event types of political violence with armed force (not protests, riots or
# strategic developments)
VIOLENT_TYPES = frozenset({"Battles", "Explosions/Remote violence", "Violence against civilians"})

# ACLED 'inter' codes.
INTER_CODES: dict[int, str] = {
    1: "State forces",
    2: "Rebel groups",
    3: "Political militias",
    4: "Identity militias",
    5: "Rioters",
    6: "Protesters",
    7: "Civilians",
    8: "External/Other forces",
}

MATERIEL_CATEGORIES = (
    "tank",
    "armoured vehicle",
    "technical",
    "vehicle",
    "VBIED",
    "artillery",
    "rocket launcher",
    "aircraft",
    "drone",
    "weapons",
    "ammunition depot",
    "position",
)
MATERIEL_FATES = ("destroyed", "damaged", "captured")


def disorder_type_of(event_type: str, sub_event_type: str) -> str:
    """ACLED's disorder type follows from the event and sub-event type."""
    if event_type == "Strategic developments":
        return "Strategic developments"
    if event_type == "Protests":
        if sub_event_type == "Excessive force against protesters":
            return "Political violence; Demonstrations"
        return "Demonstrations"
    if event_type == "Riots":
        if sub_event_type == "Mob violence":
            return "Political violence; Demonstrations"
        return "Demonstrations"
    return "Political violence"


def interaction_code(inter1: int | None, inter2: int | None) -> int | None:
    """ACLED's two-digit interaction: the smaller inter code first; a lone actor gives 10*n."""
    if not inter1:
        return None
    if not inter2:
        return inter1 * 10
    low, high = sorted((inter1, inter2))
    return low * 10 + high


def event_id_of(article_id: str, index: int) -> str:
    """The event's id, everywhere (extract output, the store, exports, `frontwatch event`):
    from the article that first told it and the event's place in that article's list."""
    return "FW" + hashlib.sha1(f"{article_id}:{index}".encode()).hexdigest()[:12].upper()


def normal_event_id(text: str) -> str:
    """An id as a user typed it ("fw746c..."), in the stored form."""
    return text.strip().upper()


@dataclass(slots=True)
class Article:
    """One article as read, with the part of its text that holds reporting (not boilerplate)."""

    id: str = ""  # empty: the hash of the normalised text (frontwatch.pipeline.article_id_of)
    text: str = ""
    url: str | None = None
    outlet: str | None = None
    title: str | None = None
    published: dt.date | None = None
    source_path: str | None = None
    # Character ranges of `text` kept after boilerplate removal; empty means all of it.
    kept: list[tuple[int, int]] = field(default_factory=list)
    # Id of the first article this one is a syndicated copy of, if any.
    duplicate_of: str | None = None
    # The id the input gave this article (the JSONL `id` field), if any.
    source_id: str | None = None

    def __post_init__(self) -> None:
        # Library users write Article(text=..., published="2024-01-23"): take the string.
        if isinstance(self.published, str):  # a date or an ISO date-time
            text = self.published.strip()
            self.published = dt.date.fromisoformat(text[:10]) if text else None
        if not self.id:
            from frontwatch.pipeline import article_id_of

            self.id = article_id_of(self.text)


@dataclass(slots=True)
class Evidence:
    """A span of an article: `text == article.text[start:end]`."""

    article_id: str
    start: int
    end: int
    text: str


@dataclass(slots=True)
class ActorRef:
    raw: str
    name: str
    inter: int | None
    country: str | None = None
    start: int | None = None
    end: int | None = None
    # For a generic name whose country was guessed from the text ("police", "civilians"):
    # the name with a {country} slot, filled again once the place is known.
    template: str | None = None


@dataclass(slots=True)
class Count:
    """A reported number: exact (`value`), a range (`low`..`high`) or a vague quantifier."""

    value: int | None = None
    low: int | None = None
    high: int | None = None
    quantifier: str | None = None  # "dozens", "several", "large numbers" ...
    approximate: bool = False  # "at least", "over", "some", "about"

    def conservative(self) -> int:
        """ACLED's conservative reading: the lowest figure the text supports; vague -> small."""
        if self.value is not None:
            return self.value
        if self.low is not None:
            return self.low
        return 0


@dataclass(slots=True)
class Materiel:
    category: str
    count: int | None
    fate: str  # destroyed | damaged | captured
    side: str | None = None  # canonical actor name of the owner, when known
    text: str | None = None


@dataclass(slots=True)
class PlaceMention:
    """A place as written in a sentence, with its role relative to the event."""

    text: str
    start: int
    end: int
    role: str = "at"  # at | near | offset | region | countryside
    offset_km: float | None = None
    direction: str | None = None
    anchor: str | None = None  # for offsets: the anchor place as written
    admin_hint: str | None = None  # "Homs" in "in the province of Homs"
    # The place's own name when the text describes it instead ("Somalia's capital": Mogadishu)
    lookup: str | None = None


@dataclass(slots=True)
class Place:
    name: str
    latitude: float | None = None
    longitude: float | None = None
    geonameid: int | None = None
    feature_code: str | None = None
    admin1: str | None = None
    admin2: str | None = None
    country: str | None = None
    geo_precision: int = 3
    written: str | None = None  # the text as it appeared
    start: int | None = None
    end: int | None = None


@dataclass(slots=True)
class Claim:
    claimant: str | None
    claimant_kind: str | None  # government | military | armed group | media | monitor | ...
    fatalities: Count | None = None
    injuries: Count | None = None
    materiel: list[Materiel] = field(default_factory=list)
    hedged: bool = False
    evidence: list[Evidence] = field(default_factory=list)
    article_id: str | None = None
    outlet: str | None = None
    denies: bool = False  # the claimant denies the incident (or its figures) happened
    updates: bool = False  # its figures are a grown toll ("rose to nine"), not a rival count


@dataclass(slots=True)
class Mention:
    """One event as one sentence (or a short passage) tells it."""

    article_id: str
    sentence: Evidence
    trigger: str
    event_type: str
    sub_event_type: str
    actor1: ActorRef | None = None
    actor2: ActorRef | None = None
    assoc_actor_1: list[ActorRef] = field(default_factory=list)
    assoc_actor_2: list[ActorRef] = field(default_factory=list)
    places: list[PlaceMention] = field(default_factory=list)
    place: Place | None = None
    date: dt.date | None = None
    time_precision: int = 3
    fatalities: Count | None = None
    injuries: Count | None = None
    victims: str | None = None  # whose dead: canonical actor name or "Civilians"
    materiel: list[Materiel] = field(default_factory=list)
    claimant: str | None = None
    claimant_kind: str | None = None
    hedged: bool = False
    civilian_targeting: bool = False
    confidence: float = 0.5
    country: str | None = None  # the country the sentence (or its paragraph) is about
    headline: bool = False  # told by the title: it completes a body mention when one matches
    # One sentence telling one incident at several places ("near A, B and C") is coded once per
    # place, ACLED's rule; these say which of the places this mention is.
    split_index: int = 0
    split_count: int = 1
    denial: bool = False  # "The Syrian army denied the report": a claim that contests the rest
    toll_update: bool = False  # "the toll has risen to nine": its figures replace earlier ones
    follow_up: bool = False  # "the airstrike", "in the clashes": refers to an incident told before
    # "shelling and airstrikes": one of the events a sentence listing several means tells
    means_split: bool = False
    # "X, a day after Y": the sentence read as two incidents' pieces, 1 the main clause's and
    # 2 the earlier act's (0: the whole sentence); the two are never one event
    piece: int = 0
    # the learned coder's probability that the sentence tells an event (None: not read)
    coder_event: float | None = None


@dataclass(slots=True)
class Event:
    """An incident: ACLED's columns plus frontwatch's claims and evidence."""

    event_date: str
    time_precision: int
    disorder_type: str
    event_type: str
    sub_event_type: str
    actor1: str
    assoc_actor_1: str = ""
    inter1: int | None = None
    actor2: str = ""
    assoc_actor_2: str = ""
    inter2: int | None = None
    interaction: int | None = None
    civilian_targeting: str = ""
    country: str = ""
    admin1: str = ""
    admin2: str = ""
    location: str = ""
    latitude: float | None = None
    longitude: float | None = None
    geo_precision: int | None = None
    fatalities: int = 0
    notes: str = ""
    source: str = ""
    article_id: str = ""
    injuries: int | None = None
    materiel: list[Materiel] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    contested: bool = False
    evidence: list[Evidence] = field(default_factory=list)
    confidence: float = 0.5
    geonameid: int | None = None
    event_id: str = ""
    # Where the event was read: the input's own id (a JSON-lines `id`), its file and URL, so a
    # user can join events back to their records.
    source_id: str = ""
    source_path: str = ""
    url: str = ""

    def to_dict(self) -> dict[str, Any]:
        return plain(self)



def plain(value: Any) -> Any:
    """`dataclasses.asdict` without its deep copies: the model's leaves (str, numbers, dates)
    are immutable, and asdict's copying was most of the cost of writing events out."""
    if is_dataclass(value) and not isinstance(value, type):
        return {name: plain(getattr(value, name)) for name in _field_names(type(value))}
    if isinstance(value, list):
        return [plain(v) for v in value]
    if isinstance(value, tuple):
        return tuple(plain(v) for v in value)
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    return value


@lru_cache(maxsize=64)
def _field_names(cls: type) -> tuple[str, ...]:
    return tuple(f.name for f in fields(cls))
