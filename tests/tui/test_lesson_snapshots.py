"""Snapshots of lesson steps at 80x24, in English and Korean (issue 10).  Nothing here trains
or times anything: the numbers are the engine's, from fixed seeds.

Update after reviewing the report: `pytest tests/tui/test_lesson_snapshots.py --snapshot-update`.
"""

from __future__ import annotations

import pytest

from tui import i18n
from tui.app import WordlabApp
from tui.lesson.steps import KEYS


@pytest.fixture(autouse=True)
def _restore_language():
    before = i18n.language()
    yield
    i18n.set_language(before)


def _app(key: str, lang: str) -> WordlabApp:
    return WordlabApp(corpus_name="lecture", lesson=KEYS.index(key), lang=lang)


async def _settle(pilot):
    """Until the lesson is up and its view has finished training (the app opens the lesson
    after its first refresh, so a worker started then is not there yet to be waited for)."""
    import asyncio

    from tui.lesson.screen import LessonScreen

    app = pilot.app
    for _ in range(1200):                          # 60 s at most: a loaded machine
        await app.workers.wait_for_complete()
        if isinstance(app.screen, LessonScreen) and not app.screen.busy():
            break
        await asyncio.sleep(0.05)
    await pilot.pause()
    await pilot.pause()


def test_lesson_rnn_english(snap_compare):
    assert snap_compare(_app("rnn", "en"), terminal_size=(80, 24), run_before=_settle)


def test_lesson_input_gate_korean(snap_compare):
    assert snap_compare(_app("input-gate", "ko"), terminal_size=(80, 24), run_before=_settle)


def test_lesson_four_word_model_english(snap_compare):
    assert snap_compare(_app("model-untrained", "en"), terminal_size=(80, 24),
                        run_before=_settle)


def test_lesson_onehot_distance_korean(snap_compare):
    assert snap_compare(_app("onehot-distance", "ko"), terminal_size=(80, 24),
                        run_before=_settle)


def test_lesson_shapes_korean(snap_compare):
    """One-to-many, many-to-one, many-to-many drawn for one input.  (The Seq2Seq step is not
    snapshotted: its numbers come from torch training, whose last bits may differ on another
    CPU; tests/tui/test_lesson.py checks that step's decoding with Pilot.)"""
    assert snap_compare(_app("shapes", "ko"), terminal_size=(80, 24), run_before=_settle)
