"""Negative sampling (word2vec.c's ``-negative k``), and the sigmoid output layer it
shares with hierarchical softmax.

Instead of a softmax over the whole vocabulary, each example scores only a few rows of
``W_out``: the true word (label 1) and ``k`` noise words drawn from the unigram^0.75
distribution (label 0).  A noise draw equal to the true word is skipped, as in
word2vec.c (``if (target == word) continue;``), so an example may have fewer than k
negatives.  For each scored row ``u``:

    score = u . h,   sigma = 1 / (1 + exp(-score))
    loss  = -log sigma(pos) - sum_neg log sigma(-neg)       (binary cross-entropy)
    dL/dscore = sigma - label
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np


def sigmoid(x: np.ndarray) -> np.ndarray:
    """sigma(x) = 1 / (1 + exp(-x)), written as 0.5 (1 + tanh(x / 2)): it never overflows,
    needs no branch, and keeps a float array's dtype (float32 LSTM weights stay float32).

    The engine's one sigmoid: the output layers here and in hierarchical softmax, and the
    LSTM's gates (``engine.lstm`` re-exports it)."""
    x = np.asarray(x)
    if not np.issubdtype(x.dtype, np.floating):
        x = x.astype(np.float64)
    return 0.5 * (1.0 + np.tanh(0.5 * x))


def log_sigmoid(x: np.ndarray) -> np.ndarray:
    """log sigma(x) = -log(1 + exp(-x)), stable for large |x|."""
    return -np.logaddexp(0.0, -np.asarray(x, dtype=np.float64))


class NoiseSampler:
    """Draws noise words from a distribution (default: unigram^0.75).

    Like word2vec.c's ``table`` (1e8 entries there): word ``w`` fills a share of a table
    proportional to its probability and a uniform random slot is drawn.  The table has
    ``max(2**20, 16 V)`` slots (at most 1e8): each word's probability is exact to within
    one slot, and a draw is one array lookup instead of a binary search."""

    def __init__(self, distribution: np.ndarray) -> None:
        p = np.asarray(distribution, dtype=np.float64)
        p = p / p.sum()
        self.p = p
        size = int(min(max(2**20, 16 * len(p)), 10**8))
        cum = np.cumsum(p)
        cum[-1] = 1.0
        slots = (np.arange(size) + 0.5) / size
        self.table = np.searchsorted(cum, slots, side="right").astype(np.int32)

    def draw(self, rng, shape) -> np.ndarray:
        return self.table[rng.integers(0, len(self.table), size=shape)]


def targets_and_labels(target: int, negatives: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The rows one example scores: ``[target, negatives not equal to target]`` and their
    labels ``[1, 0, 0, ...]``."""
    negs = np.asarray(negatives, dtype=np.int64)
    negs = negs[negs != target]
    ids = np.concatenate([[target], negs]).astype(np.int64)
    labels = np.zeros(len(ids))
    labels[0] = 1.0
    return ids, labels


@dataclass(frozen=True, eq=False)
class SigmoidStep:
    scores: np.ndarray     # (T,)  u_t . h
    sigmoids: np.ndarray   # (T,)  sigma(score)
    loss: float            # sum of binary cross-entropies
    grad_h: np.ndarray     # (d,)
    grad_rows: np.ndarray  # (T, d) dL/du_t (rows of W_out, in ``ids`` order)


def forward_backward(h: np.ndarray, W_rows: np.ndarray, labels: np.ndarray) -> SigmoidStep:
    """Binary logistic outputs over the rows ``W_rows`` (T x d) with 0/1 ``labels``."""
    scores = W_rows @ h
    sig = sigmoid(scores)
    # label 1: -log sigma(s); label 0: -log sigma(-s)
    sign = 2.0 * labels - 1.0
    loss = float(-log_sigmoid(sign * scores).sum())
    e = sig - labels                     # dL/dscores
    grad_h = W_rows.T @ e
    grad_rows = np.outer(e, h)
    return SigmoidStep(scores, sig, loss, grad_h, grad_rows)
