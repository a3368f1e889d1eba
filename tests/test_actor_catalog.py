"""The actor catalogue on single sentences: aliases, state forces and their countries."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Over the weekend, the Russians executed 60 missile strikes.",
         [("Russians", "Military Forces of Russia (2000-)")]),
        ("The Ukrainians are putting up stiff resistance in Lysychansk.",
         [("Ukrainians", "Military Forces of Ukraine (2019-)")]),
        ("Russian forces tried to push west near Bakhmut.",
         [("Russian forces", "Military Forces of Russia (2000-)")]),
        ("An RAF Reaper struck two Daesh vehicles near the Euphrates.",
         [("RAF Reaper", "Military Forces of the United Kingdom"),
          ("Daesh", "Islamic State (Unknown)")]),
        # a branch between the adjective and the forces
        ("A fisherman was shot dead by Egyptian naval forces off Rafah.",
         [("Egyptian naval forces", "Military Forces of Egypt")]),
        # a country's name is not its people, and people without "the" stay people
        ("The Philippines said the talks had failed.", []),
        ("Russians queued for petrol in Moscow.", []),
    ],
)
def test_state_forces_by_adjective_or_people(extractor, text, expected):
    mentions = extractor.mentions
    doc = mentions.nlp(text)
    found = [(a.raw, mentions.actors.canonical_name(a.entry, a.adjective_country))
             for a in mentions.actors.find(doc)]
    assert found == expected
