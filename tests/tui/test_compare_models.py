"""Evaluate's models side by side (issue 11, done when: "the comparison table in Evaluate shows
all three models trained on one corpus"): Word2Vec, GloVe and FastText trained from the Train
form on toy-world (small settings), then c in Evaluate runs engine.evaluate.compare over them."""

from __future__ import annotations

import pytest
from textual.widgets import DataTable, Input, Select

from tests.tui.conftest import settle, text_of
from tui.app import WordlabApp
from tui.state import Provenance

SMALL = {"dim": "16", "epochs": "1", "min_count": "5"}


@pytest.fixture(scope="module")
def toy():
    from corpora import open_corpus

    return open_corpus("toy-world")


async def _train(app, pilot, model: str, **fields) -> None:
    await pilot.press("3")
    app.query_one("#model", Select).value = model
    await pilot.pause()
    for name, value in {**SMALL, **fields}.items():
        app.query_one(f"#{name}", Input).value = value
    await pilot.press("space")
    await settle(app, pilot)
    assert not app.training


def _cells(app) -> list[list[str]]:
    table = app.query_one("#compare-table", DataTable)
    return [[str(c) for c in table.get_row_at(i)] for i in range(table.row_count)]


async def test_the_comparison_table_shows_all_three_models_trained_on_one_corpus(toy):
    from corpora.evalsets import eval_set_path
    from engine.evaluate import compare

    app = WordlabApp(corpus=toy)
    async with app.run_test(size=(80, 24)) as pilot:
        await _train(app, pilot, "word2vec")
        await pilot.press("6")
        await pilot.pause()
        await pilot.press("c")                        # one model: nothing to compare with yet
        await pilot.pause()
        assert "only Word2Vec" in text_of(app, "#evaluate-message")
        assert "train another" in text_of(app, "#evaluate-message")
        assert not app.query_one("#compare-box").display
        await _train(app, pilot, "glove", epochs="3")
        await _train(app, pilot, "fasttext", bucket="5000")
        assert [f for f, _, _ in app.state.side_by_side()] == ["Word2Vec", "GloVe", "FastText"]
        await pilot.press("6")
        await pilot.pause()
        assert app.query_one("#analogy-set", Select).value == "toy-world"   # the corpus's own set
        await pilot.press("c")
        await settle(app, pilot)
        assert app.query_one("#compare-box").display and not app.query_one("#evaluate-results").display
        table = app.query_one("#compare-table", DataTable)
        headers = [str(c.label) for c in table.columns.values()]
        assert headers[1:4] == ["Word2Vec", "GloVe", "FastText"] and headers[4] == "spread"
        rows = _cells(app)
        assert [r[0] for r in rows] == ["gender", "capital-country", "singular-plural",
                                        "present-past", "all analogies", "pairs Spearman"]
        # the engine's numbers, each model's column
        want = compare([(f, kv) for f, kv, _ in app.state.side_by_side()],
                       eval_set_path("toy-world"), eval_set_path("wordsim353"))
        all_row = next(r for r in want.rows if r.kind == "analogies")
        assert rows[4][1:4] == [f"{v:.1%}" for v in all_row.values]
        assert rows[4][4] == f"{all_row.spread * 100:.1f} pt"
        best = table.get_row_at(4)[1 + all_row.best]
        assert "reverse" in str(best.style)                      # the best of the row highlighted
        assert "toy-world" in text_of(app, "#compare-summary")
        await pilot.press("a")                     # one model's analogies: the comparison goes
        await settle(app, pilot)
        assert not app.query_one("#compare-box").display


async def test_a_new_corpus_empties_the_comparison(toy, lecture, lecture_vectors):
    app = WordlabApp(corpus=toy)
    async with app.run_test(size=(80, 24)) as pilot:
        from engine.word2vec import Word2VecConfig

        app.set_vectors(lecture_vectors, Provenance("trained", corpus="toy-world",
                                                    corpus_gen=app.state.corpus_gen,
                                                    config=Word2VecConfig()))
        app.set_vectors(lecture_vectors, Provenance("loaded", path="x.txt"))   # not kept
        assert [f for f, _, _ in app.state.side_by_side()] == ["Word2Vec"]
        app.set_corpus(lecture, dict(app.corpus_options))
        await pilot.pause()
        assert app.state.side_by_side() == []
        await pilot.press("6")
        await pilot.pause()
        await pilot.press("c")
        await pilot.pause()
        assert "no model trained on this corpus" in text_of(app, "#evaluate-message")
