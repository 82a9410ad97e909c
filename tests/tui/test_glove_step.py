"""GloVe step mode (issue 11): one co-occurrence cell at a time in the real app, every number of
the update on screen taken from the engine's CellTrace, the matrix X of the lecture corpus."""

from __future__ import annotations

import re

from engine.glove import GloveSession
from engine.settings import glove_settings
from tests.tui.conftest import settle, text_of
from tui.app import WordlabApp
from tui.i18n import set_language
from tui.panes.glove_step import GloveStepScreen, fmt, open_glove_step


async def open_screen(app, pilot) -> GloveStepScreen:
    await settle(app, pilot)            # the app is up (its first pane focused)
    screen = open_glove_step(app)
    await settle(app, pilot)
    return screen


async def test_each_n_trains_the_next_cell_and_shows_its_numbers(lecture):
    app = WordlabApp(corpus=lecture)
    async with app.run_test(size=(100, 40)) as pilot:
        screen = await open_screen(app, pilot)
        assert isinstance(app.screen, GloveStepScreen)
        # the same settings and seed as the screen's session: the same first cells
        twin = GloveSession(glove_settings("lecture", threads=1), lecture)
        header = text_of(app.screen, "#glove-header")
        assert f"V={len(twin.vocab)}" in header and f"{len(twin.X)} cells of X" in header
        for k in range(3):
            await pilot.press("n")
            expected = twin.step()
            tr = screen.trace
            assert (tr.i, tr.j, tr.x) == (expected.i, expected.j, expected.x)
            shown = text_of(app.screen, "#glove-trace")
            assert f"cell ({tr.word}, {tr.context})" in shown
            for number in (tr.x, tr.log_x, tr.f, tr.prediction, tr.error, tr.g, tr.loss,
                           tr.loss_after, tr.delta_b_i):
                assert fmt(number) in shown, (fmt(number), shown)
            assert f"cell {k + 1}" in text_of(app.screen, "#glove-header")
        # the matrix shows X's counts, words as rows and columns
        matrix = text_of(app.screen, "#glove-matrix")
        for word in twin.vocab.words:
            assert word in matrix
        assert f"{twin.X.get(screen.trace.i, screen.trace.j):.2f}" in matrix


async def test_again_shrinks_the_cells_error_and_reset_starts_over(lecture):
    app = WordlabApp(corpus=lecture)
    async with app.run_test(size=(100, 40)) as pilot:
        screen = await open_screen(app, pilot)
        await pilot.press("n")
        first = screen.trace
        await pilot.press("e", "e")
        again = screen.trace
        assert (again.i, again.j) == (first.i, first.j)
        assert abs(again.error) < abs(first.error) and again.loss < first.loss
        await pilot.press("r")
        await settle(app, pilot)
        assert screen.trace is None and "cell 0" in text_of(app.screen, "#glove-header")
        await pilot.press("n")
        assert (screen.trace.i, screen.trace.j) == (first.i, first.j)   # the same order again
        assert screen.trace.error == first.error                        # from fresh weights
        await pilot.press("escape")
        assert not isinstance(app.screen, GloveStepScreen)


async def test_keys_pressed_while_counting_are_kept(lecture):
    app = WordlabApp(corpus=lecture)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = open_glove_step(app)
        await pilot.press("n", "n", "n")            # a burst, before X is counted
        await settle(app, pilot)
        assert screen.session.stepped == 3


async def test_at_80x24_in_korean(lecture):
    try:
        app = WordlabApp(corpus=lecture, lang="ko")
        async with app.run_test(size=(80, 24)) as pilot:
            await open_screen(app, pilot)
            await pilot.press("n")
            header = text_of(app.screen, "#glove-header")
            assert "GloVe 단계" in header and "번째 칸" in header
            assert "윈도우" in text_of(app.screen, "#glove-matrix-title")
            trace = text_of(app.screen, "#glove-trace")
            assert "오차 = 예측 - log X" in trace and "갱신 뒤" in trace
            # every line fits 80 columns (Hangul takes two cells), so nothing wraps
            from rich.cells import cell_len

            for line in [text_of(app.screen, "#glove-header")] + trace.splitlines():
                assert cell_len(line) <= 78, line
            # 80 columns: the lecture's 12 words all fit as columns of X
            assert shown_columns(text_of(app.screen, "#glove-matrix")) == 12
    finally:
        set_language("en")


def shown_columns(matrix: str) -> int:
    return len(re.split(r"\s+", matrix.splitlines()[0].strip())) - 1


async def test_G_and_the_palette_open_it(lecture):
    from tui.commands import PaneCommands

    app = WordlabApp(corpus=lecture)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        texts = [text for text, *_ in PaneCommands(app.screen)._commands()]
        assert "GloVe step (G)" in texts
        await pilot.press("G")
        await settle(app, pilot)
        assert isinstance(app.screen, GloveStepScreen)
        await pilot.press("n", "escape")
        assert not isinstance(app.screen, GloveStepScreen)


def test_snapshot_two_cells_at_80x24(snap_compare, lecture):
    """The lecture's whole X and a cell's update on one 80x24 screen (seeded: the same cells)."""
    async def before(pilot):
        await settle(pilot.app, pilot)
        await pilot.press("G")
        await settle(pilot.app, pilot)
        await pilot.press("n", "n")
        await settle(pilot.app, pilot)

    assert snap_compare(WordlabApp(corpus=lecture), terminal_size=(80, 24), run_before=before)


async def test_question_mark_explains_the_screen(lecture):
    from tui.help import HelpScreen

    app = WordlabApp(corpus=lecture)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_screen(app, pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        assert "AdaGrad" in app.screen.text and "log X_ij" in app.screen.text
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, GloveStepScreen)
