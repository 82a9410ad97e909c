"""engine.settings: one set of Word2Vec settings per corpus, for the CLI and the app (issue 8 §3).

The lecture's corpus must learn with its own settings: the loss falls by a clear margin and
similar words end up close, through the engine as the app's training worker drives it."""

from __future__ import annotations

import math

import numpy as np
import pytest

from corpora import open_corpus
from corpora.registry import BUILTINS, TRAINING_HINTS
from engine.errors import ConfigError
from engine.settings import GENERAL, training_settings
from engine.word2vec import TrainingSession, Word2VecConfig


def test_general_defaults_are_the_engines_config():
    assert GENERAL == Word2VecConfig()
    assert training_settings() == GENERAL
    assert training_settings("my/own/file.txt") == GENERAL
    assert training_settings("text8") == GENERAL


def test_every_builtin_corpus_has_valid_settings():
    assert set(TRAINING_HINTS) == set(BUILTINS)
    for name in BUILTINS:
        assert training_settings(name).problems() == [], name


def test_lecture_settings_suit_a_tiny_corpus():
    cfg = training_settings("lecture")
    assert (cfg.min_count, cfg.sample) == (1, 0.0)
    assert cfg.alpha > GENERAL.alpha and cfg.epochs > GENERAL.epochs
    assert training_settings("lecture-ko") == cfg


def test_overrides_win_and_none_means_not_given():
    assert training_settings("lecture", epochs=3).epochs == 3
    assert training_settings("lecture", epochs=None).epochs == training_settings("lecture").epochs
    with pytest.raises(ConfigError):
        training_settings("lecture", epochz=3)


def test_the_suggestions_are_copies():
    training_settings("lecture")
    from corpora.registry import training_hints

    hints = training_hints("lecture")
    hints["epochs"] = 1
    assert training_settings("lecture").epochs != 1


def _mean_loss(session: TrainingSession, seed: int = 7) -> float:
    """Mean loss of every skip-gram pair of the corpus (window 2, fixed noise draws) at the
    session's current weights, without training: the same yardstick before and after."""
    rng = np.random.default_rng(seed)
    m, vocab = session.model, session.vocab
    total, n = 0.0, 0
    for sentence in session.sentences:
        ids = vocab.encode(sentence)
        for i, centre in enumerate(ids):
            for j in range(max(0, i - 2), min(len(ids), i + 3)):
                if j == i:
                    continue
                negs = rng.integers(0, len(vocab), size=session.config.negative)
                total += m.gradients([int(centre)], int(ids[j]), negs).loss
                n += 1
    return total / n


@pytest.mark.parametrize("name, pairs", [
    ("lecture", [("cat", "dog"), ("movie", "picture")]),
    ("lecture-ko", [("고양이를", "개를"), ("영화를", "그림을")]),
])
def test_lecture_learns_with_its_settings(name, pairs):
    corpus = open_corpus(name)
    session = TrainingSession(training_settings(name), corpus)
    assert len(session.vocab) == len({w for s in corpus for w in s})    # every word kept
    before = _mean_loss(session)
    # W_out = 0: every sigmoid is 0.5, (1 + k) ln 2 per example less the noise draws that hit
    # the target (skipped, as in word2vec.c)
    assert 0.85 * 6 * math.log(2) < before <= 6 * math.log(2) + 1e-6
    events = []
    final = session.run(callback=events.append)
    assert final.finished
    after = _mean_loss(session)
    assert after < 0.6 * before, (before, after)
    kv = session.model.vectors()
    for a, b in pairs:
        assert b in [w for w, _ in kv.most_similar(a, topn=2)], (a, kv.most_similar(a, topn=4))


def test_general_defaults_leave_the_lecture_unlearnt():
    """Why the lecture needs its own settings: gensim's defaults keep 9 of its 12 words."""
    session = TrainingSession(GENERAL, open_corpus("lecture"))
    assert len(session.vocab) < 12


def test_the_corpus_pane_suggests_what_the_engine_trains_with():
    """The Corpus pane's min_count / sample for a built-in corpus are the ones the CLI and
    the Train form train it with (one definition: corpora.registry.TRAINING_HINTS)."""
    from corpora.registry import BUILTINS
    from engine.settings import training_settings
    from tui.panes.corpus import suggested_options

    for name in BUILTINS:
        config = training_settings(name)
        assert suggested_options(name) == {"min_count": config.min_count, "sample": config.sample}, name
