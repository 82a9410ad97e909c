"""Seq2Seq (engine/seq2seq.py): the tiny language, training (the loss falls, a seed gives the
same model), the numpy read-back equal to torch's LSTM, greedy decoding, and the long-input
figure computed from real translations.  Small configurations: each trains in well under a
second; the lesson's own model is trained once (engine.lesson.seq2seq_demo keeps it)."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest

from engine.errors import ConfigError, UnknownWordError
from engine.seq2seq import (EOS, LECTURE_PAIR, PAIRS, SOS, Seq2SeqConfig, Seq2SeqSession,
                            degradation, random_pair, score, training_pairs, translate_clause)

SMALL = Seq2SeqConfig(sentences=60, steps=40, max_clauses=2, hidden=8, emb=8)


@pytest.fixture(scope="module")
def small():
    session = Seq2SeqSession(SMALL)
    session.run()
    return session


def test_the_language_is_english_svo_to_korean_sov():
    assert translate_clause("i", "like", "machine learning") == LECTURE_PAIR
    assert translate_clause("we", "hate", "dogs") == ("we hate dogs", "우리는 개가 싫다")
    src, tgt = random_pair(3, np.random.default_rng(0))
    assert src.count(" and ") == 2 and tgt.count(" 그리고 ") == 2
    with pytest.raises(UnknownWordError):
        translate_clause("they", "like", "cats")
    with pytest.raises(ConfigError):
        random_pair(0, np.random.default_rng(0))


def test_training_pairs_hold_the_lectures_pair_and_are_seeded():
    pairs = training_pairs(SMALL)
    assert pairs[0] == LECTURE_PAIR == ("i like machine learning", "나는 머신러닝이 좋다")
    assert pairs[:len(PAIRS)] == list(PAIRS) and len(pairs) == len(PAIRS) + SMALL.sentences
    assert training_pairs(SMALL) == pairs
    assert training_pairs(Seq2SeqConfig(sentences=60, seed=2)) != pairs


@pytest.mark.parametrize("field, value", [("hidden", 0), ("steps", 0), ("lr", 0.0),
                                          ("sentences", -1)])
def test_bad_config_is_one_clear_error(field, value):
    with pytest.raises(ConfigError, match=field):
        Seq2SeqSession(Seq2SeqConfig(**{field: value}))


def test_the_loss_decreases(small):
    losses = small.losses
    assert len(losses) == SMALL.steps
    assert losses[0] == pytest.approx(small.untrained_loss(), rel=0.15)   # ~ln V at the start
    assert np.mean(losses[-5:]) < 0.7 * np.mean(losses[:5])


def test_a_seed_gives_the_same_model_and_translation(small):
    again = Seq2SeqSession(SMALL)
    again.run()
    assert again.losses == small.losses
    a, b = small.model(), again.model()
    np.testing.assert_array_equal(a.W_out, b.W_out)
    ta, tb = a.translate(LECTURE_PAIR[0]), b.translate(LECTURE_PAIR[0])
    assert ta.words == tb.words and [s.p for s in ta.steps] == [s.p for s in tb.steps]
    other = Seq2SeqSession(replace(SMALL, seed=2))
    other.run()
    assert other.losses != small.losses


def test_numpy_encoder_equals_torch_lstm(small):
    """The numbers the lesson shows (engine.lstm.LSTMCell in numpy) are the trained torch
    LSTM's: the context vector of a sentence, both ways."""
    import torch

    model = small.model()
    enc = model.encode(LECTURE_PAIR[0])
    lstm = small._lstm(torch, "enc").double()
    x = torch.from_numpy(model.E_src[[model.source_vocab.index(w) for w in enc.words]])
    _, (h, c) = lstm(x[None])
    np.testing.assert_allclose(enc.h, h[0, 0].detach().numpy(), atol=1e-6)
    np.testing.assert_allclose(enc.c, c[0, 0].detach().numpy(), atol=1e-6)


def test_greedy_decoding_starts_at_sos_and_feeds_its_own_words(small):
    model = small.model()
    tr = model.translate(LECTURE_PAIR[0], max_len=6)
    assert tr.steps[0].input == SOS
    for prev, step in zip(tr.steps, tr.steps[1:]):
        assert step.input == prev.word
    for step in tr.steps:
        assert step.probs.sum() == pytest.approx(1.0)
        assert step.word == model.target_vocab[int(np.argmax(step.probs))]
        assert step.p == pytest.approx(step.probs.max())
    assert len(tr.steps) <= 6
    assert EOS not in tr.words
    with pytest.raises(UnknownWordError):
        model.translate("i like pizza")


def test_degradation_is_computed_from_real_decoding(small):
    model = small.model()
    rows = degradation(model, SMALL, clauses=(1, 3), per_length=5, seed=3)
    assert [r.clauses for r in rows] == [1, 3] and [r.trained for r in rows] == [True, False]
    # recomputed here from the same draws and the model's own translations
    rng = np.random.default_rng(3)
    for row in rows:
        right = total = exact = 0
        for _ in range(5):
            src, tgt = random_pair(row.clauses, rng)
            got, ref = model.translate(src).words, tuple(tgt.split())
            r, n = score(got, ref)
            right, total, exact = right + r, total + n, exact + (got == ref)
        assert row.token_accuracy == right / total and row.exact == exact / 5


def test_degradation_follows_the_translations(small, monkeypatch):
    """A model that translated perfectly would score 100% at every length: the figure is
    the translations' score, not a fixed curve."""
    from engine.seq2seq import Seq2Seq

    model = small.model()
    perfect = {}
    for n in (1, 2):
        rng = np.random.default_rng(5)
        for _ in range(20):
            src, tgt = random_pair(n, rng)
            perfect[src] = tgt

    class Perfect:
        def __init__(self, words):
            self.words = words

    monkeypatch.setattr(Seq2Seq, "translate",
                        lambda self, s, max_len=None: Perfect(tuple(perfect[s].split())))
    rows = degradation(model, SMALL, clauses=(2,), per_length=4, seed=5)
    assert rows[0].token_accuracy == 1.0 and rows[0].exact == 1.0


def test_score_counts_missing_and_misplaced_words():
    assert score(("a", "b"), ("a", "b", "c")) == (2, 3)
    assert score(("b", "a", "c"), ("a", "b", "c")) == (1, 3)
    assert score((), ("a",)) == (0, 1)


def test_the_lessons_model_translates_the_lecture_and_degrades_with_length():
    """The lesson's own run (the default config, a few seconds): the lecture's sentence comes
    out right, and longer inputs get fewer words right."""
    from engine.lesson import seq2seq_demo

    demo = seq2seq_demo()
    assert demo is seq2seq_demo()                              # kept for the second step
    assert demo.lecture.words == ("나는", "머신러닝이", "좋다")
    assert demo.lecture.steps[-1].word == EOS
    acc = [r.token_accuracy for r in demo.lengths]
    assert acc[0] > 0.95 and acc[-1] < acc[0] - 0.2
    assert demo.losses[-1] < 0.3 * demo.untrained_loss


def test_without_torch_training_is_one_clear_error(monkeypatch):
    import builtins

    from engine.errors import TrainingError

    real = builtins.__import__

    def no_torch(name, *args, **kwargs):
        if name == "torch" or name.startswith("torch."):
            raise ImportError("No module named 'torch'")
        return real(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_torch)
    with pytest.raises(TrainingError, match="needs torch"):
        Seq2SeqSession(SMALL).run()
