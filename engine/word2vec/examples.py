"""Windows -> training examples, with word2vec.c's dynamic window.

For every centre word word2vec.c draws ``b`` uniformly from ``[0, window)`` and uses the
*effective* window ``window - b``: near words are used more often than far ones (a context
word at distance k is used with probability (window - k + 1) / window).

* Skip-gram: one context word in, the centre word out: ``inputs = [context]``,
  ``target = centre`` (word2vec.c's and gensim's direction: the context word's W_in row
  predicts the centre; over a corpus this is the same set of pairs as centre -> context,
  and it lets the compiled kernels share one draw of negatives among a centre's contexts,
  see engine/word2vec/kernels.py).  ``skipgram_pairs`` still lists ``(centre, context)``;
* CBOW: the context words in, the centre out: ``(context ids, centre)``.

Order is word2vec.c's: centre words left to right, and for each centre its context words
left to right.  ``build_examples`` does this for a whole chunk of sentences with a few
numpy calls (the trainer's fast path and its reference path share it, so they see the same
examples in the same order for the same seed); ``skipgram_pairs`` / ``cbow_examples`` are
the one-sentence versions; ``teaching_pairs`` lists the pairs of a sentence with a fixed
window, as the lecture's tables do for "I love cute cat".
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np


def reduced_window(window: int, rng) -> int:
    """word2vec.c's ``b = rand() % window``: the effective window is ``window - b``."""
    return int(rng.integers(0, window))


@dataclass(frozen=True, eq=False)
class Examples:
    """The training examples of a chunk of sentences, in training order.

    ``inputs[k]`` are the input word ids of example k (Skip-gram: one context word, one
    column; CBOW: the context words, padded with -1), ``targets[k]`` the word to predict
    (the centre, for both).
    ``sentence[k]`` / ``position[k]`` locate the centre word (index of the sentence in the
    chunk, position in that sentence); ``token[k]`` is the centre's index among all the
    chunk's tokens (for the learning-rate schedule).
    """

    inputs: np.ndarray    # (n, C) int32, -1 = padding
    targets: np.ndarray   # (n,) int32
    sentence: np.ndarray  # (n,) int32
    position: np.ndarray  # (n,) int32
    token: np.ndarray     # (n,) int64

    def __len__(self) -> int:
        return len(self.targets)

    @property
    def n_inputs(self) -> np.ndarray:
        return (self.inputs >= 0).sum(axis=1)


def _empty(width: int) -> Examples:
    z = np.zeros(0, dtype=np.int32)
    return Examples(np.zeros((0, width), dtype=np.int32), z, z, z, np.zeros(0, dtype=np.int64))


def build_examples(sentences: list[np.ndarray], window: int, arch: str, rng,
                   reduce: bool = True) -> Examples:
    """All examples of ``sentences`` (lists of id arrays) for ``arch`` ("sg" or "cbow").

    Draws one reduced window per token from ``rng`` (all of them at once, in token order)
    unless ``reduce`` is False (fixed window, for teaching)."""
    if window < 1:
        raise ValueError("window must be >= 1")
    lengths = np.fromiter((len(s) for s in sentences), dtype=np.int64, count=len(sentences))
    n = int(lengths.sum())
    width = 1 if arch == "sg" else 2 * window
    if n == 0:
        return _empty(width)
    ids = np.concatenate([np.asarray(s, dtype=np.int32) for s in sentences])
    sid = np.repeat(np.arange(len(sentences), dtype=np.int32), lengths)
    starts = np.repeat(np.cumsum(lengths) - lengths, lengths)
    pos = (np.arange(n) - starts).astype(np.int32)
    if reduce:
        eff = window - rng.integers(0, window, size=n)
    else:
        eff = np.full(n, window)
    offsets = np.concatenate([np.arange(-window, 0), np.arange(1, window + 1)])
    ctx = np.arange(n)[:, None] + offsets[None, :]                  # (n, 2W)
    inside = (ctx >= 0) & (ctx < n)
    ctx_c = np.clip(ctx, 0, n - 1)
    valid = inside & (np.abs(offsets)[None, :] <= eff[:, None]) & (sid[ctx_c] == sid[:, None])
    if arch == "sg":
        rows, cols = np.nonzero(valid)            # row-major: centre, then offset ascending
        return Examples(ids[ctx_c[rows, cols]][:, None], ids[rows], sid[rows], pos[rows],
                        rows.astype(np.int64))
    if arch != "cbow":
        raise ValueError(f"unknown arch {arch!r}")
    has = valid.any(axis=1)
    rows = np.nonzero(has)[0]
    v = valid[rows]
    order = np.argsort(~v, axis=1, kind="stable")       # valid contexts first, in order
    ctx_ids = np.where(v, ids[ctx_c[rows]], -1)
    ctx_ids = np.take_along_axis(ctx_ids, order, axis=1)
    k = int(v.sum(axis=1).max()) if len(rows) else 1
    return Examples(np.ascontiguousarray(ctx_ids[:, :k]).astype(np.int32), ids[rows], sid[rows],
                    pos[rows], rows.astype(np.int64))


def skipgram_pairs(ids, window: int, rng) -> list[tuple[int, int]]:
    """(centre, context) pairs of one sentence with word2vec.c's reduced window."""
    ex = build_examples([np.asarray(ids, dtype=np.int32)], window, "sg", rng)
    return [(int(centre), int(context)) for centre, context in zip(ex.targets, ex.inputs[:, 0])]


def cbow_examples(ids, window: int, rng) -> list[tuple[list[int], int]]:
    """(context ids, centre) examples of one sentence with word2vec.c's reduced window."""
    ex = build_examples([np.asarray(ids, dtype=np.int32)], window, "cbow", rng)
    return [([int(i) for i in row if i >= 0], int(t)) for row, t in zip(ex.inputs, ex.targets)]


def teaching_pairs(words: list[str], window: int, arch: str = "sg") -> list[tuple[tuple[str, ...], str]]:
    """The lecture's tables: every example of a sentence with a *fixed* window.

    Returns ``(input words, target word)``; Skip-gram has one input word (the centre) and
    the context word as target, CBOW the context words as input and the centre as target.
    ``teaching_pairs("i love cute cat".split(), 1, "cbow")`` gives
    ``[(("love",), "i"), (("i", "cute"), "love"), (("love", "cat"), "cute"), (("cute",), "cat")]``.
    """
    if window < 1:
        raise ValueError("window must be >= 1")
    out: list[tuple[tuple[str, ...], str]] = []
    for i, centre in enumerate(words):
        context = [words[j] for j in range(max(0, i - window), min(len(words), i + window + 1)) if j != i]
        if arch == "sg":
            out.extend(((centre,), c) for c in context)
        elif arch == "cbow":
            if context:
                out.append((tuple(context), centre))
        else:
            raise ValueError(f"unknown arch {arch!r}")
    return out
