"""An event stands only where the coder does not read every sentence telling it as surely
eventless: a toll that joins no act, talk a rule read as an act. (A toll told before its act,
which the coder misreads, still stands: test_extract_geocoded.py, the Kidal bombing.)"""

from __future__ import annotations

import datetime as dt

import pytest

from extract_support import events_of


@pytest.mark.parametrize(("text", "published"), [
    # a toll that joins no act
    ("The U.S. Embassy in Iraq offered its congratulation to the Iraqi Security Forces on "
     "their progress in the hard-fought battle to retake Ramadi.", dt.date(2015, 12, 30)),
    # talk the rules read as an act
    ("The coalition continues to conduct strikes in both Iraq and Syria, Army Col. Ryan Dillon "
     "told reporters at the Pentagon in a teleconference from Baghdad.", dt.date(2017, 8, 17)),
])
def test_what_the_coder_reads_as_no_event_is_no_event(extractor, text, published):
    assert events_of(extractor, text, published) == []


def test_a_toll_with_its_perpetrator_still_stands(extractor):
    text = "Three soldiers were killed by Taliban fighters in Kunduz on Monday."
    (event,) = events_of(extractor, text, dt.date(2019, 5, 7))
    assert event.actor1 == "Taliban" and event.fatalities == 3
