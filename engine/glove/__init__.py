"""GloVe (Pennington, Socher and Manning 2014): word vectors from a co-occurrence matrix.

The lecture's second method.  Word2Vec learns from one window at a time; GloVe first counts,
over the whole corpus, how often each word ``j`` appears near each word ``i`` (``X_ij``), then
fits vectors so that their dot product predicts the log of that count:

    J = sum_ij f(X_ij) (w_i . w~_j + b_i + b~_j - log X_ij)^2

``w`` are the word vectors, ``w~`` the context vectors, ``b`` and ``b~`` their biases, and the
weight ``f(x) = min(1, (x / x_max)^alpha)`` (x_max 100, alpha 0.75) keeps rare pairs from
counting as much as frequent ones and caps the frequent ones.  Only the non-zero cells are
trained (log 0 is undefined), each with AdaGrad, as the reference implementation
(stanfordnlp/GloVe, ``cooccur.c`` and ``glove.c``) does:

* counts: a symmetric window of ``window`` words on each side within a line, a pair at
  distance ``d`` adding ``1/d`` (``distance_weighting``); words outside the vocabulary are
  dropped before the window is taken;
* training: every cell once per epoch in a shuffled order, AdaGrad with learning rate
  ``eta`` (0.05) and squared-gradient sums starting at 1, vectors and biases initialised
  uniformly in ``(-0.5/d, 0.5/d)``; the loss reported is ``J / 2`` per cell, as glove.c
  prints its "cost";
* the vectors: ``w + w~`` (glove.c's default ``-model 2``), or ``w`` alone.

``cooccurrence()`` counts in chunks of sentences and merges each chunk's pairs into the
running sorted counts, so memory grows with the number of distinct pairs, not with the
corpus.  ``GloveSession.run`` trains with the compiled kernel (``engine/glove/kernels.py``,
threads over shuffled cells, Hogwild) and ``reference=True`` with the numpy loop below,
cell by cell with the paper's names; the tests hold them equal on the same cells.
"""

from __future__ import annotations

import math
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, fields, replace

import numpy as np

from engine.errors import ConfigError, CorpusError, TrainingError
from engine.progress import Progress, Throttle
from engine.vocab import Vocab

_KERNEL_READY: set = set()  # non-empty once this process has compiled (or loaded) the kernel
CHUNK_TOKENS = 200_000      # tokens per counting chunk (pairs: ~2 x window x this)
JOB_CELLS = 50_000          # cells per kernel call: events, pause and cancel every few ms


def _cores() -> int:
    from engine.word2vec import available_cores

    return available_cores()


@dataclass(frozen=True)
class GloveConfig:
    """GloVe's settings; the defaults are the reference implementation's (demo.sh: window
    15 there for a large corpus, 10 here; x_max 100, alpha 0.75, eta 0.05)."""

    dim: int = 50
    window: int = 10
    x_max: float = 100.0
    alpha: float = 0.75           # the weighting function's exponent (not a learning rate)
    eta: float = 0.05             # AdaGrad's learning rate
    epochs: int = 25
    min_count: int = 5
    max_vocab: int | None = None
    symmetric: bool = True
    distance_weighting: bool = True
    vectors: str = "sum"          # "sum": w + w~ (glove.c -model 2); "word": w alone
    seed: int = 1
    threads: int = field(default_factory=_cores)

    def replace(self, **changes) -> "GloveConfig":
        names = {f.name for f in fields(self)}
        unknown = sorted(set(changes) - names)
        if unknown:
            raise ConfigError(f"unknown GloVe setting {unknown[0]!r}", field=unknown[0])
        return replace(self, **changes)

    def problems(self) -> list[ConfigError]:
        """Every invalid setting, each a ConfigError naming its field."""
        out: list[ConfigError] = []

        def bad(name: str, why: str) -> None:
            out.append(ConfigError(f"{name} {why} (got {getattr(self, name)!r})", field=name))

        def integer(v) -> bool:
            return isinstance(v, (int, np.integer)) and not isinstance(v, bool)

        for name, lo, hi in (("dim", 1, 10_000), ("window", 1, 1_000), ("epochs", 1, 100_000),
                             ("min_count", 1, None), ("threads", 1, 1_024)):
            v = getattr(self, name)
            if not integer(v) or v < lo or (hi is not None and v > hi):
                bad(name, f"must be an integer from {lo}" + (f" to {hi:,}" if hi else " up"))
        if self.max_vocab is not None and (not integer(self.max_vocab) or self.max_vocab < 1):
            bad("max_vocab", "must be a positive integer or None")
        for name, lo, hi in (("x_max", 0.0, 1e12), ("alpha", 0.0, 10.0), ("eta", 0.0, 10.0)):
            v = getattr(self, name)
            if not isinstance(v, (int, float)) or isinstance(v, bool) or not math.isfinite(v) \
                    or not (lo < v <= hi):
                bad(name, f"must be a number above {lo:g} and at most {hi:g}")
        if self.vectors not in ("sum", "word"):
            bad("vectors", "must be 'sum' (w + w~) or 'word' (w alone)")
        if not integer(self.seed):
            bad("seed", "must be an integer")
        return out

    def validate(self) -> None:
        problems = self.problems()
        if problems:
            raise problems[0]


# -- counting ---------------------------------------------------------------------------------
@dataclass(frozen=True, eq=False)
class Cooccurrence:
    """The non-zero cells of X: ``X[rows[k], cols[k]] = values[k]``, sorted by (row, col)."""

    vocab: Vocab
    rows: np.ndarray     # int32
    cols: np.ndarray     # int32
    values: np.ndarray   # float64

    def __len__(self) -> int:
        return len(self.values)

    def get(self, i: int, j: int) -> float:
        """X_ij (0 where the pair never occurs)."""
        key = np.int64(i) * len(self.vocab) + j
        keys = self.rows.astype(np.int64) * len(self.vocab) + self.cols
        k = int(np.searchsorted(keys, key))
        return float(self.values[k]) if k < len(keys) and keys[k] == key else 0.0

    def dense(self) -> np.ndarray:
        """X as a V x V array (for small vocabularies: the lecture's fits on a screen)."""
        V = len(self.vocab)
        if V > 5_000:
            raise ConfigError(f"a dense {V:,} x {V:,} co-occurrence matrix is too large to show")
        X = np.zeros((V, V))
        X[self.rows, self.cols] = self.values
        return X


def _merge(keys_a, vals_a, keys_b, vals_b):
    keys = np.concatenate([keys_a, keys_b])
    vals = np.concatenate([vals_a, vals_b])
    uniq, inv = np.unique(keys, return_inverse=True)
    return uniq, np.bincount(inv, weights=vals, minlength=len(uniq))


def cooccurrence(sentences: Iterable[Iterable[str]], vocab: Vocab, window: int = 10, *,
                 symmetric: bool = True, distance_weighting: bool = True,
                 chunk_tokens: int = CHUNK_TOKENS) -> Cooccurrence:
    """Count X over ``sentences`` (see the module's doc).  Each chunk of about
    ``chunk_tokens`` in-vocabulary tokens becomes (pair key, weight) arrays, summed with
    ``np.unique`` and merged into the running counts."""
    V = len(vocab)
    keys = np.zeros(0, dtype=np.int64)
    vals = np.zeros(0, dtype=np.float64)
    pending: list[np.ndarray] = []
    n_pending = 0

    def flush() -> None:
        nonlocal keys, vals, pending, n_pending
        if not pending:
            return
        ids = np.concatenate(pending)
        sid = np.concatenate([np.full(len(p), k, dtype=np.int32) for k, p in enumerate(pending)])
        ks, ws = [], []
        for d in range(1, window + 1):
            if d >= len(ids):
                break
            same = sid[d:] == sid[:-d]
            centre, left = ids[d:][same].astype(np.int64), ids[:-d][same].astype(np.int64)
            w = 1.0 / d if distance_weighting else 1.0
            ks.append(centre * V + left)           # X[centre, left]: left is in centre's window
            ws.append(np.full(len(centre), w))
            if symmetric:
                ks.append(left * V + centre)
                ws.append(np.full(len(centre), w))
        if ks:
            k = np.concatenate(ks)
            uniq, inv = np.unique(k, return_inverse=True)
            keys, vals = _merge(keys, vals, uniq, np.bincount(inv, weights=np.concatenate(ws),
                                                               minlength=len(uniq)))
        pending, n_pending = [], 0

    for sentence in sentences:
        ids = vocab.encode(sentence)
        if len(ids) > 1:
            pending.append(ids)
            n_pending += len(ids)
            if n_pending >= chunk_tokens:
                flush()
    flush()
    if len(keys) == 0:
        raise CorpusError("no two vocabulary words ever occur within a window of each other: "
                          "nothing for GloVe to count (a larger corpus, or a lower min_count)")
    return Cooccurrence(vocab, (keys // V).astype(np.int32), (keys % V).astype(np.int32), vals)


# -- the model ----------------------------------------------------------------------------------
class Glove:
    """GloVe's parameters with the paper's names: ``w``, ``w_tilde`` (V x d), ``b``,
    ``b_tilde`` (V), and AdaGrad's running sums of squared gradients for each (from 1)."""

    def __init__(self, vocab: Vocab, config: GloveConfig) -> None:
        V, d = len(vocab), config.dim
        rng = np.random.default_rng(np.random.SeedSequence([config.seed, 7]))
        init = lambda *shape: ((rng.random(shape) - 0.5) / d).astype(np.float32)  # noqa: E731
        self.vocab = vocab
        self.config = config
        self.w, self.w_tilde = init(V, d), init(V, d)
        self.b, self.b_tilde = init(V), init(V)
        self.gradsq_w = np.ones((V, d), dtype=np.float32)
        self.gradsq_w_tilde = np.ones((V, d), dtype=np.float32)
        self.gradsq_b = np.ones(V, dtype=np.float32)
        self.gradsq_b_tilde = np.ones(V, dtype=np.float32)

    def arrays(self) -> tuple[np.ndarray, ...]:
        return (self.w, self.w_tilde, self.b, self.b_tilde, self.gradsq_w, self.gradsq_w_tilde,
                self.gradsq_b, self.gradsq_b_tilde)

    def embeddings(self) -> np.ndarray:
        """A word's vector: ``w + w~`` (``vectors="sum"``) or ``w``."""
        return self.w + self.w_tilde if self.config.vectors == "sum" else self.w.copy()

    def vectors(self):
        from engine.vectors import KeyedVectors

        return KeyedVectors(list(self.vocab.words), self.embeddings(), counts=self.vocab.counts)


def weight(x, x_max: float, alpha: float):
    """f(x) = (x / x_max)^alpha below x_max, 1 above."""
    return np.minimum(1.0, (np.asarray(x, dtype=np.float64) / x_max) ** alpha)


@dataclass(frozen=True)
class CellTrace:
    """One cell's update, every number of it (step mode)."""

    i: int
    j: int
    word: str
    context: str
    x: float               # X_ij
    log_x: float
    f: float               # f(X_ij)
    prediction: float      # w_i . w~_j + b_i + b~_j
    error: float           # prediction - log X_ij
    loss: float            # f (prediction - log X_ij)^2 / 2
    # the prediction's parts, from the weights before the update
    dot: float = 0.0       # w_i . w~_j
    b_i: float = 0.0
    b_tilde_j: float = 0.0
    # AdaGrad: g = eta f(X_ij) error; each weight moves by g x (its partner) / sqrt(its
    # running sum of squared gradients), then the gradient's square joins that sum
    g: float = 0.0
    w_i: np.ndarray | None = None           # before
    w_tilde_j: np.ndarray | None = None
    delta_w_i: np.ndarray | None = None     # after - before
    delta_w_tilde_j: np.ndarray | None = None
    delta_b_i: float = 0.0
    delta_b_tilde_j: float = 0.0
    gradsq_w_i: np.ndarray | None = None    # the sums the step was divided by (before)
    gradsq_w_tilde_j: np.ndarray | None = None
    gradsq_b_i: float = 1.0
    gradsq_b_tilde_j: float = 1.0

    @property
    def loss_after(self) -> float | None:
        """f (prediction - log X_ij)^2 / 2 with the updated weights (the cell's own progress)."""
        if self.w_i is None:
            return None
        w = self.w_i.astype(np.float64) + self.delta_w_i
        wt = self.w_tilde_j.astype(np.float64) + self.delta_w_tilde_j
        pred = float(w @ wt) + self.b_i + self.delta_b_i + self.b_tilde_j + self.delta_b_tilde_j
        return 0.5 * self.f * (pred - self.log_x) ** 2


def reference_update(model: Glove, i: int, j: int, x: float, eta: float) -> CellTrace:
    """One cell with AdaGrad, in numpy with the paper's names (glove.c's arithmetic)."""
    c = model.config
    w_i, w_j = model.w[i], model.w_tilde[j]
    before = (w_i.copy(), w_j.copy(), float(model.b[i]), float(model.b_tilde[j]),
              model.gradsq_w[i].copy(), model.gradsq_w_tilde[j].copy(),
              float(model.gradsq_b[i]), float(model.gradsq_b_tilde[j]))
    log_x = math.log(x)
    f = float(weight(x, c.x_max, c.alpha))
    dot = float(np.dot(w_i.astype(np.float64), w_j))
    prediction = dot + float(model.b[i]) + float(model.b_tilde[j])
    error = prediction - log_x
    loss = 0.5 * f * error * error
    g = np.float32(f * error * eta)                 # eta dJ/d(prediction) / 2
    grad_w_i = g * w_j                              # from the weights before this cell
    grad_w_j = g * w_i
    model.w[i] -= grad_w_i / np.sqrt(model.gradsq_w[i])
    model.w_tilde[j] -= grad_w_j / np.sqrt(model.gradsq_w_tilde[j])
    model.gradsq_w[i] += grad_w_i * grad_w_i
    model.gradsq_w_tilde[j] += grad_w_j * grad_w_j
    model.b[i] -= g / np.sqrt(model.gradsq_b[i])
    model.b_tilde[j] -= g / np.sqrt(model.gradsq_b_tilde[j])
    model.gradsq_b[i] += g * g
    model.gradsq_b_tilde[j] += g * g
    vocab = model.vocab
    w0, wt0, b0, bt0, gw, gwt, gb, gbt = before
    return CellTrace(i, j, vocab.words[i], vocab.words[j], float(x), log_x, f, prediction, error,
                     loss, dot=dot, b_i=b0, b_tilde_j=bt0, g=float(g), w_i=w0, w_tilde_j=wt0,
                     delta_w_i=model.w[i].astype(np.float64) - w0,
                     delta_w_tilde_j=model.w_tilde[j].astype(np.float64) - wt0,
                     delta_b_i=float(model.b[i]) - b0, delta_b_tilde_j=float(model.b_tilde[j]) - bt0,
                     gradsq_w_i=gw, gradsq_w_tilde_j=gwt, gradsq_b_i=gb, gradsq_b_tilde_j=gbt)


# -- training -------------------------------------------------------------------------------------
class GloveSession:
    """Counts X over ``sentences`` and trains GloVe on it: ``run()`` for all epochs,
    ``step()`` for one cell at a time (the reference update, in shuffled order)."""

    def __init__(self, config: GloveConfig, sentences: Iterable[Iterable[str]],
                 vocab: Vocab | None = None) -> None:
        config.validate()
        if iter(sentences) is sentences:
            raise CorpusError("sentences must be re-iterable (a list or a corpus), not a one-shot iterator")
        self.config = config
        self.vocab = vocab if vocab is not None else Vocab.build(sentences, config.min_count,
                                                                  config.max_vocab)
        self.X = cooccurrence(sentences, self.vocab, config.window, symmetric=config.symmetric,
                              distance_weighting=config.distance_weighting)
        self.model = Glove(self.vocab, config)
        self.log_x = np.log(self.X.values).astype(np.float32)
        self.f = weight(self.X.values, config.x_max, config.alpha).astype(np.float32)
        self.total_cells = len(self.X) * config.epochs
        self._rng = np.random.default_rng(np.random.SeedSequence([config.seed, 8]))
        self._step_order: np.ndarray | None = None
        self._step_k = 0

    def order(self, epoch: int) -> np.ndarray:
        """The shuffled order of the cells in ``epoch`` (1-based), from the seed."""
        rng = np.random.default_rng(np.random.SeedSequence([self.config.seed, 9, epoch]))
        return rng.permutation(len(self.X)).astype(np.int64)

    @property
    def stepped(self) -> int:
        """Cells ``step()`` has trained in the current pass over the shuffled order."""
        return self._step_k

    def redo(self, i: int, j: int) -> CellTrace:
        """Train cell (i, j) again (step mode's "again": watch its error shrink)."""
        x = self.X.get(i, j)
        if x <= 0:
            raise ConfigError(f"X[{self.vocab.words[i]}, {self.vocab.words[j]}] is 0: "
                              "GloVe trains only the cells that occur")
        return reference_update(self.model, i, j, x, self.config.eta)

    def step(self) -> CellTrace:
        """Train the next cell of the first epoch's shuffled order (the reference update)."""
        if self._step_order is None or self._step_k >= len(self._step_order):
            self._step_order, self._step_k = self.order(1), 0
        k = int(self._step_order[self._step_k])
        self._step_k += 1
        X = self.X
        return reference_update(self.model, int(X.rows[k]), int(X.cols[k]), float(X.values[k]),
                                self.config.eta)

    def run(self, callback: Callable[[Progress], None] | None = None,
            cancel_event: threading.Event | None = None,
            pause_event: threading.Event | None = None, *, reference: bool = False,
            status: Callable[[str], None] | None = None, nice: int = 0) -> Progress:
        """All epochs; the same contract as ``TrainingSession.run``: ``Progress`` events (done
        and total count cells), pause and cancel between jobs of ``JOB_CELLS`` cells, a NaN
        or inf cost raises TrainingError with the last good epoch's weights kept."""
        c = self.config
        arrays = self.model.arrays()
        good = [a.copy() for a in arrays]
        throttle = Throttle(0.1)
        t0 = time.perf_counter()
        paused = 0.0
        done = 0
        cost_sum, cost_n, last = 0.0, 0, float("nan")
        kernel = None
        if not reference:
            if status is not None and not _KERNEL_READY:
                status("compiling kernels\u2026")
            from engine.glove import kernels as K

            kernel = K.train_cells
            K.train_cells(*arrays, self.X.rows, self.X.cols, self.log_x, self.f,
                          np.zeros(0, dtype=np.int64), 0, 0, np.float32(c.eta))   # compile
            _KERNEL_READY.add(True)
            if status is not None:
                status("training")
            t0 = time.perf_counter()

        def event(epoch: int, finished: bool = False) -> Progress:
            nonlocal cost_sum, cost_n, last
            if cost_n:
                last, cost_sum, cost_n = cost_sum / cost_n, 0.0, 0
            elapsed = max(time.perf_counter() - t0 - paused, 1e-9)
            return Progress(done=done, total=self.total_cells, loss=float(last), rate=done / elapsed,
                            lr=c.eta, epoch=epoch, epochs=c.epochs, elapsed=elapsed, finished=finished)

        def stopped() -> bool:
            nonlocal paused
            if pause_event is not None and pause_event.is_set():
                t = time.perf_counter()
                while pause_event.is_set() and not (cancel_event is not None and cancel_event.is_set()):
                    time.sleep(0.02)
                paused += time.perf_counter() - t
            return cancel_event is not None and cancel_event.is_set()

        n = len(self.X)
        for epoch in range(1, c.epochs + 1):
            if stopped():            # an epoch shorter than a look at the events (a tiny corpus)
                p = event(max(1, epoch - 1))
                if callback is not None:
                    callback(p)
                return p
            order = self.order(epoch)
            jobs = [(a, min(a + JOB_CELLS, n)) for a in range(0, n, JOB_CELLS)]
            if kernel is not None:
                results, error = self._kernel_epoch(kernel, arrays, order, jobs, stopped, nice)
                for cost, cells in results:
                    cost_sum += cost
                    cost_n += cells
                    done += cells
                if error is not None:
                    raise error
                cancelled = len(results) < len(jobs)
            else:
                cancelled = False
                X = self.X
                for a, b in jobs:
                    if stopped():
                        cancelled = True
                        break
                    for k in order[a:b]:
                        tr = reference_update(self.model, int(X.rows[k]), int(X.cols[k]),
                                              float(X.values[k]), c.eta)
                        cost_sum += tr.loss
                        cost_n += 1
                    done += b - a
                    if callback is not None and throttle.ready():
                        callback(event(epoch))
            if cancelled:
                p = event(epoch)
                if callback is not None:
                    callback(p)
                return p
            if not all(np.isfinite(a).all() for a in arrays[:4]) or (cost_n and not math.isfinite(cost_sum)):
                for a, g in zip(arrays, good):
                    a[...] = g
                raise TrainingError("GloVe diverged (a NaN/inf cost); the last good weights are kept "
                                    "- try a smaller learning rate (eta)")
            for a, g in zip(arrays, good):
                np.copyto(g, a)
            if callback is not None and epoch < c.epochs:
                callback(event(epoch))
        p = event(c.epochs, finished=True)
        if callback is not None:
            callback(p)
        return p

    def _kernel_epoch(self, kernel, arrays, order, jobs, stopped, nice):
        """One epoch's jobs on ``threads`` threads (Hogwild); returns ([(cost, cells)], error)
        with the jobs done in order of completion; fewer than ``jobs`` when cancelled."""
        from engine.word2vec import _lower_priority

        c = self.config
        lock = threading.Lock()
        state = {"next": 0, "error": None}
        results: list[tuple[float, int]] = []
        halt = threading.Event()
        X = self.X

        def worker() -> None:
            if nice:
                _lower_priority(nice)
            try:
                while not halt.is_set():
                    with lock:
                        k = state["next"]
                        if k >= len(jobs):
                            return
                        state["next"] = k + 1
                    a, b = jobs[k]
                    cost = kernel(*arrays, X.rows, X.cols, self.log_x, self.f, order, a, b,
                                  np.float32(c.eta))
                    with lock:
                        results.append((float(cost), b - a))
            except BaseException as err:           # handed to the calling thread
                state["error"] = err
                halt.set()

        threads = [threading.Thread(target=worker, daemon=True, name=f"wordlab-glove-{i}")
                   for i in range(max(1, min(c.threads, len(jobs))))]
        for t in threads:
            t.start()
        while any(t.is_alive() for t in threads):
            threads[0].join(0.02)
            if stopped():
                halt.set()
        for t in threads:
            t.join()
        return results, state["error"]
