"""How rival media word one act: the words that type it must not depend on whose account it
is (issue 12). Sentences of their own, not the rivals corpus's."""

from __future__ import annotations

import datetime as dt

from frontwatch.model import Event
from frontwatch.pipeline import make_article

THURSDAY = dt.date(2023, 3, 9)


def events(extractor, text: str, published: dt.date = THURSDAY) -> list[Event]:
    return extractor.process(make_article(text, published=published)).events


def test_advancing_into_a_town_is_fighting_not_a_capture(extractor):
    # The side that advanced tells progress in a battle; taking the place is another claim.
    (e,) = events(extractor, "Government troops on Wednesday advanced into the eastern quarters "
                             "of Sinjar after heavy clashes with the militants and killed 30 "
                             "of them, the army said.")
    assert e.sub_event_type == "Armed clash"


def test_a_capture_is_still_a_capture(extractor):
    (e,) = events(extractor, "Government troops recaptured Sinjar from the militants on "
                             "Wednesday, the army said.")
    assert e.sub_event_type == "Government regains territory"


def test_glide_bombs_are_an_air_strike_not_an_ied(extractor):
    # "bombs" alone may be a planted device; dropped glide or guided bombs come from aircraft.
    for text in ("The enemy hit the town of Huliaipole with three glide bombs on Wednesday "
                 "morning, killing a woman.",
                 "Two guided aerial bombs struck a warehouse in Orikhiv on Wednesday, killing "
                 "a guard."):
        (e,) = events(extractor, text)
        assert e.sub_event_type == "Air/drone strike", text


def test_a_roadside_bomb_is_still_an_ied(extractor):
    (e,) = events(extractor, "A roadside bomb killed two soldiers near Tal Afar on Wednesday.")
    assert e.sub_event_type == "Remote explosive/landmine/IED"


def test_a_completed_liberation_is_a_capture_and_its_goal_is_not(extractor):
    (e,) = events(extractor, "The Russian Defence Ministry said the liberation of the town "
                             "of Marinka was completed on Wednesday.")
    assert "territory" in e.sub_event_type
    for e in events(extractor, "Fighting for the liberation of Marinka continued on Wednesday, "
                               "the ministry said."):
        assert "territory" not in e.sub_event_type


def test_whose_actions_and_whose_supporting_aviation(rules_extractor):
    # "actions of X": X acts; "supported by aviation of Y": Y helps X, on the same side
    (e,) = events(rules_extractor, "As a result of decisive actions of Wagner assault units, "
                                   "supported by aviation of the Vostok group of forces, the "
                                   "liberation of Marinka was completed on Wednesday.")
    assert "territory" in e.sub_event_type
    assert e.actor1 == "Wagner Group"
    assert e.actor2 == ""
    assert "Military Forces of Russia" in e.assoc_actor_1


def test_a_statement_in_the_present_announces_a_done_capture(extractor):
    # a group's own statement: "we announce the liberation of X" tells the capture as done
    (e,) = events(extractor, "The Southern Brigades announce the liberation of Bayhan on "
                             "Wednesday and full control of its district headquarters.")
    assert "territory" in e.sub_event_type
    assert e.location == "Bayhan"


def test_an_announcement_still_to_come_is_no_capture(extractor):
    for e in events(extractor, "The brigades will announce the liberation of Bayhan within "
                               "days, their commander said."):
        assert "territory" not in e.sub_event_type
