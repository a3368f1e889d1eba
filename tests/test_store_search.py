"""The words filter (`q`, `frontwatch events --q`) from the full-text index (migration 7), on
SQLite and PostgreSQL: prefixes, every word, punctuation that must never be search syntax,
the index in step with deleted and re-derived events, and existing stores backfilled."""

from __future__ import annotations

import re

import pytest

from frontwatch.store import EventFilter, open_store
from frontwatch.store import migrations as migrations_module
from frontwatch.store.articles import delete_article
from frontwatch.store.migrations import current_version
from frontwatch.store.schema import LATEST, MIGRATIONS, SEARCH_COLUMNS
from store_support import result_of
from test_store_ingest import run_here

pytest_plugins = ["store_fixtures"]  # the store, db_url and backend fixtures

AMAQ = "Report one. On 2017-08-12 ISIS attacked SAA at Sukhna, killing 7, according to Amaq."
SANA = ("Army repels attack. On 2017-08-12 ISIS attacked SAA at Sukhna, killing 2, according"
        " to SANA. On 2017-08-13 SAA shelled ISIS in Maadan.")
OTHERS = [
    ("On 2017-08-20 SDF took over Ghanim Ali.", "SOHR"),
    ("On 2017-08-25 Tribal fighters attacked SDF at Palmyra.", "SOHR"),
    ("On 2017-08-05 SAA shelled ISIS in Bir Rahum.", "Step News"),
]


def _ids(store, q: str | None) -> list[str]:
    return [e["event_id_cnty"] for e in store.events(EventFilter(text=q))]


def _tokens(row: dict) -> list[str]:
    """The searched columns, one after the other, cut into lower-case words as both servers'
    tokenizers cut them."""
    return re.findall(r"[^\W_]+", " ".join(row[c] or "" for c in SEARCH_COLUMNS).lower())


def _holds(toks: list[str], word: str) -> bool:
    """The word's tokens in a row, in order, the last one as a prefix."""
    want = re.findall(r"[^\W_]+", word.lower())
    for i in range(len(toks) - len(want) + 1):
        head, last = toks[i:i + len(want) - 1], toks[i + len(want) - 1]
        if head == want[:-1] and last.startswith(want[-1]):
            return True
    return False


def expected(store, q: str) -> list[str]:
    """What the words filter means, computed from the rows themselves."""
    words = [w for w in q.split() if any(ch.isalnum() for ch in w)]
    return [e["event_id_cnty"] for e in store.events()
            if all(_holds(_tokens(e), w) for w in words)]


@pytest.fixture
def filled(store):
    store.add_results([result_of(AMAQ, "Amaq", "2017-08-21"), result_of(SANA, "SANA", "2017-08-22")]
                      + [result_of(t, o, f"2017-08-{23 + k}") for k, (t, o) in enumerate(OTHERS)])
    return store


@pytest.mark.parametrize("q", [
    "Sukhna", "sukh", "SUKHNA", "Palm", "Sukhna Amaq", "Amaq SANA", "Sukhna Palmyra",
    "Ar-Raqqah", "ar-raqq", "Raqqah-Ar", "Homs-Ar", "raqqah", "Bir-Rah", "Syria",
    "Step News", "SDF", "Tribal Palmyra", "zzznothing",
])
def test_every_word_starts_a_word_of_the_searched_columns(filled, q):
    found = _ids(filled, q)
    assert found == expected(filled, q)


def test_prefix_case_and_every_word(filled):
    sukhna = _ids(filled, "Sukhna")
    assert len(sukhna) == 1
    assert _ids(filled, "sUKh") == sukhna  # a prefix, any case
    assert _ids(filled, "Sukhna Amaq") == sukhna  # the place and a source
    assert _ids(filled, "Sukhna Palmyra") == []  # both words must appear
    assert _ids(filled, "ukhna") == []  # a word's start, not any part of it
    # A word with punctuation inside is a phrase: Maadan, Ghanim Ali and Bir Rahum lie in
    # the governorate "Ar-Raqqah".
    assert len(_ids(filled, "Ar-Raqq")) == 3 == len(_ids(filled, "ar raqqah"))
    assert _ids(filled, "Homs-Ar") == []


@pytest.mark.parametrize("q", [
    '"', "*", "'", "OR", "NEAR(", "NEAR(Sukhna Amaq)", 'Sukhna"', '"Sukhna', "Sukhna OR Palmyra",
    "Sukhna AND NOT Amaq", "notes:Sukhna", "^Sukhna", "Sukhna*", "(Sukhna", "Sukhna)", "-Sukhna",
    "+Sukhna", "Sukhna'; DROP TABLE events; --", "%", "_", "\\", "Sukh\x00na", "{}", "a:b:c",
    "''''", '""""', "Sukhna ' Amaq", "Sukhna NEAR(",
])
def test_punctuation_and_syntax_are_plain_words(filled, q):
    """Nothing a user types is read as search syntax or breaks the query: each word is
    looked for as words (its punctuation separating them), punctuation alone is ignored."""
    assert _ids(filled, q) == expected(filled, q.replace("\x00", " "))
    assert filled.count(EventFilter(text=q)) == len(expected(filled, q.replace("\x00", " ")))


def test_punctuation_alone_filters_nothing(filled):
    everything = _ids(filled, None)
    for q in ['"', "* ' -", ";", "()"]:
        assert _ids(filled, q) == everything


def test_the_index_follows_deleted_and_re_derived_events(store):
    a, b = result_of(AMAQ, "Amaq", "2017-08-13"), result_of(SANA, "SANA", "2017-08-14")
    store.add_results([a])
    assert _ids(store, "SANA") == [] and len(_ids(store, "Sukhna Amaq")) == 1
    store.add_results([b])
    # SANA's report joined the Sukhna event (its sources were rewritten) and told Maadan.
    assert len(_ids(store, "Sukhna SANA")) == 1
    assert len(_ids(store, "Maadan")) == 1
    with store.batch():
        delete_article(store.writer, b.article.id)
    assert _ids(store, "Maadan") == []  # its event is gone
    assert _ids(store, "SANA") == []  # the Sukhna event's sources no longer name it
    assert len(_ids(store, "Sukhna Amaq")) == 1
    with store.batch():
        delete_article(store.writer, a.article.id)
    assert store.count() == 0 and _ids(store, "Sukhna") == []
    store.add_results([b])  # stored again: found again
    assert len(_ids(store, "Maadan")) == 1 and len(_ids(store, "Sukhna SANA")) == 1


def test_an_existing_store_is_indexed_by_the_migration(db_url, monkeypatch):
    """A store written before migration 7 finds its events by words once upgraded."""
    monkeypatch.setattr(migrations_module, "MIGRATIONS", MIGRATIONS[:6])
    old = open_store(db_url)
    old.add_results([result_of(AMAQ, "Amaq", "2017-08-21"), result_of(SANA, "SANA", "2017-08-22")])
    assert current_version(old.db) == 6
    old.close()
    monkeypatch.setattr(migrations_module, "MIGRATIONS", MIGRATIONS)
    s = open_store(db_url)
    try:
        assert current_version(s.db) == LATEST
        assert len(_ids(s, "Maadan")) == 1
        assert len(_ids(s, "Sukhna amaq sana")) == 1
        assert _ids(s, "sukh") == expected(s, "sukh") != []
        # Written after the upgrade: the index keeps up.
        s.add_results([result_of(OTHERS[1][0], "SOHR", "2017-08-23")])
        assert len(_ids(s, "Palmyra tribal")) == 1
    finally:
        s.close()


def test_events_command_takes_words(filled, db_url, monkeypatch):
    out = run_here(["events", "--db", db_url, "--q", "sukh amaq", "--count"], monkeypatch)
    assert out.returncode == 0 and out.stdout.strip() == "1"
    out = run_here(["events", "--db", db_url, "--q", 'NEAR( "', "--count"], monkeypatch)
    assert out.returncode == 0 and out.stdout.strip() == "0"  # "near" is a word, found nowhere
    out = run_here(["events", "--db", db_url, "--q", '( " *', "--count"], monkeypatch)
    assert out.returncode == 0 and out.stdout.strip() == str(filled.count())


def _actor_expected(store, text: str) -> list[str]:
    """Events where actor 1, 2 or an associated actor holds the text (or a name it is an
    alias of) from a word's start, any case."""
    from frontwatch.store.query import actor_names

    def starts_a_word(column: str, name: str) -> bool:
        col, name = column.lower(), name.lower()
        return any(i == 0 or not col[i - 1].isalnum()
                   for i in range(len(col)) if col.startswith(name, i))

    names = actor_names(text)
    return [e["event_id_cnty"] for e in store.events()
            if any(starts_a_word(e[c] or "", n) for n in names
                   for c in ("actor1", "actor2", "assoc_actor_1", "assoc_actor_2"))]


@pytest.mark.parametrize("actor", [
    "SDF", "sdf: syrian", "Syrian Dem", "syrian democratic forces", "Tribal", "isis",
    "Islamic State", "Military Forces of Syria (2000-)", "emocratic", "Syria", "(Syria)",
    "Amaq", "Forces", "zzz",
])
def test_actor_is_found_from_a_word_start_through_the_index(filled, actor):
    """The actor filter narrows with the full-text index, then checks the actor columns."""
    found = [e["event_id_cnty"] for e in filled.events(EventFilter(actor=actor))]
    assert found == _actor_expected(filled, actor)
    assert filled.count(EventFilter(actor=actor)) == len(found)
