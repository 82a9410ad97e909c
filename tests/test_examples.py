"""Windows -> examples: the lecture's tables and word2vec.c's dynamic window."""

from collections import Counter

import numpy as np
import pytest

from engine.word2vec.examples import build_examples, cbow_examples, reduced_window, skipgram_pairs, teaching_pairs

SENT = "i love cute cat".split()


def test_teaching_pairs_skipgram_window_1():
    assert teaching_pairs(SENT, 1, "sg") == [
        (("i",), "love"),
        (("love",), "i"), (("love",), "cute"),
        (("cute",), "love"), (("cute",), "cat"),
        (("cat",), "cute"),
    ]


def test_teaching_pairs_cbow_window_1_and_2():
    assert teaching_pairs(SENT, 1, "cbow") == [
        (("love",), "i"), (("i", "cute"), "love"), (("love", "cat"), "cute"), (("cute",), "cat")]
    assert teaching_pairs(SENT, 2, "cbow")[1] == (("i", "cute", "cat"), "love")
    with pytest.raises(ValueError):
        teaching_pairs(SENT, 1, "glove")


def test_reduced_window_range():
    rng = np.random.default_rng(0)
    seen = {reduced_window(5, rng) for _ in range(500)}
    assert seen == {0, 1, 2, 3, 4}


def test_skipgram_pairs_stay_inside_the_window_and_window_1_is_exact():
    ids = np.arange(50)
    rng = np.random.default_rng(3)
    pairs = skipgram_pairs(ids, 4, rng)
    assert all(1 <= abs(int(a) - int(b)) <= 4 for a, b in pairs)
    exact = skipgram_pairs(ids, 1, np.random.default_rng(0))   # b is always 0
    assert exact == [(i, j) for i in range(50) for j in (i - 1, i + 1) if 0 <= j < 50]


def test_dynamic_window_uses_distance_k_with_probability_w_minus_k_plus_1_over_w():
    window, n = 5, 20000
    pairs = skipgram_pairs(np.arange(n), window, np.random.default_rng(1))
    dist = Counter(abs(a - b) for a, b in pairs)
    for k in range(1, window + 1):
        expected = 2 * n * (window - k + 1) / window
        assert dist[k] == pytest.approx(expected, rel=0.03)


def test_cbow_and_skipgram_see_the_same_windows_for_the_same_seed():
    ids = np.array([5, 3, 8, 1, 9, 2, 7])
    sg = skipgram_pairs(ids, 3, np.random.default_rng(7))
    cb = cbow_examples(ids, 3, np.random.default_rng(7))
    from_sg = {}
    for centre, ctx in sg:
        from_sg.setdefault(centre, []).append(ctx)
    assert {centre: ctx for ctx, centre in cb} == from_sg


def test_examples_never_cross_sentence_boundaries():
    sents = [np.array([1, 2, 3]), np.array([4, 5]), np.array([], dtype=np.int32), np.array([6])]
    ex = build_examples(sents, 5, "sg", np.random.default_rng(0), reduce=False)
    pairs = {(int(centre), int(ctx)) for ctx, centre in zip(ex.inputs[:, 0], ex.targets)}
    assert ex.position.tolist() == [0, 0, 1, 1, 2, 2, 0, 1]      # the centre's position
    assert pairs == {(1, 2), (1, 3), (2, 1), (2, 3), (3, 1), (3, 2), (4, 5), (5, 4)}
    cb = build_examples(sents, 5, "cbow", np.random.default_rng(0), reduce=False)
    assert [int(t) for t in cb.targets] == [1, 2, 3, 4, 5]       # 6 has no context
    assert cb.inputs[0].tolist() == [2, 3] and cb.sentence.tolist() == [0, 0, 0, 1, 1]
    assert cb.position.tolist() == [0, 1, 2, 0, 1]
