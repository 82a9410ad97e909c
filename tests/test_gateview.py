"""engine/gateview.py: what the LSTM pane shows, computed by the engine's own cells."""

from __future__ import annotations

import numpy as np
import pytest

from engine.errors import ConfigError
from engine.gateview import (UNK, FreshModel, TrainedModel, check_sizes, rnn_terms, run_cell,
                             tokenize, unit_terms)
from engine.lstm import LSTMCell
from engine.rnn import RNNCell

SENTENCES = [["i", "love", "cute", "cat"], ["we", "watch", "movie"]]


def test_tokenize_maps_unknown_words_to_unk_and_says_where():
    index = {"i": 0, "love": 1, UNK: 2}
    tok = tokenize("I love qeen", index, 2)
    assert tok.typed == ("I", "love", "qeen")
    assert tok.tokens == ("i", "love", UNK)
    assert tok.ids.tolist() == [0, 1, 2]
    assert tok.unknown == (2,)


@pytest.mark.parametrize("sentence", ["", "   ", []])
def test_an_empty_sentence_is_a_config_error(sentence):
    with pytest.raises(ConfigError, match="empty"):
        tokenize(sentence, {UNK: 0}, 0)


@pytest.mark.parametrize("hidden", [0, -3, 100_000, True, "8", 2.5])
def test_absurd_hidden_sizes_are_refused(hidden):
    with pytest.raises(ConfigError, match="hidden size"):
        check_sizes(hidden)


def test_fresh_model_uses_the_engines_cells_and_its_embedding_rows():
    m = FreshModel.from_sentences(SENTENCES, hidden_size=5, embed_dim=3, seed=7)
    assert m.words[-1] == UNK and m.words[:4] == ["i", "love", "cute", "cat"]
    tok, x = m.encode("love cat zebra")
    np.testing.assert_array_equal(x, m.embedding[[1, 3, m.unk_id]])
    ref = LSTMCell.random(3, 5, seed=8)
    steps = run_cell(m.cell("lstm"), x)
    for a, b in zip(steps, ref.run(x)):
        np.testing.assert_array_equal(a.h, b.h)
        np.testing.assert_array_equal(a.c, b.c)
    rnn = RNNCell.random(3, 5, seed=8)
    np.testing.assert_array_equal(run_cell(m.cell("rnn"), x)[-1].h, rnn.run(x)[-1].h)
    with pytest.raises(ConfigError):
        m.cell("gru")


def test_fresh_model_vocabulary_is_capped():
    big = [[f"w{k}" for k in range(100)]]
    assert len(FreshModel.from_sentences(big, max_words=10).words) == 11     # + <unk>


def test_unit_terms_are_the_steps_numbers():
    m = FreshModel(["a", "b", "c"], hidden_size=4, embed_dim=2, seed=1)
    _, x = m.encode("a b c")
    step = run_cell(m.cell("lstm"), x)[2]
    u = unit_terms(step, 3).values
    assert u["f"] == pytest.approx(float(step.f[3]))
    assert u["c_prev"] == pytest.approx(float(step.c_prev[3]))
    assert u["kept"] + u["written"] == pytest.approx(u["c"])
    assert u["o"] * u["tanh_c"] == pytest.approx(u["h"])
    with pytest.raises(ConfigError):
        unit_terms(step, 4)
    rstep = run_cell(m.cell("rnn"), x)[1]
    xh, hh, b = rnn_terms(m.cell("rnn"), rstep)
    np.testing.assert_allclose(xh + hh + b, rstep.a_t)
    assert unit_terms(rstep, 0).values["h_prev"] == pytest.approx(float(rstep.h_prev[0]))


def test_trained_model_reads_the_language_models_embedding_and_cell():
    from engine.lm import LanguageModelSession, LMConfig

    corpus = SENTENCES * 10
    session = LanguageModelSession(LMConfig(cell="rnn", emb=4, hidden=3, epochs=1,
                                            batch_size=2, bptt=4, threads=1), corpus)
    session.run()
    m = TrainedModel(session)
    tok, x = m.encode("i love zebra")
    assert tok.tokens == ("i", "love", UNK)
    trace = session.trace(["i", "love", "zebra"])
    np.testing.assert_allclose(run_cell(m.cell("rnn"), x)[-1].h, trace.steps[-1].h, rtol=1e-6)
    with pytest.raises(ConfigError, match="RNN"):
        m.cell("lstm")
