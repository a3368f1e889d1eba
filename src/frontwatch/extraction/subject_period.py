"""The days an encyclopedia article is about, which its incidents belong to.

An encyclopedia article on one battle, massacre or kidnapping ("Chibok schoolgirls
kidnapping", revised in 2021) tells an incident years before its revision date: read against
that date, every sentence of it would be history, and the article would give no event at all.
Its infobox names the subject's days ("Date14 April 2014", "- Date: 16–21 September 2014");
from the first of them on, what the article tells is its news, as a report's year is an
annual report's (`report_year`).
"""

from __future__ import annotations

import datetime as dt
import re

from frontwatch.extraction.dates import find_date_expressions

# An infobox, as encyclopedia pages keep it when copied as text: a "Date" field near the top,
# glued to its value or after a colon, in a page that says it is an encyclopedia's.
_ENCYCLOPEDIA = re.compile(r"\bWikipedia\b|^\s*Infobox\b|^=\s.+\s=\s*$", re.MULTILINE)
_DATE_FIELD = re.compile(r"^\s*(?:-\s*)?Date\s*:?\s*(?P<value>[^\n]{4,80})", re.MULTILINE)
_ENCYCLOPEDIA_OUTLET = re.compile(r"wikipedia|encyclop", re.IGNORECASE)
_HEAD = 4000


def subject_period(text: str, published: dt.date | None, outlet: str | None = None
                   ) -> tuple[dt.date, dt.date] | None:
    """The first and last day of the subject an encyclopedia article's infobox names, or None
    for any other text (or an infobox date that cannot be read). The page says it is an
    encyclopedia's, or its outlet does (a page copied without the site's name)."""
    head = text[:_HEAD]
    if not is_encyclopedia(text, outlet):
        return None
    field = _DATE_FIELD.search(head)
    if field is None:
        return None
    value = field.group("value")
    # the value runs into the next field when the page lost its line breaks ("... - Place:")
    value = re.split(r"\s+-\s+[A-Z][a-z]+\d?:", value)[0]
    # or the fields were flattened into one line ("Date 12 May - 6 December 2016; Location ...")
    value = value.split(";")[0]
    # "24 March – 5 April 2021": the year told once belongs to the whole span, so year-less
    # days are read against the last day the field dates in full, not the revision date
    told = [e.last or e.date for e in find_date_expressions(value, None) if e.date is not None]
    anchor = max(told) + dt.timedelta(days=1) if told else published
    days = [(e.date, e.last or e.date) for e in find_date_expressions(value, anchor)
            if e.date is not None]
    if not days:
        return None
    first = min(d for d, _ in days)
    last = max(d for _, d in days)
    if re.search(r"\bpresent\b", value) and published is not None:
        last = max(last, published)
    return first, last


def is_encyclopedia(text: str, outlet: str | None = None) -> bool:
    """Whether the page says it is an encyclopedia's, or its outlet does."""
    return bool(_ENCYCLOPEDIA.search(text[:_HEAD])) or bool(
        outlet and _ENCYCLOPEDIA_OUTLET.search(outlet))
