"""The Word2Vec trainer: configuration, schedule, determinism, the step API, the
whole-run API (progress, pause, cancel, NaN) and the fast path against the reference."""

import itertools
import math
import threading

import numpy as np
import pytest

from engine.errors import ConfigError, CorpusError, TrainingError
from engine.word2vec.huffman import build_huffman
from engine.progress import Progress
from engine.word2vec import TrainingSession, Word2VecConfig

TINY = [s.split() for s in [
    "the king rules his kingdom", "the queen rules her kingdom",
    "a man walks with his dog", "a woman walks with her dog",
]] * 5
ALL = [(a, lo) for a in ("sg", "cbow") for lo in ("softmax", "neg", "hs")]


def cfg(**kw):
    base = dict(dim=8, window=2, min_count=1, sample=0, epochs=2, negative=3)
    base.update(kw)
    return Word2VecConfig(**base)


# -- configuration ---------------------------------------------------------------------------
@pytest.mark.parametrize("change,msg", [
    (dict(dim=0), "dim must be a positive integer"),
    (dict(dim=-3), "dim must be a positive integer"),
    (dict(dim=20000), "dim = 20000 is absurdly large"),
    (dict(dim=2.5), "dim must be an integer"),
    (dict(alpha=0), "alpha must be > 0"),
    (dict(alpha=-0.1), "alpha must be > 0"),
    (dict(alpha=float("nan")), "alpha must be finite"),
    (dict(min_alpha=-1e-4), "min_alpha must be between 0 and alpha"),
    (dict(min_alpha=0.5), "min_alpha must be between 0 and alpha"),
    (dict(window=0), "window must be a positive integer"),
    (dict(negative=0), "negative must be a positive integer"),
    (dict(epochs=0), "epochs must be a positive integer"),
    (dict(sample=-1e-3), "sample must be >= 0"),
    (dict(arch="glove"), "unknown arch 'glove'"),
    (dict(loss="nce"), "unknown loss 'nce'"),
    (dict(threads=0), "threads must be a positive integer"),
    (dict(min_count=0), "min_count must be a positive integer"),
    (dict(seed=-1), "seed must be an integer >= 0"),
])
def test_validate_rejects_with_one_clear_line(change, msg):
    c = Word2VecConfig().replace(**change)
    with pytest.raises(ConfigError, match=msg) as e:
        c.validate()
    assert "\n" not in str(e.value)
    with pytest.raises(ConfigError):
        TrainingSession(c, TINY)


def test_negative_is_only_checked_for_negative_sampling():
    Word2VecConfig(loss="hs", negative=0).validate()
    Word2VecConfig().validate()


def test_corpus_errors():
    with pytest.raises(CorpusError, match="empty"):
        TrainingSession(cfg(), [])
    with pytest.raises(CorpusError, match="no word occurs at least 50 times"):
        TrainingSession(cfg(min_count=50), TINY)
    with pytest.raises(CorpusError, match="re-iterable"):
        TrainingSession(cfg(), iter(TINY))
    with pytest.raises(CorpusError, match="at least 2 distinct words"):
        TrainingSession(cfg(), [["same", "same"]])


def test_a_model_too_big_for_memory_is_a_config_error(monkeypatch):
    import engine.word2vec as w2v

    V = len(TrainingSession(cfg(), TINY).vocab)
    monkeypatch.setattr(w2v, "MAX_MODEL_BYTES", V * 8 * 2 * 4)   # W_in + W_out, float32, d = 8
    TrainingSession(cfg(), TINY)
    with pytest.raises(ConfigError, match="GiB.*lower dim"):
        TrainingSession(cfg(dim=9), TINY)


def test_subsampling_everything_away_is_a_clear_error_in_step_mode():
    s = TrainingSession(cfg(sample=1e-5), [["i", "love", "cute", "cat"]])
    with pytest.raises(CorpusError, match="sample=0"):
        s.step()


# -- Huffman tree -----------------------------------------------------------------------------
def test_huffman_codes_prefix_free_with_expected_lengths():
    t = build_huffman([5, 3, 1, 1])
    assert t.lengths.tolist() == [1, 2, 3, 3]
    codes = ["".join(map(str, t.code(w))) for w in range(4)]
    assert len(set(codes)) == 4
    for a, b in itertools.permutations(codes, 2):
        assert not b.startswith(a)
    assert all(t.path(w)[0] == 2 for w in range(4))      # root = V - 2 (word2vec.c)
    counts = np.array([50, 30, 20, 10, 8, 5, 3, 2, 1, 1])
    t = build_huffman(counts)
    codes = ["".join(map(str, t.code(w))) for w in range(len(counts))]
    for a, b in itertools.permutations(codes, 2):
        assert not b.startswith(a)
    assert np.all(np.diff(t.lengths) >= 0)                # frequent words: shorter codes
    assert sum(2.0 ** -L for L in t.lengths) == pytest.approx(1.0)   # a full binary tree
    assert set(np.concatenate([t.path(w) for w in range(10)])) == set(range(9))


# -- schedule and determinism -----------------------------------------------------------------
def test_learning_rate_decays_linearly_over_all_epochs():
    s = TrainingSession(cfg(alpha=0.1, min_alpha=0.001, epochs=3), TINY)
    assert s.total_words == 3 * s.vocab.total
    assert s.lr_at(0) == pytest.approx(0.1)
    assert s.lr_at(s.total_words) == pytest.approx(0.001)
    assert s.lr_at(s.total_words / 2) == pytest.approx(0.0505)
    assert s.step().lr == pytest.approx(0.1)
    events = []
    p = TrainingSession(cfg(alpha=0.1, min_alpha=0.001), TINY).run(callback=events.append)
    assert p.finished and p.lr == pytest.approx(0.001) and p.done == p.total
    lrs = [e.lr for e in events]
    assert lrs == sorted(lrs, reverse=True)


@pytest.mark.parametrize("arch,loss", ALL)
def test_same_seed_same_model(arch, loss):
    a = TrainingSession(cfg(arch=arch, loss=loss, sample=1e-2), TINY)
    b = TrainingSession(cfg(arch=arch, loss=loss, sample=1e-2), TINY)
    c = TrainingSession(cfg(arch=arch, loss=loss, sample=1e-2, seed=2), TINY)
    for s in (a, b, c):
        s.run()
    assert np.array_equal(a.model.W_in, b.model.W_in) and np.array_equal(a.model.W_out, b.model.W_out)
    assert not np.allclose(a.model.W_in, c.model.W_in)


def test_run_restores_torch_threads():
    import torch

    before = torch.get_num_threads()
    TrainingSession(cfg(threads=2), TINY).run(backend="torch")
    assert torch.get_num_threads() == before


# -- the torch path (softmax, device="cuda") against the reference ---------------------------------
@pytest.mark.parametrize("arch,loss,mean", [(a, lo, True) for a, lo in ALL]
                         + [("cbow", lo, False) for lo in ("softmax", "neg", "hs")])
def test_torch_path_with_batch_1_equals_the_reference(arch, loss, mean):
    c = cfg(arch=arch, loss=loss, cbow_mean=mean, batch_size=1, epochs=2, sample=1e-2)
    ref = TrainingSession(c, TINY, dtype=np.float64)
    fast = TrainingSession(c, TINY, dtype=np.float64)
    p_ref = ref.run(reference=True)
    p_fast = fast.run(backend="torch")            # the same code as device="cuda", on the CPU
    assert np.allclose(ref.model.W_in, fast.model.W_in, atol=1e-12)
    assert np.allclose(ref.model.W_out, fast.model.W_out, atol=1e-12)
    assert p_ref.done == p_fast.done and p_ref.finished and p_fast.finished


def test_step_then_reference_run_equals_steps():
    c = cfg(loss="neg")
    a = TrainingSession(c, TINY, dtype=np.float64)
    b = TrainingSession(c, TINY, dtype=np.float64)
    n = 0
    while True:                     # step through epoch 1 and 2 exactly
        pv = a.peek()
        if pv.epoch > 2:
            break
        a.step()
        n += 1
    b.run(reference=True)
    assert n > 50
    assert np.allclose(a.model.W_in, b.model.W_in, atol=1e-12)


def planted_corpus(n=1500, seed=0):
    """Royal/common x male/female people in gendered, classed contexts."""
    rng = np.random.default_rng(seed)
    people = {("royal", "m"): "king", ("royal", "f"): "queen", ("common", "m"): "man",
              ("common", "f"): "woman", ("young", "m"): "prince", ("young", "f"): "princess"}
    place = {"royal": ["palace", "throne", "crown", "kingdom"], "common": ["street", "market", "house", "farm"],
             "young": ["castle", "garden", "school", "toy"]}
    pron = {"m": ["he", "his", "him"], "f": ["she", "her", "hers"]}
    verbs = ["sees", "visits", "likes", "walks", "rules", "keeps"]
    out = []
    for _ in range(n):
        (cls, g), w = list(people.items())[rng.integers(len(people))]
        p = pron[g]
        pick = lambda xs: xs[rng.integers(len(xs))]  # noqa: E731
        out.append([p[0], w, pick(place[cls]), pick(verbs), p[1], pick(place[cls]), "with", p[2]])
    return out


@pytest.mark.parametrize("arch,loss", [("sg", "neg"), ("sg", "hs")])
def test_fast_path_learns_the_planted_analogy(arch, loss):
    c = Word2VecConfig(arch=arch, loss=loss, dim=24, window=3, min_count=1, sample=0, epochs=8,
                       negative=5, alpha=0.05 if arch == "cbow" else 0.025, seed=3)
    s = TrainingSession(c, planted_corpus())
    s.run()
    W = s.model.W_in / np.linalg.norm(s.model.W_in, axis=1, keepdims=True)
    v = s.vocab

    def solve(a, b, cc):        # a : b :: cc : ?   (3CosAdd, query words excluded)
        q = W[v.id(b)] - W[v.id(a)] + W[v.id(cc)]
        sims = W @ q
        for w in (a, b, cc):
            sims[v.id(w)] = -np.inf
        return v.words[int(np.argmax(sims))]

    assert solve("man", "king", "woman") == "queen"
    assert solve("king", "queen", "man") == "woman"
    assert solve("king", "queen", "prince") == "princess"


# -- the step API -------------------------------------------------------------------------------
def test_step_trace_on_a_four_word_vocabulary():
    s = TrainingSession(cfg(arch="sg", loss="neg", window=1, dim=3), [["i", "love", "cute", "cat"]])
    assert len(s.vocab) == 4
    pv = s.peek()
    pairs = s.sentence_pairs()
    assert pv.sentence == ["i", "love", "cute", "cat"] and pv.position == 0
    # word2vec.c's direction: each context word's row predicts the centre
    assert pairs == [(("love",), "i"), (("i",), "love"), (("cute",), "love"),
                     (("love",), "cute"), (("cat",), "cute"), (("cute",), "cat")]
    assert s.peek() == pv                                  # peeking trains nothing
    tr = s.step()
    assert (tr.input_words, tr.word) == (["love"], "i")
    assert tr.target_words[0] == "i" and tr.labels[0] == 1.0 and np.all(tr.labels[1:] == 0)
    assert "i" not in tr.target_words[1:]                   # draws equal to the target skipped
    assert tr.probs is None and tr.sigmoids.shape == tr.scores.shape == tr.labels.shape
    assert np.allclose(tr.sigmoids, 0.5)                    # W_out = 0 at the start
    assert tr.loss == pytest.approx(len(tr.labels) * math.log(2))
    assert tr.pair_index == 0 and tr.example == 0 and tr.epoch == 1
    assert s.peek().pair_index == 1
    with pytest.raises(Exception):
        tr.loss = 0                                        # frozen


def test_next_sentence_skips_the_rest_of_the_sentence():
    s = TrainingSession(cfg(window=1), [["a", "b", "c"], ["d", "e"], ["a", "d"]])
    s.step()
    s.next_sentence()
    pv = s.peek()
    assert pv.sentence == ["d", "e"] and pv.pair_index == 0
    s.next_sentence()
    s.next_sentence()                                      # wraps into epoch 2
    assert s.peek().epoch == 2 and s.peek().sentence == ["a", "b", "c"]


@pytest.mark.parametrize("arch,loss", ALL)
def test_step_trace_shapes(arch, loss):
    s = TrainingSession(cfg(arch=arch, loss=loss), TINY)
    V, d = len(s.vocab), 8
    for _ in range(5):
        tr = s.step()
    assert tr.arch == arch and tr.loss_kind == loss
    assert tr.one_hot.shape == (len(tr.input_ids), V) and tr.h.shape == (d,) and tr.grad_h.shape == (d,)
    if loss == "softmax":
        assert tr.probs.shape == (V,) and tr.probs.sum() == pytest.approx(1.0)
        assert tr.loss == pytest.approx(-math.log(tr.probs[tr.word_id]))
        assert len(tr.W_out_delta) == V
    else:
        assert tr.sigmoids is not None and len(tr.target_ids) == len(tr.labels)
    if loss == "hs":
        assert all(w.startswith("node ") for w in tr.target_words)
        assert len(tr.target_ids) == s.model.tree.lengths[tr.word_id]
    assert tr.word == tr.sentence[tr.position]            # both archs predict the centre
    if arch == "sg":
        assert len(tr.input_words) == 1 and tr.input_words[0] in tr.sentence
    assert set(tr.W_in_delta) == set(tr.input_ids)


# -- the whole-run API ----------------------------------------------------------------------------
@pytest.mark.parametrize("arch,loss", ALL)
def test_run_reports_progress_and_a_final_event(arch, loss):
    events = []
    s = TrainingSession(cfg(arch=arch, loss=loss, epochs=3), TINY * 10)
    p = s.run(callback=events.append)
    assert isinstance(p, Progress) and p.finished and events[-1] is p
    assert sum(e.finished for e in events) == 1
    assert p.done == p.total == 3 * s.vocab.total and p.epoch == p.epochs == 3
    assert all(math.isfinite(e.loss) and e.loss > 0 for e in events)
    assert [e.done for e in events] == sorted(e.done for e in events)
    frozen = TrainingSession(cfg(arch=arch, loss=loss, epochs=3, alpha=1e-9, min_alpha=0), TINY * 10)
    assert p.loss < frozen.run().loss - 0.01               # it learned something
    ref = TrainingSession(cfg(arch=arch, loss=loss, epochs=3), TINY * 10).run(reference=True)
    assert p.loss < ref.loss * 1.05                        # about as much as the reference


def test_pause_and_cancel_from_another_thread():
    c = cfg(epochs=1000, batch_size=64)
    s = TrainingSession(c, TINY * 10)
    cancel, pause = threading.Event(), threading.Event()
    seen = threading.Event()
    events: list[Progress] = []

    def cb(p):
        events.append(p)
        seen.set()

    result = {}
    t = threading.Thread(target=lambda: result.setdefault("p", s.run(cb, cancel, pause)))
    t.start()
    assert seen.wait(30)
    pause.set()
    threading.Event().wait(0.3)                 # let the loop reach the pause
    frozen = s.model.W_in.copy()
    threading.Event().wait(0.3)
    assert np.array_equal(frozen, s.model.W_in)  # nothing trains while paused
    assert t.is_alive()
    cancel.set()                                 # cancelling a paused run works too
    t.join(5)
    assert not t.is_alive()
    p = result["p"]
    assert not p.finished and p.done < p.total
    assert np.isfinite(s.model.W_in).all()
    assert s.model.vectors() is not None        # still usable


def test_nan_loss_raises_and_keeps_good_weights():
    s = TrainingSession(cfg(epochs=3), TINY * 10)
    poisoned = {}

    def cb(p):
        if not poisoned:                        # the first event comes after one batch
            s.model.W_in[:] = np.nan            # something went badly wrong mid-run
            poisoned["yes"] = True

    with pytest.raises(TrainingError, match="NaN"):
        s.run(callback=cb)
    assert np.isfinite(s.model.W_in).all() and np.isfinite(s.model.W_out).all()

    s = TrainingSession(cfg(), TINY)
    s.model.W_out[:] = np.inf
    before = s.model.W_in.copy()
    with pytest.raises(TrainingError):
        s.step()
    assert np.array_equal(before, s.model.W_in)  # the failed step changed nothing


def test_subsampling_keeps_each_word_with_its_keep_probability():
    rng = np.random.default_rng(0)
    words = ["the"] * 60 + ["of"] * 25 + [f"w{i}" for i in range(15)]
    sents = [list(rng.permutation(words)) for _ in range(400)]         # 40k tokens
    s = TrainingSession(cfg(sample=1e-2), sents)
    keep = s.vocab.keep_prob(1e-2)
    kept = np.zeros(len(s.vocab))
    raw = np.zeros(len(s.vocab))
    for chunk in s._chunked():
        plan = s._make_plan(chunk)
        raw += np.bincount(np.concatenate(chunk), minlength=len(s.vocab))
        kept += np.bincount(np.concatenate(plan.sentences), minlength=len(s.vocab))
    the, of = s.vocab.id("the"), s.vocab.id("of")
    assert keep[the] < keep[of] < 1.0
    assert kept[the] / raw[the] == pytest.approx(keep[the], abs=0.02)
    assert kept[of] / raw[of] == pytest.approx(keep[of], abs=0.03)
    assert kept[s.vocab.id("w3")] == raw[s.vocab.id("w3")]             # rare: always kept
