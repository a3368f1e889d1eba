"""The events one article gives, for tests that read sentences of their own."""

from __future__ import annotations

import datetime as dt

from frontwatch.model import Event
from frontwatch.pipeline import make_article


def events_of(extractor, text: str, published: dt.date) -> list[Event]:
    return extractor.process(make_article(text, published=published)).events
