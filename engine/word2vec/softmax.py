"""The lecture's output layer: full softmax over the vocabulary + cross-entropy.

    scores = W_out @ h                  (one score per vocabulary word)
    probs  = softmax(scores)            (exp(scores) / sum exp(scores))
    loss   = CE(Y, Y^) = -log probs[target]
    dL/dscores = probs - onehot(target)
    grad_h     = W_out.T @ (probs - y)
    grad_W_out = outer(probs - y, h)    (every row changes: the cost that NS/HS avoid)

With ``W_out = 0`` every probability is 1/V, so the loss is ln V: ln 4 = 1.386 for the
lecture's four words ("insufficiently trained").
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np


def softmax(scores: np.ndarray) -> np.ndarray:
    """Numerically stable softmax over the last axis."""
    z = scores - scores.max(axis=-1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=-1, keepdims=True)


def cross_entropy(probs: np.ndarray, target: int) -> float:
    """-sum_i Y_i log Y^_i with a one-hot Y: -log probs[target]."""
    return float(-np.log(max(float(probs[target]), np.finfo(np.float64).tiny)))


@dataclass(frozen=True, eq=False)
class SoftmaxStep:
    scores: np.ndarray      # (V,)
    probs: np.ndarray       # (V,)
    loss: float
    grad_h: np.ndarray      # (d,)
    grad_W_out: np.ndarray  # (V, d)


def forward_backward(h: np.ndarray, W_out: np.ndarray, target: int) -> SoftmaxStep:
    """Loss and gradients of one example (h -> target) at the current weights."""
    scores = W_out @ h
    z = scores - scores.max()
    log_probs = z - np.log(np.exp(z).sum())
    probs = np.exp(log_probs)
    loss = float(-log_probs[target])
    e = probs.copy()
    e[target] -= 1.0                    # dL/dscores = probs - y
    grad_h = W_out.T @ e
    grad_W_out = np.outer(e, h)
    return SoftmaxStep(scores, probs, loss, grad_h, grad_W_out)
