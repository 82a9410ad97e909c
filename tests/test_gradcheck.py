"""Finite-difference gradient checks: every arch x output layer, in float64.

``Word2Vec.gradients`` is what ``step()`` uses; here each analytic gradient is compared
with (L(w + eps) - L(w - eps)) / 2 eps for entries of W_in (the input rows) and W_out
(the scored rows), and the step's deltas with -lr x those gradients."""

import numpy as np
import pytest

from engine.word2vec import TrainingSession, Word2VecConfig

CORPUS = [s.split() for s in [
    "the king rules his kingdom", "the queen rules her kingdom",
    "a man walks with his dog", "a woman walks with her dog",
]] * 3

CASES = [(arch, loss, mean) for loss in ("softmax", "neg", "hs")
         for arch, mean in (("sg", True), ("cbow", True), ("cbow", False))]


def make(arch, loss, mean, seed=0):
    cfg = Word2VecConfig(arch=arch, loss=loss, cbow_mean=mean, dim=6, window=2, negative=4,
                         min_count=1, sample=0, epochs=1, seed=seed)
    s = TrainingSession(cfg, CORPUS, dtype=np.float64)
    rng = np.random.default_rng(seed)
    s.model.W_in[...] = rng.normal(0, 0.5, s.model.W_in.shape)
    s.model.W_out[...] = rng.normal(0, 0.5, s.model.W_out.shape)   # non-zero: real gradients
    return s


def loss_of(model, inputs, target, negs):
    return model.gradients(inputs, target, negs).loss


@pytest.mark.parametrize("arch,loss,mean", CASES)
def test_gradients_match_finite_differences(arch, loss, mean):
    s = make(arch, loss, mean)
    for _ in range(3):                       # a few different examples
        s.next_sentence()
    plan, k = s._plan, s._k
    inputs = [int(i) for i in plan.examples.inputs[k] if i >= 0]
    target = int(plan.examples.targets[k])
    negs = plan.negatives[k] if plan.negatives is not None else None
    m = s.model
    gr = m.gradients(inputs, target, negs)
    eps = 1e-6
    for row, grad in gr.grad_W_in.items():
        for j in range(m.W_in.shape[1]):
            old = m.W_in[row, j]
            m.W_in[row, j] = old + eps
            up = loss_of(m, inputs, target, negs)
            m.W_in[row, j] = old - eps
            down = loss_of(m, inputs, target, negs)
            m.W_in[row, j] = old
            assert (up - down) / (2 * eps) == pytest.approx(grad[j], abs=1e-6)
    # W_out: sum the per-entry gradients of a row (a noise word may be drawn twice)
    full = {}
    for r, g in zip(gr.target_rows.tolist(), gr.grad_W_out):
        full[r] = full.get(r, 0) + g
    for r, grad in list(full.items())[:6]:
        for j in range(m.W_out.shape[1]):
            old = m.W_out[r, j]
            m.W_out[r, j] = old + eps
            up = loss_of(m, inputs, target, negs)
            m.W_out[r, j] = old - eps
            down = loss_of(m, inputs, target, negs)
            m.W_out[r, j] = old
            assert (up - down) / (2 * eps) == pytest.approx(grad[j], abs=1e-6)


@pytest.mark.parametrize("arch,loss,mean", CASES)
def test_step_applies_minus_lr_times_the_gradient(arch, loss, mean):
    s = make(arch, loss, mean, seed=1)
    preview = s.peek()
    m = s.model
    plan, k = s._plan, s._k
    negs = plan.negatives[k] if plan.negatives is not None else None
    gr = m.gradients(preview.input_ids, preview.word_id, negs)
    W_in0, W_out0 = m.W_in.copy(), m.W_out.copy()
    tr = s.step()
    assert tr.input_ids == preview.input_ids and tr.word == preview.word
    assert tr.loss == pytest.approx(gr.loss)
    assert np.allclose(tr.grad_h, gr.grad_h) and np.allclose(tr.h, gr.h)
    # word2vec.c: every input row gets -lr * grad_h (exact for sg and cbow-sum; cbow-mean
    # rows' exact gradient is grad_h / n_context)
    n = len(tr.input_ids)
    for row, delta in tr.W_in_delta.items():
        times = tr.input_ids.count(row)
        assert np.allclose(delta, -tr.lr * gr.grad_h * times)
        scale = 1.0 / n if (mean and n > 1) else 1.0
        assert np.allclose(gr.grad_W_in[row], gr.grad_h * scale * times)
    changed_in = np.nonzero(np.any(m.W_in != W_in0, axis=1))[0]
    assert set(changed_in.tolist()) == set(tr.W_in_delta)
    for r, delta in tr.W_out_delta.items():
        assert np.allclose(m.W_out[r] - W_out0[r], delta)
    untouched = np.ones(len(m.W_out), bool)
    untouched[list(tr.W_out_delta)] = False
    assert np.array_equal(m.W_out[untouched], W_out0[untouched])
