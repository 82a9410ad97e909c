"""The lecture's facts about Word2Vec, as executable checks."""

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from engine.word2vec import TrainingSession, Word2VecConfig, one_hot

LECTURE = [["i", "love", "cute", "cat"]]


@settings(max_examples=40, deadline=None)
@given(st.integers(min_value=2, max_value=300))
def test_one_hot_vectors_are_pairwise_sqrt2_apart(V):
    X = one_hot(V, np.arange(V))
    sq = (X * X).sum(1)
    d2 = sq[:, None] + sq[None, :] - 2 * X @ X.T
    off = ~np.eye(V, dtype=bool)
    assert np.allclose(np.sqrt(d2[off]), math.sqrt(2))       # every pair: the same distance
    assert np.allclose(np.diag(d2), 0)


def test_step_one_hot_selects_the_row_of_W_in():
    cfg = Word2VecConfig(loss="softmax", dim=3, window=1, min_count=1, sample=0)
    s = TrainingSession(cfg, LECTURE)
    W_in0 = s.model.W_in.copy()
    tr = s.step()
    assert tr.one_hot.shape == (1, 4) and tr.one_hot.sum() == 1
    assert np.allclose(tr.one_hot @ W_in0, W_in0[tr.input_ids[0]])
    assert np.allclose(tr.h, W_in0[tr.input_ids[0]])          # h is that row


def test_uniform_output_over_four_words_has_cross_entropy_ln4():
    cfg = Word2VecConfig(arch="cbow", loss="softmax", dim=5, window=1, min_count=1, sample=0)
    s = TrainingSession(cfg, LECTURE)
    assert len(s.vocab) == 4
    tr = s.step()                                   # W_out starts at 0: uniform output
    assert np.allclose(tr.probs, 0.25)
    assert tr.loss == pytest.approx(math.log(4))
    assert round(tr.loss, 3) == 1.386


def test_training_moves_cross_entropy_below_ln4():
    cfg = Word2VecConfig(arch="cbow", loss="softmax", dim=5, window=1, min_count=1, sample=0,
                         alpha=0.5, min_alpha=0.5, epochs=1)
    s = TrainingSession(cfg, LECTURE * 10)
    losses = [s.step().loss for _ in range(200)]
    assert losses[0] == pytest.approx(math.log(4))
    assert np.mean(losses[-8:]) < 0.5 * math.log(4)   # "sufficiently trained"


@pytest.mark.parametrize("arch", ["sg", "cbow"])
def test_the_embedding_of_a_word_is_its_row_of_the_trained_W_in(arch):
    cfg = Word2VecConfig(arch=arch, loss="neg", dim=8, window=1, min_count=1, sample=0, epochs=2)
    s = TrainingSession(cfg, LECTURE * 20)
    before = s.model.W_in.copy()
    s.run()
    m = s.model
    assert not np.allclose(m.W_in, before)                       # it was trained
    for w in LECTURE[0]:
        assert np.array_equal(m.embedding(w), m.W_in[m.vocab.id(w)])
    kv = m.vectors()
    assert list(kv.words) == m.vocab.words
    for w in LECTURE[0]:
        assert np.allclose(kv[w], m.W_in[m.vocab.id(w)])
    m.W_in[0] += 1.0                                             # a copy, not a view
    assert not np.allclose(kv[m.vocab.words[0]], m.W_in[0])
