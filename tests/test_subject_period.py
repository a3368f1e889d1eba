"""An encyclopedia article's incidents are dated by its subject, not its revision."""

from __future__ import annotations

import datetime as dt

import pytest

from frontwatch.extraction.subject_period import subject_period
from frontwatch.pipeline import Extractor, make_article

PAGE = ("Chibok schoolgirls kidnapping\n\nFrom Wikipedia, the free encyclopedia\n\n"
        "Chibok schoolgirls kidnapping\nPart of the Boko Haram insurgency\n"
        "Date14 April 2014 (2014-04-14)\nLocationChibok in Borno State, Nigeria\n\n"
        "On the night of 14–15 April 2014, 276 female students were kidnapped from the "
        "Government Secondary School by Boko Haram in the town of Chibok in Borno State, "
        "Nigeria.[7]\n")


@pytest.mark.parametrize(("text", "period"), [
    (PAGE, (dt.date(2014, 4, 14), dt.date(2014, 4, 14))),
    ("= Battle of Palma =\n\nInfobox\n- Conflict: Battle of Palma\n- Date: 24 March – 5 April "
     "2021, ()\n- Place: Palma, Cabo Delgado, Mozambique\n- Result: ...",
     (dt.date(2021, 3, 24), dt.date(2021, 4, 5))),
    # a news story's dateline or a "Date:" line in an alert is no infobox
    ("Security Alert - U.S. Embassy Abuja\nDate: 14 April 2014\nGunmen attacked Chibok.",
     None),
])
def test_subject_period(text, period):
    assert subject_period(text, dt.date(2021, 1, 31)) == period


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor(geocode=False)


def test_the_subject_of_an_old_page_is_its_news(extractor):
    events = extractor.process(make_article(PAGE, published="2021-01-31")).events
    assert [(e.event_date, e.sub_event_type) for e in events] == [
        ("2014-04-14", "Abduction/forced disappearance")]
    # the same sentence in a news story years later is history
    story = PAGE.split("\n\n")[-1]
    assert extractor.process(make_article(story, published="2021-01-31")).events == []


def test_a_page_copied_without_the_sites_name_is_known_by_its_outlet():
    page = ("Battle of Sirte (2016)\n\nThe battle started on 12 May 2016.\n\n"
            "Date 12 May – 6 December 2016; Location Sirte, Libya; Result GNA victory\n")
    published = dt.date(2016, 12, 20)
    assert subject_period(page, published) is None  # nothing says it is an encyclopedia's
    assert subject_period(page, published, outlet="Wikipedia") == (
        dt.date(2016, 5, 12), dt.date(2016, 12, 6))


def test_a_lead_defining_its_subject_is_dated_by_the_infobox(extractor):
    lead = ("The Battle of Soledar was a military engagement between the Armed Forces of "
            "Ukraine and the Russian Armed Forces for the town of Soledar in Donetsk Oblast.")
    # without an infobox the lead tells no day: it sums up the page, no incident of its own
    alone = make_article(lead, published="2023-02-01", outlet="Wikipedia")
    assert extractor.process(alone).events == []
    page = make_article(lead + "\n\nDate 3 – 16 January 2023; Location Soledar, Ukraine",
                        published="2023-02-01", outlet="Wikipedia")
    assert [(e.event_date, e.sub_event_type) for e in extractor.process(page).events] == [
        ("2023-01-03", "Armed clash")]
