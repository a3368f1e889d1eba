"""Every ACLED sub-event type from a one-sentence report of the kind wire services write.

Each fixture in tests/fixtures/subtypes/ is named for its case; the expected type, perpetrator
and figures follow ACLED's definitions (docs/coding.md).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from frontwatch.pipeline import make_article

SUBTYPES = Path(__file__).parent / "fixtures" / "subtypes"

CASES = {
    # fixture: (sub_event_type, actor1 starts with, actor2 starts with, fatalities)
    "chemical_weapon": ("Chemical weapon", "Military Forces of Syria", "Civilians", 0),
    "grenade": ("Grenade", "Unidentified Armed Group", "Police Forces", 0),
    "sexual_violence": ("Sexual violence", "Pro-Government Militia", "Civilians", 0),
    "looting": ("Looting/property destruction", "Syrian National Army", None, 0),
    "hq_established": ("Headquarters or base established", "Military Forces of Russia", None, 0),
    "nonviolent_transfer": ("Non-violent transfer of territory", "Military Forces",
                            "Opposition Rebels", 0),
    "agreement": ("Agreement", "Military Forces of Syria", "Opposition Rebels", 0),
    "disrupted_weapons": ("Disrupted weapons use", "Military Forces of Iraq", None, 0),
    "peaceful_protest": ("Peaceful protest", "Protesters", None, 0),
    "excessive_force": ("Excessive force against protesters", "Protesters", "Military Forces", 4),
    "violent_demonstration": ("Violent demonstration", "Rioters", None, 0),  # ACLED inter 5
    "mob_violence": ("Mob violence", "Rioters", "Civilians", 0),
    # what demonstrators throw makes the demonstration violent, not an explosion
    "demonstrators_throw_grenades": ("Violent demonstration", "Rioters", "Military Forces", 0),
    "nonstate_overtakes": ("Non-state actor overtakes territory", "Islamic State",
                           "Military Forces of Syria", 0),
    "landmine": ("Remote explosive/landmine/IED", "Unidentified Armed Group", "Civilians", 3),
    "arrests_by_state": ("Arrests", "Military Forces of Syria", None, 0),
    "attack_on_civilians": ("Attack", "Unidentified Armed Group", "Civilians", 2),
    "shelling": ("Shelling/artillery/missile attack", "Military Forces of Syria", "Civilians", 5),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_sub_event_type(extractor, name):
    sub, actor1, actor2, fatalities = CASES[name]
    text = (SUBTYPES / f"{name}.txt").read_text("utf-8")
    events = extractor.process(make_article(text, published="2019-06-10")).events
    assert len(events) == 1, [e.sub_event_type for e in events]
    (e,) = events
    assert e.sub_event_type == sub
    assert e.actor1.startswith(actor1)
    if actor2 is not None:
        assert e.actor2.startswith(actor2)
    assert e.fatalities == fatalities
    assert e.time_precision == 1
    assert e.location
