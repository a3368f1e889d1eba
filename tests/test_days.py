"""Dates typed by people: the shape and the day are told apart."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from frontwatch.days import parse_day


@given(st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31)))
def test_every_real_day_reads_back(day: dt.date):
    assert parse_day(day.isoformat()) == day


@pytest.mark.parametrize("text", ["2024-02-30", "2023-02-29", "2019-13-01", "2019-04-31"])
def test_a_day_that_does_not_exist(text: str):
    with pytest.raises(ValueError, match="is no such day"):
        parse_day(text)


@pytest.mark.parametrize("text", ["14/08/2017", "2017-8-14", "yesterday", ""])
def test_the_wrong_shape(text: str):
    with pytest.raises(ValueError, match="is not a date: use YYYY-MM-DD"):
        parse_day(text)
