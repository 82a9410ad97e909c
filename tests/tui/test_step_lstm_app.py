"""The Step and LSTM panes inside the real app: number keys, help, palette entries, hiding."""

from __future__ import annotations

from itertools import islice

from textual.widgets import Markdown, Static

from engine.gradflow import gradient_flow
from tui.app import WordlabApp
from tui.panes.lstm import LSTMPane
from tui.panes.step import StepPane


async def _settle(pilot):
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def test_lesson_one_in_the_app_and_autoplay_stops_when_the_pane_is_left():
    app = WordlabApp(corpus_name="lecture")
    async with app.run_test(size=(80, 24)) as pilot:
        await _settle(pilot)
        await pilot.press("4")
        await _settle(pilot)
        pane = app.query_one(StepPane)
        await pilot.press("n", "n", "n")
        assert pane.trace.example == 2
        assert pane.trace.arch == "sg"
        assert pane.trace.sentence == ["i", "love", "cute", "cat"]
        await pilot.press("p")
        assert pane._timer is not None
        await pilot.press("7")
        await pilot.pause()
        assert pane._timer is None


async def test_help_explains_each_pane():
    app = WordlabApp(corpus_name="lecture")
    async with app.run_test(size=(80, 24)) as pilot:
        await _settle(pilot)
        await pilot.press("4")
        await pilot.pause()
        await pilot.press("f1")
        await pilot.pause()
        text = app.screen.query_one(Markdown).source
        assert "training pairs" in text
        assert "Skip to the next sentence" in text                      # keys, from BINDINGS
        await pilot.press("escape", "7")
        await pilot.pause()
        await pilot.press("f1")
        await pilot.pause()
        text = app.screen.query_one(Markdown).source
        assert "forget gate" in text
        assert "Switch the cell between the RNN and the LSTM" in text   # keys, from BINDINGS


async def test_gradient_flow_view_shows_the_engines_measurement():
    app = WordlabApp(corpus_name="lecture")
    async with app.run_test(size=(80, 24)) as pilot:
        await _settle(pilot)
        await pilot.press("7")
        await pilot.pause()
        pane = app.query_one(LSTMPane)
        await pilot.press("d")
        await _settle(pilot)
        caption = str(pane.query_one("#lstm-flow-caption", Static).render())
        flow = gradient_flow(steps=30, hidden_size=16, input_size=8, recurrent_scale=0.5)
        assert f"RNN {flow.rnn_rate:.2f}" in caption and f"LSTM {flow.lstm_rate:.2f}" in caption
        assert flow.rnn_rate < flow.lstm_rate                 # the RNN's gradient vanishes faster


async def test_quitting_while_the_language_model_trains_asks_first(monkeypatch):
    from engine.lm import LanguageModelSession
    from tests.tui.test_lstm_pane import _run_until_cancelled
    from tui.widgets.dialogs import ConfirmScreen

    monkeypatch.setattr(LanguageModelSession, "run", _run_until_cancelled)

    app = WordlabApp(corpus_name="lecture")
    async with app.run_test(size=(80, 24)) as pilot:
        await _settle(pilot)
        await pilot.press("7")
        await _settle(pilot)
        pane = app.query_one(LSTMPane)
        pane.small_epochs = 500                         # long enough to still run when q lands
        await pilot.press("t")
        await pilot.pause()
        assert pane.is_training() and app.any_training()
        await pilot.press("q")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)    # asked, not quit
        assert app.is_running
        await pilot.press("escape")                     # keep training
        await pilot.pause()
        assert app.is_running and pane.is_training()
        pane.stop_workers()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert not app.any_training()


async def test_step_numbers_scroll_from_the_keyboard():
    from textual.containers import VerticalScroll

    app = WordlabApp(corpus_name="lecture")
    async with app.run_test(size=(80, 24)) as pilot:
        await _settle(pilot)
        await pilot.press("4")
        await _settle(pilot)
        await pilot.press("n")
        await pilot.pause()
        flow = app.query_one("#step-flow", VerticalScroll)
        assert flow.max_scroll_y > 0 and flow.scroll_y == 0
        await pilot.press("pagedown")
        await pilot.pause()
        assert flow.scroll_y > 0
        await pilot.press("home")
        await pilot.pause()
        assert flow.scroll_y == 0
        await pilot.press("n")                       # the pane's keys still work
        assert app.query_one(StepPane).trace.example == 1


async def test_gradient_flow_chart_survives_leaving_coming_back_and_resizing():
    """Issue 8 §2: 7, d, 1, 7 ended the app with plotext's 'math domain error' (its log scale
    re-logged the data on the redraw), and so did a resize with the chart visible."""
    from rich.console import Console
    from textual_plotext import PlotextPlot

    def chart_text(plot) -> str:
        console = Console(width=plot.size.width, color_system=None, file=open("/dev/null", "w"))
        with console.capture() as cap:
            console.print(plot.render())
        return cap.get()

    app = WordlabApp(corpus_name="lecture")
    async with app.run_test(size=(80, 24)) as pilot:
        await _settle(pilot)
        await pilot.press("7", "d")
        await _settle(pilot)
        plot = app.query_one("#lstm-flow-chart", PlotextPlot)
        assert "1e-" in chart_text(plot)
        await pilot.press("1")
        await pilot.pause()
        await pilot.press("7")
        await pilot.pause()
        assert app.is_running and plot.display
        for size in ((100, 30), (60, 20), (80, 24)):
            await pilot.resize_terminal(*size)
            await pilot.pause()
            assert app.is_running
            text = chart_text(plot)
            assert "could not be drawn" not in text and "1e-" in text
    assert app.return_code in (None, 0)


async def test_the_lecture_tables_scroll_from_the_keyboard_with_the_focus_on_a_leaf():
    """At 80x24 in the app the `i_t * C~_t` row is below the fold (issue 8 §4)."""
    app = WordlabApp(corpus_name="lecture")
    async with app.run_test(size=(80, 24)) as pilot:
        await _settle(pilot)
        await pilot.press("7")
        await _settle(pilot)
        pane = app.query_one(LSTMPane)
        await pilot.press("k")
        await pilot.pause()
        from tui.panes.lstm import LectureView

        view = pane.query_one(LectureView)
        assert view.max_scroll_y > 0 and view.scroll_y == 0       # i_t * C~_t is below the fold
        assert app.focused is pane.focus_target()
        await pilot.press("down", "down")
        await pilot.pause()
        assert view.scroll_y == 2
        await pilot.press("end")
        await pilot.pause()
        assert view.scroll_y == view.max_scroll_y
        row = pane.query_one("#lstm-preset-input")
        assert row.region.y + row.region.height <= view.region.y + view.region.height
        await pilot.press("home")
        await pilot.pause()
        assert view.scroll_y == 0
        await pilot.press("pagedown")
        await pilot.pause()
        assert view.scroll_y > 2
        keys = {b.key: b.tooltip for b in LSTMPane.BINDINGS}
        assert all(keys[k] for k in ("up", "down", "pageup", "pagedown", "home", "end"))


async def test_step_footer_fits_80_columns():
    """Issue 8 §4: 'l loss' (and r, ? and q after it) fell off the Step footer's right end at
    80 columns; every key the footer shows must lie left of the palette key."""
    from textual.widgets._footer import FooterKey

    app = WordlabApp(corpus_name="lecture")
    async with app.run_test(size=(80, 24)) as pilot:
        await _settle(pilot)
        await pilot.press("4")
        await _settle(pilot)
        await pilot.pause(0.2)
        keys = list(app.screen.query(FooterKey))
        palette = [k for k in keys if k.has_class("-command-palette")]
        shown = {k.key: k for k in keys if not k.has_class("-command-palette")}
        for key in ("n", "e", "p", "a", "l", "r", "question_mark", "q"):
            assert key in shown, (key, sorted(shown))
            right = palette[0].region.x if palette else 80
            # a key's last cell is its padding: the palette's border may cover it
            assert shown[key].region.right - 1 <= right and shown[key].region.width > 0, key


async def test_step_burst_right_after_switching_is_not_lost():
    """'4nnn' in one packet: the n's that arrive while the session is built all count."""
    app = WordlabApp(corpus_name="lecture")
    async with app.run_test(size=(80, 24)) as pilot:
        await _settle(pilot)
        await pilot.press("4", "n", "n", "n")
        await _settle(pilot)
        pane = app.query_one(StepPane)
        assert pane.trace is not None and pane.trace.example == 2


async def test_step_after_a_corpus_switch_uses_the_new_corpus_and_names_the_model():
    """Issue 8 §1: a model trained on the lecture, then lecture-ko: Step steps through fresh
    weights on the Korean words (not the lecture's vocabulary), and says where the model in
    use came from; back on a corpus the model fits, a fresh model is stepped through again
    only when it is trained there."""
    from corpora import open_corpus
    from engine.word2vec.stepping import step_session
    from tui.state import Provenance

    app = WordlabApp(corpus_name="lecture")
    async with app.run_test(size=(80, 24)) as pilot:
        await _settle(pilot)
        model = step_session(app.corpus, min_count=1).model
        app.set_model(model, Provenance("trained", corpus="lecture",
                                        corpus_gen=app.state.corpus_gen, config=model.config,
                                        epochs=1))
        await pilot.press("4")
        await _settle(pilot)
        pane = app.query_one(StepPane)
        assert pane.session.source == "model"
        korean = open_corpus("lecture-ko")
        app.set_corpus(korean, dict(app.corpus_options))
        await _settle(pilot)
        assert pane.session.source == "fresh"
        assert set(pane.session.vocab.words) == {w for s in korean for w in s}
        config = " ".join(str(pane.query_one("#step-config", Static).render()).split())
        assert "fresh weights (the model in use was trained on lecture)" in config
        await pilot.press("n", "r", "n")
        await _settle(pilot)
        assert pane.trace is not None and pane.trace.sentence[0] == "나는"


async def test_switching_corpus_while_the_language_model_trains_asks_first(monkeypatch):
    from corpora import open_corpus
    from engine.lm import LanguageModelSession
    from tests.tui.test_lstm_pane import _run_until_cancelled
    from tui.widgets.dialogs import ConfirmScreen

    monkeypatch.setattr(LanguageModelSession, "run", _run_until_cancelled)
    app = WordlabApp(corpus_name="lecture")
    async with app.run_test(size=(80, 24)) as pilot:
        await _settle(pilot)
        await pilot.press("7")
        await _settle(pilot)
        pane = app.query_one(LSTMPane)
        await pilot.press("t")
        await pilot.pause()
        assert pane.is_training()
        toy = open_corpus("toy-world")
        app.set_corpus(toy, dict(app.corpus_options))
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")                               # keep training: nothing changes
        await pilot.pause()
        assert app.corpus.name == "lecture" and pane.is_training()
        app.set_corpus(toy, dict(app.corpus_options))
        await pilot.pause()
        await pilot.press("y")                               # stop and switch
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.corpus.name == "toy-world" and not pane.is_training()
        assert pane.sentence.split()[0] in {w for s in islice(iter(toy), 1) for w in s}
