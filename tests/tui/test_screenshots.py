"""Ctrl+S saves the screen for the lecturer's notes: SVG and plain text, named after the pane
or the lesson step, in a folder asked for once and then remembered."""

from __future__ import annotations

from textual.widgets import Input

from tests.tui.conftest import settle
from tui.app import WordlabApp
from tui.lesson.steps import STEPS
from tui.widgets.dialogs import PathScreen


async def _wait_for_files(pilot, folder, n):
    for _ in range(100):
        if len(list(folder.glob("*.txt"))) >= n:
            return
        await pilot.pause(0.05)


async def test_ctrl_s_asks_for_a_folder_once_then_saves_svg_and_text(lecture, tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    folder = tmp_path / "notes" / "screens"
    app = WordlabApp(corpus=lecture)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("3")
        await settle(app, pilot)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, PathScreen)
        app.screen.query_one("#path", Input).value = str(folder)
        await pilot.press("enter")
        await _wait_for_files(pilot, folder, 1)
        svgs, txts = sorted(folder.glob("train-*.svg")), sorted(folder.glob("train-*.txt"))
        assert len(svgs) == 1 and len(txts) == 1
        text = txts[0].read_text(encoding="utf-8")
        assert "model" in text and "Word2Vec" in text and len(text.splitlines()) == 24
        assert svgs[0].read_text(encoding="utf-8").lstrip().startswith("<svg")
        # the second time: no question, straight into the same folder, a new name
        await pilot.press("5", "ctrl+s")
        await pilot.pause()
        assert not isinstance(app.screen, PathScreen)
        await _wait_for_files(pilot, folder, 2)
        assert len(list(folder.glob("explore-*.txt"))) == 1
        # and in the lesson, named after its step
        await pilot.press("L")
        await settle(app, pilot)
        await pilot.press("ctrl+s")
        await _wait_for_files(pilot, folder, 3)
        lesson = sorted(folder.glob("lesson-01*.txt"))
        assert lesson and f"1/{len(STEPS)}" in lesson[0].read_text(encoding="utf-8")


async def test_an_unwritable_folder_is_said_in_the_dialog(lecture, tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    app = WordlabApp(corpus=lecture)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+s")
        await pilot.pause()
        app.screen.query_one("#path", Input).value = str(blocker / "screens")
        await pilot.press("enter")
        await settle(app, pilot)
        assert isinstance(app.screen, PathScreen)              # still open, with the reason
        assert str(app.screen.query_one("#path-error").render()).strip() not in ("", "checking…")


async def test_save_screen_is_in_the_palette_with_its_key(lecture):
    from tui.commands import PaneCommands

    app = WordlabApp(corpus=lecture)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("3")
        await pilot.pause()
        texts = [text for text, *_ in PaneCommands(app.screen)._commands()]
        assert any(t.startswith("Save screen (") for t in texts), texts
