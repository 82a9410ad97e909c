"""Lesson mode in the real app (issue 10): every step reachable with → in English and Korean,
each step's lecture numbers on its screen, Esc then L resumes, --step, bursts of keys, the
palette and the help, and at 80x24 nothing cut off.

The screen is read as the terminal shows it (the compositor's lines), so a number that is
computed but clipped away does not count."""

from __future__ import annotations

import pytest
from rich.cells import cell_len

from tui import i18n
from tui.app import WordlabApp
from tui.lesson.screen import LessonHelpScreen, LessonScreen
from tui.lesson.steps import KEYS, STEPS

N = len(STEPS)


@pytest.fixture(autouse=True)
def _restore_language():
    before = i18n.language()
    yield
    i18n.set_language(before)


def _app(lang: str = "en", step: int | None = 0) -> WordlabApp:
    return WordlabApp(corpus_name="lecture", lesson=step, lang=lang)


async def _settle(pilot) -> None:
    app = pilot.app
    for _ in range(200):
        await app.workers.wait_for_complete()
        await pilot.pause()
        screen = app.screen
        if not isinstance(screen, LessonScreen) or not screen.busy():
            break
    await pilot.pause()


def screen_lines(app) -> list[str]:
    return [strip.text for strip in app.screen._compositor.render_strips()]


def screen_text(app) -> str:
    return "\n".join(screen_lines(app))


def squashed(app) -> str:
    """The screen with runs of spaces collapsed (table cells: one space apart)."""
    return "\n".join(" ".join(line.split()) for line in screen_lines(app))


def lesson(app) -> LessonScreen:
    assert isinstance(app.screen, LessonScreen), type(app.screen)
    return app.screen


def header(app) -> str:
    return screen_lines(app)[0].strip()


# -- what each step must show, in both languages: the lecture's numbers, computed -----------------
def expected(key: str, lang: str) -> list[str]:
    """Strings that must be on the screen of step ``key`` (the screen squashed to single
    spaces).  Numbers the lecture gives are written as the lecture writes them; the others
    are read from the engine here."""
    from engine.lesson import rnn_demo
    from tui.lesson.views import vec

    demo = rnn_demo()
    if key == "rnn":
        return [" ".join(vec(s.h).split()) for s in demo.steps] + ["W_xh x_t", "h_t-1"]
    if key == "shapes":
        return ["one-to-many", "many-to-one", "many-to-many"]
    if key == "bptt":
        from engine.bptt import bptt_terms

        b = bptt_terms(demo.cell, list(demo.steps[:3]), demo.ids[3])
        return [f"= {b.loss:.3f}", "J3(", "J2(", "∂h1/∂W_hh", f"{b.terms[0].term_norm:.3f}"]
    if key == "vanishing":
        return ["T = 100" if lang == "en" else "T = 100", "t=0:"]
    if key == "forget-all":
        return ["C_t-1 0.2 0.1 0.3 0.5 0.2 0.2 0.3", "f_t 0 0 0 0 0 0 0",
                "f_t ⊗ C_t-1 0 0 0 0 0 0 0", "다 잊는 경우" if lang == "ko" else "forget everything"]
    if key == "remember-all":
        return ["f_t 1 1 1 1 1 1 1", "f_t ⊗ C_t-1 0.2 0.1 0.3 0.5 0.2 0.2 0.3",
                "모두 기억하는 경우" if lang == "ko" else "remember everything"]
    if key == "input-gate":
        return ["i_t 0.1 0 0.8 0.2 0.8 0.7 1", "C~_t 0.1 0.3 0.6 0.2 0.9 0.1 0.4",
                "i_t ⊗ C~_t 0.01 0 0.48 0.04 0.72 0.07 0.4"]
    if key == "cell-update":
        return ["C_t-1 0.2 0.1 0.3 0.5 0.2 0.2 0.3", "i_t ⊗ C~_t 0.01 0 0.48 0.04 0.72 0.07 0.4",
                "C_t 0.21 0.1 0.78 0.54 0.92 0.27 0.7"]
    if key == "lstm-sentence":
        return ["f_t = σ(", "h_t = o_t·tanh(C_t)", "[i] love cute cat"]
    if key == "flow":
        return ["‖dL/dh_t‖", "RNN", "LSTM"]
    if key in ("seq2seq", "seq2seq-long"):
        from engine.lesson import seq2seq_demo

        d = seq2seq_demo()                    # the lesson's run (kept: computed once)
        if key == "seq2seq":                  # the lecture's pair, the context, step 1's p
            first = d.lecture.steps[0]
            return ["i like machine learning", "h_T", "C_T",
                    " ".join(vec(d.lecture.encoding.h[:8]).split()),
                    " ".join(vec(d.lecture.encoding.c[8:]).split()),
                    f"1 <SOS> 나는 {first.p:.3f}"]
        return [f"{r.clauses} {r.words:.1f} {100 * r.token_accuracy:.0f}% {100 * r.exact:.0f}%"
                for r in d.lengths] + [" ".join(d.long_reference[:3])]
    if key == "onehot":
        return ["cat = [1 0 0 0]", "apple = [0 1 0 0]", "dog = [0 0 1 0]", "banana = [0 0 0 1]"]
    if key == "onehot-size":
        return ["100,000", "400.0 kB", "10,000,000,000", "40.0 GB", "40.0 MB", "1,000"]
    if key == "onehot-distance":
        return ["1.414", "√2"]
    if key == "embedding":
        return ["woman : man :: queen : ? → king", "cos(man − woman, king − queen) = +0.",
                "PCA"]
    if key == "model-untrained":
        return ["1.386", "ln 4", "0.250", "i cute -> love"]
    if key == "model-trained":
        return ["W_in['love']", "p(love) = 0.9"]
    if key == "cbow":
        if lang == "ko":
            return ["우리는 ??? 본다", "너는 ??? 그린다", "고양이가 ??? 쫓는다"]
        return ["i ??? cat", "we ??? movie", "you ??? picture", "cat ??? dog"]
    if key == "skipgram":
        return ["love → i", "love → cute", "i, cute → love", "4 CBOW" if lang == "en" else "CBOW 예제 4"]
    if key == "output-cost":
        from engine.lesson import output_costs, zipf_counts

        big = output_costs(zipf_counts())
        return ["softmax 12 100,000" if lang == "en" else "softmax 16 100,000",
                f"{big.hs_rows:.1f}", "V=100,000"]
    if key in ("negative", "hierarchical"):
        from corpora import open_corpus
        from engine.word2vec.stepping import step_session

        name = "lecture-ko" if lang == "ko" else "lecture"
        trace = step_session(open_corpus(name), arch="sg", corpus_name=name,
                             loss="neg" if key == "negative" else "hs").step()
        return [f"= {trace.loss:.3f}", "0.500", f"-> {trace.word}"]
    if key == "train-corpus":
        return ["cos(고양이를, 개를)" if lang == "ko" else "cos(cat, dog)"]
    if key == "king-queen":
        from engine.lesson import corpus_analogy

        r = corpus_analogy("toy-world")
        return ["king − man + woman = ?", "toy-world"] + [
            f"{k + 1}. {w} {s:+.3f}" for k, (w, s) in enumerate(r.answers)]
    raise AssertionError(f"no expectations for step {key!r}")


def test_every_step_has_expectations():
    for key in KEYS:
        assert expected(key, "en") and expected(key, "ko")


def check_fits(app) -> None:
    """At the terminal's size nothing of the step is cut: the header on one line, the live
    view's widgets inside the view (no clipped rows), no table squeezed to '…'."""
    screen = lesson(app)
    width = app.size.width
    head = screen.query_one("#lesson-header").content
    head = getattr(head, "plain", str(head))
    assert cell_len(head) <= width - 2, head                 # padding 0 1: one line
    view = screen.current_view()
    assert view is not None
    for w in [view, *view.query("*")]:
        layout = getattr(w.styles.layout, "name", "vertical")
        if w.display and w.children and layout == "vertical" and w.size.height:
            used = sum(c.outer_size.height for c in w.children if c.display)
            assert used <= w.size.height, (screen.step.key, w, used, w.size.height)
    text = screen_text(app)
    assert "…" not in text, text
    for widget in view.query("*"):
        if widget.display and widget.size.width:
            assert widget.region.right <= width, (screen.step.key, widget)


# -- walking the lesson ----------------------------------------------------------------------------
@pytest.mark.parametrize("lang", ["en", "ko"])
async def test_every_step_reachable_with_right_and_shows_its_numbers(lang):
    app = _app(lang)
    title = "Lesson" if lang == "en" else "강의"
    async with app.run_test(size=(80, 24)) as pilot:
        await _settle(pilot)
        for k, step in enumerate(STEPS):
            if k:
                await pilot.press("right")
                await _settle(pilot)
            screen = lesson(app)
            assert screen.index == k
            assert header(app).startswith(f"{title} {k + 1}/{N}"), header(app)
            assert i18n.t(f"lesson.{step.key}.title") in header(app)
            shown = squashed(app)
            for needle in expected(step.key, lang):
                assert needle in shown, (lang, step.key, needle, shown)
            check_fits(app)
        await pilot.press("right")                     # the last step stays the last
        await pilot.pause()
        assert lesson(app).index == N - 1


async def test_back_goes_back_and_stops_at_the_first():
    app = _app("en", 3)
    async with app.run_test(size=(80, 24)) as pilot:
        await _settle(pilot)
        assert header(app).startswith(f"Lesson 4/{N}")
        for k in (2, 1, 0, 0):
            await pilot.press("left")
            await pilot.pause()
            assert lesson(app).index == k


async def test_burst_of_keys_all_take_effect():
    app = _app("en")
    async with app.run_test(size=(80, 24)) as pilot:
        await _settle(pilot)
        await pilot.press("right", "right", "space", "right", "right")
        await _settle(pilot)
        assert lesson(app).index == 5
        assert header(app).startswith(f"Lesson 6/{N}")
        await pilot.press("left", "left", "left")
        await _settle(pilot)
        assert lesson(app).index == 2


async def test_escape_leaves_and_L_resumes_at_the_same_step():
    app = _app("en", 6)
    async with app.run_test(size=(80, 24)) as pilot:
        await _settle(pilot)
        first = lesson(app)
        await pilot.press("right")
        await _settle(pilot)
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, LessonScreen)
        assert "Corpus" in screen_text(app)                    # the free panes
        await pilot.press("L")
        await _settle(pilot)
        assert lesson(app) is first and first.index == 7
        assert header(app).startswith(f"Lesson 8/{N}")


async def test_F2_on_the_panes_reaches_the_lesson_left_open():
    """F2 pressed on the panes while the lesson waits behind: L brings it back in the new
    language, at the same step, its keys' pane names translated too."""
    app = _app("en", 6)
    async with app.run_test(size=(80, 24)) as pilot:
        await _settle(pilot)
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("f2")
        await _settle(pilot)
        await pilot.press("L")
        await _settle(pilot)
        assert header(app).startswith(f"강의 7/{N}")
        tips = {b.id: b.tooltip for b in lesson(app).BINDINGS}
        assert "말뭉치" in tips["lesson.to-corpus"], tips["lesson.to-corpus"]


async def test_L_opens_the_lesson_from_the_app_and_is_in_the_palette():
    from tui.commands import PaneCommands

    app = WordlabApp(corpus_name="lecture", lang="en")
    async with app.run_test(size=(80, 24)) as pilot:
        await _settle(pilot)
        texts = [text for text, *_ in PaneCommands(app.screen)._commands()]
        assert "Lesson (L)" in texts, texts
        await pilot.press("L")
        await _settle(pilot)
        assert lesson(app).index == 0
        assert header(app).startswith(f"Lesson 1/{N}")


async def test_step_opens_that_step_directly():
    app = _app("ko", N - 6)
    async with app.run_test(size=(80, 24)) as pilot:
        await _settle(pilot)
        assert header(app).startswith(f"강의 {N - 5}/{N}")


async def test_digit_leaves_to_that_pane():
    app = _app("en", 2)
    async with app.run_test(size=(80, 24)) as pilot:
        await _settle(pilot)
        await pilot.press("2")
        await _settle(pilot)
        assert not isinstance(app.screen, LessonScreen)
        assert app.query_one("#tabs").active == "onehot"


async def test_n_advances_the_time_step_where_a_step_has_one():
    app = _app("en", 0)
    async with app.run_test(size=(80, 24)) as pilot:
        await _settle(pilot)
        assert "t=1 (i):" in screen_text(app)
        await pilot.press("n", "n")
        await pilot.pause()
        assert "t=3 (cute):" in screen_text(app)
        await pilot.press("right")                      # shapes: n does nothing here
        await _settle(pilot)
        assert lesson(app).check_action("advance", ()) is False
        await pilot.press("n", "left")
        await pilot.pause()
        assert "t=3 (cute):" in screen_text(app)        # the view kept its state


@pytest.mark.parametrize("lang", ["en", "ko"])
async def test_footer_shows_the_lesson_keys_in_the_language(lang):
    from textual.widgets._footer import FooterKey

    app = _app(lang)
    async with app.run_test(size=(80, 24)) as pilot:
        await _settle(pilot)
        await pilot.pause(0.2)
        keys = [k for k in app.screen.query(FooterKey) if not k.has_class("-command-palette")]
        shown = {k.key: k for k in keys}
        for key in ("right", "left", "n", "escape", "question_mark"):
            assert key in shown, (key, sorted(shown))
            assert 0 < shown[key].region.right <= 80
        text = screen_lines(app)[-1]
        assert i18n.t("lesson.key.next") in text and i18n.t("lesson.key.help") in text


async def test_palette_lists_the_lessons_keys_only():
    from tui.commands import PaneCommands

    app = _app("ko")
    async with app.run_test(size=(80, 24)) as pilot:
        await _settle(pilot)
        texts = [text for text, *_ in PaneCommands(app.screen)._commands()]
        assert "강의: 다음 (→/Space)" in texts
        assert "강의: 이전 (←)" in texts
        assert not any(text.startswith(("Corpus", "Help")) for text in texts), texts
        # running an entry runs the lesson's action
        entry = next(c for c in PaneCommands(app.screen)._commands() if c[0].startswith("강의: 다음"))
        await app.run_action(entry[1], entry[2])
        await _settle(pilot)
        assert lesson(app).index == 1


@pytest.mark.parametrize("lang", ["en", "ko"])
async def test_help_explains_the_step_and_lists_the_steps(lang):
    app = _app(lang, 4)
    async with app.run_test(size=(80, 24)) as pilot:
        await _settle(pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, LessonHelpScreen)
        text = app.screen.text
        for step in STEPS:
            assert i18n.t(f"lesson.{step.key}.title") in text
        assert i18n.t("lesson.tip.leave") in text
        await pilot.press("escape")
        await pilot.pause()
        assert lesson(app).index == 4


async def test_training_step_leaves_its_vectors_to_the_panes():
    app = _app("en", KEYS.index("train-corpus"))
    async with app.run_test(size=(80, 24)) as pilot:
        await _settle(pilot)
        assert "cos(cat, dog)" in screen_text(app)
        assert app.state.vectors is not None and "cat" in app.state.vectors
        assert app.state.provenance.corpus == "lecture"


async def test_g_switches_the_language_live_and_back():
    app = _app("en", KEYS.index("onehot-distance"))
    async with app.run_test(size=(80, 24)) as pilot:
        await _settle(pilot)
        assert header(app).startswith(f"Lesson {KEYS.index('onehot-distance') + 1}/{N}")
        await pilot.press("g")
        await _settle(pilot)
        assert header(app).startswith(f"강의 {KEYS.index('onehot-distance') + 1}/{N}")
        assert "L2 거리" in screen_text(app) and "English" in screen_lines(app)[-1]
        await pilot.press("left", "g")
        await _settle(pilot)
        assert header(app).startswith(f"Lesson {KEYS.index('onehot-size') + 1}/{N}")
        assert "40.0 GB" in screen_text(app)


async def test_q_quits_from_the_lesson():
    app = _app("ko", 0)
    async with app.run_test(size=(80, 24)) as pilot:
        await _settle(pilot)
        await pilot.press("q")
        await pilot.pause()
        assert not app.is_running


async def test_n_decodes_the_next_word_of_the_seq2seq_translation():
    from engine.lesson import seq2seq_demo

    steps = seq2seq_demo().lecture.steps
    app = _app("en", KEYS.index("seq2seq"))
    async with app.run_test(size=(80, 24)) as pilot:
        await _settle(pilot)
        shown = squashed(app)
        assert f"1 <SOS> 나는 {steps[0].p:.3f}" in shown
        assert f"2 나는 머신러닝이 {steps[1].p:.3f}" not in shown
        await pilot.press("n", "n")
        await pilot.pause()
        shown = squashed(app)
        assert f"2 나는 머신러닝이 {steps[1].p:.3f}" in shown
        assert f"3 머신러닝이 좋다 {steps[2].p:.3f}" in shown
        assert "translation so far: 나는 머신러닝이 좋다" in shown
        check_fits(app)
        await pilot.press("right")                  # the long inputs: the same trained model
        await _settle(pilot)
        assert lesson(app).step.key == "seq2seq-long"
        assert "(trained length)" in screen_text(app)


async def test_n_trains_the_next_negative_sampling_example():
    app = _app("en", KEYS.index("negative"))
    async with app.run_test(size=(80, 24)) as pilot:
        await _settle(pilot)
        assert "example 1:" in screen_text(app)
        await pilot.press("n", "n", "n")
        await pilot.pause()
        assert "example 4:" in screen_text(app)
        check_fits(app)
