"""The compiled training kernels: word2vec.c's inner loops in numba, run without the GIL.

The lecture's equations are the reference trainer's (engine/word2vec/__init__.py, plain numpy,
one example at a time).  These kernels do the same arithmetic, in float32, in machine
code (``@njit(nogil=True)``), so several Python threads train at once over the shared
``W_in`` / ``W_out`` (Hogwild: no locks, a row written by two threads at once loses an
update now and then, as in word2vec.c and gensim).

One example, with the lecture's names (``_example``; the reference computes the same):

    h      = W_in[input]          (CBOW: the mean, or sum, of the context rows)
    f_t    = W_out[row_t] . h     for the scored rows: NS the centre (label 1) and k noise
                                  words (label 0); HS the inner nodes of the centre's path
    g_t    = lr * (label_t - sigma(f_t))        (= -lr dL/df_t)
    loss   = sum_t -log sigma((2 label_t - 1) f_t)
    W_out[row_t] += g_t h         for every t, all with the weights before the example
    W_in[input]  += sum_t g_t W_out[row_t]      (CBOW: to every context row)

Where ``|f_t| >= 6`` the row's update is skipped (g_t = 0), as gensim does for both NS
and HS: sigma is then within 0.25% of 0 or 1 and the row is already right or hopelessly
wrong.  (word2vec.c clamps instead for NS; the prototype measured gensim's rule better:
see the issue.)  The loss is always the exact one, skipped rows included.

``train_job`` trains one job (a run of sentences, ~10k words) in one call: word2vec.c's
subsampling (keep with ``Vocab.keep_prob``), dynamic window (``b = rand % window``),
negative draws from a unigram^0.75 table, the learning rate falling linearly over the
job, and returns (loss sum, examples, words).  Random numbers come from word2vec.c's LCG,
seeded per job, so a job trains the same way whichever thread runs it.

Skip-gram + NS has two forms.  ``shared=False`` (per pair): every (context, centre) pair
draws its own k negatives, word2vec.c's loop.  ``shared=True`` (Intel's HogBatch, Ji et
al. 2016): the contexts of one centre share one draw of negatives, and the block's
updates (all contexts x [centre + negatives]) are computed from the weights before the
block and applied together; it reads each W_out row once per centre instead of once per
pair.  ``_block`` is that update.

``replay`` trains pre-drawn examples (inputs, scored rows, labels, learning rates) with
the very ``_example`` that ``train_job`` uses: the tests feed it what the reference trainer
trained and compare weights and loss.

Imported only when training starts (numba takes ~0.3 s to import; the app's first screen
must not pay for it).  The first call of a kernel compiles it (1-3 s) and caches the
machine code next to this file, or under the user's cache directory when the package is
read-only (``NUMBA_CACHE_DIR``, set below if unset).
"""

from __future__ import annotations

import os


def _configure_cache() -> None:
    """numba caches compiled kernels in ``__pycache__`` beside this file; where the package
    is installed read-only, point it at the user's cache directory instead."""
    if os.environ.get("NUMBA_CACHE_DIR"):
        return
    here = os.path.dirname(os.path.abspath(__file__))
    pycache = os.path.join(here, "__pycache__")
    target = pycache if os.path.isdir(pycache) else here
    if os.access(target, os.W_OK):
        return
    from platformdirs import user_cache_dir

    path = os.path.join(user_cache_dir("wordlab"), "numba")
    os.makedirs(path, exist_ok=True)
    os.environ["NUMBA_CACHE_DIR"] = path


_configure_cache()

import math  # noqa: E402

import numpy as np  # noqa: E402
from numba import njit  # noqa: E402

MAX_EXP = 6.0                      # |f| >= MAX_EXP: skip the row's update (gensim)
HOT_ROWS = 16                      # HS: the top inner nodes ...
HOT_EVERY = 32                     # ... written to W_out once per this many centre words
_MUL = np.uint64(25214903917)      # word2vec.c's LCG: next = next * 25214903917 + 11
_ADD = np.uint64(11)
_S16 = np.uint64(16)
_S40 = np.uint64(40)
_ONE = np.float32(1.0)
_ZERO = np.float32(0.0)

ARCH_SG, ARCH_CBOW = 0, 1
LOSS_NEG, LOSS_HS = 0, 1

_OPTS = dict(nogil=True, cache=True, fastmath=False, error_model="numpy")


# softplus(x) = log(1 + e^x) on [-MAX_EXP, MAX_EXP], for the loss: linear interpolation in
# 4096 steps is within 3e-7 of the exact value, and 3x cheaper than log1p (which took a
# third of the kernel's time).  Outside the range the exact formula is used.
_SP_STEPS = 4096
_SP_SCALE = np.float32(_SP_STEPS / (2 * MAX_EXP))
_SP_TABLE = np.log1p(np.exp(np.linspace(-MAX_EXP, MAX_EXP, _SP_STEPS + 1))).astype(np.float32)


@njit(**_OPTS)
def _softplus_table(x):
    """log(1 + e^x) for |x| < MAX_EXP, interpolated in ``_SP_TABLE``."""
    p = (x + np.float32(MAX_EXP)) * _SP_SCALE
    i = min(int(p), _SP_STEPS - 1)
    w = p - np.float32(i)
    return _SP_TABLE[i] + w * (_SP_TABLE[i + 1] - _SP_TABLE[i])


@njit(**_OPTS)
def _softplus(x):
    """log(1 + exp(x)) without overflow: -log sigma(-x)."""
    if x > 0.0:
        return x + math.log1p(math.exp(-x))
    return math.log1p(math.exp(x))


@njit(nogil=True, cache=True, error_model="numpy", fastmath={"reassoc", "contract"})
def _dot(A, i, B, j, d):
    """A[i] . B[j] in float32.  The one place with relaxed float rules: re-associating the
    sum lets LLVM vectorise it (reassoc + contract only; NaN and inf keep their meaning,
    and the same machine code gives the same sums, so runs stay bit-identical)."""
    s = _ZERO
    for k in range(d):
        s += A[i, k] * B[j, k]
    return s


@njit(**_OPTS)
def _axpy(a, X, i, Y, j, d):
    """Y[j] += a * X[i].  Rows are indexed in place: a row view (``W[i]``) would cost a
    reference-count update on the whole matrix, shared by all threads, per call."""
    for k in range(d):
        Y[j, k] += a * X[i, k]


@njit(nogil=True, cache=True, error_model="numpy", fastmath={"reassoc", "contract"})
def _example6(W_in, W_out, inputs, n_in, rows, lr, cbow_mean, h, G, d_in):
    """``_example`` for negative sampling's common case of exactly 6 rows (the centre, label
    1, + 5 noise words, label 0), register-blocked: the 6 scores in one pass over h, neu1e
    and the 6 W_out updates in one pass each.  The same arithmetic up to the order of sums."""
    d = W_in.shape[1]
    _hidden(W_in, inputs, n_in, cbow_mean, h)
    loss = _scores6(h, W_out, rows, lr, G, d_in)
    for c in range(n_in):
        _axpy(_ONE, d_in, 0, W_in, inputs[c], d)
    return loss


@njit(nogil=True, cache=True, error_model="numpy", fastmath={"reassoc", "contract"})
def _scores6(h, W_out, rows, lr, G, d_in):
    """The output side of ``_example6`` for a given ``h`` (1, d): the 6 scores, the loss,
    ``d_in[0] = -lr dL/dh`` (from W_out before the update) and the 6 W_out updates."""
    d = h.shape[1]
    r0 = rows[0]
    r1 = rows[1]
    r2 = rows[2]
    r3 = rows[3]
    r4 = rows[4]
    r5 = rows[5]
    s0 = _ZERO
    s1 = _ZERO
    s2 = _ZERO
    s3 = _ZERO
    s4 = _ZERO
    s5 = _ZERO
    for k in range(d):
        x = h[0, k]
        s0 += x * W_out[r0, k]
        s1 += x * W_out[r1, k]
        s2 += x * W_out[r2, k]
        s3 += x * W_out[r3, k]
        s4 += x * W_out[r4, k]
        s5 += x * W_out[r5, k]
    G[0, 0] = s0
    G[0, 1] = s1
    G[0, 2] = s2
    G[0, 3] = s3
    G[0, 4] = s4
    G[0, 5] = s5
    loss = 0.0
    for t in range(6):
        f = G[0, t]
        label = _ONE if t == 0 else _ZERO
        if f >= MAX_EXP or f <= -MAX_EXP or not (f == f):
            loss += _softplus(-np.float64(f) if t == 0 else np.float64(f))
            G[0, t] = _ZERO if f == f else f
        else:
            e = np.float32(math.exp(-f))
            ln = _softplus_table(-f)
            loss += ln if t == 0 else ln + f
            G[0, t] = np.float32((label - _ONE / (_ONE + e)) * lr)
    g0 = G[0, 0]
    g1 = G[0, 1]
    g2 = G[0, 2]
    g3 = G[0, 3]
    g4 = G[0, 4]
    g5 = G[0, 5]
    for k in range(d):
        d_in[0, k] = (g0 * W_out[r0, k] + g1 * W_out[r1, k] + g2 * W_out[r2, k]
                      + g3 * W_out[r3, k] + g4 * W_out[r4, k] + g5 * W_out[r5, k])
    for k in range(d):
        x = h[0, k]
        W_out[r0, k] += g0 * x
        W_out[r1, k] += g1 * x
        W_out[r2, k] += g2 * x
        W_out[r3, k] += g3 * x
        W_out[r4, k] += g4 * x
        W_out[r5, k] += g5 * x
    return loss


@njit(nogil=True, cache=True, error_model="numpy", fastmath={"reassoc", "contract"})
def _block(W_in, W_out, ctx, n_ctx, rows, labels, n_rows, lr, G, d_in, hot, hot_from):
    """HogBatch: the contexts ``ctx[:n_ctx]`` of one centre against the shared rows
    ``rows[:n_rows]`` with their ``labels`` (NS: the centre, label 1, and the noise words,
    label 0; HS: the centre's path).  All scores from the weights before the block, then all
    updates.  Returns the loss.  The update of a row ``r >= hot_from`` goes to
    ``hot[r - hot_from]`` instead of ``W_out[r]`` (see ``train_job``: HS's top rows).  Rows are taken four at a time (register blocking: a context
    row is read once per four scores, a d_in row written once per four rows)."""
    d = W_in.shape[1]
    loss = 0.0
    n4 = n_rows - n_rows % 4
    for j in range(n_ctx):
        cj = ctx[j]
        for t in range(0, n4, 4):
            ra = rows[t]
            rb = rows[t + 1]
            rc = rows[t + 2]
            rd = rows[t + 3]
            sa = _ZERO
            sb = _ZERO
            sc = _ZERO
            sd = _ZERO
            for k in range(d):
                x = W_in[cj, k]
                sa += x * W_out[ra, k]
                sb += x * W_out[rb, k]
                sc += x * W_out[rc, k]
                sd += x * W_out[rd, k]
            G[j, t] = sa
            G[j, t + 1] = sb
            G[j, t + 2] = sc
            G[j, t + 3] = sd
        for t in range(n4, n_rows):
            G[j, t] = _dot(W_in, cj, W_out, rows[t], d)
        for t in range(n_rows):
            f = G[j, t]
            label = labels[t]
            if f >= MAX_EXP or f <= -MAX_EXP or not (f == f):
                loss += _softplus(-np.float64(f) if label > 0.5 else np.float64(f))
                G[j, t] = _ZERO if f == f else f
            else:
                e = np.float32(math.exp(-f))
                ln = _softplus_table(-f)
                loss += ln if label > 0.5 else ln + f
                G[j, t] = np.float32((label - _ONE / (_ONE + e)) * lr)
    # d_in[j] = sum_t G[j, t] W_out[row_t]   (W_out before the block)
    for j in range(n_ctx):
        for k in range(d):
            d_in[j, k] = _ZERO
        for t in range(0, n4, 4):
            ra = rows[t]
            rb = rows[t + 1]
            rc = rows[t + 2]
            rd = rows[t + 3]
            ga = G[j, t]
            gb = G[j, t + 1]
            gc = G[j, t + 2]
            gd = G[j, t + 3]
            for k in range(d):
                d_in[j, k] += ga * W_out[ra, k] + gb * W_out[rb, k] + gc * W_out[rc, k] + gd * W_out[rd, k]
        for t in range(n4, n_rows):
            if G[j, t] != _ZERO:
                _axpy(G[j, t], W_out, rows[t], d_in, j, d)
    # W_out[row_t] += sum_j G[j, t] W_in[ctx_j]   (W_in before the block).  With several
    # contexts the sum is formed first (in d_in's spare row n_ctx) and written once per row:
    # hierarchical softmax's rows near the root are on every path, and two threads writing
    # them once per context kept their cache lines moving between the cores (2 threads ran
    # at half the speed of 1).
    spare = n_ctx
    for t in range(n_rows):
        r = rows[t]
        if n_ctx == 1:
            g = G[0, t]
            if g == _ZERO:
                continue
            if r >= hot_from:
                _axpy(g, W_in, ctx[0], hot, r - hot_from, d)
            else:
                _axpy(g, W_in, ctx[0], W_out, r, d)
            continue
        touched = False
        for k in range(d):
            d_in[spare, k] = _ZERO
        for j in range(n_ctx):
            g = G[j, t]
            if g != _ZERO:
                touched = True
                _axpy(g, W_in, ctx[j], d_in, spare, d)
        if touched:
            if r >= hot_from:
                _axpy(_ONE, d_in, spare, hot, r - hot_from, d)
            else:
                _axpy(_ONE, d_in, spare, W_out, r, d)
    for j in range(n_ctx):
        _axpy(_ONE, d_in, j, W_in, ctx[j], d)
    return loss


@njit(nogil=True, cache=True, error_model="numpy", fastmath={"reassoc", "contract"})
def _block6(W_in, W_out, ctx, n_ctx, rows, lr, G, d_in):
    """``_block`` for the common case of exactly 6 rows (the centre + 5 negatives, none equal
    to it), register-blocked: each context row is read once for its 6 scores, each d_in
    row written once.  The same arithmetic as ``_block`` up to the order of the sums."""
    d = W_in.shape[1]
    r0 = rows[0]
    r1 = rows[1]
    r2 = rows[2]
    r3 = rows[3]
    r4 = rows[4]
    r5 = rows[5]
    loss = 0.0
    for j in range(n_ctx):
        cj = ctx[j]
        s0 = _ZERO
        s1 = _ZERO
        s2 = _ZERO
        s3 = _ZERO
        s4 = _ZERO
        s5 = _ZERO
        for k in range(d):
            x = W_in[cj, k]
            s0 += x * W_out[r0, k]
            s1 += x * W_out[r1, k]
            s2 += x * W_out[r2, k]
            s3 += x * W_out[r3, k]
            s4 += x * W_out[r4, k]
            s5 += x * W_out[r5, k]
        G[j, 0] = s0
        G[j, 1] = s1
        G[j, 2] = s2
        G[j, 3] = s3
        G[j, 4] = s4
        G[j, 5] = s5
        for t in range(6):
            f = G[j, t]
            label = _ONE if t == 0 else _ZERO
            if f >= MAX_EXP or f <= -MAX_EXP or not (f == f):
                loss += _softplus(-np.float64(f) if t == 0 else np.float64(f))
                G[j, t] = _ZERO if f == f else f
            else:
                e = np.float32(math.exp(-f))
                ln = _softplus_table(-f)
                loss += ln if t == 0 else ln + f
                G[j, t] = np.float32((label - _ONE / (_ONE + e)) * lr)
    for j in range(n_ctx):
        g0 = G[j, 0]
        g1 = G[j, 1]
        g2 = G[j, 2]
        g3 = G[j, 3]
        g4 = G[j, 4]
        g5 = G[j, 5]
        for k in range(d):
            d_in[j, k] = (g0 * W_out[r0, k] + g1 * W_out[r1, k] + g2 * W_out[r2, k]
                          + g3 * W_out[r3, k] + g4 * W_out[r4, k] + g5 * W_out[r5, k])
    # two contexts per pass: each W_out row is read and written once per pair of contexts
    n2 = n_ctx - n_ctx % 2
    for j in range(0, n2, 2):
        cj = ctx[j]
        ck = ctx[j + 1]
        g0 = G[j, 0]
        g1 = G[j, 1]
        g2 = G[j, 2]
        g3 = G[j, 3]
        g4 = G[j, 4]
        g5 = G[j, 5]
        h0 = G[j + 1, 0]
        h1 = G[j + 1, 1]
        h2 = G[j + 1, 2]
        h3 = G[j + 1, 3]
        h4 = G[j + 1, 4]
        h5 = G[j + 1, 5]
        for k in range(d):
            x = W_in[cj, k]
            y = W_in[ck, k]
            W_out[r0, k] += g0 * x + h0 * y
            W_out[r1, k] += g1 * x + h1 * y
            W_out[r2, k] += g2 * x + h2 * y
            W_out[r3, k] += g3 * x + h3 * y
            W_out[r4, k] += g4 * x + h4 * y
            W_out[r5, k] += g5 * x + h5 * y
    for j in range(n2, n_ctx):
        cj = ctx[j]
        g0 = G[j, 0]
        g1 = G[j, 1]
        g2 = G[j, 2]
        g3 = G[j, 3]
        g4 = G[j, 4]
        g5 = G[j, 5]
        for k in range(d):
            x = W_in[cj, k]
            W_out[r0, k] += g0 * x
            W_out[r1, k] += g1 * x
            W_out[r2, k] += g2 * x
            W_out[r3, k] += g3 * x
            W_out[r4, k] += g4 * x
            W_out[r5, k] += g5 * x
    for j in range(n_ctx):
        _axpy(_ONE, d_in, j, W_in, ctx[j], d)
    return loss


@njit(**_OPTS)
def _hidden(W_in, inputs, n_in, cbow_mean, h):
    """h = W_in[inputs[0]] (Skip-gram), or the mean / sum of the context rows (CBOW)."""
    d = W_in.shape[1]
    first = inputs[0]
    for k in range(d):
        h[0, k] = W_in[first, k]
    if n_in > 1:
        for c in range(1, n_in):
            _axpy(_ONE, W_in, inputs[c], h, 0, d)
        if cbow_mean:
            inv = np.float32(1.0 / n_in)
            for k in range(d):
                h[0, k] *= inv


_ROW0 = np.zeros(1, dtype=np.int32)


@njit(**_OPTS)
def _example(W_in, W_out, inputs, n_in, rows, labels, n_rows, lr, cbow_mean, h, G, d_in,
             hot, hot_from):
    """One example (see the module docstring); returns its loss.  ``h`` (1, d), ``G``
    (>= 1, n_rows) and ``d_in`` (>= 1, d) are scratch buffers.  h is the one "context" of a
    ``_block``: W_out is updated with h, then ``d_in[0]`` (= -lr dL/dh) goes to every input
    row, as word2vec.c's neu1e."""
    d = W_in.shape[1]
    _hidden(W_in, inputs, n_in, cbow_mean, h)
    loss = _block(h, W_out, _ROW0, 1, rows, labels, n_rows, lr, G, d_in, hot, hot_from)
    for c in range(n_in):
        _axpy(_ONE, d_in, 0, W_in, inputs[c], d)
    return loss


@njit(**_OPTS)
def _next(r):
    return r * _MUL + _ADD


@njit(**_OPTS)
def _draw(table, table_size, r):
    """One noise word from the unigram^0.75 table; returns (word, rng)."""
    r = _next(r)
    return table[(r >> _S16) % table_size], r


@njit(**_OPTS)
def _negative_rows(table, table_size, centre, negative, r, rows, labels):
    """NS's scored rows: the centre (label 1), then ``negative`` draws, a draw equal to the
    centre skipped (word2vec.c).  Returns (rows used, rng)."""
    rows[0] = centre
    labels[0] = _ONE
    n_rows = 1
    for _ in range(negative):
        t, r = _draw(table, table_size, r)
        if t != centre:
            rows[n_rows] = t
            labels[n_rows] = _ZERO
            n_rows += 1
    return n_rows, r


@njit(**_OPTS)
def _subsample(ids, a, b, keep, subsample, r, sen):
    """word2vec.c's subsampling of ``ids[a:b]`` into ``sen``: word w survives when
    ``keep[w] >= u`` for a uniform u in [0, 1) (24 bits of the LCG).  Returns (kept, rng)."""
    n = 0
    for p in range(a, b):
        w = ids[p]
        if subsample:
            r = _next(r)
            if keep[w] < np.float32((r >> _S40) & np.uint64(0xFFFFFF)) / np.float32(16777216.0):
                continue
        sen[n] = w
        n += 1
    return n, r


@njit(**_OPTS)
def train_job(W_in, W_out, ids, starts, s0, s1, keep, subsample, table, points, hs_labels,
              lengths, arch, loss_kind, shared, cbow_mean, window, negative, lr0, lr1, seed):
    """Train sentences ``s0 .. s1-1`` (``ids[starts[s]:starts[s+1]]`` each).  The learning
    rate falls linearly from ``lr0`` to ``lr1`` over the job's words.  Returns
    ``(loss sum, examples, words)`` (words: in-vocabulary tokens before subsampling)."""
    d = W_in.shape[1]
    job_words = starts[s1] - starts[s0]
    longest = 1
    for s in range(s0, s1):
        longest = max(longest, starts[s + 1] - starts[s])
    sen = np.empty(longest, dtype=np.int32)
    ctx = np.empty(2 * window + 1, dtype=np.int32)
    max_rows = max(negative + 1, points.shape[1])
    rows = np.empty(max_rows, dtype=np.int32)
    labels = np.empty(max_rows, dtype=np.float32)
    h = np.empty((1, d), dtype=np.float32)
    G = np.empty((2 * window + 1, max(max_rows, 6)), dtype=np.float32)
    d_in = np.empty((2 * window + 1, d), dtype=np.float32)
    # hierarchical softmax: the HOT_ROWS inner nodes created last (the top of the tree; the
    # root is on every path) gather their updates in this thread's ``hot`` and are written
    # to W_out every HOT_EVERY centre words.  Written once per example by two threads, they
    # kept their cache lines moving between the cores: 2 threads ran slower than 1.  Their
    # reads lag this thread's own updates by at most HOT_EVERY centres, as they lag the other
    # threads' anyway (Hogwild).
    n_out = W_out.shape[0]
    hot_from = n_out - min(HOT_ROWS, n_out) if loss_kind == LOSS_HS else n_out
    hot = np.zeros((max(n_out - hot_from, 1), d), dtype=np.float32)
    table_size = np.uint64(len(table))
    win = np.uint64(window)
    r = np.uint64(seed)
    loss = 0.0
    examples = 0
    done = 0
    n_rows = 0
    pending = 0
    for s in range(s0, s1):
        a = starts[s]
        b = starts[s + 1]
        lr = np.float32(lr0 + (lr1 - lr0) * (done / max(job_words, 1)))
        done += b - a
        n, r = _subsample(ids, a, b, keep, True if subsample else False, r, sen)
        for i in range(n):
            centre = sen[i]
            r = _next(r)
            eff = window - np.int64((r >> _S16) % win)
            lo = max(0, i - eff)
            hi = min(n, i + eff + 1)
            n_ctx = 0
            for j in range(lo, hi):
                if j != i:
                    ctx[n_ctx] = sen[j]
                    n_ctx += 1
            if n_ctx == 0:
                continue
            # the rows to score: NS the centre + noise words (word2vec.c skips a draw equal
            # to the centre), HS the centre's path in the Huffman tree
            if loss_kind == LOSS_HS:
                n_rows = lengths[centre]
                for t in range(n_rows):
                    rows[t] = points[centre, t]
                    labels[t] = hs_labels[centre, t]
            if arch == ARCH_CBOW:
                if loss_kind == LOSS_NEG:
                    n_rows, r = _negative_rows(table, table_size, centre, negative, r, rows, labels)
                if n_rows == 6 and loss_kind == LOSS_NEG:
                    loss += _example6(W_in, W_out, ctx, n_ctx, rows, lr, cbow_mean, h, G, d_in)
                else:
                    loss += _example(W_in, W_out, ctx, n_ctx, rows, labels, n_rows, lr,
                                     cbow_mean, h, G, d_in, hot, hot_from)
                examples += 1
            elif shared:
                if loss_kind == LOSS_NEG:
                    n_rows, r = _negative_rows(table, table_size, centre, negative, r, rows, labels)
                if n_rows == 6 and loss_kind == LOSS_NEG:
                    loss += _block6(W_in, W_out, ctx, n_ctx, rows, lr, G, d_in)
                else:
                    loss += _block(W_in, W_out, ctx, n_ctx, rows, labels, n_rows, lr, G, d_in,
                                   hot, hot_from)
                examples += n_ctx
            else:
                for j in range(n_ctx):
                    if loss_kind == LOSS_NEG:
                        n_rows, r = _negative_rows(table, table_size, centre, negative, r, rows,
                                                   labels)
                    if n_rows == 6 and loss_kind == LOSS_NEG:
                        loss += _example6(W_in, W_out, ctx[j:j + 1], 1, rows, lr, cbow_mean,
                                          h, G, d_in)
                    else:
                        loss += _example(W_in, W_out, ctx[j:j + 1], 1, rows, labels, n_rows, lr,
                                         cbow_mean, h, G, d_in, hot, hot_from)
                    examples += 1
            pending += 1
            if pending == HOT_EVERY and hot_from < n_out:
                _flush(hot, W_out, hot_from, d)
                pending = 0
    if hot_from < n_out:
        _flush(hot, W_out, hot_from, d)
    return loss, examples, done


@njit(**_OPTS)
def _flush(hot, W_out, hot_from, d):
    """W_out[hot_from + i] += hot[i], and hot = 0."""
    for i in range(hot.shape[0]):
        _axpy(_ONE, hot, i, W_out, hot_from + i, d)
        for k in range(d):
            hot[i, k] = _ZERO


@njit(**_OPTS)
def replay(W_in, W_out, inputs, n_in, rows, labels, n_rows, lrs, cbow_mean):
    """Train pre-drawn examples in order with ``_example`` (for the tests): ``inputs`` (n, C)
    and ``rows`` / ``labels`` (n, T), padded, with their used lengths ``n_in`` / ``n_rows``
    and learning rates ``lrs``.  Returns the loss of each example."""
    d = W_in.shape[1]
    n = inputs.shape[0]
    h = np.empty((1, d), dtype=np.float32)
    G = np.empty((1, max(rows.shape[1], 6)), dtype=np.float32)
    d_in = np.empty((1, d), dtype=np.float32)
    out = np.empty(n, dtype=np.float64)
    for e in range(n):
        if n_rows[e] == 6 and labels[e, 0] == _ONE and labels[e, 1:6].sum() == _ZERO:
            out[e] = _example6(W_in, W_out, inputs[e], n_in[e], rows[e], np.float32(lrs[e]),
                               cbow_mean, h, G, d_in)       # as train_job does for NS
        else:
            out[e] = _example(W_in, W_out, inputs[e], n_in[e], rows[e], labels[e], n_rows[e],
                              np.float32(lrs[e]), cbow_mean, h, G, d_in, h, W_out.shape[0])
    return out


@njit(**_OPTS)
def replay_block(W_in, W_out, ctx, n_ctx, rows, n_rows, lr):
    """One HogBatch block as ``train_job`` trains it (``_block6`` for 6 rows); for the tests.
    Returns its loss."""
    d = W_in.shape[1]
    G = np.empty((n_ctx, max(n_rows, 6)), dtype=np.float32)
    d_in = np.empty((n_ctx + 1, d), dtype=np.float32)       # + _block's spare row
    if n_rows == 6:
        return _block6(W_in, W_out, ctx, n_ctx, rows, np.float32(lr), G, d_in)
    labels = np.zeros(n_rows, dtype=np.float32)
    labels[0] = _ONE
    return _block(W_in, W_out, ctx, n_ctx, rows, labels, n_rows, np.float32(lr), G, d_in,
                  d_in, W_out.shape[0])


@njit(**_OPTS)
def subsample_ids(ids, keep, seed):
    """The ids ``train_job`` keeps of ``ids`` (one sentence) with this seed; for the tests."""
    sen = np.empty(len(ids), dtype=np.int32)
    n, _ = _subsample(ids, 0, len(ids), keep, True, np.uint64(seed), sen)
    return sen[:n]


@njit(**_OPTS)
def draw_noise(table, n, seed):
    """``n`` noise draws with ``train_job``'s own ``_draw`` (for the tests)."""
    out = np.empty(n, dtype=np.int32)
    table_size = np.uint64(len(table))
    r = np.uint64(seed)
    for i in range(n):
        out[i], r = _draw(table, table_size, r)
    return out
