"""Date expressions in news sentences, resolved against the publication date.

Precision follows ACLED's `time_precision` (ACLED Codebook, section "Time precision codes",
https://acleddata.com/methodology/acled-codebook):

* 1: the source gives the actual day ("on Sunday", "yesterday", "12 August 2017").
* 2: "sometime during the week or within a similar period of time (i.e., during the
  weekend)"; "the middle of the period is used as the reference date (i.e., with an event
  occurring last week, the Event date would be recorded on either Wednesday or Thursday of
  that week)". We use Wednesday for a past week, Saturday for a weekend, and the middle day
  (rounded down) of any other span ("earlier this week" = Monday .. the day before
  publication; "in the past week" = the seven days before publication; "12-13 August").
* 3: "sometime during a month (i.e., in the past two or three weeks, or in January) ...
  the month midpoint is chosen. If the beginning or end of the month is noted, the first
  and last date is used." So "in August" / "last month" / "mid-August" -> the 15th,
  "early August" -> the 1st, "late August" -> the last day. "Earlier this month" is the
  middle of the 1st .. the day before publication (the 15th could be after publication).

Resolution choices (frontwatch's, for English wire copy):

* A bare day name is the most recent such day on or before publication: published Monday,
  "on Sunday" = yesterday, "on Monday" = the same day. "Last Monday" is strictly before
  (1-7 days back).
* "Last night" and "overnight" = the day before publication (the night that began then).
* "Last weekend" published on a Saturday or Sunday is the weekend before; otherwise the
  weekend just gone. "Over the weekend" / "this weekend" is the most recent Saturday.
* A day and month without a year ("August 12") takes the most recent such date on or
  before publication; without a publication date it (and every relative expression)
  resolves to date None, with its precision still given. Expressions with a year always
  resolve.

Months and day names are matched case-sensitively and a bare month needs a preposition, a
day or a year with it, so "forces march on" and "may attack" are never dates. dateparser is
used only by `resolve_date` as a fallback for phrases outside this grammar.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

__all__ = ["DateExpression", "find_date_expressions", "resolve_date"]


@dataclass(frozen=True, slots=True)
class DateExpression:
    start: int
    end: int
    text: str
    date: dt.date | None
    precision: int  # ACLED time_precision: 1 day, 2 week/weekend/span of days, 3 month
    # the last day of an explicit span of days ("25-26 May", "between 5 and 7 July"), whose
    # first day is `date`: ACLED codes such a span as one event per day
    last: dt.date | None = None


_MONTHS = {
    "January": 1, "February": 2, "March": 3, "April": 4, "May": 5, "June": 6, "July": 7,
    "August": 8, "September": 9, "October": 10, "November": 11, "December": 12,
    "Jan": 1, "Feb": 2, "Mar": 3, "Apr": 4, "Jun": 6, "Jul": 7, "Aug": 8, "Sep": 9,
    "Sept": 9, "Oct": 10, "Nov": 11, "Dec": 12,
}  # fmt: skip
_WEEKDAYS = {
    "Monday": 0, "Tuesday": 1, "Wednesday": 2, "Thursday": 3, "Friday": 4, "Saturday": 5,
    "Sunday": 6,
}  # fmt: skip
_NUM_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "few": 3, "several": 3, "eleven": 11,
    "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19,
}  # fmt: skip
_TENS_VALUE = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
               "seventy": 70, "eighty": 80, "ninety": 90}
_TENS = "(?:" + "|".join(_TENS_VALUE) + ")"


def _number_word(word: str) -> int:
    """"6", "six", "forty-six", "forty six" as a number."""
    word = word.lower()
    if word.isdigit():
        return int(word)
    tens, _, units = word.replace(" ", "-").partition("-")
    if tens in _TENS_VALUE:
        return _TENS_VALUE[tens] + (_NUM_WORDS[units] if units else 0)
    return _NUM_WORDS[word]

_MON = (
    r"(?P<mon>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")(?:\.(?=\s))?"
)  # "Aug." ok
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
# "25-26", "the night of February 25 to 26" (not "February 25 to 3 villages")
_DAY2 = (r"(?:(?:\s*[-–]\s*(?P<day2>[0-3]?\d)(?:st|nd|rd|th)?)|\s+(?:to|into)\s+"
         r"(?P<day3>[0-3]?\d)(?:st|nd|rd|th)?(?=\s*(?:[,;:)]|\.(?!\d)|$|[A-Z]|(?:of|in|at|when|"
         r"as|and|after|before|while|during)\b)))?")
_YEAR = r"(?:,?\s+(?P<year>(?:1[89]|20|21)\d\d))?"
_WD = r"(?P<wd>" + "|".join(_WEEKDAYS) + r")"
# "on Wednesday 14 February", "Friday, 2 November": the day's name before its date
_WD_BEFORE = r"(?:(?:" + "|".join(_WEEKDAYS) + r"),?\s+)?"
_CI = re.IGNORECASE

# (name, regex); every regex is tried, overlaps are settled longest-first.
_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("iso", re.compile(r"\b(?P<year>\d{4})-(?P<m>\d{2})-(?P<day>\d{2})\b")),
    (
        "mdy",
        re.compile(rf"\b(?:(?i:on|early\s+on|late\s+on)\s+)?{_WD_BEFORE}{_MON}\s+{_DAY}{_DAY2}(?!\d)"
                   rf"{_YEAR}\b"),
    ),
    (
        "dmy",
        re.compile(
            rf"\b(?:(?i:on|early\s+on|late\s+on)\s+)?{_WD_BEFORE}(?:the\s+)?{_DAY}{_DAY2}\s+"
            rf"(?:of\s+)?{_MON}"
            rf"{_YEAR}\b"
        ),
    ),
    # "between 5 and 7 July", "between July 5 and 7": a span, unlike "on 5 and 7 July"
    (
        "between_dmy",
        re.compile(rf"\b(?i:between)\s+(?:the\s+)?{_DAY}\s+and\s+(?:the\s+)?(?P<day2>[0-3]?\d)"
                   rf"(?:st|nd|rd|th)?\s+(?:of\s+)?{_MON}{_YEAR}\b"),
    ),
    (
        "between_mdy",
        re.compile(rf"\b(?i:between)\s+{_MON}\s+{_DAY}\s+and\s+(?P<day2>[0-3]?\d)"
                   rf"(?:st|nd|rd|th)?(?!\d){_YEAR}\b"),
    ),
    (
        "month",
        re.compile(
            r"\b(?:(?:(?P<prep>(?i:in|during|since|until|by|from|of|through|throughout))\s+)?"
            r"(?:(?P<part>(?i:early|mid|late|the\s+beginning\s+of|the\s+start\s+of|"
            r"the\s+middle\s+of|the\s+end\s+of))[\s-]+)?)"
            # a month followed by its day is the day's ("from February 25 to March 3")
            rf"{_MON}(?!\s+[0-3]?\d(?:st|nd|rd|th)?\b)(?:,?\s+(?:of\s+)?"
            rf"(?P<year>(?:1[89]|20|21)\d\d))?\b"
        ),
    ),
    (
        "weekday",
        re.compile(
            r"(?:\b(?P<pre>[Oo]n|[Ee]arly\s+on|[Ll]ate\s+on|[Ee]arly|[Ll]ate|[Oo]vernight(?:\s+on)?|"
            r"[Ll]ast|[Ss]ince|[Bb]y|[Uu]ntil|[Ee]arlier\s+on)\s+)?"
            rf"\b{_WD}\b"
            r"(?:\s+(?P<suf>morning|afternoon|evening|night|overnight))?"
        ),
    ),
    ("daybefore", re.compile(r"\bthe\s+day\s+before\s+yesterday\b", _CI)),
    (
        "yesterday",
        re.compile(r"\b(?:late\s+|early\s+)?yesterday(?:\s+(?:morning|afternoon|evening))?\b", _CI),
    ),
    (
        "today",
        re.compile(
            r"\b(?:earlier\s+today|today|tonight|this\s+(?:morning|afternoon|evening))\b", _CI
        ),
    ),
    (
        "lastnight",
        # (not "overnight on 12 May", "overnight on Friday": that day's night)
        # (nor "during the night of 12 to 13 June")
        re.compile(r"\b(?:late\s+)?last\s+night\b|\bovernight\b(?!\s+(?:on|into)\s+\w)|"
                   r"\bduring\s+the\s+night\b(?!\s+of\b)", _CI),
    ),
    (
        "ago",
        re.compile(
            # "Forty-six days ago": the whole number, not "six days ago"
            rf"(?<![\w-])(?P<n>\d{{1,2}}|{_TENS}(?:[- ](?:one|two|three|four|five|six|seven|"
            rf"eight|nine))?|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|"
            rf"nineteen|an?|one|two|three|four|five|six|seven|eight|nine|ten|few|several)"
            r"\s+(?P<unit>days?|weeks?)\s+ago\b",
            _CI,
        ),
    ),
    ("lastweek", re.compile(r"\blast\s+week\b", _CI)),
    ("earlierweek", re.compile(r"\bearlier\s+(?:this|in\s+the)\s+week\b", _CI)),
    ("thisweek", re.compile(r"\bthis\s+week\b", _CI)),
    ("lastweekend", re.compile(r"\blast\s+weekend\b", _CI)),
    ("weekend", re.compile(r"\b(?:(?:over|during|at)\s+the|this)\s+weekend\b", _CI)),
    (
        "pastweek",
        re.compile(
            r"\b(?:in|over|during)\s+(?:the\s+)?(?:past|last)\s+(?:week|seven\s+days|few\s+days)\b"
            r"|\bin\s+recent\s+days\b",
            _CI,
        ),
    ),
    (
        "pastweeks",
        re.compile(
            r"\b(?:in|over|during)\s+(?:the\s+)?(?:past|last)\s+(?:two|three|few|several)\s+weeks\b"
            r"|\bin\s+recent\s+weeks\b",
            _CI,
        ),
    ),
    ("earliermonth", re.compile(r"\bearlier\s+(?:this|in\s+the)\s+month\b", _CI)),
    ("thismonth", re.compile(r"\bthis\s+month\b", _CI)),
    (
        "lastmonth",
        re.compile(
            r"\b(?:(?P<part>early|late|mid|at\s+the\s+(?:beginning|start|end)\s+of)[\s-]+)?"
            r"last\s+month\b",
            _CI,
        ),
    ),
    (
        "ordinal",
        re.compile(
            r"\bon\s+the\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)\b"
            r"(?:\s+of\s+(?:this|the)\s+month\b)?"
            r"(?=\s*(?:[,.;:)]|$)|\s+(?:of\s+(?:this|the)\s+month|and|when|at|in|as|after|before|"
            r"morning|night|evening|afternoon)\b)",
            _CI,
        ),
    ),
]

# Words a pattern cannot match without (lower case): most sentences hold none of them, and
# skipping a pattern is much cheaper than running it. Month names are checked case-sensitively.
_MONTH_ANY = re.compile(r"\b(?:" + "|".join(_MONTHS) + r")")
_GATES: dict[str, tuple[str, ...]] = {
    "iso": ("-",), "weekday": ("day",), "daybefore": ("yesterday",),
    "yesterday": ("yesterday",), "today": ("today", "tonight", "this "),
    "lastnight": ("night",), "ago": ("ago",), "lastweek": ("week",), "earlierweek": ("week",),
    "thisweek": ("week",), "lastweekend": ("week",), "weekend": ("week",),
    "pastweek": ("week", "days"), "pastweeks": ("weeks",), "earliermonth": ("month",),
    "thismonth": ("month",), "lastmonth": ("month",), "ordinal": ("on the",),
}  # fmt: skip
_MONTH_PATTERNS = {"mdy", "dmy", "between_dmy", "between_mdy", "month"}

_DAY_MS = dt.timedelta(days=1)


def _days(n: int) -> dt.timedelta:
    return dt.timedelta(days=n)


def _mid(a: dt.date, b: dt.date) -> dt.date:
    if b < a:
        return a
    return a + _days((b - a).days // 2)


def _last_day(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


def _safe_date(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


# "Spontaneous demonstrations are possible on July 13" in an alert of July 12: a day just
# after publication is that day (a forecast, a plan, a time zone ahead), not one a year back.
NEAR_FUTURE = dt.timedelta(days=7)


def _year_for(month: int, day: int, pub: dt.date) -> int:
    """The year that puts month/day on or before publication (news reports the past), unless
    it falls within a week after it."""
    if (month, day) <= (pub.month, pub.day):
        return pub.year
    # (not across a new year: an annual report is read against the last day of its year)
    ahead = _safe_date(pub.year, month, day)
    if ahead is not None and ahead - pub <= NEAR_FUTURE:
        return pub.year
    return pub.year - 1


def _resolve(name: str, m: re.Match[str], pub: dt.date | None) -> tuple[dt.date | None, int] | None:
    g = m.groupdict()
    if name == "iso":
        d = _safe_date(int(g["year"]), int(g["m"]), int(g["day"]))
        return (d, 1) if d else None
    if name in ("mdy", "dmy", "between_dmy", "between_mdy"):
        month = _MONTHS[g["mon"]]
        day = int(g["day"])
        day2 = int(g.get("day2") or g.get("day3") or 0) or None
        if not 1 <= day <= 31 or (day2 is not None and not day < day2 <= 31):
            return None
        prec = 1 if day2 is None else 2
        if g.get("year"):
            year = int(g["year"])
        elif pub is not None:
            year = _year_for(month, day, pub)
        else:
            # Still a valid day of some year? Feb 29 exists in leap years.
            if _safe_date(2000, month, day) is None:
                return None
            return None, prec
        d = _safe_date(year, month, day)
        if d is None:
            return None
        return d, prec
    if name == "month":
        if not (g.get("prep") or g.get("part") or g.get("year")):
            return None  # a bare "May"/"March": a verb as often as a month
        month = _MONTHS[g["mon"]]
        if g.get("year"):
            year = int(g["year"])
        elif pub is not None:
            year = pub.year if month <= pub.month else pub.year - 1
        else:
            return None, 3
        part = re.sub(r"\s+", " ", (g.get("part") or "").lower())
        if part in ("early", "the beginning of", "the start of"):
            day = 1
        elif part in ("late", "the end of"):
            day = _last_day(year, month)
        else:
            day = 15
        d = dt.date(year, month, day)
        if pub is not None and d > pub:  # the current month: the middle of its past part
            d = _mid(d.replace(day=1), pub)
        return d, 3
    if name == "weekday":
        wd = _WEEKDAYS[g["wd"]]
        pre = re.sub(r"\s+", " ", (g.get("pre") or "").lower())
        if pub is None:
            return None, 1
        back = (pub.weekday() - wd) % 7
        if pre == "last" and back == 0:
            back = 7
        return pub - _days(back), 1
    if pub is None:
        return None, _RELATIVE_PRECISION.get(name, 1)
    if name == "daybefore":
        return pub - _days(2), 1
    if name in ("yesterday", "lastnight"):
        return pub - _DAY_MS, 1
    if name == "today":
        return pub, 1
    if name == "ago":
        n = _number_word(g["n"])
        if g["unit"].lower().startswith("week"):
            return pub - _days(7 * n), 2 if n == 1 else 3
        return pub - _days(n), 1
    monday = pub - _days(pub.weekday())
    if name == "lastweek":
        return monday - _days(5), 2  # Wednesday of the week before
    if name == "earlierweek":
        return _mid(monday, pub - _DAY_MS), 2
    if name == "thisweek":
        return _mid(monday, pub), 2
    if name == "weekend":
        return pub - _days((pub.weekday() - 5) % 7), 2
    if name == "lastweekend":
        sat = pub - _days((pub.weekday() - 5) % 7)
        if pub.weekday() >= 5:
            sat -= _days(7)
        return sat, 2
    if name == "pastweek":
        return _mid(pub - _days(7), pub - _DAY_MS), 2
    if name == "pastweeks":
        return _mid(pub - _days(21), pub - _DAY_MS), 3
    if name == "earliermonth":
        return _mid(pub.replace(day=1), pub - _DAY_MS), 3
    if name == "thismonth":
        return _mid(pub.replace(day=1), pub), 3
    if name == "lastmonth":
        last = pub.replace(day=1) - _DAY_MS
        part = re.sub(r"\s+", " ", (g.get("part") or "").lower())
        if part in ("early", "at the beginning of", "at the start of"):
            return last.replace(day=1), 3
        if part in ("late", "at the end of"):
            return last, 3
        return last.replace(day=15), 3
    if name == "ordinal":
        day = int(g["day"])
        if not 1 <= day <= 31:
            return None
        y, mo = pub.year, pub.month
        if day > pub.day:
            y, mo = (y, mo - 1) if mo > 1 else (y - 1, 12)
        d = _safe_date(y, mo, day)
        return (d, 1) if d else None
    return None


_RELATIVE_PRECISION = {
    "lastweek": 2, "earlierweek": 2, "thisweek": 2, "weekend": 2, "lastweekend": 2,
    "pastweek": 2, "pastweeks": 3, "earliermonth": 3, "thismonth": 3, "lastmonth": 3,
}  # fmt: skip


def find_date_expressions(text: str, published: dt.date | None) -> list[DateExpression]:
    """Every date expression in `text`, in order, non-overlapping (longest wins).

    `published` anchors relative expressions; without it they get date None.
    """
    if not text:
        return []
    if isinstance(published, dt.datetime):
        published = published.date()
    return list(_date_expressions(text, published))


@lru_cache(maxsize=1024)
def _date_expressions(text: str, published: dt.date | None) -> tuple[DateExpression, ...]:
    # The extractor asks about one sentence several times (its date, its days, whether it
    # has one); the answer depends on nothing else, so it is computed once.
    cands: list[tuple[int, int, dt.date | None, int, dt.date | None]] = []
    lower = text.lower()
    months = _MONTH_ANY.search(text) is not None
    for name, rx in _PATTERNS:
        if name in _MONTH_PATTERNS:
            if not months:
                continue
        elif not any(word in lower for word in _GATES[name]):
            continue
        for m in rx.finditer(text):
            res = _resolve(name, m, published)
            if res is None:
                continue
            cands.append((m.start(), m.end(), res[0], res[1], _span_end(m, res[0])))
    cands.sort(key=lambda c: (c[0], -(c[1] - c[0])))
    out: list[DateExpression] = []
    taken: list[tuple[int, int]] = []
    for s, e, d, p, last in sorted(cands, key=lambda c: (-(c[1] - c[0]), c[0])):
        if any(s < te and ts < e for ts, te in taken):
            continue
        taken.append((s, e))
        out.append(DateExpression(s, e, text[s:e], d, p, last))
    out.sort(key=lambda x: x.start)
    return tuple(sorted(out + _listed_day_numbers(text, out), key=lambda x: x.start))


# "on 1 and 2 September", "on 3, 4 and 6 June": day numbers listed before a day of a month
_LISTED_DAYS = re.compile(r"(?:\b(?:[0-3]?\d)(?:st|nd|rd|th)?\s*(?:,\s*|\s+and\s+))+$")
_DAY_NUMBER = re.compile(r"\b([0-3]?\d)(?:st|nd|rd|th)?\b")


def _listed_day_numbers(text: str, found: list[DateExpression]) -> list[DateExpression]:
    """The earlier days of "1 and 2 September 2022": each a day of the month that follows."""
    out = []
    for expr in found:
        if expr.date is None or expr.precision != 1 or not expr.text[:1].isdigit():
            continue
        lead = _LISTED_DAYS.search(text, max(0, expr.start - 40), expr.start)
        if lead is None:
            continue
        for m in _DAY_NUMBER.finditer(text, lead.start(), lead.end()):
            day = int(m.group(1))
            if not 1 <= day < expr.date.day:
                continue
            d = _safe_date(expr.date.year, expr.date.month, day)
            if d is not None:
                out.append(DateExpression(m.start(), m.end(), m.group(0), d, 1))
    return out


def _span_end(m: re.Match[str], first: dt.date | None) -> dt.date | None:
    """The last day of a span of days within one month, from its second day number."""
    groups = m.groupdict()
    second = groups.get("day2") or groups.get("day3")
    if first is None or not second:
        return None
    if "night" in m.string[max(0, m.start() - 16) : m.start()].lower():
        return None  # "the night of March 3 to 4": one night across midnight, not two days
    return _safe_date(first.year, first.month, int(second))


_FALLBACK_HINT = re.compile(
    r"\d|\b(?:ago|fortnight|weeks?|months?|years?|days?|nights?|mornings?|evenings?)\b", re.I
)
_PERIOD_PRECISION = {"day": 1, "week": 2, "month": 3, "year": 3}


def resolve_date(phrase: str, published: dt.date | None) -> tuple[dt.date | None, int] | None:
    """(date, time_precision) for one date phrase, or None when it is no date.

    Uses the grammar of `find_date_expressions` (the first expression found) and falls back
    on dateparser for other phrasings; a fallback needs a publication date unless the phrase
    carries a year.
    """
    if not isinstance(phrase, str) or not phrase.strip():
        return None
    if isinstance(published, dt.datetime):
        published = published.date()
    found = find_date_expressions(phrase, published)
    if found:
        return found[0].date, found[0].precision
    has_year = re.search(r"\b(?:1[89]|20|21)\d\d\b", phrase) is not None
    if published is None and not has_year:
        return None
    # dateparser reads a bare "May" or "march" as a date: only ask it about phrases that
    # carry a number or a unit of time.
    if not _FALLBACK_HINT.search(phrase):
        return None
    return _dateparser_fallback(phrase, published)


def _dateparser_fallback(phrase: str, published: dt.date | None) -> tuple[dt.date, int] | None:
    from dateparser.date import DateDataParser  # slow import: only when the grammar fails

    settings: dict[str, object] = {"PREFER_DATES_FROM": "past", "STRICT_PARSING": False}
    if published is not None:
        settings["RELATIVE_BASE"] = dt.datetime.combine(published, dt.time(12))
    try:
        data = DateDataParser(languages=["en"], settings=settings).get_date_data(phrase)
    except Exception:  # dateparser raises assorted errors on odd input; a miss is a miss
        return None
    if data is None or data.date_obj is None:
        return None
    return data.date_obj.date(), _PERIOD_PRECISION.get(data.period or "day", 3)
