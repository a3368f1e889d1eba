"""Dates typed by people (options, filters): YYYY-MM-DD, and a message that says what is wrong."""

from __future__ import annotations

import datetime as dt
import re

_SHAPE = re.compile(r"\d{4}-\d{2}-\d{2}")


def parse_day(value: str) -> dt.date:
    """The date, or ValueError saying whether the shape or the day is wrong."""
    if not _SHAPE.fullmatch(value.strip()):
        raise ValueError(f"{value!r} is not a date: use YYYY-MM-DD")
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError as exc:
        # "2024-02-30": the right shape, a day that does not exist
        raise ValueError(f"{value!r} is no such day ({exc})") from None
