"""The fast path: the same updates as the reference trainer, a minibatch at a time.

A per-example Python loop trains a few thousand examples a second; word2vec's real
corpora have millions.  Here a batch of B examples becomes a handful of torch calls that
run in C and release the GIL (the app trains in a thread while its UI stays responsive):

    h       = W_in[inputs]                  (gather; CBOW: masked mean or sum)
    scores  = <W_out[targets], h>           (B x T: NS = true word + k noise words,
                                             HS = the inner nodes of the target's path)
    g       = lr * (labels - sigma(scores)) (word2vec.c's ``g``; masked entries are 0)
    neu1e   = g @ W_out[targets]            (= -lr * grad_h)
    W_out.index_add_(targets, g * h)        (scatter-add: updates are summed, not averaged)
    W_in.index_add_(inputs, neu1e)

Each example keeps its own learning rate (word2vec.c's per-word linear decay).  Within a
batch every example reads the weights as they were at the start of the batch (the same
kind of staleness word2vec.c's Hogwild threads have).  Summing stale updates is harmless
for a row touched a few times, but a row touched by hundreds of examples of one batch
would take one huge step where word2vec.c's sequential updates saturate.  Two guards:
the caller keeps batches at most 2 V examples (a 4-word vocabulary trains 16 at a time,
the full softmax, where every example touches every row, a handful), and for negative
sampling and the input rows a row hit ``c > max_hits`` times in a batch ("the" as a noise
word) gets its summed update scaled by ``max_hits / c`` (rows hit fewer times are
untouched; Huffman inner nodes are exempt, see ``path_batch``).  With ``batch_size=1``
nothing is scaled and the result is the reference path's, which the tests check.
"""

from __future__ import annotations

import numpy as np

from engine.errors import TrainingError


class FastTrainer:
    """Batched updates on a model's ``W_in`` / ``W_out`` (shared memory, updated in place).

    With ``threads > 1`` a batch is cut into shards whose gradients are computed in
    parallel (torch releases the GIL; every shard reads the weights as they were at the
    start of the batch), then W_out and W_in are updated by one thread each, in a fixed
    order: the result does not depend on thread timing, so a seed gives the same model
    whatever the number of threads.  torch's own intra-op threads are set to 1 for the
    run: on a busy 2-core machine OpenMP's spinning threads made each call ~10x slower.
    """

    def __init__(self, W_in: np.ndarray, W_out: np.ndarray, cbow_mean: bool = True,
                 threads: int = 1, max_hits: int = 16) -> None:
        import torch

        self.torch = torch
        self.F = torch.nn.functional
        self.W_in = torch.from_numpy(W_in)
        self.W_out = torch.from_numpy(W_out)
        self.dtype = self.W_in.dtype
        self.cbow_mean = cbow_mean
        self.max_hits = max_hits
        self.threads = max(1, int(threads))
        self.pool = None
        if self.threads > 1:
            from concurrent.futures import ThreadPoolExecutor

            self.pool = ThreadPoolExecutor(self.threads, thread_name_prefix="wordlab-w2v")

    def close(self) -> None:
        if self.pool is not None:
            self.pool.shutdown(wait=True)
            self.pool = None

    def tensor(self, a: np.ndarray, float_: bool = False):
        t = self.torch.from_numpy(np.ascontiguousarray(a))
        return t.to(self.dtype) if float_ else t.long()

    # -- helpers ------------------------------------------------------------------------
    def _row_scale(self, idx, n_rows: int, mask=None):
        """Per-row factor ``min(1, max_hits / hits(row))`` over the whole batch (or None
        when no row is hit more than ``max_hits`` times); masked entries are not hits."""
        flat = idx.reshape(-1)
        if len(flat) <= self.max_hits:
            return None
        weights = None if mask is None else mask.reshape(-1)
        hits = self.torch.bincount(flat, weights=weights, minlength=n_rows)
        if float(hits.max()) <= self.max_hits:
            return None
        return (self.max_hits / hits.clamp(min=1).to(self.dtype)).clamp(max=1.0)

    def _hidden(self, inputs):
        """h for each example, the flat input rows and the context counts (CBOW)."""
        if inputs.shape[1] == 1:                       # Skip-gram: h is one row of W_in
            idx = inputs[:, 0]
            return self.F.embedding(idx, self.W_in), idx, None
        mask = inputs >= 0
        idx = inputs.clamp(min=0)
        h = (self.F.embedding(idx, self.W_in) * mask.unsqueeze(-1).to(self.dtype)).sum(dim=1)
        cnt = mask.sum(dim=1)
        if self.cbow_mean:
            h = h / cnt.clamp(min=1).unsqueeze(-1).to(self.dtype)
        return h, idx[mask], cnt

    def _in_delta(self, neu1e, flat_idx, cnt, s_in):
        # word2vec.c adds neu1e to every input row (CBOW: to each context word).
        delta = neu1e if cnt is None else neu1e.repeat_interleave(cnt, dim=0)
        if s_in is not None:
            delta = delta * s_in[flat_idx].unsqueeze(-1)
        return delta

    def _map(self, fn, shards):
        if self.pool is None or len(shards) == 1:
            return [fn(*a) for a in shards]
        return list(self.pool.map(lambda a: fn(*a), shards))

    def _apply(self, results) -> None:
        """Scatter-add the shards' deltas: W_out in a worker, W_in here (no shared rows)."""
        def out():
            for r in results:
                self.W_out.index_add_(0, r[1], r[2])

        if self.pool is not None and len(results) > 1:
            fut = self.pool.submit(out)
            for r in results:
                self.W_in.index_add_(0, r[3], r[4])
            fut.result()
        else:
            out()
            for r in results:
                self.W_in.index_add_(0, r[3], r[4])

    def _split(self, n: int) -> list[slice]:
        k = self.threads if n >= 64 * self.threads else 1
        return [slice(n * i // k, n * (i + 1) // k) for i in range(k)]

    @staticmethod
    def _check(total: float) -> None:
        if not np.isfinite(total):
            raise TrainingError(
                "training diverged (a NaN/inf loss); the last good weights are kept "
                "- try a smaller learning rate (alpha)")

    # -- sigmoid output layers: negative sampling and hierarchical softmax ----------------
    def _sigmoid_shard(self, inputs, rows, labels, mask, lr, s_out, s_in):
        torch = self.torch
        h, flat_idx, cnt = self._hidden(inputs)
        U = self.F.embedding(rows, self.W_out)                          # (B, T, d)
        scores = torch.bmm(h.unsqueeze(1), U.transpose(1, 2)).squeeze(1)   # (B, T)
        loss = -(self.F.logsigmoid((2.0 * labels - 1.0) * scores) * mask).sum()
        g = (labels - torch.sigmoid(scores)) * mask * lr.unsqueeze(-1)  # word2vec.c's g
        neu1e = torch.bmm(g.unsqueeze(1), U).squeeze(1)                 # (B, d)
        g_out = g if s_out is None else g * s_out[rows]
        out_delta = (g_out.unsqueeze(-1) * h.unsqueeze(1)).reshape(-1, h.shape[1])
        return (loss + neu1e.sum()), rows.reshape(-1), out_delta, flat_idx, \
            self._in_delta(neu1e, flat_idx, cnt, s_in), loss

    def sigmoid_batch(self, inputs, rows, labels, mask, lr) -> float:
        """One batch: ``inputs`` (B, C) long (-1 = padding), ``rows`` (B, T) long (rows of
        W_out), ``labels`` / ``mask`` (B, T) float, ``lr`` (B,) float.  Returns the summed loss."""
        B = len(rows)
        s_out = s_in = None
        if B > 1:
            s_out = self._row_scale(rows, self.W_out.shape[0], mask)
            s_in = self._row_scale(inputs[inputs >= 0], self.W_in.shape[0])
        shards = [(inputs[sl], rows[sl], labels[sl], mask[sl], lr[sl], s_out, s_in) for sl in self._split(B)]
        results = self._map(self._sigmoid_shard, shards)
        self._check(sum(float(r[0]) for r in results))
        self._apply(results)
        return sum(float(r[5]) for r in results)

    # -- hierarchical softmax without padding ------------------------------------------------
    def _path_shard(self, inputs, ex_idx, rows, labels, lr, s_out, s_in):
        """Like ``_sigmoid_shard`` but over a flat list of (example, inner node) pairs, so
        that short Huffman codes are not padded to the longest one."""
        torch = self.torch
        h, flat_idx, cnt = self._hidden(inputs)
        hp = h.index_select(0, ex_idx)                                   # (N, d)
        U = self.F.embedding(rows, self.W_out)                          # (N, d)
        scores = (hp * U).sum(dim=1)
        loss = -self.F.logsigmoid((2.0 * labels - 1.0) * scores).sum()
        g = (labels - torch.sigmoid(scores)) * lr
        neu1e = torch.zeros_like(h).index_add_(0, ex_idx, g.unsqueeze(-1) * U)
        g_out = g if s_out is None else g * s_out[rows]
        out_delta = g_out.unsqueeze(-1) * hp
        return (loss + neu1e.sum()), rows, out_delta, flat_idx, \
            self._in_delta(neu1e, flat_idx, cnt, s_in), loss

    def path_batch(self, inputs, offsets, ex_idx, rows, labels, lr) -> float:
        """One batch of B examples whose (example, node) pairs are ``offsets[i]:offsets[i+1]``
        of the flat ``ex_idx`` (0-based within the batch), ``rows``, ``labels`` and ``lr``."""
        B = len(inputs)
        # Inner nodes are not damped: every example passes the root, so the top of the tree
        # is always hit B times, and word2vec.c's sequential updates keep it stable.  On
        # wiki-bench (sg, 5 epochs) damping them cost WordSim-353 0.374 vs 0.402 undamped.
        s_out = None
        s_in = self._row_scale(inputs[inputs >= 0], self.W_in.shape[0]) if B > 1 else None
        shards = []
        for sl in self._split(B):
            a, b = int(offsets[sl.start]), int(offsets[sl.stop])
            shards.append((inputs[sl], ex_idx[a:b] - sl.start, rows[a:b], labels[a:b], lr[a:b], s_out, s_in))
        results = self._map(self._path_shard, shards)
        self._check(sum(float(r[0]) for r in results))
        self._apply(results)
        return sum(float(r[5]) for r in results)

    # -- the lecture's full softmax ----------------------------------------------------------
    def softmax_batch(self, inputs, targets, lr) -> float:
        torch = self.torch
        h, flat_idx, cnt = self._hidden(inputs)
        scores = h @ self.W_out.T                              # (B, V)
        log_probs = torch.log_softmax(scores, dim=1)
        ar = torch.arange(len(targets))
        loss = -log_probs[ar, targets].sum()
        e = log_probs.exp()
        e[ar, targets] -= 1.0                                  # dL/dscores = probs - y
        g = -e * lr.unsqueeze(-1)                              # (B, V)
        neu1e = g @ self.W_out                                 # (B, d)
        self._check(float(loss + neu1e.sum()))
        s_in = self._row_scale(flat_idx, self.W_in.shape[0]) if len(targets) > 1 else None
        # every row changes, mostly by p_r * h (small): the caller keeps batches small
        # instead of damping rows
        self.W_out.addmm_(g.T, h)
        self.W_in.index_add_(0, flat_idx, self._in_delta(neu1e, flat_idx, cnt, s_in))
        return float(loss)
