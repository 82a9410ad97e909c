"""The path dialog: its hint fits its purpose, saving asks before replacing a file, and
opening takes the completion the user sees on Enter."""

from __future__ import annotations

from textual.app import App
from textual.widgets import Input

from tests.tui.conftest import text_of
from tui.widgets.dialogs import ConfirmScreen, PathInput, PathScreen

_UNSET = object()


class Host(App):
    """Shows one PathScreen and records what it was dismissed with."""

    def __init__(self, screen: PathScreen) -> None:
        super().__init__()
        self.dialog = screen
        self.result = _UNSET

    def on_mount(self) -> None:
        self.push_screen(self.dialog, self._done)

    def _done(self, result) -> None:
        self.result = result


async def _type(pilot, text: str) -> None:
    await pilot.press(*text)
    for _ in range(4):          # the suggester runs in a worker
        await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def test_the_hint_names_the_dialogs_purpose():
    assert "Enter: open" in PathScreen("Open").default_hint()
    assert "Enter: load" in PathScreen("Load", verb="load").default_hint()
    save = PathScreen("Save", mode="save").default_hint()
    assert "Enter: save" in save and "open" not in save
    for hint in (PathScreen("x").default_hint(), save):
        assert len(hint) <= 64          # the dialog's text width at 80 columns


def test_mode_defaults_from_the_title_for_callers_that_do_not_pass_it():
    assert PathScreen("Save the vectors (word2vec format)").mode == "save"
    assert PathScreen("Load vectors").mode == "open"
    assert PathScreen("Save as", mode="open").mode == "open"


async def test_save_dialog_shows_a_save_hint(tmp_path):
    app = Host(PathScreen("Save the vectors", mode="save"))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        hint = text_of(app.screen, "#path-hint")
        assert "Enter: save" in hint and "open" not in hint


async def test_open_takes_the_completion_shown_on_enter(tmp_path):
    (tmp_path / "my-corpus.txt").write_text("a b\n", encoding="utf-8")
    app = Host(PathScreen("Open"))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await _type(pilot, f"{tmp_path}/my")
        field = app.screen.query_one("#path", PathInput)
        assert field.shown_completion == f"{tmp_path}/my-corpus.txt"
        await pilot.press("enter")
        await pilot.pause()
    assert app.result == f"{tmp_path}/my-corpus.txt"


async def test_open_without_a_completion_takes_the_value(tmp_path):
    app = Host(PathScreen("Open"))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await _type(pilot, f"{tmp_path}/nothing-here")
        assert app.screen.query_one("#path", PathInput).shown_completion is None
        await pilot.press("enter")
        await pilot.pause()
    assert app.result == f"{tmp_path}/nothing-here"


async def test_save_takes_the_name_as_typed(tmp_path):
    (tmp_path / "toy.vec").write_text("1 1\na 1\n", encoding="utf-8")
    app = Host(PathScreen("Save", mode="save"))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await _type(pilot, f"{tmp_path}/toy")
        await pilot.press("enter")
        await pilot.pause()
    assert app.result == f"{tmp_path}/toy"


async def test_save_asks_before_replacing_a_file(tmp_path):
    target = tmp_path / "toy.vec"
    target.write_text("old\n", encoding="utf-8")
    saved: list[str] = []

    def check(path: str) -> str:
        saved.append(path)
        return path

    app = Host(PathScreen("Save", mode="save", value=str(target), check=check))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        assert "toy.vec" in text_of(app.screen, "#question")
        await pilot.press("n")                          # keep it
        await pilot.pause()
        assert isinstance(app.screen, PathScreen) and saved == []
        assert "not saved" in text_of(app.screen, "#path-error")
        assert app.screen.query_one("#path", Input).has_focus
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("y")                          # replace
        await app.workers.wait_for_complete()
        await pilot.pause()
    assert saved == [str(target)] and app.result == str(target)


async def test_save_to_a_new_name_does_not_ask(tmp_path):
    app = Host(PathScreen("Save", mode="save", value=str(tmp_path / "new.vec")))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert not isinstance(app.screen, ConfirmScreen)
    assert app.result == str(tmp_path / "new.vec")
