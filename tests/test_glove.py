"""GloVe (engine/glove/__init__.py): the counts as cooccur.c makes them, the AdaGrad update as glove.c
makes it, the compiled kernel equal to the numpy reference on the same cells, the run's
contract (events, cancel, NaN), and that it learns toy-world's relations."""

from __future__ import annotations

import math
import threading

import numpy as np
import pytest

from engine.errors import ConfigError, CorpusError, TrainingError
from engine.glove import (Glove, GloveConfig, GloveSession, cooccurrence, reference_update,
                          weight)
from engine.vocab import Vocab

TINY = [s.split() for s in [
    "the king rules his kingdom", "the queen rules her kingdom",
    "a man walks with his dog", "a woman walks with her dog",
]] * 5


def cfg(**kw):
    base = dict(dim=8, window=3, min_count=1, epochs=5, threads=1)
    base.update(kw)
    return GloveConfig(**base)


def test_counts_are_symmetric_distance_weighted_and_stay_within_a_line():
    sentences = [["a", "b", "c"], ["c", "d"]]
    v = Vocab.build(sentences, 1)
    X = cooccurrence(sentences, v, window=2)
    a, b, c, d = (v.id(w) for w in "abcd")
    assert X.get(b, a) == X.get(a, b) == 1.0          # neighbours: 1/1
    assert X.get(c, a) == X.get(a, c) == 0.5          # two apart: 1/2
    assert X.get(c, d) == X.get(d, c) == 1.0
    assert X.get(b, d) == 0.0                         # different lines never meet
    assert X.dense().sum() == pytest.approx(2 * (1 + 0.5 + 1 + 1))
    plain = cooccurrence(sentences, v, window=2, distance_weighting=False, symmetric=False)
    assert plain.get(c, a) == 1.0 and plain.get(a, c) == 0.0   # X[centre, word to its left]


def test_counting_in_chunks_gives_the_same_counts():
    v = Vocab.build(TINY, 1)
    one = cooccurrence(TINY, v, window=4)
    many = cooccurrence(TINY, v, window=4, chunk_tokens=3)
    assert np.array_equal(one.rows, many.rows) and np.array_equal(one.cols, many.cols)
    assert np.allclose(one.values, many.values)


def test_no_pairs_is_one_clear_error():
    with pytest.raises(CorpusError, match="nothing for GloVe to count"):
        GloveSession(cfg(), [["alone"], ["single"]])


def test_the_weighting_function():
    assert weight(100.0, 100.0, 0.75) == 1.0 and weight(1000.0, 100.0, 0.75) == 1.0
    assert weight(10.0, 100.0, 0.75) == pytest.approx(0.1 ** 0.75)


def test_one_reference_step_is_glove_c_arithmetic():
    """prediction, error, the weighted cost and AdaGrad's scaled steps, by hand."""
    v = Vocab.build(TINY, 1)
    m = Glove(v, cfg(dim=4))
    i, j, x, eta = 1, 2, 3.0, 0.05
    w_i, w_j = m.w[i].astype(np.float64).copy(), m.w_tilde[j].astype(np.float64).copy()
    pred = w_i @ w_j + float(m.b[i]) + float(m.b_tilde[j])
    tr = reference_update(m, i, j, x, eta)
    f = (x / 100.0) ** 0.75
    assert tr.prediction == pytest.approx(pred, rel=1e-5)
    assert tr.error == pytest.approx(pred - math.log(x), rel=1e-5)
    assert tr.loss == pytest.approx(0.5 * f * (pred - math.log(x)) ** 2, rel=1e-5)
    g = f * (pred - math.log(x)) * eta
    assert np.allclose(m.w[i], w_i - g * w_j / 1.0, atol=1e-7)      # gradsq starts at 1
    assert np.allclose(m.gradsq_w[i], 1 + (g * w_j) ** 2, atol=1e-9)
    assert float(m.gradsq_b[i]) == pytest.approx(1 + g * g)


def test_the_kernel_equals_the_reference_on_the_same_cells():
    a = GloveSession(cfg(epochs=3), TINY)
    b = GloveSession(cfg(epochs=3), TINY)
    pa = a.run()
    pb = b.run(reference=True)
    for x, y in zip(a.model.arrays(), b.model.arrays()):
        np.testing.assert_allclose(x, y, rtol=1e-4, atol=1e-6)
    assert pa.loss == pytest.approx(pb.loss, rel=1e-4)
    assert pa.done == pa.total == 3 * len(a.X)


def test_the_cost_falls_and_every_epoch_reports():
    events = []
    s = GloveSession(cfg(epochs=20, threads=2), TINY)
    p = s.run(callback=events.append)
    assert p.finished and [e.epoch for e in events][-1] == 20
    assert events[-1].loss < 0.5 * events[0].loss


def test_cancel_keeps_what_is_trained_and_nan_keeps_the_last_good_epoch():
    s = GloveSession(cfg(epochs=100_000), TINY)
    cancel = threading.Event()
    p = s.run(callback=lambda e: cancel.set(), cancel_event=cancel)
    assert not p.finished and p.done < p.total
    assert np.isfinite(s.model.w).all()
    s = GloveSession(cfg(epochs=3), TINY)
    poisoned = []

    def poison(e):
        if not poisoned:
            good = s.model.w.copy()
            poisoned.append(good)
            s.model.w[0, 0] = np.nan

    with pytest.raises(TrainingError, match="diverged"):
        s.run(callback=poison)
    assert np.array_equal(s.model.w, poisoned[0])     # the weights at the end of epoch 1


def test_every_bad_setting_is_named():
    bad = GloveConfig(dim=0, window=-1, x_max=0, eta=float("nan"), vectors="both")
    assert {e.field for e in bad.problems()} == {"dim", "window", "x_max", "eta", "vectors"}
    with pytest.raises(ConfigError):
        bad.validate()


def test_a_step_shows_every_number_of_the_adagrad_update():
    """Step mode's numbers: the prediction's parts, g, each weight's move divided by the root
    of its own running sum, and the cell's loss falling with the new weights."""
    s = GloveSession(cfg(eta=0.05), TINY)
    m = s.model
    for _ in range(3):                      # not only the first step, where every sum is 1
        tr = s.step()
    assert tr.prediction == pytest.approx(tr.dot + tr.b_i + tr.b_tilde_j, abs=1e-6)
    assert tr.dot == pytest.approx(float(tr.w_i.astype(np.float64) @ tr.w_tilde_j), abs=1e-6)
    assert tr.g == pytest.approx(0.05 * tr.f * tr.error, rel=1e-5)
    np.testing.assert_allclose(tr.delta_w_i, -tr.g * tr.w_tilde_j / np.sqrt(tr.gradsq_w_i),
                               rtol=1e-4, atol=1e-9)
    np.testing.assert_allclose(tr.delta_w_tilde_j, -tr.g * tr.w_i / np.sqrt(tr.gradsq_w_tilde_j),
                               rtol=1e-4, atol=1e-9)
    assert tr.delta_b_i == pytest.approx(-tr.g / math.sqrt(tr.gradsq_b_i), rel=1e-4)
    assert tr.delta_b_tilde_j == pytest.approx(-tr.g / math.sqrt(tr.gradsq_b_tilde_j), rel=1e-4)
    np.testing.assert_allclose(m.w[tr.i], tr.w_i + tr.delta_w_i, rtol=1e-6, atol=1e-9)
    assert float(m.gradsq_b[tr.i]) == pytest.approx(tr.gradsq_b_i + tr.g ** 2, rel=1e-5)
    assert tr.loss_after < tr.loss


def test_glove_learns_toy_worlds_analogies_with_its_corpus_settings():
    """issue 11: `wordlab train --model glove --corpus toy-world` scores >= 90% on its analogies.
    The corpus's GloVe settings (corpora.registry.GLOVE_HINTS) are what does it: glove.c's
    defaults give ~31% there."""
    from corpora import open_corpus
    from corpora.evalsets import eval_set_path
    from engine.evaluate import evaluate_analogies
    from engine.settings import glove_settings

    config = glove_settings("toy-world", threads=2)
    assert not config.distance_weighting and config.vectors == "word"
    s = GloveSession(config, open_corpus("toy-world"))
    s.run()
    assert evaluate_analogies(s.model.vectors(), eval_set_path("toy-world")).accuracy >= 0.9
