"""Scorer unit tests: hand-made gold/prediction pairs with known answers."""

from __future__ import annotations

import datetime as dt

import pytest

from frontwatch.evaluation.match import Scorable, assign, can_match, haversine_km
from frontwatch.evaluation.names import actor_key, same_actor, same_place_name
from frontwatch.evaluation.scoring import score_documents

MOSUL = (36.335, 43.11889)
RAQQA = (35.95283, 39.00788)


def strike(day: int = 3, where: str = "Mosul", at=MOSUL, **kw) -> Scorable:
    fields = dict(
        event_date=dt.date(2019, 3, day),
        time_precision=1,
        event_type="Explosions/Remote violence",
        sub_event_type="Air/drone strike",
        actor1="Military Forces of the United States (2017-2021)",
        actor2="IS (Islamic State)",
        location=where,
        latitude=at[0] if at else None,
        longitude=at[1] if at else None,
    )
    fields.update(kw)
    return Scorable(**fields)


def score(gold: list[Scorable], pred: list[Scorable]):
    return score_documents([("doc", gold, pred)])


def test_perfect_match_gives_f1_one():
    gold = [strike(), strike(where="Raqqa", at=RAQQA)]
    s = score(gold, [strike(), strike(where="Raqqa", at=RAQQA)])
    assert (s.precision, s.recall, s.f1) == (1.0, 1.0, 1.0)
    assert all(t.accuracy == 1.0 for t in s.fields.values() if t.total)


def test_one_missing_event_lowers_recall_only():
    gold = [strike(), strike(where="Raqqa", at=RAQQA)]
    s = score(gold, [strike()])
    assert s.precision == 1.0
    assert s.recall == 0.5
    assert s.f1 == pytest.approx(2 / 3)
    assert [e.location for e in s.docs[0].missed] == ["Raqqa"]


def test_spurious_event_lowers_precision_and_is_listed():
    s = score([strike()], [strike(), strike(where="Raqqa", at=RAQQA)])
    assert (s.precision, s.recall) == (0.5, 1.0)
    assert [e.location for e in s.docs[0].spurious] == ["Raqqa"]


def test_wrong_event_type_family_never_matches():
    clash = strike(event_type="Battles", sub_event_type="Armed clash")
    assert not can_match(strike(), clash)
    s = score([strike()], [clash])
    assert s.true_positives == 0 and s.false_negatives == 1 and s.false_positives == 1


def test_protests_and_riots_are_one_family():
    protest = strike(event_type="Protests", sub_event_type="Peaceful protest", actor1="Protesters")
    riot = strike(event_type="Riots", sub_event_type="Violent demonstration", actor1="Rioters")
    assert can_match(protest, riot)


def test_wrong_sub_type_in_the_same_family_matches_and_is_counted_wrong():
    s = score([strike()], [strike(sub_event_type="Shelling/artillery/missile attack")])
    assert s.true_positives == 1
    assert s.fields["sub_event_type"].accuracy == 0.0
    assert s.confusion[("Air/drone strike", "Shelling/artillery/missile attack")] == 1


@pytest.mark.parametrize(
    ("precision", "days_off", "matches"),
    [(1, 1, True), (1, 2, False), (2, 7, True), (2, 8, False), (3, 31, True), (3, 32, False)],
)
def test_date_window_follows_time_precision(precision, days_off, matches):
    gold = strike(time_precision=precision)
    pred = strike(time_precision=1, event_date=gold.event_date + dt.timedelta(days=days_off))
    assert can_match(gold, pred) is matches


def test_missing_date_does_not_block():
    assert can_match(strike(), strike(event_date=None))


def test_place_within_25_km_or_same_name():
    near = (MOSUL[0] + 0.1, MOSUL[1])  # about 11 km north
    assert can_match(strike(), strike(where="Badush", at=near))
    assert not can_match(strike(), strike(where="Raqqa", at=RAQQA))
    # Same name, no coordinates on the prediction: matched by name.
    assert can_match(strike(), strike(where="mosul", at=None))
    assert not can_match(strike(where="Kisik", at=None), strike(where="Raqqa", at=None))
    assert haversine_km(*MOSUL, *near) == pytest.approx(11.1, abs=0.2)


def test_location_accuracy_and_error():
    near = (MOSUL[0] + 0.1, MOSUL[1])
    s = score([strike()], [strike(where="Badush", at=near)])
    assert s.fields["location_25km"].accuracy == 1.0
    assert s.mean_location_error_km == pytest.approx(11.1, abs=0.2)


def test_hungarian_picks_the_best_one_to_one_assignment():
    # Greedy matching would pair pred 0 with gold 0 (both fit) and leave gold 1 unmatched;
    # the best assignment gives each gold event its own prediction.
    gold = [
        strike(where="Mosul", at=MOSUL),
        strike(where="Mosul", at=MOSUL, sub_event_type="Shelling/artillery/missile attack"),
    ]
    pred = [
        strike(where="Mosul", at=MOSUL, sub_event_type="Shelling/artillery/missile attack"),
        strike(where="Mosul", at=MOSUL),
    ]
    assert sorted(assign(gold, pred)) == [(0, 1), (1, 0)]
    s = score(gold, pred)
    assert s.true_positives == 2
    assert s.fields["sub_event_type"].accuracy == 1.0


def test_one_prediction_cannot_match_two_gold_events():
    gold = [strike(), strike()]
    s = score(gold, [strike()])
    assert s.true_positives == 1 and s.false_negatives == 1


def test_optional_gold_event_is_neither_credited_nor_missed():
    gold = [strike(), strike(where="Raqqa", at=RAQQA, optional=True)]
    s = score(gold, [strike(), strike(where="Raqqa", at=RAQQA)])
    assert (s.true_positives, s.false_positives, s.false_negatives) == (1, 0, 0)
    s = score(gold, [strike()])
    assert (s.true_positives, s.false_positives, s.false_negatives) == (1, 0, 0)


def test_no_predictions_scores_zero_without_error():
    s = score([strike()], [])
    assert (s.precision, s.recall, s.f1) == (0.0, 0.0, 0.0)
    assert s.fields["actor1"].accuracy is None
    assert s.to_dict()["events"]["false_negatives"] == 1


def test_actor_aliases_and_fuzzy_fallback():
    assert same_actor("Military Forces of Syria (2000-)", "Syrian army")
    assert same_actor("SAA", "Syrian Arab Army")
    assert same_actor("IS (Islamic State)", "Daesh")
    assert same_actor("IS (Islamic State)", "Islamic State (Syria)")
    assert same_actor("Military Forces of the United States (2017-2021)", "US-led coalition")
    assert same_actor("Nour al-Din al-Zenki Movement", "Nour al-Din al-Zenki movement")
    assert not same_actor("SDF: Syrian Democratic Forces", "Military Forces of Syria (2000-)")
    assert not same_actor("IS (Islamic State)", "")
    assert same_actor("", "")
    assert actor_key("HTS: Hayat Tahrir al-Sham") == "hts"


def test_place_names_ignore_articles_and_spacing():
    assert same_place_name("Al-Qadir", "al Qadir")
    assert same_place_name("Tal Tamr", "Tel Tamer")
    assert not same_place_name("Al-Qadir", "al-Kadir")


def test_claims_in_the_articles_own_voice_are_not_compared():
    from frontwatch.evaluation.scoring import scorable_from_event

    claims = [
        {"claimant": "reporting outlet"},
        {"claimant": "Voice of America"},
        {"claimant": "SOHR", "fatalities": 3},
    ]
    pred = scorable_from_event({"event_type": "Battles", "claims": claims}, "Voice of America")
    assert pred.claimants == ["SOHR"]


def test_strict_match_needs_the_same_sub_type():
    shelling = strike(sub_event_type="Shelling/artillery/missile attack")
    assert can_match(strike(), shelling)
    assert not can_match(strike(), shelling, strict=True)
    s = score_documents([("doc", [strike()], [shelling])], strict=True)
    assert (s.true_positives, s.false_positives, s.false_negatives) == (0, 1, 1)
    assert s.by_sub_type["Air/drone strike"].fn == 1
    assert s.by_sub_type["Shelling/artillery/missile attack"].fp == 1


def test_strict_match_needs_a_place_on_both_sides():
    nowhere = strike(where="", at=None)
    assert can_match(strike(), nowhere)
    assert not can_match(strike(), nowhere, strict=True)
    assert can_match(nowhere, strike(where="", at=None), strict=True)


def test_strict_match_takes_a_place_by_name_or_within_25_km():
    near = strike(where="Bartella", at=(36.35, 43.38))  # ~24 km east of Mosul
    far = strike(where="Raqqa", at=RAQQA)
    assert can_match(strike(), near, strict=True)
    assert not can_match(strike(), far, strict=True)
    by_name = strike(where="al-Mosul", at=None)
    assert can_match(strike(), by_name, strict=True)


def test_sub_type_counts_split_a_mistyped_pair():
    shelling = strike(sub_event_type="Shelling/artillery/missile attack")
    s = score_documents([("doc", [strike()], [shelling])])
    assert s.true_positives == 1  # lenient: same family
    assert s.by_sub_type["Air/drone strike"].fn == 1
    assert s.by_sub_type["Shelling/artillery/missile attack"].fp == 1
    assert s.by_sub_type["Air/drone strike"].f1 == 0.0


@pytest.mark.parametrize(
    ("a", "b"),
    [("Shan", "Shan State"), ("Marawi", "Marawi City"), ("Kyiv", "Kyiv Oblast"),
     ("Palma", "Palma District of Cabo Delgado Province"), ("London", "City of London"),
     ("Kohistan", "Kōhistān"),
     # two transliterations, one skeleton (a CJTF-OIR strike report and ACLED's spelling)
     ("Dayr Az Zawr", "Deir ez Zor"), ("Kandahar", "Qandahar")],
)
def test_place_names_agree_without_kind_words(a, b):
    assert same_place_name(a, b)


@pytest.mark.parametrize(("a", "b"), [("Mosul", "Raqqa"), ("Bay of Bengal", "Bengal")])
def test_different_places_stay_apart(a, b):
    assert not same_place_name(a, b)
