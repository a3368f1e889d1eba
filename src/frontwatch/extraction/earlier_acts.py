"""One sentence, two incidents: "Gunmen abducted 20 villagers in Kajuru on Monday, a day after
bandits killed five farmers in Kauru, police said."

Wire copy ties a new incident to the one before it in a trailing clause. Read as one sentence,
the two became one event: the abductions and the killings summed into 25 dead in Kajuru, the
later act's type and place, and "a day after" taken as a shift of the whole sentence's day.
ACLED codes two events, the earlier one on its own day (an act recalled "days after", with no
count of them, is only kept out of the main one: it was news in an earlier report). Here the
sentence is read as two pieces before it is parsed, each with the other's words blanked out
(offsets kept, so evidence and places still index the article): the main clause with its
source, and the earlier act with the same source, dated by the main clause's day less the gap
the text gives.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from frontwatch.extraction.sentences import Sentence

_COUNTS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
           "seven": 7, "eight": 8, "nine": 9, "ten": 10}
# ", a day after", ", just two days after", ", hours after", ", days after", ", a week after"
EARLIER_CLAUSE = re.compile(
    r",\s+(?:(?:just|only|barely|some|about|nearly|less than|more than)\s+)?"
    r"(?P<count>an?|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2}|a few|several|"
    r"a couple of)?\s*(?P<unit>days?|weeks?|hours?|nights?)\s+after\s+",
    re.IGNORECASE,
)
# ", in retaliation for the killing of a commander in an Israeli strike in Jouaiya on Tuesday":
# the act answered, told with its own day
ANSWERED_CLAUSE = re.compile(r",\s+(?:in\s+(?:retaliation|response|revenge|reprisal)\s+(?:for|to)|"
                             r"avenging)\s+", re.IGNORECASE)
_OWN_DAY = re.compile(r"\b(?:on|late on|early on)\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|"
                      r"Saturday|Sunday|\d{1,2}\s+[A-Z][a-z]+|[A-Z][a-z]+\s+\d{1,2})\b")
# What the earlier clause must hold to be an incident of its own and not a date's landmark
# ("a day after the election", "hours after the ceasefire took effect")
_ACT_IN_CLAUSE = re.compile(
    r"\b(?:killed|killing|wounded|injured|abducted|kidnapped|attacked|stormed|raided|seized|"
    r"captured|overran|shot|ambushed|clashed|fought|bombed|shelled|struck|exploded|detonated|"
    r"blew up|torched|burned|burnt|looted|massacred|executed|beheaded|gun ?battle|"
    r"in which\b[^,]*\b(?:died|were killed|was killed|were wounded))\b",
    re.IGNORECASE,
)
# The source closing the sentence belongs to both incidents: ", police said.", ", according to
# local officials."
_TRAILING_SOURCE = re.compile(
    r",\s+(?:according to\b[^,]*|[^,]{1,80}?\b(?:said|says|told\b[^,]*|reported|confirmed|"
    r"added)(?:\s+on\s+\w+)?)\s*[.!]?[\"”’]?\s*$",
    re.IGNORECASE,
)
_END = re.compile(r"\s*[.!]?[\"”’]?\s*$")
# "Russian forces shelled Kherson on Sunday, and on Monday a drone hit a bus in Bilozerske":
# two acts joined, each with its own day (DAY_TOLD: a day a clause names, also read by the
# coder's policy)
_JOINED = re.compile(r"(?:,\s+and|;)\s+(?:then\s+|later\s+)?")
DAY_TOLD = re.compile(
    r"\b(?:on|late on|early on|overnight on|late|early)\s+(?P<day>Monday|Tuesday|Wednesday|"
    r"Thursday|Friday|Saturday|Sunday|\d{1,2}\s+[A-Z][a-z]+|[A-Z][a-z]+\s+\d{1,2})\b")


@dataclass(frozen=True, slots=True)
class Gap:
    """How long before the main clause's day the earlier act was: `days`, and the ACLED time
    precision that leaves (1 for days counted, 2 for weeks or an answered act's own day)."""

    days: int
    precision: int


def _gap(count: str | None, unit: str) -> Gap | None:
    """The gap the text counts; None when it does not say how long ("days after", "weeks
    after")."""
    unit = unit.lower().rstrip("s")
    word = (count or "").lower()
    if unit == "hour":
        return Gap(0, 1)
    n = _COUNTS.get(word) or (int(word) if word.isdigit() else None)
    per = 7 if unit == "week" else 1
    if n is None:
        return None
    return Gap(n * per, 1 if per == 1 else 2)


def _blank(text: str, start: int, end: int) -> str:
    return text[:start] + " " * (end - start) + text[end:]


def earlier_acts(sentences: list[Sentence], holds_act: Callable[[str], bool]
                 ) -> list[Sentence]:
    """The sentences with each that ties an earlier incident to its own ("X, a day after Y")
    read as two pieces, main clause first; indices renumbered. `holds_act` tells whether the
    earlier clause may hold an event (the trigger filter)."""
    out: list[Sentence] = []
    for sent in sentences:
        pieces = [sent] if sent.headline else _pieces(sent, holds_act)
        for piece in pieces:
            out.append(replace(piece, index=len(out)))
    return out


def _joined(sent: Sentence, holds_act: Callable[[str], bool]) -> list[Sentence] | None:
    """Two acts joined by "and" (or a semicolon), each told with a day of its own and the
    days differing: the sentence as two pieces, or None."""
    text = sent.text
    for m in _JOINED.finditer(text):
        if m.start() < 15:
            continue
        source = _TRAILING_SOURCE.search(text, m.end())
        clause_end = source.start() if source else _END.search(text, m.end()).start()
        first, second = text[:m.start()], text[m.end():clause_end]
        days_first = {d.group("day") for d in DAY_TOLD.finditer(first)}
        days_second = {d.group("day") for d in DAY_TOLD.finditer(second)}
        if not days_first or not days_second or days_first & days_second:
            continue
        if not (_ACT_IN_CLAUSE.search(first) and _ACT_IN_CLAUSE.search(second)
                and holds_act(first) and holds_act(second)):
            continue
        main = replace(sent, text=_blank(text, m.start(), clause_end),
                       blanked=((sent.start + m.start(), sent.start + clause_end),))
        other = replace(sent, text=_blank(text, 0, m.end()),
                        blanked=((sent.start, sent.start + m.end()),), second=True)
        return [main, other]
    return None


def _pieces(sent: Sentence, holds_act: Callable[[str], bool]) -> list[Sentence]:
    text = sent.text
    joined = _joined(sent, holds_act)
    if joined is not None:
        return joined
    m = EARLIER_CLAUSE.search(text)
    answered = m is None and (m := ANSWERED_CLAUSE.search(text)) is not None
    if m is None or m.start() < 15:
        return [sent]
    source = _TRAILING_SOURCE.search(text, m.end())
    clause_end = source.start() if source else _END.search(text, m.end()).start()
    clause = text[m.end():clause_end]
    if not _ACT_IN_CLAUSE.search(clause) or not holds_act(clause):
        return [sent]
    main = replace(sent, text=_blank(text, m.start(), clause_end),
                   blanked=((sent.start + m.start(), sent.start + clause_end),))
    if answered:
        # the act answered stands only with its own day, which dates it
        gap = Gap(0, 2) if _OWN_DAY.search(clause) else None
    else:
        gap = _gap(m.group("count"), m.group("unit"))
    if gap is None:
        # "..., days after 14 civilians were kidnapped in raids on several villages": an act
        # the story recalls without its day, reported before (the coders code it from its own
        # report); its figures are still not the main act's
        return [main]
    earlier = replace(sent, text=_blank(text, 0, m.end()),
                      blanked=((sent.start, sent.start + m.end()),), earlier=gap)
    return [main, earlier]
