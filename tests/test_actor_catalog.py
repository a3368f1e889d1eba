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
        # units the catalogue has no alias for, after the state's adjective
        ("Ukrainian air defences shot down the drones.",
         [("Ukrainian air defences", "Military Forces of Ukraine (2019-)")]),
        ("Russian border guards fled.",
         [("Russian border guards", "Military Forces of Russia (2000-)")]),
        ("Units of the Battlegroup Centre repelled the attack.",
         [("Battlegroup Centre", "Military Forces of Russia (2000-)")]),
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


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a group the catalogue does not know, named before a word for its members
        ("Suspected Ansaru fighters killed 12 villagers.", ("Ansaru fighters", "Ansaru")),
        ("Katiba Macina militants attacked the post.",
         ("Katiba Macina militants", "Katiba Macina")),
        ("Mai-Mai militiamen attacked a village.", ("Mai-Mai militiamen", "Mai-Mai")),
        # a group's name ending in a word read alone as a state's army
        ("The Karenni Army captured the town.", ("Karenni Army", "Karenni Army")),
        ("The Sudan Liberation Army clashed with the RSF.",
         ("Sudan Liberation Army", "Sudan Liberation Army")),
        # a generic alias ("national army") inside a group's name
        ("The Kuki National Army ambushed the troops.",
         ("Kuki National Army", "Kuki National Army")),
    ],
)
def test_groups_named_as_written(extractor, text, expected):
    mentions = extractor.mentions
    found = [(a.raw, mentions.actors.canonical_name(a.entry, a.adjective_country))
             for a in mentions.actors.find(mentions.nlp(text))]
    assert expected == found[0]


@pytest.mark.parametrize("text", [
    "Armed militants attacked the post.",  # a common word, not a name
    "Malian militants attacked the post.",  # a state's adjective: still unnamed
    "The Nigerian Army captured the town.",
    "The Afghan National Army captured the town.",
])
def test_no_group_name_from_common_words_or_states(extractor, text):
    mentions = extractor.mentions
    found = [(a.raw, a.entry.name) for a in mentions.actors.find(mentions.nlp(text))]
    assert found and not any(raw == name for raw, name in found), found
