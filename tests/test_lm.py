"""The language model: trains, beats the unigram baseline, can be paused, cancelled, saved."""

import math
import threading

import numpy as np
import pytest

import torch  # a requirement: a broken install must fail, not skip the module

from engine.errors import ConfigError, CorpusError, FormatError, TrainingError, WordlabError
from engine.lm import EOS, UNK, LanguageModelSession, LMConfig, LMVocab
from engine.lstm import LSTMCell
from engine.rnn import RNNCell

SENTENCES = [["the", "cat", "sat", "on", "the", "mat"],
             ["a", "dog", "ran", "in", "the", "park"],
             ["the", "bird", "sang", "a", "song"]] * 40
TINY = LMConfig(emb=12, hidden=16, bptt=8, batch_size=4, epochs=2, lr=0.01, seed=3)


def session(**kw):
    import dataclasses
    return LanguageModelSession(dataclasses.replace(TINY, **kw), SENTENCES)


@pytest.mark.parametrize("kw,word", [
    (dict(hidden=0), "hidden"), (dict(hidden=5000), "hidden"), (dict(layers=3), "layers"),
    (dict(bptt=0), "bptt"), (dict(lr=0.0), "lr"), (dict(lr=float("nan")), "lr"),
    (dict(cell="gru"), "cell"), (dict(dropout=1.0), "dropout"), (dict(emb=-1), "emb"),
    (dict(val_fraction=0.9), "val_fraction"), (dict(batch_size=0), "batch_size"),
    (dict(clip=-1.0), "clip"), (dict(optimizer="rmsprop"), "optimizer"),
    (dict(threads=0), "threads"), (dict(hidden=True), "hidden"),
])
def test_config_validation_one_clear_line(kw, word):
    with pytest.raises(ConfigError) as err:
        LMConfig(**kw).validate()
    msg = str(err.value)
    assert word in msg and "\n" not in msg
    with pytest.raises(ConfigError):
        LanguageModelSession(LMConfig(**kw), SENTENCES)


def test_vocab_unk_and_eos():
    v = LMVocab.build(["b", "a", "b", "c", "b", "a", EOS], min_count=2)
    assert v.words == [UNK, EOS, "b", "a"]
    assert v.counts.tolist() == [1, 1, 3, 2]
    ids, used = v.encode(["a", "zebra", "b"])
    assert used == ["a", UNK, "b"] and ids.tolist() == [3, 0, 2]
    with pytest.raises(CorpusError):
        LMVocab.build(["a", "b"], min_count=5)


def test_session_maps_unknown_words_visibly_and_splits_the_tail():
    s = session(val_fraction=0.1)
    n = sum(len(x) + 1 for x in SENTENCES)
    assert len(s.train_ids) + len(s.val_ids) == n
    assert len(s.val_ids) == round(0.1 * n)
    ids, used = s.encode(["the", "unicorn"])
    assert used == ["the", UNK] and ids[1] == 0
    tr = s.trace(["the", "unicorn", "sat"])
    assert tr.tokens == ["the", UNK, "sat"] and tr.words[1] == "unicorn"


def test_bad_corpora_and_sentences():
    with pytest.raises(CorpusError, match="no tokens"):
        LanguageModelSession(TINY, [[], []])
    with pytest.raises(CorpusError, match="too small"):
        LanguageModelSession(TINY, [["a", "b"]])
    with pytest.raises(ConfigError, match="at least one word"):
        session().trace([])


def test_trains_loss_falls_and_beats_unigram():
    s = session(epochs=3)
    events = []
    final = s.run(callback=events.append)
    assert final.finished and final.done == final.total and final.epoch == 3
    assert events[-1] is final
    assert final.loss < events[0].loss
    assert all(e.done <= e.total for e in events)
    uni = s.unigram_perplexity()
    assert final.val_perplexity is not None
    assert final.val_perplexity < 0.5 * uni
    assert s.val_perplexities[-1] == final.val_perplexity
    assert final.perplexity == pytest.approx(math.exp(final.loss))


def test_rnn_cell_language_model_trains_too():
    s = session(cell="rnn", epochs=2)
    p = s.run()
    assert p.val_perplexity < s.unigram_perplexity()


def test_predict_next_sorted_probabilities():
    s = session()
    s.run()
    preds = s.predict_next(["the", "cat"], k=4)
    assert len(preds) == 4
    probs = [p for _, p in preds]
    assert probs == sorted(probs, reverse=True)
    assert all(0 <= p <= 1 for p in probs) and sum(probs) <= 1 + 1e-9
    assert all(w in s.vocab for w, _ in preds)
    assert s.predict_next([], k=len(s.vocab) + 5)   # sentence start; k capped at |V|
    assert sum(p for _, p in s.predict_next([], k=len(s.vocab))) == pytest.approx(1.0)
    with pytest.raises(ConfigError):
        s.predict_next(["the"], k=0)


@pytest.mark.parametrize("cell,layers", [("lstm", 1), ("lstm", 2), ("rnn", 2)])
def test_numpy_cells_and_traces_match_the_torch_model(cell, layers):
    s = session(cell=cell, layers=layers, epochs=1)
    s.run()
    c = s.cell(0)
    assert isinstance(c, LSTMCell if cell == "lstm" else RNNCell)
    words = ["the", "dog", "sang"]
    ids, _ = s.encode(words)
    with torch.no_grad():
        s.model.eval()
        emb = s.model.encoder(torch.from_numpy(ids)[:, None])
        out, _ = s.model.rnn(emb, s.model.init_hidden(1))
    top = s.trace(words, layer=layers - 1)
    np.testing.assert_allclose(np.stack([st.h for st in top.steps]), out[:, 0].numpy(),
                               atol=1e-5)
    bottom = s.trace(words)
    np.testing.assert_allclose(bottom.x, s.embeddings()[ids])
    with pytest.raises(ConfigError):
        s.cell(layers)


def test_cancel_from_another_thread():
    s = session(epochs=1000)
    cancel = threading.Event()
    seen = []

    def cb(p):
        seen.append(p)
        cancel.set()

    result = {}
    t = threading.Thread(target=lambda: result.setdefault("p", s.run(cb, cancel_event=cancel)))
    t.start()
    t.join(60)
    assert not t.is_alive()
    assert result["p"].finished is False and result["p"].done < result["p"].total


def test_pause_holds_training_until_cleared():
    s = session(epochs=3)
    pause, paused = threading.Event(), threading.Event()
    calls = []

    def cb(p):
        calls.append(p)
        if len(calls) == 1:
            pause.set()
            paused.set()

    result = {}
    t = threading.Thread(target=lambda: result.setdefault("p", s.run(cb, pause_event=pause)))
    t.start()
    assert paused.wait(60)
    n = len(calls)
    t.join(0.3)                          # while paused, no progress happens
    assert t.is_alive() and len(calls) == n
    pause.clear()
    t.join(60)
    assert not t.is_alive() and result["p"].finished


def test_nan_loss_stops_with_training_error_and_keeps_the_last_good_weights(monkeypatch):
    """The weights kept are those of the last report before the loss went NaN, not merely
    finite ones: restoring the initial weights (or any older copy) fails this test."""
    import engine.lm

    monkeypatch.setattr(engine.lm, "GOOD_EVERY", 0.0)   # a copy at every report
    s = session(epochs=50)
    initial = {k: v.detach().clone() for k, v in s.model.state_dict().items()}
    seen = {}

    def poison(p):
        seen["n"] = seen.get("n", 0) + 1
        if seen["n"] == 3:                                # trained a while: not the start
            seen["good"] = {k: v.detach().clone() for k, v in s.model.state_dict().items()}
            with torch.no_grad():
                s.model.decoder.weight[0, 0] = float("nan")

    with pytest.raises(TrainingError) as err:
        s.run(callback=poison)
    assert "nan" in str(err.value) and "\n" not in str(err.value)
    assert isinstance(err.value, WordlabError)
    kept = s.model.state_dict()
    for name, good in seen["good"].items():
        assert torch.equal(kept[name], good), name        # exactly the last good weights
    assert any(not torch.equal(kept[k], v) for k, v in initial.items())   # not the start's
    probs = [p for _, p in s.predict_next(["the"], k=3)]
    assert all(math.isfinite(p) for p in probs)


def test_lm_config_for_corpus_sizes_the_schedule():
    from engine.lm import SMALL_CORPUS

    small = LMConfig.for_corpus(700, cell="rnn", hidden=12)
    assert (small.cell, small.hidden, small.emb) == ("rnn", 12, 16)
    assert (small.batch_size, small.bptt, small.epochs, small.lr) == (4, 8, 40, 1e-2)
    assert LMConfig.for_corpus(700, small_epochs=2).epochs == 2
    big = LMConfig.for_corpus(SMALL_CORPUS, hidden=32, epochs=5)
    assert (big.batch_size, big.bptt, big.epochs, big.lr, big.hidden) == (20, 35, 5, 2e-3, 32)
    with pytest.raises(ConfigError, match="hidden"):
        LMConfig.for_corpus(700, hidden=0)
    with pytest.raises(ConfigError, match="n_tokens"):
        LMConfig.for_corpus(-1)


def test_session_for_corpus_reads_the_corpus_once_and_matches_the_config_it_chose():
    class Counting:
        def __init__(self):
            self.passes = 0

        def __iter__(self):
            self.passes += 1
            return iter(SENTENCES)

    corpus = Counting()
    s = LanguageModelSession.for_corpus(corpus, cell="lstm", hidden=8, small_epochs=3)
    assert corpus.passes == 1
    assert s.config == LMConfig.for_corpus(len(s.train_ids), cell="lstm", hidden=8,
                                           small_epochs=3)
    plain = LanguageModelSession(s.config, SENTENCES)
    assert np.array_equal(plain.train_ids, s.train_ids) and plain.vocab.words == s.vocab.words
    with pytest.raises(CorpusError, match="too small"):
        LanguageModelSession.for_corpus([["a", "b"]])


def test_threads_from_config_during_run_only():
    before = torch.get_num_threads()
    seen = []
    session(threads=1, epochs=1).run(callback=lambda p: seen.append(torch.get_num_threads()))
    assert seen and set(seen) == {1}
    assert torch.get_num_threads() == before


def test_time_limit_stops_and_reports_validation():
    s = session(epochs=100, time_limit=1e-9)
    p = s.run()
    assert p.finished and p.done < p.total and p.val_perplexity is not None


def test_save_load_round_trip_without_pickle(tmp_path):
    s = session(layers=2)
    s.run()
    path = tmp_path / "lm.npz"
    s.save(path)
    assert not [f for f in tmp_path.iterdir() if f.name.endswith(".tmp")]
    back = LanguageModelSession.load(path)
    assert back.config == s.config and back.vocab.words == s.vocab.words
    assert back.predict_next(["a", "dog"]) == s.predict_next(["a", "dog"])
    for a, b in zip(back.cell(1).stacked(), s.cell(1).stacked()):
        assert np.array_equal(a, b)
    with pytest.raises(CorpusError):
        back.run()
    bad = tmp_path / "bad.npz"
    bad.write_bytes(b"not a zip file at all")
    with pytest.raises(FormatError):
        LanguageModelSession.load(bad)
    pickled = tmp_path / "obj.npz"
    np.savez(pickled, x=np.array([{"a": 1}], dtype=object))
    with pytest.raises(FormatError):
        LanguageModelSession.load(pickled)


def test_trains_on_the_lecture_corpus_from_the_registry():
    from corpora import open_corpus

    corpus = open_corpus("lecture")
    cfg = LMConfig(emb=8, hidden=16, bptt=5, batch_size=2, epochs=30, lr=0.02, seed=1,
                   val_fraction=0.1)
    s = LanguageModelSession(cfg, corpus)
    events = []
    final = s.run(callback=events.append)
    assert final.finished and final.loss < events[0].loss
    assert final.val_perplexity is not None and math.isfinite(final.val_perplexity)
    first = next(iter(corpus))
    assert all(w in s.vocab for w in first)


def test_session_vocabulary_is_built_on_the_training_split_only():
    sents = [["a", "b", "a", "c"], ["b", "a", "d"], ["<unk>", "a"], ["z", "z", "z", "y"]]
    cfg = LMConfig(batch_size=2, val_fraction=0.3, min_count=1)
    s = LanguageModelSession(cfg, sents)
    stream = [t for x in sents for t in x + [EOS]]
    n_val = round(0.3 * len(stream))          # 5: the last sentence, "z z z y <eos>"
    ref = LMVocab.build(stream[:-n_val])
    assert s.vocab.words == ref.words and s.vocab.counts.tolist() == ref.counts.tolist()
    assert "z" not in s.vocab                     # only in the held-out tail
    assert s.vocab.counts[0] == 1                 # the literal <unk> token
    assert s.vocab.words[:3] == [UNK, EOS, "a"]
    assert s.val_ids.tolist() == ref.encode(stream[-n_val:])[0].tolist()


@pytest.mark.parametrize("cell,layers", [("lstm", 2), ("rnn", 1)])
def test_predict_next_matches_the_torch_model(cell, layers):
    s = session(cell=cell, layers=layers, epochs=1, dropout=0.3)
    s.run()
    words = ["a", "dog"]
    ids = np.concatenate([[1], s.encode(words)[0]])
    with torch.no_grad():
        s.model.eval()
        out, _ = s.model(torch.from_numpy(ids)[:, None], s.model.init_hidden(1))
        probs = torch.softmax(out[-1, 0].double(), -1).numpy()
    preds = s.predict_next(words, k=3)
    best = np.argsort(-probs)[:3]
    assert [w for w, _ in preds] == [s.vocab.words[j] for j in best]
    np.testing.assert_allclose([p for _, p in preds], probs[best], atol=1e-5)


def test_queries_while_training_from_another_thread():
    s = session(epochs=1000)
    cancel, started = threading.Event(), threading.Event()
    t = threading.Thread(target=lambda: s.run(lambda p: started.set(), cancel_event=cancel))
    t.start()
    try:
        assert started.wait(60)
        for _ in range(5):
            preds = s.predict_next(["the"], k=2)
            assert len(preds) == 2 and all(math.isfinite(p) for _, p in preds)
            assert len(s.trace(["the", "cat"]).steps) == 2
    finally:
        cancel.set()
        t.join(60)
    assert s.model.training        # queries never flipped the module to eval mode


def test_an_overfitting_last_epoch_ends_on_the_best_epochs_weights(monkeypatch):
    """As PyTorch's word_language_model reloads its best checkpoint: if validation got worse
    after the best epoch, the run ends with that epoch's weights and reports its perplexity."""
    lm = session(epochs=3)
    scripted = iter([40.0, 25.0, 31.0])          # epoch 2 is the best, epoch 3 overfits
    states = []

    def evaluate(ids=None, cancel_event=None):
        states.append({k: v.detach().clone() for k, v in lm.model.state_dict().items()})
        return next(scripted)

    monkeypatch.setattr(lm, "evaluate", evaluate)
    final = lm.run()
    assert final.finished and final.val_perplexity == 25.0
    assert lm.restored_best
    now = lm.model.state_dict()
    assert all(torch.equal(now[k], states[1][k]) for k in now)        # epoch 2's weights
    assert not all(torch.equal(now[k], states[2][k]) for k in now)    # not the last epoch's


def test_an_improving_run_keeps_its_last_weights(monkeypatch):
    lm = session(epochs=2)
    scripted = iter([40.0, 25.0])
    monkeypatch.setattr(lm, "evaluate", lambda ids=None, cancel_event=None: next(scripted))
    final = lm.run()
    assert final.val_perplexity == 25.0 and not lm.restored_best
