"""The batched torch path: the same updates as the reference trainer, a minibatch at a time.

Since issue 9 the compiled kernels (engine/word2vec/kernels.py) train negative sampling and
hierarchical softmax on the CPU; this path trains the lecture's full softmax (every
example touches every W_out row: a matrix product per batch is the right tool) and runs
on a GPU with ``device="cuda"`` (``wordlab train --device cuda``).  On a GPU the weights
live on the device while training and are copied back into the model's arrays by
``sync()`` (the runner calls it after every epoch and when the run ends).

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

    One thread does the work, with torch's intra-op threads set to 1 by the caller.  Both
    ways of using a second core were measured slower on a shared 2-core machine (wiki-bench,
    sg/neg, one epoch): torch's OpenMP threads spin and collapse when the machine is busy
    (1.4k vs 17.6k words/s on 800 lines), and splitting each batch into shards computed by
    two Python threads lost to GIL hand-offs between the many small torch calls (64k vs
    127k words/s on 3,000 lines).  One thread also keeps results bit-identical per seed.
    """

    def __init__(self, W_in: np.ndarray, W_out: np.ndarray, cbow_mean: bool = True,
                 max_hits: int = 16, device: str = "cpu") -> None:
        import torch

        self.torch = torch
        self.F = torch.nn.functional
        self.device = torch.device(device)
        self._arrays = (W_in, W_out)
        # on the CPU the tensors share the model's memory; on a GPU they are copies
        self.W_in = torch.from_numpy(W_in).to(self.device)
        self.W_out = torch.from_numpy(W_out).to(self.device)
        self.dtype = self.W_in.dtype
        self.cbow_mean = cbow_mean
        self.max_hits = max_hits

    def tensor(self, a: np.ndarray, float_: bool = False):
        t = self.torch.from_numpy(np.ascontiguousarray(a))
        t = t.to(self.dtype) if float_ else t.long()
        return t.to(self.device, non_blocking=True) if self.device.type != "cpu" else t

    def sync(self) -> None:
        """Copy the device's weights back into the model's arrays (nothing to do on the CPU)."""
        if self.device.type != "cpu":
            self._arrays[0][...] = self.W_in.cpu().numpy()
            self._arrays[1][...] = self.W_out.cpu().numpy()

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

    def _apply(self, out_idx, out_delta, in_idx, in_delta) -> None:
        """Scatter-add: updates of a row hit several times are summed (word2vec.c's
        per-example semantics), not averaged."""
        self.W_out.index_add_(0, out_idx, out_delta)
        self.W_in.index_add_(0, in_idx, in_delta)

    @staticmethod
    def _check(total: float) -> None:
        if not np.isfinite(total):
            raise TrainingError(
                "training diverged (a NaN/inf loss); the last good weights are kept "
                "- try a smaller learning rate (alpha)")

    # -- sigmoid output layers: negative sampling and hierarchical softmax ----------------
    def sigmoid_batch(self, inputs, rows, labels, mask, lr) -> float:
        """One batch: ``inputs`` (B, C) long (-1 = padding), ``rows`` (B, T) long (rows of
        W_out), ``labels`` / ``mask`` (B, T) float, ``lr`` (B,) float.  Returns the summed loss."""
        torch = self.torch
        s_out = s_in = None
        if len(rows) > 1:
            s_out = self._row_scale(rows, self.W_out.shape[0], mask)
            s_in = self._row_scale(inputs[inputs >= 0], self.W_in.shape[0])
        h, flat_idx, cnt = self._hidden(inputs)
        U = self.F.embedding(rows, self.W_out)                          # (B, T, d)
        scores = torch.bmm(h.unsqueeze(1), U.transpose(1, 2)).squeeze(1)   # (B, T)
        loss = -(self.F.logsigmoid((2.0 * labels - 1.0) * scores) * mask).sum()
        g = (labels - torch.sigmoid(scores)) * mask * lr.unsqueeze(-1)  # word2vec.c's g
        neu1e = (g.unsqueeze(-1) * U).sum(dim=1)                        # (B, d) = -lr grad_h
        loss_value = float(loss)
        self._check(loss_value + float(neu1e.sum()))
        g_out = g if s_out is None else g * s_out[rows]
        out_delta = (g_out.unsqueeze(-1) * h.unsqueeze(1)).reshape(-1, h.shape[1])
        self._apply(rows.reshape(-1), out_delta, flat_idx, self._in_delta(neu1e, flat_idx, cnt, s_in))
        return loss_value

    # -- hierarchical softmax without padding ------------------------------------------------
    def path_batch(self, inputs, ex_idx, rows, labels, lr) -> float:
        """One batch of B examples as a flat list of (example, inner node) pairs: ``ex_idx``
        (0-based within the batch), ``rows``, ``labels`` and ``lr`` per pair, so that short
        Huffman codes are not padded to the longest one.

        Inner nodes are not damped: every example passes the root, so the top of the tree
        is always hit B times, and word2vec.c's sequential updates keep it stable.  On
        wiki-bench (sg, 5 epochs) damping them cost WordSim-353 0.374 vs 0.402 undamped."""
        torch = self.torch
        s_in = self._row_scale(inputs[inputs >= 0], self.W_in.shape[0]) if len(inputs) > 1 else None
        h, flat_idx, cnt = self._hidden(inputs)
        hp = h.index_select(0, ex_idx)                                   # (N, d)
        U = self.F.embedding(rows, self.W_out)                          # (N, d)
        scores = (hp * U).sum(dim=1)
        loss = -self.F.logsigmoid((2.0 * labels - 1.0) * scores).sum()
        g = (labels - torch.sigmoid(scores)) * lr
        neu1e = torch.zeros_like(h).index_add_(0, ex_idx, g.unsqueeze(-1) * U)
        loss_value = float(loss)
        self._check(loss_value + float(neu1e.sum()))
        self._apply(rows, g.unsqueeze(-1) * hp, flat_idx, self._in_delta(neu1e, flat_idx, cnt, s_in))
        return loss_value

    # -- the lecture's full softmax ----------------------------------------------------------
    def softmax_batch(self, inputs, targets, lr) -> float:
        torch = self.torch
        h, flat_idx, cnt = self._hidden(inputs)
        scores = h @ self.W_out.T                              # (B, V)
        log_probs = torch.log_softmax(scores, dim=1)
        ar = torch.arange(len(targets), device=targets.device)
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
