"""Snapshots at 80x24 of the real app: the Step pane after three Skip-gram examples on the
lecture corpus (the first lesson) and the LSTM pane's gate table. Deterministic: fixed seeds,
no timings on screen."""

from __future__ import annotations

from tui.app import WordlabApp


def _app():
    return WordlabApp(corpus_name="lecture")


async def _settle(pilot):
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def test_step_pane_three_skipgram_examples(snap_compare):
    async def run_before(pilot):
        await _settle(pilot)
        await pilot.press("4")
        await _settle(pilot)
        await pilot.press("n", "n", "n")
        await pilot.pause()

    assert snap_compare(_app(), terminal_size=(80, 24), run_before=run_before)


def test_lstm_gate_table(snap_compare):
    async def run_before(pilot):
        await _settle(pilot)
        await pilot.press("7")
        await pilot.pause()
        await pilot.press("right", "right", "down")
        await pilot.pause()

    assert snap_compare(_app(), terminal_size=(80, 24), run_before=run_before)


def test_lstm_lecture_tables(snap_compare):
    async def run_before(pilot):
        await _settle(pilot)
        await pilot.press("7")
        await pilot.pause()
        await pilot.press("k")
        await pilot.pause()

    assert snap_compare(_app(), terminal_size=(80, 24), run_before=run_before)


def test_step_pane_cbow_negative_sampling_120x40(snap_compare):
    async def run_before(pilot):
        await _settle(pilot)
        await pilot.press("4")
        await _settle(pilot)
        await pilot.press("a")
        await _settle(pilot)
        await pilot.press("l")
        await _settle(pilot)
        await pilot.press("n", "n")
        await pilot.pause()

    assert snap_compare(_app(), terminal_size=(120, 40), run_before=run_before)


def test_lstm_rnn_gate_table_120x40(snap_compare):
    async def run_before(pilot):
        await _settle(pilot)
        await pilot.press("7")
        await pilot.pause()
        await pilot.press("c", "right", "down", "down")
        await pilot.pause()

    assert snap_compare(_app(), terminal_size=(120, 40), run_before=run_before)


def test_step_pane_lecture_ko_three_examples(snap_compare):
    """Issue 8 §6: Korean at 80x24 (wide characters in the pairs table, the sentence line and
    the softmax rows, all 16 words in vocabulary order)."""
    async def run_before(pilot):
        await _settle(pilot)
        await pilot.press("4")
        await _settle(pilot)
        await pilot.press("n", "n", "n")
        await pilot.pause()

    assert snap_compare(WordlabApp(corpus_name="lecture-ko"), terminal_size=(80, 24),
                        run_before=run_before)
