"""ACLED's conventions for the sides a text leaves unnamed or unordered.

Identity militias are named for their community and country, and the sides of fighting told
without an initiator go in ACLED's order. Both the sentence-level inference of implicit actors
and the article-level reading of its belligerents follow them.
"""

from __future__ import annotations

import re

from frontwatch.model import ActorRef

# Violence between communities rather than armed organisations: ACLED's identity militias
COMMUNAL = re.compile(r"\b(?:inter-?communal|inter-?ethnic|inter-?clan|communal|ethnic|clan)\s+"
                      r"(?:violence|clash(?:es)?|fighting|conflicts?|hostilities)\b",
                      re.IGNORECASE)


def militia(kind: str, country: str | None) -> ActorRef:
    """An identity militia as ACLED names it ("Unidentified Communal Militia (Sudan)")."""
    return ActorRef(raw="", name=f"{kind} ({country or 'Unknown'})", inter=4, country=country)


def communal_kind(text: str) -> str | None:
    m = COMMUNAL.search(text)
    if m is None:
        return None
    return "Unidentified Clan Militia" if "clan" in m.group(0).lower() \
        else "Unidentified Communal Militia"


def insurgent_first(a: ActorRef, b: ActorRef, country: str | None = None,
                    host: str | None = None, named_both: bool = False
                    ) -> tuple[ActorRef, ActorRef]:
    """ACLED's order for fighting told without an initiator ("clashes between the army and
    an armed group"): the unidentified group that takes on a state's forces comes first, as
    the one that usually opens such fighting; where a side is inferred, a foreign state's
    forces before those of the country they fight in, and a state's forces before a named
    group; otherwise as told."""
    if b.name.startswith("Unidentified Armed Group") and a.inter == 1:
        return b, a
    if named_both:
        return a, b  # both named: as the sentence tells them
    if country and _foreign(b, country, host) and not _foreign(a, country, host):
        return b, a
    if b.inter in (1, 8) and a.inter in (2, 3, 4) and not a.name.startswith("Unidentified"):
        return b, a  # a named group and a state's forces: the state's first
    return a, b


def _foreign(actor: ActorRef, country: str, host: str | None) -> bool:
    """A state's forces outside their country; not the army a territory without one of its
    own has operating in it (`host`: Israel's in Gaza)."""
    return actor.inter in (1, 8) and bool(actor.country) and actor.country != country \
        and actor.name != host
