"""One mention into several incidents: places named together, days listed in one
sentence, and the share of a count each incident gets."""

import datetime as dt
import re
from dataclasses import replace

from frontwatch.extraction.dates import DateExpression, find_date_expressions
from frontwatch.extraction.numbers import count_to_fatalities, parse_count
from frontwatch.extraction.places import SETTLEMENTS, is_country
from frontwatch.geo.names import LIST_KIND
from frontwatch.model import (
    Count,
    Mention,
    PlaceMention,
)

GROUND_NOUNS = {"village", "villages", "town", "towns", "city", "district", "districts", "area",
                "areas", "hamlet", "hamlets", "neighbourhood", "neighborhood", "neighbourhoods",
                "neighborhoods", "suburb", "suburbs", "hill", "hills", "base", "airport",
                "border crossing", "crossing", "outpost", "territory"}
TERRITORY_SUBS = {
    "Government regains territory",
    "Non-state actor overtakes territory",
    "Non-violent transfer of territory",
}


_AND_OR = re.compile(r"\b(?:and|or)\b|&|\bas well as\b", re.IGNORECASE)
# The kind words a list's names may carry ("Arghandab district, Charkhab and ...")
_ITEM_KIND = rf"{LIST_KIND}s?|localities|communities|municipalities|cities"
_COORDINATION = re.compile(
    rf"^[\s,]*(?:{_ITEM_KIND})?\s*(?:,|\band\b|\bor\b|\bas well as\b)[\s,]*"
    r"(?:and\s+)?(?:(?:near|in|at|outside|around)\s+)?(?:the\s+)?"
    r"(?:(?:nearby|neighbou?ring|adjacent|surrounding)\s+)?"
    r"(?:(?:area|areas|village|villages|town|towns|outskirts|hamlet|parts?)\s+of\s+)?"
    r"(?:the\s+)?$",
    re.IGNORECASE,
)

# "in Uruzgan, Hilmand, Zabul and Kandahar provinces": the plural kind after the last name
# makes every name of the list one of them, the last included.
_PLURAL_KIND = re.compile(r"\s+(?:provinces|districts|governorates|regions|states|counties|"
                          r"territories|departments|municipalities|prefectures|oblasts)\b",
                          re.IGNORECASE)

# "in La Paz, Santa Cruz, and other Bolivian cities": a list whose "and" leads elsewhere
_LIST_GOES_ON = re.compile(r",?\s+(?:and|or|among)\s+(?:other|several|many|some|various)\b",
                           re.IGNORECASE)


# "Charkhab and Shekh Qalandar areas in Panjwayi district and the Pashmol and Ashoghi areas
# in Zheray districts": the place after "<kind> in" holds the names before it; it is no
# item of the list, and the list goes on after it.
# (the kind in lower case: "various Police Districts in Kandahar city" lists no names)
_IN_HOLDER = (rf"^\s+(?:{_ITEM_KIND}|provinces?|governorates?)\s+in\s+(?:the\s+)?"
              r"(?:neighbou?ring\s+)?")
_HOLDER_BEFORE = re.compile(_IN_HOLDER + "$")
_HOLDER_NAMED = re.compile(_IN_HOLDER + r"[A-Z][\w'’-]*(?:[ -][A-Z][\w'’-]*){0,3}")
_AFTER_HOLDER = re.compile(rf"^(?:\s+(?:{_ITEM_KIND}|provinces?|governorates?))?\s*,?\s*"
                           r"(?:and|as well as)\s+(?:in\s+)?(?:the\s+)?$", re.IGNORECASE)


def coordinated_places(m: Mention, text: str) -> list[PlaceMention]:
    """The places a sentence lists side by side ("A, B and C", "near A and at B"); an anchor
    ("A near the Euphrates", "A east of B") is not one of them."""
    own = sorted(
        (p for p in m.places if (p.role in ("at", "near", "countryside") or (
            p.role == "region" and _PLURAL_KIND.match(text, p.end)))
         and m.sentence.start <= p.start < m.sentence.end and not is_country(p.text)),
        key=lambda p: p.start,
    )
    holders = [b for a, b in zip(own, own[1:], strict=False)
               if _HOLDER_BEFORE.match(text[a.end:b.start])]
    for holder in holders:
        holder.role = "region"  # so a copy of the act is not placed at it
    own = [p for p in own if p.role != "region" or _PLURAL_KIND.match(text, p.end)]
    best: list[PlaceMention] = []
    run: list[PlaceMention] = []
    closed = False
    for p in own:
        gap = text[run[-1].end : p.start] if run else ""
        joined = bool(_AND_OR.search(gap))
        if run and _held_list_goes_on(gap):
            run.append(p)
            closed = False
            if len(run) > len(best):
                best = list(run)
            continue
        # "Terre-Neuve and Gros-Morne, in Artibonite": after "and" closed the list, a place
        # only comma-joined is where they lie, not one more
        if run and _COORDINATION.match(gap) and not (closed and not joined):
            run.append(p)
            closed = closed or joined
        else:
            run, closed = [p], False
        if len(run) > len(best):
            best = list(run)
    if best and re.search(r"\b(?:between|linking|connecting|joining|bordering|including|"
                          r"such as|like|from)\s+(?:the\s+)?(?:\w+\s+of\s+)?$",
                          text[max(0, best[0].start - 30) : best[0].start], re.IGNORECASE) \
            and not _SETTLEMENTS_LISTED.search(text[max(0, best[0].start - 120) : best[0].start]):
        # "the road between A and B", "the desert linking A, B and C": one place; but
        # "several villages in Chiure district, including Mazeze, Ocua and Katapua" names
        # where the act was, one village each
        return []
    if len(best) > 1 and not any(
            re.search(r"\b(?:and|or)\b|&", text[a.end : b.start])
            for a, b in zip(best, best[1:], strict=False)) and not _LIST_GOES_ON.match(
                text, best[-1].end):
        return []  # "in Wadi Houran, Anbar, on Monday": a place and its province, no list
    return best


# Settlements an act befell, then the ones the report names: "attacked several villages
# along the border, including", "hit more than 30 communities in Idleb, including"
_SETTLEMENTS_LISTED = re.compile(
    r"\b(?:" + "|".join(sorted(SETTLEMENTS)) + r")\b[^.;]{0,80}?,?\s+including\s+(?:the\s+)?$",
    re.IGNORECASE)


def _held_list_goes_on(gap: str) -> bool:
    """"... areas in Panjwayi district and the ...": the list goes on past the place that holds
    its names."""
    m = _HOLDER_NAMED.match(gap)
    return m is not None and _AFTER_HOLDER.match(gap[m.end():]) is not None


# "killed 12, including one in Jenin city, one in Tulkarm and 10 in Tammun town": a toll shared
# out place by place, each place with its own figure.
_SHARE_NUMBER = (r"(?:\d[\d,]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
                 r"a dozen|dozens)")
_SHARE_LEAD = re.compile(
    rf"\b(?P<n>{_SHARE_NUMBER})\s+(?:(?:more|other|others|people|persons?|civilians?|children|"
    rf"men|women|soldiers|fighters|Palestinians|residents)\s+)?(?:in|at|near)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_SHARE_GAP = re.compile(
    r"^[\s,]*(?:village|town|city|area|camp|district|governorate|province)?\s*(?:,|;|\band\b)"
    r"\s*(?:and\s+)?$",
    re.IGNORECASE,
)


def shared_places(m: Mention, text: str) -> list[tuple[PlaceMention, Count]]:
    """Places each given its own share of the toll ("one in A, one in B and 10 in C"), in
    order; empty unless at least two are."""
    own = sorted((p for p in m.places if m.sentence.start <= p.start < m.sentence.end),
                 key=lambda p: p.start)
    best: list[tuple[PlaceMention, Count]] = []
    run: list[tuple[PlaceMention, Count]] = []
    previous_end = None
    for p in own:
        lead = _SHARE_LEAD.search(text[max(m.sentence.start, p.start - 40) : p.start])
        count = parse_count(lead.group("n")) if lead else None
        if count is None:
            run, previous_end = [], None
            continue
        gap_start = p.start - len(lead.group(0))
        if run and previous_end is not None and _SHARE_GAP.match(text[previous_end:gap_start]):
            run.append((p, count))
        else:
            run = [(p, count)]
        previous_end = p.end
        if len(run) > len(best):
            best = list(run)
    return best if len(best) >= 2 else []


# "Meanwhile, ISIS units attacked ...": another incident, which does not take the place of the
# one told before
NEW_INCIDENT = re.compile(r"\s*(?:Meanwhile|Separately|Elsewhere|In (?:a |another )?separate "
                          r"(?:development|incident|attack)|In another (?:development|incident)|"
                          r"In other (?:violence|attacks|fighting|incidents|developments|news))\b")
DAY_JOIN = re.compile(r"^\s*(?:,\s*)?(?:and|&)\s+(?:on\s+)?$|^\s*,\s*$")


def split_by_day(m: Mention, published: dt.date | None) -> list[Mention]:
    """ACLED codes one event per day: "clashed on Saturday and Sunday, leaving 10 dead" is two
    events, and "between 5 and 7 July" three, the figures divided between the days (the
    remainder to the first)."""
    if m.date is None or m.time_precision > 2:
        return [m]
    text = m.sentence.text
    found = find_date_expressions(text, published)
    if m.time_precision == 2:
        dates = _span_days(m.date, found, text)
    else:
        dates = _listed_days(m.date, text, found)
    if len(dates) < 2:
        return [m]
    k = len(dates)
    return _one_each(m, [{"date": day, "time_precision": 1} for day in dates],
                     [(divide_count(m.fatalities, i, k), divide_count(m.injuries, i, k))
                      for i in range(k)])


def split_by_day_and_place(m: Mention, published: dt.date | None, text: str) -> list[Mention]:
    """One event per day and per place; but a toll shared out by place over several days
    ("On 28 and 29 January, 12 were killed, one in Jenin, one in Tulkarm and 10 in Tammun")
    gives each place its share over the days: one event a place, dated within the span
    (the day of each is not told)."""
    if shared_places(m, text):
        if len(split_by_day(m, published)) > 1:
            m = replace(m, time_precision=max(m.time_precision, 2))
        return split_by_place(m, text)
    return [each for day in split_by_day(m, published) for each in split_by_place(day, text)]


def _one_each(m: Mention, changes: list[dict], figures: list[tuple[Count | None, Count | None]]
              ) -> list[Mention]:
    """A copy of the mention per day or place (`changes`), each with its own deaths and
    injuries; the materiel stays with the first."""
    out = []
    for i, (change, (fatalities, injuries)) in enumerate(zip(changes, figures, strict=True)):
        copy = replace(m, **change)
        copy.fatalities, copy.injuries = fatalities, injuries
        if i > 0:
            copy.materiel = []
        out.append(copy)
    return out


def _listed_days(date: dt.date, text: str, found: list[DateExpression]) -> list[dt.date]:
    """The days of "on Saturday and Sunday" when `date` is one of them."""
    days = [e for e in found if e.date is not None and e.precision == 1]
    if len(days) < 2 or date not in {d.date for d in days}:
        return []
    runs = [[days[0]]]
    for d in days[1:]:
        if DAY_JOIN.match(text[runs[-1][-1].end : d.start]):
            runs[-1].append(d)
        else:
            runs.append([d])
    run = max(runs, key=len)  # "on Saturday and Sunday", not the dateline's "March 6"
    dates = sorted({d.date for d in run})
    if len(run) < 2 or len(dates) < 2 or (dates[-1] - dates[0]).days > 7:
        return []
    return dates


# Activity that goes on through a span of days; a single act ("shot and killed a man")
# happened on one day of it, which the report does not say.
ONGOING = re.compile(r"\b(?:fighting|fought|clash(?:es|ed)?|violence|hostilities|battles?|"
                     r"shelling|bombardments?|skirmish(?:es)?)\b", re.IGNORECASE)


def _span_days(date: dt.date, found: list[DateExpression], text: str) -> list[dt.date]:
    """Every day of "fighting between 5 and 7 July" when the mention is dated by that span.

    A span that opens the sentence is a report's window ("Between 4 and 10 March, forces
    raided ..."), a span of more than a week is left as one event of week precision, and so
    is a span over single acts: what each day saw is unknown."""
    if not ONGOING.search(text):
        return []
    for e in found:
        if e.date != date or e.last is None or not 1 <= (e.last - date).days <= 6:
            continue
        if not re.search(r"[A-Za-z]{3}", text[: e.start]):
            return []
        return [date + dt.timedelta(days=k) for k in range((e.last - date).days + 1)]
    return []


EACH = re.compile(r"\b(?:in|at|from) each\b|\beach of (?:the|them|these)\b", re.IGNORECASE)


def split_by_place(m: Mention, text: str) -> list[Mention]:
    """ACLED codes one event per location: "liberated A, B and C" is three events, and the
    figures of one incident told at several places are divided among them (ACLED's rule),
    the remainder going to the first; materiel stays with the first. A toll shared out by
    place ("one in A and two in B") gives each place its own figure."""
    shares = shared_places(m, text)
    if shares:
        return _split_shares(m, shares)
    listed = coordinated_places(m, text)
    if len(listed) < 2:
        return [m]
    k = len(listed)
    # "killing five people in each": the figure is every place's own
    each = EACH.search(m.sentence.text) is not None
    figures = [(m.fatalities, m.injuries) if each else
               (divide_count(m.fatalities, i, k), divide_count(m.injuries, i, k))
               for i in range(k)]
    return _one_each(m, _per_place(m, listed), figures)


def _per_place(m: Mention, listed: list[PlaceMention]) -> list[dict]:
    """Each listed place first, the sentence's other places after it."""
    others = [p for p in m.places if p not in listed]
    return [{"places": [place] + others, "split_index": i, "split_count": len(listed)}
            for i, place in enumerate(listed)]


def _split_shares(m: Mention, shares: list[tuple[PlaceMention, Count]]) -> list[Mention]:
    """One incident per place of a shared-out toll; the shares are the deaths when they fit
    within the sentence's death toll, else the injuries when they fit those, else the toll
    is divided as for any list of places."""
    total = sum(count_to_fatalities(c) for _, c in shares)
    field = next((name for name, c in (("fatalities", m.fatalities), ("injuries", m.injuries))
                  if c is not None and total <= count_to_fatalities(c)), None)
    k = len(shares)
    figures = []
    for i, (_, share) in enumerate(shares):
        divided = (divide_count(m.fatalities, i, k), divide_count(m.injuries, i, k))
        figures.append((share, divided[1]) if field == "fatalities" else
                       (divided[0], share) if field == "injuries" else divided)
    return _one_each(m, _per_place(m, [p for p, _ in shares]), figures)


def divide_count(count: Count | None, index: int, parts: int) -> Count | None:
    """The share of a figure that goes to the index-th of `parts` places."""
    if count is None or parts <= 1:
        return count
    total = count_to_fatalities(count)
    share = total // parts + (1 if index < total % parts else 0)
    return Count(value=share, approximate=count.approximate or count.value is None)


def sum_counts(counts: list[Count]) -> Count | None:
    if not counts:
        return None
    if len(counts) == 1:
        return counts[0]
    total = sum(count_to_fatalities(c) for c in counts)
    return Count(value=total, approximate=any(c.approximate or c.value is None for c in counts))


def merge_places(own: list[PlaceMention], found: list[PlaceMention]) -> list[PlaceMention]:
    """The parse's places, and the place finder's where they do not overlap; a place the
    finder names by description ("Somalia's capital": Mogadishu) wins over the parse's
    reading of its words ("Somalia")."""
    # (nor does the parse's "Jammu" and "Kashmir" beat the finder's "Jammu and Kashmir": a
    # name that covers two of the parse's is one place)
    winners = [f for f in found if f.lookup or " and " in f.text and sum(
        1 for o in own if f.start <= o.start and o.end <= f.end) >= 2]
    out = [o for o in own if not any(o.start < f.end and f.start < o.end for f in winners)]
    for f in found:
        if any(f is w for w in winners) or not any(
                o.start < f.end and f.start < o.end for o in out):
            out.append(f)
    return sorted(out, key=lambda p: p.start)
