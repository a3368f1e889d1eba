"""Actor names that depend on the event's date (ACLED names US forces by administration)."""

from __future__ import annotations

import datetime as dt

from frontwatch.model import ActorRef
from frontwatch.reconcile import _for_period, _named_for

US = "Military Forces of the United States (2017-2021)"


def test_us_forces_named_for_the_period_of_the_event():
    actor = ActorRef(raw="US forces", name=US, inter=1, country="United States")
    assert _for_period(actor, dt.date(2016, 12, 26)).name == \
        "Military Forces of the United States (2009-2017)"
    assert _for_period(actor, dt.date(2017, 8, 13)).name == US
    assert _for_period(actor, dt.date(2022, 3, 1)).name == \
        "Military Forces of the United States (2021-)"
    assert _for_period(actor, None).name == US


def test_generic_names_take_the_country_of_the_place():
    police = ActorRef(raw="police", name="Police Forces of Lebanon", inter=1, country="Lebanon",
                      template="Police Forces of {country}")
    assert _named_for(police, "Iraq").name == "Police Forces of Iraq"
    named = ActorRef(raw="Syrian army", name="Military Forces of Syria (2000-)", inter=1,
                     country="Syria")
    assert _named_for(named, "Iraq") is named  # a name the text gives is kept
