"""wordlab's GloVe against mittens' numpy GloVe (Dingwall & Potts; the package index's Python
GloVe): the same co-occurrence matrix, the same settings, one script.

    .venv/bin/python bench/bench_glove.py                       # wiki-bench, 5,000 words
    .venv/bin/python bench/bench_glove.py --max-vocab 2000 --epochs 50
    .venv/bin/python bench/bench_glove.py --quick                # a smoke run (seconds)

Corpus ``../shared/corpora/wiki-bench.txt`` (skipped with a message when absent), one sentence
per line, ``line.split()`` tokens.  The vocabulary is the ``--max-vocab`` most frequent words
with min_count 5 (mittens trains on the dense V x V matrix, so V is kept moderate); X is
counted once by engine/glove/__init__.py (window 10, 1/distance, symmetric) and handed to both.  Both
run ``--epochs`` passes with dim ``--dim``, x_max 100, alpha 0.75, learning rate 0.05 (AdaGrad
in both): wordlab one cell at a time on ``--threads`` threads (glove.c's way), mittens one
full-batch step over the dense matrix per epoch.  Printed: the seconds to count X, each
tool's seconds per epoch and the ratio, and WordSim-353 Spearman / Google analogy accuracy of
both tools' W + W~ (engine/evaluate.py, the evaluation sets shipped in corpora/data/eval).
mittens is skipped with a message when it is not installed.
"""

from __future__ import annotations

import argparse
import platform
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
SHARED = REPO.parent / "shared"


def evaluate(words, vectors) -> tuple[float, float]:
    from corpora.evalsets import eval_set_path
    from engine.evaluate import evaluate_analogies, evaluate_pairs
    from engine.vectors import KeyedVectors

    kv = KeyedVectors(list(words), vectors.astype("float32"))
    pairs = evaluate_pairs(kv, eval_set_path("wordsim353"))
    ws = float(pairs.spearman) if pairs.spearman is not None else float("nan")
    an = float(evaluate_analogies(kv, eval_set_path("google"), restrict_vocab=30000).accuracy)
    return ws, an


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", type=Path, default=SHARED / "corpora" / "wiki-bench.txt")
    ap.add_argument("--max-vocab", type=int, default=5000)
    ap.add_argument("--dim", type=int, default=50)
    ap.add_argument("--epochs", type=int, default=25)
    ap.add_argument("--window", type=int, default=10)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--quick", action="store_true", help="2,000 lines, 300 words, 3 epochs")
    args = ap.parse_args(argv)
    max_lines = None
    if args.quick:
        max_lines, args.max_vocab, args.epochs, args.dim = 2000, 300, 3, 16
    if not args.corpus.exists():
        print(f"skipped: corpus not found: {args.corpus}")
        return 0
    import numpy as np

    from engine.glove import GloveConfig, GloveSession
    from engine.vocab import Vocab

    sentences = []
    with open(args.corpus, encoding="utf-8", errors="replace") as f:
        for i, line in enumerate(f):
            if max_lines is not None and i >= max_lines:
                break
            if line.split():
                sentences.append(line.split())
    config = GloveConfig(dim=args.dim, window=args.window, epochs=args.epochs, min_count=5,
                         max_vocab=args.max_vocab, threads=args.threads)
    vocab = Vocab.build(sentences, config.min_count, config.max_vocab)
    t = time.perf_counter()
    session = GloveSession(config, sentences, vocab=vocab)
    count_s = time.perf_counter() - t
    V = len(vocab)
    print(f"# {args.corpus.name}: {len(sentences):,} lines | V = {V:,}, {len(session.X):,} non-zero "
          f"cells of X (window {args.window}) counted in {count_s:.1f} s | dim {args.dim}, "
          f"{args.epochs} epochs, x_max 100, alpha 0.75, lr 0.05, {args.threads} threads")
    print(f"# {platform.processor() or platform.machine()} | python {platform.python_version()}, "
          f"numpy {np.__version__} | {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}")
    session.run(callback=None)                      # compiles the kernel on a first call...
    session = GloveSession(config, sentences, vocab=vocab)   # ...then a fresh model is timed
    p = session.run()
    ours_s = p.elapsed / args.epochs
    ours_q = evaluate(vocab.words, session.model.embeddings())
    theirs_s, theirs_q = None, (float("nan"), float("nan"))
    try:
        from mittens import GloVe as MittensGloVe
    except ImportError:
        print("mittens is not installed (pip install mittens): wordlab only", file=sys.stderr)
    else:
        X = session.X.dense()
        m = MittensGloVe(n=args.dim, xmax=100, alpha=0.75, max_iter=args.epochs,
                         learning_rate=0.05, display_progress=0)
        t = time.perf_counter()
        emb = m.fit(X)
        theirs_s = (time.perf_counter() - t) / args.epochs
        theirs_q = evaluate(vocab.words, np.asarray(emb))
    print("| trainer | s / epoch | speed ratio | WS-353 | analogy |")
    print("|---|---|---|---|---|")
    ratio = f"{theirs_s / ours_s:.1f}x" if theirs_s else "-"
    print(f"| wordlab (cells, {args.threads} threads) | {ours_s:.3f} | {ratio} | "
          f"{ours_q[0]:.3f} | {ours_q[1]:.2%} |")
    if theirs_s:
        print(f"| mittens (numpy, dense) | {theirs_s:.3f} | 1.0x | {theirs_q[0]:.3f} | "
              f"{theirs_q[1]:.2%} |")
    else:
        print("| mittens (numpy, dense) | - | - | - | - |")
    print("# speed ratio: mittens seconds per epoch / wordlab seconds per epoch")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
