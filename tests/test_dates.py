"""Date expressions in conflict prose, resolved to (date, ACLED time_precision)."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from frontwatch.extraction.dates import DateExpression, find_date_expressions, resolve_date

MON = dt.date(2017, 8, 14)  # a Monday
D = dt.date


@pytest.mark.parametrize(
    ("phrase", "published", "expected"),
    [
        ("on Sunday", MON, (D(2017, 8, 13), 1)),
        ("Saturday", MON, (D(2017, 8, 12), 1)),
        ("on Monday", MON, (MON, 1)),  # the publication weekday is that day
        ("on Tuesday", MON, (D(2017, 8, 8), 1)),
        ("last Monday", MON, (D(2017, 8, 7), 1)),
        ("early on Tuesday", MON, (D(2017, 8, 8), 1)),
        ("on Thursday night", MON, (D(2017, 8, 10), 1)),
        ("yesterday", MON, (D(2017, 8, 13), 1)),
        ("yesterday afternoon", MON, (D(2017, 8, 13), 1)),
        ("the day before yesterday", MON, (D(2017, 8, 12), 1)),
        ("today", MON, (MON, 1)),
        ("this morning", MON, (MON, 1)),
        ("last night", MON, (D(2017, 8, 13), 1)),
        ("overnight", MON, (D(2017, 8, 13), 1)),
        ("three days ago", MON, (D(2017, 8, 11), 1)),
        ("Forty-six days ago", MON, (D(2017, 6, 29), 1)),  # not "six days ago"
        ("twenty three days ago", MON, (D(2017, 7, 22), 1)),
        ("eleven days ago", MON, (D(2017, 8, 3), 1)),
        ("last week", MON, (D(2017, 8, 9), 2)),  # Wednesday of the week before
        ("earlier this week", dt.date(2017, 8, 18), (D(2017, 8, 15), 2)),
        ("last weekend", MON, (D(2017, 8, 12), 2)),
        ("last weekend", D(2017, 8, 13), (D(2017, 8, 5), 2)),  # published on a Sunday
        ("over the weekend", MON, (D(2017, 8, 12), 2)),
        ("in the past week", MON, (D(2017, 8, 10), 2)),
        ("earlier this month", MON, (D(2017, 8, 7), 3)),
        ("last month", MON, (D(2017, 7, 15), 3)),
        ("late last month", MON, (D(2017, 7, 31), 3)),
        ("early last month", MON, (D(2017, 7, 1), 3)),
        ("August 12", MON, (D(2017, 8, 12), 1)),
        ("12 August", MON, (D(2017, 8, 12), 1)),
        ("Aug. 12, 2017", MON, (D(2017, 8, 12), 1)),
        ("Aug 12", MON, (D(2017, 8, 12), 1)),
        ("the 12th of August", MON, (D(2017, 8, 12), 1)),
        ("December 30", MON, (D(2016, 12, 30), 1)),  # no year: the most recent past one
        # a day within the week after publication is that day (a forecast, a plan), not one
        # a year back
        ("August 16", MON, (D(2017, 8, 16), 1)),
        ("August 25", MON, (D(2016, 8, 25), 1)),
        ("2017-08-12", MON, (D(2017, 8, 12), 1)),
        ("on the 12th", MON, (D(2017, 8, 12), 1)),
        ("on the 20th", MON, (D(2017, 7, 20), 1)),  # after publication day: last month
        ("in mid-August", MON, (D(2017, 8, 7), 3)),  # clipped to before publication
        ("in mid-July", MON, (D(2017, 7, 15), 3)),
        ("in July", MON, (D(2017, 7, 15), 3)),
        ("in early July", MON, (D(2017, 7, 1), 3)),
        ("at the end of July", MON, (D(2017, 7, 31), 3)),
        ("In May 2016", MON, (D(2016, 5, 15), 3)),
        ("in September", MON, (D(2016, 9, 15), 3)),
        ("on 12-13 August", MON, (D(2017, 8, 12), 2)),
        # Without a publication date: relative -> None, absolute -> resolved.
        ("on Sunday", None, (None, 1)),
        ("last week", None, (None, 2)),
        ("last month", None, (None, 3)),
        ("August 12", None, (None, 1)),
        ("12 August 2017", None, (D(2017, 8, 12), 1)),
        ("2017-08-12", None, (D(2017, 8, 12), 1)),
        ("in August 2017", None, (D(2017, 8, 15), 3)),
    ],
)
def test_resolve_date(phrase: str, published: dt.date | None, expected: tuple) -> None:
    assert resolve_date(phrase, published) == expected


@pytest.mark.parametrize(
    "phrase", ["", "forces march on the town", "they may attack", "random words", "May"]
)
def test_resolve_date_none(phrase: str) -> None:
    assert resolve_date(phrase, MON) is None


def test_resolve_date_dateparser_fallback() -> None:
    # Outside the grammar: dateparser answers, anchored on publication.
    assert resolve_date("a fortnight ago", MON) == (D(2017, 7, 31), 2)
    assert resolve_date("a fortnight ago", None) is None


def exprs(text: str, published: dt.date | None = MON) -> list[tuple[str, dt.date | None, int]]:
    return [(e.text, e.date, e.precision) for e in find_date_expressions(text, published)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Rebels attacked the town on Sunday, killing 12.",
            [("on Sunday", D(2017, 8, 13), 1)],
        ),
        ("Government forces march on Raqqa and may attack soon.", []),
        ("In March, forces march on the city.", [("In March", D(2017, 3, 15), 3)]),
        (
            "The strike, carried out overnight, followed clashes last week.",
            [("overnight", D(2017, 8, 13), 1), ("last week", D(2017, 8, 9), 2)],
        ),
        (
            "On Aug. 12, 2017, at least 10 were killed; on the 13th, five more.",
            [("On Aug. 12, 2017", D(2017, 8, 12), 1), ("on the 13th", D(2017, 8, 13), 1)],
        ),
        (
            "The 93rd Brigade said on Thursday night it held the hill.",
            [("on Thursday night", D(2017, 8, 10), 1)],
        ),
        ("May God protect us, said a resident.", []),
        ("The 12th brigade advanced.", []),
    ],
)
def test_find_date_expressions(sentence: str, expected: list) -> None:
    assert exprs(sentence) == expected


def test_spans_match_text() -> None:
    text = "Earlier this week, and again yesterday, drones struck 40 km away."
    for e in find_date_expressions(text, MON):
        assert isinstance(e, DateExpression)
        assert text[e.start : e.end] == e.text
    assert [e.text for e in find_date_expressions(text, MON)] == ["Earlier this week", "yesterday"]


# --- properties -------------------------------------------------------------------------

dates = st.dates(min_value=D(1900, 1, 1), max_value=D(2100, 12, 31))


@given(dates, st.sampled_from(["%d %B %Y", "%B %d, %Y", "%Y-%m-%d", "%b. %d, %Y", "%-d %B %Y"]))
def test_formatted_dates_resolve_to_themselves(d: dt.date, fmt: str) -> None:
    if fmt.startswith("%b.") and d.month == 5:
        fmt = "%b %d, %Y"  # "May." is not how anyone abbreviates May
    assert resolve_date(d.strftime(fmt), None) == (d, 1)
    assert resolve_date(d.strftime(fmt), d + dt.timedelta(days=3)) == (d, 1)


@given(
    dates,
    st.sampled_from(["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]),
    st.sampled_from(["on ", "", "late on "]),
)
def test_day_names_within_the_week_before_publication(pub: dt.date, day: str, pre: str) -> None:
    res = resolve_date(f"{pre}{day}", pub)
    assert res is not None
    d, precision = res
    assert d is not None and precision == 1
    assert 0 <= (pub - d).days <= 6
    assert d.strftime("%A") == day


@given(dates)
def test_relative_expressions_never_after_publication(pub: dt.date) -> None:
    text = (
        "Yesterday, last night, last week, last weekend, earlier this week, earlier this "
        "month, last month, in the past week, on the 3rd, in August and on 5 May."
    )
    for e in find_date_expressions(text, pub):
        # a day and month without a year may be up to a week ahead (a forecast, a plan)
        ahead = dt.timedelta(days=7 if e.text == "on 5 May" else 0)
        assert e.date is not None and e.date <= pub + ahead, e
        assert e.precision in (1, 2, 3)


@given(st.text(max_size=200), st.one_of(st.none(), dates))
def test_never_raises(text: str, pub: dt.date | None) -> None:
    for e in find_date_expressions(text, pub):
        assert text[e.start : e.end] == e.text
        assert e.precision in (1, 2, 3)


@pytest.mark.parametrize(
    ("text", "first", "last"),
    [
        ("fighting between 5 and 7 July displaced thousands", D(2024, 7, 5), D(2024, 7, 7)),
        ("clashes between July 5 and 7, 2023 in the district", D(2023, 7, 5), D(2023, 7, 7)),
        ("on 25-26 June", D(2024, 6, 25), D(2024, 6, 26)),
        ("from June 2 to 4, when", D(2024, 6, 2), D(2024, 6, 4)),
    ],
)
def test_span_of_days_has_first_and_last_day(text: str, first: dt.date, last: dt.date) -> None:
    (e,) = find_date_expressions(text, D(2024, 7, 20))
    assert (e.date, e.precision, e.last) == (first, 2, last)


def test_listed_days_are_days_not_a_span() -> None:
    found = find_date_expressions("on 5 and 7 July", D(2024, 7, 20))
    assert [(e.date, e.precision, e.last) for e in found] == [
        (D(2024, 7, 5), 1, None), (D(2024, 7, 7), 1, None)]
    found = find_date_expressions("attacks on 3, 4 and 6 June 2023", D(2024, 7, 20))
    assert [e.date for e in found] == [D(2023, 6, 3), D(2023, 6, 4), D(2023, 6, 6)]
    # a count before a day is no day of it
    assert [e.date for e in find_date_expressions("killed 5 and 2 September", D(2024, 9, 9))
            ] == [D(2024, 9, 2)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("On Wednesday 14 February Typhoons struck", D(2018, 2, 14)),
        ("on Friday, 2 November, the protests ended", D(2017, 11, 2)),
        ("on Sunday, March 5, 2017 rebels attacked", D(2017, 3, 5)),
    ],
)
def test_weekday_before_a_date_is_that_date(text: str, expected: dt.date) -> None:
    (e,) = find_date_expressions(text, D(2018, 2, 28))
    assert (e.date, e.precision) == (expected, 1) and e.text.lower().startswith("on")


def test_overnight_on_a_named_day_is_that_day():
    from frontwatch.extraction.dates import find_date_expressions

    published = dt.date(2024, 5, 20)
    found = [e for e in find_date_expressions("Drones attacked a refinery in Tuapse overnight "
                                              "on 12 May.", published) if e.date is not None]
    assert [e.date for e in found] == [dt.date(2024, 5, 12)]
    found = [e for e in find_date_expressions("Drones attacked Odesa overnight.", published)
             if e.date is not None]
    assert [e.date for e in found] == [dt.date(2024, 5, 19)]


def test_during_the_night_of_a_day_is_that_day_not_last_night() -> None:
    found = find_date_expressions("Clashes erupted during the night of 12 to 13 June in "
                                  "Batibo.", dt.date(2024, 6, 15))
    assert [e.date for e in found] == [dt.date(2024, 6, 12)]
