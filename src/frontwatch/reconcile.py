"""Mentions of one article -> events, each with the claims of every source that told it.

Mentions join an event when they tell the same incident: the same event type (or a bare
casualty report about the same people), a compatible place and date, and compatible actors.
Figures follow ACLED's conservative rule: the lowest figure any claim supports; the event is
`contested` when claims disagree.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field, replace

from rapidfuzz import fuzz

from frontwatch.actors.catalog import default_state_forces, state_styled_groups
from frontwatch.extraction.background import has_day
from frontwatch.extraction.coder_policy import toll_before_act
from frontwatch.extraction.countries import countries_in
from frontwatch.extraction.incidents import NEW_INCIDENT, divide_count
from frontwatch.extraction.numbers import count_to_fatalities
from frontwatch.extraction.places import is_country
from frontwatch.extraction.roles import ALSO_KILLED, OTHER_DEAD
from frontwatch.geodesy import haversine_km
from frontwatch.model import (
    SUB_EVENT_TO_TYPE,
    VIOLENT_TYPES,
    ActorRef,
    Article,
    Claim,
    Count,
    Event,
    Evidence,
    Materiel,
    Mention,
    Place,
    PlaceMention,
    disorder_type_of,
    event_id_of,
    interaction_code,
)

UNNAMED_OUTLET = "reporting outlet"  # claims an article makes in its own voice, outlet unknown
# Where ACLED's actor order says who struck whom (a battle's sides are peers).
ONE_SIDED_TYPES = {"Explosions/Remote violence", "Violence against civilians"}
# How far apart (in sentences of evidence) two mentions may be and still be merged without a
# shared named place.
NEARBY = 6
SUB_EVENT_RANK = {
    "Government regains territory": 0,
    "Non-state actor overtakes territory": 0,
    "Chemical weapon": 1,
    "Suicide bomb": 1,
    "Air/drone strike": 2,
    "Shelling/artillery/missile attack": 2,
    "Remote explosive/landmine/IED": 2,
    "Grenade": 2,
    "Excessive force against protesters": 1,
    "Protest with intervention": 2,
    "Violent demonstration": 2,
    "Mob violence": 2,
    "Peaceful protest": 4,
    "Arrests": 3,
}
# With no one named as the perpetrator, ACLED codes these as an unidentified armed group's.
UNATTRIBUTED_TO_ARMED_GROUP = {
    "Remote explosive/landmine/IED",
    "Shelling/artillery/missile attack",  # rockets from an unknown hand ("Katyushas hit ...")
    "Suicide bomb",
    "Grenade",
    "Attack",
    "Abduction/forced disappearance",
    "Armed clash",
}


def _norm_place(name: str) -> str:
    name = name.lower()
    name = re.sub(r"^(?:al|el|ar|as|ash|ad|az)[-\s]", "", name)
    return re.sub(r"[^a-z0-9]", "", name)


def main_place(m: Mention) -> PlaceMention | None:
    for p in m.places:
        if p.role != "region":
            return p
    return m.places[0] if m.places else None


@dataclass(slots=True)
class _Group:
    mentions: list[Mention] = field(default_factory=list)

    @property
    def primary(self) -> Mention:
        real = [m for m in self.mentions if m.event_type != "casualty" and not m.headline] or [
            m for m in self.mentions if m.event_type != "casualty"] or self.mentions
        return min(
            real,
            key=lambda m: (SUB_EVENT_RANK.get(m.sub_event_type, 5), not m.places,
                           m.follow_up, -m.confidence),
        )

    def actors(self) -> set[str]:
        names = set()
        for m in self.mentions:
            for a in (m.actor1, m.actor2):
                if a is not None:
                    names.add(a.name)
        return names


def _dates_compatible(a: Mention, b: Mention) -> bool:
    if a.date is None or b.date is None:
        return True
    # ACLED codes one event per day: two exact, different days are two events
    if max(a.time_precision, b.time_precision) == 3:
        vague, other = (a, b) if a.time_precision == 3 else (b, a)
        # "last month" holds the days of that month only
        return (vague.date.year, vague.date.month) == (other.date.year, other.date.month)
    window = {1: 0, 2: 7}[max(a.time_precision, b.time_precision)]
    return abs((a.date - b.date).days) <= window


def _places_compatible(m: Mention, g: _Group, last_group: bool) -> bool:
    mp = main_place(m)
    gp = main_place(g.primary)
    if mp is None or gp is None:
        return last_group
    if last_group and m.follow_up and not m.headline and (
        m.place is None or m.place.geo_precision >= 2 or g.primary.place is None
    ):
        return True  # "The strikes destroyed ... in the Euphrates valley": the same strikes
    if last_group and (_specificity(mp) == 0 and _specificity(gp) > 0 or
                       _specificity(gp) == 0 and m.follow_up):
        # a country contains the place the other mention names; a summary for the whole
        # country followed by strikes place by place stays apart (and is dropped later)
        return True
    if _norm_place(mp.text) == _norm_place(gp.text):
        return True
    if m.place is not None and g.primary.place is not None:
        a, b = m.place, g.primary.place
        # Only exact places merge by id: fallbacks to a shared anchor town are distinct places.
        if a.geonameid and a.geonameid == b.geonameid and a.geo_precision == 1 == b.geo_precision:
            return True
    if last_group and _district_of(m, g.primary) and _sentence_gap(m, g) <= 1:
        return True
    if last_group and _sentence_gap(m, g) <= 2 and m.sub_event_type == g.primary.sub_event_type \
            and m.fatalities is None and _within_region(m.place, g.primary.place):
        # "Armed youths killed 17 people in a raid on a village in Jonglei state." and, next,
        # "The attackers struck the village of Kolnyang": the lead's region, told precisely
        # (a village's own dead make it an incident of its own)
        return True
    # A place inherited from the sentence before ("during the operation") only joins the
    # latest incident.
    return last_group and m.follow_up and any(
        _norm_place(p.text) == _norm_place(gp.text) for p in m.places
    )


def _within_region(place: Place | None, region: Place | None) -> bool:
    """Whether `place` is a town or village inside `region`, a province or district."""
    if place is None or region is None or not place.country or not region.admin1:
        return False
    return region.feature_code in ("ADM1", "ADM2") and place.feature_code not in (
        "ADM1", "ADM2", "PCLI") and (place.country, place.admin1) == (
        region.country, region.admin1)


CITY_PART = re.compile(r"\s+(?:district|neighbou?rhood|quarter|microdistrict)\b", re.I)
# How far a city's district may lie from the city's point and still be in it.
DISTRICT_KM = 15.0


def _district_of(m: Mention, city: Mention) -> bool:
    """"The enemy attacked Sumy with drones. One hit a building in the Kovpakivskyi district":
    the next sentence names where in the city the act struck; it is the same act."""
    mp, cp = main_place(m), main_place(city)
    if mp is None or cp is None or m.place is None or city.place is None:
        return False
    rel = mp.end - m.sentence.start
    if rel < 0 or not CITY_PART.match(m.sentence.text, rel):
        return False
    a, b = m.place, city.place
    if b.geo_precision != 1 or None in (a.latitude, a.longitude, b.latitude, b.longitude):
        return False
    return haversine_km(a.latitude, a.longitude, b.latitude, b.longitude) <= DISTRICT_KM


def _actors_compatible(m: Mention, g: _Group) -> bool:
    """Compatible unless both name a full pair of actors and the pairs share no one. A
    stand-in for an attacker the words do not name ("the militia": unidentified) names no one."""
    names = {a.name for a in (m.actor1, m.actor2) if a is not None and not _stand_in(a)}
    gnames = g.actors()
    p = g.primary
    if _named(m.actor1) and _named(p.actor1) and m.actor1.name not in gnames \
            and p.actor1.name not in names:
        # two perpetrators who share only their victims ("Israeli forces killed five in
        # Jenin ... Palestinian forces shot and killed a child in Jenin") did two acts
        names = {n for n in names if not n.startswith("Civilians")}
    if names & gnames:
        return True
    # a pair completed by a stand-in ("repelled an attempt to counterattack": the other side
    # filled in as unidentified) is not a full pair: the stand-in may be the side named next
    full_m = _named(m.actor1) and _named(m.actor2)
    full_g = _named(p.actor1) and _named(p.actor2)
    return not (full_m or full_g) or not names or not gnames


def _named(a: ActorRef | None) -> bool:
    return a is not None and not _stand_in(a)


def _stand_in(a: ActorRef) -> bool:
    return not a.raw and a.name.startswith("Unidentified Armed Group")


def _sentence_gap(m: Mention, g: _Group) -> int:
    last = g.mentions[-1].sentence
    return abs(m.sentence.start - last.end)


# Protest and riot sub-types in which people die.
DEADLY_DISORDER = {"Excessive force against protesters", "Protest with intervention",
                   "Violent demonstration", "Mob violence"}


# A sentence that opens on another act of the story: another incident ("Separately, ...",
# `NEW_INCIDENT`) or a later act of this one ("Later, ...").
ANOTHER_ACT = re.compile(NEW_INCIDENT.pattern + r"|\s*(?:(?:Hours|Minutes|Shortly|Soon) "
                         r"(?:later|after(?:wards)?)|Later(?: that day| in the day| on)?|"
                         r"In another attack)\b")


def _other_piece(a: Mention, b: Mention) -> bool:
    """Whether two mentions are the two incidents of one sentence ("X, a day after Y")."""
    return bool(a.piece and b.piece and a.piece != b.piece
                and a.sentence.start == b.sentence.start)


def _compatible(m: Mention, g: _Group, last_group: bool) -> bool:
    p = g.primary
    if m.split_count > 1 and any(x.sentence.start == m.sentence.start and x.split_count > 1
                                 and x.split_index != m.split_index for x in g.mentions):
        return False  # "the villages of A and B": one event each, even where B is unplaced
    if m.means_split and any(x.sentence.start == m.sentence.start and x.means_split
                             and x.sub_event_type != m.sub_event_type for x in g.mentions):
        return False  # "shelling and airstrikes": a shelling and an air strike
    if any(_other_piece(m, x) for x in g.mentions):
        return False  # "X, a day after Y": two incidents
    if m.country and p.country and m.country != p.country:
        return False  # an incident in Iraq is not one in Syria
    if m.denial:
        return _places_compatible(m, g, True)
    if m.event_type == "casualty":
        other_account = m.claimant is not None and m.claimant not in {
            x.claimant for x in g.mentions}
        if p.event_type not in VIOLENT_TYPES and not (
            p.sub_event_type in DEADLY_DISORDER and other_account
        ):
            # a toll joins a protest only as another source's account of its dead
            return False
        victims = {m.victims} if m.victims and m.victims != OTHER_DEAD else set()
        # Sources may describe the same dead differently ("civilians" / "terrorists"): only a
        # report placed elsewhere needs the same victims to join.
        if victims and not victims & g.actors() and _has_own_place(m):
            return False
        return _dates_compatible(m, p) and (
            _places_compatible(m, g, True) or main_place(m) is None or _region_only(m)
        )
    if m.sub_event_type != p.sub_event_type and ANOTHER_ACT.match(m.sentence.text):
        return False  # "A suicide bomber struck ... Later, three bombings occurred": two acts
    if m.event_type == "Strategic developments" and m.sub_event_type != p.sub_event_type:
        return False  # an agreement, an arrest and a new base are different developments
    if m.event_type in ("Protests", "Riots") and m.sub_event_type != p.sub_event_type \
            and not m.follow_up:
        return False  # a peaceful march elsewhere is not the protest that was fired on
    # "drones attacked Kharkiv. One hit a house in the X district, killing a woman": where in
    # the city the act just told struck, whoever the sentence's own reading names as attacker
    district = last_group and _sentence_gap(m, g) <= 1 and _district_of(m, p)
    if m.event_type != p.event_type and not (
        m.event_type in VIOLENT_TYPES and p.event_type in VIOLENT_TYPES
        and (m.sub_event_type == "Armed clash" and not _has_own_place(m) or district)
    ):
        return False
    if not _dates_compatible(m, p):
        return False
    if not _places_compatible(m, g, last_group):
        return False
    if not _actors_compatible(m, g) and not (
            district and m.actor1 is not None and not m.actor1.raw):
        return False
    if not _has_own_place(m) or not _has_own_place(p):
        # a mention placed by an earlier sentence, or only in a region, joins the act just
        # told; further back, a mention at its own place joins only an act told at a region
        # of the same name ("captured the remote Kohistan district ... The Taliban took
        # control of Kohistan")
        return last_group or (m.sub_event_type == p.sub_event_type and _has_own_place(m)
                              and _same_name(m, p))
    return True


def _same_name(a: Mention, b: Mention) -> bool:
    pa, pb = main_place(a), main_place(b)
    return pa is not None and pb is not None and _norm_place(pa.text) == _norm_place(pb.text)


def _region_only(m: Mention) -> bool:
    return all(p.role == "region" for p in m.places)


def _has_own_place(m: Mention) -> bool:
    return any(m.sentence.start <= p.start < m.sentence.end for p in m.places if
               p.role != "region")


TERRITORY_CHANGE = {"Government regains territory", "Non-state actor overtakes territory"}


def _same_place(a: Mention, b: Mention) -> bool:
    """The same named place, or the same place the geocoder found."""
    if main_place(a) is None or main_place(b) is None:
        return False
    return _same_name(a, b) or bool(a.place and b.place and a.place.geonameid and
                                    a.place.geonameid == b.place.geonameid)


def _siblings(target: _Group, groups: list[_Group]) -> list[_Group]:
    """The events one sentence was split into, place by place, in their order."""
    p = target.primary
    if p.split_count < 2:
        return [target]
    sib = [g for g in groups if g.primary.sentence.start == p.sentence.start
           and g.primary.split_count == p.split_count]
    return sorted(sib, key=lambda g: g.primary.split_index)


def _join(m: Mention, target: _Group, groups: list[_Group]) -> None:
    """Add a mention to an event; a mention that follows up an incident told at several places
    ("32 soldiers were killed in the clashes") is divided among them as ACLED divides figures."""
    siblings = _siblings(target, groups)
    if len(siblings) < 2 or m.split_count > 1 or _has_own_place(m):
        target.mentions.append(m)
        return
    k = len(siblings)
    for i, g in enumerate(siblings):
        copy = replace(m, split_index=i, split_count=k)
        copy.fatalities = divide_count(m.fatalities, i, k)
        copy.injuries = divide_count(m.injuries, i, k)
        if i > 0:
            copy.materiel = []
        g.mentions.append(copy)


def _sides_toll(m: Mention) -> bool:
    """A claimed toll of an armed side's dead, on a given day at a given place, in fighting."""
    return m.sub_event_type == "Armed clash" and m.claimant is not None and not m.denial \
        and m.time_precision == 1 and m.date is not None and m.place is not None \
        and m.fatalities is not None and m.actor2 is not None and m.actor2.inter in (1, 2, 3, 8)


# An event stands only where the coder does not read every sentence telling it as surely
# eventless as this (the policy's `drop_named`): a toll that joins no act, a rule's reading
# of talk the coder's drop let through (a sourced account, two armed sides named)
NO_EVENT_AT = 0.1


def group_mentions(mentions: list[Mention]) -> list[_Group]:
    groups: list[_Group] = []
    casualties: list[Mention] = []
    headlines: list[Mention] = []
    for m in mentions:
        if m.event_type == "casualty":
            casualties.append(m)
            continue
        if m.headline:
            headlines.append(m)
            continue
        if m.sub_event_type == "Non-violent transfer of territory":
            same_place = [g for g in groups if g.primary.sub_event_type in TERRITORY_CHANGE
                          and _same_place(m, g.primary)]
            if same_place:
                # "its fighters had withdrawn from al-Hawash": the losing side's account of a
                # change of control already told
                same_place[0].mentions.append(m)
                continue
        target = None
        for i in range(len(groups) - 1, -1, -1):
            g = groups[i]
            if _compatible(m, g, last_group=i == len(groups) - 1):
                if target is None:
                    target = g
                if _same_name(m, g.primary):
                    # the same named place beats mere recency
                    target = g
                    break
        if target is None:
            groups.append(_Group([m]))
        else:
            _join(m, target, groups)
    for m in casualties:
        best = None
        for g in groups:
            if _compatible(m, g, last_group=True) and (
                best is None or _sentence_gap(m, g) < _sentence_gap(m, best)
            ):
                best = g
        if best is not None:
            _join(m, best, groups)
        elif m.actor1 is not None and m.sub_event_type in SUB_EVENT_TO_TYPE and not (
                m.coder_event is not None and m.coder_event < NO_EVENT_AT):
            # a casualty report with a named perpetrator stands as its own event, unless the
            # coder reads no event in it ("congratulated the forces on their progress in the
            # hard-fought battle": no toll, no incident); told here, not only by
            # `_read_as_no_event`, so that such a toll never becomes a group other mentions
            # join
            m.event_type = SUB_EVENT_TO_TYPE[m.sub_event_type]
            groups.append(_Group([m]))
        elif _sides_toll(m):
            # "Up to 105 Ukrainian servicemen were eliminated in the city in the course of the
            # day, the Defence Ministry said": a side's dead in a day's fighting, as one side
            # claims them, where the article tells no act they would join
            m.event_type = SUB_EVENT_TO_TYPE[m.sub_event_type]
            groups.append(_Group([m]))
    for m in headlines:
        # A headline retells the story's main incident: join the first body event of the same
        # type (or family) whose place does not contradict it.
        best = None
        # "Forces kill 18 protesters in Baghdad" is not the march in Diwaniya the body tells
        fits = [g for g in groups
                if (main_place(m) is None or _places_compatible(m, g, True))
                # nor "ISIS attack kills two Peshmerga" the Turkish strikes the body tells
                and not (m.actor1 and g.primary.actor1 and m.actor1.name not in g.actors())]
        for g in fits:
            if g.primary.sub_event_type == m.sub_event_type:
                best = g
                break
        if best is None:
            for g in fits:
                if g.primary.event_type == m.event_type or (
                    m.event_type in VIOLENT_TYPES and g.primary.event_type in VIOLENT_TYPES
                ):
                    best = g
                    break
        if best is not None:
            best.mentions.append(m)
        elif m.event_type != "casualty":
            groups.append(_Group([m]))
    for g in groups:
        g.mentions.sort(key=lambda m: m.sentence.start)
    return groups


def _country_name(text: str) -> bool:
    """A whole country (any, not only the wars the rules were first written on), or the
    capital that stands for its government."""
    return is_country(text) or text.lower().strip(" .") == "washington"


def _written_place(m: Mention) -> PlaceMention | None:
    """The place as the mention writes it; where that is a country, or the geocoder chose a
    district the mention names, the finer place it chose ("In southern Yemen, in mountainous
    al-Bayda province"). (Not for a province: where the geocoder fell back to one for a place
    it lacks, the place as written stays.)"""
    main = main_place(m)
    # (a district the geocoder chose over the name a province shares with its seat: "In
    # Ghazni, fighting in Andar district")
    if main is not None and m.place is not None and (
            _specificity(main) == 0 or m.place.feature_code == "ADM2"
            and _norm_place(m.place.admin1 or "") == _norm_place(main.text)) \
            and m.place.start is not None and m.place.start != main.start:
        for pl in m.places:
            if pl.start == m.place.start:
                return pl
    return main


def _specificity(p, place=None) -> int:
    """How precisely a place pins the event: 0 a country, 1 a region, 2 an area around a
    place, 3 the place itself."""
    if p is None:
        return -1
    if _country_name(p.text):
        return 0
    if place is not None and place.geo_precision == 3:
        return 1
    return {"region": 1, "countryside": 2, "near": 2, "offset": 2}.get(p.role, 3)


def _substantive(groups: list[_Group]) -> list[_Group]:
    """Drop what ACLED would not code as an event: summaries located only in a whole country
    when the same article gives the incidents place by place, and mentions that name no actor,
    no figure and no materiel."""
    finer = {g.primary.sub_event_type for g in groups if not _country_level(g)}
    finer_violent = any(g.primary.event_type in VIOLENT_TYPES for g in groups
                        if not _country_level(g))
    out = []
    for g in groups:
        if _province_summary(g, groups):
            continue
        if _country_level(g) and (g.primary.sub_event_type in finer or (
            finer_violent and g.primary.event_type in VIOLENT_TYPES
        )):
            same = _placed_retelling(g, groups)
            if same is not None:
                # "Islamist fighters attacked a military camp in western Mali ... three
                # soldiers and nine attackers were killed" and, later, "the gunmen attacked a
                # military camp in Nara": the one incident the article places, with its toll
                same.mentions = sorted(same.mentions + g.mentions,
                                       key=lambda m: m.sentence.start)
            continue
        if all(m.headline for m in g.mentions) and _country_level(g):
            continue  # "Strikes continue against ISIS in Iraq, Syria": no incident to code
        named = any(m.actor1 or m.actor2 for m in g.mentions)
        figures = any(m.fatalities or m.injuries or m.materiel for m in g.mentions)
        if not named and not figures:
            continue
        if not named and g.primary.sub_event_type == "Disrupted weapons use":
            continue  # "Weapons including rifles were recovered": no one disrupted anything
            # the text says: a detail of the incident told before
        if _read_as_no_event(g):
            continue
        out.append(g)
    return out


def _read_as_no_event(g: _Group) -> bool:
    """Every sentence that tells the event is one the coder reads as surely eventless, and
    none is a denial or a toll told before its act (which the coder misreads: coder_policy)."""
    return all(m.coder_event is not None and m.coder_event < NO_EVENT_AT and not m.denial
               and not toll_before_act(m.sentence.text) for m in g.mentions)


def _placed_retelling(g: _Group, groups: list[_Group]) -> _Group | None:
    """The one group of the same sub-type and day that places the incident a country-level
    group tells; none when the article places several (a summary of them, not one of them)."""
    p = g.primary
    same = [o for o in groups if o is not g and not _country_level(o)
            and o.primary.sub_event_type == p.sub_event_type
            and _dates_compatible(o.primary, p) and not _other_piece(o.primary, p)]
    if len(same) != 1:
        return None
    o = same[0].primary
    if p.country and o.country and p.country != o.country:
        return None
    if o.place is not None and p.place is not None and o.place.country and p.place.country \
            and o.place.country != p.place.country:
        return None
    return same[0]


def _province_of(g: _Group) -> tuple[str, str] | None:
    """(country, province) of a group placed only at a whole province."""
    # (a mention placed only in the whole country, "killed in Afghanistan in overnight
    # attacks", leaves the summary a province's)
    placed = [m for m in g.mentions if not m.headline and m.place is not None
              and not (m.place.feature_code or "").startswith("PCL")]
    places = [m.place for m in placed]
    if not places or any(p.feature_code != "ADM1" for p in places):
        return None
    if any(_location_name(m.place, main_place(m)) != m.place.name for m in placed):
        # "in Palma, Nangade, and Mocimboa da Praia districts": a town or district the
        # gazetteer places only at its province is still that place, not a province-wide
        # summary
        return None
    return (places[0].country or "", places[0].admin1 or "")


def _province_summary(g: _Group, groups: list[_Group]) -> bool:
    """"Warplanes pounded villages in Idlib province, killing 12 ... strikes hit Kafr Nabl and
    Hass": a province-wide summary of the incidents the article then places village by
    village, the same day and kind; ACLED codes the villages only."""
    province = _province_of(g)
    if province is None:
        return False
    p = g.primary
    for other in groups:
        q = other.primary
        place = q.place
        # (a district is finer than its province, though placed at precision 3)
        finer = place is not None and place.feature_code != "ADM1" and (
            place.geo_precision < 3 or (place.feature_code or "") in ("ADM2", "ADM3"))
        if other is g or not finer:
            continue
        if (place.country or "", place.admin1 or "") == province and \
                q.sub_event_type == p.sub_event_type and q.date == p.date:
            return True
    return False


def _country_level(g: _Group) -> bool:
    """No mention of the incident places it more precisely than a whole country."""
    for m in g.mentions:
        if m.headline:
            continue
        mp = main_place(m)
        if mp is not None and not _country_name(mp.text):
            return False
    return True


def _claims(article: Article, g: _Group) -> list[Claim]:
    by_claimant: dict[str, Claim] = {}
    fallback = article.outlet or UNNAMED_OUTLET
    # A claimant's dead are counted per side: "25 insurgents killed" told twice is 25, but
    # "three members of the security forces were also killed" adds to it.
    killed: dict[str, dict[str | None, list[Count]]] = {}
    hurt: dict[str, dict[str | None, list[Count]]] = {}
    counts_own: set[str] = set()  # claimants telling dead not as "also killed"
    for m in g.mentions:
        key = m.claimant or fallback
        claim = by_claimant.get(key)
        if claim is None:
            claim = Claim(
                claimant=key,
                claimant_kind=m.claimant_kind if m.claimant else "media",
                article_id=article.id,
                outlet=article.outlet,
            )
            by_claimant[key] = claim
        if m.fatalities is not None:
            killed.setdefault(key, {}).setdefault(m.victims, []).append(m.fatalities)
            if not ALSO_KILLED.search(m.sentence.text):
                counts_own.add(key)
        if m.injuries is not None:
            hurt.setdefault(key, {}).setdefault(m.victims, []).append(m.injuries)
        claim.materiel = _merge_materiel(claim.materiel, m.materiel)
        claim.hedged = claim.hedged or m.hedged
        claim.denies = claim.denies or m.denial
        claim.updates = claim.updates or m.toll_update
        if not any(e.start == m.sentence.start for e in claim.evidence):
            claim.evidence.append(m.sentence)
    _add_others_dead(killed, counts_own)
    for key, claim in by_claimant.items():
        claim.fatalities = _total_by_side(killed.get(key))
        claim.injuries = _total_by_side(hurt.get(key))
    return list(by_claimant.values())


def _add_others_dead(killed: dict[str, dict[str | None, list[Count]]], counts_own: set[str]
                     ) -> None:
    """"Gunmen ... killing five police officers. Four attackers were also killed, police
    said": a source that tells only more dead ("also killed"), of sides no other source
    counted, adds them to the toll the others told; it is no rival account of it (where each
    side's count of the enemy's dead is)."""
    for key in list(killed):
        if key in counts_own:
            continue
        sides = set(killed[key])
        others = [k for k in killed if k != key]
        if None in sides or not others or any(
                None in killed[o] or set(killed[o]) & sides for o in others):
            continue
        more = killed.pop(key)
        for other in others:
            for side, counts in more.items():
                killed[other].setdefault(side, []).extend(counts)


def _total_by_side(by_side: dict[str | None, list[Count]] | None) -> Count | None:
    """The largest figure told for each side, added up; figures for no named side count as
    covering the named ones (they are usually the same dead told as a total)."""
    if not by_side:
        return None
    best = {side: max(counts, key=count_to_fatalities) for side, counts in by_side.items()}
    unnamed = best.pop(None, None)
    if not best:
        return unnamed
    if len(best) == 1 and unnamed is None:
        return next(iter(best.values()))
    named_total = sum(count_to_fatalities(c) for c in best.values())
    if unnamed is not None and count_to_fatalities(unnamed) >= named_total:
        return unnamed
    return Count(value=named_total,
                 approximate=any(c.approximate or c.value is None for c in best.values()))


def _max_count(a: Count | None, b: Count | None) -> Count | None:
    if a is None:
        return b
    if b is None:
        return a
    return a if count_to_fatalities(a) >= count_to_fatalities(b) else b


def _merge_materiel(a: list[Materiel], b: list[Materiel]) -> list[Materiel]:
    out = list(a)
    for item in b:
        same = [x for x in out if (x.category, x.fate, x.side) == (item.category, item.fate,
                                                                   item.side)]
        if same:
            if (item.count or 0) > (same[0].count or 0):
                same[0].count = item.count
        else:
            out.append(Materiel(item.category, item.count, item.fate, item.side, item.text))
    return out


def _conservative(values: list[Count]) -> int | None:
    figures = [count_to_fatalities(c) for c in values]
    return min(figures) if figures else None


def _inter(actor, country: str | None) -> int | None:
    if actor is None:
        return None
    if actor.inter == 1 and actor.country and country and actor.country != country:
        return 8  # state forces outside their own country are external forces
    return actor.inter


PROTEST_SEVERITY = ("Excessive force against protesters", "Protest with intervention",
                    "Peaceful protest")


def named_countries(text: str) -> set[str]:
    return set(countries_in(text))


def build_event(article: Article, g: _Group, index: int, named: set[str] | None = None
                ) -> Event:
    p = g.primary
    actor1 = p.actor1
    actor2 = p.actor2
    for m in sorted(g.mentions, key=lambda m: m.headline):
        # A placeholder no words named (raw "") gives way to a force another sentence of
        # the incident names ("Russian drones attacked Kharkiv. One hit a house ...").
        unnamed = actor1 is not None and actor1.name.startswith("Unidentified Armed Group") \
            and m.actor1 is not None and not m.actor1.name.startswith("Unidentified") and (
                m.actor1.inter in (2, 3)
                or not actor1.raw and bool(m.actor1.raw) and m.actor1.inter in (1, 8))
        if (actor1 is None or unnamed) and m.actor1 is not None and (
                actor2 is None or m.actor1.name != actor2.name):
            # "JNIM claimed the attack": the group named later is who the gunmen were
            actor1 = m.actor1
        # likewise the unnamed other side of a clash, inferred, gives way to one named
        stand_in = actor2 is not None and not actor2.raw and \
            actor2.name.startswith("Unidentified Armed Group") and m.actor2 is not None \
            and bool(m.actor2.raw) and m.actor2.inter in (1, 2, 3, 4, 8)
        if (actor2 is None or stand_in) and m.actor2 is not None and (
                actor1 is None or m.actor2.name != actor1.name):
            actor2 = m.actor2
    assoc1 = []
    assoc2 = []
    for m in g.mentions:
        sides = {a.name for a in (actor1, actor2) if a is not None}
        if m.headline:
            continue
        for a in m.assoc_actor_1:
            if a.name not in assoc1 and a.name not in sides:
                assoc1.append(a.name)
        for a in m.assoc_actor_2:
            if a.name not in assoc2 and a.name not in sides:
                assoc2.append(a.name)
    dated = [m for m in g.mentions if m.date is not None and not m.follow_up and not m.headline] \
        or [m for m in g.mentions if m.date is not None]
    # Reports follow events: of equally precise dates, the earliest is the incident's.
    best_date = min(dated, key=lambda m: (m.time_precision, m.date, m.sentence.start)) \
        if dated else None
    told_day = [m for m in g.mentions if m.follow_up and not m.headline and not m.toll_update
                and m.date is not None and m.time_precision == 1
                and has_day(m.sentence.text, article.published)]
    if best_date is not None and best_date.time_precision > 1 and told_day:
        # "Nine people were killed when militants opened fire on a bus ... // The raid took
        # place early on Thursday at Alabek": the lead gives no day, the incident's own
        # retelling does
        best_date = min(told_day, key=lambda m: (m.date, m.sentence.start))
    if p.denial and p.date is not None and best_date is not None \
            and p.time_precision <= best_date.time_precision:
        # "denied on Feb. 11 that troops had taken Toretsk ... 12 killed over the past week":
        # an act told only as denied is dated by the denial, not by the denier's own
        # figures, which count over a span of their own
        best_date = p
    place = p.place
    mp = _written_place(p)
    # The most specific place any mention of the incident gives (a village beats its province,
    # a province beats the country); the primary mention's place wins ties.
    for m in sorted(g.mentions, key=lambda m: m is not p):
        if m.headline or m.denial or not any(
            m.sentence.start <= pl.start < m.sentence.end for pl in m.places
        ):
            continue
        cand = main_place(m)
        if cand is not None and mp is not None and place is not None and m.place is not None \
                and _norm_place(cand.text) == _norm_place(mp.text) and place.admin1 \
                and m.place.admin1 and place.admin1 != m.place.admin1:
            continue  # the same name read in another province than the event's sentence says
        if cand is not None and _specificity(cand, m.place) > _specificity(mp, place):
            mp, place = cand, m.place
    if place is None:
        for m in g.mentions:
            if m.place is not None:
                place = m.place
                if mp is None or (m.place.feature_code or "") not in ("ADM1", "ADM2") or \
                        _specificity(mp) <= _specificity(main_place(m), m.place):
                    mp = main_place(m)
                # else "Gunmen abducted 137 pupils in the town of Kuriga" under a headline
                # "... in Nigeria's Kaduna State": the village the gazetteer lacks stays the
                # place written, located only by its province
                break
    if mp is None:
        for m in g.mentions:
            if main_place(m) is not None:
                mp = main_place(m)
                break
    country = (place.country if place and place.country else None) or p.country or (
        _country_from_mentions(g) or ""
    )
    if not country:
        country = ""
    sub_event = p.sub_event_type
    if p.event_type == "Protests":
        # "Police fired tear gas to disperse them" after the protest: the protest met force
        told = {m.sub_event_type for m in g.mentions}
        sub_event = next((s for s in PROTEST_SEVERITY if s in told), sub_event)
    if p.event_type in ("Protests", "Riots") and actor2 is not None and actor2.inter in (5, 6):
        # ACLED names the demonstrators first, whoever intervened second, excessive force
        # included (the real corpus's coders: 8 of 11 such events)
        actor1, actor2 = actor2, actor1
    if sub_event == "Peaceful protest":
        actor2 = None
    if p.event_type not in ("Protests", "Riots") and actor1 is not None and actor1.inter == 7:
        # ACLED never codes civilians as the side that acts in political violence: "seven
        # civilians were killed when enemy aircraft targeted ..." read the victims first. In a
        # strike or an attack on civilians the other actor is the attacker; in a battle
        # (civilians read as one side) it is not clear which side it was.
        if actor2 is not None and actor2.inter != 7 and p.event_type in ONE_SIDED_TYPES:
            actor1, actor2 = actor2, actor1
        elif actor2 is not None and actor2.name == actor1.name:
            actor1 = None  # the victims twice: the attacker is not named
    if sub_event == "Agreement" and actor2 is None and assoc1:
        # "the army and rebels signed a ceasefire": both are parties to the agreement
        other = next((m_a for m in g.mentions for m_a in m.assoc_actor_1
                      if m_a.name == assoc1[0]), None)
        if other is not None:
            actor2 = other
            assoc1 = assoc1[1:]
    # Only a town in a country the article names can move a state's forces there.
    placed = place is not None and place.country == country and place.geo_precision in (1, 2) \
        and country in (named if named is not None else named_countries(article.text))
    actor1 = _named_for(actor1, country, placed)
    event_day = best_date.date if best_date else None
    actor1 = _for_period(actor1, event_day)
    actor2 = _for_period(actor2, event_day)
    actor2 = _named_for(actor2, country, placed)
    actor1, actor2 = (_as_own_media_mean(actor1, article, g, actor2),
                      _as_own_media_mean(actor2, article, g, actor1))
    if p.event_type in ONE_SIDED_TYPES and actor1 is not None and (
            actor2 is not None and actor2.name == actor1.name
            or actor2 is None and any(m.victims == actor1.name for m in g.mentions) and not any(
                m.victims and m.victims not in (actor1.name, OTHER_DEAD) for m in g.mentions)):
        # "The soldiers, from the Golani Brigade, were killed when a device detonated": the
        # side named is the one that lost its dead (alone, or read as both sides), the
        # target of the act; the attacker is unnamed.
        actor1, actor2 = None, actor2 or actor1
        assoc1, assoc2 = [], [a for a in assoc1 + assoc2 if a != actor2.name]
    if actor1 is None and sub_event in UNATTRIBUTED_TO_ARMED_GROUP and actor2 is not None:
        actor1 = ActorRef(raw="", name=f"Unidentified Armed Group ({country or 'Unknown'})",
                          inter=3, country=country or None)
    claims = _claims(article, g)
    for c in claims:
        if country and c.claimant and "Unknown" in c.claimant:
            # "the army said" before the story named its country: that country's army
            c.claimant = _in_country(c.claimant, country)
    # A toll that grew ("has risen to nine") replaces the first figures, as ACLED updates an
    # event when its toll mounts; only rival accounts of it are weighed against each other.
    counted = [c for c in claims if c.updates and c.fatalities is not None] or claims
    with_figures = [c.fatalities for c in counted if c.fatalities is not None]
    # "dozens" in a headline does not undercut the "40" its own body gives
    precise = [f for f in with_figures if f.quantifier is None]
    fatalities = _conservative(precise or with_figures) or 0
    counted_hurt = [c for c in claims if c.updates and c.injuries is not None] or claims
    injuries_figs = [c.injuries for c in counted_hurt if c.injuries is not None]
    injuries = _conservative(injuries_figs)
    contested = len({count_to_fatalities(c) for c in with_figures}) > 1 or len(
        {count_to_fatalities(c) for c in injuries_figs}
    ) > 1 or (any(c.denies for c in claims) and len(claims) > 1)
    materiel: list[Materiel] = []
    for c in claims:
        if p.event_type == "Violence against civilians":
            c.materiel = []  # "seized from his car": the car is not war materiel
        materiel = _merge_materiel(materiel, c.materiel)
    evidence: list[Evidence] = []
    for m in g.mentions:
        if not any(e.start == m.sentence.start for e in evidence):
            evidence.append(m.sentence)
    inter1 = _inter(actor1, country)
    inter2 = _inter(actor2, country)
    location = _location_name(place, mp)
    if _only_the_country(place, location, country):
        # The codebook (docs/coding.md): a place known only as a whole country is no location;
        # the country column says where, and no centroid pretends to a spot on the map.
        place, location = None, ""
    event = Event(
        event_date=best_date.date.isoformat() if best_date else "",
        time_precision=best_date.time_precision if best_date else 3,
        disorder_type=disorder_type_of(p.event_type, sub_event),
        event_type=p.event_type,
        sub_event_type=sub_event,
        actor1=actor1.name if actor1 else "",
        assoc_actor_1="; ".join(assoc1),
        inter1=inter1,
        actor2=actor2.name if actor2 else "",
        assoc_actor_2="; ".join(assoc2),
        inter2=inter2,
        interaction=interaction_code(inter1, inter2),
        civilian_targeting="Civilian targeting" if any(m.civilian_targeting for m in g.mentions)
        else "",
        country=country,
        admin1=place.admin1 or "" if place else "",
        admin2=place.admin2 or "" if place else "",
        location=location,
        latitude=place.latitude if place else None,
        longitude=place.longitude if place else None,
        geo_precision=place.geo_precision if place else (_precision_of(mp) if mp else None),
        fatalities=fatalities,
        # ACLED's `source` names who reported it; the placeholder for an unnamed outlet is not one
        source="; ".join(dict.fromkeys(c.claimant for c in claims
                                       if c.claimant and c.claimant != UNNAMED_OUTLET)),
        article_id=article.id,
        injuries=injuries,
        materiel=materiel,
        claims=claims,
        contested=contested,
        evidence=evidence,
        confidence=round(min(0.99, max(m.confidence for m in g.mentions)
                             + 0.05 * (len(g.mentions) - 1)), 2),
        geonameid=place.geonameid if place else None,
        source_id=article.source_id or "",
        source_path=article.source_path or "",
        url=article.url or "",
    )
    event.notes = write_notes(event, claims)
    # The id the store gives it when this article is the first to tell it.
    event.event_id = event_id_of(article.id, index)
    return event


# ACLED names state forces by the government they serve under; a name from the catalogue is
# moved to the period of the event's date.
PERIODS = {
    "Military Forces of the United States": [
        (dt.date(2009, 1, 20), "(2009-2017)"),
        (dt.date(2017, 1, 20), "(2017-2021)"),
        (dt.date(2021, 1, 20), "(2021-)"),
    ],
}


def _as_own_media_mean(actor: ActorRef | None, article: Article, g: _Group,
                       other: ActorRef | None = None) -> ActorRef | None:
    """The outlet or claimant decides what a name means: in a group's own media (its outlet,
    or its spokesman named as the group's) "the Yemeni armed forces" are the group's fighters,
    where the group styles itself the state (`styles_as_state` in actors.yaml)."""
    if actor is None or not actor.name.startswith("Military Forces of") \
            or re.search(r"\bgovernment\b|\bpro-|\brecogni[sz]ed\b", actor.raw, re.I):
        return actor  # "government forces" are the recognised state's in anyone's words
    voices = [article.outlet or ""] + [m.claimant or "" for m in g.mentions]
    for country, name, inter, aliases in state_styled_groups():
        if country not in actor.name:
            continue
        if other is not None and other.name == name:
            continue  # the group fighting the state's forces: the recognised army after all
        if any(re.search(rf"\b{re.escape(a)}\b", v, re.I) for a in aliases for v in voices):
            return ActorRef(raw=actor.raw, name=name, inter=inter, country=country,
                            start=actor.start, end=actor.end)
    return actor


def _for_period(actor: ActorRef | None, day: dt.date | None) -> ActorRef | None:
    if actor is None or day is None:
        return actor
    for base, periods in PERIODS.items():
        if actor.name.startswith(base + " ("):
            label = None
            for start, name in periods:
                if day >= start:
                    label = name
            if label is None:
                return actor
            return replace(actor, name=f"{base} {label}")
    return actor


def _named_for(actor: ActorRef | None, country: str, placed: bool = False
               ) -> ActorRef | None:
    """Generic names made before the place was known ("Civilians (Unknown)", "police" in an
    article whose country was guessed wrong) take the event's country. A state's forces
    ("government forces") move only to the country of a town the event is `placed` at: the
    article's country is a better guess than a province or a fallback place."""
    if actor is None or not country:
        return actor
    military = (actor.template or "").startswith("Military Forces")
    if actor.template and actor.country != country and (placed or not military):
        name = actor.template.replace("{country}", country)
    elif "Unknown" in actor.name:
        name = actor.name.replace("Unknown", country)
    else:
        return actor
    name = _with_period(name, country)
    return ActorRef(raw=actor.raw, name=name, inter=actor.inter, country=country,
                    start=actor.start, end=actor.end, template=actor.template)


def _in_country(name: str, country: str) -> str:
    """A generic name made before its country was known, in that country."""
    return _with_period(name.replace("Unknown", country), country)


def _with_period(name: str, country: str) -> str:
    """A state's generic forces by ACLED's name for them, with its period: "(2000-)"."""
    if name == f"Military Forces of {country}":
        return default_state_forces().get(country, name)
    return name


_DIVISION_KIND = re.compile(r"\s+(?:raion|rayon|district|county|governorate|province|oblast)$")


def _location_name(place, written) -> str:
    """The resolved place's name, unless the geocoder fell back to an anchor: then the place as
    written stays the location and the anchor only gives coordinates."""
    if place is None:
        return written.text if written else ""
    if written is None or place.geo_precision == 1:
        return place.name
    # "Kupiansk Raion" for "Kupyansk" (a front sector's district): the name without its kind
    # word, so that another spelling of the same name still counts as the same
    a = re.sub(r"[^a-z]", "", _DIVISION_KIND.sub("", place.name.lower()))
    b = re.sub(r"[^a-z]", "", (written.lookup or written.text).lower())
    if a and b and (a in b or b in a or fuzz.ratio(a, b) >= 70):
        return place.name
    return written.text


def _only_the_country(place: Place | None, location: str, country: str) -> bool:
    """The location written is the country itself (a town the geocoder could only anchor to
    its country keeps its own name as the location)."""
    if not location:
        return False
    if location == country or is_country(location):
        return True
    return place is not None and location == place.name \
        and (place.feature_code or "").startswith("PCL")


def _precision_of(p) -> int:
    return {"at": 1, "near": 2, "offset": 2, "countryside": 2}.get(p.role, 3)


def _country_from_mentions(g: _Group) -> str | None:
    for m in g.mentions:
        for a in (m.actor2, m.actor1):
            if a is not None and a.country and a.inter != 8 and (
                a.name.endswith(f"({a.country})") or a.inter == 1
            ):
                return a.country
    for m in g.mentions:
        for a in (m.actor1, m.actor2):
            if a is not None and a.country and a.inter in (2, 3, 4) and not a.template:
                # "Al-Shabaab fighters attacked an army base in Mahas", a village the
                # gazetteer lacks: the group's own war, rather than no country at all
                return a.country
    return None


VERBS = {
    "Government regains territory": "regained",
    "Non-state actor overtakes territory": "took",
    "Armed clash": "clashed with",
    "Air/drone strike": "carried out an air/drone strike on",
    "Shelling/artillery/missile attack": "shelled",
    "Remote explosive/landmine/IED": "detonated an explosive against",
    "Suicide bomb": "carried out a suicide bombing against",
    "Grenade": "threw a grenade at",
    "Chemical weapon": "used a chemical weapon against",
    "Attack": "attacked",
    "Abduction/forced disappearance": "abducted",
    "Sexual violence": "committed sexual violence against",
    "Arrests": "arrested",
    "Looting/property destruction": "looted or destroyed property of",
    "Disrupted weapons use": "disrupted weapons use by",
    "Agreement": "reached an agreement with",
    "Headquarters or base established": "established a base",
    "Non-violent transfer of territory": "took over without fighting",
    "Peaceful protest": "protested",
    "Protest with intervention": "protested and were met with intervention by",
    "Excessive force against protesters": "used excessive force against",
    "Violent demonstration": "demonstrated violently against",
    "Mob violence": "attacked",
}


def write_notes(event: Event, claims: list[Claim]) -> str:
    """One plain sentence in the style of ACLED's notes."""
    when = f"On {event.event_date}" if event.time_precision == 1 else (
        f"Around {event.event_date}" if event.event_date else "On an unknown date"
    )
    actor1 = event.actor1 or "Unidentified actor"
    verb = VERBS.get(event.sub_event_type, "was involved in an event with")
    territory = event.sub_event_type in (
        "Government regains territory", "Non-state actor overtakes territory",
        "Non-violent transfer of territory",
    )
    target = ""
    if territory:
        target = f" {event.location or 'territory'}" if verb.endswith(("regained", "took")) else ""
        if event.actor2:
            target += f" from {event.actor2}"
    elif event.actor2:
        target = f" {event.actor2}"
    elif verb.endswith((" on", " against", " with", " at", " of", " by")):
        verb = verb.rsplit(" ", 1)[0]
    where = ""
    if event.location and not (territory and verb.endswith(("regained", "took"))):
        where = f" in {event.location}"
    if event.country and event.country not in where:
        where += f" ({event.country})" if where else f" in {event.country}"
    figures = []
    for c in claims:
        parts = []
        if c.fatalities is not None:
            parts.append(f"{count_to_fatalities(c.fatalities)} killed")
        if c.injuries is not None:
            parts.append(f"{count_to_fatalities(c.injuries)} injured")
        if parts:
            figures.append(f"{', '.join(parts)} according to {c.claimant}")
    tail = f"; {'; '.join(figures)}" if figures else ""
    deniers = list(dict.fromkeys(c.claimant or "a source" for c in claims if c.denies))
    if deniers and all(c.denies for c in claims):
        # An act told only by those who deny it: the note must not read as if it happened
        # (the store keeps the first report's note, and this stays true after a merge).
        tail += f"; reported only as denied by {' and '.join(deniers)}"
    elif deniers:
        tail += f"; denied by {' and '.join(deniers)}"
    return f"{when}, {actor1} {verb}{target}{where}{tail}."


def events_from_mentions(article: Article, mentions: list[Mention]) -> list[Event]:
    groups = _substantive(group_mentions(mentions))
    named = named_countries(article.text) if groups else set()
    return [build_event(article, g, i, named) for i, g in enumerate(groups)]
