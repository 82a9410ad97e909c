"""Back-propagation through time, term by term, and why it vanishes (lecture section 2).

For the RNN ``h_t = tanh(W_xh x_t + W_hh h_{t-1} + b_h)``, ``y_t = W_hy h_t + b_y`` and a loss on
the output of the last step T, the lecture writes the gradient of the shared W_hh as a sum with
one term per time step k (the step at which W_hh was used), each a chain of factors:

    dL/dW_hh =   dL/dy_T · dy_T/dh_T · dh_T/dW_hh                         (the effect at t = T)
               + dL/dy_T · dy_T/dh_T · dh_T/dh_{T-1} · dh_{T-1}/dW_hh      (the effect at T-1)
               + ...

Here ``dh_k/dW_hh`` is W_hh's immediate use at step k (``outer((1 - h_k^2) * delta_k, h_{k-1})``
with ``delta_k = dL/dh_k``) and every factor ``dh_j/dh_{j-1} = diag(1 - h_j^2) W_hh``.
:func:`bptt_terms` returns every term with its factors' norms, and the sum growing;
:func:`vanishing` multiplies the factors of a long sequence (the lecture's T = 100), whose
norms lie between 0 and 1: the product, the effect of t = 0 on the loss at T, goes to ~0.

Plain numpy (no torch), so lesson mode shows it at once; the norms are spectral norms
(``np.linalg.norm(J, 2)``: the most a factor can stretch a vector).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from engine.errors import ConfigError
from engine.rnn import RNNCell, RNNStep
from engine.word2vec.softmax import cross_entropy, softmax


def factor(step: RNNStep, cell: RNNCell) -> np.ndarray:
    """dh_t/dh_{t-1} = diag(1 - h_t^2) W_hh, the Jacobian of one step (H x H)."""
    return (1.0 - step.h ** 2)[:, None] * cell.W_hh


@dataclass(frozen=True, eq=False)   # holds arrays: equality is identity
class BPTTTerm:
    """The term of dL/dW_hh for W_hh's use at step ``t`` (1-based; h_0 is the initial state)."""

    t: int
    distance: int                       # T - t: how many factors dh_j/dh_{j-1} it carries
    factor_norms: tuple[float, ...]     # ||dh_j/dh_{j-1}||, j = T, T-1, ..., t+1
    product_norm: float                 # ||dh_T/dh_t|| (1 for the term at T)
    grad_h_norm: float                  # ||dL/dh_t||
    term: np.ndarray                    # (H, H): this term of dL/dW_hh
    term_norm: float
    sum_norm: float                     # ||the terms from T down to t, summed||


@dataclass(frozen=True, eq=False)
class BPTT:
    """dL/dW_hh for a loss on the last step's output, built term by term."""

    target: int
    probs: np.ndarray                   # softmax(y_T)
    loss: float                         # CE(y_T, target)
    dL_dy: np.ndarray                   # probs - one-hot(target)
    W_hy_norm: float                    # ||dy_T/dh_T|| = ||W_hy||
    terms: tuple[BPTTTerm, ...]         # t = T, T-1, ..., 1
    grad_W_hh: np.ndarray               # the sum of the terms

    @property
    def steps(self) -> int:
        return len(self.terms)


def bptt_terms(cell: RNNCell, steps: list[RNNStep], target: int) -> BPTT:
    """The terms of dL/dW_hh for ``L = CE(softmax(y_T), target)`` after running ``steps``."""
    if cell.W_hy is None:
        raise ConfigError("BPTT needs an output layer: the cell has no W_hy")
    if not steps:
        raise ConfigError("BPTT needs at least one time step")
    last = steps[-1]
    probs = softmax(last.y)
    loss = cross_entropy(probs, target)
    e = probs.copy()
    e[target] -= 1.0                    # dL/dy_T for softmax + cross-entropy
    delta = cell.W_hy.T @ e             # dL/dh_T
    H = cell.hidden_size
    product = np.eye(H)
    total = np.zeros((H, H))
    factors: list[float] = []
    terms: list[BPTTTerm] = []
    T = len(steps)
    for k in range(T - 1, -1, -1):
        s = steps[k]
        term = np.outer((1.0 - s.h ** 2) * delta, s.h_prev)
        total = total + term
        terms.append(BPTTTerm(
            t=k + 1, distance=T - 1 - k, factor_norms=tuple(factors),
            product_norm=float(np.linalg.norm(product, 2)),
            grad_h_norm=float(np.linalg.norm(delta)), term=term,
            term_norm=float(np.linalg.norm(term)), sum_norm=float(np.linalg.norm(total))))
        J = factor(s, cell)
        factors.append(float(np.linalg.norm(J, 2)))
        product = product @ J           # dh_T/dh_{k-1}
        delta = J.T @ delta             # dL/dh_{k-1}
    return BPTT(target=int(target), probs=probs, loss=loss, dL_dy=e,
                W_hy_norm=float(np.linalg.norm(cell.W_hy, 2)), terms=tuple(terms),
                grad_W_hh=total)


@dataclass(frozen=True, eq=False)
class Vanishing:
    """The factors dh_t/dh_{t-1} of a long sequence and their running product."""

    steps: int                          # T
    hidden_size: int
    recurrent_scale: float
    factor_norms: np.ndarray            # ||dh_t/dh_{t-1}||, t = T, T-1, ..., 1
    product_norms: np.ndarray           # ||dh_T/dh_t|| for t = T, T-1, ..., 0 (distance 0..T)

    @property
    def distance(self) -> np.ndarray:
        return np.arange(self.steps + 1)

    def product_at(self, t: int) -> float:
        """||dh_T/dh_t||: how much h_t still moves the loss at T."""
        if not 0 <= t <= self.steps:
            raise ConfigError(f"t must be in 0..{self.steps} (got {t})")
        return float(self.product_norms[self.steps - t])


def vanishing(steps: int = 100, hidden_size: int = 16, input_size: int = 8,
              recurrent_scale: float = 0.5, seed: int = 0) -> Vanishing:
    """Run a random RNN (PyTorch's init, W_hh times ``recurrent_scale``) over ``steps`` random
    inputs and multiply the factors dh_t/dh_{t-1} from t = T back to t = 1."""
    if not isinstance(steps, int) or not 1 <= steps <= 10_000:
        raise ConfigError(f"steps must be an integer in 1..10000 (got {steps!r})")
    cell = RNNCell.random(input_size, hidden_size, seed=seed + 1,
                          recurrent_scale=recurrent_scale)
    x = np.random.default_rng(seed).standard_normal((steps, input_size))
    run = cell.run(x)
    product = np.eye(hidden_size)
    factors, products = [], [1.0]
    for s in reversed(run):
        J = factor(s, cell)
        factors.append(float(np.linalg.norm(J, 2)))
        product = product @ J
        products.append(float(np.linalg.norm(product, 2)))
    return Vanishing(steps=steps, hidden_size=hidden_size, recurrent_scale=recurrent_scale,
                     factor_norms=np.array(factors), product_norms=np.array(products))
