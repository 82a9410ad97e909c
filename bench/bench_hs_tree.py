"""How much hierarchical softmax's quality depends on which Huffman tree it gets.

    .venv/bin/python bench/bench_hs_tree.py                 # CBOW + HS on wiki-bench, 6 tie orders
    .venv/bin/python bench/bench_hs_tree.py --arch sg --ties 4
    .venv/bin/python bench/bench_hs_tree.py --quick         # a smoke run (seconds)

Every Huffman tree of a vocabulary is optimal, but many words share a count (on wiki-bench
1,141 words occur exactly 5 times), and the order in which equal counts are merged decides
which words end up as siblings.  word2vec.c merges in its vocabulary order, gensim 4 in its own
(heap order over counts sorted with ties reversed), so the two tools train different trees.

One deterministic run each (1 thread / 1 worker, the same seed, dim 100, window 5, min_count 5,
sample 1e-3, alpha 0.05 CBOW / 0.025 SG, 5 epochs):

* gensim, with its own tree;
* wordlab with its tree (word2vec.c's construction over first-seen order among ties);
* wordlab with gensim's tree (read from gensim's vocabulary: the same inner nodes and codes),
  which says whether what differs is the trainer or the tree;
* wordlab with trees built by the same construction after shuffling the order among equal
  counts (``--ties`` seeds): the spread of quality over trees that are all equally valid.

Printed: WS-353 Spearman and analogy accuracy of each (engine/evaluate.py).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

from bench_word2vec import evaluate, machine, read_lines, versions  # noqa: E402


def gensim_tree(model, words):
    """gensim's codes and points, in wordlab's word order, as an ``engine.word2vec.huffman.HuffmanTree``."""
    from engine.word2vec.huffman import HuffmanTree

    codes = [model.wv.get_vecattr(w, "code") for w in words]
    points = [model.wv.get_vecattr(w, "point") for w in words]
    L = max(map(len, codes))
    C = np.zeros((len(words), L), np.uint8)
    P = np.zeros((len(words), L), np.int32)
    n = np.zeros(len(words), np.int32)
    for i, (c, p) in enumerate(zip(codes, points)):
        C[i, :len(c)], P[i, :len(p)], n[i] = c, p, len(c)
    return HuffmanTree(C, P, n)


def shuffled_ties_tree(counts, seed: int):
    """word2vec.c's construction over the vocabulary with equal counts in a shuffled order."""
    from engine.word2vec.huffman import HuffmanTree, build_huffman

    counts = np.asarray(counts, dtype=np.int64)
    order = np.lexsort((np.random.default_rng(seed).permutation(len(counts)), -counts))
    tree = build_huffman(counts[order])
    back = np.argsort(order)
    return HuffmanTree(tree.codes[back], tree.points[back], tree.lengths[back])


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=SHARED / "corpora" / "wiki-bench.txt")
    ap.add_argument("--arch", choices=("cbow", "sg"), default="cbow")
    ap.add_argument("--ties", type=int, default=6, help="trees with shuffled ties (seeds 1..N)")
    ap.add_argument("--epochs", type=int, default=5)
    ap.add_argument("--dim", type=int, default=100)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--max-lines", type=int, default=None)
    ap.add_argument("--quick", action="store_true", help="2,000 lines, 1 epoch, dim 20, 2 tie orders")
    args = ap.parse_args(argv)
    if args.quick:
        args.max_lines, args.epochs, args.dim, args.ties = args.max_lines or 2000, 1, 20, 2
    if not args.corpus.exists():
        print(f"skipped: corpus not found: {args.corpus}")
        return 0
    from engine.word2vec import TrainingSession, Word2VecConfig

    sentences = read_lines(args.corpus, args.max_lines)
    ws_path, an_path = SHARED / "eval" / "wordsim353.tsv", SHARED / "eval" / "questions-words.txt"
    alpha = 0.05 if args.arch == "cbow" else 0.025
    print(f"# {args.corpus.name}: {len(sentences):,} lines | {args.arch}/hs, dim {args.dim}, "
          f"window 5, min_count 5, sample 1e-3, alpha {alpha}, {args.epochs} epochs, 1 thread, "
          f"seed {args.seed}")
    print(f"# {machine()} | {versions()} | {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}")
    try:
        from gensim.models import Word2Vec
    except ImportError:
        Word2Vec = None
        print("gensim is not installed: wordlab's trees only")

    def wordlab(tree=None):
        cfg = Word2VecConfig(arch=args.arch, loss="hs", dim=args.dim, window=5, sample=1e-3,
                             min_count=5, epochs=args.epochs, alpha=alpha, min_alpha=0.0001,
                             threads=1, seed=args.seed)
        session = TrainingSession(cfg, sentences)
        if tree is not None:
            session.model.tree = tree
        session.run()
        return evaluate(list(session.vocab.words), session.model.W_in, ws_path, an_path), session

    print("| trainer | tree | WS-353 | analogy |")
    print("|---|---|---|---|")
    (ws, an), session = wordlab()
    print(f"| wordlab | word2vec.c's construction, first-seen ties (default) | {ws:.3f} | {an:.2%} |",
          flush=True)
    words = list(session.vocab.words)
    if Word2Vec is not None:
        g = Word2Vec(vector_size=args.dim, window=5, min_count=5, sample=1e-3,
                     sg=1 if args.arch == "sg" else 0, hs=1, negative=0, alpha=alpha,
                     min_alpha=0.0001, workers=1, seed=args.seed, epochs=args.epochs)
        g.build_vocab(sentences)
        g.train(sentences, total_examples=g.corpus_count, epochs=args.epochs)
        gws, gan = evaluate(list(g.wv.index_to_key), g.wv.vectors, ws_path, an_path)
        print(f"| gensim | gensim's (heap order) | {gws:.3f} | {gan:.2%} |", flush=True)
        (ws, an), _ = wordlab(gensim_tree(g, words))
        print(f"| wordlab | gensim's | {ws:.3f} | {an:.2%} |", flush=True)
    spread = []
    for seed in range(1, args.ties + 1):
        (ws, an), _ = wordlab(shuffled_ties_tree(session.vocab.counts, seed))
        if ws == ws:                        # NaN: no WS-353 pair in the vocabulary
            spread.append(float(ws))
        print(f"| wordlab | word2vec.c's construction, ties shuffled (seed {seed}) | {ws:.3f} | "
              f"{an:.2%} |", flush=True)
    if len(spread) > 1:
        print(f"# shuffled ties: WS-353 {min(spread):.3f} to {max(spread):.3f}, "
              f"mean {statistics.mean(spread):.3f}, sd {statistics.stdev(spread):.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
