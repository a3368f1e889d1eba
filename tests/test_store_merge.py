"""Merging reports of one incident across articles: the rules, and what the store records."""

from __future__ import annotations

from frontwatch.merge import (
    conservative_fatalities,
    family_of,
    figure_of,
    is_contested,
    merge_decision,
)
from frontwatch.model import Claim, Count, Event
from store_support import result_of

pytest_plugins = ["store_fixtures"]  # the store, db_url and backend fixtures


def ev(**kw) -> Event:
    base = dict(
        event_date="2017-08-12", time_precision=1, disorder_type="Political violence",
        event_type="Battles", sub_event_type="Armed clash", actor1="Islamic State (Syria)",
        actor2="Military Forces of Syria (2000-)", country="Syria", admin1="Homs",
        admin2="Tadmur", location="Sukhna", latitude=34.8858, longitude=38.8689,
        geo_precision=1, geonameid=900001,
    )
    base.update(kw)
    return Event(**base)


def claim(value=None, quantifier=None, low=None) -> Claim:
    return Claim(None, None, fatalities=Count(value=value, quantifier=quantifier, low=low))


# --- the rules --------------------------------------------------------------------------------
def test_same_incident_told_two_ways_merges_with_reasons():
    d = merge_decision(ev(), ev(actor1=ev().actor2, actor2=ev().actor1,
                             event_type="Explosions/Remote violence",
                             sub_event_type="Shelling/artillery/missile attack"))
    assert d is not None
    text = d.explain()
    assert "same GeoNames id 900001" in text and "fighting" in text and "same date" in text


def test_dates_compatible_only_within_precision():
    assert merge_decision(ev(), ev(event_date="2017-08-13")) is not None  # a day's slack
    assert merge_decision(ev(), ev(event_date="2017-08-16")) is None
    assert merge_decision(ev(), ev(event_date="2017-08-16", time_precision=2)) is not None
    assert merge_decision(ev(), ev(event_date="2017-08-25", time_precision=2)) is None


def test_places_same_id_near_or_same_admin2_when_imprecise():
    near = ev(geonameid=None, location="Sukhna East", latitude=34.89, longitude=38.89)
    assert merge_decision(ev(), near) is not None  # ~2 km apart
    far = ev(geonameid=900006, location="Palmyra", latitude=34.56, longitude=38.28)
    assert merge_decision(ev(), far) is None  # ~65 km, both precise
    region = ev(geonameid=None, location="Tadmur district", latitude=34.6, longitude=38.4,
                geo_precision=3)
    assert "same admin2 Tadmur" in merge_decision(ev(), region).explain()


def test_reports_placed_only_in_the_country_merge_within_it():
    def only_country(country: str) -> Event:
        return ev(country=country, admin1="", admin2="", location="", latitude=None,
                  longitude=None, geonameid=None, geo_precision=3)

    d = merge_decision(only_country("Syria"), only_country("Syria"))
    assert d is not None and "both only in Syria" in d.explain()
    assert merge_decision(only_country("Syria"), only_country("Iraq")) is None
    # a report placed in a town is not the same place as one placed nowhere finer
    assert merge_decision(ev(), only_country("Syria")) is None


def test_family_and_actors_must_agree():
    protest = ev(event_type="Protests", sub_event_type="Peaceful protest")
    assert merge_decision(ev(), protest) is None
    assert merge_decision(ev(), ev(actor2="SDF: Syrian Democratic Forces")) is None
    assert merge_decision(ev(), ev(actor2="")) is not None  # one report names fewer actors
    assert merge_decision(ev(), ev(actor1="Unidentified Armed Group", actor2="")) is not None
    assert family_of("Battles", "Government regains territory") == "territory"
    assert merge_decision(ev(), ev(sub_event_type="Non-state actor overtakes territory")) is None


def test_fatalities_follow_acled_conservative_rule():
    assert conservative_fatalities([claim(32), claim(7)]) == 7
    assert conservative_fatalities([claim(quantifier="dozens"), claim(32)]) == 12
    assert figure_of(Count(quantifier="large numbers")) == 3  # vague counts small
    assert figure_of(Count(low=10, high=20)) == 10
    assert conservative_fatalities([Claim(None, None), claim(5)]) == 5  # no figure != zero
    assert conservative_fatalities([Claim(None, None)]) == 0
    assert is_contested([claim(32), claim(7)])
    assert not is_contested([claim(7), claim(7), Claim(None, None)])


# --- in the store (SQLite and PostgreSQL) -----------------------------------------------------
SF = "South Front report. On 2017-08-12 ISIS attacked SAA at Sukhna, killing 7."
AMAQ = "Amaq statement. On 2017-08-12 ISIS attacked SAA at Sukhna, killing 32, according to Amaq."
SANA = "SANA bulletin. On 2017-08-13 SAA shelled ISIS in Sukhna East, killing 5."


def test_five_outlets_one_event_five_claims(store):
    texts = [
        SF,
        AMAQ,
        SANA,
        "Wire. Heavy fighting east of Homs. On 2017-08-12 ISIS attacked SAA at Sukhna.",
        "Roundup of the day. On 2017-08-12 SAA attacked ISIS at Sukhna, killing 9.",
    ]
    outlets = ["South Front", "Amaq", "SANA", "AFP", "Reuters"]
    # Published a day apart in this order (the reports' canonical order), stored at once.
    store.add_results([result_of(t, o, published=f"2017-08-{14 + k}")
                       for k, (t, o) in enumerate(zip(texts, outlets, strict=True))])
    rows = store.events()
    assert len(rows) == 1
    e = rows[0]
    assert e["n_claims"] == 5 and e["n_articles"] == 5
    assert e["fatalities"] == 5 and e["fatalities_high"] == 32 and e["contested"] == 1
    assert e["source"] == "South Front; Amaq; SANA; AFP; Reuters"
    detail = store.event(e["event_id_cnty"])
    assert [c.claim["outlet"] for c in detail.claims] == outlets
    assert detail.claims[1].claim["claimant"] == "Amaq"
    assert detail.claims[1].evidence[0]["text"].startswith("On 2017-08-12 ISIS attacked")
    assert "Sukhna and Sukhna East" in detail.claims[2].claim["merge_reason"]
    assert len(detail.mentions) == 5 and all(m["event_id"] for m in detail.mentions)


def test_revised_toll_is_recorded_with_its_article(store):
    first = result_of(AMAQ, "Amaq")
    later = result_of(SF, "South Front")
    store.add_results([first])
    store.add_results([later])
    [e] = store.events()
    assert e["fatalities"] == 7
    changes = store.event(e["event_id_cnty"]).changes
    fields = [(c["field"], c["old_value"], c["new_value"], c["article_id"]) for c in changes]
    assert fields[0][0] == "created" and fields[0][3] == first.article.id
    assert ("fatalities", "32", "7", later.article.id) in fields
    assert ("contested", "0", "1", later.article.id) in fields
    assert any(f[0] == "claim" and f[3] == later.article.id for f in fields)


def test_different_incidents_stay_apart(store):
    other_place = "Report. On 2017-08-12 ISIS attacked SAA at Palmyra, killing 3."
    other_day = "Report. On 2017-08-20 ISIS attacked SAA at Sukhna, killing 3."
    other_type = "Report. On 2017-08-12 SAA recaptured Sukhna from ISIS."
    store.add_results([result_of(t) for t in (SF, other_place, other_day, other_type)])
    assert store.count() == 4


def test_one_articles_own_events_never_merge(store):
    two = (
        "Two fights. On 2017-08-12 ISIS attacked SAA at Sukhna."
        " On 2017-08-12 ISIS attacked SAA at Sukhna East."
    )
    store.add_results([result_of(two)])
    assert store.count() == 2
    store.add_results([result_of(SF, "AFP")])  # joins one of them, not both
    assert sorted(r["n_claims"] for r in store.events()) == [1, 2]


def test_more_precise_report_improves_the_event(store):
    vague = result_of("Vague. On 2017-08-12 ISIS attacked SAA at Sukhna, killing 7.")
    e = vague.events[0]
    e.time_precision, e.geo_precision, e.geonameid = 2, 2, None
    e.location, e.latitude, e.longitude = "Tadmur district", 34.7, 38.6
    store.add_results([vague])
    store.add_results([result_of(SF, "AFP")])
    [row] = store.events()
    assert row["location"] == "Sukhna" and row["geo_precision"] == 1 and row["time_precision"] == 1
    changed = {c["field"] for c in store.event(row["event_id_cnty"]).changes}
    assert {"location", "latitude", "geo_precision", "time_precision"} <= changed


def test_a_denial_is_stored_and_contests_the_event(store):
    result = result_of("Wire. On 2017-08-12 SAA shelled ISIS in Sukhna, killing 9.", "AFP")
    (event,) = result.events
    event.claims.append(Claim("Islamic State (Syria)", "armed group", denies=True,
                              evidence=list(event.evidence), article_id=result.article.id))
    event.contested = False  # the store decides from the claims it holds
    store.add_results([result])
    (row,) = store.events()
    assert row["contested"] == 1
    detail = store.event(row["event_id_cnty"])
    assert [c.claim["denies"] for c in detail.claims] == [False, True]
    assert is_contested([claim(9), Claim(None, None, denies=True)])
    assert not is_contested([claim(9), claim(9)])


def test_a_grown_toll_is_stored_and_replaces_earlier_figures(store):
    first = result_of("Wire. On 2017-08-12 ISIS attacked SAA at Sukhna, killing 7.", "AFP")
    later = result_of("Observatory update. On 2017-08-12 ISIS attacked SAA at Sukhna, killing "
                      "11.", "Reuters")
    (event,) = later.events
    event.claims = [Claim("SOHR", "monitor", fatalities=Count(value=11), updates=True,
                          evidence=list(event.evidence), article_id=later.article.id)]
    store.add_results([first])
    store.add_results([later])
    (row,) = store.events()
    assert row["fatalities"] == 11 and row["contested"] == 0
    detail = store.event(row["event_id_cnty"])
    assert sorted(c.claim["updates"] for c in detail.claims) == [False, True]
    updated = Claim("SOHR", "monitor", fatalities=Count(value=11), updates=True)
    assert conservative_fatalities([claim(7), updated]) == 11
    assert is_contested([claim(7), updated, Claim("SANA", None, fatalities=Count(value=14),
                                                  updates=True)])


def test_rival_accounts_of_the_victims_merge():
    """The side that struck says it hit fighters, the side hit says civilians: one incident."""
    idf = ev(event_type="Explosions/Remote violence", sub_event_type="Air/drone strike",
             actor1="Military Forces of Israel", actor2="Hamas Movement")
    ministry = ev(event_type="Violence against civilians", sub_event_type="Attack",
                  actor1="Military Forces of Israel", actor2="Civilians (Palestinian Territory)")
    d = merge_decision(idf, ministry)
    assert d is not None
    assert "kindred types" in d.explain() and "rival accounts" in d.explain()


def test_civilians_alone_do_not_join_other_actors():
    clash = ev(actor1="Islamic State (Iraq)", actor2="Military Forces of Iraq (2014-)")
    murder = ev(event_type="Violence against civilians", sub_event_type="Attack",
                actor1="Unidentified Armed Group (Iraq)", actor2="Civilians (Iraq)")
    assert merge_decision(clash, murder) is None
    other = ev(actor1="JNIM: Group for Support of Islam and Muslims", actor2="Civilians (Mali)")
    assert merge_decision(ev(actor1="Military Forces of Mali", actor2="Civilians (Mali)"),
                          other) is None


def test_one_place_spelled_two_ways_or_a_spot_in_it_merges():
    """Rival media transliterate a town their own way, or name a spot in it that the gazetteer
    does not know; the geocoder may then give two entries some way apart."""
    town = ev(location="Deir ez-Zor", geonameid=170794, latitude=35.336, longitude=40.141,
              country="Syria")
    other = ev(location="Dayr az Zawr", geonameid=170792, latitude=35.55, longitude=40.4,
               country="Syria")
    d = merge_decision(town, other)
    assert d is not None and "spelled alike" in d.explain()
    spot = ev(location="Deir ez-Zor military airport", geonameid=None, latitude=None,
              longitude=None, admin2="", country="Syria")
    d = merge_decision(town, spot)
    assert d is not None and "names a spot" in d.explain()
    elsewhere = ev(location="Mayadin", geonameid=None, latitude=None, longitude=None,
                   admin2="", country="Syria")
    assert merge_decision(town, elsewhere) is None
    # Spelled alike but far apart: namesakes, not one place.
    namesake = ev(location="Dayr az Zawr", geonameid=1, latitude=33.5, longitude=36.3,
                  country="Syria")
    assert merge_decision(town, namesake) is None


def test_two_sites_in_one_town_the_same_day_stay_apart():
    """The geocoder anchors each site to the town; named sites that differ are two incidents,
    while a report placed at the town itself may be either."""
    school = ev(location="al-Huda school", geo_precision=2)
    market = ev(location="Souk al-Hal", geo_precision=2)
    assert merge_decision(school, market) is None
    assert merge_decision(school, ev(location="Sukhna")) is not None  # the town, precision 1
    same = ev(location="Al Huda School compound", geo_precision=2)
    assert merge_decision(school, same) is not None


def test_an_account_naming_no_attacker_joins_one_naming_one_side():
    """'Shells hit the market, killing four' (no attacker) and 'our artillery destroyed a
    mortar position' (one side): one incident told by each side, when the spot and day agree;
    but not two named sides fighting, nor a day or a district away."""
    victims = ev(event_type="Violence against civilians", sub_event_type="Attack",
                 actor1="Unidentified Armed Group (Syria)", actor2="Civilians (Syria)")
    strike = ev(event_type="Explosions/Remote violence",
                sub_event_type="Shelling/artillery/missile attack",
                actor1="Military Forces of Syria (2000-)", actor2="")
    d = merge_decision(victims, strike)
    assert d is not None and "names no attacker" in d.explain()
    assert merge_decision(victims, ev(actor1="Islamic State (Syria)",
                                      actor2="Military Forces of Syria (2000-)")) is None
    assert merge_decision(victims, ev(event_type="Explosions/Remote violence",
                                      sub_event_type="Shelling/artillery/missile attack",
                                      actor1="Military Forces of Syria (2000-)", actor2="",
                                      event_date="2017-08-13")) is not None
    district = ev(event_type="Explosions/Remote violence",
                  sub_event_type="Shelling/artillery/missile attack",
                  actor1="Military Forces of Syria (2000-)", actor2="", geonameid=None,
                  location="Tadmur district", latitude=34.6, longitude=38.4, geo_precision=3)
    assert merge_decision(victims, district) is None


def test_one_account_names_the_target_the_other_the_attacker():
    """'Our artillery destroyed an ISIS position' read with no attacker, and 'army shells
    killed two children' naming the army: each side names the one the other leaves out."""
    target = ev(event_type="Explosions/Remote violence",
                sub_event_type="Shelling/artillery/missile attack",
                actor1="Unidentified Armed Group (Syria)", actor2="Islamic State (Syria)")
    attacker = ev(event_type="Violence against civilians", sub_event_type="Attack",
                  actor1="Military Forces of Syria (2000-)", actor2="Civilians (Syria)")
    d = merge_decision(target, attacker)
    assert d is not None and "names no attacker" in d.explain()
    # Not when the attacker's account names soldiers, not civilians, as its victims.
    assert merge_decision(target, ev(actor1="Military Forces of Syria (2000-)",
                                     actor2="Military Forces of Turkey")) is None


def test_an_attacker_of_civilians_attacked_by_another_is_another_act():
    """'A government air strike killed nine villagers' and 'rebel fighters shelled government
    troops': both name the government, as the attacker in one and the target in the other, so
    the two are not one incident told by rivals; the same actor as attacker in both is."""
    strike = ev(event_type="Violence against civilians", sub_event_type="Attack",
                actor1="Military Forces of Syria (2000-)", actor2="Civilians (Syria)")
    shelling = ev(event_type="Explosions/Remote violence",
                  sub_event_type="Shelling/artillery/missile attack",
                  actor1="Hayat Tahrir al-Sham", actor2="Military Forces of Syria (2000-)")
    assert merge_decision(strike, shelling) is None
    assert merge_decision(shelling, strike) is None
    rival = ev(event_type="Explosions/Remote violence", sub_event_type="Air/drone strike",
               actor1="Military Forces of Syria (2000-)", actor2="Hayat Tahrir al-Sham")
    assert merge_decision(strike, rival) is not None


def test_an_account_naming_only_the_attacker_joins_one_naming_only_the_target():
    """'Enemy aviation struck a deployment point of the 30th brigade' (the target alone) and
    'a bomb dropped by the air force hit an apartment block' (the attacker alone): one act,
    at one spot on one day; not when the attacker is the target, nor a day apart in a
    district."""
    target = ev(event_type="Explosions/Remote violence", sub_event_type="Air/drone strike",
                actor1="Unidentified Armed Group (Syria)", actor2="Islamic State (Syria)")
    attacker = ev(event_type="Explosions/Remote violence", sub_event_type="Air/drone strike",
                  actor1="Military Forces of Syria (2000-)", actor2="")
    d = merge_decision(target, attacker)
    assert d is not None and "no target" in d.explain()
    assert merge_decision(attacker, target) is not None
    itself = ev(event_type="Explosions/Remote violence", sub_event_type="Air/drone strike",
                actor1="Islamic State (Syria)", actor2="")
    assert merge_decision(target, itself) is not None  # compatible actors: one within the other
    district = ev(event_type="Explosions/Remote violence", sub_event_type="Air/drone strike",
                  actor1="Military Forces of Syria (2000-)", actor2="", geonameid=None,
                  location="Tadmur district", latitude=34.6, longitude=38.4, geo_precision=3,
                  event_date="2017-08-13")
    assert merge_decision(target, district) is None


def test_one_side_named_by_its_units_or_allies_merges():
    """'JNIM killed soldiers and VDP militiamen' and 'the army repelled a JNIM attack': the VDP
    fight for Burkina Faso's state, a brigade is its army's unit; a group of its own is not."""
    army = ev(country="Burkina Faso", actor1="Military Forces of Burkina Faso", actor2="")
    jnim = ev(country="Burkina Faso", actor1="JNIM: Group for Support of Islam and Muslims",
              actor2="VDP: Volunteers for the Defense of the Homeland")
    d = merge_decision(army, jnim)
    assert d is not None and "units or allies" in d.explain()
    other = ev(country="Burkina Faso", actor1="JNIM: Group for Support of Islam and Muslims",
               actor2="Dozo Communal Militia (Burkina Faso)")
    assert merge_decision(army, other) is None
    unit = ev(country="Israel", actor1="Golani Brigade", actor2="Hamas Movement")
    idf = ev(country="Israel", actor1="Military Forces of Israel", actor2="")
    assert merge_decision(unit, idf) is not None


def test_an_unnamed_attack_on_civilians_joins_a_named_strike_at_the_spot():
    """'Two fishermen were killed in an enemy raid' (no attacker read) and 'our aircraft
    struck a rebel boat' (a strike by one side on another): the side hit tells its dead, the
    side that struck its target. A clash of two named sides is still another act."""
    victims = ev(event_type="Violence against civilians", sub_event_type="Attack",
                 actor1="Unidentified Armed Group (Syria)", actor2="Civilians (Syria)")
    strike = ev(event_type="Explosions/Remote violence", sub_event_type="Air/drone strike",
                actor1="Military Forces of Russia (2000-)", actor2="Hayat Tahrir al-Sham")
    d = merge_decision(victims, strike)
    assert d is not None and "names no attacker" in d.explain()
    assert merge_decision(victims, ev(actor1="Military Forces of Russia (2000-)",
                                      actor2="Hayat Tahrir al-Sham")) is None  # a clash
    assert merge_decision(victims, ev(event_type="Explosions/Remote violence",
                                      sub_event_type="Air/drone strike",
                                      actor1="Military Forces of Russia (2000-)",
                                      actor2="Hayat Tahrir al-Sham", geonameid=None,
                                      location="Tadmur district", latitude=34.6,
                                      longitude=38.4, geo_precision=3)) is None  # elsewhere


def test_each_side_naming_only_the_enemy_tells_one_battle():
    """'The army repelled an attack by the militia' (read as the militia alone) and 'our
    forces foiled an army assault' (the army alone): each side names the other."""
    one = ev(actor1="Rapid Support Forces", actor2="", country="Sudan")
    other = ev(actor1="Military Forces of Sudan", actor2="", country="Sudan")
    d = merge_decision(one, other)
    assert d is not None and "one side of the fight" in d.explain()
    # not a strike told by one side, nor a report of that week days away
    assert merge_decision(ev(actor1="Rapid Support Forces", actor2="",
                             event_type="Explosions/Remote violence",
                             sub_event_type="Shelling/artillery/missile attack"), other) is None
    assert merge_decision(one, ev(actor1="Military Forces of Sudan", actor2="",
                                  event_date="2017-08-15", time_precision=2)) is None


def test_one_facility_named_with_different_kind_words_merges():
    """One side says 'the Amal hospital compound', the other 'Amal Medical Complex': the
    proper name and the kind of facility agree, the kind words differ. Another kind of
    facility of that name, or another hospital, stays apart."""
    one = ev(location="the Karama hospital compound", geo_precision=2, geonameid=None,
             latitude=None, longitude=None, admin2="")
    other = ev(location="Karama Medical Complex", geo_precision=2, geonameid=None,
               latitude=None, longitude=None, admin2="")
    d = merge_decision(one, other)
    assert d is not None and "one facility" in d.explain()
    school = ev(location="Karama school complex", geo_precision=2, geonameid=None,
                latitude=None, longitude=None, admin2="")
    assert merge_decision(one, school) is None
    another = ev(location="Salam Medical Complex", geo_precision=2, geonameid=None,
                 latitude=None, longitude=None, admin2="")
    assert merge_decision(one, another) is None
