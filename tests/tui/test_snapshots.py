"""Snapshots of the key screens at 80x24 (a projector) and 120x40.

Update after reviewing the report: `pytest tests/tui/test_snapshots.py --snapshot-update`.
No timing-dependent numbers appear: nothing here trains (words/s, elapsed would vary).
"""

from __future__ import annotations

import pytest

from tests.tui.conftest import settle
from tui.app import WordlabApp

SIZES = [(80, 24), (120, 40)]


def _app(lecture, vectors=None):
    return WordlabApp(corpus=lecture, vectors=vectors)


async def _settle(pilot):
    await settle(pilot.app, pilot)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_corpus_pane(snap_compare, lecture, size):
    assert snap_compare(_app(lecture), terminal_size=size, run_before=_settle)


def test_onehot_before_training(snap_compare, lecture):
    assert snap_compare(_app(lecture), terminal_size=(80, 24), run_before=_press_settle("2"))


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_train_form(snap_compare, lecture, size):
    assert snap_compare(_app(lecture), terminal_size=size, run_before=_press_settle("3"))


def test_train_inline_errors(snap_compare, lecture):
    async def before(pilot):
        await pilot.press("3")
        pilot.app.query_one("#dim").value = "0"
        pilot.app.query_one("#window").value = "two"
        await pilot.press("space")
        await settle(pilot.app, pilot)

    assert snap_compare(_app(lecture), terminal_size=(80, 24), run_before=before)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_explore_analogy(snap_compare, lecture, royal_vectors, size):
    async def before(pilot):
        await pilot.press("5")
        for field, word in (("an-a", "man"), ("an-b", "king"), ("an-c", "woman")):
            pilot.app.query_one(f"#{field}").value = word
        pilot.app.query_one("#an-c").focus()
        await pilot.press("enter")
        await pilot.press("escape")
        await settle(pilot.app, pilot)

    assert snap_compare(_app(lecture, royal_vectors), terminal_size=size, run_before=before)


def test_evaluate_results(snap_compare, lecture, royal_vectors):
    assert snap_compare(_app(lecture, royal_vectors), terminal_size=(80, 24),
                        run_before=_press_settle("6", "e"))


def test_help_screen(snap_compare, lecture):
    assert snap_compare(_app(lecture), terminal_size=(80, 24), run_before=_press_settle("3", "question_mark"))


def test_too_small_terminal(snap_compare, lecture):
    assert snap_compare(_app(lecture), terminal_size=(50, 15), run_before=_settle)


def _press_settle(*keys):
    async def before(pilot):
        await settle(pilot.app, pilot)
        await pilot.press(*keys)
        await settle(pilot.app, pilot)

    return before
