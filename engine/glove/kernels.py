"""GloVe's training loop compiled (numba, ``nogil``, float32): ``glove.reference_update`` for
a run of cells, with no Python between them, so several threads train at once (Hogwild over
the shared ``w``, ``w~``, biases and AdaGrad sums, as glove.c's pthreads do).

Imported only when GloVe trains; compiled on first use and cached like engine/word2vec/kernels.py.
"""

from __future__ import annotations

import math

import numpy as np

from engine.word2vec import kernels as _k   # noqa: F401  (sets numba's cache directory where needed)
from numba import njit  # noqa: E402

_OPTS = dict(nogil=True, cache=True, fastmath=False, error_model="numpy")


@njit(**_OPTS)
def train_cells(w, w_tilde, b, b_tilde, gradsq_w, gradsq_w_tilde, gradsq_b, gradsq_b_tilde,
                rows, cols, log_x, f, order, start, end, eta):
    """Cells ``order[start:end]`` (indices into rows/cols/log_x/f), one AdaGrad step each;
    returns the sum of their costs ``f (prediction - log X)^2 / 2``."""
    d = w.shape[1]
    cost = 0.0
    for p in range(start, end):
        k = order[p]
        i = rows[k]
        j = cols[k]
        dot = np.float32(0.0)
        for c in range(d):
            dot += w[i, c] * w_tilde[j, c]
        error = np.float64(dot) + np.float64(b[i]) + np.float64(b_tilde[j]) - np.float64(log_x[k])
        fk = np.float64(f[k])
        cost += 0.5 * fk * error * error
        g = np.float32(fk * error * eta)
        for c in range(d):
            gi = g * w_tilde[j, c]              # both from the weights before this cell
            gj = g * w[i, c]
            w[i, c] -= gi / np.float32(math.sqrt(gradsq_w[i, c]))
            w_tilde[j, c] -= gj / np.float32(math.sqrt(gradsq_w_tilde[j, c]))
            gradsq_w[i, c] += gi * gi
            gradsq_w_tilde[j, c] += gj * gj
        b[i] -= g / np.float32(math.sqrt(gradsq_b[i]))
        b_tilde[j] -= g / np.float32(math.sqrt(gradsq_b_tilde[j]))
        gradsq_b[i] += g * g
        gradsq_b_tilde[j] += g * g
    return cost
