"""Whether the act a sentence tells is an incident the text reports, or something else told
in words of violence: a section heading, a person's record, a description, a campaign or a
spell of fighting, history, a running total, words about words, an archive photo's caption,
a pattern of acts. The tests that only weigh the sentence's words (not who or where) live
here; `background` holds the patterns they use.
"""

from __future__ import annotations

from spacy.tokens import Doc

from frontwatch.clean import ARCHIVE_CAPTION
from frontwatch.extraction.article_context import ArticleContext
from frontwatch.extraction.background import (
    AGGREGATE,
    COURT_CASE,
    CRITICISED,
    HABITUAL,
    MOURNING,
    ONSET_TOLL,
    PERFECT,
    PERFECT_SINCE,
    PERIOD,
    PROTESTING,
    SO_FAR,
    YEAR_TOLL,
    attributed_past,
    campaign_or_duration,
    generic_plural,
    has_day,
    historical,
    is_headline,
    plural_noun,
    present_main_clause,
)
from frontwatch.extraction.numbers import count_to_fatalities
from frontwatch.extraction.parsed import ParsedSentence
from frontwatch.extraction.roles import METALANGUAGE
from frontwatch.extraction.triggers import Trigger
from frontwatch.nlp import doc_text


def not_an_incident(p: ParsedSentence, trigger: Trigger, ctx: ArticleContext,
                    confirmed: bool) -> bool:
    """Whether the sentence's act, `trigger`, is told as no incident of its own. `confirmed`:
    the coder, trained on what is an incident and what is background, totals and talk, reads
    an event here, and the rules' own tests for that give way to it."""
    doc, sent = p.doc, p.sentence
    if not is_headline(sent) and not ctx.one_line and len(doc) < 8 and not any(
        t.tag_.startswith("VB") for t in doc
    ):
        # a section header ("Aug. 15 Strikes"), not a report; a text of one line is the
        # report, though the parser may read "Protesters torch parliament" as a noun phrase
        return True
    if (trigger.subordinate or plural_noun(doc, trigger)) and attributed_past(doc, trigger):
        # "a man responsible for planting roadside bombs", "responsible for several attacks
        # against civilians": a person's record, not a report
        return True
    if trigger.subordinate and present_main_clause(doc):
        # "Coalition nations which have conducted strikes include Australia, ...": a
        # description, not a report of an incident
        return True
    if campaign_or_duration(doc, trigger) and not confirmed:
        return True  # "the offensive began April 30", "operating there for many months"
    if historical(doc_text(doc), ctx.published, ctx.news_from, spells_run_on=confirmed):
        return True  # "Ten years ago, a gunman...", "In 2003, ...": history, not news
    if HABITUAL.search(doc_text(doc)) and not has_day(sent.text, ctx.published):
        return True  # "Turkish drones have repeatedly struck targets in Sinjar": a pattern
    if SO_FAR.search(doc_text(doc)) or ONSET_TOLL.search(doc_text(doc)):
        # "have so far resulted in the killing of 39", "erupted on April 15 and has killed
        # more than 1,800": a campaign's tally
        return True
    if not confirmed and (
            AGGREGATE.search(doc_text(doc)) or PERFECT_SINCE.search(doc_text(doc)) or (
                (PERFECT.search(doc_text(doc)) or PERIOD.search(doc_text(doc))) and any(
                    count_to_fatalities(c.count) >= 1000 for c in p.figures.casualties)
                and not has_day(sent.text, ctx.published))):
        # "to date, 1,335 civilians have been killed", "More than 10,000 people have been
        # killed and two million displaced": a running total, not an incident
        return True
    if p.figures.casualties and YEAR_TOLL.search(doc_text(doc)) and \
            not has_day(sent.text, ctx.published):
        return True
    if CRITICISED.search(doc_text(doc)):
        return True
    if trigger.kind != "arrests" and _tried(doc, trigger):
        # "A court on Thursday sentenced two officers over the killing of 50 protesters last
        # August": a trial of an act told before, not the act
        return True
    if trigger.kind == "protest" and MOURNING.search(doc_text(doc)) and \
            not PROTESTING.search(doc_text(doc)):
        # "Thousands of mourners marched through Jenin for the funerals of four
        # Palestinians", "gathered at a church for a memorial service": mourning, no protest
        return True
    if trigger.kind == "protest" and _forces_gathered(doc, trigger):
        # "More than 1,000 service members gathered at the Laikipia Air Base": troops
        # assembling, no protest
        return True
    if METALANGUAGE.search(doc_text(doc)):
        return True  # "authorities use the word 'neutralized' to imply ..."
    if ARCHIVE_CAPTION.match(sent.text):
        # "FILE - Security forces gather outside a care home after it was attacked ...":
        # an archive photo's caption, of an earlier incident the story only recalls
        return True
    if any(count_to_fatalities(c.count) >= 5000 for c in p.figures.casualties) and \
            not has_day(sent.text, ctx.published):
        return True  # "Tens of thousands of people were killed in the fighting"
    # "blamed IS cells for a string of kidnappings": a pattern, not an incident
    return generic_plural(doc, trigger, p) and not confirmed


def _tried(doc: Doc, trigger: Trigger) -> bool:
    """Whether the act is what a court tries ("sentenced two officers over the killing of"),
    not an act beside a trial ("killed a judge who had convicted two militants")."""
    for m in COURT_CASE.finditer(doc_text(doc)):
        span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
        if span is None:
            continue
        head = span.root
        if head.left_edge.i <= trigger.start <= head.right_edge.i and \
                not span.start <= trigger.start < span.end:
            return True
    return False


_GATHERING = {"gathered", "gather", "gathers", "assembled", "assemble", "converged", "mustered"}
_FORCE_PEOPLE = {"members", "soldiers", "troops", "personnel", "marines", "sailors", "airmen",
                 "cadets", "servicemembers", "servicemen", "officers", "units", "forces"}


def _forces_gathered(doc: Doc, trigger: Trigger) -> bool:
    """Whether the trigger is soldiers or service members gathering (not protesting)."""
    verb = doc[trigger.start]
    if verb.lower_ not in _GATHERING:
        return False
    return any(c.dep_ == "nsubj" and c.lower_ in _FORCE_PEOPLE and (
        c.lower_ != "members" or any(x.lower_ == "service" for x in c.lefts))
        for c in verb.children)
