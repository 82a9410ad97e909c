"""The compiled kernels (engine/word2vec/kernels.py) against the numpy reference and word2vec.c's
sampling rules: same updates and loss on pre-drawn examples, the HogBatch block's algebra,
noise ~ count^0.75, subsampling's keep fraction, the reported loss, determinism, quality
with 2 threads on toy-world, and the run's contract (status, softmax refusal, cache dir)."""

from __future__ import annotations

import math
import os

import numpy as np
import pytest

from engine.errors import ConfigError
from engine.word2vec.negative import NoiseSampler
from engine.word2vec import TrainingSession, Word2VecConfig

K = pytest.importorskip("engine.word2vec.kernels")

TINY = [s.split() for s in [
    "the king rules his kingdom", "the queen rules her kingdom",
    "a man walks with his dog", "a woman walks with her dog",
]] * 5


def cfg(**kw):
    base = dict(dim=8, window=2, min_count=1, sample=0, epochs=2, negative=3, threads=1)
    base.update(kw)
    return Word2VecConfig(**base)


def padded(lists, width, fill=0, dtype=np.int32):
    out = np.full((len(lists), max(width, 1)), fill, dtype=dtype)
    for i, xs in enumerate(lists):
        out[i, :len(xs)] = xs
    return out


# -- one example: kernel == reference on pre-drawn samples ------------------------------------
CASES = [("sg", "neg", True), ("sg", "hs", True), ("cbow", "neg", True), ("cbow", "hs", True),
         ("cbow", "neg", False), ("cbow", "hs", False)]


@pytest.mark.parametrize("arch,loss,mean", CASES)
def test_kernel_equals_the_reference_on_pre_drawn_examples(arch, loss, mean):
    """The reference trains an epoch of planned examples (windows, negatives and learning
    rates drawn by numpy); the kernel's ``_example`` replays exactly those examples."""
    c = cfg(arch=arch, loss=loss, cbow_mean=mean, sample=1e-2, alpha=0.05, negative=5)
    ref = TrainingSession(c, TINY * 4)
    W_in0, W_out0 = ref.model.W_in.copy(), ref.model.W_out.copy()
    inputs, rows, labels, lrs, losses, targets = [], [], [], [], [], []
    base = 0
    tree = ref.model.tree
    for chunk in ref._chunked():
        plan = ref._make_plan(chunk)
        ex = plan.examples
        lr_k = ref.lr_at(base + plan.done_at)
        for k in range(len(ex)):
            ins = [int(i) for i in ex.inputs[k] if i >= 0]
            negs = plan.negatives[k] if plan.negatives is not None else None
            gr, _, _ = ref._reference_update(ins, int(ex.targets[k]), negs, float(lr_k[k]))
            inputs.append(ins)
            targets.append(int(ex.targets[k]))
            rows.append(gr.target_rows.tolist())
            labels.append(gr.labels.tolist())
            lrs.append(float(lr_k[k]))
            losses.append(gr.loss)
        base += plan.raw_count
    assert len(losses) > 150
    if loss == "neg":                          # both kernels: 6 rows (_example6) and fewer
        assert {len(r) for r in rows} >= {5, 6}
    if tree is not None:                       # HS scores the target's path in the tree
        assert all(r == tree.path(t) for r, t in zip(rows, targets))
    W_in, W_out = W_in0.copy(), W_out0.copy()
    C = max(map(len, inputs))
    T = max(map(len, rows))
    got = K.replay(W_in, W_out, padded(inputs, C), np.array([len(i) for i in inputs], np.int64),
                   padded(rows, T), padded(labels, T, dtype=np.float32),
                   np.array([len(r) for r in rows], np.int64), np.array(lrs, np.float32), mean)
    assert np.abs(W_in0 - ref.model.W_in).max() > 1e-3          # it did train
    np.testing.assert_allclose(W_in, ref.model.W_in, rtol=1e-4, atol=2e-6)
    np.testing.assert_allclose(W_out, ref.model.W_out, rtol=1e-4, atol=2e-6)
    np.testing.assert_allclose(got, losses, rtol=1e-5, atol=1e-5)   # the loss, per example


def test_a_saturated_row_is_skipped_but_its_loss_counted():
    """gensim's rule: where |f| >= 6 the row is not updated; the loss stays exact."""
    W_in = np.zeros((3, 2), np.float32)
    W_in[0] = [2.0, 2.0]
    W_out = np.zeros((3, 2), np.float32)
    W_out[1] = [2.0, 2.0]                      # f = 8 with label 0: hopelessly wrong, skipped
    W_out[2] = [0.1, 0.0]                      # f = 0.2 with label 1: trained
    before = W_out.copy()
    loss = K.replay(W_in, W_out, np.array([[0]], np.int32), np.array([1]), np.array([[2, 1]], np.int32),
                    np.array([[1.0, 0.0]], np.float32), np.array([2]), np.array([0.1], np.float32), True)
    assert np.array_equal(W_out[1], before[1])
    assert not np.array_equal(W_out[2], before[2])
    expected = math.log1p(math.exp(-0.2)) + math.log1p(math.exp(8.0))
    assert loss[0] == pytest.approx(expected, rel=1e-5)


# -- the shared-negatives block (HogBatch) ------------------------------------------------------
@pytest.mark.parametrize("n_rows", [3, 6, 7])
def test_shared_negatives_block_is_the_simultaneous_update(n_rows):
    """All contexts x [centre + negatives] scored with the weights before the block, then
    W_out[row] += sum_j G[j, row] W_in[ctx_j] and W_in[ctx_j] += sum_t G[j, t] W_out[row_t]
    (6 rows: ``_block6``; 3 and 7: ``_block``'s single rows and groups of four; a context
    word and a noise word repeat)."""
    rng = np.random.default_rng(4)
    V, d = 12, 19
    W_in = rng.normal(0, 0.4, (V, d)).astype(np.float32)
    W_out = rng.normal(0, 0.4, (V, d)).astype(np.float32)
    W_out[5] = W_in[2] * (8 / (W_in[2] @ W_in[2]))           # f = 8 for context 2: skipped
    ctx = np.array([1, 2, 3, 2, 7], np.int32)
    rows = np.array([4, 5, 6, 6, 9, 10, 11][:n_rows], np.int32)
    lr = 0.05
    X, U = W_in[ctx].astype(np.float64), W_out[rows].astype(np.float64)
    S = X @ U.T
    lab = np.zeros(n_rows)
    lab[0] = 1.0
    G = np.where(np.abs(S) < 6, (lab - 1 / (1 + np.exp(-S))) * lr, 0.0)
    loss = np.logaddexp(0, -(2 * lab - 1) * S).sum()
    exp_in, exp_out = W_in.astype(np.float64), W_out.astype(np.float64)
    np.add.at(exp_out, rows, G.T @ X)
    np.add.at(exp_in, ctx, G @ U)
    got = K.replay_block(W_in, W_out, ctx, len(ctx), rows, n_rows, lr)
    assert (np.abs(S) >= 6).any() and (np.abs(S) < 6).any()
    np.testing.assert_allclose(W_in, exp_in, rtol=1e-5, atol=1e-6)
    np.testing.assert_allclose(W_out, exp_out, rtol=1e-5, atol=1e-6)
    assert got == pytest.approx(loss, rel=1e-5)


# -- word2vec.c's sampling rules, as the kernel draws them ----------------------------------------
def test_noise_draws_follow_count_to_the_three_quarters():
    counts = np.array([4000, 1000, 300, 100, 30, 10, 5, 1], np.float64)
    p = counts ** 0.75 / (counts ** 0.75).sum()
    table = NoiseSampler(p).table
    n = 400_000
    draws = K.draw_noise(table, n, 12345)
    freq = np.bincount(draws, minlength=len(counts)) / n
    sigma = np.sqrt(p * (1 - p) / n)
    assert np.all(np.abs(freq - p) < 5 * sigma + 1e-4), (freq, p)
    # not the unigram itself, nor uniform
    assert freq[0] / freq[3] == pytest.approx(40 ** 0.75, rel=0.05)


def test_subsampling_keeps_word2vec_c_fraction_of_each_word():
    rng = np.random.default_rng(0)
    words = ["the"] * 60 + ["of"] * 25 + [f"w{i}" for i in range(15)]
    sents = [list(rng.permutation(words)) for _ in range(400)]         # 40k tokens
    s = TrainingSession(cfg(sample=1e-2), sents)
    keep = s.vocab.keep_prob(1e-2).astype(np.float32)
    ids, _ = s.encoded()
    kept = K.subsample_ids(ids, keep, 7)
    raw_n = np.bincount(ids, minlength=len(keep))
    kept_n = np.bincount(kept, minlength=len(keep))
    the, of, rare = s.vocab.id("the"), s.vocab.id("of"), s.vocab.id("w3")
    assert keep[the] < keep[of] < 1.0
    for w in (the, of):
        sd = math.sqrt(keep[w] * (1 - keep[w]) / raw_n[w])
        assert kept_n[w] / raw_n[w] == pytest.approx(keep[w], abs=5 * sd)
    assert kept_n[rare] == raw_n[rare]                                  # rare: always kept


# -- the run: reported loss, determinism, threads, status -------------------------------------------
@pytest.mark.parametrize("arch", ["sg", "cbow"])
def test_reported_loss_equals_the_reference_loss(arch):
    """With a fixed window (1), no subsampling, HS (no random draws) and a learning rate too
    small to move the weights, the kernels' Progress.loss is the mean reference loss of
    every example of the epoch."""
    c = cfg(arch=arch, loss="hs", window=1, epochs=1, alpha=1e-12, min_alpha=1e-12)
    s = TrainingSession(c, TINY)
    rng = np.random.default_rng(1)
    s.model.W_in[...] = rng.normal(0, 0.5, s.model.W_in.shape)
    s.model.W_out[...] = rng.normal(0, 0.5, s.model.W_out.shape)
    m = s.model
    total, n = 0.0, 0
    for sent in TINY:
        ids = [m.vocab.id(w) for w in sent]
        for i, centre in enumerate(ids):
            ctx = [ids[j] for j in (i - 1, i + 1) if 0 <= j < len(ids)]
            examples = [[x] for x in ctx] if arch == "sg" else [ctx]
            for ins in examples:
                total += m.gradients(ins, centre).loss
                n += 1
    p = s.run()
    assert p.finished
    assert p.loss == pytest.approx(total / n, rel=1e-5)


@pytest.mark.parametrize("arch,loss,update", [("sg", "neg", "shared"), ("sg", "neg", "pair"),
                                              ("cbow", "hs", "shared")])
def test_one_thread_and_a_seed_give_bit_identical_weights(arch, loss, update):
    big = TINY * 150                          # ~15k words: two jobs per epoch
    c = cfg(arch=arch, loss=loss, update=update, threads=1, sample=1e-2)
    a, b = TrainingSession(c, big), TrainingSession(c, big)
    a.run()
    b.run()
    assert len(a.jobs()) >= 2
    assert np.array_equal(a.model.W_in, b.model.W_in) and np.array_equal(a.model.W_out, b.model.W_out)
    d = TrainingSession(c.replace(seed=2), big)
    d.run()
    assert not np.array_equal(a.model.W_in, d.model.W_in)


def test_two_threads_train_every_word_and_report_in_order():
    big = TINY * 300
    events = []
    s = TrainingSession(cfg(threads=2, epochs=3), big)
    p = s.run(callback=events.append)
    assert p.finished and p.done == p.total == 3 * s.vocab.total
    assert [e.done for e in events] == sorted(e.done for e in events)
    assert all(math.isfinite(e.loss) for e in events)
    assert np.isfinite(s.model.W_in).all()


def test_status_says_training_after_any_compile():
    heard = []
    TrainingSession(cfg(), TINY).run(status=heard.append)
    assert heard[-1] == "training"
    assert set(heard) <= {"compiling kernels\u2026", "training"}


def test_full_softmax_is_refused_for_a_big_vocabulary(monkeypatch):
    import engine.word2vec as w2v

    monkeypatch.setattr(w2v, "MAX_SOFTMAX_VOCAB", 5)
    s = TrainingSession(cfg(loss="softmax"), TINY)
    with pytest.raises(ConfigError, match="negative sampling") as e:
        s.run()
    assert e.value.field == "loss"
    s.step()                                   # one example at a time is still fine


def test_bad_update_and_device_are_config_errors():
    for change, msg in ((dict(update="batch"), "unknown update"), (dict(device="tpu"), "unknown device")):
        with pytest.raises(ConfigError, match=msg):
            Word2VecConfig(**change).validate()


def test_numba_cache_goes_to_the_user_cache_when_the_package_is_read_only(monkeypatch, tmp_path):
    monkeypatch.delenv("NUMBA_CACHE_DIR", raising=False)
    monkeypatch.setattr(os, "access", lambda path, mode: False)
    monkeypatch.setattr("platformdirs.user_cache_dir", lambda app: str(tmp_path / app))
    K._configure_cache()
    assert os.environ["NUMBA_CACHE_DIR"] == str(tmp_path / "wordlab" / "numba")
    assert (tmp_path / "wordlab" / "numba").is_dir()
    monkeypatch.setenv("NUMBA_CACHE_DIR", "/somewhere/else")
    K._configure_cache()                       # a user's own setting wins
    assert os.environ["NUMBA_CACHE_DIR"] == "/somewhere/else"


# -- quality with two threads ------------------------------------------------------------------------
@pytest.mark.parametrize("arch,loss", [("sg", "neg"), ("cbow", "neg"), ("sg", "hs"), ("cbow", "hs")])
def test_two_threads_learn_toy_world_analogies(arch, loss):
    from corpora import open_corpus
    from engine.evaluate import evaluate_analogies

    corpus = open_corpus("toy-world", seed=1)
    c = Word2VecConfig(arch=arch, loss=loss, threads=2, seed=1, dim=50,
                       alpha=0.05 if arch == "cbow" else 0.025)
    s = TrainingSession(c, list(corpus))
    s.run()
    result = evaluate_analogies(s.model.vectors(), corpus.analogies)
    assert result.accuracy >= 0.9, f"{arch}/{loss}: {result.correct}/{result.total}"


@pytest.mark.parametrize("loss", ["neg", "hs"])
def test_too_large_a_learning_rate_is_called_diverged_and_keeps_the_last_good_epoch(loss):
    """word2vec.c clips scores at +-MAX_EXP, so alpha=100 makes no NaN: the vectors blow up
    and the loss climbs.  The run stops with 'diverged' and leaves the weights of the last
    epoch whose loss was sane (here the initial ones: the first job already explodes)."""
    from engine.errors import TrainingError

    s = TrainingSession(cfg(loss=loss, alpha=100.0, min_alpha=100.0, epochs=3), TINY)
    start = (s.model.W_in.copy(), s.model.W_out.copy())
    with pytest.raises(TrainingError, match="diverged") as e:
        s.run()
    assert "alpha=100" in str(e.value)
    assert np.array_equal(s.model.W_in, start[0]) and np.array_equal(s.model.W_out, start[1])
    # the same corpus at the lecture's alpha trains to the end, well under the limit
    ok = TrainingSession(cfg(loss=loss, alpha=0.1, epochs=20), TINY)
    p = ok.run()
    assert p.finished and p.loss < ok.untrained_loss()


def test_untrained_loss_is_the_loss_of_zero_scores():
    s = TrainingSession(cfg(loss="neg", negative=5), TINY)
    assert s.untrained_loss() == pytest.approx(6 * math.log(2))
    p = TrainingSession(cfg(loss="neg", negative=5, alpha=1e-9, min_alpha=1e-9, epochs=1), TINY).run()
    # W_out starts at zero, so every row scores ln 2; a noise draw equal to the target is
    # skipped (word2vec.c), which on this 16-word vocabulary drops some of the 5 rows
    assert 0.85 * 6 * math.log(2) < p.loss <= 6 * math.log(2) + 1e-6
    h = TrainingSession(cfg(loss="hs"), TINY)
    lengths = h.model.tree.lengths
    assert lengths.min() * math.log(2) <= h.untrained_loss() <= lengths.max() * math.log(2)


@pytest.mark.parametrize("arch", ["sg", "cbow"])
def test_hierarchical_softmax_updates_reach_the_top_of_the_tree(arch):
    """The top HOT_ROWS inner nodes gather their updates per thread and are written every
    HOT_EVERY centres: every node on a path, root included, must have moved from W_out's
    initial zeros, and by the same amount as the plain per-example writes would move it
    (one thread, so the reference trainer is the truth: loss within float tolerance)."""
    s = TrainingSession(cfg(arch=arch, loss="hs", epochs=3), TINY)
    p = s.run()
    tree = s.model.tree
    used = {int(n) for w in range(len(s.vocab)) for n in tree.points[w, :tree.lengths[w]]}
    assert len(s.vocab) - 2 in used                       # the root (word2vec.c numbering)
    for node in used:
        assert np.abs(s.model.W_out[node]).sum() > 0, node
    ref = TrainingSession(cfg(arch=arch, loss="hs", epochs=3), TINY)
    q = ref.run(reference=True)
    assert p.loss == pytest.approx(q.loss, rel=0.05)


def test_nice_lowers_the_kernel_threads_priority_only(monkeypatch):
    """run(nice=N): every kernel thread lowers its own priority by N (the app's UI thread
    keeps its own); the calling thread's priority is unchanged."""
    import threading

    import engine.word2vec as w2v

    seen = []
    real = w2v._lower_priority

    def spy(n):
        real(n)
        seen.append((threading.get_native_id(), n, os.getpriority(os.PRIO_PROCESS, threading.get_native_id())))

    monkeypatch.setattr(w2v, "_lower_priority", spy)
    before = os.getpriority(os.PRIO_PROCESS, threading.get_native_id())
    TrainingSession(cfg(threads=2, epochs=1), TINY * 100).run(nice=5)
    assert seen and all(n == 5 for _, n, _ in seen)
    assert all(prio == min(19, before + 5) for _, _, prio in seen)
    assert threading.get_native_id() not in {tid for tid, _, _ in seen}
    assert os.getpriority(os.PRIO_PROCESS, threading.get_native_id()) == before
    seen.clear()
    TrainingSession(cfg(epochs=1), TINY).run()
    assert seen == []


def test_a_short_run_reports_every_epoch_for_the_loss_curve():
    """The lecture's 50 epochs take milliseconds: the throttle alone would give the loss
    curve one or two points.  Runs of up to EPOCH_REPORTS epochs report each epoch's end,
    with that epoch's mean loss, and the loss falls over them."""
    events = []
    p = TrainingSession(cfg(epochs=30, alpha=0.1), TINY).run(callback=events.append)
    epochs = sorted({e.epoch for e in events})
    assert epochs == list(range(1, 31))
    assert p.finished and all(math.isfinite(e.loss) for e in events)
    assert events[-1].loss < events[0].loss
