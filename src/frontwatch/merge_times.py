"""When in the day a report says its incident happened, read from its evidence sentences.

Rival media disagree on the day of one incident for reasons of their own (a bulletin published
the next morning, "overnight", "yesterday", the day of the statement), so the merge allows a
day's slack. Two things a report may say are firmer, and tell two incidents apart:

- the time of day: a strike "at 07:40" or "on Saturday morning" is not the one "on the
  evening of June 8" (`time_spans`, `times_conflict`);
- the day named for the act itself: "clashes on Monday" and "fighting on Sunday" are two
  days of fighting, where a day resolved from "overnight" or a date the report inherited from
  its article is not firm (`stated_day`).

Pure functions over `Event`: the evidence is kept with every stored report, so a regroup reads
the same spans in any order.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from functools import lru_cache

from frontwatch.model import Event

# Hour spans (24-hour clock) of the times of day news reports give. A night runs past midnight,
# and a report dated by it may mean either side of it: it is both ends of the day.
NIGHT: tuple[tuple[float, float], ...] = ((0.0, 6.0), (20.0, 24.0))
_PARTS: dict[str, tuple[tuple[float, float], ...]] = {
    "dawn": ((3.0, 8.0),),
    "early morning": ((0.0, 9.0),),
    "morning": ((5.0, 12.0),),
    "late morning": ((9.0, 13.0),),
    "midday": ((11.0, 14.0),),
    "afternoon": ((12.0, 18.0),),
    "late afternoon": ((15.0, 19.0),),
    "evening": ((17.0, 23.0),),
    "night": NIGHT,
}
_WORD_PART = {
    "dawn": "dawn", "daybreak": "dawn", "first light": "dawn", "sunrise": "dawn",
    "pre-dawn": "dawn", "predawn": "dawn",
    "early morning": "early morning", "early hours": "early morning",
    "morning": "morning", "late morning": "late morning",
    "midday": "midday", "noon": "midday", "afternoon": "afternoon",
    "late afternoon": "late afternoon", "evening": "evening", "dusk": "evening",
    "sunset": "evening", "nightfall": "evening",
    "night": "night", "overnight": "night", "midnight": "night", "nighttime": "night",
}  # fmt: skip
# Hours either side of a clock time ("at 07:40"), and the slack two spans may miss by: reports
# round, and a morning strike told "at about 11" is still the morning's.
CLOCK_SLACK = 1.0
OVERLAP_SLACK = 1.0

_DAYS = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_PART_WORDS = (r"(?:early\s+morning|late\s+morning|late\s+afternoon|pre-?dawn|morning|dawn|"
               r"daybreak|first\s+light|sunrise|midday|noon|afternoon|evening|dusk|sunset|"
               r"nightfall|night(?:time)?|midnight)")
# Only phrasings that time an act: "on Saturday morning", "in the early hours", "at dawn",
# "overnight", "the evening attack", "on the evening of June 8". Not "rescuers worked through
# the night" or "searching the rubble in the evening" (those time the aftermath), so a bare
# "in the evening" is not read unless a weekday or "early/late" goes with it.
_TIME_OF_DAY = re.compile(
    rf"\b(?:on\s+)?(?:(?:this|yesterday|last|{_DAYS})\s+)(?P<a>{_PART_WORDS})\b"
    rf"|\bon\s+the\s+(?P<b>{_PART_WORDS})\s+of\b"
    rf"|\bin\s+the\s+(?P<c>early\s+hours|early\s+morning|pre-?dawn\s+hours)\b"
    rf"|\bat\s+(?P<d>dawn|daybreak|first\s+light|sunrise|midday|noon|dusk|sunset|nightfall|"
    rf"night|midnight)\b"
    rf"|\b(?P<e>overnight)\b"
    rf"|\b(?P<f>dawn|pre-?dawn|morning|afternoon|evening|night|overnight|midnight)\s+"
    rf"(?:air\s*)?(?:strikes?|attacks?|raids?|shelling|bombardment|bombing|assault|ambush)\b",
    re.I,
)
_CLOCK = re.compile(
    r"\b(?:at|around|about|shortly\s+(?:before|after))\s+(?:about\s+|around\s+)?"
    r"(?P<h>[01]?\d|2[0-3])(?:[:.](?P<m>[0-5]\d))?\s*(?P<ap>a\.?m\.?|p\.?m\.?)?"
    r"(?=[\s,.;)]|$)",
    re.I,
)
# "hours after a dawn strike on the other side of the city": the time of another act.
_ANOTHER_ACT = re.compile(r"\b(?:after|before|following|since)\s+(?:\w+\s+){0,2}$", re.I)
# "late on Tuesday", "early on Wednesday": near midnight, so the day itself is loose.
_EDGE_OF_DAY = re.compile(rf"\b(?:late|early)\s+(?:on\s+)?{_DAYS}\b", re.I)


def time_spans(event: Event) -> list[tuple[float, float]]:
    """The hour spans the report's evidence times its act by; [] when it gives no time."""
    return list(_spans(tuple(ev.text for ev in event.evidence)))


# The merge asks about each report once per candidate partner: cached by its sentences.
@lru_cache(maxsize=4096)
def _spans(texts: tuple[str, ...]) -> tuple[tuple[float, float], ...]:
    spans: list[tuple[float, float]] = []
    for text in texts:
        for m in _TIME_OF_DAY.finditer(text):
            if _ANOTHER_ACT.search(text[max(0, m.start() - 30) : m.start()]):
                continue
            word = next(g for g in m.groups() if g)
            part = _WORD_PART.get(re.sub(r"\s+", " ", word.lower()))
            if part:
                spans.extend(_PARTS[part])
        for m in _CLOCK.finditer(text):
            hour = _clock_hour(m)
            if hour is not None:
                spans.append((max(hour - CLOCK_SLACK, 0.0), min(hour + CLOCK_SLACK, 24.0)))
        if _EDGE_OF_DAY.search(text):
            spans.extend(NIGHT)
    return tuple(spans)


def _clock_hour(m: re.Match[str]) -> float | None:
    """A clock time, only when it is one: "at 07:40", "at 7 a.m.", not "at 15 positions"."""
    hour, minute, ampm = int(m["h"]), m["m"], (m["ap"] or "").replace(".", "").lower()
    if minute is None and not ampm:
        return None
    if ampm == "pm" and hour < 12:
        hour += 12
    elif ampm == "am" and hour == 12:
        hour = 0
    return hour + int(minute or 0) / 60


def _overlap(a: tuple[float, float], b: tuple[float, float]) -> bool:
    return a[0] <= b[1] + OVERLAP_SLACK and b[0] <= a[1] + OVERLAP_SLACK


def times_conflict(a: Event, b: Event) -> bool:
    """Both reports time their act, on the same day, and no time of one comes near a time of
    the other: a morning strike and an evening one on one city are two incidents."""
    if a.event_date != b.event_date:
        return False
    sa, sb = time_spans(a), time_spans(b)
    if not sa or not sb:
        return False
    return not any(_overlap(x, y) for x in sa for y in sb)


def near_midnight(event: Event) -> bool:
    """The report times its act at night or at an edge of the day, when a day either side
    is the same act."""
    return any(s < 4.0 or e > 20.0 for s, e in time_spans(event))


# Verbs of saying: the day after them is the statement's ("said on Tuesday"), not the act's.
_SAID_BEFORE = re.compile(
    r"\b(?:said|says|told|announced|reported|stated|added|wrote|posted|claimed|confirmed|"
    r"statement|denied|rejected|called)\s+(?:\w+\s+){0,2}?$",
    re.I,
)


def stated_day(event: Event) -> bool:
    """The report's own sentences name the day of the act: a weekday or a calendar date that is
    the event's date ("on Monday", "Yesterday, Sunday", "on 12 September 2023"), not after a
    verb of saying. A date the report inherited from its article, or read from "overnight" or
    "yesterday", is not stated; nor is an ISO date ("2017-08-12"), which news prose does not
    use: it comes from a bulletin's header or a feed's fields, which date the report."""
    if event.time_precision != 1:
        return False
    return _names_day(event.event_date, tuple(ev.text for ev in event.evidence))


@lru_cache(maxsize=4096)
def _names_day(event_date: str, texts: tuple[str, ...]) -> bool:
    try:
        day = dt.date.fromisoformat(event_date)
    except ValueError:
        return False
    weekday = calendar.day_name[day.weekday()]
    month = calendar.month_name[day.month]
    patterns = [
        rf"\b{weekday}\b",
        rf"\b{day.day}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{month}|{month[:3]})\b",
        rf"\b(?:{month}|{month[:3]})\.?\s+{day.day}(?:st|nd|rd|th)?\b(?!\d)",
    ]
    for text in texts:
        for pattern in patterns:
            for m in re.finditer(pattern, text):
                if _dateline(text, m.start()):
                    continue
                before = text[max(0, m.start() - 40) : m.start()]
                before = re.sub(r"\s*\b(?:on|late|early)\s*$", " ", before, flags=re.I)
                if not _SAID_BEFORE.search(before):
                    return True
    return False


def _dateline(text: str, start: int) -> bool:
    """A wire's dateline ("PORT SUDAN, Dec 19 -") dates the story, not the act."""
    return start < 40 and re.match(r"[A-Z][A-Z .'-]+,\s*$", text[:start]) is not None


def days_conflict(a: Event, b: Event) -> bool:
    """Both reports state the act's day, the days differ, and neither times it near midnight:
    the fighting "on Friday" and the capture "on Saturday" are two incidents."""
    if a.event_date == b.event_date:
        return False
    if near_midnight(a) or near_midnight(b):
        return False
    return stated_day(a) and stated_day(b)
