"""The command palette lists each action once (it showed "Quit" and "Quit (q)")."""

from __future__ import annotations

from collections import Counter

from textual.command import CommandList, CommandPalette

from tests.tui.conftest import settle
from tui.app import WordlabApp
from tui.commands import PaneCommands, system_command_actions


async def test_quit_is_listed_once_and_runs_the_apps_own_quit(lecture):
    app = WordlabApp(corpus=lecture)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        assert "quit" in system_command_actions(app, app.screen)  # Textual lists Quit itself
        texts = [text for text, *_ in PaneCommands(app.screen)._commands()]
        assert not any(t.startswith("Quit") for t in texts)


async def test_help_is_one_entry_naming_both_keys(lecture):
    app = WordlabApp(corpus=lecture)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        texts = [text for text, *_ in PaneCommands(app.screen)._commands()]
        assert [t for t in texts if t.startswith("Help")] == ["Help (? / F1)"]


async def test_the_open_palette_shows_every_entry_once(lecture):
    """What the user sees after Ctrl+P, for every pane: no two entries alike."""
    app = WordlabApp(corpus=lecture)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        for tab in "1234567":
            await pilot.press(tab)
            await settle(app, pilot)
            await pilot.press("ctrl+p")
            for _ in range(5):
                await pilot.pause()
            assert isinstance(app.screen, CommandPalette)
            options = app.screen.query_one(CommandList)
            prompts = [str(options.get_option_at_index(i).prompt).split("\n")[0]
                       for i in range(options.option_count)]
            titles = [p.split(" (")[0].strip() for p in prompts]
            assert options.option_count > 5, prompts
            assert titles.count("Quit") == 1, (tab, prompts)
            twice = [t for t, n in Counter(titles).items() if n > 1]
            assert not twice, (tab, twice)
            await pilot.press("escape")
            await pilot.pause()
        await settle(app, pilot)
