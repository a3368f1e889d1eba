"""The loaded spaCy pipeline: numpy's BLAS for thinc's matrix products, same parses."""

from __future__ import annotations

import spacy

from frontwatch.extraction.countries import countries_in
from frontwatch.nlp import NumpyBlasOps, load_pipeline, pipeline_name

SENTENCES = [
    "Tiger Forces liberated Khirbet Makman village after fierce clashes with ISIS on Sunday.",
    "Amaq claimed that ISIS fighters killed four US soldiers near Tal Afar, but the US "
    "military said two died in an incident not due to enemy contact.",
    "Near Mosul, three strikes engaged an ISIS tactical unit and destroyed two tunnels.",
]


def test_pipeline_models_use_numpy_blas() -> None:
    nlp = load_pipeline()
    ops = {type(node.ops) for _, pipe in nlp.pipeline if getattr(pipe, "model", None) is not None
           for node in pipe.model.walk()}
    assert NumpyBlasOps in ops


def test_parses_equal_thincs_default_ops() -> None:
    fast = load_pipeline()
    plain = spacy.load(pipeline_name(), disable=["ner", "lemmatizer"])
    for text in SENTENCES:
        a, b = fast(text), plain(text)
        assert [(t.tag_, t.dep_, t.head.i) for t in a] == [(t.tag_, t.dep_, t.head.i) for t in b]


def test_countries_counted_in_one_pass() -> None:
    counts = countries_in("Syrian forces in Aleppo; Iraqi troops near Mosul and Tal Afar; Mali.")
    assert counts == {"Syria": 2, "Iraq": 3, "Mali": 1}
    assert countries_in("Hitler") == {}
