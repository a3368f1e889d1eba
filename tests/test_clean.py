"""Boilerplate removal: donation appeals, disclaimers, share prompts and related-links lists are
dropped; reporting is kept; kept ranges index the original text."""

from __future__ import annotations

from pathlib import Path

import pytest

from frontwatch.clean import (
    NOTHING_KEPT,
    boilerplate_paragraphs,
    kept_ranges,
    load_rules,
    mark_boilerplate,
)
from frontwatch.pipeline import make_article

FIXTURES = Path(__file__).parent / "fixtures"
SEED = Path(__file__).resolve().parents[2] / "shared" / "seed" / "isis-retreat-syria-2017-08.txt"


def _kept_text(text: str) -> str:
    return "\n".join(text[s:e] for s, e in kept_ranges(text))


def _lines(name: str) -> list[str]:
    return [ln for ln in (FIXTURES / name).read_text("utf-8").splitlines() if ln.strip()]


@pytest.mark.parametrize("line", _lines("boilerplate_lines.txt"))
def test_each_boilerplate_line_is_dropped(line: str) -> None:
    text = "Four soldiers were killed near Palmyra on Sunday, the ministry said.\n\n" + line
    assert [text[s:e] for s, e, _ in boilerplate_paragraphs(text)] == [line]


@pytest.mark.parametrize("line", _lines("reporting_lines.txt"))
def test_reporting_that_shares_words_with_boilerplate_is_kept(line: str) -> None:
    assert boilerplate_paragraphs(line) == []
    assert kept_ranges(line) == [(0, len(line))]


def test_related_list_is_dropped_up_to_the_next_prose_paragraph() -> None:
    text = (FIXTURES / "related_list_after_report.txt").read_text("utf-8")
    kept = _kept_text(text)
    assert "A car bomb exploded in a crowded market" in kept
    assert "Local councils in the area are run by Turkish-backed" in kept
    for dropped in (
        "Related articles",
        "Syrian army retakes three villages",
        "Turkish drone strike kills two commanders",
        "Ten killed as shelling hits",
        "https://example.org",
        "Share this story",
    ):
        assert dropped not in kept


def test_kept_ranges_index_the_original_text() -> None:
    text = "Intro line.\r\nShare this article\n\n  Second report paragraph.  \n© 2019 X"
    ranges = kept_ranges(text)
    assert [text[s:e] for s, e in ranges] == ["Intro line.", "Second report paragraph."]


def test_consecutive_kept_paragraphs_merge_into_one_range() -> None:
    text = "First paragraph.\n\nSecond paragraph.\nShare this\nThird."
    assert kept_ranges(text) == [(0, 35), (47, 53)]


def test_all_boilerplate_keeps_nothing_not_everything() -> None:
    text = "Share this article\n© 2020 Example. All rights reserved."
    assert kept_ranges(text) == NOTHING_KEPT
    article = mark_boilerplate(make_article(text))
    assert article.kept == [(0, 0)]


def test_patterns_load_from_a_user_file(tmp_path: Path) -> None:
    rules_file = tmp_path / "rules.yaml"
    rules_file.write_text(
        "patterns:\n  - name: house ad\n    pattern: '^advertisement$'\n", encoding="utf-8"
    )
    rules = load_rules(rules_file)
    assert boilerplate_paragraphs("News.\nAdvertisement\nShare this", rules) == [
        (6, 19, "house ad")
    ]


def test_seed_article_boilerplate_is_excluded_and_reporting_kept() -> None:
    if not SEED.exists():
        pytest.skip(f"{SEED} absent: the seed article is only in the development checkout")
    text = SEED.read_text("utf-8")
    kept = _kept_text(text)
    for dropped in (
        "please support the project",
        "PayPal",
        "Articles by: South Front",
        "Disclaimer: The contents of this article",
        "copyrighted material",
        "fair use",
        "For media inquiries",
    ):
        assert dropped not in kept, dropped
    for reporting in (
        "liberated Khirbet Makman village, Al-Qadir town and Bir Rahum",
        "According to Amaq, 32 SAA soldiers were killed",
        "Two US soldiers died and five others suffered injures",
        "ISIS used Grad rockets, killed 4 US soldiers",
        "the US military prefers avoid providing official confirmations",
    ):
        assert reporting in kept, reporting
    # The kept part is everything up to the donation appeal.
    assert kept_ranges(text) == [(0, text.index("If you’re able") - 2)]


def test_a_wiki_storys_sources_are_dropped() -> None:
    text = ("On Tuesday, a military jet bombed the village of Let Yet Kone, killing 17 people.\n\n"
            "Sources\n"
            ' "Airstrike on Sagaing village kills 17" — Radio Free Asia\n'
            ' "Junta says it hit rebel base" — The Global New Light of Myanmar\n')
    kept = _kept_text(text)
    assert "Let Yet Kone" in kept
    assert "Sagaing village kills" not in kept and "hit rebel base" not in kept
