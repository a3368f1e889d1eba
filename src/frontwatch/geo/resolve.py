"""Ranking a name's candidate places with what the article says around it.

A candidate's score adds up: how well the name matched, the place's population and kind (a
country or province outranks a hamlet of the same name), whether its country is the article's,
whether its province is named nearby, and how close it lies to the article's other places.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from frontwatch.geo.gazetteer import Candidate, Gazetteer
from frontwatch.geo.names import name_key

EARTH_KM = 6371.0088

# Weights of the score's terms. Set by hand on the seed and checked on LGL / TR-News
# (bench/geo.py); the name match weighs most, then the article's context, then the priors.
W_MATCH = 2.0
W_POPULATION = 1.0
W_COUNTRY = 0.8
W_ADMIN1 = 2.0
W_PROXIMITY = 0.7
ADMIN1_SHADOW = 0.9
SEAT_SHADOW = 2.0
PROMINENCE = 1.0
VOTE_TEMPERATURE = 0.5
# The article's other places as a province and county context (resolve_article_names): each
# other name spreads a vote over its candidates' provinces and counties (a softmax of their
# scores); a candidate gains by the share of the other names that may lie in its province
# and, more, by other names that may lie in its very county ("Athens" with "Henderson County").
W_ADMIN2 = 1.5
ADMIN1_VOTE = 0.6  # in units of W_ADMIN1, times the share of the other names
ADMIN2_PRESENCE = 0.3  # a county any reading of another name lies in, however unlikely
ADMIN_TEMPERATURE = 0.5
SELF_NAMED = 0.5
CONTEXT_ROUNDS = 2
LAYER_BONUS = {0: 0.0, 1: 0.0, 2: 0.8}  # a local CSV names villages on purpose
FEATURE_BONUS = {"PCLI": 1.1, "PCLD": 0.6, "PCLS": 0.9, "PCLF": 0.9, "PCLIX": 0.6,
                 "PCL": 1.0, "CONT": 1.0, "ADM1": 0.75, "PPLC": 0.45, "PPLA": 0.2}


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_KM * math.asin(min(1.0, math.sqrt(a)))


def offset_point(lat: float, lon: float, km: float, direction: str) -> tuple[float, float]:
    """The point `km` from (lat, lon) towards a compass direction ('east', 'north-west'...)."""
    bearings = {"north": 0, "northeast": 45, "east": 90, "southeast": 135, "south": 180,
                "southwest": 225, "west": 270, "northwest": 315}
    bearing = bearings.get(direction.replace("-", "").replace(" ", "").lower())
    if bearing is None:
        return lat, lon
    b, d = math.radians(bearing), km / EARTH_KM
    p1, l1 = math.radians(lat), math.radians(lon)
    p2 = math.asin(math.sin(p1) * math.cos(d) + math.cos(p1) * math.sin(d) * math.cos(b))
    l2 = l1 + math.atan2(math.sin(b) * math.sin(d) * math.cos(p1),
                         math.cos(d) - math.sin(p1) * math.sin(p2))
    return math.degrees(p2), (math.degrees(l2) + 540) % 360 - 180


@dataclass(slots=True)
class GeoContext:
    """What is known around a name: the article's countries, named provinces, other places."""

    countries: dict[str, float] = field(default_factory=dict)  # ISO code -> weight 0..1
    admin1: dict[tuple[str, str], float] = field(default_factory=dict)  # (cc, code) -> weight
    points: list[tuple[float, float]] = field(default_factory=list)  # other places' coordinates
    # A hard limit: candidates farther than max_km from `near` are not this place.
    near: tuple[float, float] | None = None
    max_km: float | None = None
    # Second-level divisions the article's other places lie in: (cc, admin1, admin2) -> weight.
    admin2: dict[tuple[str, str, str], float] = field(default_factory=dict)


def is_point(c: Candidate) -> bool:
    """Whether a candidate is small enough for distances to it to mean something: a place or a
    second-level division (a county), not a country, province or continent."""
    return not c.is_admin or c.fcode == "ADM2"


def prior(c: Candidate) -> float:
    """Context-free score: name match, population, kind of place, user layer."""
    pop = math.log10(c.population + 1) / 7.0
    # A division named without its kind word ("Gaza" for Mozambique's Gaza Province) has no
    # claim to the division bonus: the kind word was what said division.
    kind = FEATURE_BONUS.get(c.fcode, 0.0) if c.match != "base" else 0.0
    return W_MATCH * c.match_score + W_POPULATION * pop + kind + LAYER_BONUS.get(c.layer, 0.0)


def score(c: Candidate, ctx: GeoContext | None) -> float:
    s = prior(c)
    if ctx is None:
        return s
    if ctx.countries:
        s += W_COUNTRY * ctx.countries.get(c.country_code, 0.0)
    if ctx.admin1 and not c.is_country:
        s += W_ADMIN1 * ctx.admin1.get((c.country_code, c.admin1_code), 0.0)
    if ctx.admin2 and c.admin2:
        s += W_ADMIN2 * ctx.admin2.get((c.country_code, c.admin1_code, c.admin2), 0.0)
    if ctx.points and is_point(c):
        d = min(distance_km(c.latitude, c.longitude, lat, lon) for lat, lon in ctx.points)
        s += W_PROXIMITY * math.exp(-d / 150.0)
    return s


def rank(candidates: Sequence[Candidate], ctx: GeoContext | None = None) -> list[Candidate]:
    """Candidates best first, each carrying its score; far ones dropped when ctx.near is set."""
    scored: list[tuple[float, int]] = []
    # A province named like its main town ("Aleppo", "Alexandria") is the town unless the text
    # says province: the division yields to a populated place of the same name inside it (or
    # to a city of 100,000+ anywhere in the country). Only a town's own name counts here: an
    # alternate-name shadow cost LGL accuracy; "near X" / "the city of X" pick the town in
    # the geocoder instead.
    towns = {(c.country_code, c.admin1_code if c.population < 100_000 else "*")
             for c in candidates
             if c.fclass == "P" and c.match == "main" and c.population >= 1000}
    # A district is named for its seat ("Maarrat al-Nu'man District", "Al-Hawija District"):
    # any town of the name in the same province, however small GeoNames says it is, is what a
    # report names.
    seats = {(c.country_code, c.admin1_code) for c in candidates
             if c.fclass == "P" and c.match in ("main", "base", "alt", "loose")}
    # A division known only by another of its names ("Gaza" for Mozambique's Gaza Province)
    # yields to a city of 100,000+ that has the name as its own, wherever it is.
    big_city = any(c.fclass == "P" and c.match == "main" and c.population >= 100_000
                   for c in candidates)
    # A city of millions by its own name is what a text means, not a village of the name a
    # thousand times smaller ("Los Angeles" is not a hamlet of the name), whatever the context.
    metropolis = max((c.population for c in candidates
                      if c.fclass == "P" and c.match == "main"), default=0)
    # "West Bank" is the territory's own name for a first-level division, only another name of
    # the country: the division it names outright wins.
    named_division = any(c.is_admin1 and c.match == "main" for c in candidates)
    limit = ctx is not None and ctx.near is not None and ctx.max_km is not None
    for i, c in enumerate(candidates):
        if limit and distance_km(c.latitude, c.longitude, *ctx.near) > ctx.max_km:
            continue
        s = score(c, ctx)
        province = (c.country_code, c.admin1_code)
        shadowed = c.is_division and (province in towns or (c.country_code, "*") in towns
                                      or (big_city and c.match == "alt"))
        if named_division and c.is_country and c.match == "alt":
            s -= ADMIN1_SHADOW
        if metropolis >= 1_000_000 and c.fclass == "P" and c.population * 1000 < metropolis:
            s -= PROMINENCE
        if c.fcode == "ADM2" and province in seats:
            s -= SEAT_SHADOW
        elif shadowed:
            s -= ADMIN1_SHADOW
        scored.append((-s, i))
    scored.sort()
    return [candidates[i].with_score(-s) for s, i in scored]


_LOOSE = ("loose", "partial", "fuzzy")


def name_country_votes(gazetteer: Gazetteer, name: str) -> dict[str, float]:
    """One name's vote, spread over the countries of its candidates (summing to 1).

    By a softmax of their context-free scores: "Alexandria" has one big namesake in Egypt but
    eight in the US, and a name with one clear reading votes almost fully for its country.
    """
    ranked = [c for c in rank(gazetteer.candidates(name)) if c.country_code]
    # A name the gazetteer knows only by a loose or partial spelling casts no vote: "Galilee"
    # would otherwise vote for Mexico (Nueva Galilea) in a one-line Israeli report, and then
    # place itself there.
    if ranked and all(c.match in _LOOSE for c in ranked):
        return {}
    # In a country where a place bears the name as its own, another place there that only bore
    # it once (Engels, formerly Pokrovsk; Artyomovsky beside a village Artemovsk) adds no vote:
    # else the name counts that country twice, outvotes the country where it is a city's own
    # (or former) name, and its own vote then moves the city.
    own = {c.country_code for c in ranked if c.match == "main"}
    ranked = [c for c in ranked
              if c.match != "alt" or c.country_code not in own or c.is_country or c.is_admin1]
    if not ranked:
        return {}
    top = ranked[0].score
    weights = [math.exp((c.score - top) / VOTE_TEMPERATURE) for c in ranked[:40]]
    total = sum(weights)
    votes: dict[str, float] = defaultdict(float)
    for c, w in zip(ranked, weights, strict=False):
        votes[c.country_code] += w / total
    return votes


def _normalise_votes(votes: dict[str, float]) -> dict[str, float]:
    best = max(votes.values(), default=0.0)
    if best <= 0:
        return {}
    return {cc: v / best for cc, v in votes.items() if v / best >= 0.1}


def country_votes(gazetteer: Gazetteer, names: Sequence[str],
                  extra: dict[str, float] | None = None,
                  vote_of: Callable[[str], dict[str, float]] | None = None) -> dict[str, float]:
    """The article's countries, weighted 0..1, from each name's most likely place.
    `vote_of` gives one name's vote when the caller keeps them (they never change)."""
    votes: dict[str, float] = defaultdict(float)
    for cc, w in (extra or {}).items():
        votes[cc] += w
    for name in names:
        vote = vote_of(name) if vote_of is not None else name_country_votes(gazetteer, name)
        for cc, w in vote.items():
            votes[cc] += w
    return _normalise_votes(votes)


def _admin_shares(ranked: Sequence[Candidate],
                  ) -> tuple[dict[tuple[str, str], float], dict[tuple[str, str, str], float]]:
    """Where one name's places may lie: its candidates' provinces and counties, each with the
    probability (a softmax of the candidates' scores) that the name is a place there."""
    a1: dict[tuple[str, str], float] = defaultdict(float)
    a2: dict[tuple[str, str, str], float] = defaultdict(float)
    ranked = [c for c in ranked[:40] if not c.is_country and c.admin1_code]
    if not ranked:
        return a1, a2
    top = ranked[0].score
    weights = [math.exp((c.score - top) / ADMIN_TEMPERATURE) for c in ranked]
    total = sum(weights)
    for c, w in zip(ranked, weights, strict=True):
        a1[(c.country_code, c.admin1_code)] += w / total
        if c.admin2:
            a2[(c.country_code, c.admin1_code, c.admin2)] += w / total
    for k in a2:  # any county a reading of the name lies in counts a little
        a2[k] += ADMIN2_PRESENCE
    return a1, a2


def resolve_article_names(gazetteer: Gazetteer, names: Sequence[str],
                          extra_countries: dict[str, float] | None = None,
                          admin_hints: Sequence[dict[tuple[str, str], float] | None] | None = None,
                          ) -> list[Candidate | None]:
    """Resolve all toponyms of one text together: country vote, then proximity to each other.

    Each name is ranked in the context of the others: the countries the *other* names vote for
    (so "Georgia" in an article about Atlanta and Macon is the state, not the country its own
    name votes for), the provinces they name, the provinces and counties they may lie in, and
    their points. Two rounds: the second uses the first round's (better) places as points.
    `admin_hints`: per name, provinces the text gives for it ("Mansfield, La.").
    """
    # "MANSFIELD -- Mansfield Mayor ...": one name however written; no context for itself.
    keys = [name_key(n) for n in names]
    raw: dict[str, float] = defaultdict(float)
    for cc, w in (extra_countries or {}).items():
        raw[cc] += w
    per_name: dict[str, dict[str, float]] = {}
    counts: dict[str, int] = defaultdict(int)
    for name, key in zip(names, keys, strict=True):
        counts[key] += 1
        if key not in per_name:
            per_name[key] = name_country_votes(gazetteer, name)
        for cc, w in per_name[key].items():
            raw[cc] += w
    countries = _normalise_votes(raw)
    hints = list(admin_hints) if admin_hints is not None else [None] * len(names)
    first: list[Candidate | None] = []
    shares: dict[str, tuple[dict, dict]] = {}
    for name, key, hint in zip(names, keys, hints, strict=True):
        ranked = rank(gazetteer.candidates(name), GeoContext(countries=countries,
                                                             admin1=hint or {}))
        first.append(ranked[0] if ranked else None)
        if key not in shares:
            shares[key] = _admin_shares(ranked)
    # The article's provinces and counties, summed over its distinct names.
    total1: dict[tuple[str, str], float] = defaultdict(float)
    total2: dict[tuple[str, str, str], float] = defaultdict(float)
    for a1, a2 in shares.values():
        for k, w in a1.items():
            total1[k] += w
        for k, w in a2.items():
            total2[k] += w
    voters = sum(1 for a1, _ in shares.values() if a1)
    out: list[Candidate | None] = first
    for _ in range(CONTEXT_ROUNDS):
        # Provinces the text names ("Minnesota"). One named only by this name is context for
        # it only if spelt as its own name in a country of the article: "Georgia" in a US
        # article, not "Gaza" for Gaza Province or "Hanover" for Jamaica's parish.
        naming: dict[tuple[str, str], set[str]] = defaultdict(set)
        for c, key in zip(first, keys, strict=True):
            if c is not None and c.is_admin1:
                own = c.match == "main" and countries.get(c.country_code, 0.0) >= SELF_NAMED
                naming[(c.country_code, c.admin1_code)].add("" if own else key)
        out = []
        for i, name in enumerate(names):
            key = keys[i]
            candidates = gazetteer.candidates(name)
            # Other places that are points (not whole countries or provinces), not this name
            # and not a place this name may be itself ("Washington" for "D.C.").
            ids = {c.id for c in candidates}
            points = [(c.latitude, c.longitude) for j, c in enumerate(first)
                      if c is not None and j != i and is_point(c) and keys[j] != key
                      and c.id not in ids]
            others = dict(raw)
            for cc, w in per_name[key].items():
                others[cc] -= w * counts[key]
            own1, own2 = shares[key]
            n_others = max(1, voters - (1 if own1 else 0))
            named = {k1: 0.6 for k1, by in naming.items() if len(by) > (key in by)}
            admin1 = dict(named)
            admin2: dict[tuple[str, str, str], float] = {}
            for c in candidates:  # the other names' votes, for this name's provinces
                k1 = (c.country_code, c.admin1_code)
                vote = (total1.get(k1, 0.0) - own1.get(k1, 0.0)) / n_others
                if vote > 1e-9:
                    admin1[k1] = named.get(k1, 0.0) + ADMIN1_VOTE * vote
                if c.admin2:  # and counties
                    k2 = (c.country_code, c.admin1_code, c.admin2)
                    w2 = total2.get(k2, 0.0) - own2.get(k2, 0.0)
                    if w2 > 1e-9:
                        admin2[k2] = min(1.0, w2)
            for k1, w in (hints[i] or {}).items():
                admin1[k1] = max(admin1.get(k1, 0.0), w)
            ctx = GeoContext(countries=_normalise_votes(others) or countries, admin1=admin1,
                             points=points, admin2=admin2)
            ranked = rank(candidates, ctx)
            out.append(ranked[0] if ranked else None)
        first = out
    return out
