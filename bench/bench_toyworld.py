"""Benchmark: does Word2Vec learn toy-world's planted analogies, and how fast?

    .venv/bin/python bench/bench_toyworld.py                    # wordlab's trainer
    .venv/bin/python bench/bench_toyworld.py --trainer gensim   # the same with gensim
    .venv/bin/python bench/bench_toyworld.py --seeds 1 2 3 --size 40000 --dim 100 --epochs 5
    .venv/bin/python bench/bench_toyworld.py --arch cbow --loss hs --threads 1

Skip-gram (``--arch``) with negative sampling (``--loss``; window 5, negative 5, min_count 5,
sample 1e-3, ``--threads`` 2 threads) on the default toy-world, then 3CosAdd on its analogy
file (query words excluded, as gensim and ``wordlab eval`` do).  The issue's bar: >= 90% in
under a minute on 2 cores.
Prints one line per seed and a summary; exit status 1 if any seed misses the bar.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from corpora import open_corpus  # noqa: E402
from corpora.toyworld import DEFAULT_SIZE  # noqa: E402


def train_wordlab(corpus, args):
    from engine.word2vec import TrainingSession, Word2VecConfig

    config = Word2VecConfig(arch=args.arch, loss=args.loss, dim=args.dim, window=5, negative=5,
                            min_count=5, sample=1e-3, epochs=args.epochs, seed=args.seed,
                            threads=args.threads, alpha=0.05 if args.arch == "cbow" else 0.025)
    t0 = time.perf_counter()
    session = TrainingSession(config, corpus)
    session.run()
    seconds = time.perf_counter() - t0
    return session.model.vectors(), seconds


def train_gensim(corpus, args):
    from gensim.models import Word2Vec

    from engine.vectors import KeyedVectors

    t0 = time.perf_counter()
    model = Word2Vec(corpus, vector_size=args.dim, window=5, sg=1 if args.arch == "sg" else 0,
                     hs=1 if args.loss == "hs" else 0, negative=5 if args.loss == "neg" else 0,
                     min_count=5, sample=1e-3, epochs=args.epochs, workers=args.threads,
                     seed=args.seed, alpha=0.05 if args.arch == "cbow" else 0.025)
    seconds = time.perf_counter() - t0
    wv = model.wv
    return KeyedVectors(list(wv.index_to_key), wv.vectors.copy()), seconds


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--trainer", choices=("wordlab", "gensim"), default="wordlab")
    p.add_argument("--size", type=int, default=DEFAULT_SIZE)
    p.add_argument("--dim", type=int, default=100)
    p.add_argument("--epochs", type=int, default=5)
    p.add_argument("--seeds", type=int, nargs="+", default=[1])
    p.add_argument("--arch", choices=("sg", "cbow"), default="sg")
    p.add_argument("--loss", choices=("neg", "hs"), default="neg")
    p.add_argument("--threads", type=int, default=2)
    args = p.parse_args(argv)

    from engine.evaluate import evaluate_analogies

    train = train_wordlab if args.trainer == "wordlab" else train_gensim
    ok = True
    for seed in args.seeds:
        args.seed = seed
        corpus = open_corpus("toy-world", seed=seed, size=args.size)
        kv, seconds = train(corpus, args)
        result = evaluate_analogies(kv, corpus.analogies)
        sections = "  ".join(f"{s.name} {s.correct}/{s.total}" for s in result.sections)
        good = result.accuracy >= 0.9 and seconds < 60
        ok &= good
        print(f"{args.trainer} {args.arch}/{args.loss} seed {seed}: size {args.size:,} sentences "
              f"({corpus.token_estimate:,} tokens), dim {args.dim}, {args.epochs} epochs: "
              f"train {seconds:.1f} s, analogies {result.correct}/{result.total} = "
              f"{100 * result.accuracy:.1f}% (skipped {result.skipped})  [{sections}]"
              f"{'' if good else '  << below the bar'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
