"""2-D projections of word vectors for plotting: principal component analysis (PCA).

The Explore pane draws a handful of words (an analogy's four, a word and its neighbours)
on the plane of their first two principal components: centre the rows, take the SVD
``X - mean = U S V^T``, and project onto the first two right singular vectors.
"""

from __future__ import annotations

import numpy as np

from .errors import ConfigError

__all__ = ["pca_2d"]


def pca_2d(X) -> np.ndarray:
    """Coordinates (n x 2) of the rows of X on their first two principal components.

    Signs are fixed so that each component's largest-magnitude coordinate is positive
    (the SVD's sign is arbitrary), which keeps a plot from flipping between calls.
    With fewer than two independent directions the missing coordinate is 0.
    """
    X = np.asarray(X, dtype=np.float64)
    if X.ndim != 2 or X.shape[0] < 1:
        raise ConfigError(f"pca_2d needs a matrix with at least one row (got shape {X.shape})")
    centred = X - X.mean(axis=0)
    _, _, vt = np.linalg.svd(centred, full_matrices=False)
    coords = np.zeros((X.shape[0], 2))
    k = min(2, vt.shape[0])
    coords[:, :k] = centred @ vt[:k].T
    for j in range(k):
        col = coords[:, j]
        if col[np.argmax(np.abs(col))] < 0:
            coords[:, j] = -col
    return coords
