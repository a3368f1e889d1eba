"""Who a figure is claimed by: sources named as the text names them, never an actor's name for
a witness; a group that claimed an attack; a source told again as "the same organization"."""

from __future__ import annotations

import datetime as dt

import pytest

from frontwatch.pipeline import make_article

MONDAY = dt.date(2021, 10, 25)


def claimants(extractor, text: str) -> list[set[str]]:
    events = extractor.process(make_article(text, published=MONDAY)).events
    return [{c.claimant for c in e.claims} for e in events]


@pytest.mark.parametrize("text, source", [
    ("Human rights organizations reported 11 civilians killed by soldiers in Buea on Sunday.",
     "Human rights organizations"),
    ("Media outlets reported two deaths and multiple injuries during yesterday's "
     "demonstrations in Lima.",
     "Media outlets"),
    ("Rights groups said security forces killed three protesters in Khartoum on Sunday.",
     "Rights groups"),
])
def test_sources_named_by_their_kind(extractor, text, source):
    assert source in set().union(*claimants(extractor, text))


def test_witnesses_are_a_source_as_written_not_the_civilians_actor(extractor):
    found = claimants(extractor, "On Sunday, an airstrike hit Mekelle. Health workers and "
                                 "community members confirmed that three children were killed "
                                 "in the airstrike.")
    assert "Health workers and community members" in set().union(*found)
    found = claimants(extractor, "On Sunday, soldiers shot dead five young men near Mugi, "
                                 "according to a local journalist.")
    assert found == [{"local journalist"}]


def test_the_group_that_claimed_an_attack_claims_it(extractor):
    found = claimants(extractor, "The United States condemns Sunday's bombing claimed by "
                                 "Da'esh of a market in Sadr City, Baghdad, which killed over 70 "
                                 "people.")
    assert [any(c.startswith("Islamic State") for c in f) for f in found] == [True]


def test_the_same_organization_is_the_one_named_before(extractor):
    found = claimants(extractor, "According to a credible organization, soldiers killed a "
                                 "nurse in Bamenda on Saturday. The same organization reported "
                                 "that on Sunday soldiers burned alive 13 civilians in Ndu.")
    assert found and all(f == {"credible organization"} for f in found)
