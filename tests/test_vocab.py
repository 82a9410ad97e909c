"""Vocabulary: ids, min_count, max_vocab, subsampling and the noise distribution."""

import math

import numpy as np
import pytest

from engine.errors import ConfigError, CorpusError, UnknownWordError
from engine.vocab import Vocab

SENTS = [["b", "a", "c", "a"], ["d", "b", "a", "e"], ["c", "b", "f"]]   # a:3 b:3 c:2 d,e,f:1


def test_ids_most_frequent_first_ties_first_seen():
    v = Vocab.build(SENTS, min_count=1)
    assert v.words == ["b", "a", "c", "d", "e", "f"]        # b seen before a, both 3
    assert v.counts.tolist() == [3, 3, 2, 1, 1, 1]
    assert v.total == 11 and len(v) == 6 and "c" in v and "z" not in v
    assert v.id("c") == 2


def test_min_count_and_max_vocab():
    v = Vocab.build(SENTS, min_count=2)
    assert v.words == ["b", "a", "c"] and v.total == 8
    v = Vocab.build(SENTS, min_count=1, max_vocab=2)
    assert v.words == ["b", "a"] and v.total == 6


def test_encode_drops_oov_and_id_raises():
    v = Vocab.build(SENTS, min_count=2)
    assert v.encode(["a", "zzz", "c", "d"]).tolist() == [1, 2]
    assert v.encode([]).dtype == np.int32
    with pytest.raises(UnknownWordError, match="unknown word: 'zzz'"):
        v.id("zzz")


def test_empty_corpus_and_nothing_above_min_count():
    with pytest.raises(CorpusError, match="empty"):
        Vocab.build([[], []])
    with pytest.raises(CorpusError, match="no word occurs at least 5 times"):
        Vocab.build(SENTS, min_count=5)
    with pytest.raises(ConfigError):
        Vocab.build(SENTS, min_count=0)
    with pytest.raises(CorpusError, match="lists of tokens"):
        Vocab.build(["a line of text"])


def test_keep_prob_matches_hand_computation():
    v = Vocab(["the", "cat", "zyx"], [900, 90, 10])            # total 1000
    s = 1e-2                                                   # s * total = 10
    # the: f=900 -> (sqrt(900/10) + 1) * 10/900 = (9.4868 + 1) / 90
    expected_the = (math.sqrt(90.0) + 1.0) * 10.0 / 900.0
    p = v.keep_prob(s)
    assert p[0] == pytest.approx(expected_the)
    assert p[0] == pytest.approx(0.116520, abs=1e-6)
    assert p[1] == pytest.approx((3.0 + 1.0) * 10 / 90)        # sqrt(9) = 3 -> 0.4444
    assert p[2] == 1.0                                          # (1 + 1) * 1 = 2, clipped
    assert np.all(v.keep_prob(0) == 1.0)
    assert np.all(p <= 1.0)
    with pytest.raises(ConfigError):
        v.keep_prob(-1)


def test_noise_distribution_is_unigram_to_the_three_quarters():
    v = Vocab(["a", "b", "c"], [16, 1, 81])
    q = v.noise_distribution(0.75)
    assert q.sum() == pytest.approx(1.0)
    raw = np.array([8.0, 1.0, 27.0])                            # 16^.75, 1, 81^.75
    assert np.allclose(q, raw / raw.sum())
    assert np.allclose(v.noise_distribution(1.0), v.counts / v.total)
