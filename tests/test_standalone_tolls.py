"""A toll that joins no act stands as an event of its own only where the coder reads one."""

from __future__ import annotations

import datetime as dt

from extract_support import events_of


def test_a_toll_the_coder_reads_as_no_event_stands_as_no_event(extractor):
    text = ("The U.S. Embassy in Iraq offered its congratulation to the Iraqi Security Forces "
            "on their progress in the hard-fought battle to retake Ramadi.")
    assert events_of(extractor, text, dt.date(2015, 12, 30)) == []


def test_a_toll_with_its_perpetrator_still_stands(extractor):
    text = "Three soldiers were killed by Taliban fighters in Kunduz on Monday."
    (event,) = events_of(extractor, text, dt.date(2019, 5, 7))
    assert event.actor1 == "Taliban" and event.fatalities == 3
