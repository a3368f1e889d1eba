"""The alternative coder, measured beside the MiniLM one: a spaCy `textcat` (exclusive
classes: "no event" and the 25 sub-types) trained with `spacy train` on the same sentences.
No new run-time dependency, but weaker on real text (see docs/model.md).

    .venv/bin/python -m frontwatch.learn.spacy_textcat --out /tmp/textcat [--arch bow|ensemble]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

import numpy as np

from frontwatch.learn.data import LABELS, Example, fold_of, real_examples, synthetic_examples
from frontwatch.learn.train import REPO, sentence_scores

NONE = "NONE"

CONFIG = """
[paths]
train = null
dev = null

[system]
seed = 13

[nlp]
lang = "en"
pipeline = ["textcat"]
batch_size = 256

[components]

[components.textcat]
factory = "textcat"
threshold = 0.5

[components.textcat.model]
{model}

[corpora]

[corpora.train]
@readers = "spacy.Corpus.v1"
path = ${{paths.train}}

[corpora.dev]
@readers = "spacy.Corpus.v1"
path = ${{paths.dev}}

[training]
dev_corpus = "corpora.dev"
train_corpus = "corpora.train"
max_epochs = {epochs}
max_steps = 0
patience = 0
eval_frequency = 400

[training.optimizer]
@optimizers = "Adam.v1"
learn_rate = 0.001

[training.batcher]
@batchers = "spacy.batch_by_words.v1"
size = 2000
tolerance = 0.2

[initialize]
"""

ARCHS = {
    "bow": """@architectures = "spacy.TextCatBOW.v3"
exclusive_classes = true
ngram_size = 2
no_output_layer = false
length = 262144""",
    "ensemble": """@architectures = "spacy.TextCatEnsemble.v2"
nO = null

[components.textcat.model.linear_model]
@architectures = "spacy.TextCatBOW.v3"
exclusive_classes = true
ngram_size = 2
no_output_layer = false
length = 262144

[components.textcat.model.tok2vec]
@architectures = "spacy.Tok2Vec.v2"

[components.textcat.model.tok2vec.embed]
@architectures = "spacy.MultiHashEmbed.v2"
width = 96
rows = [5000, 1000, 2500, 2500]
attrs = ["NORM", "PREFIX", "SUFFIX", "SHAPE"]
include_static_vectors = false

[components.textcat.model.tok2vec.encode]
@architectures = "spacy.MaxoutWindowEncoder.v2"
width = 96
depth = 2
window_size = 1
maxout_pieces = 3""",
}


def _docbin(examples: list[Example], path: Path) -> None:
    import spacy
    from spacy.tokens import DocBin

    nlp = spacy.blank("en")
    db = DocBin()
    for ex in examples:
        doc = nlp.make_doc(ex.text)
        labels = sorted(ex.labels)
        first = labels[0] if labels else NONE  # exclusive classes: one label a sentence
        doc.cats = {label: float(label == first) for label in (NONE, *LABELS)}
        db.add(doc)
    db.to_disk(path)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--arch", choices=sorted(ARCHS), default="bow")
    parser.add_argument("--epochs", type=int, default=5)
    args = parser.parse_args(argv)
    synthetic = synthetic_examples(sorted((REPO / "corpus/synthetic").glob("syn*.jsonl")))
    train = [ex for ex in synthetic if fold_of(ex.group) != 0 and not ex.ambiguous] + [
        ex for ex in real_examples(REPO / "corpus/real", ["train"]) if not ex.ambiguous]
    held = [ex for ex in synthetic if fold_of(ex.group) == 0 and not ex.ambiguous]
    dev = [ex for ex in real_examples(REPO / "corpus/real", ["dev"]) if not ex.ambiguous]
    args.out.mkdir(parents=True, exist_ok=True)
    _docbin(train, args.out / "train.spacy")
    _docbin(held, args.out / "held.spacy")
    (args.out / "base.cfg").write_text(
        CONFIG.format(model=ARCHS[args.arch], epochs=args.epochs), encoding="utf-8")
    # spaCy fills in every setting the sketch leaves to its defaults
    subprocess.run([sys.executable, "-m", "spacy", "init", "fill-config",
                    str(args.out / "base.cfg"), str(args.out / "config.cfg")], check=True)
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "spacy", "train", str(args.out / "config.cfg"), "--output",
         str(args.out / "model"), "--paths.train", str(args.out / "train.spacy"),
         "--paths.dev", str(args.out / "held.spacy")],
        check=True,
    )
    took = time.perf_counter() - started
    import spacy

    nlp = spacy.load(args.out / "model" / "model-best")
    for name, examples in (("synthetic_heldout", held), ("real_dev", dev)):
        t = time.perf_counter()
        docs = list(nlp.pipe([ex.text for ex in examples]))
        rate = len(docs) / (time.perf_counter() - t)
        probs = np.array([[doc.cats.get(label, 0.0) for label in LABELS] for doc in docs])
        scores = sentence_scores(probs, examples)
        print(name, {k: v for k, v in scores.items() if k != "per_label"},
              f"{rate:.0f} sentences/s")
    print(f"training took {took:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
