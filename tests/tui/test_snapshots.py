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


#: WordSim-353 pairs (word1, word2, the judges' mean score) with words of their own, and the
#: cosine each pair gets in ``wordsim_vectors``: the score / 10, except doctor-nurse (too low)
#: and space-chemistry (too high), so Spearman is well short of 1.  With royal_vectors alone
#: only king-queen and man-woman were in the vocabulary: a Spearman of 2 pairs is always +-1.
WORDSIM_PAIRS = [
    ("football", "soccer", 9.03, 0.903), ("coast", "shore", 9.10, 0.910),
    ("money", "currency", 9.04, 0.904), ("law", "lawyer", 8.38, 0.838),
    ("book", "library", 7.46, 0.746), ("doctor", "nurse", 7.00, 0.300),
    ("train", "car", 6.31, 0.631), ("space", "chemistry", 4.88, 0.750),
    ("cemetery", "woodland", 2.08, 0.208), ("stock", "phone", 1.62, 0.162),
    ("lad", "wizard", 0.92, 0.092),
]


@pytest.fixture
def wordsim_vectors(royal_vectors):
    """royal_vectors (the analogies) plus 11 WordSim-353 pairs at chosen cosines: pair j
    spans its own two axes, w1 = e_a and w2 = c e_a + sqrt(1 - c^2) e_b (test data)."""
    import numpy as np

    from engine.vectors import KeyedVectors

    dim = 3 + 2 * len(WORDSIM_PAIRS)
    words = list(royal_vectors.words)
    rows = [np.concatenate([royal_vectors[w], np.zeros(dim - 3, np.float32)]) for w in words]
    for j, (w1, w2, _score, c) in enumerate(WORDSIM_PAIRS):
        a, b = 3 + 2 * j, 4 + 2 * j
        v1, v2 = np.zeros(dim, np.float32), np.zeros(dim, np.float32)
        v1[a] = 1.0
        v2[a], v2[b] = c, np.sqrt(1.0 - c * c)
        words += [w1, w2]
        rows += [v1, v2]
    return KeyedVectors(words, np.array(rows, dtype=np.float32))


def test_evaluate_results(snap_compare, lecture, wordsim_vectors):
    assert snap_compare(_app(lecture, wordsim_vectors), terminal_size=(80, 24),
                        run_before=_press_settle("6", "e"))


def test_evaluate_snapshot_data_gives_a_real_spearman(wordsim_vectors):
    """The snapshot's pairs: 14 in vocabulary, Spearman neither 1 nor computed from 2."""
    from corpora.evalsets import eval_set_path
    from engine.evaluate import evaluate_pairs

    result = evaluate_pairs(wordsim_vectors, eval_set_path("wordsim353"))
    assert result.used == 14
    assert 0.5 < result.spearman < 0.99


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


# ---------------------------------------------------------------- Korean (issue 8 §6)
@pytest.fixture(scope="module")
def lecture_ko():
    from corpora import open_corpus

    return open_corpus("lecture-ko")


@pytest.fixture(scope="module")
def lecture_ko_vectors(lecture_ko):
    """Vectors of the Korean lecture text from the numpy reference trainer (deterministic to
    the last bit on any machine, unlike threads)."""
    from engine.settings import training_settings
    from engine.word2vec import TrainingSession

    session = TrainingSession(training_settings("lecture-ko", epochs=20, threads=1), lecture_ko)
    session.run(reference=True)
    return session.model.vectors()


def test_corpus_pane_korean(snap_compare, lecture_ko):
    assert snap_compare(WordlabApp(corpus=lecture_ko), terminal_size=(80, 24), run_before=_settle)


def test_onehot_korean(snap_compare, lecture_ko, lecture_ko_vectors):
    app = WordlabApp(corpus=lecture_ko, vectors=lecture_ko_vectors)
    assert snap_compare(app, terminal_size=(80, 24), run_before=_press_settle("2"))


def test_explore_korean(snap_compare, lecture_ko, lecture_ko_vectors):
    async def before(pilot):
        await pilot.press("5")
        pilot.app.query_one("#nn-word").value = "고양이를"
        pilot.app.query_one("#nn-word").focus()
        await pilot.press("enter")
        await pilot.press("escape")
        await settle(pilot.app, pilot)

    app = WordlabApp(corpus=lecture_ko, vectors=lecture_ko_vectors)
    assert snap_compare(app, terminal_size=(80, 24), run_before=before)
