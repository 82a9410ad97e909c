"""FastText's training loop compiled (numba, ``nogil``, float32): one job of sentences with
no Python between the examples, so several threads train at once (Hogwild over the shared
``W_in`` / ``W_out``, as fastText's own threads do).

An example is Word2Vec's with the input rows of a word and its n-grams (see the block
comment in engine/fasttext/__init__.py): h is their mean and every one of them receives the whole
``-lr dL/dh``.  That is exactly ``kernels._example`` with ``cbow_mean`` (the mean, and the
error to every input row), so the arithmetic of one example is shared with Word2Vec's
kernels: ``_ft_example`` only chooses the register-blocked form for 6 scored rows.  The
noise draws, subsampling and the LCG are Word2Vec's too (``kernels._negative_rows``,
``kernels._subsample``, ``kernels._next``).

``replay`` trains pre-drawn examples with the same ``_ft_example`` (for the tests, against
``fasttext.reference_update``).  Imported only when FastText trains; cached like
engine/word2vec/kernels.py.
"""

from __future__ import annotations

import numpy as np

from engine.word2vec import kernels as K     # sets numba's cache directory where needed
from numba import njit  # noqa: E402

ARCH_SG, ARCH_CBOW = 0, 1
ARCH_SG_PAIR = 2     # Skip-gram recomputing h and writing every input row per pair (tests)
_OPTS = dict(nogil=True, cache=True, fastmath=False, error_model="numpy")
_ONE = np.float32(1.0)
_ZERO = np.float32(0.0)
_ROW0 = np.zeros(1, dtype=np.int32)


@njit(**_OPTS)
def _ft_example(W_in, W_out, inputs, n_in, rows, labels, n_rows, lr, h, G, d_in):
    """One example: h = mean of ``W_in[inputs[:n_in]]``, the scored ``rows`` with their
    ``labels``; returns the loss."""
    if n_rows == 6 and labels[0] == _ONE and labels[1] == _ZERO and labels[2] == _ZERO \
            and labels[3] == _ZERO and labels[4] == _ZERO and labels[5] == _ZERO:
        return K._example6(W_in, W_out, inputs, n_in, rows, lr, True, h, G, d_in)
    return K._example(W_in, W_out, inputs, n_in, rows, labels, n_rows, lr, True, h, G, d_in,
                      h, W_out.shape[0])


@njit(**_OPTS)
def train_job(W_in, W_out, ids, starts, s0, s1, keep, subsample, table, sub_ptr, sub_rows,
              arch, window, negative, lr0, lr1, seed):
    """Train sentences ``s0 .. s1-1``; the learning rate falls linearly from ``lr0`` to
    ``lr1`` over the job's words.  Returns ``(loss sum, examples, words)``."""
    d = W_in.shape[1]
    job_words = starts[s1] - starts[s0]
    longest = 1
    for s in range(s0, s1):
        longest = max(longest, starts[s + 1] - starts[s])
    most_sub = 1
    for w in range(len(sub_ptr) - 1):
        most_sub = max(most_sub, sub_ptr[w + 1] - sub_ptr[w])
    sen = np.empty(longest, dtype=np.int32)
    bag = np.empty(2 * window * most_sub + most_sub, dtype=np.int32)
    rows = np.empty(negative + 1, dtype=np.int32)
    labels = np.empty(negative + 1, dtype=np.float32)
    h = np.empty((1, d), dtype=np.float32)
    G = np.empty((1, max(negative + 1, 6)), dtype=np.float32)
    d_in = np.empty((1, d), dtype=np.float32)
    acc = np.empty((1, d), dtype=np.float32)
    table_size = np.uint64(len(table))
    win = np.uint64(window)
    r = np.uint64(seed)
    loss = 0.0
    examples = 0
    done = 0
    for s in range(s0, s1):
        a = starts[s]
        b = starts[s + 1]
        lr = np.float32(lr0 + (lr1 - lr0) * (done / max(job_words, 1)))
        done += b - a
        n, r = K._subsample(ids, a, b, keep, True if subsample else False, r, sen)
        for i in range(n):
            centre = sen[i]
            r = K._next(r)
            eff = window - np.int64((r >> np.uint64(16)) % win)     # 1 .. window
            lo = max(0, i - eff)
            hi = min(n, i + eff + 1)
            if arch == ARCH_SG:
                # the centre's word + n-gram rows in, each context word out (fastText), in
                # fastText's order, but h = their mean formed once per centre: after a pair,
                # every input row moves by d_in, so their mean moves by d_in too (h += d_in,
                # the next pair's h), and the rows take the sum of the pairs' d_in at the
                # end.  The same arithmetic as recomputing h and writing ~24 rows per pair
                # (ARCH_SG_PAIR) up to float rounding, with a fifth of the row traffic.
                p0 = sub_ptr[centre]
                n_in = sub_ptr[centre + 1] - p0
                if hi - lo <= 1:
                    continue
                K._hidden(W_in, sub_rows[p0:p0 + n_in], n_in, True, h)
                for k in range(d):
                    acc[0, k] = _ZERO
                for j in range(lo, hi):
                    if j == i:
                        continue
                    n_rows, r = K._negative_rows(table, table_size, sen[j], negative, r, rows,
                                                 labels)
                    if n_rows == 6:
                        loss += K._scores6(h, W_out, rows, lr, G, d_in)
                        for k in range(d):
                            h[0, k] += d_in[0, k]
                    else:                           # (_block adds d_in to its input, h)
                        loss += K._block(h, W_out, _ROW0, 1, rows, labels, n_rows, lr, G, d_in,
                                         h, W_out.shape[0])
                    for k in range(d):
                        acc[0, k] += d_in[0, k]
                    examples += 1
                for k in range(n_in):
                    K._axpy(_ONE, acc, 0, W_in, sub_rows[p0 + k], d)
            elif arch == ARCH_SG_PAIR:
                p0 = sub_ptr[centre]
                n_in = sub_ptr[centre + 1] - p0
                for k in range(n_in):
                    bag[k] = sub_rows[p0 + k]
                for j in range(lo, hi):
                    if j == i:
                        continue
                    n_rows, r = K._negative_rows(table, table_size, sen[j], negative, r, rows,
                                                 labels)
                    loss += _ft_example(W_in, W_out, bag, n_in, rows, labels, n_rows, lr, h, G,
                                        d_in)
                    examples += 1
            else:
                # the bag of every context word's rows in, the centre out
                n_in = 0
                for j in range(lo, hi):
                    if j == i:
                        continue
                    w = sen[j]
                    for k in range(sub_ptr[w], sub_ptr[w + 1]):
                        bag[n_in] = sub_rows[k]
                        n_in += 1
                if n_in == 0:
                    continue
                n_rows, r = K._negative_rows(table, table_size, centre, negative, r, rows, labels)
                loss += _ft_example(W_in, W_out, bag, n_in, rows, labels, n_rows, lr, h, G, d_in)
                examples += 1
    return loss, examples, done


@njit(**_OPTS)
def replay(W_in, W_out, inputs, n_in, rows, labels, n_rows, lrs):
    """Train pre-drawn examples in order with ``_ft_example`` (for the tests): ``inputs``
    (n, C) and ``rows`` / ``labels`` (n, T), padded, with their used lengths.  Returns the
    loss of each example."""
    d = W_in.shape[1]
    n = inputs.shape[0]
    h = np.empty((1, d), dtype=np.float32)
    G = np.empty((1, max(rows.shape[1], 6)), dtype=np.float32)
    d_in = np.empty((1, d), dtype=np.float32)
    out = np.empty(n, dtype=np.float64)
    for e in range(n):
        out[e] = _ft_example(W_in, W_out, inputs[e], n_in[e], rows[e], labels[e], n_rows[e],
                             np.float32(lrs[e]), h, G, d_in)
    return out
