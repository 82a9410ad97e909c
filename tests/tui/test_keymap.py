"""keys.toml (issue 12 §4): the user's keys in the platform's config directory, via Textual's
keymap; a bad file is one notice and loses nothing."""

from __future__ import annotations

from tests.tui.conftest import settle
from tui.app import WordlabApp
from tui.keymap import ENV, binding_ids, keymap_path, load_keymap
from tui.panes.glove_step import GloveStepScreen


def test_the_file_lives_in_the_config_directory(monkeypatch, tmp_path):
    monkeypatch.delenv(ENV, raising=False)
    assert keymap_path().name == "keys.toml" and "wordlab" in str(keymap_path())
    monkeypatch.setenv(ENV, str(tmp_path / "k.toml"))
    assert keymap_path() == tmp_path / "k.toml"


def test_every_key_of_the_app_can_be_named():
    ids = binding_ids()
    for bid in ("quit", "help", "tab-train", "step.next", "glove-step", "glove.next",
                "lesson.next", "ft.next", "language"):
        assert bid in ids, bid


def test_loading_keeps_what_it_can_and_names_the_rest(tmp_path):
    path = tmp_path / "keys.toml"
    path.write_text('[keys]\nglove-step = "ctrl+g"\n"step.next" = " n , j "\nnope = "x"\n'
                    'quit = 3\n[colors]\n', encoding="utf-8")
    km = load_keymap({"glove-step", "step.next", "quit"}, path)
    assert km.keys == {"glove-step": "ctrl+g", "step.next": "n,j"}
    assert any("unknown key id 'nope'" in p for p in km.problems)
    assert any(p.startswith("quit:") for p in km.problems)
    assert any("[colors]" in p for p in km.problems)
    path.write_text("[keys\n", encoding="utf-8")
    assert "not valid TOML" in load_keymap({"quit"}, path).problems[0]
    assert load_keymap({"quit"}, tmp_path / "absent.toml").problems == []


async def test_a_remapped_key_works_and_a_bad_entry_is_one_notice(lecture, tmp_path, monkeypatch):
    path = tmp_path / "keys.toml"
    path.write_text('[keys]\nglove-step = "ctrl+g"\nnot-a-key = "x"\n', encoding="utf-8")
    monkeypatch.setenv(ENV, str(path))
    app = WordlabApp(corpus=lecture)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        notices = [n.message for n in app._notifications]
        assert any("not-a-key" in m and str(path) in m for m in notices), notices
        await pilot.press("G")                  # the old key no longer opens it ...
        await settle(app, pilot)
        assert not isinstance(app.screen, GloveStepScreen)
        await pilot.press("ctrl+g")             # ... the chosen one does
        await settle(app, pilot)
        assert isinstance(app.screen, GloveStepScreen)


async def test_the_palette_offers_textuals_theme_picker(lecture):
    """Textual's convention: Ctrl+P > Theme changes the colours (the system commands stay in
    the palette beside the panes' own entries)."""
    app = WordlabApp(corpus=lecture)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        titles = [c.title for c in app.get_system_commands(app.screen)]
        assert "Theme" in titles
        from textual.command import CommandPalette

        app.action_change_theme()                 # what the palette's "Theme" entry runs
        await pilot.pause()
        assert isinstance(app.screen, CommandPalette)     # the list of themes
