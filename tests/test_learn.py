"""The learned event coder: its training data, its training code (a tiny model on tiny data),
its ONNX export, and how its reading steers the extractor."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from frontwatch.extraction.coder import CoderUnavailable, Coding, SentenceCoder
from frontwatch.extraction.coder_policy import CoderPolicy, model_trigger
from frontwatch.learn.data import (
    LABELS,
    ROLE_LABELS,
    DataError,
    fold_of,
    silver_examples,
    synthetic_examples,
    undated_copies,
)

ROOT = Path(__file__).resolve().parents[1]
TOKENIZER = ROOT / "src" / "frontwatch" / "data" / "coder" / "tokenizer.json"


def coding(**probs: float) -> Coding:
    found = {label: probs.get(label, 0.001) for label in LABELS}
    return Coding(found, none=max(0.0, 1.0 - sum(found.values())))


def test_policy_retypes_only_when_confident():
    policy = CoderPolicy(retype_at=0.5)
    air = coding(**{"Air/drone strike": 0.9})
    assert policy.retype(air, "Shelling/artillery/missile attack", "Explosions/Remote violence") \
        == ("Air/drone strike", "Explosions/Remote violence")
    unsure = coding(**{"Air/drone strike": 0.3})
    assert policy.retype(unsure, "Armed clash", "Battles") == ("Armed clash", "Battles")


def test_policy_comes_with_its_coder():
    """A retrained coder carries the thresholds tuned for it in its card; a card without
    them (or no coder) keeps the defaults."""
    class Card:
        card = {"policy": {"drop": 0.3, "retype_at": 0.6, "unknown": 1.0}}

    tuned = CoderPolicy.for_coder(Card())
    assert (tuned.drop, tuned.retype_at) == (0.3, 0.6)
    assert tuned.new_event == CoderPolicy().new_event
    assert CoderPolicy.for_coder(None) == CoderPolicy()


def test_policy_leaves_who_took_ground_to_the_rules():
    took = coding(**{"Government regains territory": 0.95})
    assert CoderPolicy().retype(took, "Non-state actor overtakes territory", "Battles") == (
        "Non-state actor overtakes territory", "Battles")


@pytest.mark.parametrize(("text", "kept"), [
    ("Ten people died in Kidal on Sunday after a bomb exploded in a market.", True),
    ("Seven police officers have been killed after their checkpoint came under attack by "
     "insurgents.", True),
    ("Two soldiers were killed when gunmen opened fire on their patrol.", True),
    ("More than 2,000 people fled after clashes in the district.", False),
    ("The Foreign Secretary condemned the attack on a market in Maiduguri that killed 15 "
     "people.", True),
    ("The Foreign Secretary condemned the attack and called for calm.", False),
    ("The ministry said the talks would resume after the holiday.", False),
])
def test_policy_keeps_a_toll_told_before_its_act(text, kept):
    none = coding(**{"Attack": 0.0})  # the coder reads no event
    assert CoderPolicy().drops(none, None, None, text) is not kept


def test_model_trigger_takes_the_main_verb(extractor):
    nlp = extractor.mentions.nlp
    doc = nlp("Hostilities continued in Hakha township on Monday.")
    trig = model_trigger(doc, coding(**{"Armed clash": 0.9}), CoderPolicy(new_event=0.6))
    assert trig is not None and trig.kind == "clash" and trig.text == "continued"
    assert model_trigger(doc, coding(**{"Armed clash": 0.4}), CoderPolicy(new_event=0.6)) is None


def test_model_trigger_knows_a_verb_as_the_extractor_parses(extractor):
    # candidate sentences are parsed without the attribute ruler, which fills `pos_`
    mentions = extractor.mentions
    (doc,) = mentions.nlp.pipe(["Hostilities continued in Hakha township on Monday."],
                               disable=mentions.disabled)
    trig = model_trigger(doc, coding(**{"Armed clash": 0.9}), CoderPolicy(new_event=0.6))
    assert trig is not None and trig.is_verb


def test_synthetic_examples_read_and_check(tmp_path):
    good = {"doc": "t-d1", "i": 0, "text": "Rebels shelled Idlib and Idlib's outskirts.",
            "events": [{"sub_event_type": "Shelling/artillery/missile attack", "negated": False,
                        "actor1": ["Rebels"], "place": ["Idlib"]}]}
    neg = {"doc": "t-d1", "i": 1, "text": "The dead included two children.", "events": [],
           "negative_kind": "detail"}
    path = tmp_path / "t.jsonl"
    path.write_text(json.dumps(good) + "\n" + json.dumps(neg) + "\n")
    a, b = synthetic_examples([path])
    assert a.labels == {"Shelling/artillery/missile attack"} and not a.ambiguous
    # every whole-word occurrence of a role string plays its role
    assert a.spans == ((0, 6, "actor1"), (15, 20, "place"), (25, 30, "place"))
    assert a.has_spans and b.has_spans and b.spans == ()
    assert b.labels == frozenset() and b.ambiguous
    assert a.target()[LABELS.index("Shelling/artillery/missile attack")] == 1.0
    bad = tmp_path / "bad.jsonl"
    bad.write_text(json.dumps({**good, "events": [{"sub_event_type": "Skirmish"}]}) + "\n")
    with pytest.raises(DataError, match="bad.jsonl:1: unknown sub_event_type 'Skirmish'"):
        synthetic_examples([bad])


def _dated(text: str, date: str, label: str = "Attack") -> dict:
    return {"doc": f"t-{text[:8]}", "i": 0, "text": text,
            "events": [{"sub_event_type": label, "negated": False, "date": [date]}]}


@pytest.mark.parametrize(("text", "date", "undated"), [
    ("Gunmen killed four villagers in Tillia on Sunday, officials said.", "Sunday",
     "Gunmen killed four villagers in Tillia, officials said."),
    ("• On 29 January, the Chadian army repelled an attack in Kaiga.", "29 January",
     "• The Chadian army repelled an attack in Kaiga."),
    ("On Jan. 19, U.S. forces conducted an airstrike near Jilib.", "Jan. 19",
     "U.S. forces conducted an airstrike near Jilib."),
    ("Troops shelled the town late on Thursday.", "late on Thursday",
     "Troops shelled the town."),
])
def test_undated_copies_cut_the_date_and_keep_the_label(tmp_path, text, date, undated):
    path = tmp_path / "u.jsonl"
    path.write_text(json.dumps(_dated(text, date)) + "\n")
    (copy,) = undated_copies(synthetic_examples([path]), share=1.0)
    assert copy.text == undated and copy.labels == {"Attack"}
    assert not copy.has_spans and copy.meta["undated"]


def test_undated_copies_skip_negatives_and_undated_sentences(tmp_path):
    path = tmp_path / "u.jsonl"
    rows = [{"doc": "n", "i": 0, "text": "The talks resume on Monday in Doha.", "events": []},
            {"doc": "e", "i": 0, "text": "Gunmen killed four villagers in Tillia.",
             "events": [{"sub_event_type": "Attack", "negated": False}]}]
    path.write_text("".join(json.dumps(r) + "\n" for r in rows))
    assert undated_copies(synthetic_examples([path]), share=1.0) == []
    # the share is a stable draw: none at 0, and the same ones on every call
    many = [_dated(f"Gunmen killed {n} villagers in Tillia on Sunday.", "on Sunday")
            for n in range(40)]
    path.write_text("".join(json.dumps(r) + "\n" for r in many))
    examples = synthetic_examples([path])
    assert undated_copies(examples, share=0.0) == []
    half = [e.text for e in undated_copies(examples, share=0.5)]
    assert 5 < len(half) < 35 and half == [e.text for e in undated_copies(examples, 0.5)]


def test_real_sentences_restating_a_coded_event_are_not_taught_as_none(tmp_path):
    """The coders put an event's evidence on the sentence that tells it best; the headline
    and a later sentence naming the same place and act carry none, and are left out of
    training rather than taught as telling nothing."""
    from frontwatch.learn.data import _event_places, _restates

    places = _event_places([type("E", (), {"location": "Jilib, Middle Juba",
                                            "optional": False})()])
    assert _restates("US Forces Conduct Strike Near Jilib", True, places)
    assert _restates("Airstrikes Continue in Somalia", True, places)
    assert _restates("The strike in Jilib killed 52 militants.", False, places)
    assert not _restates("Aid deliveries resumed in Jilib on Monday.", False, places)
    assert not _restates("The strike killed 52 militants.", False, places)
    assert not _restates("Airstrikes Continue in Somalia", True, [])


def _silver_page(**over) -> dict:
    page = {"id": "sv-0001", "url": "https://www.centcom.mil/x", "outlet": "CENTCOM",
            "licence": "public domain (US government work)", "retrieved": "2026-12-07",
            "country": "Iraq", "excerpt": True,
            "text": "Coalition aircraft struck ISIS near Mosul.\n\nThe strikes will go on. "
                    "A ceasefire may hold.",
            "labels": [["Air/drone strike"], [], "unsure"]}
    return page | over


def test_silver_examples_follow_the_extractors_sentences(tmp_path):
    path = tmp_path / "sv.jsonl"
    path.write_text(json.dumps(_silver_page()) + "\n")
    strike, plan, maybe = silver_examples([path])
    assert strike.text == "Coalition aircraft struck ISIS near Mosul."
    assert strike.labels == {"Air/drone strike"} and strike.source == "silver"
    assert plan.labels == frozenset() and not plan.ambiguous
    assert maybe.ambiguous and maybe.group == "sv-0001"
    path.write_text(json.dumps(_silver_page(labels=[[], []])) + "\n")
    with pytest.raises(DataError, match="sv.jsonl:1: 3 sentences"):
        silver_examples([path])


def test_silver_check_refuses_held_out_sources_and_known_pages(tmp_path, capsys):
    import importlib.util

    spec = importlib.util.spec_from_file_location("silver", ROOT / "tools" / "silver.py")
    silver = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(silver)
    known = json.loads((ROOT / "corpus/real/manifest.jsonl").read_text().splitlines()[0])["url"]
    path = tmp_path / "b.jsonl"
    rows = [_silver_page(), _silver_page(id="sv-2", country="Ukraine"),
            _silver_page(id="sv-3", outlet="VOA"), _silver_page(id="sv-4", url=known),
            _silver_page(id="sv-5", labels=[["Skirmish"], [], []])]
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    assert silver.main(["check", str(path)]) == 1
    err = capsys.readouterr()
    assert "pages: 1" in err.out and "Air/drone strike: 1" in err.out
    assert "sv-2: country Ukraine is held out" in err.err
    assert "sv-3: outlet VOA is held out" in err.err
    assert "sv-4: already in the real corpus" in err.err
    assert "sv-5: sentence 0: unknown sub-types ['Skirmish']" in err.err
    # the second coder's agreement: unsure sentences on either side are left out
    c = silver.agreement([["Armed clash"], [], ["Attack", "Arrests"], "unsure"],
                         [["Armed clash"], ["Attack"], ["Attack"], []])
    assert (c["sentences"], c["same"], c["tp"], c["fp"], c["fn"]) == (3, 1, 2, 1, 1)
    assert (c["det_tp"], c["det_fp"], c["det_fn"]) == (2, 1, 0)
    assert silver.sampled("sv1-0007", 0.1) == silver.sampled("sv1-0007", 0.1)


def test_folds_keep_a_document_together():
    assert fold_of("syn1-d0007") == fold_of("syn1-d0007")
    assert len({fold_of(f"doc{i}") for i in range(200)}) == 10


def test_committed_coder_reads_events(extractor):
    try:
        coder = SentenceCoder()
    except CoderUnavailable:
        pytest.fail("the trained coder must be committed in src/frontwatch/data/coder")
    probs = coder.code([
        "Government warplanes bombed the village of Kafr Nabl on Tuesday, killing four civilians.",
        "The minister will travel to Geneva next week for talks on humanitarian access.",
    ])
    strike, talks = probs
    assert strike.best[0] == "Air/drone strike" and strike.best[1] > 0.5
    assert talks.event_probability < 0.5


def test_missing_coder_is_a_clear_error(tmp_path):
    with pytest.raises(CoderUnavailable, match="no trained coder"):
        SentenceCoder(tmp_path)


def test_coder_dir_from_the_environment(tmp_path, monkeypatch):
    """$FRONTWATCH_CODER_DIR picks the coder and its gate when none is given."""
    from frontwatch.extraction.gate import GateUnavailable, SentenceGate

    monkeypatch.setenv("FRONTWATCH_CODER_DIR", str(tmp_path))
    with pytest.raises(CoderUnavailable, match=str(tmp_path)):
        SentenceCoder()
    with pytest.raises(GateUnavailable, match=str(tmp_path)):
        SentenceGate()


@pytest.mark.parametrize("role_weight", [0.0, 0.5])
def test_training_code_fits_and_exports_a_tiny_model(tmp_path, role_weight):
    """A two-layer random BERT on twelve sentences: the loop runs, the loss falls, the ONNX
    export reproduces the torch model within int8 error, and the runtime coder loads it;
    with a role weight the model also marks role spans, without one it has no role output."""
    torch = pytest.importorskip("torch")
    transformers = pytest.importorskip("transformers")
    pytest.importorskip("onnx")
    from frontwatch.learn.data import Example
    from frontwatch.learn.train import check_export, export_onnx, fit

    base = tmp_path / "base"
    config = transformers.BertConfig(vocab_size=30522, hidden_size=32, num_hidden_layers=2,
                                     num_attention_heads=2, intermediate_size=64)
    transformers.BertModel(config).save_pretrained(base)
    (base / "tokenizer.json").write_bytes(TOKENIZER.read_bytes())
    examples = [
        Example("Warplanes bombed the market in Atarib.", frozenset({"Air/drone strike"}),
                "synthetic", f"d{i}", spans=((0, 9, "actor1"), (31, 37, "place")),
                has_spans=True) for i in range(6)
    ] + [Example("The talks will resume next month in Doha.", frozenset(), "synthetic", f"n{i}",
                 has_spans=True) for i in range(6)]
    from frontwatch.learn.train import _encode_with_offsets, _tokenizer, role_targets

    tok = _tokenizer(TOKENIZER)
    _, _, offsets = _encode_with_offsets(tok, [examples[0].text])
    marks = role_targets(examples[:1], offsets, len(offsets[0]))[0]
    pieces = [examples[0].text[a:b] for a, b in offsets[0]]
    def marked(role: str) -> str:
        col = marks[:, ROLE_LABELS.index(role)]
        return "".join(p for p, m in zip(pieces, col, strict=True) if m)

    assert marked("actor1") == "Warplanes"
    assert not marks[0].any() and not marks[-1].any()  # [CLS], [SEP]
    assert marked("place") == "Atarib"
    losses: list[str] = []
    model = fit(examples, base, epochs=4, batch_size=4, lr=1e-3, log=losses.append,
                role_weight=role_weight)
    first, last = (float(line.split("loss ")[1].split()[0]) for line in (losses[0], losses[-1]))
    assert last < first
    out = tmp_path / "coder"
    export_onnx(model, out)
    (out / "tokenizer.json").write_bytes(TOKENIZER.read_bytes())
    roles = {"role_labels": list(ROLE_LABELS)} if role_weight else {}
    (out / "card.json").write_text(json.dumps({"labels": list(LABELS), "max_len": 96,
                                               "output": "softmax, no event first", **roles}))
    coder = SentenceCoder(out)
    assert check_export(model, coder, [e.text for e in examples[:2]] + ["Short."]) < 0.08
    (coding,) = coder.code([examples[0].text])
    if not role_weight:
        assert coding.roles is None
        # the exported weights read back (dequantised) start a new model that reads alike
        from frontwatch.learn.train import build_model, export_gaps, load_onnx_weights

        again = build_model(base)
        load_onnx_weights(again, out / "coder.onnx")
        again.eval()
        assert export_gaps(again, coder, [e.text for e in examples[:2]]).max() < 0.08
        return
    assert coding.roles is not None and coding.roles.probs.shape[1] == len(ROLE_LABELS)
    # one reading per piece, [CLS] and [SEP] included, which cover no characters
    assert len(coding.roles.offsets) == len(offsets[0]) and coding.roles.offsets[0] == (0, 0)
    assert torch.is_tensor(next(model.parameters()))


def test_a_sentence_reads_the_same_whatever_its_neighbours():
    """The int8 model scales activations over its whole input: read one by one, a sentence's
    probabilities do not depend on the other sentences of the article or their lengths."""
    coder = SentenceCoder()
    target = "Government warplanes bombed the village of Kafr Nabl on Tuesday, killing four."
    others = ["The minister will travel to Geneva next week.",
              "A much longer sentence about the humanitarian situation in the north of the "
              "country, where aid agencies say that tens of thousands of people are in need."]
    alone = coder.probabilities([target])[0]
    among = coder.probabilities(others + [target])[-1]
    assert (alone == among).all()


def test_length_batches_cover_every_sentence_once_with_little_padding():
    """Training batches of like length: every index once per epoch, no batch over its size,
    and far less padding than batches drawn at random."""
    import numpy as np

    from frontwatch.learn.train import length_batches

    rng = np.random.default_rng(1)
    lengths = [int(n) for n in rng.integers(8, 96, size=1000)]
    batches = length_batches(lengths, 16, np.random.default_rng(2), pool=10)
    flat = sorted(int(i) for b in batches for i in b)
    assert flat == list(range(1000))
    assert all(1 <= len(b) <= 16 for b in batches)

    def padding(groups) -> int:
        return sum(max(lengths[i] for i in g) * len(g) - sum(lengths[i] for i in g)
                   for g in groups)

    order = np.random.default_rng(3).permutation(1000)
    at_random = [order[s : s + 16] for s in range(0, 1000, 16)]
    assert padding(batches) < padding(at_random) / 4


def test_training_keeps_only_the_first_layers(tmp_path):
    """`--layers`: a three-layer random BERT cut to its first layer fine-tunes, the kept layer
    is the original first one, the ONNX export reproduces the torch model, and the runtime
    coder loads it; too many layers is a clear error."""
    pytest.importorskip("torch")
    transformers = pytest.importorskip("transformers")
    pytest.importorskip("onnx")
    from frontwatch.learn.data import Example
    from frontwatch.learn.train import build_model, check_export, export_onnx, fit

    base = tmp_path / "base"
    config = transformers.BertConfig(vocab_size=30522, hidden_size=32, num_hidden_layers=3,
                                     num_attention_heads=2, intermediate_size=64)
    full = transformers.BertModel(config)
    full.save_pretrained(base)
    (base / "tokenizer.json").write_bytes(TOKENIZER.read_bytes())
    cut = build_model(base, layers=1).encoder
    assert len(cut.encoder.layer) == 1 and cut.config.num_hidden_layers == 1
    first = full.encoder.layer[0].attention.self.query.weight
    assert (cut.encoder.layer[0].attention.self.query.weight == first).all()
    assert len(build_model(base).encoder.encoder.layer) == 3
    with pytest.raises(ValueError, match="--layers 4: the encoder has 3 layers"):
        build_model(base, layers=4)
    examples = [Example("Warplanes bombed the market in Atarib.",
                        frozenset({"Air/drone strike"}), "synthetic", f"d{i}") for i in range(4)]
    examples += [Example("The talks will resume next month in Doha.", frozenset(), "synthetic",
                         f"n{i}") for i in range(4)]
    model = fit(examples, base, epochs=2, batch_size=4, lr=1e-3, log=lambda _: None, layers=1)
    assert len(model.encoder.encoder.layer) == 1
    out = tmp_path / "coder"
    export_onnx(model, out)
    (out / "tokenizer.json").write_bytes(TOKENIZER.read_bytes())
    (out / "card.json").write_text(json.dumps({"labels": list(LABELS), "max_len": 96,
                                               "output": "softmax, no event first",
                                               "layers": 1}))
    coder = SentenceCoder(out)
    assert check_export(model, coder, [e.text for e in examples[:1]] + ["Short."]) < 0.08
    (coding,) = coder.code([examples[0].text])
    assert len(coding.probs) == len(LABELS)


def test_hygiene_leaves_out_synthetic_negatives_that_name_a_placed_act(tmp_path):
    rows = [{"doc": "c", "i": 0, "negative_kind": "condemnation", "events": [],
             "text": "The minister condemned the missile strike on an apartment block in Dnipro."},
            {"doc": "c", "i": 1, "negative_kind": "condemnation", "events": [],
             "text": "The minister called the killings unacceptable."}]
    path = tmp_path / "h.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows))
    placed, vague = synthetic_examples([path], hygiene=True)
    assert placed.ambiguous and not vague.ambiguous
    assert not any(e.ambiguous for e in synthetic_examples([path]))
