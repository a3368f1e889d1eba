"""Times of day and stated days: what tells two acts at one place apart despite the merge's
day of slack (frontwatch.merge_times, used by merge.merge_decision)."""

from __future__ import annotations

from frontwatch.merge import merge_decision
from frontwatch.merge_times import days_conflict, stated_day, time_spans, times_conflict
from frontwatch.model import Event, Evidence


def ev(*sentences: str, date: str = "2022-03-14", precision: int = 1, **kw) -> Event:
    base = dict(
        event_date=date, time_precision=precision, disorder_type="Political violence",
        event_type="Explosions/Remote violence", sub_event_type="Air/drone strike",
        actor1="Military Forces of Russia (2000-)", actor2="Civilians (Ukraine)",
        country="Ukraine", admin1="Mykolaiv", location="Mykolaiv", latitude=46.97,
        longitude=32.0, geo_precision=1, geonameid=700569,
        evidence=[Evidence("a", 0, len(s), s) for s in sentences],
    )
    base.update(kw)
    return Event(**base)


def test_times_of_day_are_read_only_where_they_time_the_act():
    assert time_spans(ev("A drone hit a warehouse at 06:15 on the edge of the port.")) == [
        (5.25, 7.25)]
    assert time_spans(ev("Shells fell on the market on Monday afternoon.")) == [(12.0, 18.0)]
    assert time_spans(ev("The dawn raid destroyed two houses.")) == [(3.0, 8.0)]
    assert time_spans(ev("Rockets struck the suburb overnight.")) == [(0.0, 6.0), (20.0, 24.0)]
    # the aftermath's time, a count after "at", or no time at all: nothing read
    assert time_spans(ev("Firefighters battled the blaze through the night.")) == []
    assert time_spans(ev("The army said it hit targets at 12 positions.")) == []
    assert time_spans(ev("A missile struck the bridge on Monday.")) == []
    # the time of another act the sentence refers to
    assert time_spans(ev("Shells hit the market on Monday afternoon, hours after a dawn raid "
                         "on the port.")) == [(12.0, 18.0)]


def test_a_morning_and_an_evening_strike_on_one_city_stay_apart():
    morning = ev("Cruise missiles hit the shipyard on Monday morning, the governor said.")
    evening = ev("A guided bomb struck a dormitory on the evening of March 14.",
                 actor2="Military Forces of Ukraine (2019-)")
    assert times_conflict(morning, evening)
    assert merge_decision(morning, evening) is None
    # without the times, the same two reports would be one incident told two ways
    assert merge_decision(ev("Cruise missiles hit the shipyard on Monday."),
                          ev("A guided bomb struck a dormitory on March 14.",
                             actor2="Military Forces of Ukraine (2019-)")) is not None


def test_compatible_times_merge():
    dawn = ev("Drones attacked the city at dawn, the mayor said.")
    clock = ev("At 5:50 a.m. air defence engaged drones over the city.")
    night = ev("The city came under a drone attack overnight.")
    assert merge_decision(dawn, clock) is not None
    assert merge_decision(night, dawn) is not None  # a night runs into the dawn
    assert merge_decision(ev("The 9 p.m. strike hit a depot."),  # no "at": no clock read
                          ev("Missiles struck the port on Monday morning.")) is not None


def test_a_day_is_stated_only_when_named_for_the_act():
    assert stated_day(ev("Troops repelled an assault on Monday.", date="2022-03-14"))
    assert stated_day(ev("Fighting raged on 14 March around the plant."))
    assert not stated_day(ev("The ministry said on Monday that troops repelled an assault."))
    assert not stated_day(ev("KHERSON, March 14 - Troops repelled an assault."))
    assert not stated_day(ev("Troops repelled an assault, the ministry said."))
    assert not stated_day(ev("Troops repelled an assault on Monday.", precision=2))


def test_fighting_on_two_stated_days_are_two_incidents():
    def clash(sentence: str, date: str) -> Event:
        return ev(sentence, date=date, event_type="Battles", sub_event_type="Armed clash",
                  actor2="Military Forces of Ukraine (2019-)")

    sunday = clash("Assault groups stormed the northern outskirts on Sunday.", "2022-03-13")
    monday = clash("The defenders held the plant on Monday as fighting went on.", "2022-03-14")
    assert days_conflict(sunday, monday)
    assert merge_decision(sunday, monday) is None
    # one side's "overnight", "yesterday" or a day said of a statement: the slack stands
    for loose in ("Assault groups stormed the northern outskirts overnight.",
                  "Yesterday assault groups stormed the northern outskirts.",
                  "The ministry said on Sunday its assault groups stormed the outskirts."):
        assert merge_decision(clash(loose, "2022-03-13"), monday) is not None, loose
    # late on one day, early on the next: one night's act
    late = clash("Assault groups stormed the northern outskirts late on Sunday.", "2022-03-13")
    assert merge_decision(late, monday) is not None


def test_an_iso_date_is_not_a_stated_day():
    assert not stated_day(ev("On 2022-03-14 troops repelled an assault."))
