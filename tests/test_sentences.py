"""Sentence splitting on text as it is scraped: glued full stops, one-line items, titles."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from frontwatch.extraction.sentences import split_sentences


def texts(text: str) -> list[str]:
    return [s.text for s in split_sentences(text)]


def test_a_full_stop_without_a_space_still_ends_the_sentence():
    text = "Government forces took the town, according to pro-government sources.Al-Shula was next."
    assert texts(text) == [
        "Government forces took the town, according to pro-government sources.",
        "Al-Shula was next.",
    ]


def test_abbreviations_and_domains_are_no_boundary():
    assert texts("The U.S.Army said so. See voanews.com today.") == [
        "The U.S.Army said so.",
        "See voanews.com today.",
    ]


def test_a_one_line_item_is_no_headline():
    (only,) = split_sentences("US warplanes pounded the village of Hajin, killing 6 civilians")
    assert not only.headline


def test_a_title_above_a_body_is_a_headline():
    sents = split_sentences("Militants kill 6 in Hajin\n\nMilitants killed six people on Monday.")
    assert [s.headline for s in sents] == [True, False]


def test_a_one_paragraph_text_has_no_headline():
    sents = split_sentences("Gunmen killed 12 in Zamfara on Sunday. Police said it.")
    assert not any(s.headline for s in sents)


# Sentences ending in a word that is no abbreviation ("no.", "st." do not end sentences).
SENTENCE = st.from_regex(r"[A-Z][a-z]{2,8}( [a-z]{2,8}){0,5} [a-z]{5,8}", fullmatch=True)


@given(st.lists(SENTENCE, min_size=1, max_size=6))
def test_glued_or_spaced_sentences_split_the_same(words: list[str]):
    spaced = " ".join(w + "." for w in words)
    glued = "".join(w + "." for w in words)
    assert len(texts(spaced)) == len(texts(glued)) == len(words)


def test_offsets_index_the_text():
    text = "Title line\n\nFirst one.Second one. Third one!"
    for s in split_sentences(text):
        assert text[s.start : s.end] == s.text


def test_a_hard_wrapped_sentence_is_one_sentence():
    text = ("KABUL, Afghanistan —\nAt 7:32 p.m. local time\ntoday, U.S. forces conducted a "
            "strike on an Islamic State of Iraq\nand Syria-Khorasan tunnel complex in Achin "
            "district, Nangarhar province,\nAfghanistan, the command said. The group is made "
            "up of former members of the Afghan\nTaliban.\nNo civilians were hurt.")
    sents = split_sentences(text)
    assert [s.text for s in sents] == [
        "KABUL, Afghanistan —",
        "At 7:32 p.m. local time today, U.S. forces conducted a strike on an Islamic State of "
        "Iraq and Syria-Khorasan tunnel complex in Achin district, Nangarhar province, "
        "Afghanistan, the command said.",
        "The group is made up of former members of the Afghan Taliban.",
        "No civilians were hurt.",
    ]
    # the wrap is read as a space, so every sentence still indexes the text as written
    assert all(len(s.text) == s.end - s.start for s in sents)


def test_lines_of_a_list_or_after_a_stop_stay_apart():
    text = ("Clashes were reported in:\nKunduz city\nBaghlan province\n"
            "The army said it held the roads.\nresidents fled overnight.")
    assert texts(text) == ["Clashes were reported in:", "Kunduz city", "Baghlan province",
                           "The army said it held the roads.", "residents fled overnight."]


def test_an_acronym_glued_to_the_next_sentence_ends_it():
    assert texts("Attacks constitute war crimes under IHL.During the night, shelling went on.") \
        == ["Attacks constitute war crimes under IHL.", "During the night, shelling went on."]
    assert texts("The UNHCR.Another report.") == ["The UNHCR.", "Another report."]
    assert texts("In the U.S.A.The end.") == ["In the U.S.A.The end."]  # initials, no stop


def test_a_saved_pages_title_after_its_furniture_is_a_headline():
    text = ("Accessibility links\n\nBreaking News\n\n"
            "Belarus Arrests Protesters, Cracks Down on Opposition\n\n\n"
            "Belarus Arrests Protesters, Cracks Down on Opposition\nplease wait\n\n"
            "After more than two weeks of street protests in Belarus, police arrested at "
            "least 50 protesters on Wednesday.\n")
    heads = [s.text for s in split_sentences(text) if s.headline]
    assert "Belarus Arrests Protesters, Cracks Down on Opposition" in heads
    assert not any(h.startswith("After more") for h in heads)
    # a line said once below the first paragraph is no title
    once = "Accessibility links\n\nBreaking News\n\nArmy Retakes Town In North\n\nThe army said.\n"
    assert [s.text for s in split_sentences(once) if s.headline] == ["Accessibility links"]


@pytest.mark.parametrize("furniture", [
    "Updated 3 hours ago",
    "By Maria Lopez, El Nacional",
    "(Translated from El Nacional, Caracas)",
    "Reporting by Ahmed Hassan; editing by John Smith",
    "WORLD | AFRICA",
])
def test_the_title_below_a_pages_furniture_is_the_headline(furniture):
    text = (f"{furniture}\n\nGunmen kill 12 in Borno village\n\nGunmen attacked the village of "
            "Kukawa on Saturday, killing 12 farmers, residents said.")
    heads = [s.text for s in split_sentences(text, None) if s.headline]
    assert heads == ["Gunmen kill 12 in Borno village"]


def test_a_first_line_that_only_looks_like_furniture_is_the_title():
    text = "By the end of the day\n\nTwelve were dead, police said."
    assert [s.headline for s in split_sentences(text, None)] == [True, False]
