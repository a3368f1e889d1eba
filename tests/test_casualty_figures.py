"""Which figures of a sentence are its dead: the fate a figure's own verb tells, victims
named by trade, and abductees killed. Sentences of our own."""

from __future__ import annotations

import datetime as dt

from extract_support import events_of

MONDAY = dt.date(2021, 1, 4)


def test_the_displaced_of_the_next_clause_are_not_dead(extractor):
    (e,) = events_of(extractor, "On Sunday, soldiers killed three villagers in Kidal and "
                                "over 400 people were displaced.", MONDAY)
    assert e.fatalities == 3


def test_people_counted_by_their_trade_after_a_verb_of_killing(extractor):
    (e,) = events_of(extractor, "Gunmen killed five shepherds near Kidal on Sunday.", MONDAY)
    assert e.fatalities == 5
    for e in events_of(extractor, "Gunmen killed 30 cattle near Kidal on Sunday.", MONDAY):
        assert e.fatalities == 0


def test_abductees_killed_are_an_attack(extractor):
    (e,) = events_of(extractor, "Militants kidnapped and beheaded seven miners near Kidal "
                                "on Sunday.", MONDAY)
    assert (e.sub_event_type, e.fatalities) == ("Attack", 7)
    (e,) = events_of(extractor, "Gunmen abducted three aid workers near Kidal on Sunday.", MONDAY)
    assert (e.sub_event_type, e.fatalities) == ("Abduction/forced disappearance", 0)


def test_a_toll_dating_the_act_by_an_earlier_incident_is_that_incidents(extractor):
    (e,) = events_of(extractor, "Gunmen killed two policemen in Kidal on Sunday, days after "
                                "an attack that killed 12 people in the town.", MONDAY)
    assert e.fatalities == 2
    # the act's own toll stays, whatever "after" phrase follows it
    (e,) = events_of(extractor, "A bomb exploded in a market in Kidal on Sunday, killing ten "
                                "people, a day after clashes in which soldiers were wounded.",
                     MONDAY)
    assert e.fatalities == 10


def test_a_headlines_count_before_a_preposition_is_people_not_the_place(extractor):
    """"kills 5 at checkpoint": the checkpoint is where, not what was counted; "destroyed 3 of
    the tanks" still counts tanks."""
    (e,) = events_of(extractor, "Suicide bomber kills 5 at checkpoint in Mogadishu", MONDAY)
    assert e.fatalities == 5
    for e in events_of(extractor, "Rebels destroyed 3 of the tanks near Kidal on Sunday.",
                       MONDAY):
        assert e.fatalities == 0


def test_a_crowd_counted_before_another_numbers_deaths_is_no_toll(extractor):
    events = events_of(extractor, "The protests have drawn tens of thousands of protesters "
                                  "with media outlets reporting two deaths during Sunday's "
                                  "demonstrations in Lima.", MONDAY)
    assert [e.fatalities for e in events] == [2]


def test_an_aside_left_open_lends_its_verb_but_not_its_own_count(extractor):
    (e,) = events_of(extractor, "On Sunday, five civilians, including three children were "
                                "killed in an airstrike on Saada.", MONDAY)
    assert e.fatalities == 5
    # "including 406 killed": the aside counts its own dead, the casualties are not all dead
    for e in events_of(extractor, "On Sunday, missile strikes hit Vinnytsia, causing 1,207 "
                                  "civilian casualties, including 406 killed.", MONDAY):
        assert e.fatalities != 1207


def test_the_people_a_number_counts_whatever_their_modifiers(extractor):
    for text, dead in [("Gunmen killed at least 11 gold miners near Kidal on Sunday.", 11),
                       ("A bomb killed five Chinese engineers near Kidal on Sunday.", 5),
                       ("Police killed four armed robbers near Kidal on Sunday.", 4),
                       ("A mob lynched two men near Kidal on Sunday.", 2)]:
        assert [e.fatalities for e in events_of(extractor, text, MONDAY)] == [dead], text
    # what is destroyed is not killed
    for e in events_of(extractor, "Troops destroyed 12 armoured vehicles near Kidal on "
                                  "Sunday.", MONDAY):
        assert e.fatalities == 0


def test_dead_and_hurt_told_together_give_no_toll(extractor):
    # docs/coding.md: killed-and-injured totals that do not separate the dead give 0
    for text in ("Militants attacked an army post near Kidal on Sunday, leaving 12 soldiers "
                 "killed and wounded.",
                 "Militants attacked an army post near Kidal on Sunday. The army lost up to 40 "
                 "personnel killed and wounded."):
        for e in events_of(extractor, text, MONDAY):
            assert e.fatalities == 0, text
    (e,) = events_of(extractor, "Militants attacked an army post near Kidal on Sunday; 12 "
                                "soldiers were killed and 20 wounded.", MONDAY)
    assert e.fatalities == 12


def test_the_dead_named_by_rank_or_trade(extractor):
    (e,) = events_of(extractor, "A U.S. airstrike near Jilib on Sunday killed one senior "
                                "al-Shabaab leader.", MONDAY)
    assert e.fatalities == 1
    (e,) = events_of(extractor, "Gunmen killed two teachers in Mandera on Sunday.", MONDAY)
    assert e.fatalities == 2


def test_a_toll_that_rose_on_a_later_day_updates_the_act(extractor):
    (e,) = events_of(extractor, "Gunmen attacked a market in Kadugli on Saturday, killing 30 "
                                "people. The death toll rose to 37 on Sunday, officials said.",
                     MONDAY)
    assert (e.event_date, e.fatalities) == ("2021-01-02", 37)


def test_a_source_counting_the_other_sides_dead_adds_to_the_toll(extractor):
    (e,) = events_of(extractor, "Gunmen attacked a police station in Mandera on Sunday, "
                                "killing five police officers. Four attackers were also "
                                "killed, police said.", MONDAY)
    assert (e.fatalities, e.contested) == (9, False)
    # the same dead told by two sources are still one toll, the lower standing
    (e,) = events_of(extractor, "Gunmen attacked a police station in Mandera on Sunday, "
                                "killing five police officers, a witness said. Four police "
                                "officers were killed, police said.", MONDAY)
    assert (e.fatalities, e.contested) == (4, True)


def test_the_killers_counted_are_not_the_dead(extractor):
    (e,) = events_of(extractor, "Two gunmen on a motorcycle shot dead a village headman in "
                                "Kidal on Sunday.", MONDAY)
    assert e.fatalities == 1
    (e,) = events_of(extractor, "Gunmen stormed a school in Kidal on Sunday, shooting dead a "
                                "teacher.", MONDAY)
    assert e.fatalities == 1
    (e,) = events_of(extractor, "Jihadists attacked an army base in Kidal on Sunday. Two "
                                "soldiers and at least five insurgents were killed.", MONDAY)
    assert e.fatalities == 7


def test_a_part_of_a_counted_whole_is_the_toll(extractor):
    (e,) = events_of(extractor, "Soldiers raided a kidnappers' camp near Kidal on Sunday. Six "
                                "of the seven kidnappers were killed.", MONDAY)
    assert e.fatalities == 6


def test_weapons_recovered_after_an_attack_are_no_event_of_their_own(extractor):
    (e,) = events_of(extractor, "Gunmen attacked a police post in Kidal on Sunday, killing two "
                                "officers. Weapons including rifles were recovered, police "
                                "said.", MONDAY)
    assert e.fatalities == 2


def test_one_more_named_by_two_words_counts(extractor):
    (e,) = events_of(extractor, "Gunmen stormed a hotel in Kidal on Sunday, killing 12 guests "
                                "and a police officer.", MONDAY)
    assert e.fatalities == 13
    # but a thing after the article is no one more
    (e,) = events_of(extractor, "A bomb killed three people in Kidal on Sunday and a civilian "
                                "car was destroyed.", MONDAY)
    assert e.fatalities == 3


def test_the_unarmed_named_by_what_they_did_are_civilian_dead(extractor):
    (e,) = events_of(extractor, "On Sunday, 21 foreigners visiting the museum were killed in "
                                "Kidal by gunmen.", MONDAY)
    assert (e.sub_event_type, e.fatalities) == ("Attack", 21)
    assert e.actor2.startswith("Civilians")


def test_the_attackers_of_a_passive_act_are_not_its_dead(extractor):
    (e,) = events_of(extractor, "On Sunday, the museum in Kidal was attacked by three "
                                "gunmen, in which 21 tourists were killed.", MONDAY)
    assert e.fatalities == 21
