"""Which side an actor fights on, for telling rival accounts of one incident (merge.py).

Outside the actors package, which loads spaCy: the store's merge reads it.
"""

from __future__ import annotations

import re
from functools import lru_cache

from frontwatch.actor_file import packaged_actor_data

# Canonical names of a state's own forces, whatever their period suffix: "Military Forces of
# Iraq (2014-)", "Police Forces of Ukraine", "Pro-Government Militia (Iraq)".
_STATE_NAME = re.compile(r"^(?:military forces of|police forces of) (?P<c>.+?)(?: \(.*\))?$"
                         r"|^pro-government militia \((?P<m>.+)\)$")


@lru_cache(maxsize=1)
def default_sides() -> dict[str, str]:
    """Actor name (lower case) -> the side it fights on, for the packaged actor file: a state's
    forces, its units (`parent`) and the groups that fight for it (`fights_for`) are the side
    "state:<country>". Names not listed are a side of their own (`side_of`)."""
    data = packaged_actor_data()
    items = data["actors"]
    by_name = {str(i["name"]): i for i in items}
    out: dict[str, str] = {}
    for i in items:
        top = i
        while top.get("parent") in by_name and top.get("parent") != top["name"]:
            top = by_name[top["parent"]]
        if int(top["inter"]) == 1 and top.get("country") and not top.get("generic"):
            out[str(i["name"]).lower()] = f"state:{str(top['country']).lower()}"
    for name, country in (data.get("fights_for") or {}).items():
        out[str(name).lower()] = f"state:{str(country).lower()}"
    return out


def side_of(name: str) -> str:
    """The side an actor (lower-case canonical name) fights on: its state's forces for a
    state's forces, units and allies, else the actor itself."""
    name = name.strip().lower()
    m = _STATE_NAME.match(name)
    if m:
        return f"state:{m['c'] or m['m']}"
    return default_sides().get(name, name)
