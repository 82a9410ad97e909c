"""FastText training (engine/fasttext/__init__.py, engine/fasttext/kernels.py): a word's input is the
mean of its word row and n-gram rows and the gradient reaches all of them, the compiled kernel
equals the numpy reference on pre-drawn examples, the run's contract (events, pause, cancel,
NaN), and unseen words get their n-grams' mean."""

from __future__ import annotations

import threading

import numpy as np
import pytest

from engine.errors import ConfigError, TrainingError, UnknownWordError
from engine.fasttext import (FastText, FastTextConfig, FastTextSession, ngram_buckets,
                             reference_update)
from engine.vocab import Vocab

TINY = [s.split() for s in [
    "the king rules his kingdom", "the queen rules her kingdom",
    "a man walks with his dog", "a woman walks with her dog",
    "the kings rule their kingdoms", "the dogs walk",
]] * 8


def cfg(**kw):
    base = dict(dim=8, window=3, min_count=1, epochs=3, threads=1, bucket=97, sample=0.0)
    base.update(kw)
    return FastTextConfig(**base)


def test_a_words_input_rows_are_its_own_then_its_ngram_buckets():
    v = Vocab.build(TINY, 1)
    m = FastText(v, cfg())
    V = len(v)
    w = v.id("kingdom")
    assert m.W_in.shape == (V + 97, 8) and m.W_out.shape == (V, 8)
    assert list(m.subwords.of(w)) == [w] + [V + b for b in ngram_buckets("kingdom", 3, 6, 97)]
    assert np.abs(m.W_in).max() <= 1 / 8 and not m.W_out.any()     # fastText's initialisation
    vec = m.W_in[m.subwords.of(w)].mean(axis=0)
    np.testing.assert_allclose(m.word_vectors()[w], vec, rtol=1e-6)


def test_one_reference_step_by_hand():
    """h is the mean of the input rows; every input row gets the whole -lr dL/dh."""
    rng = np.random.default_rng(0)
    W_in = rng.normal(size=(10, 4)).astype(np.float32)
    W_out = rng.normal(size=(5, 4)).astype(np.float32) * 0.1
    a, b = W_in.copy(), W_out.copy()
    inputs, rows, labels, lr = [2, 7, 7, 9], [1, 3], [1.0, 0.0], 0.1
    h = a[inputs].mean(axis=0)
    f = b[rows] @ h
    sig = 1 / (1 + np.exp(-f))
    g = lr * (np.array(labels) - sig)
    loss = reference_update(W_in, W_out, inputs, rows, labels, lr)
    assert loss == pytest.approx(-np.log(sig[0]) - np.log(1 - sig[1]), rel=1e-6)
    np.testing.assert_allclose(W_out[1], b[1] + g[0] * h, rtol=1e-5)
    np.testing.assert_allclose(W_out[3], b[3] + g[1] * h, rtol=1e-5)
    grad_h = g[0] * b[1] + g[1] * b[3]
    np.testing.assert_allclose(W_in[2], a[2] + grad_h, rtol=1e-5)
    np.testing.assert_allclose(W_in[7], a[7] + 2 * grad_h, rtol=1e-5)    # listed twice
    np.testing.assert_allclose(W_in[0], a[0])                            # not an input


@pytest.mark.parametrize("n_rows", [6, 3])
def test_the_kernel_equals_the_reference_on_pre_drawn_examples(n_rows):
    """Random examples (word + n-gram rows in, the true word and noise words out), trained
    in order by the compiled kernel and by the numpy reference: the same weights and losses.
    6 rows is the kernel's register-blocked form, 3 its general one."""
    from engine.fasttext import kernels as K

    rng = np.random.default_rng(n_rows)
    V, B, d, n, C = 12, 40, 16, 60, 9
    W_in = ((rng.random((V + B, d)) - 0.5) / d).astype(np.float32)
    W_out = ((rng.random((V, d)) - 0.5)).astype(np.float32)
    inputs = rng.integers(0, V + B, size=(n, C)).astype(np.int32)
    n_in = rng.integers(1, C + 1, size=n).astype(np.int32)
    rows = rng.integers(0, V, size=(n, n_rows)).astype(np.int32)
    labels = np.zeros((n, n_rows), dtype=np.float32)
    labels[:, 0] = 1.0
    lrs = rng.uniform(0.01, 0.5, size=n)
    ref_in, ref_out = W_in.copy(), W_out.copy()
    ref = [reference_update(ref_in, ref_out, inputs[e, :n_in[e]], rows[e], labels[e], lrs[e])
           for e in range(n)]
    got = K.replay(W_in, W_out, inputs, n_in, rows, labels, np.full(n, n_rows, np.int32), lrs)
    np.testing.assert_allclose(got, ref, rtol=1e-4)
    np.testing.assert_allclose(W_in, ref_in, rtol=1e-4, atol=1e-6)
    np.testing.assert_allclose(W_out, ref_out, rtol=1e-4, atol=1e-6)
    assert not np.allclose(W_in, ((np.random.default_rng(n_rows).random((V + B, d)) - 0.5) / d))


@pytest.mark.parametrize("arch", ["sg", "cbow"])
def test_training_lowers_the_loss_and_reports_every_epoch(arch):
    events = []
    s = FastTextSession(cfg(arch=arch, epochs=30, threads=2, alpha=0.1), TINY)
    before = s.model.W_in.copy()
    p = s.run(callback=events.append)
    assert p.finished and p.done == p.total == 30 * s.vocab.total
    assert [e.epoch for e in events][-1] == 30
    assert events[-1].loss < 0.8 * events[0].loss
    V = len(s.vocab)
    assert not np.allclose(s.model.W_in[V:], before[V:])     # the n-gram rows learned too


def test_one_thread_and_a_seed_give_the_same_vectors():
    a = FastTextSession(cfg(seed=3), TINY)
    b = FastTextSession(cfg(seed=3), TINY)
    a.run()
    b.run()
    assert np.array_equal(a.model.W_in, b.model.W_in)


def test_cancel_pause_and_nan():
    s = FastTextSession(cfg(epochs=100_000), TINY)
    cancel = threading.Event()
    p = s.run(callback=lambda e: cancel.set(), cancel_event=cancel)
    assert not p.finished and p.done < p.total and np.isfinite(s.model.W_in).all()

    pause, cancel = threading.Event(), threading.Event()
    pause.set()
    s = FastTextSession(cfg(epochs=5), TINY)
    timer = threading.Timer(0.3, cancel.set)
    timer.start()
    p = s.run(cancel_event=cancel, pause_event=pause)      # paused throughout, then cancelled
    timer.join()
    assert p.done == 0 and not p.finished

    s = FastTextSession(cfg(epochs=3), TINY)

    def poison(e):
        s.model.W_in[0, 0] = np.nan

    with pytest.raises(TrainingError, match="diverged"):
        s.run(callback=poison)
    assert np.isfinite(s.model.W_in).all()        # the last good epoch's weights are back


def test_too_large_a_learning_rate_is_caught():
    s = FastTextSession(cfg(alpha=90.0, epochs=5, dim=30), TINY)
    with pytest.raises(TrainingError, match="alpha"):
        s.run()
    assert np.isfinite(s.model.W_in).all()


def test_every_bad_setting_is_named():
    bad = FastTextConfig(arch="rnn", dim=0, minn=4, maxn=3, bucket=-1, alpha=0.0, sample=-1.0)
    assert {e.field for e in bad.problems()} == {"arch", "dim", "maxn", "bucket", "alpha",
                                                 "sample"}
    with pytest.raises(ConfigError):
        bad.validate()
    with pytest.raises(ConfigError, match="bucket"):
        FastText(Vocab.build(TINY, 1), FastTextConfig(bucket=100_000_000, dim=10_000))


def test_unseen_words_are_the_mean_of_their_ngram_rows_and_answer_queries():
    s = FastTextSession(cfg(epochs=5), TINY)
    s.run()
    kv = s.model.vectors()
    V = len(s.vocab)
    assert "kingdoms" in kv and not kv.from_ngrams("kingdoms")
    assert "kingship" not in kv and kv.from_ngrams("kingship")
    ids = ngram_buckets("kingship", 3, 6, 97)
    np.testing.assert_allclose(kv["kingship"], s.model.W_in[V + np.array(ids)].mean(axis=0),
                               rtol=1e-6)
    got = kv.most_similar("kingship", topn=3)
    assert len(got) == 3 and all(w in s.vocab for w, _ in got)
    assert kv.similarity("kingship", "kingdom") == pytest.approx(
        float(kv.vector("kingship", norm=True) @ kv.vector("kingdom", norm=True)))
    np.testing.assert_allclose(kv["king"], s.model.word_vectors()[s.vocab.id("king")])
    no_ngrams = FastTextSession(cfg(epochs=1, maxn=0), TINY)
    with pytest.raises(UnknownWordError, match="n-grams"):
        no_ngrams.model.vectors()["kingship"]


def test_fasttext_learns_toy_worlds_relations():
    """Default settings but small (dim 50, 20k buckets) on toy-world: most analogies right
    (the CLI's full-size run: see tests/test_fasttext_cli.py and the issue)."""
    from corpora import open_corpus
    from corpora.evalsets import eval_set_path
    from engine.evaluate import evaluate_analogies

    s = FastTextSession(FastTextConfig(dim=50, bucket=20_000, threads=2), list(open_corpus("toy-world")))
    s.run()
    assert evaluate_analogies(s.model.vectors(), eval_set_path("toy-world")).accuracy > 0.8


def test_training_changes_only_the_rows_the_vocabulary_reads():
    """The last good epoch is kept as these rows alone (not a second 2M-row matrix): that is
    exact only if no other row ever changes."""
    s = FastTextSession(cfg(epochs=5, bucket=5_000), TINY)
    before = s.model.W_in.copy()
    s.run()
    rows = s.model.trained_rows()
    untouched = np.setdiff1d(np.arange(len(before)), rows)
    assert len(rows) < len(before) // 2 and len(untouched)
    assert np.array_equal(s.model.W_in[untouched], before[untouched])
    assert not np.array_equal(s.model.W_in[rows], before[rows])


def test_a_nan_puts_back_exactly_the_last_good_epochs_weights(monkeypatch):
    """One thread, one job an epoch: the weights as epoch 3's job starts are epoch 2's end;
    a NaN planted in a word row and an n-gram row then must bring back exactly those."""
    from engine.fasttext import kernels as K

    real = K.train_job
    seen = []

    def job(W_in, W_out, ids, starts, s0, s1, *rest):
        if s1 > s0:
            seen.append((W_in.copy(), W_out.copy()))
            if len(seen) == 3:
                W_in[0, 0] = np.nan                      # a word row ...
                W_in[s.model.subwords.of(0)[1:], 1] = np.nan    # ... and its n-gram rows
        return real(W_in, W_out, ids, starts, s0, s1, *rest)

    monkeypatch.setattr(K, "train_job", job)
    s = FastTextSession(cfg(epochs=5, bucket=5_000), TINY)
    assert len(s.jobs()) == 1
    with pytest.raises(TrainingError, match="diverged"):
        s.run()
    assert len(seen) == 3
    assert np.array_equal(s.model.W_in, seen[2][0])
    assert np.array_equal(s.model.W_out, seen[2][1])
    assert not np.array_equal(seen[2][0], seen[1][0])     # epoch 2 did train


def test_skipgram_forms_h_once_per_centre_with_the_per_pair_arithmetic():
    """The kernel's Skip-gram takes the mean of the centre's rows once per centre and moves it
    by each pair's d_in (the mean of rows that all moved by d_in), writing the rows once: the
    same training as recomputing h and writing every row per pair (ARCH_SG_PAIR), to float
    rounding, on the same draws."""
    from corpora.toyworld import ToyWorld
    from engine.fasttext import kernels as K
    from engine.word2vec.negative import NoiseSampler

    corpus = list(ToyWorld(seed=2, size=300))

    def train(arch):
        s = FastTextSession(FastTextConfig(dim=12, epochs=1, threads=1, bucket=3000, seed=3,
                                           min_count=2), corpus)
        m = s.model
        ids, starts = s.encoded()
        keep = s.vocab.keep_prob(s.config.sample).astype(np.float32)
        table = NoiseSampler(s.vocab.noise_distribution(s.config.ns_exponent)).table
        loss, n, _ = K.train_job(m.W_in, m.W_out, ids, starts, 0, len(starts) - 1, keep, True,
                                 table, m.subwords.ptr, m.subwords.rows, arch, 5, 5, 0.05,
                                 0.05, 7)
        return m.W_in, m.W_out, loss, n

    a, b = train(K.ARCH_SG), train(K.ARCH_SG_PAIR)
    assert a[3] == b[3] > 1000                        # the same examples
    assert a[2] == pytest.approx(b[2], rel=1e-4)      # the same loss
    np.testing.assert_allclose(a[0], b[0], atol=2e-4)
    np.testing.assert_allclose(a[1], b[1], atol=2e-4)
