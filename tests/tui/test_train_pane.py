"""The Train pane with the real engine on the lecture corpus: train, stop, bad input, keys
while training, quitting while training, and a save/load round trip."""

from __future__ import annotations

from textual.widgets import Input, TabbedContent

from tests.tui.conftest import settle, text_of
from tui.app import WordlabApp
from tui.messages import TrainingProgress
from tui.panes.train import TrainPane
from tui.widgets.dialogs import ConfirmScreen, PathScreen


async def _form(pilot, app, **values) -> TrainPane:
    await pilot.press("3")
    pane = app.query_one(TrainPane)
    for name, value in values.items():
        app.query_one(f"#{name}", Input).value = str(value)
    return pane


async def _wait_for_progress(app, pilot, seen: list) -> None:
    while not seen:
        await pilot.pause()


async def test_train_to_completion_sets_model_and_vectors(lecture):
    app = WordlabApp(corpus=lecture)
    async with app.run_test(size=(80, 24)) as pilot:
        await _form(pilot, app, dim=8, epochs=2)
        await pilot.press("space")
        await settle(app, pilot)
        assert not app.training
        assert app.model is not None and app.vectors is not None
        assert app.vectors.dim == 8
        assert "done" in text_of(app, "#train-status")
        figures = text_of(app, "#train-figures")
        assert "epoch 2/2" in figures and "words/s" in figures
        assert app.query_one("#train-progress").percentage == 1.0
        assert app.query_one("#train-spark").data  # the loss went into the sparkline


async def test_invalid_fields_get_inline_messages(lecture):
    app = WordlabApp(corpus=lecture)
    async with app.run_test(size=(80, 24)) as pilot:
        await _form(pilot, app, dim=0, alpha="fast")
        await pilot.press("space")
        await pilot.pause()
        assert not app.training
        assert "alpha must be a number" in text_of(app, "#alpha-error")
        app.query_one("#alpha", Input).value = "0.025"
        await pilot.press("space")
        await pilot.pause()
        assert not app.training
        assert text_of(app, "#alpha-error") == ""
        assert "dim" in text_of(app, "#dim-error")  # the engine's ConfigError, next to its field
        assert app.query_one("#dim-error").display
        await settle(app, pilot)


async def test_keys_work_while_training_and_quitting_asks_first(lecture):
    app = WordlabApp(corpus=lecture)
    seen: list = []
    hook = lambda m: isinstance(m, TrainingProgress) and seen.append(m)  # noqa: E731
    async with app.run_test(size=(80, 24), message_hook=hook) as pilot:
        await _form(pilot, app, dim=8, epochs=100000)
        await pilot.press("space")
        await _wait_for_progress(app, pilot, seen)
        await pilot.press("2")  # a key press while the worker trains
        assert app.query_one("#tabs", TabbedContent).active == "onehot"
        assert app.training and not app.query_one(TrainPane)._pause.is_set()
        await pilot.press("3", "space")  # pause: the rest runs against a paused worker
        assert "PAUSED" in text_of(app, "#train-status")
        await pilot.press("q")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        assert not isinstance(app.screen, ConfirmScreen) and app.training and app.is_running
        await pilot.press("ctrl+c")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("y")
        await app.workers.wait_for_complete()
        for _ in range(50):              # the exit follows the worker's end by a few cycles
            if not app.is_running:
                break
            await pilot.pause(0.05)
        assert not app.is_running


async def test_stop_keeps_the_vectors_so_far_and_they_save_and_load(lecture, tmp_path):
    app = WordlabApp(corpus=lecture)
    seen: list = []
    hook = lambda m: isinstance(m, TrainingProgress) and seen.append(m)  # noqa: E731
    async with app.run_test(size=(80, 24), message_hook=hook) as pilot:
        await _form(pilot, app, dim=6, epochs=100000)
        await pilot.press("space")
        await _wait_for_progress(app, pilot, seen)
        await pilot.press("space", "space", "s")  # pause, resume, stop
        await settle(app, pilot)
        assert not app.training
        assert "stopped" in text_of(app, "#train-status")
        trained = app.vectors
        assert trained is not None and trained.dim == 6
        for name in ("vecs.txt", "vecs.bin"):
            target = tmp_path / name
            await pilot.press("w")
            await pilot.pause()
            assert isinstance(app.screen, PathScreen)
            app.screen.query_one("#path", Input).value = str(target)
            await pilot.press("enter")
            await settle(app, pilot)
            assert not isinstance(app.screen, PathScreen)
            assert target.is_file()
            await pilot.press("o")
            await pilot.pause()
            app.screen.query_one("#path", Input).value = str(target)
            await pilot.press("enter")
            await settle(app, pilot)
            assert app.vectors is not trained
            assert app.vectors.words == trained.words
            assert app.model is None
            assert abs(app.vectors.similarity("cat", "dog") - trained.similarity("cat", "dog")) < 1e-4


async def test_loading_a_bad_file_says_why_inline(lecture, tmp_path):
    bad = tmp_path / "not-vectors.txt"
    bad.write_text("this is not a word2vec file\n")
    app = WordlabApp(corpus=lecture)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("3", "o")
        await pilot.pause()
        for path in (bad, tmp_path / "missing.txt"):
            app.screen.query_one("#path", Input).value = str(path)
            await pilot.press("enter")
            await settle(app, pilot)
            assert isinstance(app.screen, PathScreen)  # still open, with the reason
            assert text_of(app.screen, "#path-error") not in ("", "checking…")
        await pilot.press("escape")
        assert app.vectors is None


async def test_a_diverging_run_says_why_and_the_app_goes_on(lecture):
    app = WordlabApp(corpus=lecture)
    async with app.run_test(size=(80, 24)) as pilot:
        await _form(pilot, app, dim=50, epochs=3, alpha=100)
        await pilot.press("space")
        await settle(app, pilot)
        assert not app.training
        assert "diverged" in text_of(app, "#train-message")
        assert "failed" in text_of(app, "#train-status")
        await pilot.press("2")  # the app is still usable
        assert app.current_pane().id == "onehot-pane"


async def test_figures_are_current_on_returning_to_the_pane(lecture, monkeypatch):
    """A run that ends while another pane is shown: coming back shows its end at once."""
    import tui.panes.train as train

    monkeypatch.setattr(train, "LIVE_HZ", 0.01)       # the 2/s redraw timer would hide a miss
    monkeypatch.setattr(train, "PLOT_SECONDS", 100.0)
    app = WordlabApp(corpus=lecture)
    seen: list = []
    hook = lambda m: isinstance(m, TrainingProgress) and seen.append(m)  # noqa: E731
    async with app.run_test(size=(80, 24), message_hook=hook) as pilot:
        pane = await _form(pilot, app, dim=8, epochs=300)
        await pilot.press("space")
        await _wait_for_progress(app, pilot, seen)
        await pilot.press("space", "2")                  # pause, then leave the pane
        await pilot.pause()
        assert not pane.is_on_screen
        pane._pause.clear()                              # the run goes on (and ends) unseen
        await settle(app, pilot)
        assert not app.training
        await pilot.press("3")
        await pilot.pause()
        assert "epoch 300/300" in text_of(app, "#train-figures")
        assert app.query_one("#train-progress").percentage == 1.0


async def test_the_first_run_says_it_compiles_the_kernels(lecture, monkeypatch):
    """A process's first kernel run says "compiling kernels…" (seconds on a cold cache)
    instead of showing a bar that does not move; then the run's own status."""
    import engine.word2vec as w2v
    from tui.messages import TrainingStatus

    monkeypatch.setattr(w2v, "_KERNELS_READY", set())
    heard: list = []                    # each message once: it is seen again as it bubbles
    app = WordlabApp(corpus=lecture)
    async with app.run_test(size=(80, 24), message_hook=lambda m: isinstance(m, TrainingStatus)
                            and all(m is not h for h in heard) and heard.append(m)) as pilot:
        await pilot.press("3")
        await pilot.pause()
        pane = app.query_one(TrainPane)
        pane.post_message(TrainingStatus("compiling kernels\u2026"))
        await pilot.pause()
        assert "compiling kernels" in text_of(app, "#train-status")
        heard.clear()
        await pilot.press("space")
        await settle(app, pilot)
        assert [m.text for m in heard] == ["compiling kernels\u2026", "training"]
        assert "compiling" not in text_of(app, "#train-status")


async def test_glove_trains_from_the_form_and_its_vectors_reach_explore(lecture):
    """model GloVe: the form shows GloVe's fields with its settings (Word2Vec's hidden), a
    run fits the lecture's co-occurrence counts, and the vectors (w + w~) go to the app
    labelled as GloVe's, for Explore; Word2Vec's form comes back as it was."""
    from textual.widgets import Select

    app = WordlabApp(corpus=lecture)
    async with app.run_test(size=(80, 24)) as pilot:
        await _form(pilot, app)
        row = lambda name: app.query_one(f"#{name}").parent        # noqa: E731
        assert row("negative").display and not row("x_max").display
        app.query_one("#model", Select).value = "glove"
        await pilot.pause()
        assert not row("negative").display and not row("arch").display
        assert row("x_max").display and row("eta").display
        assert app.query_one("#x_max", Input).value == "100"
        assert app.query_one("#window", Input).value == "3"      # the lecture's window hint
        app.query_one("#negative", Input).value = "-5"           # hidden: not GloVe's, ignored
        app.query_one("#epochs", Input).value = "40"
        await pilot.press("space")
        await settle(app, pilot)
        assert not app.training
        assert "cells/s" in text_of(app, "#train-figures")
        assert app.model is None and app.vectors is not None
        assert len(app.vectors) == 12
        assert "GloVe d=50" in app.state.provenance.label()
        await pilot.press("5")
        await pilot.pause()
        assert "GloVe" in text_of(app, "#explore-source")          # what the answers come from
        await pilot.press("3")
        app.query_one("#model", Select).value = "word2vec"
        await pilot.pause()
        assert row("negative").display and app.query_one("#dim", Input).value == "20"


async def test_an_unreadable_field_does_not_hide_the_other_bad_ones(lecture):
    app = WordlabApp(corpus=lecture)
    async with app.run_test(size=(80, 24)) as pilot:
        await _form(pilot, app, dim=0, window="", alpha="1e9")
        await pilot.press("space")
        await pilot.pause()
        assert not app.training
        assert "whole number" in text_of(app, "#window-error")
        assert "dim" in text_of(app, "#dim-error") and "alpha" in text_of(app, "#alpha-error")
        assert text_of(app, "#epochs-error") == ""
