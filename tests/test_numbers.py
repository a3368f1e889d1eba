"""Number phrases from conflict prose -> Count, and ACLED's conservative fatality figure."""

from __future__ import annotations

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from frontwatch.extraction.numbers import count_to_fatalities, find_counts, parse_count
from frontwatch.model import Count

num2words = pytest.importorskip("num2words").num2words


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("32", Count(value=32)),
        ("1,200", Count(value=1200)),
        ("seven", Count(value=7)),
        ("Seven", Count(value=7)),
        ("twenty-one", Count(value=21)),
        ("twenty one", Count(value=21)),
        ("two hundred", Count(value=200)),
        ("a hundred", Count(value=100)),
        ("one hundred and five", Count(value=105)),
        ("a dozen", Count(value=12)),
        ("two dozen", Count(value=24)),
        ("half a dozen", Count(value=6)),
        ("1.5 million", Count(value=1_500_000)),
        ("3,000", Count(value=3000)),
        ("at least 32", Count(value=32, low=32, approximate=True)),
        ("over 30", Count(value=30, low=30, approximate=True)),
        ("more than 30", Count(value=30, low=30, approximate=True)),
        ("more than a dozen", Count(value=12, low=12, approximate=True)),
        ("no fewer than 8", Count(value=8, low=8, approximate=True)),
        ("30 or more", Count(value=30, low=30, approximate=True)),
        ("40+", Count(value=40, low=40, approximate=True)),
        ("nearly 40", Count(value=40, high=40, approximate=True)),
        ("almost 40", Count(value=40, high=40, approximate=True)),
        ("up to 15", Count(value=15, high=15, approximate=True)),
        ("as many as 15", Count(value=15, high=15, approximate=True)),
        ("about 50", Count(value=50, approximate=True)),
        ("some 20", Count(value=20, approximate=True)),
        ("around 20", Count(value=20, approximate=True)),
        ("an estimated 300", Count(value=300, approximate=True)),
        ("roughly 25", Count(value=25, approximate=True)),
        ("30-odd", Count(value=30, approximate=True)),
        ("20 or so", Count(value=20, approximate=True)),
        ("10 to 15", Count(low=10, high=15)),
        ("10-15", Count(low=10, high=15)),
        ("10–15", Count(low=10, high=15)),
        ("between 10 and 15", Count(low=10, high=15)),
        ("between ten and fifteen", Count(low=10, high=15)),
        ("two or three", Count(low=2, high=3)),
        ("fifteen to twenty", Count(low=15, high=20)),
        ("ten-fifteen", Count(low=10, high=15)),
        ("dozens", Count(low=12, quantifier="dozens", approximate=True)),
        ("tens of", Count(low=10, quantifier="tens", approximate=True)),
        ("scores of", Count(low=20, quantifier="scores", approximate=True)),
        ("hundreds", Count(low=100, quantifier="hundreds", approximate=True)),
        ("thousands", Count(low=1000, quantifier="thousands", approximate=True)),
        ("tens of thousands", Count(low=10_000, quantifier="tens of thousands", approximate=True)),
        ("several hundred", Count(low=300, quantifier="several hundred", approximate=True)),
        ("several", Count(low=3, quantifier="several", approximate=True)),
        ("a number of", Count(low=3, quantifier="a number of", approximate=True)),
        ("a few", Count(low=3, quantifier="a few", approximate=True)),
        ("some", Count(low=3, quantifier="some", approximate=True)),
        ("many", Count(low=10, quantifier="many", approximate=True)),
        ("large numbers", Count(low=10, quantifier="large numbers", approximate=True)),
        ("an unknown number of", Count(low=3, quantifier="an unknown number", approximate=True)),
    ],
)
def test_parse_count(phrase: str, expected: Count) -> None:
    assert parse_count(phrase) == expected


@pytest.mark.parametrize("phrase", ["", "   ", "no casualties", "the first", "T-72", "122mm"])
def test_parse_count_none(phrase: str) -> None:
    assert parse_count(phrase) is None


def test_parse_count_lone_year_like_number_is_a_number() -> None:
    # The caller says this is a count; only find_counts has the context to call it a year.
    assert parse_count("2017") == Count(value=2017)


@pytest.mark.parametrize(
    ("phrase", "fatalities"),
    [
        ("at least 32", 32),
        ("over 30", 30),
        ("more than 30", 30),
        ("nearly 40", 40),
        ("up to 15", 15),
        ("10 to 15", 10),
        ("between 10 and 15", 10),
        ("dozens", 12),
        ("tens of", 10),
        ("hundreds", 100),
        ("several", 3),
        ("a few", 3),
        ("many", 10),
        ("large numbers", 10),
        ("a dozen", 12),
        ("several dozen", 36),
    ],
)
def test_count_to_fatalities(phrase: str, fatalities: int) -> None:
    c = parse_count(phrase)
    assert c is not None
    assert count_to_fatalities(c) == fatalities
    assert c.conservative() == fatalities  # the model's reading agrees with ACLED's


def test_count_to_fatalities_scale_override_and_none() -> None:
    several = parse_count("several")
    many = parse_count("many")
    assert several is not None and many is not None
    assert count_to_fatalities(several, large_scale=True) == 10
    assert count_to_fatalities(many, large_scale=False) == 3
    # The override is for the 3-or-10 words only; "dozens" stays 12.
    dozens = parse_count("dozens")
    assert dozens is not None and count_to_fatalities(dozens, large_scale=True) == 12
    assert count_to_fatalities(None) == 0
    assert count_to_fatalities(Count()) == 0


def spans(text: str) -> list[str]:
    return [text[s:e] for s, e, _ in find_counts(text)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("At least 32 people were killed in the attack.", ["At least 32"]),
        ("Twenty-one soldiers died and dozens were wounded.", ["Twenty-one", "dozens"]),
        ("The strike killed between 10 and 15 civilians.", ["between 10 and 15"]),
        ("In 2017, government forces retook the town.", []),
        ("On August 12, rebels attacked the base.", []),
        ("On 12 August 2017 two soldiers were killed.", ["two"]),
        ("The clash began at 10:30 and ended by 4 p.m.", []),
        ("Shelling hit a village 40 km north of Aleppo.", []),
        ("The convoy was ambushed 21km from the border.", []),
        ("A Mi-35 helicopter and two T-72 tanks were destroyed.", ["two"]),
        ("BM-21 rockets and 122mm shells hit the town.", []),
        ("Fighters fired 5.56 rounds.", []),
        ("It was the first attack on the town.", []),
        ("The 93rd Brigade lost 7 men.", ["7"]),
        ("A 9-year-old boy was among the three dead.", ["three"]),
        ("Fighting lasted 3 days and killed 12.", ["12"]),
        ("Troops moved along Route 5 and Highway 4.", []),
        ("The fighting displaced 1.5 million people.", ["1.5 million"]),
        ("The army said 30-odd militants were killed.", ["30-odd"]),
        ("Many times, several days in a row, the town was shelled.", []),
        ("No one was killed, but one soldier was wounded.", ["one"]),
        ("The attack came at 0400 GMT.", []),
        ("Casualties rose 20 percent over the year.", []),
        ("The United Nations Security Council adopted Resolution 2254.", []),
        ("Witnesses said some 20 fighters and several civilians died.", ["some 20", "several"]),
        ("An air strike killed up to 15 people on 12-13 August.", ["up to 15"]),
        ("Hundreds of thousands fled; tens of people died.", ["Hundreds of thousands", "tens"]),
        ("The group captured a number of soldiers.", ["a number of"]),
        ("Violence between 5 and 7 July killed four people.", ["four"]),
        ("Clashes on July 5 and 6 in Luuq killed 3.", ["3"]),
        ("On July 5 and 12 soldiers were killed.", ["12"]),  # a count, not a second day
    ],
)
def test_find_counts(sentence: str, expected: list[str]) -> None:
    assert spans(sentence) == expected


def test_find_counts_offsets_and_values() -> None:
    text = "Officials said more than 30 died and 10-15 were hurt."
    found = find_counts(text)
    assert [(text[s:e], c) for s, e, c in found] == [
        ("more than 30", Count(value=30, low=30, approximate=True)),
        ("10-15", Count(low=10, high=15)),
    ]


def test_find_counts_year_like_numbers() -> None:
    assert spans("At least 2000 people fled.") == ["At least 2000"]
    assert spans("Between 500 and 2000 people fled.") == ["Between 500 and 2000"]
    assert spans("The war lasted from 2015 to 2017.") == []


# --- properties -------------------------------------------------------------------------


@given(st.integers(min_value=1, max_value=999_999_999))
def test_num2words_round_trip(n: int) -> None:
    words = num2words(n)
    assert parse_count(words) == Count(value=n), words
    assert parse_count(words.capitalize()) == Count(value=n)


@given(st.integers(min_value=1, max_value=9_999_999))
def test_digits_round_trip(n: int) -> None:
    assert parse_count(str(n)) == Count(value=n)
    assert parse_count(f"{n:,}") == Count(value=n)


@given(st.integers(min_value=1, max_value=99_999), st.sampled_from(["at least", "over", "about"]))
def test_modified_numbers_keep_the_reported_figure(n: int, mod: str) -> None:
    c = parse_count(f"{mod} {n}")
    assert c is not None and c.value == n and c.approximate
    assert count_to_fatalities(c) == n


@given(
    st.integers(min_value=1, max_value=10_000),
    st.integers(min_value=1, max_value=10_000),
    st.sampled_from(["{a} to {b}", "{a}-{b}", "between {a} and {b}", "{a} or {b}"]),
    st.booleans(),
)
def test_ranges_are_ordered(a: int, b: int, template: str, words: bool) -> None:
    if words:
        ra, rb = num2words(a), num2words(b)
    else:
        ra, rb = str(a), str(b)
    # Two year-like numbers ("from 2015 to 2017") are a span of years, not a count.
    assume(words or not (1800 <= a <= 2100 and 1800 <= b <= 2100))
    # "seventy-one" is 71, not 70..1: a hyphen between words is a compound, not a range.
    assume(not (words and template == "{a}-{b}"))
    # "between five thousand and one hundred and one" is ambiguous English: we split at the
    # last "and", so the upper number must not itself contain one.
    assume(not (words and template.startswith("between") and " and " in rb))
    c = parse_count(template.format(a=ra, b=rb))
    assert c is not None
    assert c.low is not None and c.high is not None
    assert c.low <= c.high
    assert (c.low, c.high) == tuple(sorted((a, b)))
    assert count_to_fatalities(c) == min(a, b)


@settings(max_examples=300)
@given(st.text())
def test_never_raises_on_arbitrary_text(text: str) -> None:
    c = parse_count(text)
    assert c is None or isinstance(c, Count)
    for s, e, found in find_counts(text):
        assert 0 <= s < e <= len(text)
        assert count_to_fatalities(found) >= 0
        if found.low is not None and found.high is not None:
            assert found.low <= found.high


_WORDS = [
    "killed",
    "at",
    "least",
    "over",
    "km",
    "Mi-35",
    "August",
    "12",
    "2017",
    "dozens",
    "of",
    "ten",
    "-",
    "to",
    "between",
    "and",
    "a",
    "dozen",
    "5.56",
    "people",
    "some",
]


@given(st.lists(st.sampled_from(_WORDS), max_size=12))
def test_find_counts_spans_are_ordered_and_disjoint(words: list[str]) -> None:
    text = " ".join(words)
    found = find_counts(text)
    for (s1, e1, _), (s2, _e2, _) in zip(found, found[1:], strict=False):
        assert e1 <= s2 and s1 < e1


def test_both_counts_two_only_before_a_plural():
    from frontwatch.extraction.numbers import find_counts

    [(s, e, c)] = find_counts("Both gunmen were shot dead by the guards.")
    assert c.value == 2 and (s, e) == (0, 4)
    assert find_counts("both the police and the army") == []
