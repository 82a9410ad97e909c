"""wordlab's Word2Vec against gensim: same file, same hyper-parameters, same threads.

    .venv/bin/python bench/bench_word2vec.py                      # wiki-bench, sg/neg, 5 epochs
    .venv/bin/python bench/bench_word2vec.py --arch cbow --loss hs --epochs 1
    .venv/bin/python bench/bench_word2vec.py --corpus my.txt --only wordlab

Tokenizer: ``line.split()`` per line (both tools see the same sentences).  Prints each
tool's training time and words/s (in-vocabulary words per epoch x epochs / seconds, the
way gensim counts), the speed ratio, and WordSim-353 Spearman (and Google-analogy accuracy
with --analogies) for both.  Speed depends on the machine's load: compare ratios measured
in one run, never across runs.  ``--threads`` is gensim's ``workers``; wordlab's fast path
computes on one thread whatever the setting (see engine/fast.py for the measurements).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
sys.path.insert(0, str(REPO))


class LineCorpus:
    """Re-iterable: one sentence per line, ``line.split()`` tokens."""

    def __init__(self, path: Path, max_lines: int | None = None) -> None:
        self.path = path
        self.max_lines = max_lines

    def __iter__(self):
        with open(self.path, encoding="utf-8", errors="replace") as f:
            for i, line in enumerate(f):
                if self.max_lines is not None and i >= self.max_lines:
                    break
                tokens = line.split()
                if tokens:
                    yield tokens


def wordsim(words: list[str], vectors: np.ndarray, path: Path) -> tuple[float, int, int]:
    """Spearman correlation of cosine similarity with WordSim-353 (pairs with OOV skipped)."""
    try:
        from engine.evaluate import evaluate_pairs
        from engine.vectors import KeyedVectors

        r = evaluate_pairs(KeyedVectors(words, vectors), path)
        return float(r.spearman), int(r.used), int(r.skipped)
    except ImportError:
        pass
    from scipy.stats import spearmanr

    index = {w: i for i, w in enumerate(words)}
    unit = vectors / np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-12)
    human, model, skipped = [], [], 0
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        a, b, score = line.split("\t")[:3]
        a, b = a.lower(), b.lower()
        if a in index and b in index:
            human.append(float(score))
            model.append(float(unit[index[a]] @ unit[index[b]]))
        else:
            skipped += 1
    return float(spearmanr(human, model).statistic), len(human), skipped


def analogies(words: list[str], vectors: np.ndarray, path: Path, restrict: int = 30000) -> tuple[float, int]:
    """3CosAdd accuracy on the Google set (restricted vocabulary, OOV questions skipped)."""
    words = words[:restrict]
    index = {w: i for i, w in enumerate(words)}
    unit = vectors[: len(words)] / np.maximum(np.linalg.norm(vectors[: len(words)], axis=1, keepdims=True), 1e-12)
    qs = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith(":") or not line.strip():
            continue
        t = [w.lower() for w in line.split()]
        if all(w in index for w in t):
            qs.append([index[w] for w in t])
    if not qs:
        return 0.0, 0
    q = np.array(qs)
    correct = 0
    for s in range(0, len(q), 512):
        b = q[s:s + 512]
        target = unit[b[:, 1]] - unit[b[:, 0]] + unit[b[:, 2]]
        sims = target @ unit.T
        for j in range(3):
            sims[np.arange(len(b)), b[:, j]] = -np.inf
        correct += int((sims.argmax(axis=1) == b[:, 3]).sum())
    return correct / len(q), len(q)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=SHARED / "corpora" / "wiki-bench.txt")
    ap.add_argument("--arch", default="sg", choices=["sg", "cbow"])
    ap.add_argument("--loss", default="neg", choices=["neg", "hs", "softmax"])
    ap.add_argument("--dim", type=int, default=100)
    ap.add_argument("--window", type=int, default=5)
    ap.add_argument("--negative", type=int, default=5)
    ap.add_argument("--min-count", type=int, default=5)
    ap.add_argument("--sample", type=float, default=1e-3)
    ap.add_argument("--epochs", type=int, default=5)
    ap.add_argument("--alpha", type=float, default=None, help="default 0.025 (sg) / 0.05 (cbow)")
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--batch-size", type=int, default=None, help="wordlab's fast-path batch")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--max-lines", type=int, default=None)
    ap.add_argument("--only", choices=["wordlab", "gensim"], default=None)
    ap.add_argument("--analogies", action="store_true", help="also the Google analogy set")
    args = ap.parse_args(argv)
    if not args.corpus.exists():
        print(f"corpus not found: {args.corpus}", file=sys.stderr)
        return 2
    alpha = args.alpha if args.alpha is not None else (0.05 if args.arch == "cbow" else 0.025)
    corpus = LineCorpus(args.corpus, args.max_lines)
    ws_path = SHARED / "eval" / "wordsim353.tsv"
    an_path = SHARED / "eval" / "questions-words.txt"
    results = {}

    if args.only in (None, "wordlab"):
        import torch  # noqa: F401  (imported before the clock starts, as gensim is)

        from engine.word2vec import TrainingSession, Word2VecConfig

        extra = {} if args.batch_size is None else {"batch_size": args.batch_size}
        cfg = Word2VecConfig(arch=args.arch, loss=args.loss, dim=args.dim, window=args.window,
                             negative=args.negative, sample=args.sample, min_count=args.min_count,
                             epochs=args.epochs, alpha=alpha, threads=args.threads, seed=args.seed, **extra)
        t = time.perf_counter()
        session = TrainingSession(cfg, corpus)
        t_vocab = time.perf_counter() - t
        t = time.perf_counter()
        p = session.run()
        secs = time.perf_counter() - t
        m = session.model
        results["wordlab"] = (secs, p.done / secs, m.vocab.words, m.W_in, t_vocab, p.loss)

    if args.only in (None, "gensim"):
        from gensim.models import Word2Vec as GensimW2V

        t = time.perf_counter()
        g = GensimW2V(vector_size=args.dim, window=args.window, min_count=args.min_count,
                      sg=1 if args.arch == "sg" else 0, hs=1 if args.loss == "hs" else 0,
                      negative=args.negative if args.loss == "neg" else 0, sample=args.sample,
                      alpha=alpha, min_alpha=0.0001, workers=args.threads, seed=args.seed,
                      epochs=args.epochs, compute_loss=False)
        g.build_vocab(corpus)
        t_vocab = time.perf_counter() - t
        t = time.perf_counter()
        g.train(corpus, total_examples=g.corpus_count, epochs=args.epochs)
        secs = time.perf_counter() - t
        words = list(g.wv.index_to_key)
        total = int(sum(g.wv.get_vecattr(w, "count") for w in words)) * args.epochs
        results["gensim"] = (secs, total / secs, words, g.wv.vectors, t_vocab, float("nan"))

    print(f"corpus {args.corpus} | {args.arch}/{args.loss} dim={args.dim} window={args.window} "
          f"negative={args.negative} min_count={args.min_count} sample={args.sample} epochs={args.epochs} "
          f"alpha={alpha} threads={args.threads}")
    for name, (secs, rate, words, vecs, t_vocab, loss) in results.items():
        sp, used, skipped = wordsim(words, vecs, ws_path) if ws_path.exists() else (float("nan"), 0, 0)
        line = (f"{name:8s} vocab {len(words):6d} ({t_vocab:5.1f} s)  train {secs:6.1f} s  "
                f"{rate:10,.0f} words/s  WordSim-353 Spearman {sp:.3f} ({used} pairs, {skipped} OOV)")
        if args.analogies and an_path.exists():
            acc, n = analogies(words, vecs, an_path)
            line += f"  analogies {acc:.1%} of {n}"
        if name == "wordlab":
            line += f"  final loss {loss:.3f}"
        print(line)
    if len(results) == 2:
        print(f"speed ratio wordlab/gensim: {results['wordlab'][1] / results['gensim'][1]:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
