"""Pilot tests of the LSTM pane (tab 7): step through time, switch the cell, the lecture's tables,
train the language model, and bad input (empty sentence, unknown words, absurd hidden size)."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.reactive import reactive
from textual.widgets import DataTable, Input, Static

from engine.gateview import FreshModel, unit_terms
from engine.presets import presets
from tui.panes.lstm import LSTMPane
from tui.state import AppState

SENTENCES = [
    "i love cute cat".split(),
    "we watch movie".split(),
    "you draw picture".split(),
    "cat chase dog".split(),
    "i love dog".split(),
    "we love movie".split(),
] * 4


class TinyCorpus:
    """A re-iterable stream of sentences, as a corpora Corpus is."""

    name = "tiny"
    description = "test sentences"

    def __init__(self, sentences):
        self.sentences = sentences

    def __iter__(self):
        return iter([list(s) for s in self.sentences])


class PaneApp(App):
    """The LSTM pane alone, over the app's state API (tui.state): one reactive ``state``,
    changed only through set_corpus / set_language_model, as WordlabApp does."""

    CSS_PATH = ["../../tui/panes/lstm.tcss"]
    state = reactive(AppState, always_update=True, init=False)

    def __init__(self, corpus=None):
        super().__init__()
        st = AppState()
        if corpus is not None:
            st = st.with_corpus(corpus, {})
        self.set_reactive(PaneApp.state, st)

    @property
    def corpus(self):
        return self.state.corpus

    def set_corpus(self, corpus, options=None):
        self.state = self.state.with_corpus(corpus, options or {})

    def set_language_model(self, lm, provenance):
        self.state = self.state.with_lm(lm, provenance)

    def compose(self) -> ComposeResult:
        yield LSTMPane(id="lstm-pane")


def _app(sentences=SENTENCES):
    return PaneApp(TinyCorpus(sentences))


def _cell_text(table: DataTable, row: int, col: str) -> str:
    return str(table.get_cell(str(row), col))


def _expected(pane: LSTMPane):
    """The engine's numbers for the pane's current sentence, cell and step."""
    model = FreshModel.from_sentences(TinyCorpus(SENTENCES), hidden_size=pane.hidden_size)
    _, x = model.encode(pane.sentence)
    return model.cell(pane.kind).run(x)


def _fmt(v):
    s = f"{v:.2f}"
    return "0.00" if s == "-0.00" else s


async def test_gate_table_matches_the_engine_and_steps_through_time():
    app = _app()
    async with app.run_test(size=(80, 24)) as pilot:
        pane = app.query_one(LSTMPane)
        pane.focus_default()
        await pilot.pause()
        assert pane.sentence == "i love cute cat"
        table = pane.query_one("#lstm-table", DataTable)
        steps = _expected(pane)
        assert pane.t == 0
        for col in ("f", "i", "g", "c", "o", "h"):
            for u in range(8):
                assert _cell_text(table, u, col) == _fmt(getattr(steps[0], col)[u])
        await pilot.press("right", "right")
        assert pane.t == 2
        for u in range(8):
            assert _cell_text(table, u, "c") == _fmt(steps[2].c[u])
        # the equation panel shows the selected unit's numbers at t = 2
        await pilot.press("down")
        eq = str(pane.query_one("#lstm-eq", Static).render())
        vals = unit_terms(steps[2], 1).values
        assert "unit 1" in eq and "cute" in eq
        assert f"σ({_fmt(vals['a_f'])}) = {_fmt(vals['f'])}" in eq
        assert f"= {_fmt(vals['c'])}" in eq
        await pilot.press("right", "right", "right")       # stops at the last step
        assert pane.t == 3
        await pilot.press("left")
        assert pane.t == 2
        assert "t=2/3" in str(pane.query_one("#lstm-status", Static).render())


async def test_switch_between_rnn_and_lstm():
    app = _app()
    async with app.run_test(size=(80, 24)) as pilot:
        pane = app.query_one(LSTMPane)
        pane.focus_default()
        await pilot.press("right", "c")
        assert pane.kind == "rnn" and pane.t == 1
        table = pane.query_one("#lstm-table", DataTable)
        labels = [str(c.label) for c in table.columns.values()]
        assert labels == ["u", "h_t-1", "W·[h,x]+b", "h_t"]
        steps = _expected(pane)
        for u in range(8):
            assert _cell_text(table, u, "h") == _fmt(steps[1].h[u])
            assert _cell_text(table, u, "h_prev") == _fmt(steps[0].h[u])
        assert "tanh(" in str(pane.query_one("#lstm-eq", Static).render())
        await pilot.press("c")
        assert pane.kind == "lstm"
        assert [str(c.label) for c in table.columns.values()][1:] == [
            "f_t", "i_t", "C~_t", "C_t", "o_t", "h_t"]


async def test_unknown_words_become_unk_visibly_and_empty_sentence_is_a_message():
    app = _app()
    async with app.run_test(size=(80, 24)) as pilot:
        pane = app.query_one(LSTMPane)
        pane.focus_default()
        await pilot.press("e")
        field = pane.query_one("#lstm-sentence", Input)
        assert app.focused is field
        field.value = "i love qeen"
        await pilot.press("enter")
        assert pane.tokens.tokens == ("i", "love", "<unk>")
        status = str(pane.query_one("#lstm-status", Static).render())
        assert "<unk>" in status
        msg = str(pane.query_one("#lstm-message", Static).render())
        assert "qeen" in msg and "<unk>" in msg
        assert app.focused is pane.focus_target()           # letter keys act on the pane again

        await pilot.press("e")
        field.value = "   "
        await pilot.press("enter")
        assert pane.steps == []
        assert "empty" in str(pane.query_one("#lstm-message", Static).render())
        assert pane.query_one("#lstm-table", DataTable).row_count == 0
        await pilot.press("escape", "right")               # no crash, a message
        assert "no sentence" in str(pane.query_one("#lstm-message", Static).render())


async def test_absurd_hidden_size_is_an_inline_message_and_big_ones_are_capped():
    app = _app()
    async with app.run_test(size=(80, 24)) as pilot:
        pane = app.query_one(LSTMPane)
        hidden = pane.query_one("#lstm-hidden", Input)
        hidden.focus()
        hidden.value = "100000"
        await pilot.press("enter")
        assert "hidden size" in str(pane.query_one("#lstm-message", Static).render())
        assert pane.hidden_size == 8
        hidden.focus()
        hidden.value = "0"
        await pilot.press("enter")
        assert pane.hidden_size == 8
        hidden.focus()
        hidden.value = "32"
        await pilot.press("enter")
        assert pane.hidden_size == 32
        table = pane.query_one("#lstm-table", DataTable)
        assert table.row_count == 8
        assert "units 0-7 of 32" in str(pane.query_one("#lstm-eq", Static).render())


async def test_lecture_tables_are_exact():
    app = _app()
    async with app.run_test(size=(80, 24)) as pilot:
        pane = app.query_one(LSTMPane)
        pane.focus_default()
        await pilot.press("k")
        table = pane.query_one("#lstm-preset-input", DataTable)
        row = [str(c) for c in table.get_row("i_t * C~_t")]
        assert row == ["i_t * C~_t", "0.01", "0", "0.48", "0.04", "0.72", "0.07", "0.4"]
        forget = pane.query_one("#lstm-preset-forget-all", DataTable)
        assert [str(c) for c in forget.get_row("f_t * C_{t-1}")][1:] == ["0"] * 7
        keep = pane.query_one("#lstm-preset-remember-all", DataTable)
        assert [str(c) for c in keep.get_row("f_t * C_{t-1}")][1:] == [
            "0.2", "0.1", "0.3", "0.5", "0.2", "0.2", "0.3"]
        for p in presets():
            t = pane.query_one(f"#lstm-preset-{p.key}", DataTable)
            assert t.row_count == len(p.rows)


async def test_next_corpus_sentence():
    app = _app()
    async with app.run_test(size=(80, 24)) as pilot:
        pane = app.query_one(LSTMPane)
        pane.focus_default()
        await pilot.press("s", "s")
        assert pane.sentence == "we watch movie"
        assert pane.query_one("#lstm-sentence", Input).value == "we watch movie"


def _run_until_cancelled(self, callback=None, cancel_event=None, pause_event=None):
    """A stand-in for LanguageModelSession.run that trains until it is told to stop, so a test
    can act while a run is in flight whatever the machine's speed (the real run on the
    lecture corpus can end within a pilot pause on a fast machine)."""
    assert cancel_event is not None, "the pane must hand the run a cancel event"
    assert cancel_event.wait(30), "the run was never cancelled"


async def test_train_the_language_model_then_stop(monkeypatch):
    from engine.lm import LanguageModelSession

    monkeypatch.setattr(LanguageModelSession, "run", _run_until_cancelled)
    app = _app()
    async with app.run_test(size=(80, 24)) as pilot:
        pane = app.query_one(LSTMPane)
        pane.focus_default()
        await pilot.press("x")
        assert "nothing is training" in str(pane.query_one("#lstm-message", Static).render())
        await pilot.press("t")
        await pilot.pause()
        assert pane.is_training()
        await pilot.press("t")                              # a second t while training: a note
        assert "already training" in str(pane.query_one("#lstm-message", Static).render())
        await pilot.press("x")                              # stop: handled while training runs
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert not pane.is_training()
        status = str(pane.query_one("#lstm-lm-status", Static).render())
        assert "stopped" in status


async def test_trained_weights_fill_the_table_and_predict_the_next_word():
    app = _app()
    async with app.run_test(size=(80, 24)) as pilot:
        pane = app.query_one(LSTMPane)
        pane.small_epochs = 2                               # a short run: the wiring, not the quality
        pane.focus_default()
        await pilot.press("t")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert "finished" in str(pane.query_one("#lstm-lm-status", Static).render())
        trained = pane.trained["lstm"]
        assert pane.use_trained
        _, x = trained.encode(pane.sentence)
        steps = trained.cell("lstm").run(x)
        table = pane.query_one("#lstm-table", DataTable)
        assert _cell_text(table, 0, "h") == _fmt(steps[0].h[0])
        preds = trained.predict_next(["i"], 5)
        text = str(pane.query_one("#lstm-predict", Static).render())
        assert preds[0][0] in text and f"{preds[0][1]:.3f}" in text
        await pilot.press("w")                              # back to fresh weights
        assert not pane.use_trained
        assert _cell_text(table, 0, "h") == _fmt(_expected(pane)[0].h[0])


async def test_a_corpus_too_small_to_train_is_a_message():
    app = _app([["a", "b"]])
    async with app.run_test(size=(80, 24)) as pilot:
        pane = app.query_one(LSTMPane)
        pane.focus_default()
        await pilot.press("t")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert "too small" in str(pane.query_one("#lstm-message", Static).render())
        assert "lstm" not in pane.trained


async def test_a_nan_loss_stops_training_with_a_message_and_keeps_the_last_good_weights(
        monkeypatch):
    from engine.errors import TrainingError
    from engine.lm import LanguageModelSession

    real_run = LanguageModelSession.run

    def run_then_diverge(self, callback=None, cancel_event=None, pause_event=None):
        real_run(self, callback, cancel_event, pause_event)        # the good weights
        raise TrainingError("loss became nan at epoch 3, batch 1; training stopped and the "
                            "last good weights are kept (try a smaller lr)")

    monkeypatch.setattr(LanguageModelSession, "run", run_then_diverge)
    app = _app()
    async with app.run_test(size=(80, 24)) as pilot:
        pane = app.query_one(LSTMPane)
        pane.small_epochs = 1
        pane.focus_default()
        await pilot.press("t")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert "nan" in str(pane.query_one("#lstm-message", Static).render())
        assert "last good weights" in str(pane.query_one("#lstm-lm-status", Static).render())
        assert pane.use_trained and "lstm" in pane.trained
        trained = pane.trained["lstm"]
        _, x = trained.encode(pane.sentence)
        assert _cell_text(pane.query_one("#lstm-table", DataTable), 0, "h") == _fmt(
            trained.cell("lstm").run(x)[0].h[0])
        assert pane._training_kind is None
        pane._message("")
        await pilot.press("t")                               # training can start again
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert "nan" in str(pane.query_one("#lstm-message", Static).render())
        assert pane._training_kind is None


# -- issue 8: the app state, scrolling, stale lines, the LM's figures --------------------------------
OTHER = [["the", "red", "fox", "runs"], ["a", "blue", "bird", "sings"]] * 12


async def test_no_sentence_clears_the_next_word_line():
    app = _app()
    async with app.run_test(size=(80, 24)) as pilot:
        pane = app.query_one(LSTMPane)
        pane.small_epochs = 2
        pane.focus_default()
        await pilot.press("t")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert "next after" in str(pane.query_one("#lstm-predict-inline", Static).render())
        await pilot.press("e")
        pane.query_one("#lstm-sentence", Input).value = "  "
        await pilot.press("enter")
        await pilot.pause()
        for sel in ("#lstm-predict-inline", "#lstm-predict"):
            text = str(pane.query_one(sel, Static).render())
            assert "next after" not in text and "no sentence" in text


async def test_the_hidden_size_field_shows_its_largest_valid_value():
    from engine.gateview import MAX_HIDDEN

    app = _app()
    async with app.run_test(size=(80, 24)) as pilot:
        field = app.query_one("#lstm-hidden", Input)
        assert field.content_region.width >= len(str(MAX_HIDDEN)) + 1     # digits + cursor
        field.focus()
        field.value = str(MAX_HIDDEN)
        await pilot.press("enter")
        await pilot.pause()
        assert app.query_one(LSTMPane).hidden_size == MAX_HIDDEN


async def test_language_model_figures_fit_80_columns_beside_the_unigram_baseline():
    from tui.panes.lstm.lm import progress_lines
    from engine.progress import Progress

    p = Progress(done=5_034_540, total=15_000_000, loss=5.123, rate=49_514.0, lr=0.002,
                 epoch=12, epochs=40, elapsed=100.0, perplexity=167.8, val_perplexity=203.4,
                 finished=False)
    lines = progress_lines("lstm", p, 561.2).plain.split("\n")
    assert all(len(line) <= 78 for line in lines), lines
    text = "\n".join(lines)
    for figure in ("12/40", "49,514 tok/s", "loss 5.123", "perplexity 167.8", "203.4",
                   "unigram 561.2", "x stops"):
        assert figure in text

    app = _app()
    async with app.run_test(size=(80, 24)) as pilot:
        pane = app.query_one(LSTMPane)
        pane.small_epochs = 2
        pane.focus_default()
        await pilot.press("t")
        await app.workers.wait_for_complete()
        await pilot.pause()
        status = str(pane.query_one("#lstm-lm-status", Static).render())
        assert "unigram" in status and "finished" in status
        session = app.state.lm
        assert f"unigram {session.unigram_perplexity():.1f}" in status


async def test_a_trained_model_goes_to_the_app_state_with_its_provenance():
    app = _app()
    async with app.run_test(size=(80, 24)) as pilot:
        pane = app.query_one(LSTMPane)
        pane.small_epochs = 2
        pane.focus_default()
        gen = app.state.lm_gen
        await pilot.press("t")
        await app.workers.wait_for_complete()
        await pilot.pause()
        st = app.state
        assert st.lm_gen == gen + 1 and st.lm is not None and st.lm_fits_corpus
        prov = st.lm_provenance
        assert (prov.origin, prov.corpus, prov.corpus_gen) == ("trained", "tiny", st.corpus_gen)
        assert prov.config.cell == "lstm" and prov.epochs == 2
        assert pane.trained["lstm"].session is st.lm                # no private copy


async def test_a_corpus_switch_redraws_the_sentence_and_labels_the_old_language_model():
    app = _app()
    async with app.run_test(size=(80, 24)) as pilot:
        pane = app.query_one(LSTMPane)
        pane.small_epochs = 2
        pane.focus_default()
        await pilot.press("t")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert pane.use_trained
        other = TinyCorpus(OTHER)
        other.name = "other"
        app.set_corpus(other)
        await pilot.pause()
        assert pane.sentence == "the red fox runs"                 # the new corpus's sentence
        assert pane.query_one("#lstm-sentence", Input).value == "the red fox runs"
        assert not pane.use_trained                                # fresh weights on new words
        assert pane.tokens.tokens == ("the", "red", "fox", "runs")
        assert "<unk>" not in str(pane.query_one("#lstm-status", Static).render())
        status = str(pane.query_one("#lstm-lm-status", Static).render())
        assert "trained on tiny" in status and "not on other" in status
        await pilot.press("w")                                     # the kept model, labelled
        await pilot.pause()
        assert pane.use_trained
        pred = str(pane.query_one("#lstm-predict-inline", Static).render())
        assert "trained on tiny" in pred and "not on other" in pred
        assert "trained on tiny" in str(pane.query_one("#lstm-message", Static).render())


async def test_a_run_started_on_one_corpus_and_finished_on_another_is_labelled(monkeypatch):
    from engine.lm import LanguageModelSession

    real_run = LanguageModelSession.run
    release = __import__("threading").Event()

    def slow_run(self, callback=None, cancel_event=None, pause_event=None):
        release.wait(30)
        return real_run(self, callback, cancel_event, pause_event)

    monkeypatch.setattr(LanguageModelSession, "run", slow_run)
    app = _app()
    async with app.run_test(size=(80, 24)) as pilot:
        pane = app.query_one(LSTMPane)
        pane.small_epochs = 1
        pane.focus_default()
        await pilot.press("t")
        await pilot.pause()
        gen = app.state.corpus_gen
        other = TinyCorpus(OTHER)
        other.name = "other"
        app.set_corpus(other)                 # (the real app asks first; here it just switches)
        await pilot.pause()
        release.set()
        await app.workers.wait_for_complete()
        await pilot.pause()
        st = app.state
        assert st.lm_provenance.corpus == "tiny" and st.lm_provenance.corpus_gen == gen
        assert not st.lm_fits_corpus and not pane.use_trained
        status = str(pane.query_one("#lstm-lm-status", Static).render())
        assert "not on other" in status
