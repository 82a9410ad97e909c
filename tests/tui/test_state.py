"""The app's one state (tui/state.py) and its rules, driven through keys as a user would.

- every model says which corpus it was trained on;
- switching corpus keeps the vectors, labelled, and the corpus panes move to the new corpus;
- switching corpus while a run trains asks first;
- figures computed from an older corpus or model are cleared;
plus the key-handling defects of issue 8: bursts, a terminal briefly too small, a run started
with Enter in a field, every bad field flagged.
"""

from __future__ import annotations

import pytest
from textual import events
from textual.widgets import DataTable, Input, OptionList, TabbedContent

from tests.tui.conftest import settle, text_of
from tui.app import WordlabApp
from tui.messages import TrainingProgress
from tui.panes.train import TrainPane
from tui.state import AppState, Provenance
from tui.widgets.dialogs import ConfirmScreen


# ---------------------------------------------------------------- the state itself
def test_provenance_labels_say_where_vectors_come_from():
    from engine.word2vec import Word2VecConfig

    cfg = Word2VecConfig(arch="cbow", loss="hs", dim=20)
    assert Provenance("trained", corpus="toy-world", corpus_gen=1, config=cfg, epochs=5).label() \
        == "trained on toy-world · cbow/hs d=20 · 5 epochs"
    assert "stopped early" in Provenance("stopped", corpus="lecture", corpus_gen=1, epochs=0.5).label()
    assert Provenance("loaded", path="/tmp/v.txt").label() == "loaded from /tmp/v.txt"


def test_a_model_fits_only_the_corpus_generation_it_was_trained_on(lecture):
    state = AppState().with_corpus(lecture, {"min_count": 1})
    trained = state.with_model("M", "KV", Provenance("trained", corpus="lecture", corpus_gen=state.corpus_gen))
    assert trained.model_fits_corpus
    moved = trained.with_corpus(object(), {"min_count": 1})
    assert moved.model == "M" and moved.vectors == "KV"          # kept (rule 2) ...
    assert not moved.model_fits_corpus                          # ... but not for this corpus
    assert "trained on lecture" in moved.vectors_label()
    loaded = moved.with_vectors("KV2", Provenance("loaded", path="x.vec"))
    assert loaded.model is None and not loaded.model_fits_corpus
    assert loaded.model_gen == moved.model_gen + 1


# ---------------------------------------------------------------- helpers
@pytest.fixture(scope="module")
def toy_world():
    """A corpus whose run at 100,000 epochs outlasts any test (the lecture's 67 tokens an
    epoch finish 100,000 epochs within seconds on the compiled kernels)."""
    from corpora import open_corpus

    return open_corpus("toy-world")


async def _open_corpus(app, pilot, name: str) -> None:
    """Pick a corpus on pane 1 with the keys: highlight it, Enter."""
    await pilot.press("1")
    options = app.query_one("#corpus-options", OptionList)
    options.focus()
    options.highlighted = options.get_option_index(name)
    await pilot.press("enter")
    await settle(app, pilot)


async def _until_stopped(app, pilot, seconds: float = 60.0) -> None:
    """Wait until no run trains (polling: awaiting the worker directly can sleep until an
    unrelated timer wakes the event loop)."""
    for _ in range(int(seconds / 0.05)):
        if not app.training:
            break
        await pilot.pause(0.05)
    await pilot.pause()
    await pilot.pause()


async def _train(app, pilot, **values) -> None:
    await pilot.press("3")
    for name, value in values.items():
        app.query_one(f"#{name}", Input).value = str(value)
    await pilot.press("space")


# ---------------------------------------------------------------- corpus-switch rules
async def test_switching_corpus_keeps_the_vectors_labelled_and_moves_the_corpus_panes(lecture):
    app = WordlabApp(corpus=lecture)
    async with app.run_test(size=(80, 24)) as pilot:
        await _train(app, pilot, dim=8, epochs=3)
        await settle(app, pilot)
        trained = app.vectors
        assert app.state.provenance.corpus == "lecture" and app.state.model_fits_corpus
        await pilot.press("5")
        await pilot.pause()
        assert "trained on lecture" in text_of(app, "#explore-source")

        await _open_corpus(app, pilot, "lecture-ko")
        assert app.corpus.name == "lecture-ko"
        assert app.vectors is trained and not app.state.model_fits_corpus
        notes = [n.message for n in app._notifications]
        assert any("Kept the Word2Vec vectors" in n and "trained on lecture" in n for n in notes)
        # Explore says which corpus the vectors are from, and that it is not the open one
        await pilot.press("5")
        await pilot.pause()
        source = text_of(app, "#explore-source")
        assert "trained on lecture" in source and "not on lecture-ko" in source
        # One-hot lists the open corpus's words, not the old vectors' words
        await pilot.press("2")
        await settle(app, pilot)
        words = app.query_one("#onehot-input", Input).value.split()
        assert words and all(w not in trained for w in words)
        assert any("\uac00" <= ch <= "\ud7a3" for w in words for ch in w)   # Hangul
        # Train's figures of the lecture run are gone and it names the new corpus
        await pilot.press("3")
        await pilot.pause()
        assert text_of(app, "#train-figures").strip() == ""
        assert "lecture-ko" in text_of(app, "#train-status")


async def test_switching_corpus_while_training_asks_first(toy_world):
    app = WordlabApp(corpus=toy_world)
    seen: list = []
    hook = lambda m: isinstance(m, TrainingProgress) and seen.append(m)  # noqa: E731
    async with app.run_test(size=(80, 24), message_hook=hook) as pilot:
        await _train(app, pilot, dim=8, epochs=100000)
        while not seen:
            await pilot.pause()
        await pilot.press("1")
        options = app.query_one("#corpus-options", OptionList)
        options.highlighted = options.get_option_index("lecture-ko")
        await pilot.press("enter")
        for _ in range(200):
            if isinstance(app.screen, ConfirmScreen):
                break
            await pilot.pause(0.02)
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")                                  # keep training
        await pilot.pause()
        assert app.training and app.corpus is toy_world
        assert "kept toy-world" in text_of(app, "#corpus-error")

        options.highlighted = options.get_option_index("lecture-ko")
        await pilot.press("enter")
        for _ in range(200):
            if isinstance(app.screen, ConfirmScreen):
                break
            await pilot.pause(0.02)
        await pilot.press("y")                                  # stop and switch
        await _until_stopped(app, pilot)
        await settle(app, pilot)
        assert not app.training and app.corpus.name == "lecture-ko"
        # the stopped run's vectors stay, labelled with the corpus they were trained on
        assert app.state.provenance.corpus == "toy-world" and app.state.provenance.origin == "stopped"
        assert not app.state.model_fits_corpus


async def test_new_vectors_clear_the_previous_results(lecture, royal_vectors, lecture_vectors):
    app = WordlabApp(corpus=lecture, vectors=royal_vectors)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("5", "a")
        await pilot.press("enter")                      # man : king :: woman (the examples)
        await pilot.pause()
        table = app.query_one("#explore-table", DataTable)
        assert table.get_row_at(0)[1] == "queen"
        app.set_vectors(lecture_vectors, Provenance("loaded", path="lecture.vec"))
        await pilot.pause()
        assert table.row_count == 0                     # queen is not an answer of these vectors
        for field in ("#an-a", "#an-b", "#an-c"):       # no field keeps a word they lack
            value = app.query_one(field, Input).value
            assert all(w in lecture_vectors for w in value.split())
        assert "loaded from lecture.vec" in text_of(app, "#explore-source")


async def test_every_unknown_word_is_named_and_old_results_go(lecture, royal_vectors):
    app = WordlabApp(corpus=lecture, vectors=royal_vectors)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("5", "n")
        await pilot.press("enter")
        await pilot.pause()
        assert app.query_one("#explore-table", DataTable).row_count > 0
        for key, word in zip("abc", ("prince", "duke", "queen")):
            app.query_one(f"#an-{key}", Input).value = word
        await pilot.press("escape", "a", "enter")
        await pilot.pause()
        message = text_of(app, "#explore-message")
        assert "'prince'" in message and "'duke'" in message and "'queen'" not in message
        assert app.query_one("#explore-table", DataTable).row_count == 0


async def test_evaluate_forgets_scores_of_older_vectors(lecture, royal_vectors, lecture_vectors):
    app = WordlabApp(corpus=lecture, vectors=royal_vectors)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("6", "a")
        await settle(app, pilot)
        assert "right" in text_of(app, "#analogy-summary")
        app.set_vectors(lecture_vectors, Provenance("loaded", path="other.vec"))
        await pilot.pause()
        assert "not run yet" in text_of(app, "#analogy-summary")
        assert "loaded from other.vec" in text_of(app, "#evaluate-source")


async def test_loading_vectors_clears_the_last_runs_figures(lecture, lecture_vectors, tmp_path):
    path = tmp_path / "v.txt"
    lecture_vectors.save(str(path))
    app = WordlabApp(corpus=lecture)
    async with app.run_test(size=(80, 24)) as pilot:
        await _train(app, pilot, dim=8, epochs=2)
        await settle(app, pilot)
        assert "epoch 2/2" in text_of(app, "#train-figures")
        await pilot.press("o")
        app.screen.query_one(Input).value = str(path)
        await pilot.press("enter")
        await settle(app, pilot)
        assert text_of(app, "#train-figures").strip() == ""
        assert app.query_one("#train-spark").data == []
        assert app.state.provenance.origin == "loaded"


# ---------------------------------------------------------------- keys
def _burst(app, keys: str) -> None:
    """Post every key at once, as one packet over SSH delivers them (no wait in between)."""
    for ch in keys:
        app.post_message(events.Key(ch, ch))


async def test_a_burst_of_pane_keys_ends_on_the_last_one(lecture):
    app = WordlabApp(corpus=lecture)
    async with app.run_test(size=(80, 24)) as pilot:
        _burst(app, "56")
        await settle(app, pilot)
        assert app.query_one("#tabs", TabbedContent).active == "evaluate"
        _burst(app, "5432176")
        await settle(app, pilot)
        assert app.query_one("#tabs", TabbedContent).active == "evaluate"
        _burst(app, "1234567")
        await settle(app, pilot)
        assert app.query_one("#tabs", TabbedContent).active == "lstm"


async def test_a_burst_reaches_the_new_panes_keys(lecture):
    app = WordlabApp(corpus=lecture)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        _burst(app, "4")
        await settle(app, pilot)           # the Step pane prepares its session
        _burst(app, "nnn")
        await settle(app, pilot)
        assert "example 3" in text_of(app, "#step-sentence")


async def test_keys_work_after_the_terminal_was_briefly_too_small(lecture):
    app = WordlabApp(corpus=lecture)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("3")
        await pilot.resize_terminal(50, 15)
        await pilot.pause()
        assert app.query_one("#too-small").display
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        await pilot.pause()
        assert not app.query_one("#too-small").display
        app.query_one("#epochs", Input).value = "100000"
        app.query_one("#dim", Input).value = "8"
        app.screen.set_focus(app.query_one(TrainPane).focus_target())
        await pilot.press("space")
        assert app.training
        await pilot.press("s")
        await _until_stopped(app, pilot)
        assert not app.training


async def test_enter_in_a_field_starts_and_space_then_pauses(lecture):
    app = WordlabApp(corpus=lecture)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("3")
        field = app.query_one("#epochs", Input)
        field.value = "100000"
        app.query_one("#dim", Input).value = "8"
        field.focus()
        await pilot.pause()
        await pilot.press("enter")
        for _ in range(100):                       # the field's Submitted message is handled
            if app.training:                       # after the key (a loaded machine: later)
                break
            await pilot.pause(0.05)
        assert app.training
        await pilot.press("space")                 # not typed into the field: it pauses
        assert app.query_one(TrainPane)._pause.is_set()
        assert field.value == "100000"
        await pilot.press("s")
        await _until_stopped(app, pilot)
        assert not app.training


async def test_every_bad_field_is_flagged_at_once(lecture):
    app = WordlabApp(corpus=lecture)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("3")
        for name, value in (("window", 0), ("epochs", -1), ("alpha", "1e9")):
            app.query_one(f"#{name}", Input).value = str(value)
        await pilot.press("space")
        await pilot.pause()
        assert not app.training
        for name in ("window", "epochs", "alpha"):
            assert name in text_of(app, f"#{name}-error"), name
            assert app.query_one(f"#{name}", Input).has_class("-bad")


# ---------------------------------------------------------------- the app as users run it
async def test_real_startup_background_build_and_bursts(monkeypatch):
    """The app as `wordlab` starts it: the initial corpus opened in a worker, the other panes
    built in the background, gc.freeze; keys typed in bursts meanwhile all take effect."""
    monkeypatch.setattr(WordlabApp, "PREMOUNT_DELAY", 0.05)
    monkeypatch.setattr(WordlabApp, "PREMOUNT_GAP", 0.01)
    app = WordlabApp(corpus_name="lecture")
    async with app.run_test(size=(80, 24)) as pilot:
        _burst(app, "2345")
        await settle(app, pilot)
        assert app.query_one("#tabs", TabbedContent).active == "explore"
        for _ in range(300):
            if app.corpus is not None and len(app.query(".wordlab-pane")) == 7:
                break
            await pilot.pause(0.02)
        assert app.corpus.name == "lecture" and len(app.query(".wordlab-pane")) == 7
        _burst(app, "76")
        await settle(app, pilot)
        assert app.query_one("#tabs", TabbedContent).active == "evaluate"


@pytest.mark.slow
async def test_train_toy_world_in_the_app_then_ask_the_analogy():
    """Train in the app, then man : king :: woman in Explore: queen, from the app's own run."""
    from corpora import open_corpus

    app = WordlabApp(corpus=open_corpus("toy-world"), corpus_options={"min_count": 5, "sample": 1e-3})
    async with app.run_test(size=(80, 24)) as pilot:
        await _train(app, pilot, epochs=5)
        await settle(app, pilot)
        assert app.state.provenance.corpus == "toy-world"
        await pilot.press("5")
        await pilot.pause()
        for key, word in zip("abc", ("man", "king", "woman")):
            app.query_one(f"#an-{key}", Input).value = word
        app.query_one("#an-c", Input).focus()
        await pilot.press("enter")
        await pilot.pause()
        assert app.query_one("#explore-table", DataTable).get_row_at(0)[1] == "queen"
        assert "trained on toy-world" in text_of(app, "#explore-source")


async def test_an_error_in_a_redraw_does_not_stop_a_running_training(toy_world, monkeypatch):
    app = WordlabApp(corpus=toy_world)
    seen: list = []
    hook = lambda m: isinstance(m, TrainingProgress) and seen.append(m)  # noqa: E731
    async with app.run_test(size=(80, 24), message_hook=hook) as pilot:
        await _train(app, pilot, dim=8, epochs=100000)
        while not seen:
            await pilot.pause()

        def broken(self, progress):
            raise ValueError("math domain error")

        monkeypatch.setattr(TrainPane, "_show_figures", broken)
        count = len(seen)
        while len(seen) < count + 3:        # the redraw timer hits the error meanwhile
            await pilot.pause(0.2)
        await pilot.pause(0.6)
        assert app.is_running and app.training and app.return_code is None
        assert any("math domain error" in n.message and "goes on" in n.message
                   for n in app._notifications)
        monkeypatch.undo()
        await pilot.press("s")
        await _until_stopped(app, pilot)
        assert not app.training and app.vectors is not None
        assert app.state.provenance.origin == "stopped"


async def test_evaluate_tab_reaches_its_controls_first(lecture, royal_vectors):
    from textual.widgets import Select

    app = WordlabApp(corpus=lecture, vectors=royal_vectors)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("6")
        await pilot.pause()
        await pilot.press("tab")
        assert isinstance(app.focused, Select) and app.focused.id == "analogy-set"


async def test_resizing_populated_panes_while_training(toy_world):
    app = WordlabApp(corpus=toy_world)
    seen: list = []
    hook = lambda m: isinstance(m, TrainingProgress) and seen.append(m)  # noqa: E731
    async with app.run_test(size=(80, 24), message_hook=hook) as pilot:
        await _train(app, pilot, dim=8, epochs=100000)
        while not seen:
            await pilot.pause()
        for pane, sizes in (("3", ((120, 40), (50, 15), (80, 24))), ("5", ((61, 21), (80, 24))),
                            ("7", ((50, 15), (80, 24))), ("2", ((120, 40), (80, 24)))):
            await pilot.press(pane)
            for size in sizes:
                await pilot.resize_terminal(*size)
                await pilot.pause()
        assert app.is_running and app.training and app.return_code is None
        await pilot.press("3", "s")
        await _until_stopped(app, pilot)
        assert not app.training and app.state.provenance.origin == "stopped"


async def test_the_lecture_corpus_learns_in_the_app_with_its_defaults(lecture):
    """Space on pane 3 with the form as it opens: the loss falls by a clear margin and cat's
    vector ends near dog's (issue 8 §3)."""
    app = WordlabApp(corpus=lecture)
    seen: list = []
    hook = lambda m: isinstance(m, TrainingProgress) and seen.append(m.progress)  # noqa: E731
    async with app.run_test(size=(80, 24), message_hook=hook) as pilot:
        await pilot.press("3")
        await pilot.pause()
        assert app.query_one("#min_count", Input).value == "1"
        await pilot.press("space")
        await _until_stopped(app, pilot)
        await settle(app, pilot)
        assert app.state.provenance.origin == "trained"
        first = seen[0].loss
        final = seen[-1].loss
        assert final < 0.75 * first, (first, final)
        kv = app.vectors
        assert len(kv) == 12
        nearest = [w for w, _ in kv.most_similar("cat", topn=3)]
        assert "dog" in nearest, nearest
