"""A sentence that denies an act is a report of that act holding only the denier's claim
(issue 12): never the act coded as happening "claimed by" the denier, never dropped."""

from __future__ import annotations

import datetime as dt

from frontwatch.model import Event
from frontwatch.pipeline import make_article
from store_support import result_of

pytest_plugins = ["store_fixtures"]  # the store fixture

TUESDAY = dt.date(2022, 8, 9)


def events(extractor, text: str, published: dt.date = TUESDAY) -> list[Event]:
    return extractor.process(make_article(text, published=published)).events


def only_denials(e: Event) -> bool:
    return bool(e.claims) and all(c.denies for c in e.claims)


def test_a_denied_shelling_is_a_shelling_held_only_by_the_denial(extractor):
    (e,) = events(extractor, "The regional administration denied on Tuesday that its artillery "
                             "had shelled a bus station in Nova Kakhovka on Monday.")
    assert e.sub_event_type == "Shelling/artillery/missile attack"
    assert e.location == "Nova Kakhovka"
    assert only_denials(e) and not e.contested
    assert "reported only as denied by" in e.notes


def test_a_rejected_capture_claim_is_a_denied_capture(extractor):
    (e,) = events(extractor, "Kyiv rejected claims that Russian troops had captured Kupiansk "
                             "on Sunday, saying its units still held the town.")
    assert e.event_type == "Strategic developments" or "territory" in e.sub_event_type
    assert e.location == "Kupiansk"
    assert only_denials(e)


def test_a_denied_fall_is_read_without_a_capture_verb(extractor):
    (e,) = events(extractor, "A brigade spokesman denied on Aug. 8 that Russian forces had taken "
                             "Marinka, saying the defenders held the western blocks.")
    assert "territory" in e.sub_event_type and e.location == "Marinka"
    assert only_denials(e)


def test_a_dismissed_claim_is_denied_not_claimed(extractor):
    (e,) = events(extractor, "A Pentagon spokesman dismissed the Houthi claim that the group "
                             "had shot down a U.S. drone over Marib on Thursday.")
    assert only_denials(e)


def test_the_accusers_toll_is_not_the_deniers_claim(extractor):
    (e,) = events(extractor, "The Malian army denied that its soldiers killed 20 civilians in "
                             "the village of Moura last week.")
    assert only_denials(e)
    assert all(c.fatalities is None or c.fatalities.value == 0 for c in e.claims)
    assert e.fatalities == 0


def test_a_denial_and_the_act_told_as_fact_make_one_contested_event(extractor):
    (e,) = events(extractor, "Russian forces shelled the town of Vovchansk on Monday, killing "
                             "three civilians, the regional governor said. The Russian defence "
                             "ministry denied that its forces had shelled Vovchansk.")
    assert e.contested and any(c.denies for c in e.claims)
    assert any(not c.denies for c in e.claims) and e.fatalities == 3


def test_a_denied_plan_or_a_plain_denial_gives_no_act(extractor):
    assert events(extractor, "The ministry denied plans to attack the port of Berdiansk.") == []
    assert events(extractor, "The governor denied the rumours on Tuesday.") == []


def test_trigger_finder_keeps_denied_acts_apart(extractor):
    mentions = extractor.mentions
    doc = mentions.nlp("The army denied that its jets had bombed the market in Idlib.")
    # as fact, nothing happened; as a denied act, an air strike
    assert mentions.triggers.find(doc, set()) == []
    assert [t.kind for t in mentions.triggers.find(doc, set(), denied=True)] == ["air"]


def test_a_report_made_only_of_a_denial_joins_the_act_and_contests_it(store):
    # the denial is ingested first: alone it is an event of denials, not contested
    denial = result_of("Statement. On 2017-08-12 SAA shelled ISIS in Sukhna.", "SANA")
    (event,) = denial.events
    for c in event.claims:
        c.denies = True
    store.add_results([denial])
    (row,) = store.events()
    assert row["contested"] == 0
    assert all(c.claim["denies"] for c in store.event(row["event_id_cnty"]).claims)
    # then the account of the act: one event, contested, each claim with its claimant
    store.add_results([result_of("Wire. On 2017-08-12 SAA shelled ISIS in Sukhna, killing 9.",
                                 "Amaq")])
    (row,) = store.events()
    assert row["contested"] == 1 and row["fatalities"] == 9
    assert sorted(c.claim["denies"] for c in store.event(row["event_id_cnty"]).claims) == [
        False, True]


class _NoEventCoder:
    """A coder that reads no event anywhere, as a coder taught that a denial tells none
    reads a denial."""

    def code(self, texts: list[str], roles: bool = True):
        from frontwatch.extraction.coder import Coding
        from frontwatch.learn.data import LABELS

        return [Coding({label: 0.0 for label in LABELS}, 0.99) for _ in texts]


def test_a_denied_act_stands_though_the_coder_reads_no_event_in_the_denial(extractor):
    coder, gate = extractor.mentions.coder, extractor.mentions.gate
    extractor.mentions.coder, extractor.mentions.gate = _NoEventCoder(), None
    try:
        (e,) = events(extractor, "The regional administration denied on Tuesday that its "
                                 "artillery had shelled a bus station in Nova Kakhovka on "
                                 "Monday.")
    finally:
        extractor.mentions.coder, extractor.mentions.gate = coder, gate
    assert e.sub_event_type == "Shelling/artillery/missile attack"
    assert only_denials(e)
