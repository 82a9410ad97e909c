"""One-hot vectors, the lecture's first argument for embeddings, as data for the One-hot pane.

With a vocabulary of V words, word ``i`` is the vector with a 1 in position ``i`` and 0
elsewhere.  Two limits follow (lecture, section 4):

1. the vector grows with the vocabulary (100,000 words -> 100,000 dimensions);
2. it says nothing about similarity: for any two different words
   ``L2(A, B) = sqrt(sum (A_i - B_i)^2) = sqrt(1 + 1) = sqrt(2)`` and their cosine is 0.

A trained embedding (a row of W_in) has distances that differ from pair to pair.
:func:`compare_onehot_embedding` returns both sides for a handful of words.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from .errors import ConfigError

if TYPE_CHECKING:  # pragma: no cover
    from .vectors import KeyedVectors

__all__ = ["one_hot", "one_hot_table", "l2_distance_matrix", "cosine_matrix",
           "OneHotComparison", "compare_onehot_embedding"]


def one_hot(vocab_size: int, ids) -> np.ndarray:
    """One-hot vector(s): an int id gives a (V,) vector, a sequence of ids a (k, V) matrix."""
    if int(vocab_size) != vocab_size or vocab_size < 1:
        raise ConfigError(f"vocab_size must be a positive integer (got {vocab_size})")
    vocab_size = int(vocab_size)
    scalar = np.ndim(ids) == 0
    arr = np.atleast_1d(np.asarray(ids))
    if arr.size and not np.issubdtype(arr.dtype, np.integer):
        raise ConfigError(f"one-hot ids must be integers (got {arr.dtype})")
    arr = arr.astype(np.int64).ravel()
    bad = (arr < 0) | (arr >= vocab_size)
    if bad.any():
        raise ConfigError(f"id {int(arr[bad][0])} is out of range for a vocabulary of "
                          f"{vocab_size} words")
    out = np.zeros((arr.size, vocab_size), dtype=np.float64)
    out[np.arange(arr.size), arr] = 1.0
    return out[0] if scalar else out


def one_hot_table(words: Sequence[str]) -> tuple[list[str], np.ndarray]:
    """The distinct words (first-seen order) and their one-hot matrix (the identity, V x V)."""
    distinct = list(dict.fromkeys(words))
    if not distinct:
        raise ConfigError("one_hot_table needs at least one word")
    return distinct, one_hot(len(distinct), range(len(distinct)))


def l2_distance_matrix(X) -> np.ndarray:
    """Pairwise Euclidean distances between the rows of X (n x n, exact 0 diagonal)."""
    X = np.asarray(X, dtype=np.float64)
    if X.ndim != 2:
        raise ConfigError(f"expected a matrix of row vectors (got {X.ndim} dimensions)")
    sq = np.einsum("ij,ij->i", X, X)
    d2 = sq[:, None] + sq[None, :] - 2.0 * (X @ X.T)
    np.maximum(d2, 0.0, out=d2)
    np.fill_diagonal(d2, 0.0)
    return np.sqrt(d2)


def cosine_matrix(X) -> np.ndarray:
    """Pairwise cosine similarities between the rows of X (a zero row has cosine 0 with all)."""
    X = np.asarray(X, dtype=np.float64)
    if X.ndim != 2:
        raise ConfigError(f"expected a matrix of row vectors (got {X.ndim} dimensions)")
    norms = np.linalg.norm(X, axis=1)
    safe = np.where(norms == 0, 1.0, norms)
    U = X / safe[:, None]
    C = np.clip(U @ U.T, -1.0, 1.0)
    nz = norms > 0
    np.fill_diagonal(C, np.where(nz, 1.0, 0.0))
    return C


@dataclass(frozen=True)
class OneHotComparison:
    """The same words as one-hot vectors and as embeddings (rows of W_in)."""
    words: tuple[str, ...]
    one_hot: np.ndarray          # n x n identity (the words' one-hot vectors over themselves)
    one_hot_l2: np.ndarray       # n x n: 0 on the diagonal, sqrt(2) everywhere else
    one_hot_cosine: np.ndarray   # n x n identity: orthogonal, no similarity at all
    embedding: np.ndarray        # n x d: each word's row of W_in
    embedding_l2: np.ndarray     # n x n
    embedding_cosine: np.ndarray  # n x n

    def most_similar_pair(self) -> tuple[str, str, float]:
        """The embedding pair with the highest cosine (one-hot has no such pair: all 0)."""
        n = len(self.words)
        if n < 2:
            raise ConfigError("need at least two words to compare pairs")
        C = self.embedding_cosine.copy()
        np.fill_diagonal(C, -np.inf)
        i, j = np.unravel_index(int(np.argmax(C)), C.shape)
        return self.words[i], self.words[j], float(C[i, j])


def compare_onehot_embedding(words: Sequence[str],
                             vectors: "KeyedVectors | np.ndarray") -> OneHotComparison:
    """One-hot vs embedding distances for ``words``.

    ``vectors`` is a KeyedVectors (words are looked up; UnknownWordError if absent) or an
    embedding matrix with one row per word, in the order of ``words``.
    """
    words = list(words)
    if not words:
        raise ConfigError("compare_onehot_embedding needs at least one word")
    if len(set(words)) != len(words):
        raise ConfigError("the words to compare must be distinct")
    if isinstance(vectors, np.ndarray):
        if vectors.ndim != 2 or vectors.shape[0] != len(words):
            raise ConfigError(f"expected one embedding row per word ({len(words)} rows), "
                              f"got shape {vectors.shape}")
        E = np.asarray(vectors, dtype=np.float64)
    else:
        E = np.stack([np.asarray(vectors[w], dtype=np.float64) for w in words])
    _, oh = one_hot_table(words)
    return OneHotComparison(
        words=tuple(words), one_hot=oh, one_hot_l2=l2_distance_matrix(oh),
        one_hot_cosine=cosine_matrix(oh), embedding=E,
        embedding_l2=l2_distance_matrix(E), embedding_cosine=cosine_matrix(E),
    )
