"""Pilot tests of the Step pane (tab 4): n / e / N / p / f / s / a / l / r, the numbers on screen
are the StepTrace's, and the pane follows the app's state (corpus, model and provenance)
through the app's own methods."""

from __future__ import annotations

import numpy as np
from textual.app import App, ComposeResult
from textual.reactive import reactive
from textual.widgets import DataTable, Static

from engine.word2vec.stepping import step_session
from engine.word2vec import TrainingSession, Word2VecConfig
from tui.app import WordlabApp
from tui.panes.step import StepPane, fmt_p, fmt_s
from tui.state import AppState, Provenance

LECTURE = [
    "i love cute cat".split(),
    "we watch movie".split(),
    "you draw picture".split(),
    "cat chase dog".split(),
    "i love cat".split(),
    "we love dog".split(),
]


OPTIONS = {"lower": True, "min_count": 1, "sample": 0.0}


class PaneApp(App):
    """The Step pane alone, under the real app's state and its methods (set_corpus,
    set_model: the rules live there, not here)."""

    CSS_PATH = ["../../tui/panes/step.tcss"]
    state = reactive(AppState, always_update=True, init=False)
    corpus = WordlabApp.corpus
    corpus_options = WordlabApp.corpus_options
    model = WordlabApp.model
    vectors = WordlabApp.vectors
    set_corpus = WordlabApp.set_corpus
    _apply_corpus = WordlabApp._apply_corpus
    set_model = WordlabApp.set_model
    set_vectors = WordlabApp.set_vectors

    def __init__(self, corpus=LECTURE):
        super().__init__()
        state = AppState(corpus_options=dict(OPTIONS))
        if corpus is not None:
            state = state.with_corpus(corpus, dict(OPTIONS))
        self.set_reactive(PaneApp.state, state)

    def any_training(self) -> bool:
        return False

    def compose(self) -> ComposeResult:
        yield StepPane(id="step-pane")


def reference(arch="sg", loss="softmax", corpus=LECTURE):
    """The same session the pane builds (the engine's factory), driven directly."""
    return step_session(corpus, arch=arch, loss=loss, min_count=1)


def trained_here(app, model) -> Provenance:
    """The provenance of a model trained on the corpus the app has open."""
    return Provenance("trained", corpus="lecture", corpus_gen=app.state.corpus_gen,
                      config=model.config, epochs=1)


async def ready(app, pilot) -> StepPane:
    pane = app.query_one(StepPane)
    pane.focus()
    await app.workers.wait_for_complete()
    await pilot.pause()
    assert pane.session is not None
    return pane


def text_of(pane, selector) -> str:
    return str(pane.query_one(selector, Static).render())


async def test_three_skipgram_examples_show_the_trace_numbers():
    app = PaneApp()
    ref = reference()
    async with app.run_test(size=(80, 24)) as pilot:
        pane = await ready(app, pilot)
        assert "press n" in text_of(pane, "#step-key")
        for _ in range(3):
            await pilot.press("n")
            tr = ref.step()
            assert pane.trace.input_words == tr.input_words and pane.trace.word == tr.word
            key = text_of(pane, "#step-key")
            assert f"{tr.input_words[0]} → {tr.word}" in key
            assert f"p({tr.word}) = {fmt_p(tr.probs[tr.word_id])}" in key
            assert f"loss = {tr.loss:.4f}" in key
            out = pane.query_one("#step-out", DataTable)
            assert out.row_count == len(pane.session.vocab)     # V = 12: every word shown
            row = [str(c) for c in out.get_row(str(tr.word_id))]
            assert row == [tr.word, "1", fmt_s(float(tr.scores[tr.word_id])),
                           fmt_p(float(tr.probs[tr.word_id]))]
            vec = pane.query_one("#step-vec", DataTable)
            assert vec.row_count == 10
            (i, d_in), = tr.W_in_delta.items()
            for j in range(10):
                cells = [str(c) for c in vec.get_row(str(j))]
                assert cells[1] == fmt_s(float(tr.h[j]))
                assert cells[2] == fmt_s(float(tr.grad_h[j]))
                assert cells[3] == fmt_s(float(d_in[j]))
                assert cells[4] == fmt_s(float(tr.W_out_delta[tr.word_id][j]))
        title = str(pane.query_one("#step-vec-title").render())
        assert f"ΔW_in: W_in[{tr.input_words[0]}]" in title
        assert f"ΔW_out: W_out[{tr.word}]" in title
        pairs = pane.query_one("#step-pairs", DataTable)
        inputs, target = ref.sentence_pairs()[2]
        assert [str(c) for c in pairs.get_row("2")] == ["▶", " ".join(inputs), target]
        assert [str(c) for c in pairs.get_row("0")][0] == "✓"
        assert pairs.cursor_row == 2
        assert "love" in text_of(pane, "#step-sentence")


async def test_next_sentence_skips_the_rest_of_the_sentence():
    app = PaneApp()
    async with app.run_test(size=(80, 24)) as pilot:
        pane = await ready(app, pilot)
        await pilot.press("n", "N")
        assert pane.trace.sentence == ["we", "watch", "movie"]
        assert pane.trace.pair_index == 0
        pairs = pane.query_one("#step-pairs", DataTable)
        (inputs, target), = pane.pairs[:1]
        assert [str(c) for c in pairs.get_row("0")][1:] == [" ".join(inputs), target]
        # at the end of a sentence N does not skip the sentence that comes next
        ref = reference()
        n = len(ref.sentence_pairs())
        app2 = PaneApp()
    async with app2.run_test(size=(80, 24)) as pilot:
        pane = await ready(app2, pilot)
        await pilot.press(*(["n"] * n))
        assert pane.trace.sentence == LECTURE[0]
        await pilot.press("N")
        assert pane.trace.sentence == LECTURE[1] and pane.trace.pair_index == 0


async def test_switch_arch_and_loss():
    app = PaneApp()
    async with app.run_test(size=(80, 24)) as pilot:
        pane = await ready(app, pilot)
        await pilot.press("a")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert pane.session.config.arch == "cbow"
        assert "CBOW" in text_of(pane, "#step-config")
        await pilot.press("n")
        tr = reference("cbow").step()
        assert pane.trace.input_words == tr.input_words == ["love"]
        assert pane.trace.word == tr.word == "i"
        pairs = pane.query_one("#step-pairs", DataTable)
        assert [str(c.label) for c in pairs.columns.values()][1:] == ["context", "centre"]
        await pilot.press("l")                               # negative sampling
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("n")
        tr = reference("cbow", "neg").step()
        assert pane.trace.loss_kind == "neg"
        out = pane.query_one("#step-out", DataTable)
        assert out.row_count == len(tr.target_ids)
        first = [str(c) for c in out.get_row("0")]
        assert first == [tr.target_words[0], "1", fmt_s(float(tr.scores[0])),
                         fmt_p(float(tr.sigmoids[0]))]
        assert f"σ(s_{tr.word}) = {fmt_p(float(tr.sigmoids[0]))}" in text_of(pane, "#step-key")
        await pilot.press("l")                               # hierarchical softmax
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("n")
        tr = reference("cbow", "hs").step()
        assert pane.trace.loss_kind == "hs"
        assert f"loss = {tr.loss:.4f}" in text_of(pane, "#step-key")
        assert str(out.get_row("0")[0]) == tr.target_words[0]
        assert "Huffman" in str(pane.query_one("#step-out-title").render())


async def test_reset_starts_again():
    app = PaneApp()
    async with app.run_test(size=(80, 24)) as pilot:
        pane = await ready(app, pilot)
        await pilot.press("n", "n", "r")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert pane.trace is None
        await pilot.press("n")
        assert pane.trace.example == 0 and pane.trace.pair_index == 0


async def test_autoplay_steps_on_its_own_and_speed_keys():
    app = PaneApp()
    async with app.run_test(size=(80, 24)) as pilot:
        pane = await ready(app, pilot)
        await pilot.press("f", "f", "f", "f", "f")          # fastest: 0.1 s
        assert "0.1s" in text_of(pane, "#step-config")
        await pilot.press("p")
        assert pane._timer is not None
        assert "▶" in text_of(pane, "#step-config")
        while pane.trace is None or pane.trace.example < 2:  # no fixed sleep: wait for the steps
            await pilot.pause(0.05)
        await pilot.press("p")
        assert pane._timer is None
        seen = pane.trace.example
        await pilot.press("s")
        assert "0.25s" in text_of(pane, "#step-config")
        await pilot.pause()
        assert pane.trace.example == seen


async def test_a_corpus_without_pairs_is_a_message_not_a_crash():
    app = PaneApp(corpus=[["lonely"], ["words"]])
    async with app.run_test(size=(80, 24)) as pilot:
        pane = app.query_one(StepPane)
        pane.focus()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert pane.session is None
        assert str(pane.query_one("#step-message", Static).render())
        await pilot.press("n", "N", "p")
        assert "not ready" in text_of(pane, "#step-message")
        assert pane._timer is None


async def test_no_corpus():
    app = PaneApp(corpus=None)
    async with app.run_test(size=(80, 24)) as pilot:
        pane = app.query_one(StepPane)
        pane.focus()
        await pilot.pause()
        assert "no corpus" in text_of(pane, "#step-message")
        await pilot.press("n")
        assert "not ready" in text_of(pane, "#step-message")


async def test_big_vocabulary_shows_top_k_and_the_target():
    words = [f"w{k}" for k in range(40)]
    corpus = [words[k:k + 5] for k in range(0, 35)]
    app = PaneApp(corpus=corpus)
    async with app.run_test(size=(80, 24)) as pilot:
        pane = await ready(app, pilot)
        await pilot.press("n")
        tr = pane.trace
        out = pane.query_one("#step-out", DataTable)
        assert out.row_count in (8, 9)
        assert str(out.get_row(str(tr.word_id))[0]) == tr.word
        V = len(pane.session.vocab)
        assert V > 12
        assert f"x = one-hot({tr.input_words[0]}) = 1 at id {tr.input_ids[0]} of V = {V}" in \
            text_of(pane, "#step-input")


async def test_reuses_the_apps_model_without_changing_it():
    ref = reference()
    for _ in range(30):
        ref.step()
    model = ref.model
    before = model.W_in.copy()
    app = PaneApp()
    async with app.run_test(size=(80, 24)) as pilot:
        app.set_model(model, trained_here(app, model))
        pane = await ready(app, pilot)
        assert pane.session.source == "model"
        assert "a copy of the model in use" in text_of(pane, "#step-config")
        np.testing.assert_array_equal(pane.session.model.W_in, before)
        await pilot.press("n")
        np.testing.assert_array_equal(model.W_in, before)      # the shared model is untouched
        assert pane.trace.loss < np.log(12)                      # it starts from trained weights


async def test_n_pressed_while_the_session_is_built_is_not_lost():
    app = PaneApp()
    async with app.run_test(size=(80, 24)) as pilot:
        pane = app.query_one(StepPane)
        pane.focus()
        pane._rebuild()                                   # a build is in flight
        await pilot.press("n", "n")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert pane.trace is not None and pane.trace.example == 1
        # the app announcing the same state again keeps the session and its progress
        app.state = app.state
        await pilot.pause()
        assert pane.trace is not None and pane.trace.example == 1


async def test_a_long_sentence_shows_a_window_of_pairs_and_words():
    words = [f"w{k % 50}" for k in range(400)]               # one 400-word "sentence"
    app = PaneApp(corpus=[words])
    async with app.run_test(size=(80, 24)) as pilot:
        pane = await ready(app, pilot)
        await pilot.press(*(["n"] * 30))
        tr = pane.trace
        pairs = pane.query_one("#step-pairs", DataTable)
        assert pairs.row_count <= 42
        assert [str(c) for c in pairs.get_row(str(tr.pair_index))][0] == "▶"
        assert "more" in str(pairs.get_row("more")[1])
        assert str(pairs.get_row_at(pairs.cursor_row)[0]) == "▶"
        sentence = text_of(pane, "#step-sentence")
        assert sentence.count("w") <= 2 * 8 + 1 and "…" in sentence


async def test_a_model_from_the_train_pane_brings_its_arch_and_loss():
    ref = TrainingSession(Word2VecConfig(arch="cbow", loss="neg", dim=6, window=2, min_count=1,
                                         sample=0.0, epochs=1, seed=2), LECTURE)
    app = PaneApp()
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(app, pilot)
        app.set_model(ref.model, trained_here(app, ref.model))
        pane = await ready(app, pilot)
        assert (pane.arch, pane.loss) == ("cbow", "neg")
        assert pane.session.config.dim == 6
        await pilot.press("a")                                 # and the user can still switch
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert pane.session.config.arch == "sg"


async def test_cbow_context_rows_share_one_change_column():
    app = PaneApp()
    async with app.run_test(size=(80, 24)) as pilot:
        pane = await ready(app, pilot)
        await pilot.press("a")
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("n")
        while len(set(pane.trace.input_ids)) < 2:
            await pilot.press("n")
        tr = pane.trace
        vec = pane.query_one("#step-vec", DataTable)
        assert [str(c.label) for c in vec.columns.values()] == ["j", "h", "dL/dh", "ΔW_in",
                                                                 "ΔW_out"]
        title = str(pane.query_one("#step-vec-title").render())
        assert "each of " + ", ".join(f"W_in[{w}]" for w in tr.input_words) in title
        delta = next(iter(tr.W_in_delta.values()))
        assert [str(vec.get_row(str(j))[3]) for j in range(3)] == [
            fmt_s(float(delta[j])) for j in range(3)]


async def test_a_model_from_another_corpus_is_not_stepped_through():
    """Issue 8 §1: a toy-world model, then the lecture: Step starts fresh weights on the
    lecture's own vocabulary (no words dropped) and says where the model in use came from."""
    other = TrainingSession(Word2VecConfig(dim=6, min_count=1, sample=0.0, epochs=1),
                            [["a", "b", "c"], ["b", "c", "d"]])
    app = PaneApp()
    async with app.run_test(size=(80, 24)) as pilot:
        app.set_model(other.model, Provenance("trained", corpus="toy-world", corpus_gen=0,
                                              config=other.model.config, epochs=1))
        pane = await ready(app, pilot)
        assert pane.session.source == "fresh"
        assert len(pane.session.vocab) == len({w for s in LECTURE for w in s})
        config = " ".join(text_of(pane, "#step-config").split())
        assert "fresh weights (the model in use was trained on toy-world)" in config
        await pilot.press("n")
        assert pane.trace.sentence == LECTURE[0]            # every word of the sentence
        # the same model trained on the lecture (this corpus generation) is stepped through
        lecture_model = reference().model
        app.set_model(lecture_model, trained_here(app, lecture_model))
        pane = await ready(app, pilot)
        assert pane.session.source == "model"
        # a new corpus: fresh weights again, on its own words
        from corpora import open_corpus

        korean = open_corpus("lecture-ko")
        app.set_corpus(korean, dict(OPTIONS))
        pane = await ready(app, pilot)
        assert pane.session.source == "fresh"
        assert set(pane.session.vocab.words) == {w for s in korean for w in s}


async def test_e_repeats_the_example_and_p_rises():
    app = PaneApp()
    async with app.run_test(size=(80, 24)) as pilot:
        pane = await ready(app, pilot)
        await pilot.press("e")
        assert "no example to repeat" in text_of(pane, "#step-message")
        await pilot.press("n")
        first = pane.trace
        key = text_of(pane, "#step-key")
        assert "W_out = 0: every p = 1/V" in key
        assert "W_out is still all zeros, as word2vec.c starts it" in " ".join(
            text_of(pane, "#step-why").split())
        assert "dL/dh = W_outᵀ·error = 0" in " ".join(text_of(pane, "#step-changed").split())
        await pilot.press("e", "e", "e")
        tr = pane.trace
        assert (tr.input_ids, tr.word_id, tr.example) == (first.input_ids, first.word_id,
                                                          first.example)
        assert "pass 4" in text_of(pane, "#step-key")
        assert tr.probs[tr.word_id] > first.probs[first.word_id] + 0.03
        assert f"p({tr.word}) = {fmt_p(tr.probs[tr.word_id])}" in text_of(pane, "#step-key")


async def test_softmax_rows_keep_their_order():
    app = PaneApp()
    async with app.run_test(size=(80, 24)) as pilot:
        pane = await ready(app, pilot)
        out = pane.query_one("#step-out", DataTable)
        orders = []
        for _ in range(4):
            await pilot.press("n", "e")
            orders.append([str(out.get_row_at(r)[0]) for r in range(out.row_count)])
        assert orders[0] == list(pane.session.vocab.words)
        assert all(o == orders[0] for o in orders)


async def test_negative_sampling_says_why_fewer_than_k_noise_rows():
    app = PaneApp()
    async with app.run_test(size=(80, 24)) as pilot:
        pane = await ready(app, pilot)
        await pilot.press("l")
        await app.workers.wait_for_complete()
        await pilot.pause()
        for _ in range(60):
            await pilot.press("n")
            if pane.facts.noise_skipped:
                break
        assert pane.facts.noise_skipped, "no draw of the target in 60 examples"
        k = pane.session.config.negative
        title = str(pane.query_one("#step-out-title").render())
        assert f"k = {k}: {pane.facts.noise_skipped} drew the target" in title
        why = " ".join(text_of(pane, "#step-why").split())
        assert "skipped as word2vec.c does" in why


async def test_the_dynamic_window_is_explained():
    app = PaneApp()
    async with app.run_test(size=(80, 24)) as pilot:
        pane = await ready(app, pilot)
        seen = set()
        for _ in range(25):
            await pilot.press("n")
            why = " ".join(text_of(pane, "#step-why").split())
            assert "window 2" in why
            if "window − b = 1" in why:
                seen.add("reduced")
            assert "word2vec.c's Skip-gram: context in, centre out" in why
        assert "reduced" in seen
