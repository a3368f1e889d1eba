"""The year an annual report covers, which its year-less dates belong to.

The State Department's Country Reports on Human Rights Practices and on Terrorism are published
months after the year they cover (March-April, and December or later), and tell that year's
incidents as "On January 29, security forces shot ...": read against the publication date,
every such day would land a year late, and every incident would be months old history. The
codebook (docs/coding.md, "Annual reports") dates them in the report's own year.
"""

from __future__ import annotations

import datetime as dt
import re

_NAMED_YEAR = re.compile(
    r"\b(?:(?P<before>(?:19|20)\d\d)\s+Country\s+Reports?\s+on\s+(?:Human\s+Rights\s+Practices"
    r"|Terrorism)|Country\s+Reports?\s+on\s+(?:Human\s+Rights\s+Practices|Terrorism)"
    r"(?:\s+for)?\s+(?P<after>(?:19|20)\d\d))\b")
# The reports' own section headings, kept by pages that quote one section.
_HUMAN_RIGHTS_SECTIONS = re.compile(
    r"Arbitrary Deprivation of Life and Other Unlawful or Politically Motivated Killings|"
    r"Respect for the Integrity of the Person|Abuses in Internal Conflicts?\b",
    re.IGNORECASE)  # (a heading may be the page's title, read in sentence case)
_TERRORISM_OVERVIEW = re.compile(r"^\s*Overview:\s+.{0,300}\bterroris", re.M | re.S)


def report_year(text: str, published: dt.date | None) -> int | None:
    """The year the report covers, or None for any other text."""
    named = _NAMED_YEAR.search(text)
    if named is not None:
        return int(named.group("before") or named.group("after"))
    if published is None:
        return None
    if _HUMAN_RIGHTS_SECTIONS.search(text) or _TERRORISM_OVERVIEW.search(text[:2000]):
        return published.year - 1
    return None
