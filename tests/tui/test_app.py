"""The app shell: tabs, help, command palette, the minimum size, quitting, lazy imports."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from textual.widgets import TabbedContent

from tests.tui.conftest import settle, text_of
from tui.app import PANES, WordlabApp
from tui.help import HelpScreen

ROOT = Path(__file__).resolve().parents[2]


async def test_number_keys_switch_every_tab(lecture):
    app = WordlabApp(corpus=lecture)
    async with app.run_test(size=(80, 24)) as pilot:
        tabs = app.query_one("#tabs", TabbedContent)
        assert tabs.active == "corpus"
        for key, (pane_id, _title) in reversed(list(enumerate(PANES, start=1))):
            await pilot.press(str(key))
            await pilot.pause()
            assert tabs.active == pane_id
            assert app.current_pane() is app.query_one(f"#{pane_id}-pane")
            # the focus is inside the shown pane, so its keys work at once
            assert app.focused is not None and app.current_pane() in (app.focused, *app.focused.ancestors)
        await settle(app, pilot)


async def test_header_is_wordlab(lecture):
    app = WordlabApp(corpus=lecture)
    async with app.run_test(size=(80, 24)):
        assert app.title == "wordlab"


async def test_help_screen_explains_the_current_pane(lecture):
    app = WordlabApp(corpus=lecture)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("3")
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        assert app.screen.title_text == "Train"
        markdown = app.screen.query_one("Markdown")
        assert "W_in" in markdown.source  # the lecture's terms
        assert "Space" in markdown.source  # the pane's keys are listed
        await pilot.press("escape")
        assert not isinstance(app.screen, HelpScreen)
        await pilot.press("f1")
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        await settle(app, pilot)


async def test_every_pane_has_help_and_described_keys(lecture):
    from textual.binding import Binding

    app = WordlabApp(corpus=lecture)
    async with app.run_test(size=(80, 24)) as pilot:
        for pane_id, _ in PANES:
            pane = await app.ensure_pane(pane_id)
            assert len(getattr(pane, "HELP", "")) > 200, pane_id
            for b in pane.BINDINGS:
                if isinstance(b, Binding) and b.description:
                    assert b.id and b.tooltip, (pane_id, b.key)
        await settle(app, pilot)


async def test_palette_lists_the_current_panes_actions(lecture):
    from tui.commands import PaneCommands

    app = WordlabApp(corpus=lecture)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("3")
        provider = PaneCommands(app.screen)
        texts = [text for text, *_ in provider._commands()]
        assert any(t.startswith("Train: Start/Pause") for t in texts)
        assert any(t.startswith("Train: Stop") for t in texts)
        assert any(t.startswith("Help (? / F1)") for t in texts)  # Quit: Textual's own entry
        hits = [hit async for hit in provider.search("One-hot (2)")]
        assert hits
        await hits[0].command()  # running a palette entry runs the binding's action
        await pilot.pause()
        assert app.query_one("#tabs", TabbedContent).active == "onehot"
        await settle(app, pilot)


async def test_small_terminal_asks_to_enlarge(lecture):
    app = WordlabApp(corpus=lecture)
    async with app.run_test(size=(50, 15)) as pilot:
        await pilot.pause()
        assert app.query_one("#too-small").display
        assert not app.query_one("#tabs").display
        assert "enlarge" in text_of(app, "#too-small")
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert not app.query_one("#too-small").display
        assert app.query_one("#tabs").display


async def test_q_quits_at_once_when_idle(lecture):
    app = WordlabApp(corpus=lecture)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("q")
        await pilot.pause()
        assert not app.is_running


async def test_default_corpus_is_lecture_opened_after_the_first_frame():
    app = WordlabApp()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        assert app.corpus is not None and app.corpus.name == "lecture"
        await settle(app, pilot)
        assert "tokens" in text_of(app, "#corpus-summary")


def test_startup_imports_no_torch():
    """The app and its first pane start without torch (the first screen must be up in < 1 s)."""
    code = ("import sys; import tui.app, tui.panes.corpus; "
            "print('torch' in sys.modules, 'gensim' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]


async def test_other_panes_are_built_in_the_background(lecture, monkeypatch):
    monkeypatch.setattr(WordlabApp, "PREMOUNT_DELAY", 0.01)
    monkeypatch.setattr(WordlabApp, "PREMOUNT_GAP", 0.01)
    app = WordlabApp(corpus=lecture)
    async with app.run_test(size=(80, 24)) as pilot:
        for _ in range(200):  # each pane is built on its own timer tick
            if all(app.query(f"#{pane_id}-pane") for pane_id, _ in PANES):
                break
            await pilot.pause()
        assert all(app.query(f"#{pane_id}-pane") for pane_id, _ in PANES)
        # building them neither moved the focus nor switched the tab
        assert app.query_one("#tabs", TabbedContent).active == "corpus"
        assert app.focused is app.query_one("#corpus-options")
        await settle(app, pilot)
