"""The lecture's one-hot facts as data: pairwise sqrt(2) apart, orthogonal; embeddings differ."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from engine.errors import ConfigError, UnknownWordError
from engine.onehot import (compare_onehot_embedding, cosine_matrix, l2_distance_matrix,
                           one_hot, one_hot_table)
from engine.vectors import KeyedVectors


def test_one_hot_vectors():
    assert one_hot(4, 2).tolist() == [0, 0, 1, 0]
    m = one_hot(5, [3, 0, 3])
    assert m.shape == (3, 5) and m.sum(axis=1).tolist() == [1, 1, 1]
    assert m[0, 3] == 1 and m[1, 0] == 1 and m[2, 3] == 1
    assert one_hot(3, []).shape == (0, 3)


@pytest.mark.parametrize("args", [(0, [0]), (3, [3]), (3, [-1]), (2.5, [0]), (3, [0.5])])
def test_one_hot_rejects_bad_input(args):
    with pytest.raises(ConfigError):
        one_hot(*args)


def test_lecture_vocabulary_table():
    words, m = one_hot_table(["cat", "apple", "dog", "banana", "cat"])
    assert words == ["cat", "apple", "dog", "banana"]
    assert np.array_equal(m, np.eye(4))
    with pytest.raises(ConfigError):
        one_hot_table([])


@settings(max_examples=30, deadline=None)
@given(st.integers(min_value=2, max_value=60), st.data())
def test_any_two_one_hot_vectors_are_sqrt2_apart(V, data):
    ids = data.draw(st.lists(st.integers(0, V - 1), min_size=2, max_size=8, unique=True))
    D = l2_distance_matrix(one_hot(V, ids))
    off = D[~np.eye(len(ids), dtype=bool)]
    assert np.all(off == math.sqrt(2))  # exactly, not approximately
    assert np.all(np.diag(D) == 0)
    C = cosine_matrix(one_hot(V, ids))
    assert np.array_equal(C, np.eye(len(ids)))


def test_distance_and_cosine_matrices_against_direct_formulas():
    rng = np.random.default_rng(1)
    X = rng.standard_normal((6, 4))
    direct = np.sqrt(((X[:, None, :] - X[None, :, :]) ** 2).sum(-1))
    np.testing.assert_allclose(l2_distance_matrix(X), direct, atol=1e-12)
    U = X / np.linalg.norm(X, axis=1, keepdims=True)
    np.testing.assert_allclose(cosine_matrix(X), U @ U.T, atol=1e-12)
    Z = np.array([[0.0, 0.0], [1.0, 0.0]])
    assert cosine_matrix(Z).tolist() == [[0.0, 0.0], [0.0, 1.0]]
    with pytest.raises(ConfigError):
        l2_distance_matrix(np.zeros(3))


def test_compare_with_keyed_vectors_and_matrix():
    words = ["cat", "dog", "apple", "banana"]
    E = np.array([[1.0, 0.1, 0.0], [0.9, 0.2, 0.0], [0.0, 1.0, 0.9], [0.1, 0.9, 1.0]])
    kv = KeyedVectors(words + ["other"], np.vstack([E, np.ones(3)]))
    for source in (kv, E):
        c = compare_onehot_embedding(words, source)
        off = ~np.eye(4, dtype=bool)
        assert np.all(c.one_hot_l2[off] == math.sqrt(2))
        assert np.all(c.one_hot_cosine[off] == 0)
        # the embedding distinguishes pairs: cat-dog closer than cat-apple
        assert c.embedding_l2[0, 1] < c.embedding_l2[0, 2]
        assert len(np.unique(np.round(c.embedding_l2[off], 6))) > 1
        assert c.most_similar_pair()[:2] == ("cat", "dog")
    np.testing.assert_allclose(compare_onehot_embedding(words, kv).embedding, E, atol=1e-6)
    with pytest.raises(UnknownWordError):
        compare_onehot_embedding(["cat", "zebra"], kv)
    with pytest.raises(ConfigError):
        compare_onehot_embedding(words, E[:3])
    with pytest.raises(ConfigError):
        compare_onehot_embedding(["cat", "cat"], kv)
