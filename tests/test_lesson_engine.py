"""The lesson's figures, computed by the engine (engine/lesson.py, engine/bptt.py): the lecture's
numbers come out, and BPTT's terms add up to the true gradient."""

from __future__ import annotations

import math

import numpy as np
import pytest

from engine.bptt import bptt_terms, factor, vanishing
from engine.errors import ConfigError
from engine.lesson import (BIG_VOCAB, LECTURE_SENTENCE, ONEHOT_WORDS, FourWordModel, blanks,
                           onehot_sizes, rnn_demo, rnn_shapes)
from engine.word2vec.softmax import cross_entropy, softmax


def test_rnn_demo_runs_the_lecture_sentence_one_hot():
    d = rnn_demo()
    assert d.words == LECTURE_SENTENCE and d.vocab == LECTURE_SENTENCE
    np.testing.assert_array_equal(d.x, np.eye(4))
    assert len(d.steps) == 4
    np.testing.assert_array_equal(d.steps[0].h_prev, np.zeros(3))
    for prev, s in zip(d.steps, d.steps[1:]):
        np.testing.assert_array_equal(s.h_prev, prev.h)          # h_t-1 is the last h_t
    s = d.steps[1]
    np.testing.assert_allclose(
        s.h, np.tanh(d.cell.W_xh @ s.x_t + d.cell.W_hh @ s.h_prev + d.cell.b_h))
    np.testing.assert_allclose(s.y, d.cell.W_hy @ s.h + d.cell.b_y)


def test_shapes_feed_and_use_what_their_names_say():
    runs = {r.key: r for r in rnn_shapes(rnn_demo())}
    assert runs["one-to-many"].inputs == ("i", None, None, None)
    assert all(runs["one-to-many"].outputs)
    assert runs["many-to-one"].inputs == LECTURE_SENTENCE
    assert runs["many-to-one"].outputs[:3] == (None, None, None) and runs["many-to-one"].outputs[3]
    assert all(runs["many-to-many"].outputs)


def _loss(cell, x, target):
    return cross_entropy(softmax(cell.run(x)[-1].y), target)


def test_bptt_terms_sum_to_the_gradient_of_W_hh():
    d = rnn_demo()
    x, target = d.x[:3], d.ids[3]
    b = bptt_terms(d.cell, list(d.steps[:3]), target)
    assert [term.t for term in b.terms] == [3, 2, 1]
    assert [len(term.factor_norms) for term in b.terms] == [0, 1, 2]
    np.testing.assert_allclose(sum(term.term for term in b.terms), b.grad_W_hh)
    assert b.loss == pytest.approx(_loss(d.cell, x, target))
    # finite differences on every entry of W_hh
    eps = 1e-6
    numeric = np.zeros_like(d.cell.W_hh)
    for i in range(3):
        for j in range(3):
            d.cell.W_hh[i, j] += eps
            up = _loss(d.cell, x, target)
            d.cell.W_hh[i, j] -= 2 * eps
            down = _loss(d.cell, x, target)
            d.cell.W_hh[i, j] += eps
            numeric[i, j] = (up - down) / (2 * eps)
    np.testing.assert_allclose(b.grad_W_hh, numeric, atol=1e-7)
    # h_0 = 0: W_hh's use at t = 1 contributes nothing
    assert b.terms[-1].term_norm == 0.0 and b.terms[-1].grad_h_norm > 0
    assert b.terms[1].factor_norms[0] == pytest.approx(np.linalg.norm(factor(d.steps[2], d.cell), 2))


def test_the_long_sequence_vanishes():
    v = vanishing()
    assert v.steps == 100 and len(v.factor_norms) == 100 and len(v.product_norms) == 101
    assert np.all((v.factor_norms > 0) & (v.factor_norms < 1))    # "0 ~ 1" at every step
    assert v.product_at(100) == 1.0
    assert v.product_at(0) < 1e-20                                 # "~ 0": the effect at t = 0
    assert np.all(np.diff(v.product_norms) <= 1e-12)
    with pytest.raises(ConfigError):
        v.product_at(101)


def test_onehot_sizes_of_100000_words():
    s = onehot_sizes()
    assert s.vocab_size == BIG_VOCAB == 100_000
    assert s.vector_numbers == 100_000 and s.vector_bytes == 400_000
    assert s.table_numbers == 10**10 and s.table_bytes == 4 * 10**10       # 40 GB
    assert s.dim == 100 and s.embedding_bytes == 4 * 10**7                  # 40 MB
    assert s.ratio == 1000 and s.nonzero_fraction == pytest.approx(1e-5)


def test_four_word_model_untrained_loss_is_ln_4():
    m = FourWordModel()
    assert m.words == LECTURE_SENTENCE
    np.testing.assert_array_equal(m.one_hot(), np.eye(4))
    ex = m.example()
    assert (ex.inputs, ex.target) == (("i", "cute"), "love")
    np.testing.assert_allclose(ex.probs, 0.25)
    assert ex.loss == pytest.approx(math.log(4)) and f"{ex.loss:.3f}" == "1.386"
    assert m.untrained_loss() == pytest.approx(ex.loss)


def test_four_word_model_trains_and_its_embedding_is_a_row_of_W_in():
    m = FourWordModel()
    progress = m.train()
    assert progress.finished and m.epochs_done == m.config.epochs
    ex = m.example()
    assert ex.loss < 0.1 and ex.p_target > 0.9
    np.testing.assert_array_equal(m.embedding("love"), m.model.W_in[m.model.vocab.id("love")])


def test_cbow_blanks_of_the_lecture_corpus_are_the_lectures():
    from corpora import open_corpus

    found = blanks(list(open_corpus("lecture")))
    got = {(" ".join(b.before), b.answer, " ".join(b.after)) for b in found}
    assert got == {("i", "love", "cat"), ("we", "watch", "movie"), ("you", "draw", "picture"),
                   ("cat", "chase", "dog")}
    assert {w for w in ONEHOT_WORDS} == {"cat", "apple", "dog", "banana"}


@pytest.fixture
def royal_vectors():
    """Hand-made 3-d vectors where man -> woman is king -> queen (test data, not results)."""
    from engine.vectors import KeyedVectors

    words = ["king", "queen", "man", "woman", "apple", "cat"]
    rows = np.array([[1.0, 1.0, 0.1], [1.0, -1.0, 0.1], [0.1, 1.0, 0.0], [0.1, -1.0, 0.0],
                     [-1.0, 0.1, 1.0], [0.0, 0.2, -1.0]], dtype=np.float32)
    return KeyedVectors(words, rows)


def test_parallelogram_on_vectors_where_the_relation_holds(royal_vectors):
    from engine.lesson import RELATION, parallelogram

    rel = parallelogram(royal_vectors)
    assert rel.words == RELATION == ("woman", "man", "queen", "king")
    assert rel.answers[0][0] == "king"                  # woman : man :: queen : king
    assert rel.offset_cosine > 0.9 and rel.coords.shape == (4, 2)


def test_parallelogram_names_a_missing_word(royal_vectors):
    from engine.errors import UnknownWordError
    from engine.lesson import parallelogram

    with pytest.raises(UnknownWordError, match="prince"):
        parallelogram(royal_vectors, ("woman", "man", "prince", "king"))


def test_king_minus_man_plus_woman_on_toy_world():
    """The last step's question, answered by vectors trained on a shipped corpus (toy-world,
    about a second): queen, with its cosine, from the engine's own analogy."""
    from engine.lesson import KING_ANSWER, corpus_analogy

    r = corpus_analogy("toy-world")
    assert r.corpus == "toy-world" and r.words > 100 and r.tokens > 10_000
    assert r.loss < r.untrained_loss
    assert r.found and r.answers[0][0] == KING_ANSWER == "queen"
    assert len(r.answers) == 3 and r.answers[0][1] >= r.answers[1][1] >= r.answers[2][1]
    assert -1.0 <= r.answers[2][1] <= r.answers[0][1] <= 1.0


def test_king_query_on_a_corpus_without_king_is_one_clear_error():
    from engine.errors import UnknownWordError
    from engine.lesson import corpus_analogy

    with pytest.raises(UnknownWordError, match="unknown word: .man."):
        corpus_analogy("lecture")
