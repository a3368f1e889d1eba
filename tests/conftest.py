"""Shared fixtures: one loaded extractor per test session (loading spaCy is the slow part)."""

from __future__ import annotations

from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"
SHARED = Path(__file__).resolve().parents[1].parent / "shared"


@pytest.fixture(scope="session")
def extractor():
    from frontwatch.pipeline import Extractor

    return Extractor(geocode=False)


@pytest.fixture(scope="session")
def rules_extractor():
    """The rule grammar alone (`--engine rules`): for the cases whose behaviour the rules
    guarantee and the learned coder does not yet (docs/model.md, known failure modes)."""
    from frontwatch.pipeline import Extractor

    return Extractor(geocode=False, engine="rules")


@pytest.fixture(scope="session")
def catalog(extractor):
    """The extractor's actor catalogue (the packaged actor file, matched on its vocabulary)."""
    return extractor.mentions.actors


@pytest.fixture(scope="session")
def nlp(extractor):
    return extractor.mentions.nlp


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not SHARED.is_dir():
        pytest.skip(f"{SHARED} absent: shared development data is not available here")
    return SHARED
