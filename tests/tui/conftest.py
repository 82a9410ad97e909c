"""Shared fixtures for the app's tests: steady rendering, the lecture corpus, tiny vectors."""

from __future__ import annotations

import numpy as np
import pytest
from textual import constants
from textual.widgets import Input


@pytest.fixture(autouse=True)
def _steady_rendering(monkeypatch):
    """No animations and no blinking cursor, so snapshots and screens are stable."""
    monkeypatch.setattr(constants, "TEXTUAL_ANIMATIONS", "none")
    original = Input.__init__

    def init(self, *args, **kwargs):
        original(self, *args, **kwargs)
        self.set_reactive(Input.cursor_blink, False)

    monkeypatch.setattr(Input, "__init__", init)


@pytest.fixture(autouse=True)
def _panes_on_demand(monkeypatch):
    """Build panes when shown (tests stay fast and deterministic); test_app checks the
    background building on its own."""
    from tui.app import WordlabApp

    monkeypatch.setattr(WordlabApp, "PREMOUNT_DELAY", None)


@pytest.fixture(scope="session")
def lecture():
    from corpora import open_corpus

    return open_corpus("lecture")


@pytest.fixture(scope="session")
def lecture_vectors(lecture):
    """Vectors trained by the real engine on the lecture corpus (small and quick)."""
    from engine.word2vec import TrainingSession, Word2VecConfig

    session = TrainingSession(Word2VecConfig(dim=10, epochs=3, min_count=1, sample=0.0, seed=3), lecture)
    session.run()
    return session.model.vectors()


@pytest.fixture
def royal_vectors():
    """Hand-made 3-d vectors where king - man + woman lands on queen (test data, not results)."""
    from engine.vectors import KeyedVectors

    words = ["king", "queen", "man", "woman", "apple", "banana", "cat", "dog"]
    rows = np.array([
        [1.0, 1.0, 0.1], [1.0, -1.0, 0.1], [0.1, 1.0, 0.0], [0.1, -1.0, 0.0],
        [-1.0, 0.1, 1.0], [-1.0, 0.0, 1.1], [0.0, 0.2, -1.0], [0.1, 0.1, -1.1],
    ], dtype=np.float32)
    return KeyedVectors(words, rows)


async def settle(app, pilot) -> None:
    """Wait until every worker has finished and the messages they posted are handled."""
    await app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.pause()


def text_of(app, selector: str) -> str:
    """The plain text a Static (or Label) shows, Rich renderables included."""
    from rich.console import Console

    widget = app.query_one(selector)
    rendered = widget.content if hasattr(widget, "content") else widget.render()
    if isinstance(rendered, str):
        from textual.content import Content

        rendered = Content.from_markup(rendered)
    plain = getattr(rendered, "plain", None)
    if isinstance(plain, str):
        return plain
    console = Console(width=200, record=True, color_system=None, file=open("/dev/null", "w"))
    console.print(rendered)
    return console.export_text()
