"""An event stands only where the coder does not read every sentence telling it as surely
eventless: a toll that joins no act, talk a rule read as an act."""

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


def test_talk_the_rules_read_as_an_act_is_no_event(extractor):
    text = ("The coalition continues to conduct strikes in both Iraq and Syria, Army Col. Ryan "
            "Dillon told reporters at the Pentagon in a teleconference from Baghdad.")
    assert events_of(extractor, text, dt.date(2017, 8, 17)) == []


def test_a_toll_told_before_its_act_still_stands(extractor):
    text = "Ten people died in Kidal on Sunday after a bomb exploded in a crowded market."
    assert [e.fatalities for e in events_of(extractor, text, dt.date(2019, 5, 6))] == [10]
