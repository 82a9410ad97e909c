"""engine.word2vec.stepping: the step session factory (issue 8 §3, §5): fresh weights or a copy of the
model in use, a visible rise of p on repeating one example, and the facts the Step pane
explains (W_out still zero, the dynamic window, skipped noise draws)."""

from __future__ import annotations

import numpy as np
import pytest

from corpora import open_corpus
from engine.errors import CorpusError
from engine.word2vec.stepping import STEP_ALPHA, STEP_DIM, step_config, step_session
from engine.word2vec import TrainingSession, Word2VecConfig


@pytest.fixture(scope="module")
def lecture():
    return open_corpus("lecture")


def target_p(tr) -> float:
    return float(tr.probs[tr.word_id]) if tr.probs is not None else float(tr.sigmoids[0])


def test_fresh_session_uses_the_corpus_settings_made_readable(lecture):
    s = step_session(lecture, arch="sg", loss="softmax")
    assert s.source == "fresh"
    assert len(s.vocab) == 12                       # the lecture's settings: min_count 1
    assert s.config.dim == STEP_DIM and s.config.sample == 0.0
    assert s.config.alpha == s.config.min_alpha >= STEP_ALPHA   # a constant, visible lr
    assert not s.model.W_out.any()                   # word2vec.c's W_out = 0
    assert step_config("lecture", "cbow", "hs").arch == "cbow"


@pytest.mark.parametrize("loss", ["softmax", "neg", "hs"])
def test_repeating_one_example_visibly_raises_p(lecture, loss):
    s = step_session(lecture, arch="sg", loss=loss)
    first = s.step()
    assert s.facts.w_out_was_zero and s.facts.passes == 1
    assert not first.grad_h.any()                    # W_out = 0: dL/dh = 0, W_in waits
    ps = [target_p(first)]
    for _ in range(4):
        tr = s.repeat()
        assert (tr.input_ids, tr.word_id, tr.lr, tr.example) == (
            first.input_ids, first.word_id, first.lr, first.example)
        ps.append(target_p(tr))
    assert s.facts.passes == 5 and not s.facts.w_out_was_zero
    assert all(b > a for a, b in zip(ps, ps[1:])), ps
    assert ps[3] - ps[0] > 0.03, ps                  # visible at three decimals by pass 4
    nxt = s.step()                                   # and stepping goes on after it
    assert nxt.example == first.example + 1


def test_repeat_needs_an_example(lecture):
    s = step_session(lecture)
    assert not s.can_repeat()
    with pytest.raises(CorpusError):
        s.repeat()
    s.step()
    s.next_sentence()
    assert not s.can_repeat()                        # the example is no longer the last one


def test_negative_sampling_counts_draws_of_the_target(lecture):
    s = step_session(lecture, arch="sg", loss="neg")
    for _ in range(40):
        tr = s.step()
        k = s.config.negative
        assert s.facts.noise_skipped == k - (len(tr.target_ids) - 1)
        assert tr.word_id not in tr.target_ids[1:]   # word2vec.c skips them
        noise = tr.target_words[1:]
        assert set(s.facts.noise_repeated) == {w for w in noise if noise.count(w) > 1}


def test_the_effective_window_explains_the_pairs(lecture):
    s = step_session(lecture, arch="sg", loss="softmax")
    for _ in range(30):
        tr = s.step()
        f = s.facts
        assert f.centre_examples is not None and f.centre_examples >= 1
        if f.effective_window is not None:
            pos, n = tr.position, len(tr.sentence)
            w = f.effective_window
            assert min(pos, w) + min(n - 1 - pos, w) == f.centre_examples


def test_from_a_model_is_a_copy(lecture):
    trained = TrainingSession(Word2VecConfig(dim=8, epochs=3, min_count=1, sample=0.0), lecture)
    trained.run(reference=True)
    W_in, W_out = trained.model.W_in.copy(), trained.model.W_out.copy()
    s = step_session(lecture, arch="sg", loss="neg", model=trained.model)
    assert s.source == "model" and s.vocab is trained.model.vocab
    np.testing.assert_array_equal(s.model.W_in, W_in)
    np.testing.assert_array_equal(s.model.W_out, W_out)
    for _ in range(5):
        s.step()
    np.testing.assert_array_equal(trained.model.W_in, W_in)      # untouched
    np.testing.assert_array_equal(trained.model.W_out, W_out)
    # hierarchical softmax rows are tree nodes, not words: not copied into them
    hs = step_session(lecture, arch="sg", loss="hs", model=trained.model)
    assert not hs.model.W_out.any()


def test_plain_stepping_lowers_the_loss(lecture):
    s = step_session(lecture, arch="sg", loss="softmax")
    losses = [s.step().loss for _ in range(400)]
    assert np.mean(losses[-100:]) < np.mean(losses[:100]) - 0.15


def test_h_initial_until_an_example_moves_the_row(lecture):
    s = step_session(lecture, arch="sg", loss="softmax")
    first = s.step()
    assert s.facts.h_initial                        # nothing has moved any W_in row yet
    assert not first.grad_h.any()                   # ... nor did this one (W_out = 0)
    moved: set[int] = set()
    seen = set()
    for _ in range(30):
        tr = s.step()
        assert s.facts.h_initial == (not set(tr.input_ids) & moved)
        seen.add(s.facts.h_initial)
        moved |= {i for i, d in tr.W_in_delta.items() if d.any()}
    assert seen == {True, False}
    trained = TrainingSession(Word2VecConfig(dim=8, epochs=1, min_count=1, sample=0.0), lecture)
    m = step_session(lecture, model=trained.model)
    m.step()
    assert not m.facts.h_initial                    # a model's rows are trained, not drawn
