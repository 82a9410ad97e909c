"""Hierarchical softmax's Huffman tree, built exactly like word2vec.c's CreateBinaryTree.

Every word is a leaf; the ``V - 1`` inner nodes each own a row of ``W_out``.  A word's
probability is the product of binary decisions along its path from the root:
``P(w | h) = prod_j sigma((1 - 2 code_j) * W_out[point_j] . h)``, so training an example
touches ~log2 V rows instead of V.  Frequent words get short codes.

``points[w][:lengths[w]]`` are the inner nodes on the path (root first, root = V - 2) and
``codes[w][:lengths[w]]`` the branch taken at each (0 or 1); word2vec.c trains node j with
label ``1 - code_j``.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True, eq=False)
class HuffmanTree:
    codes: np.ndarray    # (V, L) uint8, padded with 0
    points: np.ndarray   # (V, L) int32 inner-node ids, padded with 0
    lengths: np.ndarray  # (V,) int32

    def code(self, word_id: int) -> list[int]:
        return [int(c) for c in self.codes[word_id, : self.lengths[word_id]]]

    def path(self, word_id: int) -> list[int]:
        return [int(p) for p in self.points[word_id, : self.lengths[word_id]]]

    @property
    def n_inner(self) -> int:
        return len(self.lengths) - 1


def build_huffman(counts) -> HuffmanTree:
    """word2vec.c's CreateBinaryTree over ``counts`` (sorted most-frequent-first, as the
    vocabulary's ids are).  Needs at least two words."""
    count = np.asarray(counts, dtype=np.int64)
    V = len(count)
    if V < 2:
        raise ValueError("hierarchical softmax needs at least 2 words")
    big = np.iinfo(np.int64).max // 4
    c = np.concatenate([count, np.full(V, big, dtype=np.int64)]).tolist()
    parent = [0] * (2 * V)
    binary = [0] * (2 * V)
    pos1, pos2 = V - 1, V
    for a in range(V - 1):
        mins = []
        for _ in range(2):
            if pos1 >= 0 and c[pos1] < c[pos2]:
                mins.append(pos1)
                pos1 -= 1
            else:
                mins.append(pos2)
                pos2 += 1
        c[V + a] = c[mins[0]] + c[mins[1]]
        parent[mins[0]] = V + a
        parent[mins[1]] = V + a
        binary[mins[1]] = 1
    root = 2 * V - 2
    paths = []
    for w in range(V):
        code, point = [], []
        b = w
        while b != root:
            code.append(binary[b])
            b = parent[b]
            point.append(b - V)          # the inner node above b
        paths.append((code[::-1], point[::-1]))
    L = max(len(code) for code, _ in paths)
    codes = np.zeros((V, L), dtype=np.uint8)
    points = np.zeros((V, L), dtype=np.int32)
    lengths = np.zeros(V, dtype=np.int32)
    for w, (code, point) in enumerate(paths):
        codes[w, : len(code)] = code
        points[w, : len(point)] = point
        lengths[w] = len(code)
    return HuffmanTree(codes, points, lengths)
