"""The year an annual report covers dates its year-less incidents (docs/coding.md)."""

from __future__ import annotations

import datetime as dt

import pytest

from frontwatch.extraction.report_year import report_year
from frontwatch.pipeline import Extractor, make_article

HRR = ("a. Arbitrary Deprivation of Life and Other Unlawful or Politically Motivated Killings\n"
       "There were several reports that the government or its agents committed arbitrary "
       "killings.\nAccording to a credible organization, on January 29, government security "
       "forces shot and killed three civilians in Bamenda, North-West Region.\n")


@pytest.mark.parametrize(("text", "published", "year"), [
    (HRR, dt.date(2020, 3, 11), 2019),
    ("Niger\nOverview: Niger faces terrorist threats on each of its seven borders.",
     dt.date(2021, 12, 16), 2020),
    ("From the 2017 Country Reports on Terrorism: on May 3 ...", dt.date(2019, 9, 1), 2017),
    ("Country Reports on Human Rights Practices for 2022 - Mali", dt.date(2023, 3, 20), 2022),
    ("Gunmen killed three civilians in Bamenda on January 29.", dt.date(2020, 3, 11), None),
    (HRR, None, None),
])
def test_report_year(text: str, published: dt.date | None, year: int | None) -> None:
    assert report_year(text, published) == year


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor(geocode=False)


def test_an_annual_reports_incidents_are_dated_in_its_year(extractor: Extractor) -> None:
    events = extractor.process(make_article(HRR, published="2020-03-11")).events
    assert [e.event_date for e in events] == ["2019-01-29"]
    # the same words in a news story are read against its own date
    news = HRR.split("\n", 2)[2]
    events = extractor.process(make_article(news, published="2020-03-11")).events
    assert [e.event_date for e in events] == ["2020-01-29"]
