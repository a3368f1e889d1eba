"""A state's own outlet names its own aircraft without a flag (issue 12): "operational-tactical
aviation struck ..." in a defence ministry's bulletin is that state's strike, and an account
that names no state ("Unidentified Military Forces") does not contradict one that does.
Sentences of their own, not the rivals corpus's."""

from __future__ import annotations

import datetime as dt

from frontwatch.merge import merge_decision
from frontwatch.model import Event
from frontwatch.pipeline import make_article

WEDNESDAY = dt.date(2024, 9, 11)
TEXT = ("Operational-tactical aviation struck an ammunition depot of the AFU near the village "
        "of Orikhiv on Tuesday night. Up to 20 servicemen were eliminated.")


def strike(extractor, outlet: str | None) -> Event:
    (e,) = extractor.process(make_article(TEXT, published=WEDNESDAY, outlet=outlet)).events
    return e


def test_a_ministrys_own_bulletin_names_its_own_aircraft(extractor):
    e = strike(extractor, "Russian MoD daily bulletin")
    assert e.actor1.startswith("Military Forces of Russia")
    assert e.actor2 == "Military Forces of Ukraine (2019-)"


def test_another_outlet_leaves_the_aircraft_unnamed(extractor):
    assert strike(extractor, "regional news site").actor1 == "Unidentified Military Forces"


def ev(**kw) -> Event:
    base = dict(event_date="2024-09-10", time_precision=1, disorder_type="Political violence",
                event_type="Explosions/Remote violence", sub_event_type="Air/drone strike",
                actor1="", actor2="", country="Ukraine", admin1="Zaporizhzhia",
                location="Orikhiv", latitude=47.567, longitude=35.786, geo_precision=1,
                geonameid=700001)
    base.update(kw)
    return Event(**base)


def test_unnamed_aircraft_and_a_named_strike_are_one_incident():
    hit = ev(actor1="Unidentified Military Forces", actor2="Civilians (Ukraine)")
    claimed = ev(actor1="Military Forces of Russia (2000-)",
                 actor2="Military Forces of Ukraine (2019-)")
    assert merge_decision(hit, claimed) is not None
    assert merge_decision(claimed, hit) is not None


def test_unnamed_aircraft_do_not_join_a_fight_between_others():
    hit = ev(actor1="Unidentified Military Forces", actor2="Civilians (Ukraine)")
    fight = ev(event_type="Battles", sub_event_type="Armed clash",
               actor1="Military Forces of Russia (2000-)",
               actor2="Military Forces of Ukraine (2019-)")
    assert merge_decision(hit, fight) is None


def test_a_strike_on_its_own_people_or_by_the_enemy_is_not_the_outlets(extractor):
    # a side's own outlet telling the other side's strikes without naming them
    for text in ("A guided aerial bomb struck a residential building in Orikhiv on Tuesday, "
                 "killing two residents.",
                 "On Tuesday evening the enemy attacked Orikhiv with attack drones, damaging a "
                 "school."):
        for e in extractor.process(make_article(text, published=WEDNESDAY,
                                                outlet="Ukrainian army press service")).events:
            assert not (e.actor1 or "").startswith("Military Forces of Ukraine"), text


def test_our_units_in_a_state_forces_bulletin_are_its_forces(extractor):
    text = ("In the Zaporizhzhia direction the enemy attacked six times near Robotyne on "
            "Tuesday, trying to drive our units from their positions. All attacks were repelled.")
    (e,) = extractor.process(make_article(text, published=WEDNESDAY,
                                          outlet="Ukrainian General Staff update")).events
    assert e.sub_event_type == "Armed clash"
    assert e.actor2 == "Military Forces of Ukraine (2019-)"
    assert e.actor1.startswith("Unidentified")  # the enemy, unnamed
    # the same words from any other outlet name no side
    (e,) = extractor.process(make_article(text, published=WEDNESDAY, outlet="Example Wire")).events
    assert "Military Forces of Ukraine (2019-)" not in (e.actor1, e.actor2)
