"""Two acts of different kinds in one sentence are two events (ACLED codes one per sub-type):
the coder reads both, the rules hold a trigger of each."""

from __future__ import annotations

import datetime as dt

import pytest

from extract_support import events_of
from frontwatch.extraction.coder import Coding
from frontwatch.extraction.coder_policy import CoderPolicy, second_act_trigger
from frontwatch.extraction.triggers import Trigger
from frontwatch.learn.data import LABELS
from frontwatch.model import Evidence, Mention

SHELL, TAKE = "Shelling/artillery/missile attack", "Non-state actor overtakes territory"
CLASH, LOOT = "Armed clash", "Looting/property destruction"


def coding(**probs: float) -> Coding:
    return Coding({label: probs.get(label, 0.0) for label in LABELS}, 1 - sum(probs.values()))


def mention(sub: str, trigger: str, text: str) -> Mention:
    return Mention(article_id="a", sentence=Evidence("a", 0, len(text), text), trigger=trigger,
                   event_type="", sub_event_type=sub)


TEXT = "Despite Turkish shelling, the YPG captured the village of Ayn Daqna."
SHELLING = Trigger("shelling", 2, 3, "shelling", is_verb=False)
CAPTURED = Trigger("territory", 7, 8, "captured", is_verb=True)


def test_the_second_reading_finds_its_own_trigger():
    found = second_act_trigger(coding(**{SHELL: 0.45, TAKE: 0.4}), [SHELLING, CAPTURED],
                               mention(SHELL, "shelling", TEXT), CoderPolicy())
    assert found is CAPTURED


@pytest.mark.parametrize(("probs", "triggers", "first"), [
    # the coder does not read a second act
    ({SHELL: 0.9, TAKE: 0.05}, [SHELLING, CAPTURED], SHELL),
    # no trigger of the second act: the coder's doubt alone makes no event
    ({SHELL: 0.5, TAKE: 0.4}, [SHELLING], SHELL),
    # a fight that wins ground is the capture, one act (ACLED)
    ({CLASH: 0.5, TAKE: 0.4}, [Trigger("clash", 1, 2, "fighting", False), CAPTURED], CLASH),
])
def test_no_second_act(probs, triggers, first):
    trigger = triggers[0].text
    assert second_act_trigger(coding(**probs), triggers, mention(first, trigger, TEXT),
                              CoderPolicy()) is None


def test_help_given_is_no_second_act():
    backed = Trigger("air", 2, 3, "airstrikes", is_verb=False, supporting=True)
    found = second_act_trigger(coding(**{TAKE: 0.5, "Air/drone strike": 0.4}),
                               [CAPTURED, backed], mention(TAKE, "captured", TEXT),
                               CoderPolicy())
    assert found is None


def test_a_policy_can_turn_it_off():
    assert second_act_trigger(coding(**{SHELL: 0.45, TAKE: 0.4}), [SHELLING, CAPTURED],
                              mention(SHELL, "shelling", TEXT),
                              CoderPolicy(second_act=1.1)) is None


@pytest.mark.parametrize(("text", "published", "subs"), [
    ("Despite continued Turkish shelling on Sunday, the YPG claimed to have captured the "
     "village of Ayn Daqna near Azaz.", dt.date(2016, 2, 15), {SHELL, TAKE}),
    ("The Taliban took control of Kohistan district in Faryab province on Tuesday and then "
     "set fire to a court building.", dt.date(2018, 5, 3), {TAKE, LOOT}),
])
def test_each_act_is_its_own_event(extractor, text, published, subs):
    events = events_of(extractor, text, published)
    assert {e.sub_event_type for e in events} == subs
    assert len(events) == len(subs)

