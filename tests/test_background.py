"""Background tests that need no parse: what dates a sentence into history."""

from __future__ import annotations

import datetime as dt

import pytest

from frontwatch.extraction.background import historical, narrative_shift

PUBLISHED = dt.date(2015, 6, 27)


@pytest.mark.parametrize("text", [
    "A French-led military campaign in early 2013 liberated northern Mali.",
    "In mid-2012 the rebels seized the north.",
    "During the summer of 2011 the army shelled the town.",
    "Ten years ago, a gunman opened fire on worshippers.",
])
def test_years_before_the_report_are_history(text):
    assert historical(text, PUBLISHED)


@pytest.mark.parametrize("text", [
    "Gunmen attacked a military camp in Nara on Saturday.",
    "Clashes in late 2015 left dozens dead.",  # the report's own year
    "Fighting resumed in 2014 and has not stopped.",  # last year: may still be news
])
def test_this_years_and_undated_acts_are_not(text):
    assert not historical(text, PUBLISHED)


def test_the_day_a_spell_began_dates_an_incident_only_when_it_is_not_read_as_one():
    text = ("Fighting between the army and local defence forces in Magway has recently "
            "escalated, displacing 37,000 people since January.")
    assert historical(text, PUBLISHED)
    assert not historical(text, PUBLISHED, spells_run_on=True)
    # the act's own old day still makes history
    assert historical("The army shelled the town on 3 January.", PUBLISHED, spells_run_on=True)


@pytest.mark.parametrize(("text", "days"), [
    ("The next day, gunmen returned.", 1),
    ("A day earlier, a convoy was hit.", -1),
    ("Two days later the army retook the town.", 2),
    ("A week earlier, gunmen abducted a driver near Kouango.", -7),
    ("Two weeks later the rebels struck again.", 14),
    ("This comes a week after the troops liberated the town.", -7),
    # the earlier act was a week before the one just told, whatever came
    ("The attack came a week after al-Shabaab gunmen stormed a hotel in Kismayo.", -7),
    ("The bombing came just three days after gunmen stormed a hotel.", -3),
    ("The talks resumed.", None),
])
def test_narrative_shift_in_days(text: str, days: int | None) -> None:
    assert narrative_shift(text) == days


@pytest.mark.parametrize(("text", "tally"), [
    ("Israeli forces' operations in Jenin and Tubas have so far resulted in the killing of 39 "
     "Palestinians.", True),
    ("So far, the offensive has killed 40 civilians in Idlib.", True),
    ("Rebels have so far captured three villages.", True),
    ("Gunmen killed five shepherds near Kidal on Sunday, so far the worst attack this year.",
     False),
])
def test_so_far_with_a_perfect_is_a_tally(text: str, tally: bool) -> None:
    from frontwatch.extraction.background import SO_FAR

    assert bool(SO_FAR.search(text)) is tally
