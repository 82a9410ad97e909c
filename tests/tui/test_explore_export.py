"""Explore's x: the vectors as the TensorBoard Embedding Projector's two files (issue 12 §2),
driven through the real app with Pilot: the key, the folder dialog, the files, the message."""

from __future__ import annotations

import numpy as np
from textual.widgets import Input

from tests.tui.conftest import settle, text_of
from tui.app import WordlabApp
from tui.commands import PaneCommands
from tui.widgets.dialogs import PathScreen


def _rows(path):
    return [line.split("\t") for line in path.read_text(encoding="utf-8").splitlines()]


async def test_x_exports_the_vectors_for_the_projector(lecture, lecture_vectors, tmp_path):
    kv = lecture_vectors
    folder = tmp_path / "projector"
    app = WordlabApp(corpus=lecture, vectors=kv)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("5")
        await settle(app, pilot)
        await pilot.press("x")
        await pilot.pause()
        assert isinstance(app.screen, PathScreen)
        app.screen.query_one("#path", Input).value = str(folder)
        await pilot.press("enter")
        await settle(app, pilot)
        assert not isinstance(app.screen, PathScreen)
        message = text_of(app, "#explore-message")
        assert str(folder) in message and f"{len(kv):,}" in message
        assert app.query_one("#explore-message").has_class("done")
    vectors = _rows(folder / "vectors.tsv")
    assert len(vectors) == len(kv) and all(len(r) == kv.dim for r in vectors)
    meta = _rows(folder / "metadata.tsv")
    # vectors trained here know their counts: a header row, then word and count, most frequent first
    assert meta[0] == ["word", "count"] and len(meta) == len(kv) + 1
    counts = [int(c) for _, c in meta[1:]]
    assert counts == sorted(counts, reverse=True)
    assert dict((w, int(c)) for w, c in meta[1:]) == dict(zip(kv.words, kv.counts.tolist()))
    first = kv.words.index(meta[1][0])
    assert np.array_equal(np.array(vectors[0], dtype=np.float32), kv.vectors[first])


async def test_a_folder_that_cannot_be_used_is_explained_in_the_dialog(lecture, royal_vectors,
                                                                       tmp_path):
    taken = tmp_path / "a-file"
    taken.write_text("not a folder")
    app = WordlabApp(corpus=lecture, vectors=royal_vectors)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("5", "x")
        await pilot.pause()
        app.screen.query_one("#path", Input).value = str(taken)
        await pilot.press("enter")
        await settle(app, pilot)
        assert isinstance(app.screen, PathScreen)               # still asking
        assert "not a folder" in text_of(app.screen, "#path-error")
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, PathScreen)
        assert text_of(app, "#explore-message") == ""          # nothing was exported
    assert taken.read_text() == "not a folder"


async def test_without_vectors_x_says_so_inline(lecture):
    app = WordlabApp(corpus=lecture)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("5", "x")
        await pilot.pause()
        assert not isinstance(app.screen, PathScreen)
        assert "train a model" in text_of(app, "#explore-message")
        assert not app.query_one("#explore-message").has_class("done")


async def test_export_has_help_text_and_a_palette_entry(lecture, royal_vectors):
    app = WordlabApp(corpus=lecture, vectors=royal_vectors)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("5")
        await pilot.pause()
        pane = app.current_pane()
        binding = next(b for b in pane.BINDINGS if getattr(b, "id", None) == "explore-export")
        assert binding.key == "x" and binding.description and "Projector" in binding.tooltip
        entries = PaneCommands(app.screen)._commands()
        assert any(action == binding.action and "(x)" in text for text, action, *_ in entries)
