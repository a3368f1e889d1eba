"""One sentence, two incidents: "X, a day after Y" is two events, the earlier one dated back
from the main clause's day; neither takes the other's figures or type."""

from __future__ import annotations

import datetime as dt

from frontwatch.extraction.earlier_acts import earlier_acts
from frontwatch.extraction.sentences import split_sentences
from frontwatch.pipeline import make_article

PUBLISHED = dt.date(2020, 5, 6)  # a Wednesday


def events(extractor, text: str):
    found = extractor.process(make_article(text, published=PUBLISHED)).events
    return sorted(found, key=lambda e: e.event_date)


def pieces(text: str):
    return earlier_acts(split_sentences(text), lambda clause: True)


def test_the_sentence_is_read_as_two_pieces_with_offsets_kept():
    text = ("Gunmen abducted 20 villagers in Kajuru on Monday, a day after bandits killed "
            "five farmers in Kauru, police said. Schools were closed.")
    main, earlier, other = pieces(text)
    assert [p.index for p in (main, earlier, other)] == [0, 1, 2]
    for p in (main, earlier):
        assert len(p.text) == p.end - p.start and p.start == 0
    assert "Kauru" not in main.text and main.text.rstrip().endswith(", police said.")
    assert "Kajuru" not in earlier.text and "bandits killed five farmers in Kauru" in earlier.text
    assert earlier.earlier.days == 1 and earlier.earlier.precision == 1 and main.earlier is None
    kauru = text.index("Kauru")
    assert earlier.shows(kauru, kauru + 5) and not main.shows(kauru, kauru + 5)
    assert other.text == "Schools were closed." and not other.blanked


def test_a_landmark_day_is_no_second_incident():
    text = "Troops repelled an attack on a base in Gao on Tuesday, a day after the election."
    (only,) = pieces(text)
    assert only.text == text and not only.blanked


def test_two_incidents_are_two_events_with_their_own_types_figures_and_days(extractor):
    found = events(extractor, "Gunmen abducted 20 villagers in Kajuru on Monday, a day after "
                              "bandits killed five farmers in Kauru, police said.")
    assert [(e.event_date, e.sub_event_type, e.location, e.fatalities) for e in found] == [
        ("2020-05-03", "Attack", "Kauru", 5),
        ("2020-05-04", "Abduction/forced disappearance", "Kajuru", 0),
    ]
    # both keep the source that closes the sentence and quote the sentence as written
    for e in found:
        assert [c.claimant for c in e.claims] == ["police"]
        assert e.evidence[0].text.startswith("Gunmen abducted 20 villagers in Kajuru")


def test_a_gap_of_days_counts_back_from_the_main_clauses_day(extractor):
    found = events(extractor, "Militants killed four soldiers in an ambush near Gao on "
                              "Tuesday, two days after a roadside bomb killed three "
                              "peacekeepers near Kidal.")
    assert [(e.event_date, e.sub_event_type, e.fatalities) for e in found] == [
        ("2020-05-03", "Remote explosive/landmine/IED", 3),
        ("2020-05-05", "Armed clash", 4),
    ]


def test_an_act_recalled_days_after_is_not_the_main_ones_toll(extractor):
    (e,) = events(extractor, "Bandits killed 12 villagers in Zurmi on Sunday, officials said, "
                             "days after gunmen abducted 30 students from a school in Kebbi.")
    assert (e.sub_event_type, e.location, e.fatalities) == ("Attack", "Zurmi", 12)


def test_the_act_answered_with_its_own_day_is_its_own_event(extractor):
    found = events(extractor, "Hezbollah said it fired more than 200 rockets at Israeli "
                              "positions on Wednesday and Thursday, in retaliation for the "
                              "killing of a commander in an Israeli strike in Jouaiya on "
                              "Tuesday.")
    strikes = [e for e in found if e.location == "Jouaiya"]
    assert [e.event_date for e in strikes] == ["2020-05-05"]


def test_two_acts_joined_each_with_its_own_day(extractor):
    found = events(extractor, "Soldiers shelled Kidal on Sunday, and on Monday a drone hit a "
                              "bus in Tessalit, killing two people, officials said.")
    assert [(e.event_date, e.location, e.fatalities) for e in found] == [
        ("2020-05-03", "Kidal", 0), ("2020-05-04", "Tessalit", 2)]
    # one day told twice is one act told at length
    assert len(pieces("Gunmen attacked Kidal on Sunday, and on Sunday they also killed two "
                      "men in Tessalit.")) == 1
    # a second clause without an act of its own is no second piece
    assert len(pieces("Gunmen attacked Kidal on Sunday, and on Monday the town was calm.")) == 1
