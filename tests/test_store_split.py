"""Splitting an event the merge rule got wrong, and joining it back: through the real CLI, kept
through later regroups in any order, and undone exactly."""

from __future__ import annotations

from store_support import dump, result_of, run_here

pytest_plugins = ["store_fixtures"]  # the store, db_url and backend fixtures

# Three outlets tell "one" incident at Sukhna; the user finds SANA's is another one.
SF = "South Front report. On 2017-08-12 ISIS attacked SAA at Sukhna, killing 7."
AMAQ = "Amaq statement. On 2017-08-12 ISIS attacked SAA at Sukhna, killing 32, according to Amaq."
SANA = "SANA bulletin. On 2017-08-13 SAA shelled ISIS in Sukhna East, killing 5."
# Arrives after the split and could link the two events again.
LATER = "Evening wire. On 2017-08-12 SAA shelled ISIS in Sukhna, killing 4."


def events_by_outlets(store) -> list[tuple[str, ...]]:
    out = []
    for e in store.events():
        detail = store.event(e["event_id_cnty"])
        out.append(tuple(sorted(c.claim["outlet"] for c in detail.claims)))
    return sorted(out)


def ingest(store, texts: list[tuple[str, str, str]]) -> None:
    store.add_results([result_of(t, o, published=p) for t, o, p in texts])


def test_split_keeps_reports_apart_through_later_regroups_and_join_undoes_it(
        store, db_url, monkeypatch):
    ingest(store, [(SF, "South Front", "2017-08-14"), (AMAQ, "Amaq", "2017-08-15"),
                   (SANA, "SANA", "2017-08-16")])
    assert events_by_outlets(store) == [("Amaq", "SANA", "South Front")]
    merged = dump(db_url)
    event_id = store.events()[0]["event_id_cnty"]
    sana = next(c.claim["article_id"] for c in store.event(event_id).claims
                if c.claim["outlet"] == "SANA")

    done = run_here(["split-event", event_id, "--article", sana[:8], "--db", db_url], monkeypatch)
    assert done.returncode == 0, done.stderr
    assert events_by_outlets(store) == [("Amaq", "South Front"), ("SANA",)]
    # The event that keeps the anchor says why SANA's report is no longer in it.
    history = store.event(event_id).changes
    assert any(ch["field"] == "split" and "split-event" in ch["reason"] for ch in history)

    # A later report that fits both does not bring them back together.
    ingest(store, [(LATER, "AFP", "2017-08-17")])
    groups = events_by_outlets(store)
    assert ("SANA",) in groups or ("AFP", "SANA") in groups
    assert all(not ({"SANA", "Amaq"} <= set(g)) for g in groups)

    # Joining back lets the rule decide again: one event, as before the split.
    after = {e["event_id_cnty"] for e in store.events()}
    done = run_here(["join-events", *sorted(after), "--db", db_url], monkeypatch)
    assert done.returncode == 0, done.stderr
    assert events_by_outlets(store) == [("AFP", "Amaq", "SANA", "South Front")]
    assert len(merged["events"]) == 1


def test_a_split_is_the_same_whatever_the_order_reports_arrive_in(tmp_path, monkeypatch):
    """After a split, SANA's report leaves the store and comes back before or after another
    report that fits both sides: the same events either way, Amaq still apart."""
    from frontwatch.store import open_store
    from frontwatch.store.articles import delete_article

    sana, later = (SANA, "SANA", "2017-08-16"), (LATER, "AFP", "2017-08-17")
    seen = {}
    for name, rest in {"forward": [sana, later], "reversed": [later, sana]}.items():
        url = f"sqlite:///{tmp_path / (name + '.db')}"
        with open_store(url) as store:
            ingest(store, [(SF, "South Front", "2017-08-14"), (AMAQ, "Amaq", "2017-08-15"),
                           sana])
            event_id = store.events()[0]["event_id_cnty"]
            amaq = next(c.claim["article_id"] for c in store.event(event_id).claims
                        if c.claim["outlet"] == "Amaq")
            assert run_here(["split-event", event_id, "-a", amaq, "--db", url],
                       monkeypatch).returncode == 0
            with store.batch():
                delete_article(store.writer, result_of(*sana).article.id)
            for item in rest:
                ingest(store, [item])
            seen[name] = events_by_outlets(store)
    assert seen["forward"] == seen["reversed"]
    assert all(not ({"Amaq", "South Front"} <= set(g)) for g in seen["forward"])


def test_split_refuses_what_it_cannot_do(store, db_url, monkeypatch):
    ingest(store, [(SF, "South Front", "2017-08-14"), (AMAQ, "Amaq", "2017-08-15")])
    event_id = store.events()[0]["event_id_cnty"]
    ids = [c.claim["article_id"] for c in store.event(event_id).claims]
    everyone = run_here(["split-event", event_id, "-a", ids[0], "-a", ids[1], "--db", db_url],
                   monkeypatch)
    assert everyone.returncode == 1 and "nothing to split from" in everyone.stderr
    stranger = run_here(["split-event", event_id, "-a", "ffffffffffff", "--db", db_url],
                        monkeypatch)
    assert stranger.returncode == 1 and "holds no report" in stranger.stderr
    nothing = run_here(["join-events", event_id, event_id, "--db", db_url], monkeypatch)
    assert nothing.returncode == 1 and "two or more" in nothing.stderr
    assert len(store.events()) == 1
