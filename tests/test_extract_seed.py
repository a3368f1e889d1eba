"""The seed article (../shared/seed/): the first real input frontwatch must get right."""

from __future__ import annotations

import pytest

from frontwatch.pipeline import make_article

SEED = "seed/isis-retreat-syria-2017-08.txt"


@pytest.fixture(scope="module")
def seed_events(extractor, shared_dir):
    path = shared_dir / SEED
    if not path.is_file():
        pytest.skip(f"{path} absent: the seed article is not available here")
    text = path.read_text("utf-8")
    result = extractor.process(make_article(text, published="2017-08-14"))
    return text, result.events


def _by_location(events, name):
    return [e for e in events if name.lower() in e.location.lower()]


def test_air_landing_regains_three_places(seed_events):
    _, events = seed_events
    regained = [e for e in events if e.sub_event_type == "Government regains territory"]
    assert sorted(e.location for e in regained) == ["Al-Qadir", "Bir Rahum", "Khirbet Makman"]
    for e in regained:
        assert e.actor1 == "Military Forces of Syria (2000-)"
        assert "Tiger Forces" in e.assoc_actor_1
        assert e.actor2 == "Islamic State (Syria)"
        assert e.event_date == "2017-08-12"


def test_air_landing_materiel_counted_once(seed_events):
    _, events = seed_events
    materiel = [(m.category, m.count, m.fate) for e in events for m in e.materiel
                if e.sub_event_type == "Government regains territory"]
    assert ("tank", 3, "destroyed") in materiel
    assert ("VBIED", 7, "destroyed") in materiel
    assert ("VBIED", 2, "captured") in materiel
    assert ("tank", 2, "captured") in materiel
    assert materiel.count(("tank", 3, "destroyed")) == 1
    claimants = {c.claimant for e in events for c in e.claims if e.materiel}
    assert "Syrian Ministry of Defense" in claimants


def test_clash_at_maadan(seed_events):
    _, events = seed_events
    (e,) = _by_location(events, "Maadan")
    assert e.sub_event_type == "Armed clash"
    assert e.actor1 == "Military Forces of Syria (2000-)"
    assert e.actor2 == "Islamic State (Syria)"


def test_isis_attack_with_seven_dead_coded_per_location(seed_events):
    # ACLED: one event per location; the 7 dead are divided between the two places.
    _, events = seed_events
    attack = [e for e in events if e.location in ("Ghanim Ali", "al-Kadir")]
    assert sorted(e.location for e in attack) == ["Ghanim Ali", "al-Kadir"]
    assert sum(e.fatalities for e in attack) == 7
    for e in attack:
        assert e.actor1 == "Islamic State (Syria)"
        assert e.actor2 == "Military Forces of Syria (2000-)"
        assert e.time_precision == 2


def test_raids_near_sukhna_per_amaq(seed_events):
    _, events = seed_events
    raids = [e for e in events if any(c.claimant == "Amaq" for c in e.claims)
             and "United States" not in e.actor2]
    assert {"Sukhna", "Humaimah"} <= {e.location for e in raids}
    assert any("Shaer" in e.location for e in raids)
    assert sum(e.fatalities for e in raids) == 32
    for e in raids:
        assert e.actor1 == "Islamic State (Syria)"
        assert any(c.claimant == "Amaq" and c.hedged for c in e.claims)


def test_us_soldiers_one_contested_event(seed_events):
    _, events = seed_events
    (e,) = [e for e in events if "United States" in e.actor1 + e.actor2]
    assert e.contested
    figures = {c.claimant: c.fatalities.value for c in e.claims if c.fatalities}
    assert figures == {"US military": 2, "Amaq": 4}
    assert e.fatalities == 2
    assert e.country == "Iraq"


def test_nothing_from_boilerplate(seed_events):
    text, events = seed_events
    appeal = text.index("If you’re able")
    assert len(events) == 10
    for e in events:
        for ev in e.evidence:
            assert ev.end <= appeal
            assert text[ev.start : ev.end] == ev.text
