"""A title-cased headline is read in sentence case; nothing else changes."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from frontwatch.extraction.title_case import is_title_cased, sentence_cased

ROOT = Path(__file__).resolve().parents[1]


def test_common_words_lose_their_capitals_names_keep_theirs():
    assert sentence_cased("Al-Shabaab Militants Seize Town Of Mahas In Central Somalia") == (
        "Al-Shabaab militants seize town of Mahas in central Somalia")
    assert sentence_cased("Houthis Fire Missile At Cargo Ship In Red Sea") == (
        "Houthis fire missile at cargo ship in Red Sea")


def test_only_a_title_cased_first_line_changes():
    body = "Gunmen Kill 12 Villagers In Northwest Nigeria\nSection Two Heading Stays As Written\n"
    assert sentence_cased(body).splitlines() == [
        "Gunmen kill 12 villagers in northwest Nigeria", "Section Two Heading Stays As Written"]
    sentence = "Gunmen killed 12 villagers in Zamfara State on Sunday, police said."
    assert sentence_cased(sentence) == sentence


def test_what_is_not_a_title():
    assert not is_title_cased("Kunduz, Takhar, Baghlan And Badakhshan")  # names only
    assert not is_title_cased(
        "On March 8, the 82nd Airborne Division relinquished command of the Combined Joint "
        "Force Land Component Command to the 10th Mountain Division")
    assert is_title_cased("Protesters Clash With Police In Nairobi Over Tax Bill")


@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=200))
def test_offsets_hold(text):
    out = sentence_cased(text)
    assert len(out) == len(text)
    assert out.lower() == text.lower() or out == text


def test_the_word_list_is_built_from_the_committed_text():
    done = subprocess.run([sys.executable, str(ROOT / "tools" / "common_words.py"), "--check"],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
